"""Interactive labs: activations, vanishing gradients, softmax, autograd, gradient check and a
classification playground. Pure torch and numpy; the GUI only plots what these return."""

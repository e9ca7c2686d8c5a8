"""Datasets as engine objects: the built-in sets (Mazur's sample, XOR, the 2-D toy sets, a noisy
sine, the 8×8 handwritten digits), the learner's CSV and MNIST-format (IDX) files, and a seeded
train/validation split. Below models, above core: numpy, torch and the standard library only."""

"""The diagram for wide networks: layers as columns, weight matrices as heatmaps, activations as
columns of cells, gradient norms per layer, and one neuron's incoming weights zoomed in.

gui.views.layer_columns_view puts the parts together; the diagram pane shows it instead of the
textbook figure when engine.models.diagram_scale says the network is too wide for circles.
"""

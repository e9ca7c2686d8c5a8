"""The network diagram's parts: its graphics items, layout, texts, the figure built from them,
its look for one Snapshot, tooltips, the weight editor, the step tween and zoom.

gui.views.network_view puts them together; each part does one job and knows no widget.
"""

"""Small loop runs for the window's tests: moons in mini-batches, and the digits network."""

from __future__ import annotations

from engine.models.config import Config
from engine.models.presets import MAZUR

# 400 moons, 80 held out: 20 batches of 16 per epoch, an evaluation at each epoch's end.
MOONS_LOOP: Config = MAZUR.replace(
    dataset="moons",
    inputs=(),
    targets=(),
    layers=(2, 3, 2),
    batch_size=16,
    val_share=0.2,
    epochs=2,
)

# The tutorial's linear digits model, as a learner sets it up without the preset.
DIGITS_LOOP: Config = MAZUR.replace(
    dataset="digits",
    inputs=(),
    targets=(),
    layers=(64, 10),
    activations=("log_softmax",),
    loss="nll",
    lr=0.5,
    batch_size=64,
    val_share=0.2,
    epochs=2,
)

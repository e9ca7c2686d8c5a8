"""Every frame of the iteration GIF says where it stands: iteration, micro-step, loss."""

from __future__ import annotations

import numpy as np
import torch
from PIL import Image

from engine.models.presets import MAZUR
from engine.training.stepper import Stepper
from gui.gif_caption import CAPTION_HEIGHT, frame_caption, micro_step_name


def _plain_pytorch_loss() -> float:
    """Mazur's first loss, computed here without the app."""
    x, target = torch.tensor([[0.05, 0.10]]), torch.tensor([[0.01, 0.99]])
    w1 = torch.tensor([[0.15, 0.20], [0.25, 0.30]])
    w2 = torch.tensor([[0.40, 0.45], [0.50, 0.55]])
    out = torch.sigmoid(torch.sigmoid(x @ w1.T + 0.35) @ w2.T + 0.60)
    return float(0.5 * ((target - out) ** 2).sum())


def test_the_caption_says_the_snapshots_iteration_micro_step_and_loss(qtbot):
    stepper = Stepper(MAZUR)
    stepper.step_phase()
    whole = stepper.whole_iteration()
    per = stepper.micro_steps_per_iteration
    assert frame_caption(whole[0], 1, per) == f"Iteration 1 · micro-step 1/{per} · " + (
        "optimizer.zero_grad()"
    )  # no loss yet: the forward pass has not computed it
    assert frame_caption(whole[1], 2, per).endswith("· out_h1")
    w5 = next(i for i, s in enumerate(whole) if s.phase == "backward" and s.focus == "w5")
    caption = frame_caption(whole[w5], w5 + 1, per)
    head, loss = caption.rsplit(" · E = ", 1)
    assert head == f"Iteration 1 · micro-step {w5 + 1}/{per} · ∂E/∂w5"
    assert loss == f"{whole[w5].loss:.6g}" and abs(float(loss) - _plain_pytorch_loss()) < 5e-7
    assert micro_step_name(whole[6]) == "δ_o1"  # a neuron's δ, not a parameter's gradient
    assert micro_step_name(whole[-1]) == "update w8"


def test_the_caption_counts_iterations_from_one(qtbot):
    stepper = Stepper(MAZUR)
    stepper.run(2)
    stepper.step_phase()
    first = stepper.whole_iteration()[0]
    assert first.iteration == 2 and frame_caption(first, 1, 26).startswith("Iteration 3 ·")


def _caption_strip(frame: Image.Image) -> np.ndarray:
    rgb = np.asarray(frame.convert("RGB"), dtype=int)
    return rgb[-CAPTION_HEIGHT:]


def test_every_gif_frame_carries_a_caption_strip(window, qtbot, tmp_path):
    controller = window.controller
    for _ in range(3):
        controller.step_phase()  # mid-iteration: the whole iteration is recorded anyway
    target = tmp_path / "iteration.gif"
    animation = window.export_iteration_animation(target)
    with qtbot.waitSignal(animation.finished, timeout=30000):
        pass
    strips = []
    with Image.open(target) as gif:
        assert gif.n_frames == controller.stepper.micro_steps_per_iteration
        for index in range(gif.n_frames):
            gif.seek(index)
            strip = _caption_strip(gif)
            dark = (strip.sum(axis=2) < 200).sum()
            assert dark > 300, f"frame {index + 1} has no legible caption"
            strips.append(strip)
    assert not np.array_equal(strips[0], strips[1])  # each frame its own micro-step


def _plain_pytorch_losses(iterations: int) -> list[float]:
    """Mazur's losses with plain SGD (lr 0.5, biases held), written out here: the loss at
    the parameters after 0, 1, … `iterations` updates."""
    x, target = (
        torch.tensor([[0.05, 0.10]], dtype=torch.float64),
        torch.tensor([[0.01, 0.99]], dtype=torch.float64),
    )
    w1 = torch.tensor([[0.15, 0.20], [0.25, 0.30]], dtype=torch.float64, requires_grad=True)
    w2 = torch.tensor([[0.40, 0.45], [0.50, 0.55]], dtype=torch.float64, requires_grad=True)
    losses = []
    for _ in range(iterations + 1):
        out = torch.sigmoid(torch.sigmoid(x @ w1.T + 0.35) @ w2.T + 0.60)
        loss = 0.5 * ((target - out) ** 2).sum()
        losses.append(float(loss.detach()))
        w1.grad = w2.grad = None
        loss.backward()
        with torch.no_grad():
            w1 -= 0.5 * w1.grad
            w2 -= 0.5 * w2.grad
    return losses


def test_every_descent_frame_says_its_iterations_and_loss(window, qtbot, tmp_path, monkeypatch):
    import gui.window_animations as animations

    captions_used = []
    real = animations.path_animation
    monkeypatch.setattr(animations, "path_animation", lambda view, path, target, captions: (
        captions_used.append(captions) or real(view, path, target, captions)))  # fmt: skip
    window.controller.run_blocking(12)
    target = tmp_path / "descent.gif"
    animation = window.export_animation(target)
    with qtbot.waitSignal(animation.finished, timeout=30000):
        pass
    (captions,) = captions_used
    expected = _plain_pytorch_losses(12)
    assert len(captions) == 13
    for k, caption in enumerate(captions):
        head, loss = caption.split(" · E = ")
        assert head == f"After {k} iterations"
        assert abs(float(loss) - expected[k]) <= 5e-6 * expected[k], (k, caption)
    with Image.open(target) as gif:
        assert gif.n_frames == 13
        for index in range(gif.n_frames):
            gif.seek(index)
            assert (_caption_strip(gif).sum(axis=2) < 200).sum() > 300, index

"""GUI rows: a micro-step's redraw, Play's speed, a surface recompute + redraw, and cold start.

The engine never imports Qt (an import-linter contract), so the window is measured in child
processes on the offscreen platform, running the probes in gui/bench_probe.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from engine.bench.report import Row
from engine.bench.timing import Sizes, median

ROOT = Path(__file__).resolve().parents[2]
REDRAW_TARGET = "median ≤ 8 ms, p95 ≤ 16 ms"
SURFACE_TARGET = "median ≤ 33 ms"
PLAY_METRIC = "Play at fastest speed: micro-steps per second (target ≥ 50)"
PLAY_TARGET = "≥ 50 micro-steps/s, redraw median ≤ 8 ms"
PLAY_FLOOR = 50.0
COLD_TARGET = "A/B ≤ 1.5"
# The probes live in gui/bench_probe.py and run as `python -m gui.bench_probe KIND ...`.
FRAME_PROBE = ("-m", "gui.bench_probe", "frames")
COLD_PROBE = ("-m", "gui.bench_probe", "cold")
BASELINE = "import torch, PySide6.QtWidgets"


def gui_rows(sizes: Sizes, threads: int) -> list[Row]:
    if not (ROOT / "gui" / "main_window.py").is_file():
        return not_measured("there is no gui/main_window.py yet")
    try:
        printed = probe(FRAME_PROBE, str(sizes.redraws), str(threads), str(sizes.play_seconds))
        frames = json.loads(printed.splitlines()[-1])
    except (subprocess.SubprocessError, ValueError, IndexError) as error:
        return not_measured(f"the window did not run offscreen ({first_line(error)})")
    return [
        redraw_row(frames["redraw"]),
        play_row(frames["play"], median(frames["redraw"])),
        surface_row(frames["surface"]),
        cold_start_row(sizes),
    ]


def not_measured(reason: str) -> list[Row]:
    return [
        Row.not_measured("GUI redraw of one micro-step", REDRAW_TARGET, reason),
        Row.not_measured(PLAY_METRIC, PLAY_TARGET, reason),
        Row.not_measured("surface 128×128 recompute + redraw", SURFACE_TARGET, reason),
        Row.not_measured("cold start to first painted window", COLD_TARGET, reason),
    ]


def probe(source: str | tuple[str, ...], *args: str, timeout: float = 120) -> str:
    """Run a probe module (or `-c` source) in a fresh interpreter offscreen; its stdout."""
    code = list(source) if isinstance(source, tuple) else ["-c", source]
    command = [sys.executable, *code, *args]
    done = subprocess.run(
        command, cwd=ROOT, env=offscreen_env(), capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise subprocess.SubprocessError(done.stderr.strip().splitlines()[-1:] or done.returncode)
    return done.stdout


def offscreen_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def first_line(error: Exception) -> str:
    text = str(error.args[0] if error.args else error)
    return text.strip("[]'\" ").splitlines()[0][:160] if text else type(error).__name__


def redraw_row(times: list[float]) -> Row:
    med, p95 = median(times), float(np.percentile(times, 95))
    return Row(
        metric="GUI redraw of one micro-step",
        a=med,
        b=1 / 60,
        unit="s",
        ratio=med / (1 / 60),
        target=REDRAW_TARGET,
        ok=med <= 8e-3 and p95 <= 16e-3,
        a_is="controller.step_phase(), then process events and repaint the window (offscreen)",
        b_is="one 60 fps frame",
        note=f"p95 {p95 * 1e3:.1f} ms over {len(times)} micro-steps, weight tween off",
    )


def play_row(play: dict[str, float], redraw_median: float) -> Row:
    rate = play["micro_steps_per_s"]
    return Row(
        metric=PLAY_METRIC,
        a=rate,
        b=PLAY_FLOOR,
        unit="steps/s",
        ratio=rate / PLAY_FLOOR,
        target=PLAY_TARGET,
        ok=rate >= PLAY_FLOOR and redraw_median <= 8e-3,
        a_is=f"micro-steps a second, Play at its fastest ({play['speed']:.0f}/s), offscreen",
        b_is="the target",
        note=f"{play['redraws_per_s']:.0f} redraws/s; redraw median {redraw_median * 1e3:.1f} ms",
    )


def surface_row(times: list[float]) -> Row:
    med = median(times)
    return Row(
        metric="surface 128×128 recompute + redraw",
        a=med,
        b=1 / 30,
        unit="s",
        ratio=med / (1 / 30),
        target=SURFACE_TARGET,
        ok=med <= 33e-3,
        a_is="a micro-step, the surface recomputed at the new point, the window repainted",
        b_is="one 30 fps frame",
        note=f"p95 {float(np.percentile(times, 95)) * 1e3:.1f} ms over {len(times)} ticks",
    )


def cold_start_row(sizes: Sizes) -> Row:
    window, baseline = [], []
    for _ in range(sizes.cold_starts):
        for source, times in ((COLD_PROBE, window), (BASELINE, baseline)):
            start = time.perf_counter()
            probe(source)
            times.append(time.perf_counter() - start)
    ratio = median(window) / median(baseline)
    return Row(
        metric="cold start to first painted window",
        a=median(window),
        b=median(baseline),
        unit="s",
        ratio=ratio,
        target=COLD_TARGET,
        ok=ratio <= 1.5,
        a_is="a fresh interpreter until the main window's first paint event",
        b_is=f'python -c "{BASELINE}"',
    )

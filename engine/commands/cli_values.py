"""The command line's value parsers: each raises ArgumentTypeError with a message that names
the value, which argparse prints as one line."""

from __future__ import annotations

import argparse
import math

# A run stores every iteration: beyond this it would take hours and gigabytes.
MAX_STEPS = 10_000_000


def finite_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return value


def non_negative_float(text: str) -> float:
    value = finite_float(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must not be negative")
    return value


def whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def non_negative_int(text: str) -> int:
    value = whole(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must not be negative")
    return value


def step_count(text: str) -> int:
    value = non_negative_int(text)
    if value > MAX_STEPS:
        raise argparse.ArgumentTypeError(f"{text!r}: at most {MAX_STEPS:,} iterations")
    return value


def int_list(text: str) -> tuple[int, ...]:
    parts = [p for p in text.split(",")]
    sizes = tuple(whole(p.strip()) for p in parts)
    if any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError(f"{text!r}: every layer needs at least one neuron")
    if len(sizes) < 2:
        raise argparse.ArgumentTypeError(f"{text!r}: give at least an input and an output size")
    return sizes


def float_pair(text: str) -> tuple[float, float]:
    parts = text.split(",")
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(f"{text!r}: expected two numbers separated by a comma")
    first, second = finite_float(parts[0].strip()), finite_float(parts[1].strip())
    return first, second


def float_list(text: str) -> tuple[float, ...]:
    return tuple(finite_float(part.strip()) for part in text.split(","))


def lookahead_pair(text: str) -> tuple[int, float]:
    parts = text.split(",")
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(f"{text!r}: expected K,ALPHA, e.g. 5,0.5")
    k = whole(parts[0].strip())
    if k < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: k must be at least 1")
    return k, finite_float(parts[1].strip())


def activation_spec(text: str) -> str:
    from engine.models.activations import UnknownActivationError, get_activation

    try:
        return get_activation(text).name
    except UnknownActivationError as error:
        raise argparse.ArgumentTypeError(str(error)) from None

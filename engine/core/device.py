"""Where tensors live: cpu, cuda, or auto (cuda when there is one)."""

from __future__ import annotations

import torch

from engine.core.errors import EngineError
from engine.core.i18n import translate

DTYPES = {"float64": torch.float64, "float32": torch.float32}


class DeviceError(EngineError):
    """CUDA was asked for and cannot be used."""


def cuda_unavailable_reason() -> str | None:
    """Why CUDA cannot be used here, or None when it can."""
    if torch.version.cuda is None:
        text = translate("EngineError", "this PyTorch build ({version}) has no CUDA support")
        return text.format(version=torch.__version__)
    if not torch.cuda.is_available():
        return translate(
            "EngineError", "no CUDA GPU or driver was found (torch.cuda.is_available() is False)"
        )
    return None


def resolve_device(name: str) -> torch.device:
    """Turn 'cpu', 'cuda' or 'auto' into a device, refusing cuda with the reason it is absent."""
    if name == "cpu":
        return torch.device("cpu")
    reason = cuda_unavailable_reason()
    if name == "auto":
        return torch.device("cpu" if reason else "cuda")
    if name == "cuda":
        if reason:
            raise DeviceError(f"cuda was requested but {reason}; use --device cpu or auto")
        return torch.device("cuda")
    raise DeviceError(f"unknown device {name!r}: choose auto, cpu or cuda")


def resolve_dtype(name: str) -> torch.dtype:
    try:
        return DTYPES[name]
    except KeyError:
        raise EngineError(f"unknown dtype {name!r}: choose float64 or float32") from None

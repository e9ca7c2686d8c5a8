"""Benchmark rows, the machine they ran on, and the table and JSON they are printed as."""

from __future__ import annotations

import os
import platform
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch


@dataclass(frozen=True)
class Row:
    """One pair: medians of both sides in `unit`, their ratio as the target reads it."""

    metric: str
    a: float | None
    b: float | None
    unit: str
    ratio: float | None
    target: str  # "A/B ≤ 0.8", "B/A ≥ 500", "≤ 64 MB", "reported"
    ok: bool | None  # None: no target, or not measured
    a_is: str = ""
    b_is: str = ""
    numbers: str = ""  # how the two sides' results compare
    identical: bool | None = None  # both sides gave bit-identical numbers (None: not compared)
    note: str = ""  # "not measured: ..." and other remarks

    @classmethod
    def not_measured(cls, metric: str, target: str, reason: str) -> Row:
        return cls(metric, None, None, "", None, target, None, note=f"not measured: {reason}")


@dataclass
class Report:
    machine: dict[str, Any]
    quick: bool
    rows: list[Row] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def all_ok(self) -> bool:
        """Every row with a target that was measured meets it."""
        return all(row.ok is not False for row in self.rows)

    def as_dict(self) -> dict[str, Any]:
        return {
            "machine": self.machine,
            "quick": self.quick,
            "seconds": round(self.seconds, 2),
            "all_ok": self.all_ok,
            "rows": [asdict(row) for row in self.rows],
        }


def machine(device: torch.device) -> dict[str, Any]:
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
        "torch": torch.__version__,
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "device": str(device),
        "gpu": torch.cuda.get_device_name(device) if device.type == "cuda" else None,
    }


def cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


# -- the table ------------------------------------------------------------------------------
UNIT_SCALES = {
    "s/it": ((1e-6, "ns/it", 1e9), (1e-3, "µs/it", 1e6), (float("inf"), "ms/it", 1e3)),
    "s": ((1e-3, "µs", 1e6), (1.0, "ms", 1e3), (float("inf"), "s", 1.0)),
    "it/s": ((1e3, "/s", 1.0), (1e6, "k/s", 1e-3), (float("inf"), "M/s", 1e-6)),
}


def quantity(value: float | None, unit: str) -> str:
    """A value with a readable unit: 5.3e-05 s/it -> '53.0 µs/it'."""
    if value is None:
        return "—"
    for limit, name, scale in UNIT_SCALES.get(unit, ()):
        if abs(value) < limit:
            return f"{value * scale:.3g} {name}"
    return f"{value:.3g} {unit}".strip()


def times(ratio: float | None) -> str:
    """0.654×, 90.9×, 2,795×."""
    if ratio is None:
        return "—"
    return f"{ratio:.3g}×" if ratio < 100 else f"{ratio:,.0f}×"


def table(report: Report) -> str:
    m = report.machine
    head = (
        f"Backprop Studio benchmark{' (quick)' if report.quick else ''}: {m['cpu']}, "
        f"{m['cores']} cores, torch {m['torch']} ({m['torch_threads']} intra-op thread(s)), "
        f"device {m['device']}{' ' + m['gpu'] if m['gpu'] else ''}, python {m['python']}"
    )
    cells = [("metric", "A", "B", "ratio", "target", "ok")]
    for row in report.rows:
        ok = {True: "yes", False: "NO", None: "—"}[row.ok]
        a, b = quantity(row.a, row.unit), quantity(row.b, row.unit)
        cells.append((row.metric, a, b, times(row.ratio), row.target, ok))
    widths = [max(len(line[i]) for line in cells) for i in range(len(cells[0]))]
    lines = [head, ""]
    for k, line in enumerate(cells):
        text = " | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True))
        lines.append(text.rstrip())
        if k == 0:
            lines.append("-+-".join("-" * w for w in widths))
    verdict = "yes" if report.all_ok else "NO"
    lines += ["", *notes(report.rows), "", f"{report.seconds:.1f} s in all; targets met: {verdict}"]
    return "\n".join(lines).rstrip()


def notes(rows: list[Row]) -> list[str]:
    """What A and B are in each row, and how their numbers compare."""
    lines = []
    for row in rows:
        parts = [
            f"A = {row.a_is}" if row.a_is else "",
            f"B = {row.b_is}" if row.b_is else "",
            row.numbers,
            row.note,
        ]
        text = "; ".join(p for p in parts if p)
        if text:
            lines.append(f"- {row.metric}: {text}")
    return lines

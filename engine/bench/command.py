"""The `bench` command: run every pair, print the table or one JSON object."""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

import torch

from engine.bench.engine_rows import engine_rows
from engine.bench.gui_rows import gui_rows
from engine.bench.report import Report, machine, table
from engine.bench.timing import FULL, QUICK, Sizes
from engine.core.device import resolve_device

# One intra-op thread: Mazur-sized tensors never use more, and on a two-core machine a second
# OpenMP thread makes every batched operation wait for a core whenever anything else runs
# (a 256² surface took ~100 ms instead of ~2 ms while a test suite ran beside it).
DEFAULT_THREADS = 1


def add_bench_command(commands: Any) -> None:
    bench = commands.add_parser("bench", help="the performance benchmark (ratios, side by side)")
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    bench.add_argument("--quick", action="store_true", help="tiny sizes: checks that it runs")
    threads = f"torch intra-op threads (default {DEFAULT_THREADS})"
    bench.add_argument("--threads", type=int, default=DEFAULT_THREADS, metavar="N", help=threads)


def run_bench_command(args: argparse.Namespace) -> int:
    report = run_bench(QUICK if args.quick else FULL, args.device, args.threads)
    print(json.dumps(report.as_dict(), allow_nan=False) if args.json else table(report))
    return 0


def run_bench(sizes: Sizes = FULL, device: str = "cpu", threads: int = DEFAULT_THREADS) -> Report:
    """Every row, measured with `threads` intra-op threads (restored afterwards)."""
    where = resolve_device(device)
    previous = torch.get_num_threads()
    torch.set_num_threads(max(1, threads))
    start = time.perf_counter()
    try:
        report = Report(machine(where), quick=sizes is QUICK)
        report.rows += engine_rows(sizes, where)
        if where.type == "cuda":
            from engine.bench.cuda_rows import cuda_rows

            report.rows += cuda_rows(sizes, where)
        report.rows += gui_rows(sizes, threads)
    finally:
        torch.set_num_threads(previous)
    report.seconds = time.perf_counter() - start
    return report

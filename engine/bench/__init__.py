"""`python main.py bench`: each cost measured side by side with what it replaces.

Every pair runs interleaved (A B A B ...) in one process, several times; a row reports the
median of each side, their ratio and the target. Targets are ratios, not absolute times, so
they hold on a busy machine. Each pair also checks that both sides compute the same numbers:
a fast path that drifts from the real loop would not count as faster.
"""

from engine.bench.command import add_bench_command, run_bench, run_bench_command
from engine.bench.report import Report, Row

__all__ = ["Report", "Row", "add_bench_command", "run_bench", "run_bench_command"]

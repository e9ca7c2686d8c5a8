"""Fuzz the command line: any argument list either runs or is refused with one line and exit 2.

Options are read from the real parser and given a mix of sensible and junk values. Step counts
and grid sizes stay small so that the runs that do succeed take milliseconds. `bench` measures
for seconds, so its measuring function is replaced: what is fuzzed is the parsing and checking
in front of it. `export` needs the window package and is covered by tests/gui.
"""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import engine.commands.cli as cli

EXIT_OK, EXIT_DIVERGED = 0, 3
SMALL_COUNTS = ("--steps", "--res", "--epochs")  # valid values stay tiny: runs stay quick
JUNK_OPTIONS = ("--bogus", "-x", "--lr=", "--json=1")
# No leading "-": argparse would read it as an abbreviated option (e.g. "--scr...").
JUNK_TEXT = st.text(alphabet="abcxyz0123456789.,:eE+_ ", max_size=12)
FRACTIONS = st.floats(0, 0.999).map(repr)  # in range for every rate, momentum and beta


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {name: sub for name, sub in action.choices.items() if name in cli.COMMANDS}


COMMANDS = subcommands()


def numbers() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(-5, 5).map(str),
        st.integers().map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.sampled_from(["nan", "inf", "-inf", "1e300", "1e400", "-0", "0x10", "1_0", ""]),
    )


def values_for(action: argparse.Action) -> st.SearchStrategy[list[str]]:
    """What follows an option: nothing for a flag, else one value, sensible or not."""
    if action.nargs == 0:
        return st.just([])
    if any(option in SMALL_COUNTS for option in action.option_strings):
        sensible = st.integers(-3, 4).map(str)
    elif action.choices:
        sensible = st.sampled_from(sorted(map(str, action.choices)))
    elif action.metavar and "," in str(action.metavar):
        pieces = st.lists(FRACTIONS | numbers() | JUNK_TEXT, min_size=0, max_size=5)
        sensible = pieces.map(",".join)
    else:
        sensible = FRACTIONS | numbers()
    # Mostly sensible values, so that runs get past the parser often enough to be fuzzed too.
    return st.one_of(sensible, sensible, sensible, JUNK_TEXT).map(lambda v: [v])


@st.composite
def argument_lists(draw: st.DrawFn) -> list[str]:
    name = draw(st.sampled_from(sorted(COMMANDS)))
    options = [a for a in COMMANDS[name]._actions if a.option_strings and a.dest != "help"]
    argv = [name]
    for _ in range(draw(st.integers(0, 4))):
        if draw(st.integers(0, 9)) == 0:
            argv += [draw(st.sampled_from(JUNK_OPTIONS) | JUNK_TEXT)]
            continue
        action = draw(st.sampled_from(options))
        argv += [draw(st.sampled_from(action.option_strings)), *draw(values_for(action))]
    if name == "surface" and draw(st.booleans()):
        argv += ["--json"]  # most surface runs would otherwise stop at the missing output
    return argv


def run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as exit_info:
            code = exit_info.code
    return code, err.getvalue()


@pytest.fixture(autouse=True)
def quick_bench_in_a_scratch_folder(monkeypatch, tmp_path):
    """`--out` values become file names: they are written here, not into the checkout."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cli, "run_bench_command", lambda args: EXIT_OK)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(argument_lists())
def test_any_argument_list_runs_or_is_refused_in_one_line(argv):
    code, err = run(argv)
    event(f"{argv[0]} exit {code}")
    assert "Traceback" not in err, (argv, err)
    if code == EXIT_OK:
        return
    # Exit 3 is the documented divergence report: the last finite state, one line on stderr.
    assert code in (cli.EXIT_BAD_INPUT, EXIT_DIVERGED), (argv, code, err)
    assert err.count("\n") == 1 and err.endswith("\n"), (argv, err)

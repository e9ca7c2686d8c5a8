"""Sessions without a window: `train … --save-session FILE` and `main.py replay FILE [--json]`.

A session written here is the file the window's File → Save writes (engine.io.session_save), so
the window opens it; `replay` opens one the way the window does, which replays it and checks
the result against the saved state bit for bit, and reports it as `train` does.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from engine.io.safe_write import check_writable_target, safe_write_text
from engine.io.session_format import session_text
from engine.io.session_open import load_session
from engine.io.session_save import session_document
from engine.io.verify import verify_json
from engine.training.stepper import Stepper

Report = Callable[[Stepper, int, int | None], dict[str, Any]]
Render = Callable[[dict[str, Any], bool], str]


def add_replay_command(commands: Any) -> None:
    replay = commands.add_parser(
        "replay", help="open a saved session headless, check that it replays, report it"
    )
    replay.add_argument("session", metavar="FILE", help="a session saved by the app or train")
    replay.add_argument("--json", action="store_true", help="print one JSON object")


def run_replay(args: argparse.Namespace, report: Report, render: Render) -> int:
    stepper = load_session(args.session)  # refuses (one line) a session that does not replay
    print(render(report(stepper, stepper.iteration, None), args.json))
    return 0


def add_save_session_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--save-session", metavar="FILE", help="also save the run as a session the window opens"
    )


def check_session_target(args: argparse.Namespace) -> None:
    """Refuse an unwritable --save-session before the run, not after it."""
    if args.save_session is not None:
        check_writable_target(args.save_session)


def save_requested_session(stepper: Stepper, args: argparse.Namespace) -> None:
    if args.save_session is not None:
        text = session_text(session_document(stepper))
        safe_write_text(args.save_session, text, verify_json)

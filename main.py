"""Backprop Studio. No arguments: the window with the Mazur example; a command: headless."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from engine.commands.cli import build_parser, parse_command_line, run_command

    parser = build_parser()
    args = parse_command_line(parser, sys.argv[1:] if argv is None else argv)
    if args.command == "export":
        from gui.export_command import run_export  # figures are drawn by the window's views

        return run_export(args)
    if args.command is not None:
        return run_command(args, parser)
    from gui.app import run_app  # Qt is imported only when a window is wanted

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())

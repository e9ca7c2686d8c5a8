"""Running the command line inside the test process, for tests of its refusals."""

from __future__ import annotations

from engine.commands.cli import main as cli_main


def run_cli(capsys, argv: list[str]) -> tuple[int, str, str]:
    """The command line in this process: (exit code, stdout, stderr)."""
    try:
        code = cli_main(argv)
    except SystemExit as exit_info:
        code = exit_info.code
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(capsys, argv: list[str], message: str) -> str:
    """One line on stderr naming the problem, exit code 2, nothing on stdout."""
    code, out, err = run_cli(capsys, argv)
    assert code == 2, (argv, code, err)
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err and message in err, err
    assert out == ""
    return err

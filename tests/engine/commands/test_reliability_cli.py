"""Every bad value of every command is one line on stderr and exit code 2, never a traceback."""

from __future__ import annotations

import errno

import pytest
from cli_runs import assert_refused

from engine.commands import surface as surface_command

TRAIN = [
    (["--lr", ""], "is not a number"),
    (["--lr", "-1"], "must not be negative"),
    (["--lr", "nan"], "not a finite number"),
    (["--lr", "1e400"], "not a finite number"),
    (["--lr", "1e301"], "at most 1e300"),
    (["--lr", "fast"], "is not a number"),
    (["--lr", "1e300", "--dtype", "float32"], "with float32 the learning rate"),
    (["--weight-decay", "1e39", "--dtype", "float32"], "with float32 the learning rate"),
    (["--momentum", "1"], "momentum must be in [0, 1)"),
    (["--momentum", "-0.5"], "must not be negative"),
    (["--weight-decay", "-1"], "must not be negative"),
    (["--betas", "0.9,1"], "betas must be two numbers in [0, 1)"),
    (["--betas", "0.9,x"], "is not a number"),
    (["--betas", "0.9,0.9,0.9"], "expected two numbers"),
    (["--lookahead", "0,0.5"], "k must be at least 1"),
    (["--lookahead", "5,2"], "lookahead alpha must be in (0, 1]"),
    (["--lookahead", "5"], "expected K,ALPHA"),
    (["--layers", ""], "is not a whole number"),
    (["--layers", "2"], "at least an input and an output size"),
    (["--layers", "2,-2,2"], "at least one neuron"),
    (["--layers", "2,5000,2"], "at most 1024 neurons"),
    (["--layers", "2,1024,1024,2"], "at most 10,000 weights and biases"),
    (["--seed", "-1"], "seed must be between"),
    (["--seed", "1.5"], "is not a whole number"),
    (["--steps", "-1"], "must not be negative"),
    (["--steps", "100000000000"], "at most 10,000,000 iterations"),
    (["--activation", "bogus"], "unknown activation 'bogus'"),
    (["--activation", "leaky_relu:nan"], "must be a finite number"),
    (["--optimizer", "adamax"], "invalid choice"),
    (["--loss", "hinge"], "invalid choice"),
    (["--device", "tpu"], "invalid choice"),
    (["--dtype", "float16"], "invalid choice"),
    (["--preset", "nope"], "invalid choice"),
    (["--preset", "rosenbrock", "--layers", "2,2,2"], "--layers does not apply"),
    (["--published-variant", "--optimizer", "adam"], "published variant"),
    (["--unknown-option"], "unrecognized arguments"),
]


@pytest.mark.parametrize(("args", "message"), TRAIN, ids=[" ".join(a) for a, _ in TRAIN])
def test_bad_train_values(capsys, args, message):
    assert_refused(capsys, ["train", *args], message)


SURFACE = [
    (["--axes", "w5,w6", "--res", "1", "--json"], "between 2 and 2048"),
    (["--axes", "w5,w6", "--res", "100000", "--json"], "between 2 and 2048"),
    (["--axes", "w5,zz", "--res", "4", "--json"], "unknown parameter 'zz'"),
    (["--axes", "w5", "--res", "4", "--json"], "needs two parameter labels"),
    (["--res", "4", "--json"], "--axes is required"),
    (["--axes", "w5,w6", "--range", "1,0,0,1", "--json"], "x0 < x1"),
    (["--axes", "w5,w6", "--range", "1,2,3", "--json"], "four numbers"),
    (["--axes", "w5,w6", "--range", "0,nan,0,1", "--json"], "not a finite number"),
    (["--axes", "w5,w6", "--steps", "100000000000", "--json"], "at most 10,000,000"),
    (["--axes", "w5,w6", "--res", "4"], "one of the arguments --json --out is required"),
    (["--axes", "w5,w6", "--out", "/no/such/folder/s.csv"], "does not exist"),
]


@pytest.mark.parametrize(("args", "message"), SURFACE, ids=[" ".join(a) for a, _ in SURFACE])
def test_bad_surface_values(capsys, args, message):
    assert_refused(capsys, ["surface", *args], message)


def test_surface_out_naming_a_folder_is_refused(capsys, tmp_path):
    """Found by this sweep: IsADirectoryError escaped as a traceback."""
    folder = tmp_path / "taken.csv"
    folder.mkdir()
    assert_refused(capsys, ["surface", "--axes", "w5,w6", "--res", "4", "--out", str(folder)],
                   f"cannot write {folder}: it is a folder")  # fmt: skip
    assert [p.name for p in tmp_path.iterdir()] == ["taken.csv"]


def test_surface_csv_on_a_full_disk_keeps_the_previous_file(capsys, tmp_path, monkeypatch):
    """Found by this sweep: ENOSPC escaped as a traceback."""
    target = tmp_path / "surface.csv"
    target.write_text("previous\n")
    real_writer = surface_command.csv.writer

    class FillsUp:
        def __init__(self, handle) -> None:
            self.inner, self.rows = real_writer(handle), 0

        def writerow(self, row) -> None:
            self.rows += 1
            if self.rows > 3:  # a few rows reach the disk, then it is full
                raise OSError(errno.ENOSPC, "No space left on device")
            self.inner.writerow(row)

    monkeypatch.setattr(surface_command.csv, "writer", FillsUp)
    argv = ["surface", "--axes", "w5,w6", "--res", "8", "--out", str(target)]
    assert_refused(capsys, argv, f"cannot write {target}: no space left on device")
    assert target.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["surface.csv"]


BENCH = [
    (["--threads", "abc"], "invalid int value"),
    (["--threads", "0"], "between 1 and 256"),
    (["--threads", "-4"], "between 1 and 256"),
    (["--threads", "1000000"], "between 1 and 256"),  # torch would start a million threads
    (["--device", "tpu"], "invalid choice"),
]


@pytest.mark.parametrize(("args", "message"), BENCH, ids=[" ".join(a) for a, _ in BENCH])
def test_bad_bench_values(capsys, args, message):
    assert_refused(capsys, ["bench", "--quick", *args], message)


def test_bench_on_absent_cuda(capsys, monkeypatch):
    import engine.core.device as device

    monkeypatch.setattr(device, "cuda_unavailable_reason", lambda: "no CUDA GPU was found")
    assert_refused(capsys, ["bench", "--quick", "--device", "cuda"], "no CUDA GPU was found")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nonsense"], "invalid choice"),
        (["--steps", "x", "train"], "not a whole number"),
        ([], "no command given"),
        (["export", "--out", "."], "needs the window package"),
    ],
)
def test_bad_commands(capsys, argv, message):
    assert_refused(capsys, argv, message)

"""Lesson files are checked before parsing: regular files, under a size cap, shallow."""

from __future__ import annotations

import faulthandler
import os
import time
from pathlib import Path

import pytest

import engine.lessons.loader as loader
from engine.core.errors import EngineError
from engine.lessons import load_lesson, load_lessons
from engine.lessons.limits import MAX_KEY_PARTS, MAX_LESSON_BYTES, MAX_NESTING, check_shape

GOOD = 'title = "Good"\n[[steps]]\ntext = "Start."\n'
WATCHDOG_SECONDS = 120  # reading a FIFO or /dev/zero never ends: fail the run, do not hang


@pytest.fixture(autouse=True)
def watchdog():
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(path: Path, words: str, seconds: float = 1.0) -> None:
    started = time.monotonic()
    with pytest.raises(EngineError) as error:
        load_lesson(path)
    assert time.monotonic() - started < seconds
    message = str(error.value)
    assert "\n" not in message and message.startswith(path.name) and words in message, message


def test_deep_nesting_is_refused_before_parsing(tmp_path):
    refused(write(tmp_path, "deep.toml", "x = " + "[" * 3000), f"nested more than {MAX_NESTING}")
    refused(write(tmp_path, "tables.toml", "x = " + "{a = " * 3000), "nested more than")
    refused(write(tmp_path, "mixed.toml", "x = " + "[{a = " * 100), "nested more than")


def test_a_long_dotted_key_is_refused_quickly(tmp_path):
    path = write(tmp_path, "dots.toml", "a" + ".a" * 39_000 + " = 1\n")  # 78 KB
    refused(path, f"more than {MAX_KEY_PARTS} parts")
    refused(write(tmp_path, "header.toml", "[" + "a." * 40 + "a]\n"), "dotted key")


def test_ordinary_nesting_and_brackets_in_strings_and_comments_are_fine(tmp_path):
    deep_enough = "x = " + "[" * (MAX_NESTING - 1) + "]" * (MAX_NESTING - 1) + "\n"
    texts = [
        deep_enough,
        "a.b.c.d = 1\n[t.u.v]\nw = 1.5\n",
        'x = "[[[[{{{{ a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h"\n',
        "y = '[[[[ \\' \n# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n",
        'z = """\n' + "[" * 100 + '\n\\"""still inside""" \n',
        "w = '''" + "{" * 100 + "''''\n",
        'q = "a\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["\n',
    ]
    for text in texts:
        check_shape(text, "ok.toml")


def test_the_scan_keeps_up_with_the_parser_on_escapes(tmp_path):
    """A quote the scan took for the end of a string would hide what follows from it."""
    text = 'x = "a\\\\"\ny = ' + "[" * 100 + "\n"  # the string is a\\ and ends there
    with pytest.raises(EngineError, match="nested"):
        check_shape(text, "escape.toml")


@pytest.mark.parametrize("kind", ["fifo", "device", "symlink to a device", "folder"])
def test_only_regular_files_are_read(tmp_path, kind):
    path = tmp_path / "odd.toml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path = Path("/dev/zero")
    elif kind == "symlink to a device":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()
    refused(path, "not a regular file")


def test_a_symlink_to_a_regular_lesson_is_read(tmp_path):
    target = write(tmp_path, "target.txt", GOOD)
    (tmp_path / "linked.toml").symlink_to(target)
    assert load_lesson(tmp_path / "linked.toml").title == "Good"


def test_a_file_over_the_size_cap_is_refused(tmp_path):
    path = write(tmp_path, "big.toml", GOOD + "# " + "x" * MAX_LESSON_BYTES + "\n")
    refused(path, f"limit of {MAX_LESSON_BYTES // 1024} KB")


def test_numbers_the_parser_cannot_convert_are_a_one_line_refusal(tmp_path):
    refused(write(tmp_path, "digits.toml", f"order = {'9' * 5000}\n" + GOOD), "not valid TOML")


def test_bad_lessons_never_stop_the_others_from_loading(tmp_path, monkeypatch):
    write(tmp_path, "a_good.toml", GOOD)
    write(tmp_path, "deep.toml", "x = " + "[" * 3000)
    write(tmp_path, "dots.toml", "a" + ".a" * 39_000 + " = 1\n")
    os.mkfifo(tmp_path / "fifo.toml")
    (tmp_path / "zero.toml").symlink_to("/dev/zero")
    started = time.monotonic()
    catalog = load_lessons(tmp_path)
    assert time.monotonic() - started < 2
    assert [lesson.id for lesson in catalog.lessons] == ["a_good"]
    assert sorted(b.path.name for b in catalog.broken) == [
        "deep.toml", "dots.toml", "fifo.toml", "zero.toml"
    ]  # fmt: skip


def test_an_unexpected_failure_lists_the_lesson_as_broken(tmp_path, monkeypatch):
    write(tmp_path, "a_good.toml", GOOD)
    write(tmp_path, "b_odd.toml", GOOD.replace("Good", "Odd"))
    real = loader.load_lesson

    def fails_for_odd(path: Path):
        if path.name == "b_odd.toml":
            raise RecursionError("maximum recursion depth exceeded")
        return real(path)

    monkeypatch.setattr(loader, "load_lesson", fails_for_odd)
    catalog = load_lessons(tmp_path)
    assert [lesson.id for lesson in catalog.lessons] == ["a_good"]
    [broken] = catalog.broken
    reason = "RecursionError: maximum recursion depth exceeded"
    assert broken.message == f"b_odd.toml: could not be read ({reason})"


@pytest.mark.parametrize(
    "action, words",
    [
        ('{ do = "settings", preset = "mazur", layers = [2, 5000, 2] }', "at most 1024"),
        ('{ do = "settings", preset = "mazur", layers = [2, 200, 200, 2] }', "at most 10,000"),
        ('{ do = "settings", preset = "mazur", lr = nan }', "lr"),
        ('{ do = "open_lab", lab = "vanishing", depth = 40 }', "above the maximum 30"),
        ('{ do = "run", iterations = 2000000 }', "above the maximum"),
        ('{ do = "race", function = "bowl", steps = 100000 }', "above the maximum 1000"),
    ],
)
def test_actions_beyond_the_apps_limits_are_refused_at_load(tmp_path, action, words):
    path = write(tmp_path, "limits.toml", GOOD + f"actions = [{action}]\n")
    refused(path, words)


def test_a_refusal_quoting_a_key_with_a_line_break_stays_one_line(tmp_path):
    body = GOOD + 'expect = { params = { "w1\\nw2" = "x" } }\n'
    refused(write(tmp_path, "breaks.toml", body), "expected a finite number")


def test_a_refusal_quoting_a_long_value_is_cut_short(tmp_path):
    body = GOOD + f'expect = {{ phase = "{"x" * 5000}" }}\n'
    path = write(tmp_path, "long.toml", body)
    with pytest.raises(EngineError) as error:
        load_lesson(path)
    assert len(str(error.value)) <= 300

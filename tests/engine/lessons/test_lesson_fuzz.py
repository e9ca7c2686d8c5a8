"""Fuzz the lesson loader: any file either loads as a Lesson or is refused with EngineError
(one line, naming the file), quickly; no other exception ever escapes, and the catalogue of a
folder always builds.

Three sources of files: TOML-ish text made of the tokens that matter to a parser (brackets,
quotes, dots, escapes), shipped lessons damaged the ways files get damaged, and well-formed TOML
whose structure is random (steps, actions with arguments of any type, expectations).
"""

from __future__ import annotations

import json
import math
import tempfile
import time
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.core.errors import EngineError
from engine.lessons import ACTIONS, LESSONS_FOLDER, Lesson, load_lesson, load_lessons

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SECONDS = 2.0  # the largest example parses in milliseconds
SHIPPED = [path.read_text(encoding="utf-8") for path in sorted(LESSONS_FOLDER.glob("*.toml"))]

TOKENS = st.sampled_from([
    "[", "]", "[[", "]]", "{", "}", "=", ".", ",", "#", "\n", " ", '"', "'", '"""', "'''",
    "\\", "\\u", "\\n", "title", "steps", "text", "actions", "expect", "do", "a", "1", "1.5",
    "nan", "inf", "true", "1979-05-27", "1e999", "9" * 30, "[[steps]]\n", 'title = "T"\n',
    'text = "x"\n', "é", "\x00", "\x7f",
])  # fmt: skip
TOML_ISH = st.lists(st.one_of(TOKENS, st.text(max_size=4)), max_size=200).map("".join)
DEEP = st.builds(
    lambda opener, depth, tail: "x = " + opener * depth + tail,
    st.sampled_from(["[", "{a=", "[{b=", "a."]),
    st.integers(0, 2_000),
    st.sampled_from(["", "1", "]", "}", " = 1"]),
)


@st.composite
def damaged_lessons(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SHIPPED))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["cut", "delete", "insert", "repeat"]))
        if kind == "cut":
            text = text[:at]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif kind == "insert":
            text = text[:at] + draw(st.one_of(TOKENS, st.text(max_size=6))) + text[at:]
        else:
            text = text[:at] + text[at : at + 30] * draw(st.integers(2, 50)) + text[at:]
    return text


WORDS = ["", "mazur", "parabola", "sgd", "adam", "w1", "w5", "forward", "loss", "training",
         "vanishing", "sigmoid", "relu", "params", "rastrigin"]  # fmt: skip
SCALARS = st.one_of(
    st.booleans(),
    st.integers(),
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.sampled_from(WORDS),
    st.text(max_size=8),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)
ARGUMENT_NAMES = sorted({name for spec in ACTIONS.values() for name in spec} | {
    "layers", "lr", "optimizer", "momentum", "inputs", "targets", "activation", "loss", "seed",
    "dtype", "device", "function", "betas", "train_biases",
})  # fmt: skip
ACTION = st.builds(
    lambda name, args: {"do": name, **args},
    st.sampled_from(sorted(ACTIONS)),
    st.dictionaries(st.sampled_from(ARGUMENT_NAMES), VALUES, max_size=4),
)
EXPECT = st.dictionaries(
    st.sampled_from(["phase", "params", "grads", "loss", "tolerance", "cleared", "tab", "x"]),
    VALUES,
    max_size=3,
)
STEP = st.fixed_dictionaries(
    {"text": st.one_of(st.text(max_size=20), VALUES)},
    optional={"actions": st.one_of(st.lists(ACTION, max_size=3), VALUES), "expect": EXPECT},
)
LESSON = st.fixed_dictionaries(
    {"title": st.one_of(st.text(max_size=10), VALUES), "steps": st.lists(STEP, max_size=3)},
    optional={
        "id": st.one_of(st.text(max_size=8), VALUES),
        "order": VALUES,
        "summary": VALUES,
        "extra": VALUES,
    },  # fmt: skip
)


def toml_value(value: Any) -> str:
    """The value as TOML (inline arrays and tables; strings written the JSON way)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    pairs = (f"{json.dumps(k, ensure_ascii=False)} = {toml_value(v)}" for k, v in value.items())
    return "{" + ", ".join(pairs) + "}"


def toml_document(lesson: dict[str, Any]) -> str:
    return "".join(f"{json.dumps(k)} = {toml_value(v)}\n" for k, v in lesson.items())


def loads_or_refuses(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.toml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        started = time.monotonic()
        try:
            lesson = load_lesson(path)
        except EngineError as error:
            message = str(error)
            assert message.startswith("fuzzed.toml") and len(message.splitlines()) == 1, message
        else:
            assert isinstance(lesson, Lesson) and lesson.steps
        assert time.monotonic() - started < SECONDS
        catalog = load_lessons(Path(folder))  # the app's start-up path never raises
        assert len(catalog.lessons) + len(catalog.broken) == 1


@FUZZ
@given(TOML_ISH)
def test_toml_ish_text_loads_or_is_refused_in_one_line(text):
    loads_or_refuses(text)


@FUZZ
@given(DEEP)
def test_deep_or_long_structures_are_refused_in_one_line(text):
    loads_or_refuses(text)


@FUZZ
@given(damaged_lessons())
def test_damaged_shipped_lessons_load_or_are_refused_in_one_line(text):
    loads_or_refuses(text)


@FUZZ
@given(LESSON)
def test_random_lesson_structures_load_or_are_refused_in_one_line(lesson):
    loads_or_refuses(toml_document(lesson))

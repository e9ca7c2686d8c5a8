"""Fuzz the session loader: a damaged file either opens as a valid session or is refused with
EngineError (one line); no other exception ever escapes.

Each example starts from a real saved session (SGD with an edit mid-backward, Adam after a few
iterations, a test function) and damages it the ways files get damaged: fields deleted, types
swapped, numbers replaced, the text cut short, bytes overwritten.
"""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.core.errors import EngineError
from engine.io.session_format import session_text
from engine.io.session_open import load_session
from engine.io.session_save import session_document
from engine.models.presets import MAZUR, get_preset
from engine.training.stepper import Stepper

FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _saved(stepper: Stepper) -> str:
    return session_text(session_document(stepper))


def _sessions() -> list[str]:
    sgd = Stepper(MAZUR)
    sgd.run(2)
    sgd.edit_parameter("w5", 0.7)
    for _ in range(12):
        sgd.step_phase()
    adam = Stepper(MAZUR.replace(optimizer="adam", lr=0.05))
    adam.run(4)
    bowl = Stepper(get_preset("rosenbrock"))
    bowl.run(3)
    return [_saved(sgd), _saved(adam), _saved(bowl)]


SESSIONS = _sessions()
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["nan", "inf", "-inf", "", "sgd", "w1", "forward", "mazur"]),
    st.text(max_size=8),
)
ANY_JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),  # fmt: skip
    max_leaves=8,
)


def opens_or_is_refused(content: bytes) -> None:
    """The loader's whole contract: a Stepper, or EngineError with one line; nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.json"
        path.write_bytes(content)
        try:
            stepper = load_session(path)
        except EngineError as error:
            message = str(error)
            assert message and "\n" not in message
            assert sorted(p.name for p in Path(folder).iterdir()) == ["damaged.json"]
            return
        assert isinstance(stepper, Stepper)
        assert all(math.isfinite(v) for v in stepper.params().values()) or stepper.diverged


def locations(document: Any, at: tuple = ()) -> list[tuple]:
    """Every path to a value inside the document."""
    found = [at] if at else []
    if isinstance(document, dict):
        for key, value in document.items():
            found += locations(value, (*at, key))
    elif isinstance(document, list):
        for index, value in enumerate(document[:6]):  # long rows: the first few are enough
            found += locations(value, (*at, index))
    return found


def parent_of(document: Any, path: tuple) -> Any:
    for key in path[:-1]:
        document = document[key]
    return document


def swapped_type(value: Any) -> Any:
    """The same content in another JSON type."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return {str(i): v for i, v in enumerate(value)}
    if isinstance(value, dict):
        return list(value.values())
    return 0


@st.composite
def damaged_documents(draw: st.DrawFn) -> bytes:
    document = json.loads(draw(st.sampled_from(SESSIONS)))
    for _ in range(draw(st.integers(1, 3))):
        paths = locations(document)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        holder, key = parent_of(document, path), path[-1]
        how = draw(st.sampled_from(["delete", "swap type", "random value", "nudge number"]))
        if how == "delete":
            del holder[key]
        elif how == "swap type":
            holder[key] = swapped_type(holder[key])
        elif how == "random value":
            holder[key] = draw(ANY_JSON)
        elif isinstance(holder[key], float):
            holder[key] = holder[key] * draw(st.sampled_from([-1.0, 0.5, 2.0, 1e300]))
    return json.dumps(document).encode()


@FUZZ
@given(damaged_documents())
def test_damaged_fields(content):
    opens_or_is_refused(content)


@FUZZ
@given(st.sampled_from(SESSIONS), st.floats(0, 1, exclude_max=True))
def test_truncated_anywhere(text, fraction):
    opens_or_is_refused(text.encode()[: int(len(text) * fraction)])


@FUZZ
@given(st.sampled_from(SESSIONS), st.data())
def test_random_bytes_overwritten(text, data):
    raw = bytearray(text.encode())
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    opens_or_is_refused(bytes(raw))


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(raw):
    opens_or_is_refused(raw)


@pytest.mark.parametrize("index", range(len(SESSIONS)))
def test_the_undamaged_sessions_open(index):
    """The fuzzing starts from files that open: a refusal above is caused by the damage."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "session.json"
        path.write_text(SESSIONS[index])
        saved = json.loads(SESSIONS[index])
        stepper = load_session(path)
        assert stepper.tick == saved["history"]["tick"]
        assert stepper.snapshot.iteration == saved["snapshot"]["iteration"]

"""Lesson files: the shipped ones load; malformed ones are refused with one clear line."""

from __future__ import annotations

import pytest

from engine.core.errors import EngineError
from engine.lessons import LESSONS_FOLDER, lesson_strings, load_lesson, load_lessons

ONE_STEP = 'title = "T"\n[[steps]]\ntext = "x"\nactions = [ACTION]\n'
GOOD_STEP = '[[steps]]\ntext = "Look."\nactions = [{ do = "load_preset", name = "mazur" }]\n'


def write(tmp_path, body: str, name: str = "lesson.toml"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_every_shipped_lesson_loads():
    catalog = load_lessons(LESSONS_FOLDER)
    assert catalog.broken == ()
    assert len(catalog.lessons) == 9
    assert [lesson.order for lesson in catalog.lessons] == sorted(
        lesson.order for lesson in catalog.lessons
    )
    assert all(lesson.steps and lesson.title for lesson in catalog.lessons)


def test_a_minimal_lesson_reads_into_dataclasses(tmp_path):
    lesson = load_lesson(write(tmp_path, 'title = "T"\n' + GOOD_STEP))
    assert lesson.id == "lesson"  # the file name, when no id is given
    assert lesson.steps[0].actions[0].name == "load_preset"
    assert dict(lesson.steps[0].actions[0].args) == {"name": "mazur"}
    assert lesson.context == "lesson:lesson"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('title = "T"\n[[steps]\n', "not valid TOML"),
        ('title = "T"\n[[steps]]\ntext = "x"\nactions = [{ do = "jump" }]\n',
         "steps[1].actions[1]: unknown action 'jump'"),
        ('title = "T"\n[[steps]]\nactions = []\n', "steps[1]: missing field 'text'"),
        ('[[steps]]\ntext = "x"\n', "missing field 'title'"),
        ('title = "T"\n[[steps]]\ntext = 3\n', "field 'text': expected text, got 3"),
        ('title = "T"\n[[steps]]\ntext = "x"\nactions = [{ do = "run", iterations = "ten" }]\n',
         "field 'iterations': expected a whole number"),
        ('title = "T"\n[[steps]]\ntext = "x"\nactions = [{ do = "load_preset", name = "moon" }]\n',
         "field 'name': 'moon' is not one of mazur"),
        (ONE_STEP.replace("ACTION", '{ do = "settings", preset = "mazur", lr = -1 }'),
         "the learning rate must not be negative"),
        ('title = "T"\n[[steps]]\ntext = "x"\nactions = [{ do = "show_tab", tab = "x", y = 1 }]\n',
         "unknown field 'y'"),
        ('title = "T"\n[[steps]]\ntext = "x"\nexpect = { phase = "dancing" }\n',
         "steps[1].expect: field 'phase'"),
        ('title = "T"\n[[steps]]\ntext = "x"\nexpect = { params = { w1 = "big" } }\n',
         "w1: expected a finite number"),
        ('title = "T"\nsteps = []\n', "needs at least one step"),
        ('title = "T"\ncolour = "red"\n' + GOOD_STEP, "unknown field 'colour'"),
        ('title = "T"\n[[steps]]\ntext = "  "\n', "field 'text' is empty"),
        (ONE_STEP.replace("ACTION", '{ do = "open_lab", lab = "softmax", activation = "relu" }'),
         "applies to the activation and vanishing labs"),
    ],
)  # fmt: skip
def test_malformed_files_are_refused_naming_file_and_field(tmp_path, body, message):
    with pytest.raises(EngineError) as caught:
        load_lesson(write(tmp_path, body, "bad.toml"))
    text = str(caught.value)
    assert text.startswith("bad.toml: ")
    assert message in text
    assert "\n" not in text


def test_broken_files_are_listed_and_the_good_ones_still_load(tmp_path):
    write(tmp_path, 'title = "Good"\n' + GOOD_STEP, "good.toml")
    write(
        tmp_path, 'title = "Bad"\n[[steps]]\ntext = "x"\nactions = [{ do = "fly" }]\n', "bad.toml"
    )
    write(tmp_path, 'id = "good"\ntitle = "Twin"\n' + GOOD_STEP, "twin.toml")
    catalog = load_lessons(tmp_path)
    assert [lesson.title for lesson in catalog.lessons] == ["Good"]
    assert [b.path.name for b in catalog.broken] == ["bad.toml", "twin.toml"]
    assert "unknown action 'fly'" in catalog.broken[0].message
    assert "already used" in catalog.broken[1].message


def test_a_missing_folder_gives_no_lessons(tmp_path):
    assert load_lessons(tmp_path / "absent").lessons == ()


def test_lesson_strings_cover_every_title_and_step_text():
    pairs = lesson_strings(LESSONS_FOLDER)
    for lesson in load_lessons(LESSONS_FOLDER).lessons:
        mine = {text for context, text in pairs if context == f"lesson:{lesson.id}"}
        assert lesson.title in mine
        assert {step.text for step in lesson.steps} <= mine

"""Lesson files that set up a loop run: its settings are validated by Config itself and a bad
value is reported with the step and action it is in; the loop's actions and lines load."""

from __future__ import annotations

import re

import pytest

from engine.core.errors import EngineError
from engine.lessons import load_lesson, load_lessons, settings_config
from engine.lessons.actions import ACTIONS, CODE_LINES
from engine.training.code_listing import phase_lines

MOONS = ('preset = "xor", dataset = "moons", layers = [2, 4, 2], '
         'activations = ["tanh", "identity"], loss = "cross_entropy"')  # fmt: skip
LESSON = 'title = "T"\n[[steps]]\ntext = "a"\n[[steps]]\ntext = "b"\nactions = [ACTION]\n'


def write(tmp_path, action: str):
    path = tmp_path / "loop.toml"
    path.write_text(LESSON.replace("ACTION", action), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('dataset = "nope"', "unknown dataset 'nope'"),
        ("batch_size = -1", "batch size must be a whole number ≥ 0"),
        ("batch_size = 1000", "larger than the training set (400 samples)"),
        ("epochs = -2", "epochs must be a whole number ≥ 0"),
        ('shuffle = "yes"', "shuffle must be true or false"),
        ("val_share = 1.5", "the validation share must be below 1"),
        ('scheduler = "Foo"', "unknown scheduler 'Foo'"),
        ('scheduler = "StepLR:step_size=x"', "step_size takes a whole number"),
        ('scheduler_step = "often"', "per batch or per epoch, not 'often'"),
        ("clip_norm = -1.0", "clip norm must be a finite number ≥ 0"),
        ("clip_value = -0.5", "clip value must be a finite number ≥ 0"),
        ("clip_norm = 1.0, clip_value = 1.0", "not both"),
        ("layers = [3, 4, 2]", "the network needs 3 inputs"),
    ],
)
def test_a_bad_loop_setting_is_refused_with_its_step_and_action(tmp_path, setting, message):
    key = setting.split(" =")[0]
    given = re.search(rf"{key} = (\"[^\"]*\"|\[[^\]]*\])", MOONS)
    fields = MOONS.replace(given.group(0), setting) if given else f"{MOONS}, {setting}"
    action = f'{{ do = "settings", {fields} }}'
    with pytest.raises(EngineError) as caught:
        load_lesson(write(tmp_path, action))
    text = str(caught.value)
    assert text.startswith("loop.toml: steps[2].actions[1]: ")
    assert message in text


def test_every_loop_setting_is_accepted_and_reaches_the_config(tmp_path):
    fields = ('batch_size = 16, epochs = 3, shuffle = false, val_share = 0.25, '
              'scheduler = "StepLR:step_size=1,gamma=0.5", scheduler_step = "epoch", '
              "clip_norm = 0.5")  # fmt: skip
    lesson = load_lesson(write(tmp_path, f'{{ do = "settings", {MOONS}, {fields} }}'))
    config = settings_config(lesson.steps[1].actions[0].args)
    assert (config.dataset, config.batch_size, config.epochs, config.shuffle) == (
        "moons", 16, 3, False)  # fmt: skip
    assert (config.val_share, config.scheduler_step, config.clip_norm) == (0.25, "epoch", 0.5)
    assert config.scheduler == "StepLR:step_size=1,gamma=0.5"


def test_a_dataset_replaces_the_preset_s_own_samples_and_starting_values():
    config = settings_config({"preset": "mazur", "dataset": "moons", "layers": [2, 3, 2]})
    assert (config.inputs, config.targets, dict(config.initial_params)) == ((), (), {})
    plain = settings_config({"preset": "mazur", "lr": 0.1})
    assert plain.inputs == ((0.05, 0.1),) and dict(plain.initial_params)["w1"] == 0.15


@pytest.mark.parametrize(
    "action",
    ['{ do = "step_line", count = 3 }', '{ do = "run_epochs", count = 2 }',
     '{ do = "step_until", phase = "evaluate" }', '{ do = "step_until", phase = "clip" }',
     '{ do = "highlight_code", line = "schedule" }', '{ do = "highlight_code", line = "batch" }'],
)  # fmt: skip
def test_the_loop_actions_load(tmp_path, action):
    assert load_lesson(write(tmp_path, action)).steps[1].actions[0].args


@pytest.mark.parametrize(
    ("action", "message"),
    [('{ do = "run_epochs", count = 0 }', "below the minimum 1"),
     ('{ do = "step_line", count = "all" }', "expected a whole number"),
     ('{ do = "step_until", phase = "shuffle" }', "'shuffle' is not one of"),
     ('{ do = "highlight_code", line = "epoch" }', "'epoch' is not one of")],
)  # fmt: skip
def test_bad_loop_actions_are_refused(tmp_path, action, message):
    with pytest.raises(EngineError, match=message):
        load_lesson(write(tmp_path, action))


def test_every_code_line_a_lesson_may_mark_is_a_line_of_the_full_loop():
    config = settings_config({"preset": "xor", "dataset": "moons", "layers": [2, 4, 2],
                              "activations": ["tanh", "identity"], "loss": "cross_entropy",
                              "batch_size": 8, "val_share": 0.2, "clip_norm": 1.0,
                              "scheduler": "StepLR:step_size=1"})  # fmt: skip
    lines = phase_lines(config)
    assert set(CODE_LINES) - {"none"} <= set(lines)
    assert "step_line" in ACTIONS and "run_epochs" in ACTIONS


def test_the_three_loop_lessons_are_shipped_with_six_to_ten_steps():
    lessons = {lesson.id: lesson for lesson in load_lessons().lessons}
    for lesson_id in ("minibatches", "training_loop", "digits"):
        assert 6 <= len(lessons[lesson_id].steps) <= 10

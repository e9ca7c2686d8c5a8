"""The cached flat reading of parameters and gradients never lags behind the tensors."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.models.presets import PRESETS
from engine.training.optimizers import element_state, element_states, make_optimizer
from engine.training.stepper import Stepper

OPTIMIZER_SETTINGS = [
    {"optimizer": "sgd"},
    {"optimizer": "sgd", "momentum": 0.9, "nesterov": True},
    {"optimizer": "adagrad"},
    {"optimizer": "rmsprop", "momentum": 0.5},
    {"optimizer": "adam"},
    {"optimizer": "adamw", "weight_decay": 0.1},
    {"optimizer": "adam", "lookahead_k": 2},
]


def fresh_values(model) -> np.ndarray:
    return torch.cat([t.detach().reshape(-1) for t in model._tensors]).numpy()


def fresh_grads(model) -> np.ndarray:
    return torch.cat([t.grad.detach().reshape(-1) for t in model._tensors]).numpy()


@pytest.mark.parametrize("settings", OPTIMIZER_SETTINGS, ids=str)
def test_values_and_grads_follow_every_optimizer_step(settings):
    config = PRESETS["mazur"].replace(train_biases=True, **settings)
    stepper = Stepper(config)
    model, optimizer = stepper.model, stepper.optimizer
    for _ in range(4):
        optimizer.zero_grad()
        assert model.grads() is None
        loss = stepper.loss_fn.value(model(stepper.x), stepper.target)
        loss.backward()
        np.testing.assert_array_equal(model.grads(), fresh_grads(model))
        optimizer.step()
        np.testing.assert_array_equal(model.values(), fresh_values(model))


def test_gradients_accumulated_in_place_are_read_again():
    stepper = Stepper(PRESETS["mazur"].replace(train_biases=True))
    model = stepper.model
    for _ in range(2):
        stepper.loss_fn.value(model(stepper.x), stepper.target).backward()
    twice = model.grads()
    stepper.loss_fn.value(model(stepper.x), stepper.target).backward()
    np.testing.assert_array_equal(model.grads(), fresh_grads(model))
    assert not np.array_equal(model.grads(), twice)


def test_readings_are_copies_the_caller_may_change():
    model = Stepper(PRESETS["mazur"]).model
    first = model.values()
    first[:] = 0.0
    assert model.values()[0] == pytest.approx(0.15)


def test_values_loaded_in_place_are_read_again():
    model = Stepper(PRESETS["mazur"]).model
    before = model.values()
    model.load_values(before * 2)
    np.testing.assert_array_equal(model.values(), before * 2)


def test_float_lists_are_one_object_until_a_tensor_changes():
    stepper = Stepper(PRESETS["mazur"].replace(train_biases=True))
    model = stepper.model
    values = model.value_list()
    assert values is model.value_list() and values == tuple(model.values().tolist())
    assert model.grad_list() is None  # never computed: every .grad is None
    stepper.loss_fn.value(model(stepper.x), stepper.target).backward()
    grads = model.grad_list()
    assert grads is model.grad_list() and grads == tuple(fresh_grads(model).tolist())
    stepper.optimizer.step()
    assert model.value_list() is not values
    assert model.value_list() == tuple(fresh_values(model).tolist())


def test_a_new_gradient_tensor_at_the_same_version_is_a_change():
    model = Stepper(PRESETS["mazur"].replace(train_biases=True)).model
    tensors = model._tensors
    for t in tensors:
        t.grad = torch.ones_like(t)
    first = model.grad_list()
    assert first is not None and set(first) == {1.0}
    for t in tensors:  # new tensors, version 0 like the ones they replace
        t.grad = torch.full_like(t, 2.0)
    assert set(model.grad_list() or ()) == {2.0}


def test_a_tensor_without_grad_reads_as_none_beside_those_with_one():
    model = Stepper(PRESETS["mazur"].replace(train_biases=True)).model
    weight, bias = model._tensors[0], model._tensors[1]
    weight.grad = torch.zeros_like(weight)
    grads = model.grad_list()
    assert grads is not None
    assert grads[: weight.numel()] == (0.0,) * weight.numel()
    assert grads[weight.numel() : weight.numel() + bias.numel()] == (None,) * bias.numel()


@pytest.mark.parametrize("settings", OPTIMIZER_SETTINGS, ids=str)
def test_element_states_agree_with_one_scalar_at_a_time(settings):
    config = PRESETS["mazur"].replace(**settings)
    stepper = Stepper(config)
    stepper.step_iteration()
    stepper.step_iteration()
    model, optimizer = stepper.model, stepper.optimizer
    for info in filter(model.trainable, model.params):
        tensor = model.tensor_of(info)
        index = model.element_of(info)
        flat = int(np.ravel_multi_index(index, tuple(tensor.shape)))
        assert element_states(optimizer, tensor, [flat])[0] == element_state(
            optimizer, tensor, index
        )


@pytest.mark.parametrize("settings", OPTIMIZER_SETTINGS, ids=str)
def test_snapshot_optimizer_state_is_current_after_back_and_forth(settings):
    """The stepper reuses its last state reading until a step or a restore: never stale."""
    stepper = Stepper(PRESETS["mazur"].replace(**settings))
    for _ in range(3):
        stepper.step_iteration()
    shown = stepper.snapshot.optimizer_state
    stepper.back()
    stepper.back()
    stepper.step_phase()
    stepper.step_phase()
    assert stepper.snapshot.optimizer_state == shown
    model = stepper.model
    for label, state in shown.items():
        info = model.params[model.index[label]]
        if not model.trainable(info):
            assert not state
            continue
        direct = element_state(stepper.optimizer, model.tensor_of(info), model.element_of(info))
        assert dict(state) == direct


def test_optimizer_factory_is_what_the_stepper_uses():
    stepper = Stepper(PRESETS["mazur"].replace(optimizer="adam"))
    assert type(stepper.optimizer) is type(make_optimizer(stepper.config, stepper.trainable))

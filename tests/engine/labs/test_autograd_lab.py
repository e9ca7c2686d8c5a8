"""autograd.grad versus backward: same numbers, different side effects, and the graph."""

from __future__ import annotations

import pytest

from engine.labs.autograd_compare import EXPRESSIONS, compare


def test_the_notes_example() -> None:
    report = compare("notes_mse", x=1.0, w=2.0)
    assert report.value == 1.0  # tensor(1., grad_fn=<MseLossBackward0>)
    assert report.grad_result == {"w": 2.0}  # (tensor([2.]),)
    assert report.backward_result == {"w": 2.0}  # w.grad = tensor([2.])
    assert report.grad_left_untouched
    assert [n.name for n in report.nodes] == ["MseLossBackward0", "MulBackward0", "AccumulateGrad"]
    assert report.nodes[-1].leaf == "w"
    assert report.edges == ((0, 1), (1, 2))


@pytest.mark.parametrize("key", [e.key for e in EXPRESSIONS])
@pytest.mark.parametrize("x, w, b", [(1.0, 2.0, 0.0), (-0.7, 0.3, 1.2), (2.5, -1.5, -0.4)])
def test_both_ways_agree_with_the_closed_form(key: str, x: float, w: float, b: float) -> None:
    report = compare(key, x, w, b)
    assert report.grad_result.keys() == report.closed_form.keys()
    for leaf, value in report.closed_form.items():
        assert report.grad_result[leaf] == pytest.approx(value, abs=1e-12)
        assert report.backward_result[leaf] == report.grad_result[leaf]
        assert report.retained_twice[leaf] == 2 * report.grad_result[leaf]  # accumulated
        assert report.zeroed_between[leaf] == report.grad_result[leaf]
    assert report.grad_left_untouched
    assert "second time" in report.second_backward_error


def test_graph_of_a_reused_leaf_has_two_paths_into_it() -> None:
    report = compare("reuse")
    names = [n.name for n in report.nodes]
    assert names.count("AccumulateGrad") == 1 and "TanhBackward0" in names
    accumulate = names.index("AccumulateGrad")
    assert sum(1 for _, child in report.edges if child == accumulate) == 2
    assert report.nodes[accumulate].depth == max(n.depth for n in report.nodes)


def test_graph_names_every_leaf() -> None:
    report = compare("mse_bias")
    leaves = sorted(n.leaf for n in report.nodes if n.name == "AccumulateGrad")
    assert leaves == ["b", "w"]
    assert report.nodes[0].name == "MseLossBackward0" and report.nodes[0].depth == 0

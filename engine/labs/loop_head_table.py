"""The output heads of the digits experiment, each with the sentence that explains its result.

The source note ("PyTorch官网demo解读——第一个神经网络(4)") keeps the tutorial's loss, nll, and swaps
the output activation: log_softmax (the tutorial's own), softmax, sigmoid and tanh. It found
softmax a little below log_softmax and sigmoid (0.6094) and tanh (0.7188) far below it; those
two figures are 39/64 and 46/64, the tutorial's accuracy on its first batch of 64 MNIST
images. The fifth head is not in the note: it is the common slip of putting softmax in the
model and then calling F.cross_entropy, which applies log_softmax itself, so the probabilities
are squashed a second time. The app's cross_entropy loss is exactly F.cross_entropy on the
model's outputs, so this head is softmax followed by F.cross_entropy, as a learner writes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.core.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "LoopHeads"


@dataclass(frozen=True)
class LoopHead:
    key: str  # the name the command line and the JSON use
    activation: str  # the output layer's activation
    loss: str  # the engine's loss name
    title: str  # English; translated where shown
    code: str  # what the learner writes
    sentence: str  # why it does what it does; English, translated where shown


LOOP_HEADS: tuple[LoopHead, ...] = (
    LoopHead(
        "log_softmax",
        "log_softmax",
        "nll",
        QT_TRANSLATE_NOOP("LoopHeads", "log_softmax + NLL"),
        "out = F.log_softmax(z, dim=1); loss = F.nll_loss(out, y)",
        QT_TRANSLATE_NOOP(
            "LoopHeads",
            "log_softmax + NLL is cross-entropy, −log p(true class): each score's gradient is "
            "p − one-hot, so every sample pushes its true class up and all the others down, "
            "hardest where the network is most wrong.",
        ),
    ),
    LoopHead(
        "softmax",
        "softmax",
        "nll",
        QT_TRANSLATE_NOOP("LoopHeads", "softmax + NLL"),
        "out = F.softmax(z, dim=1); loss = F.nll_loss(out, y)",
        QT_TRANSLATE_NOOP(
            "LoopHeads",
            "NLL over softmax outputs is −p(true class), not its log: the push p·(1 − p) "
            "fades as p nears 1 and also as it nears 0, so badly misclassified samples are "
            "given up on, and the loss (between −1 and 0) is no longer a log-likelihood.",
        ),
    ),
    LoopHead(
        "sigmoid",
        "sigmoid",
        "nll",
        QT_TRANSLATE_NOOP("LoopHeads", "sigmoid + NLL"),
        "out = torch.sigmoid(z); loss = F.nll_loss(out, y)",
        QT_TRANSLATE_NOOP(
            "LoopHeads",
            "NLL over sigmoid outputs rewards only the true class's output, −σ(z_true): it "
            "pushes the true class up without ever pushing the others down, and each push "
            "fades as σ saturates near 1.",
        ),
    ),
    LoopHead(
        "tanh",
        "tanh",
        "nll",
        QT_TRANSLATE_NOOP("LoopHeads", "tanh + NLL"),
        "out = torch.tanh(z); loss = F.nll_loss(out, y)",
        QT_TRANSLATE_NOOP(
            "LoopHeads",
            "NLL over tanh outputs is the same one-sided reward, −tanh(z_true), with a slope "
            "four times sigmoid's at 0, so it moves faster at first but still never pushes "
            "the wrong classes down.",
        ),
    ),
    LoopHead(
        "softmax_cross_entropy",
        "softmax",
        "cross_entropy",
        QT_TRANSLATE_NOOP("LoopHeads", "softmax + cross-entropy"),
        "out = F.softmax(z, dim=1); loss = F.cross_entropy(out, y)",
        QT_TRANSLATE_NOOP(
            "LoopHeads",
            "F.cross_entropy applies log_softmax itself, so softmax outputs are squashed "
            "twice: the scores it sees lie between 0 and 1, the loss can never fall below "
            "log(1 + (K − 1)/e) for K classes, and the gradients stay small.",
        ),
    ),
)
HEAD_NAMES: tuple[str, ...] = tuple(head.key for head in LOOP_HEADS)


def head_title(head: LoopHead) -> str:
    """The head's name in the learner's language."""
    return translate(CONTEXT, head.title)


def head_sentence(head: LoopHead) -> str:
    """Why the head does what it does, in the learner's language."""
    return translate(CONTEXT, head.sentence)

"""Errors the engine raises for bad input: each carries one line a learner can act on."""


class EngineError(ValueError):
    """A request the engine refuses; the message is one line and the state is unchanged."""


class DivergenceError(EngineError):
    """The loss became NaN or infinite; training stops at the last finite state."""

    def __init__(self, iteration: int, loss: float) -> None:
        super().__init__(
            f"training diverged at iteration {iteration}: the loss became {loss} "
            "(try a smaller learning rate)"
        )
        self.iteration = iteration
        self.loss = loss

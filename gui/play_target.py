"""What Play (and Space) plays: the open tab's own animation, the training run, or nothing.

With the race or the basin map open, a Play that drove the hidden training run moved numbers
the learner could not see. So each tab says what Play means there: the training loop and the
loss surface play the training run; the race plays its race; tabs with no animation (the basin
map, the labs) grey Play out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QTabWidget, QWidget


class Animation(Protocol):
    """Anything Play can start and pause: the controller's training run, the race."""

    @property
    def playing(self) -> bool: ...

    @property
    def busy(self) -> bool: ...  # a background run owns it: Play waits

    @property
    def playing_changed(self) -> SignalInstance: ...

    def toggle_play(self) -> None: ...

    def pause(self) -> None: ...


class PlayTransport(Protocol):
    """The Play button's side: checked and labelled while playing, greyed where it means nothing."""

    def set_playing(self, playing: bool) -> None: ...

    def set_play_enabled(self, enabled: bool) -> None: ...


class PlayTarget(QObject):
    """Routes Play to the open tab's animation and shows that animation's state on the button."""

    def __init__(
        self,
        tabs: QTabWidget,
        transport: PlayTransport,
        animations: Mapping[QWidget, Animation],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tabs, self._transport, self._animations = tabs, transport, animations
        for animation in {id(a): a for a in animations.values()}.values():
            animation.playing_changed.connect(self.refresh)
        tabs.currentChanged.connect(self._tab_changed)
        self._shown: Animation | None = self.current()

    def current(self) -> Animation | None:
        """The animation Play drives on the open tab (None: Play means nothing there)."""
        return self._animations.get(self._tabs.currentWidget())

    def toggle(self) -> None:
        animation = self.current()
        if animation is not None:
            animation.toggle_play()
        self.refresh()

    def refresh(self) -> None:
        """Show the open tab's animation on the button (after any change that may affect it)."""
        animation = self.current()
        self._transport.set_play_enabled(animation is not None and not animation.busy)
        self._transport.set_playing(animation is not None and animation.playing)

    def _tab_changed(self) -> None:
        # Leaving a tab pauses what its Play started: nothing plays where it cannot be seen.
        shown = self.current()
        if self._shown is not None and self._shown is not shown:
            self._shown.pause()
        self._shown = shown
        self.refresh()

"""Pay torch's one-off import costs after the window is on screen, not before.

The first `torch.optim` optimizer imports `torch._dynamo` (about 0.6 s). Nothing needs it
before the learner's first step, so a thread imports it while they read the window; a step
taken before it finishes waits for the rest of the import, never for all of it.
"""

from __future__ import annotations

import importlib
import threading

DEFERRED_MODULES = ("torch._dynamo",)


def warm_up_in_background() -> threading.Thread:
    """Start importing the deferred modules; the process waits for it before exiting."""
    thread = threading.Thread(target=_import_deferred, name="warm-up", daemon=False)
    thread.start()
    return thread


def _import_deferred() -> None:
    for name in DEFERRED_MODULES:
        importlib.import_module(name)

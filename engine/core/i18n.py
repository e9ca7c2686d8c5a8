"""The engine's hook for translating the words it shows to a learner, without importing Qt.

The engine writes English; a front end may install a translator (the GUI installs
`QCoreApplication.translate`). Texts with numbers are translated as templates first and
formatted afterwards, so one translation serves every number.

`pyside6-lupdate` finds the strings by the call names `translate("context", "text")` and
`QT_TRANSLATE_NOOP("context", "text")`, so both must be called with literal strings.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    return text


_translator: Translator = _identity


def set_translator(fn: Translator | None) -> None:
    """Install `fn(context, text) -> text` for every later `translate`; None restores English."""
    global _translator
    _translator = fn or _identity


def translate(context: str, text: str) -> str:
    """`text` in the learner's language (English when no translator is installed)."""
    translated = _translator(context, text)
    return translated or text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a text stored in a table for extraction; it is translated where it is shown."""
    return text

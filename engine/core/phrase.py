"""Sentences kept as data: an English template and its arguments, translated when shown.

A Snapshot holds phrases rather than finished sentences, so a view renders them in whatever
language is installed at the time: switching language re-renders the micro-step in view
instead of replaying the run to rebuild its text. Templates are marked for extraction with
`QT_TRANSLATE_NOOP("Context", "…")`, which `pyside6-lupdate` finds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.core.i18n import translate


@dataclass(frozen=True)
class Phrase:
    context: str
    template: str  # English, with {name} placeholders
    args: tuple[tuple[str, Any], ...] = ()

    def render(self) -> str:
        values = {name: render(value) for name, value in self.args}
        return translate(self.context, self.template).format(**values)


@dataclass(frozen=True)
class LowerFirst:
    """A phrase whose first letter is lowered once translated ("Cross-entropy" mid-sentence)."""

    words: Phrase

    def render(self) -> str:
        text = self.words.render()
        return text[:1].lower() + text[1:]


def phrase(context: str, template: str, **args: Any) -> Phrase:
    return Phrase(context, template, tuple(args.items()))


Words = str | Phrase | LowerFirst | tuple  # a sentence, or several joined by spaces


def render(words: Any) -> Any:
    """Phrases in the current language; a tuple of parts joined by spaces; others as they are."""
    if isinstance(words, Phrase | LowerFirst):
        return words.render()
    if isinstance(words, tuple):
        return " ".join(str(render(part)) for part in words if part != "")
    return words

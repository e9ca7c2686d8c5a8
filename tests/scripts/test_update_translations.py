"""The Chinese catalogue: complete, compiled, and true to the placeholders of its sources."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import update_translations as ut  # noqa: E402

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def catalogue() -> ut.Catalogue:
    return ut.read_ts(ut.TS_FILE, base=ut.TS_FILE.parent)


def messages(catalogue: ut.Catalogue) -> list[tuple[str, ut.Message]]:
    return [(c, m) for c, found in catalogue.items() for m in found.values()]


def test_the_ts_matches_the_sources_and_the_qm_is_compiled_from_it():
    # lupdate over gui/, engine/ and main.py, the engine's tables and the lessons; then
    # lrelease into a temporary file, compared byte for byte with the committed .qm.
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_every_message_is_translated_and_none_is_obsolete():
    text = ut.TS_FILE.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert 'type="vanished"' not in text and 'type="obsolete"' not in text


def test_translations_keep_every_placeholder(catalogue):
    wrong = [
        (context, m.source)
        for context, m in messages(catalogue)
        if sorted(PLACEHOLDER.findall(m.source)) != sorted(PLACEHOLDER.findall(m.translation))
    ]
    assert wrong == []


def test_sentences_are_in_chinese(catalogue):
    # Three English words in a row are prose, and prose must be translated.
    prose = re.compile(r"[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}")
    english = [
        (context, m.source)
        for context, m in messages(catalogue)
        if prose.search(PLACEHOLDER.sub("", m.source)) and not CJK.search(m.translation)
    ]
    assert english == []


def test_keyboard_accelerators_survive(catalogue):
    lost = [
        m.source
        for _, m in messages(catalogue)
        if re.search(r"&\w", m.source) and not re.search(r"&\w", m.translation)
    ]
    assert lost == []


def test_helper_tr_calls_get_their_helper_context(catalogue):
    # gui/controller.py translates with the "Controller" context through a module-level tr().
    assert "Already at the start: there is nothing to undo." in catalogue["Controller"]
    assert "" not in catalogue


def test_the_compiled_file_translates_at_runtime(qapp):
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(ut.QM_FILE))
    assert translator.translate("MainWindow", "Training loop") == "训练循环"
    # an engine string (engine.core.i18n.translate), in the same compiled file
    source = "AdamW first shrinks {label} by the factor 1 − lr·λ (decoupled decay)."
    assert (
        translator.translate("Explain", source)
        == "AdamW 先把 {label} 乘以因子 1 − lr·λ（解耦的权重衰减）。"
    )

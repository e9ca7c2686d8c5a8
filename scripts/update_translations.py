"""Refresh assets/translations/backprop_studio_zh_CN.ts from the sources, then compile the .qm.

    python scripts/update_translations.py          # update the .ts and write the .qm
    python scripts/update_translations.py --check  # exit 1 when the .ts or .qm is out of date

Steps: `pyside6-lupdate` extracts every tr()/translate() string of gui/, engine/ and main.py;
strings the engine keeps in tables (test functions, losses) and the lessons' texts are added;
translations already in the .ts are kept (matched by context and source text); strings no
longer in the sources are dropped; `pyside6-lrelease` writes the .qm next to the .ts.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TRANSLATIONS = ROOT / "assets" / "translations"
TS_FILE = TRANSLATIONS / "backprop_studio_zh_CN.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
LESSONS = ROOT / "assets" / "lessons"
SOURCES = ("gui", "engine", "main.py")
LANGUAGE = "zh_CN"
# A module-level helper `tr(text)` calls QCoreApplication.translate("Context", text); lupdate
# files such calls under the empty context, so they are moved to the helper's context.
HELPER_CONTEXT = re.compile(r'QCoreApplication\.translate\(\s*"([^"]+)",\s*text\b')
IMPORTED_HELPER = re.compile(r"^from ([\w.]+) import [^\n]*\btr\b", re.MULTILINE)


@dataclass
class Message:
    source: str
    translation: str = ""
    locations: list[tuple[str, str]] = field(default_factory=list)


Catalogue = dict[str, dict[str, Message]]  # context -> source -> message


def tool(name: str) -> str:
    """A Qt tool from the virtualenv this Python runs in (else from PATH)."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.is_file() else shutil.which(name) or name


def extract() -> Catalogue:
    """Every string lupdate finds in the sources, in a fresh catalogue."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "fresh.ts"
        command = [tool("pyside6-lupdate"), "-silent", "-extensions", "py", "-locations"]
        command += ["absolute", *SOURCES, "-ts", str(fresh)]
        subprocess.run(command, cwd=ROOT, check=True)
        catalogue = read_ts(fresh, base=Path(folder))
    return _assign_helper_contexts(catalogue)


def _assign_helper_contexts(catalogue: Catalogue) -> Catalogue:
    """One text may come from several helpers: each of their contexts gets it."""
    for message in catalogue.pop("", {}).values():
        contexts = {_helper_context(filename) for filename, _ in message.locations}
        if None in contexts:
            raise SystemExit(f"no translation context for {message.source!r}")
        for context in contexts:
            here = [loc for loc in message.locations if _helper_context(loc[0]) == context]
            catalogue.setdefault(context, {})[message.source] = Message(message.source, "", here)
    return catalogue


def _helper_context(filename: str) -> str | None:
    """The context of the `tr` helper a file defines, or imports from another module."""
    text = (ROOT / filename).read_text(encoding="utf-8")
    match = HELPER_CONTEXT.search(text)
    if match:
        return match.group(1)
    imported = IMPORTED_HELPER.search(text)
    if imported:
        module = Path(*imported.group(1).split(".")).with_suffix(".py")
        return _helper_context(str(module)) if (ROOT / module).is_file() else None
    return None


def table_strings() -> list[tuple[str, str]]:
    """Texts the engine keeps in tables and translates where it shows them."""
    from engine.labs.activation_curves import LAB_ACTIVATIONS, build
    from engine.labs.autograd_compare import EXPRESSIONS
    from engine.labs.datasets import DATASET_NAMES
    from engine.labs.output_heads import HEADS
    from engine.models.activations import ACTIVATION_NAMES, get_activation
    from engine.models.losses import LOSS_NAMES, get_loss
    from engine.models.test_functions import FUNCTIONS

    strings = [("Loss", get_loss(name).title) for name in LOSS_NAMES]
    for fn in FUNCTIONS.values():
        strings += [("TestFunction", fn.title), ("TestFunction", fn.note)]
    strings += [("Activation", get_activation(name).note) for name in ACTIVATION_NAMES]
    # The labs' menus, translated by their widgets' tr() (whose context is the class name).
    for entry in LAB_ACTIVATIONS:
        strings += [("Activation", build(entry.key).note), ("ActivationLab", entry.title)]
    strings += [("AutogradLab", expression.title) for expression in EXPRESSIONS]
    strings += [("PlaygroundSettings", head.title) for head in HEADS]
    strings += [("ComparisonTable", head.title) for head in HEADS]
    strings += [("PlaygroundSettings", name) for name in DATASET_NAMES]
    strings.append(("GraphicsScene", "Export..."))  # pyqtgraph's right-click entry
    return strings


def lesson_strings() -> list[tuple[str, str]]:
    """The lessons' texts, when the lessons exist (contexts "lesson:<id>")."""
    try:
        from engine.lessons import lesson_strings as strings_of
    except ImportError:
        return []
    return list(strings_of(LESSONS)) if LESSONS.is_dir() else []


def add_strings(catalogue: Catalogue, strings: Iterable[tuple[str, str]]) -> None:
    for context, text in strings:
        if text:
            catalogue.setdefault(context, {}).setdefault(text, Message(text))


def keep_translations(catalogue: Catalogue, previous: Catalogue) -> None:
    for context, messages in catalogue.items():
        for source, message in messages.items():
            old = previous.get(context, {}).get(source)
            if old is not None:
                message.translation = old.translation


def read_ts(path: Path, base: Path | None = None) -> Catalogue:
    """The messages of a .ts file; locations relative to the repository root."""
    catalogue: Catalogue = {}
    if not path.is_file():
        return catalogue
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for element in context.iter("message"):
            source = element.findtext("source") or ""
            # Text typed into an entry still marked unfinished is kept: it is someone's work.
            translation = element.find("translation")
            kept = translation is not None and translation.get("type") != "vanished"
            message = Message(source, (translation.text or "") if kept else "")
            for location in element.iter("location"):
                filename = location.get("filename", "")
                if base is not None:
                    filename = str((base / filename).resolve().relative_to(ROOT))
                message.locations.append((filename, location.get("line", "")))
            catalogue.setdefault(name, {})[source] = message
    return catalogue


def ts_text(catalogue: Catalogue) -> str:
    """The catalogue as a Qt Linguist .ts file (sorted, so that diffs stay small)."""
    root = ET.Element("TS", version="2.1", language=LANGUAGE)
    for name in sorted(catalogue):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source in sorted(catalogue[name]):
            message = catalogue[name][source]
            element = ET.SubElement(context, "message")
            for filename, line in message.locations:
                location = ET.SubElement(element, "location", filename=f"../../{filename}")
                location.set("line", line)
            ET.SubElement(element, "source").text = source
            translation = ET.SubElement(element, "translation")
            translation.text = message.translation
            if not message.translation:
                translation.set("type", "unfinished")
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n'


def compile_qm(ts: Path, qm: Path) -> None:
    command = [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)]
    subprocess.run(command, check=True)


def updated_catalogue() -> Catalogue:
    catalogue = extract()
    add_strings(catalogue, table_strings())
    add_strings(catalogue, lesson_strings())
    keep_translations(catalogue, read_ts(TS_FILE, base=TS_FILE.parent))
    return catalogue


def unfinished(catalogue: Catalogue) -> list[tuple[str, str]]:
    return [
        (context, source)
        for context, messages in catalogue.items()
        for source, message in messages.items()
        if not message.translation
    ]


def check() -> int:
    """1 (with the reason) when the .ts misses strings or translations, or the .qm is stale."""
    wanted = updated_catalogue()
    committed = read_ts(TS_FILE, base=TS_FILE.parent)
    problems = []
    new, gone = _keys(wanted) - _keys(committed), _keys(committed) - _keys(wanted)
    problems += [f"not in the .ts: [{c}] {s!r}" for c, s in sorted(new)]
    problems += [f"no longer in the sources: [{c}] {s!r}" for c, s in sorted(gone)]
    problems += [f"untranslated: [{c}] {s!r}" for c, s in unfinished(committed)]
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / QM_FILE.name
        compile_qm(TS_FILE, fresh)
        if not QM_FILE.is_file() or fresh.read_bytes() != QM_FILE.read_bytes():
            problems.append("the .qm is not compiled from the .ts: run the script")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def _keys(catalogue: Catalogue) -> set[tuple[str, str]]:
    return {(context, source) for context, messages in catalogue.items() for source in messages}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report what is out of date")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    catalogue = updated_catalogue()
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    TS_FILE.write_text(ts_text(catalogue), encoding="utf-8")
    compile_qm(TS_FILE, QM_FILE)
    missing = unfinished(catalogue)
    total = sum(len(messages) for messages in catalogue.values())
    print(f"{total} strings, {total - len(missing)} translated, {len(missing)} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""One translation mechanism: every French sentence of the code has its English, with the same
placeholders; the catalogues hold nothing the code no longer says (issue 11)."""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "dossier_app"
ENGLISH = PACKAGE / "locale" / "en" / "LC_MESSAGES" / "dossier.po"
KEYWORDS = {"N_": None, "_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def _extracted() -> list[tuple[str, object, str | None]]:
    found = []
    for filename, lineno, message, _comments, context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS):
        found.append((f"{filename}:{lineno}", message, context))
    return found


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


@pytest.fixture(scope="module")
def english():
    with open(ENGLISH, "rb") as handle:
        return read_po(handle, locale="en")


def test_every_french_sentence_has_its_english_with_the_same_placeholders(english) -> None:
    problems = []
    for where, message, context in _extracted():
        entry = english.get(message if isinstance(message, str) else message[0], context=context)
        if entry is None or not entry.string or (isinstance(entry.string, tuple) and not all(entry.string)):
            problems.append(f"{where}: no English for {message!r}")
            continue
        sources = [message] if isinstance(message, str) else list(message)
        targets = [entry.string] if isinstance(entry.string, str) else list(entry.string)
        wanted = set().union(*(_fields(s) for s in sources))
        for target in targets:
            if _fields(target) != wanted:
                problems.append(f"{where}: {target!r} has {_fields(target)}, the French {wanted}")
    assert problems == [], "\n".join(problems)


def test_the_catalogue_holds_only_what_the_code_says(english) -> None:
    said = {(m if isinstance(m, str) else m[0], c) for _w, m, c in _extracted()}
    stale = [(e.id, e.context) for e in english if e.id and (e.id if isinstance(e.id, str) else e.id[0], e.context)
             not in said]
    assert stale == []


def test_no_sentence_is_written_twice_in_two_languages() -> None:
    """The old ``t(fr, en)`` pairs, ``Words.t`` and the export's ``say`` are gone for good."""
    pairs = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and len(node.args) == 2 and not node.keywords:
                name = node.func.id if isinstance(node.func, ast.Name) else (
                    node.func.attr if isinstance(node.func, ast.Attribute) else "")
                if name in ("t", "say") and all(isinstance(a, (ast.Constant, ast.JoinedStr)) for a in node.args):
                    pairs.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            # "text_en if lang == 'en' else text_fr": the same pair by another name.
            if isinstance(node, ast.Compare) and path.name != "i18n.py" and any(
                    isinstance(c, ast.Constant) and c.value == "en" for c in node.comparators):
                pairs.append(f"{path.relative_to(ROOT)}:{node.lineno} (compares a language)")
    assert pairs == [], pairs


def _help(lang: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "dossier_app", "--help"], capture_output=True, text=True,
                          timeout=60, env={"PATH": "/usr/bin:/bin", "DOSSIER_LANG": lang, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_the_help_switches_with_the_language() -> None:
    french, english = _help("fr"), _help("en")
    assert "affiche cette aide et quitte" in french and "opens the window" not in french
    assert "ouvre la fenêtre" in french
    assert "affiche la version" in french and "version number" not in french
    assert "show this help message and exit" in english and "opens the window" in english
    assert not re.search(r"ouvre|affiche", english)


def test_an_argparse_refusal_is_in_the_users_language() -> None:
    for lang, words in (("fr", "il manque"), ("en", "the following arguments are required")):
        proc = subprocess.run([sys.executable, "-m", "dossier_app", "claims"], capture_output=True, text=True,
                              timeout=60, env={"PATH": "/usr/bin:/bin", "DOSSIER_LANG": lang, "PYTHONPATH": str(ROOT)})
        assert proc.returncode == 2 and words in proc.stderr, proc.stderr


def test_plurals_are_plurals_not_brackets() -> None:
    """"3 pièce(s)" reads badly in any language: ngettext says "1 pièce", "3 pièces"."""
    bracketed = [f"{where}: {message!r}" for where, message, _c in _extracted()
                 if any("(s)" in m for m in ([message] if isinstance(message, str) else message))]
    assert bracketed == []


def test_a_count_speaks_french_and_english_grammar() -> None:
    from dossier_app.i18n import translator

    fr, en = translator("fr"), translator("en")
    forms = ("{exhibits} pièce", "{exhibits} pièces")
    assert [fr.ngettext(*forms, n).format(exhibits=n) for n in (0, 1, 2)] == ["0 pièce", "1 pièce", "2 pièces"]
    assert [en.ngettext(*forms, n).format(exhibits=n) for n in (0, 1, 2)] == ["0 exhibits", "1 exhibit", "2 exhibits"]

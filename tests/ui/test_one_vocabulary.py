"""One word for one thing (issue 11): for the demo case, the command, the window and the PDF name each
kind and each choice with the same words, in French and in English."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox

from dossier_app.domain import vocabulary
from dossier_app.domain.model import RegisteredLetter, kind_fields
from dossier_app.i18n import translator, using
from dossier_app.services import timeline
from dossier_app.services.cases import read_case_file
from dossier_app.services.store_access import open_home
from dossier_app.ui.events.view import EventForm
from dossier_app.ui.timeline.model import KIND, TimelineModel
from tests.export.export_helpers import page_texts

ROOT = Path(__file__).resolve().parents[2]


def _dossier(home: Path, lang: str, *args: str) -> str:
    env = {**os.environ, "DOSSIER_LANG": lang, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "dossier_app", "--home", str(home), *args],
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("vocabulary")
    assert _dossier(home, "fr", "demo").strip() == "1"
    return home


def _chronology(home: Path, lang: str, target: Path) -> str:
    _dossier(home, lang, "export", "1", "-o", str(target), "--as-of", "2025-11-30", "--lang", lang,
             "--no-exhibits")
    heading = "Chronologie" if lang == "fr" else "Chronology"
    # The chronology's pages: those whose running head names it.
    pages = [page for page in page_texts(target) if page.strip() and page.strip().splitlines()[0].rstrip().endswith(heading)]
    assert pages
    return "\n".join(pages)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_command_the_window_and_the_pdf_say_the_same_words(demo: Path, lang: str, qtbot, tmp_path: Path) -> None:
    tr = translator(lang)
    paper = " ".join(_chronology(demo, lang, tmp_path / "d.pdf").split())
    store = open_home(demo)
    case_file = read_case_file(store, 1)
    with using(lang):
        model = TimelineModel()
        model.set_rows(timeline.timeline_rows(store, 1))
        shown = {model.rows[r].id: model.data(model.index(r, KIND)) for r in range(model.rowCount())}
        seen_choices = 0
        for event in case_file.events:
            long = vocabulary.label(event.kind, tr=tr)
            # The window's column: the term's words, short only where the term has a short form.
            assert shown[event.id] == vocabulary.label(event.kind, short=True, tr=tr), event.id
            if vocabulary.TERMS[event.kind].short is None:
                assert shown[event.id] == long, event.id
            on_paper = tr.gettext("Mise en demeure") if isinstance(event, RegisteredLetter) and event.formal_notice else long
            assert on_paper.upper() in paper, (event.id, on_paper)
            form = EventForm(lambda _event: [], event)
            qtbot.addWidget(form)
            for spec in kind_fields(event.kind):
                value = getattr(event, spec.name)
                if spec.type != "choice" or value is None:
                    continue
                combo = form.findChild(QComboBox, spec.name)
                assert combo is not None and combo.currentData() == value
                assert combo.currentText() == vocabulary.label(value, tr=tr), (event.id, spec.name)
                assert combo.currentText() in paper, (event.id, combo.currentText())
                seen_choices += 1
        assert seen_choices >= 10
    kinds = {e.kind for e in case_file.events}
    assert {"correspondence", "outage", "registered_letter"} <= kinds
    # The command: the check names the registered letter without a tracking number as the PDF does.
    check = _dossier(demo, lang, "check", "1", "--as-of", "2025-11-30")
    assert vocabulary.label("registered_letter", tr=tr) in check
    assert vocabulary.label("warning", tr=tr) + ":" in check

"""A parser that crashes, hangs or eats memory costs a refusal of that file, nothing more."""

import sys
from datetime import date
from pathlib import Path

import pytest

from dossier_app.i18n import activate
from dossier_app.imports.isolated import IsolatedAnalyzer, analyze_isolated

FAULTY = [sys.executable, str(Path(__file__).with_name("faulty_worker.py")), "512"]
LETTER = ["Laval, le 4 octobre 2016", "Objet : mise en demeure"]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fault injection uses POSIX signals")


def test_same_answer_as_in_process(files) -> None:
    found = analyze_isolated(files.pdf("lettre.pdf", LETTER), today=date(2024, 1, 1))
    assert (found.refused, found.pages, found.suggested_date, found.suggested_kind) == (
        None, 1, date(2016, 10, 4), "registered_letter")
    assert found.date_source == "texte : « Laval, le 4 octobre 2016 »"
    assert found.path.name == "lettre.pdf"


def test_a_crash_refuses_that_file_and_the_next_one_is_read(files) -> None:
    letter = files.pdf("lettre.pdf", LETTER)
    crash = files.write("crash.pdf", letter.read_bytes())
    with IsolatedAnalyzer(command=FAULTY) as analyzer:
        assert "s'est arrêté net" in analyzer.analyze(crash).refused
        assert analyzer.analyze(letter).suggested_kind == "registered_letter"


def test_a_hang_is_cut_short(files) -> None:
    hang = files.write("hang.pdf", files.pdf("lettre.pdf", LETTER).read_bytes())
    with IsolatedAnalyzer(command=FAULTY, timeout=2) as analyzer:
        assert "interrompue après 2 s" in analyzer.analyze(hang).refused
        assert analyzer.analyze(files.folder / "lettre.pdf").refused is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the memory limit is an rlimit")
def test_a_memory_blow_up_is_refused(files) -> None:
    hog = files.write("hog.pdf", files.pdf("lettre.pdf", LETTER).read_bytes())
    with IsolatedAnalyzer(command=FAULTY) as analyzer:
        assert "trop de mémoire" in analyzer.analyze(hog).refused


def test_what_a_parser_prints_does_not_break_the_answers(files) -> None:
    chatty = files.write("chatty.pdf", files.pdf("lettre.pdf", LETTER).read_bytes())
    with IsolatedAnalyzer(command=FAULTY) as analyzer:
        assert analyzer.analyze(chatty).pages == 1
        assert analyzer.analyze(chatty).pages == 1


def test_many_files_one_worker(corpus) -> None:
    with IsolatedAnalyzer() as analyzer:
        found = [analyzer.analyze(p) for p in sorted(corpus.iterdir())]
    assert [f.path.name for f in found if f.refused] == ["libreoffice-writer-password.pdf"]


def test_the_worker_speaks_the_callers_language(files) -> None:
    activate("en")
    assert analyze_isolated(files.write("vide.pdf", b"")).refused == "empty file (0 bytes): fetch the original again (attachment, download)"

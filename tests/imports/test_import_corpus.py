"""Every file of the shared corpus gets an answer: an analysis, or a refusal with its reason."""

from pathlib import Path

import pytest

from dossier_app.imports import analyze, iter_candidate_files
from dossier_app.imports.pdf import read_pdf
from dossier_app.imports.sniff import SUPPORTED

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus" / "pdf"

NAMES = sorted(p.name for p in CORPUS.iterdir()) if CORPUS.is_dir() else []


@pytest.mark.parametrize("name", NAMES)
def test_each_corpus_file(corpus: Path, name: str) -> None:
    found = analyze(corpus / name)
    assert found.media_type in SUPPORTED
    if found.refused:
        assert found.refused == "protégé par mot de passe : ajoutez-le avec son mot de passe"
    else:
        assert found.pages and found.pages >= 1 and found.title


def test_the_corpus_as_a_folder(corpus: Path) -> None:
    results = [analyze(p) for p in iter_candidate_files([corpus])]
    assert len(results) == len(NAMES)
    assert [r.path.name for r in results if r.refused] == ["libreoffice-writer-password.pdf"]


def test_known_facts_of_the_corpus(corpus: Path) -> None:
    assert analyze(corpus / "GeoTopo-komprimiert.pdf").pages == 117
    assert analyze(corpus / "pdflatex-4-pages.pdf").pages == 4
    assert analyze(corpus / "libreoffice-writer-password.pdf", password="openpassword").encrypted
    assert analyze(corpus / "smile-lzw.tiff").media_type == "image/tiff"
    assert any("image.png" in note for note in analyze(corpus / "with-attachment.pdf").notes)


def test_text_of_a_pdf_with_forms(corpus: Path) -> None:
    # Copying form pages warns in pikepdf; with warnings as errors that once cost the text silently.
    assert "Submit" in read_pdf(corpus / "pdflatex-forms.pdf", None).text

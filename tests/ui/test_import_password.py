"""A protected PDF dropped on the window: its password is asked, a wrong one asked again, then it goes in."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from dossier_app.services import exhibits


def _protected_pdf(path: Path, password: str) -> Path:
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    sheet.drawString(60, 800, "Relevé bancaire du 3 mars 2024")
    sheet.showPage()
    sheet.save()
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user=password, owner=password + "-owner"))
    return path


def test_the_window_asks_for_the_password_of_a_protected_pdf(qtbot, open_window, store, small_case, tmp_path):
    window = open_window()
    pdf = _protected_pdf(tmp_path / "releve.pdf", "s3cret")
    window.answers.passwords = ["nope", "s3cret"]
    window.import_paths([pdf])
    qtbot.waitUntil(lambda: window.imports.review is not None, timeout=30000)
    questions = window.answers.password_questions
    assert len(questions) == 2 and "releve.pdf" in questions[0] and "n'ouvre pas" in questions[1]
    with qtbot.waitSignal(window.imports.done, timeout=30000):
        window.imports.review.accept()
    added = next(x for x in exhibits.exhibits(store, small_case) if x.original_name == "releve.pdf")
    assert added.password == "s3cret"


def test_leaving_the_password_empty_leaves_the_pdf_out(qtbot, open_window, store, small_case, tmp_path):
    window = open_window()
    pdf = _protected_pdf(tmp_path / "releve.pdf", "s3cret")
    with qtbot.waitSignal(window.imports.done, timeout=30000) as done:
        window.import_paths([pdf])
    assert done.args == ["nothing"]
    assert window.answers.password_questions and "releve.pdf" in window.answers.infos[-1]
    assert "laissé de côté" in window.answers.infos[-1] and "--password" not in window.answers.infos[-1]
    assert all(x.original_name != "releve.pdf" for x in exhibits.exhibits(store, small_case))

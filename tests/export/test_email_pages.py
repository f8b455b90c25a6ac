"""An e-mail printed as it was written: its headers in their charsets, its text even when its MIME
structure is broken, forwarded messages below it with their own attachments, its Date quoted with
the date it means beside, emoji printed as something."""

from __future__ import annotations

import base64
import subprocess
from email import policy
from email.message import EmailMessage
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from dossier_app.export.email_pages import email_to_pdfs
from dossier_app.i18n import translator
from dossier_app.imports.email_files import read_email

from .export_helpers import outline_titles, page_count, pdf_text, qpdf_check

CP1252 = (b"From: Fr\xe9d\xe9ric L\xe9vy <frederic@example.fr>\r\n"
          b"To: compta@example.fr\r\n"
          b"Date: Tue, 4 Mar 2025 09:12:00 +0100\r\n"
          b"Subject: Relance \x96 facture impay\xe9e (50 \x80)\r\n"
          b"Content-Type: text/plain\r\n\r\n"
          b"Bonjour, la facture d\x92un montant de 50 \x80 reste impay\xe9e.\r\n")
RUSSIAN = "Здравствуйте! Счёт № 7 не оплачен."


def _render(folder: Path, data: bytes, lang: str = "fr", caption: str = "Pièce n° 1") -> tuple[list[Path], int]:
    source = folder / "mail.eml"
    source.write_bytes(data)
    return email_to_pdfs(source, folder, "x1", translator(lang), read_email, caption)


def _fonts(path: Path) -> str:
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout


def _forwarded(folder: Path) -> bytes:
    invoice = folder / "f7.pdf"
    canvas = Canvas(str(invoice), invariant=1)
    for n in (1, 2):
        canvas.drawString(100, 700, f"FACTURE INTERIEURE F-7 page {n}")
        canvas.showPage()
    canvas.save()
    inner = EmailMessage()
    inner["From"] = "Hébergeur <support@host.example>"
    inner["To"] = "client@example.fr"
    inner["Subject"] = "Votre facture F-7"
    inner.set_content("Veuillez trouver la facture F-7 ci-jointe.")
    inner.add_attachment(invoice.read_bytes(), maintype="application", subtype="pdf", filename="F-7.pdf")
    outer = EmailMessage()
    outer["From"] = "Moi <moi@example.fr>"
    outer["To"] = "avocat@example.fr"
    outer["Subject"] = "TR: Votre facture F-7"
    outer.set_content("Maître, je vous transfère le message de l'hébergeur.")
    outer.add_attachment(inner)
    return outer.as_bytes(policy=policy.SMTP)


def test_windows_1252_headers_and_body_print_as_written(tmp_path: Path) -> None:
    outputs, pages = _render(tmp_path, CP1252)
    text = pdf_text(outputs[0])
    assert "Relance – facture impayée (50 €)" in text
    assert "Frédéric Lévy <frederic@example.fr>" in text
    assert "Bonjour, la facture d’un montant de 50 € reste impayée." in text
    assert "\ufffd" not in text
    assert pages == 1


def test_the_date_is_quoted_as_written_with_the_date_it_means(tmp_path: Path) -> None:
    outputs, _ = _render(tmp_path, CP1252)
    assert "Tue, 4 Mar 2025 09:12:00 +0100 (mardi 4 mars 2025, 09 h 12)" in pdf_text(outputs[0])
    english = tmp_path / "en"
    english.mkdir()
    outputs, _ = _render(english, CP1252, "en")
    assert "Tue, 4 Mar 2025 09:12:00 +0100 (Tuesday 4 March 2025, 09:12)" in pdf_text(outputs[0])


def test_windows_1251_with_a_wrong_boundary_prints_its_text(tmp_path: Path) -> None:
    data = (b"Subject: =?windows-1251?B?" + base64.b64encode("Счёт № 7".encode("cp1251")) + b"?=\n"
            b'Content-Type: multipart/mixed; boundary="WRONG"\n\n'
            b"--RIGHT\nContent-Type: text/plain; charset=windows-1251\n\n" + RUSSIAN.encode("cp1251")
            + b"\n--RIGHT--\n")
    outputs, _ = _render(tmp_path, data)
    text = pdf_text(outputs[0])
    assert RUSSIAN in text and "Счёт № 7" in text
    assert "(message sans texte)" not in text and ".bin" not in text


def test_a_forwarded_message_prints_below_with_its_pdf_following(tmp_path: Path) -> None:
    outputs, pages = _render(tmp_path, _forwarded(tmp_path))
    text = pdf_text(outputs[0])
    outer = text.index("Maître, je vous transfère le message de l'hébergeur.")
    inner = text.index("Courriel transféré")
    assert outer < inner
    assert "courriel transféré" in text[outer:inner]  # listed among the outer message's attachments
    forwarded = text[inner:]
    assert "Hébergeur <support@host.example>" in forwarded
    assert "Votre facture F-7" in forwarded and "Veuillez trouver la facture F-7 ci-jointe." in forwarded
    assert "F-7.pdf" in forwarded and "2 pages" in forwarded
    assert len(outputs) == 2 and "FACTURE INTERIEURE F-7 page 2" in pdf_text(outputs[1])
    assert pages == 1 + 2


def test_emoji_print_in_a_symbols_font_or_by_name(tmp_path: Path) -> None:
    data = ("Subject: =?utf-8?q?Site_coup=C3=A9_=E2=9C=85?=\nContent-Type: text/plain; charset=utf-8\n\n"
            "Merci 👍 pour tout 🚀 et 🥰.\n").encode()
    outputs, _ = _render(tmp_path, data, caption="Pièce n° 1 — Site coupé ✅")
    text = pdf_text(outputs[0])
    # 👍, 🚀 and ✅ are drawn by Symbola and read back as themselves; 🥰 (Unicode 11) by its name.
    assert "Merci 👍 pour tout 🚀 et [SMILING FACE WITH SMILING EYES AND THREE HEARTS]." in text
    assert "Site coupé ✅" in text
    fonts = _fonts(outputs[0])
    assert "Symbola" in fonts and "Helvetica" not in fonts
    qpdf_check(outputs[0])
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(outputs[0]), str(png)], check=True)
    assert (tmp_path / "page.png").stat().st_size > 0


def test_the_subject_titles_the_pièce_in_the_bordereau_the_sommaire_and_the_bookmarks(tmp_path: Path, capsys) -> None:
    from dossier_app.cli.main import main

    mail = tmp_path / "relance.eml"
    mail.write_bytes(CP1252)
    home = ["--home", str(tmp_path / "home")]
    assert main([*home, "case", "new", "Test c/ Client"]) == 0
    case_id = capsys.readouterr().out.strip().split()[-1]
    main([*home, "import", case_id, str(mail)])
    output = tmp_path / "dossier.pdf"
    main([*home, "export", case_id, "-o", str(output), "--as-of", "2025-06-01"])
    capsys.readouterr()
    title = "Relance – facture impayée (50 €)"
    text = pdf_text(output)
    assert text.count(title) >= 3  # sommaire, bordereau, the e-mail page's caption and subject
    assert "\ufffd" not in text and "Ã" not in text
    assert any(title in entry for entry in outline_titles(output))
    assert page_count(output) > 1


def test_without_the_symbols_font_emoji_are_named(monkeypatch) -> None:
    from dossier_app.export import fonts, symbols

    monkeypatch.setattr(fonts, "SYMBOL_FILES", ())
    fonts.symbol_font.cache_clear()
    try:
        assert symbols.runs("Merci 👍\ufe0f !") == [("Merci [THUMBS UP SIGN] !", None)]
        assert symbols.with_symbols("a &amp; 🚀") == "a &amp; [ROCKET]"
    finally:
        fonts.symbol_font.cache_clear()

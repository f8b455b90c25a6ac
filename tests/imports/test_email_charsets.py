"""E-mails in the charsets and shapes real mailers write: headers and bodies read as they were
written, never a replacement character where a byte can be read, the exhibit titled by its subject."""

from __future__ import annotations

import base64
import json
from datetime import date
from email import policy
from email.message import EmailMessage
from pathlib import Path

from dossier_app.imports import analyze, read_email
from dossier_app.imports.email_files import decode_header_bytes

TODAY = date(2025, 6, 1)

# Outlook on a French Windows: 8-bit Windows-1252 in the headers and the body, no charset said.
CP1252 = (b"From: Fr\xe9d\xe9ric L\xe9vy <frederic@example.fr>\r\n"
          b"To: compta@example.fr\r\n"
          b"Date: Tue, 04 Mar 2025 09:12:00 +0100\r\n"
          b"Subject: Relance \x96 facture n\xb0 F-12 impay\xe9e (50 \x80) \x93urgent\x94\r\n"
          b"MIME-Version: 1.0\r\n"
          b"Content-Type: text/plain\r\n"
          b"Content-Transfer-Encoding: 8bit\r\n"
          b"\r\n"
          b"Bonjour, la facture d\x92un montant de 50 \x80 reste impay\xe9e.\r\n")

RUSSIAN = "Здравствуйте! Счёт № 7 не оплачен."


def _cp1251_wrong_boundary() -> bytes:
    """The multipart's boundary is "WRONG"; its parts open with "RIGHT"."""
    return (b"From: =?windows-1251?B?" + base64.b64encode("Иван".encode("cp1251")) + b"?= <ivan@example.ru>\n"
            b"Subject: =?windows-1251?B?" + base64.b64encode("Счёт № 7".encode("cp1251")) + b"?=\n"
            b"MIME-Version: 1.0\n"
            b'Content-Type: multipart/mixed; boundary="WRONG"\n\n'
            b"--RIGHT\nContent-Type: text/plain; charset=windows-1251\nContent-Transfer-Encoding: 8bit\n\n"
            + RUSSIAN.encode("cp1251") + b"\n"
            b"--RIGHT\nContent-Type: application/pdf; name=schet.pdf\nContent-Disposition: attachment; "
            b"filename=schet.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--RIGHT--\n")


def test_windows_1252_headers_and_body_without_a_charset(files) -> None:
    content = read_email(CP1252)
    assert content.subject == "Relance – facture n° F-12 impayée (50 €) “urgent”"
    assert content.sender == "Frédéric Lévy <frederic@example.fr>"
    assert content.body == "Bonjour, la facture d’un montant de 50 € reste impayée."
    found = analyze(files.write("relance.eml", CP1252), today=TODAY)
    assert found.title == "Relance – facture n° F-12 impayée (50 €) “urgent”"


def test_bytes_windows_1252_leaves_undefined_are_read_as_latin_1() -> None:
    text = decode_header_bytes(b"a\x81b\x8dc\x8fd\x90e\x9df \x80")
    assert "\ufffd" not in text
    assert text == "a\x81b\x8dc\x8fd\x90e\x9df €"


def test_raw_utf8_headers_stay_utf8() -> None:
    content = read_email("Subject: Réunion — été\n\ncorps\n".encode())
    assert content.subject == "Réunion — été"


def test_rfc_2047_words_in_their_own_charsets() -> None:
    # "impayée" cut inside its "é" across two UTF-8 words, then an ISO-8859-1 word, then plain text.
    utf8 = "Facture impayée".encode()
    cut = utf8.index(b"\xa9")
    data = (b"From: =?ISO-8859-1?Q?Agence_Cr=E9ative?= <a@example.fr>\n"
            b"Subject: =?utf-8?B?" + base64.b64encode(utf8[:cut]) + b"?=\n =?utf-8?B?" + base64.b64encode(utf8[cut:])
            + b"?= =?iso-8859-15?q?=A4_50?= (relance)\n"
            b"Content-Type: text/plain; charset=utf-8\n\nCorps\n")
    content = read_email(data)
    assert content.subject == "Facture impayée€ 50 (relance)"
    assert content.sender == "Agence Créative <a@example.fr>"


def test_an_encoded_word_in_a_charset_that_does_not_exist() -> None:
    content = read_email(b"Subject: =?x-unknown?Q?R=E9union_=96_lundi?=\n\nx\n")
    assert content.subject == "Réunion – lundi"


def test_windows_1251_with_a_wrong_boundary_is_read(files) -> None:
    content = read_email(_cp1251_wrong_boundary())
    assert content.subject == "Счёт № 7"
    assert content.sender == "Иван <ivan@example.ru>"
    assert content.body == RUSSIAN
    assert [(a.name, a.media_type, a.data) for a in content.attachments] == [
        ("schet.pdf", "application/pdf", b"%PDF-1.4\n")]
    found = analyze(files.write("schet.eml", _cp1251_wrong_boundary()), today=TODAY)
    assert found.title == "Счёт № 7"


def test_a_multipart_without_any_part_is_read_as_text_in_its_charset() -> None:
    data = (b"Subject: x\nContent-Type: multipart/alternative; charset=windows-1251; boundary=\"b1\"\n\n"
            + RUSSIAN.encode("cp1251") + b"\n")
    content = read_email(data)
    assert content.body == RUSSIAN
    assert content.attachments == ()


def test_a_forwarded_message_keeps_its_own_headers_and_pdf() -> None:
    inner = EmailMessage()
    inner["From"] = "Hébergeur <support@host.example>"
    inner["Subject"] = "Votre facture F-7"
    inner.set_content("La facture F-7 est jointe.")
    inner.add_attachment(b"%PDF-1.4\n%inner\n", maintype="application", subtype="pdf", filename="F-7.pdf")
    outer = EmailMessage()
    outer["From"] = "moi@example.fr"
    outer["Subject"] = "TR: Votre facture F-7"
    outer.set_content("Voici le message.")
    outer.add_attachment(inner)
    content = read_email(outer.as_bytes(policy=policy.SMTP))
    forwarded = [a for a in content.attachments if a.media_type == "message/rfc822"]
    assert len(forwarded) == 1
    again = read_email(forwarded[0].data)
    assert (again.sender, again.subject, again.body) == (
        "Hébergeur <support@host.example>", "Votre facture F-7", "La facture F-7 est jointe.")
    assert [(a.name, a.data) for a in again.attachments] == [("F-7.pdf", b"%PDF-1.4\n%inner\n")]


def test_emoji_in_the_subject_reach_the_title(files) -> None:
    data = "Subject: =?utf-8?q?Site_coup=C3=A9_=F0=9F=98=A1_encore?=\n\nLe site est coupé 🔥\n".encode()
    content = read_email(data)
    assert content.subject == "Site coupé 😡 encore"
    assert content.body == "Le site est coupé 🔥"
    assert analyze(files.write("coupure.eml", data), today=TODAY).title == "Site coupé 😡 encore"


def test_the_stored_title_is_the_subject_as_written(tmp_path: Path, capsys) -> None:
    from dossier_app.cli.main import main

    mail = tmp_path / "relance.eml"
    mail.write_bytes(CP1252)
    home = ["--home", str(tmp_path / "home")]
    assert main([*home, "case", "new", "Test c/ Client"]) == 0
    case_id = capsys.readouterr().out.strip().split()[-1]
    main([*home, "import", case_id, str(mail)])
    capsys.readouterr()
    assert main([*home, "exhibit", "list", case_id, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    rows = listed if isinstance(listed, list) else listed.get("exhibits", [])
    assert [row["title"] for row in rows] == ["Relance – facture n° F-12 impayée (50 €) “urgent”"]


def test_an_emoji_in_a_windows_1252_subject_keeps_both(files) -> None:
    data = b"Subject: Relance \x96 impay\xe9e \xf0\x9f\x98\xa1\n\nx\n"
    assert read_email(data).subject == "Relance – impayée 😡"
    assert analyze(files.write("mixte.eml", data), today=TODAY).title == "Relance – impayée 😡"

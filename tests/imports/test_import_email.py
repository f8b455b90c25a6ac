from datetime import date

from dossier_app.imports import analyze, html_to_text, read_email

TODAY = date(2024, 6, 1)

MULTIPART = b"""From: =?utf-8?q?Agence_Cr=C3=A9ative?= <contact@agence.example>
To: Dupont <dupont@example.fr>
Cc: avocat@example.fr
Date: Tue, 4 Oct 2016 23:30:00 +0000
Subject: =?utf-8?q?Relance_:_facture_F-2016-12_impay=C3=A9e?=
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: multipart/alternative; boundary="b2"

--b2
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Bonjour, la facture F-2016-12 reste impay=C3=A9e.

--b2
Content-Type: text/html; charset=utf-8

<p>Bonjour, la facture <b>F-2016-12</b> reste impay&eacute;e.</p>
--b2--

--b1
Content-Type: application/pdf; name="facture.pdf"
Content-Disposition: attachment; filename="facture.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--b1
Content-Type: message/rfc822

From: someone@example.fr
Subject: original

inner body
--b1--
"""

BROKEN = (b"From: \xe9ric <eric@example.fr\n"
          b"To: \n"
          b"Date: not a date at all\n"
          b"Subject: =?unknown-8bit?q?R=E9union?= =?utf-8?b?broken\n"
          b"Content-Type: text/plain; charset=\"utf-8\"\n"
          b"Content-Transfer-Encoding: 8bit\n"
          b"\n"
          b"Compte rendu de la r\xe9union du 4 octobre 2016 : le site est coup\xe9.\n")


def test_headers_body_and_attachments(tmp_path) -> None:
    content = read_email(MULTIPART)
    assert content.sender == "Agence Créative <contact@agence.example>"
    assert content.to == "Dupont <dupont@example.fr>"
    assert content.cc == "avocat@example.fr"
    assert content.subject == "Relance : facture F-2016-12 impayée"
    assert content.body == "Bonjour, la facture F-2016-12 reste impayée."
    assert [(a.name, a.media_type) for a in content.attachments] == [
        ("facture.pdf", "application/pdf"), ("piece-jointe-2.eml", "message/rfc822")]
    assert content.attachments[0].data == b"%PDF-1.4\n"
    assert b"inner body" in content.attachments[1].data
    assert list(content.headers()) == ["From", "To", "Cc", "Date", "Subject"]


def test_an_email_is_dated_by_its_header_in_french_time(files) -> None:
    found = analyze(files.write("relance.eml", MULTIPART), today=TODAY)
    assert found.refused is None
    assert (found.media_type, found.pages) == ("message/rfc822", 1)
    # 23:30 UTC on 4 October is 01:30 on 5 October in Laval.
    assert (found.suggested_date, found.date_source) == (date(2016, 10, 5), "en-tête Date du courriel")
    assert found.suggested_kind == "reminder"
    assert found.title == "Relance : facture F-2016-12 impayée"
    assert any("facture.pdf" in note for note in found.notes)


def test_broken_headers_and_latin1_body_never_raise(files) -> None:
    content = read_email(BROKEN)
    assert content.date is None
    assert "éric" in content.sender or "ric" in content.sender
    assert content.body == "Compte rendu de la réunion du 4 octobre 2016 : le site est coupé."
    found = analyze(files.write("réunion.eml", BROKEN), today=TODAY)
    assert found.refused is None and found.suggested_kind == "correspondence"
    assert found.suggested_date is None  # "réunion du …": a date the message refers to


def test_an_email_without_eml_extension_is_recognised(files) -> None:
    found = analyze(files.write("message.txt", MULTIPART), today=TODAY)
    assert found.media_type == "message/rfc822"


def test_html_only_body_and_unknown_charset(files) -> None:
    data = (b"From: a@example.fr\nSubject: Codes\nContent-Type: text/html; charset=x-nonsense\n\n"
            b"<html><head><style>p{}</style></head><body><p>Vos codes&nbsp;:</p><div>admin</div>"
            b"<script>alert(1)</script></body></html>")
    content = read_email(data)
    assert content.body == "Vos codes :\n\nadmin"


def test_html_to_text_keeps_blocks_apart() -> None:
    assert html_to_text("<table><tr><td>a</td><td>b</td></tr></table>x<br>y") == "a b\n\nx\ny"


def test_garbage_is_still_an_email_when_named_so(files) -> None:
    found = analyze(files.write("vide.eml", b"\n\n\n"), today=TODAY)
    assert found.refused is None and found.title == "Vide"

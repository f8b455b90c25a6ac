from datetime import date

import pytest

from dossier_app.i18n import activate
from dossier_app.imports import analyze

TODAY = date(2024, 6, 1)
NOTICE = ["SARL Dupont, 12 rue Haute, 53000 Laval", "", "Laval, le 4 octobre 2016",
          "LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION",
          "Objet : mise en demeure de payer la facture F-2016-12 du 12/09/2016",
          "Madame, Monsieur, à régler avant le 20 octobre 2016."]


def test_a_letter_gets_its_own_date_and_kind(files) -> None:
    path = files.pdf("mise-en-demeure.pdf", NOTICE, created="D:20161010093000+02'00'")
    found = analyze(path, today=TODAY)
    assert found.refused is None
    assert (found.media_type, found.pages, found.encrypted) == ("application/pdf", 1, False)
    assert found.suggested_date == date(2016, 10, 4)
    assert found.date_source == "texte : « Laval, le 4 octobre 2016 »"
    assert found.suggested_kind == "registered_letter"
    assert found.title == "Mise-en-demeure"
    assert [c.day for c in found.dates] == [date(2016, 10, 4), date(2016, 10, 10)]


def test_metadata_date_and_title_when_the_text_has_none(files) -> None:
    path = files.pdf("scan.pdf", ["FACTURE"], ["page 2"], title="Facture F-2016-12",
                     created="D:20161004120000Z", modified="D:20170101")
    found = analyze(path, today=TODAY)
    assert (found.pages, found.title, found.suggested_kind) == (2, "Facture F-2016-12", "invoice")
    assert found.suggested_date == date(2016, 10, 4)
    assert found.date_source == "métadonnées PDF (date de création)"


def test_a_date_in_the_future_or_before_1990_is_never_suggested(files) -> None:
    path = files.pdf("x.pdf", ["Date : 04/10/2030", "le 3 mars 1985"], created="D:20351004")
    found = analyze(path, today=TODAY)
    assert found.suggested_date is None and found.dates == ()
    assert analyze(path, today=date(2031, 1, 1)).suggested_date == date(2030, 10, 4)


def test_no_date_at_all(files) -> None:
    found = analyze(files.pdf("rien.pdf", ["Lorem ipsum"]), today=TODAY)
    assert (found.suggested_date, found.date_source, found.suggested_kind) == (None, None, None)


def test_the_file_name_date_beats_the_metadata(files) -> None:
    found = analyze(files.pdf("facture_2016-10-04.pdf", [], created="D:20200101"), today=TODAY)
    assert found.suggested_date == date(2016, 10, 4)
    assert found.date_source == "nom du fichier : « 2016-10-04 »"


def test_encrypted_pdf_needs_its_password(files) -> None:
    path = files.pdf("secret.pdf", ["Facture du 04/10/2016"], password="s3cret")
    refused = analyze(path, today=TODAY)
    assert refused.refused == "protégé par mot de passe : ajoutez-le avec son mot de passe"
    assert refused.media_type == "application/pdf"
    assert analyze(path, password="wrong").refused == "PDF protégé : ce mot de passe n'est pas le bon"
    found = analyze(path, password="s3cret", today=TODAY)
    assert found.refused is None and found.encrypted
    assert (found.suggested_date, found.suggested_kind) == (date(2016, 10, 4), "invoice")


def test_refusals_speak_english_when_asked(files) -> None:
    activate("en")
    path = files.pdf("secret.pdf", [], password="s3cret")
    assert analyze(path).refused == "protected by a password: add it with its password"


def test_javascript_and_attached_files_are_noted_not_refused(files) -> None:
    found = analyze(files.pdf("actif.pdf", ["Facture"], javascript=True, attachment=True), today=TODAY)
    assert found.refused is None
    assert any("JavaScript" in note for note in found.notes)
    assert any("contrat.txt" in note for note in found.notes)


@pytest.mark.parametrize("keep", [0.25, 0.5, 0.9])
def test_a_truncated_pdf_is_repaired_or_refused_never_raised(files, keep: float) -> None:
    data = files.pdf("whole.pdf", NOTICE, ["page 2"]).read_bytes()
    found = analyze(files.write("cut.pdf", data[:int(len(data) * keep)]), today=TODAY)
    assert found.refused or found.pages


def test_a_pdf_cut_right_after_its_header_is_refused(files) -> None:
    found = analyze(files.write("cut.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<"))
    assert found.refused in ("PDF endommagé au point d'être illisible : récupérez à nouveau l'original, ou ouvrez-le et imprimez-le en PDF", "PDF sans aucune page : récupérez à nouveau l'original, ou ouvrez-le et imprimez-le en PDF",
                             "PDF endommagé : sa liste de pages est illisible ; récupérez à nouveau l'original, ou ouvrez-le et imprimez-le en PDF")


def test_garbage_after_a_pdf_header(files) -> None:
    found = analyze(files.write("junk.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 50))
    assert found.refused


def test_many_pages_read_only_the_first(files) -> None:
    pages = [["Lorem ipsum"]] * 3 + [["Laval, le 4 octobre 2016"]]
    found = analyze(files.pdf("long.pdf", *pages), today=TODAY)
    assert found.pages == 4 and found.suggested_date is None

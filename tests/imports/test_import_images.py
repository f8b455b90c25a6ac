import warnings
from datetime import date

from dossier_app.imports import analyze

TODAY = date(2024, 6, 1)


def test_photo_date_from_exif(files) -> None:
    path = files.image("photo-accusé-réception.jpg", "JPEG", exif_taken="2016:10:06 10:15:32")
    found = analyze(path, today=TODAY)
    assert found.refused is None
    assert (found.media_type, found.pages) == ("image/jpeg", 1)
    assert (found.suggested_date, found.date_source) == (date(2016, 10, 6), "EXIF (date de prise de vue)")
    assert found.suggested_kind == "registered_letter"
    assert found.title == "Photo-accusé-réception"


def test_screenshot_is_a_note_dated_by_its_name(files) -> None:
    found = analyze(files.image("Capture d’écran 2016-10-04 à 10.15.32.png", "PNG"), today=TODAY)
    assert (found.media_type, found.suggested_kind, found.suggested_date) == ("image/png", "note", date(2016, 10, 4))


def test_screenshot_of_a_refused_access(files) -> None:
    path = files.image("capture.png", "PNG", png_text={"Title": "Accès refusé à l'administration du site",
                                                       "Creation Time": "Tue, 04 Oct 2016 10:15:32 +0200"})
    found = analyze(path, today=TODAY)
    assert (found.suggested_kind, found.suggested_date) == ("access", date(2016, 10, 4))


def test_multi_page_tiff_counts_its_pages(files) -> None:
    found = analyze(files.image("scan.tiff", "TIFF", frames=3), today=TODAY)
    assert (found.media_type, found.pages, found.refused) == ("image/tiff", 3, None)


def test_absurd_dimensions_are_refused_without_a_warning_escaping(files) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for width, height in ((100_000, 100_000), (10_000, 10_000)):
            found = analyze(files.png_header(f"bomb-{width}.png", width, height))
            assert found.refused and "dimensions démesurées" in found.refused


def test_a_truncated_jpeg_is_refused(files) -> None:
    data = files.image("whole.jpg", "JPEG", size=(800, 600)).read_bytes()
    found = analyze(files.write("cut.jpg", data[: len(data) // 2]))
    assert found.refused == "image endommagée ou incomplète : récupérez à nouveau l'original, ou ouvrez-la et enregistrez-la en JPEG ou PNG"


def test_a_truncated_png_is_refused(files) -> None:
    data = files.image("whole.png", "PNG", size=(300, 300)).read_bytes()
    assert analyze(files.write("cut.png", data[:200])).refused == "image endommagée ou incomplète : récupérez à nouveau l'original, ou ouvrez-la et enregistrez-la en JPEG ou PNG"


def test_content_decides_not_the_name(files) -> None:
    data = files.image("photo.jpg", "JPEG").read_bytes()
    found = analyze(files.write("facture.pdf", data))
    assert found.media_type == "image/jpeg" and found.refused is None
    assert found.notes == ("le nom finit par « .pdf » mais le contenu est une image JPEG",)

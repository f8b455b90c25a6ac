"""`archive` and `restore` as a user runs them: the same case comes back, as a new case."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import zipfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from dossier_app.archive.layout import member_names, name_problem
from tests.reliability.support import assert_refused_clearly, snapshot
from tests.support.cases import small_document, write_case


def _load(dossier, folder: Path, document: dict | None = None) -> str:
    run = dossier("load", str(write_case(folder, document)))
    assert run.code == 0, run.err
    return run.out.strip()


def _dump(dossier, case: str) -> dict:
    run = dossier("dump", case)
    assert run.code == 0, run.err
    return json.loads(run.out)


def test_restore_gives_back_the_same_case_as_a_new_one(dossier, tmp_path: Path) -> None:
    case = _load(dossier, tmp_path / "in")
    target = tmp_path / "out" / "affaire.dossier"
    target.parent.mkdir()
    run = dossier("archive", case, "-o", str(target))
    assert run.code == 0, run.err
    assert "2 pièces" in run.out and hashlib.sha256(target.read_bytes()).hexdigest() in run.out
    restored = dossier("restore", str(target))
    assert restored.code == 0, restored.err
    assert restored.out.strip() == "2"
    assert _dump(dossier, "2") == _dump(dossier, "1")
    assert dossier("verify", "2").code == 0


def test_restoring_twice_gives_a_second_copy_never_an_overwrite(dossier, tmp_path: Path) -> None:
    _load(dossier, tmp_path / "in")
    target = tmp_path / "a.dossier"
    dossier("archive", "1", "-o", str(target))
    assert dossier("restore", str(target)).out.strip() == "2"
    again = dossier("restore", str(target))
    assert again.code == 0 and again.out.strip() == "3"
    assert "copie distincte" in again.err and "n° 1, 2" in again.err
    assert _dump(dossier, "3") == _dump(dossier, "1")
    assert dossier("event", "rm", "3", "k1").code == 0
    assert "k1" in [e["id"] for e in _dump(dossier, "2")["events"]]  # copies are independent


def test_the_same_case_gives_the_same_bytes_even_after_a_restore(dossier, tmp_path: Path) -> None:
    _load(dossier, tmp_path / "in")
    first, second, third = (tmp_path / f"{n}.dossier" for n in ("first", "second", "third"))
    dossier("archive", "1", "-o", str(first))
    dossier("archive", "1", "-o", str(second))
    assert first.read_bytes() == second.read_bytes()
    dossier("restore", str(first))
    dossier("archive", "2", "-o", str(third))
    assert third.read_bytes() == first.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert archive.namelist() == ["manifest.json", "case.json", "files/facture.txt", "files/lettre.txt"]
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_numbers_names_and_what_the_import_learnt_survive(dossier, tmp_path: Path) -> None:
    doc = small_document()
    folder = tmp_path / "in"
    (folder / "a").mkdir(parents=True)
    (folder / "b").mkdir()
    (folder / "a" / "Relevé n°3 été.txt").write_text("relevé A\n")
    (folder / "b" / "Relevé n°3 été.txt").write_text("relevé B\n")
    doc["exhibits"] = [
        {"path": "a/Relevé n°3 été.txt", "title": "Relevé A", "number": 4, "password": "x"},
        {"path": "b/Relevé n°3 été.txt", "title": "Relevé B", "number": 2},
    ]
    _load(dossier, folder, doc)
    pdf = tmp_path / "contrat signé.pdf"
    _minimal_pdf(pdf)
    assert dossier("import", "1", str(pdf)).code == 0
    target = tmp_path / "a.dossier"
    assert dossier("archive", "1", "-o", str(target)).code == 0
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
    assert "files/Relevé n°3 été.txt" in names and "files/Relevé n°3 été-2.txt" in names
    assert "files/contrat signé.pdf" in names
    assert dossier("restore", str(target)).code == 0
    from dossier_app.services.store_access import open_home
    from dossier_app.store import repository as repo

    store = open_home(tmp_path / "home")
    try:
        def facts(case_id: int) -> list[tuple]:
            return [(x.sha256, x.number, x.media_type, x.pages, x.suggested_kind, x.password, x.size)
                    for x in repo.read_exhibits(store, case_id)]

        assert facts(2) == facts(1)
        assert any(f[2] == "application/pdf" and f[3] == 1 for f in facts(2))
        assert repo.numbering_fixed(store, 2)
    finally:
        store.close()


def test_a_lawyer_can_unzip_it_and_load_the_case_by_hand(dossier, tmp_path: Path) -> None:
    _load(dossier, tmp_path / "in")
    target = tmp_path / "a.dossier"
    dossier("archive", "1", "-o", str(target))
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(target) as archive:
        archive.extractall(unpacked)
    assert dossier("load", str(unpacked / "case.json")).code == 0
    assert _dump(dossier, "2") == _dump(dossier, "1")


def test_an_archive_is_not_written_from_a_damaged_store_and_the_old_one_stays(dossier, tmp_path: Path,
                                                                                 home: Path) -> None:
    _load(dossier, tmp_path / "in")
    target = tmp_path / "a.dossier"
    target.write_bytes(b"the archive of last week")
    sha = _dump(dossier, "1")["exhibits"][0]["sha256"]
    stored = home / "files" / sha[:2] / sha
    os.chmod(stored, stat.S_IRUSR | stat.S_IWUSR)
    stored.write_bytes(b"forged")
    run = dossier("archive", "1", "-o", str(target))
    assert_refused_clearly(run)
    assert "modifié" in run.err and "dossier verify" in run.err
    from dossier_app.domain.errors import UserError
    from dossier_app.services import archive
    from dossier_app.services.store_access import open_home

    store = open_home(home)
    try:  # the window shows the service's own words: what to do, plainly, no command line
        archive.archive_case(store, 1, tmp_path / "b.dossier")
    except UserError as exc:
        assert "vérifiez les fichiers des pièces" in exc.message and "dossier verify" not in exc.message
    else:
        raise AssertionError("archived from a damaged store")
    finally:
        store.close()
    stored.unlink()
    run = dossier("archive", "1", "-o", str(target))
    assert_refused_clearly(run)
    assert "disparu" in run.err
    assert target.read_bytes() == b"the archive of last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.dossier", "home", "in"]


def test_archive_needs_an_output_and_a_known_case(dossier, tmp_path: Path, home: Path) -> None:
    _load(dossier, tmp_path / "in")
    before = snapshot(home)
    assert_refused_clearly(dossier("archive", "1"))
    run = dossier("archive", "Affaire inconnue", "-o", str(tmp_path / "x.dossier"))
    assert_refused_clearly(run)
    assert "dossier cases" in run.err
    run = dossier("archive", "1", "-o", str(tmp_path / "nowhere" / "x.dossier"))
    assert_refused_clearly(run)
    assert snapshot(home) == before


@given(st.lists(st.tuples(st.text(max_size=300), st.binary(min_size=4, max_size=4)), max_size=12))
def test_member_names_are_always_safe_and_distinct(items: list[tuple[str, bytes]]) -> None:
    exhibits = [(hashlib.sha256(salt + name.encode("utf-8", "surrogatepass")).hexdigest(), name) for name, salt in items]
    names = member_names(exhibits)
    assert all(name_problem(name) is None for name in names.values())
    assert len({n.casefold() for n in names.values()}) == len(names)


def _minimal_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path), invariant=True)
    sheet.drawString(60, 800, "Contrat signé le 10 janvier 2024")
    sheet.showPage()
    sheet.save()


def test_a_case_of_the_same_title_capitals_and_spaces_aside_is_noted(dossier, tmp_path: Path, home: Path) -> None:
    """The same rule as a new case or a rename: « boulangerie  martin » is the same title as « Boulangerie Martin »."""
    from dossier_app.services import archive
    from dossier_app.services.store_access import open_home

    _load(dossier, tmp_path / "in")
    target = tmp_path / "a.dossier"
    assert dossier("archive", "1", "-o", str(target)).code == 0
    title = _dump(dossier, "1")["case"]["title"]
    assert dossier("case", "rename", "1", "  " + title.upper().replace(" ", "  ") + " ").code == 0
    store = open_home(home)
    try:
        assert archive.cases_titled_as(store, target) == (title, (1,))
    finally:
        store.close()
    restored = dossier("restore", str(target))
    assert restored.code == 0 and restored.out.strip() == "2"
    assert "copie distincte" in restored.err and "n° 1" in restored.err

"""Archive, restore and verify from the File menu, as a user does: the commands' checks and words."""

from __future__ import annotations

from pathlib import Path

from dossier_app.services import importing
from dossier_app.services.session import case_lines
from dossier_app.store import repository


def _menu_action(window, text: str):
    """The entry of the File menu whose label (without its accelerator) is ``text``."""
    file_menu = window.menuBar().actions()[0].menu()
    found = [a for a in file_menu.actions() if a.text().replace("&", "") == text]
    assert found, [a.text() for a in file_menu.actions()]
    return found[0]


def _with_an_exhibit(store, case_id: int, tmp_path: Path) -> Path:
    source = tmp_path / "courrier.txt"
    source.write_text("Lettre de relance du 3 mars.\n", encoding="utf-8")
    items = importing.plan_import(store, case_id, [source])
    importing.commit_import(store, case_id, items)
    return source


def test_archive_then_restore_from_the_file_menu(qtbot, open_window, store, small_case, tmp_path):
    _with_an_exhibit(store, small_case, tmp_path)
    window = open_window(str(small_case))
    target = tmp_path / "out" / "affaire.dossier"
    target.parent.mkdir()
    window.answers.save_with = target
    _menu_action(window, "Archiver l'affaire\u2026").trigger()
    qtbot.waitUntil(lambda: bool(window.answers.infos), timeout=20000)
    assert target.is_file()
    count = len(repository.read_exhibits(store, small_case))
    assert f"{count} pièces" in window.answers.infos[-1] and "SHA-256" in window.answers.infos[-1]
    title = next(line.title for line in case_lines(store) if line.id == small_case)

    # Declined: the window says a copy would be made, and nothing is made.
    window.answers.open_with = target
    window.answers.confirm_with = False
    before = {line.id for line in case_lines(store)}
    _menu_action(window, "Restaurer une archive\u2026").trigger()
    qtbot.waitUntil(lambda: bool(window.answers.confirmations), timeout=20000)
    assert f"« {title} » existe déjà (n° {small_case})" in window.answers.confirmations[-1]
    qtbot.wait(200)
    assert {line.id for line in case_lines(store)} == before

    # Accepted: the copy is made, listed and opened.
    window.answers.confirm_with = True
    _menu_action(window, "Restaurer une archive\u2026").trigger()
    qtbot.waitUntil(lambda: window.case_id not in before, timeout=20000)
    after = {line.id for line in case_lines(store)}
    (new,) = after - before
    assert window.case_id == new
    assert new in [line.id for line in window.cases.model.lines]
    assert "copie distincte" in window.statusBar().currentMessage()


def test_a_damaged_archive_is_refused_in_one_line_and_nothing_is_restored(qtbot, open_window, store, small_case,
                                                                          tmp_path):
    window = open_window(str(small_case))
    bad = tmp_path / "abîmée.dossier"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    window.answers.open_with = bad
    before = {line.id for line in case_lines(store)}
    _menu_action(window, "Restaurer une archive\u2026").trigger()
    qtbot.waitUntil(lambda: bool(window.answers.errors), timeout=20000)
    assert "rien n'a été restauré" in window.answers.errors[-1]
    assert "Traceback" not in window.answers.errors[-1]
    assert not window.answers.confirmations
    assert {line.id for line in case_lines(store)} == before


def test_verify_says_intact_then_names_an_altered_file(qtbot, open_window, store, small_case, tmp_path):
    _with_an_exhibit(store, small_case, tmp_path)
    window = open_window(str(small_case))
    _menu_action(window, "Vérifier les fichiers des pièces").trigger()
    qtbot.waitUntil(lambda: bool(window.answers.infos), timeout=20000)
    assert "Toutes les pièces sont intactes." in window.answers.infos[-1]

    (sha,) = [x.sha256 for x in repository.read_exhibits(store, small_case) if x.original_name == "courrier.txt"]
    stored = store.blobs.path(sha)
    stored.chmod(0o644)
    stored.write_text("changé", encoding="utf-8")
    _menu_action(window, "Vérifier les fichiers des pièces").trigger()
    qtbot.waitUntil(lambda: bool(window.answers.errors), timeout=20000)
    assert "« Courrier »" in window.answers.errors[-1]
    assert "fichier modifié" in window.answers.errors[-1]


def test_closing_while_an_archive_is_written_asks_first(qtbot, open_window, store, small_case, tmp_path,
                                                        monkeypatch):
    import threading

    from dossier_app.services import archive

    release = threading.Event()
    real = archive.archive_case

    def slow(store_, case_id, target):
        release.wait(20)  # as a large case's files take their time
        return real(store_, case_id, target)

    monkeypatch.setattr(archive, "archive_case", slow)
    window = open_window(str(small_case))
    window.answers.save_with = tmp_path / "affaire.dossier"
    _menu_action(window, "Archiver l'affaire\u2026").trigger()
    qtbot.waitUntil(lambda: window.archive.busy)
    window.answers.confirm_with = False
    window.close()
    assert window.isVisible(), "closed while the archive was half written"
    assert "archivage" in window.answers.confirmations[-1]
    release.set()
    qtbot.waitUntil(lambda: bool(window.answers.infos), timeout=20000)
    assert (tmp_path / "affaire.dossier").is_file()

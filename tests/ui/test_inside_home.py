"""What the window keeps to undo a removal stays inside the home, never in the system's temporary folder."""

from __future__ import annotations

import tempfile

from dossier_app.services import exhibits


def test_the_copy_kept_to_undo_a_removal_is_inside_the_home(qtbot, open_window, store, small_case, tmp_path,
                                                            monkeypatch):
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    window = open_window()
    exhibit = window.exhibits.model.exhibits[0]
    window.exhibits.select(exhibit.sha256)
    window.exhibits.table.setFocus()
    window.actions_.remove_exhibit.trigger()
    assert all(x.sha256 != exhibit.sha256 for x in exhibits.exhibits(store, small_case))
    assert list(system_tmp.iterdir()) == [], "nothing written outside the home"
    kept = [p for p in (store.home / "tmp").rglob("*") if p.is_file()]
    assert kept, "the copy to put back is kept inside the home"
    window.undo.undo()
    assert any(x.sha256 == exhibit.sha256 for x in exhibits.exhibits(store, small_case))
    assert store.blobs.intact(exhibit.sha256)

"""Between the plan (`plan_import`, which the window shows for review) and the commit (`commit_import`),
files may change, be deleted or be swapped for a link: each such file is refused alone, with the
reason, and the rest goes in; the bytes stored are the bytes analysed."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from dossier_app.services import importing
from dossier_app.services.interchange import load_case
from dossier_app.services.store_access import open_home
from tests.support.cases import write_case


@pytest.fixture
def store(tmp_path: Path):
    store = open_home(tmp_path / "home")
    load_case(store, write_case(tmp_path / "in"))
    yield store
    store.close()


def _stored(home: Path) -> set[bytes]:
    return {p.read_bytes() for p in (home / "files").rglob("*") if p.is_file()}


def test_changed_deleted_or_swapped_between_plan_and_commit(store, tmp_path: Path) -> None:
    folder = tmp_path / "pièces"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("hunter2, le 9 mars 2024\n", encoding="utf-8")
    names = ("a-grossi.txt", "b-réécrit.txt", "c-effacé.txt", "d-lien.txt", "e-intact.txt", "f-tube.txt")
    for name in names:
        (folder / name).write_text(f"{name} : courrier du 3 mars 2024\n", encoding="utf-8")
    items = importing.plan_import(store, 1, [folder])
    assert [i.status for i in items] == ["add"] * len(names)

    with (folder / "a-grossi.txt").open("ab") as out:
        out.write(b"une ligne de plus\n")
    data = (folder / "b-réécrit.txt").read_bytes()
    (folder / "b-réécrit.txt").write_bytes(data.replace(b"3 mars", b"9 mars"))  # same size, other bytes
    (folder / "c-effacé.txt").unlink()
    (folder / "d-lien.txt").unlink()
    (folder / "d-lien.txt").symlink_to(secret)
    (folder / "f-tube.txt").unlink()
    os.mkfifo(folder / "f-tube.txt")  # opened, it would block the commit for ever

    result = importing.commit_import(store, 1, items)
    assert [i.path.name for i in result.added] == ["e-intact.txt"]
    refused = {i.path.name: i.reason for i in result.refused}
    assert set(refused) == {"a-grossi.txt", "b-réécrit.txt", "c-effacé.txt", "d-lien.txt", "f-tube.txt"}
    assert all("pendant l'import" in reason for reason in refused.values()), refused
    stored = _stored(store.home)
    assert (folder / "e-intact.txt").read_bytes() in stored
    assert not any(b"hunter2" in x or b"9 mars" in x or b"une ligne de plus" in x for x in stored)
    for path in (store.home / "files").rglob("*"):
        if path.is_file() and path.parent.name != ".trash":
            assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name


def test_a_file_changed_while_it_was_analysed_is_refused_at_the_plan(store, tmp_path: Path) -> None:
    path = tmp_path / "lettre.txt"
    path.write_text("Lettre du 3 mars 2024\n", encoding="utf-8")
    real = importing.isolated_analyzer

    class Changing:
        def __init__(self) -> None:
            self.inner = real()
            self.report = None

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.inner.close()

        def analyze(self, p, password=None, today=None):
            found = self.inner.analyze(p, password, today)
            with Path(p).open("ab") as out:
                out.write(b"ajout\n")
            return found

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(importing, "isolated_analyzer", Changing)
        items = importing.plan_import(store, 1, [path])
    assert [(i.status, "pendant l'import" in (i.reason or "")) for i in items] == [("refused", True)]

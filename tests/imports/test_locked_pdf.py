"""A protected PDF is refused as *locked*: the window can then ask for its password and try again."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier_app.services import importing
from dossier_app.services.interchange import load_case
from dossier_app.services.store_access import open_home
from tests.support.cases import write_case


@pytest.fixture
def store(tmp_path: Path):
    store = open_home(tmp_path / "home")
    yield store
    store.close()


@pytest.fixture
def case_id(store, tmp_path: Path) -> int:
    return load_case(store, write_case(tmp_path / "in"))


def test_a_protected_pdf_is_locked_until_its_password_is_given(files, store, case_id):
    locked = files.pdf("relevé.pdf", ["Relevé du 3 mars 2024"], password="s3cret")
    plain = files.pdf("facture.pdf", ["Facture du 4 mars 2024"])
    items = importing.plan_import(store, case_id, [locked, plain])
    by_name = {item.path.name: item for item in items}
    assert by_name["relevé.pdf"].status == "refused" and by_name["relevé.pdf"].locked
    assert by_name["facture.pdf"].status == "add" and not by_name["facture.pdf"].locked
    wrong = importing.plan_import(store, case_id, [locked], password="nope")
    assert wrong[0].locked and "n'est pas le bon" in (wrong[0].reason or "")
    right = importing.plan_import(store, case_id, [locked], password="s3cret")
    assert right[0].status == "add" and not right[0].locked
    assert right[0].exhibit is not None and right[0].exhibit.password == "s3cret"

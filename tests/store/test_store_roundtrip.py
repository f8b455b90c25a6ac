"""What goes into the store comes back out the same; load → dump → load, over generated cases."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from dossier_app.domain.codec import encode_document
from dossier_app.domain.model import CaseFile
from dossier_app.services.interchange import dump_case, load_case
from dossier_app.store import open_store
from tests.support.strategies import case_files


def _write_with_files(case_file: CaseFile, folder: Path) -> Path:
    """Give every generated exhibit a real, distinct file, and its true hash."""
    folder.mkdir(parents=True, exist_ok=True)
    import hashlib

    exhibits = []
    paths = {}
    for i, exhibit in enumerate(case_file.exhibits):
        data = f"contenu de la pièce {i}\n".encode()
        sha = hashlib.sha256(data).hexdigest()
        (folder / "files").mkdir(parents=True, exist_ok=True)
        (folder / "files" / f"p{i}.txt").write_bytes(data)
        exhibits.append(exhibit.__class__(**{**exhibit.__dict__, "sha256": sha, "original_name": f"p{i}.txt"}))
        paths[sha] = f"files/p{i}.txt"
    document = encode_document(CaseFile(case_file.case, case_file.events, tuple(exhibits)), paths)
    target = folder / "case.json"
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return target


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_files())
def test_load_dump_load_gives_the_same_document(case_file: CaseFile) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        store = open_store(root / "home")
        try:
            source = _write_with_files(case_file, root / "in")
            first_id = load_case(store, source)
            (root / "out").mkdir()
            first = dump_case(store, first_id, root / "out" / "case.json", root / "out" / "files")
            second_id = load_case(store, root / "out" / "case.json")
            (root / "again").mkdir()
            second = dump_case(store, second_id, root / "again" / "case.json", root / "again" / "files")
            assert json.loads(first) == json.loads(second)
            original = json.loads(source.read_text())
            dumped = json.loads(first)
            assert dumped["case"] == original["case"]
            assert sorted(dumped["events"], key=lambda e: e["id"]) == sorted(original["events"], key=lambda e: e["id"])
            assert {x["sha256"] for x in dumped["exhibits"]} == {x["sha256"] for x in original["exhibits"]}
        finally:
            store.close()

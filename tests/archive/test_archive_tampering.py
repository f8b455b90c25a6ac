"""A damaged or tampered archive is refused whole, with the reason, before anything is written."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier_app.archive import layout
from tests.archive.zips import members, rehashed, symlink, write_zip
from tests.reliability.support import assert_refused_clearly, run_in_process, snapshot
from tests.support.cases import write_case


@pytest.fixture
def good(dossier, tmp_path: Path) -> Path:
    """A store with one case, and that case's archive."""
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    target = tmp_path / "good.dossier"
    assert dossier("archive", "1", "-o", str(target)).code == 0
    return target


def _refused(dossier, home: Path, archive: Path, *expected: str, lines: int | None = 1) -> str:
    before = snapshot(home)
    run = dossier("restore", str(archive))
    assert_refused_clearly(run, lines=lines)
    assert snapshot(home) == before, "a refused archive must leave the store as it was"
    for text in expected:
        assert text in run.err, run.err
    return run.err


def _rebuilt(good: Path, tmp_path: Path, edit) -> Path:
    items = members(good)
    edit(items)
    return write_zip(tmp_path / "bad.dossier", list(items.items()))


def test_an_altered_exhibit(dossier, home: Path, good: Path, tmp_path: Path) -> None:
    bad = _rebuilt(good, tmp_path, lambda m: m.update({"files/facture.txt": b"Facture 2024-003: 9999 EUR\n"}))
    _refused(dossier, home, bad, "files/facture.txt", "empreinte", "rien n'a été restauré")


def test_a_flipped_bit_in_the_raw_archive(dossier, home: Path, good: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("files/lettre.txt")
    data = bytearray(good.read_bytes())
    name_length, extra_length = int.from_bytes(data[info.header_offset + 26: info.header_offset + 28], "little"), \
        int.from_bytes(data[info.header_offset + 28: info.header_offset + 30], "little")
    data[info.header_offset + 30 + name_length + extra_length + 3] ^= 0x01  # inside lettre.txt's data
    bad = tmp_path / "rot.dossier"
    bad.write_bytes(bytes(data))
    _refused(dossier, home, bad, "files/lettre.txt")


def test_a_directory_entry_claiming_a_zip_version_from_the_future(dossier, home: Path, good: Path,
                                                                    tmp_path: Path) -> None:
    """Found by the byte fuzzer: zipfile raises NotImplementedError ("zip file version 8.4")."""
    data = bytearray(good.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 84  # "version needed to extract": 8.4
    bad = tmp_path / "future.dossier"
    bad.write_bytes(bytes(data))
    _refused(dossier, home, bad, "endommagée")


def test_a_missing_exhibit(dossier, home: Path, good: Path, tmp_path: Path) -> None:
    bad = _rebuilt(good, tmp_path, lambda m: m.pop("files/lettre.txt"))
    _refused(dossier, home, bad, "files/lettre.txt", "manquant")


def test_an_extra_file_not_in_the_manifest(dossier, home: Path, good: Path, tmp_path: Path) -> None:
    bad = _rebuilt(good, tmp_path, lambda m: m.update({"files/virus.exe": b"MZ"}))
    _refused(dossier, home, bad, "files/virus.exe", "en trop")


def test_an_extra_file_in_the_manifest_that_no_exhibit_uses(dossier, home: Path, good: Path, tmp_path: Path) -> None:
    items = rehashed({**members(good), "files/glissé.pdf": b"%PDF-1.4 forged"})
    bad = write_zip(tmp_path / "bad.dossier", list(items.items()))
    _refused(dossier, home, bad, "files/glissé.pdf", "aucune pièce")


@pytest.mark.parametrize(("name", "reason"), [
    ("../../.bashrc", "sort de l'archive"),
    ("files/../../evil.txt", "sort de l'archive"),
    ("/etc/cron.d/evil", "chemin absolu"),
    ("C:/Windows/evil.dll", "chemin absolu"),
    ("files\\..\\evil.txt", "sort de l'archive"),
    ("files/sub/deep.txt", "disposition"),
    ("files/", "disposition"),
])
def test_a_name_outside_the_archive(dossier, home: Path, good: Path, tmp_path: Path, name: str, reason: str) -> None:
    bad = _rebuilt(good, tmp_path, lambda m: m.update({name: b"x"}))
    _refused(dossier, home, bad, reason)


def test_a_symbolic_link(dossier, home: Path, good: Path, tmp_path: Path) -> None:
    items = list(members(good).items())
    bad = write_zip(tmp_path / "bad.dossier", [*items, symlink("files/passwd", "/etc/passwd")])
    _refused(dossier, home, bad, "files/passwd", "lien symbolique")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(dossier, home: Path, good: Path, tmp_path: Path) -> None:
    items = rehashed({**members(good), "files/bombe.txt": bytes(24 * 2**20)})
    document = json.loads(items["case.json"])
    sha = next(f["sha256"] for f in json.loads(items["manifest.json"])["files"] if f["name"] == "files/bombe.txt")
    document["exhibits"].append({"path": "files/bombe.txt", "title": "Bombe", "sha256": sha})
    items = rehashed({**items, "case.json": json.dumps(document).encode()})
    bad = write_zip(tmp_path / "bomb.dossier", list(items.items()))
    assert bad.stat().st_size < 200_000
    _refused(dossier, home, bad, "files/bombe.txt", "bombe")


def test_an_absurd_unpacked_size(dossier, home: Path, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout, "MAX_UNPACKED", 1000)
    _refused(dossier, home, good, "taille démesurée")


def test_more_than_the_free_space(dossier, home: Path, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: usage(10**9, 10**9 - 100, 100))
    _refused(dossier, home, good, "espace libre")


def test_an_unknown_format_version(dossier, home: Path, good: Path, tmp_path: Path) -> None:
    def edit(items: dict[str, bytes]) -> None:
        manifest = json.loads(items["manifest.json"])
        manifest["format"] = "dossier-archive/2"
        items["manifest.json"] = json.dumps(manifest).encode()

    _refused(dossier, home, _rebuilt(good, tmp_path, edit), "dossier-archive/2", "dernière version")


@pytest.mark.parametrize("content", [b"%PDF-1.7 not a zip at all", b"", b"PK\x03\x04truncated"])
def test_not_an_archive(dossier, home: Path, tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.dossier"
    bad.write_bytes(content)
    _refused(dossier, home, bad, "pas une archive Dossier")


def test_a_truncated_archive(dossier, home: Path, good: Path, tmp_path: Path) -> None:
    bad = tmp_path / "cut.dossier"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    _refused(dossier, home, bad, "tronquée")


def test_a_zip_without_a_manifest(dossier, home: Path, good: Path, tmp_path: Path) -> None:
    bad = _rebuilt(good, tmp_path, lambda m: m.pop("manifest.json"))
    _refused(dossier, home, bad, "pas de manifeste")


def test_an_entry_present_twice(dossier, home: Path, good: Path, tmp_path: Path) -> None:
    import warnings

    items = list(members(good).items())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate: that is the point
        bad = write_zip(tmp_path / "bad.dossier", [*items, ("files/facture.txt", b"second version")])
    _refused(dossier, home, bad, "deux fois")


def test_a_case_that_names_a_file_with_another_hash(dossier, home: Path, good: Path, tmp_path: Path) -> None:
    def edit(items: dict[str, bytes]) -> None:
        document = json.loads(items["case.json"])
        document["exhibits"][0]["sha256"] = "0" * 64
        items.update(rehashed({**items, "case.json": json.dumps(document).encode()}))

    _refused(dossier, home, _rebuilt(good, tmp_path, edit), "exhibits[0].sha256", "ne correspond pas")


def test_a_case_with_a_wrong_value_lists_its_problems(dossier, home: Path, good: Path, tmp_path: Path) -> None:
    def edit(items: dict[str, bytes]) -> None:
        document = json.loads(items["case.json"])
        document["events"][1]["amount_incl_tax"] = "12,50"
        document["exhibits"][1]["path"] = "files/ailleurs.txt"
        items.update(rehashed({**items, "case.json": json.dumps(document).encode()}))

    err = _refused(dossier, home, _rebuilt(good, tmp_path, edit), lines=None)
    assert "events[1].amount_incl_tax" in err and "files/ailleurs.txt" in err and "files/lettre.txt" in err
    assert err.splitlines()[0].endswith("rien n'a été restauré :")


def test_every_problem_at_once(dossier, home: Path, good: Path, tmp_path: Path) -> None:
    def edit(items: dict[str, bytes]) -> None:
        items["files/facture.txt"] = b"altered"
        items.pop("files/lettre.txt")
        items["files/extra.txt"] = b"extra"

    err = _refused(dossier, home, _rebuilt(good, tmp_path, edit), lines=4)
    assert "facture.txt" in err and "lettre.txt" in err and "extra.txt" in err


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_damage_to_the_bytes_is_refused_or_harmless(data, good: Path, tmp_path: Path) -> None:
    """Flip, cut or insert bytes anywhere: the store never takes in a file that is not the original."""
    raw = bytearray(good.read_bytes())
    position = data.draw(st.integers(0, len(raw) - 1))
    action = data.draw(st.sampled_from(["flip", "cut", "insert"]))
    if action == "flip":
        raw[position] ^= data.draw(st.integers(1, 255))
    elif action == "cut":
        del raw[position: position + data.draw(st.integers(1, 64))]
    else:
        raw[position:position] = data.draw(st.binary(min_size=1, max_size=16))
    bad = tmp_path / "fuzzed.dossier"
    bad.write_bytes(bytes(raw))
    home = tmp_path / "fuzz-home"
    run = run_in_process(home, "restore", str(bad))
    if run.code == 0:
        # Only bytes zip ignores (padding, comments, headers it re-reads from the directory) may change.
        assert run_in_process(home, "verify", run.out.strip()).code == 0
        again = tmp_path / "again.dossier"
        assert run_in_process(home, "archive", run.out.strip(), "-o", str(again)).code == 0
        assert again.read_bytes() == good.read_bytes()
    else:
        assert_refused_clearly(run, lines=None)
        assert "refusé" in run.err


def test_a_good_archive_is_accepted_after_all_those(dossier, good: Path) -> None:
    run = dossier("restore", str(good))
    assert run.code == 0, run.err


def test_the_zip_library_agrees_the_members_are_regular_files(good: Path) -> None:
    with zipfile.ZipFile(good) as archive:
        assert all(not info.is_dir() and (info.external_attr >> 16) & 0o170000 == 0o100000
                   for info in archive.infolist())

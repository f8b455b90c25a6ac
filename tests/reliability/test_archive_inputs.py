"""Archives built to hurt (a lying end record, image bombs, a corrupted stored copy) and `dump --files`
into a folder with planted links: refused fast, never written through, never trusted blindly."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from tests.archive.zips import members, rehashed, write_zip
from tests.reliability.support import (
    REPO,
    assert_refused_clearly,
    child_env,
    run_in_process,
    snapshot,
)
from tests.support.cases import small_document, write_case

# --- a central directory longer than the end record says -----------------------------------------

def lying_zip(path: Path, entries: int) -> Path:
    """``entries`` central-directory records of one-letter names, under an end record that says 1."""
    record = struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 3, 20, 0, 0, 0, 0, 0, 0, 0, 0,
                         1, 0, 0, 0, 0, (stat.S_IFREG | 0o444) << 16, 0) + b"f"
    directory = record * entries
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(directory), 0, 0)
    path.write_bytes(directory + end)
    return path


_MEASURE = """
import resource, sys, time
from dossier_app.cli.main import main
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.monotonic()
code = main(["--home", sys.argv[1], "restore", sys.argv[2]])
print(code, time.monotonic() - started, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


def test_a_lying_member_count_is_refused_fast_and_small(tmp_path: Path) -> None:
    bad = lying_zip(tmp_path / "lie.dossier", 1_000_000)
    proc = subprocess.run([sys.executable, "-c", _MEASURE, str(tmp_path / "home"), str(bad)], capture_output=True,
                          text=True, env=child_env(), cwd=REPO, timeout=120)
    code, seconds, grown_mb = proc.stdout.split()
    assert code == "1" and "Traceback" not in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "50000" in proc.stderr.replace("\u202f", "").replace(" ", ""), proc.stderr
    assert float(seconds) < 3, seconds
    assert int(grown_mb) < 100, f"{grown_mb} MB used to refuse it"


# --- images whose header claims billions of pixels ----------------------------------------------

def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png(side: int = 30_000) -> bytes:
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b"\x00" * 100))
            + _chunk(b"IEND", b""))


def huge_jpeg(side: int = 30_000) -> bytes:
    buf = io.BytesIO()
    Image.new("L", (8, 8)).save(buf, "JPEG")
    data = bytearray(buf.getvalue())
    at = data.index(b"\xff\xc0")
    data[at + 5:at + 9] = struct.pack(">HH", side, side)
    return bytes(data)


def _gif_descriptors(data: bytes) -> list[int]:
    at = 13 + (3 * 2 ** ((data[10] & 7) + 1) if data[10] & 0x80 else 0)
    found = []
    while at < len(data) and data[at] != 0x3B:
        if data[at] == 0x21:
            at += 2
        else:
            found.append(at)
            flags = data[at + 9]
            at += 10 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0) + 1
        while data[at]:
            at += data[at] + 1
        at += 1
    return found


def huge_gif_second_frame(side: int = 30_000) -> bytes:
    buf = io.BytesIO()
    frames = [Image.new("RGB", (4, 4), colour) for colour in ("red", "blue")]
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:])
    data = bytearray(buf.getvalue())
    second = _gif_descriptors(data)[1]
    data[second + 5:second + 9] = struct.pack("<HH", side, side)
    return bytes(data)


def huge_tiff_second_frame(side: int = 30_000) -> bytes:
    buf = io.BytesIO()
    frames = [Image.new("L", (4, 4), value) for value in (0, 255)]
    frames[0].save(buf, "TIFF", save_all=True, append_images=frames[1:])
    data = bytearray(buf.getvalue())
    order = "<" if data[:2] == b"II" else ">"
    offset = struct.unpack(order + "I", data[4:8])[0]
    count = struct.unpack(order + "H", data[offset:offset + 2])[0]
    offset = struct.unpack(order + "I", data[offset + 2 + 12 * count:offset + 6 + 12 * count])[0]
    count = struct.unpack(order + "H", data[offset:offset + 2])[0]
    for k in range(count):
        at = offset + 2 + 12 * k
        tag, kind = struct.unpack(order + "HH", data[at:at + 4])
        if tag in (256, 257):  # width, length
            fmt = "H" if kind == 3 else "I"
            data[at + 8:at + 8 + struct.calcsize(fmt)] = struct.pack(order + fmt, side)
    return bytes(data)


BOMBS: dict[str, Callable[[], bytes]] = {
    "plan.png": huge_png,
    "plan-8000.png": lambda: huge_png(8000),  # 64 million pixels: under Pillow's own alarm, over ours
    "photo.jpg": huge_jpeg,
    "anim.gif": huge_gif_second_frame,
    "scan.tif": huge_tiff_second_frame,
}


@pytest.mark.parametrize("name", list(BOMBS))
def test_load_refuses_an_image_of_absurd_dimensions(name: str, tmp_path: Path) -> None:
    doc = small_document()
    doc["exhibits"].append({"path": f"files/{name}", "title": "Plan"})
    folder = tmp_path / "in"
    (folder / "files").mkdir(parents=True)
    (folder / "files" / name).write_bytes(BOMBS[name]())
    home = tmp_path / "home"
    run = run_in_process(home, "load", str(write_case(folder, doc)))
    assert_refused_clearly(run, lines=None)
    assert "exhibits[2].path" in run.err and "pixels" in run.err, run.err
    assert snapshot(home) == snapshot(tmp_path / "nothing")


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("good")
    assert run_in_process(base / "home", "load", str(write_case(base / "in"))).code == 0
    assert run_in_process(base / "home", "archive", "1", "-o", str(base / "good.dossier")).code == 0
    return base / "good.dossier"


def _with_exhibit(good: Path, target: Path, name: str, data: bytes) -> Path:
    items = rehashed({**members(good), f"files/{name}": data})
    document = json.loads(items["case.json"])
    document["exhibits"].append({"path": f"files/{name}", "title": "Plan", "sha256": hashlib.sha256(data).hexdigest()})
    items = rehashed({**items, "case.json": json.dumps(document).encode()})
    return write_zip(target, list(items.items()), zipfile_stored())


def zipfile_stored() -> int:
    import zipfile

    return zipfile.ZIP_STORED


@pytest.mark.parametrize("name", list(BOMBS))
def test_restore_refuses_an_image_of_absurd_dimensions(name: str, good: Path, tmp_path: Path) -> None:
    bad = _with_exhibit(good, tmp_path / "bad.dossier", name, BOMBS[name]())
    home = tmp_path / "home"
    run = run_in_process(home, "restore", str(bad))
    assert_refused_clearly(run, lines=None)
    assert "exhibits[2]" in run.err and "pixels" in run.err, run.err
    assert snapshot(home) == snapshot(tmp_path / "nothing")


def test_a_normal_photo_still_restores(good: Path, tmp_path: Path) -> None:
    buf = io.BytesIO()
    Image.new("RGB", (640, 480), "white").save(buf, "PNG")
    run = run_in_process(tmp_path / "home", "restore", str(_with_exhibit(good, tmp_path / "ok.dossier", "p.png",
                                                                        buf.getvalue())))
    assert run.code == 0, run.err


# --- manifests with values the store cannot hold --------------------------------------------------

@pytest.mark.parametrize(("key", "raw", "expected"), [
    ("pages", str(2**70), "pages"),
    ("pages", "1" + "0" * 5000, "pages"),
    ("media_type", '"image/\\ud800"', "type"),
    ("suggested_kind", '"\\u001b[2J"', "type"),
])
def test_a_manifest_value_the_store_cannot_hold(key: str, raw: str, expected: str, good: Path, tmp_path: Path) -> None:
    items = members(good)
    manifest = json.loads(items["manifest.json"])
    entry = next(f for f in manifest["files"] if f["name"] == "files/facture.txt")
    entry[key] = "@@raw@@"
    items["manifest.json"] = json.dumps(manifest).replace('"@@raw@@"', raw).encode()
    bad = write_zip(tmp_path / "bad.dossier", list(items.items()))
    home = tmp_path / "home"
    run = run_in_process(home, "restore", str(bad))
    assert_refused_clearly(run, lines=None)
    assert "files/facture.txt" in run.err and expected in run.err, run.err
    assert snapshot(home) == snapshot(tmp_path / "nothing")


def test_a_manifest_nested_3000_deep(good: Path, tmp_path: Path) -> None:
    items = members(good)
    items["manifest.json"] = items["manifest.json"].replace(b'"files"', b'"x": ' + b"[" * 3000 + b"]" * 3000
                                                            + b', "files"', 1)
    run = run_in_process(tmp_path / "home", "restore", str(write_zip(tmp_path / "bad.dossier", list(items.items()))))
    assert_refused_clearly(run)
    assert run.code == 1


# --- a corrupted stored copy is replaced by the archive's good one --------------------------------

def test_restore_puts_back_a_stored_copy_that_was_corrupted(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run_in_process(home, "load", str(write_case(tmp_path / "in"))).code == 0
    archive = tmp_path / "a.dossier"
    assert run_in_process(home, "archive", "1", "-o", str(archive)).code == 0
    stored = next(p for p in (home / "files").rglob("*") if p.is_file())
    good_bytes = stored.read_bytes()
    os.chmod(stored, stat.S_IRUSR | stat.S_IWUSR)
    stored.write_bytes(b"bit rot\n")
    os.chmod(stored, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    run = run_in_process(home, "restore", str(archive))
    assert run.code == 0, run.err
    assert stored.read_bytes() == good_bytes
    for case in ("1", "2"):
        verified = run_in_process(home, "verify", case)
        assert verified.code == 0 and "modifié" not in verified.out, verified.out


def test_load_puts_back_a_stored_copy_that_was_corrupted(tmp_path: Path) -> None:
    home = tmp_path / "home"
    case_json = write_case(tmp_path / "in")
    assert run_in_process(home, "load", str(case_json)).code == 0
    stored = next(p for p in (home / "files").rglob("*") if p.is_file())
    good_bytes = stored.read_bytes()
    os.chmod(stored, stat.S_IRUSR | stat.S_IWUSR)
    stored.write_bytes(b"bit rot\n")
    assert run_in_process(home, "load", str(case_json)).code == 0
    assert stored.read_bytes() == good_bytes
    for case in ("1", "2"):
        verified = run_in_process(home, "verify", case)
        assert verified.code == 0 and "modifié" not in verified.out, verified.out


# --- dump --files never writes through a link planted in the folder -------------------------------

def _loaded(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    assert run_in_process(home, "load", str(write_case(tmp_path / "in"))).code == 0
    return home


def test_dump_files_replaces_a_planted_link_and_leaves_its_target_alone(tmp_path: Path) -> None:
    home = _loaded(tmp_path)
    out = tmp_path / "out"
    (out / "pieces").mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("do not touch\n")
    (out / "pieces" / "facture.txt").symlink_to(victim)
    (out / "pieces" / "lettre.txt").symlink_to(tmp_path / "created-outside.txt")  # dangling
    run = run_in_process(home, "dump", "1", "-o", str(out / "a.json"), "--files", str(out / "pieces"))
    assert run.code == 0, run.err
    assert victim.read_text() == "do not touch\n"
    assert not (tmp_path / "created-outside.txt").exists()
    for name in ("facture.txt", "lettre.txt"):
        written = out / "pieces" / name
        assert not written.is_symlink() and written.read_text().startswith("Pièce")
    said = [line for line in run.err.splitlines() if "lien" in line]
    assert len(said) == 2, run.err
    assert run_in_process(tmp_path / "home2", "load", str(out / "a.json")).code == 0


def test_dump_files_refuses_a_name_taken_by_a_folder(tmp_path: Path) -> None:
    home = _loaded(tmp_path)
    out = tmp_path / "out"
    (out / "pieces" / "facture.txt").mkdir(parents=True)
    run = run_in_process(home, "dump", "1", "-o", str(out / "a.json"), "--files", str(out / "pieces"))
    assert_refused_clearly(run)
    assert "facture.txt" in run.err
    assert not (out / "a.json").exists()


def test_dump_files_into_a_folder_given_as_a_link_follows_it(tmp_path: Path) -> None:
    home = _loaded(tmp_path)
    out = tmp_path / "out"
    real = out / "vrai"
    real.mkdir(parents=True)
    (out / "pieces").symlink_to(real)
    run = run_in_process(home, "dump", "1", "-o", str(out / "a.json"), "--files", str(out / "pieces"))
    assert run.code == 0, run.err
    assert sorted(p.name for p in real.iterdir()) == ["facture.txt", "lettre.txt"]


def test_the_note_of_a_second_restore_shows_escapes_in_the_title_not_obeys_them(tmp_path: Path) -> None:
    doc = small_document()
    doc["case"]["title"] = "Martin \x1b]0;pwned\x07\x1b[2J c/ WebPlus"
    home = tmp_path / "home"
    assert run_in_process(home, "load", str(write_case(tmp_path / "in", doc))).code == 0
    assert run_in_process(home, "archive", "1", "-o", str(tmp_path / "a.dossier")).code == 0
    run = run_in_process(home, "restore", str(tmp_path / "a.dossier"))
    assert run.code == 0 and "\x1b" not in run.err and "\\x1b" in run.err, run.err


def test_dump_files_never_writes_through_a_hard_link(tmp_path: Path) -> None:
    home = _loaded(tmp_path)
    out = tmp_path / "out"
    (out / "pieces").mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("do not touch\n")
    os.link(victim, out / "pieces" / "facture.txt")
    run = run_in_process(home, "dump", "1", "-o", str(out / "a.json"), "--files", str(out / "pieces"))
    assert run.code == 0, run.err
    assert victim.read_text() == "do not touch\n"
    assert (out / "pieces" / "facture.txt").read_text().startswith("Pièce")


def test_archive_does_not_hang_on_a_pipe_in_the_store(tmp_path: Path) -> None:
    home = _loaded(tmp_path)
    stored = next(p for p in (home / "files").rglob("*") if p.is_file())
    os.chmod(stored, stat.S_IRUSR | stat.S_IWUSR)
    stored.unlink()
    os.mkfifo(stored)
    proc = subprocess.run([sys.executable, "-m", "dossier_app", "--home", str(home), "archive", "1", "-o",
                           str(tmp_path / "a.dossier")], capture_output=True, text=True, env=child_env(), timeout=30)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert not (tmp_path / "a.dossier").exists()

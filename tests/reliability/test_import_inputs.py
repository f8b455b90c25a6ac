"""Files and folders given to `dossier import` by someone who means harm, or by bad luck: links out of
the folder, pipes and devices, files changed or deleted under the command, e-mails nested thousands deep,
names that are not UTF-8 or hold terminal escapes, images that decode to billions of pixels. Each ends in
a line about that file — added, or refused with the reason — never a hang, a traceback, exit 70, nor a
byte read outside the paths named."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from dossier_app.domain.bounds import MAX_TEXT
from dossier_app.imports.isolated import IsolatedAnalyzer
from dossier_app.services import importing
from tests.reliability import files
from tests.reliability.support import Run, blob_problems, child_env, command
from tests.support.cases import write_case

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links, pipes and file names")

# A hang must fail the test, not block the suite.
HANG = 45


@pytest.fixture
def case(dossier, tmp_path: Path) -> str:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    return "1"


def in_child(home: Path, *args: str | bytes) -> Run:
    """The command in its own process, its real stderr read; killed (and the test failed) if it hangs."""
    argv = [os.fsencode(a) for a in command(home, *(os.fsdecode(a) for a in args))]
    proc = subprocess.run(argv, capture_output=True, env=child_env(), timeout=HANG, stdin=subprocess.DEVNULL)
    return Run(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


def no_crash(run: Run) -> None:
    assert run.code in (0, 1), (run.code, run.out, run.err)
    assert "Traceback" not in run.out + run.err, run.out + run.err
    assert "\x1b" not in run.out + run.err


def line_about(run: Run, name: str) -> str:
    lines = [line for line in run.out.splitlines() if name in line and line.startswith(("ajouté", "refusé", "ignoré"))]
    assert len(lines) == 1, (name, run.out)
    return lines[0]


def exhibits(dossier, case: str) -> list[dict]:
    return json.loads(dossier("dump", case).out)["exhibits"]


def stored_bytes(home: Path) -> list[bytes]:
    return [p.read_bytes() for p in (home / "files").rglob("*") if p.is_file()]


# --- 1. Symbolic links, pipes, sockets, devices -----------------------------------------------------


def test_links_met_in_a_folder_are_reported_never_followed(dossier, case: str, home: Path, tmp_path: Path) -> None:
    outside = tmp_path / "dehors"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text("mot de passe du 3 mars 2024 : hunter2\n", encoding="utf-8")
    (outside / "autre.txt").write_text("Courrier du 4 mars 2024\n", encoding="utf-8")
    folder = tmp_path / "pièces"
    (folder / "sous").mkdir(parents=True)
    (folder / "note.txt").write_text("Appel du 5 mars 2024\n", encoding="utf-8")
    (folder / "sous" / "relevé.txt").write_text("Relevé du 6 mars 2024\n", encoding="utf-8")
    links = {"vers-dehors": outside, "secret-lien.txt": secret, "etc": Path("/etc"), "casse.txt": tmp_path / "rien",
             "interne.txt": folder / "note.txt", "sous-lien": folder / "sous"}
    for name, target in links.items():
        (folder / name).symlink_to(target)
    run = dossier("import", case, str(folder))
    no_crash(run)
    assert run.code == 0, run.err
    assert line_about(run, "/note.txt").startswith("ajouté")
    assert line_about(run, "/sous/relevé.txt").startswith("ajouté")
    for name in links:
        line = line_about(run, f"/{name} ")
        assert line.startswith("refusé") and "lien symbolique, non suivi" in line, line
    assert "2 ajoutés" in run.out
    assert "dehors/" not in run.out and "/etc/" not in run.out and "etc/" not in run.out
    assert not any(b"hunter2" in data or b"4 mars 2024" in data for data in stored_bytes(home))
    assert {x["path"] for x in exhibits(dossier, case)} >= {"note.txt", "relevé.txt"}
    assert len(exhibits(dossier, case)) == 4


def test_a_link_named_on_the_command_line_is_followed_and_said(dossier, case: str, tmp_path: Path) -> None:
    real = tmp_path / "réel"
    real.mkdir()
    (real / "facture.txt").write_text("Facture du 3 mars 2024\n", encoding="utf-8")
    (real / "lien-dedans.txt").symlink_to(real / "facture.txt")
    (tmp_path / "courrier.txt").write_text("Courrier du 4 mars 2024\n", encoding="utf-8")
    (tmp_path / "raccourci.txt").symlink_to(tmp_path / "courrier.txt")
    (tmp_path / "dossier-lien").symlink_to(real)
    run = dossier("import", case, str(tmp_path / "raccourci.txt"), str(tmp_path / "dossier-lien"))
    no_crash(run)
    added = line_about(run, "raccourci.txt")
    assert added.startswith("ajouté")
    note = run.out.split(added, 1)[1].splitlines()[1]
    assert "lien symbolique" in note and "courrier.txt" in note, run.out
    assert line_about(run, "dossier-lien/facture.txt").startswith("ajouté")
    assert line_about(run, "lien-dedans.txt").startswith("refusé")


def test_pipes_sockets_and_devices_are_refused_without_being_opened(case: str, home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pièces"
    folder.mkdir()
    (folder / "lettre.txt").write_text("Lettre du 3 mars 2024\n", encoding="utf-8")
    os.mkfifo(folder / "tube.txt")  # opened for reading, it would wait for a writer for ever
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(folder / "prise.eml"))
    os.mkfifo(tmp_path / "nommé.pdf")
    try:
        run = in_child(home, "import", case, str(folder), str(tmp_path / "nommé.pdf"), "/dev/zero", "/dev/urandom")
    finally:
        listening.close()
    no_crash(run)
    assert line_about(run, "lettre.txt").startswith("ajouté")
    for name in ("tube.txt", "prise.eml", "nommé.pdf", "/dev/zero", "/dev/urandom"):
        line = line_about(run, name)
        assert line.startswith("refusé") and "pas un fichier ordinaire" in line, line
    assert "1 ajouté," in run.out and "5 refusés" in run.out


def test_a_folder_nested_deeper_than_the_walk_goes_is_said(dossier, case: str, tmp_path: Path) -> None:
    deep = tmp_path / "pièces"
    for _ in range(80):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "fond.txt").write_text("Note du 3 mars 2024\n", encoding="utf-8")
    (tmp_path / "pièces" / "haut.txt").write_text("Note du 4 mars 2024\n", encoding="utf-8")
    run = dossier("import", case, str(tmp_path / "pièces"))
    no_crash(run)
    assert line_about(run, "haut.txt").startswith("ajouté")
    refusal = [line for line in run.out.splitlines() if line.startswith("refusé") and "/d/d/d/" in line]
    assert len(refusal) == 1 and "profond" in refusal[0], run.out


# --- 2. A file changed or deleted during the import ------------------------------------------------


class _Meddling:
    """The real analysis, after which a file is changed or deleted: what another program may do."""

    def __init__(self, action) -> None:
        self.real = IsolatedAnalyzer()
        self.action = action
        self.report = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.real.close()

    def analyze(self, path: Path, password=None, today=None):
        found = self.real.analyze(path, password, today)
        self.action(Path(path))
        return found


def test_a_file_changed_or_deleted_under_the_command_is_refused_alone(
        dossier, case: str, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "pièces"
    folder.mkdir()
    for name in ("a-grossi.txt", "b-réécrit.txt", "c-effacé.txt", "d-intact.txt"):
        (folder / name).write_text(f"{name} : courrier du 3 mars 2024\n", encoding="utf-8")

    def meddle(path: Path) -> None:
        if path.name == "a-grossi.txt":
            with path.open("ab") as out:
                out.write(b"une ligne de plus\n")
        elif path.name == "b-réécrit.txt":
            data = path.read_bytes()
            path.write_bytes(data.replace(b"3 mars", b"9 mars"))  # same size, other bytes
        elif path.name == "c-effacé.txt":
            path.unlink()

    monkeypatch.setattr(importing, "isolated_analyzer", lambda: _Meddling(meddle))
    run = dossier("import", case, str(folder))
    no_crash(run)
    assert run.code == 0, run.err
    for name in ("a-grossi.txt", "b-réécrit.txt", "c-effacé.txt"):
        line = line_about(run, name)
        assert line.startswith("refusé") and "pendant l'import" in line, line
    assert line_about(run, "d-intact.txt").startswith("ajouté")
    paths = {x["path"] for x in exhibits(dossier, case)}
    assert "d-intact.txt" in paths and not paths & {"a-grossi.txt", "b-réécrit.txt", "c-effacé.txt"}
    assert blob_problems(home) == []
    assert not any(b"9 mars" in data or b"une ligne de plus" in data for data in stored_bytes(home))


# --- 3. E-mails nested thousands deep --------------------------------------------------------------


def _nested_multipart(depth: int) -> bytes:
    head = b"From: a@exemple.fr\r\nTo: b@exemple.fr\r\nSubject: profond\r\nDate: Mon, 4 Mar 2024 10:00:00 +0100\r\n"
    opening = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i) for i in range(depth))
    closing = b"".join(b"--b%d--\r\n" % i for i in reversed(range(depth)))
    return head + b"MIME-Version: 1.0\r\n" + opening + b"Content-Type: text/plain\r\n\r\nbonjour\r\n" + closing


def _nested_messages(depth: int) -> bytes:
    inner = b"Content-Type: text/plain\r\n\r\nbonjour, le 3 mars 2024\r\n"
    for i in range(depth):
        inner = b"From: a@exemple.fr\r\nSubject: niveau %d\r\nContent-Type: message/rfc822\r\n\r\n" % i + inner
    return (b"From: a@exemple.fr\r\nTo: b@exemple.fr\r\nDate: Mon, 4 Mar 2024 10:00:00 +0100\r\nSubject: haut\r\n"
            b"Content-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\nContent-Type: message/rfc822\r\n\r\n"
            + inner + b"\r\n--X--\r\n")


def test_emails_nested_two_thousand_deep(case: str, home: Path, tmp_path: Path) -> None:
    (tmp_path / "parties.eml").write_bytes(_nested_multipart(2000))
    (tmp_path / "messages.eml").write_bytes(_nested_messages(2000))
    (tmp_path / "raisonnable.eml").write_bytes(_nested_messages(12))
    run = in_child(home, "import", case, str(tmp_path / "parties.eml"), str(tmp_path / "messages.eml"),
                   str(tmp_path / "raisonnable.eml"))
    no_crash(run)
    assert run.err == ""
    for name in ("parties.eml", "messages.eml"):
        line = line_about(run, name)
        assert line.startswith("refusé") and "imbriqu" in line, line
    assert line_about(run, "raisonnable.eml").startswith("ajouté")


# --- 4. Names: not UTF-8, escapes, line breaks, 255 bytes ------------------------------------------


def test_a_file_name_that_is_not_utf8(case: str, home: Path, tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path / "pièces")
    os.mkdir(folder)
    with open(os.path.join(folder, b"facture-\xff.pdf"), "wb") as out:
        out.write(files.pdf_bytes("Facture du 3 mars 2024"))
    with open(os.path.join(folder, b"relev\xe9.txt"), "wb") as out:  # Latin-1, as an old archive writes it
        out.write("Relevé du 4 mars 2024\n".encode())
    run = in_child(home, "import", case, folder)
    no_crash(run)
    assert run.err == ""
    assert line_about(run, "facture-\\xff.pdf").startswith("ajouté")
    assert line_about(run, "relev\\xe9.txt").startswith("ajouté")
    dump = in_child(home, "dump", case)
    assert dump.code == 0, dump.err
    stored = {x["path"]: x["title"] for x in json.loads(dump.out)["exhibits"]}
    assert stored["facture-\ufffd.pdf"].startswith("Facture") and "\ufffd" in stored["facture-\ufffd.pdf"]
    assert "relev\ufffd.txt" in stored
    assert in_child(home, "export", case, "-o", str(tmp_path / "d.pdf")).code in (0, 1)
    assert in_child(home, "exhibit", "list", case).code == 0


@pytest.mark.parametrize("name", ["\x1b[31mrouge\x1b[0m.txt", "deux\nlignes.txt", "cr\rretour.txt",
                                  "\u202etxt.exe", "a" * 251 + ".txt"])
def test_a_name_with_escapes_or_line_breaks_prints_inert(dossier, case: str, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Courrier du 3 mars 2024\n", encoding="utf-8")
    run = dossier("import", case, str(path))
    no_crash(run)
    assert run.code == 0, run.err
    assert "\r" not in run.out and "\u202e" not in run.out
    lines = run.out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("ajouté"), run.out
    assert len(exhibits(dossier, case)) == 3


# --- 5. Decompression bombs ------------------------------------------------------------------------


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def _tiff(*sizes: tuple[int, int]) -> bytes:
    """A little-endian TIFF whose frames claim these sizes, each with 16 bytes of strip."""
    out = bytearray(b"II*\x00" + struct.pack("<I", 8))
    for index, (width, height) in enumerate(sizes):
        start = len(out)
        entries = 9
        strip = start + 2 + 12 * entries + 4
        tags = [(256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
                (273, 4, 1, strip), (277, 3, 1, 1), (278, 4, 1, height), (279, 4, 1, 16)]
        following = strip + 16 if index + 1 < len(sizes) else 0
        out += struct.pack("<H", entries) + b"".join(struct.pack("<HHII", *tag) for tag in tags)
        out += struct.pack("<I", following) + bytes(16)
    return bytes(out)


def _gif(width: int, height: int) -> bytes:
    return (b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00" + b",\x00\x00\x00\x00"
            + struct.pack("<HH", width, height) + b"\x00\x02\x02D\x01\x00;")


def test_decompression_bombs_are_refused_from_their_header(case: str, home: Path, tmp_path: Path) -> None:
    bombs = {"immense.png": _png(30_000, 30_000), "grande.png": _png(8_000, 8_000),
             "immense.tif": _tiff((30_000, 30_000)), "seconde-page.tif": _tiff((10, 10), (30_000, 30_000)),
             "immense.gif": _gif(30_000, 30_000)}
    for name, data in bombs.items():
        (tmp_path / name).write_bytes(data)
        assert len(data) < 400
    (tmp_path / "normale.tif").write_bytes(_tiff((10, 10), (20, 20)))
    run = in_child(home, "import", case, *(str(tmp_path / name) for name in (*bombs, "normale.tif")))
    no_crash(run)
    assert run.err == ""
    for name in bombs:
        line = line_about(run, name)
        assert line.startswith("refusé"), line
        assert "démesurées" in line or "format d'image" in line, line
    assert line_about(run, "normale.tif").startswith("ajouté")


# --- 6. Titles the store cannot hold as they come -------------------------------------------------


class _Saying:
    """An analysis (the worker's answer) whose title holds what a hostile file may put there."""

    def __init__(self, title: str) -> None:
        self.real = IsolatedAnalyzer()
        self.title = title
        self.report = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.real.close()

    def analyze(self, path: Path, password=None, today=None):
        from dataclasses import replace

        return replace(self.real.analyze(path, password, today), title=self.title)


@pytest.mark.parametrize("title", ["Facture \udcff \ud800 fin", "Facture\x00cachée\x1b[2J",
                                   "Facture " + "é" * (MAX_TEXT + 10), "\u202eFacture"])
def test_a_title_the_store_cannot_hold_is_stored_cleaned(dossier, case: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch, title: str) -> None:
    path = tmp_path / "facture.txt"
    path.write_text("Facture du 3 mars 2024\n", encoding="utf-8")
    monkeypatch.setattr(importing, "isolated_analyzer", lambda: _Saying(title))
    run = dossier("import", case, str(path))
    no_crash(run)
    assert run.code == 0 and line_about(run, "facture.txt").startswith("ajouté"), run.out + run.err
    stored = next(x["title"] for x in exhibits(dossier, case) if x["path"] == "facture.txt")
    stored.encode("utf-8")
    assert stored.startswith("Facture") and len(stored) <= MAX_TEXT
    assert "\x00" not in stored and "\x1b" not in stored and "\u202e" not in stored


def test_a_pdf_whose_metadata_title_is_hostile(dossier, case: str, tmp_path: Path) -> None:
    import pikepdf

    path = tmp_path / "titre.pdf"
    with pikepdf.open(files.pdf(tmp_path / "base.pdf", "Facture du 3 mars 2024"), allow_overwriting_input=True) as pdf:
        pdf.docinfo["/Title"] = "Facture\x00\x1b[31m\u202e" + "x" * (MAX_TEXT + 5)
        pdf.save(path)
    run = dossier("import", case, str(path))
    no_crash(run)
    assert line_about(run, "titre.pdf").startswith("ajouté")
    stored = next(x["title"] for x in exhibits(dossier, case) if x["path"] == "titre.pdf")
    assert stored.startswith("Facture") and "\x00" not in stored and "\x1b" not in stored and len(stored) <= MAX_TEXT


def test_what_was_imported_is_what_was_read(dossier, case: str, home: Path, tmp_path: Path) -> None:
    path = tmp_path / "lettre.txt"
    path.write_text("Lettre du 3 mars 2024\n", encoding="utf-8")
    assert dossier("import", case, str(path)).code == 0
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    assert sha in {x["sha256"] for x in exhibits(dossier, case)}
    assert blob_problems(home) == []


# --- Other ways in: folders that cannot be listed, files that cannot be read, scratch space ---------


def test_a_folder_that_cannot_be_listed_and_a_file_that_cannot_be_read(
        dossier, case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, for whom permissions do not hold: the refusal is simulated where it happens.
    folder = tmp_path / "pièces"
    (folder / "verrouillé").mkdir(parents=True)
    (folder / "verrouillé" / "x.txt").write_text("Note du 3 mars 2024\n", encoding="utf-8")
    (folder / "secret.txt").write_text("Note du 4 mars 2024\n", encoding="utf-8")
    (folder / "lisible.txt").write_text("Note du 5 mars 2024\n", encoding="utf-8")
    real_scandir, real_open = os.scandir, os.open

    def scandir(path):
        if os.fspath(path).endswith("verrouillé"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    def os_open(path, flags, *args, **kwargs):
        if os.fspath(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "open", os_open)
    run = dossier("import", case, str(folder))
    no_crash(run)
    assert line_about(run, "/verrouillé ").startswith("refusé")
    assert "Permission denied" in line_about(run, "secret.txt")
    assert line_about(run, "lisible.txt").startswith("ajouté")


def test_the_worker_scratch_space_is_inside_the_home(dossier, case: str, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))  # nothing may be written there
    path = tmp_path / "lettre.txt"
    path.write_text("Lettre du 3 mars 2024\n", encoding="utf-8")
    run = dossier("import", case, str(path))
    no_crash(run)
    assert run.code == 0 and line_about(run, "lettre.txt").startswith("ajouté"), run.out + run.err


def test_a_sparse_file_of_two_gigabytes_is_refused_at_once(case: str, home: Path, tmp_path: Path) -> None:
    """Two bytes on disk, 2 GiB to read: hashing it and handing it to qpdf would take minutes."""
    sparse = tmp_path / "énorme.pdf"
    with sparse.open("wb") as out:
        out.write(b"%PDF-1.4\n1 0 obj\n")
        out.truncate(2 * 2**30)
    (tmp_path / "lettre.txt").write_text("Lettre du 3 mars 2024\n", encoding="utf-8")
    run = in_child(home, "import", case, str(sparse), str(tmp_path / "lettre.txt"))
    no_crash(run)
    line = line_about(run, "énorme.pdf")
    assert line.startswith("refusé") and "trop gros" in line, line
    assert line_about(run, "lettre.txt").startswith("ajouté")

"""`dossier export` given what a user, an old store or a hostile file can put in a case: an absurd
title, bidi tricks, image bombs, dates at both ends of what is allowed, strange --max-mb values,
broken PDFs and e-mails. Each ends in a dossier or in one clear line, never a traceback, an exit 70,
a hang or a blown memory."""

from __future__ import annotations

import io
import re
import signal
import struct
import subprocess
import time
import zlib
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reportlab.pdfgen import canvas

from dossier_app.domain.bounds import BIDI_CONTROLS, latest_day
from dossier_app.domain.model import Exhibit
from tests.reliability.support import Run, assert_refused_clearly, child_env, command, run_process
from tests.support.cases import small_document, write_case

AS_OF = "2025-11-03"


def _load(dossier, tmp_path: Path, document: dict | None = None) -> str:
    run = dossier("load", str(write_case(tmp_path / "in", document)))
    assert run.code == 0, run.err
    return "1"


def _export(dossier, case: str, output: Path, *options: str) -> Run:
    run = dossier("export", case, "-o", str(output), *options)
    assert "Traceback" not in run.err + run.out
    assert run.code != 70, run.err
    return run


def _texts(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True)
    return done.stdout


def _two_pages() -> pikepdf.Pdf:
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, invariant=True)
    for n in (1, 2):
        sheet.drawString(72, 760, f"Page {n}")
        sheet.showPage()
    sheet.save()
    return pikepdf.open(io.BytesIO(buffer.getvalue()))


def _plant(home: Path, path: Path, title: str, media_type: str | None = None) -> None:
    """An exhibit as an older store (or a restore not yet hardened) may hold it, header unchecked."""
    from dossier_app.services.store_access import open_home
    from dossier_app.store import repository as repo

    store = open_home(home)
    try:
        sha, size, _ = store.blobs.put(path)
        with store.transaction():
            repo.insert_exhibits(store, 1, [(Exhibit(sha, title, path.name, date(2024, 6, 1),
                                                     media_type=media_type), size)])
    finally:
        store.close()


# --- text that reaches the paper -----------------------------------------------------------------

def test_a_4000_character_unbroken_title_of_an_event_and_of_an_exhibit(dossier, tmp_path: Path) -> None:
    document = small_document()
    long_title = "Facture" + "X" * 4000
    document["events"][0]["title"] = long_title
    document["events"][1]["key_fact"] = True
    document["events"][1]["title"] = "Y" * 4000
    document["exhibits"][0]["title"] = "Z" * 4000
    case = _load(dossier, tmp_path, document)
    output = tmp_path / "dossier.pdf"
    run = _export(dossier, case, output, "--as-of", AS_OF)
    assert run.code == 0, run.err
    text = _texts(output)
    assert "Bordereau de communication de pièces" in text
    assert "FactureXXXX" in text and "ZZZZ" in text


def test_bidi_overrides_never_reach_the_paper(dossier, tmp_path: Path) -> None:
    document = small_document()
    trick = "\u202eexe.tnemucod\u202c \u2066facture\u2069 \u202a\u202b\u202d\u2067\u2068"
    document["case"]["title"] = "Affaire " + trick
    document["case"]["us"]["name"] = "Boulangerie " + trick
    document["case"]["them"]["name"] = "WebPlus " + trick
    document["case"]["court"] = "Tribunal " + trick
    document["case"]["summary"] = "Résumé " + trick
    for event in document["events"]:
        event["title"] += " " + trick
        event["key_fact"] = True
    document["events"][3]["services"] = ["site " + trick]
    document["exhibits"][0]["title"] = "Facture " + trick
    case = _load(dossier, tmp_path, document)
    output = tmp_path / "dossier.pdf"
    run = _export(dossier, case, output, "--as-of", AS_OF)
    assert run.code == 0, run.err
    text = _texts(output)
    assert "exe.tnemucod" in text  # the words are there, shown in the order they were typed
    assert not BIDI_CONTROLS & set(text)
    with pikepdf.open(output) as pdf:
        shown = [str(pdf.docinfo.get("/Title", ""))]
        with pdf.open_outline() as outline:
            todo = list(outline.root)
            while todo:
                item = todo.pop()
                shown.append(item.title)
                todo += list(item.children)
    assert any("exe.tnemucod" in s for s in shown)
    assert not BIDI_CONTROLS & set("".join(shown))


# --- image bombs ---------------------------------------------------------------------------------

def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(path: Path) -> Path:
    """A hundred bytes that decode to 30 000 × 30 000 pixels."""
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 30_000, 30_000, 8, 2, 0, 0, 0))
                     + _chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + _chunk(b"IEND", b""))
    return path


def gif_bomb(path: Path) -> Path:
    buffer = io.BytesIO()
    Image.new("P", (10, 10)).save(buffer, "GIF")
    data = bytearray(buffer.getvalue())
    data[6:10] = struct.pack("<HH", 30_000, 30_000)  # the logical screen
    path.write_bytes(bytes(data))
    return path


def tiff_bomb(path: Path) -> Path:
    """A TIFF whose first page is small and whose second claims 30 000 × 30 000 pixels."""
    frames = [Image.new("L", (64, 64), 200), Image.new("L", (64, 64), 100)]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    data = bytearray(path.read_bytes())
    first = struct.unpack_from("<I", data, 4)[0]
    count = struct.unpack_from("<H", data, first)[0]
    second = struct.unpack_from("<I", data, first + 2 + 12 * count)[0]
    count = struct.unpack_from("<H", data, second)[0]
    for n in range(count):
        entry = second + 2 + 12 * n
        tag, kind = struct.unpack_from("<HH", data, entry)
        if tag in (256, 257, 278):  # width, length, rows per strip
            if kind == 3:
                struct.pack_into("<H", data, entry + 8, 30_000)
            else:
                struct.pack_into("<I", data, entry + 8, 30_000)
    path.write_bytes(bytes(data))
    return path


def jpeg_bomb(path: Path) -> Path:
    Image.new("RGB", (32, 32), "red").save(path, "JPEG")
    data = bytearray(path.read_bytes())
    start = data.find(b"\xff\xc0")
    struct.pack_into(">HH", data, start + 5, 60_000, 60_000)
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(("maker", "name", "media_type"), [
    (png_bomb, "capture.png", "image/png"),
    (gif_bomb, "animation.gif", "image/gif"),
    (tiff_bomb, "scan.tiff", "image/tiff"),
    (jpeg_bomb, "photo.jpg", "image/jpeg"),
])
def test_an_image_bomb_in_the_store_is_refused_by_name(dossier, home: Path, tmp_path: Path, maker, name: str,
                                                       media_type: str) -> None:
    case = _load(dossier, tmp_path)
    bomb = maker(tmp_path / name)
    assert bomb.stat().st_size < 10_000
    _plant(home, bomb, "Capture piégée", media_type)
    output = tmp_path / "dossier.pdf"
    started = time.monotonic()
    run = _export(dossier, case, output, "--as-of", AS_OF)
    assert time.monotonic() - started < 20
    assert_refused_clearly(run, lines=2)  # "Export impossible…" then the pièce's own line
    line = run.err.splitlines()[1]
    assert name in line and "démesurée" in line, line
    assert not output.exists()


# --- numbers and dates ---------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "0", "1e400", "NaN", "1e-400", "abc"])
def test_a_strange_max_mb_is_one_line(dossier, tmp_path: Path, value: str) -> None:
    case = _load(dossier, tmp_path)
    output = tmp_path / "dossier.pdf"
    run = _export(dossier, case, output, "--max-mb", value)
    assert_refused_clearly(run)
    assert run.code in (1, 2)
    assert not list(tmp_path.glob("dossier*.pdf"))


def test_a_huge_but_finite_max_mb_makes_one_volume(dossier, tmp_path: Path) -> None:
    case = _load(dossier, tmp_path)
    run = _export(dossier, case, tmp_path / "dossier.pdf", "--max-mb", "1e300", "--as-of", AS_OF)
    assert run.code == 0, run.err
    assert [p.name for p in tmp_path.glob("dossier*.pdf")] == ["dossier.pdf"]  # one volume: no suffix


def test_dates_at_both_ends_of_what_is_allowed(dossier, tmp_path: Path) -> None:
    today = date.today()
    last = latest_day(today)
    document = small_document()
    document["events"] += [
        {"id": "e0", "kind": "note", "date": "1900-01-01", "title": "Fondation", "key_fact": True},
        {"id": "e1", "kind": "note", "date": last.isoformat(), "title": "Audience lointaine", "key_fact": True},
        {"id": "o9", "kind": "outage", "date": "1900-01-01", "title": "Panne séculaire",
         "start": "1900-01-01T00:00", "end": f"{last.isoformat()}T23:59", "services": ["site"]},
        {"id": "o8", "kind": "outage", "date": "1900-01-01", "title": "Panne en cours",
         "start": "1900-01-01T00:00", "services": ["mail"]},
        {"id": "f9", "kind": "invoice", "date": "1900-01-01", "title": "Facture ancienne", "number": "1900-1",
         "amount_incl_tax": "100.00", "due_date": "1900-01-31"},
    ]
    case = _load(dossier, tmp_path, document)
    for as_of in ("1900-01-01", "1900-01-02", AS_OF, today.isoformat(), last.isoformat()):
        output = tmp_path / f"dossier-{as_of}.pdf"
        started = time.monotonic()
        run = _export(dossier, case, output, "--as-of", as_of)
        assert run.code == 0, (as_of, run.err)
        assert time.monotonic() - started < 15, as_of
        assert "Chronologie" in _texts(output)


# --- hostile exhibit files -----------------------------------------------------------------------

def test_a_pdf_whose_page_tree_loops(dossier, home: Path, tmp_path: Path) -> None:
    case = _load(dossier, tmp_path)
    path = tmp_path / "boucle.pdf"
    with _two_pages() as pdf:
        kid = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Pages, Kids=pikepdf.Array(), Count=1))
        kid.Kids.append(pdf.Root.Pages)  # the tree contains itself
        kid.Parent = pdf.Root.Pages
        pdf.Root.Pages.Kids.append(kid)
        pdf.Root.Pages.Count = 4
        pdf.save(path)
    _plant(home, path, "Boucle", "application/pdf")
    output = tmp_path / "dossier.pdf"
    run = _export(dossier, case, output, "--as-of", AS_OF)
    if run.code == 0:
        assert "Pièce n° 2 — p. 1/" in _texts(output)
    else:
        assert_refused_clearly(run, lines=2)
        assert "boucle.pdf" in run.err


@pytest.mark.parametrize("box", [[0, 0, 1e9 + 0.5, 1e9 + 0.5], [0, 0, 14400, 1e-9], [0, 0, 0, 0], [0, 0, 500],
                                 [0, 0, "/Large", 10], [-1e9 - 0.5, -1e9 - 0.5, 1e9 + 0.5, 1e9 + 0.5],
                                 [100, 100, 100, 100], [0, 0, 612, 792, 5], []])
def test_a_page_with_an_absurd_media_box(dossier, home: Path, tmp_path: Path, box: list) -> None:
    case = _load(dossier, tmp_path)
    path = tmp_path / "boite.pdf"
    with _two_pages() as pdf:
        pdf.pages[0].obj.MediaBox = pikepdf.Array([pikepdf.Name(v) if isinstance(v, str) else v for v in box])
        pdf.save(path)
    _plant(home, path, "Boîte", "application/pdf")
    output = tmp_path / "dossier.pdf"
    run = _export(dossier, case, output, "--as-of", AS_OF)
    assert run.code == 0, run.err
    subprocess.run(["qpdf", "--check", str(output)], check=True, capture_output=True)
    assert "Pièce n° 2 — p. 2/2" in _texts(output)
    with pikepdf.open(output) as pdf:
        stamped = [page for page in pdf.pages if "/DossierStamp" in page.obj.Resources.get("/XObject", {})]
    assert len(stamped) == 3  # the text exhibit's page and both pages of this one


def test_a_jpeg_whose_lengths_lie(dossier, home: Path, tmp_path: Path) -> None:
    case = _load(dossier, tmp_path)
    path = tmp_path / "photo.jpg"
    Image.new("RGB", (300, 200), "red").save(path, "JPEG")
    data = bytearray(path.read_bytes())
    start = data.find(b"\xff\xc0")
    data[start + 2:start + 4] = b"\xff\xff"  # a frame header "65 535 bytes long"
    path.write_bytes(bytes(data) + b"\xff\xe1\xff\xff")  # and a segment running past the end
    _plant(home, path, "Photo", "image/jpeg")
    output = tmp_path / "dossier.pdf"
    run = _export(dossier, case, output, "--as-of", AS_OF)
    assert_refused_clearly(run, lines=2)
    assert "photo.jpg" in run.err.splitlines()[1]


def test_an_email_with_a_1_mb_header_line(dossier, home: Path, tmp_path: Path) -> None:
    case = _load(dossier, tmp_path)
    path = tmp_path / "relance.eml"
    path.write_bytes(b"From: a@example.fr\r\nTo: " + b"b" * 1_000_000 + b"@example.fr\r\nSubject: "
                     + b"Relance " * 130_000 + b"\r\nDate: Fri, 12 Sep 2025 17:06:41 +0200\r\n\r\nBonjour.\r\n")
    _plant(home, path, "Relance", "message/rfc822")
    output = tmp_path / "dossier.pdf"
    started = time.monotonic()
    run = _export(dossier, case, output, "--as-of", AS_OF)
    assert time.monotonic() - started < 30
    assert run.code == 0, run.err
    assert "Bonjour." in _texts(output)


def test_a_chain_too_deep_for_qpdf_copy_does_not_kill_the_export(home: Path, tmp_path: Path) -> None:
    """100 000 harmless actions in a row: qpdf's recursive copy would overflow the C stack (a crash,
    exit -11, with the temporary files left behind)."""
    document = small_document()
    write_case(tmp_path / "in", document)
    assert run_process(home, "load", str(tmp_path / "in" / "case.json")).code == 0
    path = tmp_path / "chaine.pdf"
    with _two_pages() as pdf:
        previous = None
        for n in range(100_000):
            action = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.URI,
                                                          URI=pikepdf.String(f"https://example.org/{n}")))
            if previous is not None:
                previous.Next = action
            else:
                pdf.pages[0].obj.Annots = pikepdf.Array([pdf.make_indirect(pikepdf.Dictionary(
                    Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 10, 10], A=action))])
            previous = action
        pdf.save(path, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    _plant(home, path, "Chaîne", "application/pdf")
    output = tmp_path / "dossier.pdf"
    run = run_process(home, "export", "1", "-o", str(output), "--as-of", AS_OF, timeout=120)
    assert run.code == 0, (run.code, run.err[-2000:])
    assert "Pièce n° 2 — p. 2/2" in _texts(output)


def test_the_dossier_says_where_the_text_is_cut(dossier, tmp_path: Path) -> None:
    """A title too long for one table cell is cut with a sign, not silently."""
    document = small_document()
    document["exhibits"][0]["title"] = "Z" * 4000
    case = _load(dossier, tmp_path, document)
    output = tmp_path / "dossier.pdf"
    assert _export(dossier, case, output, "--as-of", AS_OF).code == 0
    assert re.search(r"Z+…", _texts(output))
    dumped = dossier("dump", case).out
    assert "Z" * 4000 in dumped



# --- temporary files: inside the home, and gone however the export ends ---------------------------

def _slow_case(dossier, home: Path, tmp_path: Path, count: int = 40) -> str:
    """A case whose export spends seconds drawing pictures into its scratch folder."""
    case = _load(dossier, tmp_path)
    for n in range(count):
        picture = Image.linear_gradient("L").resize((2000, 2000)).convert("RGB")
        picture.putpixel((0, 0), (n, n, n))
        path = tmp_path / f"photo-{n}.png"
        picture.save(path)
        _plant(home, path, f"Photo {n}", "image/png")
    return case


def _files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*")]


@pytest.mark.parametrize("moment", ["drawing pictures", "writing the file"])
def test_sigterm_mid_export_leaves_no_temporary_file(dossier, home: Path, tmp_path: Path, moment: str) -> None:
    case = _slow_case(dossier, home, tmp_path)
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    output = tmp_path / "dossier.pdf"
    output.write_bytes(b"%PDF- the dossier sent last week")
    child = subprocess.Popen(command(home, "export", case, "-o", str(output), "--as-of", AS_OF),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=child_env(TMPDIR=str(system_tmp)))
    try:
        deadline = time.monotonic() + 60
        def under_way() -> bool:
            if moment == "writing the file":
                return any(p.name.endswith(".part") for p in tmp_path.iterdir())
            return len([p for p in _files_under(home / "tmp", system_tmp) if p.is_file()]) >= 3

        while not under_way():
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "the export never got going"
            time.sleep(0.01)
        child.send_signal(signal.SIGTERM)
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode not in (0, 70), (child.returncode, err)
    assert "Traceback" not in out + err
    assert "interrompu" in err
    assert _files_under(system_tmp) == []
    assert _files_under(home / "tmp") == []
    assert output.read_bytes() == b"%PDF- the dossier sent last week"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("dossier")) == ["dossier.pdf"]


def test_a_whole_export_writes_nothing_outside_the_home_and_the_target(dossier, home: Path,
                                                                       tmp_path: Path) -> None:
    case = _slow_case(dossier, home, tmp_path, count=8)
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    output = tmp_path / "dossier.pdf"
    child = subprocess.Popen(command(home, "export", case, "-o", str(output), "--as-of", AS_OF),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=child_env(TMPDIR=str(system_tmp)))
    seen: set[str] = set()
    while child.poll() is None:
        seen.update(str(p) for p in _files_under(system_tmp))
        time.sleep(0.005)
    _out, err = child.communicate()
    assert child.returncode == 0, err
    assert seen == set()
    assert _files_under(system_tmp) == []
    assert _files_under(home / "tmp") == []
    assert "Pièce n° 9 — p. 1/1" in _texts(output)

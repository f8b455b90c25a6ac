"""An animation prints its first image; each of its images as a page only when the user asks
(``exhibit set --all-frames``), and ``exhibit list``, the sommaire and the stamps follow."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.support.cases import write_case


@pytest.fixture
def case(dossier, tmp_path: Path) -> str:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    return "1"


def animated_gif(path: Path, frames: int = 3) -> Path:
    colours = ((200, 30, 30), (30, 200, 30), (30, 30, 200), (200, 200, 30))[:frames]
    images = [Image.new("RGB", (120, 80), colour) for colour in colours]
    images[0].save(path, save_all=True, append_images=images[1:], duration=100, loop=0)
    return path


def _listed(dossier, case: str) -> dict[str, dict]:
    return {x["title"].lower(): x for x in json.loads(dossier("exhibit", "list", case, "--json").out)["exhibits"]}


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")


def _export(dossier, case: str, out: Path) -> list[str]:
    run = dossier("export", case, "-o", str(out), "--as-of", "2025-11-30")
    assert run.code == 0, run.out + run.err
    return _pages(out)


def _stamps_of(pages: list[str], number: int) -> list[str]:
    """The « p. x/y » of each page stamped with pièce ``number``."""
    found = []
    for page in pages:
        flat = " ".join(page.split())
        if re.search(rf"Pièce n° {number}\b", flat):
            found += re.findall(r"p\. (\d+/\d+)", flat)
    return found


def test_each_image_as_a_page_only_when_asked(dossier, case: str, tmp_path: Path) -> None:
    moving = animated_gif(tmp_path / "ecran-anime.gif")
    assert dossier("import", case, str(moving)).code == 0
    listed = _listed(dossier, case)["ecran-anime"]
    assert listed["pages"] == 1
    number = listed["number"] or 3
    first = _export(dossier, case, tmp_path / "premiere.pdf")

    run = dossier("exhibit", "set", case, f"#{listed['id']}", "--all-frames")
    assert run.code == 0, run.out + run.err
    assert "Animation imprimée sur 3 pages." in run.out
    assert _listed(dossier, case)["ecran-anime"]["pages"] == 3
    every = _export(dossier, case, tmp_path / "chaque.pdf")
    assert len(every) == len(first) + 2
    number = _listed(dossier, case)["ecran-anime"]["number"]
    assert _stamps_of(every, number) == ["1/3", "2/3", "3/3"], _stamps_of(every, number)
    assert " ".join(" ".join(every).split()).count("ecran-anime.gif — ") >= 3

    assert dossier("exhibit", "set", case, f"#{listed['id']}", "--first-frame").code == 0
    assert _listed(dossier, case)["ecran-anime"]["pages"] == 1
    assert len(_export(dossier, case, tmp_path / "encore.pdf")) == len(first)


def test_back_to_the_first_image_is_refused_while_a_later_image_is_cited(dossier, case: str, tmp_path: Path) -> None:
    assert dossier("import", case, str(animated_gif(tmp_path / "ecran-anime.gif"))).code == 0
    exhibit = f"#{_listed(dossier, case)['ecran-anime']['id']}"
    assert dossier("exhibit", "set", case, exhibit, "--all-frames").code == 0
    assert dossier("link", case, exhibit, "f1", "--pages", "2-3").code == 0
    run = dossier("exhibit", "set", case, exhibit, "--first-frame")
    assert run.code != 0
    assert "est citée p. 2-3 pour l'événement « f1 »" in run.err and len(run.err.strip().splitlines()) == 1
    assert _listed(dossier, case)["ecran-anime"]["pages"] == 3
    assert dossier("link", case, exhibit, "f1").code == 0
    assert dossier("exhibit", "set", case, exhibit, "--first-frame").code == 0
    assert _listed(dossier, case)["ecran-anime"]["pages"] == 1


def test_the_setting_is_refused_on_an_image_that_does_not_move(dossier, case: str, tmp_path: Path) -> None:
    still = tmp_path / "capture.png"
    Image.new("RGB", (200, 100), (10, 20, 30)).save(still)
    assert dossier("import", case, str(still)).code == 0
    exhibit_id = _listed(dossier, case)["capture"]["id"]
    for flag in ("--all-frames", "--first-frame"):
        run = dossier("exhibit", "set", case, f"#{exhibit_id}", flag)
        assert run.code != 0
        assert run.err.strip().splitlines() == ["dossier: « Capture » n'est pas une image animée."], run.err
    assert _listed(dossier, case)["capture"]["pages"] == 1


def test_dump_load_and_archive_restore_keep_the_setting(dossier, case: str, tmp_path: Path) -> None:
    moving = animated_gif(tmp_path / "ecran-anime.gif")
    assert dossier("import", case, str(moving)).code == 0
    exhibit_id = _listed(dossier, case)["ecran-anime"]["id"]
    assert dossier("exhibit", "set", case, f"#{exhibit_id}", "--all-frames").code == 0

    dumped = tmp_path / "sortie" / "case.json"
    dumped.parent.mkdir()
    assert dossier("dump", case, "-o", str(dumped), "--files", str(dumped.parent / "pieces")).code == 0
    document = json.loads(dumped.read_text(encoding="utf-8"))
    by_title = {x["title"].lower(): x for x in document["exhibits"]}
    assert by_title["ecran-anime"]["frames"] == "all"
    assert all("frames" not in x for t, x in by_title.items() if t != "ecran-anime")
    assert dossier("load", str(dumped)).code == 0
    assert _listed(dossier, "2")["ecran-anime"]["pages"] == 3

    archive = tmp_path / "affaire.dossier"
    assert dossier("archive", case, "-o", str(archive)).code == 0
    run = dossier("restore", str(archive))
    assert run.code == 0, run.out + run.err
    restored = json.loads(dossier("dump", "3").out)
    assert next(x for x in restored["exhibits"] if x["title"].lower() == "ecran-anime")["frames"] == "all"
    assert _listed(dossier, "3")["ecran-anime"]["pages"] == 3


def test_a_frames_value_the_format_does_not_know_is_named(dossier, case: str, tmp_path: Path) -> None:
    moving = animated_gif(tmp_path / "ecran-anime.gif")
    assert dossier("import", case, str(moving)).code == 0
    dumped = tmp_path / "sortie" / "case.json"
    dumped.parent.mkdir()
    assert dossier("dump", case, "-o", str(dumped), "--files", str(dumped.parent / "pieces")).code == 0
    document = json.loads(dumped.read_text(encoding="utf-8"))
    index = next(i for i, x in enumerate(document["exhibits"]) if x["title"].lower() == "ecran-anime")
    document["exhibits"][index]["frames"] = "toutes"
    dumped.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = dossier("load", str(dumped))
    assert run.code != 0
    assert f"exhibits[{index}].frames" in run.err + run.out

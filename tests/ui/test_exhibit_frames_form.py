"""The exhibit form of an animation offers to print each of its images, as `exhibit set --all-frames`
does; a still image's form does not."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from dossier_app.services import exhibits, exporting, importing
from dossier_app.ui.exhibits.model import PAGES


def _animated_gif(path: Path) -> Path:
    images = [Image.new("RGB", (120, 80), colour) for colour in ((200, 30, 30), (30, 200, 30), (30, 30, 200))]
    images[0].save(path, save_all=True, append_images=images[1:], duration=100, loop=0)
    return path


def _stored(store, case_id: int, title: str):
    return next(x for x in exhibits.exhibits(store, case_id) if x.title.lower() == title)


def _shown_pages(window, sha256: str) -> str:
    model = window.exhibits.model
    row = next(i for i, x in enumerate(model.exhibits) if x.sha256 == sha256)
    return str(model.index(row, PAGES).data())


def _open_form(window, sha256: str):
    window.exhibits.select(sha256)
    window.actions_.edit_exhibit.trigger()
    return window.events.exhibit_dialog


def test_ticking_the_box_prints_each_image_stamped_and_undo_puts_one_page_back(
        qtbot, open_window, store, small_case, tmp_path: Path) -> None:
    added = importing.import_paths(store, small_case, [_animated_gif(tmp_path / "ecran-anime.gif")])
    assert len(added.added) == 1
    gif = _stored(store, small_case, "ecran-anime")
    assert gif.pages == 1
    window = open_window()
    dialog = _open_form(window, gif.sha256)
    box = dialog.all_frames
    assert box is not None and box.isVisible() and not box.isChecked()
    assert box.text() == "Imprimer chaque image de l'animation (3 images)"
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    dialog.grab().save(str(tmp_path / "form.png"))  # to look at
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    stored = _stored(store, small_case, "ecran-anime")
    assert stored.all_frames and stored.pages == 3
    qtbot.waitUntil(lambda: _shown_pages(window, gif.sha256) == "3")
    output = tmp_path / "dossier.pdf"
    report = exporting.export_case(store, small_case, output, as_of=date(2025, 11, 30))
    assert not report.refused
    number = _stored(store, small_case, "ecran-anime").number
    text = subprocess.run(["pdftotext", "-layout", str(output), "-"], capture_output=True, text=True,
                          check=True).stdout
    stamps = [found for page in text.split("\f") if re.search(rf"Pièce n° {number}\b", " ".join(page.split()))
              for found in re.findall(r"p\. (\d+/\d+)", " ".join(page.split()))]
    assert stamps == ["1/3", "2/3", "3/3"], stamps

    window.undo.undo()
    back = _stored(store, small_case, "ecran-anime")
    assert not back.all_frames and back.pages == 1
    qtbot.waitUntil(lambda: _shown_pages(window, gif.sha256) == "1")


def test_a_still_image_has_no_such_box(qtbot, open_window, store, small_case, tmp_path: Path) -> None:
    still = tmp_path / "capture.png"
    Image.new("RGB", (200, 100), (10, 20, 30)).save(still)
    importing.import_paths(store, small_case, [still])
    window = open_window()
    dialog = _open_form(window, _stored(store, small_case, "capture").sha256)
    assert dialog.all_frames is None
    assert "animation" not in " ".join(w.text() for w in dialog.findChildren(type(dialog.include)))

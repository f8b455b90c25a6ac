"""Finding the shipped resources (rate tables, fonts, icons) wherever Dossier runs from.

``resources/`` sits at the top of the source tree, not inside the package, because the
window, the PDF and the packagers all share it. First match wins: ``DOSSIER_RESOURCES``
when set, the source tree (also what an editable install sees), an installed
``share/dossier`` (``pip install .`` puts it there), and a PyInstaller bundle's folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def candidates(sub: str) -> list[Path]:
    found = []
    if os.environ.get("DOSSIER_RESOURCES"):
        found.append(Path(os.environ["DOSSIER_RESOURCES"]) / sub)
    here = Path(__file__).resolve()
    found += [
        here.parents[1] / "resources" / sub,
        Path(sys.prefix) / "share" / "dossier" / sub,
        Path(getattr(sys, "_MEIPASS", sys.prefix)) / "resources" / sub,
    ]
    return found


def find(sub: str, *needed: str) -> Path | None:
    """The first folder ``resources/<sub>`` that holds every file in ``needed``."""
    for folder in candidates(sub):
        if all((folder / name).is_file() for name in needed) and folder.is_dir():
            return folder
    return None

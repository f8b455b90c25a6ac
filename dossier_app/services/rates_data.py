"""The rate tables shipped in ``resources/rates``, found the same way as the fonts.

``resources/`` sits at the top of the source tree, not inside the package, because the
window, the PDF and the packagers all share it.  So the files are looked up, first match
wins: ``DOSSIER_RESOURCES`` when set, the source tree (``Path(__file__).parents[2]``, which
is also what an editable install sees), an installed ``share/dossier``, and the folder a
PyInstaller bundle unpacks to.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from ..domain.errors import UserError
from ..domain.i18n import t
from ..domain.rates import EcbRate, RateTable

ECB_FILE = "ecb.csv"
LEGAL_FILE = "legal.csv"


def rates_dirs() -> list[Path]:
    candidates = []
    if os.environ.get("DOSSIER_RESOURCES"):
        candidates.append(Path(os.environ["DOSSIER_RESOURCES"]) / "rates")
    here = Path(__file__).resolve()
    candidates += [
        here.parents[2] / "resources" / "rates",
        Path(sys.prefix) / "share" / "dossier" / "rates",
        Path(getattr(sys, "_MEIPASS", sys.prefix)) / "resources" / "rates",
    ]
    return candidates


def rates_dir() -> Path:
    for folder in rates_dirs():
        if (folder / ECB_FILE).is_file() and (folder / LEGAL_FILE).is_file():
            return folder
    raise UserError(t("Tables de taux introuvables (resources/rates/ecb.csv et legal.csv) : réinstallez Dossier.",
                      "Rate tables not found (resources/rates/ecb.csv and legal.csv): reinstall Dossier."))


@cache
def shipped_rate_table() -> RateTable:
    folder = rates_dir()
    return RateTable.from_csv((folder / ECB_FILE).read_text(encoding="utf-8"),
                              (folder / LEGAL_FILE).read_text(encoding="utf-8"))


def rate_table(user_ecb: tuple[EcbRate, ...] = ()) -> RateTable:
    """The shipped table with the ECB rates the user added (kept in the store) merged in."""
    return shipped_rate_table().with_user_ecb(user_ecb)

"""The rate tables shipped in ``resources/rates`` (located by ``dossier_app.resources``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .. import resources
from ..domain.errors import UserError
from ..domain.rates import EcbRate, RateTable
from ..i18n import _

ECB_FILE = "ecb.csv"
LEGAL_FILE = "legal.csv"


def rates_dir() -> Path:
    folder = resources.find("rates", ECB_FILE, LEGAL_FILE)
    if folder is None:
        raise UserError(_("Tables de taux introuvables (resources/rates/ecb.csv et legal.csv) : réinstallez Dossier."))
    return folder


@cache
def shipped_rate_table() -> RateTable:
    folder = rates_dir()
    return RateTable.from_csv((folder / ECB_FILE).read_text(encoding="utf-8"),
                              (folder / LEGAL_FILE).read_text(encoding="utf-8"))


def rate_table(user_ecb: tuple[EcbRate, ...] = ()) -> RateTable:
    """The shipped table with the ECB rates the user added (kept in the store) merged in."""
    return shipped_rate_table().with_user_ecb(user_ecb)

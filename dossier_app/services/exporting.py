"""``export``: the dossier PDF of a stored case, with its pièce numbers kept once given."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..domain.numbering import assign_numbers
from ..export import ExportOptions, ExportReport, ProgressStep, export_dossier
from ..imports.email_files import read_email
from ..store import Store
from ..store import repository as repo
from .claims import claims_for
from .rates import store_rate_table


def export_case(store: Store, case_id: int, output: Path, *, as_of: date | None = None, lang: str = "fr",
                include_exhibits: bool = True, max_mb: float | None = None, renumber: bool = False,
                progress: Callable[[ProgressStep], bool | None] | None = None) -> ExportReport:
    """Write the dossier; the numbers it used are stored and kept from then on (spec "Numbering").

    Until a first export the numbers are provisional and follow the exhibits' dates; after it, an
    exhibit added later takes the next free number, unless ``renumber`` starts afresh.
    """
    case_file = repo.read_case_file(store, case_id)
    fresh = renumber or not repo.numbering_fixed(store, case_id)
    case_file = dataclasses.replace(case_file, exhibits=assign_numbers(case_file.exhibits, renumber=fresh))
    day = as_of or date.today()
    report = export_dossier(
        case_file, lambda x: store.blobs.path(x.sha256),
        ExportOptions(as_of=day, lang=lang, include_exhibits=include_exhibits, max_mb=max_mb), output,
        claims=claims_for(case_file, day, store_rate_table(store)), read_email=read_email, progress=progress)
    with store.transaction():
        repo.set_numbers(store, {x.id: x.number for x in case_file.exhibits if x.id is not None})
        repo.set_numbering_fixed(store, case_id, True)
    return report

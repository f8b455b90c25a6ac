"""``export``: the dossier PDF of a stored case, with its pièce numbers kept once given."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..domain.checks import BLOCKING, Finding
from ..domain.errors import UserError
from ..domain.numbering import assign_numbers
from ..export import ExhibitsRefused, ExportOptions, ExportReport, ProgressStep, export_dossier
from ..i18n import Translator
from ..imports.email_files import read_email
from ..store import Store
from ..store import repository as repo
from ..store.home import temporary_folder
from .claims import claims_for
from .files import check_target, os_error_to_user
from .rates import store_rate_table
from .readiness import readiness

__all__ = ["ExhibitsRefused", "ExportReport", "ProgressStep", "blocking", "blocking_findings",
           "check_bordereau", "check_output", "check_split_folder", "export_case", "stage_label"]


def export_case(store: Store, case_id: int, output: Path, *, as_of: date | None = None, lang: str = "fr",
                include_exhibits: bool = True, max_mb: float | None = None, renumber: bool = False,
                communication: date | None = None, split: bool = False, bordereau: int = 1,
                complement_from: int | None = None, progress: Callable[[ProgressStep], bool | None] | None = None) -> ExportReport:
    """Write the dossier; the numbers it used are stored and kept from then on (spec "Numbering").

    ``communication`` is the day the bordereau says the pièces are communicated ("Fait le …",
    ``export --date``); without it, the as-of date.

    ``bordereau`` is the bordereau's number; with ``complement_from`` it is a complementary one
    (``export --bordereau 2 --from 13``): it lists, and the dossier carries, only the pièces from that
    number on, the earlier ones being already communicated.  A number no included pièce has is refused.

    Until a first export the numbers are provisional and follow the exhibits' dates; after it, an
    exhibit added later takes the next free number, unless ``renumber`` starts afresh.

    With ``split``, ``output`` is a folder (new, or empty) that receives the bordereau and one PDF per
    pièce (``export --split``); the report's ``volumes`` are those files.
    """
    if not split:
        check_target(output)
    before = repo.read_case_file(store, case_id)
    was_fixed = repo.numbering_fixed(store, case_id)
    fresh = renumber or not was_fixed
    case_file = dataclasses.replace(before, exhibits=assign_numbers(before.exhibits, renumber=fresh))
    # The numbers are stored before the file appears, so that no dossier can ever exist whose
    # numbers the store does not keep (a kill between the two would otherwise allow it).
    _store_numbers(store, case_id, {x.id: x.number for x in case_file.exhibits if x.id is not None}, True)
    day = as_of or date.today()
    try:
        return export_dossier(
            case_file, lambda x: store.blobs.path(x.sha256),
            ExportOptions(as_of=day, lang=lang, include_exhibits=include_exhibits, max_mb=max_mb,
                          communication=communication, split=split, bordereau=bordereau,
                          complement_from=complement_from), output,
            claims=claims_for(case_file, day, store_rate_table(store)), read_email=read_email, progress=progress,
            scratch=temporary_folder(store.home), check_target=None if split else check_target)
    except BaseException as exc:
        _store_numbers(store, case_id, {x.id: x.number for x in before.exhibits if x.id is not None}, was_fixed)
        if isinstance(exc, OSError):
            # Scratch files (images turned into pages, e-mails laid out) can fill the disk too.
            raise os_error_to_user(exc, output) from exc
        raise


def check_bordereau(store: Store, case_id: int, bordereau: int = 1, complement_from: int | None = None,
                    renumber: bool = False) -> None:
    """What ``export`` refuses in its bordereau's number and first pièce (``--bordereau``, ``--from``),
    said in the interface's language before anything else is done, with the numbers the export will use."""
    from ..export.export import earlier_pieces
    from ..i18n import active

    exhibits = repo.read_case_file(store, case_id).exhibits
    numbered = assign_numbers(exhibits, renumber=renumber or not repo.numbering_fixed(store, case_id))
    included = sorted((x for x in numbered if x.include and x.number is not None), key=lambda x: x.number or 0)
    earlier_pieces(bordereau, complement_from, included, active())


def check_output(output: Path) -> None:
    """What ``export -o`` refuses in its target (a link, a folder, a missing parent…), said before the
    readiness check's findings: nothing would be written anyway."""
    from ..i18n import _

    check_target(output)
    if not output.parent.is_dir():
        raise UserError(_("Le dossier de {output} n'existe pas : créez-le ou choisissez un autre emplacement.").format(output=output))


def check_split_folder(folder: Path) -> None:
    """What ``export --split`` refuses before it writes (a file, a folder holding files, a missing
    parent), said in the interface's language: the window says it before it starts."""
    from ..export.split import check_folder
    from ..i18n import active

    check_folder(folder, active())


# Not blocking to ``check`` (a case under way may have them), but printed false in the PDF: a pièce
# dated far from what it proves (its date is in the bordereau), a hearing date already past (on the cover).
WRONG_ON_PAPER = frozenset({"exhibit_date_far", "hearing_past"})


def blocking(findings: list[Finding]) -> list[Finding]:
    """Of the readiness check's findings, those that make the dossier wrong on paper: both faces list
    them before writing, and ``export --strict`` writes nothing while any remains (spec "Before writing")."""
    # Said as blocking where the export lists them (« BLOQUANT: … », « 2 points bloquants »).
    return [f if f.severity == BLOCKING else dataclasses.replace(f, severity=BLOCKING)
            for f in findings if f.severity == BLOCKING or f.code in WRONG_ON_PAPER]


def blocking_findings(store: Store, case_id: int, as_of: date | None = None) -> list[Finding]:
    """The readiness check run as an export runs it first (exhibit files re-hashed), its blocking findings."""
    return blocking(readiness(store, case_id, as_of))


def exhibit_notes(report: ExportReport, words: Translator) -> list[str]:
    """What the export did to a pièce that the user must know (repaired, signature not kept), a line
    each, for both faces; the size notes each face words with its own name for the limit."""
    lines = []
    for outcome in report.exhibits:
        if outcome.status == "repaired":
            lines.append(words.gettext("Pièce n° {number} : PDF endommagé, réparé").format(number=outcome.number))
        if outcome.signed:
            lines.append(words.gettext("Pièce n° {number} : signée électroniquement, signature non conservée (noté au bordereau)").format(number=outcome.number))
    return lines


def stage_label(stage: str, words: Translator) -> str:
    """What a person reads for one stage of the export (``ProgressStep.stage``), in ``words``' language."""
    stages = {"prepare": words.gettext("Lecture des pièces\u2026"),
              "parts": words.gettext("Mise en page\u2026"),
              "assemble": words.gettext("Assemblage des pièces\u2026"),
              "write": words.gettext("Écriture du fichier\u2026")}
    return stages.get(stage, "")


def _store_numbers(store: Store, case_id: int, numbers: dict[int, int | None], fixed: bool) -> None:
    with store.transaction():
        repo.set_numbers(store, numbers)
        repo.set_numbering_fixed(store, case_id, fixed)


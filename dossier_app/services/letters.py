"""``letter``: a letter drafted from the case, written as PDF or OpenDocument, and added to the case
as the registered letter it becomes once sent (issue 16).  The command and the window both call here."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Literal

from ..domain.errors import UserError
from ..domain.letters import LETTER_KINDS, LetterDoc, LetterKind, LetterOptions, draft_letter
from ..domain.model import RegisteredLetter
from ..i18n import _
from ..store import Store
from ..store import repository as repo
from .claims import claims_for
from .events import add_event, remove_event
from .exhibits import link
from .files import atomic_target, check_target
from .importing import commit_import, plan_import
from .rates import store_rate_table

LetterFormat = Literal["pdf", "odt"]
LETTER_FORMATS: tuple[LetterFormat, ...] = ("pdf", "odt")


def draft(store: Store, case_id: int, kind: LetterKind, options: LetterOptions) -> LetterDoc:
    """The letter's words, its amounts the case's claims on ``options.day`` (with the rates the user added)."""
    if kind not in LETTER_KINDS:
        raise UserError(unknown_kind(kind))
    case_file = repo.read_case_file(store, case_id)  # read once: the claims and the letter see the same case
    claims = claims_for(case_file, options.day, store_rate_table(store))
    return draft_letter(kind, case_file, claims, options)


def unknown_kind(kind: str) -> str:
    return _("« {kind} » n'est pas une lettre connue : mise-en-demeure, relance ou injonction.").format(kind=kind)


def format_of(target: Path, fmt: str | None = None) -> LetterFormat:
    """The format asked for, else the one the file's name says (``.odt``), else PDF."""
    if fmt is None:
        return "odt" if Path(target).suffix.lower() == ".odt" else "pdf"
    for known in LETTER_FORMATS:
        if fmt == known:
            return known
    raise UserError(_("« {format} » n'est pas un format de lettre : pdf ou odt.").format(format=fmt))


def check_letter_target(target: Path) -> None:
    """What every ``-o`` refuses (a link, a folder, a read-only file…), and a folder that does not exist."""
    check_target(target)
    folder = Path(target).parent
    if str(folder) and not folder.is_dir():
        raise UserError(_("Le dossier de {output} n'existe pas : créez-le ou choisissez un autre emplacement.").format(output=target))


def write_letter(store: Store, case_id: int, kind: LetterKind, target: Path, options: LetterOptions,
                 fmt: LetterFormat = "pdf") -> LetterDoc:
    """Draft the letter and write it to ``target`` whole or not at all (a temporary name beside it,
    renamed at the end); ``target`` is checked as every ``-o`` is."""
    check_letter_target(target)
    doc = draft(store, case_id, kind, options)
    write_doc(doc, target, fmt)
    return doc


def write_doc(doc: LetterDoc, target: Path, fmt: LetterFormat = "pdf") -> None:
    """A letter already drafted (the window's preview) written to ``target``, whole or not at all."""
    # The layouts load reportlab and odfdo: only when a letter is written.
    if fmt == "odt":
        from ..letters.odt import letter_odt as layout
    else:
        from ..letters.pdf import letter_pdf as layout
    check_letter_target(target)
    with atomic_target(Path(target)) as tmp:
        layout(doc, tmp)


def add_to_case(store: Store, case_id: int, doc: LetterDoc, written: Path,
                options: LetterOptions | None = None) -> str:
    """The letter as evidence: a registered-letter event (formal notice, its deadline) with the
    written file as its exhibit, the tracking number to fill in once sent; returns the event's id.

    The letter is dated ``options.day`` (today without options, the day a letter drafted now
    bears); its deadline in days is ``options.deadline_days`` when the letter sets one."""
    day = options.day if options is not None else date.today()
    deadline_days: int | None = None
    if doc.deadline is not None:
        deadline_days = options.deadline_days if options is not None else max((doc.deadline - day).days, 1)
    title = doc.title or doc.subject
    plan = plan_import(store, case_id, [Path(written)], today=day)
    item = plan[0] if len(plan) == 1 else None
    if item is not None and item.status == "duplicate" and item.sha256 is not None \
            and repo.exhibit_title_by_hash(store, case_id, item.sha256) is not None:
        # The same letter is a pièce already: the new event cites it, no second copy.
        event_id = _add_event(store, case_id, doc, day, title, deadline_days)
        link(store, case_id, item.sha256, event_id)
        return event_id
    if item is None or item.status != "add" or item.exhibit is None:
        reason = item.reason if item is not None and item.reason else _("fichier illisible")
        raise UserError(_("La lettre n'a pas été ajoutée à l'affaire ({reason}).").format(reason=reason))
    item = replace(item, exhibit=replace(item.exhibit, title=title, date=day))
    event_id = _add_event(store, case_id, doc, day, title, deadline_days)
    result = commit_import(store, case_id, [item], link_to=event_id)
    if not result.added:
        remove_event(store, case_id, event_id)  # no letter without its exhibit
        refused = (result.skipped or result.refused)
        reason = refused[0].reason if refused and refused[0].reason else _("fichier illisible")
        raise UserError(_("La lettre n'a pas été ajoutée à l'affaire ({reason}).").format(reason=reason))
    return event_id


def _add_event(store: Store, case_id: int, doc: LetterDoc, day: date, title: str, deadline_days: int | None) -> str:
    return add_event(store, case_id, {
        "id": repo.next_free_ref(store, case_id, "lettre"),
        "kind": RegisteredLetter.KIND, "date": day.isoformat(), "title": title, "actor": "us",
        "formal_notice": doc.kind == "mise-en-demeure",
        **({"deadline_days": deadline_days} if deadline_days is not None else {}),
    })

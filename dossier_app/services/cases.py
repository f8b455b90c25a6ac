"""Finding, listing and deleting cases."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..domain import json_input
from ..domain.bounds import title_problem
from ..domain.codec import Collector, decode_case, encode_case
from ..domain.errors import ProblemsError, UserError
from ..domain.model import Case, CaseFile, Party, Role
from ..domain.money import Cents
from ..domain.vocabulary import label
from ..i18n import _
from ..store import Store, read_models
from ..store import repository as repo
from .store_access import writing


@dataclass(frozen=True)
class CaseSummary:
    id: int
    title: str
    us: str
    them: str
    events: int
    exhibits: int
    outstanding_cents: Cents | None
    problem: str | None = None  # why this case cannot be read or its claims computed


def outstanding(case_file: CaseFile) -> Cents | None:
    """What the case's invoices leave unpaid today (undisputed), or None when unknown."""
    from .claims import claims_for

    return claims_for(case_file).totals.outstanding_undisputed


def summaries(store: Store) -> list[CaseSummary]:
    """Every case, even when one of them cannot be read: that one carries its problem.

    Cheap on a large case: the case block, the exhibits, the claim events decoded, the other events
    only checked by SQLite (``read_models.check_events_cheaply``); the amount as the window's list has it.
    """
    from .claims import unpaid_undisputed

    out = []
    for row in repo.list_cases(store):
        try:
            case = repo.read_case(store, row.id)
            repo.read_exhibits(store, row.id)
            read_models.check_events_cheaply(store, row.id)
        except UserError as exc:
            out.append(CaseSummary(row.id, row.title, "?", "?", row.events, row.exhibits, None, exc.message))
            continue
        try:
            owed, problem = unpaid_undisputed(store, row.id), None
        except UserError as exc:
            owed, problem = None, exc.message
        out.append(CaseSummary(row.id, row.title, case.us.name, case.them.name,
                               row.events, row.exhibits, owed, problem))
    return out


def delete_case(store: Store, case_id: int) -> int:
    """Delete a case and the exhibit files no other case uses; returns how many files went."""
    with writing(store) as writes:
        orphans = repo.delete_case(store, case_id)
        writes.let_go_of(orphans)
    return len(orphans)


def create_case(store: Store, case: Case) -> int:
    """A new, empty case from what the user typed; checked like a case file's ``case`` object."""
    check_case(case)
    with writing(store):
        return repo.insert_case(store, case)


def update_case(store: Store, case_id: int, case: Case) -> None:
    check_case(case)
    with writing(store):
        repo.read_case(store, case_id)
        repo.update_case(store, case_id, case)


def rename_case(store: Store, case_id: int, title: str) -> None:
    problem = title_problem(title)
    if problem:
        raise UserError(problem)
    with writing(store):
        case = repo.read_case(store, case_id)
        new = replace(case, title=title.strip())
        check_case(new)
        repo.update_case(store, case_id, new)


def blank_case(title: str, our_role: Role) -> Case:
    """A new case before its parties are known: named as the window's form names its two boxes."""
    return Case(title=title.strip(), our_role=our_role, us=Party(label("us")), them=Party(label("them")))


def case_of_block(data: object) -> Case:
    """A case block as a case file holds it (``dossier case set``): every problem at once, each with its path."""
    found = json_input.problems(data, "case")
    collector = Collector(reported={p.path for p in found})
    collector.problems.extend(found)
    case = decode_case(collector, "case", data)
    if collector.problems or case is None:
        raise ProblemsError(collector.problems, _("L'affaire n'a pas été enregistrée :"))
    return case


def check_case(case: Case) -> None:
    """The same rules as loading a file: every problem at once, with the field at fault."""
    collector = Collector()
    decode_case(collector, "case", encode_case(case))
    if collector.problems:
        raise ProblemsError(collector.problems, _("L'affaire n'a pas été enregistrée :"))


def read_case(store: Store, case_id: int) -> Case:
    """The case block alone (parties, court, counsel): what its form edits, without its events."""
    return repo.read_case(store, case_id)


def read_case_file(store: Store, case_id: int) -> CaseFile:
    return repo.read_case_file(store, case_id)

"""``check``: the readiness check of a stored case, files re-hashed included."""

from __future__ import annotations

from datetime import date

from ..domain.checks import Finding, IntegrityFacts, check_case
from ..domain.claims import compute_claims
from ..store import Store
from ..store import repository as repo
from .rates import store_rate_table
from .verify import verify_case


def integrity_facts(store: Store, case_id: int) -> IntegrityFacts:
    problems = verify_case(store, case_id)
    return IntegrityFacts(missing=frozenset(p.sha256 for p in problems if p.problem == "missing"),
                          altered=frozenset(p.sha256 for p in problems if p.problem == "altered"))


def readiness(store: Store, case_id: int, as_of: date | None = None,
              integrity: IntegrityFacts | None = None) -> list[Finding]:
    """Every finding, worst first.

    ``integrity``: what re-hashing the case's exhibit files found a moment ago (the window keeps it
    between two checks and re-hashes only when the exhibits change); by default they are re-hashed now.
    """
    day = as_of or date.today()
    case_file = repo.read_case_file(store, case_id)
    rates = store_rate_table(store)
    claims = compute_claims(case_file, day, rates)
    return check_case(case_file, day, rates, claims,
                      integrity if integrity is not None else integrity_facts(store, case_id))


def checked_case(store: Store, case_id: int, as_of: date | None = None,
                 integrity: IntegrityFacts | None = None) -> tuple[list[Finding], IntegrityFacts]:
    """``readiness`` and the integrity facts it used: re-hashed now unless given (the window keeps
    them for the next check, in which only the exhibits' changes ask for a new re-hash)."""
    facts = integrity if integrity is not None else integrity_facts(store, case_id)
    return readiness(store, case_id, as_of, integrity=facts), facts

"""Small cases for the claims and checks tests, written the way a person reads them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path

from dossier_app.domain.model import (
    Access,
    Case,
    CaseFile,
    Contract,
    CreditNote,
    CreditStep,
    Event,
    Exhibit,
    ExhibitLink,
    Invoice,
    Outage,
    Party,
    Payment,
    PaymentTerms,
    PenaltyClause,
    RegisteredLetter,
    ServiceLevel,
)
from dossier_app.domain.money import parse_amount
from dossier_app.domain.rates import RateTable

RATES_DIR = Path(__file__).resolve().parents[2] / "resources" / "rates"


@cache
def shipped_rates() -> RateTable:
    return RateTable.from_csv((RATES_DIR / "ecb.csv").read_text(encoding="utf-8"),
                              (RATES_DIR / "legal.csv").read_text(encoding="utf-8"))


def eur(text: str) -> int:
    return parse_amount(text)


def d(text: str) -> date:
    return date.fromisoformat(text)


def case(*events: Event, terms: str | None = "30_days", rate: str | None = None, role: str = "provider",
         exhibits: tuple[Exhibit, ...] = ()) -> CaseFile:
    contract = Contract(payment_terms=PaymentTerms.parse(terms) if terms else None,
                        late_penalty_rate=Decimal(rate) if rate else None)
    header = Case("Test", role, Party("Nous SARL"), Party("Eux SAS"), contract=contract)
    return CaseFile(header, tuple(events), exhibits)


def invoice(id: str, day: str, amount: str, number: str | None = None, due: str | None = None,
            disputed: bool = False) -> Invoice:
    return Invoice(id=id, date=d(day), title=f"Facture {number or id}", number=number or id,
                   amount_incl_tax=eur(amount), due_date=d(due) if due else None, disputed=disputed)


def payment(id: str, day: str, amount: str, *invoices: str) -> Payment:
    return Payment(id=id, date=d(day), title="Virement", amount=eur(amount), invoices=tuple(invoices))


def credit_note(id: str, day: str, amount: str, invoice: str | None = None) -> CreditNote:
    return CreditNote(id=id, date=d(day), title="Avoir", number=id, amount_incl_tax=eur(amount), invoice=invoice)


def notice(id: str, day: str, tracking: str | None = "1A00000000001", deadline: int | None = 8,
           **fields: object) -> RegisteredLetter:
    return RegisteredLetter(id=id, date=d(day), title="Mise en demeure", formal_notice=True,
                            tracking_number=tracking, deadline_days=deadline, **fields)  # type: ignore[arg-type]


def exhibit(name: str, *event_ids: str, day: str | None = None, number: int | None = None,
            include: bool = True) -> Exhibit:
    sha = (name.encode().hex() * 64)[:64]
    return Exhibit(sha256=sha, title=name, original_name=f"{name}.pdf", date=d(day) if day else None,
                   links=tuple(ExhibitLink(e) for e in event_ids), number=number, include=include)


# --- the contract's own clauses (claims.md, "under the contract") -----------------------

def flat(amount: str, purpose: str, event: str) -> PenaltyClause:
    return PenaltyClause("flat", eur(amount), purpose, event=event)


def per_day(amount: str, purpose: str, from_event: str, until: str | None = None,
            cap: str | None = None) -> PenaltyClause:
    return PenaltyClause("per_day", eur(amount), purpose, from_event=from_event, until_event=until,
                         cap=eur(cap) if cap else None)


def service_level(fee: str, *steps: tuple[str, str], services: tuple[str, ...] = (),
                  availability: str = "99.5") -> ServiceLevel:
    """``steps``: (below, percent) pairs, as the file writes them."""
    return ServiceLevel(Decimal(availability), eur(fee), services,
                        tuple(CreditStep(Decimal(b), Decimal(p)) for b, p in steps))


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


def outage(id: str, start: str, end: str | None, *services: str, scope: str | None = None) -> Outage:
    """An outage from ``start`` to ``end`` (ISO instants, Paris time when they carry no offset)."""
    begin = instant(start)
    return Outage(id=id, date=begin.date(), title=f"Coupure {id}", start=begin,
                  end=instant(end) if end else None, services=services or ("messagerie",),
                  scope=scope)  # type: ignore[arg-type]


def access(id: str, day: str, action: str = "restored", account: str = "hébergement") -> Access:
    return Access(id=id, date=d(day), title=f"Accès {action}", account=account, action=action)  # type: ignore[arg-type]


def contract_case(*events: Event, penalties: tuple[PenaltyClause, ...] = (), sla: ServiceLevel | None = None,
                  exhibits: tuple[Exhibit, ...] = (), role: str = "client") -> CaseFile:
    """A case whose contract holds ``penalties`` and ``sla`` (no payment terms, no invoice needed)."""
    header = Case("Test", role, Party("Nous SARL"), Party("Eux SAS"),  # type: ignore[arg-type]
                  contract=Contract(penalties=penalties, sla=sla))
    return CaseFile(header, tuple(events), exhibits)

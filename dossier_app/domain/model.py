"""Cases, parties, events, exhibits: plain frozen dataclasses.

Each event kind is its own class with exactly its own fields.  The type of every
kind-specific field is declared in its ``metadata`` so that the interchange codec and
the window's forms are both derived from this one description.
"""

from __future__ import annotations

import re
from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar, Literal, get_args

from ..i18n import _
from .money import Cents

# Each choice as a type, so that mypy catches a wrong value where the code branches on one.
Actor = Literal["us", "them", "third_party"]
Role = Literal["client", "provider"]
Channel = Literal["email", "phone", "letter", "meeting"]
CorrespondenceChannel = Literal["email", "phone", "letter", "meeting", "message"]
ContractAction = Literal["signed", "amended", "terminated", "notice_given"]
AccessAction = Literal["requested", "refused", "changed_without_consent", "restored"]
ProcedureAction = Literal["summons", "hearing", "order", "judgment", "bailiff_report", "other"]
Scope = Literal["total", "partial"]
ACTORS: tuple[Actor, ...] = get_args(Actor)
ROLES: tuple[Role, ...] = get_args(Role)
CHANNELS: tuple[Channel, ...] = get_args(Channel)
CORRESPONDENCE_CHANNELS: tuple[CorrespondenceChannel, ...] = get_args(CorrespondenceChannel)
CONTRACT_ACTIONS: tuple[ContractAction, ...] = get_args(ContractAction)
ACCESS_ACTIONS: tuple[AccessAction, ...] = get_args(AccessAction)
PROCEDURE_ACTIONS: tuple[ProcedureAction, ...] = get_args(ProcedureAction)
SCOPES: tuple[Scope, ...] = get_args(Scope)

PAYMENT_TERMS = re.compile(r"^(on_receipt|(\d{1,3})_days|(\d{1,3})_days_end_of_month|end_of_month_(\d{1,3})_days)$")


def spec(kind: str, *, required: bool = True, choices: tuple[str, ...] = (), default: Any = MISSING) -> Any:
    """Declare a kind-specific field: its wire type, whether it must be given, its choices."""
    if default is MISSING and not required:
        default = None
    meta = {"type": kind, "required": required, "choices": choices}
    if isinstance(default, (list, tuple)):
        return field(default=tuple(default), metadata=meta)
    return field(default=default, metadata=meta)


# --- parties and case -------------------------------------------------------------------

@dataclass(frozen=True)
class Party:
    name: str
    legal_form: str | None = None
    siren: str | None = None
    address: str | None = None
    representative: str | None = None


@dataclass(frozen=True)
class Counsel:
    name: str
    firm: str | None = None
    email: str | None = None
    phone: str | None = None
    city: str | None = None  # where the bordereau is signed ("Fait à …")
    bar: str | None = None  # e.g. "barreau de Laval"


DemandKind = Literal["restitution", "restore_service", "provision", "article_700", "costs", "other"]
DEMAND_KINDS: tuple[DemandKind, ...] = get_args(DemandKind)


@dataclass(frozen=True)
class Demand:
    """One thing we ask the judge (case-format ``demands``); amounts in cents."""

    kind: DemandKind
    text: str | None = None
    what: str | None = None  # restitution: the accesses or credentials, named; restore_service: the service
    penalty_per_day: Cents | None = None  # restitution: an astreinte per day of delay
    from_days: int | None = None  # restitution: the astreinte runs this many days after the order
    amount: Cents | None = None  # provision (None: the claims' total on the as-of date), article_700


TermsForm = Literal["on_receipt", "days", "days_end_of_month", "end_of_month_days"]
TERMS_FORMS: tuple[TermsForm, ...] = get_args(TermsForm)


@dataclass(frozen=True)
class PaymentTerms:
    """``on_receipt``, ``N_days``, ``N_days_end_of_month`` or ``end_of_month_N_days``."""

    form: TermsForm
    days: int = 0

    @classmethod
    def parse(cls, text: str) -> PaymentTerms:
        match = PAYMENT_TERMS.match(text) if isinstance(text, str) else None
        if not match:
            raise ValueError(_("« {text} » : les délais de paiement s'écrivent \"on_receipt\", \"N_days\", "
                               "\"N_days_end_of_month\" ou \"end_of_month_N_days\" (par exemple "
                               "\"45_days_end_of_month\")").format(text=text))
        if match.group(1) == "on_receipt":
            return cls("on_receipt")
        if match.group(2):
            return cls("days", int(match.group(2)))
        if match.group(3):
            return cls("days_end_of_month", int(match.group(3)))
        return cls("end_of_month_days", int(match.group(4)))

    def __str__(self) -> str:
        return {
            "on_receipt": "on_receipt",
            "days": f"{self.days}_days",
            "days_end_of_month": f"{self.days}_days_end_of_month",
            "end_of_month_days": f"end_of_month_{self.days}_days",
        }[self.form]


PenaltyKind = Literal["flat", "per_day"]
PENALTY_KINDS: tuple[PenaltyKind, ...] = get_args(PenaltyKind)


@dataclass(frozen=True)
class PenaltyClause:
    """A penalty the contract sets (case-format ``contract.penalties``; claims.md "under the contract").

    ``flat``: ``amount`` once, when the breach ``event`` is dated on or before the as-of date.
    ``per_day``: ``amount`` per day from the day after ``from_event`` (or its formal notice's
    deadline) to ``until_event`` or the as-of date, never more than ``cap``.
    """

    kind: PenaltyKind
    amount: Cents
    purpose: str  # the file's "for": what the clause is for, as the contract words it
    event: str | None = None
    from_event: str | None = None
    until_event: str | None = None
    cap: Cents | None = None


@dataclass(frozen=True)
class CreditStep:
    """A month's availability strictly under ``below`` (percent) gives ``percent`` of the fee."""

    below: Decimal
    percent: Decimal


@dataclass(frozen=True)
class ServiceLevel:
    """The availability the contract promises and its service credits (case-format ``contract.sla``)."""

    availability: Decimal  # percent, e.g. 99.5
    monthly_fee: Cents
    services: tuple[str, ...] = ()  # the outages' services counted; all when empty
    credits: tuple[CreditStep, ...] = ()


@dataclass(frozen=True)
class Contract:
    reference: str | None = None
    signed_on: date | None = None
    payment_terms: PaymentTerms | None = None
    late_penalty_rate: Decimal | None = None
    notes: str | None = None
    penalties: tuple[PenaltyClause, ...] = ()
    sla: ServiceLevel | None = None


@dataclass(frozen=True)
class Case:
    title: str
    our_role: Role
    us: Party
    them: Party
    summary: str | None = None
    court: str | None = None
    docket: str | None = None
    hearing: date | datetime | None = None
    procedure: str | None = None
    counsel: Counsel | None = None
    contract: Contract | None = None
    id: int | None = None
    opposing_counsel: Counsel | None = None  # to whom the pièces are communicated
    demands: tuple[Demand, ...] = ()


# --- events -----------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class Event:
    """What every event has; each kind below adds its own fields."""

    KIND: ClassVar[str] = ""
    id: str
    date: date
    title: str
    description: str | None = None
    actor: Actor | None = None
    key_fact: bool = False
    tags: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return self.KIND

    @property
    def moment(self) -> datetime | None:
        """The instant of the event when it has one (outages), for ordering within a day."""
        return None


@dataclass(frozen=True, kw_only=True)
class ContractEvent(Event):
    KIND: ClassVar[str] = "contract"
    reference: str | None = spec("text", required=False)
    action: ContractAction = spec("choice", choices=CONTRACT_ACTIONS)


@dataclass(frozen=True, kw_only=True)
class Invoice(Event):
    KIND: ClassVar[str] = "invoice"
    number: str = spec("text")
    amount_incl_tax: Cents = spec("amount")
    amount_excl_tax: Cents | None = spec("amount", required=False)
    vat: Cents | None = spec("amount", required=False)
    due_date: date | None = spec("day", required=False)
    disputed: bool = spec("bool", required=False, default=False)
    dispute_reason: str | None = spec("text", required=False)


@dataclass(frozen=True, kw_only=True)
class Payment(Event):
    KIND: ClassVar[str] = "payment"
    amount: Cents = spec("amount")
    invoices: tuple[str, ...] = spec("strings", required=False, default=())
    method: str | None = spec("text", required=False)


@dataclass(frozen=True, kw_only=True)
class CreditNote(Event):
    KIND: ClassVar[str] = "credit_note"
    number: str = spec("text")
    amount_incl_tax: Cents = spec("amount")
    invoice: str | None = spec("text", required=False)


@dataclass(frozen=True, kw_only=True)
class Reminder(Event):
    KIND: ClassVar[str] = "reminder"
    channel: Channel = spec("choice", choices=CHANNELS)
    invoices: tuple[str, ...] = spec("strings", required=False, default=())


@dataclass(frozen=True, kw_only=True)
class RegisteredLetter(Event):
    KIND: ClassVar[str] = "registered_letter"
    tracking_number: str | None = spec("text", required=False)
    formal_notice: bool = spec("bool")
    deadline_days: int | None = spec("int", required=False)
    first_presented_on: date | None = spec("day", required=False)
    received_on: date | None = spec("day", required=False)
    returned_undelivered: bool = spec("bool", required=False, default=False)
    electronic: bool = spec("bool", required=False, default=False)


@dataclass(frozen=True, kw_only=True)
class Outage(Event):
    KIND: ClassVar[str] = "outage"
    start: datetime = spec("instant")
    end: datetime | None = spec("instant", required=False)
    services: tuple[str, ...] = spec("strings")
    scope: Scope | None = spec("choice", required=False, choices=SCOPES)

    @property
    def moment(self) -> datetime | None:
        return self.start


@dataclass(frozen=True, kw_only=True)
class Access(Event):
    KIND: ClassVar[str] = "access"
    account: str = spec("text")
    action: AccessAction = spec("choice", choices=ACCESS_ACTIONS)


@dataclass(frozen=True, kw_only=True)
class Correspondence(Event):
    KIND: ClassVar[str] = "correspondence"
    channel: CorrespondenceChannel = spec("choice", choices=CORRESPONDENCE_CHANNELS)


@dataclass(frozen=True, kw_only=True)
class ProcedureStep(Event):
    KIND: ClassVar[str] = "procedure"
    action: ProcedureAction = spec("choice", choices=PROCEDURE_ACTIONS)


@dataclass(frozen=True, kw_only=True)
class Note(Event):
    KIND: ClassVar[str] = "note"


EVENT_CLASSES: dict[str, type[Event]] = {
    cls.KIND: cls
    for cls in (ContractEvent, Invoice, Payment, CreditNote, Reminder, RegisteredLetter,
                Outage, Access, Correspondence, ProcedureStep, Note)
}
EVENT_KINDS: tuple[str, ...] = tuple(EVENT_CLASSES)
COMMON_FIELDS: tuple[str, ...] = ("id", "kind", "date", "title", "description", "actor", "key_fact", "tags")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str  # text | amount | day | instant | bool | int | choice | strings
    required: bool
    choices: tuple[str, ...] = ()


def kind_fields(kind: str) -> tuple[FieldSpec, ...]:
    """The fields of one event kind beyond the common ones, in declaration order."""
    cls = EVENT_CLASSES[kind]
    return tuple(
        FieldSpec(f.name, f.metadata["type"], f.metadata["required"], f.metadata["choices"])
        for f in fields(cls) if "type" in f.metadata
    )


def event_sort_key(event: Event, entry_order: int = 0) -> tuple[date, datetime | None, int]:
    """Date, then time when there is one, then the order of entry."""
    moment = event.moment
    return (event.date, moment.replace(tzinfo=None) if moment else datetime.min, entry_order)


# --- exhibits ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ExhibitLink:
    """An exhibit proves an event, optionally on some of its pages (``"2-3"``)."""

    event_id: str
    pages: str | None = None


@dataclass(frozen=True)
class Exhibit:
    sha256: str
    title: str
    original_name: str
    date: date | None = None
    links: tuple[ExhibitLink, ...] = ()
    include: bool = True
    password: str | None = None
    number: int | None = None
    media_type: str | None = None
    pages: int | None = None
    suggested_kind: str | None = None
    size: int | None = None
    id: int | None = None
    # An animation prints its first image; its every image, each on its own page, only when asked.
    all_frames: bool = False


@dataclass(frozen=True)
class CaseFile:
    """A whole case: what the interchange format carries, and what the store gives back."""

    case: Case
    events: tuple[Event, ...] = ()
    exhibits: tuple[Exhibit, ...] = ()

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)


PAGES = re.compile(r"^\d+(-\d+)?(,\s*\d+(-\d+)?)*$")

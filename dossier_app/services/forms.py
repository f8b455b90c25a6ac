"""Turning what a person typed in a form into domain values, with one sentence per mistake.

The window's forms call these as the user types, so that an error shows at its field at
once; the command line has its own door (the interchange format) to the same domain checks.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import fields
from datetime import datetime
from decimal import Decimal
from typing import Any

from ..domain.dates import parse_user_day, short_day
from ..domain.errors import Problem
from ..domain.model import (
    DEMAND_KINDS,
    EVENT_CLASSES,
    PENALTY_KINDS,
    CreditStep,
    Demand,
    Event,
    FieldSpec,
    Outage,
    PenaltyClause,
    ServiceLevel,
    kind_fields,
)
from ..domain.money import Cents, parse_rate, parse_user_amount
from ..domain.siren import siren_problem
from ..i18n import _

COMMON_TYPES: dict[str, str] = {
    "date": "day", "title": "text", "description": "text", "actor": "choice", "key_fact": "bool", "tags": "strings",
}

_TIME = re.compile(r"^(?P<day>.+?)(?:\s*(?:T|\s|,|\sà\s)\s*(?P<h>\d{1,2})\s*[h:H]\s*(?P<m>\d{2})?)?\s*$")


def parse_user_instant(text: str) -> datetime:
    """An instant as typed: ``04/10/2016 09:30``, ``4 octobre 2016 à 9h30``, ``2016-10-04T09:30``.

    A day alone means midnight, the start of that day.
    """
    raw = text.strip()
    iso = re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2})?", raw)
    if iso:
        try:
            return datetime.fromisoformat(raw)
        except ValueError:
            pass
    match = _TIME.match(raw)
    if match:
        try:
            day = parse_user_day(match.group("day"))
            hour = int(match.group("h") or 0)
            minute = int(match.group("m") or 0)
            return datetime(day.year, day.month, day.day, hour, minute)
        except ValueError:
            pass
    raise ValueError(_("« {text} » n'est pas une date et une heure (exemple : 04/10/2016 09:30)").format(text=text))


def parse_user_int(text: str) -> int:
    raw = text.strip()
    if not raw.isdigit():
        raise ValueError(_("« {text} » : un nombre entier est attendu (exemple : 8)").format(text=text))
    return int(raw)


def parse_user_strings(text: str) -> tuple[str, ...]:
    """A list typed on one line, separated by commas or semicolons."""
    return tuple(part.strip() for part in re.split(r"[;,]", text) if part.strip())


def parse_user_rate(text: str) -> Decimal:
    return parse_rate(text.strip().replace(",", ".").replace("%", "").strip())


def parse_text_field(spec_type: str, text: str) -> Any:
    """One typed value of a field of this wire type; ``None`` when left empty.

    Raises ``ValueError`` with the sentence to show under the field.
    """
    if not text.strip():
        return None
    if spec_type == "amount":
        return parse_user_amount(text)
    if spec_type == "day":
        return parse_user_day(text)
    if spec_type == "instant":
        return parse_user_instant(text)
    if spec_type == "int":
        return parse_user_int(text)
    if spec_type == "strings":
        return parse_user_strings(text)
    return text.strip()


def required_message() -> str:
    return _("à remplir")


def form_fields(kind: str) -> tuple[FieldSpec, ...]:
    """The fields a form for this kind shows, common ones first; an outage is dated by its start."""
    common = [
        FieldSpec("date", "day", kind != "outage"),
        FieldSpec("title", "text", True),
        FieldSpec("actor", "choice", False, ("us", "them", "third_party")),
        FieldSpec("key_fact", "bool", False),
        FieldSpec("tags", "strings", False),
        FieldSpec("description", "text", False),
    ]
    if kind == "outage":
        common = [f for f in common if f.name != "date"]
    return (*common, *kind_fields(kind))


def missing_fields(kind: str, values: Mapping[str, Any], skip: set[str] | frozenset[str] = frozenset()) -> list[Problem]:
    """The required fields left empty (``skip``: fields already shown wrong for another reason)."""
    return [Problem(spec.name, required_message()) for spec in form_fields(kind)
            if spec.required and spec.name not in skip and values.get(spec.name) in (None, (), "")]


def build_event(kind: str, event_id: str, values: Mapping[str, Any]) -> tuple[Event | None, list[Problem]]:
    """An event from parsed form values (``None`` for an empty field); problems name their field."""
    problems = missing_fields(kind, values)
    if kind == "outage" and isinstance(values.get("start"), datetime):
        values = {**values, "date": values["start"].date()}
    if problems:
        return None, problems
    names = {f.name for f in fields(EVENT_CLASSES[kind])}
    data = {k: v for k, v in values.items() if k in names and v is not None}
    data["key_fact"] = bool(values.get("key_fact"))
    data["tags"] = tuple(values.get("tags") or ())
    for spec in kind_fields(kind):
        if spec.type == "bool" and data.get(spec.name) is None:
            data[spec.name] = False
        if spec.type == "strings" and data.get(spec.name) is None:
            data[spec.name] = ()
    # The order of an outage's start and end, invoice numbers and the like are checked by
    # the service that stores the event, exactly as for a file.
    return EVENT_CLASSES[kind](id=event_id, **data), problems


def field_of(problem: Problem) -> str:
    """The form field a stored-data problem points at: ``invoices[0]`` → ``invoices``."""
    head = re.split(r"[.\[]", problem.path.lstrip("."), maxsplit=1)[0]
    return head


def check_siren(text: str) -> str | None:
    """Why a typed SIREN is wrong, or None (an empty one is fine: it is optional)."""
    return siren_problem(text) if text.strip() else None


def event_values(event: Event) -> dict[str, Any]:
    """Every field of an event, to fill a form with it."""
    return {f.name: getattr(event, f.name) for f in fields(event) if f.name != "id"}


# What each kind of demand asks for (case-format ``demands``); ``text`` may precise any of them and is
# the whole demand of an "other".  The codec refuses a demand without its required field
# (tests/ui/test_case_form_demands.py keeps the two equal).
DEMAND_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "restitution": (FieldSpec("what", "text", True), FieldSpec("penalty_per_day", "amount", False),
                    FieldSpec("from_days", "int", False)),
    # An astreinte is asked for a service restored as for accesses handed back (export/demands.py words both).
    "restore_service": (FieldSpec("what", "text", True), FieldSpec("penalty_per_day", "amount", False),
                        FieldSpec("from_days", "int", False)),
    "provision": (FieldSpec("amount", "amount", False),),
    "article_700": (FieldSpec("amount", "amount", True),),
    "costs": (),
    "other": (FieldSpec("text", "text", True),),
}
DEMAND_FIELD_NAMES: tuple[str, ...] = ("what", "penalty_per_day", "from_days", "amount", "text")


def demand_fields(kind: str) -> tuple[FieldSpec, ...]:
    """The fields a form shows for a demand of this kind, ``text`` last (optional unless it is the demand)."""
    own = DEMAND_FIELDS[kind]
    if any(spec.name == "text" for spec in own):
        return own
    return (*own, FieldSpec("text", "text", False))


def build_demand(kind: str, values: Mapping[str, Any], keep: Collection[str] = ()) -> tuple[Demand | None, list[Problem]]:
    """A demand from parsed form values (``None`` for an empty field): its kind's fields, and those
    of ``keep`` (fields another kind has that this demand came with from a file, shown so as not to lose them)."""
    if kind not in DEMAND_KINDS:
        raise ValueError(kind)
    specs = demand_fields(kind)
    problems = [Problem(spec.name, required_message()) for spec in specs
                if spec.required and values.get(spec.name) in (None, "")]
    if problems:
        return None, problems
    kept = {name: values.get(name) for name in DEMAND_FIELD_NAMES
            if name in keep or any(spec.name == name for spec in specs)}
    return Demand(kind=kind, **kept), []


# --- the contract's clauses (case-format ``contract.penalties`` and ``contract.sla``) -----------------------

# What each kind of penalty clause asks for: its amount, what it is for, the events it hangs on.  The codec
# refuses a clause without them (tests/ui/test_case_form_clauses.py keeps the two equal).
PENALTY_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "flat": (FieldSpec("amount", "amount", True), FieldSpec("purpose", "text", True),
             FieldSpec("event", "event", True)),
    "per_day": (FieldSpec("amount", "amount", True), FieldSpec("purpose", "text", True),
                FieldSpec("from_event", "event", True), FieldSpec("until_event", "event", False),
                FieldSpec("cap", "amount", False)),
}
PENALTY_FIELD_NAMES: tuple[str, ...] = ("amount", "purpose", "event", "from_event", "until_event", "cap")
# The file's name of a clause's field, where it differs from the model's (problems name the file's).
PENALTY_FILE_NAMES: dict[str, str] = {"purpose": "for"}


def penalty_fields(kind: str) -> tuple[FieldSpec, ...]:
    return PENALTY_FIELDS[kind]


def build_penalty(kind: str, values: Mapping[str, Any],
                  keep: Collection[str] = ()) -> tuple[PenaltyClause | None, list[Problem]]:
    """A penalty clause from parsed form values (``None`` for an empty field or no event chosen): its kind's
    fields, and those of ``keep`` (fields another kind has that the clause came with from a file)."""
    if kind not in PENALTY_KINDS:
        raise ValueError(kind)
    specs = penalty_fields(kind)
    problems = [Problem(spec.name, required_message()) for spec in specs
                if spec.required and values.get(spec.name) in (None, "")]
    if problems:
        return None, problems
    kept: dict[str, Any] = {name: values.get(name) for name in PENALTY_FIELD_NAMES
                            if name in keep or any(spec.name == name for spec in specs)}
    return PenaltyClause(kind=kind, **kept), []


def parse_user_percent(text: str) -> Decimal:
    """A percentage of 0 to 100 as a person types it: ``99,5``, ``99.5 %``, ``10``."""
    raw = text.strip().removesuffix("%").strip().replace(",", ".")
    if not re.fullmatch(r"\d{1,3}(\.\d{1,4})?", raw) or Decimal(raw) > 100:
        raise ValueError(_("« {text} » n'est pas un pourcentage de 0 à 100 (exemple : 99,5)").format(text=text.strip()))
    return Decimal(raw)


def format_user_percent(value: Decimal) -> str:
    """A percentage as a French form shows it: ``99,5``, ``10``."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def build_service_level(availability: Decimal | None, monthly_fee: Cents | None, services: Sequence[str],
                        credits: Sequence[tuple[Decimal | None, Decimal | None]]) -> tuple[ServiceLevel | None,
                                                                                           list[Problem]]:
    """The service level from parsed form values; ``None`` without a problem when nothing is filled.
    Problems name ``availability``, ``monthly_fee`` or ``credits[N].below`` / ``credits[N].percent``."""
    if availability is None and monthly_fee is None and not any(b is not None or p is not None for b, p in credits):
        return None, []
    problems = [Problem(name, required_message())
                for name, value in (("availability", availability), ("monthly_fee", monthly_fee)) if value is None]
    steps = []
    for index, (below, percent) in enumerate(credits):
        if below is None and percent is None:
            continue  # an empty row left in the table
        for name, value in (("below", below), ("percent", percent)):
            if value is None:
                problems.append(Problem(f"credits[{index}].{name}", required_message()))
        if below is not None and percent is not None:
            steps.append(CreditStep(below, percent))
    if problems or availability is None or monthly_fee is None:
        return None, problems
    return ServiceLevel(availability, monthly_fee, tuple(services), tuple(steps)), []


def event_choice(event: Event) -> str:
    """An event as a list to choose from names it: ``30/09/2025 — Mise en demeure de restituer les accès``."""
    title = " ".join(event.title.split())
    return f"{short_day(event.date)} — {title}"


def outage_services(events: Iterable[Event]) -> tuple[str, ...]:
    """The services the case's outages name, each once, in the order they first appear."""
    seen: dict[str, None] = {}
    for event in sorted(events, key=lambda e: e.date):
        if isinstance(event, Outage):
            for service in event.services:
                seen.setdefault(service, None)
    return tuple(seen)

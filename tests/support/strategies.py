"""Hypothesis strategies for whole cases, derived from the model's own field declarations."""

from __future__ import annotations

import string
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

from hypothesis import strategies as st

from dossier_app.domain.model import (
    ACTORS,
    EVENT_CLASSES,
    Case,
    CaseFile,
    Contract,
    Counsel,
    Exhibit,
    ExhibitLink,
    Party,
    PaymentTerms,
    kind_fields,
)

VALID_SIRENS = ["732829320", "552100554", "443061841", "542065479"]
text = st.text(alphabet=string.ascii_letters + "éèàçù €«»' -", min_size=1, max_size=20).filter(str.strip)
days = st.dates(min_value=date(2005, 1, 1), max_value=date(2030, 12, 31))
cents = st.integers(min_value=0, max_value=10**9)
offsets = st.sampled_from([None, UTC, timezone(timedelta(hours=2)), timezone(timedelta(hours=-5))])


@st.composite
def instants(draw, day: date | None = None) -> datetime:
    base = day or draw(days)
    moment = datetime(base.year, base.month, base.day, draw(st.integers(0, 23)), draw(st.integers(0, 59)),
                      draw(st.sampled_from([0, 0, 0, 30])))
    tz = draw(offsets)
    return moment.replace(tzinfo=tz) if tz else moment


def _value(draw, spec_type: str, choices: tuple[str, ...], day: date):
    if spec_type == "text":
        return draw(text)
    if spec_type == "amount":
        return draw(cents)
    if spec_type == "day":
        return draw(days)
    if spec_type == "instant":
        return draw(instants(day))
    if spec_type == "bool":
        return draw(st.booleans())
    if spec_type == "int":
        return draw(st.integers(0, 365))
    if spec_type == "choice":
        return draw(st.sampled_from(choices))
    if spec_type == "strings":
        return tuple(draw(st.lists(text, min_size=1, max_size=3)))
    raise AssertionError(spec_type)


@st.composite
def events(draw, event_id: str, invoice_numbers: list[str]):
    kind = draw(st.sampled_from(sorted(EVENT_CLASSES)))
    day = draw(days)
    values = {"id": event_id, "date": day, "title": draw(text),
              "description": draw(st.none() | text), "actor": draw(st.none() | st.sampled_from(ACTORS)),
              "key_fact": draw(st.booleans()), "tags": tuple(draw(st.lists(text, max_size=2)))}
    for spec in kind_fields(kind):
        if spec.name in ("invoices", "invoice"):
            continue  # cross-references are drawn below so that they point at real invoices
        if spec.required or draw(st.booleans()):
            values[spec.name] = _value(draw, spec.type, spec.choices, day)
    if kind == "outage":
        values["date"] = values["start"].date()
        if "end" in values:
            values["end"] = values["start"] + timedelta(hours=draw(st.integers(0, 500)))
    if kind == "invoice":
        values["number"] = f"F-{event_id}"
    if kind in ("payment", "reminder") and invoice_numbers:
        values["invoices"] = tuple(draw(st.lists(st.sampled_from(invoice_numbers), max_size=2, unique=True)))
    if kind == "credit_note" and invoice_numbers and draw(st.booleans()):
        values["invoice"] = draw(st.sampled_from(invoice_numbers))
    return EVENT_CLASSES[kind](**values)


@st.composite
def parties(draw) -> Party:
    return Party(name=draw(text), legal_form=draw(st.none() | st.sampled_from(["SARL", "SAS", "EURL"])),
                 siren=draw(st.none() | st.sampled_from(VALID_SIRENS)), address=draw(st.none() | text),
                 representative=draw(st.none() | text))


@st.composite
def cases(draw) -> Case:
    terms = draw(st.none() | st.sampled_from(["on_receipt", "30_days", "45_days_end_of_month", "end_of_month_45_days"]))
    contract = draw(st.none() | st.builds(
        Contract, reference=st.none() | text, signed_on=st.none() | days,
        payment_terms=st.just(PaymentTerms.parse(terms)) if terms else st.none(),
        late_penalty_rate=st.none() | st.sampled_from([Decimal("10.0"), Decimal("12.5"), Decimal("3.15")]),
        notes=st.none() | text))
    return Case(title=draw(text), our_role=draw(st.sampled_from(["client", "provider"])), us=draw(parties()),
                them=draw(parties()), summary=draw(st.none() | text), court=draw(st.none() | text),
                docket=draw(st.none() | text), hearing=draw(st.none() | days | instants()),
                procedure=draw(st.none() | text),
                counsel=draw(st.none() | st.builds(Counsel, name=text, firm=st.none() | text,
                                                   email=st.none() | text, phone=st.none() | text)),
                contract=contract)


@st.composite
def case_files(draw, max_events: int = 12, max_exhibits: int = 4) -> CaseFile:
    evs = []
    numbers: list[str] = []
    for i in range(draw(st.integers(0, max_events))):
        event = draw(events(f"e{i}", numbers))
        if event.kind == "invoice":
            numbers.append(event.number)  # type: ignore[attr-defined]
        evs.append(event)
    exhibits = []
    ids = [e.id for e in evs]
    used_numbers = draw(st.lists(st.integers(1, 50), unique=True, min_size=max_exhibits, max_size=max_exhibits))
    for i in range(draw(st.integers(0, max_exhibits))):
        linked = draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)) if ids else []
        exhibits.append(Exhibit(
            sha256=f"{i:064x}", title=draw(text), original_name=f"piece-{i}.pdf", date=draw(st.none() | days),
            links=tuple(ExhibitLink(e, draw(st.none() | st.sampled_from(["1", "2-3", "1, 4-5"]))) for e in linked),
            include=draw(st.booleans()), password=draw(st.none() | text),
            number=draw(st.none() | st.just(used_numbers[i]))))
    return CaseFile(draw(cases()), tuple(evs), tuple(exhibits))

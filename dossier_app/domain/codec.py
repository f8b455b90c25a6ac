"""The case interchange format (``dossier-case/1``) as plain data ↔ domain objects.

Decoding collects every problem with its JSON path and returns them together, so that a
user fixes a file in one go; nothing here reads or writes files (see ``interchange``).
Every date must fall between 1900 and five years after ``today``, every count and text within
``bounds``: a value past them is a typing slip or an attack, and it would break every later use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar, cast

from ..i18n import _, ngettext
from . import json_input
from .bounds import MAX_COUNT, MAX_DAYS, day_problem, text_problem
from .dates import (
    day_of,
    format_day,
    format_day_or_instant,
    format_instant,
    parse_day,
    parse_day_or_instant,
    parse_instant,
)
from .errors import Problem
from .model import (
    ACTORS,
    DEMAND_KINDS,
    EVENT_CLASSES,
    PENALTY_KINDS,
    ROLES,
    Case,
    CaseFile,
    Contract,
    Counsel,
    CreditStep,
    Demand,
    Event,
    Exhibit,
    ExhibitLink,
    FieldSpec,
    Invoice,
    Outage,
    Party,
    PaymentTerms,
    PenaltyClause,
    ServiceLevel,
    kind_fields,
)
from .money import Cents, format_amount, format_rate, parse_amount, parse_rate
from .pages import citation_problem
from .siren import normalize_siren, siren_problem

FORMAT = "dossier-case/1"
SHA256 = re.compile(r"^[0-9a-f]{64}$")


_Choice = TypeVar("_Choice", bound=str)


class Collector:
    """Gathers problems while decoding; values that fail come back as ``None``.

    Dates are checked against ``today`` (the day the program runs when not given), counts and
    texts against ``bounds``; ``bounded=False`` only reads back what was checked when stored.
    A path already named (``reported``, by ``json_input.problems``) is not named twice.
    """

    def __init__(self, today: date | None = None, *, bounded: bool = True,
                 reported: Iterable[str] = ()) -> None:
        self.problems: list[Problem] = []
        self.today = (today or date.today()) if bounded else None
        self.bounded = bounded
        self.reported = set(reported)
        self.failures = 0  # every value refused, said here or already named in ``reported``

    def add(self, path: str, message: str) -> None:
        self.failures += 1
        if path not in self.reported:
            self.problems.append(Problem(path, message))

    def convert(self, path: str, value: Any, parse: Callable[[Any], Any]) -> Any:
        if isinstance(value, str | int | float):
            try:
                return parse(value)
            except ValueError as exc:
                self.add(path, str(exc))
                return None
            except TypeError:
                pass
        self.add(path, _("{shown} : du texte entre guillemets est attendu").format(shown=_shown(value)))
        return None

    def day(self, path: str, value: Any, parse: Callable[[Any], Any]) -> Any:
        """A day or an instant, within what a dispute can hold."""
        if value is None:
            return None
        parsed = self.convert(path, value, parse)
        if parsed is not None and self.today is not None:
            problem = day_problem(day_of(parsed), self.today)
            if problem:
                self.add(path, problem)
                return None
        return parsed

    def obj(self, path: str, value: Any, allowed: tuple[str, ...], required: tuple[str, ...]) -> dict[str, Any] | None:
        if not isinstance(value, Mapping):
            self.add(path, _("un objet JSON { \u2026 } est attendu ici"))
            return None
        for key in value:
            if key not in allowed:
                shown = key if isinstance(key, str) and key.isprintable() and len(key) <= 60 else _shown(key)
                self.add(_join(path, key), _("clé inconnue « {shown} » (clés possibles : {join})").format(shown=shown, join=', '.join(allowed)))
        for key in required:
            if key not in value or value[key] is None:
                self.add(_join(path, key), _("valeur obligatoire manquante"))
        return dict(value)

    def text(self, path: str, value: Any, *, empty_ok: bool = False) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.add(path, _("{shown} : du texte entre guillemets est attendu").format(shown=_shown(value)))
            return None
        problem = text_problem(value) if self.bounded else None
        if problem:
            self.add(path, problem)
            return None
        if not empty_ok and not value.strip():
            self.add(path, _("ne doit pas être vide"))
            return None
        return value

    def boolean(self, path: str, value: Any) -> bool | None:
        if value is None:
            return None
        if not isinstance(value, bool):
            self.add(path, _("{shown} : true ou false est attendu").format(shown=_shown(value)))
            return None
        return value

    def choice(self, path: str, value: Any, choices: tuple[_Choice, ...]) -> _Choice | None:
        if value is None:
            return None
        if not isinstance(value, str) or value not in choices:
            self.add(path, _("{shown} : valeurs possibles {join}").format(shown=_shown(value), join=', '.join(choices)))
            return None
        return choices[choices.index(value)]  # typed as the choice it is

    def strings(self, path: str, value: Any) -> tuple[str, ...] | None:
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(path, _("une liste de textes [\"\u2026\", \"\u2026\"] est attendue"))
            return None
        if self.bounded:
            for i, item in enumerate(value):
                problem = text_problem(item)
                if problem:
                    self.add(_join(path, i), problem)
                    return None
        return tuple(value)

    def integer(self, path: str, value: Any, minimum: int = 0, maximum: int = MAX_COUNT) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.add(path, _("{shown} : un nombre entier ≥ {minimum} est attendu").format(shown=_shown(value), minimum=minimum))
            return None
        if self.bounded and value > maximum:
            self.add(path, _("{shown} : au plus {maximum} est admis ici").format(shown=_shown(value), maximum=maximum))
            return None
        return value


def _shown(value: Any) -> str:
    """A value as a message quotes it: never a whole document."""
    text = repr(value) if not isinstance(value, (list, dict)) else ("[…]" if isinstance(value, list) else "{…}")
    return text if len(text) <= 60 else text[:40] + "…"


_join = json_input.join


# --- decoding ---------------------------------------------------------------------------

PARTY_KEYS = ("name", "legal_form", "siren", "address", "representative")
COUNSEL_KEYS = ("name", "firm", "email", "phone", "city", "bar")
DEMAND_KEYS = ("kind", "text", "what", "penalty_per_day", "from_days", "amount")
CONTRACT_KEYS = ("reference", "signed_on", "payment_terms", "late_penalty_rate", "notes", "penalties", "sla")
PENALTY_KEYS = ("kind", "amount", "for", "event", "from_event", "until_event", "cap")
SLA_KEYS = ("availability", "monthly_fee", "services", "credits")
CREDIT_KEYS = ("below", "percent")
CASE_KEYS = ("title", "our_role", "us", "them", "summary", "court", "docket", "hearing",
             "procedure", "counsel", "opposing_counsel", "demands", "contract")
EXHIBIT_KEYS = ("path", "title", "date", "events", "sha256", "include", "password", "number", "frames")
# An animated image's pages: ``"all"`` its every image, one a page; absent (or ``"first"``) its first alone.
FRAMES = ("first", "all")


@dataclass(frozen=True)
class DecodedExhibit:
    """An exhibit as the file describes it: its path is resolved by the caller."""

    path: str
    exhibit: Exhibit
    index: int = 0  # its place in the file's ``exhibits`` list, for problems' paths


@dataclass(frozen=True)
class Decoded:
    case: Case | None
    events: tuple[Event, ...]
    exhibits: tuple[DecodedExhibit, ...]
    problems: tuple[Problem, ...]


def decode_party(c: Collector, path: str, value: Any) -> Party | None:
    data = c.obj(path, value, PARTY_KEYS, ("name",))
    if data is None:
        return None
    siren = c.text(_join(path, "siren"), data.get("siren"))
    if siren is not None:
        problem = siren_problem(siren)
        if problem:
            c.add(_join(path, "siren"), problem)
        siren = normalize_siren(siren)
    name = c.text(_join(path, "name"), data.get("name"))
    return Party(
        name=name or "",
        legal_form=c.text(_join(path, "legal_form"), data.get("legal_form")),
        siren=siren,
        address=c.text(_join(path, "address"), data.get("address")),
        representative=c.text(_join(path, "representative"), data.get("representative")),
    )


def decode_case(c: Collector, path: str, value: Any) -> Case | None:
    data = c.obj(path, value, CASE_KEYS, ("title", "our_role", "us", "them"))
    if data is None:
        return None
    us = decode_party(c, _join(path, "us"), data["us"]) if "us" in data else None
    them = decode_party(c, _join(path, "them"), data["them"]) if "them" in data else None
    counsel = decode_counsel(c, _join(path, "counsel"), data.get("counsel"))
    opposing = decode_counsel(c, _join(path, "opposing_counsel"), data.get("opposing_counsel"))
    demands = decode_demands(c, _join(path, "demands"), data.get("demands"))
    contract = None
    if data.get("contract") is not None:
        cpath = _join(path, "contract")
        cdata = c.obj(cpath, data["contract"], CONTRACT_KEYS, ())
        if cdata is not None:
            contract = Contract(
                reference=c.text(_join(cpath, "reference"), cdata.get("reference")),
                signed_on=c.day(_join(cpath, "signed_on"), cdata.get("signed_on"), parse_day),
                payment_terms=c.convert(_join(cpath, "payment_terms"), cdata["payment_terms"], PaymentTerms.parse)
                if cdata.get("payment_terms") is not None else None,
                late_penalty_rate=c.convert(_join(cpath, "late_penalty_rate"), cdata["late_penalty_rate"], parse_rate)
                if cdata.get("late_penalty_rate") is not None else None,
                notes=c.text(_join(cpath, "notes"), cdata.get("notes")),
                penalties=decode_penalties(c, _join(cpath, "penalties"), cdata.get("penalties")),
                sla=decode_sla(c, _join(cpath, "sla"), cdata.get("sla")),
            )
    hearing = c.day(_join(path, "hearing"), data.get("hearing"), parse_day_or_instant)
    return Case(
        title=c.text(_join(path, "title"), data.get("title")) or "",
        our_role=c.choice(_join(path, "our_role"), data.get("our_role"), ROLES) or "client",
        us=us or Party(""),
        them=them or Party(""),
        summary=c.text(_join(path, "summary"), data.get("summary"), empty_ok=True),
        court=c.text(_join(path, "court"), data.get("court")),
        docket=c.text(_join(path, "docket"), data.get("docket")),
        hearing=hearing,
        procedure=c.text(_join(path, "procedure"), data.get("procedure")),
        counsel=counsel,
        contract=contract,
        opposing_counsel=opposing,
        demands=demands,
    )


def parse_percent(text: Any) -> Decimal:
    """A percentage of 0 to 100 as a string: ``"99.5"``."""
    if not isinstance(text, str) or not re.fullmatch(r"\d{1,3}(\.\d{1,4})?", text.strip()) \
            or Decimal(text.strip()) > 100:
        raise ValueError(_("{text!r} n'est pas un pourcentage de 0 à 100 (exemple : \"99.5\")").format(text=text))
    return Decimal(text.strip())


def decode_penalties(c: Collector, path: str, value: Any) -> tuple[PenaltyClause, ...]:
    """The contract's penalty clauses (case-format ``contract.penalties``), each with what its kind needs."""
    if value is None:
        return ()
    if not isinstance(value, list):
        c.add(path, _("une liste de clauses de pénalité est attendue"))
        return ()
    out = []
    for index, item in enumerate(value):
        ipath = f"{path}[{index}]"
        data = c.obj(ipath, item, PENALTY_KEYS, ("kind", "amount", "for"))
        if data is None:
            continue
        kind = c.choice(_join(ipath, "kind"), data.get("kind"), PENALTY_KINDS)
        amount = _money(c, _join(ipath, "amount"), data.get("amount"))
        purpose = c.text(_join(ipath, "for"), data.get("for"))
        refs = {k: c.text(_join(ipath, k), data.get(k)) for k in ("event", "from_event", "until_event")}
        cap = _money(c, _join(ipath, "cap"), data.get("cap"))
        if kind == "flat" and refs["event"] is None:
            c.add(_join(ipath, "event"), _("une pénalité forfaitaire a besoin de l'événement du manquement (« event »)"))
            continue
        if kind == "per_day" and refs["from_event"] is None:
            c.add(_join(ipath, "from_event"), _("une pénalité par jour a besoin de l'événement d'où elle court (« from_event »)"))
            continue
        if kind is None or amount is None or purpose is None:
            continue
        out.append(PenaltyClause(kind, amount, purpose, refs["event"], refs["from_event"], refs["until_event"], cap))
    return tuple(out)


def decode_sla(c: Collector, path: str, value: Any) -> ServiceLevel | None:
    if value is None:
        return None
    data = c.obj(path, value, SLA_KEYS, ("availability", "monthly_fee"))
    if data is None:
        return None
    availability = c.convert(_join(path, "availability"), data.get("availability"), parse_percent)
    fee = _money(c, _join(path, "monthly_fee"), data.get("monthly_fee"))
    services = c.strings(_join(path, "services"), data.get("services")) if data.get("services") is not None else ()
    credits = []
    raw = data.get("credits")
    if raw is not None and not isinstance(raw, list):
        c.add(_join(path, "credits"), _("une liste de paliers est attendue"))
        raw = None
    for index, item in enumerate(raw or ()):
        ipath = f"{_join(path, 'credits')}[{index}]"
        step = c.obj(ipath, item, CREDIT_KEYS, CREDIT_KEYS)
        if step is None:
            continue
        below = c.convert(_join(ipath, "below"), step.get("below"), parse_percent)
        percent = c.convert(_join(ipath, "percent"), step.get("percent"), parse_percent)
        if below is not None and percent is not None:
            credits.append(CreditStep(below, percent))
    if availability is None or fee is None:
        return None
    return ServiceLevel(availability, fee, tuple(services or ()), tuple(credits))


def decode_counsel(c: Collector, path: str, value: Any) -> Counsel | None:
    if value is None:
        return None
    data = c.obj(path, value, COUNSEL_KEYS, ("name",))
    if data is None:
        return None
    texts = {k: c.text(_join(path, k), data.get(k)) for k in COUNSEL_KEYS}
    return Counsel(name=texts["name"] or "", firm=texts["firm"], email=texts["email"], phone=texts["phone"],
                   city=texts["city"], bar=texts["bar"])


def _money(c: Collector, path: str, value: Any) -> Cents | None:
    if value is None:
        return None
    amount = c.convert(path, value, parse_amount)
    if amount is not None and amount < 0:
        c.add(path, _("un montant ne peut pas être négatif ici"))
        return None
    return cast(Cents, amount)


def decode_demands(c: Collector, path: str, value: Any) -> tuple[Demand, ...]:
    """What we ask the judge, in order; each kind with what it needs (case-format ``demands``)."""
    if value is None:
        return ()
    if not isinstance(value, list):
        c.add(path, _("une liste de demandes est attendue"))
        return ()
    out = []
    for index, item in enumerate(value):
        ipath = f"{path}[{index}]"
        data = c.obj(ipath, item, DEMAND_KEYS, ("kind",))
        if data is None:
            continue
        kind = c.choice(_join(ipath, "kind"), data.get("kind"), DEMAND_KINDS)
        demand = Demand(
            kind=kind or "other",
            text=c.text(_join(ipath, "text"), data.get("text")),
            what=c.text(_join(ipath, "what"), data.get("what")),
            penalty_per_day=_money(c, _join(ipath, "penalty_per_day"), data.get("penalty_per_day")),
            from_days=c.integer(_join(ipath, "from_days"), data.get("from_days"), maximum=MAX_DAYS)
            if data.get("from_days") is not None else None,
            amount=_money(c, _join(ipath, "amount"), data.get("amount")),
        )
        if kind is None:
            continue
        needs = {"restitution": "what", "restore_service": "what", "article_700": "amount", "other": "text"}
        if kind in needs and getattr(demand, needs[kind]) is None:
            c.add(_join(ipath, needs[kind]), _("cette demande a besoin de « {key} »").format(key=needs[kind]))
            continue
        out.append(demand)
    return tuple(out)


def _decode_field(c: Collector, path: str, spec: FieldSpec, value: Any) -> Any:
    if value is None:
        return None
    if spec.type == "text":
        return c.text(path, value)
    if spec.type == "amount":
        amount = c.convert(path, value, parse_amount)
        if amount is not None and amount < 0:
            c.add(path, _("un montant ne peut pas être négatif ici"))
            return None
        return amount
    if spec.type == "day":
        return c.day(path, value, parse_day)
    if spec.type == "instant":
        return c.day(path, value, parse_instant)
    if spec.type == "bool":
        return c.boolean(path, value)
    if spec.type == "int":
        return c.integer(path, value, maximum=MAX_DAYS if spec.name.endswith("_days") else MAX_COUNT)
    if spec.type == "choice":
        return c.choice(path, value, spec.choices)
    if spec.type == "strings":
        return c.strings(path, value)
    raise AssertionError(spec.type)  # pragma: no cover - the model declares only the types above


def decode_event(c: Collector, path: str, value: Any) -> Event | None:
    """One event object; ``None`` (with problems recorded) when it cannot be built."""
    if not isinstance(value, Mapping):
        c.add(path, _("un objet JSON { \u2026 } est attendu ici"))
        return None
    kind = value.get("kind")
    if not isinstance(kind, str) or kind not in EVENT_CLASSES:
        c.add(_join(path, "kind"), _("{shown} n'est pas un type d'événement ({join})").format(shown=_shown(kind), join=', '.join(EVENT_CLASSES)))
        return None
    specs = kind_fields(kind)
    common = ("id", "kind", "date", "title", "description", "actor", "key_fact", "tags")
    required = ("id", "date", "title", *(s.name for s in specs if s.required))
    before = c.failures
    data = c.obj(path, value, (*common, *(s.name for s in specs)), required)
    assert data is not None
    values: dict[str, Any] = {
        "id": c.text(_join(path, "id"), data.get("id")),
        "date": c.day(_join(path, "date"), data.get("date"), parse_day),
        "title": c.text(_join(path, "title"), data.get("title")),
        "description": c.text(_join(path, "description"), data.get("description"), empty_ok=True),
        "actor": c.choice(_join(path, "actor"), data.get("actor"), ACTORS),
        "key_fact": c.boolean(_join(path, "key_fact"), data.get("key_fact")) or False,
        "tags": c.strings(_join(path, "tags"), data.get("tags")) or (),
    }
    for s in specs:
        decoded = _decode_field(c, _join(path, s.name), s, data.get(s.name))
        if decoded is not None:
            values[s.name] = decoded
    if c.failures > before:
        return None
    event = EVENT_CLASSES[kind](**values)
    if isinstance(event, Outage):
        if event.start.date() != event.date:
            c.add(_join(path, "date"), _("une coupure est datée du jour où elle commence : écrivez \"{isoformat}\"").format(isoformat=event.start.date().isoformat()))
        if event.end is not None and _naive(event.end) < _naive(event.start):
            c.add(_join(path, "end"), _("la fin d'une coupure ne peut pas précéder son début"))
        if not event.services:
            c.add(_join(path, "services"), _("nommez au moins un service coupé"))
    return event


def _naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None) - (moment.utcoffset() or (moment - moment))


def decode_link(c: Collector, path: str, value: Any) -> ExhibitLink | None:
    if isinstance(value, str):
        return ExhibitLink(value)
    data = c.obj(path, value, ("event", "pages"), ("event",))
    if data is None:
        return None
    event_id = c.text(_join(path, "event"), data.get("event"))
    pages = c.text(_join(path, "pages"), data.get("pages"))
    problem = citation_problem(pages) if pages is not None else None
    if problem:
        c.add(_join(path, "pages"), problem)
    return ExhibitLink(event_id, pages) if event_id else None


def decode_exhibit(c: Collector, path: str, value: Any) -> DecodedExhibit | None:
    data = c.obj(path, value, EXHIBIT_KEYS, ("path", "title"))
    if data is None:
        return None
    file_path = c.text(_join(path, "path"), data.get("path"))
    sha = data.get("sha256")
    if sha is not None and (not isinstance(sha, str) or not SHA256.match(sha)):
        c.add(_join(path, "sha256"), _("64 chiffres hexadécimaux en minuscules sont attendus"))
        sha = None
    links: list[ExhibitLink] = []
    raw_links = data.get("events")
    if raw_links is not None:
        if not isinstance(raw_links, list):
            c.add(_join(path, "events"), _("une liste est attendue"))
        else:
            for i, item in enumerate(raw_links):
                link = decode_link(c, _join(_join(path, "events"), i), item)
                if link:
                    links.append(link)
    number = c.integer(_join(path, "number"), data.get("number"), minimum=1)
    frames = data.get("frames")
    if frames is not None and frames not in FRAMES:
        c.add(_join(path, "frames"), _("« all » (chaque image de l'animation) ou « first » (la première) est attendu"))
    exhibit = Exhibit(
        sha256=sha or "",
        title=c.text(_join(path, "title"), data.get("title")) or "",
        original_name=(file_path or "").replace("\\", "/").rsplit("/", 1)[-1],
        date=c.day(_join(path, "date"), data.get("date"), parse_day),
        links=tuple(links),
        include=True if data.get("include") is None else bool(c.boolean(_join(path, "include"), data.get("include"))),
        password=c.text(_join(path, "password"), data.get("password"), empty_ok=True),
        number=number,
        all_frames=frames == "all",
    )
    return DecodedExhibit(file_path or "", exhibit)


def decode_document(doc: Any, today: date | None = None) -> Decoded:
    """Decode a whole ``case.json`` document; cross-references are checked too.

    ``doc`` is best read with ``json_input.loads``: the numbers it could not take and the texts
    that cannot be stored are named first, each once.
    """
    found = json_input.problems(doc)
    c = Collector(today, reported={p.path for p in found})
    c.problems.extend(found)
    data = c.obj("", doc, ("format", "case", "events", "exhibits"), ("format", "case", "events", "exhibits"))
    if data is None:
        return Decoded(None, (), (), tuple(c.problems))
    if "format" in data and data["format"] != FORMAT:
        c.add("format", _("{shown} : ce programme lit le format \"{FORMAT}\"").format(shown=_shown(data['format']), FORMAT=FORMAT))
    case = decode_case(c, "case", data["case"]) if "case" in data else None
    events = _decode_list(c, "events", data.get("events"), decode_event)
    exhibits = _decode_list(c, "exhibits", data.get("exhibits"), decode_exhibit)
    raw = data.get("events")
    check_references(c, events, [(i, x.exhibit) for i, x in exhibits], raw if isinstance(raw, list) else [])
    return Decoded(case, tuple(e for _, e in events), tuple(replace(x, index=i) for i, x in exhibits),
                   tuple(c.problems))


def _decode_list(c: Collector, path: str, value: Any,
                 decode: Callable[[Collector, str, Any], Any]) -> list[tuple[int, Any]]:
    """The items that decode, each with its index in the file, so problems name the right one."""
    if value is None:
        return []
    if not isinstance(value, list):
        c.add(path, _("une liste [ \u2026 ] est attendue"))
        return []
    if len(value) > MAX_COUNT:
        c.add(path, _("{value_count} éléments : au plus {MAX_COUNT} sont admis").format(value_count=len(value), MAX_COUNT=MAX_COUNT))
        return []
    out = []
    for i, item in enumerate(value):
        decoded = decode(c, _join(path, i), item)
        if decoded is not None:
            out.append((i, decoded))
    return out


def _raw(item: Any, key: str) -> str | None:
    value = item.get(key) if isinstance(item, Mapping) else None
    return value if isinstance(value, str) else None


def check_references(c: Collector, events: list[tuple[int, Event]], exhibits: list[tuple[int, Exhibit]],
                     raw_events: list[Any]) -> None:
    """Ids unique, links to events that exist, invoice numbers that exist, pièce numbers unique.

    Ids and invoice numbers are read from the file as written, so that an event refused for
    another reason (a bad date) neither hides a duplicate id nor makes its links look dangling.
    """
    seen: set[str] = set()
    for i, item in enumerate(raw_events):
        event_id = _raw(item, "id")
        if event_id is None:
            continue
        if event_id in seen:
            c.add(f"events[{i}].id", _("l'identifiant « {event_id} » est déjà pris").format(event_id=event_id))
        seen.add(event_id)
    written_numbers = {n for item in raw_events if _raw(item, "kind") == "invoice" and (n := _raw(item, "number"))}
    positions = [i for i, _e in events]
    for k, problem in invoice_reference_problems([e for _i, e in events], written_numbers):
        c.add(f"events[{positions[k]}]" + problem.path, problem.message)
    numbers: set[int] = set()
    hashes: dict[str, int] = {}
    for i, exhibit in exhibits:
        for j, link in enumerate(exhibit.links):
            if link.event_id not in seen:
                c.add(f"exhibits[{i}].events[{j}]", _("aucun événement n'a l'identifiant « {event_id} »").format(event_id=link.event_id))
        if exhibit.number is not None:
            if exhibit.number in numbers:
                c.add(f"exhibits[{i}].number", _("la pièce n° {number} est déjà numérotée ainsi").format(number=exhibit.number))
            numbers.add(exhibit.number)
        if exhibit.sha256:
            if exhibit.sha256 in hashes:
                c.add(f"exhibits[{i}].sha256", _("même fichier que exhibits[{item}]").format(item=hashes[exhibit.sha256]))
            hashes.setdefault(exhibit.sha256, i)


def invoice_reference_problems(events: list[Event] | tuple[Event, ...],
                               known_numbers: set[str] | None = None) -> list[tuple[int, Problem]]:
    """Invoice numbers unique; payments, credit notes and reminders naming invoices that exist.

    ``known_numbers`` adds invoice numbers that exist though their event is not in ``events``.
    """
    out: list[tuple[int, Problem]] = []
    numbers: set[str] = set()
    for i, event in enumerate(events):
        if isinstance(event, Invoice):
            if event.number in numbers:
                out.append((i, Problem(".number", _("la facture n° {number} existe déjà").format(number=event.number))))
            numbers.add(event.number)
    numbers |= known_numbers or set()
    for i, event in enumerate(events):
        named: list[tuple[str, str]] = []
        if event.kind in ("payment", "reminder"):
            named = [(f".invoices[{j}]", n) for j, n in enumerate(event.invoices)]  # type: ignore[attr-defined]
        elif event.kind == "credit_note" and event.invoice:  # type: ignore[attr-defined]
            named = [(".invoice", event.invoice)]  # type: ignore[attr-defined]
        for path, number in named:
            if number not in numbers:
                out.append((i, Problem(path, _("aucune facture n'a le numéro « {number} »").format(number=number))))
    return out


# --- encoding ---------------------------------------------------------------------------

def _encode_value(spec_type: str, value: Any) -> Any:
    if spec_type == "amount":
        return format_amount(value)
    if spec_type == "day":
        return format_day(value)
    if spec_type == "instant":
        return format_instant(value)
    if spec_type == "strings":
        return list(value)
    return value


def encode_event(event: Event) -> dict[str, Any]:
    """An event as the interchange format writes it: optional values only when set."""
    out: dict[str, Any] = {"id": event.id, "kind": event.kind, "date": format_day(event.date), "title": event.title}
    if event.description is not None:
        out["description"] = event.description
    if event.actor is not None:
        out["actor"] = event.actor
    if event.key_fact:
        out["key_fact"] = True
    if event.tags:
        out["tags"] = list(event.tags)
    for f in fields(event):
        if "type" not in f.metadata:
            continue
        value = getattr(event, f.name)
        # Optional flags and lists are written only when set; 0 is an amount like any other.
        if value is None or (not f.metadata["required"] and (value is False or value == ())):
            continue
        out[f.name] = _encode_value(f.metadata["type"], value)
    return out


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def encode_party(party: Party) -> dict[str, Any]:
    return _drop_none({k: getattr(party, k) for k in PARTY_KEYS})


def encode_case(case: Case) -> dict[str, Any]:
    contract = None
    if case.contract is not None:
        k = case.contract
        contract = _drop_none({
            "reference": k.reference,
            "signed_on": format_day(k.signed_on) if k.signed_on else None,
            "payment_terms": str(k.payment_terms) if k.payment_terms else None,
            "late_penalty_rate": format_rate(k.late_penalty_rate) if k.late_penalty_rate is not None else None,
            "notes": k.notes,
            "penalties": [encode_penalty(p) for p in k.penalties] or None,
            "sla": encode_sla(k.sla) if k.sla is not None else None,
        })
    return _drop_none({
        "title": case.title,
        "our_role": case.our_role,
        "us": encode_party(case.us),
        "them": encode_party(case.them),
        "summary": case.summary,
        "court": case.court,
        "docket": case.docket,
        "hearing": format_day_or_instant(case.hearing) if case.hearing is not None else None,
        "procedure": case.procedure,
        "counsel": _drop_none({k: getattr(case.counsel, k) for k in COUNSEL_KEYS}) if case.counsel else None,
        "opposing_counsel": _drop_none({k: getattr(case.opposing_counsel, k) for k in COUNSEL_KEYS})
        if case.opposing_counsel else None,
        "demands": [encode_demand(d) for d in case.demands] or None,
        "contract": contract,
    })


def encode_penalty(clause: PenaltyClause) -> dict[str, Any]:
    return _drop_none({
        "kind": clause.kind,
        "amount": format_amount(clause.amount),
        "for": clause.purpose,
        "event": clause.event,
        "from_event": clause.from_event,
        "until_event": clause.until_event,
        "cap": format_amount(clause.cap) if clause.cap is not None else None,
    })


def encode_sla(sla: ServiceLevel) -> dict[str, Any]:
    return _drop_none({
        "availability": format_rate(sla.availability),
        "monthly_fee": format_amount(sla.monthly_fee),
        "services": list(sla.services) or None,
        "credits": [{"below": format_rate(x.below), "percent": format_rate(x.percent)} for x in sla.credits] or None,
    })


def encode_demand(demand: Demand) -> dict[str, Any]:
    return _drop_none({
        "kind": demand.kind,
        "text": demand.text,
        "what": demand.what,
        "penalty_per_day": format_amount(demand.penalty_per_day) if demand.penalty_per_day is not None else None,
        "from_days": demand.from_days,
        "amount": format_amount(demand.amount) if demand.amount is not None else None,
    })


def encode_exhibit(exhibit: Exhibit, path: str) -> dict[str, Any]:
    out: dict[str, Any] = {"path": path, "title": exhibit.title}
    if exhibit.date is not None:
        out["date"] = format_day(exhibit.date)
    if exhibit.links:
        out["events"] = [link.event_id if link.pages is None else {"event": link.event_id, "pages": link.pages}
                         for link in exhibit.links]
    out["sha256"] = exhibit.sha256
    if not exhibit.include:
        out["include"] = False
    if exhibit.password is not None:
        out["password"] = exhibit.password
    if exhibit.number is not None:
        out["number"] = exhibit.number
    if exhibit.all_frames:
        out["frames"] = "all"
    return out


def encode_document(case_file: CaseFile, paths: Mapping[str, str]) -> dict[str, Any]:
    """The whole document; ``paths`` gives each exhibit's file path by its sha256."""
    return {
        "format": FORMAT,
        "case": encode_case(case_file.case),
        "events": [encode_event(e) for e in case_file.events],
        "exhibits": [encode_exhibit(x, paths[x.sha256]) for x in case_file.exhibits],
    }


MAX_PROBLEMS_SHOWN = 100
MAX_PROBLEM_CHARS = 300


def summed_up(problems: list[Problem], limit: int = MAX_PROBLEMS_SHOWN) -> list[Problem]:
    """The problems a person can read: the first ``limit``, each of sane length, then how many more."""
    shown = [p if len(p.message) <= MAX_PROBLEM_CHARS else Problem(p.path, p.message[:MAX_PROBLEM_CHARS] + "…")
             for p in problems[:limit]]
    shown = [p if len(p.path) <= MAX_PROBLEM_CHARS else Problem(p.path[:MAX_PROBLEM_CHARS] + "…", p.message)
             for p in shown]
    if len(problems) > limit:
        more = len(problems) - limit
        shown.append(Problem("", ngettext("\u2026 et {more} autre problème du même fichier, à corriger aussi", "\u2026 et {more} autres problèmes du même fichier, à corriger aussi", more).format(more=more)))
    return shown

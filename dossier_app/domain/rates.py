"""The ECB main refinancing rate and the French legal interest rate, read from CSV text.

The values live in ``resources/rates/*.csv`` (with the source of each) and in the store for
values the user adds, never in code; the caller reads those and passes the text in.

An ECB row is "the rate in force from this day".  A row that repeats the rate already in
force is a confirmation: it says the rate was still known to hold on that day.  The day of
the last row is therefore how far the table is known; a later day gets the last rate with
``known=False``, and the check and the PDF say so.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TypeVar

from ..i18n import _
from .dates import parse_day
from .errors import Problem, ProblemsError
from .money import parse_rate

T = TypeVar("T")

STATUTORY_MARGIN = Decimal(10)
# L441-10 in its 2013 wording fixes the ECB rate twice a year; before, each change applied at once.
SEMESTER_RULE_FROM = date(2013, 1, 1)

_HALF_YEAR = re.compile(r"^(\d{4})S([12])$")


@dataclass(frozen=True, order=True)
class HalfYear:
    year: int
    half: int  # 1: January to June, 2: July to December

    @classmethod
    def of(cls, day: date) -> HalfYear:
        return cls(day.year, 1 if day.month <= 6 else 2)

    @classmethod
    def parse(cls, text: str) -> HalfYear:
        match = _HALF_YEAR.match(text.strip()) if isinstance(text, str) else None
        if not match:
            raise ValueError(_("« {text} » n'est pas un semestre (exemple : 2025S1)").format(text=text))
        return cls(int(match.group(1)), int(match.group(2)))

    @property
    def start(self) -> date:
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    def next(self) -> HalfYear:
        return HalfYear(self.year, 2) if self.half == 1 else HalfYear(self.year + 1, 1)

    def __str__(self) -> str:
        return f"{self.year}S{self.half}"


@dataclass(frozen=True)
class EcbRate:
    effective: date
    rate: Decimal
    source: str
    user: bool = False  # added with `rates add`, kept in the store


@dataclass(frozen=True)
class LegalRate:
    half_year: HalfYear
    particulier: Decimal
    autres_cas: Decimal
    source: str


@dataclass(frozen=True)
class StatutoryRate:
    """The L441-10 rate for a day: the ECB rate read on ``read_on``, plus 10 points."""

    rate: Decimal
    ecb: EcbRate
    read_on: date
    known: bool


@dataclass(frozen=True)
class LegalLookup:
    rate: LegalRate
    known: bool  # False: the half-year has no value, ``rate`` is the nearest known one


@dataclass(frozen=True)
class RateTable:
    ecb: tuple[EcbRate, ...]
    legal: tuple[LegalRate, ...]
    _days: tuple[date, ...] = field(init=False, repr=False, compare=False)
    _legal: dict[HalfYear, LegalRate] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.ecb or not self.legal:
            raise ValueError("a rate table needs at least one ECB rate and one legal rate")
        ecb = tuple(sorted(self.ecb, key=lambda r: r.effective))
        object.__setattr__(self, "ecb", ecb)
        object.__setattr__(self, "legal", tuple(sorted(self.legal, key=lambda r: r.half_year)))
        object.__setattr__(self, "_days", tuple(r.effective for r in ecb))
        object.__setattr__(self, "_legal", {r.half_year: r for r in self.legal})

    @classmethod
    def from_csv(cls, ecb_text: str, legal_text: str, user_ecb: tuple[EcbRate, ...] = ()) -> RateTable:
        return cls(parse_ecb_csv(ecb_text), parse_legal_csv(legal_text)).with_user_ecb(user_ecb)

    def with_user_ecb(self, rows: tuple[EcbRate, ...] | list[EcbRate]) -> RateTable:
        """Merge rates the user added; one on the same day as a known row replaces it."""
        if not rows:
            return self
        by_day = {r.effective: r for r in self.ecb}
        by_day.update({r.effective: r for r in rows})
        return RateTable(tuple(by_day.values()), self.legal)

    @property
    def ecb_known_through(self) -> date:
        return self._days[-1]

    @property
    def legal_known(self) -> tuple[HalfYear, HalfYear]:
        return self.legal[0].half_year, self.legal[-1].half_year

    def ecb_on(self, day: date) -> tuple[EcbRate, bool]:
        """The ECB rate in force on ``day`` and whether the table really covers that day."""
        index = bisect.bisect_right(self._days, day) - 1
        if index < 0:
            return self.ecb[0], False
        return self.ecb[index], day <= self._days[-1]

    def ecb_changes(self, start: date, end: date) -> tuple[date, ...]:
        """Days in ``(start, end]`` on which the rate in force changed."""
        out: list[date] = []
        previous = self.ecb_on(start)[0].rate
        for row in self.ecb[bisect.bisect_right(self._days, start):]:
            if row.effective > end:
                break
            if row.rate != previous:
                out.append(row.effective)
                previous = row.rate
        return tuple(out)

    def statutory(self, day: date) -> StatutoryRate:
        read_on = day if day < SEMESTER_RULE_FROM else HalfYear.of(day).start
        row, known = self.ecb_on(read_on)
        return StatutoryRate(row.rate + STATUTORY_MARGIN, row, read_on, known)

    def legal_rate(self, half_year: HalfYear) -> LegalLookup:
        found = self._legal.get(half_year)
        if found is not None:
            return LegalLookup(found, True)
        earlier = [r for r in self.legal if r.half_year < half_year]
        return LegalLookup(earlier[-1] if earlier else self.legal[0], False)

    def half_year_known(self, half_year: HalfYear) -> bool:
        """Whether the statutory rate of every day of the half-year is known."""
        if half_year.start >= SEMESTER_RULE_FROM:
            return self.ecb_on(half_year.start)[1]
        return self.ecb_on(half_year.start)[1] and self.ecb_on(half_year.end)[1]


# --- the `rates` listing ---------------------------------------------------------------

@dataclass(frozen=True)
class HalfYearRates:
    half_year: HalfYear
    statutory: tuple[tuple[date, StatutoryRate], ...]  # from that day on; several before 2013
    legal: LegalLookup

    @property
    def known(self) -> bool:
        return all(s.known for _, s in self.statutory) and self.legal.known


def half_year_rates(table: RateTable, first: HalfYear, last: HalfYear) -> tuple[HalfYearRates, ...]:
    out: list[HalfYearRates] = []
    half_year = first
    while half_year <= last:
        starts = [half_year.start]
        if half_year.start < SEMESTER_RULE_FROM:
            starts += list(table.ecb_changes(half_year.start, half_year.end))
        statutory = tuple((day, table.statutory(day)) for day in starts)
        out.append(HalfYearRates(half_year, statutory, table.legal_rate(half_year)))
        half_year = half_year.next()
    return tuple(out)


# --- CSV text ----------------------------------------------------------------------------

def _rows(text: str, name: str, columns: tuple[str, ...], problems: list[Problem]) -> list[tuple[str, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != columns:
        raise ProblemsError([Problem(f"{name}:1", _("colonnes attendues : {join}").format(join=','.join(columns)))])
    out = []
    for row in reader:
        where = f"{name}:{reader.line_num}"
        if row.get(None):  # type: ignore[call-overload,unused-ignore]
            # Most often a decimal comma ("4,5") splitting a value in two.
            problems.append(Problem(where, _("trop de colonnes (attendu : {join} ; un taux s'écrit avec un point, « 4.5 »)").format(join=','.join(columns))))
        elif any((v or "").strip() for v in row.values()):
            out.append((where, row))
    return out


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise ProblemsError(sorted(problems, key=lambda p: int(p.path.rsplit(":", 1)[1])))


def _collect(problems: list[Problem], where: str, parse: Callable[[str], T], value: str) -> T | None:
    try:
        return parse(value)
    except (ValueError, TypeError) as exc:
        problems.append(Problem(where, str(exc)))
        return None


def _source(problems: list[Problem], where: str, value: str | None) -> str:
    if not (value or "").strip():
        problems.append(Problem(where, _("la source de la valeur manque")))
    return (value or "").strip()


def parse_ecb_csv(text: str, name: str = "ecb.csv", user: bool = False) -> tuple[EcbRate, ...]:
    """Rows ``effective,rate,source``: the day a rate took effect, in percent."""
    problems: list[Problem] = []
    out: list[EcbRate] = []
    for where, row in _rows(text, name, ("effective", "rate", "source"), problems):
        day = _collect(problems, where, parse_day, (row["effective"] or "").strip())
        rate = _collect(problems, where, parse_rate, row["rate"] or "")
        source = _source(problems, where, row["source"])
        if day is not None and rate is not None:
            out.append(EcbRate(day, rate, source, user))
    _raise(problems)
    return tuple(out)


def parse_legal_csv(text: str, name: str = "legal.csv") -> tuple[LegalRate, ...]:
    """Rows ``half_year,particulier,autres_cas,source``, half-years written ``2025S1``."""
    problems: list[Problem] = []
    out: list[LegalRate] = []
    for where, row in _rows(text, name, ("half_year", "particulier", "autres_cas", "source"), problems):
        half_year = _collect(problems, where, HalfYear.parse, row["half_year"] or "")
        particulier = _collect(problems, where, parse_rate, row["particulier"] or "")
        autres_cas = _collect(problems, where, parse_rate, row["autres_cas"] or "")
        source = _source(problems, where, row["source"])
        if half_year is not None and particulier is not None and autres_cas is not None:
            out.append(LegalRate(half_year, particulier, autres_cas, source))
    _raise(problems)
    return tuple(out)

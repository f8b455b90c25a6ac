"""Late-payment penalties: which rate applies on which day, and the periods they run over.

Amounts are kept as exact integer numerators over one common denominator (rates have at most
four decimals, see ``money.parse_rate``): exact like a Fraction, but as fast as integers, which
matters for a case of ten thousand invoices.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from .money import Cents
from .rates import SEMESTER_RULE_FROM, HalfYear, LegalLookup, RateTable, StatutoryRate

RATE_UNITS = 10_000  # a rate is held as an integer number of 1/10 000 of a percent
DENOMINATOR = 100 * 365 * RATE_UNITS  # principal (cents) × rate units × days / this = cents
FLOOR_FACTOR = 3
ONE_DAY = timedelta(days=1)


def rate_units(rate: Decimal) -> int:
    scaled = rate * RATE_UNITS
    if scaled != scaled.to_integral_value():
        raise ValueError(f"rate {rate} has more than four decimals")
    return int(scaled)


def round_half_up(numerator: int, denominator: int = DENOMINATOR) -> int:
    """Nearest integer, halves away from zero (penalties are never negative)."""
    sign = -1 if numerator < 0 else 1
    return sign * ((2 * abs(numerator) + denominator) // (2 * denominator))


@dataclass(frozen=True)
class RateSource:
    """Why a period bears its rate: the contract, or the statutory rate (and which ECB value)."""

    kind: str  # "contract" | "statutory" | "statutory_floor" (contract rate under the legal floor)
    statutory: StatutoryRate | None = None
    contract_rate: Decimal | None = None
    legal: LegalLookup | None = None  # compared with the contract rate

    @property
    def floor(self) -> Decimal | None:
        return FLOOR_FACTOR * self.legal.rate.autres_cas if self.legal else None

    @property
    def known(self) -> bool:
        return (self.statutory is None or self.statutory.known) and (self.legal is None or self.legal.known)


@dataclass(frozen=True)
class PenaltyPeriod:
    start: date
    end: date  # inclusive
    principal: Cents
    rate: Decimal  # percent per year
    source: RateSource
    numerator: int  # the exact amount in cents is numerator / DENOMINATOR

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def amount(self) -> Fraction:
        """Exact, in cents."""
        return Fraction(self.numerator, DENOMINATOR)

    @property
    def amount_cents(self) -> Cents:
        """Rounded for showing this line; the invoice's total is rounded once from exact values."""
        return Cents(round_half_up(self.numerator))

    @property
    def half_year(self) -> HalfYear:
        return HalfYear.of(self.start)


_Segment = tuple[date, date, Decimal, int, RateSource]


class RatePlan:
    """The rate of every day for one case, computed once per half-year.

    Half-years are keyed by a plain integer (2 × year + 0 or 1) because this lookup runs
    for every period of every invoice.
    """

    def __init__(self, rates: RateTable, contract_rate: Decimal | None) -> None:
        self.rates = rates
        self.contract_rate = contract_rate
        self._cache: dict[int, tuple[_Segment, ...]] = {}

    def half_year(self, half_year: HalfYear) -> tuple[_Segment, ...]:
        return self._segments(half_year.year * 2 + half_year.half - 1)

    def _segments(self, index: int) -> tuple[_Segment, ...]:
        found = self._cache.get(index)
        if found is None:
            found = self._cache[index] = self._build(HalfYear(index // 2, index % 2 + 1))
        return found

    def _build(self, half_year: HalfYear) -> tuple[_Segment, ...]:
        legal = None
        if self.contract_rate is not None:
            legal = self.rates.legal_rate(half_year)
            source = RateSource("contract", contract_rate=self.contract_rate, legal=legal)
            if self.contract_rate >= (source.floor or 0):
                rate = self.contract_rate
                return ((half_year.start, half_year.end, rate, rate_units(rate), source),)
        starts = [half_year.start]
        if half_year.start < SEMESTER_RULE_FROM:
            starts += self.rates.ecb_changes(half_year.start, half_year.end)
        ends = [day - ONE_DAY for day in starts[1:]] + [half_year.end]
        out: list[_Segment] = []
        for start, end in zip(starts, ends, strict=True):
            statutory = self.rates.statutory(start)
            kind = "statutory" if legal is None else "statutory_floor"
            source = RateSource(kind, statutory=statutory, contract_rate=self.contract_rate, legal=legal)
            out.append((start, end, statutory.rate, rate_units(statutory.rate), source))
        return tuple(out)

    def periods(self, start: date, end: date, principal: Cents) -> list[PenaltyPeriod]:
        """The periods of constant rate between ``start`` and ``end`` inclusive."""
        out: list[PenaltyPeriod] = []
        index = start.year * 2 + (start.month > 6)
        while True:
            for seg_start, seg_end, rate, units, source in self._segments(index):
                if seg_start > end:
                    return out
                if seg_end < start:
                    continue
                lo = seg_start if seg_start > start else start
                hi = seg_end if seg_end < end else end
                out.append(PenaltyPeriod(lo, hi, principal, rate, source, principal * units * ((hi - lo).days + 1)))
            index += 1

"""``rates`` and ``rates add``: the rate tables the claims use, with the user's additions."""

from __future__ import annotations

from datetime import date

from ..domain.dates import parse_day, short_day
from ..domain.errors import UserError
from ..domain.i18n import t
from ..domain.money import format_rate, parse_rate
from ..domain.rates import EcbRate, HalfYear, HalfYearRates, RateTable, half_year_rates
from ..store import Store
from ..store import repository as repo
from .rates_data import rate_table, shipped_rate_table
from .store_access import writing


def user_ecb_rates(store: Store) -> tuple[EcbRate, ...]:
    return tuple(EcbRate(parse_day(day), parse_rate(rate), source, user=True)
                 for day, rate, source in repo.read_ecb_rates(store))


def store_rate_table(store: Store | None) -> RateTable:
    return rate_table(user_ecb_rates(store) if store is not None else ())


def add_ecb_rate(store: Store, effective: date, rate_text: str, source: str) -> EcbRate:
    """Keep a newer ECB rate (effective date, percent) in the store, never in the shipped file."""
    try:
        rate = parse_rate(rate_text.strip().replace(",", "."))
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    if not source.strip():
        raise UserError(t("Indiquez la source du taux avec --source (par exemple « Banque de France »).",
                          "Give the rate's source with --source (for example \"Banque de France\")."))
    known = shipped_rate_table().ecb_known_through
    if effective <= known:
        raise UserError(t(
            f"Les taux fournis avec Dossier sont connus jusqu'au {short_day(known)} : ajoutez un taux prenant "
            "effet après cette date.",
            f"The rates shipped with Dossier are known through {short_day(known)}: add a rate taking effect "
            "after that date."))
    with writing(store):
        repo.add_ecb_rate(store, effective, format_rate(rate), source.strip())
    return EcbRate(effective, rate, source.strip(), user=True)


def rates_listing(store: Store | None, today: date | None = None) -> tuple[RateTable, tuple[HalfYearRates, ...]]:
    """Half-year by half-year, from the first fully known one to the current one."""
    table = store_rate_table(store)
    first = HalfYear.of(table.ecb[0].effective)
    if first.start < table.ecb[0].effective:
        first = first.next()
    last = max(HalfYear.of(today or date.today()), HalfYear.of(table.ecb_known_through))
    return table, half_year_rates(table, first, last)

"""``rates`` and ``rates add``: the rate tables the claims use, with the user's additions."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from ..domain.claims_report import percent
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


# The ECB main refinancing rate has stayed between 0 % and 4.75 % since 2008 and never went
# above 10 % since the euro; a value outside this band is a typo ("200" for "2.00").
ECB_RATE_MIN = Decimal(-1)
ECB_RATE_MAX = Decimal(20)
# Rates are published a few weeks ahead; a date further away than this is a typo.
MAX_DAYS_AHEAD = 366


def add_ecb_rate(store: Store, effective: date, rate_text: str, source: str, replace: bool = False,
                 today: date | None = None) -> EcbRate:
    """Keep a newer ECB rate (effective date, percent) in the store, never in the shipped file."""
    try:
        rate = parse_rate(rate_text.strip().replace(",", "."))
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    if not ECB_RATE_MIN <= rate <= ECB_RATE_MAX:
        raise UserError(t(
            f"Un taux BCE de {percent(rate)} n'est pas plausible (il reste entre {percent(ECB_RATE_MIN)} et "
            f"{percent(ECB_RATE_MAX)}) : le taux s'écrit en pour cent, par exemple 2.00 pour 2 %.",
            f"An ECB rate of {percent(rate)} is not plausible (it stays between {percent(ECB_RATE_MIN)} and "
            f"{percent(ECB_RATE_MAX)}): write the rate in percent, for example 2.00 for 2%."))
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
    latest = (today or date.today()) + timedelta(days=MAX_DAYS_AHEAD)
    if effective > latest:
        raise UserError(t(
            f"Le {short_day(effective)} est à plus d'un an : un taux BCE est publié quelques semaines avant de "
            "prendre effet ; vérifiez la date.",
            f"{short_day(effective)} is more than a year away: an ECB rate is published a few weeks before it "
            "takes effect; check the date."))
    with writing(store):
        existing = {parse_day(day): (stored, old_source) for day, stored, old_source in repo.read_ecb_rates(store)}
        if effective in existing and not replace:
            stored, old_source = existing[effective]
            raise UserError(t(
                f"Un taux BCE de {percent(parse_rate(stored))} (source : {old_source}) est déjà enregistré au "
                f"{short_day(effective)} : ajoutez --replace pour le remplacer.",
                f"An ECB rate of {percent(parse_rate(stored))} (source: {old_source}) is already stored for "
                f"{short_day(effective)}: add --replace to replace it."))
        repo.add_ecb_rate(store, effective, format_rate(rate), source.strip())
    return EcbRate(effective, rate, source.strip(), user=True)


def remove_ecb_rate(store: Store, effective: date) -> None:
    """Remove a rate the user added; the shipped ones are not the user's to remove."""
    with writing(store):
        if repo.delete_ecb_rate(store, effective):
            return
    if any(r.effective == effective for r in shipped_rate_table().ecb):
        raise UserError(t(
            f"Le taux du {short_day(effective)} est fourni avec Dossier : il ne peut pas être supprimé "
            "(seuls les taux ajoutés avec « dossier rates add » le peuvent).",
            f"The rate of {short_day(effective)} ships with Dossier: it cannot be removed (only rates added "
            "with \"dossier rates add\" can)."))
    raise UserError(t(
        f"Aucun taux ajouté au {short_day(effective)} ; « dossier rates » liste les taux et leurs dates.",
        f"No added rate on {short_day(effective)}; \"dossier rates\" lists the rates and their dates."))


def rates_listing(store: Store | None, today: date | None = None) -> tuple[RateTable, tuple[HalfYearRates, ...]]:
    """Half-year by half-year, from the first fully known one to the current one."""
    table = store_rate_table(store)
    first = HalfYear.of(table.ecb[0].effective)
    if first.start < table.ecb[0].effective:
        first = first.next()
    last = max(HalfYear.of(today or date.today()), HalfYear.of(table.ecb_known_through))
    return table, half_year_rates(table, first, last)

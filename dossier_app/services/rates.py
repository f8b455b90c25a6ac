"""``rates`` and ``rates add``: the rate tables the claims use, with the user's additions."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from ..domain.claims_report import percent
from ..domain.dates import parse_day, short_day
from ..domain.errors import UserError
from ..domain.money import format_rate, parse_rate
from ..domain.rates import EcbRate, HalfYear, HalfYearRates, RateTable, half_year_rates
from ..i18n import _
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
        raise UserError(_("Un taux BCE de {percent} n'est pas plausible (il reste entre {percent2} et {percent3}) : le taux s'écrit en pour cent, par exemple 2.00 pour 2 %.").format(percent=percent(rate), percent2=percent(ECB_RATE_MIN), percent3=percent(ECB_RATE_MAX)))
    if not source.strip():
        raise UserError(_("Indiquez la source du taux avec --source (par exemple « Banque de France »)."))
    known = shipped_rate_table().ecb_known_through
    if effective <= known:
        raise UserError(_("Les taux fournis avec Dossier sont connus jusqu'au {short_day} : ajoutez un taux prenant effet après cette date.").format(short_day=short_day(known)))
    latest = (today or date.today()) + timedelta(days=MAX_DAYS_AHEAD)
    if effective > latest:
        raise UserError(_("Le {short_day} est à plus d'un an : un taux BCE est publié quelques semaines avant de prendre effet ; vérifiez la date.").format(short_day=short_day(effective)))
    with writing(store):
        existing = {parse_day(day): (stored, old_source) for day, stored, old_source in repo.read_ecb_rates(store)}
        if effective in existing and not replace:
            stored, old_source = existing[effective]
            raise UserError(_("Un taux BCE de {percent} (source : {old_source}) est déjà enregistré au {short_day} : ajoutez --replace pour le remplacer.").format(percent=percent(parse_rate(stored)), old_source=old_source, short_day=short_day(effective)))
        repo.add_ecb_rate(store, effective, format_rate(rate), source.strip())
    return EcbRate(effective, rate, source.strip(), user=True)


def remove_ecb_rate(store: Store, effective: date) -> None:
    """Remove a rate the user added; the shipped ones are not the user's to remove."""
    with writing(store):
        if repo.delete_ecb_rate(store, effective):
            return
    if any(r.effective == effective for r in shipped_rate_table().ecb):
        raise UserError(_("Le taux du {short_day} est fourni avec Dossier : il ne peut pas être supprimé (seuls les taux ajoutés avec « dossier rates add » le peuvent).").format(short_day=short_day(effective)))
    raise UserError(_("Aucun taux ajouté au {short_day} ; « dossier rates » liste les taux et leurs dates.").format(short_day=short_day(effective)))


def rates_listing(store: Store | None, today: date | None = None) -> tuple[RateTable, tuple[HalfYearRates, ...]]:
    """Half-year by half-year, from the first fully known one to the current one."""
    table = store_rate_table(store)
    first = HalfYear.of(table.ecb[0].effective)
    if first.start < table.ecb[0].effective:
        first = first.next()
    last = max(HalfYear.of(today or date.today()), HalfYear.of(table.ecb_known_through))
    return table, half_year_rates(table, first, last)

"""``claims``, ``rates``, ``rates add``, ``rates rm``, ``check``."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from ..domain.checks import blocks, finding_line
from ..domain.claims_report import (
    claims_document,
    claims_table,
    half_year_label,
    missing_ecb_hint,
    percent,
)
from ..domain.dates import short_day
from ..domain.errors import UserError
from ..domain.i18n import t
from ..domain.rates import HalfYear
from ..domain.rates_report import rates_document, rates_text
from ..services import rates
from ..services.claims import case_claims
from ..services.readiness import readiness
from .context import Context, day_arg


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("claims", help=t("ce qui est dû à une date", "what is owed on a date"))
    p.add_argument("case")
    p.add_argument("--as-of", type=day_arg, help=t("date du calcul (par défaut aujourd'hui)", "date of the figures (default today)"))
    p.add_argument("--json", action="store_true", help=t("sortie JSON", "JSON output"))
    p.set_defaults(func=claims)

    p = sub.add_parser("rates", help=t("taux BCE et taux légaux connus, par semestre",
                                       "known ECB and legal interest rates, by half-year"))
    p.add_argument("--json", action="store_true", help=t("sortie JSON", "JSON output"))
    p.set_defaults(func=list_rates)
    actions = p.add_subparsers(dest="rates_command", metavar="ACTION")
    add = actions.add_parser("add", help=t("ajoute un taux BCE plus récent", "adds a newer ECB rate"))
    add.add_argument("date", type=day_arg, help=t("date d'effet", "effective date"))
    add.add_argument("rate", help=t("taux en pour cent, par ex. 2.15", "rate in percent, e.g. 2.15"))
    add.add_argument("--source", required=True, help=t("d'où vient ce taux", "where this rate comes from"))
    add.add_argument("--replace", action="store_true",
                     help=t("remplace un taux déjà ajouté à cette date", "replaces a rate already added on that date"))
    add.set_defaults(func=add_rate)
    rm = actions.add_parser("rm", help=t("supprime un taux BCE ajouté", "removes an added ECB rate"))
    rm.add_argument("date", type=day_arg, help=t("date d'effet du taux ajouté", "effective date of the added rate"))
    rm.set_defaults(func=remove_rate)

    p = sub.add_parser("check", help=t("vérifie que le dossier est prêt", "checks that the dossier is ready"))
    p.add_argument("case")
    p.add_argument("--as-of", type=day_arg, help=t("date du calcul (par défaut aujourd'hui)", "date of the figures (default today)"))
    p.set_defaults(func=check)


def _json(ctx: Context, document: dict[str, Any]) -> None:
    ctx.out(json.dumps(document, ensure_ascii=False, indent=2))


def claims(ctx: Context, args: argparse.Namespace) -> int:
    result = case_claims(ctx.store, ctx.case_id(args.case), args.as_of)
    if args.json:
        _json(ctx, claims_document(result))
    else:
        ctx.out(claims_table(result))
    return 0


def list_rates(ctx: Context, args: argparse.Namespace) -> int:
    table, rows = rates.rates_listing(ctx.store)
    if args.json:
        _json(ctx, rates_document(table, rows))
    else:
        ctx.out(rates_text(table, rows))
    return 0


def add_rate(ctx: Context, args: argparse.Namespace) -> int:
    if args.json:
        raise UserError(t("« rates add » n'a pas de sortie JSON.", "\"rates add\" has no JSON output."))
    row = rates.add_ecb_rate(ctx.store, args.date, args.rate, args.source, replace=args.replace)
    ctx.out(t(f"Taux BCE de {percent(row.rate)} ajouté, en vigueur à partir du {short_day(row.effective)}.",
              f"ECB rate of {percent(row.rate)} added, in force from {short_day(row.effective)}."))
    # A rate taking effect inside a half-year says nothing of the rate on its first day.
    today = date.today()
    statutory = rates.store_rate_table(ctx.store).statutory(today)
    if not statutory.known and row.effective < today:
        half_year = HalfYear.of(today)
        ctx.out(t(f"Le {half_year_label(half_year)} reste sans taux connu : ",
                  f"The {half_year_label(half_year)} still has no known rate: ")
                + missing_ecb_hint([half_year], statutory.ecb.rate) + ".")
    return 0


def remove_rate(ctx: Context, args: argparse.Namespace) -> int:
    if args.json:
        raise UserError(t("« rates rm » n'a pas de sortie JSON.", "\"rates rm\" has no JSON output."))
    rates.remove_ecb_rate(ctx.store, args.date)
    ctx.out(t(f"Taux BCE ajouté au {short_day(args.date)} supprimé.",
              f"ECB rate added for {short_day(args.date)} removed."))
    return 0


def check(ctx: Context, args: argparse.Namespace) -> int:
    findings = readiness(ctx.store, ctx.case_id(args.case), args.as_of)
    for finding in findings:
        ctx.out(finding_line(finding))
    if not findings:
        ctx.out(t("Rien à signaler : le dossier est prêt.", "Nothing to report: the dossier is ready."))
    return 1 if blocks(findings) else 0

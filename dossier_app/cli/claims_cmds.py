"""``claims``, ``rates``, ``rates add``, ``rates rm``, ``check``."""

from __future__ import annotations

import argparse
from datetime import date

from ..domain.checks import blocks
from ..domain.claims_report import (
    MissingRate,
    claims_document,
    claims_table,
    half_year_label,
    missing_ecb_hint,
    percent,
)
from ..domain.dates import short_day
from ..domain.errors import UserError
from ..domain.rates import HalfYear
from ..domain.rates_report import rates_document, rates_text
from ..i18n import _
from ..services import rates
from ..services.claims import case_claims
from ..services.readiness import readiness
from .context import Context, day_arg
from .hints import line, told, with_rates_add
from .json_arg import write_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("claims", help=_("ce qui est dû à une date"))
    p.add_argument("case")
    p.add_argument("--as-of", type=day_arg, help=_("date du calcul (par défaut aujourd'hui)"))
    p.add_argument("--json", action="store_true", help=_("sortie JSON"))
    p.set_defaults(func=claims)

    p = sub.add_parser("rates", help=_("taux BCE et taux légaux connus, par semestre"))
    p.add_argument("--json", action="store_true", help=_("sortie JSON"))
    p.set_defaults(func=list_rates)
    actions = p.add_subparsers(dest="rates_command", metavar="ACTION")
    add = actions.add_parser("add", help=_("ajoute un taux BCE plus récent"))
    add.add_argument("date", type=day_arg, help=_("date d'effet"))
    add.add_argument("rate", help=_("taux en pour cent, par ex. 2.15"))
    add.add_argument("--source", required=True, help=_("d'où vient ce taux"))
    add.add_argument("--replace", action="store_true",
                     help=_("remplace un taux déjà ajouté à cette date"))
    add.set_defaults(func=add_rate)
    rm = actions.add_parser("rm", help=_("supprime un taux BCE ajouté"))
    rm.add_argument("date", type=day_arg, help=_("date d'effet du taux ajouté"))
    rm.set_defaults(func=remove_rate)

    p = sub.add_parser("check", help=_("vérifie que le dossier est prêt"))
    p.add_argument("case")
    p.add_argument("--as-of", type=day_arg, help=_("date du calcul (par défaut aujourd'hui)"))
    p.add_argument("--json", action="store_true", help=_("sortie JSON"))
    p.set_defaults(func=check)


def claims(ctx: Context, args: argparse.Namespace) -> int:
    result = case_claims(ctx.store, ctx.case_id(args.case), args.as_of)
    if args.json:
        write_json(ctx, claims_document(result, how=with_rates_add))
    else:
        ctx.out(claims_table(result, how=with_rates_add))
    return 0


def list_rates(ctx: Context, args: argparse.Namespace) -> int:
    table, rows = rates.rates_listing(ctx.store)
    if args.json:
        write_json(ctx, rates_document(table, rows))
    else:
        ctx.out(rates_text(table, rows))
    return 0


def add_rate(ctx: Context, args: argparse.Namespace) -> int:
    if args.json:
        raise UserError(_("« rates add » n'a pas de sortie JSON."))
    row = rates.add_ecb_rate(ctx.store, args.date, args.rate, args.source, replace=args.replace)
    ctx.out(_("Taux BCE de {percent} ajouté, en vigueur à partir du {short_day}.").format(percent=percent(row.rate), short_day=short_day(row.effective)))
    # A rate taking effect inside a half-year says nothing of the rate on its first day.
    today = date.today()
    statutory = rates.store_rate_table(ctx.store).statutory(today)
    if not statutory.known and row.effective < today:
        missing = MissingRate((HalfYear.of(today),), statutory.ecb.rate)
        ctx.out(with_rates_add(missing, _("Le {half_year_label} reste sans taux connu : {hint}.").format(
            half_year_label=half_year_label(missing.half_years[0]), hint=missing_ecb_hint(missing))))
    return 0


def remove_rate(ctx: Context, args: argparse.Namespace) -> int:
    if args.json:
        raise UserError(_("« rates rm » n'a pas de sortie JSON."))
    rates.remove_ecb_rate(ctx.store, args.date)
    ctx.out(_("Taux BCE ajouté au {short_day} supprimé.").format(short_day=short_day(args.date)))
    return 0


def check(ctx: Context, args: argparse.Namespace) -> int:
    findings = readiness(ctx.store, ctx.case_id(args.case), args.as_of)
    if args.json:
        write_json(ctx, {"as_of": (args.as_of or date.today()).isoformat(), "ready": not blocks(findings),
                    "findings": [{"severity": f.severity, "code": f.code, "message": told(f),
                                  "event": f.event_id, "exhibit": f.exhibit} for f in findings]})
        return 1 if blocks(findings) else 0
    for finding in findings:
        ctx.out(line(finding))
    if not findings:
        ctx.out(_("Rien à signaler : le dossier est prêt."))
    return 1 if blocks(findings) else 0

"""``calendar``: the dates that matter in a case, each with what to do; ``--ics`` for the owner's calendar."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..domain.calendar import Deadline
from ..domain.text_table import render
from ..i18n import _, active, ngettext
from ..services.calendar import case_calendar, write_ics
from .context import Context, day_arg, path_arg
from .json_arg import write_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("calendar", help=_("les dates qui comptent dans l'affaire, et ce qu'il faut faire"))
    p.add_argument("case")
    p.add_argument("--today", type=day_arg, help=_("date du jour (par défaut aujourd'hui) : ce qui la précède est passé"))
    p.add_argument("--ics", type=path_arg, metavar="FICHIER.ics", help=_("écrit ces dates dans un fichier .ics pour votre agenda"))
    p.add_argument("--json", action="store_true", help=_("sortie JSON"))
    p.set_defaults(func=calendar)


def day_label(day: date) -> str:
    """``"lun. 13/04/2026"``: the weekday tells at once whether a date falls on a working day."""
    from babel.dates import format_date

    tr = active()
    return f"{format_date(day, 'EEE', locale=tr.locale)} {tr.short_day(day)}"


def calendar_table(deadlines: Sequence[Deadline]) -> str:
    if not deadlines:
        return _("Aucune date à venir ni passée : ajoutez l'audience, les mises en demeure ou les ordonnances à l'affaire.")
    rows, notes = [], []
    for d in deadlines:
        what = d.what_to_do
        if d.moved_from is not None:
            what = _("{what_to_do} (reporté du {short_day} : samedi, dimanche ou jour férié)").format(
                what_to_do=what, short_day=active().short_day(d.moved_from))
        rows.append([day_label(d.day), _("passé") if d.past else "", d.title])
        notes.append(what)
    # What to do under each date, indented to its title: the table stays as wide as a terminal.
    lines = render([_("Date"), "", _("Échéance")], rows).split("\n")
    indent = " " * (max(len(r[0]) for r in rows) + 2 + max(len(r[1]) for r in rows) + 2)
    out = lines[:2]
    for line, what in zip(lines[2:], notes, strict=True):
        out += [line, indent + "→ " + what]
    return "\n".join(out)


def calendar_document(case_id: int, today: date, deadlines: Sequence[Deadline]) -> dict[str, Any]:
    return {"case": case_id, "today": today.isoformat(), "deadlines": [
        {"day": d.day.isoformat(), "kind": d.kind, "title": d.title, "what_to_do": d.what_to_do,
         "event": d.event_id, "past": d.past, "moved_from": d.moved_from.isoformat() if d.moved_from else None}
        for d in deadlines]}


def calendar(ctx: Context, args: argparse.Namespace) -> int:
    case_id = ctx.case_id(args.case)
    today = args.today or date.today()
    deadlines = case_calendar(ctx.store, case_id, today)
    if args.ics is not None:
        count = write_ics(ctx.store, case_id, args.ics, today, deadlines)
        message = ngettext("{count} date écrite dans {path}", "{count} dates écrites dans {path}", count).format(
            count=count, path=args.ics)
        if args.json:
            ctx.err(message)
        else:
            ctx.out(message)
            return 0
    if args.json:
        write_json(ctx, calendar_document(case_id, today, deadlines))
    else:
        ctx.out(calendar_table(deadlines))
    return 0

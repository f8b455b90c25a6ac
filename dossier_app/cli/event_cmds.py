"""``event add``, ``event rm``, ``link``, ``unlink``."""

from __future__ import annotations

import argparse
import json
import sys

from ..domain import json_input
from ..domain.errors import UserError
from ..domain.i18n import t
from ..services import events
from ..services.interchange import read_json
from .context import Context, path_arg


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("event", help=t("ajoute ou retire un événement", "adds or removes an event"))
    ev = p.add_subparsers(dest="event_command", metavar="ACTION", required=True)
    add = ev.add_parser("add", help=t("ajoute un événement (objet JSON du format d'échange)",
                                      "adds an event (a JSON object of the interchange format)"))
    add.add_argument("case")
    add.add_argument("file", help=t("fichier JSON, ou - pour l'entrée standard", "JSON file, or - for stdin"))
    add.set_defaults(func=add_event)
    rm = ev.add_parser("rm", help=t("retire un événement", "removes an event"))
    rm.add_argument("case")
    rm.add_argument("event")
    rm.set_defaults(func=remove_event)

    for name, func, text in (("link", link, t("lie une pièce à un événement", "links an exhibit to an event")),
                             ("unlink", unlink, t("défait ce lien", "undoes that link"))):
        p = sub.add_parser(name, help=text)
        p.add_argument("case")
        p.add_argument("exhibit", help=t("numéro de pièce, #id ou début d'empreinte", "exhibit number, #id or hash prefix"))
        p.add_argument("event")
        if name == "link":
            p.add_argument("--pages", help=t("pages citées, par ex. 2-3", "pages cited, e.g. 2-3"))
        p.set_defaults(func=func)


def _read_event(source: str) -> object:
    if source == "-":
        try:
            return json_input.loads(sys.stdin.read())
        except json_input.TooDeep as exc:
            raise UserError(str(exc)) from exc
        except json.JSONDecodeError as exc:
            raise UserError(t(f"L'entrée n'est pas du JSON valide (ligne {exc.lineno}, colonne {exc.colno} : {exc.msg}).",
                              f"The input is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).")) from exc
    return read_json(path_arg(source))


def add_event(ctx: Context, args: argparse.Namespace) -> int:
    data = _read_event(args.file)
    ctx.out(events.add_event(ctx.store, ctx.case_id(args.case), data))
    return 0


def remove_event(ctx: Context, args: argparse.Namespace) -> int:
    events.remove_event(ctx.store, ctx.case_id(args.case), args.event)
    return 0


def link(ctx: Context, args: argparse.Namespace) -> int:
    case_id = ctx.case_id(args.case)
    events.link(ctx.store, case_id, args.exhibit, args.event, args.pages)
    exhibit = events.find_exhibit(ctx.store, case_id, args.exhibit)
    pages = t(f", p. {args.pages}", f", p. {args.pages}") if args.pages else ""
    ctx.out(t(f"« {exhibit.title} »{pages} prouve désormais l'événement {args.event}.",
              f"\"{exhibit.title}\"{pages} now proves event {args.event}."))
    return 0


def unlink(ctx: Context, args: argparse.Namespace) -> int:
    case_id = ctx.case_id(args.case)
    events.unlink(ctx.store, case_id, args.exhibit, args.event)
    exhibit = events.find_exhibit(ctx.store, case_id, args.exhibit)
    ctx.out(t(f"« {exhibit.title} » n'est plus liée à l'événement {args.event}.",
              f"\"{exhibit.title}\" is no longer linked to event {args.event}."))
    return 0

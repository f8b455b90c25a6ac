"""``import``, ``exhibit set``."""

from __future__ import annotations

import argparse

from ..domain.bounds import for_terminal
from ..domain.dates import parse_user_day, short_day
from ..domain.errors import UserError
from ..domain.i18n import t
from ..domain.kind_names import kind_name
from ..services import events, importing
from .context import Context, path_arg


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help=t("ajoute des fichiers et dossiers comme pièces", "adds files and folders as exhibits"))
    p.add_argument("case")
    p.add_argument("paths", nargs="+", type=path_arg)
    p.add_argument("--password", help=t("mot de passe des PDF protégés", "password of protected PDFs"))
    p.set_defaults(func=import_files)

    p = sub.add_parser("exhibit", help=t("liste ou modifie les pièces", "lists or edits exhibits"))
    ex = p.add_subparsers(dest="exhibit_command", metavar="ACTION", required=True)
    ls = ex.add_parser("list", help=t("liste les pièces : numéro, #id, empreinte, date, pages, liens",
                                      "lists the exhibits: number, #id, hash, date, pages, links"))
    ls.add_argument("case")
    ls.set_defaults(func=list_exhibits)
    s = ex.add_parser("set", help=t("modifie titre, date, inclusion, mot de passe", "edits title, date, inclusion, password"))
    s.add_argument("case")
    s.add_argument("exhibit")
    s.add_argument("--title")
    s.add_argument("--date")
    group = s.add_mutually_exclusive_group()
    group.add_argument("--include", dest="include", action="store_true", default=None)
    group.add_argument("--exclude", dest="include", action="store_false")
    s.add_argument("--password")
    s.set_defaults(func=set_exhibit)


def import_files(ctx: Context, args: argparse.Namespace) -> int:
    for path in args.paths:
        if not path.exists():
            raise UserError(t(f"Introuvable : {_one_line(path)}", f"Not found: {_one_line(path)}"))
    case_id = ctx.case_id(args.case)
    result = importing.import_paths(ctx.store, case_id, args.paths, args.password)
    for item in result.added:
        assert item.exhibit is not None
        x = item.exhibit
        when = short_day(x.date) if x.date else t("date inconnue", "no date")
        kind = f", {kind_name(x.suggested_kind).lower()}" if x.suggested_kind else ""
        path, title = _one_line(item.path), _one_line(x.title)
        ctx.out(t(f"ajouté   {path} — « {title} », {when}{kind}", f"added    {path} — \"{title}\", {when}{kind}"))
        if item.invoices:
            ctx.out(t(f"         {len(item.invoices)} facture(s) créée(s) depuis la liste",
                      f"         {len(item.invoices)} invoice(s) created from the list"))
        _notes(ctx, item)
    for label, items in ((t("réparé  ", "repaired"), result.repaired), (t("ignoré  ", "skipped "), result.skipped),
                         (t("refusé  ", "refused "), result.refused)):
        for item in items:
            ctx.out(f"{label} {_one_line(item.path)} — {_one_line(item.reason or '')}")
            _notes(ctx, item)
    ctx.out(t(f"{len(result.added)} ajouté(s), {len(result.skipped)} ignoré(s) (doublons), {len(result.refused)} refusé(s).",
              f"{len(result.added)} added, {len(result.skipped)} skipped (duplicates), {len(result.refused)} refused."))
    # Nothing went in and something was refused: a script (or a tired user) must not take that for success.
    return 1 if result.refused and not (result.added or result.repaired) else 0


def _notes(ctx: Context, item: importing.ImportItem) -> None:
    for note in item.notes:
        ctx.out(f"         {_one_line(note)}")


def _one_line(text: object) -> str:
    """A name or title from a file, on one line and inert: its escape sequences, controls and bidi
    overrides shown as codes (``for_terminal``), a line break as ``\\n``, never obeyed."""
    return for_terminal(str(text)).replace("\n", "\\n")


def list_exhibits(ctx: Context, args: argparse.Namespace) -> int:
    from ..domain.text_table import render
    from ..services.cases import read_case_file

    exhibits = read_case_file(ctx.store, ctx.case_id(args.case)).exhibits
    if not exhibits:
        ctx.out(t("Aucune pièce : « dossier import » en ajoute.", "No exhibit yet: \"dossier import\" adds some."))
        return 0
    headers = [t("n°", "no."), "#id", t("empreinte", "hash"), "date", "pages", t("incluse", "included"),
               t("titre", "title"), t("prouve", "proves")]
    rows = [[str(x.number or "—"), f"#{x.id}", x.sha256[:12], short_day(x.date) if x.date else "—",
             str(x.pages or "?"), t("oui", "yes") if x.include else t("non", "no"), x.title,
             ", ".join(link.event_id + (f" p. {link.pages}" if link.pages else "") for link in x.links) or "—"]
            for x in exhibits]
    ctx.out(render(headers, rows, right=(0, 4)))
    return 0


def set_exhibit(ctx: Context, args: argparse.Namespace) -> int:
    case_id = ctx.case_id(args.case)
    day = None
    if args.date is not None:
        try:
            day = parse_user_day(args.date)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
    if args.title is not None and not args.title.strip():
        raise UserError(t("Le titre ne peut pas être vide.", "The title cannot be empty."))
    updated = events.set_exhibit(ctx.store, case_id, args.exhibit, title=args.title, date=day,
                                 include=args.include, password=args.password)
    state = t("incluse", "included") if updated.include else t("exclue", "excluded")
    ctx.out(f"{updated.title} — {short_day(updated.date) if updated.date else '—'} — {state}")
    return 0

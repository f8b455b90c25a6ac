"""``import``, ``exhibit list``, ``exhibit set``, ``exhibit rm``."""

from __future__ import annotations

import argparse
from datetime import date

from ..domain import vocabulary
from ..domain.dates import short_day
from ..domain.errors import UserError
from ..i18n import _, ngettext
from ..services import exhibits, importing
from ..services.exhibits import KEEP, Unchanged
from .context import Context, day_arg, path_arg
from .json_arg import write_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help=_("ajoute des fichiers et dossiers comme pièces"))
    p.add_argument("case")
    p.add_argument("paths", nargs="+", type=path_arg)
    p.add_argument("--password", help=_("mot de passe des PDF protégés"))
    p.set_defaults(func=import_files)

    p = sub.add_parser("exhibit", help=_("liste ou modifie les pièces"))
    ex = p.add_subparsers(dest="exhibit_command", metavar="ACTION", required=True)
    ls = ex.add_parser("list", help=_("liste les pièces : numéro, #id, empreinte, date, pages, liens"))
    ls.add_argument("case")
    ls.add_argument("--json", action="store_true", help=_("sortie JSON"))
    ls.set_defaults(func=list_exhibits)
    s = ex.add_parser("set", help=_("modifie titre, date, inclusion, mot de passe, images d'une animation"))
    s.add_argument("case")
    s.add_argument("exhibit")
    s.add_argument("--title")
    s.add_argument("--date")
    group = s.add_mutually_exclusive_group()
    group.add_argument("--include", dest="include", action="store_true", default=None)
    group.add_argument("--exclude", dest="include", action="store_false")
    s.add_argument("--password")
    frames = s.add_mutually_exclusive_group()
    frames.add_argument("--all-frames", dest="all_frames", action="store_true", default=None,
                        help=_("une image animée : chaque image sur sa page"))
    frames.add_argument("--first-frame", dest="all_frames", action="store_false",
                        help=_("une image animée : la première image seule (par défaut)"))
    s.set_defaults(func=set_exhibit)
    rm = ex.add_parser("rm", help=_("retire une pièce de l'affaire (son fichier reste tant qu'une autre affaire l'utilise)"))
    rm.add_argument("case")
    rm.add_argument("exhibit", help=_("numéro de pièce, #id ou début d'empreinte"))
    rm.set_defaults(func=remove_exhibit)


def import_files(ctx: Context, args: argparse.Namespace) -> int:
    for path in args.paths:
        if not path.exists():
            raise UserError(_("Introuvable : {path}").format(path=_one_line(path)))
    case_id = ctx.case_id(args.case)
    result = importing.import_paths(ctx.store, case_id, args.paths, args.password)
    for item in result.added:
        assert item.exhibit is not None
        x = item.exhibit
        when = short_day(x.date) if x.date else _("date inconnue")
        kind = f", {vocabulary.label(x.suggested_kind).lower()}" if x.suggested_kind else ""
        path, title = _one_line(item.path), _one_line(x.title)
        ctx.out(_("ajouté   {path} \u2014 « {title} », {when}{kind}").format(path=path, title=title, when=when, kind=kind))
        if item.invoices:
            ctx.out(ngettext("         {invoices_count} facture créée depuis la liste", "         {invoices_count} factures créées depuis la liste", len(item.invoices)).format(invoices_count=len(item.invoices)))
        _notes(ctx, item)
    # A refusal's plain « what to do », with the command that does it.
    from .hints import with_commands

    for label, items in ((_("réparé  "), result.repaired), (_("ignoré  "), result.skipped),
                         (_("refusé  "), result.refused)):
        for item in items:
            ctx.out(f"{label} {_one_line(item.path)} — {with_commands(_one_line(item.reason or ''))}")
            _notes(ctx, item)
    ctx.out(_("{added}, {skipped} (doublons), {refused}.").format(
        added=ngettext("{n} ajouté", "{n} ajoutés", len(result.added)).format(n=len(result.added)),
        skipped=ngettext("{n} ignoré", "{n} ignorés", len(result.skipped)).format(n=len(result.skipped)),
        refused=ngettext("{n} refusé", "{n} refusés", len(result.refused)).format(n=len(result.refused))))
    # Nothing went in and something was refused: a script (or a tired user) must not take that for success.
    return 1 if result.refused and not (result.added or result.repaired) else 0


def _notes(ctx: Context, item: importing.ImportItem) -> None:
    for note in item.notes:
        ctx.out(f"         {_one_line(note)}")


def _one_line(text: object) -> str:
    """A name or title from a file, on one line and inert: its escape sequences, controls and bidi
    overrides shown as codes (``ctx.out`` passes every line through ``for_terminal``), a line break
    as ``\\n``, never obeyed."""
    return str(text).replace("\n", "\\n")


def list_exhibits(ctx: Context, args: argparse.Namespace) -> int:
    from ..domain.text_table import render

    found = exhibits.exhibits(ctx.store, ctx.case_id(args.case))
    if args.json:
        write_json(ctx, {"exhibits": [
            {"number": x.number, "id": x.id, "sha256": x.sha256, "title": x.title,
             "date": x.date.isoformat() if x.date else None, "pages": x.pages, "include": x.include,
             "links": [{"event": link.event_id, "pages": link.pages} for link in x.links]} for x in found]})
        return 0
    if not found:
        ctx.out(_("Aucune pièce : « dossier import » en ajoute."))
        return 0
    headers = [_("n°"), "#id", _("empreinte"), "date", "pages", _("incluse"),
               _("titre"), _("prouve")]
    rows = [[str(x.number or "—"), f"#{x.id}", x.sha256[:12], short_day(x.date) if x.date else "—",
             str(x.pages or "?"), _("oui") if x.include else _("non"), x.title,
             ", ".join(link.event_id + (f" p. {link.pages}" if link.pages else "") for link in x.links) or "—"]
            for x in found]
    ctx.out(render(headers, rows, right=(0, 4)))
    return 0


def set_exhibit(ctx: Context, args: argparse.Namespace) -> int:
    """``--date ''`` clears the date and ``--password ''`` the password, as emptying the form's field does."""
    case_id = ctx.case_id(args.case)
    day: date | Unchanged | None = KEEP
    if args.date is not None:
        day = _day(args.date) if args.date.strip() else None
    password: str | Unchanged | None = KEEP if args.password is None else (args.password or None)
    updated = exhibits.edit_exhibit(
        ctx.store, case_id, args.exhibit, title=KEEP if args.title is None else args.title, day=day,
        include=KEEP if args.include is None else args.include, password=password,
        all_frames=KEEP if args.all_frames is None else args.all_frames)
    shown = short_day(updated.date) if updated.date else _("sans date")
    state = _("dans le dossier imprimé") if updated.include else _("hors du dossier imprimé")
    ctx.out(_("{title} ({day}), {state}.").format(title=updated.title, day=shown, state=state))
    if args.all_frames is not None:
        pages = updated.pages or 1
        ctx.out(ngettext("Animation imprimée sur {pages} page.", "Animation imprimée sur {pages} pages.",
                         pages).format(pages=pages))
    return 0


def remove_exhibit(ctx: Context, args: argparse.Namespace) -> int:
    removed = exhibits.remove_exhibit(ctx.store, ctx.case_id(args.case), args.exhibit)
    ctx.out(_("Pièce « {title} » retirée de l'affaire.").format(title=_one_line(removed.title)))
    return 0


def _day(text: str) -> date:
    try:
        return day_arg(text)
    except argparse.ArgumentTypeError as exc:
        raise UserError(str(exc)) from exc

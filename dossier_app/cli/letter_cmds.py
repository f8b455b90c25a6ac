"""``letter``: a letter drafted from the case (formal notice, reminder, injonction de payer), written
as PDF or OpenDocument text, and with ``--add`` added to the case as the registered letter it becomes."""

from __future__ import annotations

import argparse
from datetime import date

from ..domain.errors import UserError
from ..domain.letters import LETTER_KINDS, LetterOptions
from ..i18n import _, language
from .context import Context, day_arg, path_arg


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("letter", help=_("rédige une lettre à partir de l'affaire : mise en demeure, relance, injonction de payer"))
    p.add_argument("case")
    p.add_argument("kind", metavar="KIND", help=_("mise-en-demeure, relance ou injonction"))
    p.add_argument("-o", "--output", type=path_arg, required=True, help=_("fichier à écrire (.pdf ou .odt)"))
    p.add_argument("--as-of", type=day_arg, help=_("date de la lettre, et des sommes dues (par défaut aujourd'hui)"))
    p.add_argument("--format", choices=("pdf", "odt"), help=_("pdf ou odt (par défaut selon le nom du fichier)"))
    p.add_argument("--lang", choices=("fr", "en"), help=_("langue de la lettre"))
    p.add_argument("--deadline", type=_deadline, default=8, metavar="8|15",
                   help=_("délai laissé par une mise en demeure, en jours (8 ou 15, par défaut 8)"))
    p.add_argument("--add", action="store_true",
                   help=_("ajoute la lettre à l'affaire : un événement « lettre recommandée » avec la lettre pour pièce"))
    p.set_defaults(func=letter)


def _deadline(text: str) -> int:
    if text.strip() not in ("8", "15"):
        raise argparse.ArgumentTypeError(_("« {text} » : le délai est de 8 ou 15 jours").format(text=text))
    return int(text)


def letter(ctx: Context, args: argparse.Namespace) -> int:
    from ..services import letters

    if args.kind not in LETTER_KINDS:
        raise UserError(letters.unknown_kind(args.kind))
    fmt = letters.format_of(args.output, args.format)
    case_id = ctx.case_id(args.case)
    options = LetterOptions(day=args.as_of or date.today(), lang=args.lang or language(),
                            deadline_days=args.deadline)
    doc = letters.write_letter(ctx.store, case_id, args.kind, args.output, options, fmt)
    ctx.out(str(args.output))
    if args.add:
        event_id = letters.add_to_case(ctx.store, case_id, doc, args.output, options)
        ctx.out(_("Ajoutée à l'affaire : événement « {event} », avec la lettre pour pièce ; son numéro de recommandé est à remplir une fois envoyée (« dossier event set »).").format(event=event_id))
    return 0

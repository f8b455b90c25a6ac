"""``export``: the dossier PDF, a line per step on a terminal, nothing of the kind when piped."""

from __future__ import annotations

import argparse
import math
import sys
from typing import TYPE_CHECKING

from ..i18n import _, language, ngettext, translator
from .context import Context, day_arg, path_arg

if TYPE_CHECKING:
    from ..export import ProgressStep


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help=_("écrit le dossier PDF"))
    p.add_argument("case")
    # Exactly one of them: argparse says two in French (« incompatible avec »), ``export`` says none.
    target = p.add_mutually_exclusive_group()
    target.add_argument("-o", "--output", type=path_arg, help=_("fichier PDF à écrire"))
    target.add_argument("--split", type=path_arg, metavar="DIR",
                        help=_("dossier (nouveau ou vide) où écrire le bordereau et un PDF par pièce, pour un envoi électronique"))
    p.add_argument("--as-of", type=day_arg, help=_("date d'arrêté (par défaut aujourd'hui)"))
    p.add_argument("--lang", choices=("fr", "en"), help=_("langue du dossier"))
    p.add_argument("--no-exhibits", action="store_true", help=_("sans les pièces"))
    p.add_argument("--max-mb", type=_megabytes, help=_("tomes de N Mo au plus"))
    p.add_argument("--renumber", action="store_true", help=_("renumérote les pièces"))
    p.add_argument("--strict", action="store_true",
                   help=_("n'écrit rien tant qu'un point bloquant de « dossier check » demeure"))
    p.add_argument("--date", type=day_arg, dest="communication",
                   help=_("date de communication des pièces, « Fait le » du bordereau (par défaut la date d'arrêté)"))
    p.add_argument("--bordereau", type=_bordereau_number, metavar="N", default=1,
                   help=_("numéro du bordereau de communication (par défaut 1) ; 2 ou plus pour un bordereau complémentaire"))
    p.add_argument("--from", type=_piece_number, metavar="N", dest="complement_from",
                   help=_("bordereau complémentaire : ne liste et ne joint que les pièces à partir du n° N (avec --bordereau 2 ou plus)"))
    p.set_defaults(func=export, usage_error=p.error)


def _bordereau_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(_("« {text} » : un numéro de bordereau est 1, 2, 3…").format(text=text))
    return value


def _piece_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(_("« {text} » : un numéro de pièce est 1, 2, 3…").format(text=text))
    return value


def _megabytes(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = 0
    # "nan", "inf" and "1e400" are floats to Python, not sizes to a person.
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(_("« {text} » : un nombre de Mo positif est attendu").format(text=text))
    return value


def export(ctx: Context, args: argparse.Namespace) -> int:
    # The PDF libraries load only when a dossier is exported: every other command starts faster.
    from ..services.exporting import (
        blocking_findings,
        check_bordereau,
        check_output,
        check_split_folder,
        exhibit_notes,
        export_case,
        stage_label,
    )
    from .hints import line

    if args.output is None and args.split is None:
        args.usage_error(_("il manque : -o/--output FICHIER.pdf, ou --split DOSSIER"))
    if args.complement_from is not None and args.bordereau < 2:
        args.usage_error(_("--from {number} fait un bordereau complémentaire : donnez aussi son numéro, --bordereau 2 ou plus").format(number=args.complement_from))
    case_id = ctx.case_id(args.case)
    # What is refused in one line is said before the findings (nothing would be written anyway).
    check_bordereau(ctx.store, case_id, args.bordereau, args.complement_from, args.renumber)
    if args.split is not None:
        check_split_folder(args.split)
    else:
        check_output(args.output)
    # Before writing, what makes the dossier wrong on paper, as ``check`` says it (the window shows the same).
    blocking = blocking_findings(ctx.store, case_id, args.as_of)
    for finding in blocking:
        ctx.err(line(finding))
    if blocking and args.strict:
        ctx.err(ngettext(
            "Rien n'a été écrit (--strict) : {count} point bloquant ci-dessus ; corrigez-le (« dossier check {case} »), ou exportez sans --strict.",
            "Rien n'a été écrit (--strict) : {count} points bloquants ci-dessus ; corrigez-les (« dossier check {case} »), ou exportez sans --strict.",
            len(blocking)).format(count=len(blocking), case=args.case))
        return 1

    lang = args.lang or language()
    tr = translator(lang)  # these lines speak the dossier's language (--lang), not the interface's

    shown: set[str] = set()
    on_terminal = sys.stderr.isatty()

    def progress(step: ProgressStep) -> bool:
        if on_terminal and step.stage not in shown:
            shown.add(step.stage)
            ctx.err(stage_label(step.stage, tr) or step.label)
        return True

    report = export_case(ctx.store, case_id, args.split or args.output, as_of=args.as_of,
                         lang=lang, include_exhibits=not args.no_exhibits,
                         max_mb=args.max_mb, renumber=args.renumber, communication=args.communication,
                         split=args.split is not None, bordereau=args.bordereau,
                         complement_from=args.complement_from, progress=progress)
    for path in report.volumes:
        ctx.out(str(path))
    ctx.out(tr.gettext("{pages} pages, {value} pièces, empreinte {fingerprint}").format(pages=report.pages, value=len(report.exhibits) - len(report.refused), fingerprint=report.fingerprint))
    for note in exhibit_notes(report, tr):
        ctx.err(note)
    for number in report.oversized if args.split else ():
        ctx.err(tr.gettext("Pièce n° {number} : son fichier à lui seul dépasse --max-mb").format(number=number))
    for number in () if args.split else report.oversized:
        ctx.err(tr.gettext("Pièce n° {number} : plus grande que --max-mb à elle seule, elle remplit un tome").format(number=number))
    return 0

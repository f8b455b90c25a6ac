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
    p.set_defaults(func=export, usage_error=p.error)


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
    from ..services.exporting import blocking_findings, exhibit_notes, export_case, stage_label
    from .hints import line

    if args.output is None and args.split is None:
        args.usage_error(_("il manque : -o/--output FICHIER.pdf, ou --split DOSSIER"))
    case_id = ctx.case_id(args.case)
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
                         split=args.split is not None, progress=progress)
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

"""``export``: the dossier PDF, a line per step on a terminal, nothing of the kind when piped."""

from __future__ import annotations

import argparse
import math
import sys
from typing import TYPE_CHECKING

from ..domain.i18n import language, t
from .context import Context, day_arg, path_arg

if TYPE_CHECKING:
    from ..export import ProgressStep


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help=t("écrit le dossier PDF", "writes the dossier PDF"))
    p.add_argument("case")
    p.add_argument("-o", "--output", type=path_arg, required=True, help=t("fichier PDF à écrire", "PDF file to write"))
    p.add_argument("--as-of", type=day_arg, help=t("date d'arrêté (par défaut aujourd'hui)", "as-of date (default today)"))
    p.add_argument("--lang", choices=("fr", "en"), help=t("langue du dossier", "language of the dossier"))
    p.add_argument("--no-exhibits", action="store_true", help=t("sans les pièces", "without the exhibits"))
    p.add_argument("--max-mb", type=_megabytes, help=t("tomes de N Mo au plus", "volumes of at most N MB"))
    p.add_argument("--renumber", action="store_true", help=t("renumérote les pièces", "renumbers the exhibits"))
    p.set_defaults(func=export)


def _megabytes(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = 0
    # "nan", "inf" and "1e400" are floats to Python, not sizes to a person.
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(t(f"« {text} » : un nombre de Mo positif est attendu",
                                           f"\"{text}\": a positive number of MB is expected"))
    return value


def export(ctx: Context, args: argparse.Namespace) -> int:
    # The PDF libraries load only when a dossier is exported: every other command starts faster.
    from ..services.exporting import export_case

    lang = args.lang or language()

    def say(fr: str, en: str) -> str:  # the dossier's language (--lang), not the interface's
        return en if lang == "en" else fr

    stages = {"prepare": say("Lecture des pièces…", "Reading the exhibits…"),
              "parts": say("Mise en page…", "Laying out…"),
              "assemble": say("Assemblage des pièces…", "Assembling the exhibits…"),
              "write": say("Écriture du fichier…", "Writing the file…")}
    shown: set[str] = set()
    on_terminal = sys.stderr.isatty()

    def progress(step: ProgressStep) -> bool:
        if on_terminal and step.stage not in shown:
            shown.add(step.stage)
            ctx.err(stages.get(step.stage, step.label))
        return True

    report = export_case(ctx.store, ctx.case_id(args.case), args.output, as_of=args.as_of,
                         lang=lang, include_exhibits=not args.no_exhibits,
                         max_mb=args.max_mb, renumber=args.renumber, progress=progress)
    for path in report.volumes:
        ctx.out(str(path))
    ctx.out(say(f"{report.pages} pages, {len(report.exhibits) - len(report.refused)} pièces, empreinte {report.fingerprint}",
                f"{report.pages} pages, {len(report.exhibits) - len(report.refused)} exhibits, fingerprint {report.fingerprint}"))
    for outcome in report.exhibits:
        if outcome.status == "repaired":
            ctx.err(say(f"Pièce n° {outcome.number} : PDF endommagé, réparé", f"Exhibit No. {outcome.number}: damaged PDF, repaired"))
        if outcome.signed:
            ctx.err(say(f"Pièce n° {outcome.number} : signée électroniquement, signature non conservée (noté au bordereau)",
                        f"Exhibit No. {outcome.number}: digitally signed, signature not kept (noted in the list)"))
    for number in report.oversized:
        ctx.err(say(f"Pièce n° {number} : plus grande que --max-mb à elle seule, elle remplit un tome",
                    f"Exhibit No. {number}: larger than --max-mb on its own, it fills a volume"))
    return 0

"""``verify``: re-hash every stored exhibit; nothing is ever deleted, strays go to quarantine."""

from __future__ import annotations

import argparse

from ..i18n import _, ngettext
from ..services import verify
from .context import Context


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("verify", help=_("vérifie l'empreinte de chaque pièce"))
    p.add_argument("case")
    p.set_defaults(func=verify_case)


def verify_case(ctx: Context, args: argparse.Namespace) -> int:
    case_id = ctx.case_id(args.case)
    problems = verify.verify_case(ctx.store, case_id)
    for p in problems:
        label = _("pièce n° {number}").format(number=p.number) if p.number else _("pièce")
        what = _("fichier manquant") if p.problem == "missing" else _("fichier modifié (l'empreinte ne correspond plus)")
        ctx.out(f"{label} « {p.exhibit_title} » : {what} — {ctx.store.blobs.path(p.sha256)}")
    whole = verify.check_store(ctx.store)
    others = {sha: cases for sha, cases in whole.rows_without_file.items() if sha not in {p.sha256 for p in problems}}
    for sha, case_ids in others.items():
        ids = ", ".join(str(i) for i in case_ids) or "—"
        ctx.out(_("fichier manquant d'une pièce de l'affaire n° {ids} \u2014 {path}").format(ids=ids, path=ctx.store.blobs.path(sha)))
    if whole.quarantined:
        ctx.out(ngettext("{quarantined_count} fichier du stockage sans pièce qui le décrive (reste d'une opération interrompue, ou ajouté à la main) : mis de côté, rien n'est effacé, dans {quarantine}.", "{quarantined_count} fichiers du stockage sans pièce qui les décrive (restes d'une opération interrompue, ou ajoutés à la main) : mis de côté, rien n'est effacé, dans {quarantine}.", len(whole.quarantined)).format(quarantined_count=len(whole.quarantined), quarantine=whole.quarantine))
    if whole.strays_left:
        ctx.out(ngettext("{strays_left} fichier du stockage sans pièce qui le décrive, laissé en place : le dossier de données n'est pas accessible en écriture.", "{strays_left} fichiers du stockage sans pièce qui les décrive, laissés en place : le dossier de données n'est pas accessible en écriture.", whole.strays_left).format(strays_left=whole.strays_left))
    if problems or others:
        return 1
    ctx.out(_("Toutes les pièces sont intactes."))
    return 0

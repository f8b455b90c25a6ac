"""``verify``: re-hash every stored exhibit; nothing is ever deleted, strays go to quarantine."""

from __future__ import annotations

import argparse

from ..domain.bounds import for_terminal
from ..domain.i18n import t
from ..services import verify
from .context import Context


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("verify", help=t("vérifie l'empreinte de chaque pièce", "re-hashes every exhibit"))
    p.add_argument("case")
    p.set_defaults(func=verify_case)


def verify_case(ctx: Context, args: argparse.Namespace) -> int:
    case_id = ctx.case_id(args.case)
    problems = verify.verify_case(ctx.store, case_id)
    for p in problems:
        label = t(f"pièce n° {p.number}", f"exhibit {p.number}") if p.number else t("pièce", "exhibit")
        what = t("fichier manquant", "file missing") if p.problem == "missing" else t(
            "fichier modifié (l'empreinte ne correspond plus)", "file altered (its hash no longer matches)")
        ctx.out(for_terminal(f"{label} « {p.exhibit_title} » : {what} — {ctx.store.blobs.path(p.sha256)}"))
    whole = verify.check_store(ctx.store)
    others = {sha: cases for sha, cases in whole.rows_without_file.items() if sha not in {p.sha256 for p in problems}}
    for sha, case_ids in others.items():
        ids = ", ".join(str(i) for i in case_ids) or "—"
        ctx.out(t(f"fichier manquant d'une pièce de l'affaire n° {ids} — {ctx.store.blobs.path(sha)}",
                  f"file missing of an exhibit of case {ids} — {ctx.store.blobs.path(sha)}"))
    if whole.quarantined:
        ctx.out(for_terminal(t(
            f"{len(whole.quarantined)} fichier(s) du stockage sans pièce qui les décrive (restes d'une opération "
            f"interrompue, ou ajoutés à la main) : mis de côté, rien n'est effacé, dans {whole.quarantine}.",
            f"{len(whole.quarantined)} file(s) in the store that no exhibit describes (left by an interrupted "
            f"operation, or put there by hand): moved aside, nothing deleted, to {whole.quarantine}.")))
    if whole.strays_left:
        ctx.out(for_terminal(t(
            f"{whole.strays_left} fichier(s) du stockage sans pièce qui les décrive, laissés en place : le dossier "
            "de données n'est pas accessible en écriture.",
            f"{whole.strays_left} file(s) in the store that no exhibit describes, left in place: the data "
            "folder cannot be written.")))
    if problems or others:
        return 1
    ctx.out(t("Toutes les pièces sont intactes.", "Every exhibit is intact."))
    return 0

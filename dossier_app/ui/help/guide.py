"""The guide's words: what a référé is for, what each event kind means and which exhibit proves it,
the path from the first event to the exported dossier. French here, English in the catalogue; the
kinds and their names come from the domain's vocabulary, the menu entries from the window's actions."""

from __future__ import annotations

from html import escape

from ...domain.vocabulary import KIND_CODES, label
from ...i18n import N_, _

# kind -> (what it means, which exhibit proves it); a test keeps its keys equal to the vocabulary's kinds.
KIND_HELP: dict[str, tuple[str, str]] = {
    "contract": (N_("La signature d'un contrat, sa modification par un avenant, sa résiliation ou un préavis."),
                 N_("Le contrat signé, l'avenant, la lettre de résiliation ou de préavis.")),
    "invoice": (N_("Une facture envoyée : un montant dû à une date d'échéance."),
                N_("La facture elle-même, avec son numéro, sa date et ses conditions de paiement.")),
    "payment": (N_("Un paiement reçu ou fait, pour tout ou partie d'une facture."),
                N_("Le relevé bancaire ou l'avis de virement.")),
    "credit_note": (N_("Un avoir, qui réduit ce qui reste dû sur une facture."),
                    N_("L'avoir, avec le numéro de la facture qu'il corrige.")),
    "reminder": (N_("Une relance pour une facture restée impayée."),
                 N_("Le courriel ou la lettre de relance, avec sa date.")),
    "registered_letter": (N_("Une lettre recommandée, souvent la mise en demeure qui précède le tribunal."),
                          N_("La lettre et son avis de réception signé.")),
    "outage": (N_("Une coupure ou une panne du service, totale ou partielle."),
               N_("Des captures d'écran datées, les tickets d'incident, un constat de commissaire de justice.")),
    "access": (N_("Un accès (site, compte, locaux) demandé, refusé, modifié sans accord ou rétabli."),
               N_("Le courriel de demande, le message de refus, une capture d'écran datée.")),
    "correspondence": (N_("Un échange avec l'autre partie : courriel, appel, courrier, réunion."),
                       N_("Le courriel, la lettre ou le compte rendu de l'appel ou de la réunion.")),
    "procedure": (N_("Un acte de la procédure : assignation, audience, ordonnance, jugement, constat."),
                  N_("L'acte lui-même, remis par le commissaire de justice ou le greffe.")),
    "note": (N_("Une note pour vous souvenir d'un fait : seule, elle ne prouve rien."),
             N_("Aucune : si le fait compte, joignez-lui une pièce.")),
}

REFERE = (
    N_("Le référé est une procédure rapide : en quelques semaines, le juge peut ordonner de payer une somme "
       "qui n'est pas sérieusement contestable, ou de faire cesser un trouble, comme un service coupé ou un "
       "accès refusé."),
    N_("Le juge des référés ne tranche pas tout le litige : il vérifie que votre demande est évidente au vu "
       "des pièces. Il veut voir des faits datés, dans l'ordre, et pour chacun le document qui le prouve : le "
       "contrat, les factures, les relances restées sans réponse, la mise en demeure."),
    N_("Chaque pièce est numérotée et communiquée aussi à l'autre partie. Dossier numérote vos pièces, dresse "
       "le bordereau et calcule ce qui est dû, pénalités de retard comprises."),
)

# Each step names the window's own menu entries: {action} is filled with the action's text.
STEPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("Créez l'affaire ({new_case}), puis donnez les parties, le tribunal et votre avocat ({edit_case})."),
     ("new_case", "edit_case")),
    (N_("Ajoutez les événements dans l'ordre où ils se sont passés ({new_event}) : le contrat, les factures, "
        "les relances, les paiements."), ("new_event",)),
    (N_("Glissez vos documents dans la fenêtre, ou choisissez-les ({import_files}) : chacun devient une pièce, "
        "avec une date et un type proposés, à vérifier."), ("import_files",)),
    (N_("Liez chaque pièce aux événements qu'elle prouve : glissez-la sur l'événement, ou {link_events}."),
     ("link_events",)),
    (N_("Ouvrez {show_claims} : ce qui est dû à la date choisie, pénalités de retard et indemnités de 40 € "
        "comprises."), ("show_claims",)),
    (N_("Ouvrez {show_readiness} : ce qui manque avant d'aller devant le juge, le plus grave en premier. "
        "Réglez d'abord ce qui bloque."), ("show_readiness",)),
    (N_("{export_dossier} : un seul PDF avec les faits, la chronologie, le décompte, le bordereau et chaque "
        "pièce tamponnée."), ("export_dossier",)),
    (N_("Envoyez ce PDF à votre avocat : c'est lui qui rédige l'assignation et la présente au juge."), ()),
)


def menu_words(text: str) -> str:
    """An action's text as a sentence names it: « Nouvelle affaire », without its shortcut letter or dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("\u2026").rstrip(".")


def guide_title() -> str:
    return _("Guide de Dossier")


def guide_html(action_texts: dict[str, str], undo_keys: str) -> str:
    """The guide in the active language; ``action_texts``: each action's name and its text in the menus,
    ``undo_keys``: the undo action's shortcut as the user reads it."""
    quoted = {name: _("« {entry} »").format(entry=menu_words(text)) for name, text in action_texts.items()}
    referee = _("À quoi sert un référé")
    kinds = _("Les événements et les pièces qui les prouvent")
    path = _("Du premier événement au dossier exporté")
    parts = [f"<h1>{escape(guide_title())}</h1>", f"<h2>{escape(referee)}</h2>"]
    parts += [f"<p>{escape(_(text))}</p>" for text in REFERE]
    parts.append(f"<h2>{escape(kinds)}</h2>")
    parts.append('<table cellspacing="0" cellpadding="6" border="1" style="border-collapse: collapse" width="100%">')
    parts.append("<tr>" + "".join(f"<th align='left'>{escape(head)}</th>" for head in (
        _("Événement"), _("Ce que c'est"), _("La pièce qui le prouve"))) + "</tr>")
    for code in KIND_CODES:
        meaning, proof = KIND_HELP[code]
        parts.append(f"<tr><td><b>{escape(label(code))}</b></td><td>{escape(_(meaning))}</td>"
                     f"<td>{escape(_(proof))}</td></tr>")
    parts.append("</table>")
    parts.append(f"<h2>{escape(path)}</h2><ol>")
    for text, names in STEPS:
        step = _(text).format(**{name: quoted.get(name, name) for name in names})
        parts.append(f"<li>{escape(step)}</li>")
    parts.append("</ol>")
    # What the undo stack holds (``undo_commands``), and what it does not: said, not promised.
    undo = _("Ce que vous changez dans une affaire (ses événements, ses pièces, leurs liens, son nom, sa création) peut être annulé : {keys}. Ne s'annulent pas : la suppression d'une affaire, un taux d'intérêt ajouté, le mot de passe donné à un PDF, une affaire ouverte depuis un fichier ou une archive.").format(keys=undo_keys)
    parts.append(f"<p>{escape(undo)}</p>")
    return "\n".join(parts)

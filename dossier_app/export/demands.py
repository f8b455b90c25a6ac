"""Part 5b: the Demandes — what we ask the judge, from the case's ``demands``; absent when there are none.

Each demand is one numbered line in the style of a writ's « par ces motifs »: "Ordonner à … de …,
sous astreinte de …", "Condamner … à payer …". It is a draft: counsel words the final request.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph

from ..domain.model import Demand, Party
from ..i18n import Translator
from .common import FEMININE_FORMS, part_heading
from .contents import part_titles
from .context import Dossier, Layout
from .styles import styles
from .words import markup


def demands_story(d: Dossier, layout: Layout) -> list[Flowable]:
    if not d.case.demands:
        return []  # no heading, no sommaire line, no bookmark
    w, s = d.words, styles()
    flow: list[Flowable] = part_heading("demands", part_titles(w)["demands"],
                                        "<b>" + w.gettext("Projet, à l\u2019appréciation du conseil") + "</b>")
    flow.append(Paragraph(w.gettext("Il est demandé à la juridiction de :"), s["body"]))
    lines = [demand_line(d, demand) for demand in d.case.demands]
    numbered = ParagraphStyle("demand", parent=s["body"], leftIndent=8 * mm, bulletIndent=0, spaceAfter=7)
    for index, line in enumerate(lines, start=1):
        end = "." if index == len(lines) else w.gettext("\u00a0;")
        flow.append(Paragraph(line.rstrip(" .;") + end, numbered, bulletText=f"{index}."))
    flow.append(Paragraph(w.gettext("Ces demandes sont tirées du dossier tel qu\u2019il a été saisi ; leur rédaction définitive appartient au conseil."), s["note"]))
    flow.append(PageBreak())
    return flow


def named(w: Translator, party: Party) -> str:
    """"la société Pixelune" when the party is a company, else its name; escaped."""
    form = (party.legal_form or "").strip().lower()
    if form and form.startswith(FEMININE_FORMS):
        return w.gettext("la société {name}").format(name=markup(party.name))
    return markup(party.name)


def amount(w: Translator, cents: int) -> str:
    """An amount as the dossier writes it (its narrow no-break spaces hold: export/styles.py)."""
    return w.money(cents)


def _order(d: Dossier, demand: Demand, them: str, us: str) -> str:
    """Restitution or restoration, with its astreinte when one is asked."""
    w = d.words
    what = markup(demand.what)
    penalty = amount(w, demand.penalty_per_day) if demand.penalty_per_day else None
    days = demand.from_days or 0
    restore = demand.kind == "restore_service"
    if penalty and days:
        # "à compter du 1er jour", "du 8e jour": the plural form carries the ordinal's ending.
        text = (w.ngettext("Ordonner à {them} de rétablir {what}, sous astreinte de {penalty} par jour de retard à compter du {days}er jour suivant la signification de l\u2019ordonnance",
                           "Ordonner à {them} de rétablir {what}, sous astreinte de {penalty} par jour de retard à compter du {days}e jour suivant la signification de l\u2019ordonnance", days)
                if restore else
                w.ngettext("Ordonner à {them} de remettre à {us} {what}, sous astreinte de {penalty} par jour de retard à compter du {days}er jour suivant la signification de l\u2019ordonnance",
                           "Ordonner à {them} de remettre à {us} {what}, sous astreinte de {penalty} par jour de retard à compter du {days}e jour suivant la signification de l\u2019ordonnance", days))
        return text.format(them=them, us=us, what=what, penalty=penalty, days=days)
    if penalty:
        text = (w.gettext("Ordonner à {them} de rétablir {what}, sous astreinte de {penalty} par jour de retard à compter de la signification de l\u2019ordonnance")
                if restore else
                w.gettext("Ordonner à {them} de remettre à {us} {what}, sous astreinte de {penalty} par jour de retard à compter de la signification de l\u2019ordonnance"))
        return text.format(them=them, us=us, what=what, penalty=penalty)
    if days:
        text = (w.ngettext("Ordonner à {them} de rétablir {what} dans le {days} jour suivant la signification de l\u2019ordonnance",
                           "Ordonner à {them} de rétablir {what} dans les {days} jours suivant la signification de l\u2019ordonnance", days)
                if restore else
                w.ngettext("Ordonner à {them} de remettre à {us} {what} dans le {days} jour suivant la signification de l\u2019ordonnance",
                           "Ordonner à {them} de remettre à {us} {what} dans les {days} jours suivant la signification de l\u2019ordonnance", days))
        return text.format(them=them, us=us, what=what, days=days)
    text = (w.gettext("Ordonner à {them} de rétablir {what}") if restore else
            w.gettext("Ordonner à {them} de remettre à {us} {what}"))
    return text.format(them=them, us=us, what=what)


def provision_parts(d: Dossier) -> tuple[int, int]:
    """What a provision without an amount claims, on the as-of date: (from the invoices, under the
    contract). As the provider, the claims' undisputed total (principal, penalties, indemnities);
    as the client the invoices are what we owe, not what we claim: nothing from them. Whatever our
    role, what the other side owes under the contract's clauses (claims.md, added 2026-12)."""
    claims = d.claims
    if claims is None:
        return 0, 0
    invoices = claims.totals.grand_total if claims.our_role != "client" else 0
    return max(invoices, 0), max(claims.contract.total, 0)


def provision_amount(d: Dossier, demand: Demand) -> int | None:
    """The provision asked: the demand's amount, else the sum of ``provision_parts`` (None when it
    comes to nothing: counsel sets it)."""
    if demand.amount is not None:
        return demand.amount
    total = sum(provision_parts(d))
    return total if total > 0 else None


def _drawn_provision(d: Dossier, them: str, us: str, cents: int) -> str:
    """The provision drawn from the décompte, saying what it is to be set against."""
    w = d.words
    invoices, contract = provision_parts(d)
    link = '<a href="#part:claims">' + w.gettext("voir le décompte") + "</a>"
    values = {"them": them, "us": us, "amount": amount(w, cents), "day": w.long_day(d.as_of), "see": link}
    if invoices and not contract:
        return w.gettext("Condamner {them} à payer à {us} une provision de {amount} à valoir sur les factures non contestées, les pénalités de retard et les indemnités forfaitaires de recouvrement arrêtées au {day} ({see})").format(**values)
    if invoices:
        return w.gettext("Condamner {them} à payer à {us} une provision de {amount} à valoir sur les factures non contestées, les pénalités de retard, les indemnités forfaitaires de recouvrement et les sommes dues au titre du contrat arrêtées au {day} ({see})").format(**values)
    kinds = {line.kind == "sla" for line in d.claims.contract.lines if line.amount} if d.claims else set()
    if kinds == {True}:
        return w.gettext("Condamner {them} à payer à {us} une provision de {amount} à valoir sur les crédits de service dus au titre du contrat, arrêtés au {day} ({see})").format(**values)
    if kinds == {False}:
        return w.gettext("Condamner {them} à payer à {us} une provision de {amount} à valoir sur les pénalités contractuelles arrêtées au {day} ({see})").format(**values)
    return w.gettext("Condamner {them} à payer à {us} une provision de {amount} à valoir sur les pénalités contractuelles et les crédits de service dus au titre du contrat, arrêtés au {day} ({see})").format(**values)


def demand_line(d: Dossier, demand: Demand) -> str:
    """One demand as a line of the « par ces motifs », in paragraph markup, without its final
    punctuation."""
    w = d.words
    them, us = named(w, d.case.them), named(w, d.case.us)
    extra = markup(demand.text)
    if demand.kind == "other":
        return extra
    if demand.kind in ("restitution", "restore_service"):
        line = _order(d, demand, them, us)
    elif demand.kind == "provision":
        cents = provision_amount(d, demand)
        if cents is None:
            line = w.gettext("Condamner {them} à payer à {us} une provision, dont le montant est à fixer par le conseil").format(them=them, us=us)
        elif demand.amount is None and not extra:  # drawn from the décompte
            line = _drawn_provision(d, them, us, cents)
        else:
            line = w.gettext("Condamner {them} à payer à {us} une provision de {amount}").format(them=them, us=us, amount=amount(w, cents))
            if not extra:
                extra = w.gettext("à valoir sur sa créance")
    elif demand.kind == "article_700":
        if demand.amount is None:
            line = w.gettext("Condamner {them} à payer à {us} une somme, à fixer par le conseil, au titre de l\u2019article 700 du Code de procédure civile").format(them=them, us=us)
        else:
            line = w.gettext("Condamner {them} à payer à {us} la somme de {amount} au titre de l\u2019article 700 du Code de procédure civile").format(them=them, us=us, amount=amount(w, demand.amount))
    else:  # costs
        line = w.gettext("Condamner {them} aux entiers dépens").format(them=them)
    return f"{line}, {extra}" if extra else line

"""The letters drafted from a case (issue 16): their amounts are the claims' on the letter's date, to
the cent; they name every invoice unpaid and every access withheld; the deadline is the day + N; English
on request; the same inputs give the same letter."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier_app.demo import demo_document
from dossier_app.domain.claims import ClaimsResult, compute_claims
from dossier_app.domain.claims_report import claims_document
from dossier_app.domain.codec import decode_document
from dossier_app.domain.letters import (
    LETTER_KINDS,
    LetterDoc,
    LetterKind,
    LetterOptions,
    draft_letter,
)
from dossier_app.domain.model import Access, Case, CaseFile, Contract, Party, PaymentTerms
from dossier_app.domain.money import parse_amount
from dossier_app.i18n import translator
from tests.support.claims_builders import (
    access,
    case,
    contract_case,
    d,
    eur,
    exhibit,
    invoice,
    notice,
    payment,
    per_day,
    shipped_rates,
)
from tests.support.strategies import case_files

DAY = date(2025, 11, 30)
FRENCH_AMOUNT = re.compile(r"(-?\d{1,3}(?:\u202f\d{3})*),(\d{2})\u00a0€")
ENGLISH_AMOUNT = re.compile(r"(-?)€(\d{1,3}(?:,\d{3})*)\.(\d{2})")


def demo_case() -> CaseFile:
    decoded = decode_document(demo_document()[0])
    assert decoded.case is not None and decoded.problems == ()
    return CaseFile(decoded.case, decoded.events, tuple(x.exhibit for x in decoded.exhibits))


def claims_on(case_file: CaseFile, day: date) -> ClaimsResult:
    return compute_claims(case_file, day, shipped_rates())


def letter(kind: LetterKind, case_file: CaseFile, day: date = DAY, lang: str = "fr", days: int = 8) -> LetterDoc:
    return draft_letter(kind, case_file, claims_on(case_file, day), LetterOptions(day, lang, days))


def text_of(doc: LetterDoc) -> str:
    parts = [*doc.sender, *doc.recipient, doc.place_date, doc.sending, doc.subject, *doc.signature,
             doc.draft_note, doc.title]
    for block in doc.blocks:
        parts += [block.text, *block.items, *(cell for row in block.rows for cell in row)]
    return "\n".join(parts)


def amounts_in(text: str) -> list[int]:
    return [parse_amount(f"{units.replace(chr(0x202f), '')}.{rest}") for units, rest in FRENCH_AMOUNT.findall(text)]


def claims_amounts(claims: ClaimsResult) -> set[int]:
    """Every amount ``claims --json`` prints for that day."""
    found: set[int] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and re.fullmatch(r"-?\d+\.\d{2}", value):
            found.add(parse_amount(value))

    walk(claims_document(claims))
    return found


def unpaid_numbers(claims: ClaimsResult) -> list[str]:
    return [c.number for c in claims.invoices if c.outstanding > 0]


# --- the demo case (the atelier, client of Pixelune) ------------------------------------------------

def test_demo_formal_notice_names_every_access_and_offers_the_undisputed_amount() -> None:
    case_file = demo_case()
    claims = claims_on(case_file, DAY)
    doc = letter("mise-en-demeure", case_file)
    text = text_of(doc)
    accounts = {e.account for e in case_file.events if isinstance(e, Access) and e.date <= DAY}
    assert accounts and [a for a in accounts if a not in text] == []
    assert set(amounts_in(text)) <= claims_amounts(claims)
    offer = translator("fr").money(claims.totals.outstanding_undisputed)
    assert f"nous sommes disposés à régler la somme de {offer}" in text
    assert translator("fr").money(claims.contract.total) in text  # the reversibility clause's penalty, on that day
    assert "trouble manifestement illicite" in text and "article 873 du Code de procédure civile" in text
    assert "F-2025-082" in text  # the disputed shop, named apart from the offer
    assert doc.sending == "Lettre recommandée avec demande d'avis de réception"
    assert doc.sender[:2] == ("Atelier Lemoine", "SARL — SIREN 832\u00a0451\u00a0793")
    assert doc.place_date == "Laval, le 30 novembre 2025"
    assert doc.signature == ("Claire Lemoine, gérante", "Atelier Lemoine SARL")
    assert doc.title == "Mise en demeure du 30 novembre 2025"
    assert "conseil juridique" in doc.draft_note


@pytest.mark.parametrize("days", [8, 15])
def test_the_deadline_is_the_day_plus_the_days_chosen(days: int) -> None:
    doc = letter("mise-en-demeure", demo_case(), days=days)
    assert doc.deadline == DAY + timedelta(days=days)
    assert f"dans un délai de {days} jours, soit au plus tard le {translator('fr').long_day(doc.deadline)}" in text_of(doc)


def test_demo_injunction_is_the_creditors_procedure_in_one_block() -> None:
    doc = letter("injonction", demo_case())
    assert len(doc.blocks) == 1 and "procédure du créancier" in doc.blocks[0].text
    assert amounts_in(text_of(doc)) == []


def test_demo_reminder_asks_for_the_accesses() -> None:
    case_file = demo_case()
    text = text_of(letter("relance", case_file))
    withheld = {e.account for e in case_file.events if isinstance(e, Access) and e.action in ("refused",
                                                                                              "changed_without_consent")}
    assert [a for a in withheld if a not in text] == []
    assert letter("relance", case_file).deadline is None


@pytest.mark.parametrize("kind", LETTER_KINDS)
def test_the_same_inputs_give_an_equal_letter(kind: LetterKind) -> None:
    assert letter(kind, demo_case()) == letter(kind, demo_case())


def test_english_on_request() -> None:
    doc = letter("mise-en-demeure", demo_case(), lang="en")
    text = text_of(doc)
    claims = claims_on(demo_case(), DAY)
    assert doc.lang == "en" and doc.title == "Formal notice of 30 November 2025"
    assert doc.place_date == "Laval, 30 November 2025"
    assert translator("en").money(claims.totals.outstanding_undisputed) in text
    assert "Madame" not in text and "disposés" not in text
    english = {parse_amount(f"{sign}{units.replace(',', '')}.{rest}") for sign, units, rest in ENGLISH_AMOUNT.findall(text)}
    assert english and english <= claims_amounts(claims)


# --- a creditor's case ------------------------------------------------------------------------------

def creditor_case(rate: str | None = None, notes: str | None = None) -> CaseFile:
    base = case(
        invoice("a", "2025-03-01", "1200.00", "F-001"),
        invoice("b", "2025-04-15", "800.00", "F-002"),
        payment("p", "2025-05-20", "300.00", "b"),
        invoice("c", "2025-05-02", "500.00", "F-003", disputed=True),
        invoice("e", "2025-02-01", "100.00", "F-000"),
        payment("q", "2025-04-10", "100.00", "e"),  # paid late: its penalties and indemnity are still owed
        notice("med", "2025-09-01"),
        role="provider", rate=rate,
        exhibits=(exhibit("Facture F-002", "b", number=3), exhibit("Contrat", number=1),
                  exhibit("Brouillon", number=2, include=False), exhibit("Mise en demeure", "med", number=4)),
    )
    contract = Contract(reference="CT-7", signed_on=d("2025-01-10"), payment_terms=PaymentTerms.parse("30_days"),
                        late_penalty_rate=base.case.contract.late_penalty_rate if base.case.contract else None,
                        notes=notes)
    us = Party("Studio Nord", "SARL", "732829320", "3 rue Haute\n75002 Paris", "Léa Brun, gérante")
    them = Party("Client Sud", "SAS", "552100554", "9 avenue Basse, 13001 Marseille", "Marc Roux, président")
    return replace(base, case=replace(base.case, us=us, them=them, contract=contract,
                                      court="Tribunal de commerce de Paris"))


def test_creditor_formal_notice_claims_the_invoices_penalties_and_indemnities_on_the_day() -> None:
    case_file = creditor_case(notes="Article 12 : suspension des prestations après mise en demeure restée sans effet.")
    claims = claims_on(case_file, DAY)
    doc = letter("mise-en-demeure", case_file, days=15)
    text = text_of(doc)
    money = translator("fr").money
    totals = claims.totals
    for amount in (totals.grand_total, totals.outstanding_undisputed, totals.penalties_undisputed,
                   totals.indemnities_undisputed):
        assert money(amount) in text
    assert set(amounts_in(text)) <= claims_amounts(claims)
    assert [n for n in unpaid_numbers(claims) if n not in text] == []
    assert "F-000" in text  # paid late: its penalties are part of the total
    assert "F-003" in text and "que vous contestez" in text
    assert "le taux de l'article L441-10 du Code de commerce (taux de refinancement de la BCE majoré de 10 points)" in text
    assert "taux légal" not in text
    assert "Banque de France" in text  # the rate's source
    assert "nous suspendrons nos prestations" in text
    assert "nous saisirons le Tribunal de commerce de Paris" in text
    assert doc.place_date == "Paris, le 30 novembre 2025"
    assert doc.deadline == date(2025, 12, 15)
    table = next(b for b in doc.blocks if b.kind == "table")
    assert [row[0] for row in table.rows[1:]] == ["F-000", "F-001", "F-002", "Total"]


def test_creditor_with_a_contract_rate_names_it_and_no_suspension_unless_announced() -> None:
    doc = letter("mise-en-demeure", creditor_case(rate="15"))
    text = text_of(doc)
    assert "calculées en appliquant le taux contractuel" in text
    assert "le taux contractuel" in text and "taux légal" not in text
    assert "suspendrons" not in text


def test_creditor_reminder_lists_the_unpaid_invoices_and_their_total() -> None:
    case_file = creditor_case()
    claims = claims_on(case_file, DAY)
    doc = letter("relance", case_file)
    text = text_of(doc)
    assert [n for n in unpaid_numbers(claims) if n not in text] == []
    assert translator("fr").money(claims.totals.outstanding_undisputed) in text
    assert set(amounts_in(text)) <= claims_amounts(claims)
    assert doc.sending == "" and doc.deadline is None


def test_creditor_injunction_follows_the_form_and_lists_the_pieces_in_order() -> None:
    case_file = creditor_case()
    claims = claims_on(case_file, DAY)
    doc = letter("injonction", case_file)
    text = text_of(doc)
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert headings == ["Demandeur", "Défendeur", "Montant de la créance", "Décompte", "Fondement de la demande",
                        "Pièces jointes"]
    assert "SIREN : 552\u00a0100\u00a0554" in text and "Représentant légal : Marc Roux, président" in text
    assert set(amounts_in(text)) <= claims_amounts(claims)
    assert translator("fr").money(claims.totals.grand_total) in text
    pieces = [b for b in doc.blocks if b.kind == "items"][-1].items
    assert pieces == ("Pièce n° 1 : Contrat", "Pièce n° 3 : Facture F-002", "Pièce n° 4 : Mise en demeure")
    assert "lettre recommandée n° 1A00000000001" in text
    assert "F-003" in text and "contestée par le défendeur" in text and "vous" not in text  # read by the judge
    decompte = [b for b in doc.blocks if b.kind == "table"][1:]
    assert len(decompte) == len([c for c in claims.undisputed if c.total > 0])


def test_a_client_formal_notice_names_the_contract_penalty() -> None:
    case_file = contract_case(
        access("mdp", "2025-08-25", "changed_without_consent", "compte DNS"),
        access("ask", "2025-08-26", "requested", "compte DNS et hébergement"),
        notice("med", "2025-09-01", actor="us"),
        access("ref", "2025-09-12", "refused", "hébergement"),
        invoice("i", "2025-07-01", "600.00", "F-9"),
        penalties=(per_day("100.00", "retard de restitution", "med", cap="5000.00"),))
    claims = claims_on(case_file, DAY)
    assert claims.contract.lines
    text = text_of(letter("mise-en-demeure", case_file))
    for account in ("compte DNS", "compte DNS et hébergement", "hébergement"):
        assert account in text
    assert "retard de restitution" in text and translator("fr").money(claims.contract.total) in text
    assert "F-9" in text and set(amounts_in(text)) <= claims_amounts(claims)


# --- generated cases -----------------------------------------------------------------------------------

@settings(deadline=None, max_examples=40)
@given(case_files(max_events=10), st.sampled_from(["client", "provider"]), st.sampled_from(LETTER_KINDS),
       st.dates(min_value=date(2015, 1, 1), max_value=date(2027, 12, 31)), st.sampled_from([8, 15]))
def test_generated_cases(case_file: CaseFile, role: str, kind: LetterKind, day: date, days: int) -> None:
    case_file = replace(case_file, case=replace(case_file.case, our_role=role))
    claims = claims_on(case_file, day)
    doc = draft_letter(kind, case_file, claims, LetterOptions(day, "fr", days))
    text = text_of(doc)
    assert set(amounts_in(text)) <= claims_amounts(claims)
    assert doc == draft_letter(kind, case_file, claims_on(case_file, day), LetterOptions(day, "fr", days))
    if kind == "mise-en-demeure":
        assert doc.deadline == day + timedelta(days=days)
    if role == "provider" and kind != "injonction":
        assert [n for n in unpaid_numbers(claims) if n not in text] == []
        if claims.totals.outstanding_undisputed:
            assert translator("fr").money(claims.totals.outstanding_undisputed) in text
    if role == "client" and kind == "mise-en-demeure":
        accounts = {e.account for e in case_file.events if isinstance(e, Access) and e.date <= day}
        assert [a for a in accounts if a not in text] == []
        assert [n for n in unpaid_numbers(claims) if n not in text] == []


def test_a_party_without_an_address_dates_the_letter_without_a_town() -> None:
    bare = CaseFile(Case("T", "provider", Party("Nous"), Party("Eux")), (invoice("a", "2025-01-01", "10.00"),))
    doc = letter("mise-en-demeure", bare)
    assert doc.place_date == "Le 30 novembre 2025" and doc.sender == ("Nous",) and doc.recipient == ("Eux",)
    assert eur("10.00") in amounts_in(text_of(doc))

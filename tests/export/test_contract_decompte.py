"""The décompte's « Sommes dues par [them] au titre du contrat » (issue 18): each clause quoted, its
computation, the pièces proving its dates, the total; absent when nothing runs under the contract.

The lines are built by hand (``dataclasses.replace`` on a computed result): the rendering is tested
whatever the computation; tests/cli/test_claims_contract.py runs the whole way.
"""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from dossier_app.domain.claims import compute_claims
from dossier_app.domain.contract_claims import ContractClaims, ContractLine
from dossier_app.domain.model import (
    Access,
    Case,
    CaseFile,
    Contract,
    CreditStep,
    Demand,
    Exhibit,
    ExhibitLink,
    Outage,
    Party,
    PaymentTerms,
    PenaltyClause,
    RegisteredLetter,
    ServiceLevel,
)
from dossier_app.domain.money import Cents
from dossier_app.export import ExportOptions, export_dossier
from dossier_app.export.contents import part_titles
from dossier_app.i18n import translator
from tests.export.export_helpers import make_pdf, normalize, sha
from tests.support.claims_builders import invoice, payment, shipped_rates

AS_OF = date(2025, 11, 30)
NOTICE = RegisteredLetter(id="mise-en-demeure", date=date(2025, 10, 1), title="Mise en demeure de restituer les accès",
                          formal_notice=True, deadline_days=8, first_presented_on=date(2025, 10, 3))
RESTORED = Access(id="restitution", date=date(2025, 11, 20), title="Accès restitués", account="hébergement",
                  action="restored")
OUTAGE = Outage(id="panne", date=date(2025, 10, 14), title="Messagerie coupée", start=datetime(2025, 10, 14, 8, 0),
                end=datetime(2025, 10, 14, 17, 18, 45), services=("messagerie",))
SLA = ServiceLevel(Decimal("99.5"), Cents(12_000), ("messagerie",),
                   (CreditStep(Decimal("99.5"), Decimal("10")), CreditStep(Decimal("99"), Decimal("25"))))
# Deadline 11/10 (8 days from the first presentation on 3/10), restitution on 20/11: from 12/10 to
# 20/11, both counted, 20 + 20 = 40 days × 150 € = 6 000 €, capped at 4 500 €.
PER_DAY = ContractLine(kind="per_day", purpose="Retard dans la restitution des accès (article 9)",
                       amount=Cents(450_000), event_id="mise-en-demeure", until_event_id="restitution",
                       start=date(2025, 10, 12), end=date(2025, 11, 20), days=40, per_day=Cents(15_000),
                       cap=Cents(450_000), capped=True, event_date=date(2025, 10, 1), deadline=date(2025, 10, 11),
                       gross=Cents(600_000))
# October 2025 lasts 745 h (the clocks go back on the 26th): 9 h 18 min 45 s down = 33 525 s of
# 2 682 000 s, 98,75 % available, under 99 %: 25 % of 120,00 € = 30,00 €.
CREDIT = ContractLine(kind="sla", purpose="messagerie", amount=Cents(3000), month=date(2025, 10, 1),
                      downtime_seconds=33_525, month_seconds=2_682_000, availability=Decimal("98.75"),
                      percent=Decimal("25"), fee=Cents(12_000), below=Decimal("99"), outage_ids=("panne",))
FLAT = ContractLine(kind="flat", purpose="Transfert de l'hébergement chez un tiers sans accord", amount=Cents(1_000_000),
                    event_id="transfert", event_date=date(2025, 9, 12))


def _case(tmp_path: Path, role: str, invoices: bool = True,
          demands: tuple[Demand, ...] = ()) -> tuple[CaseFile, dict[str, Path]]:
    files = {name: make_pdf(tmp_path / f"{name}.pdf", 1, name) for name in ("lrar", "restitution", "panne")}
    links = {"lrar": "mise-en-demeure", "restitution": "restitution", "panne": "panne"}
    exhibits = tuple(Exhibit(sha256=sha(path), title=name, original_name=path.name, number=n,
                             links=(ExhibitLink(links[name]),), pages=1, media_type="application/pdf")
                     for n, (name, path) in enumerate(files.items(), start=1))
    contract = Contract(payment_terms=PaymentTerms.parse("30_days"), sla=SLA,
                        penalties=(PenaltyClause("per_day", Cents(15_000), PER_DAY.purpose,
                                                 from_event="mise-en-demeure", until_event="restitution",
                                                 cap=Cents(450_000)),))
    events = [NOTICE, RESTORED, OUTAGE]
    if invoices:
        events += [invoice("f1", "2025-09-01", "1200.00", number="F1"), payment("p1", "2025-10-15", "200.00")]
    header = Case("Atelier c/ Pixelune", role, Party("Atelier Lemoine"),  # type: ignore[arg-type]
                  Party("Pixelune", legal_form="SAS"), contract=contract, demands=demands)
    return CaseFile(header, tuple(events), exhibits), {sha(p): p for p in files.values()}


def _export(tmp_path: Path, role: str, lines: tuple[ContractLine, ...], lang: str = "fr",
            invoices: bool = True, demands: tuple[Demand, ...] = ()) -> str:
    """The dossier's text from the décompte to the bordereau."""
    case_file, paths = _case(tmp_path, role, invoices, demands)
    # The invoices' figures from the engine, the contract's lines as given (whatever its computation).
    assert case_file.case.contract is not None
    plain = replace(case_file, case=replace(case_file.case, contract=replace(case_file.case.contract, penalties=(),
                                                                             sla=None)))
    claims = replace(compute_claims(plain, AS_OF, shipped_rates()), contract=ContractClaims(lines))
    output = tmp_path / f"dossier-{role}-{lang}.pdf"
    export_dossier(case_file, lambda x: paths[x.sha256], ExportOptions(as_of=AS_OF, lang=lang), output,
                   claims=claims)
    # In the content's order (-raw): a table's cells one after the other, not side by side.
    raw = subprocess.run(["pdftotext", "-raw", str(output), "-"], capture_output=True, check=True).stdout
    text = " ".join(normalize(raw.decode("utf-8")).split())
    bordereau = "Bordereau de communication de pièces" if lang == "fr" else "List of exhibits communicated"
    return text[text.index(part_titles(translator(lang), role)["claims"] + " "):text.rindex(bordereau)]


def _decompte(tmp_path: Path, role: str, lines: tuple[ContractLine, ...], lang: str = "fr",
              invoices: bool = True) -> str:
    return _export(tmp_path, role, lines, lang, invoices)


def _provision(tmp_path: Path, role: str, lines: tuple[ContractLine, ...], lang: str = "fr",
               invoices: bool = True, demand: Demand | None = None) -> str:
    text = _export(tmp_path, role, lines, lang, invoices, (demand or Demand("provision"),))
    title = part_titles(translator(lang))["demands"]
    demands = text[text.index(title + " "):]
    return demands[demands.index("1. "):].split(" 2. ")[0]


@pytest.mark.parametrize("role", ["provider", "client"])
def test_each_clause_quoted_with_its_computation_and_proof(tmp_path: Path, role: str) -> None:
    text = _decompte(tmp_path, role, (PER_DAY, CREDIT))
    part = text[text.index("Sommes dues par Pixelune au titre du contrat"):]
    assert "Sommes dues à Atelier Lemoine par Pixelune en application des clauses du contrat, arrêtées au 30 novembre 2025." in part
    assert "« Retard dans la restitution des accès (article 9) »" in part
    assert "du 12/10/2025 au 20/11/2025, 40 jours × 150,00 € = 6 000,00 €, plafonné à 4 500,00 €" in part
    assert "Point de départ : Mise en demeure de restituer les accès, le 1er octobre 2025 (Pièce n° 1)" in part
    assert "Délai de la mise en demeure expiré le 11 octobre 2025" in part
    assert "Arrêtée par : Accès restitués, le 20 novembre 2025 (Pièce n° 2)" in part
    assert "Crédit de service (messagerie)" in part and "Disponibilité promise : 99,5 %" in part
    assert "octobre 2025 : disponibilité 98,75 % < 99 % → 25 % de 120,00 €" in part
    # October 2025 is an hour longer: 31 days and 1 hour.
    assert "indisponibilité totale de 9 h 18 min sur un mois de 31 j 1 h" in part
    assert "Pannes : Pièce n° 3" in part
    assert "Total des sommes dues par Pixelune au titre du contrat 4 530,00 €" in part
    assert "total dû" not in part.lower()  # as the client, nothing reads as a total we owe
    # Our claim, whatever our role: no reserve, no estimate.
    assert "sans reconnaissance" not in part and "estimation" not in part.split("Détail")[0].lower()
    if role == "provider":
        assert "ne sont pas comprises dans le total réclamable ci-dessus" in part
        # The invoices' total is the invoices' alone: 1 000,00 € + penalties + 40 € indemnity.
        total = text[text.index("TOTAL RÉCLAMABLE AU 30/11/2025"):].split("€")[0]
        assert "4 5" not in total and "1 0" in total
    else:
        assert "ne sont pas déduites de l’offre ci-dessus" in part
        offer = text[text.index("OFFRE DE RÈGLEMENT DU PRINCIPAL NON CONTESTÉ AU 30/11/2025"):]
        assert offer.split("€")[0].endswith("1 000,00 ")


def test_a_flat_penalty_without_invoices_is_not_rien_a_decompter(tmp_path: Path) -> None:
    text = _decompte(tmp_path, "client", (FLAT,), invoices=False)
    assert "il n’y a rien à décompter" not in text
    assert "« Transfert de l'hébergement chez un tiers sans accord »" in text
    assert "Manquement : " not in text and "pénalité forfaitaire 10 000,00 €" in text  # no event: no line for it
    assert "Total des sommes dues par Pixelune au titre du contrat 10 000,00 €" in text


def test_absent_when_nothing_runs_under_the_contract(tmp_path: Path) -> None:
    text = _decompte(tmp_path, "provider", ())
    assert "au titre du contrat" not in text and "Clause du contrat" not in text


def test_in_english(tmp_path: Path) -> None:
    text = _decompte(tmp_path, "client", (PER_DAY, CREDIT), lang="en")
    part = text[text.index("Owed by Pixelune under the contract"):]
    assert "Owed to Atelier Lemoine by Pixelune under the clauses of the contract, as of 30 November 2025." in part
    assert "“Retard dans la restitution des accès (article 9)”" in part
    assert "from 2025-10-12 to 2025-11-20, 40 days × €150.00 = €6,000.00, capped at €4,500.00" in part
    assert "October 2025: availability 98.75% < 99% → 25% of €120.00" in part
    assert "Total owed by Pixelune under the contract €4,530.00" in part


def test_an_outage_still_going_on_is_said(tmp_path: Path) -> None:
    running = replace(CREDIT, ongoing_ids=("panne",))
    text = _decompte(tmp_path, "provider", (running,))
    assert "1 panne sans fin connue, comptée jusqu’à la fin du 30 novembre 2025" in text
    assert "Pannes : Pièce n° 3" in text


# --- the provision demand without an amount -------------------------------------------
# The invoices' figures here, computed by the engine: F1, 1 200,00 € due 1/10/2025, 200,00 € paid on
# 15/10: 1 000,00 € + 20,90 € of penalties + 40,00 € = 1 060,90 € (test above's décompte).

def test_as_the_provider_the_provision_adds_the_contract_to_the_invoices(tmp_path: Path) -> None:
    line = _provision(tmp_path, "provider", (PER_DAY, CREDIT))
    # 1 060,90 € + 4 530,00 € = 5 590,90 €
    assert line.startswith("1. Condamner la société Pixelune à payer à Atelier Lemoine une provision de 5 590,90 € "
                           "à valoir sur les factures non contestées, les pénalités de retard, les indemnités "
                           "forfaitaires de recouvrement et les sommes dues au titre du contrat arrêtées au "
                           "30 novembre 2025 (voir le décompte)"), line


def test_as_the_provider_without_clauses_the_provision_is_as_before(tmp_path: Path) -> None:
    line = _provision(tmp_path, "provider", ())
    assert line.startswith("1. Condamner la société Pixelune à payer à Atelier Lemoine une provision de 1 060,90 € "
                           "à valoir sur les factures non contestées, les pénalités de retard et les indemnités "
                           "forfaitaires de recouvrement arrêtées au 30 novembre 2025 (voir le décompte)"), line


@pytest.mark.parametrize(("lines", "total", "what"), [
    ((PER_DAY,), "4 500,00 €", "les pénalités contractuelles arrêtées au"),
    ((CREDIT,), "30,00 €", "les crédits de service dus au titre du contrat, arrêtés au"),
    ((PER_DAY, CREDIT), "4 530,00 €", "les pénalités contractuelles et les crédits de service dus au titre du contrat, "
                                      "arrêtés au"),
])
def test_as_the_client_the_provision_claims_the_contract_alone(tmp_path: Path, lines, total, what) -> None:
    line = _provision(tmp_path, "client", lines)
    # Never the invoices we owe (1 000,00 € of principal), only what the provider owes us.
    assert line.startswith(f"1. Condamner la société Pixelune à payer à Atelier Lemoine une provision de {total} "
                           f"à valoir sur {what} 30 novembre 2025 (voir le décompte)"), line


def test_as_the_client_without_clauses_counsel_sets_it(tmp_path: Path) -> None:
    line = _provision(tmp_path, "client", ())
    assert "une provision, dont le montant est à fixer par le conseil" in line


def test_an_amount_given_is_kept(tmp_path: Path) -> None:
    line = _provision(tmp_path, "client", (PER_DAY,), demand=Demand("provision", amount=Cents(300_000)))
    assert "une provision de 3 000,00 €, à valoir sur sa créance" in line


def test_provision_in_english(tmp_path: Path) -> None:
    line = _provision(tmp_path, "client", (PER_DAY,), lang="en")
    assert "an interim payment of €4,500.00 on account of the contractual penalties as of 30 November 2025" in line

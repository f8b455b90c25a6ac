"""The readiness check on the contract's clauses: a clause whose event is missing, a penalty per day still
running, an outage counted with no end, a month's service credit that no exhibit proves."""

from __future__ import annotations

from dataclasses import replace

from dossier_app.cli.hints import line as command_line
from dossier_app.domain.checks import INFO, WARNING
from dossier_app.domain.model import Contract
from dossier_app.i18n import using
from tests.domain.test_checks import clean_case, codes, run
from tests.support.claims_builders import access, exhibit, flat, outage, per_day, service_level

LADDER = (("99.9", "5"), ("99.5", "10"), ("99", "25"))


def with_contract(*events, penalties=(), sla=None, exhibits=()):
    """The ready case of test_checks, with these clauses in its contract."""
    file = clean_case(*events, exhibits=exhibits)
    contract = replace(file.case.contract or Contract(), penalties=penalties, sla=sla)
    return replace(file, case=replace(file.case, contract=contract))


def found(findings, code):
    return [f for f in findings if f.code == code]


def test_a_clause_whose_event_is_not_in_the_case_says_nothing_is_claimed_and_what_to_do():
    file = with_contract(penalties=(flat("100000.00", "transfert de l'hébergement sans accord", "transfert"),
                                    per_day("150.00", "retard de restitution", "mise-en-demeure")))
    findings = run(file, as_of="2025-06-30")
    assert codes(findings, code="clause_event_missing") == [(WARNING, "clause_event_missing")] * 2
    first, second = found(findings, "clause_event_missing")
    assert first.message == ("Clause « transfert de l'hébergement sans accord » du contrat : elle renvoie à "
                             "l'événement « transfert », qui n'est pas dans la chronologie, et rien n'est réclamé "
                             "à ce titre ; ajoutez cet événement, ou corrigez son identifiant dans la clause.")
    assert "« mise-en-demeure »" in second.message and first.event_id is None
    # With its events, nothing to say.
    fixed = with_contract(access("transfert", "2025-03-14", "changed_without_consent"),
                          access("mise-en-demeure", "2025-03-20", "requested"),
                          penalties=file.case.contract.penalties,
                          exhibits=(exhibit("constat", "transfert", "mise-en-demeure", day="2025-03-20", number=3),))
    assert found(run(fixed, as_of="2025-06-30"), "clause_event_missing") == []


def test_a_penalty_still_running_says_so_and_what_stops_it():
    refused = access("refus", "2025-06-10", "refused")
    proof = (exhibit("refus", "refus", day="2025-06-10", number=3),)
    waiting = with_contract(refused, exhibits=proof, penalties=(
        per_day("150.00", "retard de restitution", "refus", until="restitution"),))
    (finding,) = found(run(waiting, as_of="2025-06-30"), "penalty_running")
    # 11 → 30 June: 20 days × 150 € = 3 000 €.
    assert (finding.severity, finding.event_id) == (INFO, "refus")
    assert finding.message == ("Pénalité « retard de restitution » : elle court toujours au 30/06/2025 "
                               "(150,00\u00a0€ par jour depuis le 11/06/2025, soit 3\u202f000,00\u00a0€) ; le jour "
                               "où elle s'arrête (à la restitution des accès, par exemple), ajoutez à la chronologie "
                               "l'événement « restitution » que la clause attend.")
    # Once the restitution is in the case, or the cap reached, nothing more to say.
    restored = replace(waiting, events=(*waiting.events, access("restitution", "2025-06-20")))
    assert found(run(restored, as_of="2025-06-30"), "penalty_running") == []
    capped = with_contract(refused, exhibits=proof, penalties=(
        per_day("150.00", "retard de restitution", "refus", until="restitution", cap="1000.00"),))
    assert found(run(capped, as_of="2025-06-30"), "penalty_running") == []
    # A clause that names nothing to stop it: a warning, about the clause.
    endless = with_contract(refused, exhibits=proof, penalties=(per_day("150.00", "retard", "refus"),))
    (finding,) = found(run(endless, as_of="2025-06-30"), "penalty_without_end")
    assert finding.severity == WARNING and finding.event_id is None
    assert "la clause ne dit pas quel événement l'arrête (la restitution des accès, par exemple) : indiquez-le" in finding.message


def test_an_outage_counted_with_no_end_is_said_once_and_its_months_credit_without_proof():
    mailbox = service_level("1200.00", *LADDER, services=("messagerie",))
    running = outage("panne", "2025-06-28T18:00", None)
    findings = run(with_contract(running, sla=mailbox), as_of="2025-06-30")
    assert codes(findings, event_id="panne") == [(WARNING, "sla_outage_ongoing"), (WARNING, "sla_month_unproved")]
    ongoing, unproved = found(findings, "sla_outage_ongoing")[0], found(findings, "sla_month_unproved")[0]
    assert ongoing.message == ("Coupure « Coupure panne » du 28/06/2025 : sans heure de fin, elle est comptée dans "
                               "le crédit de service jusqu'à la fin du 30/06/2025 ; indiquez l'heure du "
                               "rétablissement dès qu'il a lieu.")
    # 28 June 18:00 → 1 July 00:00 = 54 h of 720 h: 92.5 % → 25 % of 1 200 € = 300 €.
    assert unproved.message == ("Crédit de service pour juin 2025 (300,00\u00a0€) : aucune pièce ne prouve la coupure "
                                "« Coupure panne » du 28/06/2025 ; liez-y un constat, des captures d'écran ou les "
                                "messages qui l'établissent.")
    # Proved: only the missing end is left.
    proved = with_contract(running, sla=mailbox, exhibits=(exhibit("captures", "panne", day="2025-06-28", number=3),))
    assert codes(run(proved, as_of="2025-06-30"), event_id="panne") == [(WARNING, "sla_outage_ongoing")]
    # An ongoing outage the service level does not count (another service): the usual finding only.
    site = outage("site", "2025-06-28T18:00", None, "site web")
    assert codes(run(with_contract(site, sla=mailbox), as_of="2025-06-30"), event_id="site") == [
        (WARNING, "outage_unproved")]


def test_a_months_credit_names_every_outage_nothing_proves():
    mailbox = service_level("1200.00", *LADDER)
    a = outage("a", "2025-06-10T08:00", "2025-06-10T12:00")
    b = outage("b", "2025-06-11T08:00", "2025-06-11T12:00")
    c = outage("c", "2025-06-12T08:00", "2025-06-12T09:00")
    file = with_contract(a, b, c, sla=mailbox, exhibits=(exhibit("constat", "c", day="2025-06-12", number=3),))
    findings = run(file, as_of="2025-06-30")
    (finding,) = found(findings, "sla_month_unproved")
    # 4 + 4 + 1 = 9 h of 720 h: 98.75 % → 25 % of 1 200 € = 300 €.
    assert finding.message.startswith("Crédit de service pour juin 2025 (300,00\u00a0€) : aucune pièce ne prouve "
                                      "les coupures « Coupure a » du 10/06/2025, « Coupure b » du 11/06/2025 ;")
    assert finding.event_id == "a"
    # Not said twice: no « aucune pièce ne prouve » about each of them.
    assert found(findings, "event_without_exhibit") == []


def test_a_month_without_credit_leaves_its_outages_to_the_usual_finding():
    # 10 minutes in June: 99.98 %, no credit: the month says nothing, the outage's own finding stays.
    file = with_contract(outage("micro", "2025-06-05T10:00", "2025-06-05T10:10"),
                         sla=service_level("1200.00", *LADDER))
    findings = run(file, as_of="2025-06-30")
    assert found(findings, "sla_month_unproved") == []
    assert codes(findings, event_id="micro") == [(WARNING, "event_without_exhibit")]


def test_each_finding_is_said_in_english_and_the_command_says_how():
    file = with_contract(access("refus", "2025-06-10", "refused"), outage("panne", "2025-06-28T18:00", None),
                         penalties=(flat("1000.00", "transfert", "absent"),
                                    per_day("150.00", "retard", "refus", until="restitution"),
                                    per_day("10.00", "sans fin", "refus")),
                         sla=service_level("1200.00", *LADDER))
    with using("en"):
        findings = run(file, as_of="2025-06-30")
        said = {f.code: command_line(f) for f in findings}
    for code in ("clause_event_missing", "penalty_running", "penalty_without_end", "sla_outage_ongoing",
                 "sla_month_unproved"):
        assert code in said, code
        assert "\"dossier " in said[code], said[code]
        assert not any(word in said[code] for word in ("Pénalité", "Coupure «", "Crédit de service", "chronologie")), said[code]
    assert "June 2025" in said["sla_month_unproved"]

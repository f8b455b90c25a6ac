"""`case set` and `dump` carry counsel's city and bar, the opposing counsel and the demands, in order."""

from __future__ import annotations

import json

from tests.support.cases import small_document, write_case

COUNSEL = {"name": "Me Claire Durand", "firm": "Durand Avocats", "email": "cd@durand-avocats.fr",
           "phone": "02 43 00 00 00", "city": "Laval", "bar": "barreau de Laval"}
OPPOSING = {"name": "Me Paul Lefort", "firm": "Lefort & Associés", "email": "pl@lefort.fr",
            "phone": "01 40 00 00 00", "city": "Paris", "bar": "barreau de Paris"}
DEMANDS = [
    {"kind": "restitution", "what": "accès administrateur du site et codes du domaine",
     "penalty_per_day": "150.00", "from_days": 8},
    {"kind": "restore_service", "what": "messagerie", "text": "sous 48 heures"},
    {"kind": "provision"},
    {"kind": "provision", "amount": "3000.50"},
    {"kind": "article_700", "amount": "2500.00"},
    {"kind": "costs"},
    {"kind": "other", "text": "Ordonner l'exécution provisoire."},
]


def _block() -> dict:
    return {**small_document()["case"], "counsel": COUNSEL, "opposing_counsel": OPPOSING, "demands": DEMANDS}


def test_case_set_takes_both_counsel_and_the_demands_and_dump_writes_them_back_in_order(dossier, tmp_path) -> None:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    run = dossier("case", "set", "1", "-", stdin=json.dumps(_block()))
    assert run.code == 0, run.err
    case = json.loads(dossier("dump", "1").out)["case"]
    assert case["counsel"] == COUNSEL
    assert case["opposing_counsel"] == OPPOSING
    assert case["demands"] == DEMANDS


def test_case_set_refuses_a_demand_without_what_it_needs_and_changes_nothing(dossier) -> None:
    assert dossier("case", "new", "Vide").code == 0
    before = json.loads(dossier("dump", "1").out)["case"]
    bad = {**_block(), "demands": [{"kind": "article_700"}, {"kind": "restitution", "penalty_per_day": "12,50"},
                                   {"kind": "dommages"}]}
    run = dossier("case", "set", "1", "-", stdin=json.dumps(bad))
    assert run.code == 1
    for path in ("case.demands[0].amount", "case.demands[1].penalty_per_day", "case.demands[2].kind"):
        assert path in run.err, (path, run.err)
    assert json.loads(dossier("dump", "1").out)["case"] == before

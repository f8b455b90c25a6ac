"""`claims`, `rates`, `rates add` and `check` as a user runs them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dossier_app.domain.money import NARROW_NBSP, NBSP
from tests.support.cases import small_document, write_case


def _french(amount: str) -> str:
    units, cents = amount.split(".")
    return f"{int(units):,}".replace(",", NARROW_NBSP) + f",{cents}{NBSP}€"


def _load_small(dossier, tmp_path: Path, document=None) -> str:
    run = dossier("load", str(write_case(tmp_path / "in", document)))
    assert run.code == 0, run.err
    return run.out.strip()


def test_claims_json_worked_example(dossier, tmp_path: Path) -> None:
    # 1 234,50 € of 2024-03-15, 30 days → due 2024-04-14; 500,00 € paid 2024-04-20; as of 2024-06-30.
    # 04-15..04-20:  6 days on 123450 at 14.50 → 10740150/36500 =  294.25
    # 04-21..06-30: 71 days on  73450 at 14.50 → 75616775/36500 = 2071.69
    # sum 2365.94 cents → 23,66 €; indemnity 40 €; 734,50 € still owed.
    case_id = _load_small(dossier, tmp_path)
    run = dossier("claims", case_id, "--as-of", "2024-06-30", "--json")
    assert run.code == 0, run.err
    doc = json.loads(run.out)
    (line,) = doc["invoices"]
    assert (line["due_date"], line["outstanding"], line["penalties"], line["indemnity"]) == (
        "2024-04-14", "734.50", "23.66", "40.00")
    assert doc["totals"]["grand_total"] == "798.16"


def test_claims_table_agrees_with_json_on_the_demo(dossier) -> None:
    demo = dossier("demo").out.strip()
    doc = json.loads(dossier("claims", demo, "--as-of", "2026-03-31", "--json").out)
    table = dossier("claims", demo, "--as-of", "2026-03-31")
    assert table.code == 0, table.err
    for key in ("outstanding_undisputed", "outstanding_disputed", "penalties", "indemnities"):
        assert _french(doc["totals"][key]) in table.out, key
    # We are the client in the demo: an offer of the undisputed principal, never a total owed.
    offer = next(r for r in table.out.splitlines() if r.startswith("Offre de règlement du principal non contesté"))
    assert _french(doc["totals"]["outstanding_undisputed"]) in offer
    totals = [r for r in table.out.splitlines() if "total" in r.lower() and not r.startswith("Totaux")]
    assert [r.split("  ")[0] for r in totals] == ["Total dû au titre du contrat"]  # owed by the provider
    for line in doc["invoices"]:
        row = next(r for r in table.out.splitlines() if r.startswith(line["number"]))
        for key in ("amount", "paid", "outstanding", "penalties", "indemnity"):
            assert _french(line[key]) in row, (line["number"], key)
    assert doc["totals"]["outstanding_disputed"] != "0.00"  # the demo has a disputed invoice


def test_claims_by_title_and_in_english(dossier, tmp_path: Path) -> None:
    _load_small(dossier, tmp_path)
    from dossier_app import i18n

    i18n.activate("en")
    run = dossier("claims", "Boulangerie Martin c/ WebPlus", "--as-of", "2024-06-30")
    assert run.code == 0, run.err
    assert "€734.50" in run.out and "what the invoices say we owe" in run.out


def test_claims_bad_input(dossier, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = dossier("claims", "nope")
    assert missing.code == 1 and missing.err.count("\n") == 1 and "dossier cases" in missing.err
    _load_small(dossier, tmp_path)
    with pytest.raises(SystemExit) as bad_day:
        dossier("claims", "1", "--as-of", "2024-02-30")
    assert bad_day.value.code == 2
    assert "n'est pas une date" in capsys.readouterr().err


def test_check_on_the_demo_lists_real_findings(dossier) -> None:
    demo = dossier("demo").out.strip()
    run = dossier("check", demo, "--as-of", "2026-03-31")
    assert run.code == 0, run.out + run.err  # findings, but nothing blocking
    lines = run.out.splitlines()
    assert len(lines) >= 3
    assert any("F-2025-031" in line and "365 jours" in line for line in lines)  # the exhibit dated a year early
    assert any("numéro de suivi manquant" in line for line in lines)
    severities = [line.split(":")[0] for line in lines]
    order = {"BLOQUANT": 0, "attention": 1, "info": 2}
    assert [order[s] for s in severities] == sorted(order[s] for s in severities)


def test_check_exits_1_when_something_blocks(dossier, home: Path, tmp_path: Path) -> None:
    document = small_document()
    document["case"]["our_role"] = "provider"
    document["exhibits"] = document["exhibits"][1:]  # the invoice loses its only exhibit
    case_id = _load_small(dossier, tmp_path, document)
    run = dossier("check", case_id, "--as-of", "2024-06-30")
    assert run.code == 1
    assert run.out.splitlines()[0].startswith("BLOQUANT: Aucune pièce ne prouve facture n° 2024-003")


def test_check_reports_a_stored_file_gone(dossier, home: Path, tmp_path: Path) -> None:
    case_id = _load_small(dossier, tmp_path)
    for stored in (home / "files").rglob("*"):
        if stored.is_file() and len(stored.name) == 64:
            stored.unlink()
            break
    run = dossier("check", case_id)
    assert run.code == 1
    assert "n'est plus dans le dossier de données" in run.out


def test_rates_lists_half_years_with_sources(dossier) -> None:
    run = dossier("rates")
    assert run.code == 0, run.err
    assert "1er semestre 2024" in run.out and f"14,50{NBSP}%" in run.out
    assert "Banque de France" in run.out and "Arrêté" in run.out
    doc = json.loads(dossier("rates", "--json").out)
    by_half = {h["half_year"]: h for h in doc["half_years"]}
    assert by_half["2024S1"]["statutory"][0]["rate"] == "14.5"
    assert by_half["2024S1"]["legal"] == {"particulier": "8.01", "autres_cas": "5.07",
                                          "from_half_year": "2024S1", "known": True}
    assert by_half["2026S2"]["known"] is False


def test_rates_add_stores_a_newer_ecb_rate(dossier, tmp_path: Path) -> None:
    run = dossier("rates", "add", "2026-07-01", "2,00", "--source", "BCE, décision du 4 juin 2026 (exemple)")
    assert run.code == 0, run.err
    doc = json.loads(dossier("rates", "--json").out)
    assert doc["ecb"][-1] == {"effective": "2026-07-01", "rate": "2.0", "added_by_user": True,
                              "source": "BCE, décision du 4 juin 2026 (exemple)"}
    july = next(h for h in doc["half_years"] if h["half_year"] == "2026S2")
    assert july["statutory"][0]["rate"] == "12.0" and july["statutory"][0]["known"] is True
    # The claims use it: 1 000 € due 2026-06-30, as of 2026-07-31 → 31 days at 12.00
    # → 100000 × 12 × 31 / 36500 = 1019.18 cents → 10,19 €.
    document = small_document()
    document["events"] = [{"id": "f", "kind": "invoice", "date": "2026-05-31", "title": "F", "number": "F",
                           "amount_incl_tax": "1000.00"}]
    document["exhibits"] = []
    case_id = _load_small(dossier, tmp_path, document)
    claims = json.loads(dossier("claims", case_id, "--as-of", "2026-07-31", "--json").out)
    assert claims["invoices"][0]["penalties"] == "10.19"
    assert claims["unknown_rate_half_years"] == []


def test_rates_add_refuses_bad_values(dossier) -> None:
    old = dossier("rates", "add", "2025-01-01", "3", "--source", "x")
    assert old.code == 1 and "30/04/2026" in old.err
    rate = dossier("rates", "add", "2026-07-01", "beaucoup", "--source", "x")
    assert rate.code == 1 and "taux" in rate.err
    with pytest.raises(SystemExit) as no_source:
        dossier("rates", "add", "2026-07-01", "2")
    assert no_source.value.code == 2
    blank = dossier("rates", "add", "2026-07-01", "2", "--source", "  ")
    assert blank.code == 1


def test_real_process_exit_codes(dossier_process, tmp_path: Path) -> None:
    assert dossier_process("rates").code == 0
    run = dossier_process("check", "absent")
    assert run.code == 1 and "Traceback" not in run.err


def test_rates_add_refuses_an_implausible_rate(dossier) -> None:
    run = dossier("rates", "add", "2026-06-11", "200", "--source", "BCE")
    assert run.code == 1 and "plausible" in run.err and "2.00" in run.err
    assert json.loads(dossier("rates", "--json").out)["ecb"][-1]["added_by_user"] is False
    assert dossier("rates", "add", "2026-06-11", "20.5", "--source", "BCE").code == 1
    assert dossier("rates", "add", "2026-06-11", "20", "--source", "BCE").code == 0


def test_rates_add_refuses_a_date_far_in_the_future(dossier) -> None:
    run = dossier("rates", "add", "2030-01-01", "2", "--source", "BCE")
    assert run.code == 1 and "01/01/2030" in run.err and "plus d'un an" in run.err


def test_rates_add_twice_on_the_same_day_needs_replace(dossier) -> None:
    assert dossier("rates", "add", "2026-06-11", "2.00", "--source", "BCE").code == 0
    again = dossier("rates", "add", "2026-06-11", "1.75", "--source", "autre")
    assert again.code == 1 and "--replace" in again.err and f"2,00{NBSP}%" in again.err
    assert json.loads(dossier("rates", "--json").out)["ecb"][-1]["rate"] == "2.0"
    assert dossier("rates", "add", "2026-06-11", "1.75", "--source", "autre", "--replace").code == 0
    assert json.loads(dossier("rates", "--json").out)["ecb"][-1]["rate"] == "1.75"


def test_rates_rm_removes_only_user_rates(dossier) -> None:
    assert dossier("rates", "add", "2026-06-11", "2.00", "--source", "BCE").code == 0
    run = dossier("rates", "rm", "2026-06-11")
    assert run.code == 0, run.err
    assert "11/06/2026" in run.out
    assert not any(r["added_by_user"] for r in json.loads(dossier("rates", "--json").out)["ecb"])
    shipped = dossier("rates", "rm", "2025-06-11")
    assert shipped.code == 1 and "fourni avec Dossier" in shipped.err
    absent = dossier("rates", "rm", "2026-06-12")
    assert absent.code == 1 and "Aucun taux ajouté" in absent.err


def test_rates_add_inside_a_half_year_says_what_else_is_needed(dossier, tmp_path: Path) -> None:
    # The trial: a rate effective 11/06/2026 leaves the second half of 2026 unknown; say what to add.
    run = dossier("rates", "add", "2026-06-11", "2.00", "--source", "BCE")
    assert run.code == 0, run.err
    if date.today() >= date(2026, 7, 1) and date.today() < date(2027, 1, 1):
        assert "1er juillet 2026" in run.out and "dossier rates add 2026-07-01 2.00" in run.out
    document = small_document()
    document["events"] = [{"id": "f", "kind": "invoice", "date": "2026-05-31", "title": "F", "number": "F",
                           "amount_incl_tax": "1000.00"}]
    document["exhibits"] = []
    case_id = _load_small(dossier, tmp_path, document)
    claims = json.loads(dossier("claims", case_id, "--as-of", "2026-08-31", "--json").out)
    assert claims["unknown_rate_half_years"] == ["2026S2"]
    assert any("1er juillet 2026" in n and 'dossier rates add 2026-07-01 2.00 --source "…"' in n
               for n in claims["notes"])
    check = dossier("check", case_id, "--as-of", "2026-08-31")
    assert "1er juillet 2026" in check.out and "dossier rates add 2026-07-01 2.00" in check.out
    # A rate dated on or after 1 July makes the half-year known.
    assert dossier("rates", "add", "2026-07-15", "2.00", "--source", "BCE").code == 0
    claims = json.loads(dossier("claims", case_id, "--as-of", "2026-08-31", "--json").out)
    assert claims["unknown_rate_half_years"] == []
    assert "juillet 2026" not in dossier("check", case_id, "--as-of", "2026-08-31").out


def test_check_an_empty_case_is_not_ready(dossier, tmp_path: Path) -> None:
    document = small_document()
    document["events"], document["exhibits"] = [], []
    case_id = _load_small(dossier, tmp_path, document)
    run = dossier("check", case_id)
    assert run.code == 1
    assert "prêt" not in run.out and "aucun événement" in run.out and "aucune pièce" in run.out

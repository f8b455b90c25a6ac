"""`check` names the command that does what each finding asks, as it did when the findings said it
themselves: the findings now say it in plain words (the window shows its menu entries instead)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cases import small_document, write_case
from tests.support.findings import AS_OF, every_finding_document


def _load(dossier, tmp_path: Path, document) -> str:
    run = dossier("load", str(write_case(tmp_path / "in", document)))
    assert run.code == 0, run.err
    return run.out.strip()


def _line(out: str, start: str) -> str:
    (line,) = [line for line in out.splitlines() if start in line]
    return line


def test_check_names_the_command_to_run(dossier, tmp_path: Path) -> None:
    case_id = _load(dossier, tmp_path, every_finding_document())
    run = dossier("check", case_id, "--as-of", AS_OF)
    assert run.code == 1
    assert _line(run.out, "2024-003 du 15/03/2024").endswith("; liez-en une (« dossier link »).")
    assert _line(run.out, "« Photo » ne prouve").endswith(" (« dossier link »).")
    assert _line(run.out, "Numérotation").endswith("(« dossier export --renumber »).")
    assert _line(run.out, "pour le 1er semestre 2030").endswith(
        ', même s\'il n\'a pas changé, par exemple « dossier rates add 2030-01-01 2.15 --source "…" ».')
    assert 'par exemple « dossier rates add 2026-07-01 2.15 --source "…" ».' in _line(
        run.out, "2e semestre 2026, 1er semestre 2027")
    # A finding that asks nothing the command does keeps its line as it was.
    assert _line(run.out, "échéance (01/04/2024)").endswith("antérieure à la facture.")
    # The same words in the JSON document, for programs that show them to a person.
    findings = json.loads(dossier("check", case_id, "--as-of", AS_OF, "--json").out)["findings"]
    (unlinked,) = [f for f in findings if f["code"] == "exhibit_unlinked"]
    assert unlinked["message"].endswith("liez-la aux événements qu'elle prouve (« dossier link »).")


def test_an_empty_case_says_how_to_fill_it(dossier, tmp_path: Path) -> None:
    document = small_document()
    document["events"], document["exhibits"] = [], []
    run = dossier("check", _load(dossier, tmp_path, document))
    assert run.code == 1
    assert _line(run.out, "aucun événement").endswith("ajoutez-les (« dossier event add » ou « dossier import »).")
    assert _line(run.out, "aucune pièce").endswith("(« dossier import »).")


def test_check_in_english_names_the_command_too(dossier, tmp_path: Path) -> None:
    from dossier_app import i18n

    case_id = _load(dossier, tmp_path, every_finding_document())
    i18n.activate("en")
    out = dossier("check", case_id, "--as-of", AS_OF).out
    assert _line(out, "proves no event").endswith('link it to the events it proves ("dossier link").')
    assert 'e.g. "dossier rates add 2030-01-01 2.15 --source "…""' in out

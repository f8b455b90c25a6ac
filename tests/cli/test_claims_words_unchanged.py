"""Amounts, rates and dates as users read them in ``claims`` and ``rates``, in both languages.

Issue 11 moved their formatting from hand-written code to Babel (``i18n.Translator``); what a user
reads did not change. ``data/`` holds the outputs of before that change (commit dbcca57), run on the
demo as of 2025-11-30: the claims table in French and English, the English ``--json`` document (the
French one is ``tests/domain/data/demo_claims_2025-11-30.json``), and the ``rates`` listings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier_app import i18n

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_demo_claims_table_is_unchanged(dossier, lang: str) -> None:
    assert dossier("demo").code == 0
    i18n.activate(lang)
    run = dossier("claims", "1", "--as-of", "2025-11-30")
    assert run.code == 0, run.err
    assert run.out == (DATA / f"demo_claims_table_{lang}_2025-11-30.txt").read_text(encoding="utf-8")


def test_demo_claims_json_in_english_is_unchanged(dossier) -> None:
    assert dossier("demo").code == 0
    i18n.activate("en")
    run = dossier("claims", "1", "--as-of", "2025-11-30", "--json")
    assert run.code == 0, run.err
    assert run.out == (DATA / "demo_claims_en_2025-11-30.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_rates_listing_is_unchanged(dossier, lang: str) -> None:
    # Lines naming 2026 or later may change as days pass (a half-year without a known rate yet).
    i18n.activate(lang)
    run = dossier("rates")
    assert run.code == 0, run.err
    before = (DATA / f"rates_{lang}_2026-12.txt").read_text(encoding="utf-8").splitlines()
    now = run.out.splitlines()
    kept = [line for line in before if line and "2026" not in line]
    assert len(kept) > 60
    assert [line for line in now if line in kept] == kept

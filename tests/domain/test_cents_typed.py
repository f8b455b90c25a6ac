"""Amounts are ``Cents`` through the claims engine: mypy refuses a count of days where cents go.

Runs the project's mypy (strict, with pyproject.toml's settings) on a small snippet that uses
the engine's results; about a second and a half with a cold cache.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SNIPPET = textwrap.dedent("""\
    from dossier_app.domain.claims import ClaimsResult, InvoiceClaim
    from dossier_app.domain.model import Payment
    from dossier_app.domain.money import Cents, format_amount


    def line(claim: InvoiceClaim) -> str:
        return format_amount(claim.penalties) + format_amount(claim.total)


    def late(claim: InvoiceClaim) -> str:
        return format_amount(claim.days_late)


    def owed(result: ClaimsResult) -> Cents:
        return result.totals.grand_total


    def paid_as_late(payment: Payment, claim: InvoiceClaim) -> Payment:
        return Payment(id=payment.id, date=payment.date, title=payment.title, amount=claim.days_late)
    """)


def _mypy_errors(tmp_path: Path) -> list[tuple[int, str]]:
    snippet = tmp_path / "snippet.py"
    snippet.write_text(SNIPPET, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(ROOT / "pyproject.toml"),
         "--cache-dir", str(tmp_path / "cache"), "--no-error-summary", str(snippet)],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    errors = [(int(m[1]), m[2]) for m in re.finditer(r"snippet\.py:(\d+): error: .*\[([\w-]+)\]$",
                                                     done.stdout, re.MULTILINE)]
    assert done.returncode == (1 if errors else 0), done.stdout + done.stderr
    return errors


def test_days_where_cents_are_expected_is_a_type_error(tmp_path: Path) -> None:
    # Lines 11 and 19 pass days_late (an int) as cents; lines 7 and 15 use Cents as cents.
    assert _mypy_errors(tmp_path) == [(11, "arg-type"), (19, "arg-type")]

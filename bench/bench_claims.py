"""Claims on a large case: 10 000 invoices and 10 000 payments over 10 years.

The reference, measured in the same run, is the time to merely read those event rows from
the store (one SELECT, no decoding).  Target: the claims computation in under 1 s; both
are printed, with the end-to-end time (read, decode, compute) beside them.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

N_INVOICES = 10_000
N_PAYMENTS = 10_000
FIRST_DAY = date(2016, 1, 1)
YEARS = 10
AS_OF = date(2026, 3, 31)


def make_events() -> list:
    from dossier_app.domain.model import Invoice, Payment

    rng = random.Random(4)
    span = YEARS * 365
    events: list = []
    numbers = []
    for i in range(N_INVOICES):
        day = FIRST_DAY + timedelta(days=i * span // N_INVOICES)
        number = f"F-{day.year}-{i:05d}"
        numbers.append((day, number))
        events.append(Invoice(id=f"f{i}", date=day, title=number, number=number,
                              amount_incl_tax=rng.randrange(5_000, 500_000), disputed=rng.random() < 0.02))
    for i in range(N_PAYMENTS):
        # Most payments name an invoice and come a few weeks to a year after it; some name none.
        day, number = numbers[rng.randrange(N_INVOICES)]
        paid_on = min(day + timedelta(days=rng.randrange(10, 400)), AS_OF)
        listed = (number,) if rng.random() < 0.7 else ()
        events.append(Payment(id=f"p{i}", date=paid_on, title="Virement", amount=rng.randrange(5_000, 400_000),
                              invoices=listed))
    return events


def main() -> None:
    from dossier_app.domain.claims import compute_claims
    from dossier_app.domain.model import Case, CaseFile, Contract, Party, PaymentTerms
    from dossier_app.domain.money import format_euros
    from dossier_app.services.rates_data import shipped_rate_table
    from dossier_app.store import open_store
    from dossier_app.store import repository as repo

    rates = shipped_rate_table()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "home")
        case = Case("Grand compte", "provider", Party("A"), Party("B"),
                    contract=Contract(payment_terms=PaymentTerms.parse("45_days_end_of_month")))
        with store.transaction():
            case_id = repo.insert_case(store, case)
            repo.insert_events(store, case_id, make_events())

        reads, decodes, computes = [], [], []
        for _ in range(3):
            start = time.perf_counter()
            rows = store.conn.execute("SELECT ref, kind, date, data FROM events WHERE case_id = ?",
                                      (case_id,)).fetchall()
            reads.append(time.perf_counter() - start)
            assert len(rows) == N_INVOICES + N_PAYMENTS

            start = time.perf_counter()
            case_file: CaseFile = repo.read_case_file(store, case_id)
            decodes.append(time.perf_counter() - start)

            start = time.perf_counter()
            result = compute_claims(case_file, AS_OF, rates)
            computes.append(time.perf_counter() - start)
        store.close()

    read, decode, compute = min(reads), min(decodes), min(computes)
    periods = sum(len(c.periods) for c in result.invoices)
    lines = [
        (f"read the {N_INVOICES + N_PAYMENTS} event rows (one SELECT)", read, ""),
        ("read and decode the whole case", decode, f"  ({decode / read:.1f}× the read)"),
        (f"compute the claims ({periods} periods)", compute,
         f"  ({compute / read:.1f}× the read; target < 1 s: {'met' if compute < 1 else 'MISSED'})"),
        ("end to end (decode + compute)", decode + compute, ""),
    ]
    for label, seconds, note in lines:
        print(f"{label:<42}: {seconds * 1000:8.1f} ms{note}")
    print(f"total claimable (sanity): {format_euros(result.totals.grand_total)}")


if __name__ == "__main__":
    main()

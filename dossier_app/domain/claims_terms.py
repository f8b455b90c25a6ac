"""When an invoice falls due, and the legal caps on agreed payment terms (Code de commerce L441-10)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from .model import Contract, Invoice, PaymentTerms

DEFAULT_DAYS = 30
CAP_DAYS = 60
CAP_DAYS_END_OF_MONTH = 45


def end_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def due_from_terms(invoice_date: date, terms: PaymentTerms | None) -> date:
    if terms is None:
        return invoice_date + timedelta(days=DEFAULT_DAYS)
    if terms.form == "on_receipt":
        return invoice_date
    if terms.form == "days":
        return invoice_date + timedelta(days=terms.days)
    if terms.form == "days_end_of_month":
        return end_of_month(invoice_date + timedelta(days=terms.days))
    if terms.form == "end_of_month_days":
        return end_of_month(invoice_date) + timedelta(days=terms.days)
    raise ValueError(f"unknown payment terms form {terms.form!r}")


def due_date(invoice: Invoice, contract: Contract | None) -> date:
    if invoice.due_date is not None:
        return invoice.due_date
    return due_from_terms(invoice.date, contract.payment_terms if contract else None)


def legal_cap(invoice_date: date) -> date:
    """The latest due date the law lets parties agree on.

    60 days from the invoice, or 45 days end of month; the administration accepts both ways
    of counting the latter (end of month then 45 days, or 45 days then end of month), so the
    most generous of the three is the cap, to warn only when no reading allows the term.
    """
    return max(
        invoice_date + timedelta(days=CAP_DAYS),
        end_of_month(invoice_date + timedelta(days=CAP_DAYS_END_OF_MONTH)),
        end_of_month(invoice_date) + timedelta(days=CAP_DAYS_END_OF_MONTH),
    )


def terms_beyond_cap(terms: PaymentTerms) -> bool:
    """Whether agreed terms can put a due date past the cap for some invoice date."""
    if terms.form == "days":
        return terms.days > CAP_DAYS
    if terms.form in ("days_end_of_month", "end_of_month_days"):
        return terms.days > CAP_DAYS_END_OF_MONTH
    return False

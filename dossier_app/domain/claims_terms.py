"""When an invoice falls due, and the legal caps on agreed payment terms (Code de commerce L441-10).

Calendar arithmetic is dateutil's ``relativedelta``: ``day=31`` is the month's last day, whatever
its length (29 February in a leap year), and days then end of month or end of month then days are
written in the order the terms say them.
"""

from __future__ import annotations

from datetime import date
from typing import assert_never

from dateutil.relativedelta import relativedelta

from .model import Contract, Invoice, PaymentTerms

DEFAULT_DAYS = 30
CAP_DAYS = 60
CAP_DAYS_END_OF_MONTH = 45

END_OF_MONTH = relativedelta(day=31)  # an absolute day past the month's end lands on its last day


def end_of_month(day: date) -> date:
    return day + END_OF_MONTH


def days_then_end_of_month(day: date, days: int) -> date:
    """``N jours fin de mois``: N days, then to that month's end."""
    return day + relativedelta(days=days) + END_OF_MONTH


def end_of_month_then_days(day: date, days: int) -> date:
    """``fin de mois + N jours``: to the month's end, then N days."""
    return day + END_OF_MONTH + relativedelta(days=days)


def due_from_terms(invoice_date: date, terms: PaymentTerms | None) -> date:
    if terms is None:
        return invoice_date + relativedelta(days=DEFAULT_DAYS)
    if terms.form == "on_receipt":
        return invoice_date
    if terms.form == "days":
        return invoice_date + relativedelta(days=terms.days)
    if terms.form == "days_end_of_month":
        return days_then_end_of_month(invoice_date, terms.days)
    if terms.form == "end_of_month_days":
        return end_of_month_then_days(invoice_date, terms.days)
    assert_never(terms.form)


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
        invoice_date + relativedelta(days=CAP_DAYS),
        days_then_end_of_month(invoice_date, CAP_DAYS_END_OF_MONTH),
        end_of_month_then_days(invoice_date, CAP_DAYS_END_OF_MONTH),
    )


def terms_beyond_cap(terms: PaymentTerms) -> bool:
    """Whether agreed terms can put a due date past the cap for some invoice date."""
    if terms.form == "days":
        return terms.days > CAP_DAYS
    if terms.form in ("days_end_of_month", "end_of_month_days"):
        return terms.days > CAP_DAYS_END_OF_MONTH
    return False

"""Turning files on disk into would-be exhibits: what each is, its date, its kind.

Nothing here touches the store: the import service calls ``analyze`` on each file that
``iter_candidate_files`` gives, stores the accepted ones and reports the refused.
``IsolatedAnalyzer`` gives the same answers from a worker process, so that a parser
crashing, hanging or eating memory on a hostile file costs only that file.
"""

from .analysis import Analysis, DateClue, Refused, analysis_from_json, analysis_to_json
from .analyze import analyze
from .csv_invoices import InvoiceRow, InvoiceRows, RowProblem, parse_invoice_csv, read_invoice_csv
from .email_files import Attachment, EmailContent, html_to_text, read_email
from .folders import Candidate, iter_candidate_files, walk_paths
from .isolated import IsolatedAnalyzer, analyze_isolated
from .sniff import SUPPORTED

__all__ = [
    "SUPPORTED",
    "Analysis",
    "Attachment",
    "Candidate",
    "DateClue",
    "EmailContent",
    "InvoiceRow",
    "InvoiceRows",
    "IsolatedAnalyzer",
    "Refused",
    "RowProblem",
    "analysis_from_json",
    "analysis_to_json",
    "analyze",
    "analyze_isolated",
    "html_to_text",
    "iter_candidate_files",
    "parse_invoice_csv",
    "read_email",
    "read_invoice_csv",
    "walk_paths",
]

"""The dossier PDF: reportlab parts, exhibit assembly and stamping with pikepdf, volumes.

No database here: a ``CaseFile``, a way to find each exhibit's file, and options in; a PDF
(or its volumes) and a report out.
"""

from .api import (
    ExhibitOutcome,
    ExhibitsRefused,
    ExportCancelled,
    ExportError,
    ExportOptions,
    ExportReport,
    ProgressStep,
)
from .export import export_dossier

__all__ = [
    "ExhibitOutcome",
    "ExhibitsRefused",
    "ExportCancelled",
    "ExportError",
    "ExportOptions",
    "ExportReport",
    "ProgressStep",
    "export_dossier",
]

"""A PDF form's filled-in values print in the dossier: the fields are flattened into their page."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pikepdf

from dossier_app.domain.model import Case, CaseFile, Party
from dossier_app.export import ExportOptions, export_dossier
from dossier_app.imports.email_files import read_email
from tests.export.export_helpers import CORPUS, exhibit, qpdf_check
from tests.export.print_safe import outside_safe_area, over_content

FORM = CORPUS / "pdflatex-forms.pdf"
CASE = Case(title="Formulaire", our_role="provider", us=Party("Nous SARL"), them=Party("Eux SAS"))


def filled_form(path: Path) -> Path:
    """The corpus form with « Claire Lemoine » typed in its text field, without an appearance for it."""
    with pikepdf.open(FORM) as pdf:
        for field in pdf.Root.AcroForm.Fields:
            if str(field.get("/T")) == "Name":
                field.V = pikepdf.String("Claire Lemoine")
                if "/AP" in field:
                    del field["/AP"]
        pdf.Root.AcroForm.NeedAppearances = True
        pdf.save(path)
    return path


def test_a_filled_form_prints_its_value_and_keeps_no_field(tmp_path: Path) -> None:
    source = filled_form(tmp_path / "formulaire.pdf")
    x = exhibit(source, "Formulaire rempli", date(2025, 3, 1), 1)
    output = tmp_path / "out.pdf"
    report = export_dossier(CaseFile(CASE, (), (x,)), lambda _: source, ExportOptions(as_of=date(2025, 11, 3)),
                            output, read_email=read_email)
    qpdf_check(output)
    last = str(report.pages)
    text = subprocess.run(["pdftotext", "-f", last, "-l", last, "-layout", str(output), "-"],
                          check=True, capture_output=True, text=True).stdout
    # Before: the field was copied as a widget whose value poppler does not draw from the page.
    assert "Claire Lemoine" in text
    assert "Pièce n° 1 — p. 1/1" in text
    with pikepdf.open(output) as pdf:
        assert "/AcroForm" not in pdf.Root
        for page in pdf.pages:
            for annotation in page.obj.get("/Annots", []):
                assert annotation.get("/Subtype") != "/Widget"
    assert outside_safe_area(output) == []
    assert over_content(output) == []
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", last, "-l", last, "-singlefile", str(output),
                    str(tmp_path / "form")], check=True)

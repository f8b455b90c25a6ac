"""Small cases built in code, exhibit files made with reportlab and Pillow, and PDF inspection."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pikepdf
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from dossier_app.domain.model import (
    Case,
    CaseFile,
    Counsel,
    Exhibit,
    ExhibitLink,
    Invoice,
    Note,
    Outage,
    Party,
    Payment,
    RegisteredLetter,
)

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus" / "pdf"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_pdf(path: Path, pages: int, text: str, *, rotate: int = 0, size=A4) -> Path:
    canvas = Canvas(str(path), pagesize=size, invariant=1)
    for n in range(pages):
        canvas.setFont("Helvetica", 14)
        canvas.drawString(72, size[1] - 100, f"{text} page {n + 1}")
        canvas.showPage()
    canvas.save()
    if rotate:
        with pikepdf.open(path, allow_overwriting_input=True) as pdf:
            for page in pdf.pages:
                page.obj.Rotate = rotate
            pdf.save(path)
    return path


def make_image(path: Path, size=(400, 300), color=(200, 40, 40)) -> Path:
    Image.new("RGB", size, color).save(path)
    return path


def make_tiff(path: Path, frames: int = 3) -> Path:
    images = [Image.new("RGB", (200, 120), (40 * i, 90, 160)) for i in range(frames)]
    images[0].save(path, save_all=True, append_images=images[1:])
    return path


def make_eml(path: Path, attachment_pdf: Path | None = None) -> Path:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Julien Marchais <julien@pixelune.example>"
    message["To"] = "Claire Lemoine <claire@atelier.example>"
    message["Date"] = "Fri, 12 Sep 2025 17:06:41 +0200"
    message["Subject"] = "Accès au site : refus"
    message.set_content("Madame,\n\nNous ne rendrons pas les accès.\n\nCordialement,\nJ. Marchais\n")
    if attachment_pdf is not None:
        message.add_attachment(attachment_pdf.read_bytes(), maintype="application", subtype="pdf",
                               filename="releve.pdf")
    message.add_attachment(b"PK\x03\x04 not really a zip", maintype="application", subtype="zip",
                           filename="archive.zip")
    path.write_bytes(bytes(message))
    return path


def exhibit(path: Path, title: str, day: date | None, number: int | None = None, *, links=(),
            media_type: str | None = None, password: str | None = None, include: bool = True) -> Exhibit:
    return Exhibit(sha256=sha(path), title=title, original_name=path.name, date=day,
                   links=tuple(ExhibitLink(e) if isinstance(e, str) else ExhibitLink(*e) for e in links),
                   number=number, media_type=media_type, password=password, include=include)


def small_case(folder: Path) -> tuple[CaseFile, dict[str, Path]]:
    """A case with one exhibit of every kind: PDF, rotated PDF, image, TIFF, e-mail, text."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "contrat.pdf": make_pdf(folder / "contrat.pdf", 3, "Contrat"),
        "facture.pdf": make_pdf(folder / "facture.pdf", 1, "Facture F-1"),
        "paysage.pdf": make_pdf(folder / "paysage.pdf", 2, "Rotated", rotate=90),
        "photo.png": make_image(folder / "photo.png"),
        "scan.tiff": make_tiff(folder / "scan.tiff"),
        "notes.txt": folder / "notes.txt",
    }
    files["notes.txt"].write_text("Appel du 5 août : refus.\n" * 80, encoding="utf-8")
    files["courriel.eml"] = make_eml(folder / "courriel.eml", files["facture.pdf"])
    case = Case(
        title="Atelier c/ Pixelune", our_role="provider",
        us=Party("Atelier Lemoine", "SARL", "732829320", "14 rue des Tanneurs, 53000 Laval"),
        them=Party("Pixelune", "SAS", None, "27 quai Paul Boudet, 53000 Laval"),
        summary="Nous avons livré le site.\n\nLe client ne paie pas et menace de tout couper.",
        court="Tribunal de commerce de Laval", docket="2025R00087", hearing=datetime(2025, 11, 18, 14, 0),
        procedure="référé-provision (art. 873 CPC)", counsel=Counsel("Maître Hélène Guérin", "Guérin Avocats"))
    events = (
        Invoice(id="f1", date=date(2025, 3, 10), title="Facture F-1", number="F-1", amount_incl_tax=259200,
                key_fact=True),
        Payment(id="p1", date=date(2025, 4, 8), title="Acompte", amount=100000),
        RegisteredLetter(id="m1", date=date(2025, 9, 4), title="Mise en demeure", formal_notice=True,
                         tracking_number="1A18764923157", deadline_days=8,
                         first_presented_on=date(2025, 9, 5), key_fact=True),
        Outage(id="o1", date=date(2025, 10, 2), title="Messagerie coupée", start=datetime(2025, 10, 2, 9, 30),
               end=None, services=("messagerie",), key_fact=True),
        Outage(id="o2", date=date(2025, 9, 20), title="Site coupé", start=datetime(2025, 9, 20, 8, 0),
               end=datetime(2025, 9, 21, 18, 30), services=("site", "messagerie")),
        Note(id="n1", date=date(2025, 10, 20), title="Un fait sans pièce"),
    )
    exhibits = (
        exhibit(files["contrat.pdf"], "Contrat de prestation", date(2025, 3, 1), 1),
        exhibit(files["facture.pdf"], "Facture F-1", date(2025, 3, 10), 2, links=["f1"]),
        exhibit(files["paysage.pdf"], "Plan tourné", date(2025, 5, 1), 3),
        exhibit(files["photo.png"], "Photo de l'avis", date(2025, 9, 8), 4, links=[("m1", "1")]),
        exhibit(files["scan.tiff"], "Scan en trois pages", date(2025, 9, 9), 5),
        exhibit(files["courriel.eml"], "Courriel de refus", date(2025, 9, 12), 6, links=["o1"]),
        exhibit(files["notes.txt"], "Notes d'appels", date(2025, 10, 1), 7),
    )
    return CaseFile(case, events, exhibits), {x.sha256: folder / x.original_name for x in exhibits}


def qpdf_check(path: Path) -> str:
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors found" in done.stdout, done.stdout
    return done.stdout


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    done = subprocess.run([*args, str(path), "-"], capture_output=True, check=True)
    return normalize(done.stdout.decode("utf-8"))


def page_texts(path: Path) -> list[str]:
    return pdf_text(path).split("\f")


def normalize(text: str) -> str:
    return re.sub(r"[\u00a0\u202f]", " ", text)


def outline_titles(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        titles: list[str] = []
        pending = list(outline.root)
        while pending:
            item = pending.pop(0)
            titles.append(normalize(item.title))
            pending[0:0] = list(item.children)
        return titles


def page_count(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def tools_available() -> bool:
    return all(shutil.which(t) for t in ("qpdf", "pdftotext"))


"""A dossier counsel can file as it is (issue 14): as the client the décompte offers the undisputed
principal and never reads as our admission; the Demandes part carries what we ask; citations read
as a judgment writes them and link to the cited page."""

from __future__ import annotations

import io
import json
import re
import subprocess
from contextlib import redirect_stdout
from dataclasses import replace
from datetime import date
from pathlib import Path

import pikepdf
import pytest

from dossier_app.cli.main import main
from dossier_app.domain.claims import compute_claims
from dossier_app.domain.model import Demand, ExhibitLink
from dossier_app.domain.money import parse_amount
from dossier_app.export import ExportOptions, export_dossier
from dossier_app.i18n import translator
from dossier_app.imports.email_files import read_email
from tests.export.export_helpers import (
    normalize,
    outline_titles,
    page_texts,
    qpdf_check,
    small_case,
)
from tests.support.claims_builders import shipped_rates

DEMO_AS_OF = "2025-11-30"
AS_OF = date(2025, 11, 3)


def flat(text: str) -> str:
    return " ".join(text.split())


def fr_money(amount: str) -> str:
    return normalize(translator("fr").money(parse_amount(amount)))


def run(home: Path, *args: str) -> str:
    """The command as a user types it; what it prints."""
    printed = io.StringIO()
    with redirect_stdout(printed):
        code = main(["--home", str(home), *args])
    assert code == 0, printed.getvalue()
    return printed.getvalue()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, list[str]]:
    folder = tmp_path_factory.mktemp("demo")
    home, output = folder / "home", folder / "demo.pdf"
    case_id = run(home, "demo").strip().split()[-1]
    run(home, "export", case_id, "-o", str(output), "--as-of", DEMO_AS_OF)
    claims = json.loads(run(home, "claims", case_id, "--as-of", DEMO_AS_OF, "--json"))
    return output, claims, page_texts(output)


def part_pages(texts: list[str], running: str) -> str:
    """The text of the pages whose running head names a part."""
    return "\n".join(t for t in texts if running in t.split("\n", 3)[0] or f"\n{running}\n" in t)


def test_as_client_the_decompte_offers_the_undisputed_principal_and_no_total_owed(demo) -> None:
    output, claims, texts = demo
    qpdf_check(output)
    assert claims["our_role"] == "client"
    whole = flat("\n".join(texts))
    assert "total dû" not in whole.lower() and "TOTAL RÉCLAMABLE" not in whole
    decompte = flat(part_pages(texts, "Décompte des factures"))
    assert "sommes dues" not in flat(texts[1])  # as the client, the sommaire never says we owe
    offer = re.search(r"OFFRE DE RÈGLEMENT DU PRINCIPAL NON CONTESTÉ AU 30/11/2025 ([\d ]+,\d\d €)", decompte)
    assert offer is not None, decompte[:2000]
    assert offer.group(1) == fr_money(claims["totals"]["outstanding_undisputed"])
    # The other side's penalties appear only after the estimate's heading, never in a total.
    estimate = "Estimation de la réclamation adverse, sous toutes réserves et sans reconnaissance"
    assert estimate in decompte
    penalties = fr_money(claims["totals"]["penalties"])
    assert penalties in decompte.split(estimate, 1)[1] and penalties not in decompte.split(estimate, 1)[0]
    assert "Factures contestées (à part)" in decompte and "hors provision" not in decompte
    assert "taux de l’article L441-10 du Code de commerce (taux de refinancement de la BCE majoré de 10 points)" \
        in decompte
    assert "taux légal" not in decompte


def test_the_demandes_of_the_demo_each_on_its_own_numbered_line(demo) -> None:
    output, _, texts = demo
    page = next(t for t in texts if "Il est demandé à la juridiction de" in t)
    lines = flat(page)
    assert "Projet, à l’appréciation du conseil" in lines
    numbered = re.findall(r"(?:^|\s)(\d)\.\s+(Ordonner|Condamner)", lines)
    assert [n for n, _ in numbered] == ["1", "2", "3", "4", "5"]
    assert ("de remettre à la société Atelier Lemoine les identifiants administrateur du site (WordPress)"
            in lines)
    assert ("sous astreinte de 200,00 € par jour de retard à compter du 8e jour suivant la signification de "
            "l’ordonnance ;") in lines
    assert "de rétablir les messageries contact@atelier-lemoine.fr et claire@atelier-lemoine.fr" in lines
    assert "une provision de 3 000,00 €, à valoir sur la réparation du préjudice" in lines
    assert "la somme de 2 500,00 € au titre de l’article 700 du Code de procédure civile" in lines
    assert "Condamner la société Pixelune aux entiers dépens" in lines
    # In the sommaire and the outline, between the décompte and the bordereau.
    contents = flat(texts[1])
    assert contents.index("Décompte des factures") < contents.index("Demandes") \
        < contents.index("Bordereau de communication de pièces")
    titles = outline_titles(output)
    assert titles.index("Demandes") == titles.index("Décompte des factures") + 1


def test_citations_read_as_a_judgment_writes_them(demo) -> None:
    _, _, texts = demo
    facts = flat(part_pages(texts, "Exposé des faits"))
    assert "(Pièce n° 7, p. 1-2, et pièce n° 8)" in facts
    assert "(Pièce n° 11, p. 3)" in facts
    decompte = flat(part_pages(texts, "Décompte des factures"))
    assert "Pièces n° 1 et 12" in decompte
    assert "Pièce n° 1, Pièce n°" not in flat("\n".join(texts))


def _link_texts(output: Path, page_index: int) -> list[tuple[str, int]]:
    """Each link annotation of a page: the text under it, and the index of the page it goes to."""
    out = []
    with pikepdf.open(output) as pdf:
        page = pdf.pages[page_index]
        height = float(page.mediabox[3])
        for annot in page.obj.get("/Annots", []):
            if annot.get("/Subtype") != "/Link" or "/Dest" not in annot:
                continue
            x0, y0, x1, y1 = (float(v) for v in annot.Rect)
            done = subprocess.run(
                ["pdftotext", "-f", str(page_index + 1), "-l", str(page_index + 1), "-x", str(int(x0)),
                 "-y", str(int(height - y1)), "-W", str(int(x1 - x0) + 1), "-H", str(int(y1 - y0) + 1),
                 str(output), "-"], capture_output=True, check=True)
            target = pdf.pages.index(pikepdf.Page(annot.Dest[0]))
            out.append((flat(normalize(done.stdout.decode("utf-8"))), target))
    return out


def test_a_page_citation_links_to_the_cited_page(demo) -> None:
    output, _, texts = demo
    facts_page = next(i for i, t in enumerate(texts) if "Les faits essentiels" in t)
    links = _link_texts(output, facts_page)
    cited = [(text, target) for text, target in links if "Pièce n° 11, p. 3" in text]
    assert cited, links
    for _, target in cited:
        assert "Pièce n° 11 — p. 3/" in texts[target]
    whole = [(text, target) for text, target in links if "Pièce n° 9" in text]
    assert whole and all("Pièce n° 9 — p. 1/" in texts[target] for _, target in whole)
    seven = [(text, target) for text, target in links if "Pièce n° 7, p. 1-2" in text]
    assert seven and all("Pièce n° 7 — p. 1/" in texts[target] for _, target in seven)


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("provider")
    case_file, paths = small_case(folder / "files")
    exhibits = list(case_file.exhibits)
    # The contract's pages 2-3 also prove the invoice; the photo also proves the cut mail.
    exhibits[0] = replace(exhibits[0], links=(ExhibitLink("f1", "2-3"),))
    exhibits[3] = replace(exhibits[3], links=(*exhibits[3].links, ExhibitLink("o1")))
    demands = (
        Demand("restitution", what="les codes d’accès du serveur", penalty_per_day=50000),
        Demand("provision"),
        Demand("article_700", amount=150000),
        Demand("costs"),
        Demand("other", text="Rappeler que l’ordonnance est exécutoire de droit à titre provisoire"),
    )
    case_file = replace(case_file, case=replace(case_file.case, demands=demands), exhibits=tuple(exhibits))
    claims = compute_claims(case_file, AS_OF, shipped_rates())
    out = {}
    for lang in ("fr", "en"):
        output = folder / f"dossier-{lang}.pdf"
        export_dossier(case_file, lambda x: paths[x.sha256], ExportOptions(as_of=AS_OF, lang=lang), output,
                       claims=claims, read_email=read_email)
        out[lang] = page_texts(output)
    return claims, out


def test_as_provider_the_total_claimable_and_the_provision_drawn_from_it(provider) -> None:
    claims, texts = provider
    total = normalize(translator("fr").money(claims.totals.grand_total))
    decompte = flat(part_pages(texts["fr"], "Décompte des sommes dues"))
    assert f"TOTAL RÉCLAMABLE AU 03/11/2025 {total}" in decompte
    assert "Estimation de la réclamation adverse" not in decompte
    page = flat(next(t for t in texts["fr"] if "Il est demandé à la juridiction de" in t))
    assert (f"2. Condamner la société Pixelune à payer à la société Atelier Lemoine une provision de {total} à valoir "
            "sur les factures non contestées, les pénalités de retard et les indemnités forfaitaires de recouvrement "
            "arrêtées au 3 novembre 2025") in page
    assert ("1. Ordonner à la société Pixelune de remettre à la société Atelier Lemoine les codes d’accès du serveur, "
            "sous astreinte de 500,00 € par jour de retard à compter de la signification de l’ordonnance ;") in page
    assert "3. Condamner la société Pixelune à payer à la société Atelier Lemoine la somme de 1 500,00 €" in page
    assert "4. Condamner la société Pixelune aux entiers dépens ;" in page
    assert "5. Rappeler que l’ordonnance est exécutoire de droit à titre provisoire." in page


def test_citation_forms_in_both_languages(provider) -> None:
    _, texts = provider
    fr = flat("\n".join(texts["fr"]))
    assert "(Pièce n° 1, p. 2-3, et pièce n° 2)" in fr
    assert "(Pièces n° 4 et 6)" in fr
    en = flat("\n".join(texts["en"]))
    assert "(Exhibit No. 1, p. 2-3, and exhibit No. 2)" in en
    assert "(Exhibits Nos. 4 and 6)" in en
    page = flat(next(t for t in texts["en"] if "Draft, for counsel" in t))
    assert "subject to a penalty of €500.00 per day of delay from service of the order" in page


def test_no_demands_no_part(tmp_path: Path) -> None:
    case_file, paths = small_case(tmp_path / "files")
    output = tmp_path / "dossier.pdf"
    export_dossier(case_file, lambda x: paths[x.sha256], ExportOptions(as_of=AS_OF, include_exhibits=False),
                   output, read_email=read_email)
    texts = page_texts(output)
    assert "Demandes" not in flat("\n".join(texts))
    assert "Demandes" not in outline_titles(output)


def test_a_page_citation_links_to_the_cited_page_in_another_volume(tmp_path: Path) -> None:
    home, output = tmp_path / "home", tmp_path / "vol.pdf"
    case_id = run(home, "demo").strip().split()[-1]
    run(home, "export", case_id, "-o", str(output), "--as-of", DEMO_AS_OF, "--max-mb", "0.3")
    first = tmp_path / "vol-1.pdf"
    texts = page_texts(first)
    facts_page = next(i for i, t in enumerate(texts) if "Les faits essentiels" in t)
    found = []
    with pikepdf.open(first) as pdf:
        page = pdf.pages[facts_page]
        height = float(page.mediabox[3])
        for annot in page.obj.get("/Annots", []):
            if "/A" not in annot or annot.A.S != "/GoToR":
                continue
            x0, y0, x1, y1 = (float(v) for v in annot.Rect)
            done = subprocess.run(
                ["pdftotext", "-f", str(facts_page + 1), "-l", str(facts_page + 1), "-x", str(int(x0)),
                 "-y", str(int(height - y1)), "-W", str(int(x1 - x0) + 1), "-H", str(int(y1 - y0) + 1),
                 str(first), "-"], capture_output=True, check=True)
            if "Pièce n° 11, p. 3" in flat(normalize(done.stdout.decode("utf-8"))):
                found.append((str(annot.A.F), int(annot.A.D[0])))
    assert found
    for name, index in found:
        assert "Pièce n° 11 — p. 3/" in page_texts(tmp_path / name)[index]

"""Letters written by hand (``LetterDoc``), every kind of block in them, for the layouts' tests."""

from __future__ import annotations

from datetime import date

from dossier_app.domain.letters import Block, LetterDoc

NNBSP = "\u202f"


def sample_letter(paragraphs: int = 2) -> LetterDoc:
    """A formal notice as the drafting gives it; ``paragraphs`` more paragraphs make it longer."""
    filler = tuple(Block("paragraph", f"Paragraphe {n} : à défaut de règlement dans le délai, nous saisirons "
                                      "le président du tribunal de commerce d'une requête en injonction de payer, "
                                      "sans autre avis, les frais restant à votre charge.")
                   for n in range(1, paragraphs + 1))
    return LetterDoc(
        kind="mise-en-demeure",
        lang="fr",
        sender=("Atelier Lumen SARL", "SARL au capital de 8 000 € — SIREN 512 345 678",
                "12 rue des Tanneurs", "53000 Laval", "contact@lumen.example — 02 43 00 00 00"),
        recipient=("WebPlus SAS", "À l'attention de M. Durand, président", "4 avenue de la Gare",
                   "35000 Rennes"),
        place_date="Laval, le 8 décembre 2026",
        sending="Lettre recommandée avec demande d'avis de réception",
        subject="Objet : mise en demeure de payer la somme de 3" + NNBSP + "254,00" + NNBSP + "€",
        blocks=(
            Block("paragraph", "Madame, Monsieur,"),
            Block("paragraph", "Malgré nos relances, les factures suivantes restent impayées « à ce jour » :"),
            Block("table", rows=(
                ("Facture", "Échéance", "Montant"),
                ("F-2025-031", "15/09/2025", "1" + NNBSP + "200,00" + NNBSP + "€"),
                ("F-2025-044", "15/10/2025", "1" + NNBSP + "812,00" + NNBSP + "€"),
                ("Total", "", "3" + NNBSP + "012,00" + NNBSP + "€"),
            )),
            Block("heading", "Ce que nous vous demandons"),
            Block("items", items=("le principal : 3" + NNBSP + "012,00" + NNBSP + "€",
                                  "les pénalités de retard (art. L441-10 du code de commerce) : 162,00" + NNBSP + "€",
                                  "l'indemnité forfaitaire de 40" + NNBSP + "€ par facture : 80,00" + NNBSP + "€")),
            *filler,
            Block("note", "Taux : taux directeur de la BCE majoré de 10 points (source : Banque de France)."),
        ),
        signature=("Claire Martin", "Gérante, Atelier Lumen SARL"),
        draft_note="Projet établi par Dossier à partir des pièces de l'affaire : à relire par vous ou votre "
                   "avocat avant envoi ; ce n'est pas un conseil juridique.",
        deadline=date(2026, 12, 16),
        title="Mise en demeure du 8 décembre 2026",
    )


def letter_words(doc: LetterDoc) -> list[str]:
    """Every word of the letter, in reading order."""
    parts: list[str] = [*doc.sender, *doc.recipient, doc.place_date, doc.sending, doc.subject]
    for block in doc.blocks:
        parts.append(block.text)
        parts.extend(block.items)
        for row in block.rows:
            parts.extend(row)
    parts.extend(doc.signature)
    parts.append(doc.draft_note)
    return " ".join(parts).split()

import pytest

from dossier_app.imports.kinds import kind_for_email, kind_for_screenshot, kind_from_text

INVOICE_WITH_TERMS = """SARL Web Agence
FACTURE N° F-2016-12
Création du site : 1 000,00 € HT
Règlement par virement à 30 jours. En cas de retard, pénalités exigibles sans qu'une
mise en demeure soit nécessaire."""

NOTICE = """SARL Dupont
LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION
Objet : mise en demeure — facture F-2016-12 impayée"""


@pytest.mark.parametrize(("text", "kind"), [
    (INVOICE_WITH_TERMS, "invoice"),
    (NOTICE, "registered_letter"),
    ("Objet : Facture F-12 — mise en demeure de payer", "registered_letter"),
    ("Objet : relance facture F-12", "reminder"),
    ("AVOIR N° A-2016-01\nannule la facture F-12", "credit_note"),
    ("Nous pensions avoir réglé ce point.", None),
    ("Avis de virement reçu : 1 200,00 €", "payment"),
    ("ASSIGNATION EN RÉFÉRÉ devant le tribunal de commerce", "procedure"),
    ("Ordonnance de référé", "procedure"),
    ("Procès-verbal de constat", "procedure"),
    ("CONTRAT DE PRESTATION DE SERVICES\nLa facture est payable à 30 jours.", "contract"),
    ("Bon de commande n° 12", "contract"),
    ("Lorem ipsum dolor sit amet", None),
    ("", None),
])
def test_kind_from_words(text: str, kind: str | None) -> None:
    assert kind_from_text(text) == kind


def test_an_email_is_correspondence_unless_its_subject_says_more() -> None:
    assert kind_for_email("Point sur le projet") == "correspondence"
    assert kind_for_email("Relance : facture F-12") == "reminder"
    assert kind_for_email("Vos codes d'accès") == "access"
    assert kind_for_email("") == "correspondence"


def test_a_screenshot_is_a_note_unless_it_shows_an_access_problem() -> None:
    assert kind_for_screenshot("capture accès refusé") == "access"
    assert kind_for_screenshot("capture site en panne") == "outage"
    assert kind_for_screenshot("capture 2016 10 04") == "note"

from dossier_app.domain.text_search import fold, fold_needle


def test_accents_case_and_ligatures_are_set_aside():
    assert fold("Règlement") == fold("reglement") == "reglement"
    assert fold("ŒUVRE") == "oeuvre"
    assert fold("l’été") == "l'ete"
    assert fold_needle("  Réglement ") in fold("Le RÈGLEMENT du 3 mars")


def test_plain_ascii_is_lowered_and_a_hyphen_is_a_space():
    assert fold("Facture FA-2024-003") == "facture fa 2024 003"
    assert fold("Procès-verbal") == fold("proces verbal")

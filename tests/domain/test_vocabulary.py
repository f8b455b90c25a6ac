"""One word for one thing (issue 11): every code of the model that a person reads has one term, in
French and in English, and every face takes its words from it."""

from __future__ import annotations

from dossier_app.domain import checks, vocabulary
from dossier_app.domain.model import ACTORS, EVENT_KINDS, ROLES, kind_fields
from dossier_app.domain.vocabulary import GROUPS, TERMS, label
from dossier_app.i18n import translator, using


def _choice_codes() -> set[str]:
    return {choice for kind in EVENT_KINDS for spec in kind_fields(kind) for choice in spec.choices}


def test_every_kind_actor_role_choice_and_severity_of_the_model_has_its_term() -> None:
    codes = {t.code for t in vocabulary.KIND_TERMS}
    assert [t.code for t in vocabulary.KIND_TERMS] == list(EVENT_KINDS)
    assert [t.code for t in vocabulary.ACTOR_TERMS] == list(ACTORS)
    assert [t.code for t in vocabulary.ROLE_TERMS] == list(ROLES)
    assert {t.code for t in vocabulary.SEVERITY_TERMS} == set(checks.SEVERITY_RANK)
    assert _choice_codes() <= set(TERMS) and _choice_codes() == set(vocabulary.CHOICE_CODES)
    assert codes <= set(TERMS)


def test_a_code_is_named_once() -> None:
    every = [t.code for group in GROUPS.values() for t in group]
    assert len(every) == len(set(every)) == len(TERMS)


def test_each_term_has_its_english_in_the_catalogue() -> None:
    en = translator("en")
    for term in TERMS.values():
        for text in (term.long, term.short):
            if text is not None:
                # A word missing from the catalogue comes back French; these few are spelt alike.
                assert en.gettext(text) != text or text in {"Note", "message", "client", "info"}, text


def test_one_french_word_and_one_english_word_per_thing() -> None:
    fr, en = translator("fr"), translator("en")
    assert label("meeting", tr=fr) == "réunion" and label("meeting", tr=en) == "meeting"
    assert label("other", tr=fr) == "autre acte" and label("other", tr=en) == "other step"
    assert label("correspondence", tr=fr) == "Correspondance"
    assert label("registered_letter", tr=fr) == "Lettre recommandée"
    assert label("registered_letter", short=True, tr=fr) == "Recommandé"
    assert label("invoice", short=True, tr=en) == label("invoice", tr=en) == "Invoice"
    with using("en"):
        assert label("outage") == "Service outage" and label("outage", short=True) == "Outage"
    assert label(None) == "" and label("from_a_newer_file") == "from_a_newer_file"


def test_the_check_says_its_severity_with_the_vocabulary() -> None:
    finding = checks.Finding(checks.BLOCKING, "x", "Rien")
    with using("fr"):
        assert checks.finding_line(finding) == "BLOQUANT: Rien"
    with using("en"):
        assert checks.finding_line(checks.Finding(checks.WARNING, "x", "None")) == "warning: None"

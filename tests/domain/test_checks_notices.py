"""One rule for a formal notice's deadline, in the check and in the PDF chronology."""

from __future__ import annotations

from dossier_app.domain.checks import WARNING
from dossier_app.domain.notices import notice_deadline
from dossier_app.export.chronology import _letter_details
from dossier_app.i18n import translator
from tests.domain.test_checks import clean_case, codes, run
from tests.support.claims_builders import d, exhibit, notice

# Sent 3 September, first presented ("pli avisé") 5 September, collected 10 September.
LETTER = notice("med2", "2025-09-03", first_presented_on=d("2025-09-05"), received_on=d("2025-09-10"))


def test_deadline_runs_from_first_presentation():
    assert notice_deadline(LETTER) == d("2025-09-13")
    assert notice_deadline(notice("n", "2025-09-03", received_on=d("2025-09-10"))) == d("2025-09-18")
    assert notice_deadline(notice("n", "2025-09-03")) == d("2025-09-11")
    assert notice_deadline(notice("n", "2025-09-03", deadline=None)) is None


def test_check_and_chronology_agree():
    with_letter = clean_case(LETTER, exhibits=(exhibit("lettre 2", "med2", day="2025-09-03", number=3),))
    running = run(with_letter, as_of="2025-09-13")
    assert codes(running, event_id="med2") == [(WARNING, "notice_deadline_running")]
    assert "13/09/2025" in next(f.message for f in running if f.event_id == "med2")
    assert codes(run(with_letter, as_of="2025-09-14"), event_id="med2") == []
    assert any("expirant le 13 septembre 2025" in bit for bit in _letter_details(translator("fr"), LETTER))

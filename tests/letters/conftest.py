"""The letter every layout test starts from."""

from __future__ import annotations

import pytest

from dossier_app.domain.letters import LetterDoc
from tests.letters.letter_helpers import sample_letter


@pytest.fixture
def letter() -> LetterDoc:
    return sample_letter()

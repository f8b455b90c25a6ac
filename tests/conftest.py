"""Every test runs without a screen and without touching a real home folder."""

from __future__ import annotations

import os
import tempfile

# Set before anything imports Qt or platformdirs.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SANDBOX = tempfile.mkdtemp(prefix="dossier-tests-")
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ["XDG_CACHE_HOME"] = os.path.join(_SANDBOX, "cache")
os.environ["HOME"] = os.path.join(_SANDBOX, "home")
os.environ.pop("DOSSIER_HOME", None)
os.environ["DOSSIER_LANG"] = "fr"
os.makedirs(os.environ["HOME"], exist_ok=True)

import pytest  # noqa: E402

from dossier_app import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def _french_by_default():
    i18n.activate("fr")
    yield
    i18n.activate(None)

"""The demo case: a complete fictional dispute, written to a temporary folder and loaded."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..store import Store
from .interchange import load_case


def create_demo(store: Store) -> int:
    from ..demo import write_demo_case

    with tempfile.TemporaryDirectory(prefix="dossier-demo-") as folder:
        return load_case(store, write_demo_case(Path(folder)))

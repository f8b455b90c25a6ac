"""The demo case: a complete fictional dispute, written to a temporary folder inside the home and loaded."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..store import Store
from ..store.home import temporary_folder
from .interchange import load_case


def create_demo(store: Store) -> int:
    from ..demo import write_demo_case

    with tempfile.TemporaryDirectory(prefix="demo-", dir=temporary_folder(store.home)) as folder:
        return load_case(store, write_demo_case(Path(folder)))

"""Benchmarks: ``python -m bench`` (see ``__main__``)."""

from __future__ import annotations

from pathlib import Path


def compiled() -> None:
    """Dossier's bytecode written before any window is timed, as an installed Dossier has it: with
    PYTHONDONTWRITEBYTECODE set, every start would otherwise compile what changed since (30–75 ms)."""
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "dossier_app"), quiet=1)

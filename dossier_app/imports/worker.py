"""The child process of ``isolated``: analyses files one request at a time.

    python -m dossier_app.imports.worker MEMORY_MB

Reads one JSON request per line on stdin (``path``, ``password``, ``today``, ``lang``),
answers one JSON analysis per line.  Native parsers may print to the standard output,
so answers go through a private copy of it and whatever else is printed lands in stderr.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import date
from pathlib import Path


def limit_memory(megabytes: int) -> None:
    """Cap the address space, so a memory bomb ends as a MemoryError in this process only."""
    if megabytes <= 0:
        return
    try:
        import resource
    except ImportError:  # Windows: the parent's time limit is the only guard there
        return
    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    limit_memory(int(args[0]) if args else 0)

    from ..i18n import _, activate
    from .analysis import Analysis, analysis_to_json
    from .analyze import analyze

    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        activate(request.get("lang"))
        path = Path(request["path"])
        try:
            today = date.fromisoformat(request["today"]) if request.get("today") else None
            analysis = analyze(path, request.get("password"), today)
        except Exception:  # a bug here must cost this file, not the worker and the files after it
            logging.exception("analysis of %s failed", path)
            analysis = Analysis(path=path, media_type=None, size=0, title=path.name,
                                refused=_("fichier illisible (erreur interne)"))
        # ASCII: a name that is not UTF-8 travels as escaped surrogates, the parent makes it readable.
        answers.write(json.dumps(analysis_to_json(analysis), ensure_ascii=True) + "\n")
        answers.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

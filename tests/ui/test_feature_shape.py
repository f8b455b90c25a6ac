"""The window grows by features (style rule 11): each folder under ``ui/`` holds a layout-only view
and a controller, and the main window only places and registers them."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "dossier_app" / "ui"
FEATURES = ("cases", "timeline", "events", "exhibits", "importing", "claims", "readiness", "exporting", "archive",
            "preferences", "help", "letters", "calendar")
# Parsing what a person types, field by field: pure functions over the domain, no store behind them.
VIEW_MAY_USE = {"dossier_app.services.forms"}
MAIN_WINDOW_LINES = 200


def _runtime_imports(path: Path) -> set[str]:
    """The modules ``path`` imports when it runs (not those named for type checking only), absolute."""
    package = "dossier_app." + ".".join(path.relative_to(UI.parent).with_suffix("").parts[:-1])
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(inner) for child in node.body for inner in ast.walk(child)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return found


def _reaches_the_store(module: str) -> bool:
    return (module.startswith(("dossier_app.services", "dossier_app.store")) and module not in VIEW_MAY_USE
            and not any(module.startswith(allowed + ".") for allowed in VIEW_MAY_USE))


def test_every_feature_folder_has_a_view_and_a_controller() -> None:
    missing = [f"{name}/{part}.py" for name in FEATURES for part in ("view", "controller")
               if not (UI / name / f"{part}.py").is_file()]
    assert not missing, f"feature folders lack: {missing}"


def test_views_hold_layout_only() -> None:
    views = sorted(UI.glob("*/view.py"))
    assert views, "no view.py under ui/"
    calls = {f"{path.relative_to(UI)}: {module}" for path in views
             for module in _runtime_imports(path) if _reaches_the_store(module)}
    assert not calls, f"views reaching services or the store: {sorted(calls)}"


def test_main_window_only_places_and_registers() -> None:
    path = UI / "main_window.py"
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAIN_WINDOW_LINES, f"main_window.py has {lines} lines"
    services = {m for m in _runtime_imports(path) if m.startswith("dossier_app.services")
                and m not in {"dossier_app.services", "dossier_app.services.session",
                              "dossier_app.services.session.Start"}}
    assert not services, f"main_window.py calls services itself: {sorted(services)}"
    text = path.read_text(encoding="utf-8")
    assert "isAncestorOf" not in text and "_handlers" not in text, "main_window.py routes actions by hand"

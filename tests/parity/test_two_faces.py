"""The window and the command are two equal faces of the same services.

Every window action is paired with the command that does the same thing and the service function
both reach; every command is paired with its place in the window.  A new action, a new command, or a
face that stops calling the shared service fails here until its twin exists or its absence is said.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
from pathlib import Path

from dossier_app.cli.main import build_parser
from dossier_app.ui.window_actions import WindowActions

PACKAGE = Path(__file__).resolve().parents[2] / "dossier_app"

# window action -> (its command, the service function both faces reach)
TWINS = {
    "new_case": ("case new", "cases.create_case"),
    "open_case_file": ("load", "interchange.load_case"),
    "dump_case": ("dump", "interchange.dump_case"),
    "import_files": ("import", "importing.commit_import"),
    "new_event": ("event add", "events.add_event"),
    "duplicate_event": ("event add", "events.add_event"),
    "edit_event": ("event set", "events.replace_event"),
    "delete": ("event rm", "events.remove_event"),
    "link_exhibits": ("link", "exhibits.link"),
    "link_events": ("link", "exhibits.link"),
    "edit_case": ("case set", "cases.update_case"),
    "rename_case": ("case rename", "cases.rename_case"),
    "delete_case": ("case rm", "cases.delete_case"),
    "edit_exhibit": ("exhibit set", "exhibits.edit_exhibit"),
    "remove_exhibit": ("exhibit rm", "exhibits.remove_exhibit"),
    "show_claims": ("claims", "claims.case_claims"),
    "show_rates": ("rates", "rates.rates_listing"),
    "add_rate": ("rates add", "rates.add_ecb_rate"),
    "show_readiness": ("check", "readiness.readiness"),
    "export_dossier": ("export", "exporting.export_case"),
    "archive_case": ("archive", "archive.archive_case"),
    "restore_archive": ("restore", "archive.restore_archive"),
    "verify_exhibits": ("verify", "verify.verify_case"),
    "draft_letter": ("letter", "letters.write_letter"),
    "show_calendar": ("calendar", "calendar.case_calendar"),
}

# What only a window has: moving about, looking, and undoing (each command is one step already).
WINDOW_ONLY = {"quit", "undo", "redo", "find", "show_all", "focus_cases", "focus_timeline", "focus_exhibits",
               "zoom_in", "zoom_out", "zoom_all", "preferences", "guide", "shortcuts", "about"}

# command -> where the window does it without a menu action of its own, and the service both reach
SHOWN_BY_THE_WINDOW = {
    "gui": None,  # it is the window
    "demo": ("made on the first start (session.starting_case)", "demo.create_demo"),
    "cases": ("the case list, always shown", None),
    "exhibit list": ("the exhibit panel, always shown", "exhibits.exhibits"),
    "unlink": ("unticking an exhibit in the link picker", "exhibits.unlink"),
    "rates rm": ("the Remove button of the rates dialog", "rates.remove_ecb_rate"),
}

# Commands the window does not offer yet.
NOT_YET_IN_THE_WINDOW: set[str] = set()


def _command_paths(parser: argparse.ArgumentParser, prefix: str = "") -> set[str]:
    paths: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                path = f"{prefix} {name}".strip()
                inner = _command_paths(sub, path)
                # A command with its own action and sub-commands (``rates`` and ``rates add``) is both.
                if not inner or sub.get_default("func") is not None:
                    paths.add(path)
                paths |= inner
    return paths


def _service_calls(tree: ast.AST, within_services: bool = False) -> set[str]:
    """``module.function`` of every service function this module calls, aliases resolved."""
    modules: dict[str, str] = {}
    functions: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            if node.module.split(".")[-1] == "services":
                for alias in node.names:
                    modules[alias.asname or alias.name] = alias.name
            elif ".services." in f".{node.module}" or node.module.startswith("services.") or (
                    node.level == 1 and within_services):
                service = node.module.split(".")[-1]
                for alias in node.names:
                    functions[alias.asname or alias.name] = f"{service}.{alias.name}"
    calls: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in modules:
            calls.add(f"{modules[func.value.id]}.{func.attr}")
        elif isinstance(func, ast.Name) and func.id in functions:
            calls.add(functions[func.id])
    return calls


def _in_a_child(node: ast.AST) -> set[str]:
    """The service functions ``node`` runs in a child process: ``run_in_child(home, "module.function", …)``
    (``services.child_process``), which the window uses so that its long work keeps off its interpreter."""
    return {call.args[1].value for call in ast.walk(node)
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "run_in_child"
            and len(call.args) > 1 and isinstance(call.args[1], ast.Constant) and isinstance(call.args[1].value, str)}


def _reached(calls: set[str]) -> set[str]:
    """What those calls reach inside the services, following calls within each service module."""
    inside: dict[str, set[str]] = {}
    for path in (PACKAGE / "services").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                called = {n.func.id for n in ast.walk(node) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
                inside[f"{path.stem}.{node.name}"] = ({f"{path.stem}.{name}" for name in called}
                                                     | _service_calls(node, within_services=True)
                                                     | _in_a_child(node))
    seen: set[str] = set()
    todo = list(calls)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(inside.get(name, ()))
    return seen


def _face(folder: str) -> set[str]:
    calls: set[str] = set()
    for path in (PACKAGE / folder).rglob("*.py"):
        calls |= _service_calls(ast.parse(path.read_text(encoding="utf-8")))
    return _reached(calls)


def test_every_window_action_has_its_command_or_is_said_to_be_the_window_s_own() -> None:
    actions = {f.name for f in dataclasses.fields(WindowActions)}
    assert actions - TWINS.keys() - WINDOW_ONLY == set(), "window actions without a command twin"
    assert (TWINS.keys() | WINDOW_ONLY) - actions == set(), "pairs naming actions the window no longer has"


def test_every_command_has_its_place_in_the_window_or_is_listed_as_not_yet() -> None:
    commands = _command_paths(build_parser())
    paired = {command for command, _service in TWINS.values()} | SHOWN_BY_THE_WINDOW.keys()
    assert commands - paired - NOT_YET_IN_THE_WINDOW == set(), "commands with no place in the window"
    assert (paired | NOT_YET_IN_THE_WINDOW) - commands == set(), "pairs naming commands that do not exist"
    assert paired & NOT_YET_IN_THE_WINDOW == set()


def test_both_faces_reach_the_same_service_function() -> None:
    command_face, window_face = _face("cli"), _face("ui")
    shared = [service for _command, service in TWINS.values()]
    shared += [pair[1] for pair in SHOWN_BY_THE_WINDOW.values() if pair is not None and pair[1] is not None]
    missing = [(service, face) for service in shared
               for face, reached in (("command", command_face), ("window", window_face)) if service not in reached]
    assert missing == []


def test_what_runs_in_a_child_process_is_a_service_function() -> None:
    import importlib

    tree = ast.parse((PACKAGE / "services" / "child_process.py").read_text(encoding="utf-8"))
    targets = _in_a_child(tree)
    assert targets, "the window's long work no longer runs in a child process"
    for target in targets:
        module, name = target.split(".")
        assert callable(getattr(importlib.import_module(f"dossier_app.services.{module}"), name, None)), target

"""The welcome banner shows whenever the store holds only the demo case, however it was made."""

from __future__ import annotations

from pathlib import Path

from dossier_app.services import cases, interchange
from dossier_app.services.demo import create_demo
from dossier_app.services.session import case_lines


def test_the_demo_made_by_the_command_is_welcomed(open_window, store, tmp_path: Path):
    # `dossier demo` before the first start: the window did not make it, it still welcomes.
    create_demo(store)
    window = open_window()
    assert window.welcome.isVisible()
    assert "démonstration" in window.welcome.text()
    window.grab().save(str(tmp_path.parent / "welcome.png"))


def test_the_demo_restored_from_a_file_is_welcomed_and_a_second_case_ends_it(open_window, store, tmp_path: Path):
    demo = create_demo(store)
    saved = tmp_path / "demo.json"
    interchange.dump_case(store, demo, saved, tmp_path / "pieces")
    cases.delete_case(store, demo)
    restored = interchange.load_case(store, saved)
    window = open_window()
    assert window.case_id == restored
    assert window.welcome.isVisible()
    window.answers.open_with = saved
    window.actions_.open_case_file.trigger()  # a second case, the demo again: no longer only the demo
    assert len(case_lines(store)) == 2
    assert not window.welcome.isVisible()


def test_a_renamed_demo_is_a_case_of_one_s_own(open_window, store):
    demo = create_demo(store)
    cases.rename_case(store, demo, "Atelier Lemoine c/ Pixelune — mon affaire")
    window = open_window()
    assert window.case_id == demo
    assert not window.welcome.isVisible()


def test_the_demo_is_known_by_what_the_demo_story_says():
    from dossier_app.demo import story
    from dossier_app.services.session import DEMO_CASE

    assert (story.CASE["title"], story.US["name"], story.THEM["name"]) == DEMO_CASE

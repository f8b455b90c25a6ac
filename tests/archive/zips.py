"""Reading a good archive apart and putting it back together with exactly one thing wrong."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from pathlib import Path


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, items: list[tuple[str | zipfile.ZipInfo, bytes]],
              compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in items:
            archive.writestr(name, data)
    return path


def rehashed(items: dict[str, bytes]) -> dict[str, bytes]:
    """The same members with a manifest that agrees with them: a careful forger's archive."""
    manifest = json.loads(items["manifest.json"])
    by_name = {f["name"]: f for f in manifest["files"]}
    manifest["files"] = [
        {**by_name.get(name, {}), "name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in items.items() if name != "manifest.json"]
    return {**items, "manifest.json": json.dumps(manifest).encode()}


def symlink(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target.encode()

"""The fetcher's on-disk cache: validators and bodies per URL, so a second fetch of an
issue asks with If-None-Match / If-Modified-Since and a 304 costs no download; and the
fingerprint of each issue last ingested, so an unchanged issue is not stored again."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

KEEP_S = 8 * 24 * 3600.0  # a week of issues and a day to spare


@dataclass(frozen=True, slots=True)
class Cached:
    url: str
    etag: str
    last_modified: str
    charset: str | None
    file: str

    def validators(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class HttpCache:
    """Files under ``root``: ``<key>.json`` (validators) and ``<key>.body`` per URL."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def lookup(self, url: str) -> Cached | None:
        meta = self.root / f"{_key(url)}.json"
        try:
            raw = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        cached = Cached(
            url,
            raw.get("etag", ""),
            raw.get("last_modified", ""),
            raw.get("charset"),
            f"{_key(url)}.body",
        )
        return cached if (self.root / cached.file).is_file() and raw.get("url") == url else None

    def body(self, cached: Cached) -> bytes:
        path = self.root / cached.file
        data = path.read_bytes()
        for used in (path, path.with_suffix(".json")):
            os.utime(used)  # in use: keep it past the next prune
        return data

    def store(self, url: str, headers: Mapping[str, str], body: bytes, charset: str | None) -> None:
        """Keep a body the server gave validators for; the write is atomic per file."""
        etag, modified = headers.get("etag", ""), headers.get("last-modified", "")
        if not etag and not modified:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        key = _key(url)
        _write(self.root / f"{key}.body", body)
        meta = {"url": url, "etag": etag, "last_modified": modified, "charset": charset}
        _write(self.root / f"{key}.json", json.dumps(meta).encode("utf-8"))

    def prune(self, keep: float = KEEP_S, now: float | None = None) -> int:
        """Forget what was last used more than ``keep`` seconds ago: a day's PDFs are tens
        of megabytes, and only the last few issues are ever fetched again."""
        now = time.time() if now is None else now
        gone = 0
        try:
            entries = list(self.root.iterdir())
        except OSError:
            return 0
        for path in entries:
            try:
                if now - path.stat().st_mtime > keep:
                    path.unlink()
                    gone += 1
            except OSError:
                continue
        return gone

    # -- issue fingerprints ----------------------------------------------------------------
    def fingerprint(self, newspaper: str, day: str) -> str:
        try:
            return (self.root / f"issue-{_key(newspaper + '/' + day)}.sha").read_text().strip()
        except OSError:
            return ""

    def set_fingerprint(self, newspaper: str, day: str, value: str) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        _write(self.root / f"issue-{_key(newspaper + '/' + day)}.sha", value.encode("ascii"))


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(path.suffix + f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)

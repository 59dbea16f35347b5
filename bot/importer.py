"""``paperboy import``: bulk-load an archive of JSON lines, summaries and index included.

Segmenting is the cost (jieba-rs does a few MB/s per core; summaries reuse its words), so
worker processes, one per core, each load the segmenter once and prepare chunks of lines;
the main process only parses JSON, skips unchanged lines and writes batches. A line's hash
is stored with its article, so running the same import again changes nothing and costs
little.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import hashlib
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digests.archive.base import Archive, IndexedArticle, StoredArticle
from digests.assemble import summarize_for_archive
from digests.errors import InputError
from digests.model import Article
from digests.summarizer import SummaryOptions
from digests.words import Segmenter

_CHUNK = 64  # lines per task sent to a worker
_BATCH = 1024  # articles per database transaction


@dataclass(frozen=True, slots=True)
class ImportOptions:
    newspaper: str
    sections: dict[int, str] = field(default_factory=dict)
    config_dir: Path = Path("config")
    max_chars: int = 120
    workers: int = 0  # 0: one per core


@dataclass(frozen=True, slots=True)
class ImportReport:
    lines: int
    stored: int
    unchanged: int
    malformed: tuple[tuple[int, str], ...]
    chars: int
    seconds: float

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0


@dataclass(frozen=True, slots=True)
class _Line:
    lineno: int
    digest: str
    data: dict[str, Any]


def _text_list(value: object, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        raise ValueError(f'"{name}" must be a list of strings')
    return tuple(value)


def _string(data: dict[str, Any], name: str) -> str:
    value = data.get(name, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f'"{name}" must be a string')
    return value


MAX_ID_CHARS = 100  # real archives use ids of 10 to 40 characters
MAX_PAGE = 999
MAX_SEQ = 9999


def _number(
    data: dict[str, Any], name: str, low: int, high: int, default: int | None
) -> int | None:
    """A whole number in [low, high] (or the default when absent); ValueError saying why."""
    value = data.get(name, default)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f'"{name}" must be a whole number, not {json.dumps(value)[:40]}')
    if not low <= value <= high:
        raise ValueError(f'"{name}" must be between {low} and {high}, not {str(value)[:40]}')
    return value


def _clean(text: str, name: str) -> str:
    # Neither database stores these: PostgreSQL refuses NUL, and a lone surrogate is no
    # character at all (it cannot be encoded as UTF-8).
    if "\x00" in text:
        raise ValueError(f'"{name}" holds a NUL character')
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f'"{name}" is not valid Unicode (a lone surrogate)') from None
    return text


def parse_line(data: object) -> tuple[str, dt.date, int | None, int, Article]:
    """Validate one archive line: (id, date, page, seq, article) or ValueError saying why."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    article_id = data.get("id")
    if not isinstance(article_id, str) or not article_id.strip():
        raise ValueError('"id" must be a non-empty string')
    if len(article_id) > MAX_ID_CHARS or any(c.isspace() for c in article_id):
        raise ValueError(f'"id" must be at most {MAX_ID_CHARS} characters without spaces')
    _clean(article_id, "id")
    try:
        date = dt.date.fromisoformat(str(data.get("date")))
    except ValueError:
        raise ValueError(f'"date" must be YYYY-MM-DD, not {str(data.get("date"))[:40]!r}') from None
    page = _number(data, "page", 1, MAX_PAGE, None)
    seq = _number(data, "seq", 0, MAX_SEQ, 0) or 0
    article = Article(
        id=article_id,
        kicker=_clean(_string(data, "kicker"), "kicker"),
        title=_clean(_string(data, "title"), "title"),
        subtitle=_clean(_string(data, "subtitle"), "subtitle"),
        paragraphs=tuple(
            _clean(p, "paragraphs") for p in _text_list(data.get("paragraphs", []), "paragraphs")
        ),
    )
    if not article.headline.strip() and not any(p.strip() for p in article.paragraphs):
        raise ValueError("the article is empty: no title and no paragraphs")
    return article_id, date, page, seq, article


@functools.cache
def _tools(config_dir: Path, max_chars: int) -> tuple[Segmenter, SummaryOptions]:
    """Per worker process: the segmenter, loaded once."""
    return Segmenter.load(config_dir), SummaryOptions(max_chars=max_chars)


def prepare(
    lines: Sequence[_Line], options: ImportOptions
) -> list[IndexedArticle | tuple[int, str]]:
    """Summarise and segment a chunk of lines (runs in a worker)."""
    seg, sopts = _tools(options.config_dir, options.max_chars)
    out: list[IndexedArticle | tuple[int, str]] = []
    for line in lines:
        try:
            _id, date, page, seq, article = parse_line(line.data)
        except ValueError as e:
            out.append((line.lineno, str(e)))
            continue
        article, words = summarize_for_archive(article, seg, sopts)
        section = options.sections.get(page or 0, "")
        stored = StoredArticle(article, options.newspaper, date, page, section, seq)
        out.append(IndexedArticle(stored, words, line.digest))
    return out


def _open(path: Path) -> Iterator[bytes]:
    try:
        with path.open("rb") as raw:
            gz = raw.read(2) == b"\x1f\x8b"
        opener: Callable[..., Any] = gzip.open if gz else open
        with opener(path, "rb") as f:
            yield from f
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not an archive file") from None
    except (OSError, EOFError) as e:
        raise InputError(f"{path}: cannot read it: {e}") from None


def _chunks(path: Path, bad: list[tuple[int, str]], counts: list[int]) -> Iterator[list[_Line]]:
    chunk: list[_Line] = []
    for lineno, raw in enumerate(_open(path), 1):
        counts[0] = lineno
        counts[1] += len(raw)
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as e:
            bad.append((lineno, f"not JSON: {e}"))
            continue
        chunk.append(_Line(lineno, hashlib.blake2b(raw.strip(), digest_size=12).hexdigest(), data))
        if len(chunk) >= _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _unchanged(archive: Archive, chunk: list[_Line]) -> tuple[list[_Line], int]:
    ids = [str(line.data.get("id")) for line in chunk if isinstance(line.data, dict)]
    known = archive.known_hashes(ids)
    fresh = [
        line
        for line in chunk
        if not isinstance(line.data, dict) or known.get(str(line.data.get("id"))) != line.digest
    ]
    return fresh, len(chunk) - len(fresh)


def import_archive(
    path: Path,
    archive: Archive,
    options: ImportOptions,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Load every line of ``path``; ``progress(bytes_read, articles_stored)`` as it goes."""
    start = time.perf_counter()
    bad: list[tuple[int, str]] = []
    counts = [0, 0]  # lines read, bytes read (the reader updates them)
    stored = unchanged = chars = 0
    batch: list[IndexedArticle] = []

    def fresh_chunks() -> Iterator[list[_Line]]:
        nonlocal unchanged
        for chunk in _chunks(path, bad, counts):
            fresh, same = _unchanged(archive, chunk)
            unchanged += same
            if fresh:
                yield fresh

    workers = options.workers or os.cpu_count() or 1
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers) as pool:
        work = functools.partial(prepare, options=options)
        for results in pool.imap(work, fresh_chunks()):
            for r in results:
                if isinstance(r, tuple):
                    bad.append(r)
                    continue
                batch.append(r)
                chars += sum(len(p) for p in r.stored.article.paragraphs)
            if len(batch) >= _BATCH:
                stored += archive.put_articles(batch)
                batch = []
                if progress:
                    progress(counts[1], stored)
    if batch:
        stored += archive.put_articles(batch)
    archive.flush_index()
    if progress:
        progress(counts[1], stored)
    bad.sort()
    return ImportReport(
        counts[0], stored, unchanged, tuple(bad), chars, time.perf_counter() - start
    )

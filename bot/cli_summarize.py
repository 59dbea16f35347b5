"""``paperboy summarize --jsonl FILE [--max-chars N]`` and ``paperboy warmup``.

summarize reads JSON lines ``{"id", "text"}`` (optionally ``"title"``, ``"kicker"``,
``"subtitle"``, ``"kind"``) and prints one ``{"id", "summary"}`` line per non-blank input line,
in the same order. A line that cannot be used still gets its output line (``"summary": ""``
and an ``"error"``), so outputs stay aligned with inputs, and one line on stderr names it by
line number. The exit code is 1 only when no line was usable.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.settings import Settings
from digests.errors import InputError
from digests.summarizer import SummaryOptions, summarize
from digests.words import Segmenter

_TEXT_FIELDS = ("title", "kicker", "subtitle")
_KINDS = frozenset({"article", "photo", "brief", "notice", "ad"})


def load_segmenter(settings: Settings) -> Segmenter:
    """The process's one Segmenter, with the user dictionary from the config directory."""
    return Segmenter.load(settings.config_dir, settings.data_dir / "cache")


def _read_lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with path.open(encoding="utf-8-sig") as f:
            yield from enumerate(f, 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not a JSON lines file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text (JSON lines must be UTF-8)") from None
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None


def _parse(line: str) -> tuple[Any, dict[str, str], str]:
    """(id, fields, problem): fields are empty and problem says why when the line is unusable."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return None, {}, f"not JSON ({e.msg} at column {e.colno})"
    if not isinstance(obj, dict):
        return None, {}, "not a JSON object"
    item_id = obj.get("id")
    if item_id is None:
        return None, {}, 'no "id"'
    text = obj.get("text")
    if not isinstance(text, str):
        return item_id, {}, 'no "text" string'
    fields = {"text": text}
    for key in (*_TEXT_FIELDS, "kind"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            return item_id, {}, f'"{key}" is not a string'
        fields[key] = value or ""
    if fields["kind"] and fields["kind"] not in _KINDS:
        return item_id, {}, f'unknown "kind" {fields["kind"]!r}'
    return item_id, fields, ""


def run_summarize(args: argparse.Namespace, settings: Settings) -> int:
    path = Path(args.jsonl)
    max_chars = settings.summary_max_chars if args.max_chars is None else args.max_chars
    if max_chars < 1:
        raise InputError(f"--max-chars must be at least 1, not {max_chars}")
    options = SummaryOptions(max_chars=max_chars)
    lines = [(n, ln) for n, ln in _read_lines(path) if ln.strip()]
    if not lines:
        raise InputError(f'{path} is empty: expected JSON lines of {{"id", "text"}}')
    segmenter = load_segmenter(settings)
    usable = 0
    out = sys.stdout
    for lineno, line in lines:
        item_id, fields, problem = _parse(line)
        record: dict[str, Any] = {"id": item_id, "summary": ""}
        if problem:
            print(f"paperboy: {path} line {lineno}: {problem}", file=sys.stderr)
            record["error"] = f"line {lineno}: {problem}"
        else:
            record["summary"] = summarize(
                fields["text"],
                title=fields["title"],
                kicker=fields["kicker"],
                subtitle=fields["subtitle"],
                kind=fields["kind"] or "article",
                segmenter=segmenter,
                options=options,
            )
            usable += 1
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    if not usable:
        raise InputError(f"{path}: no usable line (each must be a JSON object with id and text)")
    return 0


def run_warmup(args: argparse.Namespace, settings: Settings) -> int:
    """Load the segmenter once, so its dictionary and any cache are ready before the first
    request (the Docker image runs this at build time)."""
    segmenter = load_segmenter(settings)
    segmenter.cut("大同古城迎新春")
    return 0

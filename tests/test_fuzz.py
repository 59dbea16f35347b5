"""Thousands of generated bad inputs through split, import, search and the terminal channel.

Every input is either handled or refused with Paperboy's own error (a clear message), never
an unexpected exception; afterwards the archive passes SQLite's integrity check and search
agrees with the database. Inputs come from a fixed seed, so a failure reproduces.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.importer import ImportOptions, import_archive
from bot.settings import load_settings
from digests.archive import SqlArchive, open_archive
from digests.errors import PaperboyError
from digests.loader import split_documents, split_options
from tests.conftest import DEMO_PAGE

SEED = 16
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "utf-16-le", "utf-16-be")
NASTY = ("\x00", "\x1b[31m", "\u202e", "\ufeff", "\r", "\x0c", "<b>", "&amp;", "`", "\\", "😀")
WORDS = ("古城", "灯会", "非遗", "刀削面", "AND", "OR", "-", '"', "*", "(", ")", ":", "NEAR", "%")


def _mangle(rng: random.Random, text: str) -> bytes:
    """A piece of page text in some encoding, perhaps truncated, flipped or laced."""
    start = rng.randrange(len(text))
    piece = text[start : start + rng.choice((0, 1, 40, 400, 1500))]
    if rng.random() < 0.3:
        at = rng.randrange(len(piece) + 1)
        piece = piece[:at] + rng.choice(NASTY) * rng.randint(1, 50) + piece[at:]
    codec = rng.choice(ENCODINGS)
    data = piece.encode(codec, errors="strict" if codec.startswith("utf") else "replace")
    roll = rng.random()
    if roll < 0.2 and data:
        data = data[: rng.randrange(len(data))]  # cut in the middle of a character
    elif roll < 0.35 and data:
        flips = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            flips[rng.randrange(len(flips))] = rng.randrange(256)
        data = bytes(flips)
    elif roll < 0.4:
        data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 600)))
    return data


def test_split_survives_pages_in_every_encoding_and_shape() -> None:
    """4,000 page texts: each splits or is refused with a PaperboyError."""
    rng = random.Random(SEED)
    text = DEMO_PAGE.read_text(encoding="utf-8")
    options = split_options(load_settings().config_dir, "大同日报")
    refused = 0
    for i in range(4000):
        name = rng.choice(("p.txt", "page", "第3版.txt", "x.TXT", "a.docx"))
        data = _mangle(rng, text)
        try:
            split_documents([(name, data)], options)
        except PaperboyError:
            refused += 1
        except Exception as e:  # pragma: no cover - the failure message is the point
            pytest.fail(f"input {i}: {type(e).__name__}: {e}")
    assert 0 < refused < 4000


def _pdfs(rng: random.Random, n: int) -> Iterator[bytes]:
    from tests.builders.pdfs import PdfBuilder
    from tests.digests.pdf.conftest import draw_theory_page

    good = PdfBuilder().page(draw_theory_page).build()
    for _ in range(n):
        roll = rng.random()
        if roll < 0.4:
            yield good[: rng.randrange(len(good))]  # truncated
        elif roll < 0.7:
            bad = bytearray(good)
            for _ in range(rng.randint(1, 40)):
                bad[rng.randrange(len(bad))] = rng.randrange(256)
            yield bytes(bad)
        elif roll < 0.85:
            depth = rng.randint(1, 5000)  # hostile: deep nesting, huge numbers, bad xref
            yield b"%PDF-1.7\n1 0 obj\n" + b"[" * depth + b"]" * depth + b"\nendobj\ntrailer"
        else:
            yield b"%PDF-" + bytes(rng.randrange(256) for _ in range(rng.randint(0, 2000)))


def test_split_survives_truncated_and_hostile_pdfs() -> None:
    """300 broken PDFs: each is refused (or split) with a clear error, never a crash."""
    rng = random.Random(SEED)
    options = split_options(load_settings().config_dir, "大同日报")
    for i, data in enumerate(_pdfs(rng, 300)):
        try:
            split_documents([("page.pdf", data)], options)
        except PaperboyError:
            continue
        except Exception as e:  # pragma: no cover
            pytest.fail(f"pdf {i}: {type(e).__name__}: {e}")


def _value(rng: random.Random) -> object:
    return rng.choice(
        (None, True, -1, 0, 10**30, -(10**30), 1.5, "", "文" * rng.randint(1, 9000), [], {}, [1])
    )


def _lines(rng: random.Random, n: int) -> Iterator[tuple[str, bool]]:
    """(JSON line, whether it is a good article) with wrong types, junk and good lines."""
    for i in range(n):
        line = {
            "id": f"fz{i}",
            "date": "2024-02-01",
            "page": rng.randint(1, 20),
            "seq": rng.randint(1, 9),
            "title": f"古城灯会第{i}场",
            "paragraphs": ["大同古城的灯会今晚开幕。"],
        }
        roll = rng.random()
        if roll < 0.5:
            yield json.dumps(line, ensure_ascii=False), True
        elif roll < 0.9:
            line[rng.choice(list(line))] = _value(rng)
            yield json.dumps(line, ensure_ascii=False), False
        else:
            raw = json.dumps(line, ensure_ascii=False)
            yield raw[: rng.randrange(len(raw))] + rng.choice(NASTY), False


@pytest.fixture
def archive(data_dir: Path) -> Iterator[SqlArchive]:
    settings = load_settings()
    a = open_archive("", settings.sqlite_path, config_dir=settings.config_dir)
    yield a
    a.close()


def test_import_and_search_keep_the_archive_intact(archive: SqlArchive, tmp_path: Path) -> None:
    """4,000 JSON lines of every wrong type and 2,000 odd queries: good lines are stored,
    bad ones named, the database passes its integrity check and search agrees with it."""
    rng = random.Random(SEED)
    lines = list(_lines(rng, 4000))
    src = tmp_path / "fuzz.jsonl"
    src.write_text("".join(raw + "\n" for raw, _ in lines), encoding="utf-8")
    settings = load_settings()
    options = ImportOptions(newspaper="大同日报", config_dir=settings.config_dir, workers=2)
    report = import_archive(src, archive, options)
    good = {f"fz{i}" for i, (_, ok) in enumerate(lines) if ok}
    assert report.stored >= len(good) and report.malformed
    for _ in range(2000):
        query = "".join(rng.choice((*WORDS, *NASTY, " ")) for _ in range(rng.randint(0, 12)))
        for result in (archive.search(query), archive.headline(query)):
            for hit in result.hits:
                assert archive.get_article(hit.id) is not None, (query, hit.id)
    with sqlite3.connect(settings.sqlite_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = db.execute("SELECT id, title FROM articles WHERE id LIKE 'fz%'").fetchall()
    assert good <= {r[0] for r in rows}
    # Search agrees with the database: stored titles are found, and found ids are stored.
    for article_id, title in rng.sample(sorted(r for r in rows if r[0] in good), 50):
        assert article_id in [h.id for h in archive.headline(title).hits], title
        assert article_id in [h.id for h in archive.search(f'"{title}"').hits], title


def test_the_terminal_answers_every_odd_command(tmp_path: Path) -> None:
    """1,500 lines with markup, control characters and odd commands: no apology, no trace."""
    rng = random.Random(SEED)
    commands = (
        "/today",
        "/sections",
        "/section",
        "/headline",
        "/search",
        "/article",
        "/a_",
        "/withdraw",
        "/restore",
        "/lang",
        "/subscribe",
        "/push",
        "/preview",
        "/nosuch",
        "/settings",
        "/headlines",
        "/help",
        "",
    )
    lines = []
    for _ in range(1500):
        words = [
            rng.choice((*WORDS, *NASTY, "2024-02-10", "07:30", "99", "x" * 300))
            for _ in range(rng.randint(0, 4))
        ]
        lines.append((rng.choice(commands) + " " + "".join(words)).replace("\n", " "))
    environ = {**os.environ, "PAPERBOY_DATA_DIR": str(tmp_path / "data")}
    environ.pop("PAPERBOY_DATABASE_URL", None)
    environ.pop("PAPERBOY_TELEGRAM_TOKEN", None)
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "serve"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        errors="replace",
        env=environ,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    assert "出了点问题" not in done.stdout

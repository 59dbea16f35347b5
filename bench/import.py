"""Import throughput: ``paperboy import`` of the dev month into a fresh archive, in chars/s.

    .venv/bin/python bench/import.py [--copies N] [--workers W]

``--copies`` imports the month N times over (ids suffixed, dates shifted), for a longer run
such as the 5-month size. Characters are those of the paragraphs, as in the issue's target
(220,000 chars/s end to end, summaries and index included). Also prints the sizes per
million characters and the time of a re-run (every line unchanged).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import tempfile
import time
from pathlib import Path

from bot.importer import ImportOptions, import_archive
from digests.archive import index_dir, open_archive

REPO = Path(__file__).resolve().parent.parent
MONTH = REPO.parent / "shared" / "data" / "archive" / "rmrb-2019-02.jsonl.gz"


def source(tmp: Path, copies: int) -> Path:
    if copies == 1:
        return MONTH
    lines = gzip.decompress(MONTH.read_bytes()).decode().splitlines()
    out = tmp / "archive.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for k in range(copies):
            for line in lines:
                obj = json.loads(line)
                obj["id"] = f"{obj['id']}~{k}"
                day = dt.date.fromisoformat(obj["date"]) - dt.timedelta(days=29 * k)
                obj["date"] = day.isoformat()
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--workers", type=int, default=0, help="0: one per core")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        src = source(tmp, args.copies)
        db = tmp / "archive.sqlite3"
        options = ImportOptions(
            newspaper="人民日报", config_dir=REPO / "config", workers=args.workers
        )
        t0 = time.perf_counter()
        archive = open_archive("", db, config_dir=REPO / "config")
        r = import_archive(src, archive, options)
        total = time.perf_counter() - t0
        print(
            f"imported {r.stored:,} articles, {r.chars / 1e6:.2f} M chars in {total:.2f} s "
            f"(open included): {r.chars / total / 1000:.0f} k chars/s"
        )
        t1 = time.perf_counter()
        again = import_archive(src, archive, options)
        print(f"re-run: {again.unchanged:,} unchanged in {time.perf_counter() - t1:.2f} s")
        archive.close()
        size_db = sum(p.stat().st_size for p in tmp.glob("archive.sqlite3*") if p.is_file())
        size_ix = sum(p.stat().st_size for p in index_dir("", db).rglob("*") if p.is_file())
        mc = r.chars / 1e6
        print(
            f"size per M chars: database {size_db / 1e6 / mc:.2f} MB, "
            f"search index {size_ix / 1e6 / mc:.2f} MB"
        )


if __name__ == "__main__":
    main()

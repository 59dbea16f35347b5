"""``paperboy serve`` imports what answering needs; the other jobs' modules load with them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent

# What serve imports before its first answer: the command line, both channels' entries,
# the Telegram Application with the push and the fetch schedule, the WeChat runner.
SERVE = (
    "bot.cli",
    "bot.cli_serve",
    "bot.app",
    "bot.console",
    "bot.demo",
    "bot.push.request",
    "bot.push.service",
    "bot.fetch",
    "bot.fetch.notify",
    "bot.fetch.plans",
    "bot.wechat.runner",
)
# Modules of other jobs: reading PDFs, splitting and assembling uploads, fetching e-papers,
# importing archives, summarising, segmenting (loaded after the first answer), WeChat's
# crypto, PostgreSQL (only when configured) and the CLI's progress output.
OTHER_JOBS = (
    "pdfminer",
    "digests.pdf",
    "digests.split",
    "digests.epaper",
    "digests.assemble",
    "digests.summarizer",
    "digests.words",
    "bot.ingest",
    "bot.importer",
    "bot.fetch.service",
    "bot.fetch.crawl",
    "bot.wechat.crypto",
    "rjieba",
    "jieba",
    "psycopg",
    "rich",
    "charset_normalizer",
    "rapidfuzz",
)


def test_serving_imports_none_of_the_other_jobs_modules() -> None:
    """Importing serve's modules loads no PDF reader, splitter, e-paper fetch, summariser,
    segmenter, WeChat crypto or PostgreSQL driver."""
    script = (
        f"import importlib, json, sys\n"
        f"for name in {SERVE!r}:\n"
        f"    importlib.import_module(name)\n"
        f"print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    loaded = set(json.loads(out))
    found = sorted(
        name for name in loaded if any(name == m or name.startswith(m + ".") for m in OTHER_JOBS)
    )
    assert found == []

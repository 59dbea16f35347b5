"""The terminal channel through its stdin and stdout: ``paperboy serve --console``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def _serve(data_dir: Path, stdin: str, *args: str, env: dict[str, str] | None = None) -> str:
    environ = {**os.environ, "PAPERBOY_DATA_DIR": str(data_dir), **(env or {})}
    environ.pop("PAPERBOY_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "serve", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_the_demo_answers_the_four_questions(fresh: Path) -> None:
    """A fresh archive gets the demo issue; /today, /section, /headline and /search answer."""
    out = _serve(fresh, "/today\n/section 要闻\n/headline 古城\n/search 非遗\n")
    today, _, rest = out.partition("🔎 要闻")
    assert "《大同日报》" in today and "2024年2月10日" in today
    section, _, rest = rest.partition("🔎 古城")
    assert "第1版 要闻" in section and "用好“关键一招”激发对接京津冀协同发展澎湃动能" in section
    headline, _, search = rest.partition("🔎 非遗")
    assert "做好服务保障 守护浓浓年味" in headline
    assert "非遗文化绽放古都新春" in search


def test_a_text_printed_twice_is_one_result_naming_both(fresh: Path, tmp_path: Path) -> None:
    """The same article on two days is listed once, with the other printing's day and page."""
    article = {
        "id": "20240301-02-01",
        "date": "2024-03-01",
        "page": 2,
        "seq": 1,
        "kicker": "",
        "title": "山村小学添了图书角",
        "subtitle": "",
        "paragraphs": ["山村小学的孩子们有了图书角，志愿者送来两百本图书。"],
    }
    again = {**article, "id": "20240304-05-01", "date": "2024-03-04", "page": 5}
    src = tmp_path / "two.jsonl"
    src.write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in (article, again)),
        encoding="utf-8",
    )
    environ = {**os.environ, "PAPERBOY_DATA_DIR": str(fresh)}
    environ.pop("PAPERBOY_DATABASE_URL", None)
    cmd = [sys.executable, "-m", "bot.cli", "import", str(src)]
    subprocess.run(cmd, env=environ, check=True, capture_output=True, timeout=120)
    out = _serve(fresh, "/search 图书角 志愿者\n")
    assert out.count("山村小学添了图书角") == 1
    assert "2024-03-01 · 第2版" in out and "又见 2024-03-04 第5版" in out


def test_plain_serve_without_a_token_is_the_terminal(fresh: Path) -> None:
    """Without PAPERBOY_TELEGRAM_TOKEN, serve runs the terminal channel and ends at EOF."""
    out = _serve(fresh, "/today\n", env={"PAPERBOY_TELEGRAM_TOKEN": ""})
    assert "《大同日报》" in out


def test_buttons_are_pressed_by_their_keys(fresh: Path) -> None:
    """Typing a list number opens that article; a letter presses "next page"."""
    out = _serve(fresh, "/section 要闻\n2\n/section 要闻\na\n")
    assert "本报讯(记者 韩云峰)" in out  # the full text of item 2
    assert "6. " in out  # page 2 of the section


def test_same_commands_as_telegram(fresh: Path) -> None:
    """Help, settings, subscribe, unknown commands and usage work in the terminal too."""
    out = _serve(fresh, "/help\n/subscribe 06:30\n/settings\n/nosuch\n/search\n/stats\n")
    assert "/today" in out and "06:30" in out and "/help" in out
    assert "用法：/search" in out and "今天的搜索" in out


def test_the_push_commands_work_at_the_terminal(fresh: Path) -> None:
    """/preview, /push now and /pushstatus answer at the terminal too, without a dead end."""
    out = _serve(fresh, "/preview\n/pushstatus\n/push now\n")
    assert "没有这个命令" not in out
    assert "预览" in out and "《大同日报》" in out
    assert "还没有推送过" in out
    # No Telegram serve runs: the request waits for one, and it says only that.
    assert "已记下推送《大同日报》2024-02-10" in out and "没有运行中的 serve" in out
    assert "已请正在运行的 serve" not in out

"""``paperboy summarize --jsonl``: one output line per input line, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from digests.sentences import char_len

ARTICLE = (
    "本报讯(记者 王小明)2月9日,大同古城迎新春文化活动正式启动,市民和游客在城墙上赏灯过年。\n"
    "今年的灯组以龙为主题,共有三十多组,分布在古城的主要街巷。\n"
    "活动期间,古城内还将举办社火巡游、非遗展示和新春市集等活动。"
)


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[int, list[dict[str, str]], str]:
    code = main(["summarize", *args])
    out, err = capsys.readouterr()
    return code, [json.loads(ln) for ln in out.splitlines()], err


def test_it_prints_one_summary_per_line_in_order(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ids come back in input order, each summary within --max-chars."""
    items = [
        {"id": "b", "text": ARTICLE, "title": "大同古城迎新春", "kicker": "", "subtitle": ""},
        {"id": "a", "text": "大同今天下雪了。"},
        {"id": 3, "text": ARTICLE, "kind": "photo"},
    ]
    path = _write(tmp_path, [json.dumps(i, ensure_ascii=False) for i in items])
    code, out, err = _run(["--jsonl", str(path), "--max-chars", "50"], capsys)
    assert code == 0, err
    assert [o["id"] for o in out] == ["b", "a", 3]
    assert all(o["summary"] and char_len(o["summary"]) <= 50 for o in out)
    assert out[1]["summary"] == "大同今天下雪了。"


def test_the_default_budget_comes_from_settings(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --max-chars the budget is summary.max_chars (120)."""
    path = _write(tmp_path, [json.dumps({"id": "x", "text": ARTICLE * 3}, ensure_ascii=False)])
    code, out, _ = _run(["--jsonl", str(path)], capsys)
    assert code == 0
    assert 0 < char_len(out[0]["summary"]) <= 120


def test_a_bad_line_is_reported_and_the_others_still_summarised(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A malformed line gets an empty summary with an error and a stderr line naming it."""
    good = json.dumps({"id": "ok", "text": ARTICLE}, ensure_ascii=False)
    path = _write(tmp_path, [good, "{not json", "", json.dumps({"id": "t"}), good])
    code, out, err = _run(["--jsonl", str(path)], capsys)
    assert code == 0
    assert [o["id"] for o in out] == ["ok", None, "t", "ok"]
    assert out[1]["summary"] == "" and "line 2" in out[1]["error"]
    assert "line 2" in err and "line 4" in err
    assert out[3]["summary"] == out[0]["summary"] != ""


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), ("", "is empty"), ("\n\n", "is empty"), ("[1]\n", "no usable line")],
)
def test_unusable_input_exits_1_with_one_line(
    tmp_path: Path,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    content: str | None,
    message: str,
) -> None:
    """A missing or empty file, or one with no usable line, exits 1 with a clear message."""
    path = tmp_path / "in.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code = main(["summarize", "--jsonl", str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert message in err and "Traceback" not in err


def test_warmup_loads_the_segmenter(data_dir: Path) -> None:
    """warmup succeeds (it builds what segmentation needs before the first request)."""
    assert main(["warmup"]) == 0

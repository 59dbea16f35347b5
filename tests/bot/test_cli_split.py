"""``paperboy split``: its JSON contract, its outline, and one clear line for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from tests.builders.pages import PARAS, article, page

REPO = Path(__file__).resolve().parents[2]
ARTICLE_KEYS = {
    "kind",
    "kicker",
    "title",
    "subtitle",
    "byline",
    "column",
    "section_heads",
    "paragraphs",
    "continued_to",
    "continued_from",
}


@pytest.fixture(autouse=True)
def _isolated(data_dir: Path) -> None:
    """Every test here runs against a fresh data directory."""


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_follows_the_contract(
    demo_page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It prints one JSON object of pages and articles with exactly the contract's keys."""
    code, out, err = run(["split", "--json", str(demo_page)], capsys)
    assert (code, err) == (0, "")
    doc = json.loads(out)
    (pg,) = doc["pages"]
    assert (pg["number"], pg["name"]) == (1, "要闻")
    assert all(set(a) == ARTICLE_KEYS for a in pg["articles"])
    kinds = [a["kind"] for a in pg["articles"]]
    assert kinds.count("article") == 6 and kinds.count("photo") == 1


def test_the_outline_lists_titles(demo_page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --json it prints a readable outline with each title and byline."""
    code, out, _ = run(["split", str(demo_page)], capsys)
    assert code == 0
    assert "第1版 要闻" in out
    assert "坚守“医”线 守护百姓健康" in out and "本报记者 丁亚琴" in out


def test_several_files_make_one_issue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It splits several page files, in page order, into one issue."""
    for n, idx in ((2, 4), (1, 0)):
        body = PARAS[idx : idx + 2]
        (tmp_path / f"p{n}.txt").write_text(page(article(f"第{n}版的文章标题", body)))
    code, out, _ = run(
        ["split", "--json", str(tmp_path / "p2.txt"), str(tmp_path / "p1.txt")], capsys
    )
    assert code == 0
    assert [p["number"] for p in json.loads(out)["pages"]] == [1, 2]


def test_a_page_without_structure_is_split_best_effort(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It returns text it cannot structure as one item, with exit code 0."""
    odd = tmp_path / "odd.txt"
    odd.write_text("一二三\n四五六\n七八九\n")
    code, out, _ = run(["split", "--json", str(odd)], capsys)
    assert code == 0
    (item,) = json.loads(out)["pages"][0]["articles"]
    assert "".join(item["paragraphs"]) == "一二三四五六七八九"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("empty.txt", b"", "empty"),
        ("junk.txt", bytes(range(256)) * 100, "binary data"),
        ("latin.txt", ("caf\xe9 \x80\xff na\xefve\n" * 100).encode("latin-1"), "encoding"),
        ("page.docx", b"PK\x03\x04" + b"\x00" * 100, ".txt"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100, ".pdf"),
    ],
)
def test_bad_files_get_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, says: str
) -> None:
    """It exits 1 with one line on stderr naming the file and the problem."""
    path = _write(tmp_path, name, data)
    code, out, err = run(["split", "--json", str(path)], capsys)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and name in err and says in err
    assert "Traceback" not in err


def test_a_missing_file_and_a_directory_get_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It exits 1 with one stderr line for a missing file and for a directory."""
    code, _, err = run(["split", str(tmp_path / "nope.txt")], capsys)
    assert code == 1 and "no such file" in err and err.count("\n") == 1
    code, _, err = run(["split", str(tmp_path)], capsys)
    assert code == 1 and "directory" in err and err.count("\n") == 1


def test_a_50_mb_file_is_refused_with_the_limit(tmp_path: Path) -> None:
    """It refuses a 50 MB file at once, saying the size limit, without reading it all."""
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "split", "--json", str(big)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1 and proc.stdout == ""
    assert "too large" in proc.stderr and "limit is" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1

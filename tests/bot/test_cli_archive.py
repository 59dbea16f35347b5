"""``paperboy import``, ``search``, ``headline`` and ``ingest`` as a script would call them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from bot.cli import main

LINES = [
    {
        "id": "20240201-01-01",
        "date": "2024-02-01",
        "page": 1,
        "seq": 1,
        "kicker": "",
        "title": "古城灯会今晚开幕",
        "subtitle": "",
        "paragraphs": ["大同古城的灯会今晚开幕，市民在城墙下观灯。", "灯会持续到元宵节。"],
    },
    {
        "id": "20240202-02-01",
        "date": "2024-02-02",
        "page": 2,
        "seq": 1,
        "kicker": "转型发展",
        "title": "煤矿企业投资光伏电站",
        "subtitle": "",
        "paragraphs": ["多家煤矿企业投资新能源项目，光伏电站今年并网发电。"],
    },
]


def write_archive(path: Path, extra: list[str] = ()) -> Path:  # type: ignore[assignment]
    text = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in LINES)
    text += "".join(line + "\n" for line in extra)
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as e:  # argparse's usage errors
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def imported(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    src = write_archive(tmp_path / "archive.jsonl.gz")
    code, out, _ = run(capsys, "import", str(src))
    assert code == 0
    assert "imported 2 articles" in out
    return src


def test_import_keeps_ids_and_rerunning_is_harmless(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Import stores each line's id verbatim; a second run finds everything unchanged."""
    code, out, _ = run(capsys, "import", str(imported))
    assert code == 0 and "imported 0 articles (2 unchanged" in out
    code, out, _ = run(capsys, "search", "--json", "光伏")
    assert json.loads(out)["results"][0]["id"] == "20240202-02-01"


def test_a_malformed_line_is_reported_and_skipped(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Broken lines are named by number on stderr; the rest loads."""
    src = write_archive(tmp_path / "a.jsonl", ["{not json", '{"id": "x", "date": "soon"}'])
    code, out, err = run(capsys, "import", str(src))
    assert code == 0
    assert "imported 2 articles" in out
    assert ":3: skipped: not JSON" in err
    assert ':4: skipped: "date" must be YYYY-MM-DD' in err


def test_import_of_a_missing_file_is_one_line_and_exit_1(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "import", "/no/such/file.jsonl")
    assert code == 1 and err.count("\n") == 1 and "no such file" in err


def test_batch_search_prints_one_line_per_query_in_order(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--batch: exactly one JSON line per query, in order, even for odd or empty queries."""
    queries = [
        "古城 灯会",
        "",
        '"',
        "NEAR OR AND ( ) * : -",
        "😀",
        "Latin words",
        "光伏 古城",
        "灯" * 5000,
    ]
    qfile = tmp_path / "q.txt"
    qfile.write_text("".join(q + "\n" for q in queries), encoding="utf-8")
    code, out, _ = run(capsys, "search", "--batch", str(qfile))
    assert code == 0
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["query"] for x in lines] == queries
    first = lines[0]["results"][0]
    keys = {"id", "title", "date", "page", "section", "score", "snippet", "group", "printings"}
    assert set(first) == keys
    assert first["id"] == first["group"] == "20240201-01-01" and first["date"] == "2024-02-01"
    assert first["printings"] == [{"id": "20240201-01-01", "date": "2024-02-01", "page": 1}]
    assert "【古城】" in first["snippet"]
    assert lines[1]["results"] == [] and lines[1]["notice"]
    assert lines[6]["notice"] and lines[6]["results"]  # the fallback says so


def test_json_lists_every_printing_of_a_text_together(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A text printed on two days is one result per printing in the JSON, earliest first,
    next to each other, each naming its group and both printings (chat shows it once)."""
    again = {**LINES[1], "id": "20240205-03-02", "date": "2024-02-05", "page": 3, "seq": 2}
    src = write_archive(tmp_path / "a.jsonl", [json.dumps(again, ensure_ascii=False)])
    assert run(capsys, "import", str(src))[0] == 0
    for command, query in (("search", "煤矿 光伏"), ("headline", "煤矿企业投光伏")):
        code, out, _ = run(capsys, command, "--json", query)
        results = json.loads(out)["results"]
        assert code == 0
        assert [(r["id"], r["page"]) for r in results] == [
            ("20240202-02-01", 2),
            ("20240205-03-02", 3),
        ]
        assert {r["group"] for r in results} == {"20240202-02-01"}
        assert [p["id"] for p in results[1]["printings"]] == ["20240202-02-01", "20240205-03-02"]
        assert results[0]["score"] == results[1]["score"]
        code, out, _ = run(capsys, command, query)
        assert out.count("20240202-02-01") == 1 and "20240205-03-02" not in out


def test_batch_headline(imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Headline fragments with a character missing still find their article."""
    qfile = tmp_path / "q.txt"
    qfile.write_text("煤矿企业投光伏\n古城灯会开幕\n\n", encoding="utf-8")
    code, out, _ = run(capsys, "headline", "--batch", str(qfile))
    lines = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and len(lines) == 3
    assert lines[0]["results"][0]["id"] == "20240202-02-01"
    assert lines[1]["results"][0]["id"] == "20240201-01-01"


def test_search_filters_and_table_output(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --json a readable list; --since and a bad date are handled."""
    code, out, _ = run(capsys, "search", "灯会")
    assert code == 0 and "古城灯会今晚开幕" in out
    code, out, _ = run(capsys, "search", "--json", "--since", "2024-02-02", "灯会")
    assert json.loads(out)["results"] == []
    code, _, err = run(capsys, "search", "--since", "yesterday", "灯会")
    assert code == 1 and "--since" in err


def test_ingest_stores_the_demo_page(
    data_dir: Path, demo_page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ingest splits, summarises and stores a page; posting it again replaces it."""
    code, out, _ = run(capsys, "ingest", str(demo_page))
    assert code == 0 and out.startswith("stored 大同日报 2024-02-10")
    code, out, _ = run(capsys, "ingest", "--date", "2024-02-10", str(demo_page))
    assert code == 0 and out.startswith("replaced")
    code, out, _ = run(capsys, "headline", "--json", "非遗文化绽放古都新春")
    assert json.loads(out)["results"][0]["id"] == "dtrb20240210p01n04"


def test_import_of_a_file_that_is_no_archive_fails_clearly(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Binary junk is not silently 'imported': exit 1, a few named lines and one verdict."""
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(bytes(range(256)) * 40 + b"\n" * 30)
    assert main(["import", str(junk)]) == 1
    err = capsys.readouterr().err
    assert "no line could be read" in err
    assert err.count("skipped") <= 20
    assert "Traceback" not in err


def test_a_zero_limit_is_refused_like_any_other_bad_limit(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--limit 0 says what --limit takes instead of silently meaning 10."""
    assert main(["search", "--limit", "0", "古城"]) == 1
    assert "--limit" in capsys.readouterr().err


def test_several_unquoted_words_are_one_query(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`paperboy search --json 古城 灯会` (the README's form) searches both words."""
    code, out, err = run(capsys, "search", "--json", "古城", "灯会")
    assert code == 0, err
    found = json.loads(out)
    assert found["query"] == "古城 灯会"
    assert found["results"][0]["id"] == "20240201-01-01"
    code, out, err = run(capsys, "headline", "--json", "煤矿企业", "光伏")
    assert code == 0, err
    assert json.loads(out)["results"][0]["id"] == "20240202-02-01"


def test_a_leading_dash_word_is_part_of_the_query_but_a_wrong_option_is_not(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "-光伏" reaches the search as a word; "--jsn" is a usage error (exit 2)."""
    code, out, _ = run(capsys, "search", "--json", "古城", "-光伏")
    assert code == 0 and json.loads(out)["query"] == "古城 -光伏"
    code, _, err = run(capsys, "search", "--jsn", "古城")
    assert code == 2 and "--jsn" in err


def test_search_needs_exactly_one_of_words_or_batch(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Neither or both of QUERY and --batch: a usage error naming them, exit 2."""
    code, _, err = run(capsys, "headline")
    assert code == 2 and "--batch" in err
    qfile = tmp_path / "q.txt"
    qfile.write_text("古城\n", encoding="utf-8")
    code, _, err = run(capsys, "search", "--batch", str(qfile), "古城")
    assert code == 2 and "not both" in err


def test_implausible_lines_are_skipped_with_a_reason_and_the_rest_is_stored(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A huge or negative page or seq, a 5,000-character id, an empty article, a NUL or a
    lone surrogate: each line is named with its reason; the good lines are searchable."""
    good = dict(LINES[0])
    bad = [
        dict(good, id="huge-page", page=10**30),
        dict(good, id="negative-page", page=-3),
        dict(good, id="huge-seq", seq=10**20),
        dict(good, id="x" * 5000),
        dict(good, id="empty", title="", paragraphs=[" "]),
        dict(good, id="nul", title="标题\x00"),
    ]
    extra = [json.dumps(b, ensure_ascii=False) for b in bad]
    extra.append('{"id": "surrogate", "date": "2024-02-01", "title": "\\ud800"}')
    src = write_archive(tmp_path / "a.jsonl", extra)
    code, out, err = run(capsys, "import", str(src))
    assert code == 0, err
    assert "imported 2 articles" in out and "7 malformed" in out
    assert ':3: skipped: "page" must be between 1 and 999' in err
    assert ':4: skipped: "page" must be between 1 and 999, not -3' in err
    assert ':5: skipped: "seq" must be between 0 and 9999' in err
    assert ':6: skipped: "id" must be at most 100 characters' in err
    assert ":7: skipped: the article is empty" in err
    assert ':8: skipped: "title" holds a NUL character' in err
    assert ':9: skipped: "title" is not valid Unicode' in err
    assert "internal error" not in err
    code, out, _ = run(capsys, "search", "--json", "灯会")
    assert [r["id"] for r in json.loads(out)["results"]] == ["20240201-01-01"]


def test_a_crash_log_goes_to_the_data_dir(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An internal error is one line naming a log in PAPERBOY_DATA_DIR, not a shared /tmp."""
    import bot.cli

    def broken(_args: object, _settings: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(bot.cli, "_load", lambda _command: broken)
    code, _, err = run(capsys, "search", "古城")
    assert code == 1 and err.count("\n") == 1
    assert f"details in {data_dir / 'crash.log'}" in err
    assert "RuntimeError: boom" in (data_dir / "crash.log").read_text(encoding="utf-8")


def test_an_empty_archive_file_is_bad_input(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty file (plain or gzip) is exit 1 with one line, not "imported 0 articles"."""
    for name, data in (("e.jsonl", b""), ("e.jsonl.gz", gzip.compress(b""))):
        (tmp_path / name).write_bytes(data)
        code, out, err = run(capsys, "import", str(tmp_path / name))
        assert code == 1 and "holds no lines" in err and "imported" not in out, name

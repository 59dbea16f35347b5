"""``paperboy fetch`` against fixture sites of the three e-paper systems, over real HTTP."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import load_settings
from digests.archive import open_archive
from digests.model import Issue
from tests.bot.fetch.server import serve
from tests.builders.epaper import Resource, demo_issue, founder_classic, founder_new, shtml

DAY = dt.date(2024, 3, 8)
TITLES = [
    "乡村公路通到家门口",
    "河湾村大棚里的好日子",
    "图书馆里过新年",
    "青柳河畔绿道成了新去处",
    "除夕夜的急诊室",
]


def stored(day: dt.date = DAY) -> Issue | None:
    settings = load_settings()
    archive = open_archive("", settings.sqlite_path, config_dir=settings.config_dir)
    try:
        return archive.get_issue(day)
    finally:
        archive.close()


def titles(issue: Issue) -> list[str]:
    return [a.title for a in issue.articles]


SITES = {
    "founder_classic": (founder_classic(demo_issue()), "/paperindex.htm"),
    "founder_new": (founder_new(demo_issue()), "/pc/layout/202403/08/node_01.html"),
    "shtml": (shtml(demo_issue()), "/shtml/qlrb/20240308/index.shtml"),
}


@pytest.mark.parametrize("system", list(SITES))
def test_each_system_is_fetched_and_stored_as_an_upload(
    system: str, config_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every page and article of the issue is stored under the upload's ids, with the
    site's page names and headlines (the shtml site has no PDFs: its article pages are
    the text)."""
    resources, entry = SITES[system]
    with serve(resources) as site:
        assert main(["fetch", site.url(entry)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("stored 大同日报 2024-03-08: 2 pages, 5 articles")
    issue = stored()
    assert issue is not None
    assert [(p.number, p.name) for p in issue.pages] == [(1, "要闻"), (2, "社会")]
    assert titles(issue) == TITLES
    assert issue.articles[0].id == "dtrb20240308p01n01"
    assert issue.articles[0].kicker == "青柳县交通建设再提速"
    assert "十四个村的农产品可以当天运到县城市场" in issue.articles[0].text
    assert all(a.summary for a in issue.articles)


def test_an_issue_fetched_twice_is_stored_once(
    config_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The second fetch asks with the validators it got, the server answers 304, and
    nothing is stored again: the same articles, the same ids, one issue."""
    resources, entry = SITES["founder_classic"]
    with serve(resources) as site:
        assert main(["fetch", site.url(entry), "--date", "2024-03-08"]) == 0
        first = stored()
        before = len(site.hits)
        assert main(["fetch", site.url(entry), "--date", "2024-03-08"]) == 0
        again = site.hits[before:]
    assert "unchanged 大同日报 2024-03-08" in capsys.readouterr().out
    pdfs = [h for h in again if h.path.endswith(".pdf")]
    assert pdfs and all(h.status == 304 and "if-none-match" in h.headers for h in pdfs)
    assert stored() == first
    settings = load_settings()
    archive = open_archive("", settings.sqlite_path, config_dir=settings.config_dir)
    try:
        assert [(i.date, i.articles) for i in archive.list_issues()] == [(DAY, 5)]
    finally:
        archive.close()


def test_a_changed_page_replaces_the_issue_under_the_same_ids(config_dir: Path) -> None:
    """A corrected article page on the site replaces the issue; no article is doubled."""
    resources, entry = SITES["shtml"]
    with serve(resources) as site:
        assert main(["fetch", site.url(entry)]) == 0
        path = next(p for p in site.resources if p.endswith("1234503.shtml"))
        body = site.resources[path].body.replace(
            "图书馆里过新年".encode(), "图书馆里的新年".encode()
        )
        site.resources[path] = Resource(body)
        assert main(["fetch", site.url(entry)]) == 0
    issue = stored()
    assert issue is not None and len(issue.articles) == 5
    assert issue.articles[2].title == "图书馆里的新年"
    assert issue.articles[2].id == "dtrb20240308p02n01"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2024-03-09"], "no pages for 2024-03-09"),
        (["--date", "9 March"], "--date must be a date like 2024-02-10"),
    ],
)
def test_a_date_without_pages_is_one_line_and_exit_1(
    args: list[str], message: str, config_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    resources, entry = SITES["founder_classic"]
    with serve(resources) as site:
        assert main(["fetch", site.url(entry), *args]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert stored() is None


def test_no_e_paper_and_no_host_are_one_line_and_exit_1(
    config_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = Resource("<html><body><p>欢迎光临</p></body></html>".encode())
    with serve({"/": page}) as site:
        assert main(["fetch", site.url("/")]) == 1
        port = site.port
    err = capsys.readouterr().err
    assert "not an e-paper page" in err and err.count("\n") == 1
    assert main(["fetch", f"http://127.0.0.1:{port}/paperindex.htm"]) == 1
    err = capsys.readouterr().err
    assert "cannot reach 127.0.0.1" in err and err.count("\n") == 1


def test_usage_errors_exit_2(config_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["fetch"])
    assert e.value.code == 2
    assert "the following arguments are required: URL" in capsys.readouterr().err

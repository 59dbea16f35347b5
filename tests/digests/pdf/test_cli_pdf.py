"""`paperboy split` on PDF files: the JSON contract, and one line and exit 1 for bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.builders.pdfs import PdfBuilder
from tests.digests.pdf.conftest import draw_theory_page


def test_split_json_prints_the_contract_for_a_pdf(
    tmp_path: Path, theory_pdf: bytes, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "page.pdf"
    path.write_bytes(theory_pdf)
    assert main(["split", "--json", str(path)]) == 0
    (page,) = json.loads(capsys.readouterr().out)["pages"]
    assert (page["number"], page["name"]) == (5, "理论")
    titles = {a["title"] for a in page["articles"]}
    assert titles == {"让古城文脉在新时代延续", "小河变清了 村民笑开了", "书香润万家"}


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (PdfBuilder().page(draw_theory_page).build(user_password="x"), "encrypted"),
        (b"%PDF-1.4\n% cut short", "cannot be read"),
        (b"not a pdf at all", "not a PDF"),
    ],
)
def test_a_bad_pdf_gives_one_line_and_exit_1(
    tmp_path: Path, data: bytes, words: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "page.pdf"
    path.write_bytes(data)
    assert main(["split", "--json", str(path)]) == 1
    err = capsys.readouterr().err
    assert words in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err

"""Reading page files: encodings, kinds of file, size, and page numbers in file names."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from digests.errors import EncodingError, InputError
from digests.loader import (
    check_kind,
    decode_text,
    load_pages,
    page_number_from_name,
    read_input,
    section_names,
    split_options,
)
from tests.builders.pages import PARAS, article, page

CONFIG = Path(__file__).resolve().parents[2] / "config"
SIMPLIFIED = page(article("乡村公路通到家门口", PARAS[0:3], byline=["□ 本报记者 周晓岚"]))
TRADITIONAL = (
    "鄉村公路通到家門口\n\n□ 本報記者 周曉嵐\n\n"
    "青柳縣今年新建鄉村公路一百二十公里,沿線十四個村的農產品可以當天運到縣城市場。\n"
)


@pytest.mark.parametrize(
    ("codec", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("gb18030", b""),
        ("gbk", b""),
        ("gb2312", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
    ],
)
def test_it_decodes_the_common_chinese_encodings(codec: str, bom: bytes) -> None:
    """It detects UTF-8 (with or without BOM), GB18030/GBK/GB2312 and UTF-16 by itself."""
    assert decode_text(bom + SIMPLIFIED.encode(codec)) == SIMPLIFIED


def test_it_decodes_big5() -> None:
    """It detects Big5 text in traditional characters."""
    assert decode_text(TRADITIONAL.encode("big5")) == TRADITIONAL


def test_binary_junk_is_refused() -> None:
    """It refuses bytes with zeros and control codes as binary data, not page text."""
    junk = bytes(range(256)) * 64
    with pytest.raises(EncodingError, match="binary data"):
        decode_text(junk, "junk.txt")


def test_an_undetectable_encoding_is_refused() -> None:
    """It says so when the text is in no encoding it can tell, instead of guessing."""
    latin = ("caf\xe9 \x80\xff na\xefve \xbf?\n" * 200).encode("latin-1")
    with pytest.raises(EncodingError, match="cannot tell the text encoding"):
        decode_text(latin, "odd.txt")


def test_whitespace_only_is_refused() -> None:
    """It refuses a file that holds only whitespace."""
    with pytest.raises(InputError, match="only whitespace"):
        decode_text(b" \n\r\n\t ", "blank.txt")


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("page.docx", b"PK\x03\x04rest", "Word"),
        ("page.txt", b"PK\x03\x04rest", "ZIP"),
        ("scan.png", b"\x89PNG\r\n\x1a\n", "image"),
        ("scan.jpg", b"\xff\xd8\xff\xe0", "image"),
        ("scan", b"\xff\xd8\xff\xe0", "image"),
    ],
)
def test_other_kinds_of_file_name_the_accepted_kinds(name: str, data: bytes, what: str) -> None:
    """It refuses Word files and images with a message naming .txt and .pdf."""
    with pytest.raises(InputError, match=what) as exc:
        check_kind(data, name)
    assert ".txt" in str(exc.value) and ".pdf" in str(exc.value)
    note = exc.value.note  # what the chat says, in the editor's language
    assert note is not None and note.code.startswith("upload.kind_")
    assert note.params == {"name": name}


def test_text_and_pdf_pass_the_kind_check() -> None:
    """It lets page text and PDFs through."""
    check_kind(SIMPLIFIED.encode(), "page.txt")
    check_kind(b"%PDF-1.7\n", "page.pdf")


def test_read_input_refuses_missing_empty_directory_and_too_large(tmp_path: Path) -> None:
    """It gives one clear message for a missing file, an empty file, a directory and a file
    over the size limit (saying the limit)."""
    with pytest.raises(InputError, match="no such file"):
        read_input(tmp_path / "missing.txt")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_input(empty)
    with pytest.raises(InputError, match="directory"):
        read_input(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(InputError, match=r"limit is"):
        read_input(big, max_bytes=1024)


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("datong-2024-02-10-p01.txt", 1),
        ("page12.txt", 12),
        ("第3版.txt", 3),
        ("issue.txt", None),
    ],
)
def test_page_numbers_come_from_file_names(name: str, number: int | None) -> None:
    """It reads the page number a file name carries."""
    assert page_number_from_name(Path(name)) == number


def test_section_names_come_from_config() -> None:
    """It maps page numbers to 版名 from config/newspapers.toml, {} for an unknown paper."""
    assert section_names(CONFIG, "大同日报")[1] == "要闻"
    assert section_names(CONFIG, "无此报") == {}


def test_load_pages_orders_files_and_joins_continuations(tmp_path: Path) -> None:
    """It loads page files in page order and joins an article continued across them."""
    p1 = tmp_path / "p1.txt"
    p2 = tmp_path / "p2.txt"
    p1.write_text(
        page(
            article(
                "乡村公路通到家门口",
                [PARAS[0], PARAS[1] + "(下转第二版)"],
                byline=["□ 本报记者 周晓岚"],
            )
        ),
        encoding="gb18030",
    )
    p2.write_text(page("乡村公路通到家门口", "(上接第一版)" + PARAS[2]), encoding="utf-8")
    pages = load_pages([p2, p1], split_options(CONFIG, "大同日报"))
    assert [(p.number, p.name) for p in pages] == [(1, "要闻"), (2, "要闻")]
    assert pages[0].articles[0].paragraphs == PARAS[0:3]
    assert pages[1].articles == ()

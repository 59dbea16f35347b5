"""Glyphs to lines and blocks, on glyphs placed by hand or drawn in a PDF."""

from __future__ import annotations

from digests.pdf.blocks import build_blocks
from digests.pdf.limits import DEFAULT_LIMITS
from digests.pdf.lines import build_lines, dedupe, map_quotes
from digests.pdf.marks import Glyph
from digests.pdf.reader import read_pdf
from tests.builders.pdfs import Drawer, PdfBuilder


def row(text: str, x: float, top: float, size: float = 9.0, font: str = "Song") -> list[Glyph]:
    """Glyphs set left to right, one em each, a tenth of an em apart."""
    step = 1.1 * size
    return [
        Glyph(ch, x + i * step, top, x + i * step + size, top + size, size, font)
        for i, ch in enumerate(text)
    ]


def column(text: str, x: float, top: float, size: float = 9.0) -> list[Glyph]:
    return [
        Glyph(ch, x, top + i * 1.2 * size, x + size, top + i * 1.2 * size + size, size, "Hei")
        for i, ch in enumerate(text)
    ]


def texts(glyphs: list[Glyph]) -> list[str]:
    return sorted(line.text for line in build_lines(glyphs))


def test_an_overprinted_glyph_is_read_once() -> None:
    title = row("新征程", 50, 100, size=40)
    again = [
        Glyph(g.text, g.x0 + 0.3, g.top + 0.2, g.x1 + 0.3, g.bottom + 0.2, g.size, g.font)
        for g in title
    ]
    assert texts(dedupe(title + again)) == ["新征程"]


def test_the_same_character_twice_in_a_row_is_kept() -> None:
    assert texts(dedupe(row("谢谢你们", 50, 100))) == ["谢谢你们"]


def test_columns_side_by_side_are_separate_lines_even_with_a_narrow_gutter() -> None:
    """Hanging punctuation narrows a gutter to about an em; the blank river shows it."""
    glyphs: list[Glyph] = []
    for i in range(6):
        top = 100 + i * 12
        left = row("一二三四五六七八", 10, top)
        glyphs += left + row("甲乙丙丁戊己庚辛", left[-1].x1 + 10, top)
    lines = build_lines(glyphs)
    assert len(lines) == 12
    assert {line.text for line in lines} >= {"一二三四五六七八", "甲乙丙丁戊己庚辛"}


def test_a_headline_keeps_the_space_between_its_halves_but_not_its_tracking() -> None:
    halves = row("新时代：发展", 10, 10, 30) + row("奋进新目标", 235, 10, 30)
    tracked = [
        Glyph(ch, 10 + i * 60, 100, 40 + i * 60, 130, 30, "Song") for i, ch in enumerate("划时代")
    ]
    assert texts(halves + tracked) == ["划时代", "新时代：发展 奋进新目标"]


def test_glyphs_stacked_downwards_are_a_vertical_line() -> None:
    (line,) = build_lines(column("意气风发", 500, 100, size=30))
    assert (line.text, line.vertical) == ("意气风发", True)


def test_quote_glyphs_map_to_curly_quotes_only_in_fonts_without_curly_quotes() -> None:
    plain = row("『好』", 10, 10)
    curly = row("“好”『书』", 10, 40, font="Kai")
    assert "".join(g.text for g in map_quotes(plain + curly)) == "“好”“好”『书』"


def test_lines_of_one_column_make_one_block_and_a_bigger_size_another() -> None:
    glyphs = row("小标题", 20, 10, 13) + row("正文第一行正文", 10, 40) + row("正文第二行", 10, 51)
    blocks = build_blocks(build_lines(glyphs))
    assert sorted(b.text for b in blocks) == ["小标题", "正文第一行正文正文第二行"]


def test_a_title_set_downwards_in_two_columns_reads_right_column_first() -> None:
    right = column("法治与德治", 540, 100, size=30)
    left = column("相得益彰", 500, 100, size=30)
    body = row("正文一行正文一行正文一行", 10, 100) + row("正文二行正文二行", 10, 112)
    blocks = build_blocks(build_lines(right + left + body))
    (title,) = [b for b in blocks if b.vertical]
    assert title.text == "法治与德治相得益彰"


def test_a_paragraph_ending_in_a_word_or_two_leaves_its_column_one_block() -> None:
    """A paragraph's last line of two characters, over the next paragraph's first line
    indented two characters, barely overlaps it: the column is still one block."""
    glyphs = (
        row("正文第一行正文第一行", 10, 100)
        + row("结束。", 10, 112)
        + row("新的段落开头一行", 29.8, 124)
        + row("新的段落第二行正文", 10, 136)
    )
    (block,) = build_blocks(build_lines(glyphs))
    assert block.text == "正文第一行正文第一行结束。新的段落开头一行新的段落第二行正文"


def test_a_space_the_page_drew_parts_two_names_even_when_narrow() -> None:
    """A byline set with plain spaces ("本报记者 王小明 李华") keeps them, though a plain
    space is a fifth of an em; text the page drew without one runs on."""

    def draw(d: Drawer) -> None:
        d.line(100, 100, "本报记者 王小明 李华", 9)
        d.line(100, 120, "本报记者王小明", 9)

    (raw,) = read_pdf(PdfBuilder().page(draw).build(), DEFAULT_LIMITS)
    assert texts(dedupe(raw.glyphs)) == ["本报记者 王小明 李华", "本报记者王小明"]

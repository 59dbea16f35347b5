"""Headlines of signed essays as a PDF's text order breaks them: column labels, and a
column's first line read over a title. Written for these tests (the fictional 青柳县)."""

from __future__ import annotations

from digests.model import Article
from digests.split import split_text
from digests.split.article import Draft
from digests.split.heads import mend_heads, names_in_text
from digests.split.lexicon import Lexicon
from digests.split.pieces import undouble
from tests.builders.pages import PARAS, page

P = PARAS
HEADER = ("2024年3月5日星期二", "5理论理论5")


def items(text: str) -> list[Article]:
    return [a for p in split_text(text) for a in p.articles if a.kind != "ad"]


def essays(*first_head: str) -> str:
    return page(
        *first_head,
        "李文华",
        P[0],
        P[1],
        "(作者为青柳县委党校教授)",
        "让书香飘进千家万户",
        "周晓岚",
        P[7],
        P[8],
        "(作者为青柳县图书馆研究馆员)",
        header=HEADER,
    )


def test_a_column_label_over_a_title_is_the_column() -> None:
    """A short label over the title (a framed column name) is the essay's column, not
    its kicker."""
    first, second = items(essays("山乡笔记", "修好家门口的路"))
    assert (first.kicker, first.title, first.column) == ("", "修好家门口的路", "山乡笔记")
    assert second.title == "让书香飘进千家万户"


def test_a_label_read_as_the_headline_gives_way_to_the_title_under_it() -> None:
    """When the label came out as a block of its own, the title under it (read as a
    subhead) is the essay's title, and the author line under that its byline."""
    text = essays("山乡笔记", "", "修好家门口的路").replace("\n\n\n\n", "\n\n")
    first = items(text)[0]
    assert (first.title, first.byline) == ("修好家门口的路", "李文华")


def test_a_cut_line_of_text_over_a_title_goes_back_to_the_text() -> None:
    """A column's first line cut from its paragraph, read over the next title, is text
    of the essay before it, not the next essay's kicker."""
    cut = "其次,对城乡而言,这样的安排使得班车"
    first, second = items(
        page(
            "修好家门口的路",
            "李文华",
            P[0],
            P[1],
            cut,
            "让书香飘进千家万户",
            "周晓岚",
            P[7],
            P[8],
            header=HEADER,
        )
    )
    assert (second.kicker, second.title) == ("", "让书香飘进千家万户")
    assert cut in "".join(first.paragraphs)


def test_a_title_whose_glyphs_came_twice_in_any_order_is_read_once() -> None:
    """Each glyph printed twice, the copies interleaved in no fixed order."""
    assert undouble(["修好好家门门口修的路的路家口"]) == ["修好家门口的路"]


def test_a_title_whose_first_glyphs_copy_came_last_is_read_once() -> None:
    """The first glyph's copy drawn after the rest, every other glyph doubled in place,
    even when the title repeats a glyph of its own."""
    assert undouble(["路修修好好了了好好走走路路路"]) == ["路修好了好走路"]


def test_a_title_under_its_author_line_opens_an_essay_of_its_own() -> None:
    """An author line set above the title, amid another essay's text, opens an essay: the
    title is not a subhead of the essay it was read into, and the name is its byline."""
    text = page(
        "修好家门口的路",
        "李文华",
        P[0],
        P[1],
        "(作者为青柳县委党校教授)",
        "周晓岚",
        "让书香飘进千家万户",
        P[7],
        P[8],
        "(作者为青柳县图书馆研究馆员)",
        "读书的好时节",
        "林远山",
        P[9],
        "(作者为青柳县文化馆馆员)",
        header=HEADER,
    )
    titles = [(a.title, a.byline) for a in items(text)]
    assert titles == [
        ("修好家门口的路", "李文华"),
        ("让书香飘进千家万户", "周晓岚"),
        ("读书的好时节", "林远山"),
    ]


def test_a_cut_line_of_text_read_as_a_lone_headline_is_text() -> None:
    """A cut line of running text read as a headline of its own, with no author line, is
    text of the essay before it; a signed headline of that shape stays a title."""
    cut = "其次,对城乡而言,这样的安排使得班车"
    lex = Lexicon()
    road = Draft(head=("修好家门口的路",), bylines=["李文华"], entries=[("para", P[0])])
    lone = Draft(head=(cut,), entries=[("para", P[2])])
    mend_heads([road, lone], lex)
    assert (road.entries, lone.head) == ([("para", P[0]), ("para", cut)], ())
    signed = Draft(head=(cut,), bylines=["周晓岚"], entries=[("para", P[7])])
    mend_heads([road, signed], lex)
    assert signed.head == (cut,)


NOTE_A = "(作者为青柳县委党校教授)"
NOTE_B = "(作者为青柳县图书馆研究馆员)"


def test_a_name_read_as_a_subhead_amid_the_text_of_a_signed_page_is_an_author_line() -> None:
    """On a page whose pieces close with two author notes or more, a bare name between two
    paragraphs is an author line set amid the text (the page is scattered); with one
    note it may be a short subhead, and stays one."""
    road = Draft(head=("修好家门口的路",), bylines=["李文华"], entries=[("para", P[0])])
    books = Draft(
        head=("让书香飘进千家万户",),
        entries=[("para", P[7]), ("sub", "周晓岚"), ("para", P[8]), ("para", NOTE_B)],
    )
    assert not names_in_text([road, books], Lexicon())
    assert books.entries[1] == ("sub", "周晓岚")
    road.entries.append(("para", NOTE_A))
    assert names_in_text([road, books], Lexicon())
    assert books.entries[1] == ("name", "周晓岚")


def test_a_kicker_over_an_author_line_after_a_closing_note_opens_the_next_essay() -> None:
    """On a scattered page, a closing note, then a line over an author line over a title:
    the line is the next essay's kicker, not a subhead signed by the name."""
    road = Draft(
        head=("修好家门口的路",),
        bylines=["李文华"],
        entries=[
            ("para", P[0]),
            ("para", NOTE_A),
            ("sub", "让阅读成为一种生活方式"),
            ("name", "周晓岚"),
            ("sub", "让书香飘进千家万户"),
            ("para", P[7]),
            ("para", NOTE_B),
        ],
    )
    first, second = mend_heads([road], Lexicon(), scattered=True)
    assert first.entries == [("para", P[0]), ("para", NOTE_A)]
    assert (second.head, second.bylines) == (
        ("让阅读成为一种生活方式", "让书香飘进千家万户"),
        ["周晓岚"],
    )


def test_a_subhead_over_a_name_within_an_essay_stays_its_signed_piece() -> None:
    """With no closing note above it, a subhead over a name signs one piece of a package."""
    entries = [
        ("para", P[0]),
        ("sub", "书香青柳"),
        ("name", "周晓岚"),
        ("sub", "读书"),
        ("para", P[7]),
    ]
    road = Draft(head=("修好家门口的路",), bylines=["李文华"], entries=list(entries))
    assert len(mend_heads([road], Lexicon(), scattered=True)) == 1
    assert road.entries == entries


def test_a_title_over_its_author_line_amid_another_essays_text_opens_its_essay() -> None:
    """On a scattered page, a title with its author line under it, set amid another
    essay's text, opens an essay of its own; a cut line of running text over a name
    stays text of the essay it is in."""
    road = Draft(
        head=("修好家门口的路",),
        bylines=["李文华"],
        entries=[
            ("para", P[0]),
            ("sub", "让书香飘进千家万户"),
            ("name", "周晓岚"),
            ("para", P[7]),
            ("para", NOTE_B),
        ],
    )
    first, second = mend_heads([road], Lexicon(), scattered=True)
    assert first.entries == [("para", P[0])]
    assert (second.head, second.bylines, second.entries) == (
        ("让书香飘进千家万户",),
        ["周晓岚"],
        [("para", P[7]), ("para", NOTE_B)],
    )
    cut = "其次,对城乡而言,这样的安排使得班车"
    entries = [("para", P[0]), ("sub", cut), ("name", "周晓岚"), ("para", P[7])]
    road = Draft(head=("修好家门口的路",), bylines=["李文华"], entries=list(entries))
    assert len(mend_heads([road], Lexicon(), scattered=True)) == 1


def test_a_title_with_a_clause_comma_over_its_subtitle_stays_the_title() -> None:
    """A title that runs on with a clause comma, like a cut line of text, stays the title
    when a "——" subtitle stands under it: a subtitle never stands under running text."""
    title = "修好家门口的路,让村民出行更方便更安心"
    road = Draft(head=(title, "——乡村公路养护的青柳经验"), entries=[("para", P[0])])
    mend_heads([road], Lexicon())
    assert road.head == (title, "——乡村公路养护的青柳经验")
    cut = Draft(head=("其次,对城乡而言,这样的安排使得班车", "修好家门口的路"))
    cut.entries.append(("para", P[2]))
    mend_heads([cut], Lexicon())
    assert cut.head == ("修好家门口的路",)

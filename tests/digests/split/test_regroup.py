"""Pages of signed essays whose text order scatters each essay in pieces.

The essays are written for these tests (the fictional 青柳县), laid out the way a PDF's
text order gives such a page: column boxes of different essays interleaved.
"""

from __future__ import annotations

from digests.model import Article
from digests.split import split_text
from digests.split.article import Draft
from digests.split.regroup import regroup
from tests.builders.pages import page

ROAD = (
    "乡村公路修到了家门口,公路养护却常常无人过问,公路坑洼多了,村民出行又难了。",
    "公路养护要有人管,县里把公路养护经费列入预算,每条乡村公路都有养护员。",
)
BOOK = (
    "县图书馆春节照常开放,图书馆里的读者比平时还多,借阅图书的队伍排到了门口。",
    "图书馆开通线上借阅,读者在家预约图书,第二天就能到图书馆取书。",
    "图书馆的志愿者为读者推荐图书,少儿读者最喜欢图书馆的绘本角。",
)
HEADER = ("2024年3月5日星期二", "5理论理论5")
ROAD_NOTE = "(作者为青柳县交通研究会副会长)"
BOOK_NOTE = "(作者为青柳县图书馆研究馆员)"


def items(text: str) -> list[Article]:
    return [a for p in split_text(text) for a in p.articles if a.kind != "ad"]


def test_the_opening_printed_after_another_essays_note_goes_to_its_essay() -> None:
    """A box of one essay that the text order put after another essay's closing note
    goes to the essay whose words it shares, not to the one it follows."""
    text = page(
        "修好家门口的路",
        "李文华",
        *ROAD,
        ROAD_NOTE,
        BOOK[1],
        "让书香飘进千家万户",
        "周晓岚",
        BOOK[0],
        BOOK[2],
        BOOK_NOTE,
        header=HEADER,
    )
    road, books = items(text)
    assert road.paragraphs == (*ROAD, ROAD_NOTE)
    assert books.paragraphs == (BOOK[0], BOOK[2], BOOK_NOTE, BOOK[1])


def test_text_after_a_note_that_shares_its_essays_words_stays() -> None:
    """The text after a note stays where it is when it shares its own essay's words:
    the essay's opening, printed after its end."""
    text = page(
        "修好家门口的路",
        "李文华",
        ROAD[1],
        ROAD_NOTE,
        ROAD[0],
        "让书香飘进千家万户",
        "周晓岚",
        *BOOK,
        BOOK_NOTE,
        header=HEADER,
    )
    road, books = items(text)
    assert road.paragraphs == (ROAD[1], ROAD_NOTE, ROAD[0])
    assert books.paragraphs == (*BOOK, BOOK_NOTE)


def test_an_unsigned_headline_over_another_essays_text_is_not_an_essay() -> None:
    """A headline with no author line whose text belongs to a signed essay (a pull quote,
    a column's first line) gives that text back; it is no item of its own."""
    drafts = [
        Draft(head=("修好家门口的路",), bylines=["李文华"], entries=[("para", ROAD[0])]),
        Draft(head=("让书香飘进千家万户",), bylines=["周晓岚"], entries=[("para", BOOK[0])]),
        Draft(head=("读者在家预约图书",), entries=[("para", BOOK[1])]),
    ]
    road, books = regroup(drafts)
    assert road.entries == [("para", ROAD[0])]
    assert books.entries == [("para", BOOK[0]), ("sub", "读者在家预约图书"), ("para", BOOK[1])]


def test_a_lone_draft_is_left_as_it_is() -> None:
    """With fewer than two essays there is nothing to regroup."""
    draft = Draft(head=("修好家门口的路",), bylines=["李文华"], entries=[("para", ROAD[0])])
    assert regroup([draft]) == [draft]


def test_an_essays_end_printed_under_its_title_follows_its_opening() -> None:
    """When the text under the title closes with the author note and the essay's other
    piece stops mid-sentence, the note's piece goes on from there: the end comes last."""
    head, tail = BOOK[2][:12], BOOK[2][12:]
    text = page(
        "修好家门口的路",
        "李文华",
        *ROAD,
        ROAD_NOTE,
        "让书香飘进千家万户",
        "周晓岚",
        tail,
        BOOK_NOTE,
        BOOK[0],
        BOOK[1] + head,
        header=HEADER,
    )
    _road, books = items(text)
    assert "".join(books.paragraphs) == BOOK[0] + BOOK[1] + BOOK[2] + BOOK_NOTE


def test_two_signed_titles_stacked_over_their_text_are_two_essays() -> None:
    """Two titles, each with its author line, one over the other and their text below:
    two essays, each taking the text that shares its words."""
    text = page(
        "乡村公路养护",
        "李文华",
        "图书馆里的读者",
        "周晓岚",
        *ROAD,
        ROAD_NOTE,
        *BOOK,
        BOOK_NOTE,
        header=HEADER,
    )
    road, books = items(text)
    assert (road.title, road.byline, books.title, books.byline) == (
        "乡村公路养护",
        "李文华",
        "图书馆里的读者",
        "周晓岚",
    )
    assert road.paragraphs == (*ROAD, ROAD_NOTE)
    assert books.paragraphs == (*BOOK, BOOK_NOTE)


def test_essays_whose_author_lines_sit_away_from_their_titles_are_regrouped_too() -> None:
    """Author lines printed in the text, not under the titles, still make a page of
    signed essays: a box of one essay after the other's note goes back to its own."""
    text = page(
        "修好家门口的路",
        *ROAD,
        ROAD_NOTE,
        "李文华",
        BOOK[1],
        "让书香飘进千家万户",
        BOOK[0],
        BOOK[2],
        BOOK_NOTE,
        "周晓岚",
        header=HEADER,
    )
    road, books = items(text)
    assert road.paragraphs == (*ROAD, ROAD_NOTE)
    assert BOOK[1] in books.paragraphs


ROAD_RUN = (
    "县里把公路养护经费列入每年的财政预算,每条乡村公路都配了专职养护员,"
    "公路养护员每周巡查一次乡村公路,发现公路坑洼当天就修补,乡村公路越养越好。"
)
BOOK_RUN = (
    "图书馆开通线上借阅以后,读者在家就能预约图书,第二天就能到图书馆取书,"
    "图书馆还把图书送到村里的农家书屋,村民借阅图书比过去方便多了。"
)


def test_a_paragraph_joined_across_columns_of_two_essays_is_parted_again() -> None:
    """Where a column of one essay stops mid-sentence and the text order goes on with
    another essay's column, itself starting mid-sentence, the walk joins the two lines
    into one paragraph; each half goes back to the essay whose words it shares, and on
    to the sentence it finishes there."""
    text = page(
        "修好家门口的路",
        "李文华",
        ROAD[0],
        ROAD_RUN[:45],
        BOOK_RUN[50:],
        "让书香飘进千家万户",
        "周晓岚",
        BOOK[0],
        BOOK_RUN[:50],
        ROAD_RUN[45:],
        ROAD_NOTE,
        BOOK[2],
        BOOK_NOTE,
        header=HEADER,
    )
    roads, books = items(text)
    assert roads.paragraphs == (ROAD[0], ROAD_RUN, ROAD_NOTE)
    assert books.paragraphs == (BOOK[0], BOOK_RUN, BOOK[2], BOOK_NOTE)


def test_another_essays_title_set_over_this_ones_heads_its_own_text() -> None:
    """A headline block holding two titles, the text order having put one essay's title
    right over another's: the upper title, whose words are not in the text under it but
    in text elsewhere on the page, heads that text."""
    drafts = [
        Draft(entries=[("para", ROAD[0]), ("para", ROAD[1]), ("para", ROAD_NOTE)]),
        Draft(
            head=("乡村公路养护", "让书香飘进千家万户"),
            bylines=["周晓岚"],
            entries=[("para", x) for x in (*BOOK, BOOK_NOTE)],
        ),
    ]
    road, books = regroup(drafts)
    assert (road.head, road.paras()) == (("乡村公路养护",), 3)
    assert (books.head, books.bylines, books.paras()) == (("让书香飘进千家万户",), ["周晓岚"], 4)


def test_a_kicker_over_its_title_stays_in_the_headline() -> None:
    """A kicker shares the words of the text under it: the headline stays whole."""
    drafts = [
        Draft(head=("修好家门口的路",), bylines=["李文华"], entries=[("para", ROAD[0])]),
        Draft(
            head=("图书馆开通线上借阅", "让书香飘进千家万户"),
            bylines=["周晓岚"],
            entries=[("para", x) for x in (*BOOK, BOOK_NOTE)],
        ),
    ]
    _road, books = regroup(drafts)
    assert books.head == ("图书馆开通线上借阅", "让书香飘进千家万户")

"""The search benchmark's corpus and queries, both made with fixed seeds (used by search_eval).

Corpus: the archive month (1,789 real articles) plus synthetic distractors, about 10,000
articles in all. A distractor takes the shape of a real article (page, paragraph count,
length within ±30 %) and fills it with runs of two to four sentences from three other
articles of the same page number (the page stands in for a topic: 要闻, 国际, 理论…); one
content word in five is swapped for another word of that page's vocabulary (drawn by
frequency), so sentences are not verbatim copies and query words co-occur about as often
as in real text of the same beat. Its title joins the first half of one title of that
page to the second half of another (halves of the title proper, the bracketed column tag
kept from the second; kicker and subtitle come from those two), with one word in three
swapped the same way, so many headlines share characters as real ones do, yet none holds
most of another's title verbatim.
Before the swaps, a body word rare in the month (in at most 20 of its articles) becomes a
dictionary word of the same tag and length, the same one across a story of five
distractors: real articles of other months name other people, places and things. Without
it the corpus was far harder than a real one: 98 of the 100 dev keyword queries had
their words together in more than one article of it, where the dev file's own "df"
(counted over a wider real archive) says 51; with it, 53. Headlines are left as they were.
``--rare 0`` in the benches builds the corpus without renaming (the harder bound).
Distractors are dated over 2018-10-01..2019-03-31 (the month included).

Queries mimic the dev files in ../shared/data/queries (their generator's traits, measured):
- keyword: 2 (55 %) or 3 body words, each at least twice in the body and nowhere in the
  headline, drawn with weight tf^2 * df^-0.4 (tf in the target's body, df in the month:
  the maximum-likelihood pair of exponents for the dev picks; uniform in tf made queries
  of words printed twice, half as salient as the dev ones, median tf 2 against 4), at
  most 20 articles of the whole archive holding them all (the dev files' "df" of keyword
  queries counts more articles than the month has with the words in half the queries:
  it was counted over a wider archive; their mixed "df" is the month's); targets are
  articles whose text is printed once (the dev keyword and headline targets never are duplicates);
- mixed: one headline word that also occurs in the body and in 20 to 100 articles of the
  month (the dev title words' range, 20..88), plus 1 (52 %) or 2 body words not in the
  headline, each in 3 to 50 articles of the month, drawn with weight tf^2 (fitted as
  above), at most 15 holding all; any target, duplicate printings included (9 of the 100
  dev targets are);
- headline: a contiguous stretch of 55–80 % of the title's letters and digits (the title
  without its trailing bracketed column tag nine times in ten), half of them with one
  inner character dropped; "typo" fragments have one inner character replaced instead
  (the README promises that too; the dev set has none) and are reported on their own.
"""

from __future__ import annotations

import collections
import datetime as dt
import gzip
import json
import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jieba

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
MONTH = SHARED / "archive" / "rmrb-2019-02.jsonl.gz"
RARE = 20  # distractors rename body words in at most this many month articles (0: none)
VERSION = 4  # bump when the corpus recipe changes: a cached corpus is rebuilt
_SENTENCE = re.compile(r"(?<=[。！？；])")
_COLUMN_TAG = re.compile(r"（[^（）]*(?:（[^（）]*）[^（）]*)*）$")
_CONTENT = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")
_WINDOW = (dt.date(2018, 10, 1), dt.date(2019, 3, 31))


@dataclass(frozen=True, slots=True)
class Query:
    kind: str  # keyword | mixed | headline | typo
    query: str
    target_id: str
    day: int  # the target's day of month: the fit/held-out split


def month() -> list[dict[str, Any]]:
    with gzip.open(MONTH, "rt", encoding="utf-8") as f:
        return [json.loads(x) for x in f if x.strip()]


def compact(text: str) -> str:
    return "".join(re.findall(r"\w", text)).lower()


def _headline(a: dict[str, Any]) -> str:
    return " ".join(x for x in (a["kicker"], a["title"], a["subtitle"]) if x)


class _Vocab:
    """Words of one page's texts, drawn by frequency."""

    def __init__(self, words: Sequence[str]) -> None:
        c = collections.Counter(w for w in words if len(w) >= 2 and _CONTENT.search(w))
        self.words = list(c)
        self.cum = list(_cumulative(c.values()))

    def draw(self, rng: random.Random) -> str:
        return rng.choices(self.words, cum_weights=self.cum)[0]


def _cumulative(values: Any) -> Iterator[int]:
    total = 0
    for v in values:
        total += v
        yield total


def _swap(words: Sequence[str], vocab: _Vocab, rate: float, rng: random.Random) -> str:
    out = [
        vocab.draw(rng) if len(w) >= 2 and _CONTENT.search(w) and rng.random() < rate else w
        for w in words
    ]
    return "".join(out)


class _Renamer:
    """Other stories name other people, places and things: a word rare in the month (in
    at most ``rare`` of its articles) becomes a word of jieba's dictionary with the same
    part-of-speech tag and length, the same one throughout a story of ``STORY``
    distractors (as a real story is covered a few times)."""

    STORY = 5

    def __init__(self, cuts: dict[str, list[list[str]]], rare: int) -> None:
        self.rare = rare
        self.df: collections.Counter[str] = collections.Counter()
        for sents in cuts.values():
            self.df.update({w for s in sents for w in s})
        self.tag: dict[str, str] = {}
        self.pool: dict[tuple[str, int], list[str]] = collections.defaultdict(list)
        path = Path(jieba.__file__).parent / "dict.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 3:
                self.tag[parts[0]] = parts[2][:2]
                if len(parts[0]) >= 2:
                    self.pool[(parts[2][:2], len(parts[0]))].append(parts[0])
        self.story: dict[str, str] = {}
        self.rng = random.Random()

    def start(self, story: int) -> None:
        self.story, self.rng = {}, random.Random(story)

    def __call__(self, words: Sequence[str]) -> list[str]:
        return [
            self._new(w) if self.df[w] <= self.rare and _CONTENT.search(w) else w for w in words
        ]

    def _new(self, w: str) -> str:
        if len(w) < 2:
            return w
        if w not in self.story:
            pool = self.pool.get((self.tag.get(w, "n"), len(w))) or self.pool.get(("n", len(w)))
            self.story[w] = self.rng.choice(pool) if pool else w
        return self.story[w]


def distractors(
    arts: list[dict[str, Any]], n: int, cut: Any, seed: int = 7, rare: int = RARE
) -> list[dict]:
    """``n`` synthetic articles in the import format (see the module docstring)."""
    rng = random.Random(seed)
    by_page: dict[int, list[dict[str, Any]]] = collections.defaultdict(list)
    for a in arts:
        by_page[a["page"] or 0].append(a)
    sentences: dict[str, list[list[str]]] = {}
    body_vocab: dict[int, _Vocab] = {}
    head_vocab: dict[int, _Vocab] = {}
    for page, group in by_page.items():
        words: list[str] = []
        heads: list[str] = []
        for a in group:
            cuts = [cut(s) for p in a["paragraphs"] for s in _SENTENCE.split(p) if s.strip()]
            sentences[a["id"]] = cuts
            words.extend(w for c in cuts for w in c)
            heads.extend(cut(_headline(a)))
        body_vocab[page], head_vocab[page] = _Vocab(words), _Vocab(heads)
    span = (_WINDOW[1] - _WINDOW[0]).days
    rename = _Renamer(sentences, rare)
    out: list[dict[str, Any]] = []
    for i in range(n):
        if i % rename.STORY == 0:
            rename.start(seed * 100_003 + i // rename.STORY)
        shape = rng.choice(arts)
        page = shape["page"] or 0
        group = by_page[page]
        donors = [d for d in rng.sample(group, min(4, len(group))) if d["id"] != shape["id"]][:3]
        want = sum(len(p) for p in shape["paragraphs"]) * rng.uniform(0.7, 1.3)
        text: list[str] = []
        size = 0
        pos = [0] * len(donors)
        k = 0
        while size < want and any(pos[j] < len(sentences[d["id"]]) for j, d in enumerate(donors)):
            j = k % len(donors)
            k += 1
            sents = sentences[donors[j]["id"]]
            take = rng.randint(2, 4)
            for s in sents[pos[j] : pos[j] + take]:
                text.append(_swap(rename(s), body_vocab[page], 0.2, rng))
                size += len(text[-1])
            pos[j] += take
        paras = _paragraphs(text, max(1, len(shape["paragraphs"])))
        heads = rng.sample(group, 2) if len(group) > 1 else [shape, shape]
        cores = [cut(_COLUMN_TAG.sub("", h["title"])) for h in heads]
        tag = heads[1]["title"][len(_COLUMN_TAG.sub("", heads[1]["title"])) :]
        title = [*cores[0][: len(cores[0]) // 2], *cores[1][len(cores[1]) // 2 :], tag]
        swap = {
            "title": _swap(title, head_vocab[page], 0.35, rng),
            "kicker": _swap(cut(heads[0]["kicker"]), head_vocab[page], 0.35, rng),
        }
        day = _WINDOW[0] + dt.timedelta(days=rng.randrange(span + 1))
        out.append(
            {
                "id": f"x{i:05d}",
                "date": day.isoformat(),
                "page": shape["page"],
                "seq": rng.randint(1, 12),
                "kicker": swap["kicker"],
                "title": swap["title"],
                "subtitle": _swap(cut(heads[1]["subtitle"]), head_vocab[page], 0.35, rng),
                "paragraphs": paras,
            }
        )
    return out


def _paragraphs(sentences: list[str], n: int) -> list[str]:
    per = max(1, -(-len(sentences) // n))
    return ["".join(sentences[i : i + per]) for i in range(0, len(sentences), per)]


class _Month:
    """Token statistics of the month, as the dev generator computed its df (headline+body)."""

    def __init__(self, arts: list[dict[str, Any]], cut: Any, content: Any) -> None:
        self.arts = arts
        self.head: dict[str, list[str]] = {}
        self.body: dict[str, list[str]] = {}
        self.postings: dict[str, set[str]] = collections.defaultdict(set)
        for a in arts:
            h = [w for w in cut(_headline(a)) if content(w)]
            b = [w for w in cut("\n".join(a["paragraphs"])) if content(w)]
            self.head[a["id"]], self.body[a["id"]] = h, b
            for w in {*h, *b}:
                self.postings[w].add(a["id"])
        texts = collections.Counter((a["title"], "".join(a["paragraphs"])) for a in arts)
        titles = collections.Counter(a["title"] for a in arts)
        self.single = [a for a in arts if texts[(a["title"], "".join(a["paragraphs"]))] == 1]
        self.unique_title = [a for a in arts if titles[a["title"]] == 1 and a["title"]]

    def df(self, words: Sequence[str]) -> int:
        sets = [self.postings.get(w, set()) for w in words]
        return len(set.intersection(*sets)) if sets else 0


def _day(a: dict[str, Any]) -> int:
    return int(a["date"][-2:])


def _keyword(
    m: _Month, a: dict[str, Any], rng: random.Random, holding: Callable[[list[str]], int]
) -> str | None:
    head_text = _headline(a)
    tf = collections.Counter(m.body[a["id"]])
    pool = sorted(w for w, c in tf.items() if c >= 2 and len(w) >= 2 and w not in head_text)
    n = 2 if rng.random() < 0.55 else 3
    if len(pool) < n:
        return None
    weights = [tf[w] ** 2 * len(m.postings[w]) ** -0.4 for w in pool]
    words: list[str] = []
    while len(words) < n:
        w = rng.choices(pool, weights)[0]
        if w not in words:
            words.append(w)
    return " ".join(words) if m.df(words) <= 20 and holding(words) <= 20 else None


def _mixed(m: _Month, a: dict[str, Any], rng: random.Random) -> str | None:
    head_text = _headline(a)
    body = set(m.body[a["id"]])
    heads = sorted(
        {
            w
            for w in m.head[a["id"]]
            if len(w) >= 2 and w in body and 20 <= len(m.postings[w]) <= 100
        }
    )
    tf = collections.Counter(m.body[a["id"]])
    pool = sorted(
        w
        for w, c in tf.items()
        if len(w) >= 2 and w not in head_text and 3 <= len(m.postings[w]) <= 50
    )
    n = 1 if rng.random() < 0.52 else 2
    if not heads or len(pool) < n:
        return None
    words = [rng.choice(heads)]
    weights = [tf[w] ** 2 for w in pool]
    while len(words) < n + 1:
        w = rng.choices(pool, weights)[0]
        if w not in words:
            words.append(w)
    rng.shuffle(words)
    return " ".join(words) if m.df(words) <= 15 else None


def _fragment(a: dict[str, Any], rng: random.Random, damage: str, chars: str) -> str | None:
    title = a["title"] if rng.random() < 0.1 else _COLUMN_TAG.sub("", a["title"])
    base = compact(title)
    if len(base) < 5:
        return None
    size = max(4, round(len(base) * rng.uniform(0.55, 0.8)))
    start = rng.randrange(len(base) - size + 1)
    frag = list(base[start : start + size])
    if damage != "clean":
        i = rng.randrange(1, len(frag) - 1)
        if damage == "dropped":
            del frag[i]
        else:
            frag[i] = rng.choice([c for c in rng.sample(chars, 8) if c != frag[i]])
    return "".join(frag)


def queries(
    arts: list[dict[str, Any]],
    cut: Any,
    content: Any,
    n: int,
    seed: int = 11,
    holding: Callable[[list[str]], int] | None = None,
) -> list:
    """``n`` queries of each kind (and ``n // 4`` typo fragments), reproducibly;
    ``holding`` counts the articles of the whole archive that hold all of some words."""
    m = _Month(arts, cut, content)
    holding = holding or m.df
    rng = random.Random(seed)
    chars = "".join(sorted({c for a in arts for c in compact(a["title"]) if c >= "\u4e00"}))
    out: list[Query] = []
    makers = (
        ("keyword", m.single, lambda a: _keyword(m, a, rng, holding), n),
        ("mixed", arts, lambda a: _mixed(m, a, rng), n),
        ("headline", m.unique_title, lambda a: _fragment(a, rng, _damage(rng), chars), n),
        ("typo", m.unique_title, lambda a: _fragment(a, rng, "wrong", chars), n // 4),
    )
    for kind, pool, make, count in makers:
        got = 0
        seen: set[str] = set()
        while got < count:
            a = rng.choice(pool)
            q = make(a)
            if q is None or q in seen:
                continue
            seen.add(q)
            out.append(Query(kind, q, a["id"], _day(a)))
            got += 1
    return out


def _damage(rng: random.Random) -> str:
    return "dropped" if rng.random() < 0.5 else "clean"


def dev_queries() -> list[Query]:
    """The 100 dev queries of each kind (their target's day from its id, YYYYMMDD-…)."""
    out: list[Query] = []
    for kind in ("keyword", "mixed", "headline"):
        path = SHARED / "queries" / f"{kind}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                q = json.loads(line)
                out.append(Query(kind, q["query"], q["target_id"], int(q["target_id"][6:8])))
    return out

"""The state of the splitter's walk down one page: the articles so far and the one being
assembled. A walk can be forked, so the page can be read under several readings of its
headline blocks at once (digests.split.page.build_drafts keeps the likeliest)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from digests.split import rules as rules
from digests.split.article import Draft
from digests.split.lexicon import Lexicon
from digests.split.lines import Line
from digests.textrepair import runs_on_block


@dataclass(slots=True)
class Walk:
    """One reading of the page so far; ``cost`` is minus the log-likelihood of its choices."""

    drafts: list[Draft] = field(default_factory=list)
    draft: Draft | None = None
    resume: Draft | None = None  # the article a photo interrupted
    pending: list[str] = field(default_factory=list)  # column labels waiting for a headline
    cost: float = 0.0
    opened: int = -1  # token where the current draft opened: with ``resumes``, all the
    resumes: int = -1  # future of a walk depends on (earlier articles are finished)

    def key(self) -> tuple[int, int]:
        return self.opened, self.resumes

    def fork(self) -> Walk:
        """A copy whose further steps leave this walk unchanged; finished drafts are shared."""
        copies = {id(d): _copy(d) for d in (self.draft, self.resume) if d is not None}
        return Walk(
            drafts=[copies.get(id(d), d) for d in self.drafts],
            draft=copies.get(id(self.draft)) if self.draft is not None else None,
            resume=copies.get(id(self.resume)) if self.resume is not None else None,
            pending=self.pending[:],
            cost=self.cost,
            opened=self.opened,
            resumes=self.resumes,
        )

    def block(self, t: int, lines: tuple[str, ...], start: bool, lex: Lexicon) -> None:
        """A headline block: the head of a new article or a subhead of the current one."""
        if not start:
            assert self.draft is not None
            _add_subhead(self.draft, lines)
            return
        draft = Draft(head=lines, labels=self.pending[:])
        first = rules.nfkc(lines[0]).strip()
        draft.collection = first in lex.collection_labels
        if first in lex.photo_labels:
            draft.kind = "photo"  # "图片报道": the whole item is the photo's caption
        self.drafts.append(draft)
        self.pending.clear()
        self.draft, self.resume = draft, None
        self.opened, self.resumes = t, -1

    def line(self, t: int, tok: Line) -> None:
        if tok.role == "label":
            self.pending.append(tok.text)
            return
        if tok.role == "banner":
            return
        draft = self.draft
        if draft is not None and draft.closed and tok.role == "credit":
            draft.entries.append(("para", tok.text))  # "制图:…" under a photo's own credit
            return
        if draft is None or draft.closed:
            if self.resume is not None and tok.role == "body":
                self.draft, self.resume = self.resume, None
                self.opened, self.resumes = self.resumes, -1
            else:
                self.draft = Draft()
                self.drafts.append(self.draft)
                self.opened = t
        assert self.draft is not None
        self._add_line(t, self.draft, tok)

    def finished(self) -> list[Draft]:
        if self.pending and self.drafts:
            self.drafts[-1].labels += self.pending
        return self.drafts

    def _add_line(self, t: int, draft: Draft, tok: Line) -> None:
        if tok.role == "body":
            draft.add_para(tok.text)
        elif tok.role in ("byline", "name"):
            if not draft.paras() and not any(k == "sub" for k, _ in draft.entries):
                draft.bylines.append(tok.text)
            elif tok.role == "byline" and not marked(tok.text):
                draft.entries.append(("line", tok.text))  # the reporter of one piece of a package
            else:
                draft.entries.append(("name", tok.text))
        elif tok.role == "end":
            draft.entries.append(("para", tok.text))
            draft.ended = True
        elif tok.role == "credit":
            if rules.is_photo_credit(tok.text):
                self._photo(t, draft, tok.text)
                return
            draft.entries.append(("para", tok.text))
            draft.ended = True

    def _photo(self, t: int, draft: Draft, credit: str) -> None:
        """A photographer's credit closes a photo: the whole short item, or the caption just
        before the credit when it follows a long article (which may go on after the photo)."""
        paras = draft.paras()
        if paras == 0:
            draft.entries.append(("para", credit))
            self.resume = None
            return
        if not draft.head or paras <= 3 or draft.kind == "photo":
            draft.kind = "photo"
            draft.bylines = draft.bylines or [credit]
            draft.entries.append(("para", credit))
            draft.closed = True
            self.resume = None
            return
        idx = max(i for i, (k, _) in enumerate(draft.entries) if k == "para")
        caption = draft.entries.pop(idx)[1]
        photo = Draft(entries=[("para", caption), ("para", credit)], bylines=[credit], kind="photo")
        photo.closed = True
        self.drafts.append(photo)
        self.draft, self.resume = photo, draft
        self.opened, self.resumes = t, self.opened


def marked(byline: str) -> bool:
    """A reporter line set off by a box or bullet ("□ 本报记者 …") opens an article; a plain
    one under a block inside an article names the reporter of one piece of a package
    (several reports under one headline, which the paper lists as one article)."""
    return rules.nfkc(byline).lstrip()[:1] in rules.BOX_MARKS


def _add_subhead(draft: Draft, lines: Sequence[str]) -> None:
    texts = list(lines)
    first = rules.nfkc(texts[0]).strip()
    if len(texts) > 1 and (len(first) <= 8 or runs_on_block(texts[:1]) or first.endswith("——")):
        texts = ["".join(texts)]
    for text in texts:
        draft.entries.append(("sub", text))


def _copy(d: Draft) -> Draft:
    return Draft(
        head=d.head,
        entries=d.entries[:],
        bylines=d.bylines[:],
        labels=d.labels[:],
        kind=d.kind,
        collection=d.collection,
        closed=d.closed,
        ended=d.ended,
    )

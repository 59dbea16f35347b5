"""A small, forgiving HTML tree from the standard library's parser.

E-paper pages are old hand-written HTML: unquoted attributes, unclosed ``<p>`` and ``<td>``,
upper-case tags, custom tags (``<founder-content>``) and metadata inside comments. The tree
keeps what the e-paper parsers read (tags, attributes, text, comments) and tolerates the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser

_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# A start tag of these closes an open element of the same kind (HTML's implied end tags).
_SELF_CLOSING_PEERS = frozenset({"p", "li", "td", "tr", "th", "option", "dt", "dd"})
_BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "tr",
        "td",
        "th",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
    ]
)
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")


class Node:
    """An element: tag, attributes, children (elements and text) and its parent."""

    __slots__ = ("attrs", "children", "parent", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []
        self.parent = parent

    def get(self, name: str) -> str:
        return self.attrs.get(name, "")

    def has_class(self, name: str) -> bool:
        return name in self.get("class").split()

    def iter(self) -> Iterator[Node]:
        """This element and every element under it, in document order."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(c for c in reversed(node.children) if isinstance(c, Node))

    def find_all(self, match: Callable[[Node], bool]) -> list[Node]:
        return [n for n in self.iter() if match(n)]

    def find(self, match: Callable[[Node], bool]) -> Node | None:
        return next((n for n in self.iter() if match(n)), None)

    def text(self) -> str:
        """The text inside, block elements on their own lines, runs of spaces as one."""
        parts: list[str] = []
        _collect(self, parts)
        lines = (_SPACE.sub(" ", ln).strip() for ln in "".join(parts).split("\n"))
        return "\n".join(ln for ln in lines if ln)


def _collect(node: Node, parts: list[str]) -> None:
    for child in node.children:
        if isinstance(child, str):
            parts.append(child.replace("\n", " "))
        elif child.tag not in {"script", "style"}:
            if child.tag in _BLOCK:
                parts.append("\n")
            _collect(child, parts)
            if child.tag in _BLOCK:
                parts.append("\n")


class Document:
    """A parsed page: its root element and its comments (where Founder keeps metadata)."""

    def __init__(self, root: Node, comments: tuple[str, ...]) -> None:
        self.root = root
        self.comments = comments


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.stack: list[Node] = [self.root]
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        top = self.stack[-1]
        if tag in _SELF_CLOSING_PEERS and top.tag == tag:
            self.stack.pop()
        parent = self.stack[-1]
        node = Node(tag, {k: v or "" for k, v in attrs}, parent)
        parent.children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        parent = self.stack[-1]
        parent.children.append(Node(tag, {k: v or "" for k, v in attrs}, parent))

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching open element; a stray end tag closes nothing.
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def parse(html: str) -> Document:
    """The tree of an HTML page; never raises on malformed markup."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return Document(builder.root, tuple(builder.comments))

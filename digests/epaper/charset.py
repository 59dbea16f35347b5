"""Text from the bytes of an e-paper page whose declared charset may be wrong.

Sites move from GBK to UTF-8 and forget a header or a ``<meta charset>``, so the
declaration is the last word, not the first: UTF-8 decodes strictly or not at all (GBK
bytes of Chinese text practically never pass), GB18030 decodes almost anything, so it comes
after UTF-8 and after a declared non-GB charset.
"""

from __future__ import annotations

import codecs
import re

_META = re.compile(rb"<meta[^>]+charset\s*=\s*['\"]?([\w-]+)", re.I)
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936"}


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """The charset the HTTP header or the page's own meta tag names."""
    if header:
        return header.strip().lower()
    m = _META.search(data[:4096])
    return m.group(1).decode("ascii", "replace").lower() if m else None


def _known(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes, header_charset: str | None = None) -> str:
    """The page's text, whatever its declaration says."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    declared = declared_charset(data, header_charset)
    order = ["utf-8"]
    if declared and declared not in _GB and (name := _known(declared)):
        order.append(name)
    order += ["gb18030", "big5"]
    for codec in order:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("gb18030", errors="replace")

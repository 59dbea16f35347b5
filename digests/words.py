"""Word segmentation: jieba's dictionary and algorithm, set up once per process.

The default engine is rjieba (jieba-rs, a Rust port of jieba with jieba's own dictionary and
HMM). It segments about ten times faster than jieba and loads without a cache. Two spots where
jieba-rs groups differently from jieba are put right here, so that both engines give the same
words: jieba cuts text into blocks with its ``re_han_default`` before segmenting, and it
re-splits a run of letters, digits and signs that is not a dictionary word with
``finalseg``'s pattern ("LPR-0.39%" -> "LPR", "-", "0.39%"). The ``jieba`` engine stays for
checking that claim (tests compare the two) and as a fallback.

The customer's place and institution names come from ``config/userdict.txt`` (jieba's format:
``word [freq] [tag]``); stop words from ``config/stopwords.txt``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from digests.errors import ConfigError

Engine = Literal["rjieba", "jieba"]

# jieba 0.42.1's own patterns (jieba/__init__.py and jieba/finalseg/__init__.py).
_RE_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_RE_SKIP = re.compile(r"(\r\n|\s)")
_RE_FINAL_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_RE_SIGN = re.compile(r"[+#&._%\-]")
_RE_HAN_CHAR = re.compile("[\u4e00-\u9fd5]")
_RE_ALNUM_WORD = re.compile(r"[a-zA-Z0-9]+(?:\.\d+)?%?")
# A word that carries meaning: it has a letter, digit or CJK character.
_RE_CONTENT = re.compile(r"[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]")


class _Engine(Protocol):
    def cut(self, text: str) -> list[str]: ...

    def has_word(self, word: str) -> bool: ...


class _RJieba:
    """jieba-rs, made to group words exactly as jieba does."""

    def __init__(self, entries: Sequence[tuple[str, int | None, str | None]]) -> None:
        import rjieba

        self._jieba: Any = rjieba.Jieba()
        for word, freq, tag in entries:
            # jieba suggests a frequency that keeps the word whole; jieba-rs computes the same.
            self._jieba.add_word(word, freq or self._jieba.suggest_freq(word), tag)

    def has_word(self, word: str) -> bool:
        return bool(self._jieba.has_word(word))

    def _is_whole(self, word: str) -> bool:
        """jieba keeps a word whole unless it is a run of letters, digits and signs outside
        its dictionary, which finalseg splits again."""
        return bool(
            _RE_HAN_CHAR.search(word)
            or _RE_ALNUM_WORD.fullmatch(word)
            or self._jieba.has_word(word)
        )

    def cut(self, text: str) -> list[str]:
        out: list[str] = []
        cut = self._jieba.cut
        for block in _RE_HAN.split(text):
            if not block:
                continue
            if _RE_HAN.fullmatch(block):
                if not _RE_SIGN.search(block):
                    out.extend(cut(block))  # only CJK, letters and digits: jieba's grouping
                    continue
                for word in cut(block):
                    if self._is_whole(word):
                        out.append(word)
                    else:
                        out.extend(w for w in _RE_FINAL_SKIP.split(word) if w)
            else:
                for piece in _RE_SKIP.split(block):
                    if _RE_SKIP.fullmatch(piece):
                        out.append(piece)
                    elif piece:
                        out.extend(piece)
        return out


class _Jieba:
    """jieba itself, with a private Tokenizer (the global one stays untouched)."""

    def __init__(
        self, entries: Sequence[tuple[str, int | None, str | None]], cache_dir: Path | None
    ) -> None:
        import jieba

        logging.getLogger("jieba").setLevel(logging.WARNING)
        self._tok: Any = jieba.Tokenizer()
        if cache_dir is not None:
            cache_dir.mkdir(parents=True, exist_ok=True)
            self._tok.tmp_dir = str(cache_dir)
        self._tok.initialize()
        for word, freq, tag in entries:
            self._tok.add_word(word, freq, tag)

    def has_word(self, word: str) -> bool:
        return bool(self._tok.FREQ.get(word))

    def cut(self, text: str) -> list[str]:
        return list(self._tok.lcut(text))


def _read_lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"cannot read {path}: {e}") from None
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def read_userdict(path: Path) -> list[tuple[str, int | None, str | None]]:
    """Entries of a jieba user dictionary: ``word [freq] [tag]`` per line."""
    entries: list[tuple[str, int | None, str | None]] = []
    for lineno, line in enumerate(_read_lines(path), 1):
        parts = line.split()
        word, freq, tag = parts[0], None, None
        for part in parts[1:3]:
            if part.isdigit():
                freq = int(part)
            elif part.isalpha() and part.isascii():
                tag = part
            else:
                raise ConfigError(f"{path} line {lineno}: expected 'word [freq] [tag]': {line!r}")
        entries.append((word, freq, tag))
    return entries


@dataclass(frozen=True, slots=True, eq=False)
class Segmenter:
    """jieba set up once: the user dictionary loaded, stop words known.

    Build it with :meth:`load` once per process and pass it around; it is safe to share.
    """

    engine: _Engine
    stopwords: frozenset[str]

    @classmethod
    def load(
        cls, config_dir: Path, cache_dir: Path | None = None, *, engine: Engine = "rjieba"
    ) -> Segmenter:
        """Load ``userdict.txt`` and ``stopwords.txt`` from ``config_dir``.

        ``cache_dir`` is where the ``jieba`` engine keeps its dictionary cache (default: the
        system's temporary directory); the ``rjieba`` engine needs none.
        """
        entries = read_userdict(config_dir / "userdict.txt")
        stop = frozenset(_read_lines(config_dir / "stopwords.txt"))
        if engine == "rjieba":
            try:
                return cls(_RJieba(entries), stop)
            except ImportError:
                engine = "jieba"  # rjieba not installed: jieba gives the same words, slower
        return cls(_Jieba(entries, cache_dir), stop)

    def cut(self, text: str) -> list[str]:
        """Words of ``text`` in order, as ``jieba.lcut(text)`` gives them (spaces included)."""
        return self.engine.cut(text)

    def search_words(self, words: Iterable[str]) -> list[str]:
        """jieba's search mode from already cut words: dictionary 2- and 3-grams of long words
        come before the word itself, as ``jieba.lcut_for_search`` gives them."""
        out: list[str] = []
        has = self.engine.has_word
        for w in words:
            for n in (2, 3):
                if len(w) > n:
                    out.extend(g for i in range(len(w) - n + 1) if has(g := w[i : i + n]))
            out.append(w)
        return out

    def cut_for_search(self, text: str) -> list[str]:
        """``jieba.lcut_for_search(text)``."""
        return self.search_words(self.cut(text))

    def is_content(self, word: str) -> bool:
        """A word that carries meaning: not a stop word, not punctuation or space."""
        return word not in self.stopwords and _RE_CONTENT.search(word) is not None

    def content_words(self, words: Iterable[str]) -> list[str]:
        """The words that carry meaning, in order."""
        stop, content = self.stopwords, _RE_CONTENT.search
        return [w for w in words if w not in stop and content(w)]

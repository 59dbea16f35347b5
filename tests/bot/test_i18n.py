"""The bot's texts: Chinese first, English complete, languages chosen from Telegram's."""

from __future__ import annotations

import re
import string
from pathlib import Path

from bot.i18n import Messages, language_for

CONFIG = Path(__file__).resolve().parents[2] / "config"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_english_has_every_chinese_text_with_the_same_values() -> None:
    """Both languages have the same keys, and each text takes the same {values}."""
    texts = Messages.load(CONFIG).texts
    assert set(texts["zh"]) == set(texts["en"])
    for key, zh in texts["zh"].items():
        assert _fields(zh) == _fields(texts["en"][key]), key


def test_language_from_telegram() -> None:
    assert language_for("en-GB") == "en"
    assert language_for("zh-hans") == "zh"
    assert language_for(None) == "zh"
    assert language_for("de") == "zh"


REPO = CONFIG.parent
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# Names a Chinese text writes as they are: products, formats, keys, the other language.
NAMES = {"English", "Word", "Office", "OpenDocument", "Telegram", "UTF", "Ctrl"}
SUBCOMMANDS = {"serve"}  # `paperboy serve`, named to the editor who has to start it


def _rendered(texts: Messages, lang: str) -> dict[str, str]:
    """Every text of ``lang`` filled in, each value a number (no letters of its own)."""
    return {
        key: texts.t(lang, key, **dict.fromkeys(_fields(texts.texts["zh"][key]), 7))
        for key in texts.texts["zh"]
    }


def _english_cjk(text: str) -> list[str]:
    """Chinese in an English text that is not a command's Chinese argument (/section 要闻),
    a WeChat command word (今日) or one's argument (版面 要闻)."""
    from bot.wechat.words import WORDS

    left: list[str] = []
    in_command = False
    for token in text.split():
        word = token.strip("()[],.;:!?\"'")
        if word.startswith("/") or word in WORDS:
            in_command = True
        elif CJK.search(word) and not in_command:
            left.append(word)
        elif re.fullmatch(r"[A-Za-z]+", word):
            in_command = False
    return left


def test_no_text_speaks_the_other_language() -> None:
    """Rendered, no English text holds Chinese and no Chinese text holds English words,
    beyond command names, Chinese query examples and product names."""
    texts = Messages.load(CONFIG)
    for key, text in _rendered(texts, "en").items():
        if key != "prefs.lang_zh":  # the language button names Chinese in Chinese
            assert not _english_cjk(text), (key, text)
    for key, text in _rendered(texts, "zh").items():
        # Commands (/push now, /lang en, paperboy fetch), ids, dates, file suffixes.
        command = r"/[A-Za-z_]+(?: [a-z]{2,3}\b)?|paperboy [a-z]+"
        bare = re.sub(rf"{command}|\S*\d\S*|\.[a-z]{{3,4}}\b", " ", text)
        words = set(re.findall(r"[A-Za-z]{2,}", bare))
        assert not re.search(r"[A-Za-z]{2,}[ ,;]+[A-Za-z]{2,}", bare), (key, text)
        allowed = NAMES | SUBCOMMANDS | {"MB", "PDF", "RTF", "GBK", "Big"}
        assert words <= allowed, (key, words)


def _codes_in_code() -> tuple[set[str], set[str]]:
    """The message codes bot/ and digests/ ask for (``t(…, "reader.page")``,
    ``note("upload.empty")``), and the prefixes of codes they build (``f"usage.{…}"``)."""
    sections = "|".join(sorted({k.split(".")[0] for k in Messages.load(CONFIG).texts["zh"]}))
    call = r"\b(?:t|note)\((?:[\w.]+,\s*)?"
    literal = re.compile(rf"{call}[\"']((?:{sections})\.[a-z0-9_]+)[\"']")
    built = re.compile(rf"{call}f[\"']((?:{sections})\.[a-z0-9_]*)\{{")
    codes: set[str] = set()
    prefixes: set[str] = set()
    for path in [*REPO.glob("bot/**/*.py"), *REPO.glob("digests/**/*.py")]:
        source = path.read_text(encoding="utf-8")
        codes |= set(literal.findall(source))
        prefixes |= set(built.findall(source))
    return codes, prefixes


def test_every_code_the_code_uses_is_in_both_catalogues() -> None:
    """A code named in the code has a text in Chinese and in English; a code built from a
    prefix has texts under that prefix."""
    texts = Messages.load(CONFIG).texts
    codes, prefixes = _codes_in_code()
    assert len(codes) > 100 and prefixes  # the scan sees the code
    for lang in ("zh", "en"):
        assert codes - set(texts[lang]) == set(), lang
        for prefix in prefixes:
            assert any(k.startswith(prefix) for k in texts[lang]), (lang, prefix)

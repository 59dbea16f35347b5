"""The bot's texts: Chinese first, English complete, languages chosen from Telegram's."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from bot.i18n import Messages, language_for
from tests.languages import CJK, chinese_in_english, english_in_chinese

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


def _rendered(texts: Messages, lang: str) -> dict[str, str]:
    """Every text of ``lang`` filled in, each value a number (no letters of its own)."""
    return {
        key: texts.t(lang, key, **dict.fromkeys(_fields(texts.texts["zh"][key]), 7))
        for key in texts.texts["zh"]
    }


def test_no_text_speaks_the_other_language() -> None:
    """Rendered, no English text holds Chinese and no Chinese text holds English words,
    beyond command names, Chinese query examples and product names."""
    texts = Messages.load(CONFIG)
    for key, text in _rendered(texts, "en").items():
        if key != "prefs.lang_zh":  # the language button names Chinese in Chinese
            assert not chinese_in_english(text), (key, text)
    for key, text in _rendered(texts, "zh").items():
        assert not english_in_chinese(text), (key, text)


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


# Where Chinese in the code is not a sentence for a person but what it reads: the words
# newspapers print (the splitter, the PDF reader, the e-paper reader, text repair, the
# summarizer) and the query syntax readers type. A sentence for a person is never there.
READERS = (
    "digests/split/",
    "digests/pdf/",
    "digests/epaper/",
    "digests/textrepair.py",
    "digests/sentences.py",
    "digests/summarizer.py",
    "digests/summary_text.py",
    "digests/summary_score.py",
    "digests/archive/syntax.py",
    "bot/wechat/words.py",  # the command words followers type (今日, 搜索 …)
)
# Single literals elsewhere that are data, not text for a person, each with its reason.
DATA = {
    ("bot/cli.py", "Paperboy (报童): split, summarise, archive and deliver a daily newspaper."),
    ("bot/demo.py", "大同日报"),  # the demo issue's newspaper
    ("bot/settings.py", "大同日报"),  # the default newspaper setting
    ("bot/runtime.py", "报童"),  # the warm-up query
    ("bot/cli_summarize.py", "大同古城迎新春"),  # the segmenter's warm-up text
    ("bot/cli_push.py", "，"),  # a full-width comma typed between sections
    ("bot/replies/prefs.py", "，"),  # the same in /subscribe
    ("bot/render/__init__.py", "【"),  # a match in searched text, as plain text
    ("bot/render/__init__.py", "】"),
}
# The apology said when the catalogue itself failed to load (see its comment there).
FALLBACK = {"bot/handlers/telegram.py": "FALLBACK_APOLOGY"}


def _docstrings(tree: ast.AST) -> set[int]:
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    out: set[int] = set()
    for node in ast.walk(tree):
        body = node.body if isinstance(node, kinds) else []
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            out.add(id(body[0].value))
    return out


def _skipped(tree: ast.AST, fallback: str) -> set[int]:
    """Literals inside a regular expression call (``re.compile(r"第(\\d+)版")``): they
    recognise input; and inside the assignment to ``fallback``, if the module has one."""
    out: set[int] = set()
    for node in ast.walk(tree):
        is_re = (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
        )
        is_fallback = isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == fallback for t in node.targets
        )
        if is_re or is_fallback:
            out |= {id(n) for n in ast.walk(node)}
    return out


def _chinese_literals(source: str, fallback: str = "") -> list[tuple[int, str]]:
    """The string literals holding Chinese in a module (f-strings' pieces too), its
    docstrings and regexes left out."""
    tree = ast.parse(source)
    skip = _docstrings(tree) | _skipped(tree, fallback)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and CJK.search(node.value)
    ]


def test_no_sentence_is_written_in_the_code() -> None:
    """Every text a person reads comes from config/messages.*.toml: no module of bot/ or
    digests/ holds a Chinese literal, beyond the words the readers of newspaper text
    recognise, regexes, and the data listed (a new hard-coded sentence fails here)."""
    found: list[str] = []
    seen: set[tuple[str, str]] = set()
    for path in sorted([*REPO.glob("bot/**/*.py"), *REPO.glob("digests/**/*.py")]):
        name = path.relative_to(REPO).as_posix()
        if name.startswith(READERS):
            continue
        source = path.read_text(encoding="utf-8")
        for lineno, value in _chinese_literals(source, FALLBACK.get(name, "")):
            if (name, value) in DATA:
                seen.add((name, value))
            else:
                found.append(f"{name}:{lineno}: {value!r}")
    assert found == []
    assert seen == DATA  # an entry no longer needed leaves the list


def test_the_scan_sees_a_hard_coded_sentence() -> None:
    """The scan above finds a reply written in code, plain or in an f-string, and passes
    over docstrings and regular expressions."""
    source = (
        '"""文档。"""\nimport re\nX = re.compile(r"第(\\d+)版")\n'
        'def f(n):\n    """说明。"""\n    return f"共 {n} 篇" + "没有找到"\n'
    )
    assert sorted(v for _, v in _chinese_literals(source)) == [" 篇", "共 ", "没有找到"]

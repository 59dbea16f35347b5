"""Reading page files: bytes from disk, text from bytes, pages from files.

This is the I/O edge of the splitting flow. Every problem with an input becomes an
:class:`~digests.errors.InputError` (or :class:`~digests.errors.EncodingError`) whose
message names the file and says what is wrong.
"""

from __future__ import annotations

import codecs
import datetime as dt
import importlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from digests.configfile import read_toml
from digests.errors import EncodingError, InputError, PdfError
from digests.model import Page
from digests.notes import note

if TYPE_CHECKING:
    # The splitter is imported where pages are split, not with the upload limit and the
    # section names a serving bot reads at start (it costs ~40 ms of imports).
    from digests.split import SplitOptions
    from digests.split.lexicon import Lexicon

# The one upload limit, for a file on disk and a chat document alike: the Bot API lets a
# bot download 20 MB (MiB) at most, and a whole issue as text is about 1 MB, a PDF page ~5 MB.
MAX_INPUT_BYTES = 20 * 1024 * 1024
ACCEPTED_SUFFIXES = (".txt", ".pdf")
ACCEPTED = "page text (.txt) or a page PDF (.pdf)"
# Leading bytes of files people send by mistake, and what they are (upload.kind_* codes).
_MAGIC = (
    (b"PK\x03\x04", "office"),
    (b"\xd0\xcf\x11\xe0", "office"),
    (b"{\\rtf", "document"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"RIFF", "media"),
    (b"\x1f\x8b", "archive"),
    (b"7z\xbc\xaf", "archive"),
    (b"Rar!", "archive"),
)
_OTHER_SUFFIXES = {
    ".docx": "word",
    ".doc": "word",
    ".odt": "document",
    ".rtf": "document",
    ".xlsx": "spreadsheet",
    ".xls": "spreadsheet",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".gif": "image",
    ".webp": "image",
    ".tif": "image",
    ".tiff": "image",
    ".zip": "archive",
}
_KIND_NAMES = {  # for the operator's English message
    "office": "a ZIP archive or Word/Office document",
    "word": "a Word document",
    "document": "a word-processor document (RTF/OpenDocument)",
    "spreadsheet": "a spreadsheet",
    "image": "an image",
    "media": "a RIFF (WebP/AVI/WAV) file",
    "archive": "an archive",
}
_PAGE_IN_NAME = re.compile(r"(?:^|[^a-z0-9])(?:p|page|第)0*(\d{1,3})(?:版)?(?=$|[^0-9])", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Codecs tried in order when there is no BOM: strict ones first, the lax ones last.
_CANDIDATES = ("utf-8", "gb18030", "big5")


def read_input(path: Path, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of one input file; InputError for a missing, empty or too large file."""
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a directory, not a page file")
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror or e})") from None
    if size == 0:
        raise _empty(str(path))
    if size > max_bytes:
        raise _too_big(str(path), size, max_bytes)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror or e})") from None
    if not data:
        raise _empty(str(path))
    return data


def _empty(name: str) -> InputError:
    return InputError(f"{name}: the file is empty", note("upload.empty", name=name))


def megabytes(size: int, limit: int) -> tuple[str, str]:
    """A size and its limit as a reader sees them, in MB of 2**20 bytes: the one unit the
    upload limit is set in, so the limit always reads "20"."""
    return f"{size / 2**20:.1f}", f"{limit / 2**20:.0f}"


def _too_big(name: str, size: int, limit: int) -> InputError:
    mb, limit_mb = megabytes(size, limit)
    return InputError(
        f"{name}: the file is too large ({mb} MB; the limit is {limit_mb} MB)",
        note("upload.too_big", name=name, size=mb, limit=limit_mb),
    )


def _whitespace(name: str) -> InputError:
    return InputError(f"{name}: the file holds only whitespace", note("upload.blank", name=name))


def _binary_data(name: str) -> EncodingError:
    return EncodingError(
        f"{name}: this is binary data, not page text", note("upload.binary", name=name)
    )


def check_kind(data: bytes, name: str) -> None:
    """InputError naming the accepted kinds for a document that is neither text nor PDF
    (a Word file, an image, an archive), judged by its first bytes and its name."""
    suffix = Path(name).suffix.lower()
    what = _OTHER_SUFFIXES.get(suffix)
    if what is None and data[:5] != b"%PDF-":
        what = next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)
    if what is not None:
        raise InputError(
            f"{name}: this is {_KIND_NAMES[what]}; paperboy splits {ACCEPTED}",
            note(f"upload.kind_{what}", name=name),
        )


def decode_text(data: bytes, name: str = "input") -> str:
    """Text from page bytes in UTF-8 (with or without BOM), GB18030/GBK/GB2312, Big5 or
    UTF-16; EncodingError for binary data or an encoding that cannot be told."""
    if not data.strip():
        raise _whitespace(name)
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(_decode(data, codec, name), name)
    utf16 = _bomless_utf16(data)
    if utf16:
        return _checked(_decode(data, utf16, name), name)
    if _binary(data):
        raise _binary_data(name)
    for codec in _CANDIDATES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible(text) and (codec == "utf-8" or _common_chars(text)):
            return _checked(text, name)
    return _checked(_guess(data, name), name)


def _binary(data: bytes) -> bool:
    """Zero bytes or many control bytes: no text encoding here makes those."""
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([b])) for b in range(32) if b not in b"\t\n\r\f\x1b")
    return controls > len(sample) * 0.01


def _common_chars(text: str, sample: int = 4000) -> bool:
    """Most characters are ASCII or in GB2312 or Big5: real Chinese text is; bytes
    decoded with the wrong lax codec (GB18030 decodes almost anything) are not."""
    chars = [ch for ch in text[:sample] if not ch.isspace()]
    if not chars:
        return True
    common = 0
    for ch in chars:
        if ch.isascii():
            common += 1
            continue
        for codec in ("gb2312", "big5"):
            try:
                ch.encode(codec)
            except UnicodeEncodeError:
                continue
            common += 1
            break
    return common >= len(chars) * 0.9


def _decode(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise EncodingError(
            f"{name}: the text is damaged ({codec} that does not decode)",
            note("upload.damaged", name=name, codec=codec),
        ) from None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM shows as zero bytes in every other position (ASCII) or as CJK
    code units; judge by where the zero bytes fall."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(_CJK.findall(text)) > len(text) * 0.5 and _plausible(text) and _common_chars(text):
            return codec
    return None


def _plausible(text: str) -> bool:
    """Readable text: few control characters, and Chinese when there are many letters."""
    if not text:
        return False
    bad = sum(
        1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t\f") or 0xE000 <= ord(ch) <= 0xF8FF
    )
    return bad <= len(text) * 0.01


def _guess(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    text = data.decode(best.encoding, errors="replace") if best and best.encoding else ""
    if not text or not _plausible(text) or not _common_chars(text):
        raise EncodingError(
            f"{name}: cannot tell the text encoding (not UTF-8, GB18030/GBK, Big5 or UTF-16)",
            note("upload.encoding", name=name),
        )
    return text


def _checked(text: str, name: str) -> str:
    if not _plausible(text):
        raise _binary_data(name)
    if not text.strip():
        raise _whitespace(name)
    return text


def section_names(config_dir: Path, newspaper: str) -> dict[int, str]:
    """Page number -> 版名 for a newspaper, from config/newspapers.toml ({} when unknown)."""
    paper = read_toml(config_dir / "newspapers.toml").get(newspaper, {})
    sections = paper.get("sections", {}) if isinstance(paper, Mapping) else {}
    out: dict[int, str] = {}
    for key, value in sections.items():
        if str(key).isdigit():
            out[int(key)] = str(value)
    return out


def newspaper_slug(config_dir: Path, newspaper: str) -> str:
    """The newspaper's short id used in article ids ("dtrb"); "" when not configured."""
    paper = read_toml(config_dir / "newspapers.toml").get(newspaper, {})
    return str(paper.get("slug", "")) if isinstance(paper, Mapping) else ""


def load_lexicon(config_dir: Path, newspaper: str = "") -> Lexicon:
    """The splitter's furniture words: the defaults, config/splitter.toml, then the
    newspaper profiles of config/papers/ - the named paper's first, then the others'.

    The others are read too because a page does not say which paper printed it (an
    upload, a page of the national daily read beside the local one), and one paper's
    column labels are not lines another paper prints on their own; the customer's page
    splits the same with them."""
    from digests.split.lexicon import Lexicon

    lex = Lexicon()
    extra = read_toml(config_dir / "splitter.toml")
    if extra:
        lex = lex.extended(extra)
    own = newspaper_slug(config_dir, newspaper)
    profiles = sorted((config_dir / "papers").glob("*.toml"), key=lambda p: p.stem != own)
    for path in profiles:
        lex = lex.extended(read_toml(path))
    return lex


def split_options(config_dir: Path, newspaper: str) -> SplitOptions:
    """SplitOptions for a newspaper, read from config/."""
    from digests.split import SplitOptions

    return SplitOptions(
        newspaper=newspaper,
        section_names=section_names(config_dir, newspaper),
        lexicon=load_lexicon(config_dir, newspaper),
    )


def page_number_from_name(path: Path) -> int | None:
    """The page number a file name carries: "datong-2024-02-10-p01.txt" -> 1."""
    m = _PAGE_IN_NAME.search(path.stem)
    return int(m.group(1)) if m else None


def _pdf_splitter() -> Callable[[bytes, SplitOptions], tuple[Page, ...]]:
    """digests.pdf.split_pdf, imported only when a PDF comes: it pulls in pdfminer."""
    module = importlib.import_module("digests.pdf")
    splitter: Callable[[bytes, SplitOptions], tuple[Page, ...]] = module.split_pdf
    return splitter


@dataclass(frozen=True, slots=True)
class SplitDocuments:
    """The pages of one issue made from several documents, and the date a header printed."""

    pages: tuple[Page, ...]
    date: dt.date | None


def split_documents(
    documents: Sequence[tuple[str, bytes]], options: SplitOptions
) -> SplitDocuments:
    """Split documents (name, bytes) of page text or PDF into the pages of one issue.

    Pages are ordered by page number (documents without one keep their order), and an
    article continued on another page is joined into one. Errors name the document.
    """
    from digests.split import detect_issue_date, join_continuations, split_text

    pages: list[tuple[int, Page]] = []
    date: dt.date | None = None
    for order, (name, data) in enumerate(documents):
        if not data:
            raise _empty(name)
        if len(data) > MAX_INPUT_BYTES:
            raise _too_big(name, len(data), MAX_INPUT_BYTES)
        check_kind(data, name)
        opts = replace(options, page_number=page_number_from_name(Path(name)))
        if Path(name).suffix.lower() == ".pdf" or data[:5] == b"%PDF-":
            try:
                found = _pdf_splitter()(data, opts)
            except PdfError as e:
                raise PdfError(f"{name}: {e}", note("upload.pdf", name=name)) from None
        else:
            text = decode_text(data, name)
            printed = detect_issue_date(text)
            date = date or printed
            # Each page keeps the date its file printed, so pages of other days show.
            found = tuple(replace(p, date=p.date or printed) for p in split_text(text, opts))
        date = date or next((p.date for p in found if p.date), None)
        pages += [(order, p) for p in found]
    ordered = sorted(pages, key=lambda op: (op[1].number is None, op[1].number or 0, op[0]))
    return SplitDocuments(join_continuations([p for _, p in ordered]), date)


def load_pages(paths: Sequence[Path], options: SplitOptions) -> tuple[Page, ...]:
    """Read and split page files (.txt or .pdf) into the pages of one issue."""
    return split_documents([(str(p), read_input(p)) for p in paths], options).pages

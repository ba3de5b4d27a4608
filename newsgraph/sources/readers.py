"""Readers: turn files, directories, globs, standard input or posted bytes into raw articles.

Every input format is a named :class:`Reader` registered with :func:`register_reader`; the
built-in readers (text, html, jsonl, json, csv, feed) use the same decorator a plugin would,
and plugins listed under the ``newsgraph.readers`` entry-point group are imported at start-up.

Entry points:

* :func:`read_inputs` — what the CLI calls: paths, directories (recursive), globs, ``-``.
* :func:`read_bytes` — one input already in memory (the HTTP API's posted article, a Spark row).

Nothing here raises on bad input: an unreadable input becomes a :class:`ReadFailure` naming
the file (and line), and the caller goes on with the rest; even a reader (or a library under
it) that crashes costs only its own input.

Memory is bounded: JSON Lines and CSV corpora are read a record at a time (``streams=True``
readers get the open file), each record up to :data:`MAX_RECORD_BYTES`; whole-document
formats (text, HTML, JSON, feeds) are refused over :data:`MAX_DOCUMENT_BYTES` with a message
saying to split the file or convert a JSON array to JSON Lines.
"""
from __future__ import annotations

import codecs
import copy
import csv
import datetime as dt
import email.utils
import html
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, BinaryIO

import feedparser
import htmldate
import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

from ..records import RawArticle, ReadFailure
from ..stages.clean import SENTENCE_END
from .paths import expand_path

ReadResult = RawArticle | ReadFailure
ReaderFunc = Callable[[Any, str, str | None], Iterable[ReadResult]]

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # one text, HTML, JSON or feed document
MAX_RECORD_BYTES = 16 * 1024 * 1024  # one JSON Lines line or CSV field
SNIFF_BYTES = 8192
STREAM_BUFFER_BYTES = 64 * 1024


class ReadError(Exception):
    """A whole input cannot be read; ``reason`` says why and what to do."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


@dataclass(frozen=True)
class Reader:
    """A named input format: ``read(data, origin, published)`` yields articles or failures.

    ``data`` is the input's bytes, or for a ``streams`` reader a binary file object read a
    record at a time (so a corpus never sits in memory whole).
    """

    name: str
    extensions: tuple[str, ...]
    read: ReaderFunc
    description: str = ""
    streams: bool = False


READERS: dict[str, Reader] = {}


def register_reader(name: str, *, extensions: Iterable[str] = (),
                    streams: bool = False) -> Callable[[ReaderFunc], ReaderFunc]:
    """Register ``func(data: bytes, origin: str, published: str | None)`` as the reader ``name``.

    ``extensions`` (".txt", ...) choose the reader for files; a later registration of the
    same name or extension replaces the earlier one, so a plugin can override a built-in.
    With ``streams=True`` the function gets a binary file object instead of bytes.
    """

    def decorate(func: ReaderFunc) -> ReaderFunc:
        doc = (func.__doc__ or "").strip().splitlines()
        exts = tuple(e.lower() if e.startswith(".") else f".{e.lower()}" for e in extensions)
        READERS[name] = Reader(name=name, extensions=exts, read=func, description=doc[0] if doc else "",
                               streams=streams)
        return func

    return decorate


def reader_named(name: str) -> Reader:
    """The reader registered as ``name``; a ValueError lists the known ones."""
    if name not in READERS:
        raise ValueError(f"unknown reader {name!r}; choose one of {', '.join(sorted(READERS))}")
    return READERS[name]


def reader_for_path(path: str) -> Reader | None:
    """The reader registered for this file's extension (the last registered wins)."""
    suffix = Path(path).suffix.lower()
    for reader in reversed(READERS.values()):
        if suffix in reader.extensions:
            return reader
    return None


# ---------------------------------------------------------------------------------------------
# Reading paths (which files a path names is decided in .paths)

STDIN_ORIGIN = "<stdin>"


def read_inputs(
    paths: Iterable[str], *, format_in: str | None = None, published: str | None = None
) -> Iterator[ReadResult]:
    """Read every article behind ``paths`` (files, directories, globs, or ``-`` for stdin).

    ``format_in`` forces one reader for every file; otherwise the extension decides (and the
    content, for standard input and unknown extensions). ``published`` is the date given to
    articles that carry none.
    """
    if format_in is not None:
        reader_named(format_in)
    for path in paths:
        if path == "-":  # streamed as a file is: a JSONL or CSV corpus piped in is read a record at a time
            yield from read_stream(sys.stdin.buffer, origin=STDIN_ORIGIN, format_in=format_in, published=published)
            continue
        wanted = has_reader if format_in is None else lambda _name: True
        for file_path, failure in expand_path(path, wanted=wanted):
            if failure is not None:
                yield failure
            else:
                yield from read_file(file_path, format_in=format_in, published=published)


def has_reader(name: str) -> bool:
    """Whether a file met while walking a directory has a reader for its extension."""
    return reader_for_path(name) is not None


def read_file(path: str, *, format_in: str | None = None, published: str | None = None) -> Iterator[ReadResult]:
    """Read one file, a record at a time for streaming readers; a file that cannot be opened is a failure."""
    try:
        with open(path, "rb") as stream:
            yield from read_stream(stream, origin=path, format_in=format_in, published=published)
    except OSError as err:
        yield ReadFailure(path, f"cannot read the file: {err.strerror or err}")


def read_bytes(
    data: bytes, *, origin: str, format_in: str | None = None, published: str | None = None
) -> Iterator[ReadResult]:
    """Read one input held in memory (a file's bytes, a posted article, a Spark row).

    The reader is ``format_in`` if given, else the one registered for ``origin``'s extension,
    else one guessed from the content (HTML, feed, JSON or plain text). Empty and binary input
    fail here, before any reader runs, with one failure naming ``origin``.
    """
    yield from read_stream(io.BytesIO(data), origin=origin, format_in=format_in, published=published)


def read_stream(
    stream: BinaryIO, *, origin: str, format_in: str | None = None, published: str | None = None
) -> Iterator[ReadResult]:
    """Read one binary input (a file, standard input, bytes) with the reader :func:`read_bytes` describes.

    The stream is read once, front to back, so a pipe works as well as a file. Whatever goes wrong inside
    the reader ends this input with one failure, never the run.
    """
    head = stream.read(SNIFF_BYTES)
    reader = reader_named(format_in) if format_in else reader_for_path(origin) or READERS[sniff_format(head)]
    try:
        check_not_empty_or_binary(head, whole=len(head) < SNIFF_BYTES)
        replayed = replay(head, stream)
        yield from reader.read(replayed if reader.streams else read_document(replayed, reader.name), origin, published)
    except ReadError as err:
        yield ReadFailure(origin, err.reason, err.line)
    except OSError as err:  # the disk failed mid-read, or a plugin reader's own file access did
        yield ReadFailure(origin, f"cannot read the input: {err.strerror or err}")
    except (RecursionError, MemoryError):
        yield ReadFailure(origin, f"the {reader.name} reader ran out of stack or memory: the input is nested "
                                  "too deeply or too large; split or simplify it")
    except Exception as err:  # noqa: BLE001 - a reader, plugin or library bug must cost one input, not the run
        yield ReadFailure(origin, f"the {reader.name} reader failed ({type(err).__name__}: {str(err)[:200]}); "
                                  "please report this input")


class _HeadThenRest(io.RawIOBase):
    """The bytes already read to choose a reader, then the rest of the stream as it arrives."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self.head = memoryview(head)
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.rest.read1(len(buffer)) if hasattr(self.rest, "read1") else self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def replay(head: bytes, rest: BinaryIO) -> io.BufferedReader:
    """`rest` with `head`, its first bytes, put back in front: a readable stream that never seeks (a pipe
    cannot), whose :meth:`~io.BufferedReader.peek` shows what comes next."""
    return io.BufferedReader(_HeadThenRest(head, rest), buffer_size=STREAM_BUFFER_BYTES)


def read_document(stream: BinaryIO, reader: str) -> bytes:
    """All of a whole-document input, refused over :data:`MAX_DOCUMENT_BYTES` so memory stays bounded."""
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        advice = "convert the JSON array to JSON Lines (one record per line)" if reader == "json" else "split it"
        raise ReadError(f"input is over {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB, the limit for one {reader} "
                        f"document; {advice}")
    return data


# ---------------------------------------------------------------------------------------------
# Shared checks and helpers

# Signatures of binary formats people mistake for articles; named in the error message.
BINARY_SIGNATURES = {
    b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)", b"\x1f\x8b": "gzip data",
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old MS Office document",
}
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def check_not_empty_or_binary(head: bytes, *, whole: bool = True) -> None:
    """Raise :class:`ReadError` for input that holds no text at all, judged by its first bytes
    (``whole`` when they are all of it)."""
    if whole and not head.strip():
        raise ReadError("empty file: there is no text to read")
    if head.startswith(UTF16_BOMS):
        return
    for signature, kind in BINARY_SIGNATURES.items():
        if head.startswith(signature):
            raise ReadError(f"binary file ({kind}), not a text article; convert it to .txt or .html first")
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f")
    if b"\x00" in head or controls > len(head) * 0.05:
        raise ReadError("binary file, not a text article; give a .txt, .html, .jsonl, .csv or feed file")


def decode_text(data: bytes, *, declared: str | None = None, first_line: int = 1) -> str:
    """Text of ``data``: UTF-8 (a BOM or a ``declared`` charset may say otherwise); invalid bytes fail.

    ``first_line`` is the file line ``data`` starts on, so the error names the right line.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict")
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16")
    return decode_strict(data, declared or "utf-8", first_line=first_line)


def decode_strict(data: bytes, encoding: str, *, first_line: int = 1) -> str:
    """``data`` decoded as ``encoding``; a bad byte fails naming its line."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + first_line
        name = "UTF-8" if encoding.replace("-", "").lower() == "utf8" else encoding
        raise ReadError(
            f"not valid {name} (byte 0x{data[err.start]:02X}); re-save the file as UTF-8",
            line=line,
        ) from None
    except LookupError:
        raise ReadError(f"the page declares an unknown character set {encoding!r}") from None


def normalise_date(value: Any) -> str | None:
    """ISO date (YYYY-MM-DD) of a date or timestamp, as written (no time-zone shift); None if not a date.

    Accepts ISO forms ("2025-03-14", "2025-03-14 20:30:26Z", "2025-03-14T20:30:26+02:00") and
    e-mail/RSS forms ("Fri, 14 Mar 2025 20:30:26 GMT").
    """
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def with_date(article: RawArticle, value: Any, fallback: str | None) -> RawArticle:
    """Set ``article.published`` from a record's date value, else ``fallback``; warn when there is none."""
    published = normalise_date(value)
    if value not in (None, "") and published is None:
        article.warnings.append(f"published value {str(value)[:40]!r} is not a date; ignored")
    article.published = published or fallback
    if article.published is None:
        article.warnings.append(NO_DATE_WARNING)
    return article


NO_DATE_WARNING = (
    "no publication date; relative dates ('on Monday') cannot be resolved — give one with --published YYYY-MM-DD"
)

# ---------------------------------------------------------------------------------------------
# Plain text

DATE_LINE = re.compile(r"^\s*date\b\s*(?P<colon>[:=])?\s*(?P<value>\S+)?"
                       r"(?P<time>\s+T?\d{1,2}:\d{2}(:\d{2})?\s*(Z|UTC|GMT)?)?"
                       r"(?P<rest>.*)$", re.IGNORECASE)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
TITLE_MAX_WORDS = 20


@register_reader("text", extensions=(".txt", ".text"))
def read_text(data: bytes, origin: str, published: str | None) -> Iterator[RawArticle]:
    """Plain text: optional `date YYYY-MM-DD` first line (maybe followed by the first paragraph), title line, body."""
    lines = decode_text(data).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    date, body_start, preamble = parse_date_line(lines[0])
    article = RawArticle(origin=origin, text="", reader="text", preamble=preamble)
    if date is None:
        article.published = published
        if published is None:
            article.warnings.append(NO_DATE_WARNING)
        rest = lines
    else:
        article.published = date
        rest = ([body_start] if body_start else []) + lines[1:]
    if not body_start:
        article.title, rest = split_title(rest)
    article.text = "\n".join(rest).strip()
    if not article.text:
        raise ReadError("the file holds a date or title line but no article text")
    yield article


def parse_date_line(line: str) -> tuple[str | None, str, list[str]]:
    """(date, body text after the date, preamble) of a first line; (None, "", []) if it is no date line.

    A line is a date line when it starts with "date" followed by ":" or by a token with a digit
    ("date 2025-03-08"), or is just "date" and one word; if it is one but holds no valid
    YYYY-MM-DD, the file fails rather than being read with a wrong or missing date.
    """
    match = DATE_LINE.match(line)
    if not match:
        return None, "", []
    value, rest = match["value"] or "", match["rest"]
    looks_like_date_line = bool(match["colon"]) or any(c.isdigit() for c in value) or not rest.strip()
    if not looks_like_date_line or (not value and not match["colon"]):
        return None, "", []
    if not ISO_DAY.fullmatch(value):
        raise ReadError(f"malformed date line {line.strip()[:40]!r}: write the first line as `date YYYY-MM-DD`",
                        line=1)
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as err:
        raise ReadError(f"malformed date line {line.strip()[:40]!r}: {err}", line=1) from None
    date_text = line[: match.start("rest")].strip()
    return day.isoformat(), rest.strip(), [date_text]


def split_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """Take the first non-blank line as the title when it is headline-shaped and text follows it."""
    index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if index is None:
        return None, lines
    first = lines[index].strip()
    words = first.split()
    has_more = any(line.strip() for line in lines[index + 1:])
    # a short question or a headline cut off with "..." is still a headline
    short_end = first.endswith(("?", "...", "…")) and len(words) <= 12
    if has_more and len(words) <= TITLE_MAX_WORDS and (short_end or not SENTENCE_END.search(first)):
        return first, lines[index + 1:]
    return None, lines


# ---------------------------------------------------------------------------------------------
# HTML

BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


# libxml2 stops at 256 levels of nesting unless told the tree may be huge (then 2048), and keeps
# nothing below the cut.
HTML_PARSER = lxml.html.HTMLParser(huge_tree=True)
# libxml2 checks a tag's attributes for duplicates pairwise: one tag with 40,000 attributes costs
# minutes. Article text is never in attributes, so a start tag this long loses them before parsing.
LONG_TAG = re.compile(r"<([A-Za-z][\w:-]*)\s[^<>]{2000,}>")
INVISIBLE = re.compile(r"<(head|title|script|style|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
BLOCK_TAG = re.compile(rf"</?({'|'.join(BLOCK_TAGS)})\b[^>]*>", re.IGNORECASE)
ANY_TAG = re.compile(r"<[^>]*>")
TOO_DEEP_WARNING = ("the page nests its elements too deeply for the HTML parser; its text was read without "
                    "the page structure, so menus and footers may be left in it")


@register_reader("html", extensions=(".html", ".htm", ".xhtml"))
def read_html(data: bytes, origin: str, published: str | None) -> Iterator[RawArticle]:
    """HTML page: main text, title and date found by trafilatura, with fallbacks for each."""
    charset = META_CHARSET.search(data[:4096])
    declared = charset.group(1).decode("ascii").lower() if charset else None
    page = LONG_TAG.sub(r"<\1>", decode_text(data, declared=None if declared in (None, "utf-8", "utf8") else declared))
    url = origin if origin.startswith(("http://", "https://")) else None  # a fetched page: its URL may date it
    tree = parse_page(page)
    extracted = trafilatura.bare_extraction(tree if tree is not None else page, url=url, with_metadata=True,
                                            include_comments=False, include_tables=False,
                                            date_extraction_params={"extensive_search": False, "original_date": True})
    doc = extracted if isinstance(extracted, Document) else None  # a dict only with as_dict=True
    text = main_text(page, doc.text if doc is not None else None)
    warnings = []
    if not text.strip() and (text := flat_text(page)):
        warnings.append(TOO_DEEP_WARNING)
    if not text.strip():
        raise ReadError("HTML page has no body text (nothing inside <body>); is it the article page?")
    title = (doc.title if doc is not None else None) or html_title(page)
    article = RawArticle(origin=origin, text=text.strip(), title=title, reader="html",
                         url=(doc.url if doc is not None else None) or url, warnings=warnings)
    date = doc.date if doc is not None else None
    if date is None and published is None:
        date = date_from_page_text(page)
        if date:
            article.warnings.append(f"publication date {date} guessed from the page text; pass --published to be sure")
    yield with_date(article, date, published)


def parse_page(page: str) -> lxml.html.HtmlElement | None:
    """The page's tree (nesting up to libxml2's huge-tree limit kept), None if lxml cannot parse it."""
    try:
        return lxml.html.document_fromstring(page, parser=HTML_PARSER)
    except (etree.ParserError, ValueError):
        return None


def main_text(page: str, extracted: str | None) -> str:
    """trafilatura's main text, unless it is missing or came back as one run-on line where the
    page's article (or main, or body) element has paragraphs: then that element's text, a line per block."""
    if extracted and "\n" in extracted.strip():
        return extracted
    root = parse_page(page)
    if root is None:
        return extracted or ""
    containers = root.xpath("//article") or root.xpath("//main") or root.xpath("//body")
    structured = element_text(containers[0]) if containers else ""
    if "\n" in structured or not structured:
        return structured
    return extracted or structured


def flat_text(page: str) -> str:
    """The page's visible text by pattern, a line per block: the last resort for a page nested deeper
    than any parser keeps."""
    text = ANY_TAG.sub("", BLOCK_TAG.sub("\n", INVISIBLE.sub("", page)))
    lines = (" ".join(html.unescape(line).split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def date_from_page_text(page: str) -> str | None:
    """A day date htmldate finds in the visible page; a bare year (returned as YYYY-01-01) is no date."""
    tree = parse_page(page)
    guess = htmldate.find_date(tree if tree is not None else page, extensive_search=True, original_date=True)
    return guess if guess and not guess.endswith("-01-01") else None


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment (a feed entry's content), one line per block element."""
    try:
        return element_text(lxml.html.fragment_fromstring(fragment, create_parent="div"))
    except (etree.ParserError, ValueError):
        return ""


def element_text(element: lxml.html.HtmlElement) -> str:
    """Visible text under ``element``, one line per block element; scripts and styles dropped."""
    root = copy.deepcopy(element)
    for bad in root.xpath(".//script|.//style|.//noscript|.//template"):
        bad.drop_tree()
    for block in root.iter(*BLOCK_TAGS):
        block.tail = "\n" + (block.tail or "")
        if block.tag != "br":
            block.text = "\n" + (block.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def html_title(page: str) -> str | None:
    """The page's <title>, when trafilatura found none."""
    tree = parse_page(page)
    titles = tree.xpath("//title/text()") if tree is not None else []
    return " ".join(titles[0].split()) if titles and titles[0].strip() else None


# ---------------------------------------------------------------------------------------------
# Records: JSON Lines, JSON, CSV

# Field names accepted for each article field, first match wins (the voa_stories.jsonl layout first).
FIELD_NAMES = {
    "text": ("text", "body", "content", "article"),
    "title": ("title", "headline"),
    "published": ("published", "date", "pubdate", "published_at", "datetime"),
    "url": ("url", "link"),
    "id": ("id", "guid", "source_id"),
}


def record_to_article(record: Any, *, origin: str, reader: str, published: str | None,
                      line: int | None = None) -> ReadResult:
    """An article from one JSON/CSV record with fields text, title, published, url, id."""
    if not isinstance(record, dict):
        return ReadFailure(origin, f"record is {type(record).__name__}, not an object with a 'text' field", line)
    fields = {k.lower().strip(): v for k, v in record.items() if isinstance(k, str)}

    def field(name: str) -> Any:
        return next((fields[k] for k in FIELD_NAMES[name] if fields.get(k) not in (None, "")), None)

    text = field("text")
    if not isinstance(text, str) or not text.strip():
        return ReadFailure(origin, "record has no article text (expected a 'text' field)", line)
    source_id = field("id")
    article = RawArticle(
        origin=f"{origin}:{line}" if line else origin, text=text.strip(), title=str(field("title") or "") or None,
        url=field("url"), source_id=str(source_id) if source_id is not None else None, reader=reader,
    )
    return with_date(article, field("published"), published)


@register_reader("jsonl", extensions=(".jsonl", ".ndjson"), streams=True)
def read_jsonl(stream: BinaryIO, origin: str, published: str | None) -> Iterator[ReadResult]:
    """JSON Lines: one article record per line; a bad line fails alone and the others are read."""
    for number, raw_line in numbered_lines(stream):
        if raw_line is None:
            yield ReadFailure(origin, f"line is over {MAX_RECORD_BYTES // (1024 * 1024)} MB; not read", number)
            continue
        if number == 1:
            raw_line = raw_line.removeprefix(codecs.BOM_UTF8)
        if not raw_line.strip():
            continue
        try:
            record = parse_json(decode_strict(raw_line, "utf-8", first_line=number).rstrip("\r\n"), what="line")
        except ReadError as err:
            yield ReadFailure(origin, err.reason, number)
            continue
        yield record_to_article(record, origin=origin, reader="jsonl", published=published, line=number)


def numbered_lines(stream: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of each line, None for a line over :data:`MAX_RECORD_BYTES` (skipped, not held)."""
    number = 0
    while line := stream.readline(MAX_RECORD_BYTES + 1):
        number += 1
        if len(line) <= MAX_RECORD_BYTES or line.endswith(b"\n"):
            yield number, line
            continue
        while (rest := stream.readline(MAX_RECORD_BYTES)) and not rest.endswith(b"\n"):
            pass
        yield number, None


def parse_json(text: str, *, what: str = "file") -> Any:
    """``json.loads`` with every way it fails as a :class:`ReadError` saying what is wrong with the ``what``."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg.startswith("Unterminated string") or err.pos >= len(text.rstrip()):
            raise ReadError(f"{what} is not JSON: it ends in the middle of a record ({err.msg}); is the {what} "
                            "truncated?", line=err.lineno) from None
        raise ReadError(f"{what} is not JSON ({err.msg}, column {err.colno})", line=err.lineno) from None
    except RecursionError:
        raise ReadError("JSON nested too deeply to read; an article record is a flat object") from None
    except ValueError as err:  # a number over Python's 4,300-digit limit for int()
        raise ReadError(f"JSON holds a value that cannot be read ({str(err)[:80]})") from None


@register_reader("json", extensions=(".json",))
def read_json(data: bytes, origin: str, published: str | None) -> Iterator[ReadResult]:
    """JSON: one article object or an array of them (a file of JSON Lines is read as such).

    The whole document is parsed at once, so it is capped at MAX_DOCUMENT_BYTES: larger
    corpora belong in JSON Lines, which is read a line at a time.
    """
    text = decode_text(data)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data":
            yield from read_jsonl(io.BytesIO(data), origin, published)
            return
        document = parse_json(text)  # raises the ReadError that says what is wrong
    except (RecursionError, ValueError):
        document = parse_json(text)
    if isinstance(document, list):
        for number, record in enumerate(document, start=1):
            yield record_to_article(record, origin=f"{origin}#{number}", reader="json", published=published)
    else:
        yield record_to_article(document, origin=origin, reader="json", published=published)


csv.field_size_limit(MAX_RECORD_BYTES)


@register_reader("csv", extensions=(".csv", ".tsv"), streams=True)
def read_csv(stream: io.BufferedReader, origin: str, published: str | None) -> Iterator[ReadResult]:
    """CSV (or TSV) with a header row naming the columns text, title, published, url, id.

    Quotes are parsed strictly, so an unterminated quote is reported at the row it opens in
    rather than silently swallowing the rows after it; reading goes on after a bad row.
    """
    text = io.TextIOWrapper(stream, encoding=stream_encoding(stream), newline="")
    delimiter = "\t" if origin.lower().endswith(".tsv") else ","
    rows = csv.reader(text, delimiter=delimiter, strict=True)
    header = [h.lower().strip() for h in next_csv_row(rows, 1) or []]
    if not any(name in header for name in FIELD_NAMES["text"]):
        raise ReadError(f"the CSV header has no 'text' column (found: {', '.join(header)[:80]})", line=1)
    while True:
        start = rows.line_num + 1
        try:
            row = next_csv_row(rows, start)
        except ReadError as err:
            yield ReadFailure(origin, err.reason, err.line)
            continue
        if row is None:
            return
        if any(cell.strip() for cell in row):
            record = dict(zip(header, row, strict=False))  # a short row leaves its last columns empty
            yield record_to_article(record, origin=origin, reader="csv", published=published, line=start)


def next_csv_row(rows: Any, start: int) -> list[str] | None:
    """The next row of a csv reader, None at the end; a malformed row is a ReadError naming its first line."""
    try:
        return next(rows)
    except StopIteration:
        return None
    except csv.Error as err:
        raise ReadError(f"malformed CSV row ({err}): is a quote left open? The row and any it swallowed are "
                        "skipped", line=start) from None
    except UnicodeDecodeError as err:
        raise ReadError(f"not valid UTF-8 (byte 0x{err.object[err.start]:02X}) near this line; re-save the file "
                        "as UTF-8", line=start) from None


def stream_encoding(stream: io.BufferedReader) -> str:
    """The encoding of a text stream: UTF-16 or UTF-8 (with or without a BOM) by its first bytes."""
    return "utf-16" if stream.peek(4)[:4].startswith(UTF16_BOMS) else "utf-8-sig"


# ---------------------------------------------------------------------------------------------
# RSS / Atom feed files

FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.IGNORECASE)


@register_reader("feed", extensions=(".rss", ".atom", ".xml"))
def read_feed(data: bytes, origin: str, published: str | None) -> Iterator[ReadResult]:
    """RSS/Atom feed file: one article per entry (its content or summary HTML as text)."""
    feed = feedparser.parse(io.BytesIO(data))  # a stream: feedparser never takes it for a URL to fetch
    if not feed.entries:
        problem = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        raise ReadError(f"not an RSS/Atom feed, or a feed with no entries{problem}")
    for number, entry in enumerate(feed.entries, start=1):
        yield feed_entry_article(entry, origin=f"{origin}#{number}", published=published)


def feed_entry_article(entry: Any, *, origin: str, published: str | None) -> ReadResult:
    """An article from one feed entry; an entry without text fails alone."""
    html = entry.content[0].value if entry.get("content") else entry.get("summary", "")
    text = html_to_text(html) if html else ""
    if not text.strip():
        return ReadFailure(origin, "feed entry has no content or summary text")
    written = entry.get("published") or entry.get("updated")
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")  # feedparser's, shifted to UTC
    day = normalise_date(written) or (dt.date(*stamp[:3]) if stamp else written)
    article = RawArticle(origin=origin, text=text, title=entry.get("title") or None, url=entry.get("link"),
                         source_id=entry.get("id"), reader="feed")
    return with_date(article, day, published)


def sniff_format(data: bytes) -> str:
    """Best guess of a reader for content with no telling extension (stdin, posted bytes)."""
    head = data[:2048].lstrip(codecs.BOM_UTF8 + b" \t\r\n")
    if head.startswith(b"<"):
        return "feed" if FEED_ROOT.search(head) else "html"
    if head.startswith(b"{") and b"\n{" in data.replace(b"\r\n", b"\n"):
        return "jsonl"  # a second value opening a line: one JSON document cannot have that, JSON Lines does
    if head.startswith((b"{", b"[")):
        return "json"
    return "text"


def load_plugin_readers() -> None:
    """Import readers that installed packages declare under the ``newsgraph.readers`` entry-point group."""
    for entry in entry_points(group="newsgraph.readers"):
        entry.load()


load_plugin_readers()

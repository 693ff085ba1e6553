"""Readers: turn a file's text into an :class:`Article` of paragraphs.

Every offset is a Python ``str`` index into the text as read, so a claim's
span can be cut back out of the file. Formats:

* ``text``: paragraphs separated by blank lines (or, where a text has no
  blank line at all, by single line breaks; and inside a block whose line
  breaks mostly end sentences, by those breaks).
* ``markdown``: as text, with ``#`` headings kept as title / heading
  paragraphs; markup stays in the text so offsets hold.
* ``html``: tags stripped (scripts and styles dropped) into plain text first;
  offsets refer to that text, which becomes ``Article.text``.
* ``caixin``: the Caixin digest (title, byline, zh/en paragraph pairs kept as
  one bilingual paragraph, DIGEST HUB bullets, a Summary with ``[para. N]``
  markers, and the entity directory).
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from claimgraph.errors import InputError

from .names import CJK_RE as _CJK
from .names import has_cjk_text as has_cjk
from .records import Article, DirectoryEntry, Paragraph, Span

MAX_BYTES = 20_000_000  # a file (HTML markup included); checked before it is read
# spaCy's parser and NER refuse a text over ``nlp.max_length`` (1,000,000 characters by
# default, ~1 GB of working memory per 100,000): one article is at most that long.
MAX_CHARS = 1_000_000
_PARA_MARK = re.compile(r"\[para\.\s*(\d+)(?:\s*[-–]\s*(\d+))?\]")
_BLANK = re.compile(r"\n[ \t]*\n+")


def article_id(text: str) -> str:
    """The content hash that names an article (first 16 hex digits of SHA-256)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _lang(text: str) -> str:
    cjk = len(_CJK.findall(text))
    latin = len(re.findall(r"[A-Za-z]", text))
    if cjk and latin > cjk:
        return "zh-en"
    return "zh" if cjk else "en"


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        out.append((pos, pos + len(stripped)))
        pos += len(line)
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


#: a text that separates its title by a blank line but its body's paragraphs by single line
#: breaks (61 of PolNeAR's 924 articles) has a paragraph per line there, not one for the
#: whole body; a line broken inside a sentence (a hard-wrapped note) stays joined, and a
#: block most of whose line breaks fall inside sentences (hard-wrapped text) is not cut at
#: all (PolNeAR's blocks of 3+ lines: 97 have every break at a sentence's end, 16 none)
LINE_PARAGRAPHS = 1
LINE_SHARE = 0.5  # the least share of a block's line breaks that end a sentence
#: a line that ends a paragraph: its sentence ends there, and the next line opens a new one
_ENDS_PARAGRAPH = re.compile(r"[.?!:\u201d\"\u2019')\]][ \t\u00a0]*\n(?=[ \t\u00a0]*[A-Z0-9\u201c\"\u2018'(\[\u2015\u2014-])")


def _line_cuts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """``a..b`` cut after each line that ends a paragraph (:data:`_ENDS_PARAGRAPH`)."""
    ends = list(_ENDS_PARAGRAPH.finditer(text, a, b)) if LINE_PARAGRAPHS else []
    if not ends or len(ends) < LINE_SHARE * text.count("\n", a, _trim(text, a, b)[1]):
        return [(a, b)]
    out, pos = [], a
    for m in ends:
        out.append((pos, m.end() - 1))
        pos = m.end()
    out.append((pos, b))
    return out


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """Paragraph ranges of a plain text: split on blank lines, and inside a block on the line
    breaks that end a sentence; else (no blank line) on line breaks."""
    seps = list(_BLANK.finditer(text))
    if seps:
        cuts, pos = [], 0
        for m in seps:
            cuts.extend(_line_cuts(text, pos, m.start()))
            pos = m.end()
        cuts.extend(_line_cuts(text, pos, len(text)))
    else:
        cuts = _lines(text)
    out = []
    for a, b in cuts:
        a, b = _trim(text, a, b)
        if b > a:
            out.append((a, b))
    return out


def _paragraphs(text: str, ranges, kinds=None) -> tuple[Paragraph, ...]:
    out = []
    for i, (a, b) in enumerate(ranges, start=1):
        kind = kinds[i - 1] if kinds else "body"
        seg = text[a:b]
        anchors = tuple(_anchors(seg))
        out.append(Paragraph(i, a, b, seg, kind, anchors, _lang(seg)))
    return tuple(out)


def _anchors(text: str) -> list[int]:
    out: list[int] = []
    for m in _PARA_MARK.finditer(text):
        lo = int(m.group(1))
        hi = int(m.group(2) or lo)
        if hi < lo or hi - lo > 200:
            hi = lo
        out.extend(n for n in range(lo, hi + 1) if n not in out)
    return out


def read_text(text: str, source: str = "") -> Article:
    """Plain text: blank-line paragraphs; the first short line is the title."""
    ranges = paragraph_ranges(text)
    kinds = ["body"] * len(ranges)
    title = ""
    if ranges:
        a, b = ranges[0]
        first = text[a:b]
        if "\n" not in first and len(first) < 200 and not first.rstrip().endswith((".", '"', "”")):
            kinds[0] = "title"
            title = first
    return Article(article_id(text), text, _paragraphs(text, ranges, kinds), title, "text", source)


def read_markdown(text: str, source: str = "") -> Article:
    """Markdown: blank-line paragraphs, headings as title/heading paragraphs."""
    ranges = paragraph_ranges(text)
    kinds, title = [], ""
    for a, b in ranges:
        seg = text[a:b]
        if seg.startswith("#"):
            if not title and seg.startswith("# "):
                title = seg.lstrip("#").strip()
                kinds.append("title")
            else:
                kinds.append("heading")
        else:
            kinds.append("body")
    return Article(
        article_id(text), text, _paragraphs(text, ranges, kinds), title, "markdown", source
    )


class _HTMLText(HTMLParser):
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
              "blockquote", "section", "article", "header", "footer", "title"}
    _SKIP = {"script", "style", "noscript", "template", "svg", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self.skip += 1
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP and self.skip:
            self.skip -= 1
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self.skip:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str]:
    """Visible text of an HTML page (scripts, styles dropped) and its <title>."""
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    raw = "".join(parser.parts)
    blocks = [re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v]*", " ", b).strip() for b in _BLANK.split(raw)]
    blocks = [re.sub(r"[ \t]{2,}", " ", b) for b in blocks if b.strip()]
    return "\n\n".join(blocks), html.unescape(parser.title.strip())


def read_html(markup: str, source: str = "") -> Article:
    """HTML: visible text becomes the article text, one block a paragraph."""
    text, title = html_to_text(markup)
    if not text.strip():
        raise InputError(f"{source or 'input'}: the HTML has no visible text")
    art = read_text(text, source)
    return Article(art.id, text, art.paragraphs, title or art.title, "html", source)


def _is_caixin(text: str) -> bool:
    return bool(re.search(r"^- DIGEST HUB\s*$", text, re.M)) or (
        bool(re.search(r"^Summary:\s*$", text, re.M)) and bool(_PARA_MARK.search(text))
    )


def read_caixin(text: str, source: str = "") -> Article:
    """The Caixin digest: bilingual header, DIGEST HUB, Summary and directory.

    A Chinese line followed by its English translation is one bilingual
    paragraph. Bullets are one paragraph each. Each Summary paragraph keeps its
    ``[para. N]`` markers as ``anchors``. A directory entry is an English name
    line (``- Name``) followed by ``中文名 - description``.
    """
    lines = [(a, b) for a, b in _lines(text)]
    paras: list[tuple[int, int, str]] = []
    directory: list[tuple[int, int, int, int]] = []  # name line, description line
    section = "header"
    i = 0
    title = ""
    pending_zh: tuple[int, int] | None = None
    while i < len(lines):
        a, b = _trim(text, *lines[i])
        line = text[a:b]
        i += 1
        if not line:
            continue
        if re.fullmatch(r"-\s*DIGEST HUB", line):
            section = "digest"
            continue
        if re.fullmatch(r"Summary:", line):
            section = "summary"
            continue
        if line.startswith('["'):
            paras.append((a, b, "note"))
            section = "directory"
            continue
        if re.fullmatch(r"-\s*MOST POPULAR", line):
            section = "end"
            continue
        if section == "end":
            continue
        if section == "header":
            if not title:
                title = re.sub(r"^Cover:\s*", "", line)
                paras.append((a, b, "title"))
            elif line.lower().startswith("listen to"):
                continue
            elif has_cjk(line) and not re.search(r"[A-Za-z]{4,}", line):
                pending_zh = (a, b)
            elif pending_zh:
                kind = "byline" if line.lower().startswith("by ") else "body"
                paras.append((pending_zh[0], b, kind))
                pending_zh = None
            else:
                kind = "byline" if line.lower().startswith("by ") else "body"
                paras.append((a, b, kind))
        elif section == "digest":
            paras.append((a + 2 if line.startswith("- ") else a, b, "digest"))
        elif section == "summary":
            if line.startswith("- ") and i < len(lines):
                section = "directory"
                i -= 1
                continue
            paras.append((a, b, "summary"))
        elif section == "directory":
            if line.startswith("- ") and i < len(lines):
                na, nb = a + 2, b
                while i < len(lines) and not text[slice(*lines[i])].strip():
                    i += 1
                if i >= len(lines):
                    break
                da, db = _trim(text, *lines[i])
                i += 1
                directory.append((na, nb, da, db))
                paras.append((na, db, "directory"))
            else:
                paras.append((a, b, "note"))
    if pending_zh:
        paras.append((pending_zh[0], pending_zh[1], "body"))
    paragraphs = _paragraphs(text, [(a, b) for a, b, _ in paras], [k for _, _, k in paras])
    entries = []
    for na, nb, da, db in directory:
        para = next(p.index for p in paragraphs if p.start == na)
        desc_line = text[da:db]
        m = re.match(r"(.*?)\s+[-–—]\s+", desc_line)
        if m:
            zh = m.group(1).strip()
            ds = da + m.end()
        else:
            zh, ds = "", da
        name = text[na:nb].strip()
        entries.append(
            DirectoryEntry(
                name=name,
                name_zh=zh if zh and has_cjk(zh) else None,
                description=text[ds:db],
                paragraph=para,
                name_span=Span(na, nb, text[na:nb]),
                description_span=Span(ds, db, text[ds:db]),
            )
        )
    return Article(
        article_id(text), text, paragraphs, title, "caixin", source, tuple(entries)
    )


READERS: dict[str, Callable[[str, str], Article]] = {
    "text": read_text,
    "markdown": read_markdown,
    "html": read_html,
    "caixin": read_caixin,
}


def detect_format(text: str, filename: str = "") -> str:
    """Guess the format from the file name and content."""
    suffix = Path(filename).suffix.lower()
    if suffix in {".html", ".htm"} or re.match(r"\s*(<!doctype html|<html)", text, re.I):
        return "html"
    if _is_caixin(text):
        return "caixin"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    return "text"


def decode(data: bytes, source: str = "input") -> str:
    """Bytes to text: UTF-8 (BOM allowed) or UTF-16 with a BOM; else a clear error."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(f"{source}: not valid UTF-16 text ({e.reason})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{source}: not UTF-8 text (byte {e.start}); convert it to UTF-8 first"
        ) from None


def read_article(text: str, source: str = "", fmt: str | None = None) -> Article:
    """Read ``text`` as an article of format ``fmt`` (detected when None).

    >>> read_article("Title\\n\\nShe said it was fine.").paragraphs[1].text
    'She said it was fine.'
    """
    if not text.strip():
        raise InputError(f"{source or 'input'}: the article is empty")
    fmt = fmt or detect_format(text, source)
    if fmt not in READERS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(sorted(READERS))}")
    if fmt != "html":
        _check_length(len(text), source)
    text = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    art = READERS[fmt](text, source)
    if fmt == "html":
        _check_length(len(art.text), source)
    return art


def _check_length(n: int, source: str) -> None:
    if n > MAX_CHARS:
        raise InputError(f"{source or 'input'}: {n:,} characters is longer than the "
                         f"{MAX_CHARS:,}-character limit for one article; split it into "
                         f"one file per article")


def read_file(path: str | Path, fmt: str | None = None) -> Article:
    """Read an article file; raises :class:`InputError` with a clear message."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not a file")
    if not p.is_file():  # a device, a pipe or a socket: reading it may never end
        raise InputError(f"{p}: not a regular file")
    too_big = (f"{p}: {{:,}} bytes is larger than the {MAX_BYTES:,}-byte limit for one "
               f"article; split it into one file per article")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(too_big.format(size))
        with p.open("rb") as f:
            data = f.read(MAX_BYTES + 1)  # the size may have grown since stat()
        if len(data) > MAX_BYTES:
            raise InputError(too_big.format(len(data)).replace(" bytes", "+ bytes"))
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror})") from None
    return read_article(decode(data, str(p)), str(p), fmt)

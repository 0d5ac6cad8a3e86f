"""TimeML in and out: read a .tml file's <TEXT> and DCT; write it back with our TIMEX3 tags.

The file is handled as text, not re-serialised XML, so everything outside <TEXT> (the DCT block
included) stays byte for byte, and the characters inside <TEXT> stay identical (entities such as
&amp; as in the source): standard scorers align system and gold files by those characters.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from extract.errors import Errors, InputError
from extract.output import atomic_write
from extract.types import Timex

_TEXT = re.compile(r"(<TEXT\b[^>]*>)(.*?)(</TEXT>)", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);")
# Annotation a gold file carries inside <TEXT>; removed before we write ours.
_GOLD_TAG = re.compile(r"</?(?:TIMEX3|EVENT|SIGNAL|TLINK|SLINK|ALINK|MAKEINSTANCE)\b[^>]*>")
_DCT_TAG = re.compile(r"<TIMEX3\b[^>]*\bfunctionInDocument=\"CREATION_TIME\"[^>]*>")
_ATTR = re.compile(r"(\w+)=\"([^\"]*)\"")


@dataclass(frozen=True)
class GoldTimex:
    """A TIMEX3 read from a TimeML file: offsets index the document's plain text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class TimeMLDocument:
    path: str
    source: str                   # the whole file as read
    text_open: int                # offsets in source of the <TEXT> content
    text_close: int
    segments: tuple               # ("tag", raw) | ("text", raw) pieces of the <TEXT> content
    text: str                     # plain text: tags dropped, entities decoded; what the tagger sees
    raw_starts: tuple             # raw_starts[i]: offset in the TEXT content (tags dropped) of text[i]
    dct: dt.date | None
    timexes: tuple                # the TIMEX3 already inside <TEXT> (gold or system)


def _attrs(tag: str) -> dict:
    return dict(_ATTR.findall(tag))


def parse(source: str, path: str = "<string>", require_dct: bool = True) -> TimeMLDocument:
    """Read a TimeML document; InputError naming ``path`` if it is malformed or has no DCT."""
    try:
        ET.fromstring(source.encode("utf-8"))
    except ET.ParseError as exc:
        raise InputError(path, Errors.E012.format(detail=str(exc))) from None
    texts = list(_TEXT.finditer(source))
    if len(texts) != 1:
        raise InputError(path, Errors.E012.format(detail=f"{len(texts)} <TEXT> elements"))
    body = texts[0]
    dct = _read_dct(source, path, require_dct)

    segments, plain, raw_starts, timexes = [], [], [], []
    open_timex: tuple[int, dict] | None = None
    raw_pos = 0  # offset in the tag-free raw text
    pos = 0
    content = body.group(2)
    for m in _TAG.finditer(content):
        if m.start() > pos:
            raw_pos = _add_text(content[pos:m.start()], segments, plain, raw_starts, raw_pos)
        tag = m.group(0)
        if tag.startswith("<TIMEX3"):
            open_timex = (len(plain), _attrs(tag))
        elif tag.startswith("</TIMEX3") and open_timex is not None:
            start, attrs = open_timex
            text = "".join(plain[start:])
            timexes.append(GoldTimex(start, len(plain), text, attrs.get("type", ""),
                                     attrs.get("value", ""), attrs.get("mod")))
            open_timex = None
        segments.append(("tag", tag))
        pos = m.end()
    if pos < len(content):
        _add_text(content[pos:], segments, plain, raw_starts, raw_pos)
    return TimeMLDocument(path, source, body.start(2), body.end(2), tuple(segments), "".join(plain),
                          tuple(raw_starts), dct, tuple(timexes))


def _add_text(raw: str, segments: list, plain: list, raw_starts: list, raw_pos: int) -> int:
    """Append a text segment, decoding entities; plain char i came from raw offset raw_starts[i]."""
    segments.append(("text", raw))
    pos = 0
    for m in _ENTITY.finditer(raw):
        for i, ch in enumerate(raw[pos:m.start()]):
            plain.append(ch)
            raw_starts.append(raw_pos + pos + i)
        decoded = html.unescape(m.group(0))
        for ch in decoded:
            plain.append(ch)
            raw_starts.append(raw_pos + m.start())
        pos = m.end()
    for i, ch in enumerate(raw[pos:]):
        plain.append(ch)
        raw_starts.append(raw_pos + pos + i)
    return raw_pos + len(raw)


def _read_dct(source: str, path: str, required: bool) -> dt.date | None:
    tag = _DCT_TAG.search(source)
    value = _attrs(tag.group(0)).get("value", "") if tag else ""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        if required:
            raise InputError(path, Errors.E013) from None
        return None


def read(path: Path | str, require_dct: bool = True) -> TimeMLDocument:
    path = Path(path)
    try:
        source = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise InputError(path, Errors.E011) from None
    except UnicodeDecodeError as exc:
        raise InputError(path, Errors.E003.format(offset=exc.start)) from None
    return parse(source, str(path), require_dct)


def render(doc: TimeMLDocument, timexes: list[Timex]) -> str:
    """The document with gold annotation removed from <TEXT> and ``timexes`` tagged in it."""
    raw_len = sum(len(raw) for kind, raw in doc.segments if kind == "text")

    def raw_offset(plain_offset: int) -> int:
        return doc.raw_starts[plain_offset] if plain_offset < len(doc.raw_starts) else raw_len

    used = {attrs.get("tid") for attrs in (_attrs(t.group(0)) for t in _DCT_TAG.finditer(doc.source))}
    inserts: dict[int, list[str]] = {}
    n = 0
    for timex in timexes:
        n += 1
        while f"t{n}" in used:
            n += 1
        tv = timex.value
        mod = f' mod="{tv.mod}"' if tv.mod else ""
        inserts.setdefault(raw_offset(timex.start), []).append(
            f'<TIMEX3 tid="t{n}" type="{tv.type}" value="{tv.value}"{mod}>')
        inserts.setdefault(raw_offset(timex.end), []).insert(0, "</TIMEX3>")

    out, raw_pos = [], 0
    for kind, raw in doc.segments:
        if kind == "tag":
            if not _GOLD_TAG.fullmatch(raw):
                out.append(raw)
            continue
        for i, ch in enumerate(raw):
            out.extend(inserts.pop(raw_pos + i, ()))
            out.append(ch)
        raw_pos += len(raw)
    for offset in sorted(inserts):
        out.extend(inserts[offset])
    return doc.source[:doc.text_open] + "".join(out) + doc.source[doc.text_close:]


def tag_files(paths: list[Path], out_dir: Path,
              tagger: Callable[[str, dt.date | None], list[Timex]]) -> tuple[list[Path], list[InputError]]:
    """Tag each file into ``out_dir`` (same file name); a bad file is reported and the batch goes on."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written, failures = [], []
    for path in paths:
        try:
            doc = read(path)
        except InputError as exc:
            failures.append(exc)
            continue
        target = out_dir / Path(path).name
        atomic_write(target, [render(doc, tagger(doc.text, doc.dct))])
        written.append(target)
    return written, failures

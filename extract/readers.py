"""Read articles from files, folders and browser uploads into ``Article`` records.

One entry point per source (a path, a batch of paths, an upload) over one parser per format:
.txt (with an optional sidecar NAME.json), .json articles, .html pages and TimeML .tml files.
Everything that can be wrong with an input is checked here, before any NLP runs, and reported as
an ``InputError`` that names the input and says how to fix it (templates in errors.py). A batch
catches those per document and goes on.

``Article.text`` is the text exactly as decoded from UTF-8 for .txt and .json, because every
offset in the output indexes it; for .html and .tml it is the text extracted from the markup.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

from extract.errors import Errors, InputError
from extract.language import ENGLISH, detect, language_name
from extract.types import Article, DocumentFailure

# News articles are a few kB; 5 MB is far beyond any article and keeps a mistaken input (a dump, a
# video) from being read into memory and parsed.
MAX_BYTES = 5 * 1024 * 1024
SUFFIXES = (".txt", ".json", ".html", ".htm", ".tml")
# Formats whose metadata may come from a sidecar NAME.json beside the file.
SIDECAR_SUFFIXES = (".txt", ".html", ".htm")
# A page with fewer words of paragraph text than this holds chrome, not an article.
MIN_PAGE_WORDS = 8

# YYYY-MM-DD, alone or opening an ISO timestamp ("2018-10-07T09:14:00+09:00", "2018-10-07 09:14").
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", re.DOTALL)
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T.*)?", re.DOTALL)
# Dates some pages write out in their <time datetime> or meta tags.
_WRITTEN_DATES = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y")


def parse_date(value: object) -> dt.date:
    """A publication date from YYYY-MM-DD or an ISO timestamp; raises ValueError otherwise.

    From a timestamp the calendar date is taken as written, in the publisher's own time zone:
    that is the day the article's "today" and "on Sunday" refer to.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _ISO_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if m is None:
        raise ValueError(f"not a date: {value!r}")
    return dt.date(int(m[1]), int(m[2]), int(m[3]))


def _loose_date(value: str) -> dt.date | None:
    """A date from the forms web pages and TimeML write in their metadata, or None."""
    value = value.strip()
    m = _ISO_DATE.fullmatch(value) or _COMPACT_DATE.fullmatch(value)
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        return parsedate_to_datetime(value).date()   # RFC 2822: "Sun, 07 Oct 2018 09:14:00 +0900"
    except (TypeError, ValueError, IndexError):
        pass
    for form in _WRITTEN_DATES:
        try:
            return dt.datetime.strptime(value, form).date()
        except ValueError:
            continue
    return None


@dataclass
class _Meta:
    """What a format yields besides the text; None means "not stated"."""

    published: dt.date | None = None
    title: str | None = None
    source: str | None = None

    def under(self, other: _Meta) -> _Meta:
        """These values where set, else ``other``'s: the first source that states a value wins."""
        return _Meta(self.published or other.published, self.title or other.title,
                     self.source or other.source)


def _decode(origin: str, data: bytes) -> str:
    if not data:
        raise InputError(origin, Errors.E002)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):   # UTF-16 also holds NULs: name the real problem
        raise InputError(origin, Errors.E003.format(offset=0))
    if b"\x00" in data:
        raise InputError(origin, Errors.E004)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(origin, Errors.E003.format(offset=e.start)) from None
    if not text.strip():
        raise InputError(origin, Errors.E002)
    return text


def _date_field(origin: str, value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return parse_date(value)
    except ValueError:
        raise InputError(origin, Errors.E008.format(value=value)) from None


def _optional_str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _read_sidecar(path: Path) -> _Meta:
    sidecar = path.with_suffix(".json")
    if path.suffix.lower() not in SIDECAR_SUFFIXES or not sidecar.is_file():
        return _Meta()
    try:
        raw = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(path, Errors.E017.format(sidecar=sidecar.name, detail=e)) from None
    if not isinstance(raw, dict):
        raise InputError(path, Errors.E017.format(sidecar=sidecar.name, detail="it is not an object"))
    return _Meta(_date_field(str(sidecar), raw.get("published")), _optional_str(raw.get("title")),
                 _optional_str(raw.get("source")))


# ---------------------------------------------------------------------------------------- formats

def _parse_json_article(origin: str, text: str) -> tuple[str, _Meta]:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(origin, Errors.E010.format(detail=f"{e.msg} at line {e.lineno}")) from None
    if not isinstance(raw, dict):
        raise InputError(origin, Errors.E010.format(detail="it is not an object"))
    body = raw.get("text")
    if not isinstance(body, str):
        raise InputError(origin, Errors.E010.format(detail='it has no "text" string'))
    if not body.strip():
        raise InputError(origin, Errors.E002)
    return body, _Meta(_date_field(origin, raw.get("published")), _optional_str(raw.get("title")),
                       _optional_str(raw.get("source")))


# Tags whose text is page chrome, never the article.
_DROP = frozenset({"script", "style", "nav", "header", "footer", "aside", "figcaption", "form",
                   "noscript", "template", "svg", "button", "select", "iframe"})
# Tags that end a run of text, as a browser would start a new line there.
_BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                    "section", "article", "main", "blockquote", "tr", "td", "table", "dd", "dt",
                    "pre", "hr", "figure", "body"})
# Meta tags that carry the publication date, most specific first. Modification dates are left out:
# they are not the date the article's "today" refers to.
_DATE_META = ("article:published_time", "og:article:published_time", "datepublished",
              "og:published_time", "published_time", "article.published", "publish-date",
              "publishdate", "pubdate", "publication_date", "parsely-pub-date", "sailthru.date",
              "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date", "date")
_WS = re.compile(r"\s+")


@dataclass
class _Block:
    text: str
    in_p: bool
    article: int | None      # which top-level <article> holds it (0, 1, ...), None if none


class _Page(HTMLParser):
    """One pass over a page: paragraph blocks, and the metadata that dates and names it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[_Block] = []
        self.meta: dict[str, str] = {}
        self.times: list[tuple[bool, bool, str]] = []   # (marked as publication date, in <article>, value)
        self.ld_json: list[str] = []
        self.title = ""
        self._drop = self._article = 0   # nesting depths
        self._articles_seen = 0
        self._in_p = False
        self._buf: list[str] = []
        self._buf_in_p = False
        self._in_title = self._in_ld = False

    def _flush(self) -> None:
        text = _WS.sub(" ", "".join(self._buf)).strip()
        if text:
            article = self._articles_seen - 1 if self._article else None
            self.blocks.append(_Block(text, self._buf_in_p, article))
        self._buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"]
            return
        if tag == "time" and a.get("datetime"):
            marked = "pubdate" in a or a.get("itemprop", "").lower() == "datepublished"
            self.times.append((marked, self._article > 0, a["datetime"]))
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._in_ld = True
            self.ld_json.append("")
        if tag == "title":
            self._in_title = True
        if tag in _BLOCK:
            self._flush()
            # A block start closes an open <p>, as in a browser: pages often leave <p> unclosed.
            if tag != "br":
                self._in_p = tag == "p"
        if tag in _DROP:
            self._drop += 1
        elif tag == "article":
            self._articles_seen += self._article == 0
            self._article += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK:
            self._flush()
        if tag == "script":
            self._in_ld = False
        if tag == "title":
            self._in_title = False
        if tag in _DROP:
            self._drop = max(0, self._drop - 1)
        elif tag == "article":
            self._article = max(0, self._article - 1)
        if tag == "p":
            self._in_p = False

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.ld_json[-1] += data
        if self._in_title:
            self.title += data
        if self._drop == 0:
            if not self._buf:
                self._buf_in_p = self._in_p
            self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _ld_values(node: object, key: str) -> Iterable[str]:
    """Every string value of ``key`` anywhere in a JSON-LD tree (pages nest it under @graph)."""
    if isinstance(node, dict):
        if isinstance(node.get(key), str):
            yield node[key]
        for v in node.values():
            yield from _ld_values(v, key)
    elif isinstance(node, list):
        for v in node:
            yield from _ld_values(v, key)


def _page_date(page: _Page) -> dt.date | None:
    ld = []
    for raw in page.ld_json:
        try:
            ld.append(json.loads(raw))
        except json.JSONDecodeError:
            continue   # a broken JSON-LD block is the page's bug; the other sources may still date it
    candidates = [page.meta[k] for k in _DATE_META if k in page.meta]
    candidates += list(_ld_values(ld, "datePublished"))
    candidates += [v for marked, _, v in page.times if marked]
    candidates += [v for _, in_article, v in page.times if in_article]
    for value in candidates:
        date = _loose_date(value)
        if date is not None:
            return date
    return None


def _main_article(blocks: list[_Block]) -> list[_Block]:
    """The blocks of the <article> with the most words: pages also wrap teasers in <article>."""
    words: dict[int, int] = {}
    for b in blocks:
        if b.article is not None:
            words[b.article] = words.get(b.article, 0) + len(b.text.split())
    if not words:
        return []
    best = max(words, key=lambda a: (words[a], -a))
    return [b for b in blocks if b.article == best]


def _parse_html(origin: str, text: str) -> tuple[str, _Meta]:
    page = _Page()
    page.feed(text)
    page.close()
    paragraphs = [b for b in page.blocks if b.in_p]
    pools = (_main_article(paragraphs), paragraphs, _main_article(page.blocks))
    chosen = next((pool for pool in pools if pool), [])
    body = "\n\n".join(b.text for b in chosen)
    if len(body.split()) < MIN_PAGE_WORDS:
        raise InputError(origin, Errors.E006)
    title = _WS.sub(" ", page.meta.get("og:title") or page.title).strip() or None
    return body, _Meta(_page_date(page), title, _optional_str(page.meta.get("og:site_name")))


def _parse_timeml(origin: str, text: str) -> tuple[str, _Meta]:
    # The temporal package owns TimeML (its plain text is what its TIMEX3 offsets index). Imported
    # here because importing it compiles the temporal rules, which a batch of .txt need not pay.
    from extract.temporal import timeml

    doc = timeml.parse(text, origin, require_dct=False)
    return doc.text, _Meta(published=doc.dct)


_PARSERS = {".json": _parse_json_article, ".html": _parse_html, ".htm": _parse_html,
            ".tml": _parse_timeml}


def _missing_date(origin: str, name: str, suffix: str, upload: bool) -> InputError:
    if upload:
        return InputError(origin, Errors.E016)
    sidecar = Path(name).with_suffix(".json").name
    message = {".json": Errors.E015, ".tml": Errors.E013,
               ".html": Errors.E014.format(sidecar=sidecar),
               ".htm": Errors.E014.format(sidecar=sidecar)}.get(suffix, Errors.E001.format(sidecar=sidecar))
    return InputError(origin, message)


def _article(origin: str, name: str, data: bytes, published: dt.date | None, sidecar: _Meta,
             upload: bool) -> Article:
    suffix = Path(name).suffix.lower()
    raw = _decode(origin, data)
    parser = _PARSERS.get(suffix)
    text, found = parser(origin, raw) if parser else (raw, _Meta())
    # Checked before the date: no one should date a file only to learn it cannot be used.
    language = detect(text)
    if language != ENGLISH:
        raise InputError(origin, Errors.E007.format(language=language_name(language)))
    # An explicit --published wins over a sidecar, and a sidecar over what the file says itself.
    meta = _Meta(published).under(sidecar).under(found)
    if meta.published is None:
        raise _missing_date(origin, name, suffix, upload)
    return Article(doc=Path(name).stem, text=text, published=meta.published, title=meta.title,
                   source=meta.source, path=origin, language=language)


def _check_suffix(origin: str, name: str) -> None:
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(origin, Errors.E009.format(suffix=suffix or name))


def _check_size(origin: str, size: int) -> None:
    if size > MAX_BYTES:
        raise InputError(origin, Errors.E005.format(size_mb=size / 2**20, limit_mb=MAX_BYTES // 2**20))


# ------------------------------------------------------------------------------------ entry points

def read_path(path: str | Path, published: dt.date | None = None) -> Article:
    """Read one article file; ``published`` overrides any date beside or inside it."""
    path = Path(path)
    origin = str(path)
    if path.is_dir():
        raise InputError(origin, Errors.E021)
    if not path.is_file():
        raise InputError(origin, Errors.E011)
    _check_suffix(origin, path.name)
    try:
        # stat first: a 50 MB file is refused without reading it into memory
        _check_size(origin, path.stat().st_size)
        data = path.read_bytes()
    except OSError as e:
        raise InputError(origin, Errors.E020.format(detail=e.strerror or e)) from None
    return _article(origin, path.name, data, published, _read_sidecar(path), upload=False)


def read_upload(filename: str, content: bytes, published: dt.date | None = None) -> Article:
    """Read an article uploaded through the dashboard; errors name the uploaded file."""
    name = Path(filename).name or "upload"
    _check_suffix(name, name)
    _check_size(name, len(content))
    return _article(name, name, content, published, _Meta(), upload=True)


def _is_annotation(path: Path, stems: set[str]) -> bool:
    """A NAME.json (or NAME.gold.json, ...) beside NAME.txt describes that text; it is no article."""
    if path.suffix.lower() != ".json":
        return False
    name = path.name[: -len(path.suffix)]
    return any(name == stem or name.startswith(stem + ".") for stem in stems)


def expand(path: Path) -> list[Path]:
    """The article files of a folder, sorted, without hidden files and sidecars; a file is itself."""
    if not path.is_dir():
        return [path]
    files = [f for f in sorted(path.rglob("*"))
             if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts)]
    texts: dict[Path, set[str]] = {}
    for f in files:
        if f.suffix.lower() in SIDECAR_SUFFIXES:
            texts.setdefault(f.parent, set()).add(f.stem)
    return [f for f in files if not _is_annotation(f, texts.get(f.parent, set()))]


def read_inputs(paths: Iterable[str | Path], published: dt.date | None = None
                ) -> tuple[list[Article], list[DocumentFailure]]:
    """Read files and folders; a bad document is reported in the failures and the rest still read."""
    articles: list[Article] = []
    failures: list[DocumentFailure] = []
    seen: dict[str, str] = {}   # doc id -> the path it was read from
    for path in map(Path, paths):
        files = expand(path)
        if path.is_dir() and not files:
            failures.append(DocumentFailure(str(path), Errors.E018))
        for f in files:
            try:
                article = read_path(f, published)
            except InputError as e:
                failures.append(DocumentFailure(e.path, e.message))
                continue
            if article.doc in seen:
                failures.append(DocumentFailure(str(f), Errors.E022.format(other=seen[article.doc],
                                                                           doc=article.doc)))
                continue
            seen[article.doc] = str(f)
            articles.append(article)
    return articles, failures


def published_date(value: str) -> dt.date:
    """argparse type for every --published option: YYYY-MM-DD exactly, with E008 otherwise."""
    if len(value) != 10:
        raise argparse.ArgumentTypeError(Errors.E008.format(value=value))
    try:
        return parse_date(value)
    except ValueError:
        raise argparse.ArgumentTypeError(Errors.E008.format(value=value)) from None

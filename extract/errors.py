"""Every error the extractor raises on bad input, with a message that says how to fix it.

Like spaCy's errors.py, the texts live in one place, so they stay consistent and testable.
Each names the input it is about; a batch catches ``InputError`` per document and goes on.
"""

from __future__ import annotations


class InputError(ValueError):
    """A document or argument the extractor cannot use. ``path`` names it."""

    def __init__(self, path: object, message: str) -> None:
        self.path = str(path)
        self.message = message
        super().__init__(f"{self.path}: {message}")


class Errors:
    """Message templates. Format with ``.format(...)``; each ends with how to fix the problem."""

    E001 = ("no publication date. Give one with --published YYYY-MM-DD, or put a sidecar "
            "{sidecar} beside the file holding {{\"published\": \"YYYY-MM-DD\"}}.")
    E002 = "the file is empty. Give a file that holds the article's text."
    E003 = ("the file is not UTF-8 text (bad byte at offset {offset}). Re-save it as UTF-8, "
            "e.g. `iconv -f <its encoding> -t utf-8`.")
    E004 = "the file looks binary (it holds NUL bytes). Give a .txt, .json, .html or .tml article."
    E005 = ("the file is {size_mb:.1f} MB; the limit is {limit_mb} MB. Split it into articles or "
            "give only the article's text.")
    E006 = ("the page holds no article text, only navigation or page chrome. Save the article's "
            "text as .txt instead.")
    E007 = ("the article looks {language}, not English; only English articles are extracted. "
            "Translate it first, or leave it out.")
    E008 = "bad publication date {value!r}: write it as YYYY-MM-DD, e.g. 2018-10-07."
    E009 = ("unsupported file type {suffix!r}. Give a .txt, .json, .html/.htm or .tml file, or a "
            "folder of them.")
    E010 = "the JSON article is not valid: {detail}. It needs {{\"text\": ..., \"published\": \"YYYY-MM-DD\"}}."
    E011 = "no such file or folder. Check the path."
    E012 = ("the TimeML file is malformed: {detail}. Check that it is well-formed XML with one "
            "<TEXT> element.")
    E013 = ("the TimeML file has no document creation time. Add "
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"YYYY-MM-DD\" functionInDocument=\"CREATION_TIME\">...</TIMEX3></DCT>.")
    E014 = ("no publication date in the page (looked for article:published_time and other date meta "
            "tags, JSON-LD datePublished and <time datetime>). Give one with --published YYYY-MM-DD, "
            "or put a sidecar {sidecar} beside the file holding {{\"published\": \"YYYY-MM-DD\"}}.")
    E015 = ("the JSON article has no \"published\" date. Add \"published\": \"YYYY-MM-DD\" to it, "
            "or give --published YYYY-MM-DD.")
    E016 = ("no publication date. Set the publication date before uploading, or upload a .json "
            "article holding \"published\": \"YYYY-MM-DD\" or an .html page that states its date.")
    E017 = ("the sidecar {sidecar} is not usable: {detail}. It must be a JSON object such as "
            "{{\"published\": \"YYYY-MM-DD\", \"title\": \"...\", \"source\": \"...\"}}.")
    E018 = ("the folder holds no articles. Put .txt (with a sidecar .json), .json, .html or .tml "
            "files in it.")
    E019 = ("line {line} is not an event: {detail}. Each line must be one JSON object as written by "
            "`timeline extract --out FILE.jsonl`; re-run the extraction to rebuild the file.")
    E020 = "cannot read the file: {detail}. Check that it exists and that you may read it."
    E021 = ("this is a folder, not a file. Give it to `timeline extract`, which reads every article "
            "in it.")
    E022 = ("another input, {other}, has the same document id {doc!r} (the file name without its "
            "suffix), and events name their document by it. Rename one of the two files.")
    E023 = ("the extractor failed on this article ({detail}); the rest of the batch was extracted. "
            "This is a bug: report it with the file attached.")

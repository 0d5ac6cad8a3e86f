"""The extractor's stages in order, each a small function with one job.

    clean -> datelines -> parse -> sentences -> times -> actors -> events -> link times
          -> (per doc) dedupe -> (across docs) merge

The cleaned text has the same length as the article text (boilerplate and wire datelines such as
"SEOUL, Oct. 8 (Reuters) -" blanked with spaces), so every offset found on it indexes ``Article.text``,
and a dateline's date never becomes an event's date nor its city a sentence of its own. One spaCy
parse per article (``nlp.parse_many`` batches and streams them); the temporal tagger runs on the
cleaned text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from collections.abc import Iterable

from spacy.tokens import Doc, Span

from extract import actors, events, linking, merge, nlp, temporal
from extract.clean import clean
from extract.errors import Errors
from extract.types import Article, DocumentFailure, Event, Source, Timex

_TERMINAL = re.compile(r"[.!?]['\"’”)]*\s*$")


@dataclass(frozen=True)
class Layout:
    """The sentence stage's output: sentences, which ones give no events (the headline), quotations."""

    sentences: tuple[Span, ...]
    headline: frozenset[int]
    quotes: tuple[tuple[int, int], ...]


def stage_clean(article: Article) -> str:
    """Page boilerplate blanked (the input helper's ``clean``): no event can come from it."""
    return clean(article.text)


@functools.cache
def _dateline() -> re.Pattern:
    return re.compile(events.lexicon().dateline, re.M)


def stage_datelines(text: str) -> str:
    """Wire datelines blanked: the parser then starts the sentence at its first real word."""
    return _dateline().sub(lambda m: " " * len(m.group(0)), text)


def stage_sentences(doc: Doc, text: str, title: str | None) -> Layout:
    """Sentences without blank ones; the first line is a headline (no events from it) when it has no
    sentence-final punctuation or equals the article's title."""
    sents = tuple(s for s in doc.sents if text[s.start_char:s.end_char].strip())
    headline = set()
    if sents:
        first = sents[0]
        line_end = text.find("\n", first.start_char)
        line = text[first.start_char:line_end if line_end >= 0 else len(text)].strip()
        is_title = title is not None and line.strip().lower() == title.strip().lower()
        if line_end >= 0 and (is_title or not _TERMINAL.search(line)):
            # The lines right under it that are no sentences either are its deck or standfirst ("Hasina,
            # Modi hold bilateral talks; team to visit Dhaka soon"): headlines too, up to the first line
            # that ends like a sentence.
            end = line_end
            for m in re.finditer(r"[^\n]*\S[^\n]*", text[line_end:]):
                if _TERMINAL.search(m.group(0)):
                    break
                end = line_end + m.end()
            headline = {i for i, s in enumerate(sents) if s.start_char < end}
    return Layout(sents, frozenset(headline), tuple(actors.quote_regions(text)))


def stage_times(text: str, article: Article) -> list[Timex]:
    """The temporal tagger on the cleaned text."""
    return temporal.tag(text, article.published)


def stage_actors(doc: Doc, article: Article, times: list[Timex], layout: Layout) -> actors.Found:
    return actors.find(doc, article.published, [(t.start, t.end) for t in times], layout.quotes)


def stage_events(doc: Doc, article: Article, layout: Layout, found: actors.Found,
                 tmap: dict[int, Timex]) -> list[events.Candidate]:
    return events.find_candidates(doc, layout.sentences, set(layout.headline), found, layout.quotes,
                                  tmap, article.published)


def stage_link(doc: Doc, article: Article, layout: Layout, cands: list[events.Candidate],
               tmap: dict[int, Timex]) -> list[Event]:
    """Give each candidate its time (see extract/linking.py) and build the events. A candidate that is
    only worth a row with a date of its own ("X said", "before he left") and has none is dropped; an
    actual event dated after the publication date is planned."""
    lex = events.lexicon()
    dated: list[tuple[events.Candidate, Timex]] = []
    inherited: list[tuple[events.Candidate, Timex]] = []   # actual events dated from their context
    out = []
    for cand in sorted(cands, key=lambda c: c.token):
        tx = linking.attach(doc, cand, tmap, lex)
        if tx is None and cand.unattributed:
            continue   # with neither people nor a date of its own, nothing says which event it is
        if tx is not None:
            tx = linking.past_year(doc, cand, tx, article.published)
        kept_undated = False
        if tx is None:
            tx = linking.planned_day_passed(doc, cand, tmap, lex, article.published)
        if tx is None and cand.reference:
            # a lead-up's day is its clause's, a gap before ("a day after Trump floated the idea") first
            tx, kept_undated = linking.lead_up_time(doc, cand, tmap, dated, lex, article.published)
        if tx is None and cand.type == "statement" and not kept_undated:
            tx = linking.occasion(doc, cand, dated, lex, published=article.published, inherited=inherited)
        elif tx is None and cand.status == "actual" and not kept_undated:
            # "Following the talks in Abu Dhabi, Putin departed for Riyadh": the day of those talks
            tx = linking.occasion(doc, cand, dated, lex) or linking.told_before(doc, cand, dated)
        if tx is None and cand.needs_own_time and not kept_undated:
            continue
        if tx is None:
            if not kept_undated:
                tx = linking.inherit(doc, cand, dated, lex, published=article.published)
            if tx is None and not kept_undated:
                tx = linking.news_perfect(doc, cand, tmap, dated, lex, article.published)
            if tx is not None and cand.status == "actual":
                inherited.append((cand, tx))
        elif cand.status == "actual":
            dated.append((cand, tx))
        status = cand.status
        if status == "actual" and tx is not None and linking.is_future(tx, article.published):
            status = "planned"
        out.append(_event(article, layout, doc, cand, tx, status))
    return out


def _event(article: Article, layout: Layout, doc: Doc, cand: events.Candidate, tx: Timex | None,
           status: str) -> Event:
    sent = layout.sentences[cand.sentence]
    text = article.text[sent.start_char:sent.end_char]
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    names = tuple(m.actor.id for m in cand.mentions)
    countries = tuple(sorted({m.actor.country for m in cand.mentions if m.actor.country}))
    trig = doc[cand.token]
    return Event(
        id=merge.event_id(cand.type, names, tx, cand.location, cand.trigger.id),
        doc=article.doc, type=cand.type, plover=events.plover(cand.trigger, status), trigger=trig.text,
        actors=names, status=status, sentence=article.text[start:end], span=(start, end),
        time=tx, location=cand.location,
        confidence=cand.trigger.confidence * (1.0 if names else 0.6),
        sources=(Source(article.doc, (start, end), article.title,
                        article.published.isoformat() if article.published else None),),
        countries=countries, trigger_span=(trig.idx, trig.idx + len(trig.text)),
        actor_spans=tuple((m.start, m.end) for m in cand.mentions))


def document_events(article: Article, text: str, doc: Doc) -> list[Event]:
    """Every stage after the parse, for one article."""
    layout = stage_sentences(doc, text, article.title)
    times = stage_times(text, article)
    found = stage_actors(doc, article, times, layout)
    tmap = linking.timex_tokens(doc, times)
    cands = stage_events(doc, article, layout, found, tmap)
    return merge.dedupe_document(stage_link(doc, article, layout, cands, tmap))


def process(article: Article) -> list[Event]:
    """Run every stage on one article; events are not yet merged across documents."""
    text = stage_datelines(stage_clean(article))
    return document_events(article, text, nlp.parse(text))


def _cleaned(articles: Iterable[Article]):
    """(text to parse, (article, text)) pairs, one article at a time."""
    for article in articles:
        text = stage_datelines(stage_clean(article))
        yield text, (article, text)


def extract_articles(articles: Iterable[Article],
                     failures: list[DocumentFailure] | None = None) -> list[Event]:
    """Process each article and merge the same event across documents into one row.

    Articles stream through the batched parse: only a batch of Docs is alive at a time and each
    article's Events are all that is kept, so memory grows with the events, not with the Docs.
    Given a ``failures`` list, an article on which a stage raises is recorded there and the batch
    goes on; without one, the exception propagates.
    """
    found: list[Event] = []
    for doc, (article, text) in nlp.parse_many(_cleaned(articles), as_tuples=True):
        try:
            found.extend(document_events(article, text, doc))
        except Exception as exc:  # one article's failure must not cost the batch its other articles
            if failures is None:
                raise
            failures.append(DocumentFailure(article.path or article.doc, Errors.E023.format(
                detail=f"{type(exc).__name__}: {exc}")))
    return merge.merge_events(found)

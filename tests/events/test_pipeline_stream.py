"""extract_articles streams: articles are pulled through the batched parse as they are needed, only
a batch of Docs is alive at a time, and the result is what one-by-one processing gives."""

import datetime as dt
import gc
import weakref

from extract import merge, nlp, pipeline
from extract.types import Article

TEXTS = ["Trump met Kim Jong Un in Singapore on June 12.",
         "Moon Jae-in will visit Pyongyang in September, his office said on Monday.",
         "North Korea called off talks with South Korea scheduled for Wednesday.",
         "Mike Pompeo arrived in Pyongyang on Saturday.\nHe met Kim Yong Chol the next day."]


def articles(n: int, pulled: list):
    for i in range(n):
        pulled.append(i)
        yield Article(f"a{i}", TEXTS[i % len(TEXTS)], dt.date(2018, 5, 1) + dt.timedelta(days=i))


def test_articles_stream_through_and_docs_do_not_pile_up(run, monkeypatch):  # noqa: ARG001
    pulled, alive, lead, live = [], [], [], []
    real = pipeline.document_events

    def spy(article, text, doc):
        alive.append(weakref.ref(doc))
        gc.collect()
        live.append(sum(ref() is not None for ref in alive))
        lead.append(len(pulled) - int(article.doc[1:]))
        return real(article, text, doc)

    monkeypatch.setattr(pipeline, "document_events", spy)
    n = 3 * nlp.BATCH_SIZE + 5
    pipeline.extract_articles(articles(n, pulled))
    gc.collect()
    assert len(pulled) == n
    assert max(lead) <= nlp.BATCH_SIZE + 1        # never read far ahead of the parse
    assert max(live) <= nlp.BATCH_SIZE            # a processed article's Doc is let go


def test_streaming_gives_what_one_by_one_processing_gives(run):  # noqa: ARG001
    batch = list(articles(2 * len(TEXTS), []))
    one_by_one = merge.merge_events([e for a in batch for e in pipeline.process(a)])
    assert pipeline.extract_articles(iter(batch)) == one_by_one
    assert one_by_one, "the texts name events"


def test_a_line_break_ends_a_sentence(run):  # noqa: ARG001
    doc = nlp.parse("Talks resumed\nKim met Moon in Panmunjom on Sunday\n\n  Trump said so.")
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == \
        ["Talks resumed", "Kim met Moon in Panmunjom on Sunday", "Trump said so."]


def test_an_article_a_stage_fails_on_is_reported_and_the_batch_goes_on(run, monkeypatch):  # noqa: ARG001
    real = pipeline.document_events

    def breaks_on_a1(article, text, doc):
        if article.doc == "a1":
            raise ValueError("boom")
        return real(article, text, doc)

    monkeypatch.setattr(pipeline, "document_events", breaks_on_a1)
    failures = []
    events = pipeline.extract_articles(articles(3, []), failures)
    assert {s.doc for e in events for s in e.sources} == {"a0", "a2"}
    (failure,) = failures
    assert failure.path == "a1" and "ValueError: boom" in failure.reason and "report it" in failure.reason
    try:
        pipeline.extract_articles(articles(3, []))
    except ValueError as exc:                # without a failures list the caller sees the exception
        assert str(exc) == "boom"
    else:
        raise AssertionError("the failure was swallowed")

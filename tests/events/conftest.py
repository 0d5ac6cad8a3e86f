import datetime as dt

import pytest

from extract import nlp
from extract.types import Article



@pytest.fixture(scope="session")
def run():
    """Extract the events of a text (the spaCy model loads once per session)."""
    from extract.pipeline import process

    nlp.parse("Warm up.")

    def _run(text: str, published: dt.date | str, doc: str = "t"):
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        return process(Article(doc=doc, text=text, published=published))

    return _run

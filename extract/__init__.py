"""diplomatic-timeline's extractor: news articles in, dated actor-tagged events out."""

__version__ = "0.1.0"

"""create_app(events) -> Dash: the dashboard on a list of events."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from dash import Dash

from dashboard import callbacks, layout, view
from dashboard.data import DatasetStore
from extract.types import Event

ASSETS = Path(__file__).resolve().parents[1] / "assets"
MAX_UPLOAD_MB = 5


def _read_upload(filename, content, published):
    from extract.readers import read_upload

    return read_upload(filename, content, published)


def _extract(articles):
    from extract.pipeline import extract_articles

    return extract_articles(articles)


def _merge(events):
    from extract.merge import merge_events

    return merge_events(events)


def create_app(events: Iterable[Event], *, read_upload: Callable = _read_upload,
               extract: Callable = _extract, merge: Callable = _merge,
               max_upload_mb: int = MAX_UPLOAD_MB, title: str = view.TITLE) -> Dash:
    """The dashboard on ``events``. The upload steps are the extractor's by default; tests pass
    small fakes. The events live in ``app.timeline_store``, on the server, keyed by version."""
    store = DatasetStore(events)
    app = Dash(__name__, assets_folder=str(ASSETS), title=title, update_title=None)
    # Uploads arrive base64-encoded inside the callback request: refuse absurd bodies outright
    # (several files of the per-file limit still fit); each file's own limit is checked later.
    app.server.config["MAX_CONTENT_LENGTH"] = 8 * max_upload_mb * 1024 * 1024

    def page():
        data = store.current
        return layout.build_layout(data.options, data.version, max_upload_mb=max_upload_mb,
                                   date_bounds=data.date_bounds, title=title)

    app.layout = page
    callbacks.register(app, store, callbacks.Services(
        read_upload=read_upload, extract=extract, merge=merge,
        max_upload_bytes=max_upload_mb * 1024 * 1024))
    app.timeline_store = store
    return app

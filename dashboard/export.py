"""Server-side image export through one long-lived kaleido browser.

Starting Chromium costs seconds; a warm export well under one. So the first export starts
kaleido's sync server and every later one reuses it, one at a time (kaleido's server is a
process-wide singleton, and a lock keeps concurrent Dash requests from interleaving).
"""

from __future__ import annotations

import atexit
import threading

FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
WIDTH = 1400

_lock = threading.Lock()
_started = False


def _ensure_server() -> None:
    global _started
    if not _started:
        import kaleido

        # kaleido 1.x finds /usr/bin/chromium by itself; BROWSER_PATH in the environment forces one.
        kaleido.start_sync_server(silence_warnings=True)
        atexit.register(kaleido.stop_sync_server, silence_warnings=True)
        _started = True


def render(fig: dict, fmt: str, width: int = WIDTH) -> bytes:
    """The figure (a plotly figure dict) as PNG, SVG or PDF bytes, at the figure's own height."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}: choose one of {', '.join(FORMATS)}")
    import kaleido

    height = fig["layout"].get("height") or 600
    opts = {"format": fmt, "width": width, "height": height, "scale": 2 if fmt == "png" else 1}
    with _lock:
        _ensure_server()
        return kaleido.calc_fig_sync(fig, opts=opts)

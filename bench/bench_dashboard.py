"""Dashboard figures at 1k, 10k and 100k synthetic events (bench/make_events.py).

    .venv/bin/python bench/bench_dashboard.py [--sizes 1000 10000 100000] [--no-browser]

For each size it prints:
- filter callback: server time of the real update callback (filters -> chart, table, summary),
  sent through Flask's test client exactly as the browser sends it, cache cleared each time;
  median and worst of REPEAT runs per scenario;
- payload: bytes of that callback's JSON response;
- page load -> drawn chart: headless Chromium, from navigation to a chart with its marks
  (first load with a cold cache, then the median of warm reloads);
and once, the time of a warm PNG export through the kept-alive kaleido server.
Targets at 100k: < 150 ms per update, < 2 MB per update, chart drawn < 2 s; warm PNG < 1 s.
Timings on a shared 2-core machine are noisy.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_events import make_events

from dashboard import ids, view
from dashboard.app import create_app
from dashboard.callbacks import CONTROLS

REPEAT = 5
logging.getLogger("werkzeug").setLevel(logging.WARNING)   # one line per request otherwise
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _update_request(app, controls: dict, view_range=None) -> dict:
    """The JSON body the browser posts when a filter (or the zoom) changes."""
    [key] = [k for k in app.callback_map if f"{ids.TIMELINE_GRAPH}.figure" in k and "@" not in k]
    values = {f"{i}.{p}": controls.get(f"{i}.{p}") for i, p in CONTROLS}
    values.update({f"{ids.URL}.search": "", f"{ids.VIEW_STORE}.data": view_range,
                   f"{ids.DATASET_VERSION}.data": 0, f"{ids.SELECTED_STORE}.data": None,
                   f"{ids.EVENT_TABLE}.sort_by": [], f"{ids.EVENT_TABLE}.page_current": 0,
                   f"{ids.LANE_MODE}.value": "actor"})
    inputs = [{"id": d["id"], "property": d["property"], "value": values[f"{d['id']}.{d['property']}"]}
              for d in app.callback_map[key]["inputs"]]
    outputs = [{"id": p.rsplit(".", 1)[0], "property": p.rsplit(".", 1)[1]}
               for p in key.strip(".").split("...")]
    changed = f"{ids.VIEW_STORE}.data" if view_range else f"{ids.ACTOR_FILTER}.value"
    return {"output": key, "outputs": outputs, "inputs": inputs, "changedPropIds": [changed],
            "state": []}


def bench_callback(app, scenarios) -> list[tuple[str, float, float, int]]:
    client = app.server.test_client()
    client.get("/")          # the first request builds Dash's index and callback list
    out = []
    for name, controls, view_range in scenarios:
        body = _update_request(app, controls, view_range)
        times, size = [], 0
        for _ in range(REPEAT):
            view.clear_cache()
            t0 = time.perf_counter()
            resp = client.post("/_dash-update-component", data=json.dumps(body),
                               content_type="application/json")
            times.append(time.perf_counter() - t0)
            assert resp.status_code == 200, resp.data[:500]
            size = len(resp.data)
        out.append((name, statistics.median(times) * 1000, max(times) * 1000, size))
    return out


def bench_browser(app, reloads: int = 3) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/"
    drawn = ("() => { const g = document.querySelector('#timeline-graph .js-plotly-plot');"
             " return g && g._fullData && g._fullData.some(t => t.customdata && t.customdata.length); }")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            times = []
            for _ in range(reloads + 1):
                view.clear_cache()
                t0 = time.perf_counter()
                page.goto(url)
                page.wait_for_function(drawn, timeout=60_000)
                times.append(time.perf_counter() - t0)
            browser.close()
    finally:
        server.shutdown()
    return times[0], statistics.median(times[1:])


def bench_export(app) -> float:
    from dashboard.export import render

    data = app.timeline_store.current
    current = view.compute(data, view.filters.ViewState())
    fig = view.figure(data, current, webgl=False)
    render(fig, "png")                       # starts the one kaleido server
    t0 = time.perf_counter()
    render(fig, "png")
    return time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--no-browser", action="store_true", help="skip the page-load timing")
    args = ap.parse_args(argv)
    print(f"{'events':>7} {'scenario':<28} {'median ms':>9} {'max ms':>7} {'payload KB':>10}")
    app = None
    for n in args.sizes:
        t0 = time.perf_counter()
        app = create_app(make_events(n))
        build = time.perf_counter() - t0
        busiest = app.timeline_store.current.options["actor"][0]["value"]
        scenarios = [
            ("no filter", {}, None),
            ("actor", {f"{ids.ACTOR_FILTER}.value": [busiest]}, None),
            ("type + status + text", {f"{ids.TYPE_FILTER}.value": ["meeting", "summit"],
                                      f"{ids.STATUS_FILTER}.value": ["actual"],
                                      f"{ids.TEXT_FILTER}.value": "hanoi"}, None),
            ("date range", {f"{ids.DATE_RANGE}.start_date": "2018-01-01",
                            f"{ids.DATE_RANGE}.end_date": "2018-12-31"}, None),
            ("zoomed to one month", {}, ["2018-06-01T00:00:00", "2018-07-01T00:00:00"]),
        ]
        for name, median, worst, size in bench_callback(app, scenarios):
            print(f"{n:>7} {name:<28} {median:>9.0f} {worst:>7.0f} {size / 1024:>10.0f}")
        if not args.no_browser:
            cold, warm = bench_browser(app)
            print(f"{n:>7} page load -> drawn chart: cold {cold:.2f} s, warm {warm:.2f} s "
                  f"(app build {build:.1f} s)")
        sys.stdout.flush()
    print(f"warm PNG export ({args.sizes[-1]} events): {bench_export(app):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

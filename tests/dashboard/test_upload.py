"""The upload callback, called without a browser (its Dash wrapper unwrapped)."""

from __future__ import annotations

import base64

from dashboard import ids
from dashboard.app import create_app
from extract.errors import InputError


def _upload_callback(app):
    return next(v["callback"].__wrapped__ for k, v in app.callback_map.items() if ids.UPLOAD_MESSAGE in k)


def test_upload_messages_come_in_file_name_order_whatever_order_the_browser_sends():
    def refuse(name, content, published):
        raise InputError(name, "not an article")

    upload = _upload_callback(create_app([], read_upload=refuse))
    body = "data:text/plain;base64," + base64.b64encode(b"text").decode()
    for names in (["b.txt", "a.txt", "c.txt"], ["c.txt", "b.txt", "a.txt"]):
        message = upload([body] * 3, names, "2018-10-07")[1]
        assert [li.children.split(":")[0] for li in message.children] == ["a.txt", "b.txt", "c.txt"]

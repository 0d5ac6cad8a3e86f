"""Golden input cases: tests/cases/inputs/{good,bad}/NAME.ext against expected/NAME.json.

Adding a case means adding a file (and its expectation); see tests/cases/inputs/README.md.
"""

import datetime as dt
import json
from pathlib import Path

import pytest

from extract.errors import InputError
from extract.readers import expand, read_path

CASES = Path(__file__).resolve().parents[1] / "cases" / "inputs"


def _expected(path: Path) -> dict:
    return json.loads((CASES / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))


GOOD = expand(CASES / "good")
BAD = expand(CASES / "bad")


def test_every_case_has_an_expectation_and_every_expectation_a_case():
    stems = sorted(p.stem for p in GOOD + BAD)
    assert stems == sorted(p.stem for p in (CASES / "expected").glob("*.json"))


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_good_input_reads_into_the_expected_article(path):
    want = _expected(path)
    article = read_path(path)
    assert article.doc == want["doc"]
    assert article.published == dt.date.fromisoformat(want["published"])
    assert article.title == want["title"]
    assert article.source == want["source"]
    assert article.text == want["text"]
    assert article.path == str(path)


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_bad_input_is_refused_with_a_message_naming_the_file(path):
    with pytest.raises(InputError) as err:
        read_path(path)
    assert Path(err.value.path).stem == path.stem   # the file itself, or its sidecar
    assert _expected(path)["error"] in err.value.message
    assert str(err.value).startswith(err.value.path + ": ")

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from extract.clean import RESOURCE, boilerplate_spans, clean, patterns

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "pompeo-pyongyang-2018-10-07.txt"
DATA = yaml.safe_load(RESOURCE.read_text(encoding="utf-8"))["patterns"]
EXAMPLES = [(p["name"], ex) for p in DATA for ex in p["examples"]]
UNCHANGED = [(p["name"], text) for p in DATA for text in p["unchanged"]]


def _squeeze(text: str) -> str:
    return "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")).strip()


@pytest.mark.parametrize("name, example", EXAMPLES, ids=[n for n, _ in EXAMPLES])
def test_every_example_is_blanked_by_its_own_pattern(name, example):
    regex = next(p.regex for p in patterns() if p.name == name)
    assert regex.search(example["text"]), f"{name} does not match its example"
    cleaned = clean(example["text"])
    assert len(cleaned) == len(example["text"])
    assert _squeeze(cleaned) == _squeeze(example.get("keep", ""))


@pytest.mark.parametrize("name, text", UNCHANGED, ids=[n for n, _ in UNCHANGED])
def test_article_text_is_left_alone(name, text):
    assert clean(text) == text


def test_seed_boilerplate_is_blanked_and_nothing_else():
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    cleaned = clean(text)
    pairs = [(line, new) for line, new in zip(text.split("\n"), cleaned.split("\n")) if line != new]
    read_more = ("Read more: U.S. and North Korea Agree to New Summit Meeting, South Korea Says - "
                 "The New York Times")
    assert [line for line, _ in pairs] == [read_more, "No comments found"]
    assert all(new.strip() == "" for _, new in pairs)


def test_offsets_still_index_the_original():
    text = "Kim met Moon.\nAdvertisement\nThey agreed (AP Photo/Lee Jin-man) to meet again.\n"
    cleaned = clean(text)
    start = text.index("They agreed")
    assert cleaned[start:start + 11] == "They agreed"
    assert cleaned.index("to meet again") == text.index("to meet again")


LINES = st.sampled_from([p["examples"][0]["text"] for p in DATA] + [u for _, u in UNCHANGED]
                        + ["", "Kim met Moon.", "  ", "Read more", "\r"])


@given(st.lists(LINES, max_size=12).map("\n".join) | st.text(max_size=300))
def test_clean_keeps_length_and_line_breaks_and_only_writes_spaces(text):
    cleaned = clean(text)
    assert len(cleaned) == len(text)
    for old, new in zip(text, cleaned):
        assert new == old or (new == " " and old not in "\r\n")
    assert clean(cleaned) == cleaned


def test_spans_are_sorted_and_inside_the_text():
    text = "Share this article\nPhoto: AFP\nKim met Moon.\nNo comments found"
    spans = boilerplate_spans(text)
    assert spans == sorted(spans)
    assert [text[s:e] for s, e in spans] == ["Share this article", "Photo: AFP", "No comments found"]

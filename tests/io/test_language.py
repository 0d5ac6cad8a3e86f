import re
from pathlib import Path

import pytest
import yaml

from extract.language import ENGLISH, RESOURCE, detect, language_name

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CASES = Path(__file__).resolve().parents[1] / "cases" / "language"
DATA = yaml.safe_load(RESOURCE.read_text(encoding="utf-8"))
EXAMPLES = [(code, text) for section in ("languages", "scripts")
            for code, entry in DATA[section].items() for text in entry["examples"]]


@pytest.mark.parametrize("code, text", EXAMPLES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(EXAMPLES)])
def test_every_example_is_detected_as_its_language(code, text):
    assert detect(text) == code


SAMPLES = [(path.stem, line) for path in sorted(CASES.glob("*.txt"))
           for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("code, text", SAMPLES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(SAMPLES)])
def test_every_case_sample_is_detected_as_its_language(code, text):
    assert detect(text) == code


def test_every_case_file_names_a_known_language():
    known = set(DATA["languages"]) | set(DATA["scripts"])
    assert {code for code, _ in SAMPLES} <= known
    assert len(SAMPLES) >= 40


def _english_samples() -> list[str]:
    """Short English news samples: windows of 12 words from the TimeML news wire texts."""
    train = SHARED / "timeml" / "train"
    if not train.is_dir():
        pytest.skip(f"shared TimeML data not found at {train}")
    samples = []
    for path in sorted(train.glob("*.tml"))[:120]:
        text = re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8").split("<TEXT>", 1)[1])
        words = text.split()
        samples += [" ".join(words[i:i + 12]) for i in range(0, min(len(words), 240), 60)]
    return samples


def test_short_english_news_samples_are_english():
    samples = _english_samples()
    wrong = [s for s in samples if detect(s) != ENGLISH]
    assert len(samples) > 300
    assert wrong == []


def test_seed_article_is_english():
    seed = SHARED / "seed" / "pompeo-pyongyang-2018-10-07.txt"
    if not seed.is_file():
        pytest.skip(f"seed article not found at {seed}")
    assert detect(seed.read_text(encoding="utf-8")) == ENGLISH


@pytest.mark.parametrize("text", [
    "", "2018-10-07", "Kim Jong Un", "Pyongyang, Seoul, Tokyo",
    "Moon Jae-in, Kim Jong-un, Xi Jinping, Vladimir Putin, Shinzo Abe, Donald Trump",
])
def test_too_little_to_tell_counts_as_english(text):
    assert detect(text) == ENGLISH


@pytest.mark.parametrize("text", [
    "Ursula von der Leyen met Charles de Gaulle and Juan de la Cruz in La Paz on Monday.",
    "Los Angeles, Las Vegas and El Paso mayors meet Le Pen.",
    "I said I would go, and I did, he told reporters.",
    "Señor Pérez and Herr Müller signed the accord in São Paulo.",
])
def test_foreign_names_in_an_english_sentence_keep_it_english(text):
    assert detect(text) == ENGLISH


def test_english_article_quoting_another_language_stays_english():
    text = ("Macron told reporters in Paris on Monday that the talks were useful. \"Nous sommes "
            "prêts\", he said, adding that France would support a second summit between the two "
            "leaders if it led to real steps toward disarmament.")
    assert detect(text) == ENGLISH


def test_a_foreign_article_with_english_names_is_still_foreign():
    text = ("Donald Trump y Kim Jong Un se reunieron en Singapur el 12 de junio. Según la Casa "
            "Blanca, los dos líderes firmaron una declaración conjunta sobre la desnuclearización.")
    assert detect(text) == "es"


def test_language_names_are_given_for_every_code():
    for section in ("languages", "scripts"):
        for code, entry in DATA[section].items():
            assert language_name(code) == entry["name"]

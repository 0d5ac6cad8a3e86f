import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.errors import Errors, InputError
from extract.readers import MAX_BYTES, expand, parse_date, read_inputs, read_path, read_upload

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seed"
D = dt.date(2018, 10, 7)
TEXT = "Pompeo met Kim Jong Un in Pyongyang on Sunday and said the talks went well.\n"


def _txt(folder: Path, name: str, text: str = TEXT, sidecar: dict | None = None) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    if sidecar is not None:
        path.with_suffix(".json").write_text(json.dumps(sidecar), encoding="utf-8")
    return path


def test_txt_text_is_kept_exactly_as_decoded(tmp_path):
    raw = "Headline\r\n\r\n  Kim\u00a0met   Moon on Friday at the border village.\t\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    article = read_path(path, published=D)
    assert article.text == raw
    assert article.doc == "a"


def test_sidecar_gives_date_title_and_source(tmp_path):
    path = _txt(tmp_path, "story.txt", sidecar={"published": "2018-10-07", "title": "T", "source": "S"})
    article = read_path(path)
    assert (article.published, article.title, article.source) == (D, "T", "S")


def test_published_argument_overrides_the_sidecar(tmp_path):
    path = _txt(tmp_path, "story.txt", sidecar={"published": "2018-10-07", "title": "T"})
    article = read_path(path, published=dt.date(2019, 2, 28))
    assert article.published == dt.date(2019, 2, 28)
    assert article.title == "T"


def test_published_argument_overrides_the_date_inside_a_json_article(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": TEXT, "published": "2018-10-07"}), encoding="utf-8")
    assert read_path(path, published=dt.date(2020, 1, 1)).published == dt.date(2020, 1, 1)


def test_sidecar_overrides_the_page_date_of_html(tmp_path):
    page = (f'<html><head><meta property="article:published_time" content="2001-01-01"></head>'
            f'<body><p>{TEXT}</p></body></html>')
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    assert read_path(tmp_path / "p.html").published == dt.date(2001, 1, 1)
    (tmp_path / "p.json").write_text('{"published": "2018-10-07"}', encoding="utf-8")
    assert read_path(tmp_path / "p.html").published == D


def test_seed_article_reads_with_its_sidecar():
    if not SEED.is_dir():
        pytest.skip(f"shared data not found at {SEED}")
    article = read_path(SEED / "pompeo-pyongyang-2018-10-07.txt")
    assert article.published == D
    assert article.title.startswith("Pompeo has 'good' meeting")
    raw = (SEED / "pompeo-pyongyang-2018-10-07.txt").read_bytes().decode("utf-8")
    assert article.text == raw


def test_timeml_files_read_with_their_creation_time():
    train = SHARED / "timeml" / "train"
    if not train.is_dir():
        pytest.skip(f"shared TimeML data not found at {train}")
    path = train / "ABC19980108.1830.0711.tml"
    article = read_path(path)
    assert article.published == dt.date(1998, 1, 8)
    assert "<EVENT" not in article.text and "another very bad financial week" in article.text


@pytest.mark.parametrize("value, want", [
    ("2018-10-07", D), ("2018-10-07T23:30:00-04:00", D), ("2018-10-07 08:00", D), (D, D),
])
def test_parse_date_accepts_iso_dates_and_timestamps(value, want):
    assert parse_date(value) == want


@pytest.mark.parametrize("value", ["07/10/2018", "2018-10-7", "2018-13-01", "2018-10-071", "", 20181007])
def test_parse_date_rejects_anything_else(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_enormous_file_is_refused_from_its_size_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)   # sparse: 50 MB on paper, nothing on disk
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read"))
    with pytest.raises(InputError) as err:
        read_path(path, published=D)
    assert err.value.path == str(path)
    assert "50.0 MB; the limit is 5 MB" in err.value.message


def test_file_just_under_the_limit_is_read(tmp_path):
    body = (TEXT * (MAX_BYTES // len(TEXT) + 1))[:MAX_BYTES]
    path = tmp_path / "big.txt"
    path.write_text(body, encoding="utf-8")
    assert len(read_path(path, published=D).text) == MAX_BYTES


def test_missing_path_and_folder_are_named(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_path(tmp_path)


def test_whitespace_only_file_counts_as_empty(tmp_path):
    path = _txt(tmp_path, "blank.txt", " \n\t\n")
    with pytest.raises(InputError, match="empty"):
        read_path(path, published=D)


def test_expand_sorts_and_skips_hidden_files_sidecars_and_annotations(tmp_path):
    _txt(tmp_path, "b.txt", sidecar={"published": "2018-10-07"})
    (tmp_path / "b.gold.json").write_text("{}")
    _txt(tmp_path, "a.txt")
    (tmp_path / "c.json").write_text(json.dumps({"text": TEXT, "published": "2018-10-07"}))
    (tmp_path / ".hidden.txt").write_text(TEXT)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(TEXT)
    (tmp_path / "sub").mkdir()
    _txt(tmp_path / "sub", "d.txt")
    names = [p.relative_to(tmp_path).as_posix() for p in expand(tmp_path)]
    assert names == ["a.txt", "b.txt", "c.json", "sub/d.txt"]


def test_batch_goes_on_past_bad_documents_and_reports_each(tmp_path):
    _txt(tmp_path, "1-good.txt", sidecar={"published": "2018-10-07"})
    (tmp_path / "2-binary.txt").write_bytes(b"\x00\x01\x02")
    _txt(tmp_path, "3-undated.txt")
    _txt(tmp_path, "4-french.txt", "Le ministre a rencontré le dirigeant nord-coréen dimanche "
                                   "à Pyongyang, selon un communiqué de la présidence.",
         sidecar={"published": "2018-10-07"})
    (tmp_path / "5-good.json").write_text(json.dumps({"text": TEXT, "published": "2018-10-08"}))
    articles, failures = read_inputs([tmp_path, tmp_path / "missing.txt"])
    assert [a.doc for a in articles] == ["1-good", "5-good"]
    assert [Path(f.path).name for f in failures] == ["2-binary.txt", "3-undated.txt", "4-french.txt",
                                                      "missing.txt"]
    assert all(f.reason.endswith(".") for f in failures)


def test_batch_published_applies_to_every_input(tmp_path):
    _txt(tmp_path, "a.txt")
    _txt(tmp_path, "b.txt")
    articles, failures = read_inputs([tmp_path], published=D)
    assert failures == [] and [a.published for a in articles] == [D, D]


def test_empty_folder_is_a_failure(tmp_path):
    articles, failures = read_inputs([tmp_path])
    assert articles == [] and failures[0].reason == Errors.E018


# ------------------------------------------------------------------------------------ uploads

def test_upload_reads_like_a_file_and_names_the_upload():
    article = read_upload("dir/story.txt", TEXT.encode(), published=D)
    assert (article.doc, article.text, article.published, article.path) == ("story", TEXT, D, "story.txt")


def test_upload_of_json_and_html_takes_their_own_dates():
    js = json.dumps({"text": TEXT, "published": "2018-10-07"}).encode()
    assert read_upload("a.json", js).published == D
    page = (f'<html><head><meta name="date" content="2018-10-07"></head><body><article><p>{TEXT}</p>'
            f'</article></body></html>').encode()
    assert read_upload("a.html", page).text == TEXT.strip()


@pytest.mark.parametrize("name, content, published, fragment", [
    ("a.txt", TEXT.encode(), None, "Set the publication date before uploading"),
    ("a.txt", b"", D, "empty"),
    ("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00", D, "binary"),
    ("a.txt", "Café".encode("latin-1"), D, "not UTF-8"),
    ("a.pdf", b"%PDF-1.4", D, "unsupported file type '.pdf'"),
    ("a.txt", b"x" * (MAX_BYTES + 1), D, "the limit is 5 MB"),
    ("a.html", b"<html><body><nav><p>Home News Sport</p></nav></body></html>", D, "no article text"),
    ("a.txt", b"Die beiden Staatschefs wollen sich in den kommenden Monaten erneut treffen.", D,
     "looks German"),
])
def test_bad_upload_is_refused_with_a_message_naming_it(name, content, published, fragment):
    with pytest.raises(InputError) as err:
        read_upload(name, content, published=published)
    assert err.value.path == name
    assert fragment in err.value.message


# ------------------------------------------------------------------------------------ html dates

def _page(head: str = "", body_extra: str = "") -> bytes:
    return (f"<html><head>{head}</head><body><nav><time datetime='2030-01-01'>now</time></nav>"
            f"<article>{body_extra}<p>{TEXT}</p></article></body></html>").encode()


@pytest.mark.parametrize("head, body_extra, want", [
    ('<meta property="article:published_time" content="2018-10-07T22:00:00-04:00">', "", D),
    ('<meta property="article:modified_time" content="2019-01-01"><meta name="pubdate" content="20181007">',
     "", D),
    ('<meta itemprop="datePublished" content="Sun, 07 Oct 2018 09:14:00 +0900">', "", D),
    ('<meta name="date" content="October 7, 2018">', "", D),
    ('<script type="application/ld+json">[{"datePublished": "2018-10-07"}]</script>',
     '<time datetime="2017-05-05">', D),
    ('<script type="application/ld+json">{broken</script>', '<time datetime="2018-10-07">Oct 7</time>', D),
    ('<meta name="date" content="soon">', '<time pubdate datetime="2018-10-07">', D),
])
def test_page_date_comes_from_the_most_specific_source(head, body_extra, want):
    assert read_upload("p.html", _page(head, body_extra)).published == want


def test_time_outside_the_article_and_modification_dates_do_not_date_a_page():
    page = _page('<meta property="article:modified_time" content="2019-01-01">')
    with pytest.raises(InputError, match="Set the publication date"):
        read_upload("p.html", page)
    assert read_upload("p.html", page, published=D).published == D


def test_page_text_drops_chrome_and_decodes_entities():
    page = (b"<html><body><header><p>Site name and a long tagline about the world news</p></header>"
            b"<article><p>Kim &amp; Moon met at the border on Friday, officials said.</p>"
            b"<figure><figcaption>Kim and Moon at the border village of Panmunjom</figcaption></figure>"
            b"<script>var ad = 'Kim and Moon'; </script><p>They   agreed\n to meet again.</p></article>"
            b"<footer><p>Copyright 2018 and other legal text nobody reads at all</p></footer></body></html>")
    article = read_upload("p.html", page, published=D)
    assert article.text == ("Kim & Moon met at the border on Friday, officials said.\n\n"
                            "They agreed to meet again.")


def test_second_input_with_the_same_document_id_is_reported(tmp_path):
    (tmp_path / "x").mkdir()
    _txt(tmp_path, "story.txt")
    _txt(tmp_path / "x", "story.txt")
    articles, failures = read_inputs([tmp_path / "story.txt", tmp_path / "x"], published=D)
    assert [a.path for a in articles] == [str(tmp_path / "story.txt")]
    assert failures[0].path == str(tmp_path / "x" / "story.txt")
    assert f"another input, {tmp_path / 'story.txt'}, has the same document id 'story'" in failures[0].reason


def test_a_foreign_article_is_refused_before_it_is_asked_for_a_date(tmp_path):
    path = _txt(tmp_path, "fr.txt", "Les deux dirigeants devraient se revoir dans les prochains mois, "
                                    "selon la présidence.")
    with pytest.raises(InputError, match="looks French"):
        read_path(path)


@given(st.text(min_size=1, max_size=400))
def test_a_txt_upload_is_read_exactly_or_refused_never_altered(text):
    try:
        article = read_upload("a.txt", text.encode("utf-8"), published=D)
    except InputError as err:
        assert err.path == "a.txt" and err.message.endswith(".")
        return
    assert article.text == text

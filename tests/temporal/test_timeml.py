"""TimeML in and out: the text stays identical, gold tags go, our TIMEX3 tags come, bad files say why."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extract.errors import InputError
from extract.temporal import tag
from extract.temporal.timeml import parse, read, render, tag_files

TRAIN = Path(__file__).resolve().parents[2] / ".." / "shared" / "timeml" / "train"

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" temporalFunction="false" functionInDocument="CREATION_TIME">02/27/1998</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-26">Thursday</TIMEX3> it would <SIGNAL sid="s1">in</SIGNAL> March cut 5&#37; of jobs.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
"""


def test_parse_reads_text_dct_and_gold_timexes():
    doc = parse(DOC, "x.tml")
    assert doc.dct == dt.date(1998, 2, 27)
    assert doc.text == "\nAT&T said Thursday it would in March cut 5% of jobs.\n"
    (gold,) = doc.timexes
    assert (doc.text[gold.start:gold.end], gold.value, gold.type) == ("Thursday", "1998-02-26", "DATE")


def test_render_keeps_everything_but_swaps_the_annotation():
    doc = parse(DOC, "x.tml")
    out = render(doc, tag(doc.text, doc.dct))
    assert out.startswith(DOC[:DOC.index("<TEXT>")])          # DCT block and header verbatim
    assert out.endswith(DOC[DOC.index("</TEXT>"):])            # TLINKs after <TEXT> verbatim
    assert "<EVENT" not in out and "<SIGNAL" not in out and "AT&amp;T" in out and "5&#37;" in out
    assert '<TIMEX3 tid="t1" type="DATE" value="1998-02-26">Thursday</TIMEX3>' in out
    assert '<TIMEX3 tid="t2" type="DATE" value="1998-03">March</TIMEX3>' in out
    again = parse(out, "out.tml")
    assert again.text == doc.text                             # characters identical for the scorer
    assert [(t.text, t.value) for t in again.timexes] == [("Thursday", "1998-02-26"), ("March", "1998-03")]


@pytest.mark.parametrize("source,message", [
    (DOC.replace("</TEXT>", ""), "malformed"),
    (DOC.replace('functionInDocument="CREATION_TIME"', ""), "no document creation time"),
    (DOC.replace("<TEXT>", "<BODY>").replace("</TEXT>", "</BODY>"), "0 <TEXT> elements"),
])
def test_bad_files_raise_an_error_naming_the_file(source, message):
    with pytest.raises(InputError, match=message) as info:
        parse(source, "bad.tml")
    assert info.value.path == "bad.tml"


def test_a_batch_writes_the_good_files_and_reports_the_bad(tmp_path):
    (tmp_path / "good.tml").write_text(DOC, encoding="utf-8")
    (tmp_path / "bad.tml").write_text("<TimeML><TEXT>no dct</TEXT></TimeML>", encoding="utf-8")
    (tmp_path / "latin.tml").write_bytes(DOC.replace("AT&amp;T", "caf\xe9").encode("latin-1"))
    out = tmp_path / "out"
    written, failures = tag_files(sorted(tmp_path.glob("*.tml")), out, tag)
    assert [p.name for p in written] == ["good.tml"]
    assert sorted(Path(f.path).name for f in failures) == ["bad.tml", "latin.tml"]
    assert sorted(p.name for p in out.iterdir()) == ["good.tml"]   # no temp files left behind


@pytest.mark.skipif(not TRAIN.is_dir(), reason="the TimeML training set (../shared/timeml) is absent")
def test_real_files_round_trip_with_identical_text(tmp_path):
    paths = sorted(TRAIN.glob("*.tml"))[::40]
    written, failures = tag_files(paths, tmp_path, tag)
    assert not failures and len(written) == len(paths)
    for path in paths:
        gold, ours = read(path), read(tmp_path / path.name)
        assert ours.text == gold.text and ours.dct == gold.dct
        assert ours.timexes

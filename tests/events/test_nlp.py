"""The model runs its matrix products through numpy's BLAS instead of thinc's BLIS kernels (for speed,
see extract/nlp.py). That must not change what the model says: on every golden case article the
tags, trees, sentence starts and NER entities are the ones the stock BLIS model gives."""

from pathlib import Path

from thinc.api import NumpyOps

from extract import nlp

CASES = Path(__file__).resolve().parents[1] / "cases" / "events"


def _analysis(model, texts):
    parse = ["tok2vec", "tagger", "newline_sentences", "parser"]
    with model.select_pipes(enable=parse):
        docs = list(model.pipe(texts))
    ents = [[(e.start, e.end, e.label_) for e in d.ents] for d in model.get_pipe("ner").pipe(docs)]
    trees = [[(t.tag_, t.dep_, t.head.i, t.is_sent_start) for t in d] for d in docs]
    return trees, ents


def test_every_layer_runs_on_numpy_blas():
    model = nlp._model()
    ops = {type(node.ops).__name__ + (":blis" if getattr(node.ops, "use_blis", False) else "")
           for _, component in model.components if hasattr(component, "model")
           for node in component.model.walk()}
    assert ops == {NumpyOps.__name__}


def test_numpy_blas_gives_the_same_analysis_as_blis():
    texts = [p.read_text(encoding="utf-8") for p in sorted(CASES.glob("*.txt"))]
    assert len(texts) >= 8
    fast, stock = _analysis(nlp._model(), texts), _analysis(nlp._model(use_blis=True), texts)
    assert fast[0] == stock[0]
    assert fast[1] == stock[1]


def test_a_line_after_a_headline_keeps_its_compound_subject_in_one_sentence():
    # The parser used to cut "Moon | and Kim signed ..." after a headline with no final stop.
    doc = nlp.parse("Leaders declare end of war\n\nMoon and Kim signed the declaration on Friday.\nYes. No.")
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences == ["Leaders declare end of war", "Moon and Kim signed the declaration on Friday.",
                         "Yes.", "No."]

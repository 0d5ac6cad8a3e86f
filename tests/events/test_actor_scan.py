"""The gazetteer scan and the NER windows: the shortcuts they take must not change what they find."""

import spacy

from extract import actors, nlp


def test_every_alias_fits_the_length_the_scan_tries_for_its_first_word():
    gaz = actors.gazetteer()
    for key in gaz.index:
        if key:
            # a longer alias could never match: raise MAX_ALIAS_TOKENS or shorten the alias
            assert len(key) <= actors.MAX_ALIAS_TOKENS, key
            assert gaz.longest[key[0]] >= len(key), key


def test_scan_takes_the_longest_alias_over_its_prefixes():
    gaz = actors.gazetteer()
    multi = [k for k in gaz.index
             if 1 < len(k) <= actors.MAX_ALIAS_TOKENS and gaz.index[k].kind == "name"][:50]
    tokenizer = spacy.blank("en").tokenizer
    for key in multi:
        alias = " ".join(w.capitalize() if not w.isupper() else w for w in key)
        doc = tokenizer(f"Yesterday {alias} arrived .")
        hits = actors._scan(actors._Columns.of(doc), gaz, set())
        assert any(e - s >= len(key) and s == 1 for s, e, _ in hits), (alias, hits)


def test_a_repeated_window_reads_as_if_read_alone():
    sentence = "Envoy Yoon Young-chan met officials in Oslo."
    doc = nlp.parse(f"{sentence} {sentence}")
    sents = list(doc.sents)
    windows = [sents[0][:], sents[1][:]]
    together = nlp.people(windows)
    alone = [nlp.people([w])[0] for w in windows]
    assert together == alone
    shift = windows[1].start_char - windows[0].start_char
    assert together[1] == [(a + shift, b + shift) for a, b in together[0]]


def test_a_name_ner_cuts_in_two_is_one_person_and_a_repeated_name_is_read_once(monkeypatch):
    doc = nlp.parse("The envoy Hina Rabbani Khar flew in. Then the envoy Hina Rabbani Khar spoke.")
    cols = actors._Columns.of(doc)
    calls = []

    def split_ner(windows):   # the small model sometimes ends a person at a middle name
        calls.append(len(windows))
        out = []
        for w in windows:
            first = next(t for t in w if t.text == "Hina")
            out.append([(first.idx, first.idx + len("Hina Rabbani")),
                        (first.idx + len("Hina Rabbani "), first.idx + len("Hina Rabbani Khar"))])
        return out

    monkeypatch.setattr(actors.nlp, "people", split_ner)
    found = [doc[a:b].text for a, b in actors._ner_people(doc, cols, set())]
    assert found == ["Hina Rabbani Khar", "Hina Rabbani Khar"]
    assert calls == [1]   # one window: the second mention takes the first one's reading


def test_names_match_with_or_without_their_accents():
    import datetime as dt

    # the gazetteer writes "Pedro Sánchez" and "Recep Tayyip Erdogan"; news writes either
    doc = nlp.parse("Pedro Sanchez met Recep Tayyip Erdoğan in Ankara. Sánchez then met Erdoğan's ministers.")
    found = actors.find(doc, dt.date(2023, 5, 1))
    by_text = {m.text: m.actor.id for m in found.mentions}
    assert by_text["Sánchez"] == "Pedro Sánchez"
    assert by_text["Erdoğan"] == "Recep Tayyip Erdogan"
    assert actors._norm("Niinistö") == "niinisto" and actors._norm("Kılıçdaroğlu") == "kilicdaroglu"


def test_a_counterpart_of_a_named_state_is_that_states_person():
    import datetime as dt

    doc = nlp.parse("Park Jin flew to Beijing on Sunday. Antony Blinken met Wang Yi in Beijing on Monday. "
                    "Wang later called his South Korean counterpart.")
    found = actors.find(doc, dt.date(2023, 5, 1))
    assert {m.text: m.actor.id for m in found.mentions}["counterpart"] == "Park Jin"


def test_short_state_names_and_capitals_as_subjects_are_states():
    import datetime as dt

    doc = nlp.parse("The UK has agreed to hand over the islands. Britain said Türkiye and the DRC were "
                    "consulted. London welcomed the deal, and Hanoi, where the summit was held, protested.")
    found = actors.find(doc, dt.date(2024, 10, 3))
    by_text = {m.text: m.actor.id for m in found.mentions}
    assert by_text["The UK"] == by_text["Britain"] == by_text["London"] == "United Kingdom"
    assert (by_text["Türkiye"], by_text["DRC"]) == ("Turkey", "Democratic Republic of the Congo")
    assert by_text["Hanoi"] == "Vietnam"   # a summit venue and a capital: as a subject, the state


def test_the_plain_word_shortcut_keys_every_alias_as_the_tokenizer_does():
    import yaml

    data = yaml.safe_load((actors.RESOURCES / "actors.yaml").read_text(encoding="utf-8"))
    aliases = [a for section in ("people", "states", "organisations") for e in data[section]
               for a in (e["name"], *(e.get("aliases") or ()), *(e.get("capitals") or ()))]
    tokenizer = actors._tokenizer()
    plain = [a for a in aliases if actors._PLAIN_WORDS.fullmatch(a)]
    assert len(plain) > 1000   # the shortcut is what keys most of them
    for alias in plain:
        assert actors._key(alias) == tuple(actors._norm(t.text) for t in tokenizer(alias)), alias

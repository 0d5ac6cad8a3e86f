"""Data integrity of the events/actors YAML, and every example in them holds through the pipeline."""

import datetime as dt
import re

import pytest
import yaml

from extract import actors, events
from extract.types import EVENT_TYPES

RES = actors.RESOURCES


class StrictLoader(yaml.SafeLoader):
    """Rejects a key given twice in one mapping, which plain YAML loading silently resolves to the last."""


def _no_duplicates(loader, node, deep=False):
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    duplicated = {k for k in keys if keys.count(k) > 1}
    if duplicated:
        raise ValueError(f"duplicate keys {sorted(map(str, duplicated))} at line {node.start_mark.line + 1}")
    return loader.construct_mapping(node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def _load(name: str):
    return yaml.load((RES / name).read_text(encoding="utf-8"), Loader=StrictLoader)


EVENTS = _load("events.yaml")
ACTORS = _load("actors.yaml")
COUNTRIES = _load("countries.yaml")
PLOVER = {"AGREE", "CONSULT", "REJECT", "DEMAND", "DISAPPROVE", "THREATEN", "SANCTION", "SUPPORT", "COERCE",
          "CONCEDE", "RETREAT", ""}

TRIGGER_EXAMPLES = [(t["type"], ex) for t in EVENTS["triggers"] for ex in t["examples"]]
TRIGGER_IDS = [f"{t['id']}-{i}" for t in EVENTS["triggers"] for i, _ in enumerate(t["examples"])]
ACTOR_EXAMPLES = [ex for section in ("people", "states", "organisations", "roles")
                  for e in ACTORS[section] for ex in e.get("examples", ())]


def test_trigger_entries_are_well_formed():
    ids, forms = set(), {}
    for t in EVENTS["triggers"]:
        assert set(t) <= {"id", "pos", "forms", "type", "plover", "confidence", "particle", "report",
                          "needs_time", "person_object", "actor_object", "place_object", "presence", "absorbs",
                          "intransitive", "by_means", "infinitive", "reciprocal",
                          "objects", "modifiers", "place_preps", "examples"}, t["id"]
        # a place is named through prepositions, only on a presence trigger
        assert not t.get("place_preps") or t.get("presence") and all(
            isinstance(p, str) and p == p.lower() for p in t["place_preps"]), t["id"]
        assert t["id"] not in ids
        ids.add(t["id"])
        assert t["type"] in EVENT_TYPES and t["plover"] in PLOVER and t["pos"] in ("verb", "noun")
        assert t["examples"], f"{t['id']} has no example"
        for f in t["forms"]:
            assert f == f.lower(), f
            forms.setdefault((t["pos"], f), []).append(
                (t["id"], frozenset(t.get("particle", ())), bool(t.get("person_object") or t.get("objects"))))
        assert all(o == o.lower() for o in t.get("objects", ())), t["id"]
    # A form may open several entries only when their particles ("call off", "call on"), a person as
    # object ("welcomed Kim", "welcomed the deal") or an object word ("cut ties") tell them apart.
    for (pos, f), entries in forms.items():
        if len(entries) > 1:
            particles = [p for _, p, _ in entries]
            unbound = [person for _, p, person in entries if not p]
            assert pos == "verb" and sum(not person for person in unbound) <= 1, f"{f} listed twice: {entries}"
            # a shared particle is told apart only by a person object ("called on Modi" / "called on
            # both countries to"): at most one entry per particle without one
            for word in frozenset().union(*particles):
                sharing = [person for _, p, person in entries if word in p]
                assert sum(not person for person in sharing) <= 1, f"{f} {word!r}: {entries}"


def test_participation_prepositions_are_words():
    # YAML reads a bare on/off/yes/no key as a boolean: such a preposition would never match
    assert all(isinstance(p, str) for p in EVENTS["participation"]), list(EVENTS["participation"])


def test_forward_sequencers_are_sequencers():
    # a "before" that is no sequencer would never be read as one, whatever forward_sequencers says
    assert set(EVENTS["forward_sequencers"]) <= set(EVENTS["sequencers"])


def test_status_lexicons_are_lower_case_and_unique():
    lists = {"partitives": EVENTS["partitives"],
             "hosting_verbs": EVENTS["hosting_verbs"], "group_nouns": EVENTS["group_nouns"],
             "people_nouns": EVENTS["people_nouns"], "scheduling_governors": EVENTS["scheduling_governors"],
             "time_nouns": EVENTS["time_nouns"], "honour_nouns": EVENTS["honour_nouns"],
             "occasion_phrases": EVENTS["occasion_phrases"], "record_ordinals": EVENTS["record_ordinals"],
             "sequencers": EVENTS["sequencers"], "reporting_settings": EVENTS["reporting_settings"],
             "forward_sequencers": EVENTS["forward_sequencers"],
             "possession_verbs": EVENTS["possession_verbs"], "frequency_words": EVENTS["frequency_words"],
             "media_prepositions": EVENTS["media_prepositions"], "media_nouns": EVENTS["media_nouns"],
             "saying_words": EVENTS["saying_words"], "background_adverbs": EVENTS["background_adverbs"],
             "audience_prepositions": EVENTS["audience_prepositions"], "audiences": EVENTS["audiences"],
             "private_people": EVENTS["private_people"], "private_modifiers": EVENTS["private_modifiers"],
             "presence_words": EVENTS["presence_words"],
             **EVENTS["occasions"], **{f"participation {p}": vs for p, vs in EVENTS["participation"].items()}}
    for name, words in (EVENTS["status"] | lists).items():
        assert len(words) == len(set(words)), name
        assert all(w == w.lower() for w in words), name
    # city states are written as the gazetteer's canonical state names, which the check compares with
    states = {s_["name"] for s_ in ACTORS["states"]} | {c["name"] for c in COUNTRIES["countries"]}
    assert EVENTS["city_states"] and set(EVENTS["city_states"]) <= states


def test_actor_entries_are_well_formed():
    names = [p["name"] for p in ACTORS["people"]]
    assert len(names) == len(set(names))
    states = {s["name"] for s in ACTORS["states"]} | {c["name"] for c in COUNTRIES["countries"]} | {"United Nations"}
    for p in ACTORS["people"]:
        assert p["country"] in states, p["name"]
        assert p["examples"], p["name"]
        for o in p.get("offices", ()):
            start, end = o["from"], o.get("to")
            assert isinstance(start, dt.date) and (end is None or start < end), p["name"]
    # one holder of an office of a state at a time: the role nouns ("the Dutch prime minister") need it
    held_by: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = {}
    for p in ACTORS["people"]:
        for o in p.get("offices", ()):
            if o.get("state"):
                assert o["state"] in states, (p["name"], o["state"])
            if o["title"] in ("president", "prime minister", "foreign minister", "chancellor"):
                end = o.get("to") or dt.date(2100, 1, 1)
                held_by.setdefault((o.get("state") or p["country"], o["title"]), []).append(
                    (o["from"], end, p["name"]))
    for (state, title), terms in held_by.items():
        terms.sort()
        for (_, end, a), (start, _, b) in zip(terms, terms[1:], strict=False):
            assert start >= end - dt.timedelta(days=3), f"{a} and {b} both {title} of {state} on {start}"
    for r in ACTORS["roles"]:
        assert r["country"] in states
    refs = ACTORS["references"]
    # a gender the pronouns or the markers name must be one a pronoun can say
    assert set(refs["gendered_pronouns"].values()) == {"f", "m"}
    assert set(refs["gender_markers"].values()) <= {"f", "m"}
    assert set(refs["gendered_pronouns"]) <= set(refs["pronouns"])
    # each state a leading office is listed for is a curated state, listed once, under an office people hold
    listed = [s for group in refs["leader_offices"].values() for s in group]
    assert len(listed) == len(set(listed)) and set(listed) <= {s["name"] for s in ACTORS["states"]}
    held = {o["title"] for p in ACTORS["people"] for o in p.get("offices", ())}
    assert set(refs["leader_offices"]) <= held
    assert refs["former_markers"] and all(w == w.lower() for w in refs["former_markers"])
    # the tokens compared are lower-cased single words; a given-name honorific is never part of a name
    for key in ("honorifics", "given_name_honorifics", "name_suffixes", "lineage_words"):
        assert refs[key] and all(w == w.lower() and " " not in w for w in refs[key]), key
    assert set(refs["given_name_honorifics"]) <= set(refs["not_name_words"])


def test_people_of_native_spelling_states_keep_their_accents():
    """"Pedro Sánchez", not "Pedro Sanchez", when the gazetteer knows the accented spelling (see the
    header of actors.yaml); every listed state is one the gazetteer or countries.yaml knows."""
    native = set(ACTORS["references"]["native_spelling_states"])
    assert native <= {s["name"] for s in ACTORS["states"]} | {c["name"] for c in COUNTRIES["countries"]}

    for p in ACTORS["people"]:
        if p.get("country") in native or any(o.get("state") in native for o in p.get("offices", ())):
            # the same name as the gazetteer matches it ("Radosław" is "Radoslaw"), with letters it lacks
            accented = [a for a in p.get("aliases", ()) if p["name"].isascii()
                        and any(c.isalpha() and not c.isascii() for c in a)
                        and actors._key(a) == actors._key(p["name"])]
            assert not accented, f"{p['name']} should be named {accented[0]}"


def test_countries_file_says_where_it_came_from():
    head = (RES / "countries.yaml").read_text(encoding="utf-8")[:1200]
    assert "petrarch2" in head and "MIT" in head
    assert (RES / "NOTICE-petrarch2.txt").read_text().count("Permission is hereby granted") == 1
    codes = [c["code"] for c in COUNTRIES["countries"]]
    names = [c["name"] for c in COUNTRIES["countries"]]
    assert len(names) == len(set(names)) and all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)


def test_canonical_state_names_are_written_as_news_writes_them():
    # The dashboard shows these names: no word of a many-word name may be capitalised throughout
    # ("United ARAB Emirates" came from title-casing the source's upper-case names).
    names = [c["name"] for c in COUNTRIES["countries"]] + [s["name"] for s in ACTORS["states"]]
    shouting = [n for n in names if len(n.split()) > 1 and any(len(w) > 1 and w.isupper() for w in n.split())]
    assert not shouting, f"fix the case of these names in countries.yaml/actors.yaml: {shouting}"


@pytest.mark.parametrize("type_,example", TRIGGER_EXAMPLES, ids=TRIGGER_IDS)
def test_trigger_example(run, type_, example):
    found = run(example["text"], example["published"])
    hits = [e for e in found if e.type == type_ and e.status == example["status"]]
    if example.get("absent"):   # a counter-example: the trigger word is there, the event is not
        assert not hits, f"{example['text']!r}: got {[(e.type, e.status, e.trigger) for e in hits]}"
        return
    assert hits, f"{example['text']!r}: got {[(e.type, e.status, e.trigger) for e in found]}"
    if "actors" in example:
        assert any(set(e.actors) == set(example["actors"]) for e in hits), [e.actors for e in hits]


@pytest.mark.parametrize("example", ACTOR_EXAMPLES, ids=[ex["text"][:40] for ex in ACTOR_EXAMPLES])
def test_actor_example(example):
    from extract import nlp

    doc = nlp.parse(example["text"])
    found = actors.find(doc, dt.date.fromisoformat(str(example["published"])))
    assert example["actor"] in {m.actor.id for m in found.mentions}, example["text"]


@pytest.mark.parametrize("example", EVENTS["dateline"]["examples"])
def test_dateline_examples(example):
    m = re.compile(events.lexicon().dateline, re.M).match(example["text"])
    assert m and m.group(0) == example["dateline"]


@pytest.mark.parametrize("text", EVENTS["dateline"]["unchanged"])
def test_dateline_leaves_prose_alone(text):
    assert re.compile(events.lexicon().dateline, re.M).match(text) is None

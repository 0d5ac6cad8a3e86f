"""Events: trigger words (resources/events.yaml) -> typed event candidates with status, actors, place.

A candidate is found on a token of the dependency parse. Its *anchor* is the verb that carries its
tense, modality and time: the trigger itself for a verb, the light verb for "held talks" / "had lunch",
the occurrence verb for "the summit took place". Status comes from the parse around the anchor
(negation, modals, governing verbs such as "plans to", "declined to", "sought") and from modifier
lexicons ("planned trip", "cancelled summit"). Nothing comes from a headline, a quotation or boilerplate.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path
from collections.abc import Sequence

import yaml
from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from extract.actors import Found, gazetteer, in_regions
from extract.types import ActorMention

RESOURCES = Path(__file__).resolve().parent / "resources"
SUBJECT_DEPS = ("nsubj", "nsubjpass", "agent", "expl")
ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "dative", "agent", "poss", "attr")
ARGUMENT_PREPS = ("with", "between", "among", "by", "and", "for")
PLACE_PREPS = ("in", "at", "to", "inside", "into", "for")
MOVE_TYPES = ("visit", "travel")
TALK_TYPES = ("meeting", "summit")   # one kind for the golds: a summit may also count as a meeting
LEADING_VERBS = ("led", "headed")
PROSPECT_TYPES = ("meeting", "agreement")
COARSE = ("year", "decade", "century", "ref", "duration", "set")


@dataclass(frozen=True)
class Trigger:
    id: str
    pos: str
    type: str
    plover: str
    confidence: float
    particle: tuple[str, ...] = ()
    report: bool = False
    needs_time: bool = False
    person_object: bool = False
    actor_object: bool = False
    place_object: bool = False
    presence: bool = False
    absorbs: bool = False
    intransitive: bool = False   # with a direct object it is another verb ("returned the envoys to Seoul")
    by_means: bool = False   # "responded by expelling a diplomat": the act is the "by" one, told on its own
    infinitive: bool = False   # only with a to-infinitive of its own ("called on both countries to engage")
    reciprocal: bool = False   # only with two sides as its subject, or one and a "with" ("X and Y spoke")
    objects: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    place_preps: tuple[str, ...] = ("in", "at")   # how a presence trigger names its place


@dataclass(frozen=True)
class Lexicon:
    verbs: dict
    nouns: dict
    dateline: str
    plover_by_status: dict
    occasion: re.Pattern   # any of events.yaml's occasion_phrases, as words, or a composed occasion
    reporting: re.Pattern   # any of events.yaml's reporting_settings, as words
    occasion_nouns: frozenset   # the one-word nouns of events.yaml's occasions ("ceremony", "lunch")
    # Word lists, each read from the events.yaml list of the same name.
    light_verbs: frozenset
    occurrence_verbs: frozenset
    negators: frozenset
    negating_governors: frozenset
    planning_governors: frozenset
    modals: frozenset
    planned_modifiers: frozenset
    cancelled_modifiers: frozenset
    clause_deps: frozenset
    subordinators: frozenset
    simultaneous: frozenset
    discourse_cues: frozenset
    partitives: frozenset
    hosting_verbs: frozenset
    group_nouns: frozenset
    people_nouns: frozenset
    scheduling_governors: frozenset
    time_nouns: frozenset
    honour_nouns: frozenset
    record_ordinals: frozenset
    sequencers: frozenset
    forward_sequencers: frozenset
    possession_verbs: frozenset
    frequency_words: frozenset
    media_prepositions: frozenset
    saying_words: frozenset
    background_adverbs: frozenset
    audience_prepositions: frozenset
    media_nouns: frozenset
    audiences: frozenset
    private_people: frozenset
    private_modifiers: frozenset
    presence_words: frozenset
    city_states: frozenset
    eve_prepositions: frozenset
    be_forms: frozenset
    occasion_relatives: frozenset
    late_parts_of_day: frozenset
    closeness_adverbs: frozenset
    later_units: frozenset
    pointing_determiners: frozenset
    collection_nouns: frozenset
    body_nouns: frozenset
    relation_nouns: frozenset
    copula_nouns: frozenset
    doer_types: frozenset
    setting_nouns: frozenset
    content_triggers: frozenset
    participation: dict   # preposition -> the verbs that take part through it (events.yaml)


@functools.cache
def lexicon() -> Lexicon:
    with open(RESOURCES / "events.yaml", encoding="utf-8") as f:
        data = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    verbs, nouns = {}, {}
    for t in data["triggers"]:
        flags = {f: bool(t.get(f)) for f in ("report", "needs_time", "person_object", "actor_object",
                                               "place_object", "presence", "absorbs",
                                               "intransitive", "by_means", "infinitive", "reciprocal")}
        trig = Trigger(t["id"], t["pos"], t["type"], t["plover"], float(t.get("confidence", 0.5)),
                       particle=tuple(t.get("particle", ())), objects=tuple(t.get("objects", ())),
                       modifiers=tuple(t.get("modifiers", ())),
                       place_preps=tuple(t.get("place_preps", ("in", "at"))), **flags)
        for form in t["forms"]:
            if t["pos"] == "verb":
                # One form may open several entries ("call off", "call on"; "welcomed Kim" a meeting,
                # "welcomed the deal" a statement): the most constrained is tried first.
                verbs[form] = tuple(sorted((*verbs.get(form, ()), trig),
                                           key=lambda tr: (not tr.objects, not tr.particle,
                                                           not tr.person_object)))
            else:
                nouns[form] = trig
    # Every other frozenset field is a word list of the same name, at the top level or under `status`.
    words = {f.name: frozenset(data["status"][f.name] if f.name in data["status"] else data[f.name])
             for f in fields(Lexicon) if f.type == "frozenset" and f.name != "occasion_nouns"}
    words["occasion_nouns"] = frozenset(n for n in data["occasions"]["nouns"] if " " not in n)
    # By keyword: a field added to Lexicon cannot shift the others.
    return Lexicon(
        verbs=verbs, nouns=nouns, **words,
        participation={prep: frozenset(vs) for prep, vs in data["participation"].items()},
        dateline=data["dateline"]["pattern"], plover_by_status=data["plover_by_status"],
        occasion=_occasion_pattern(data["occasion_phrases"], data["occasions"]),
        reporting=_reporting_pattern(data["reporting_settings"], data["audiences"]))


def _reporting_pattern(settings: list[str], audiences: list[str]) -> re.Pattern:
    """Any reporting setting; an article in it may take up to two words before its noun ("in a televised
    statement", "told a packed news conference"), and "told" or "addressing" up to two before an audience
    ("told Singapore reporters", "addressing the gathering")."""
    def words(setting: str) -> str:
        out = re.escape(setting).replace(r"\ ", r"\s+")
        # ... or a possessive ("in his opening speech", "in her address"): the speaker's own setting
        return re.sub(r"\b(an?)\\s\+", r"(?:\1|his|her|their)\\s+(?:[\\w'’-]+\\s+){0,2}?", out)
    return re.compile(r"\b(?:" + "|".join(words(w) for w in sorted(settings, key=len, reverse=True))
                      + r"|(?:told|addressing|addressed)\s+(?:[\w'’-]+\s+){0,2}(?:" + "|".join(audiences)
                      + r"))\b", re.IGNORECASE)


def _occasion_pattern(phrases: list[str], parts: dict) -> re.Pattern:
    def alt(words):   # longest first, so "the signing ceremony" is not cut at "the signing"
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    # one word may qualify the occasion: "at the opening ceremony", "after the trilateral session"
    composed = (rf"(?:{alt(parts['prepositions'])})\s+(?:{alt(parts['determiners'])})"
                rf"\s+(?:[\w-]+\s+)?(?:{alt(parts['nouns'])})")
    return re.compile(rf"\b(?:{alt(phrases)}|{composed})\b", re.IGNORECASE)


def plover(trig: Trigger, status: str) -> str:
    """The PLOVER category of an event of this trigger with this status ("will meet" is AGREE)."""
    return lexicon().plover_by_status.get(trig.plover, {}).get(status, trig.plover)


@dataclass(frozen=True)
class Candidate:
    """An event found in one sentence, before its time is linked."""

    trigger: Trigger
    token: int                       # the trigger token
    anchor: int                      # the verb that carries tense/modality/time
    status: str
    mentions: tuple[ActorMention, ...]
    location: str | None
    sentence: int                    # index into the document's sentence list
    type: str
    needs_own_time: bool = False     # reporting verbs and temporal-clause events: kept only with a date
    # An event told as the lead-up to another ("after the two men held talks", "following a call between
    # X and Y"): with no date of its own it is on the day of the clause it hangs from.
    reference: bool = False
    # No one named for it in the text near it ("The previous summit, held in Guarda on 10 October 2020"),
    # or only the bodies that hold it ("the second EU-CELAC summit"): kept only with a date of its own.
    unattributed: bool = False


def own_tokens(tok: Token, clause_deps: frozenset) -> list[Token]:
    """``tok`` and its dependents, not descending into clauses that have their own predicate."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in clause_deps)
    return out


def _is_verb(tok: Token) -> bool:
    return tok.tag_.startswith("VB") or tok.tag_ == "MD"


def _is_noun(tok: Token) -> bool:
    return tok.tag_.startswith("NN")


@functools.cache
def _form_hashes() -> frozenset:
    """The string-store hashes of every trigger form, as ``doc.to_array(LOWER)`` holds words."""
    lex = lexicon()
    return frozenset(hash_string(f) for f in (*lex.verbs, *lex.nouns))


def _particle_fits(particle: Token, lex: Lexicon) -> bool:
    """"returned from Beijing", "returned from a state visit", but not "returns from its summer recess":
    a "from" opens a place or an event the lexicon knows."""
    if particle.lower_ != "from":
        return True
    return any(g.tag_ in ("NNP", "NNPS") or g.lower_ in lex.nouns
               for g in particle.children if g.dep_ == "pobj")


def match_triggers(tok: Token, lex: Lexicon) -> tuple[Trigger, ...]:
    """The lexicon entries the word may open, most constrained first (see ``lexicon``)."""
    low = tok.lower_
    if low not in lex.verbs and low not in lex.nouns:
        return ()
    if _is_verb(tok) and low in lex.verbs:
        return tuple(t for t in lex.verbs[low]
                     if not t.particle or any(c.lower_ in t.particle and _particle_fits(c, lex)
                                              for c in tok.children))
    if _is_noun(tok) and low in lex.nouns:
        return (lex.nouns[low],)
    return ()


def _governors(tok: Token, steps: int = 4):
    """The words that govern ``tok`` through complements: "plans [to visit]", "groundwork [for a summit]"."""
    cur = tok
    for _ in range(steps):
        if cur.dep_ not in ("xcomp", "pobj", "prep", "dobj", "acl", "attr", "ccomp", "pcomp") or cur.head.i == cur.i:
            return
        cur = cur.head
        yield cur
        if cur.dep_ == "ccomp":
            return


def status_of(trig_tok: Token, anchor: Token, lex: Lexicon) -> str:
    """actual | planned | cancelled | negated, from the parse around the trigger and its anchor."""
    heads = [anchor] if anchor.i == trig_tok.i else [trig_tok, anchor]
    for t in heads:
        if any(c.dep_ == "neg" or (c.lower_ in lex.negators and c.dep_ in ("det", "advmod")) for c in t.children):
            return "negated"
    for subj in (c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")):
        if any(d.dep_ == "det" and d.lower_ in lex.negators for d in subj.children):
            return "negated"   # "No sitting president has met ..."
    govs = list(_governors(anchor))
    if trig_tok.i != anchor.i:
        govs = list(_governors(trig_tok)) + govs
    for g in govs:
        if g.lower_ in lex.negating_governors:
            return "negated"
    if any(c.lower_ in lex.cancelled_modifiers and c.dep_ in ("amod", "compound") for c in trig_tok.children):
        return "cancelled"
    if any(c.dep_ == "aux" and c.lower_ in lex.modals for c in anchor.children) or be_to(anchor, lex):
        return "planned"
    if anchor.i != trig_tok.i and anchor.lower_ in lex.planning_governors:
        return "planned"   # "the meeting is scheduled for May": the light verb itself plans it
    if any(c.lower_ in lex.planned_modifiers and c.dep_ in ("amod", "compound", "advmod") for c in trig_tok.children):
        return "planned"
    for g in govs:
        if g.lower_ in lex.planning_governors and g.i != anchor.i:
            # A negated plan ("did not plan to meet", "had no plans to meet") negates what it governs.
            if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in lex.negators) for c in g.children):
                return "negated"
            return "planned"
        if any(c.dep_ == "aux" and c.lower_ in lex.modals for c in g.children) and _is_verb(g):
            return "planned"
    return "actual"


def be_to(tok: Token, lex: Lexicon) -> bool:
    """"is to visit", "was to meet": a to-infinitive right under a form of "be" (a plan, or the plan of
    the past)."""
    return tok.dep_ == "xcomp" and tok.head.lower_ in lex.be_forms and _to_infinitive(tok) \
        and tok.head.i < tok.i


def _to_infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _record_infinitive(tok: Token, lex: Lexicon) -> bool:
    """"became the first Australian prime minister to visit China": an infinitive hung on a record
    noun ("the first ... to", "the only ... to") asserts the act, unlike a purpose clause."""
    if tok.dep_ in ("acl", "relcl") and _is_noun(tok.head):
        nouns = [tok.head]
    elif tok.dep_ in ("advcl", "xcomp"):   # the small model often hangs it on the copula instead
        nouns = [c for c in tok.head.children if c.dep_ == "attr" and c.i < tok.i and _is_noun(c)]
    else:
        return False
    return any(c.lower_ in lex.record_ordinals and c.dep_ in ("amod", "advmod")
               for n in nouns for c in n.children)


def _in_temporal_clause(tok: Token, lex: Lexicon) -> bool:
    """"before Pompeo left", "after flying to Seoul": a reference point, not a timeline event by itself."""
    if tok.dep_ in ("advcl",) and any(c.lower_ in lex.subordinators and c.dep_ in ("mark", "advmod")
                                      for c in tok.children):
        return True
    return tok.dep_ == "pcomp" and tok.head.lower_ in lex.subordinators


def _purpose_of(tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ == "for" and _is_verb(tok.head.head)


def _anchor_for_noun(tok: Token, lex: Lexicon) -> Token | None:
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in lex.partitives:
        return _anchor_for_noun(head.head, lex)   # "held a third round of talks": the round is the talks
    if tok.dep_ in ("dobj", "attr", "nsubjpass") and head.lower_ in lex.light_verbs:
        return head
    if tok.dep_ == "attr" and any(c.dep_ == "expl" for c in head.children):   # "there will be a meeting"
        return head
    if tok.dep_ == "attr" and head.lower_ in lex.be_forms and tok.lower_ in lex.copula_nouns:
        return head   # "Sisi was the chief guest at the parade on 26 January"
    if tok.dep_ in ("nsubj",) and head.lower_ in lex.occurrence_verbs:
        return head
    if tok.dep_ in ("nsubj", "nsubjpass"):
        # "Talks are expected to resume next week", "negotiations are due to begin on March 10": the
        # timetable's occurrence verb carries the event's tense and date
        timetable = [head] + [c for c in head.children if c.dep_ == "acomp"]
        for g in (g for g in timetable if g.lower_ in lex.scheduling_governors):
            happens = [c for c in g.children if c.dep_ == "xcomp" and c.lower_ in lex.occurrence_verbs]
            if happens:
                return happens[0]
    if _purpose_of(tok):
        return head.head   # the purpose of a trip: "flew to Seoul for talks", "arrived for a visit"
    if tok.dep_ == "pobj" and head.head.lower_ in lex.participation.get(head.lower_, ()) \
            and _is_verb(head.head):
        return head.head   # "began the day with a breakfast meeting", "moved to a working lunch"
    if tok.dep_ == "pobj" and tok.lower_ in lex.media_nouns and head.lower_ in lex.media_prepositions \
            and _is_verb(head.head):
        return head.head   # "Jokowi congratulated Anwar in a phone call in November": the call is the verb's
    if any(g.lower_ in lex.planning_governors | lex.negating_governors for g in _governors(tok)):
        return tok
    if any(c.lower_ in lex.planned_modifiers | lex.cancelled_modifiers and c.dep_ in ("amod", "compound")
           for c in tok.children):
        return tok   # "another possible summit", "the cancelled trip" name an event by themselves
    return None


def find_candidates(doc: Doc, sentences: Sequence[Span], skip: set[int], found: Found,
                    quotes: Sequence[tuple[int, int]], timex_tokens: dict[int, object],
                    published: dt.date | None = None) -> list[Candidate]:
    """Every event candidate of the document's usable sentences (``skip``: headline indexes)."""
    lex = lexicon()
    out: list[Candidate] = []
    orphans: list[Candidate] = []
    place_at = {p.token: p for p in found.places}
    # Most words open no entry: find the few that may, from the doc's array of lower-case forms, without
    # building a Token for every word (that was a good part of this stage's time).
    forms = _form_hashes()
    may_open = [i for i, h in enumerate(doc.to_array(LOWER).tolist()) if h in forms]
    for si, sent in enumerate(sentences):
        if si in skip:
            continue
        local: list[Candidate] = []
        absorbed: set[int] = set()
        lo, hi = bisect.bisect_left(may_open, sent.start), bisect.bisect_left(may_open, sent.end)
        for tok in (doc[i] for i in may_open[lo:hi]):
            triggers = match_triggers(tok, lex)
            if not triggers or tok.i in timex_tokens or in_regions(tok.idx, quotes):
                continue
            cand = None
            for trig in triggers:
                cand = _candidate(tok, trig, si, lex, found, place_at, timex_tokens)
                if cand is not None and not cand.mentions:
                    bare = cand
                    if out or local:
                        cand = _discourse_actors(doc, cand, out + local) \
                            or _unattributed(doc, bare, lex, found)
                    else:   # the story's first event: its people may come just after (see below)
                        orphans.append(cand)
                        cand = None
                if cand is not None:
                    break
            if cand is None:
                continue
            if trig.absorbs:
                absorbed.update(c.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))
            local.append(cand)
        # Absorbed objects ("canceled [the trip]") and nouns restating their verb ("visited ... on his
        # first visit") are not events of their own.
        keep = []
        for c in local:
            t = doc[c.token]
            if c.token in absorbed or (t.head.i in absorbed and t.dep_ == "pobj"):
                continue
            if c.trigger.pos == "noun" and any(o.token == t.head.i or (o.token == c.anchor != c.token and o.type == c.type)
                                               for o in local):
                continue   # "hosted a dinner", "met ... for talks": the verb's event already says it
            if c.trigger.report and _reports_own_event(t, c, local):
                continue
            if c.trigger.reciprocal and any(o.type in TALK_TYPES and o is not c for o in local):
                continue   # "received Abdullah in the Oval Office, where the two discussed ...": that meeting
            if _restates(doc, c, local) or _content_of_same_kind(doc, c, local, timex_tokens, lex):
                continue
            keep.append(c)
        out.extend(_fold_travel(keep))
    for orphan in orphans:   # only the story's first events, so only they may look ahead
        adopted = _discourse_actors(doc, orphan, out) or _unattributed(doc, orphan, lex, found)
        if adopted is not None:
            out.append(adopted)
    out.sort(key=lambda c: c.token)
    return _drop_talk_content(doc, out, timex_tokens, lex)


# How many sentences back a meeting may be the one whose content "the two leaders discussed" tells.
CONTENT_REACH = 3


def _drop_talk_content(doc: Doc, cands: list[Candidate], timex_tokens: dict, lex: Lexicon) -> list[Candidate]:
    """"Anwar received Jokowi at Perdana Putra. During the meeting, the two leaders exchanged views on
    ...; they also discussed ...": what two sides named again by reference discussed, with no date of its
    own, just after a meeting of the same people, is the content of that meeting, not a second one."""
    out: list[Candidate] = []
    for c in cands:
        if c.trigger.id in lex.content_triggers and c.status == "actual" and c.mentions \
                and all(m.how == "coref" for m in c.mentions) \
                and not any(t.i in timex_tokens for t in own_tokens(doc[c.anchor], lex.clause_deps)):
            people = {m.actor.id for m in c.mentions}
            if any(o.type in TALK_TYPES and c.sentence - CONTENT_REACH <= o.sentence < c.sentence
                   and {m.actor.id for m in o.mentions} == people for o in out):
                continue
        out.append(c)
    return out


# How many sentences back an event's people may be the ones a later "the delegation" or "the trip" means.
DISCOURSE_REACH = 4
DEFINITE = ("the", "this", "that", "these", "those", "his", "her", "their", "its")


def definite(tok: Token) -> bool:
    """"the talks", "their meeting": a noun naming something the story has already told of."""
    return any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in tok.children)


def _unattributed(doc: Doc, cand: Candidate, lex: Lexicon, found: Found) -> Candidate | None:
    """A summit, a signing or a meeting is news even when the sentence names no one ("the second EU-CELAC
    summit, held in Brussels in June 2015"); borrowing the people of a nearby event as its actors was
    tried and was as often wrong as right. A trip or a statement without its doer is no event, and
    "X said" never is one without X. Nor is the setting of another ("met on the sidelines of the ASEAN
    Summit in May 2023"): the stories of this project's cases list it three times in four not at all."""
    if cand.trigger.report or cand.type in lex.doer_types:
        return None
    tok = doc[cand.token]
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in lex.setting_nouns:
        return None
    # ... but a summit named by the bodies that hold it ("the second EU-CELAC summit", "the 42nd ASEAN
    # Summit") is theirs
    bodies = _holding_bodies(tok, found) if cand.type == "summit" else []
    return replace(cand, unattributed=True, mentions=tuple({m.actor.id: m for m in bodies}.values()))


def _holding_bodies(tok: Token, found: Found) -> list[ActorMention]:
    """The organisations a summit noun is named by: "the GCC summit", "the second EU-CELAC summit"."""
    return [m for c in tok.children if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree
            for m in found.by_token.get(t.i, ()) if m.actor.kind == "organisation"]


def _discourse_actors(doc: Doc, cand: Candidate, near: list[Candidate]) -> Candidate | None:
    """An event whose subject is a definite phrase naming no one ("The delegation arrived on July 25",
    "The signing ceremony was cancelled", "The talks opened on Wednesday") is done by the people of the
    story's nearest event: the latest one told just before, or, at the top of a story, the first one
    told just after ("Gaza ceasefire talks in Cairo ended on Thursday. Hamas and Israel ..."). With no
    such event it names no one (see _unattributed). The subject phrase is the mention: the people are found
    through it, never made up from it."""
    anchor = doc[cand.anchor]
    subjects = [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and anchor.dep_ == "conj":
        # "The summit had been due to be held in March but was postponed": the first verb's subject
        subjects = [c for c in anchor.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and doc[cand.token].dep_ in ("nsubj", "nsubjpass"):
        subjects = [doc[cand.token]]
    if not subjects or subjects[0].tag_ not in ("NN", "NNS"):
        return None
    # Definite ("the talks") or the event itself ("Talks on a ceasefire are expected", "Official talks are
    # scheduled for the next day"): a story's own event, not any talks anywhere.
    # ... or a measure of it: "Two days of talks in Doha ended on Friday"
    measured = subjects[0].lower_ in lexicon().partitives and doc[cand.token].head.head.i == subjects[0].i
    bare_event = (subjects[0].i == cand.token or measured) and \
        not any(c.dep_ == "mark" for c in anchor.children)
    # ... or one the story planned: "A planned working lunch was scrapped", "A signing ceremony scheduled
    # for Thursday afternoon was scrapped", "A follow-up meeting planned for mid-June was postponed"
    lex = lexicon()
    planned = cand.trigger.absorbs and subjects[0].lower_ in lex.nouns.keys() | lex.occasion_nouns and any(
        c.lower_ in lex.planned_modifiers and c.dep_ in ("amod", "compound")
        or c.dep_ == "acl" and c.lower_ in lex.scheduling_governors | lex.planned_modifiers
        for c in subjects[0].children)
    if not (definite(subjects[0]) or bare_event or planned):   # not the bare "talks" of "if talks resumed"
        return None
    # Only a group of people ("the delegation arrived"), an event that takes place ("the talks opened")
    # or one called off ("the ceremony was cancelled") is done by the story's people; "the meeting would
    # go ahead" is no trip and "the location will be announced" no announcement of theirs.
    subj = subjects[0]
    in_subject = subj.left_edge.i <= cand.token <= subj.right_edge.i
    if not (subj.lower_ in lexicon().group_nouns or in_subject or cand.trigger.absorbs):
        return None
    before = [c for c in near if c.mentions and cand.sentence - DISCOURSE_REACH <= c.sentence <= cand.sentence
              and c.token < cand.token]
    after = [c for c in near if c.mentions and cand.sentence < c.sentence <= cand.sentence + DISCOURSE_REACH]
    source = before[-1] if before else (after[0] if after else None)
    if source is None:
        return None
    phrase = doc[subj.left_edge.i:subj.i + 1]
    mentions = tuple(replace(m, start=phrase.start_char, end=phrase.end_char, text=phrase.text,
                             sentence=cand.sentence, how="coref") for m in source.mentions)
    return replace(cand, mentions=mentions)


def describing_participles(tok: Token) -> list[Token]:
    """Participle clauses after an event noun, in its own phrase, that describe it: "the summit held in
    San Francisco on November 16", "a summit (of European leaders) hosted by Starmer on Sunday"."""
    found, stack, clauses = [], list(tok.children), lexicon().clause_deps
    while stack:
        c = stack.pop()
        if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN" and c.i > tok.i:
            found.append(c)
        elif c.dep_ == "conj" or c.dep_ not in clauses:
            # not inside another clause: in "talks, after which they said that ties, frozen since 2011,
            # would resume", "frozen" describes the ties, not the talks
            stack.extend(c.children)
    return sorted(found, key=lambda t: t.i)


def _restates(doc: Doc, c: Candidate, local: list[Candidate]) -> bool:
    """"held talks on Wednesday, meeting on the sidelines of the summit": a participle clause of the same
    event type and the same actors says the main event again."""
    anchor = doc[c.anchor]
    if anchor.dep_ not in ("advcl", "acl") or c.status != "actual":
        return False
    actors = {m.actor.id for m in c.mentions}
    return any(o is not c and o.anchor == anchor.head.i and o.type == c.type
               and actors <= {m.actor.id for m in o.mentions} for o in local)


def _content_of_same_kind(doc: Doc, c: Candidate, local: list[Candidate], timex_tokens: dict,
                          lex: Lexicon) -> bool:
    """"agreed Monday to elevate their ties to a strategic partnership": what two sides agree to do, when
    it is itself an agreement with no time of its own, is that agreement, not a second, planned one. (A
    summit they agree to hold is another event; so is a deal they agree to sign next month.)"""
    tok = doc[c.token]
    if tok.dep_ != "xcomp" or c.trigger.pos != "verb":
        return False
    if any(t.i in timex_tokens for t in own_tokens(tok, lex.clause_deps)):
        return False
    return any(o is not c and o.token == tok.head.i and o.type == c.type for o in local)


def _reports_own_event(verb: Token, report: Candidate, local: list[Candidate]) -> bool:
    """"Trump said last week he could meet Putin": a speaker's own plan (a meeting, trip or deal he says he
    will make) is the news and already a row of its own; the saying is only its attribution. What he says
    he did ("said on Sunday he had met Kim") stays a statement: the gold convention keeps that one."""
    said = {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}
    speaker = {m.actor.id for m in report.mentions}
    doc = verb.doc
    for o in local:
        if o.token not in said or o.status != "planned" or o.trigger.report or o.token != o.anchor:
            continue
        subjects = [c for c in doc[o.anchor].children if c.dep_ in ("nsubj", "nsubjpass")]
        own = {m.actor.id for m in o.mentions for c in subjects if c.idx <= m.start < c.idx + len(c.text)}
        if speaker & own:   # he is the one who will meet: not "he expected a summit (of others)"
            return True
    return False


def _candidate(tok: Token, trig: Trigger, si: int, lex: Lexicon, found: Found, place_at: dict,
               timex_tokens: dict) -> Candidate | None:
    needs_time = trig.report or trig.needs_time
    if trig.pos == "noun" and _counted_again(tok, lex):
        return None
    if trig.pos == "verb" and (tok.dep_ in ("acl", "relcl") and tok.head.lower_ in lex.nouns
                               or tok.dep_ == "acl" and tok.tag_ == "VBN") \
            and not _signed_text(tok, trig, lex, timex_tokens) and not _told_at_the_occasion(tok, trig, lex):
        # "a summit hosted by Starmer", "the meeting, which was hosted by X" belong to that event, and a
        # passive participle after a noun ("leaders hosted by Starmer") describes it, telling no new event.
        return None
    if trig.modifiers and not any(c.lower_ in trig.modifiers for c in tok.children
                                  if c.dep_ in ("compound", "amod", "poss")):
        return None   # "a news conference" is a statement, "the Berlin conference" is not
    anchor = tok
    # a noun event named by its sides or its body ("talks between X and Y", "the GCC summit")
    between = dated = False
    if trig.pos == "noun":
        # A bare noun is an event only with a date of its own finer than a year ("the summit in June");
        # without one, "after the talks", "during the summit" are reference points, not new events.
        # "the summit held in San Francisco on November 16": a participle hung on the noun itself dates
        # it too (one deeper in its phrase only helps place a date on an event found otherwise)
        described = [t for c in describing_participles(tok) if c.head.i == tok.i
                     for t in own_tokens(c, lex.clause_deps)]
        # "the talks, which began on Monday afternoon": a clause telling the event happen dates it too
        happening = [t for c in tok.children
                     if c.dep_ in ("relcl", "acl") and c.lower_ in lex.occurrence_verbs
                     for t in own_tokens(c, lex.clause_deps)]
        # "Hasina's last state visit to India was in September 2022": the copula's date is its subject's
        told_when = [t for c in tok.head.children if c.dep_ == "prep" and c.lower_ in ("in", "on")
                     for t in c.subtree
                     if t.i in timex_tokens and timex_tokens[t.i].value.granularity not in COARSE[1:]] \
            if tok.dep_ == "nsubj" and tok.head.lower_ in lex.be_forms else []
        told = own_tokens(tok, lex.clause_deps) + described + happening + told_when
        dated = any(t.i in timex_tokens and timex_tokens[t.i].value.granularity not in COARSE for t in told)
        # a year is enough for a visit of someone named ("during Xi's state visit to Cambodia in 2016"),
        # not for a bare one ("the summit in 2019" may be any of several) nor a year only counted from
        # ("his first visit since 2011")
        # the visitor is the possessor, or the subject of the verb the visit is told in ("Rajoelina raised
        # it during a visit to Paris in 2019")
        owners = [c for c in tok.children if c.dep_ == "poss"]
        if tok.dep_ == "pobj" and tok.head.head.tag_.startswith("VB"):
            owners += [c for c in tok.head.head.children if c.dep_ == "nsubj"]
        dated = dated or any(m.actor.kind == "person" for c in owners for m in found.by_token.get(c.i, ())) \
            and any(t.i in timex_tokens and timex_tokens[t.i].value.granularity == "year"
                    and t.head.lower_ == "in" for t in told)
        copula_dated = bool(told_when)
        sequenced = tok.dep_ == "pobj" and sequencer_word(tok, lex) is not None
        if tok.dep_ == "pobj" and tok.head.lower_ in lex.subordinators | lex.simultaneous and not dated \
                and not sequenced:
            return None
        anchor = tok if sequenced and not dated else tok.head if copula_dated else _anchor_for_noun(tok, lex)
        if anchor is None and not dated and (_between_pair(tok, found) or _named_summit(tok, trig, found)
                                             or _placed_summit(tok, trig, lex, place_at)):
            # "grew out of a meeting between Putin and Erdogan in Istanbul on January 8": a meeting between
            # two named sides is an event, on the date of the clause it is told in
            anchor, between = tok, True
        if anchor is None:
            if not dated:
                return None
            anchor = tok
        if trig.type == "agreement" and anchor.lower_ in lex.possession_verbs:
            return None   # "Japan, which has similar pacts with Australia": a state of affairs, no event
    if _to_infinitive(anchor) and not _record_infinitive(anchor, lex) and not be_to(anchor, lex) and \
            not any(g.lower_ in lex.planning_governors | lex.negating_governors for g in _governors(anchor)):
        return None   # a purpose clause ("flew to Seoul to meet Moon") asserts no event
    if trig.presence and not _presence(tok, trig, found, place_at):
        return None
    if trig.person_object and not _person_object(tok, trig, found):
        return None   # "received Wang" is a meeting, "received a letter" is not
    if trig.actor_object and _object_is_no_actor(tok, found, timex_tokens):
        return None   # "met Kim" is a meeting, "met the conditions" is not
    if trig.by_means and any(c.dep_ == "prep" and c.lower_ == "by"
                             and any(g.dep_ == "pcomp" and g.lower_ not in lex.saying_words
                                     for g in c.children)
                             for c in tok.children):
        return None   # "India responded by expelling a diplomat": the expulsion is the event ("responded by
        # saying he would send a delegation" is the response itself)
    if trig.infinitive and not any(c.dep_ in ("xcomp", "advcl")
                                   and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                                   for c in tok.children):
        return None   # "called Amir-Abdollahian on Monday" is a phone call, not an appeal
    if trig.reciprocal and not _reciprocal(tok, found, lex):
        return None   # "X and Y spoke" is a conversation, "X spoke" is not
    if trig.intransitive and any(c.dep_ == "dobj" for c in tok.children):
        return None   # "agreed to return the ambassadors to their posts" is no trip
    if trig.place_object and not any(c.i in place_at for c in tok.children if c.dep_ == "dobj"):
        return None   # "left Stockholm" is a trip, "left office" is not
    if trig.objects and not any(c.lower_ in trig.objects for c in objects_of(tok)):
        return None   # "cut ties" is a break of relations, "cut taxes" is not
    status = status_of(tok, anchor, lex)
    reference = False
    if _in_temporal_clause(anchor, lex) and status == "actual":
        needs_time = True
        # "as the two leaders held talks", "while Blinken met Wang": told alongside the main clause, on
        # its day, when the clause names its own people (a lead-up is the same, a gap earlier)
        word = sequencer_word(anchor, lex)
        if word is not None and word.lower_ in lex.forward_sequencers and trig.type == "travel":
            word = None   # "had lunch before Pompeo left": the leaving only places the lunch
        reference = word is not None or simultaneous_clause(anchor, lex)
    elif trig.pos == "noun" and anchor.i == tok.i and sequenced:
        needs_time = reference = status == "actual"
    elif trig.pos == "noun" and anchor.i == tok.i and between:
        needs_time = reference = True
    # An undated prospect named by a noun ("pushed for a deal", "working to conclude negotiations") is
    # a hope, not a timeline entry; with a date ("talks next week", "soon") it is a plan.
    if trig.pos == "noun" and status == "planned" and trig.type in PROSPECT_TYPES:
        needs_time = True
    if any(t.lower_ in lex.frequency_words for c in anchor.children if c.dep_ in ("advmod", "npadvmod")
           for t in c.subtree):
        # "had met only twice before", "have met three times": a tally of events, a row only with a date
        # ("travelled to Mauritius several times over the summer")
        needs_time = True
    mentions = _arguments(tok, anchor, trig, found)
    if not mentions and trig.pos == "noun":
        mentions = _ended_by(tok, lex, found)
    if trig.absorbs:
        for obj in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
            mentions += _arguments(obj, obj, trig, found)
    location = _location(tok, anchor, trig, place_at, lex)
    # A state named beside its own leader ("the two leaders signed the Japan-Ukraine Accord") is not a
    # further participant: the person already stands for it.
    represented = {m.actor.country for m in mentions if m.actor.kind == "person"}
    # So is a body beside its own official ("UN Secretary General Antonio Guterres appealed"), or one
    # that only titles a person ("ASEAN Secretary General Kao Kim Hourn told reporters").
    mentions = [m for m in mentions if not (m.actor.kind in ("state", "organisation")
                                            and m.actor.id in represented)
                and not (m.actor.kind == "organisation" and _titles_a_person(tok.doc, m, mentions))]
    if between and trig.type == "summit":   # the body that holds it: "the GCC summit"
        mentions += _holding_bodies(tok, found)
    if reference:
        own = (anchor.left_edge.idx, anchor.right_edge.idx + len(anchor.right_edge))
        if not any(own[0] <= m.start < own[1] for m in mentions):
            mentions = _told_in_full(tok, trig, found, place_at, dated)
            if not mentions:
                return None   # "said after the talks": a reference to an event told elsewhere, not a new one
    return Candidate(trig, tok.i, anchor.i, status, _unique(mentions), location, si, trig.type, needs_time,
                     reference)


def _told_in_full(tok: Token, trig: Trigger, found: Found, place_at: dict, dated: bool) -> list[ActorMention]:
    """A lead-up noun told with a date of its own ("After their talks on 17 March"), or with a place or a
    length and not as one the story already told ("following almost three hours of talks at the Argyle
    airport", "announced following talks in Sochi"), is an event of the people of the clause it hangs
    from: their subject."""
    told_before = definite(tok)
    if trig.pos != "noun" or told_before and not dated:
        return []
    measured = tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in lexicon().partitives
    placed = any(t.i in place_at for c in tok.children if c.dep_ == "prep" for t in c.subtree)
    # "signed the agreements after holding talks": the subject of the sentence held them, an event the
    # gerund tells for the first time
    gerund = tok.head if tok.dep_ == "dobj" and tok.head.tag_ == "VBG" and tok.head.dep_ == "pcomp" \
        and tok.head.lower_ in lexicon().light_verbs else None
    if not (measured or placed or dated or gerund is not None):
        return []
    verb = verb_above(gerund if gerund is not None else tok)
    if verb is None:
        return []
    people = _named_by([c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")], found)
    ours = any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children)   # "after their talks"
    if told_before and not ours and len({m.actor.id for m in people}) < 2:
        return []   # "Putin said after the talks on Thursday": the talks are told elsewhere, with Kim
    return people


def _between_pair(tok: Token, found: Found) -> bool:
    """The noun's own "between" phrase names two sides or more ("talks between Israel and Hamas")."""
    named: list[ActorMention] = []
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"):
        for g in (g for g in prep.children if g.dep_ == "pobj"):
            _collect(g, found, named)
    return len({m.actor.id for m in named}) >= 2


def _named_summit(tok: Token, trig: Trigger, found: Found) -> bool:
    """"at the 41st GCC summit", "at the Mercosur summit in Montevideo": a summit named by its body is
    an event of its own, whoever else the clause names."""
    return trig.type == "summit" and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "on", "to") and any(
        c.dep_ in ("compound", "amod", "nmod") and any(m.actor.kind == "organisation" for m in
                                                       found.by_token.get(c.i, ())) for c in tok.children)


def _counted_again(tok: Token, lex: Lexicon) -> bool:
    """"Sunday's meeting was the third between Trump and Kim": an event told as the how-manieth of its
    kind is one the story has told already, counted, not a new one."""
    ordinal = lex.record_ordinals
    return tok.dep_ == "nsubj" and tok.head.lower_ in lex.be_forms and any(
        c.dep_ == "attr" and (c.lower_ in ordinal or any(g.dep_ == "amod" and g.lower_ in ordinal
                                                         for g in c.children))
        for c in tok.head.children)


def _placed_summit(tok: Token, trig: Trigger, lex: Lexicon, place_at: dict) -> bool:
    """"The mechanism was launched at a summit in Cairo in March 2019", "EU leaders granted it candidate
    status at a summit in Brussels": a summit told with its place as the setting of an act that is no
    event of the timeline is the event the sentence reports."""
    verb = tok.head.head
    return trig.type == "summit" and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "during") \
        and _is_verb(verb) and not match_triggers(verb, lex) \
        and any(t.i in place_at for c in tok.children if c.dep_ == "prep" for t in c.subtree)


def sequencer_word(anchor: Token, lex: Lexicon) -> Token | None:
    """The "after"/"following" an event is told under: the preposition of "after [receiving X]",
    "following [a call]", or the conjunction of "after [they held talks]". (A gap before it, "two days
    after", is measured in extract/linking.py.)"""
    if anchor.dep_ in ("pobj", "pcomp") and anchor.head.lower_ in lex.sequencers:
        if anchor.dep_ == "pobj" and anchor.head.lower_ in lex.forward_sequencers:
            return None   # "before his talks with Kim": a later event, whose day the text does not give
        return anchor.head
    return next((c for c in anchor.children if c.dep_ in ("mark", "advmod") and c.lower_ in lex.sequencers),
                None)


def simultaneous_clause(anchor: Token, lex: Lexicon, deps: tuple[str, ...] = ("advcl",)) -> bool:
    """A clause opened by "as", "while" or "when" ("as the two leaders held talks"; the parser makes
    "when" an adverb of its clause, the others a marker). ``deps``: how the clause may hang on its head
    (a relative "when" clause too: "on Oct. 7, when Pompeo also had talks with Kim")."""
    return anchor.dep_ in deps and any(c.dep_ in ("mark", "advmod") and c.lower_ in lex.simultaneous
                                       for c in anchor.children)


def verb_above(tok: Token) -> Token | None:
    """The nearest verb over ``tok``, a few heads up ("following", tagged a verb, is a preposition there)."""
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.tag_.startswith("VB") and tok.dep_ != "prep":
            return tok
    return None


def _told_at_the_occasion(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """"appeared at a joint news conference, where Macron announced ...": a "where" clause with a subject of
    its own tells another kind of event at the occasion the noun names, not the occasion again."""
    noun = lex.nouns.get(tok.head.lower_)
    return tok.dep_ == "relcl" and noun is not None and noun.type != trig.type \
        and any(c.dep_ == "advmod" and c.lower_ == "where" for c in tok.children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _signed_text(tok: Token, trig: Trigger, lex: Lexicon, timex_tokens: dict) -> bool:
    """"under treaties signed in 1977 by Jimmy Carter and Omar Torrijos", "the memorandum signed between
    Turkey and the GNA in November 2019", "the pact China signed with the Solomon Islands in April": a
    clause on the text that gives its signers and a date of its own tells the signing, which the sentence
    reports nowhere else."""
    head = tok.head
    if head.lower_ in lex.collection_nouns:
        # "a package of deals inked Friday by the two governments": the texts are the collection's
        head = next(iter(objects_of(head)), head)
    noun = lex.nouns.get(head.lower_)
    # the signers told as the agent, or as the sides "between" whom it was signed, or as the subject of a
    # relative clause ("the security pact China signed with the Solomon Islands in April")
    signers = any(c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "between"
                  or tok.dep_ == "relcl" and c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")
                  for c in tok.children)
    return (tok.dep_ in ("acl", "relcl") and tok.tag_ in ("VBN", "VBD") and trig.type == "agreement"
            and noun is not None and noun.type == "agreement" and signers
            and any(t.i in timex_tokens for t in own_tokens(tok, lex.clause_deps)))


def _person_object(tok: Token, trig: Trigger, found: Found) -> bool:
    """The verb's object, or its particle's ("called on President Muizzu"), is a person, and the verb
    asks nothing of them: "called on Putin to end the war" is an appeal, not a visit."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if any(c.dep_ == "oprd" and objects or trig.particle and c.dep_ in ("xcomp", "ccomp")
           for c in tok.children):
        return False   # "called Putin a killer" names him, it is no call
    # "Erdogan called Herzog in July": the parser may read a lone name after "called" as what someone
    # is called; with no object beside it, it is the one called
    objects += [c for c in tok.children if c.dep_ == "oprd"]
    objects += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in trig.particle
                for g in c.children if g.dep_ == "pobj"]
    if any(c.dep_ == "auxpass" for c in tok.children):
        # "The two ministers were received by President Trump": the guests are the subject, the host
        # the agent; either being a person makes it a meeting.
        objects += [c for c in tok.children if c.dep_ == "nsubjpass"]
        objects += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    lex = lexicon()
    if tok.lower_ in lex.hosting_verbs and any(c.lower_ in lex.people_nouns or c.lower_ in lex.group_nouns
                                               for c in objects):
        # "received the US and Israeli delegations" (but residents "calling relatives" make no call)
        return True
    return any(m.actor.kind == "person" for m in _named_by(objects, found))


def _object_is_no_actor(tok: Token, found: Found, timex_tokens: dict) -> bool:
    """"Ukraine does not meet the conditions": a direct object that names no actor (nor an event:
    "met ..., their first talks in a year"; nor a date the parser took for one: "met with Sisi this
    Thursday")."""
    lex = lexicon()
    objects = [c for c in tok.children if c.dep_ == "dobj" and c.lower_ not in lex.nouns
               and c.i not in timex_tokens and not _apposition_read_as_object(tok, c)]
    if any(c.lower_ in lex.people_nouns or c.lower_ in lex.private_people for c in objects):
        return False   # "meet business leaders": people, if no actor of the timeline
    return bool(objects) and not _named_by(objects, found)


def _apposition_read_as_object(verb: Token, obj: Token) -> bool:
    """"met at the Filoli estate, a sprawling country house": after a comma closing a prepositional
    phrase of the verb, the "object" describes that phrase's noun."""
    start, doc = obj.left_edge.i, obj.doc
    return start > 0 and doc[start - 1].text == "," and any(
        c.dep_ == "prep" and c.right_edge.i == start - 2
        and not any(t.text == "," for t in doc[verb.i + 1:c.i]) for c in verb.children)


def _reciprocal(tok: Token, found: Found, lex: Lexicon) -> bool:
    """Two sides talking with each other: "Sikorski and Baerbock discussed Ukraine", "They first spoke last
    Friday", "Putin discussed the war with Xi"; not a speech to an audience ("spoke to reporters", "spoke
    at the forum") or a report of what was said ("spoke of", a that-clause)."""
    if any(c.dep_ == "ccomp" or c.dep_ == "prep" and c.lower_ in lex.audience_prepositions
           for c in tok.children):
        return False
    sides = {m.actor.id for m in _named_by([c for c in tok.children if c.dep_ == "nsubj"], found)}
    # "discussed the war with Xi": the parser often hangs the "with" on the object
    heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    withs = [p for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "with"]
    partners = _named_by([g for p in withs for g in p.children if g.dep_ == "pobj"], found)
    return len(sides) >= 2 or bool(sides and partners)


def _named_by(objects: list[Token], found: Found) -> list[ActorMention]:
    """The actors object phrases name, not through possessors: "welcomed the Trump administration's
    shift" welcomed no person."""
    named: list[ActorMention] = []
    for c in objects:
        _collect(c, found, named, possessors=False)
    return named


def _presence(tok: Token, trig: Trigger, found: Found, place_at: dict) -> bool:
    """"<person> was in <place>", "came to <place>": being somewhere abroad is a visit."""
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subj or not any(m.actor.kind == "person" for m in found.by_token.get(subj[0].i, ())):
        return False
    # "Trudeau is due in New York on Wednesday", "Scholz will be back in the region": a place told on
    # "due" or "back" is where the person will be
    lex = lexicon()
    heads = [tok, *(c for c in tok.children
                    if c.dep_ in ("acomp", "advmod") and c.lower_ in lex.presence_words)]
    for prep in (c for h in heads for c in h.children):
        if prep.dep_ == "prep" and prep.lower_ in trig.place_preps:
            if any(t.i in place_at for t in prep.subtree):
                return True
    return False


def _ended_by(tok: Token, lex: Lexicon, found: Found) -> list[ActorMention]:
    """"Bashir and Kiir ended nearly a week of talks that began on Sunday", "the two sides opened a new
    round of talks": an event noun that is what a verb of its course (begin, open, end) acts on, itself
    or through a measure of it, is held by that verb's subject."""
    head = tok
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in lex.partitives:
        head = head.head.head
    if head.dep_ not in ("dobj", "npadvmod") or head.head.lower_ not in lex.occurrence_verbs:
        return []
    out: list[ActorMention] = []
    for c in head.head.children:
        if c.dep_ == "nsubj":
            _collect(c, found, out)
    return out


def _name_words(tok: Token, m: ActorMention) -> list[Token]:
    """The other words of the name ``m`` that ``tok`` opens."""
    return [w for w in tok.doc[max(tok.i - 4, 0):tok.i + 5]
            if w.i != tok.i and m.start <= w.idx < m.end]


@functools.cache
def _office_words() -> frozenset:
    """Words that may stand between a body and its official's name ("Secretary General", "Chairperson")."""
    gaz = gazetteer()
    return (gaz.person_titles | gaz.not_name_words) - {"and", "the", "his", "her"}


def _titles_a_person(doc: Doc, m: ActorMention, mentions: list[ActorMention]) -> bool:
    """A body named right before a person with only office words between ("African Union Commission
    Chairperson Moussa Faki Mahamat", "WHO Director-General Tedros")."""
    words = _office_words()
    for p in mentions:
        if p.actor.kind != "person" or p.start < m.end:
            continue
        text = doc.text[m.end:p.start]
        between = text.replace("-", " ").replace("(", " ").replace(")", " ").split()
        if between and len(between) <= 4 and "," not in text \
                and all(w.lower() in words or w.isupper() for w in between):
            return True
    return False


def _collect(tok: Token, found: Found, out: list, possessors: bool = True) -> None:
    """Actor mentions of a noun phrase: the head, its conjuncts, appositions, compounds, possessors.
    A state that only describes a person of the phrase ("Japanese Foreign Minister Motegi", "Biegun,
    the U.S. envoy") is not a second actor."""
    phrase: list[ActorMention] = []
    modifiers: set[str] = set()   # actors named only as a modifier of another word ("AU Commission chair X")
    stack = [tok]
    led = False
    titles = gazetteer().person_titles
    lex = lexicon()
    group_nouns = lex.group_nouns
    office_over: dict[int, str] = {}   # token -> the plural office it names states for ("the presidents of")
    seen: set[int] = set()
    while stack:
        t = stack.pop()
        if t.i in seen:
            continue
        seen.add(t.i)
        office = office_over.get(t.i)
        if t.i in found.by_token and _no_side(t, lex, found):
            continue
        phrase.extend(_holder_for(m, office, found) if office else m for m in found.by_token.get(t.i, ()))
        # "Anwar Ibrahim and Joko Widodo adopted ...": the parser may split a name it does not know, with
        # "Ibrahim" the object of "Anwar"; the conjuncts then hang from the name's other words
        stack.extend(c for m in found.by_token.get(t.i, ()) for w in _name_words(t, m) for c in w.children
                     if c.dep_ == "conj")
        if office:
            office_over.update((c.i, office) for c in t.children if c.dep_ in ("conj", "appos"))
        if t.dep_ == "conj" and t.lower_ in titles and t.i not in found.by_token:
            # "Putin and Chairman of the State Affairs Commission of the DPRK Kim Jong Un": a conjoined
            # office whose holder the parser hung a few prepositions down
            phrase.extend(_person_down_office(t, found))
        if t.dep_ == "compound" and t.head.i not in found.by_token and _names_an_office(t, titles):
            modifiers.update(m.actor.id for m in found.by_token.get(t.i, ()))
        # An apposition's or an office's possessor is whom the person serves ("Witkoff, Trump's envoy",
        # "Trump's special envoy Steve Witkoff"), not a participant.
        serves = t.dep_ == "appos" or t.lower_ in titles
        stack.extend(c for c in t.children if c.dep_ in ("conj", "appos", "poss", "compound", "nmod", "amod")
                     and not (c.dep_ == "poss" and (serves or not possessors)))
        if t.lower_ in lex.body_nouns and t.i not in found.by_token:   # "the Permanent Council of the OAS"
            stack.extend(objects_of(t))
        if t.lower_ in lex.relation_nouns:   # "Relations between Dakar and Nouakchott were severed"
            stack.extend(g for c in t.children if c.dep_ == "prep" and c.lower_ == "between"
                         for g in pobjs(c))
        if t.lower_ in group_nouns:   # "members of Pompeo's staff" stand for Pompeo's side
            sides = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "for")
                     for g in c.children if g.dep_ == "pobj"]
            stack.extend(sides)
            office = _plural_office(t)
            if office:
                office_over.update((g.i, office) for g in sides)
            # "the delegation (of Russia) led by Sergei Shoigu": its leader stands for it; the parser
            # often hangs "led by" on the "of" phrase's noun, so the whole phrase is searched.
            leaders = [g for c in t.subtree if c.dep_ == "acl" and c.lower_ in LEADING_VERBS
                       for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            led = led or bool(leaders)
            stack.extend(leaders)
    # A title the parser mistook for the head: "[US Special Representative] for North Korea Stephen
    # Biegun said", "[Head] of the Presidential Office Andriy Yermak" hang the name under the preposition;
    # a title phrase naming no person takes that name.
    # ("President of Mongolia Ukhnaagiin Khurelsukh and President of Russia Vladimir Putin": a few
    # prepositions down, and whoever the conjoined office names)
    if (tok.tag_ == "NNP" or tok.lower_ in titles) and \
            not any(m.actor.kind == "person" and m.start < tok.idx for m in phrase):
        phrase.extend(_person_down_office(tok, found, any_prep=True))
    has_person = any(m.actor.kind == "person" for m in phrase)
    their_states = {m.actor.country for m in phrase if m.actor.kind == "person"}
    # A led delegation is its leader's: "a Russian delegation led by Shoigu" is Shoigu, not also Russia.
    if led and has_person:
        their_states |= {m.actor.id for m in phrase if m.actor.kind == "state"}
    # An organisation that only qualifies a person's office is their affiliation, not a participant:
    # "African Union Commission chairperson Moussa Faki Mahamat said" is Moussa Faki Mahamat.
    affiliations = modifiers if has_person else set()
    out.extend(m for m in phrase if not (m.actor.kind == "state" and m.actor.id in their_states
                                         or m.actor.kind == "organisation" and m.actor.id in affiliations))


def _no_side(t: Token, lex: Lexicon, found: Found) -> bool:
    """A modifier naming a state that takes no part: "Mongolian schoolchildren", "the Singapore summit"."""
    if t.dep_ not in ("amod", "compound", "nmod"):
        return False
    head = t.head
    low = head.lower_
    if low in lex.private_people or low in lex.people_nouns and any(
            c.dep_ in ("compound", "amod") and c.lower_ in lex.private_modifiers for c in head.children):
        return t.tag_ in ("JJ", "NNP", "NNPS") and not any(c.dep_ == "conj" for c in t.children)
    return low in lex.nouns and any(m.actor.id in lex.city_states for m in found.by_token[t.i]) and \
        not any(c.dep_ in ("conj", "cc") or c.tag_ == "HYPH" for c in [*t.children, *head.children])


def _plural_office(noun: Token) -> str | None:
    """"the presidents", "the foreign ministers", "the leaders": the office, in the singular, that a
    plural noun names (with the words before it that belong to the title)."""
    if noun.tag_ != "NNS" or not noun.lower_.endswith("s"):
        return None
    words = [c.lower_ for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    single = noun.lower_[:-1]
    gaz = gazetteer()
    for title in (" ".join([*words, single]), single):
        if title in gaz.by_title or title == "leader":
            return title
    return None


def _holder_for(m: ActorMention, office: str, found: Found) -> ActorMention:
    """A state named under a plural office ("the presidents of Kazakhstan and ...") stands for the one
    holding that office that day, when the gazetteer knows who."""
    if m.actor.kind != "state" or m.how == "coref":
        return m   # "the leaders of the three countries": told of no time we know here, the states stay
    entry = gazetteer().office_holder(office, m.actor.id, found.published)
    return m if entry is None else replace(m, actor=entry.actor, how="role")


def _person_down_office(title: Token, found: Found, depth: int = 3,
                        any_prep: bool = False) -> list[ActorMention]:
    """The first person named down an office's chain of "of"/"for" phrases (of any preposition's, right
    under the office: "US ambassador to Qatar Timmy Davis")."""
    for prep in (c for c in title.children if c.dep_ == "prep" and (any_prep or c.lower_ in ("of", "for"))):
        for g in pobjs(prep):
            people = [m for m in found.by_token.get(g.i, ()) if m.actor.kind == "person"]
            if people:
                return people
            if depth > 1:
                deeper = _person_down_office(g, found, depth - 1)
                if deeper:
                    return deeper
    return []


def _names_an_office(modifier: Token, titles) -> bool:
    """"[African Union] Commission chairperson": the modifier qualifies an office (up its compound chain),
    not a group ("[Taliban] leaders", who take part themselves)."""
    head = modifier.head
    while True:
        if head.lower_ in titles:
            return True
        if head.dep_ != "compound" or head.head.i == head.i:
            return False
        head = head.head


def objects_of(tok: Token) -> list[Token]:
    """What a verb acts on, or what a noun is of ("the exchange of [memoranda]")."""
    if _is_noun(tok):
        return [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in pobjs(c)]
    return [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]


def pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition ("with [Kim]", "by [Rodriguez] and Blyde")."""
    return [g for g in prep.children if g.dep_ == "pobj"]


def _arguments(tok: Token, anchor: Token, trig: Trigger, found: Found) -> list[ActorMention]:
    """The actors of an event: subjects, objects, "with"/"between" complements, possessors."""
    out: list[ActorMention] = []
    heads = [tok] if tok.i == anchor.i else [tok, anchor]
    clause_deps = lexicon().clause_deps
    for h in heads:
        if any(c.dep_ == "auxpass" for c in h.children) and not any(c.dep_ == "agent" for c in h.children):
            # "was inked in Addis Ababa on New Year's Day by Abiy Ahmed": the parser may hang the agent's
            # "by" on a noun of the clause
            for t in own_tokens(h, clause_deps):
                if t.dep_ == "prep" and t.lower_ == "by" and t.head.i != h.i:
                    for g in pobjs(t):
                        _collect(g, found, out)
        # A reporting verb's actor is its speaker; a trip's purpose ("flew ... for a visit") shares only
        # the traveller with the verb it hangs from, not the verb's other arguments.
        subject_only = trig.report or (h.i != tok.i and _purpose_of(tok))
        # "Biden welcomed Yoon for a state visit": the host's guest is the visitor, not the host.
        guest_only = subject_only and trig.type in MOVE_TYPES and h.lower_ in lexicon().hosting_verbs
        for c in h.children:
            if guest_only:
                if c.dep_ in ("dobj", "nsubjpass"):
                    _collect(c, found, out)
                continue
            if subject_only and c.dep_ not in SUBJECT_DEPS:
                if c.dep_ == "dobj" and not trig.report:
                    # "joined Joe Biden at the White House for the summit": the one joined takes part
                    out.extend(m for m in _named_by([c], found) if m.actor.kind == "person")
                continue
            if c.dep_ in ARGUMENT_DEPS:
                if trig.type in MOVE_TYPES and c.dep_ in ("dobj", "attr"):
                    continue   # "visited Seoul": the object is where, not who
                # "discussed support for Ukraine": the object is what was talked about (its "with" is who)
                if not (trig.reciprocal and c.dep_ == "dobj"):
                    _collect(c, found, out)
                if c.dep_ == "agent":   # "was signed by Rodriguez and Blyde": the names hang under "by"
                    for g in pobjs(c):
                        _collect(g, found, out)
                        # "had spoken by phone with Joe Biden": the partner hangs under the medium
                        for p in g.children:
                            if p.dep_ == "prep" and p.lower_ in ("with", "between"):
                                for w in pobjs(p):
                                    _collect(w, found, out)
                if c.dep_ == "dobj":   # "hosted a dinner for Kim", "signed a pact with Seoul"
                    for prep in c.children:
                        if prep.dep_ == "prep" and prep.lower_ in ARGUMENT_PREPS \
                                and not (trig.reciprocal and prep.lower_ != "with"):
                            for g in pobjs(prep):
                                _collect(g, found, out)
                    if trig.type == "meeting":   # "hosted a dinner in honor of the Egyptian president"
                        _collect_honoured(c, found, out)
            elif c.dep_ == "oprd" and trig.person_object and not any(d.dep_ == "dobj" for d in h.children):
                _collect(c, found, out)   # "called Herzog" read as what he is called (see _person_object)
            elif c.dep_ in ("acl", "relcl") and h.i == tok.i and trig.pos == "noun" and c.tag_ == "VBN":
                # "a summit hosted by Sir Keir": the host of the event named by the noun takes part
                for g in (g for a in c.children if a.dep_ == "agent" for g in pobjs(a)):
                    _collect(g, found, out)
            elif c.dep_ == "prep" and trig.type in MOVE_TYPES and c.lower_ in trig.particle:
                continue   # "left for St Vincent", "returned to Tehran": where, not who
            elif c.dep_ == "prep" and (c.lower_ in ARGUMENT_PREPS or c.lower_ in trig.particle):
                for g in pobjs(c):
                    _collect(g, found, out)
            elif c.dep_ == "prep" and c.lower_ == "in" and trig.type == "meeting":
                _collect_honoured(h, found, out)
            elif c.dep_ == "prep" and c.lower_ == "to" and trig.type == "meeting":
                # "spoke to Trump by phone" takes Trump in; "welcomed Yoon to the White House" not the place
                spoken_to: list[ActorMention] = []
                for g in pobjs(c):
                    _collect(g, found, spoken_to)
                out.extend(m for m in spoken_to if m.actor.kind == "person")
    # The small model sometimes hangs a subject name on a fronted adverb ("Xi last met Biden": Xi as a
    # compound of "last"); a verb with no subject takes the names of its left adverbs.
    if _is_verb(anchor) and not any(c.dep_ in SUBJECT_DEPS for c in anchor.children):
        for c in anchor.children:
            if c.i < anchor.i and c.dep_ in ("advmod", "npadvmod"):
                for t in c.children:
                    if t.dep_ == "compound":
                        _collect(t, found, out)
        # After a long fronted phrase it may hang the subject names on that phrase ("following a welcome
        # at Rashtrapati Bhavan, Prime Minister Modi and President Muizzu held talks"): names standing
        # right before a subjectless verb are its subject.
        # (past a phrase of the verb between them: "In London, Kishida and Sunak on Wednesday signed")
        last = anchor.i - 1
        for c in sorted((c for c in anchor.children if c.dep_ == "prep" and c.i < anchor.i),
                        key=lambda c: -c.i):
            if c.right_edge.i == last and not any(t.i in found.by_token for t in c.subtree):
                last = c.left_edge.i - 1
        j, doc = last, anchor.doc
        while j >= anchor.sent.start and (j in found.by_token or doc[j].lower_ == "and"
                                          or doc[j].tag_ in ("NNP", "NNPS")
                                          or doc[j].tag_ == "JJ" and doc[j].is_title):   # "British"
            j -= 1
        if j < last:
            # (a state that only describes a name, "British Prime Minister Rishi Sunak", is not a side)
            out.extend(m for t in range(j + 1, last + 1) for m in found.by_token.get(t, ())
                       if not (m.actor.kind == "state" and doc[t].dep_ in ("amod", "compound")))
    # A relative clause's subject is the noun it modifies: "officials who dined with ...".
    if anchor.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in anchor.children):
        _collect(anchor.head, found, out)
    elif anchor.dep_ == "relcl" and not out and any(
            c.dep_ in SUBJECT_DEPS and any(g.dep_ == "poss" and g.tag_ == "WP$" for g in c.children)
            for c in anchor.children):
        _collect(anchor.head, found, out)   # "the Solomon Islands, whose government signed a pact": theirs
    # A controlled subject: "Kim agreed to meet Trump", "The two sides are expected to hold talks".
    # A noun event's participants include the subject of the verb it hangs from: "Trump sought a summit
    # with Kim", "He met Kim before flying on for a two-day visit".
    elif not any(c.dep_ in SUBJECT_DEPS + ("poss",) for c in anchor.children):
        cur = anchor
        climb = ("xcomp", "acl", "advcl", "conj", "pcomp", "prep", "pobj", "dobj", "acomp")
        if _record_infinitive(anchor, lexicon()) and anchor.dep_ in ("acl", "relcl"):
            # "Modi became the first prime minister to visit": the subject is the copula's
            climb += ("attr", "relcl")
        for _ in range(3):
            if cur.dep_ not in climb or cur.head.i == cur.i:
                break
            cur = cur.head
            subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                _collect(subj[0], found, out)
                if cur.lower_ in lexicon().hosting_verbs:   # "invited Kim to visit": the guest goes too
                    for obj in (c for c in cur.children if c.dep_ == "dobj"):
                        _collect(obj, found, out)
                break
    # "The African Union said on Thursday that it had postponed the meeting": an "it" subject of what a
    # state or organisation says is that body.
    if anchor.dep_ == "ccomp" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "it"
                                      for c in anchor.children):
        for c in (c for c in anchor.head.children if c.dep_ == "nsubj"):
            speaker: list[ActorMention] = []
            _collect(c, found, speaker)
            out.extend(m for m in speaker if m.actor.kind in ("state", "organisation"))
    if not out and trig.pos == "noun":
        out.extend(_paired_states(tok, found))
    return out


def _paired_states(noun: Token, found: Found) -> list[ActorMention]:
    """"German-Chinese government consultations", "the second meeting of the Qatari-Bahraini follow-up
    committee": two or more states modifying an event noun (or the body it is "of") are its sides."""
    phrases = [noun, *objects_of(noun)]
    states = {m.actor.id: m for ph in phrases for t in ph.subtree if t.i < ph.i
              for m in found.by_token.get(t.i, ()) if m.actor.kind == "state"}
    return list(states.values()) if len(states) >= 2 else []


def _collect_honoured(tok: Token, found: Found, out: list) -> None:
    """The people a meal or reception under ``tok`` is "in honor of": they take part."""
    for g in (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
              for n in c.children if n.lower_ in lexicon().honour_nouns for p in n.children
              if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"):
        _collect(g, found, out)


def _location(tok: Token, anchor: Token, trig: Trigger, place_at: dict, lex: Lexicon) -> str | None:
    """The place an event's own words name: "in Hanoi", "to Seoul", "visited Beijing"."""
    tokens = own_tokens(tok, lex.clause_deps)
    if anchor.i != tok.i:
        tokens += own_tokens(anchor, lex.clause_deps)
    for t in sorted(tokens, key=lambda t: t.i):
        p = place_at.get(t.i)
        if p is None:
            continue
        path = t
        while path.dep_ in ("compound", "conj", "appos") and path.head.i != path.i:
            path = path.head
        if (path.dep_ == "pobj" and path.head.lower_ in PLACE_PREPS) or \
                (trig.type in MOVE_TYPES and path.dep_ == "dobj") or path.dep_ == "npadvmod":
            return p.name
    return None


def _unique(mentions: list[ActorMention]) -> tuple[ActorMention, ...]:
    seen, out = set(), []
    for m in mentions:
        if m.actor.id not in seen:
            seen.add(m.actor.id)
            out.append(m)
    return tuple(out)


def _fold_travel(cands: list[Candidate]) -> list[Candidate]:
    """"flying to Seoul for a two-day visit", "will travel to Seoul for talks": the travel is part of the
    visit or of the meeting it is for, one event (which takes the travel's destination)."""
    out = [c for c in cands if c.type != "travel"]
    for c in cands:
        if c.type != "travel":
            continue
        actors = {m.actor.id for m in c.mentions}
        # Two verbs are two moves ("visited Beijing in March, traveled to Dalian in May"): only a visit
        # named by a noun is what a travel verb may be part of.
        visit = next((i for i, v in enumerate(out)
                      if (v.type == "visit" and v.trigger.pos == "noun"
                          and actors & {m.actor.id for m in v.mentions})
                      or (v.anchor == c.token and v.token != c.token)), None)
        if visit is None:
            out.append(c)
        elif out[visit].location is None:
            out[visit] = replace(out[visit], location=c.location)
    return sorted(out, key=lambda c: c.token)

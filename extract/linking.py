"""Which time belongs to which event: syntactic attachment, not character distance.

1. The timex in the anchor's own subtree (not inside another clause) nearest by dependency depth:
   "Pompeo said on Sunday [he had a good trip]" -> the statement is Sunday.
2. A "when"/"while" clause lends its date to its main clause: "When Pompeo was in North Korea in July
   ... Kim would not even meet with him" -> both July; a "when" clause on a date takes that date.
3. A noun event under a preposition shares its verb's own date ("met ... Sunday afternoon for a visit");
   a coordinated verb shares its first conjunct's ("arrived on Monday and met Abe").
   A "where" clause on a place takes the date of the verb that names the place ("travelled to Ankara on
   15 May, where he met Erdogan"); an event noun takes the date of its own occurrence clause ("the G7
   Summit, which opened on 13 June"); a "during" phrase lends its date ("agreed ... during their summit
   on Thursday").
4. Discourse: an undated actual event takes the date of the latest earlier dated actual event of the
   document that shares one of its sides (compared by state, so "the two sides" are Rubio and Lavrov's
   countries), only if its sentence has a cue of the same occasion (events.yaml `discourse_cues`) or
   it is told in the same or the very next sentence ("X and Y held talks on Saturday. X's and Y's
   envoys met for several hours"). An event told in the plain past a few sentences after one dated to
   the story's own day (at most STORY_DAYS before publication) is on that day, whoever it involves: the
   news of the day goes on. Otherwise the time stays null: no date is ever made up.
5. A lead-up ("after the two men held talks", "following a call between X and Y") is on the day of the
   clause it hangs from, moved back by a measured gap ("two days after"); with no date in that clause, on
   the story's day as in 4; with an unmeasured gap ("weeks after") it stays undated.
An event's date is a day at the finest: "Sunday afternoon" dates the event 2018-10-07 (the timex text
keeps the part of day).
Durations and sets ("for two hours", "every week") and the vague PAST_REF/PRESENT_REF are not an
event's date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from extract.events import (TALK_TYPES, Candidate, Lexicon, be_to, definite, describing_participles,
                            objects_of, pobjs, sequencer_word, simultaneous_clause, verb_above)
from extract.temporal.rules import lexicons
from extract.temporal.values import interval
from extract.types import Timex

DATE_TYPES = ("DATE", "TIME")
VAGUE = ("PAST_REF", "PRESENT_REF")   # "recently", "now": no date for a timeline; FUTURE_REF marks a plan
FINE = ("day", "part-of-day", "time")   # a date that names one day: one a discourse event may share
# A day this close before publication is the story's own day ("on Tuesday" in Wednesday's paper).
STORY_DAYS = 2


def timex_tokens(doc: Doc, timexes: Sequence[Timex]) -> dict[int, Timex]:
    """Token index -> the timex covering it (dates and times only)."""
    out: dict[int, Timex] = {}
    for tx in timexes:
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            out[t.i] = tx
    return out


def _fronted(tok: Token) -> list[Token]:
    """Modifiers the parser hangs on a complement clause although they precede its subject:
    in "said on Sunday he had a good trip", "on Sunday" modifies "said", not "had"."""
    out = []
    for clause in tok.children:
        if clause.dep_ != "ccomp":
            continue
        subj = [c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            out += [c for c in clause.children
                    if c.dep_ in ("prep", "npadvmod", "tmod") and tok.i < c.i < subj[0]]
    return out


def _children(tok: Token, clause_deps: frozenset) -> list[Token]:
    # a conjoined name is no clause of its own: "Modi and Sisi on Sunday signed" (the parser hangs the
    # date on "Sisi")
    own = [c for c in tok.children if c.dep_ not in clause_deps
           or c.dep_ == "conj" and tok.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("NNP", "NNPS")
           # a common noun "conjoined" to a verb is its object misread: "signed a ceasefire deal in Havana
           # on June 23" (the parser hangs "deal", and the date with it, on "signed" as a conjunct)
           or c.dep_ == "conj" and tok.tag_.startswith("VB") and c.tag_ in ("NN", "NNS")]
    if tok.dep_ == "ccomp":
        moved = {c.i for c in _fronted(tok.head)}
        own = [c for c in own if c.i not in moved]
    return own + _fronted(tok)


def _nearest(root: Token, tmap: dict[int, Timex], clause_deps: frozenset) -> Timex | None:
    """Breadth-first from ``root`` inside its own clause: the shallowest timex wins, then the closest."""
    frontier, seen = [root], set()
    # A timex that starts before the clause does is another clause's, even when its last word is this
    # clause's conjunction: "opened [the day after] Kim met Trump on Friday".
    clause_start = root.left_edge.idx
    while frontier:
        hits = [tmap[t.i] for t in frontier if t.i in tmap and tmap[t.i].value.type in DATE_TYPES
                and tmap[t.i].value.value not in VAGUE and tmap[t.i].start >= clause_start
                and not _describes_a_thing(t, tmap[t.i], root)]
        seen.update(t.i for t in frontier)
        if hits:
            best = min(hits, key=lambda tx: abs(tx.start - root.idx))
            if best.value.granularity in FINE:
                return best
            # "a week later, on Dec. 6": a day told beside a coarser date, one step down, is the date
            days = [tmap[c.i] for c in _below(frontier, seen, clause_deps)
                    if c.i in tmap and tmap[c.i].value.granularity in FINE
                    and tmap[c.i].value.type in DATE_TYPES]
            return days[0] if days else best
        frontier = _below(frontier, seen, clause_deps)
    return None


def _describes_a_thing(tok: Token, tx: Timex, root: Token) -> bool:
    """"at Villa La Grange, an 18th-century mansion": an era that modifies another noun tells its age."""
    if tx.value.granularity not in ("century", "decade"):
        return False
    while tok.head.i != tok.i and tok.head.idx < tx.end and tok.head.idx >= tx.start:
        tok = tok.head   # "18th", "-": up to the timex's own head word
    return tok.dep_ in ("amod", "compound", "nmod") and tok.head.tag_.startswith("NN") \
        and tok.head.i != root.i


def _below(frontier: list[Token], seen: set[int], clause_deps: frozenset) -> list[Token]:
    """The next breadth-first level under ``frontier`` inside the clause."""
    return [c for t in frontier for c in _children(t, clause_deps) if c.i not in seen]


def as_day(tx: Timex | None) -> Timex | None:
    """A part of day or a clock time dates an event by its day (the timeline's finest unit)."""
    v = tx.value if tx is not None else None
    if v is None or v.granularity not in ("part-of-day", "time") or v.start is None:
        return tx
    day = dataclasses.replace(v, value=v.start.isoformat(), type="DATE", granularity="day",
                              start=v.start, end=v.start, mod=None)
    return dataclasses.replace(tx, value=day)


# The prepositions that put an event at an occasion ("met at the summit", "talks on the sidelines of").
OCCASION_PREPS = ("at", "during", "on")


def attach(doc: Doc, cand: Candidate, tmap: dict[int, Timex], lex: Lexicon) -> Timex | None:
    return as_day(_attach(doc, cand, tmap, lex))


def _before_the_subordinator(verb: Token, tmap: dict[int, Timex]) -> Timex | None:
    """"Blinken postponed a planned trip earlier this month after the balloon was spotted", "inaugurated
    a bridge across the Gambia River Monday, a project first discussed ...": the parser may hang a date
    that stands before a following clause's "after" or subject on that clause; said before them, it is
    the main verb's."""
    for clause in (c for c in verb.children if c.dep_ in ("advcl", "conj") and c.i > verb.i):
        opening = [m.i for m in clause.children if m.dep_ == "mark"] or \
            [m.left_edge.i for m in clause.children if m.dep_ in ("nsubj", "nsubjpass")]
        if not opening:
            continue
        # (not one after the "and" of a conjoined clause: "... and during Xi's visit in 2016 the two sides
        # signed" is that clause's own)
        joined = [c.i for c in (*verb.children, *clause.children) if c.dep_ == "cc" and verb.i < c.i]
        for t in clause.subtree:
            if verb.i < t.i < min(opening) and t.i in tmap and tmap[t.i].value.type in DATE_TYPES \
                    and not any(j < t.i for j in joined):
                return tmap[t.i]
    return None


def _attach(doc: Doc, cand: Candidate, tmap: dict[int, Timex], lex: Lexicon) -> Timex | None:
    anchor, trigger = doc[cand.anchor], doc[cand.token]
    found = _nearest(anchor, tmap, lex.clause_deps)
    if found is None and trigger.i != anchor.i:
        found = _nearest(trigger, tmap, lex.clause_deps)
    if found is None:
        found = _first_dated([c for c in anchor.children if simultaneous_clause(c, lex)], tmap, lex)
    if found is None:
        found = _before_the_subordinator(anchor, tmap)
    if found is None:
        found = _step_day(anchor, tmap, lex)
    if found is None and cand.trigger.infinitive:
        # "applied to join NATO in May 2022": the verb is its infinitive's, and so is the date
        found = _first_dated([c for c in anchor.children if c.dep_ == "xcomp"], tmap, lex)
    clause = anchor
    while clause.dep_ in ("xcomp", "acomp") and found is None:
        clause = clause.head   # "on Wednesday, when Ramaphosa is due to hold talks": the clause is "is due"
    if found is None and cand.status == "planned" and clause.dep_ == "advcl" \
            and clause.head.tag_.startswith("VB"):
        # "The meeting took place on Monday, a day before Albanese is due to sit down with Li": a plan
        # a measured gap after the main clause's day
        word = sequencer_word(clause, lex)
        gap = _gap_days(word, tmap) if word is not None and word.lower_ in lex.forward_sequencers else None
        day = _nearest(clause.head, tmap, lex.clause_deps) if gap else None
        if day is not None and day.value.granularity in FINE:
            found = _days_before(as_day(day), -gap)
    if found is None and simultaneous_clause(clause, lex, deps=("relcl", "advcl", "acl")):
        if clause.head.i in tmap:
            found = tmap[clause.head.i]   # "on Oct. 7, when Pompeo also had talks with Kim": that day
        elif clause.dep_ == "advcl" and clause.head.tag_.startswith("VB"):
            # "talks collapsed in September, when Trump called off a meeting": the time of the main clause
            found = _nearest(clause.head, tmap, lex.clause_deps) or _step_day(clause.head, tmap, lex)
    if found is None:
        # A participle adjunct without a subject of its own happens with the verb and may carry its date:
        # "Lavrov, speaking at a news conference on Thursday, said ...", "Speaking early on Sunday, Vucic
        # said", and a passive one on the verb itself: "Asked on Wednesday whether ..., Albanese said" (not
        # one on a noun: "a consultation, originally scheduled for Wednesday, was postponed").
        subjects = [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")]
        found = _first_dated([c for c in [*anchor.children, *(g for s in subjects for g in s.children)]
                              if c.dep_ in ("advcl", "acl")
                              and (c.tag_ == "VBG"
                                   or c.tag_ == "VBN" and c.dep_ == "advcl" and c.head.i == anchor.i)
                              and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)], tmap, lex)
    if found is None and cand.trigger.report:
        # "Oli told journalists accompanying him in Beijing on Wednesday evening": the parser makes the
        # audience the subject of a clause of its own, whose date is the telling's
        found = _first_dated([c for c in anchor.children if c.dep_ in ("xcomp", "acl") and c.tag_ == "VBG"
                              and any(g.dep_ == "nsubj" and g.lower_ in lex.audiences for g in c.children)],
                             tmap, lex)
    if found is None and trigger.dep_ == "pcomp" and trigger.head.lower_ == "by" \
            and trigger.head.head.tag_.startswith("VB"):
        found = _nearest(trigger.head.head, tmap, lex.clause_deps)   # "stunned them in June by announcing"
    if found is None and anchor.dep_ == "relcl" and anchor.head.lower_ in lex.time_nouns \
            and anchor.head.head.tag_.startswith("VB"):
        found = _nearest(anchor.head.head, tmap, lex.clause_deps)   # "The last time they met was in 2019"
    if found is None and _scheduled(anchor, lex):
        found = _nearest(anchor.head, tmap, lex.clause_deps)   # "On Friday, Yoon is scheduled to meet"
    if found is None and anchor.dep_ == "conj" and anchor.head.tag_.startswith("VB"):
        found = _nearest(anchor.head, tmap, lex.clause_deps)   # "stepped over ... at 9:30 and shook hands"
        if found is None and cand.type == "cancellation":
            # "had planned to travel to Juba last July but postponed the trip": the plan's date
            found = _first_dated([c for c in anchor.head.children if c.dep_ == "xcomp"], tmap, lex)
    if found is None and cand.type in ("travel", "visit"):
        # A trip is when what it is for is: "will travel to Switzerland to attend the summit on 15 June".
        found = _first_dated([c for c in anchor.children if c.dep_ in ("xcomp", "advcl")
                              and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)], tmap, lex)
    if found is None and cand.status == "actual":
        found = _after_a_late_arrival(doc, anchor, tmap, lex)
    if found is None:
        # A date closing a pair of verbs dates both: "held talks and dined together on Sunday evening".
        found = _first_dated([c for c in anchor.children if c.dep_ == "conj" and c.tag_ == anchor.tag_
                              and c.i > anchor.i], tmap, lex)
    if found is None and not trigger.tag_.startswith("VB"):
        prep = trigger.head
        if trigger.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ not in lex.subordinators:
            verb = prep.head
            # a date, not the "a day" of "a day after"
            direct = [tmap[c.i] for c in verb.children if c.i in tmap and c.dep_ in ("npadvmod", "tmod")
                      and tmap[c.i].value.type in DATE_TYPES]
            found = direct[0] if direct else None
    if found is None and clause.dep_ == "relcl" and any(c.lower_ == "where"
                                                        for c in (*clause.children, *anchor.children)):
        # "travelled to Ankara on 15 May, where he met Erdogan", "was scheduled to travel to Istanbul on
        # Thursday, where he was due to meet ..." (the parser may hang "where" on "meet" itself)
        verb = verb_above(clause.head)
        found = _nearest(verb, tmap, lex.clause_deps) if verb is not None else None
    where = None if found is not None or clause.dep_ == "relcl" else \
        next((c for c in anchor.children if c.dep_ == "advmod" and c.lower_ == "where"), None)
    if where is not None:
        # "due to travel to Moscow next week, where diplomats expect him to meet Lavrov": the parser hangs
        # "where" on the verb, not on the place; the place is the last name before it
        place = next((t for t in reversed(doc[where.sent.start:where.i]) if t.tag_ in ("NNP", "NNPS")), None)
        verb = verb_above(place) if place is not None else None
        found = _nearest(verb, tmap, lex.clause_deps) if verb is not None and verb.i != anchor.i else None
    if found is None and cand.status == "actual" and clause.dep_ in ("relcl", "advcl") \
            and _on_the_occasion_of_which(clause, lex):
        # "paid a state visit to Malaysia in October 2013, during which the two countries elevated ties":
        # the occasion's date, told on its noun or on the verb it is the object of (not a plan's: "a call
        # in which he invited Biden to visit")
        found = _nearest(clause.head, tmap, lex.clause_deps)
        if found is None and (verb := verb_above(clause.head)) is not None:
            found = _nearest(verb, tmap, lex.clause_deps)
    if found is None and anchor.dep_ == "relcl" and anchor.tag_ == "VBG" \
            and any(c.dep_ == "aux" and c.lower_ in lex.be_forms for c in anchor.children):
        # "Kamikawa and Kihara, who are visiting the Philippines, held talks on July 8": what one is in
        # the middle of doing goes on on the main clause's day
        verb = verb_above(anchor.head)
        found = _nearest(verb, tmap, lex.clause_deps) if verb is not None else None
    if found is None and not trigger.tag_.startswith("VB"):
        # "the G7 Summit, which opened on 13 June", "a summit (of European leaders) hosted ... on Sunday"
        happening = [c for c in trigger.children
                     if c.dep_ in ("relcl", "acl") and c.lower_ in lex.occurrence_verbs]
        clauses = sorted({*happening, *describing_participles(trigger)}, key=lambda c: c.i)
        found = _first_dated(clauses, tmap, lex)
    if found is None and cand.trigger.objects and not cand.trigger.absorbs:
        # "will attend the military parade to be held on July 27": one is at an occasion when it is held
        occasions = [c for c in trigger.children if c.dep_ == "dobj" and c.lower_ in cand.trigger.objects]
        found = _first_dated([p for o in occasions for p in describing_participles(o)], tmap, lex)
    if found is None:   # "agreed to restore visits during their summit on Thursday"
        found = _first_dated([p for p in anchor.subtree if p.dep_ == "prep" and p.sent == anchor.sent
                              and p.lower_ in lex.simultaneous - lex.subordinators], tmap, lex)
    if found is None:
        # "met at the APEC summit held in San Francisco on November 15": one is at an occasion when it is
        objs = [g for p in anchor.children if p.dep_ == "prep" and p.lower_ in OCCASION_PREPS
                for g in pobjs(p)]
        # "on the sidelines of the BRICS summit held in Kazan": through the "of"
        occasions = [o for o in (*objs, *(g for o in objs for g in objects_of(o))) if o.lower_ in lex.nouns]
        found = _first_dated([c for o in occasions for c in describing_participles(o)], tmap, lex)
    return found


def lead_up_time(doc: Doc, cand: Candidate, tmap: dict[int, Timex],
                 earlier: Sequence[tuple[Candidate, Timex]], lex: Lexicon,
                 published: dt.date | None) -> tuple[Timex | None, bool]:
    """The date of an event told as a lead-up, or named by its sides or its body (``cand.reference``), and
    whether to keep it undated.

    A lead-up ("Macron said on Thursday, after the two men held talks", "announced on August 13
    following a call between X and Y") is on the day of the clause it hangs from, moved back by a
    measured gap ("came two days after Wang signed"). Only a day: a lead-up to something "in August" may
    be days before it. With no date in that clause it is on the story's day (see ``inherit``); with an
    unmeasured gap ("weeks after") it is kept undated, unless it names a told event ("after the
    meeting"). An event named in the clause itself ("grew out of a meeting between X and Y on January
    8", "at the GCC summit") is at its clause's date, a day or a month."""
    found = _clause_timex(doc, cand, tmap, lex)
    word = sequencer_word(doc[cand.anchor], lex)
    if found is None and word is not None:
        found = _told_event_day(doc, cand, earlier, lex)
    if word is None:
        dated = found is not None and found.value.granularity in FINE + ("month",)
        return (as_day(found) if dated else None), False
    forward = word.lower_ in lex.forward_sequencers
    gap = _gap_days(word, tmap)
    if gap is not None and forward:
        gap = -gap   # "two days before the vote": the clause's day is two days before the event's
    if found is None:
        tx = inherit(doc, cand, earlier, lex, published=published) if gap == 0 else None
    elif found.value.granularity in FINE and gap is not None:
        tx = _days_before(as_day(found), gap)
    else:
        tx = None
    if forward:
        return tx, False   # undated, what comes "before" something is a reference point, as a trip's end
    return tx, tx is None and not (cand.anchor == cand.token and definite(doc[cand.token]))


def _clause_verb(doc: Doc, cand: Candidate) -> Token | None:
    tok = doc[cand.anchor]
    # a clause ("after they held talks") hangs from its main verb; a phrase ("after receiving X",
    # "following a call") from what its preposition modifies
    main = tok.head if tok.dep_ == "advcl" else tok.head.head
    verb = main if main.tag_.startswith("VB") else verb_above(main)
    return None if verb is None or verb.i == tok.i else verb


def _clause_timex(doc: Doc, cand: Candidate, tmap: dict[int, Timex], lex: Lexicon) -> Timex | None:
    """The date told in the clause an event's phrase or clause hangs from, whatever its grain."""
    tok = doc[cand.anchor]
    verb = _clause_verb(doc, cand)
    if verb is None:
        return None
    found = _nearest(verb, tmap, lex.clause_deps)
    if found is None and verb.dep_ == "ccomp" and tok.dep_ == "advcl" and simultaneous_clause(tok, lex) \
            and not cand.trigger.report:   # "while Trump said ...": a second saying is told on its own
        # "Macron said on Wednesday that France must ..., as he held talks with Rajoelina": the parser
        # hangs the "as" clause inside what was said; it is told alongside the saying
        found = _nearest(verb.head, tmap, lex.clause_deps)
    if found is None and verb.dep_ in ("relcl", "acl", "xcomp"):
        # the parser often hangs the clause on a verb inside the main clause's object ("agreed on Thursday
        # to an arrangement under which India will import power, as the leaders held talks"; "on Friday
        # began implementing a new stage after Sanchez and the king agreed on a roadmap")
        above = verb_above(verb)
        found = _nearest(above, tmap, lex.clause_deps) if above is not None else None
    return found


def _told_event_day(doc: Doc, cand: Candidate, earlier: Sequence[tuple[Candidate, Timex]],
                    lex: Lexicon) -> Timex | None:
    """"The Sochi meeting came 10 days after a summit in Tehran", "The announcement came a day after ...":
    the clause a lead-up hangs from, with a definite event noun as its subject, is on the day of the
    latest event of that kind told before."""
    verb = _clause_verb(doc, cand)
    subj = None if verb is None else next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")),
                                          None)
    trig = lex.nouns.get(subj.lower_) if subj is not None else None
    if trig is None or not definite(subj):
        return None
    kinds = set(TALK_TYPES) if trig.type in TALK_TYPES else {trig.type}
    return _last_day_of_kind([(prev, tx) for prev, tx in earlier if not prev.reference], kinds)


def _days_before(day: Timex, gap: int) -> Timex:
    if gap == 0 or day.value.start is None:
        return day
    moved = day.value.start - dt.timedelta(days=gap)
    return dataclasses.replace(day, value=dataclasses.replace(day.value, value=moved.isoformat(), start=moved,
                                                              end=moved))


def _gap_days(word: Token, tmap: dict[int, Timex]) -> int | None:
    """Days of the gap told right before "after": 0 for none, None for an unmeasured or coarse one
    ("days after", "months after"). The tagger has already read "two days", "a week", "3 weeks" as a
    duration; a bare unit ("days after") it leaves untagged."""
    if word.i == 0:
        return 0
    before = word.nbor(-1)
    tx = tmap.get(before.i)
    if tx is not None and tx.value.type == "DURATION":
        measured = re.fullmatch(r"P(\d+)([DW])", tx.value.value)
        return int(measured[1]) * (7 if measured[2] == "W" else 1) if measured else None
    return None if before.lower_ in lexicons()["unit"] else 0


def planned_day_passed(doc: Doc, cand: Candidate, tmap: dict[int, Timex], lex: Lexicon,
                       published: dt.date | None) -> Timex | None:
    """"A signing ceremony scheduled for Thursday afternoon was scrapped", "his visit, which had been
    planned for this month, was postponed": a dateless call-off of an event planned for a time that had
    come by publication is dated by that time (the text gives no other; the call-off came then or just
    before). A plan for a later time says nothing of when it was called off."""
    if published is None or not cand.trigger.absorbs:
        return None
    verb = doc[cand.anchor]
    planning = lex.scheduling_governors | lex.planned_modifiers
    plans = [t for obj in verb.children if obj.dep_ in ("dobj", "nsubjpass") for t in obj.subtree
             if t.tag_ in ("VBN", "JJ") and t.lower_ in planning]
    if verb.dep_ == "conj":
        # "The summit had been due to be held in Baghdad in March but was postponed": the plan is the
        # first verb's
        plans += [t for t in (verb.head, *verb.head.children) if t.lower_ in planning and t.i < verb.i]
    for t in plans:
        tx = as_day(_first_dated([c for c in t.children if c.dep_ in ("prep", "xcomp")], tmap, lex))
        if tx is None or tx.value.start is None or tx.value.start > published:
            continue
        # a weekday a plan was "set for" is read back by the past tense of the plan, and may well be the
        # coming one: only the story's own day is trusted ("scheduled for Thursday afternoon" in
        # Thursday's paper)
        if tx.value.granularity != "day" or _story_day_of(tx, published) \
                and (published - tx.value.start).days <= 1:
            return tx
    return None


def _first_dated(clauses: list[Token], tmap: dict[int, Timex], lex: Lexicon) -> Timex | None:
    """The date of the first of ``clauses`` that has one inside it (see ``_nearest``)."""
    for clause in clauses:
        found = _nearest(clause, tmap, lex.clause_deps)
        if found:
            return found
    return None


@functools.cache
def _month_words() -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, lexicons()["month"])) + r")\b", re.IGNORECASE)


def past_year(doc: Doc, cand: Candidate, tx: Timex, published: dt.date | None) -> Timex:
    """A month named without its year for what a past-tense verb tells, which the tagger put after the
    publication date, is last year's: "Kim made a trip to Beijing in March" in a paper of 28 February.
    (The tagger, reading no syntax, lets a near month beat a past tense; the event's own verb is surer.)"""
    v = tx.value
    if published is None or v.start is None or v.start <= published or cand.status != "actual" \
            or v.granularity not in ("day", "month") or re.search(r"\d{4}|'\d\d", tx.text) \
            or not _month_words().search(tx.text):
        return tx
    verb = doc[cand.anchor]
    past = verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "has", "have", "was", "were")
        for c in verb.children)
    if not past:
        return tx
    try:
        earlier = interval(f"{int(v.value[:4]) - 1:04d}{v.value[4:]}", v.type, v.mod)
    except ValueError:   # 29 February of a leap year
        return tx
    return dataclasses.replace(tx, value=earlier)


def is_future(tx: Timex, published: dt.date | None) -> bool:
    if tx.value.value == "FUTURE_REF":
        return True
    return published is not None and tx.value.start is not None and tx.value.start > published


# How many sentences back the day's programme ("He was also due to meet ...") looks for the visit it
# belongs to.
PROGRAMME_REACH = 2


def inherit(doc: Doc, cand: Candidate, earlier: Sequence[tuple[Candidate, Timex]], lex: Lexicon,
            window: int = 6, published: dt.date | None = None) -> Timex | None:
    """The date of an earlier event of the same occasion, when the text supports it (see module doc)."""
    sides = _sides(cand)
    if not sides:
        return None
    sent = doc[cand.token].sent
    cued = any(t.lower_ in lex.discourse_cues for t in sent)
    if cand.status == "planned":
        # "Blinken met Bazoum on Thursday. He was also due to meet Foreign Minister Massoudou": the day's
        # programme, on the day of the visit just told
        if not (cued and _scheduled(doc[cand.anchor], lex)):
            return None
        for prev, tx in reversed(earlier):
            if prev.sentence < cand.sentence - PROGRAMME_REACH:
                break
            if prev.status == "actual" and tx.value.granularity in FINE and _sides(prev) & sides \
                    and _story_day_of(tx, published):
                return as_day(tx)
        return None
    if cand.status != "actual":
        return None
    if _unmeasured_later(doc[cand.anchor], lex):
        return _month_of_last_dated(cand, earlier, window)
    told_plainly = _simple_past(doc[cand.anchor])
    for prev, tx in reversed(earlier):
        if prev.sentence < cand.sentence - window:
            break
        if prev.status != "actual" or tx.value.granularity not in FINE:
            continue
        if prev.reference:
            continue   # a lead-up ("a day after the two sides elevated ties") is told in passing
        # The news of the day: a plain past-tense event told a few sentences after one dated to the story's
        # day ("Mr Trump received Sheikh Abdullah in the Oval Office" after "signed ... on Tuesday") is on
        # that day, whoever it involves; a pluperfect or present-perfect one is background and is not.
        if told_plainly and _story_day_of(tx, published):
            return as_day(tx)
        # Told in the same or the very next sentence, the story goes on with the same people on that day.
        next_told = prev.sentence >= cand.sentence - 1
        if (cued or next_told) and _sides(prev) & sides:
            return as_day(tx)
    return None


def _unmeasured_later(verb: Token, lex: Lexicon) -> bool:
    """An unmeasured "<units> later" on the verb: "Days later, ..." (not "two days later", a date)."""
    return any(unit.dep_ == "npadvmod" and unit.lower_ in lex.later_units
               and not any(c.dep_ == "nummod" for c in unit.children)
               for later in verb.children if later.dep_ == "advmod" and later.lower_ == "later"
               for unit in later.children)


def _month_of_last_dated(cand: Candidate, earlier: Sequence[tuple[Candidate, Timex]],
                         window: int) -> Timex | None:
    """"In August, Tahnoun visited Ankara. Days later, Mohamed bin Zayed and Erdogan held a phone call":
    the month of the last dated actual event, if it is told to the month or the day."""
    for prev, tx in reversed(earlier):
        if prev.sentence < cand.sentence - window:
            break
        if prev.status != "actual" or prev.reference:
            continue
        v = as_day(tx).value
        if v.granularity in ("day", "month") and v.start is not None:
            return Timex(0, 0, "", interval(v.start.strftime("%Y-%m")))
        return None
    return None


def occasion(doc: Doc, cand: Candidate, earlier: Sequence[tuple[Candidate, Timex]], lex: Lexicon,
             window: int = 8, published: dt.date | None = None,
             inherited: Sequence[tuple[Candidate, Timex]] = ()) -> Timex | None:
    """The day of the event a dateless statement says it was made at ("Retno Marsudi told a press
    conference afterwards", "Bilawal said before his departure"): the latest dated actual event of the
    last few sentences, when the statement's sentence names such an occasion. An occasion named by an
    event word ("after the summit", "following their talks") is the latest event of that kind, if any.
    With nothing dated told before, a statement's day is the story's news (``_news_day``); given no
    ``published``, other events ("Following the talks, Putin departed for Riyadh") stay undated."""
    # The statement's own setting ("at a press conference") is no occasion when the sentence names one
    # ("Speaking at a press conference after the summit"): the first other occasion is.
    found = list(lex.occasion.finditer(doc[cand.token].sent.text))
    said_at = next((m for m in found if not _kinds_of(m.group(0).split()[-1].lower(), lex) <= {"statement"}),
                   found[0] if found else None)
    if not said_at:
        appraised = _appraised_event(doc, cand, earlier, lex)
        if appraised is not None:
            return appraised
        return None if published is None else _story_day(doc, cand, earlier, lex, window, published)
    word = said_at.group(0).split()[-1].lower()
    kinds = _kinds_of(word, lex)
    near = [(prev, tx) for prev, tx in earlier if prev.sentence >= cand.sentence - window
            and prev.status == "actual"]
    # "During that trip" after "visited Cairo in June 2022": the occasion pointed back to may be a month's
    pointed = said_at.group(0).lower().split()[-2:-1] in (["that"], ["this"])
    grains = FINE + ("month",) if pointed else FINE
    said = " ".join(said_at.group(0).lower().split())
    if any(said.startswith(p) for p in lex.eve_prepositions):
        # "on the eve of the visit": the day before that event's, when it is told (as itself or as the
        # occasion of another: "signed a declaration at the summit"); no other event's day
        # (the occasion is named, so it may be told further back than the last few sentences)
        named = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        told = [(prev, tx) for prev, tx in earlier if prev.status == "actual" and tx.value.granularity in FINE
                and (prev.type in kinds or named.search(doc[prev.token].sent.text))]
        day = as_day(told[-1][1]) if told else None
        if day is None or day.value.granularity != "day":
            return None
        return Timex(0, 0, "", interval((day.value.start - dt.timedelta(days=1)).isoformat()))
    # (an occasion named by its kind may be told further back than the last few sentences: "after the
    # summit" is the summit, not the latest event of another kind)
    # (an event of that kind dated from its context counts too: "The two leaders held a meeting" after
    # "today agreed", then "At a press conference after the meeting, Anwar said")
    told = sorted([*earlier, *((p, t) for p, t in inherited if p.token < cand.token)],
                  key=lambda pt: pt[0].token)
    pool = [(prev, tx) for prev, tx in near if prev.type in kinds and tx.value.granularity in grains] \
        or [(prev, tx) for prev, tx in told if prev.status == "actual" and prev.type in kinds
            and tx.value.granularity in grains] \
        or [(prev, tx) for prev, tx in near if tx.value.granularity in FINE]
    if pool:
        return as_day(pool[-1][1])
    # "told Singapore reporters after the meeting", the meeting told without a day: the story's news
    return None if published is None else _news_day(cand, earlier, window, published)


def _kinds_of(word: str, lex: Lexicon) -> set[str]:
    """The event types a word of the lexicon may name."""
    return {t.type for t in (*lex.verbs.get(word, ()), *([lex.nouns[word]] if word in lex.nouns else ()))}


def _appraised_event(doc: Doc, cand: Candidate, earlier: Sequence[tuple[Candidate, Timex]],
                     lex: Lexicon) -> Timex | None:
    """"Stoltenberg described the treaty as a historic step", "Zaev hailed the signing": a dateless
    statement in the plain past whose object (or the subject of what it says: "Macron said the agreement
    was meant to ...") is an event told before, pointed back to with "the" or "this", was made on the day
    of the latest such event told to the day (the event is named, so it may be told further back than
    the last few sentences)."""
    verb = doc[cand.anchor]
    if not _simple_past(verb):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    objects += [s for c in verb.children if c.dep_ == "ccomp"
                for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    kinds = {lex.nouns[o.lower_].type for o in objects if o.lower_ in lex.nouns
             and any(d.dep_ == "det" and d.lower_ in lex.pointing_determiners for d in o.children)}
    return _last_day_of_kind(earlier, kinds) if kinds else None


def _last_day_of_kind(earlier: Sequence[tuple[Candidate, Timex]], kinds: set[str]) -> Timex | None:
    """The day of the latest actual event of one of ``kinds`` told to the day before."""
    told = [tx for prev, tx in earlier if prev.status == "actual"
            and prev.type in kinds and tx.value.granularity in FINE]
    return as_day(told[-1]) if told else None


def told_before(doc: Doc, cand: Candidate, earlier: Sequence[tuple[Candidate, Timex]]) -> Timex | None:
    """"Antonio Guterres witnessed the signing", "Kishida attended the talks": an event named by a
    definite noun with no date of its own is the one of its kind told before, on that event's day (the
    latest such event told to the day)."""
    tok = doc[cand.token]
    if cand.trigger.pos != "noun" or cand.status != "actual" or cand.needs_own_time or not definite(tok):
        return None
    return _last_day_of_kind(earlier, {cand.type})


def _story_day(doc: Doc, cand: Candidate, earlier: Sequence[tuple[Candidate, Timex]], lex: Lexicon,
               window: int, published: dt.date) -> Timex | None:
    """A dateless statement to the press ("Peskov told reporters", "Donaldson said in a statement") in the
    plain past is the story's news: the latest day of the last few sentences close before publication,
    else the publication day itself."""
    verb = doc[cand.token]
    # the setting must be this verb's own ("Trump told reporters" is Trump's, not Kim's "said" beside it)
    # (a few words from the verb on: building the whole document's text for each statement was slow),
    # or told by a participle on the verb or its subject ("Kurti, speaking to reporters in Ohrid, accused")
    if not _simple_past(doc[cand.anchor]):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    settings = [doc[verb.i:min(verb.i + 10, verb.sent.end)]]
    # (the parser may make a fronted participle the verb's clausal subject: "Addressing the gathering,
    # Abbasi said")
    settings += [doc[c.left_edge.i:c.right_edge.i + 1] for h in (verb, *subjects) for c in h.children
                 if c.dep_ in ("advcl", "acl", "csubj") and c.tag_ == "VBG"]
    if not any(lex.reporting.search(span.text) for span in settings):
        return None
    return _news_day(cand, earlier, window, published)


def _news_day(cand: Candidate, earlier: Sequence[tuple[Candidate, Timex]], window: int,
              published: dt.date) -> Timex | None:
    """The day of dateless news: the latest day close before publication among the events of the last few
    sentences; none when only older events are told there (it may be as old as they are); with nothing
    dated told just before, the publication day, as a dateline would say (an empty text: no words of
    the article give this date)."""
    background = False
    for prev, tx in reversed(earlier):
        if prev.sentence < cand.sentence - window:
            break
        if prev.reference:
            continue   # a lead-up told in passing ("came a day after Abe held talks") is no news of the day
        if prev.status == "actual" and tx.value.granularity in FINE and _story_day_of(tx, published):
            return as_day(tx)
        background = True
    return None if background else Timex(0, 0, "", interval(published.isoformat()))


def _ongoing(verb: Token, lex: Lexicon) -> bool:
    """"Anwar is on a two-day official visit to Indonesia", "the President, who is on a visit to Italy",
    "Xi is touring Europe": a dateless event told in the present tense is under way as the paper reports
    it, in a relative clause too."""
    present = ("VBZ", "VBP")
    if verb.tag_ in present and verb.lower_ in lex.be_forms:
        return True   # only a noun event anchors on "be": "is on a state visit"
    return verb.tag_ == "VBG" and verb.dep_ not in ("advcl", "acl", "pcomp") and any(
        c.dep_ == "aux" and c.tag_ in present and c.lower_ in lex.be_forms for c in verb.children)


def news_perfect(doc: Doc, cand: Candidate, tmap: dict[int, Timex],
                 earlier: Sequence[tuple[Candidate, Timex]], lex: Lexicon, published: dt.date | None,
                 window: int = 6) -> Timex | None:
    """A dateless event told in the present perfect ("Albanese has held talks with Xi", "The UK has agreed
    to hand over the islands"), or told as under way (``_ongoing``), is the news the paper reports: the
    story's day of the last few sentences, else the publication day. Not a background perfect ("has long
    sought", "has met him three times"), a relative or adverbial clause's, or one told after older dated
    events."""
    verb = doc[cand.anchor]
    if published is not None and cand.status == "actual" and _ongoing(verb, lex):
        return _news_day(cand, earlier, window, published)
    if published is None or cand.status != "actual" or verb.tag_ != "VBN" \
            or not any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children) \
            or any(c.lower_ in lex.background_adverbs
                   for c in verb.children if c.dep_ in ("advmod", "prep")) \
            or verb.dep_ in ("relcl", "advcl", "acl", "pcomp"):
        return None
    if verb.dep_ == "ccomp":
        # "Henry has agreed to step down, CARICOM leaders announced last night": the report's day
        told = _nearest(verb.head, tmap, lex.clause_deps)
        if told is not None and told.value.granularity in FINE:
            return as_day(told)
    return _news_day(cand, earlier, window, published)


def _after_a_late_arrival(doc: Doc, anchor: Token, tmap: dict[int, Timex], lex: Lexicon) -> Timex | None:
    """"Yoon, who arrived in Washington on Thursday night, held a meeting with Biden": an arrival told
    in passing on the subject, late in a day, puts what the subject does next on the day after."""
    for subj in (c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")):
        for rel in (c for c in subj.children if c.dep_ == "relcl"):
            if not any(t.type == "travel" for t in lex.verbs.get(rel.lower_, ())):
                continue
            day = _nearest(rel, tmap, lex.clause_deps)
            v = day.value if day is not None else None
            late = v is not None and v.start is not None and (
                v.granularity == "part-of-day" and v.value[-2:] in lex.late_parts_of_day
                or v.granularity == "day" and v.mod == "END")
            if late:
                return _days_before(as_day(day), -1)
    return None


def _step_day(verb: Token, tmap: dict[int, Timex], lex: Lexicon) -> Timex | None:
    """"told reporters before leaving Beijing on Monday evening": a step taken right before or after the
    verb's event (no gap told) on a named day is on that day; "shortly after taking office in April
    2022": a step told as close to it is in that month or year too."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in lex.sequencers or _gap_days(c, tmap) != 0:
            continue
        day = _first_dated([g for g in c.children if g.dep_ == "pcomp"], tmap, lex)
        if day is None:
            continue
        close = any(a.dep_ == "advmod" and a.lower_ in lex.closeness_adverbs for a in c.children)
        if day.value.granularity in FINE or close and day.value.granularity in ("month", "year"):
            return day
    return None


def _on_the_occasion_of_which(clause: Token, lex: Lexicon) -> bool:
    """"during which", "at which", "in which": a relative clause told inside the occasion it hangs on."""
    return any(c.dep_ == "prep" and c.lower_ in lex.occasion_relatives
               and any(g.lower_ == "which" for g in c.children) for c in clause.children)


def _scheduled(anchor: Token, lex: Lexicon) -> bool:
    """"was due to meet", "is scheduled to visit", "was expected to sign", "was to meet": a step of a
    timetable."""
    head = anchor.head if anchor.dep_ == "xcomp" else None
    return head is not None and (head.lower_ in lex.scheduling_governors or be_to(anchor, lex))


def _story_day_of(tx: Timex, published: dt.date | None) -> bool:
    """The date is a day at most STORY_DAYS before publication: the news of the day."""
    return published is not None and tx.value.start is not None \
        and 0 <= (published - tx.value.start).days <= STORY_DAYS


def _simple_past(verb: Token) -> bool:
    """"received", "was greeted": the narrative past, not "had agreed" or "has led"."""
    if verb.tag_ == "VBD":
        return not any(c.dep_ == "aux" and c.lower_ in ("had", "has", "have") for c in verb.children)
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were")
                                      for c in verb.children)


def _sides(cand: Candidate) -> frozenset:
    """The states an event's actors stand for (a person by their country)."""
    return frozenset(m.actor.country or m.actor.id for m in cand.mentions)

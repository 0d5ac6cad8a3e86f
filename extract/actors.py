"""Actors: find who a document names and give each mention its canonical actor.

Three sources, in this order of trust:
1. the curated gazetteer (resources/actors.yaml) and the derived country list (resources/countries.yaml):
   names, aliases, handles, demonyms; role nouns resolved by the publication date ("the secretary of
   state" in 2018 is Pompeo, in 2022 Blinken);
2. within-document resolution: a bare surname ("Kim") is the full name mentioned earlier in the same
   document (there are many Kims); pronouns and role nouns ("he", "the two leaders", "his counterpart")
   take their actor by simple salience rules, and resolve only to actors already found, so no
   canonical name is ever invented from a pronoun;
3. spaCy NER for people the gazetteer lacks: the canonical name is the longest full-name mention of the
   document.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Sequence

import yaml
from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SPACY, TAG
from spacy.tokens import Doc, Span, Token

from extract import nlp
from extract.types import Actor, ActorMention

RESOURCES = Path(__file__).resolve().parent / "resources"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when present: the country list is long
# "Sheikh Jaber al-Mubarak al-Hamad al-Sabah" is 11 tokens; a test keeps every alias within the cap.
MAX_ALIAS_TOKENS = 12
SUBJECT_DEPS = ("nsubj", "nsubjpass", "agent")
OBJECT_DEPS = ("dobj", "pobj", "dative", "attr")
NER_CONTEXT = 4   # words of context either side of an unknown name when NER reads it
GENERIC_DETERMINERS = ("a", "an", "any", "no", "every", "each")


@dataclass(frozen=True)
class Office:
    title: str
    start: dt.date
    end: dt.date | None
    state: str | None = None   # an office of another state than the person's own (Rutte: NATO's now)

    def held_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Entry:
    """One gazetteer actor with what resolution needs to know about it."""

    actor: Actor
    surname: str | None = None
    bare_surname_default: bool = False
    offices: tuple[Office, ...] = ()

    def titles_on(self, day: dt.date | None) -> tuple[str, ...]:
        if day is None:
            return tuple(o.title for o in self.offices)
        return tuple(o.title for o in self.offices if o.held_on(day))


@dataclass(frozen=True)
class Match:
    """What a token sequence of the gazetteer stands for."""

    kind: str            # name | role | title | capital | place | pronoun | plural | group | counterpart
    entry: Entry | None = None
    title: str = ""
    country: str = ""
    place: str = ""
    group: str = ""      # for kind=group: "persons", "couple" or "states"
    count: int = 2       # for kind=group: how many people or states it names
    upper: bool = False  # the alias is an abbreviation ("US", "UN"): the text must be upper case too


# Words of letters joined by single spaces ("Pedro Sanchez"): the tokenizer splits them at the spaces and
# nowhere else (tests/events/test_actor_scan.py checks it on every alias), so most of the gazetteer's
# thousands of aliases are keyed at start-up without it.
_PLAIN_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


# how a state hangs on an office noun: "the U.S. envoy", "the Philippine President", "France's president"
STATE_TITLE_DEPS = ("compound", "amod", "nmod", "poss")


def _name_ends(name: str, suffixes: frozenset) -> tuple[str, str] | None:
    """First word and last word of a name (with its suffix: "marcos jr"), or None for a one-word name."""
    words = _norm(name).replace(",", "").replace(".", "").split()
    last = len(words) - 1
    if last >= 1 and words[last] in suffixes:
        last -= 1
    if last < 1:
        return None
    return words[0], " ".join(words[last:])


def _key(text: str) -> tuple[str, ...]:
    if _PLAIN_WORDS.fullmatch(text):
        return tuple(_norm(w) for w in text.split(" "))
    return tuple(_norm(t.text) for t in _tokenizer()(text))


# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae",
                               "œ": "oe", "ʼ": "'", "’": "'"})


def _article_spellings(name: str, articles: frozenset) -> list[str]:
    """The other spellings of a name's Arabic article: "al-Sisi" is also "el-Sisi", "Al Sisi" and "El Sisi",
    and "Al Kadhimi" is also "al-Kadhimi" (one spelling per word form, the article written the same way
    throughout)."""
    words, parts = name.split(" "), []   # (takes the article, word)
    while words:
        head, hyphen, rest = words[0].partition("-")
        if hyphen and head.lower() in articles and rest[:1].isupper():
            parts.append((True, rest))
            words = words[1:]
        elif words[0].lower() in articles and len(words) > 1 and words[1][:1].isupper():
            parts.append((True, words[1]))
            words = words[2:]
        else:
            parts.append((False, words[0]))
            words = words[1:]
    if not any(marked for marked, _ in parts):
        return []
    spellings = (" ".join((f"{article}-{w}" if joined else f"{article.capitalize()} {w}") if marked else w
                          for marked, w in parts)
                 for article in sorted(articles) for joined in (True, False))
    return [v for v in dict.fromkeys(spellings) if v != name]


def _norm(token_text: str) -> str:
    # ".@SecPompeo" (a tweet that starts with a handle) is one token: drop what precedes the "@".
    low = token_text.lower()
    if not low.isascii():
        # "Sánchez", "Erdoğan" and "Niinistö" are the same names as the gazetteer's plain spellings
        low = "".join(c for c in unicodedata.normalize("NFKD", low.translate(_UNDECOMPOSED))
                      if not unicodedata.combining(c))
    return low[low.index("@"):] if "@" in low else low


@functools.cache
def _tokenizer():
    import spacy  # a blank English tokenizer splits aliases exactly as the model's tokenizer splits text

    return spacy.blank("en").tokenizer


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


class Gazetteer:
    """Token-sequence index over the YAML resources: longest match wins."""

    def __init__(self, actors: dict, countries: dict) -> None:
        self.index: dict[tuple[str, ...], Match] = {}
        self.people: list[Entry] = []
        self.by_name: dict[str, Entry] = {}
        curated_codes = {s.get("code") for s in actors.get("states", ())}
        for c in countries.get("countries", ()):
            if c["code"] in curated_codes:
                continue
            self._add_state(c["name"], c.get("aliases", ()), (), "state")
        for s in actors.get("states", ()):
            derived = next((c for c in countries.get("countries", ()) if c["code"] == s.get("code")), None)
            aliases = list(s.get("aliases", ())) + ([derived["name"], *derived.get("aliases", ())] if derived else [])
            self._add_state(s["name"], aliases, s.get("capitals", ()), "state")
        for o in actors.get("organisations", ()):
            entry = Entry(Actor(o["name"], "organisation", o.get("country")))
            self.by_name[o["name"]] = entry
            for alias in (o["name"], *o.get("aliases", ())):
                self._put(alias, Match("name", entry))
        either_order = {s["name"] for s in actors.get("states", ()) if s.get("names_either_order")}
        articles = frozenset(actors.get("references", {}).get("name_articles", ()))
        for p in actors.get("people", ()):
            entry = Entry(Actor(p["name"], "person", p.get("country")), p.get("surname"),
                          bool(p.get("bare_surname_default")),
                          tuple(Office(o["title"], _date(o["from"]), _date(o.get("to")), o.get("state"))
                                for o in p.get("offices", ())))
            self.people.append(entry)
            self.by_name[p["name"]] = entry
            aliases = [p["name"], *p.get("aliases", ())]
            if p.get("country") in either_order:
                aliases += [" ".join(reversed(a.split())) for a in aliases if len(a.split()) == 2]
            for alias in aliases:
                self._put(alias, Match("name", entry))
            # (a spelling made up here never takes a key another entry's own alias holds)
            for alias in (v for a in aliases for v in _article_spellings(a, articles)):
                if _key(alias) not in self.index:
                    self._put(alias, Match("name", entry))
        for pl in actors.get("places", ()):
            for alias in (pl["name"], *pl.get("aliases", ())):
                known = self.index.get(_key(alias))
                if known is not None and (known.kind == "capital" or known.kind == "name"
                                          and known.entry.actor.kind == "state"):
                    continue   # a capital or a city state is a place already, and a subject too
                self._put(alias, Match("place", place=pl["name"], country=pl.get("country", "")))
        for r in actors.get("roles", ()):
            for phrase in r["phrases"]:
                self.index[_key(phrase)] = Match("role", title=r["title"], country=r["country"])
        for t in actors.get("title_words", ()):
            self.index[_key(t["phrase"])] = Match("title", title=t["word"])
        # the words of those offices, to read a title written before a name ("Prime Minister Dahal")
        self.title_vocab = frozenset(w for t in actors.get("title_words", ()) for w in t["word"].split())
        refs = actors.get("references", {})
        for word in refs.get("pronouns", ()):
            self.index[_key(word)] = Match("pronoun")
        for word in refs.get("plural_pronouns", ()):
            self.index[_key(word)] = Match("plural")
        for phrase, group in refs.get("groups", {}).items():
            self.index[_key(phrase)] = Match("group", group=group)
        counted = refs.get("counted_groups", {})
        for group in ("persons", "states"):
            for noun in counted.get(group, ()):
                for word, n in counted["counts"].items():
                    for det in counted["determiners"]:
                        self.index[_key(f"{det} {word} {noun}")] = Match("group", group=group, count=n)
                for word in counted["pair_words"]:
                    self.index[_key(f"{word} {noun}")] = Match("group", group=group)
        for noun in counted.get("states", ()):
            for owned in counted.get("possessed_persons", ()):
                for word, n in counted["counts"].items():
                    for det in counted["determiners"]:
                        self.index[_key(f"{det} {word} {noun}' {owned}")] = Match("group", group="persons",
                                                                                   count=n)
                for word in counted["pair_words"]:
                    self.index[_key(f"{word} {noun}' {owned}")] = Match("group", group="persons")
        self.counterpart_words = frozenset(refs.get("counterparts", ()))
        self.state_titles = frozenset(refs.get("state_titles", ()))
        self.person_titles = frozenset(refs.get("person_titles", ()))
        self.not_name_words = frozenset(refs.get("not_name_words", ()))
        self.honorifics = frozenset(refs.get("honorifics", ()))
        self.given_name_honorifics = frozenset(refs.get("given_name_honorifics", ()))
        self.name_suffixes = frozenset(refs.get("name_suffixes", ()))
        self.lineage_words = frozenset(refs.get("lineage_words", ()))
        self.pronoun_gender: dict[str, str] = dict(refs.get("gendered_pronouns", {}))
        self.companion_words = frozenset(refs.get("companions", ()))
        self.gender_markers: dict[str, str] = dict(refs.get("gender_markers", {}))
        self.name_particles = frozenset(refs.get("name_particles", ()))
        self.name_articles = frozenset(refs.get("name_articles", ()))
        self.country_nouns = frozenset(refs.get("counted_groups", {}).get("country_nouns", ()))
        self.former_markers = frozenset(refs.get("former_markers", ()))
        self.leader_office = {state: title for title, states in refs.get("leader_offices", {}).items()
                              for state in states}
        # who ever held each office, in gazetteer order: a role noun looks up a handful, not everyone
        self.by_title: dict[str, list[Entry]] = {}
        for e in self.people:
            for title in dict.fromkeys(o.title for o in e.offices):
                self.by_title.setdefault(title, []).append(e)
        self.surnames: dict[str, list[Entry]] = {}
        for e in self.people:
            if e.surname:
                self.surnames.setdefault(_norm(e.surname), []).append(e)
        # first and last word of each name and alias: "Ferdinand Romualdez Marcos Jr." is Ferdinand Marcos Jr.
        self.by_ends: dict[tuple[str, str], set[str]] = {}
        for p in actors.get("people", ()):
            for alias in (p["name"], *p.get("aliases", ())):
                ends = _name_ends(alias, self.name_suffixes)
                if ends:
                    self.by_ends.setdefault(ends, set()).add(p["name"])
        # The longest key each first word starts: the scan tries only lengths that can match.
        self.longest: dict[str, int] = {}
        for key in self.index:
            if key:
                self.longest[key[0]] = min(MAX_ALIAS_TOKENS, max(len(key), self.longest.get(key[0], 0)))

    def _put(self, alias: str, match: Match) -> None:
        upper = alias.replace(".", "").isupper() and len(alias) <= 5
        self.index[_key(alias)] = dataclasses.replace(match, upper=upper)

    def _add_state(self, name: str, aliases, capitals, kind: str) -> None:
        entry = Entry(Actor(name, kind, name))
        self.by_name[name] = entry
        for alias in (name, *aliases):
            self._put(alias, Match("name", entry))
        for cap in capitals:
            self._put(cap, Match("capital", entry, place=cap, country=name))

    def known_by_ends(self, name: str) -> Entry | None:
        """The one person whose name starts and ends as ``name`` does, with more words between: news
        sometimes gives a middle name the gazetteer's forms leave out."""
        found = self.by_ends.get(_name_ends(name, self.name_suffixes) or ("", ""), set())
        return self.by_name[next(iter(found))] if len(found) == 1 else None

    def holder(self, title: str, country: str | None, day: dt.date | None) -> Entry | None:
        """The person holding ``title`` (of ``country``) on ``day``; None when unknown or no date."""
        if day is None:
            return None
        found = [e for e in self.by_title.get(title, ())
                 if any(o.title == title and o.held_on(day)
                        and (country is None or (o.state or e.actor.country) == country) for o in e.offices)]
        return found[0] if len(found) == 1 else None

    def office_holder(self, title: str, state: str, day: dt.date | None) -> Entry | None:
        """``holder`` for an office named in the plural over states: "leader" is the state's leading
        office (``leader_offices``)."""
        if title == "leader":
            title = self.leader_office.get(state, "president")
        return self.holder(title, state, day)

    def bare_surname(self, surname: str, day: dt.date | None, titled: bool = False) -> Entry | None:
        """A surname with no antecedent in the document: the default holder in office, if exactly one.
        After an honorific ("Mr Albanese") any one person of that surname in office that day will do:
        the honorific already says it is a person's name."""
        found = [e for e in self.surnames.get(_norm(surname), ())
                 if (e.bare_surname_default or titled) and (day is None or e.titles_on(day))]
        return found[0] if len(found) == 1 else None


@functools.cache
def gazetteer() -> Gazetteer:
    with open(RESOURCES / "actors.yaml", encoding="utf-8") as f:
        actors = yaml.load(f, Loader=_LOADER)
    with open(RESOURCES / "countries.yaml", encoding="utf-8") as f:
        countries = yaml.load(f, Loader=_LOADER)
    return Gazetteer(actors, countries)


@dataclass(frozen=True)
class Place:
    """A location named in the text (a venue, a capital, a state used as a place)."""

    start: int
    end: int
    token: int          # index of the place's last token
    name: str


@dataclass(frozen=True)
class Found:
    """The actors stage's output for one document."""

    mentions: tuple[ActorMention, ...]
    places: tuple[Place, ...]
    by_token: dict          # token index -> tuple[ActorMention, ...] for every token of a mention
    published: dt.date | None = None   # the day offices are read on ("the presidents of ...")


def _capitalised(text: str) -> bool:
    text = text.lstrip(".")
    return bool(text) and (text[0].isupper() or text[0] == "@")


@dataclass(frozen=True)
class _Columns:
    """Per-token values the scans read, taken from the doc's arrays once: creating a Token per access
    (doc[i]) cost more than the lookups themselves."""

    texts: list[str]
    space: list[bool]
    punct: list[bool]
    proper: list[bool]   # tagged NNP or NNPS
    joined: list[bool]   # no white space after the token ("Do" in "Do-hoon")

    @classmethod
    def of(cls, doc: Doc) -> _Columns:
        strings = doc.vocab.strings
        orth, tag, space, punct, spacy = doc.to_array([ORTH, TAG, IS_SPACE, IS_PUNCT, SPACY]).T.tolist()
        proper_tags = {strings.add("NNP"), strings.add("NNPS")}
        return cls([strings[o] for o in orth], [bool(x) for x in space], [bool(x) for x in punct],
                   [t in proper_tags for t in tag], [not x for x in spacy])


QUOTES = frozenset({'"', "'", "“", "”", "‘", "’", "``", "''"})


def _scan(cols: _Columns, gaz: Gazetteer, blocked: set[int]) -> list[tuple[int, int, Match]]:
    """Longest-first gazetteer matches as (start token, end token, match), skipping blocked tokens."""
    out = []
    texts = cols.texts
    i, n = 0, len(texts)
    norms = [_norm(t) for t in texts]
    while i < n:
        if i in blocked or cols.space[i] or cols.punct[i] and "@" not in texts[i]:
            i += 1
            continue
        hit = None
        for length in range(min(gaz.longest.get(norms[i], 0), n - i), 0, -1):
            m = gaz.index.get(tuple(norms[i:i + length]))
            if m is None:
                continue
            if m.kind in ("name", "capital", "place"):
                # Names are proper nouns: "us" is not the U.S.; an all-caps alias must match exactly.
                if not _capitalised(texts[i]) and not (
                        norms[i] in gaz.name_particles and _capitalised(texts[i + length - 1])):
                    continue
                if m.upper and not texts[i].isupper():
                    continue
                if length > 1 and m.kind == "name" and m.entry.actor.kind == "organisation" and i > 0 \
                        and cols.proper[i - 1] and _capitalised(texts[i - 1]) and not cols.space[i - 1] \
                        and norms[i - 1] not in gaz.longest:
                    # "Algeria's High Security Council", "the National Security Council": a body's name
                    # inside a longer unknown one is not that body
                    continue
            hit = (i, i + length, m)
            break
        if hit is None and i + 4 < n and texts[i + 1] in QUOTES and texts[i + 3] in QUOTES \
                and _capitalised(texts[i]) and _capitalised(texts[i + 2]):
            # 'Joko "Jokowi" Widodo', 'José "Pepe" Mujica': a nickname quoted inside the name
            for length in range(min(3, n - i - 4), 0, -1):
                m = gaz.index.get((norms[i], *norms[i + 4:i + 4 + length]))
                if m is not None and m.kind == "name" and m.entry.actor.kind == "person":
                    hit = (i, i + 4 + length, m)
                    break
        if hit is None:
            surname = texts[i]
            # "Mr Al Kadhimi", "Al-Jubeir left Baghdad": the surname with its article (the model's
            # tokenizer splits "al-" off at the hyphen)
            split = i + 2 < n and texts[i + 1] == "-" and cols.joined[i] and cols.joined[i + 1]
            j = i + 2 if split else i + 1
            if norms[i] in gaz.surnames and surname[:1].isupper():
                hit = (i, i + 1, Match("surname", title=surname))
            elif norms[i] in gaz.name_articles and j < n and norms[j] in gaz.surnames \
                    and texts[j][:1].isupper():
                hit = (i, j + 1, Match("surname", title=texts[j]))
            elif norms[i][-1:] == "s" and norms[i][:-1] in gaz.surnames and surname[:1].isupper() \
                    and i > 0 and norms[i - 1] == "the":
                # "the Bidens hosted Modi": the couple
                hit = (i, i + 1, Match("surname", title=surname[:-1]))
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks ("...", “...”, and '...' used as quotes, not apostrophes)."""
    regions = []
    for m in re.finditer(r'"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’', text):
        regions.append((m.start(), m.end()))
    # A straight single quote opens after a space/line start/punctuation and closes before one.
    for m in re.finditer(r"(?:(?<=^)|(?<=[\s(\[—–:-]))'(?=\S)[^\n]*?(?<=[^\s])'(?=[\s.,;:!?)—–-]|$)", text, re.M):
        regions.append((m.start(), m.end()))
    # Overlapping regions are joined, so ``in_regions`` can look up one region by bisection.
    merged: list[tuple[int, int]] = []
    for a, b in sorted(regions):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def in_regions(pos: int, regions: Sequence[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in one of ``regions`` (sorted and disjoint, as ``quote_regions`` gives)."""
    i = bisect.bisect_right(regions, pos, key=lambda r: r[0]) - 1
    return i >= 0 and pos < regions[i][1]


def find(doc: Doc, published: dt.date | None, blocked_chars: Sequence[tuple[int, int]] = (),
         quotes: Sequence[tuple[int, int]] = ()) -> Found:
    """Find and resolve every actor mention of a parsed document.

    ``blocked_chars`` are spans no actor may come from (the temporal expressions: "Sunday" is no one);
    ``quotes`` are quotation regions: a pronoun outside quotes never takes an antecedent inside them.
    """
    gaz = gazetteer()
    blocked = {t.i for a, b in blocked_chars
               for t in (doc.char_span(a, b, alignment_mode="expand") or ())}
    cols = _Columns.of(doc)
    raw = _scan(cols, gaz, blocked)
    taken = {i for s, e, m in raw for i in range(s, e)} | blocked
    # "his wife Emine Erdogan", "Hunter Biden": a known person's one-word name right after a given name
    # that is none of theirs is another person's surname, left to NER like any surname in a longer name
    raw = [(s, e, Match("surname", title=cols.texts[s])) if _after_other_given_name(doc, gaz, s, e, m, taken)
           else (s, e, m) for s, e, m in raw]
    covered = {i for s, e, m in raw if m.kind != "surname" for i in range(s, e)}
    # (a name NER finds that is just a known surname, "Kadhimi" or "Al Kadhimi", is that surname)
    surname_spans = {(s, e) for s, e, m in raw if m.kind == "surname"}
    ner = [span for span in _ner_people(doc, cols, covered | blocked) if span not in surname_spans]
    # A surname inside a longer unknown name ("Yoon Young-chan") belongs to that name, not to the gazetteer.
    in_long_ner = {i for s, e in ner if e - s > 1 for i in range(s, e)}
    items = sorted([h for h in raw if not (h[2].kind == "surname" and h[0] in in_long_ner)]
                   + [(s, e, Match("ner")) for s, e in ner], key=lambda x: x[0])
    resolver = _Resolver(doc, gaz, published, quotes, cols)
    resolver.register_ner_names([doc[s:e] for s, e, m in items if m.kind == "ner"])
    items = sorted(items + _bare_names(cols, resolver.ner_canonical, items, blocked), key=lambda x: x[0])
    places = []
    referring = ("role", "title", "pronoun", "plural", "group")
    for start, end, m in items:
        span = doc[start:end]
        if m.kind in ("capital", "place") or (m.kind == "name" and m.entry.actor.kind == "state"):
            places.append(Place(span.start_char, span.end_char, end - 1,
                                m.place or (m.entry.actor.id if m.entry else "")))
        if m.kind == "place" or m.kind in referring:
            continue
        if m.kind == "capital" and not _is_argument_subject(span):
            continue
        resolver.resolve(span, m)
    resolver.give_unknown_people_countries()
    # Referring expressions second, so "he and Kim" already knows Kim when "he" is resolved; in text
    # order with the state titles, so "The Iranian minister's visit ... He last travelled" finds him.
    referring_items = [(start, 0, end, m) for start, end, m in items if m.kind in referring]
    state_titles = [(head.i, 1, head.i + 1, state) for head, state in resolver.state_title_heads()]
    for start, is_state_title, end, what in sorted(referring_items + state_titles, key=lambda x: x[:2]):
        if is_state_title:
            resolver.resolve_state_title(doc[start], what)
        else:
            resolver.resolve(doc[start:end], what)
    if resolver.companions:   # a spouse accompanies: no event of the timeline is theirs
        keep = [m for m in resolver.mentions if m.actor.id not in resolver.companions]
        by_token = {i: kept for i, ms in resolver.by_token.items()
                    if (kept := tuple(m for m in ms if m.actor.id not in resolver.companions))}
        return Found(tuple(keep), tuple(places), by_token, published)
    return Found(tuple(resolver.mentions), tuple(places), resolver.by_token, published)


def _after_other_given_name(doc: Doc, gaz: Gazetteer, s: int, e: int, m: Match, taken: set[int]) -> bool:
    if m.kind != "name" or e - s != 1 or s == 0 or m.entry is None or m.entry.actor.kind != "person":
        return False
    given = doc[s - 1]
    return given.i not in taken and given.tag_ == "NNP" and given.text.isalpha() \
        and _capitalised(given.text) and given.whitespace_ == " " and given.sent.start == doc[s].sent.start \
        and given.lower_ not in gaz.not_name_words and _norm(given.text) not in _key(m.entry.actor.id)


def _is_argument_subject(span: Span) -> bool:
    """A capital names its government only as a subject ("Pyongyang said", "Washington and Seoul agreed")."""
    tok = span.root
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ in SUBJECT_DEPS


def _name_runs(cols: _Columns, known: set[int]) -> list[tuple[int, int]]:
    """Runs of two or more proper-noun tokens the gazetteer does not cover: an unknown person's first
    mention is a full name ("Yoon Young-chan", "Kim Myong Gil")."""
    runs, start = [], None
    texts, joined = cols.texts, cols.joined
    # A hyphenated given name is one name whatever the tagger says of its parts: "Lee Do-hoon" ("Do"
    # is tagged a verb, "hoon" a noun), "Kim Yeon-chul".
    proper = [p or (t[:1].isupper() and joined[i] and texts[i + 1:i + 2] == ["-"])
              for i, (p, t) in enumerate(zip(cols.proper, texts, strict=True))]
    for i, is_proper in enumerate(proper):
        hyphenated = start is not None and (texts[i] == "-" and joined[i - 1] or
                                            texts[i - 1] == "-" and joined[i - 1] and texts[i].isalpha())
        inside = (is_proper or hyphenated) and i not in known
        if inside and start is None:
            start = i
        elif not inside and start is not None:
            if sum(proper[start:i]) >= 2:
                runs.append((start, i))
            start = None
    if start is not None and len(proper) - start >= 2:
        runs.append((start, len(proper)))
    return runs


def _bare_names(cols: _Columns, names: dict, items: list, blocked: set[int]) -> list[tuple[int, int, Match]]:
    """A lone proper noun that ends or starts the full name of a person NER found in the document
    ("Tom Perriello ... Perriello is expected to travel"): news names people by surname after the first
    mention, and NER, reading a few words, does not see that a lone surname is a person."""
    taken = {i for s, e, _m in items for i in range(s, e)} | blocked
    honorifics = gazetteer().given_name_honorifics
    # Capitalised is enough: the tagger reads a lone "Santos" as a common noun as often as not.
    # After "Sheikh" or "Emir" a lone name may be a known person's first name ("Sheikh Mohamed"): the
    # resolver looks for one named before and drops the mention if there is none.
    return [(i, i + 1, Match("ner")) for i, text in enumerate(cols.texts)
            if (cols.proper[i] or text[:1].isupper()) and i not in taken
            and (text in names or i > 0 and cols.texts[i - 1].lower() in honorifics
                 and not (i + 1 < len(cols.texts) and cols.proper[i + 1]))]


# Prepositions whose object is a place, never a person one meets ("at the palace", "in Putrajaya").
PLACE_PREPOSITIONS = frozenset({"at", "in", "inside", "outside", "near"})


def _placed(tok: Token) -> bool:
    """The object of a place preposition, or in apposition to or conjoined with one."""
    while tok.dep_ in ("appos", "conj") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPOSITIONS


def _ner_people(doc: Doc, cols: _Columns, covered: set[int]) -> list[tuple[int, int]]:
    """NER PERSON spans over unknown name runs, each read with a few words of context."""
    never = gazetteer().not_name_words
    lineage = gazetteer().lineage_words
    # NER reads no run that cannot be a person's name: office words only ("Foreign Minister"), or ending
    # in a word no name ends in ("Communist Party", "Senkaku Islands", "Joint Declaration")
    runs = [(a, b) for a, b in _name_runs(cols, covered)
            if cols.texts[b - 1].lower() not in never
            and not all(t.lower() in never for t in cols.texts[a:b] if t != "-")]
    # A name said again is read once: its later runs take what NER found in its first one.
    first: dict[tuple[str, ...], tuple[int, int]] = {}
    repeats: list[tuple[int, int, int]] = []   # (start, end, start of the first run with the same words)
    for a, b in runs:
        key = tuple(cols.texts[a:b])
        if key in first:
            repeats.append((a, b, first[key][0]))
        else:
            first[key] = (a, b)
    windows: list[Span] = []
    for a, b in first.values():
        sent = doc[a].sent
        start, end = max(sent.start, a - NER_CONTEXT), min(sent.end, b + NER_CONTEXT)
        if windows and windows[-1].sent.start == sent.start and start <= windows[-1].end:
            start = windows.pop().start   # overlapping windows of one sentence are read once, as one
        windows.append(doc[start:end])
    out = []
    for spans in nlp.people(windows) if windows else ():
        for a, b in spans:
            span = doc.char_span(a, b, alignment_mode="expand")
            # NER may stop at or before a hyphenated given name ("Kim Yeon" of "Kim Yeon-chul", "Lee" of
            # "Lee Do-hoon"): the name goes on through it.
            while span is not None:
                e, texts, joined = span.end, cols.texts, cols.joined
                if e + 1 < len(doc) and texts[e] == "-" and joined[e - 1] and joined[e] \
                        and texts[e + 1].isalpha():
                    span = doc[span.start:e + 2]
                elif e + 2 < len(doc) and texts[e][:1].isupper() and joined[e] and texts[e + 1] == "-" and \
                        joined[e + 1] and texts[e + 2].isalpha():
                    span = doc[span.start:e + 3]
                else:
                    break
            # A name does not open on a word of lineage ("bin Salman" of "Prince Abdulaziz bin Salman"):
            # the given names before it are the name's too.
            if span is not None and span.start > 0 and _norm(span[0].text) in lineage:
                start = span.start
                while start > 0 and span.start - start < 3 and doc[start - 1].text[:1].isupper() \
                        and doc[start - 1].tag_ in ("NNP", "NNPS") and doc[start - 1].lower_ not in never:
                    start -= 1
                span = doc[start:span.end]
            # ... nor after a hyphenated given name ("El-Dirdiri Mohamed Ahmed", "Jean-Michel Sama Lukonde")
            if span is not None and span.start > 2 and doc[span.start - 2].text == "-" \
                    and cols.joined[span.start - 3] and cols.joined[span.start - 2] \
                    and not cols.joined[span.start - 1] \
                    and all(doc[k].text[:1].isupper() and doc[k].text.isalpha() and doc[k].tag_ == "NNP"
                            for k in (span.start - 3, span.start - 1)):
                span = doc[span.start - 3:span.end]
            if span is None or any(t.i in covered for t in span) or span[-1].lower_ in never:
                continue   # (NER reads a run whole: "the Bob Marley Museum" is no person)
            if _placed(span.root):
                continue   # "at Dataran Perdana, Perdana Putra": a place NER took for a name
            if span.end < len(doc) and doc[span.end].text == ":" and (
                    span.start == 0 or "\n" in doc[span.start - 1].text or doc[span.start - 1].is_space):
                continue   # "Al Ula: Gulf Arab leaders on Tuesday signed ...": a dateline's place
            if sum(t.tag_ in ("NNP", "NNPS") for t in span) and (span.start, span.end) not in out:
                out.append((span.start, span.end))
    for a, b, a0 in repeats:
        out += [(s - a0 + a, e - a0 + a) for s, e in list(out) if a0 <= s and e <= a0 + (b - a)
                and (s - a0 + a, e - a0 + a) not in out]
    # The small model reads some names after an office as organisations ("African Union Commission
    # chairperson Moussa Faki Mahamat"): a short run of names right after a lower-case title word is a
    # person when NER found no one there.
    # So is one after a title and a comma ("met the prime minister, Fiame Naomi Mata'afa").
    titles = gazetteer().person_titles
    for a, b in runs:
        titled = a > 0 and cols.texts[a - 1] in titles or \
            a > 1 and cols.texts[a - 1] == "," and cols.texts[a - 2] in titles
        # ... and so is one an office stands in apposition to ("Jean-Marie Bockel, Macron's personal envoy
        # for Africa, handed", "Fitsum Arega, Abiy's chief of staff")
        titled = titled or b < len(doc) and cols.texts[b] == "," and any(
            c.dep_ == "appos" and c.lower_ in titles for c in doc[b - 1].children)
        if 2 <= b - a <= 5 and titled and \
                all(t == "-" or t[:1].isupper() and re.sub(r"[-'’]", "", t).isalpha()
                    for t in cols.texts[a:b]) and \
                not any(a < e and s < b for s, e in out):
            out.append((a, b))
    # An honorific or office word is no part of a name ("Datuk Seri" before "Saifuddin Abdullah"), and a
    # name NER cut in two ("Bilawal Bhutto" + "Zardari") is one person.
    merged: list[tuple[int, int]] = []
    for a, b in sorted(out):
        while a < b and cols.texts[a].lower() in never:   # "Shri Kirti Vardhan Singh" is Kirti Vardhan Singh
            a += 1
        while a < b and doc[b - 1].tag_ == "POS":   # "Nelson Mandela's state visit": the name ends before
            b -= 1
        if a == b:
            continue
        if merged and merged[-1][1] == a:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


class _Resolver:
    """Within-document resolution, in text order: names, surnames, roles, pronouns, groups."""

    def __init__(self, doc: Doc, gaz: Gazetteer, published: dt.date | None, quotes,
                 cols: _Columns) -> None:
        self.doc, self.gaz, self.published, self.quotes = doc, gaz, published, quotes
        self.mentions: list[ActorMention] = []
        self.by_token: dict[int, tuple[ActorMention, ...]] = {}
        self.people_seen: list[tuple[Actor, Token]] = []   # person mentions in order, with their root token
        self.states_seen: list[tuple[Actor, Token]] = []   # state mentions in order, with their root token
        self.referring: set[int] = set()                   # tokens of pronoun/role mentions
        self.ner_canonical: dict[str, Actor] = {}
        self.text_titles: dict[str, set[str]] = {}         # offices the text writes before a person's name
        self.gender: dict[str, str] = {}                    # person id -> "f" | "m", as the text marks it
        self.companions: set[str] = set()                  # spouses who accompany a leader (never actors)
        self.former: set[str] = set()     # people named as past office holders ("then-Premier Li") ...
        self.current: set[str] = set()    # ... and people named without such a word
        self.sent_of: list[int] = [0] * len(doc)    # token index -> sentence index (blank ones skipped)
        # A sentence is blank when all its tokens are space tokens (cheaper than building its text).
        for i, sent in enumerate(s for s in doc.sents if not all(cols.space[s.start:s.end])):
            self.sent_of[sent.start:sent.end] = [i] * len(sent)

    def register_ner_names(self, spans: list[Span]) -> None:
        # The canonical name of an unknown person is the longest full-name mention of the document.
        for span in sorted(spans, key=lambda s: -len(s.text)):
            name = span.text.strip()
            core = self._untitled(span)
            words = [w for w in re.split(r"\s+", core.text.strip()) if w]
            canonical = " ".join(words)
            style = self.doc[core.start - 1] if core.start > 0 else None
            if len(words) == 1 and style is not None and style.lower_ in self.gaz.given_name_honorifics:
                # "Prince Harry", "Queen Rania": a royal known by a given name alone keeps the style, or
                # the timeline would show a bare "Harry"
                canonical = f"{style.text.title()} {words[0]}"
            if len(words) >= 2 and len(words[0]) > 1 and words[0].isalpha() and words[0].isupper() \
                    and not any(w.isupper() for w in words[1:]):
                # "Mr. KIHARA Minoru" (Japanese government style: family name first, in capitals) is
                # Minoru Kihara, as English news writes him
                words = [*words[1:], words[0].title()]
                canonical = " ".join(words)
            if len(words) >= 3:
                # "Enrique A. Manalo" is Enrique Manalo: news names people without middle initials
                words = [w for k, w in enumerate(words)
                         if not (0 < k < len(words) - 1 and re.fullmatch(r"[A-Z]\.", w))]
                canonical = " ".join(words)
            # (not across a lineage or dynasty: "Faisal bin Bandar Al Saud" is not Faisal bin Farhan Al Saud)
            lineage = any(_norm(w) in self.gaz.name_particles | self.gaz.lineage_words for w in words)
            known = self.gaz.known_by_ends(canonical) if len(words) >= 3 and not lineage else None
            actor = self.ner_canonical.get(name) or (known.actor if known
                                                     else Actor(canonical, "person", None))
            # "al-Burhan" is "Burhan" alone: a lower-case particle joined by a hyphen is dropped.
            particle = re.match(r"[a-z]+-(?=[A-Z])", words[-1])
            keys = {name, canonical, words[0], words[-1]}
            keys |= {words[-1][particle.end():]} if particle else set()
            # "Abul Hassan Mahmood Ali ... Mahmood Ali", "Muse Bihi Abdi ... Muse Bihi": a longer name's
            # first or last words, said again, are that person
            keys |= {" ".join(words[:k]) for k in range(2, len(words))}
            keys |= {" ".join(words[-k:]) for k in range(2, len(words))}
            for key in keys:
                self.ner_canonical.setdefault(key, actor)

    def give_unknown_people_countries(self) -> None:
        """A person NER found takes the state their own phrase names: "North Korea's chief negotiator,
        Kim Myong Gil", "Japanese Foreign Minister Toshimitsu Motegi"."""
        found: dict[str, str] = {}
        for m in self.mentions:
            if m.how != "ner" or m.actor.country:
                continue
            root = self.doc.char_span(m.start, m.end, alignment_mode="expand").root
            near = [c for c in root.children if c.dep_ in ("appos", "compound", "amod", "nmod", "poss")]
            if root.dep_ == "appos":
                near.append(root.head)
            for t in near:
                for tok in t.subtree:
                    states = [x.actor.id for x in self.by_token.get(tok.i, ()) if x.actor.kind == "state"]
                    if states:
                        found.setdefault(m.actor.id, states[0])
        if not found:
            return
        fixed = {name: Actor(name, "person", country) for name, country in found.items()}
        self.mentions = [dataclasses.replace(m, actor=fixed.get(m.actor.id, m.actor)) for m in self.mentions]
        self.by_token = {i: tuple(dataclasses.replace(m, actor=fixed.get(m.actor.id, m.actor)) for m in ms)
                         for i, ms in self.by_token.items()}
        self.people_seen = [(fixed.get(a.id, a), t) for a, t in self.people_seen]
        self.ner_canonical = {k: fixed.get(a.id, a) for k, a in self.ner_canonical.items()}

    def _sentence(self, tok: Token) -> int:
        return self.sent_of[tok.i]

    def _add(self, span: Span, actor: Actor, how: str) -> None:
        m = ActorMention(span.start_char, span.end_char, span.text, actor, self._sentence(span.root), how)
        self.mentions.append(m)
        for i in range(span.start, span.end):
            self.by_token[i] = self.by_token.get(i, ()) + (m,)
        if actor.kind == "person" and how != "coref" and self._companion(span):
            self.companions.add(actor.id)
        if actor.kind == "person" and actor.id not in self.companions:
            bisect.insort(self.people_seen, (actor, span.root), key=lambda at: at[1].i)
            # "Prime Minister Pushpa Kamal Dahal": what the text calls a person the gazetteer may not know
            # (or not in that office), so that a later "the prime minister" can mean them
            words, j = [], span.start - 1
            while j >= 0 and len(words) < 3 and self.doc[j].is_title \
                    and self.doc[j].lower_ in self.gaz.title_vocab:
                words.insert(0, self.doc[j].lower_)
                j -= 1
            if words:
                self.text_titles.setdefault(actor.id, set()).add(" ".join(words))
            if how != "coref":
                (self.former if self._former(j) else self.current).add(actor.id)
                self._mark_gender(span, actor)
        elif actor.kind == "state" and how == "gazetteer" and span.root.tag_ in ("NNP", "NNPS"):
            bisect.insort(self.states_seen, (actor, span.root), key=lambda at: at[1].i)
        if span.root.tag_.startswith("PRP") or span.root.lower_ in self.gaz.counterpart_words:
            self.referring.add(span.root.i)

    def _untitled(self, span: Span) -> Span:
        """The name without the ranks and titles NER took in ("Lt Gen Muhoozi Kainerugaba", "PM Phuc",
        "Prince Mohammed"): they are no part of it, and a title stands before the name, not in it."""
        while len(span) > 1 and span[0].lower_ in self.gaz.not_name_words:
            span = span[1:]
        return span

    def _part_of_named(self, name: str, span: Span) -> Actor | None:
        """"Sheikh Dr. Ahmad Nasser" after "Ahmad Nasser al-Mohammad al-Sabah", "Mahmood Ali" after "Abul
        Hassan Mahmood Ali": two or more words that open or close the full name of exactly one person named
        earlier in the text are that person (for a name NER found this also holds through its keys)."""
        key = _key(name)
        if len(key) < 2:
            return None
        found = {a.id: a for a, tok in self.people_seen if tok.i < span.start
                 and len(_key(a.id)) > len(key) and key in (_key(a.id)[:len(key)], _key(a.id)[-len(key):])}
        return next(iter(found.values())) if len(found) == 1 else None

    def _former(self, j: int) -> bool:
        """A former-marker ends just before token ``j + 1`` (the name or its titles): "then-Premier",
        "the late", "former President"."""
        while j >= 0 and self.doc[j].tag_ == "HYPH":
            j -= 1
        return j >= 0 and self.doc[j].lower_ in self.gaz.former_markers

    def _companion(self, span: Span) -> bool:
        """"Xi and his wife Peng Liyuan", "first lady Jill Biden": a spouse named beside a leader."""
        root = span.root
        if root.dep_ in ("appos", "compound") and root.head.lower_ in self.gaz.companion_words:
            return True
        # a two-word title before the name ("first lady"), which the parser does not hang on it
        before = " ".join(t.lower_ for t in self.doc[max(span.start - 2, 0):span.start])
        return any(before.endswith(w) for w in self.gaz.companion_words if " " in w)

    def _mark_gender(self, span: Span, actor: Actor) -> None:
        """"Ms Baloch", "spokeswoman Mumtaz Zahra Baloch", "King Abdullah": a word just before the name."""
        for j in range(span.start - 1, max(span.start - 4, -1), -1):
            word = self.doc[j].lower_.rstrip(".")
            if word in self.gaz.gender_markers:
                self.gender.setdefault(actor.id, self.gaz.gender_markers[word])
                return
            if not (self.doc[j].is_title or self.doc[j].text == "."):
                return

    def resolve(self, span: Span, m: Match) -> None:
        if m.kind in ("name", "capital"):
            self._add(span, m.entry.actor, "gazetteer")
        elif m.kind == "surname":
            titled = span.start > 0 and self.doc[span.start - 1].lower_.rstrip(".") in self.gaz.honorifics
            actor = self._surname(m.title, titled) or self._given_name(span)
            if actor is not None:
                self._add(span, actor, "coref")
        elif m.kind == "ner":
            name = span.text.strip()
            actor = self.ner_canonical.get(name)
            core = self._untitled(span)
            bare = core.text.strip()
            # (after "Prince" or "Sheikh" a lone name is a given name first: "Prince Mohammed" is Mohammed
            # bin Salman, not a new person NER calls "Mohammed")
            known = (self._given_name(core) or self._surname(bare)) if " " not in bare \
                else self._part_of_named(bare, core)
            if known or actor:
                self._add(span, known or actor, "ner")
        elif m.kind == "role":
            self._role(span, m)
        elif m.kind == "title":
            if span.end < len(self.doc) and self.doc[span.end].text == "," \
                    and any(c.dep_ == "appos" and c.tag_ in ("NNP", "NNPS") for c in span.root.children):
                return   # "the prime minister, Fiame Naomi Mata'afa": the name is the mention
            # ("The Prime Minister flew into Washington" paragraphs after Sunak was named)
            actor = self._salient_or_latest(span, lambda a: any(m.title in t for t in self._titles(a)))
            if actor is not None:
                self._add(span, actor, "role")
        elif m.kind == "pronoun":
            said = self.gaz.pronoun_gender.get(span.root.lower_)
            actor = self._salient(span, lambda a: self.gender.get(a.id, said) == said)
            if actor is not None:
                self._add(span, actor, "coref")
                # "Baloch, speaking at her weekly briefing ... He": the first pronoun that names a person
                # tells the gender for the rest of the document
                if said:
                    self.gender.setdefault(actor.id, said)
        elif m.kind == "group":
            for actor in self._group(span, m.group, m.count):
                self._add(span, actor, "coref")
        elif m.kind == "plural":
            for actor in self._plural(span):
                self._add(span, actor, "coref")

    def state_title_heads(self) -> list[tuple[Token, Actor]]:
        """"The U.S. envoy arrived": a definite office noun that a state modifies and no name follows
        (the office noun, with the state)."""
        out = []
        for m in [m for m in self.mentions if m.actor.kind == "state"]:
            tok = self.doc.char_span(m.start, m.end, alignment_mode="expand").root
            head = tok.head
            if tok.dep_ not in STATE_TITLE_DEPS or head.lower_ not in self.gaz.state_titles \
                    or head.tag_ not in ("NN", "NNP") or head.i in self.by_token:
                continue
            if tok.dep_ != "poss" and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                              for c in head.children):
                continue   # "France's president" needs no article; "Philippine President Marcos" is a title
            nxt = self.doc[head.i + 1] if head.i + 1 < len(self.doc) else None
            if nxt is not None and nxt.tag_ in ("NNP", "NNPS"):
                continue   # "the U.S. envoy Stephen Biegun": the name is the mention
            out.append((head, m.actor))
        return out

    def resolve_state_title(self, head: Token, state: Actor) -> None:
        """The office the gazetteer knows that state's holder of on the day ("the Philippine president"),
        else the most salient earlier person of that state (never a new one)."""
        if head.i in self.by_token:
            return
        span = self.doc[head.left_edge.i:head.i + 1]
        # the office's words are those between the state and the noun: "the Indian Prime Minister"
        state_end = max((t.i for t in head.children if t.i < head.i and t.dep_ in STATE_TITLE_DEPS
                         and self.by_token.get(t.i) and self.by_token[t.i][0].actor.kind == "state"),
                        default=head.i - 1)
        title = " ".join(t.lower_ for t in self.doc[state_end + 1:head.i + 1] if t.tag_ != "POS")
        entry = self.gaz.office_holder(title, state.id, self.published)
        if entry is not None:
            self._add(span, entry.actor, "role")
            return
        if any(t.dep_ == "poss" for t in head.children):
            return   # "recalled Somalia's ambassador": some holder of the office, not a person met before
        actor = self._salient_or_latest(span, lambda a: a.country == state.id)
        if actor is not None:
            self._add(span, actor, "role")

    def _titles(self, actor: Actor) -> tuple[str, ...]:
        entry = self.gaz.by_name.get(actor.id)
        return (entry.titles_on(self.published) if entry else ()) + tuple(self.text_titles.get(actor.id, ()))

    def _surname(self, surname: str, titled: bool = False) -> Actor | None:
        """The person of the document this surname names: among the people mentioned so far who bear it,
        the latest one mentioned as a subject in the last three sentences ("Kim Yo Jong, the sister of
        Kim Jong Un, met Moon. Kim had arrived on Friday."), else the latest one mentioned."""
        low = _norm(surname)
        bearers = []
        for actor, tok in self.people_seen:
            words = _norm(actor.id).replace("-", " ").split()
            entry = self.gaz.by_name.get(actor.id)
            if entry and entry.surname and _norm(entry.surname) == low:
                bearers.append((actor, tok))
            elif not entry and low in (words[0], words[-1]):   # an unknown person: either end of the name
                bearers.append((actor, tok))
        past = self.former - self.current   # named only as past office holders
        if any(a.id not in past for a, _ in bearers):
            # "then-Premier Li Keqiang" in a story about Li Qiang: "Li" is the one of the present
            bearers = [(a, t) for a, t in bearers if a.id not in past]
        if bearers:
            last_sent = self._sentence(bearers[-1][1])
            recent_subjects = [a for a, t in bearers
                               if _subject_rank(t) < 2 and self._sentence(t) >= last_sent - 2]
            return recent_subjects[-1] if recent_subjects else bearers[-1][0]
        entry = self.gaz.bare_surname(surname, self.published, titled)
        if entry is not None:
            return entry.actor
        return self.ner_canonical.get(surname)

    def _given_name(self, span: Span) -> Actor | None:
        """"Sheikh Mohamed" after "Mohamed bin Zayed Al Nahyan": after a given-name honorific, the latest
        person named so far whose name starts with this one."""
        if span.start == 0 or self.doc[span.start - 1].lower_ not in self.gaz.given_name_honorifics:
            return None
        low = _norm(span.text.strip())
        for actor, _ in reversed(self.people_seen):
            if _norm(actor.id).split()[0] == low:
                return actor
        return None

    def _role(self, span: Span, m: Match) -> None:
        nxt = self.doc[span.end] if span.end < len(self.doc) else None
        if nxt is not None and nxt.tag_ in ("NNP", "NNPS") and _capitalised(nxt.text):
            return  # "Secretary of State Mike Pompeo": the name that follows is the mention
        if span.start > 0 and self.doc[span.start - 1].lower_ in GENERIC_DETERMINERS:
            return  # "a North Korean leader", "no U.S. president": anyone who held the office
        entry = self.gaz.holder(m.title, m.country, self.published)
        if entry is not None:
            self._add(span, entry.actor, "role")

    def _candidates(self, span: Span):
        """Earlier person mentions, most salient first: the same sentence's subjects, then its other
        mentions, then earlier sentences (up to three back) with the main clause's subject first;
        recency breaks ties."""
        here = self.sent_of[span.root.i]
        inside = in_regions(span.start_char, self.quotes)
        usable = [(a, t) for a, t in self.people_seen
                  if t.i < span.start and (inside or not in_regions(t.idx, self.quotes))]
        same = [(a, t) for a, t in usable if self.sent_of[t.i] == here]
        yield from sorted(same, key=lambda at: (_subject_rank(at[1]) > 1, -at[1].i))
        by_sent: dict[int, list] = {}
        for a, t in usable:
            if self.sent_of[t.i] != here:
                by_sent.setdefault(self.sent_of[t.i], []).append((a, t))
        for start in sorted(by_sent, reverse=True)[:3]:
            group = by_sent[start]
            ranked = sorted(group, key=lambda at: (_subject_rank(at[1]), -at[1].i))
            yield from ranked

    def _salient(self, span: Span, ok) -> Actor | None:
        """The most salient earlier person ``ok`` accepts, or None: a reference never invents anyone."""
        excluded = self._excluded(span)
        for actor, _ in self._candidates(span):
            if actor.id not in excluded and ok(actor):
                return self._counterpart(span, actor) if self._is_counterpart(span) else actor
        return None

    def _salient_or_latest(self, span: Span, ok) -> Actor | None:
        """``_salient``, else the latest earlier person outside quotes ``ok`` accepts: an office or a
        state narrows a reference enough to look further back than a pronoun would."""
        actor = self._salient(span, ok)
        if actor is None:
            earlier = [a for a, t in self.people_seen
                       if t.i < span.start and ok(a) and not in_regions(t.idx, self.quotes)]
            actor = earlier[-1] if earlier else None
        return actor

    def _is_counterpart(self, span: Span) -> bool:
        head = span.root.head
        after = [t.tag_ for t in self.doc[head.i + 1:head.i + 3]]
        # "his counterpart Narendra Modi", "his Mauritian counterpart, Pravind Jugnauth": the name says who
        named = any(c.dep_ in ("appos", "compound") for c in head.children) or after[:1] == ["NNP"] or \
            (after == [",", "NNP"])
        return span.root.dep_ == "poss" and head.lower_ in self.gaz.counterpart_words and not named

    def _counterpart(self, span: Span, owner: Actor) -> Actor:
        """"his counterpart": the pronoun is its owner, and the noun "counterpart" gets its own mention,
        the most salient person of another state."""
        head = span.root.head
        # "his Mauritian counterpart": of that state, if the text names one
        states = {m.actor.id for c in head.children if c.dep_ in ("amod", "compound")
                  for m in self.by_token.get(c.i, ()) if m.actor.kind == "state"}
        for actor, _ in self._candidates(self.doc[head.i:head.i + 1]):
            if states and actor.country not in states:
                continue
            if actor.country != owner.country and actor.id != owner.id:
                self._add(self.doc[head.i:head.i + 1], actor, "coref")
                break
        return owner

    def _excluded(self, span: Span) -> set[str]:
        """Binding: a pronoun is not its own conjunct ("he and Kim") nor its verb's subject ("Kim met him")."""
        tok = span.root
        out = set()
        for s in tok.conjuncts:
            out.update(m.actor.id for m in self.by_token.get(s.i, ()))
        if tok.dep_ in OBJECT_DEPS:
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            while (verb.dep_ in ("xcomp", "conj")
                   or verb.dep_ == "advcl"
                   and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)) \
                    and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
                # "Kim declined to meet him": the subject of "meet" is Kim; "Jokowi congratulated Anwar
                # ... and invited him": the subject of "invited" is Jokowi's; "Erdogan called Herzog to
                # congratulate him": so is a purpose clause's
                verb = verb.head
            for child in verb.children:
                if child.dep_ in SUBJECT_DEPS:
                    for t in [child, *child.conjuncts]:
                        out.update(m.actor.id for m in self.by_token.get(t.i, ()))
        return out

    def _group(self, span: Span, group: str, count: int = 2) -> list[Actor]:
        found = self._group_of(span, group, count, self.people_seen)
        if not found and group == "states":
            # "the two governments" after "Greece and Turkey held talks": with no people named before,
            # the states named themselves
            found = self._group_of(span, group, count,
                                   sorted(self.people_seen + self.states_seen, key=lambda at: at[1].i))
        return found

    def _group_of(self, span: Span, group: str, count: int, seen: list[tuple[Actor, Token]]) -> list[Actor]:
        """"the two leaders": the last pair of people of different states named together before (names,
        not pronouns); "the two sides": their states. "the four ministers": the last sentence naming
        that many, or the distinct ones of the last few sentences."""
        sents: dict[int, list[Actor]] = {}
        subjects: dict[int, list[Actor]] = {}
        # "the two countries" are states, not a UN official's United Nations ("the two sides" may be the
        # EU and China)
        countries = group == "states" and span.root.lower_ in self.gaz.country_nouns
        for actor, tok in seen:
            if countries and not self._of_a_state(actor):
                continue
            if tok.i < span.start and not in_regions(tok.idx, self.quotes) and tok.i not in self.referring:
                sents.setdefault(self.sent_of[tok.i], []).append(actor)
                if _subject_rank(_conj_head(tok)) < 2:
                    subjects.setdefault(self.sent_of[tok.i], []).append(actor)
        if count > 2:
            return self._larger_group(sents, group, count)
        for start in sorted(sents, reverse=True):
            # The people a sentence is about come first: "Pompeo and Kim Yong Chol held talks ... on a
            # summit between Trump and Kim Jong Un. The two men met for dinner" are Pompeo and Kim Yong Chol.
            named = list({a.id: a for a in subjects.get(start, ())}.values())
            actors = named if len(named) == 2 else sents[start]
            first = actors[-1]
            if group in ("persons", "couple"):
                # Two people named together; of different states when both states are known ("the two
                # presidents" after "Irfaan Ali and Venezuelan President Nicolas Maduro"), but a couple
                # travels together ("Prince William and Catherine ... the royal couple").
                other = next((a for a in reversed(actors) if a.id != first.id
                              and (group == "couple" or not (a.country and a.country == first.country))),
                             None)
                if other is not None:
                    return [other, first]
                continue
            other = next((a for a in reversed(actors) if a.country != first.country and a.country), None)
            if other is None or first.country is None:
                continue
            return self._states_of([other, first])
        return []

    def _plural(self, span: Span) -> list[Actor]:
        """"they": see actors.yaml `plural_pronouns`. Only the current and the previous sentence are read."""
        sent = span.root.sent
        first = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for i in range(span.start - 1, first - 1, -1):
            tok = self.doc[i]
            mentions = self.by_token.get(i, ())
            if not mentions:
                plural_subject = tok.tag_ in ("NNS", "NNPS") and tok.dep_ in SUBJECT_DEPS
                if plural_subject and not in_regions(tok.idx, self.quotes):
                    return []   # "the negotiators said they": not people of the timeline
                continue
            people = list({m.actor.id: m.actor for m in mentions if m.actor.kind == "person"}.values())
            if len(people) >= 2:
                return people   # a group phrase already resolved
            while tok.dep_ == "compound":
                tok = tok.head
            head = tok.head if tok.dep_ == "conj" else tok
            members = [head, *head.conjuncts]
            if len(members) < 2:
                pair = self._verb_pair(head)
                if pair:
                    return pair   # "Jilani called Wang on Monday. They first spoke last Friday."
                continue
            named = [[m.actor for m in self.by_token.get(t.i, ())] for t in members]
            if not all(a and a[0].kind == "person" for a in named):
                return []   # "the UAE and Bahrain ... when they signed": states, not people
            return list({a[0].id: a[0] for a in named}.values())
        return []

    def _verb_pair(self, obj: Token) -> list[Actor]:
        """The two people of a verb, one its subject and one its object ("Jilani called Wang", "Biden met
        with Xi"), read back from the object."""
        verb = obj.head.head if obj.dep_ == "pobj" and obj.head.lower_ == "with" else obj.head
        if obj.dep_ not in ("dobj", "pobj") or not verb.tag_.startswith("VB"):
            return []
        one = [m.actor for m in self.by_token.get(obj.i, ()) if m.actor.kind == "person"]
        other = [m.actor for c in verb.children if c.dep_ == "nsubj" for t in [c, *c.conjuncts]
                 for m in self.by_token.get(t.i, ()) if m.actor.kind == "person"]
        if len(one) == 1 and len(other) == 1 and one[0].id != other[0].id:
            return [other[0], one[0]]
        return []

    def _of_a_state(self, actor: Actor) -> bool:
        entry = self.gaz.by_name.get(actor.country or "")
        return entry is not None and entry.actor.kind == "state"

    def _states_of(self, people: list[Actor]) -> list[Actor]:
        return [self.gaz.by_name[a.country].actor for a in people if a.country in self.gaz.by_name]

    def _larger_group(self, sents: dict[int, list[Actor]], group: str, count: int,
                      reach: int = 3) -> list[Actor]:
        def members(actors: list[Actor]) -> list[Actor]:
            if group == "states":
                actors = self._states_of(actors)
            return list({a.id: a for a in actors}.values())
        latest = sorted(sents, reverse=True)[:reach]
        for start in latest:
            named = members(sents[start])
            if len(named) >= count:
                return named[-count:]
        # Named over several sentences ("X met Y. ... Z and W joined them. The four ministers ..."):
        # the distinct ones of the last few, but never a group of one.
        gathered = members([a for start in sorted(latest) for a in sents[start]])
        return gathered[-count:] if len(gathered) > 1 else []


def _conj_head(tok: Token) -> Token:
    """The first conjunct of a coordination: "Kim" in "Pompeo and Kim" stands where "Pompeo" does."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _subject_rank(tok: Token) -> int:
    if tok.dep_ in SUBJECT_DEPS and tok.head.dep_ == "ROOT":
        return 0
    if tok.dep_ in SUBJECT_DEPS:
        return 1
    return 2

"""Speaker mentions and their resolution to canonical sources, without neural coreference.

A quote's source is first found as a *mention* in its sentence ("Lt. Gen. Abdulamir Rashid
Yarallah", "Yarallah", "he", "one of them", "the officer", "military sources"). The
:class:`SpeakerResolver` then walks the mentions in document order and links each to a
*source* (an :class:`Entity`):

- a full name and a later surname or courtesy form are one source
  ("Lt. Gen. Abdulamir Rashid Yarallah" … "Yarallah said" … "Mr. Yarallah");
- titles are roles, not names ("Prime Minister", "Lt. Gen.", "Dr.");
- "he"/"she" go to the most recent compatible person, "they" to the most recent group,
  "it" to the most recent organisation or document;
- "one of them" goes to the group introduced just before; "the officer", "the source"
  to the most recent source described by that noun (or holding that role);
- unnamed persons and groups described by nouns such as "source", "official", "officer"
  are anonymous.

The word lists are data in ``newskit/resources/quotes/*.txt``.

Example:
    >>> r = SpeakerResolver()
    >>> r.resolve("Lt. Gen. Abdulamir Rashid Yarallah").name
    'Abdulamir Rashid Yarallah'
    >>> r.resolve("Yarallah").name, r.resolve("he").name
    ('Abdulamir Rashid Yarallah', 'Abdulamir Rashid Yarallah')

References:
    Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. LREC.
    Newell, E., Margolin, D. and Ruths, D. (2018). An attribution relations corpus for
    political news (PolNeAR). LREC.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from newskit.quotes.lexicon import speaker_lexicon


ORG_WORDS = frozenset(
    """post times news journal tribune herald guardian telegraph reuters ap afp cnn nbc abc cbs
    fox msnbc bbc politico axios party campaign ministry committee department house office
    agency council association institute university poll survey commission service press
    network group union court senate congress government administration army police company
    corporation inc foundation center centre organization organisation bureau board
    website magazine newspaper daily gazette report study""".split()
)
# Words that may join the parts of a name ("Osama bin Laden", "Charles de Gaulle").
NAME_PARTICLES = frozenset("al bin ibn de del della der van von da di du la le el abu".split())
DETERMINERS = frozenset(
    "a an the this that these those his her their its our my your another several some many "
    "two three four five few other one each both all".split()
)
GROUP_REFERENCES = re.compile(
    r"^(?:one|some|many|most|several|two|three|each|both|all|none|a\s+few|few|another)\s+of\s+"
    r"(?:them|those|these|us)$",
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"[’']s?$")
PARENTHESIS = re.compile(r"\s*\([^)]*\)")
# Words that end the pre-modifier part of a source phrase ("officials *who* …", "a spokesman *for* …").
POST_MODIFIER_START = frozenset(
    "who which that of for at with from in involved familiar close on told speaking by".split())
PARTICIPLE_PREPOSITIONS = frozenset("by in at from for to on".split())
# The affiliation in a role ("spokesman for the ministry" -> "ministry").
ROLE_AFFILIATION = re.compile(r"\b(?:of|for|at|with)\s+(?:the\s+)?(.+)$")


@functools.lru_cache(maxsize=8192)  # called for every recent source at every mention
def _norm(word: str) -> str:
    """Lower case with one apostrophe, for matching ("O’Neill" == "O'Neill")."""
    return word.lower().replace("’", "'")


def _cap(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit()) and not word.isdigit()


def singular(word: str) -> str:
    """A crude singular of an English noun, enough to match "officers" with "the officer"."""
    w = word.lower()
    irregular = {"spokesmen": "spokesman", "spokeswomen": "spokeswoman", "people": "person",
                 "spokespeople": "spokesperson", "men": "man", "women": "woman"}
    if w in irregular:
        return irregular[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


# singular() remembered: a definite mention ("the officer") compares its head with the head of
# every recent source
_singular = functools.lru_cache(maxsize=4096)(singular)


@dataclass
class Entity:
    """A source of quotes within one document (mutable while the document is read)."""

    name: str
    named: bool
    anonymous: bool
    kind: str  # "person", "group", "org", "pronoun"
    plural: bool = False
    gender: str | None = None
    role: str | None = None
    affiliation: str | None = None
    head: str | None = None
    tokens: tuple[str, ...] = ()
    first: int = -1
    last_seen: int = -1
    aliases: set = field(default_factory=set)


@dataclass(frozen=True)
class Mention:
    """What a source phrase says about its speaker, before resolution."""

    text: str
    kind: str  # "name", "pronoun", "relative", "group-ref", "definite", "indefinite", "description"
    name: str | None = None
    name_tokens: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None
    head: str | None = None
    plural: bool = False
    anonymous: bool = False
    org: bool = False


_WORD = re.compile(r"[\w\u00C0-\u024F]+(?:[’'.\-][\w\u00C0-\u024F]+)*\.?|[^\w\s]")


def _strip_title(words: list[str]) -> tuple[list[str], list[str], str | None]:
    """Split leading titles off a capitalised run: (titles, rest, gender)."""
    lex = speaker_lexicon()
    courtesy, by_first = lex.courtesy, lex.titles_by_first
    titles_found: list[str] = []
    gender = None
    low = tuple(w.lower() for w in words)
    i = 0
    changed = True
    while changed and i < len(words):
        changed = False
        if low[i] in courtesy:
            gender = courtesy[low[i]]
            i += 1
            changed = True
            continue
        for tw in by_first.get(low[i], ()):  # the longest title that starts here
            if low[i:i + len(tw)] == tw:
                titles_found.append(" ".join(words[i:i + len(tw)]))
                i += len(tw)
                changed = True
                break
    return titles_found, words[i:], gender


def parse_mention(phrase: str, role_hint: str | None = None) -> Mention:
    """Classify a source phrase and pull out its name, role, affiliation and head noun.

    Example:
        >>> m = parse_mention("Iraqi Prime Minister Haider Al-Abadi")
        >>> m.name, m.role, m.affiliation
        ('Haider Al-Abadi', 'Prime Minister', 'Iraqi')
        >>> parse_mention("a senior military officer").anonymous
        True
    """
    lex = speaker_lexicon()
    # "Sen. Jason Chaffetz (R-Utah)": a parenthesis is not part of the name; ’ is '
    text = (PARENTHESIS.sub("", phrase) if "(" in phrase else phrase).strip().strip(",")
    low = text.lower()
    words = [w for w in _WORD.findall(text) if w not in {",", "(", ")"}]
    if not words:
        return Mention(text, "description")
    if low in lex.pronouns:
        num, g = lex.pronouns[low]
        kind = "relative" if g == "rel" else "pronoun"
        return Mention(text, kind, gender=g if g in "mfn" else None, plural=num == "pl")
    if GROUP_REFERENCES.match(low):
        return Mention(text, "group-ref", anonymous=True)
    pre, post = _split_post_modifier(words)
    head = pre[-1] if pre else words[-1]
    head = POSSESSIVE.sub("", head) if head.endswith(("’s", "'s")) else head
    affiliation = None
    if post and post[0].lower() in {"of", "for", "at", "with", "from"}:
        affiliation = " ".join(post[1:]) or None
    named = _name_mention(text, pre, affiliation, role_hint)
    if named is not None:
        return named
    return _description_mention(text, words[0].lower(), pre, head, affiliation, role_hint)


def _split_post_modifier(words: list[str]) -> tuple[list[str], list[str]]:
    """The words before and from a post-modifier ("officials | who …", "a spokesman | for …",
    "the military map | circulated by …")."""
    lows = [w.lower() for w in words]
    for k in range(1, len(words)):
        if lows[k] in POST_MODIFIER_START:
            return words[:k], words[k:]
        w = words[k]
        if w.islower() and w.endswith("ed") and lows[k - 1] not in DETERMINERS and (
                k > 1 or (k + 1 < len(words) and lows[k + 1] in PARTICIPLE_PREPOSITIONS)):
            return words[:k], words[k:]  # a participle starts a post-modifier
    return words, []


def _name_run(pre: list[str]) -> list[str]:
    """The capitalised run (with name particles) that ends the pre-modifier part, or []."""
    courtesy = speaker_lexicon().courtesy
    run_end = len(pre)
    while run_end > 0 and not (_cap(pre[run_end - 1]) or pre[run_end - 1].lower() in courtesy):
        run_end -= 1
    if run_end < len(pre):
        return []
    run_start = run_end
    while run_start > 0 and (_cap(pre[run_start - 1]) or
                             (pre[run_start - 1].lower() in NAME_PARTICLES and run_start - 1 > 0)):
        run_start -= 1
    return pre[run_start:run_end]


def _name_mention(text: str, pre: list[str], affiliation: str | None,
                  role_hint: str | None) -> Mention | None:
    """A name ("Iraqi Prime Minister Haider Al-Abadi"), or a title without a name ("the
    President"), when a capitalised run ends the pre-modifier part; else None."""
    lex = speaker_lexicon()
    run = _name_run(pre)
    if not run:
        return None
    if run[0].lower() in {"the", "a", "an"}:
        run = run[1:]
    # sentence-initial common nouns ("Officials said") are not names
    if len(run) == 1 and (run[0].lower() in lex.anonymous or run[0].lower() in DETERMINERS
                          or run[0].lower() in lex.group_nouns):
        run = []
    titles, rest, gender, affiliation = _titles_and_name(run, affiliation)
    if rest:
        return _named(text, rest, titles, gender, affiliation, role_hint)
    if titles:  # "the President", "Prime Minister": a role without a name
        return Mention(text, "definite", role=" ".join(titles), head=titles[-1].lower(),
                       affiliation=affiliation, anonymous=False)
    return None


def _titles_and_name(run: list[str], affiliation: str | None):
    """(titles, name words, gender, affiliation) of a capitalised run; titles may follow a
    modifier, which is then the affiliation ("Iraqi Prime Minister Haider Al-Abadi")."""
    if not run:
        return [], [], None, affiliation
    titles, rest, gender = _strip_title(run)
    if not titles:
        for k in range(1, len(run)):
            t2, r2, g2 = _strip_title(run[k:])
            if t2 and r2:
                return t2, r2, g2, affiliation or " ".join(run[:k])
    return titles, rest, gender, affiliation


def _named(text: str, rest: list[str], titles: list[str], gender: str | None,
           affiliation: str | None, role_hint: str | None) -> Mention:
    """The Mention of a name: an organisation when its last word says so ("Post", "Reuters")
    or it is one acronym; a role stated beside it gives the role and its affiliation."""
    is_org = rest[-1].lower().strip(".") in ORG_WORDS or (len(rest) == 1 and rest[0].isupper()
                                                           and len(rest[0]) > 1)
    name = " ".join(rest)
    name = POSSESSIVE.sub("", name) if name.endswith(("’s", "'s")) else name
    role = role_hint or " ".join(titles)
    if role_hint:
        m_aff = ROLE_AFFILIATION.search(role_hint)
        if m_aff:
            affiliation = m_aff.group(1).strip(" ,.")
    return Mention(text, "name", name=name, name_tokens=tuple(name.split()), role=role or None,
                   affiliation=affiliation, gender=gender, org=is_org,
                   head=rest[-1], plural=False)


def _description_mention(text: str, first: str, pre: list[str], head: str,
                         affiliation: str | None, role_hint: str | None) -> Mention:
    """A description ("a senior military officer", "the ministry", "military sources"):
    definite, indefinite or bare, anonymous by its head noun unless an organisation."""
    lex = speaker_lexicon()
    h = singular(head)
    head_low = head.lower()
    anonymous = head_low in lex.anonymous or h in lex.anonymous
    plural = h != head_low or head_low in {"people", "spokesmen"}
    org = head_low in ORG_WORDS
    if first in {"the", "this", "that", "these", "those"} and len(pre) <= 3:
        kind = "definite"
    elif first in {"a", "an", "another", "one"}:
        kind = "indefinite"
    else:
        kind = "description"
    canonical = " ".join(pre).replace(" ,", ",") if pre else text
    return Mention(text, kind, name=canonical, head=h, plural=plural,
                   anonymous=anonymous and not org, affiliation=affiliation, org=org, role=role_hint)


@functools.lru_cache(maxsize=4096)
def _parse_mention_cached(phrase: str, role_hint: str | None) -> Mention:
    """``parse_mention`` remembered across documents: a Mention is immutable, and the same
    phrases ("he", "officials", "the ministry", "Trump") come back article after article."""
    return parse_mention(phrase, role_hint)


RECENT_WINDOW = 400


class SpeakerResolver:
    """Links mentions, in document order, to canonical sources (see the module docstring)."""

    def __init__(self, gender_hints: dict | None = None, name_hints: dict | None = None) -> None:
        """``gender_hints`` maps lower-case surnames to "m"/"f" (from "Mr."/"Mrs." in the text);
        ``name_hints`` maps them to a full name found in the text ("diaz" -> "Bo Diaz")."""
        self.name_hints = name_hints or {}
        self.antecedent_finder = None  # (offset, gender) -> a person's name before the offset
        self.entities: list[Entity] = []
        self._by_recency: dict = {}  # id(entity) -> entity, least recently mentioned first
        self._pronouns: dict = {}  # one source per unresolved pronoun form ("he", "they")
        self.clock = 0
        self.gender_hints = gender_hints or {}

    def _touch(self, e: Entity, pos: int) -> Entity:
        self.clock += 1
        e.last_seen = self.clock
        if e.first < 0:
            e.first = pos
        self._by_recency.pop(id(e), None)
        self._by_recency[id(e)] = e
        return e

    def _recent(self, pred) -> Entity | None:
        """The most recently mentioned source satisfying ``pred``, among the last RECENT_WINDOW
        sources (so that a very long text stays linear)."""
        for k, e in enumerate(reversed(self._by_recency.values())):
            if k >= RECENT_WINDOW:
                break
            if pred(e):
                return e
        return None

    def _new(self, m: Mention, pos: int, name: str | None = None) -> Entity:
        kind = "org" if m.org else ("group" if m.plural else "person")
        gender = m.gender
        if m.kind == "name" and len(m.name_tokens) == 1 and not m.org and name is None:
            full = self.name_hints.get(m.name_tokens[0].lower())
            if full:
                name = full
                m = Mention(m.text, m.kind, full, tuple(full.split()), m.role, m.affiliation,
                            m.gender, m.head, m.plural, m.anonymous, m.org)
        if gender is None and m.kind == "name" and m.name_tokens:
            gender = self.gender_hints.get(m.name_tokens[-1].lower())
        if gender is None and m.kind == "name" and len(m.name_tokens) > 1 and not m.org:
            gender = speaker_lexicon().first_names.get(m.name_tokens[0].lower())
        e = Entity(name=name or m.name or m.text, named=m.kind == "name", anonymous=m.anonymous,
                   kind=kind, plural=m.plural, gender=gender, role=m.role,
                   affiliation=m.affiliation, head=m.head, tokens=m.name_tokens)
        self.entities.append(e)
        return self._touch(e, pos)

    def resolve(self, phrase: str, pos: int = 0, role_hint: str | None = None,
                antecedent: str | None = None) -> Entity:
        """The source a phrase refers to (creating it when new).

        Args:
            phrase: the mention as written ("he", "Yarallah", "a senior military officer").
            pos: its character offset (kept as the source's first offset).
            role_hint: a role stated beside the mention (an apposition).
            antecedent: for a relative pronoun ("who"), the phrase it refers to.
        """
        if antecedent:
            return self.resolve(antecedent, pos, role_hint)
        m = _parse_mention_cached(phrase, role_hint)
        if m.kind == "name":
            return self._resolve_name(m, pos)
        if m.kind in ("pronoun", "relative"):
            e = self._referent(phrase.strip().lower(), m, pos)
            return self._pronoun_entity(phrase, pos) if e is None else self._touch(e, pos)
        if m.kind == "group-ref":  # "one of them": the group introduced just before
            e = self._recent(lambda e: e.plural)
            return self._new(m, pos, name=phrase.strip()) if e is None else self._touch(e, pos)
        if m.kind == "definite" and m.head:  # "the officer": a source with that head or role
            h = m.head
            e = self._recent(lambda e: (e.head is not None and _singular(e.head) == h) or
                             (e.role is not None and h in e.role.lower()))
            return self._new(m, pos) if e is None else self._touch(e, pos)
        if m.kind == "description":  # the same description again
            key = _norm(m.name or m.text)
            e = self._recent(lambda e: _norm(e.name) == key)
            if e is not None:
                return self._touch(e, pos)
        return self._new(m, pos)

    def _resolve_name(self, m: Mention, pos: int) -> Entity:
        """A name: the source already named so (or by its surname), completed with what this
        mention adds, else a new source."""
        e = self._match_name(m)
        if e is None:
            return self._new(m, pos)
        e.role = e.role or m.role
        e.affiliation = e.affiliation or m.affiliation
        e.gender = e.gender or m.gender
        return self._touch(e, pos)

    def _referent(self, low: str, m: Mention, pos: int) -> Entity | None:
        """The source a pronoun refers to: a relative pronoun the last source, he/she the last
        person of that gender, they a group, it an organisation; None for I, we, you."""
        if m.kind == "relative":
            return self._recent(lambda e: True)
        if low in ("he", "she", "his", "her"):
            return self._person(low, pos)
        if low in ("they", "their"):
            return self._recent(lambda e: e.plural or e.kind in ("group", "org"))
        if low in ("it", "its"):
            return self._recent(lambda e: e.kind == "org")
        return None  # I, we, you: the speaker of the quote is not resolvable from the text

    def _person(self, low: str, pos: int) -> Entity | None:
        """The person "he"/"she" refers to: the last named one of that gender (else any), else
        one named in the text just before; the gender is learnt from the pronoun."""
        g = "m" if low in ("he", "his") else "f"
        ok = lambda e: e.kind == "person" and not e.plural and e.gender in (None, g)  # noqa: E731
        e = self._recent(lambda e: ok(e) and e.named) or self._recent(ok)
        if e is None and self.antecedent_finder is not None:
            # no source yet: a person named just before ("Mrs. Ann Cole met …. She said")
            name = self.antecedent_finder(pos, g)
            if name:
                e = self.resolve(name, pos)
                e.gender = e.gender or g
        if e is not None and e.gender is None and e.named:
            e.gender = g
        return e

    def _pronoun_entity(self, phrase: str, pos: int) -> Entity:
        key = phrase.strip().lower()
        e = self._pronouns.get(key)
        if e is None:
            e = Entity(name=phrase.strip(), named=False, anonymous=False, kind="pronoun")
            self.entities.append(e)
            self._pronouns[key] = e
        return self._touch(e, pos)

    def _match_name(self, m: Mention) -> Entity | None:
        toks = [_norm(t) for t in m.name_tokens]
        if not toks:
            return None
        full = " ".join(toks)

        def same(e: Entity) -> bool:
            if not e.named:
                return False
            et = [_norm(t) for t in e.tokens]
            if " ".join(et) == full:
                return True
            if e.kind != "person" or m.org:
                return False
            # surname ("Yarallah") or a subset of the full name ("Haider Al-Abadi" / "Al-Abadi")
            return (len(toks) < len(et) and toks[-1] == et[-1]) or (
                len(et) < len(toks) and et[-1] == toks[-1])

        e = self._recent(same)
        if e is not None and len(toks) > len(e.tokens):  # the longer form is the canonical name
            e.name, e.tokens = m.name, m.name_tokens
            e.gender = e.gender or speaker_lexicon().first_names.get(toks[0])
        return e

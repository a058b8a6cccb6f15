"""The rule engine: a date rule is declared in one place, the ``@rule`` decorator above its resolver.

A rule is a named pattern and the function that turns a match into a TIMEX3 (type, value). The
decorator carries everything else the scan needs to know about it, beside the pattern: its
priority, its anchors (words one of which every match contains: the rule runs only on windows
around them), its needs (a string every match contains besides, so windows without it are
skipped), a locator for the folded text, a test of the match alone (``keep``), whether a match
may be part of a name (``part_of_name``) and whether it states a year (``absolute``). The rules
register in the order they are defined (``RULES``), and ties between equal matches go to the
rule defined first; the families are imported in a fixed order (see ``rules/__init__.py``).

The scans run on the folded text (``newskit.wordlists.fold_case``): lower case, with the letters
that IGNORECASE matches to an ASCII letter made that letter. It has the same length, so offsets
carry over, and a pattern written in lower case matches it, without IGNORECASE, exactly where it
matches the text with IGNORECASE: the anchors, the needs and most rules are scanned there, about
twice as fast (the regex engine rejects an alternative in one comparison only when it starts
with a case-sensitive literal).

Example:
    >>> import re
    >>> sixteen = re.compile(r"(?<![\\w'])(?:sixteen)", re.I)
    >>> bool(for_folded(sixteen).flags & re.I), bool(for_folded(sixteen).match("sixteen"))
    (False, True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Optional, Union

from newskit.dates.lexicon import ANCHOR_GROUPS

try:  # the parser of the re module itself: re._parser from Python 3.11, sre_parse before
    from re import _constants as _SRE_CONSTANTS, _parser as _SRE_PARSER
except ImportError:  # Python 3.10
    import sre_constants as _SRE_CONSTANTS
    import sre_parse as _SRE_PARSER

if TYPE_CHECKING:
    from newskit.dates.context import Doc

# what a resolver returns: (TIMEX3 type, value), or (type, value, (first day, last day)) for a
# span of days, or None when the rule declines the match ("May" the modal verb)
Result = Optional[tuple]


class Declined(Exception):
    """Raised below a resolver to decline its match, for one of two documented reasons.

    * The match names a word in a spelling its table lacks: a letter that IGNORECASE equates
      with an ASCII one ("Frıday", "Auguſt", "FRİDAY") or a spacing the pattern allows ("bi
      weekly" for "bi-weekly"); see ``listed``.
    * The day it denotes lies beyond the calendar ``datetime`` can count (years 1 to 9999): from a
      reference date near either end, or an amount like "1000000000 days ago"; see
      ``values.calendar_limits``.

    The selection catches it (and only it) and treats the match as declined, as a resolver that
    returns None; any other exception from a resolver is a bug, and propagates.
    """


def listed(table: dict, word: str):
    """``table[word]`` for the word a match names; a spelling the table lacks declines the match.

    Example:
        >>> listed({"friday": 5}, "friday")
        5
        >>> listed({"friday": 5}, "fr\u0131day")  # a dotless i: IGNORECASE matched it to "Friday"
        Traceback (most recent call last):
        ...
        newskit.dates.engine.Declined: 'frıday' is not in the word table
    """
    if word not in table:
        raise Declined(f"{word!r} is not in the word table")
    return table[word]


@dataclass(frozen=True)
class Rule:
    """A named pattern and the function that turns its match into a (type, value).

    ``anchors`` is the spec the rule declared ("@months", "#4 #", "year month"), and
    ``anchor_keys`` the anchor tokens it stands for, in lower case: words, "#" (a number), "#4"
    (a number of four digits), "#s" (a "'90s"). ``need``, when there is one, is a pattern (for
    the folded text) that every match contains: a window without it holds no match.

    ``locate``, when there is one, is a pattern without IGNORECASE for the folded text (see
    ``fold_case``) that matches at least wherever ``pattern`` does: the pattern itself when it is
    written in lower case, else a lower-case beginning of it. It finds where matches may start,
    and ``pattern`` then makes them, the very matches its ``finditer`` would give.

    ``keep``, when there is one, is a test of the match alone that ``resolve`` applies first
    (declining the matches that fail it, whatever the document): those are dropped at once.

    ``part_of_name``, when there is one, tells (text, start, end) whether a match the rule
    resolved is part of a name or a title instead ("Orion 1980", "VOA Today"): it is then dropped.
    ``absolute``, when there is one, tells whether a match states its year, which the mentions
    after it count from ("the following year").

    ``text_from``, when there is one, names the group where the mention begins: the words before
    it are context the match requires but not part of the expression ("for years" → "years").
    """

    name: str
    pattern: re.Pattern
    resolve: Callable[[re.Match, "Doc"], Result]
    priority: int = 0
    anchors: str = ""
    anchor_keys: frozenset = frozenset()
    need: Optional[re.Pattern] = None
    locate: Optional[re.Pattern] = None
    keep: Optional[Callable[[re.Match], bool]] = None
    part_of_name: Optional[Callable[[str, int, int], bool]] = None
    absolute: Optional[Callable[[re.Match], bool]] = None
    text_from: Optional[str] = None

    def matches(self, text: str, folded: str, windows) -> list[re.Match]:
        """The matches in the windows (start, end) of TEXT, each window from the end of the last
        match on; none in a window where ``need`` is not found (in the folded text)."""
        need = self.need
        found = []
        last_end = -1
        for ws, we in windows:
            if need is not None and need.search(folded, ws, we) is None:
                continue  # no match can lie here
            pos = max(ws, last_end)
            rest = pos if self.locate is None else self._located(text, folded, pos, we, found)
            if rest is not None:
                found.extend(self.pattern.finditer(text, rest, we))
            for m in reversed(found):  # the next window starts after the last match
                if m.end() > m.start():
                    last_end = m.end()
                    break
        return found

    def _located(self, text: str, folded: str, pos: int, endpos: int, found: list) -> Optional[int]:
        """Adds the matches in text[pos:endpos] found by way of ``locate``. Returns None, or where
        ``pattern.finditer`` is to go on: at an empty match, which only it steps over correctly."""
        search, match = self.locate.search, self.pattern.match
        while True:
            hit = search(folded, pos, endpos)
            if hit is None:
                return None
            m = match(text, hit.start(), endpos)
            if m is None:
                pos = hit.start() + 1  # no match starts there after all
            elif m.end() == m.start():
                return hit.start()
            else:
                found.append(m)
                pos = m.end()


RULES: list[Rule] = []  # in the order they are defined


def rule(name: str, pattern: str, priority: int = 0, *, anchors: str, needs: Optional[str] = None,
         flags: int = re.I | re.X, locate: Optional[str] = None, starts: Optional[str] = None,
         keep: Optional[Callable[[re.Match], bool]] = None,
         part_of_name: Optional[Callable[[str, int, int], bool]] = None,
         absolute: Union[bool, Callable[[re.Match], bool]] = False, text_from: Optional[str] = None):
    """Register the decorated function as the resolver of PATTERN under NAME (compiled once, here).

    Args:
        name: the rule id, recorded in each ``DateMention.rule``.
        pattern: the regular expression (by default IGNORECASE and VERBOSE); a match never
            starts inside a word.
        priority: between overlapping matches of the same length, the higher wins.
        anchors: space-separated anchor words, word groups of ``lexicon.ANCHOR_GROUPS``
            ("@months"), "#" (a number), "#4" (a number of four digits) or "#s" ("'90s"): every
            match contains one, and the rule runs only on windows around them.
        needs: a regex (for the folded text, see ``fold_case``) found in every match besides its
            anchor ("/" for "10/26/2017"): windows without it are skipped.
        locate: a lower-case pattern every match of PATTERN starts with, when PATTERN itself is
            not in lower case.
        starts: a character class (in the folded text) of every character a match can start with,
            so that the search skips the others at once (by default read from the pattern, see
            ``_first_chars``).
        keep: a test the resolver requires of its matches (see ``Rule``).
        part_of_name: a test (text, start, end) for matches that are part of a name (see ``Rule``).
        absolute: True when the matches state their year, or a test of the match that tells it.
        text_from: the group where the mention begins (a group every match has), when the words
            before it are context only ("for years" → "years").
    """
    compiled = re.compile(r"(?<![\w'])(?:" + pattern + ")", flags)
    locator = None
    for source in (pattern, locate):
        if locator is None and source is not None and flags & re.I and _lower_case_pattern(source):
            source = r"(?<![\w'])(?:" + source + ")"
            starts = starts or _first_chars(source, flags & ~re.I)
            if starts:  # the same matches' starts, found by their first character first
                source = rf"[{starts}](?<=(?={source})(?s:.))"
            locator = re.compile(source, flags & ~re.I)
    keys = _anchor_keys(name, anchors)
    need = re.compile(needs) if needs is not None else None
    states_year = _always if absolute is True else absolute or None
    if text_from is not None and text_from not in compiled.groupindex:
        raise ValueError(f"date rule {name!r}: no group {text_from!r} to begin the mention")

    def deco(fn):
        if any(r.name == name for r in RULES):
            raise ValueError(f"two date rules are named {name!r}")
        RULES.append(Rule(name, compiled, fn, priority, anchors, keys, need, locator, keep, part_of_name,
                          states_year, text_from))
        return fn
    return deco


def _always(m: re.Match) -> bool:
    return True


def _anchor_keys(name: str, anchors: str) -> frozenset:
    """The anchor tokens an anchor spec stands for ("#" covers numbers of four digits too)."""
    keys: set[str] = set()
    for part in anchors.split():
        if part.startswith("@") and part not in ANCHOR_GROUPS:
            raise ValueError(f"date rule {name!r}: no anchor group {part!r} (one of {sorted(ANCHOR_GROUPS)})")
        keys.update(["#", "#4"] if part == "#" else [w.lower() for w in ANCHOR_GROUPS.get(part, [part])])
    if not keys:
        raise ValueError(f"date rule {name!r} declares no anchors")
    return frozenset(keys)


# --------------------------------------------------------------------------- fold-case patterns

_CLASS_ESCAPE_OR_GROUP_NAME = re.compile(r"\\[dDsSwWbB]|\(\?P<\w+>")
_CASED = re.compile(r"[A-Z]|\\[A-Za-z0-9]|\(\?[a-zA-Z-]+[:)]")  # upper case, other escapes, inline flags


def _lower_case_pattern(source: str) -> bool:
    """True if SOURCE's letters are all lower case, but in class escapes (``\\s``) and group names."""
    return not _CASED.search(_CLASS_ESCAPE_OR_GROUP_NAME.sub("", source))


def for_folded(pattern: re.Pattern) -> re.Pattern:
    """PATTERN, written in lower case for IGNORECASE, compiled without it for the folded text."""
    if not _lower_case_pattern(pattern.pattern):
        raise ValueError(f"not a lower-case pattern: {pattern.pattern!r}")
    return re.compile(pattern.pattern, pattern.flags & ~re.I)


def _first_chars(source: str, flags: int) -> Optional[str]:
    """A character class (its inside: "\\dabf") of every character a match of SOURCE can
    start with, read from its parse tree, or None when that is not plain (a ``\\w``, a negated
    class, an empty match …). Zero-width assertions are passed over: they only narrow it.

    Example:
        >>> _first_chars(r"(?<!\\w)(?:at\\s+)?(?:\\d|one|two)", 0)
        '\\\\daot'
    """
    c = _SRE_CONSTANTS
    chars: set[str] = set()
    digits = False

    def first(items) -> Optional[bool]:
        """Adds the first characters of ITEMS; True if they can match the empty string."""
        nonlocal digits
        for op, av in items:
            if op is c.LITERAL:
                chars.add(chr(av))
                return False
            if op is c.IN:
                for o, a in av:
                    if o is c.LITERAL:
                        chars.add(chr(a))
                    elif o is c.RANGE:
                        chars.update(map(chr, range(a[0], a[1] + 1)))
                    elif o is c.CATEGORY and a is c.CATEGORY_DIGIT:
                        digits = True
                    else:
                        return None
                return False
            if op is c.CATEGORY and av is c.CATEGORY_DIGIT:
                digits = True
                return False
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue
            if op is c.SUBPATTERN:
                empty = first(av[-1])
            elif op is c.BRANCH:
                ends = [first(b) for b in av[1]]
                empty = None if None in ends else any(ends)
            elif op is c.MAX_REPEAT or op is c.MIN_REPEAT:
                empty = first(av[2])
                empty = empty if empty is None else (empty or av[0] == 0)
            else:
                return None
            if empty is not True:
                return empty
        return True

    if first(_SRE_PARSER.parse(source, flags)) is not False:
        return None
    return ("\\d" if digits else "") + "".join(re.escape(ch) for ch in sorted(chars))

"""Quotes and their sources: direct, indirect and mixed attributions, rule-based.

``find_quotes`` finds who is reported as saying (or believing, knowing, expecting) what:

- **direct** quotes in curly or straight marks, with the speaker before or after
  (“…,” the officer said / said X: “…” / “…,” said X, ROLE), quotes over several
  paragraphs, and a bare quote paragraph that continues the previous speaker;
- **indirect** ones: "X said (that) …", "…, X said.", "…, said X, ROLE.", "according to X, …",
  "X told Y (that) …", "X announced / warned / believes / has learned …";
- **mixed** ones, an indirect content holding quoted words: said that “the operation …”.

Short quoted phrases with no cue ("a “record period.”") are scare quotes, not quotes.
Speakers are resolved to canonical sources by :mod:`newskit.quotes.speakers`. Every result records
the ``rule`` that produced it (``RULES`` lists them). Cue lexicons are data in
``newskit/resources/quotes/*.txt``: speech verbs, belief and knowledge verbs, stance verbs,
multi-word cues, evidential phrases, titles, anonymous-source nouns, pronouns, adverbials.

How it works: the package's modules are its stages, in order.

- :mod:`~newskit.quotes.marks`: per paragraph, quote marks are paired (curly by shape, straight
  by toggling; an unclosed quote continues into a paragraph that opens with a mark); quoted
  stretches standing where a sentence or an attribution can start become atomic *quote
  blocks*, the rest stay inline text.
- :mod:`~newskit.quotes.tokens`: tokens with offsets, and sentences cut around the blocks.
- :mod:`~newskit.quotes.cues`, :mod:`~newskit.quotes.phrases`, :mod:`~newskit.quotes.content`:
  cue words, source noun phrases and contents, read from tokens without a tagger or parser.
- :mod:`~newskit.quotes.frames`: one function per attribution rule (quote-then-source,
  source-cue-content, content-then-source, according-to, parenthetical …);
  :mod:`~newskit.quotes.scan` tries them over each sentence.
- :mod:`~newskit.quotes.assemble`: frames and bare quote sentences become quotes, with their
  sources resolved by :mod:`~newskit.quotes.speakers` (helped by :mod:`~newskit.quotes.names`);
  the word lists are read by :mod:`~newskit.quotes.lexicon`.

Measured on PolNeAR dev (``python ../shared/eval/quotes_polnear.py
../shared/data/quotes/polnear/dev``): content-overlap F1 0.77 (P 0.92, R 0.66), source
accuracy 0.88, direct-quote recall 0.94. The misses are mostly PolNeAR's long tail of
attributions with nominal or idiomatic cues ("his critique of", "took aim at").

Give an :class:`~newskit.Article` rather than raw text to keep the headline out: a headline
such as "Clinton Says Russians Hacked DNC" reads as an attribution.

Example:
    >>> import newskit
    >>> q = newskit.find_quotes('“We will win,” Smith said. Officials said the vote was close.')
    >>> [(x.kind, x.text, x.speaker, x.anonymous) for x in q]
    [('direct', 'We will win', 'Smith', False), ('indirect', 'the vote was close', 'Officials', True)]

References:
    Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. LREC.
    Newell, E., Margolin, D. and Ruths, D. (2018). An attribution relations corpus for
    political news (PolNeAR). LREC.
    textacy ``extract.triples.direct_quotations`` (the direct-quote frames).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from newskit.article import as_text_and_reference
from newskit.quotes.assemble import Draft, assemble
from newskit.quotes.marks import WORD
from newskit.quotes.scan import scan
from newskit.spans import check_span, to_frame

__all__ = ["KINDS", "RULES", "Quote", "Source", "find_quotes", "find_sources", "quotes_frame",
           "sources"]

KINDS = ("direct", "indirect", "mixed")


@dataclass(frozen=True)
class Quote:
    """One attribution: who (``speaker``) is reported as saying or holding what (``text``).

    ``source[start:end] == text``. For a direct quote the span is the words inside the marks;
    a direct quote interrupted by its attribution (“A,” she said. “B.”) or spread over
    several paragraphs is one Quote whose ``parts`` are the quoted pieces (``text`` then
    covers the attribution between them, as in PolNeAR).

    Attributes:
        kind: ``"direct"``, ``"indirect"`` or ``"mixed"``.
        speaker: canonical source ("Abdulamir Rashid Yarallah", "military officers"), or None.
        speaker_start, speaker_end: the speaker mention in this sentence; None when inherited.
        speaker_text: that mention as written ("he", "the officer", "Yarallah").
        cue, cue_start, cue_end: the reporting word or phrase ("said", "according to").
        recipient: who was told ("Arab News" in "told Arab News"), or None.
        anonymous: True for unnamed sources ("military sources", "a senior military officer").
        role, affiliation: as stated ("Lt. Gen.", "commander of the …", "Iraqi").
        rule: the name of the rule that produced the quote (see ``RULES``).
        parts: the (start, end) pieces of quoted text.
        named: True when the source is a proper name ("Haider Al-Abadi", "Reuters"); a source
            can be neither named nor anonymous ("the company", an unresolved "he").
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_text: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    recipient: str | None = None
    anonymous: bool = False
    role: str | None = None
    affiliation: str | None = None
    rule: str = ""
    parts: tuple = field(default=(), repr=False)
    named: bool = False

    @property
    def words(self) -> int:
        """Number of words quoted (the parts only, not an attribution between them)."""
        return sum(len(WORD.findall(self.text[s - self.start:e - self.start]))
                   for s, e in (self.parts or ((self.start, self.end),)))


#: Rule id -> its shape. A rule read in one sentence is the function of the same name in
#: :mod:`newskit.quotes.frames` ("quote-then-source" is ``frames.quote_then_source``; the two
#: quote-block rules are ``frames.quote_block``); "inherited" and "unattributed" are given by
#: :mod:`newskit.quotes.assemble`.
RULES = {
    "quote-then-source": "“…,” X said — a direct quote, then its speaker and cue",
    "quote-then-cue-source": "“…,” said X — inverted attribution after a direct quote",
    "source-cue-quote": "X said: “…” — speaker and cue before a direct quote",
    "content-then-source": "…, X said. — indirect content, then speaker and cue",
    "content-then-cue-source": "…, said X, ROLE. — indirect content, inverted attribution",
    "source-cue-content": "X said (that) … / X told Y … / X believes … — cue before content",
    "source-cue-colon": "X said: … — cue and colon before content",
    "source-stance-content": "X endorsed / criticized / called for … — a stance and its object",
    "according-to": "according to X, … / …, according to X",
    "parenthetical": "…, X said, … — attribution inside its content",
    "gerund-continuation": "…, adding/saying … — a second attribution of the same speaker",
    "colon-quote": "Republican pollster Daron Shaw: “…” — a quote after a colon",
    "embedded-quote": "a quote block inside a sentence that no other rule attributed",
    "asked": "Asked about X, … / he was asked whether … — the question put to someone",
    "in-document": "In a CBS News poll, … — a finding attributed to a document",
    "evidential": "X seemed … / X is expected to … — a sentence attributed to no stated source",
    "inherited": "a bare quote after an attributed one: same speaker",
    "continued": "a bare quote sentence right after a direct quote in the same paragraph",
    "unattributed": "a full quoted sentence with no speaker found",
}


# ---------------------------------------------------------------- public API
def find_quotes(text_or_article) -> list[Quote]:
    """Find direct, indirect and mixed quotes and resolve their speakers.

    Args:
        text_or_article: a str or a :class:`newskit.Article` (its clean ``text`` is used).

    Returns:
        Quotes in text order; offsets point into the text (``Article.text`` for an Article).

    Example:
        >>> qs = find_quotes("Security forces recaptured the crossing, Yarallah said.")
        >>> qs[0].text, qs[0].speaker, qs[0].kind, qs[0].rule
        ('Security forces recaptured the crossing', 'Yarallah', 'indirect', 'content-then-source')

    References:
        Newell, Margolin and Ruths (2018), PolNeAR: attribution = source, cue, content.
    """
    text, _ = as_text_and_reference(text_or_article)
    if not text.strip():
        return []
    quotes = [_quote(text, d) for d in assemble(text, scan(text))]
    for q in quotes:
        check_span(text, q.start, q.end, q.text)
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes


def _quote(text: str, d: Draft) -> Quote:
    """The Quote of a draft, with the speaker fields of its source as they finally stand."""
    e = d.source
    s_start, s_end = d.src if d.src is not None else (None, None)
    c_start, c_end = d.cue if d.cue is not None else (None, None)
    return Quote(d.start, d.end, text[d.start:d.end], d.kind,
                 e.name if e is not None else None,
                 s_start, s_end, text[s_start:s_end] if d.src is not None else None,
                 text[c_start:c_end] if d.cue is not None else None, c_start, c_end,
                 text[d.recipient[0]:d.recipient[1]] if d.recipient is not None else None,
                 e is not None and bool(e.anonymous),
                 e.role if e is not None else None,
                 e.affiliation if e is not None else None,
                 d.rule, d.parts,
                 e is not None and bool(e.named))



@dataclass(frozen=True)
class Source:
    """One quoted source of a text, summed over its quotes (a row of :func:`sources`).

    Attributes:
        speaker: the canonical name or description of the source, or ``"(unattributed)"``
            for direct quotes with no speaker found.
        role, affiliation: from the first quote that names them.
        anonymous: the source is not named ("a senior official").
        quotes, direct: how many quotes, and how many of them direct.
        words: quoted words, summed.
        first: offset of the source's first quote in the text.
        named: the speaker is a proper name.
    """

    speaker: str
    role: str | None
    affiliation: str | None
    anonymous: bool
    quotes: int
    direct: int
    words: int
    first: int
    named: bool


def find_sources(text_or_article, quotes: list[Quote] | None = None) -> list[Source]:
    """One :class:`Source` per canonical source, most quoted first (then most words quoted).

    Direct quotes with no speaker found are counted in one ``"(unattributed)"`` source;
    indirect attributions with no stated source (``rule`` ``"evidential"`` or ``"asked"``:
    "X is expected to …") are left out.

    Args:
        text_or_article: a str or a :class:`newskit.Article`.
        quotes: the quotes already found in it (``find_quotes`` is not run again).

    Example:
        >>> [(s.speaker, s.quotes, s.words) for s in find_sources(
        ...     '“We will win,” Smith said. “The count is wrong,” Smith added.')]
        [('Smith', 2, 7)]
    """
    if quotes is None:
        quotes = find_quotes(text_or_article)
    rows: dict = {}
    for q in quotes:
        if q.speaker is None and q.kind != "direct":
            continue
        key = q.speaker or "(unattributed)"
        r = rows.get(key)
        if r is None:
            r = rows[key] = {"speaker": key, "role": q.role, "affiliation": q.affiliation,
                             "anonymous": q.anonymous, "quotes": 0, "direct": 0, "words": 0,
                             "first": q.start, "named": q.named}
        r["quotes"] += 1
        r["direct"] += q.kind == "direct"
        r["words"] += q.words
        r["role"] = r["role"] or q.role
        r["affiliation"] = r["affiliation"] or q.affiliation
        r["first"] = min(r["first"], q.start)
    ordered = sorted(rows.values(), key=lambda r: (-r["quotes"], -r["words"]))  # stable
    return [Source(**r) for r in ordered]


def sources(text_or_article, quotes: list[Quote] | None = None):
    """:func:`find_sources` as a DataFrame: one row per canonical source.

    Columns: ``speaker``, ``role``, ``affiliation``, ``anonymous``, ``quotes``, ``direct``,
    ``words`` (quoted words), ``first`` (offset of the first quote), ``named`` (a proper name).

    Args:
        text_or_article: a str or a :class:`newskit.Article`.
        quotes: the quotes already found in it (``find_quotes`` is not run again).

    Example:
        >>> df = sources('“We will win,” Smith said. “The count is wrong,” Smith added.')
        >>> df[["speaker", "quotes", "words"]].values.tolist()
        [['Smith', 2, 7]]
    """
    return to_frame(find_sources(text_or_article, quotes), Source)


def quotes_frame(text_or_article):
    """``find_quotes`` as a DataFrame, one row per quote."""
    return to_frame(find_quotes(text_or_article), Quote)

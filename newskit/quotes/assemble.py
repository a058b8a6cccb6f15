"""Assembling quotes: frames and bare quotes, in text order, become drafts with resolved sources.

Each frame's source mention is resolved (:class:`~newskit.quotes.speakers.SpeakerResolver`,
helped by the names in the text). A bare quote sentence (quote blocks only) goes on the last
direct quote when it follows its attribution in the same paragraph (“A,” she said. “B.”), takes
the last speaker when it comes within a paragraph of an attributed quote (rule ``inherited``),
or stands alone when it is long enough (``unattributed``); a quote that continues an unclosed
one of the previous paragraph joins it. The drafts become :class:`~newskit.quotes.Quote` objects
at the end, once later mentions have completed each source's name ("Bill de Blasio").

Example:
    >>> from newskit.quotes.scan import scan
    >>> text = '“We will win,” Smith said. “The count is wrong.”'
    >>> [(d.rule, d.parts, d.source.name) for d in assemble(text, scan(text))]
    [('quote-then-source', ((1, 12), (28, 47)), 'Smith')]
"""
from __future__ import annotations

from dataclasses import dataclass

from newskit.quotes.frames import BareQuote, Frame
from newskit.quotes.marks import QUOTE_MARK, WORD, has_quoted_words
from newskit.quotes.names import gender_hints, name_hints, person_before
from newskit.quotes.speakers import Entity, SpeakerResolver

# Rules whose quote block has no source of its own: in a paragraph whose speaker is known, the
# same speaker.
_BLOCK_RULES = frozenset({"embedded-quote", "colon-quote"})
# Drafts that a quote continuing into the next paragraph joins.
_JOINABLE_RULES = frozenset({"unattributed", "inherited"})
_MIN_UNATTRIBUTED_WORDS = 4


@dataclass(slots=True)
class Draft:
    """A quote being assembled: offsets and its source. The Quote is built at the end, once
    later mentions have completed the source's name ("Bill de Blasio")."""

    start: int
    end: int
    kind: str
    rule: str
    parts: tuple
    source: Entity | None = None  # the speaker's Entity, or None
    src: tuple | None = None  # (start, end) of the speaker mention
    cue: tuple | None = None
    recipient: tuple | None = None


def resolver_for(text: str) -> SpeakerResolver:
    """A speaker resolver for ``text``, with the names it holds as hints."""
    resolver = SpeakerResolver(gender_hints=gender_hints(text), name_hints=name_hints(text))
    resolver.antecedent_finder = lambda pos, gender: person_before(text, pos, gender)
    return resolver


def assemble(text: str, events: list[Frame | BareQuote]) -> list[Draft]:
    """The drafts of the quotes of ``text`` from its frames and bare quotes (in text order)."""
    resolver = resolver_for(text)
    out: list[Draft] = []
    last = None  # (draft, paragraph) of the last attributed quote
    for ev in events:
        if isinstance(ev, Frame):
            d = _frame_draft(text, ev, resolver, out, last)
            if d is not None:
                out.append(d)
                last = (d, ev.para)
        else:
            last = _bare_quote(text, ev, out, last)
    return out


def _frame_draft(text: str, f: Frame, resolver: SpeakerResolver, out: list[Draft], last) -> Draft | None:
    """The draft of a frame (None for an empty part), its source resolved; a frame continuing
    the previous paragraph's unattributed or inherited quote takes it over."""
    if not f.parts or any(b <= a for a, b in f.parts):
        return None
    ent = _frame_source(text, f, resolver, last)
    if f.cont and out and out[-1].kind == "direct" and out[-1].rule in _JOINABLE_RULES \
            and out[-1].end <= f.parts[0][0]:
        # “First paragraph … / “… second paragraph,” she said: one quote
        f.parts = list(out[-1].parts) + list(f.parts)
        out.pop()
    start, end = f.parts[0][0], f.parts[-1][1]
    return Draft(start, end, _kind(text, f, start, end), f.rule, tuple(f.parts), ent, f.src,
                 f.cue or None, f.recipient or None)


def _frame_source(text: str, f: Frame, resolver: SpeakerResolver, last) -> Entity | None:
    """The source of a frame: its mention resolved, or for a quote block with no mention the
    last speaker of the same paragraph."""
    if f.src is not None:
        ant = text[f.antecedent[0]:f.antecedent[1]] if f.antecedent else None
        return resolver.resolve(text[f.src[0]:f.src[1]], f.src[0], role_hint=f.role, antecedent=ant)
    if f.rule in _BLOCK_RULES and last is not None and last[1] == f.para:
        return last[0].source
    return None


def _kind(text: str, f: Frame, start: int, end: int) -> str:
    """direct (quote blocks), mixed (an indirect content holding quoted words) or indirect."""
    if f.direct:
        return "direct"
    body = text[start:end]
    return "mixed" if QUOTE_MARK.search(body) and has_quoted_words(body) else "indirect"


def _bare_quote(text: str, q: BareQuote, out: list[Draft], last):
    """Attribute a bare quote sentence; returns the new (draft, paragraph) of the last
    attributed quote."""
    if last is not None and last[0].kind == "direct" and (last[1] == q.para or q.cont) and \
            q.parts[0][0] > last[0].end:
        # the quote goes on after its attribution: “A,” she said. “B.”
        d = last[0]
        d.end = q.parts[-1][1]
        d.parts += tuple(q.parts)
        return d, q.para
    start, end = q.parts[0][0], q.parts[-1][1]
    if last is not None and q.para - last[1] <= 1 and last[0].source is not None:
        d = Draft(start, end, "direct", "inherited", tuple(q.parts), last[0].source)
        out.append(d)
        return d, q.para
    if len(WORD.findall(text, start, end)) >= _MIN_UNATTRIBUTED_WORDS:
        out.append(Draft(start, end, "direct", "unattributed", tuple(q.parts)))
    return last

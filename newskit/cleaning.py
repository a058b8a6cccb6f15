"""Cleaning scraped news text into an :class:`~newskit.article.Article`.

A scraped page usually carries page furniture around the story: the headline repeated, a
section tag glued to it ("Special …"), photo captions credited to an agency ("… (Reuters)"),
"Updated 04 November 2017", "Follow"/"Share" buttons, "By NAME" bylines, and a dateline at the
start of the body ("BAGHDAD:", "WASHINGTON (Reuters) -"). :func:`clean` keeps the headline once,
moves each piece to its metadata field, records every removal with its reason, normalises the
text (NFC, odd spaces) without touching curly quotes, and keeps a map from every offset of the
clean text back to the raw text.

Each line of the raw text is one paragraph (as in scraped text); blank lines also separate
paragraphs. In the clean text, paragraphs are separated by one blank line.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace

from newskit.article import Article, Removal, Segment
from newskit.errors import BinaryInputError, EmptyInputError
from newskit.wordlists import read_resource

# --------------------------------------------------------------------------- patterns

#: Agency credit closing a photo caption: "… on Friday. (Reuters)", "(AP Photo/Jane Doe)".
CAPTION_CREDIT = re.compile(
    r"""(?:\(\s*(?:Reuters|AFP|AP|AP\s+Photo[^)]*|Getty\s+Images|EPA|Xinhua|Anadolu|SPA|WAM|
    Bloomberg|Shutterstock|File|Supplied|Photo[^)]*|Courtesy[^)]*)\s*\)
    |(?:/\s*(?:Reuters|AFP|AP|Getty\s+Images|EPA)))\s*$""",
    re.VERBOSE | re.IGNORECASE,
)

#: "Updated 04 November 2017", "Published: March 3, 2021 10:15 AM EST", "Last updated …".
TIMESTAMP_LINE = re.compile(
    r"""^(?P<label>(?:last\s+)?updated|published|posted|first\s+published|modified|date)
    \s*(?:on|at)?\s*[:\-–—]?\s*(?P<when>.+)$""",
    re.VERBOSE | re.IGNORECASE,
)

#: A line that is only a date or timestamp: "28 October 2023, 07:45", "2023-10-28T07:45+02:00".
BARE_DATE_LINE = re.compile(
    r"""^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)[a-z]*\.?,?\s+)?
    (?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})
    (?:[,\sT]+\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}|Z)?)?$""",
    re.VERBOSE,
)

#: "By Jane Whitfield and Omar Reyes", "By JANE DOE, Associated Press".
BYLINE = re.compile(
    r"^(?:by|words\s+by|reporting\s+by)\s+(?P<names>[A-Z][\w.'’\-]+(?:[\s,]+(?:and\s+|&\s+)?[A-Z][\w.'’\-]+){0,8})"
    r"(?:\s*[,|]\s*(?P<outlet>[A-Z][\w .&]+))?$",
    re.IGNORECASE,
)

#: Dateline at the start of the first body paragraph:
#: "BAGHDAD: ", "WASHINGTON (Reuters) - ", "PORT ELLIS, Maine (Reuters) - ",
#: "MADRID, May 30 (Reuters) - ", "LONDON (AP) — ", "PORT MARIN — ".
DATELINE = re.compile(
    r"""(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}
        (?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?)
    (?:,\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?
    \s*(?:\(\s*(?P<agency>[A-Za-z][A-Za-z .&\-]{0,40})\s*\))?
    \s*(?P<sep>:|--?|–|—)\s+""",
    re.VERBOSE,
)

#: Spaces that are not a plain space, and characters with no width.
ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
NO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]")
SPACE_RUN = re.compile(r" {2,}")
#: What normalisation rewrites: runs of 2+ spaces, any odd space, and no-width characters.
#: A single plain space is left alone, so ordinary text maps back in one piece.
ODD_RUN = re.compile(
    r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v ]{2,}"
    r"|[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]"
    r"|[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]+"
)
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")

#: Short section labels glued before a repeated headline ("Special", "World", "Opinion").
MAX_SECTION_WORDS = 3
#: Headlines are at most this long (in words).
MAX_HEADLINE_WORDS = 30
#: A header-zone line at least this long (in words) starts the body.
MIN_BODY_WORDS = 12


@functools.lru_cache(maxsize=1)
def _boilerplate() -> list[tuple[str, re.Pattern]]:
    text = read_resource("cleaning/boilerplate.txt")
    reason, out = "boilerplate", []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            reason = line[1:-1]
            continue
        out.append((reason, re.compile(rf"(?:{line})[.!]?", re.IGNORECASE)))
    return out


def boilerplate_reason(line: str) -> str | None:
    """The reason a whole line is page furniture ("social", "advertisement" …), or None."""
    if len(line) > 120:
        return None
    for reason, pattern in _boilerplate():
        if pattern.fullmatch(line):
            return reason
    return None


# --------------------------------------------------------------------------- dates


_TZINFOS = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 3600, "CET": 3600, "CEST": 7200, "EET": 7200,
    "EEST": 10800, "AST": 10800, "GST": 14400, "IST": 19800, "PKT": 18000, "EST": -18000,
    "EDT": -14400, "CST": -21600, "CDT": -18000, "MST": -25200, "MDT": -21600, "PST": -28800,
    "PDT": -25200, "JST": 32400, "AEST": 36000, "AEDT": 39600,
}


def parse_timestamp(value) -> dt.datetime | None:
    """Parse a publication timestamp ("Updated 04 November 2017", ISO 8601, "10:15 AM EST").

    Returns a ``datetime`` (timezone-aware where the text names a zone) or None when the
    text holds no full date. Calendar parsing is python-dateutil's.

    Example:
        >>> parse_timestamp("March 3, 2021 10:15 AM EST").isoformat()
        '2021-03-03T10:15:00-05:00'
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    text = str(value).strip().strip(",.|")
    if not text or len(text) > 80 or not re.search(r"\d{4}", text):
        return None
    from dateutil import parser as date_parser

    try:
        return date_parser.parse(text, tzinfos=_TZINFOS, fuzzy=True, dayfirst=False)
    except (ValueError, OverflowError, TypeError):
        return None


# --------------------------------------------------------------------------- text with a map


@dataclass
class _Builder:
    """Accumulates clean text and the segments that map it back to raw."""

    raw: str
    parts: list
    segments: list
    length: int = 0

    def add(self, raw_start: int, raw_end: int) -> None:
        """Append the normalised form of ``raw[raw_start:raw_end]`` as one paragraph."""
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        for clean, r0, r1 in _normalise(self.raw, raw_start, raw_end):
            self.segments.append(Segment(self.length, len(clean), r0, r1))
            self.parts.append(clean)
            self.length += len(clean)

    def text(self) -> str:
        return "".join(self.parts)


def _normalise(raw: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(clean piece, raw start, raw end) for ``raw[start:end]``: NFC, odd spaces to one space,
    no-width characters dropped, no leading or trailing space."""
    out: list[tuple[str, int, int]] = []
    i, after_space = start, True  # True at the start: leading spaces are dropped
    for m in ODD_RUN.finditer(raw, start, end):
        if m.start() > i:
            out.append((unicodedata.normalize("NFC", raw[i:m.start()]), i, m.start()))
            after_space = False
        if not after_space and not NO_WIDTH.match(m.group()):
            out.append((" ", m.start(), m.end()))
            after_space = True
        i = m.end()
    if i < end:
        out.append((unicodedata.normalize("NFC", raw[i:end]), i, end))
    if out and out[-1][0] == " ":
        out.pop()
    return out


# --------------------------------------------------------------------------- lines


@dataclass(frozen=True)
class _Line:
    start: int  # raw offset of the stripped content
    end: int
    text: str  # stripped, spaces normalised (for classification only)


def _lines(raw: str) -> list[_Line]:
    out = []
    for m in LINE.finditer(raw):
        if m.start() == len(raw) and m.group() == "":
            break
        content = m.group().rstrip("\r\n")
        s = m.start()
        lead = len(content) - len(content.lstrip())
        stripped = content.strip()
        norm = stripped
        if ODD_RUN.search(stripped):
            norm = SPACE_RUN.sub(" ", ODD_SPACE.sub(" ", NO_WIDTH.sub("", stripped))).strip()
        out.append(_Line(s + lead, s + lead + len(stripped), norm))
    return out


def _words(text: str) -> int:
    return len(text.split())


def _fold(text: str) -> str:
    """Comparison key for headline repeats: case, quotes and punctuation folded."""
    return re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()


# --------------------------------------------------------------------------- the header zone


def _headline_like(text: str) -> bool:
    """Could this header-zone line be the headline (not the first sentence of the body)?"""
    words = _words(text)
    if DATELINE.match(text) or words > MAX_HEADLINE_WORDS:
        return False
    return not (text.endswith(".") and words >= MIN_BODY_WORDS)


#: The end of a line that is a sentence or a label ("Officials said so.", "Watch:"):
#: not a section tag.
_ENDS_AS_SENTENCE_OR_LABEL = re.compile(r"[.!?:]$")
#: The end of a line that is a sentence, maybe quoted: not a kicker or subtitle.
_ENDS_AS_SENTENCE = re.compile(r"[.!?”\"]$")
#: A place of one to three capitals ("US", "AP"): an abbreviation, not a dateline, unless an
#: agency follows it.
_SHORT_CAPITALS = re.compile(r"[A-Z]{1,3}")


@dataclass
class _Header:
    """Reads the header zone of a scrape line by line: what each line is, and the metadata found.

    Every line is first checked for page furniture that can stand anywhere (boilerplate, the
    headline repeated). In the header zone, lines then go through the header rules in order
    (:meth:`header_line`); the first line that no rule removes ends the zone and starts the
    body. Every removed line is recorded with its reason.
    """

    raw: str
    title: str | None
    byline: str | None
    source: str | None
    published: dt.datetime | None
    updated: dt.datetime | None
    captions: list[str]
    n_lines: int
    title_key: str | None = None
    removed: list[Removal] = field(default_factory=list)
    guessed_title: bool = False
    in_header: bool = True

    def drop(self, line: _Line, reason: str) -> None:
        self.removed.append(Removal(line.start, line.end, self.raw[line.start:line.end], reason))

    def body_lines(self, lines: list[_Line]) -> list[_Line]:
        """The lines of the body, in order; every other non-blank line is recorded as removed."""
        body = []
        for line in lines:
            text = line.text
            if not text:
                continue
            reason = boilerplate_reason(text)
            if reason:
                self.drop(line, reason)
                continue
            key = self._key(text)
            if self._repeated_headline(text, key):
                self.drop(line, "repeated-headline")
                continue
            if self.in_header and self.header_line(line, key):
                continue
            body.append(line)
        return body

    def _key(self, text: str) -> str:
        """The comparison key of a line; a repeated headline is about as long as the title (plus
        a short section label), so a longer line gets the empty key."""
        return _fold(text) if not self.title_key or len(text) <= 2 * len(self.title) + 40 else ""

    def _repeated_headline(self, text: str, key: str) -> bool:
        return bool(self.title_key) and (
            key == self.title_key
            or (key.endswith(" " + self.title_key) and _words(text) - _words(self.title or "") <= MAX_SECTION_WORDS)
        )

    def header_line(self, line: _Line, key: str) -> bool:
        """Whether a line of the header zone is removed by a header rule (in order); the first
        line that is not ends the header zone."""
        for rule in (self._timestamp, self._bare_date, self._byline, self._caption, self._headline,
                     self._headline_after_section, self._section, self._kicker):
            if rule(line, key):
                return True
        self.in_header = False
        return False

    # ----------------------------------------------------------------------- header rules

    def _timestamp(self, line: _Line, key: str) -> bool:
        """ "Updated 04 November 2017", "Published: March 3, 2021 10:15 AM EST"."""
        stamp = TIMESTAMP_LINE.match(line.text)
        if not stamp or _words(line.text) > 14:
            return False
        when = parse_timestamp(stamp.group("when"))
        if when is None and _words(line.text) > 8:
            return False
        self.drop(line, "timestamp")
        if when is not None:
            if stamp.group("label").lower().endswith(("updated", "modified")):
                self.updated = self.updated or when
            else:
                self.published = self.published or when
        return True

    def _bare_date(self, line: _Line, key: str) -> bool:
        """A line that is only a date or timestamp: "28 October 2023, 07:45"."""
        if not BARE_DATE_LINE.match(line.text):
            return False
        when = parse_timestamp(line.text)
        if when is None:
            return False
        self.drop(line, "timestamp")
        self.published = self.published or when
        return True

    def _byline(self, line: _Line, key: str) -> bool:
        """ "By Jane Whitfield and Omar Reyes"."""
        by = BYLINE.match(line.text)
        if not by or _words(line.text) > 16:
            return False
        self.drop(line, "byline")
        self.byline = self.byline or by.group("names").strip(" ,")
        return True

    def _caption(self, line: _Line, key: str) -> bool:
        """A photo caption closed by an agency credit: "… on Friday. (Reuters)"."""
        if not CAPTION_CREDIT.search(line.text) or DATELINE.match(line.text):
            return False
        self.drop(line, "caption")
        self.captions.append(line.text)
        return True

    def _headline(self, line: _Line, key: str) -> bool:
        """The first headline-like line, when no title is known (and the text has more lines)."""
        if self.title is not None or not _headline_like(line.text) or self.n_lines <= 1:
            return False
        self.title, self.title_key, self.guessed_title = line.text, key, True
        self.drop(line, "headline")
        return True

    def _headline_after_section(self, line: _Line, key: str) -> bool:
        """The first short line was a section label ("World"); this longer one is the headline."""
        text = line.text
        if not (self.guessed_title and _words(self.title) <= 2 and _headline_like(text)
                and _words(text) > _words(self.title) and not text.endswith(".")):
            return False
        k = next(i for i, r in enumerate(self.removed) if r.reason == "headline")
        self.removed[k] = replace(self.removed[k], reason="section")
        self.title, self.title_key, self.guessed_title = text, key, False
        self.drop(line, "headline")
        return True

    def _section(self, line: _Line, key: str) -> bool:
        """A short label such as "World" or "Opinion"."""
        if _words(line.text) > MAX_SECTION_WORDS or _ENDS_AS_SENTENCE_OR_LABEL.search(line.text):
            return False
        self.drop(line, "section")
        return True

    def _kicker(self, line: _Line, key: str) -> bool:
        """A short line that is not a sentence: a kicker or subtitle."""
        text = line.text
        if _words(text) >= MIN_BODY_WORDS or DATELINE.match(text) or _ENDS_AS_SENTENCE.search(text):
            return False
        self.drop(line, "header")
        return True


# --------------------------------------------------------------------------- the body


def _dateline(raw: str, line: _Line) -> re.Match | None:
    """The dateline at the start of the first body line, if it is one."""
    m = DATELINE.match(raw, line.start, line.end)  # (no "^" in DATELINE: match at pos)
    if not m or (m.group("sep") == ":" and len(m.group("place")) > 40):
        return None
    if _SHORT_CAPITALS.fullmatch(m.group("place").strip()) and not m.group("agency"):
        return None
    return m


def _body(raw: str, body: list[_Line], header: _Header) -> tuple[_Builder, str | None]:
    """The clean body text (with its map to raw) and the dateline taken off its first line."""
    builder = _Builder(raw, [], [])
    dateline = None
    for k, line in enumerate(body):
        start = line.start
        m = _dateline(raw, line) if k == 0 else None
        if m is not None:
            dateline = m.group("place").strip()
            if m.group("agency") and not header.source:
                header.source = m.group("agency").strip()
            header.removed.append(Removal(m.start(), m.end(), m.group(), "dateline"))
            start = m.end()
        builder.add(start, line.end)
    return builder, dateline


# --------------------------------------------------------------------------- clean


#: control characters that do not occur in text (all below 32 except \t \n \v \f \r)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _check_raw(raw) -> None:
    if not isinstance(raw, str):
        raise TypeError(f"clean expects a str, not {type(raw).__name__}; use newskit.load for bytes")
    if not raw.strip():
        raise EmptyInputError("the text is empty (or only whitespace): nothing to clean")
    sample = raw[:4096]
    control = len(_CONTROL.findall(sample))
    if control > max(8, len(sample) // 10):
        raise BinaryInputError(
            f"the text looks like binary data ({control} control characters in the first "
            f"{len(sample)}); pass text, or bytes through newskit.load"
        )


def clean(
    raw: str,
    *,
    title: str | None = None,
    published=None,
    updated=None,
    byline: str | None = None,
    source: str | None = None,
    url: str | None = None,
    id: str | None = None,
    path: str | None = None,
    captions: tuple[str, ...] | list[str] = (),
) -> Article:
    """Clean a scraped news text into an :class:`Article`.

    Args:
        raw: the text as scraped (one paragraph per line, or paragraphs separated by blank
            lines). CRLF and CR line ends are accepted.
        title, published, updated, byline, source, url, id, path, captions: metadata known
            from elsewhere (JSON fields, HTML meta tags). Known values win over what cleaning
            finds in the text; a known title is still removed from the top of the body.

    Returns:
        The Article. ``article.removed`` lists every removed piece of ``raw`` with its reason
        (``repeated-headline``, ``section``, ``caption``, ``timestamp``, ``byline``,
        ``dateline``, ``social``, ``advertisement``, ``promotion``, ``copyright``).
        When the page gives only an "Updated" date, ``published`` is that date too.

    Raises:
        EmptyInputError: the text is empty or whitespace only.
        BinaryInputError: the text is mostly control characters (binary data).

    Example:
        >>> art = clean("Big news\\nShare\\nBAGHDAD: Officials said on Friday that 5 people died.")
        >>> art.title, art.dateline, art.text
        ('Big news', 'BAGHDAD', 'Officials said on Friday that 5 people died.')
    """
    _check_raw(raw)
    lines = _lines(raw)
    header = _Header(
        raw=raw, title=title, byline=byline, source=source, published=parse_timestamp(published),
        updated=parse_timestamp(updated), captions=list(captions),
        n_lines=sum(1 for line in lines if line.text), title_key=_fold(title) if title else None,
    )
    builder, dateline = _body(raw, header.body_lines(lines), header)
    # scraped pages often show only "Updated …": it is the best publication date we have
    published_time = header.published if header.published is not None else header.updated
    return Article(
        text=builder.text(),
        raw=raw,
        title=header.title,
        published=published_time.date() if published_time else None,
        updated=header.updated.date() if header.updated else None,
        published_time=published_time,
        dateline=dateline,
        captions=tuple(header.captions),
        source=header.source,
        url=url,
        byline=header.byline,
        removed=tuple(sorted(header.removed, key=lambda r: r.start)),
        id=id,
        path=path,
        segments=tuple(builder.segments),
    )

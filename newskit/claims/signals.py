"""What a sentence shows: named signals shared by the check-worthiness model and the typing model.

A signal is a number in 0–1 about one sentence (or headline, or caption), from three sources:

- **the other extractors**: quantities, dates and the covering quote that ``find_claims`` already
  has (``q_any``: a quantity that counts as one, ``q_money``, ``quote_direct`` …);
- **cue lexicons** of :mod:`newskit.claims.claim_types` (``cue_prediction``, ``cue_rule`` …);
- **shape**: capitalisation, modality, tense, quotation marks, and the shapes of page furniture
  (contact lines, sign-up and follow lines, photo credits, markup), which are general facts of
  news pages, not phrases of particular pages.

``SIGNALS`` names the columns; the weights files store the names they were trained with and are
checked against them on load, so a signal cannot change meaning silently.

Example:
    >>> row = dict(zip(SIGNALS, signals("Follow Jane Roe on Twitter @janeroe.")))
    >>> row["furniture"], row["cue_prediction"]
    (1.0, 0.0)
"""
from __future__ import annotations

import re
import string

import numpy as np

from newskit.claims.claim_types import (QUESTION_END, REPORTED_FUTURE, SUPERLATIVE, Cues,
                                        counts_as_quantity, hedged_cues, without_qualifiers)
from newskit.claims.features import word_set

#: an e-mail address, a web address or a social-media handle
CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|https?://|\bwww\.|(?<![\w@])@\w{2,}")
#: a telephone number: 9+ digits in groups ("+1 (212) 555-0100", "020 7946 0000")
PHONE = re.compile(r"(?<!\w)\+?\(?\d{2,4}\)?(?:[\s.-]\(?\d{2,4}\)?){2,4}(?!\w)")
#: the imperatives of web pages at the start of a line: sign up, follow us, click, share …
WEB_IMPERATIVE = re.compile(
    r"^\W*(?:sign\s+up|subscribe|follow|click|tap|share|download|listen|watch|read\s+(?:more|the)|"
    r"send|join|like\s+us|get\s+(?:the|our)|sign\s+in|log\s+in|register|contact\s+us|see\s+also|"
    r"related|advertisement|continue\s+reading)\b", re.IGNORECASE)
#: a picture or media credit ("Photo: …", "Image by …", "(Getty Images)", "/ AP", "Reuters/…")
CREDIT = re.compile(
    r"\b(?:photo|photograph|picture|image|illustration|video|graphic)s?\s*(?:by\b|:|credit)|"
    r"^\W*(?:story|text|words|reporting|additional\s+reporting|editing|edited|written|video|"
    r"photos?|graphics?|illustrations?)\s+by\b|\bgetty\s+images\b|\bshutterstock\b|(?:^|[/|(])\s*(?:AP|AFP|Reuters|EPA|PA)(?:\s+Photo)?\s*(?:[/|)]|$)",
    re.IGNORECASE)
#: markup left in text, separator lines, live-blog timestamps alone on a line
MARKUP = re.compile(r"<\w+[^>]*>|^\W*_{3,}\W*$|^\s*\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*\.?\s*$",
                    re.IGNORECASE)
#: a teaser of another page: text cut off and followed by a "more" link ("… a blow was delivered... more")
TEASER = re.compile(r"(?:\.\.\.|…)\s*(?:read\s+)?more\W*$", re.IGNORECASE)
#: a link to another story with its date, as list items show them ("- Storm hits coast - October 10, 2020")
DATED_LINK = re.compile(
    r"^\s*[-–•*]\s+\S.*\s[-–—|]\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
    r"\d{1,2},?\s+\d{4}\s*$", re.IGNORECASE)
#: a byline: "By Jane Roe" (and little else)
BYLINE = re.compile(r"^\s*[Bb]y\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*[.,|]?\s*$")
ACRONYM = re.compile(r"\b[A-Z]{2,6}s?\b")
WORD = re.compile(r"[A-Za-z]+")
ER_THAN = re.compile(r"\b\w+er\s+than\b|\b(?:more|less|fewer)\s+\w+\s+than\b", re.IGNORECASE)
DIGIT = re.compile(r"\d")
# str.translate tables that delete (ASCII) upper-case letters / all letters: counting with them
# runs in C, not a Python loop over characters
_DROP_UPPER = str.maketrans("", "", string.ascii_uppercase)
_DROP_LETTERS = str.maketrans("", "", string.ascii_letters)
END_PUNCTUATION = re.compile(r"[.!?…][\"'”’)\]]*\s*$|[\"”’]\s*$")

# Word sets: one set intersection with the sentence's words answers each of these.
ADVICE_WORDS = frozenset({"should", "must", "ought", "need", "needs", "have", "has"})
SPECULATION_WORDS = frozenset({"could", "might", "may", "perhaps", "maybe", "probably", "likely"})
PAST_WORDS = frozenset({"was", "were", "had", "did"})
PRESENT_WORDS = frozenset({"is", "are", "has", "have", "does"})
ATTRIBUTION_WORDS = frozenset({"said", "says", "told", "according", "reported", "announced",
                               "claimed", "stated"})
#: words one of which a credit line holds (the gate of ``CREDIT``)
CREDIT_WORDS = frozenset({"photo", "photos", "photograph", "photographs", "picture", "pictures",
                          "image", "images", "illustration", "illustrations", "video", "videos",
                          "graphic", "graphics", "getty", "shutterstock", "ap", "afp", "reuters",
                          "epa", "pa", "story", "text", "words", "reporting", "editing", "edited",
                          "written"})

#: signal names, in column order
SIGNALS = (
    # what the other extractors found in the sentence
    "q_any", "q_money", "q_percent", "q_count", "q_many", "date", "date_absolute",
    "quote_direct", "quote_indirect", "quote_anonymous",
    # cue lexicons (newskit/resources/claim_*.txt)
    "cue_prediction", "cue_reported_future", "cue_causal", "cue_rule", "cue_comparison",
    "superlative", "cue_personal", "cue_personal_plural", "cue_opinion", "cue_scene", "cue_opener",
    "hedge", "question",
    # shape
    "capitalised_share", "capitalised", "acronyms", "er_than", "advice", "speculation", "past",
    "present", "exclamation", "quotation_mark", "attribution_verb", "short", "no_end_punctuation",
    "upper_share", "furniture",
)


def is_furniture(text: str, words: frozenset | None = None) -> bool:
    """Whether a line has a shape of page furniture: contact details, a web imperative, a teaser
    or a dated link to another page, a picture credit, markup or a separator, a byline, or a
    short line in capitals (``words``: the line's :func:`newskit.claims.features.word_set`,
    when at hand).

    Example:
        >>> is_furniture("Sign up for our daily briefing."), is_furniture("Prices rose 5 percent.")
        (True, False)
    """
    if words is None:
        words = word_set(text)
    return _web_furniture(text, words) or _short_capitals(text)


def _web_furniture(text: str, words: frozenset) -> bool:
    """Contact details, web imperatives, teasers and dated links to other pages, markup,
    separators, credits, bylines."""
    if ("@" in text or "http" in text or "www" in text) and CONTACT.search(text):
        return True
    if DIGIT.search(text) and PHONE.search(text):
        return True
    if WEB_IMPERATIVE.match(text) or ("more" in words and TEASER.search(text)):
        return True
    if text.lstrip()[:1] in "-–•*" and DATED_LINK.match(text):
        return True
    if ("<" in text or "__" in text or len(text) < 16) and MARKUP.search(text):
        return True
    if not CREDIT_WORDS.isdisjoint(words) and CREDIT.search(text):
        return True
    return text.lstrip()[:3].lower() == "by " and bool(BYLINE.search(text))


def _short_capitals(text: str) -> bool:
    """A short line (at most 8 words) written in capitals: a label, a kicker, a section name."""
    if len(text.split()) > 8:
        return False
    letters, upper = letter_counts(text)
    return letters >= 4 and upper >= 0.8 * letters


def letter_counts(text: str) -> tuple[int, int]:
    """How many ASCII letters, and how many of them upper case, ``text`` holds."""
    return len(text) - len(text.translate(_DROP_LETTERS)), len(text) - len(text.translate(_DROP_UPPER))


#: a gallery counter or a bare media label ("1 of 12", "Image 3/10", "Video", "Photo")
COUNTER = re.compile(r"^\W*(?:(?:image|photo|picture|slide|video)\s*)?\d+\s*(?:of|/)\s*\d+\W*$|"
                     r"^\W*(?:image|photo|picture|video|gallery|slideshow)s?\W*$", re.IGNORECASE)


#: a credit in brackets at the end of a caption: "… on Friday. (Reuters)", "(Photo: J. Roe)"
TRAILING_CREDIT = re.compile(r"\s*[(\[][^()\[\]]{1,40}[)\]]\W*$")


def is_caption(text: str) -> bool:
    """Whether an ``Article.captions`` entry is a real caption: words that describe a picture
    (at least three words, some in lower case), not a credit, a counter or other furniture (a
    credit in brackets at its end is allowed).

    Example:
        >>> is_caption("Residents queue for bread on Friday. (Reuters)"), is_caption("Photo: AFP")
        (True, False)
    """
    text = TRAILING_CREDIT.sub("", text)
    words = WORD.findall(text)
    if len(words) < 3 or not any(w.islower() for w in words):
        return False
    return not COUNTER.search(text) and not is_furniture(text)


def signals(text: str, quantities=(), dates=(), quote=None, cues: Cues | None = None) -> list[float]:
    """The signals of one sentence, in the order of ``SIGNALS``.

    Args:
        text: the sentence.
        quantities, dates: what ``find_quantities`` / ``find_dates`` found inside it.
        quote: the quote whose attribution covers the sentence (or None).
        cues: the sentence's :class:`Cues`, when the caller has them already.
    """
    c = cues if cues is not None else Cues(text)
    return _found(quantities, dates, quote) + _cue_signals(text, c) + _shape(text, c.words)


def _found(quantities, dates, quote) -> list[float]:
    """Signals from what the other extractors found in the sentence."""
    kinds = [getattr(q, "kind", None) for q in quantities]
    real = [q for q in quantities if counts_as_quantity(q)]
    kind = getattr(quote, "kind", None)
    return [float(bool(real)), float("money" in kinds), float("percent" in kinds),
            float(any(getattr(q, "kind", None) == "count" for q in real)),
            min(len(real), 3) / 3.0, float(bool(dates)),
            float(any(str(getattr(d, "value", "") or "")[:1].isdigit() for d in dates)),
            float(kind == "direct"), float(kind is not None and kind != "direct"),
            float(bool(getattr(quote, "anonymous", False)))]


def _cue_signals(text: str, c: Cues) -> list[float]:
    """Signals from the cue lexicons (each pattern searched only where its gate opens)."""
    w = c.words
    stripped = text.strip()
    reported_future = c.may("reporting") and c.may("modal") and bool(REPORTED_FUTURE.search(text))
    comparison = c.may("comparison") and c.has("comparison", without_qualifiers(text, w))
    superlative = "the" in w and "est" in text and bool(SUPERLATIVE.search(text))
    question = "?" in stripped and bool(QUESTION_END.search(stripped))
    return [float(c.has("prediction")), float(reported_future), float(c.has("causal")),
            float(c.has("rule")), float(comparison), float(superlative), float(c.has("personal")),
            float(c.has("personal_plural")), float(c.has("opinion")), float(c.has("scene")),
            float(c.has("opener", stripped)), float(hedged_cues(text, c)), float(question)]


def _shape(text: str, w: frozenset) -> list[float]:
    """Signals of form: capitalisation, modality, tense, punctuation, furniture."""
    words = WORD.findall(text)
    capitalised = sum(1 for x in words[1:] if x[0].isupper())
    letters, upper = letter_counts(text)
    past = len(w & PAST_WORDS) + sum(1 for x in w if len(x) > 4 and x.endswith("ed"))
    acronyms = len(ACRONYM.findall(text)) if upper >= 2 else 0
    return [capitalised / max(1, len(words)), min(capitalised, 6) / 6.0, min(acronyms, 3) / 3.0,
            float("than" in w and bool(ER_THAN.search(text))), float(not ADVICE_WORDS.isdisjoint(w)),
            float(not SPECULATION_WORDS.isdisjoint(w)), min(past, 3) / 3.0,
            min(len(w & PRESENT_WORDS), 3) / 3.0, float("!" in text),
            float('"' in text or "“" in text or "”" in text or "''" in text),
            float(not ATTRIBUTION_WORDS.isdisjoint(w)), float(len(words) < 5),
            float(not END_PUNCTUATION.search(text.strip()[-4:])),
            upper / letters if letters else 0.0, float(is_furniture(text, w))]


def signal_matrix(rows) -> np.ndarray:
    """Signals of many sentences: ``rows`` of ``(text, quantities, dates, quote)``."""
    out = [signals(text, qs, ds, q) for text, qs, ds, q in rows]
    return np.array(out, dtype=np.float64).reshape(len(out), len(SIGNALS))

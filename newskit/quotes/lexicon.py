"""The words that quote attribution reads: cue lexicons from ``newskit/resources/quotes/*.txt``
and the small closed word classes the rules test against.

The lexicons are read once, on first use (no file IO at import): :func:`cue_lexicon` for the
cues (speech, belief and stance verbs, multi-word cues, evidential phrases, adverbials) and
:func:`speaker_lexicon` for the speaker words (titles, courtesy titles, anonymous nouns,
pronouns, first names, group nouns). The closed classes below are grammar, not vocabulary, and
stay in code.

Example:
    >>> lex = cue_lexicon()
    >>> "said" in lex.speech, "believes" in lex.belief, ("according", "to") in lex.phrases
    (True, True, True)
    >>> speaker_lexicon().courtesy["mrs."]
    'f'
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from newskit.lexicon import WEEKDAY_NAMES
from newskit.wordlists import word_lines


# ---------------------------------------------------------------- cue lexicons (data)
@dataclass(frozen=True)
class CueLexicon:
    """The cue word lists, as sets and lookup tables.

    Attributes:
        speech, belief: speech-act verbs ("said") and belief / knowledge verbs ("believes").
        stance: stance verbs ("endorsed", "called") that are neither speech nor belief.
        cues: every cue word (speech, belief and stance).
        phrases, phrases_by_first: multi-word cues ("according to", "pointed out") in file
            order, and grouped by their first word.
        cue_starts: the words that can start a cue (a word not in it starts none, except an
            unlisted verb before ``: “…”``).
        abbrev: abbreviations whose final period belongs to the word ("gov.").
        adverbials: words that may stand between a source and its cue ("also", "later").
        evidential, evidential_by_first: evidential phrases ("is expected to"), likewise.
    """

    speech: frozenset
    belief: frozenset
    stance: frozenset
    cues: frozenset
    phrases: tuple
    phrases_by_first: dict
    cue_starts: frozenset
    abbrev: frozenset
    adverbials: frozenset
    evidential: tuple
    evidential_by_first: dict


def _word_set(name: str) -> frozenset:
    """Every lower-case word of a word list with any number of words on a line."""
    return frozenset(w for ln in word_lines(name) for w in ln.lower().split())


def _phrases(name: str) -> tuple:
    """The phrases of a word list (one a line) as lower-case word tuples, in file order."""
    return tuple(tuple(p.lower().split()) for p in word_lines(name))


def _by_first_word(phrases: tuple) -> dict:
    """Phrases grouped by their first word, each group in list order (the first match wins)."""
    out: dict = {}
    for ph in phrases:
        out.setdefault(ph[0], []).append(ph)
    return out


@functools.lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The cue lexicons from ``newskit/resources/quotes`` (read once, on first use)."""
    speech = _word_set("quotes/cues.txt")
    belief = _word_set("quotes/belief_cues.txt")
    stance = _word_set("quotes/stance_cues.txt")
    phrases = _phrases("quotes/cue_phrases.txt")
    evidential = _phrases("quotes/evidential_cues.txt")
    cues = speech | belief | stance
    return CueLexicon(
        speech=speech, belief=belief, stance=stance - speech - belief, cues=cues,
        phrases=phrases, phrases_by_first=_by_first_word(phrases),
        cue_starts=frozenset(cues | {p[0] for p in phrases}),
        abbrev=frozenset(w.lower() for w in word_lines("shared/abbreviations.txt")),
        adverbials=frozenset(word_lines("quotes/adverbials.txt")),
        evidential=evidential, evidential_by_first=_by_first_word(evidential))


@dataclass(frozen=True)
class SpeakerLexicon:
    """The speaker word lists.

    Attributes:
        titles: roles before a name, lower case, longest first ("lt. gen.", "president").
        title_set: the same as a set; titles_by_first: as word tuples by first word.
        title_words: the words of titles that end with a period ("gen.", "sen.").
        courtesy: courtesy title -> gender ("mr." -> "m").
        anonymous: head nouns that make an unnamed source anonymous ("official", "sources").
        pronouns: pronoun -> (number, gender).
        first_names: first name -> gender ("james" -> "m").
        group_nouns: nouns for groups of people ("economists").
    """

    titles: tuple
    title_set: frozenset
    titles_by_first: dict
    title_words: frozenset
    courtesy: dict
    anonymous: frozenset
    pronouns: dict
    first_names: dict
    group_nouns: frozenset


def _tab_table(name: str) -> dict:
    """A word list of ``key<TAB>value…`` lines: lower-case key -> the value (a tuple when
    there are several)."""
    out = {}
    for ln in word_lines(name):
        key, *values = ln.split("\t")
        out[key.lower()] = values[0] if len(values) == 1 else tuple(values)
    return out


@functools.lru_cache(maxsize=1)
def speaker_lexicon() -> SpeakerLexicon:
    """The speaker word lists from ``newskit/resources/quotes`` (read once, on first use)."""
    titles = tuple(sorted({t.lower() for t in word_lines("quotes/titles.txt")}, key=len, reverse=True))
    # titles as word tuples grouped by first word, longest first as in ``titles``
    titles_by_first: dict = {}
    for t in titles:
        tw = tuple(t.split())
        titles_by_first.setdefault(tw[0], []).append(tw)
    return SpeakerLexicon(
        titles=titles, title_set=frozenset(titles), titles_by_first=titles_by_first,
        title_words=frozenset(w for t in titles for w in t.split() if w.endswith(".")),
        courtesy=_tab_table("quotes/courtesy_titles.txt"),
        anonymous=_word_set("quotes/anonymous_nouns.txt"),
        pronouns=_tab_table("quotes/pronouns.txt"),
        first_names=_tab_table("quotes/first_names.txt"),
        group_nouns=_word_set("quotes/group_nouns.txt"))


# ---------------------------------------------------------------- closed word classes (grammar)
def _words(text: str) -> frozenset:
    return frozenset(text.split())


# Words that end the clause holding a source when looking left from a cue.
CLAUSE_BOUNDARY = _words("""that because while when although though but if as after before since
    so where whether than until unless or what how why whom whose which without despite""")
# Words ending in -ly that are nouns, not manner adverbs.
LY_NOUNS = _words("family assembly supply rally ally italy july anomaly monopoly bully daily "
                  "weekly monthly reply jelly belly lily emily")
# Words that cannot be the head of a source phrase (adverbs, quantifiers, verbs seen there).
NOT_SOURCE_HEAD = _words("""too more less much very so also only even just still let let's let’s
    make makes made when asked about such own other same""")
# Words that cannot end a source phrase.
NOT_SOURCE_END = _words("""the a an of to in on at for with by from and or but that this these
    those his her its their our my your what which whom whose as than if then there here it's is
    was are were be been being has have had do does did not no so very also""")
# ", adding …": a second attribution of the same source.
GERUND_CONTINUATIONS = _words("""adding saying noting arguing explaining insisting warning
    stressing calling claiming telling suggesting declaring acknowledging asking promising vowing
    pointing""")
# Verbs whose base or -s form is also a common noun ("a report", "the state"): not a cue after a
# determiner.
NOUNLIKE = _words("""report reports state states note notes post posts claim claims charge charges
    answer answers comment comments show shows find finds fear fears hope hopes doubt doubts
    estimate estimates remark remarks promise promises pledge pledges vow vows want wants warning
    warnings word statement reply replies response responses testimony thought thoughts feeling
    feelings wish wishes concern concerns finding findings showing""")
DETERMINER_BEFORE = _words("a an the this that these those his her its their our my your no any "
                           "every each some")
# Who can be told something ("told reporters", "told him").
RECIPIENT_WORDS = _words("""me him her us them you reporters journalists supporters voters
    lawmakers listeners viewers readers students members donors delegates the a an his her their
    crowd audience""")
# Cues that take a recipient ("told Arab News that …") and never invert ("…, told X").
TAKES_RECIPIENT = _words("tell tells told telling ask asks asked asking warn warns warned warning "
                         "assure assured assures remind reminded reminds inform informed informs "
                         "urge urged urges")
# Cues that may come before their source ("“…,” said the officer").
INVERTIBLE = _words("said says added adds wrote writes continued asked explained noted recalled "
                    "replied responded insisted argued warned cautioned declared stated observed "
                    "concluded quipped joked remarked tweeted posted")
# Words that can open a source phrase that is not capitalised ("a spokesman", "two officials").
SOURCE_DETERMINERS = _words("a an the one another several some two three four many most his her "
                            "their its")
# "who asked not to be named", "spoke on condition of anonymity": part of an anonymous source.
ANONYMITY_VERBS = _words("asked requested declined spoke speaking insisted")
ANONYMITY_PHRASE = re.compile(
    r"""(?: not \s+ to \s+ be \s+ (?: named | identified | quoted )
          | to \s+ remain \s+ anonymous
          | anonymity
          | on \s+ (?: the \s+ )? condition \s+ (?: of | that )
          | to \s+ be \s+ anonymous
          | not \s+ to \s+ be \s+ named )""",
    re.VERBOSE)
RELATIVE = _words("who that which")
# "a company called Cambridge Analytica": a naming verb, not a cue.
NAMING_VERBS = _words("called named dubbed titled labeled labelled known")
# A sentence that opens with one of these and ends with "?" is a question, not an attribution.
QUESTION_STARTS = _words("do does did would will can could should is are was were have has shall "
                         "may might")
QUANTIFIERS = _words("about nearly almost roughly more fewer less half most many some few all only "
                     "just over under")
SUBJECT_PRONOUNS = _words("he she it they we i you who")
# Past forms that do not end in -ed ("sought", "told"): never a bare noun.
IRREGULAR_PAST = _words("sought said told wrote thought knew felt found understood")
BE_FORMS = _words("is was were are be been being 's")
DAYS = WEEKDAY_NAMES
# Prepositions that open a time, place or manner tail ("… on Friday", "… in a statement").
TAIL_PREPOSITIONS = _words("in on at to during after before while via through from with for over "
                           "of about outside inside near under by among since")
TIME_WORDS = _words("last this next earlier later week month year morning afternoon evening night "
                    "weekend ago days weeks months years")
# Auxiliaries and copulas end a source phrase when looking left ("It was the number who said").
NP_BREAK = _words("is was were are am be has have had will would can could should")
# Documents that findings are attributed to ("In a CBS News poll, …").
DOCUMENT_NOUNS = _words("poll polls survey surveys study report interview statement letter speech "
                        "book op-ed memo tweet email e-mail filing lawsuit ruling analysis post "
                        "column editorial")
# Leading words dropped from a source phrase ("But officials said" -> "officials").
LEADING_CONNECTIVES = _words("and but so also now meanwhile however still yet then instead indeed "
                             "perhaps maybe probably surely certainly thus hence likewise")

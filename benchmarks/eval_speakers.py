"""Score newskit's speaker resolution on the frozen table ``benchmarks/labels/resolved_speakers.tsv``.

Each row of the table is one attribution whose source is written as a pronoun, a bare surname or a
description, with the person or body a careful reader takes it to mean (see the table's header).
For each row this script runs newskit on the whole document (PolNeAR ``.txt``:
``newskit.find_quotes`` on the file as it is; real pages: ``newskit.analyze(newskit.load(path))``),
locates the labelled sentence and source mention in newskit's text, and picks the newskit quote
whose cue or speaker span lies in that sentence and whose ``speaker_text`` overlaps the labelled
mention (else the quote whose content overlaps the sentence most). The attribution is right when
that quote's resolved ``speaker`` matches the referent:

* person: the referent's last name is in the speaker and either its first name is too or every
  name word of the speaker belongs to the referent ("Kersten" or "Jason Kersten" for "Jason
  Kersten"; "Debbie Meadows" is wrong for "Mark Meadows"); titles (Mr, Dr, President ...) ignored;
* organisation, group, anonymous source, document: the referent's head noun (or, for a
  coordination, the head of one conjunct) is in the speaker, or the speaker is the initials of the
  referent's name ("IMF" for "International Monetary Fund").

Rows where no newskit quote is found (or the sentence is not in newskit's text) count as wrong.

usage:
    python benchmarks/eval_speakers.py                 # figures; last line "resolved_speakers accuracy=..."
    python benchmarks/eval_speakers.py --errors        # also list the wrong rows
    python benchmarks/eval_speakers.py --data DIR --set TSV
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import refs  # noqa: E402

SET = ROOT / "benchmarks" / "labels" / "resolved_speakers.tsv"

TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "sen", "senator", "rep",
          "gov", "governor", "gen", "general", "lt", "col", "sir", "dame", "lord", "lady", "prince",
          "princess", "king", "queen", "judge", "justice", "rev", "mayor", "secretary", "minister",
          "chancellor", "chief", "former", "the", "rabbi", "detective", "officer", "sgt", "capt"}
STOP = {"a", "an", "the", "some", "many", "several", "other", "one", "two", "three", "most", "all",
        "of", "its", "his", "her", "their", "our"}
# words that end the head noun phrase of a referent description
HEAD_END = {"of", "for", "from", "to", "in", "on", "at", "by", "behind", "with", "including", "led",
            "who", "which", "that", "about"}
QUOTE_CHARS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                             "\u2014": "-", "\u00a0": " ", "\u200b": ""})


def words(s: str) -> list[str]:
    s = re.sub(r"'s\b", "", s.translate(QUOTE_CHARS).lower())
    return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", s)


def head_nouns(referent: str) -> set[str]:
    """Head noun of a referent description ("a spokesperson for X" -> spokesperson), or of each
    conjunct when the head phrase is a coordination ("Ted Cruz and Donald Trump" -> cruz, trump)."""
    toks = words(referent.split("(")[0].replace(",", " and "))
    # "some of California's energy experts": skip a leading quantifier + of
    while len(toks) > 2 and toks[0] in STOP and toks[1] == "of":
        toks = toks[2:]
    phrase = []
    for t in toks:
        if t in HEAD_END:
            break
        phrase.append(t)
    heads, conj = set(), []
    for t in phrase + ["and"]:
        if t == "and":
            conj = [w for w in conj if w not in STOP]
            if conj:
                heads.add(conj[-1])
            conj = []
        else:
            conj.append(t)
    return heads


def initials(referent: str) -> str:
    caps = [w for w in re.findall(r"[A-Za-z]+", referent.split("(")[0]) if w[0].isupper()]
    return "".join(w[0] for w in caps).lower()


def person_match(speaker: str, referent: str) -> bool:
    ref = [w for w in words(referent) if w not in TITLES]
    spk = [w for w in words(speaker) if w not in TITLES]
    if not ref or not spk:
        return False
    last = ref[-1]
    if last not in spk:
        return False
    return ref[0] in spk or all(w in ref for w in spk)


def body_match(speaker: str, referent: str) -> bool:
    spk = set(words(speaker))
    if head_nouns(referent) & spk:
        return True
    ini = initials(referent)
    return len(ini) >= 2 and ini in spk


def right(speaker: str | None, referent: str, rtype: str) -> bool:
    if not speaker:
        return False
    if rtype == "person":
        return person_match(speaker, referent)
    return body_match(speaker, referent)


def collapsed(text: str, drop_spaces: bool = False) -> tuple[str, list[int]]:
    """Text with whitespace runs made one space (or dropped) and typographic quotes/dashes plain,
    and for each character of it the offset in the original."""
    out, idx, prev_space = [], [], False
    for i, ch in enumerate(text):
        ch = ch.translate(QUOTE_CHARS)
        if not ch:
            continue
        if ch.isspace():
            if prev_space or drop_spaces:
                continue
            ch, prev_space = " ", True
        else:
            prev_space = False
        out.append(ch)
        idx.append(i)
    return "".join(out), idx


def locate(text: str, sentence: str, s_start: int, s_end: int, near: int = 0):
    """Offsets in ``text`` of the sentence and of the mention inside it (None when not found):
    a whitespace-collapsed search, then one ignoring whitespace altogether (HTML blocks can have a
    space before punctuation where a tag was), then the same for the sentence without its first
    words (newskit drops datelines such as "CITY (Agency) - ")."""
    # last resort: the sentence without some of its leading words (a dateline newskit removed),
    # as long as what is left still holds the mention and five words or more
    views = {drop: collapsed(text, drop) for drop in (False, True)}
    cuts = [0] + [m.end() for m in re.finditer(r"\S+\s+", sentence[:s_start])]
    for cut in cuts:
        sent, a0, a1 = sentence[cut:], s_start - cut, s_end - cut
        if cut and len(sent.split()) < 5:
            break
        for drop in (False, True):
            ctext, idx = views[drop]
            csent = collapsed(sent, drop)[0].strip()
            pre = collapsed(sent[:a0], drop)[0].lstrip()
            ment = collapsed(sent[a0:a1], drop)[0].strip()
            hits = [m.start() for m in re.finditer(re.escape(csent), ctext)] if csent else []
            if hits:
                k = min(hits, key=lambda h: abs(idx[h] - near))
                a = k + len(pre)
                return idx[k], idx[k + len(csent) - 1] + 1, idx[a], idx[a + len(ment) - 1] + 1
    return None


def overlap(a0, a1, b0, b1) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def pick_quote(quotes, sa, se, ma, me):
    """The quote for the labelled attribution (see the module docstring), or None."""
    def in_sentence(q):
        return ((q.cue_start is not None and overlap(q.cue_start, q.cue_end, sa, se) > 0)
                or (q.speaker_start is not None and overlap(q.speaker_start, q.speaker_end, sa, se) > 0))
    cands = [q for q in quotes if in_sentence(q)]
    by_mention = [q for q in cands if q.speaker_start is not None
                  and overlap(q.speaker_start, q.speaker_end, ma, me) > 0]
    if by_mention:
        return by_mention[0], "mention"
    by_content = [q for q in quotes if overlap(q.start, q.end, sa, se) > 0]
    if by_content:
        return max(by_content, key=lambda q: (q in cands, overlap(q.start, q.end, sa, se))), "content"
    return None, "none"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None, help="the development data folder (default ../shared/data)")
    ap.add_argument("--set", default=str(SET))
    ap.add_argument("--errors", action="store_true", help="list the rows counted wrong")
    args = ap.parse_args(argv)
    data = refs.data_dir(args.data)
    if not (data / "quotes" / "polnear").exists() or not (data / "realpages").exists():
        print(f"development data not found under {data}; skipping the resolved-speaker evaluation")
        return 0
    import newskit

    rows = refs.read_set(args.set)
    cache: dict[str, tuple[str, list]] = {}
    tally = collections.defaultdict(lambda: [0, 0])
    missing, not_located, as_written, errors = 0, 0, [], []
    for r in rows:
        src = r.source
        if src not in cache:
            path = data / src
            if src.endswith(".txt"):
                text = refs.reference_text(src, data)
                cache[src] = (text, newskit.find_quotes(text))
            else:
                art = newskit.load(path)
                cache[src] = (art.text, newskit.analyze(art).quotes)
        text, quotes = cache[src]
        sentence = r.text(data)
        s0, s1 = int(r.labels["s_start"]), int(r.labels["s_end"])
        # where to look first when the sentence occurs more than once
        near = r.start if src.endswith(".txt") else int(r.start / max(1, len(refs.reference_text(src, data))) * len(text))
        loc = locate(text, sentence, s0, s1, near)
        q, how = (None, "sentence not in newskit text") if loc is None else pick_quote(quotes, *loc)
        speaker = q.speaker if q is not None else None
        ok = right(speaker, r.labels["referent"], r.labels["referent_type"])
        if q is None:
            missing += 1
            not_located += loc is None
        mention = sentence[s0:s1]
        if ok and r.labels["form"] != "surname" and speaker.strip().lower() == mention.strip().lower():
            as_written.append((r, mention))
        origin = "polnear" if src.startswith("quotes/") else "realpages"
        for key in ("all", "form=" + r.labels["form"], "source=" + origin, "type=" + r.labels["referent_type"]):
            tally[key][0] += ok
            tally[key][1] += 1
        if not ok:
            errors.append((r, mention, q, how))
    print(f"{len(rows)} attributions in {len(cache)} documents; no newskit quote found for {missing} "
          f"(sentence not found in newskit's text: {not_located})")
    for key in sorted(tally, key=lambda k: (k != "all", k)):
        n_ok, n = tally[key]
        print(f"  {key:<22} {n_ok:>4}/{n:<4} {n_ok / n:.3f}")
    print(f"  counted right although newskit's speaker is the description as written: {len(as_written)} "
          "(the head-noun rule for bodies and groups)")
    if args.errors:
        for r, mention in as_written:
            print(f"  (as written) {Path(r.source).name}:{r.start}[{r.sub_start}:{r.sub_end}] {mention!r} -> {r.labels['referent']!r}")
        print("\nwrong rows (source:block[sentence] form mention -> referent | newskit speaker / mention / how found):")
        for r, mention, q, how in errors:
            got = "no quote" if q is None else f"{q.speaker!r} / {q.speaker_text!r} / {how}"
            print(f"  {Path(r.source).name}:{r.start}[{r.sub_start}:{r.sub_end}] {r.labels['form']} "
                  f"{mention!r} -> {r.labels['referent']!r} | {got}")
    n_ok, n = tally["all"]
    print(f"resolved_speakers accuracy={n_ok / n:.3f} (n={n})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

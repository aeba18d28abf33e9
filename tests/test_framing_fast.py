"""The fast paths of framing give the same results as the straightforward code.

Every text here is INVENTED: generated at random from a small alphabet or from cue words.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest
from test_framing import _reference_labels  # the straightforward composition of match_frame

from mediaframes import framing
from mediaframes.records import Article, Statement

#: Characters for random token texts: letters, digits, apostrophes (ASCII and typographic),
#: the punctuation with ASCII stand-ins, and cased or tricky non-ASCII letters.
ALPHABET = list("aAbBnNtTsS09 '\u2019-._,\n") + [
    "\u2018",
    "\u201c",
    "\u201d",
    "\u00ab",
    "\u00bb",
    "\u2014",
    "\u2013",
    "\u2026",
    "\u00a0",
    "\u00e9",  # é
    "\u00dc",  # Ü: folds to U
    "\u0301",  # a combining acute accent (decomposed text)
    "\u0130",  # İ: lower() has two characters
    "\u03a3",  # Σ: lower() depends on context
    "\u017f",  # ſ: matches s under IGNORECASE
    "\u212a",  # Kelvin sign: matches k under IGNORECASE
    "\t",
]

WORDS = ["no", "not", "won't", "isn\u2019t", "Russia's", "the", "new", "s", "'s", "talk", "x_y"]


def _random_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        if rng.random() < 0.5:
            texts.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30))))
        else:
            seps = [" ", "  ", ", ", "-", "\u2014", " \u201c", "\u201d ", "'", "\u2019", "\n\n"]
            parts = [rng.choice(WORDS + ALPHABET[:10]) for _ in range(rng.randint(0, 8))]
            texts.append("".join(p + rng.choice(seps) for p in parts))
    return texts


@pytest.mark.parametrize("seed", range(5))
def test_statement_view_equals_regex_tokens(seed: int) -> None:
    for text in _random_texts(seed, 800):
        spans, norms, low, negator = framing._statement_view.__wrapped__(text)
        tokens = framing.tokenize(text)
        assert spans == [(a, b) for a, b, _ in tokens], repr(text)
        assert norms == [framing.match_form(t) for _, _, t in tokens], repr(text)
        if any(framing._is_negator(n) for n in norms):
            assert negator, repr(text)
        plain = framing._plain_ascii(text)
        assert (low is None) == (plain is None), repr(text)
        if low is not None:
            assert low == text.lower() and len(plain) == len(text), repr(text)


@pytest.mark.parametrize(
    ("pattern", "need"),
    [
        (r"\bdeal(?:s|ing|t)?\s+with\b", ("deal",)),
        (r"\b\d[\d,.]*\s*(?:million|billion)\b", ("billion", "million")),
        (r"\bcost(?:s|ing)?\s+(?:\w+\s+){0,3}lives\b", ("lives",)),
        (r"(?:ab)+c", ("ab",)),
        (r"(?:ab)*c", ("c",)),
        (r"x(?:ab|\w)", ("x",)),
        (r"\w+", None),
        (r"(?:ab)?", None),
        (r"Stra\u00dfe", ("stra",)),
        (r"(?i)ROUND of", ("round of",)),
    ],
)
def test_required_literals_table(pattern: str, need: tuple[str, ...] | None) -> None:
    assert framing._required_literals(re.compile(pattern, re.IGNORECASE)) == need


def _prefilter_patterns() -> list[re.Pattern[str]]:
    pats = [
        cue.regex
        for cid in framing.available_codebooks()
        for frame in framing.load_codebook(cid).frames
        for cue in (*frame.cues, *frame.exclude)
        if cue.regex is not None
    ]
    extra = [r"s+t", r"(?:ks|ab)\w", r"a(?-i:B)n", r"(?:n't|not)\s+a", r"t(?=s)", r"[sk]a"]
    return pats + [re.compile(p, re.IGNORECASE) for p in extra]


def test_required_literals_never_miss_a_match_on_plain_text() -> None:
    rng = random.Random(7)
    words = ["deal", "with", "cost", "lives", "trade", "war", "court", "ing", "ed", "1,5"]
    words += ["million", "ab", "aBn", "ks", "s", "st", "ka", "n't", "xenophobia", "phobic"]
    alphabet = [*words, " ", "  ", "\u2019", "\u201c", "\u2014", "A", "S", "K", ".", "\u00a0"]
    checked = 0
    for rx in _prefilter_patterns():
        need = framing._required_literals(rx)
        if need is None:
            continue
        for _ in range(400):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
            if rng.random() < 0.5:
                text = text.upper()
            low = framing._statement_view.__wrapped__(text)[2]
            assert low is not None
            if rx.search(text):
                checked += 1
                assert any(s in low for s in need), (rx.pattern, text)
    assert checked > 100


def _statement(article_id: str, k: int, text: str, start: int, end: int) -> Statement:
    return Statement(
        article_id,
        f"{article_id}:{k}",
        "",
        "narration",
        "",
        "",
        "",
        "narration",
        "",
        "body",
        text[start:end],
        "",
        start,
        end,
        k,
        k,
        "narration",
    )


def _cue_words(book: framing.Codebook) -> list[str]:
    """Words to build texts from: the codebook's cues as written, some inflected or cased."""
    words = []
    for frame in book.frames:
        for cue in (*frame.cues, *frame.exclude):
            if cue.regex is None:
                words.append(cue.text.replace("*", "s").replace("=", ""))
    words += ["damages claim", "trade war", "deal with", "cost many lives", "5 million"]
    words += ["recognise the borders", "exchanged fire", "xenophobic", "at any cost"]
    return words


@pytest.mark.parametrize("codebook", ["conflict_diplomacy", "policy_frames"])
def test_label_statements_equals_reference_on_generated_articles(codebook: str) -> None:
    book = framing.load_codebook(codebook)
    cue_words = _cue_words(book)
    fillers = ["no", "not", "never", "won't", "a", "the", "new", "any", "said", "Russia's"]
    fillers += ["\u201cwe", "it\u2019s", "\u00c9lys\u00e9e", "non-", "peace-", "x"]
    seps = [" ", " ", " ", ", ", "-", " \u2014 ", "\u201d ", ". ", "\n", "  "]
    rng = random.Random(11)
    rules: set[str] = set()
    for n in range(60):
        pieces = []
        for _ in range(rng.randint(5, 60)):
            word = rng.choice(cue_words if rng.random() < 0.5 else fillers)
            if rng.random() < 0.2:
                word = word.upper() if rng.random() < 0.5 else word.capitalize()
            if rng.random() < 0.2:
                word += rng.choice(["s", "ed", "ing", "'s", "\u2019s"])
            pieces.append(word + rng.choice(seps))
        text = "".join(pieces)
        art = Article(f"g{n}", "g.txt", "txt", text, None, None, None, ())
        cuts = sorted({0, len(text), *(rng.randint(0, len(text)) for _ in range(4))})
        sts = [
            _statement(art.article_id, k, text, a, b)
            for k, (a, b) in enumerate(itertools.pairwise(cuts))
        ]
        labels = framing.label_statements(art, sts, book)
        assert labels == _reference_labels(art, sts, book)
        rules |= {lab.rule.split(":")[0] for lab in labels}
    # and one article of the codebook's own examples (INVENTED), so that every path is exercised
    # whatever the random draws (a codebook's one regex cue may not be drawn)
    text = " ".join(ex for frame in book.frames for ex in frame.examples)
    text += " No new sanctions. Not a military solution. It cost 5 million."
    art = Article("examples", "g.txt", "txt", text, None, None, None, ())
    sts = [_statement(art.article_id, 0, text, 0, len(text))]
    labels = framing.label_statements(art, sts, book)
    assert labels == _reference_labels(art, sts, book)
    rules |= {lab.rule.split(":")[0] for lab in labels}
    assert {"cue", "phrase", "regex", "negated"} <= rules  # every path was exercised


#: INVENTED codebook for the generated comparison: regex cues with and without a required
#: literal (one with a back-reference, which disables the combined pattern), wildcard first
#: and later words, exclusions of both kinds, a suppressing frame.
TRICKY_BOOK = {
    "id": "tricky",
    "version": "1",
    "name": "Tricky",
    "description": "d",
    "source": "s",
    "frames": [
        {
            "id": "a",
            "name": "A",
            "definition": "d",
            "cues": ["talk", "peace talks", "negotiat*", "re:\\bround\\s+of\\b", "=forces"],
            "exclude": ["small talk", "re:\\bpeace\\s+of\\s+mind\\b"],
        },
        {
            "id": "b",
            "name": "B",
            "definition": "d",
            "cues": ["peace", "negotiat* table*", "re:\\b(\\w+)\\s+\\1\\b", "re:\\w+ism\\b"],
            "negation": "suppress",
        },
        {"id": "c", "name": "C", "definition": "d", "cues": ["re:(?i)cease-?fire", "force"]},
    ],
}


def test_label_statements_equals_reference_on_tricky_codebook() -> None:
    import yaml

    book = framing.parse_codebook(yaml.safe_load(yaml.safe_dump(TRICKY_BOOK)), "inline")
    words = ["talk", "talks", "peace", "small", "round", "of", "mind", "negotiators", "table"]
    words += ["tables", "forces", "force", "forced", "ceasefire", "CEASE-FIRE", "realism", "no"]
    words += ["not", "the", "a", "\u00e9t\u00e9", "won\u2019t", "\u201cpeace\u201d"]
    seps = [" ", " ", "  ", "-", ", ", "\n\n", " \u2014 "]
    rng = random.Random(5)
    for n in range(300):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 14)))
        art = Article(f"t{n}", "t.txt", "txt", text, None, None, None, ())
        sts = [_statement(art.article_id, 0, text, 0, len(text))]
        assert framing.label_statements(art, sts, book) == _reference_labels(art, sts, book)


def test_scan_index_plans_follow_entries_and_pickle_without_memo() -> None:
    import pickle

    book = framing.load_codebook("conflict_diplomacy")
    index = book.scan_index
    for norm in ("sanctions", "peace", "militarily", "zzz"):
        plans = index.plans(norm)
        assert [p[:3] for p in plans] == list(index.entries(norm))
    again = pickle.loads(pickle.dumps(book))
    assert again.scan_index.plan_memo == {} and again.scan_index.memo == {}
    assert again.scan_index.plans("peace") == index.plans("peace")

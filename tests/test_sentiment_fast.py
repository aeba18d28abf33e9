# Fast paths of the sentiment stage compared with the straightforward computations.
# Every text below is GENERATED for these tests (random.Random with fixed seeds) from words of
# the installed lexicons and rule lists; none is copied from anywhere.
from __future__ import annotations

import random
from collections import Counter

import pytest
from vaderSentiment import vaderSentiment as vs

from mediaframes import sentiment as S
from mediaframes import vader_fast


@pytest.fixture(scope="module")
def ref_vader() -> vs.SentimentIntensityAnalyzer:
    return vs.SentimentIntensityAnalyzer()


def _vader_texts(n: int, seed: int) -> list[str]:
    """GENERATED texts: lexicon words next to every word a VADER rule looks for by name."""
    rng = random.Random(seed)
    lexicon = sorted(vs.SentimentIntensityAnalyzer().lexicon)
    # the words the rules of ``sentiment_valence`` look for by name (listed here, not taken
    # from the module under test)
    named = ["no", "least", "so", "this", "never", "without", "doubt", "or", "nor", "at", "very"]
    rules = list(vs.BOOSTER_DICT) + list(vs.NEGATE) + named * 12
    rules += [k for k in vs.SPECIAL_CASES] * 3 + ["kind of", "sort of", "at least", "but"]
    fillers = ["the", "talks", "of", "to", "in", "a", "on", "said", "x", "Minister", "2", "-"]
    glue = ["", "", "", "!", "?", ".", ",", "'", '"', "!!", "?!"]
    out = []
    for _ in range(n):
        words = []
        for _ in range(rng.randint(1, 16)):
            pool = rng.choices([lexicon, rules, fillers], weights=[4, 3, 3])[0]
            word = rng.choice(pool)
            r = rng.random()
            word = word.upper() if r < 0.12 else word.capitalize() if r < 0.2 else word
            words.append(word + (rng.choice(glue) if rng.random() < 0.2 else ""))
        out.append(" ".join(words) + rng.choice(["", "", ".", "!", "??"]))
    return out


VADER_TEXTS = _vader_texts(4000, seed=31)


def test_vader_fast_valences_equal_the_full_rules_and_the_package(ref_vader, monkeypatch):
    fast = vader_fast.VaderCompound()
    got = [fast(t) for t in VADER_TEXTS]
    # every lexicon word through ``_sentiment_valence`` (the rules, function by function)
    full = vader_fast.VaderCompound()
    monkeypatch.setattr(full, "_ruled", lambda infos, lowers: set(range(len(lowers))))
    for text, value in zip(VADER_TEXTS, got, strict=True):
        ref = ref_vader.polarity_scores(text)["compound"]
        assert repr(value) == repr(full(text)) == repr(ref), text


def test_vader_fast_path_and_rules_are_both_exercised():
    fast = vader_fast.VaderCompound()
    paths: Counter[str] = Counter()
    for text in VADER_TEXTS:
        infos = [fast._tokens[w] for w in text.split()]
        lowers = [info[1] for info in infos]
        ruled = fast._ruled(infos, lowers)
        for i, info in enumerate(infos):
            if info[4]:  # a lexicon word
                paths["rules" if i in ruled else "fast"] += 1
    assert paths["fast"] > 5000 and paths["rules"] > 5000, paths


@pytest.mark.parametrize(
    ("text", "ruled"),
    [
        ("good talks", set()),
        ("not good", {0, 1, 2, 3}),  # a negation reaches three words on
        ("the talks were very good", {3, 4, 5, 6}),  # a booster
        ("it was the bomb", {2, 3, 4, 5}),  # "the bomb": a special idiom's pair
        ("a kind of good deal", {1, 2, 3, 4}),  # "kind of": a booster idiom's pair
        ("no", {0, 1, 2, 3}),  # "no" before the end of the text
    ],
)
def test_vader_ruled_positions(text, ruled):
    fast = vader_fast.VaderCompound()
    infos = [fast._tokens[w] for w in text.split()]
    assert fast._ruled(infos, [i[1] for i in infos]) == ruled


def test_vader_idiom_pairs_cover_every_multi_word_key():
    fast = vader_fast.VaderCompound()
    for key in (*vs.SPECIAL_CASES, *vs.BOOSTER_DICT):
        words = key.split(" ")
        assert all(p in fast._idiom_pairs for p in zip(words, words[1:], strict=False)), key


_SPACES = [" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2009", "\u3000", "\x1c", "\x85"]


def test_afinn_joined_text_holds_every_entry_of_the_collapsed_text():
    """The filter of ``AfinnMatcher.total`` finds every entry the collapsed text holds."""
    rng = random.Random(9)
    matcher = S.AfinnMatcher()
    assert matcher._trimmed
    multi = [e for e in matcher.entries if not S._WORD_RUN.fullmatch(e)]
    words = multi + [e.split(" ")[0] for e in multi] + ["Σ", "ΑΣ", "side", "no", "fun", "x"]
    for _ in range(3000):
        parts = [rng.choice(words) for _ in range(rng.randint(1, 8))]
        parts = [p.upper() if rng.random() < 0.2 else p for p in parts]
        text = rng.choice(["", " ", "\n"]) + "".join(p + rng.choice(_SPACES) for p in parts)
        collapsed = S._SPACES.sub(" ", text).lower()
        joined = " ".join(text.split()).lower()
        for entry in multi:
            if entry in collapsed:
                assert entry in joined, (text, entry)
        assert matcher.total(text) == float(sum(matcher.entries[e] for e in matcher.find_all(text)))


def _speech_spans_reference(sentence, index):
    """:func:`sentiment._speech_spans` with the quotation-mark pattern always run."""
    spans = index.clipped(sentence.start, sentence.end)
    for m in S._QUOTED_RE.finditer(sentence.text):
        spans.append((sentence.start + m.start(), sentence.start + m.end()))
    merged = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def test_speech_spans_skip_the_quote_pattern_only_when_it_cannot_match():
    rng = random.Random(12)
    pieces = ["Kim", "said", "talks", "won’t", "Kim’s", "'fine'", "é", "x", ",", "."]
    marks = ['"', "“", "”", "«", "»", "‘", "’", "'", "`", "„"]
    for _ in range(3000):
        words = [rng.choice(pieces + marks * rng.randint(0, 1)) for _ in range(rng.randint(0, 9))]
        text = " ".join(words)
        start = rng.randint(0, 50)
        sentence = S.Sentence("a", 0, "body", 0, start, start + len(text), text)
        pairs = []
        for _ in range(rng.randint(0, 3)):
            lo = rng.randint(0, start + len(text) + 5)
            pairs.append((lo, lo + rng.randint(1, 12)))
        index = S._SpeechIndex(pairs)
        assert S._speech_spans(sentence, index) == _speech_spans_reference(sentence, index), text

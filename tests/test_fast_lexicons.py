# Equality of the fast VADER and TextBlob ports with the reference packages.
# Every text below is INVENTED or GENERATED for these tests (random.Random with fixed seeds);
# the seed article and the invented fixture articles are read from the repository.
from __future__ import annotations

import pickle
import random
import re
import string
import sys
from collections import Counter
from pathlib import Path

import pytest
from textblob import TextBlob
from textblob import _text as tb_text
from textblob.en import sentiment as tb_pattern
from vaderSentiment import vaderSentiment as vs

from mediaframes import corpus, pattern_fast, segment, vader_fast
from mediaframes import sentiment as S

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ref_vader() -> vs.SentimentIntensityAnalyzer:
    return vs.SentimentIntensityAnalyzer()


@pytest.fixture(scope="module")
def vader_reference(ref_vader) -> dict[str, float]:
    """The reference package's compound score of every test text."""
    return {t: ref_vader.polarity_scores(t)["compound"] for t in TEXTS}


@pytest.fixture(scope="module")
def pattern_reference() -> dict[str, float]:
    """The reference package's pattern polarity of every test text."""
    return {t: tb_pattern(t)[0] for t in TEXTS}


@pytest.fixture(scope="module")
def fast_vader() -> vader_fast.VaderCompound:
    return vader_fast.VaderCompound()


@pytest.fixture(scope="module")
def fast_pattern() -> pattern_fast.PatternPolarity:
    return pattern_fast.PatternPolarity()


# --- texts ----------------------------------------------------------------------------------


def repository_sentences() -> list[str]:
    """Sentences of the seed article and of every invented fixture article (raw and normalized)."""
    files = sorted((REPO / "corpus" / "raw").glob("*.txt"))
    files += sorted((REPO / "tests" / "fixtures").rglob("raw/*.txt"))
    out: list[str] = []
    for path in files:
        art = corpus.parse_plain_text(path.read_text(encoding="utf-8"), path.stem, path.name)
        for sen in segment.segment_article(art):
            out += [sen.text, segment.normalize_quotes(sen.text)]
    return list(dict.fromkeys(out))


def _lexicon_words() -> list[str]:
    """Random entries of both lexicons (VADER's and pattern's, with its derived "-ly" adverbs)."""
    rng = random.Random(5)
    vader = sorted(vs.SentimentIntensityAnalyzer().lexicon)
    pattern = sorted(w for w in dict.keys(tb_pattern) if w)
    ly = [w for w in pattern if w.endswith("ly")]
    return rng.sample(vader, 400) + rng.sample(pattern, 400) + rng.sample(ly, 80)


def _rule_words() -> list[str]:
    """Words that trigger VADER's and pattern's rules."""
    words: list[str] = []
    for key in (*vs.BOOSTER_DICT, *vs.SPECIAL_CASES, *vs.SENTIMENT_LADEN_IDIOMS):
        words += key.split(" ")
    words += vs.NEGATE + ["no", "never", "so", "this", "without", "doubt", "at", "very", "or"]
    words += ["but"] * 6 + ["least"] * 4 + ["kind of"] * 4 + ["sort of", "nor", "isn't", "xn't"]
    words += [k for k in vs.SPECIAL_CASES if " " in k] * 3 + list(vs.SENTIMENT_LADEN_IDIOMS)
    words += ["never so", "never this", "without doubt", "at least", "very least", "no or"]
    words += list(tb_pattern.negations) * 4 + ["really", "extremely", "too", "hardly", "quite"]
    for faces in tb_text.EMOTICONS.values():
        words += sorted(faces)
    words += ["e.g.", "i.e.", "U.S.", "Mr.", "T.", "etc.", "a.m.", "w/", "vs.", "Dr.", "(!)"]
    words += ["good", "bad", "great", "love", "hate", "fine", "hope", "peace", "war", "kill"]
    return words


assert len(tb_pattern) > 0  # load pattern's lexicon (a lazydict) before it is read directly

_FILLERS = [
    "the", "a", "it", "is", "was", "talks", "Minister", "said", "on", "Monday", "I", "x", "2",
    "3.5", "!", "?", "!!", "?!", "???", "...", "(!)", "( ! )", "(", ")", ":", ";", "-", "'", '"',
    "“", "”", "‘", "’", "«", "»", "—", "/", "#", "@", "&", "*", "END-OF-SENTENCE", ":)", ":(",
    ":-)", ": )", ": - )", ":D", ":d", ";)", "<3", "♥", "xD", "XD", "o_O", "o . O", "8)", "°O°",
    "😁", "💘", "💋", "🙂", "👍", "❤", "☹", "é", "İstanbul", "Straße", "ǅ", "ﬁne", "don't",
    "won't", "can't", "I'll", "it's", "we'd", "I'm", "they're", "we've", "don’t", "it’s", "O'Neil",
]  # fmt: skip
_GLUE = ["", "", "", "", "!", "?", ".", ",", "!!", "?!", "...", ":", ")", "'", '"', "”", "’", "-"]
_LEAD = ["", "", "", "", "(", '"', "'", "“", "‘", "«", "-", "#", "*"]
_SEPS = [" "] * 12 + ["  ", "\t", "\n", "\n\n", "\r\n\r\n", "\u00a0", "\u2009", "", ", ", " - "]


def _case(rng: random.Random, word: str) -> str:
    r = rng.random()
    if r < 0.12:
        return word.upper()
    if r < 0.2:
        return word.capitalize()
    return word


def generated_texts(n: int, seed: int) -> list[str]:
    """GENERATED texts that exercise every rule of both methods (see the pools above)."""
    rng = random.Random(seed)
    lexicon, rules = _lexicon_words(), _rule_words()
    out = ["", " ", "\n\n", "!", "?", "a", "A", ":)", "😁", "no", "NO", "not good", "but"]
    for _ in range(n):
        k = rng.randint(1, 22)
        parts = []
        for _ in range(k):
            pool = rng.choices([lexicon, rules, _FILLERS], weights=[4, 3, 3])[0]
            word = rng.choice(pool)
            word = _case(rng, word)
            if rng.random() < 0.25:
                word = rng.choice(_LEAD) + word + rng.choice(_GLUE)
            parts.append(word)
        seps = [rng.choice(_SEPS) for _ in parts]
        text = "".join(p + q for p, q in zip(parts, seps, strict=True))
        if rng.random() < 0.3:
            text += rng.choice(["!", "!!", "!!!!!", "?", "??", "????", "?!", "."])
        out.append(text)
    return out


GENERATED = generated_texts(3000, seed=2026)
TEXTS = repository_sentences() + GENERATED


# --- VADER ----------------------------------------------------------------------------------


def test_vader_port_equals_the_reference_package(vader_reference, fast_vader):
    assert len(TEXTS) > 3000
    for text in TEXTS:
        ref = vader_reference[text]
        ours = fast_vader(text)
        # repr: same float, same sign of zero, same type
        assert repr(ours) == repr(ref), text


def test_vader_generated_texts_reach_every_rule(ref_vader, vader_reference):
    """The generated texts do exercise the rules (else the equality test proves little)."""
    texts = GENERATED
    low = [t.lower().split() for t in texts]
    assert sum("but" in w for w in low) > 60
    assert sum("least" in w for w in low) > 60
    assert sum(any("n't" in x for x in w) for w in low) > 500
    assert sum("kind" in w and "of" in w for w in low) > 40
    assert sum(any(x in vs.BOOSTER_DICT for x in w) for w in low) > 700
    assert sum(re.search(r"\b[A-Z]{3,}\b", t) is not None for t in texts) > 1000
    assert sum(any(c in ref_vader.emojis for c in t) for t in texts) > 500
    assert sum(t.count("!") > 1 for t in texts) > 600
    assert sum(t.count("?") > 3 for t in texts) > 100
    idioms = [k for k in vs.SPECIAL_CASES if " " in k]
    assert sum(any(k in " ".join(w) for k in idioms) for w in low) > 300
    assert sum(vader_reference[t] != 0 for t in texts) > 2000


def test_vader_port_reads_the_package_lexicons(ref_vader, fast_vader):
    assert fast_vader.lexicon == ref_vader.lexicon
    assert fast_vader.emojis == ref_vader.emojis
    assert len(fast_vader.lexicon) > 7000


def test_vader_equality_check_can_fail(ref_vader):
    """A port with a changed lexicon entry is caught by the comparison."""
    broken = vader_fast.VaderCompound()
    broken.lexicon = dict(broken.lexicon, good=broken.lexicon["good"] + 0.1)
    text = "The talks were good."
    assert broken(text) != ref_vader.polarity_scores(text)["compound"]


# --- TextBlob (pattern) ----------------------------------------------------------------------


def test_pattern_port_equals_the_reference_package(fast_pattern, pattern_reference):
    for text in TEXTS:
        ours = fast_pattern(text)
        assert repr(ours) == repr(pattern_reference[text]), text
    for text in TEXTS[::8]:  # the public API (slower: a namedtuple class per call)
        assert repr(fast_pattern(text)) == repr(TextBlob(text).sentiment.polarity), text


def test_pattern_tokens_equal_find_tokens(fast_pattern):
    for text in TEXTS:
        expected = " ".join(tb_pattern.tokenizer(text)).split()
        assert fast_pattern.tokens(text) == expected, text


def test_pattern_generated_texts_reach_every_rule(fast_pattern, pattern_reference):
    texts = GENERATED
    toks = [[w.lower() for w in fast_pattern.tokens(t)] for t in texts]
    assert sum("(!)" in w for w in toks) > 150
    assert sum(any(x in fast_pattern._emoticons for x in w) for w in toks) > 1200
    assert sum(any(x in tb_pattern.negations for x in w) for w in toks) > 250
    assert sum(any(x.endswith("ly") and x in fast_pattern._known for x in w) for w in toks) > 1500
    assert sum("!" in w for w in toks) > 1000
    assert sum(t.count("\n\n") > 0 for t in texts) > 700
    # the slow path (sarcasm or spaced emoticons) and the fast path are both taken
    spaced = [t for t in texts if fast_pattern._spaced_emoticon.search(t)]
    assert len(spaced) > 400 and len(texts) - len(spaced) > 1500
    assert sum(pattern_reference[t] != 0 for t in texts) > 2000


def test_pattern_equality_check_can_fail():
    broken = pattern_fast.PatternPolarity()
    p, i = broken._known["good"]
    broken._known["good"] = (p + 0.1, i)
    text = "The talks were good."
    assert broken(text) != tb_pattern(text)[0]


def test_pattern_tokenizer_assumptions():
    """What ``PatternPolarity.tokens`` relies on to replace regular expressions."""
    # contractions are literal patterns with literal replacements (str.replace == re.sub)
    for a, b in tb_text.replacements.items():
        assert re.escape(a) == a and "\\" not in b and "'" in a
    # ``\s`` and str.split() agree on every code point
    ws = re.compile(r"\s")
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if c.isspace() != (ws.match(c) is not None):
            pytest.fail(f"U+{cp:04X}: str.isspace and re \\s disagree")
    assert tb_pattern.negations == ("no", "not", "n't", "never")
    assert tb_pattern.modifiers == ("RB",)


# --- AFINN and labMT (the faster paths inside mediaframes.sentiment) --------------------------


def test_afinn_word_runs_do_not_depend_on_white_space_collapsing():
    rng = random.Random(3)
    alphabet = list("ΣσςΑΒaZ'-_ .\t\n\r\u00a0\u2009\u3000\u0307İK") + ["\u200b", "\u180e"]
    texts = ["ΟΔΟΣ  ΟΔΟΣ", "ΑΣ\tΒ", "Σ Σ", "aΣ\u00a0\u00a0b"]
    texts += ["".join(rng.choices(alphabet, k=rng.randint(1, 30))) for _ in range(5000)]
    for text in texts:
        collapsed = S._WORD_RUN.findall(S._SPACES.sub(" ", text).lower())
        assert S._WORD_RUN.findall(text.lower()) == collapsed, repr(text)


def test_afinn_total_equals_the_package_on_generated_texts():
    from afinn import Afinn

    pkg = Afinn(language="en", emoticons=False)
    ours = S.AfinnMatcher()
    texts = TEXTS[::2] + ["It does not work.", "not good at all", "Some kind of self-deluded idea"]
    slow = 0
    for text in texts:
        assert ours.total(text) == pkg.score(text), text
        runs = S._WORD_RUN.findall(S._SPACES.sub(" ", text).lower())
        slow += not ours._multi_first.isdisjoint(runs)
    assert 100 < slow < len(texts) - 500  # both the direct sum and the full matcher are used


@pytest.fixture(scope="module")
def labmt() -> S._LabMT:
    return S._LabMT()


def test_labmt_equals_its_definition_on_generated_texts(labmt):
    lab = labmt
    lo, hi = S.LABMT_LENS
    lab.prepare(TEXTS[::4])  # one wordshift call for all the words (word_score reads the cache)
    for text in TEXTS[::4]:
        words = S._LABMT_TOKEN.findall(text.lower())
        values = [h for h in (lab.word_score(w) for w in words) if h is not None]
        values = [h for h in values if not lo <= h <= hi]
        expected = (sum(values) / len(values) - 5.0) / 4.0 if values else 0.0
        assert repr(lab(text)) == repr(expected), text


def test_labmt_lazy_prepare_looks_the_batch_up_at_the_first_miss(labmt, monkeypatch):
    calls: list[list[str]] = []
    lookup = labmt.lookup
    monkeypatch.setattr(labmt, "lookup", lambda words: (calls.append(list(words)), lookup(words)))
    texts = ["qzxa’s peace", "qzxb war", "qzxc"]  # INVENTED non-words, unseen by labMT
    labmt.prepare(texts, lazy=True)
    assert calls == []  # nothing done yet
    assert labmt("qzxb war") == (1.80 - 5) / 4  # labMT: war 1.80
    assert len(calls) == 1 and {"qzxa's", "qzxb", "qzxc"} <= set(calls[0])  # the whole batch
    assert labmt("qzxa's peace") == (7.86 - 5) / 4 and labmt("qzxc") == 0.0
    assert len(calls) == 1  # no further lookup
    assert labmt("qzxd") == 0.0 and len(calls) == 2  # an unannounced word: its own lookup


# --- both -------------------------------------------------------------------------------------


def test_results_do_not_depend_on_the_token_caches(monkeypatch, vader_reference, pattern_reference):
    monkeypatch.setattr(vader_fast, "TOKEN_CACHE_LIMIT", 3)
    monkeypatch.setattr(pattern_fast, "TOKEN_CACHE_LIMIT", 3)
    v, p = vader_fast.VaderCompound(), pattern_fast.PatternPolarity()
    for text in TEXTS[:600]:
        assert v(text) == vader_reference[text], text
        assert p(text) == pattern_reference[text], text
    assert len(v._tokens) <= 3 and len(p._splits) <= 3 and len(p._words) <= 3
    assert len(p._spaced) <= 3


def test_ports_pickle_and_are_what_scorers_use(fast_vader, fast_pattern):
    assert pickle.loads(pickle.dumps(fast_vader))("Not bad at all") == fast_vader("Not bad at all")
    assert pickle.loads(pickle.dumps(fast_pattern))("not bad") == fast_pattern("not bad")
    sc = S.load_scorers(["vader", "textblob"])
    assert isinstance(sc._fns["vader"], vader_fast.VaderCompound)
    assert isinstance(sc._fns["textblob"], pattern_fast.PatternPolarity)


@pytest.mark.parametrize(
    ("text", "vader", "textblob"),
    [
        ("The talks were good.", 0.4404, 0.7),
        ("The talks were not good.", -0.3412, -0.35),
        ("At least it isn't a horrible book.", 0.431, -0.65),  # pattern: "n't" is split up
        ("", 0.0, 0.0),
    ],
)
def test_known_values(text, vader, textblob, fast_vader, fast_pattern):
    assert fast_vader(text) == vader
    assert fast_pattern(text) == pytest.approx(textblob)


def test_punctuation_constant_is_the_one_vader_strips():
    assert vader_fast._PUNCT == string.punctuation


def test_docstring_examples():
    import doctest

    for module in (vader_fast, pattern_fast):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__


# --- shared white-space tokens (Scorers splits each text once) -------------------------------


def test_scorers_split_once_equals_the_reference_packages(vader_reference, pattern_reference):
    from afinn import Afinn

    afinn = Afinn(language="en", emoticons=False)
    sc = S.load_scorers(["vader", "textblob", "afinn"])
    for text in TEXTS[::3]:
        got = sc._score(text)
        assert repr(got["vader"]) == repr(vader_reference[text]), text
        assert repr(got["textblob"]) == repr(pattern_reference[text]), text
        assert got["afinn"] == S.afinn_to_unit(afinn.score(text)), text


_TRICKY = list("ΣσςΑΒaZzK'’-_ .,!:;()\"\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85") + [
    "\u00a0", "\u1680", "\u2009", "\u2028", "\u2029", "\u3000", "\u0307", "İ", "ǅ", "ﬁ", "K",
    "\u200b", "\u180e", "0", "9", "é", "ß",
]  # fmt: skip


@pytest.mark.parametrize("pattern", [S._WORD_RUN, S._LABMT_TOKEN])
def test_words_of_a_text_are_the_words_of_its_white_space_tokens(pattern):
    """What the per-token caches of AFINN and labMT rely on (random strings, tricky letters)."""
    rng = random.Random(11)
    texts = ["ΟΔΟΣ ΟΔΟΣ", "ΑΣ\u2028Β", "aΣ\x1cb", "İK\u3000k's", "don't  stop", "x'\ty"]
    texts += ["".join(rng.choices(_TRICKY, k=rng.randint(1, 40))) for _ in range(20000)]
    for text in texts:
        per_token = [w for token in text.split() for w in pattern.findall(token.lower())]
        assert pattern.findall(text.lower()) == per_token, repr(text)


def _afinn_texts(n: int, seed: int) -> list[str]:
    """GENERATED texts around AFINN's multi-run entries (whole, split, glued, hyphenated)."""
    rng = random.Random(seed)
    ours = S.AfinnMatcher()
    multi = sorted(e for e in ours.entries if e not in ours._single)
    pieces = [w for e in multi for w in re.split(r"[ '-]", e)] + ["good", "bad", "not", "no"]
    fillers = ["the", "talks", "Said", "WELL", "It", "can't", "stand", "x", "2", "'", "-", ","]
    seps = [" ", " ", " ", "  ", "\t", "\n", "-", "'", "", ", ", "\u00a0", " - "]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 12)):
            r = rng.random()
            if r < 0.3:
                word = rng.choice(multi)
            elif r < 0.7:
                word = rng.choice(pieces)
            else:
                word = rng.choice(fillers)
            parts.append(word.upper() if rng.random() < 0.1 else word)
        out.append("".join(p + rng.choice(seps) for p in parts).strip())
    return out


def test_afinn_per_token_sums_equal_the_package():
    from afinn import Afinn

    pkg = Afinn(language="en", emoticons=False)
    ours = S.AfinnMatcher()
    texts = _afinn_texts(4000, seed=7) + TEXTS[1::2]
    paths = Counter()
    for text in texts:
        assert ours.total(text) == pkg.score(text), text
        assert ours.total(text, text.split()) == pkg.score(text), text
        words = text.split()
        flagged = [w for w in words if ours._token_sums[w] is None]
        low = S._SPACES.sub(" ", text).lower()
        entries = {e for w in flagged for e in ours._token_multi[w][1]}
        path = "direct" if not flagged else "find_all" if any(e in low for e in entries) else "no"
        paths[path] += 1
    # all three paths are taken: no multi-run first word, one that does not match, a match
    assert min(paths.values()) > 300, paths


def test_afinn_results_do_not_depend_on_the_token_cache(monkeypatch):
    from afinn import Afinn

    pkg = Afinn(language="en", emoticons=False)
    monkeypatch.setattr(S, "TOKEN_CACHE_LIMIT", 3)
    ours = S.AfinnMatcher()
    for text in _afinn_texts(300, seed=8):
        assert ours.total(text) == pkg.score(text), text
    assert len(ours._token_sums) <= 3 and len(ours._token_multi) <= 3


def test_labmt_results_do_not_depend_on_the_token_cache(labmt, monkeypatch):
    texts = TEXTS[1::5]
    expected = [repr(labmt(t)) for t in texts]
    monkeypatch.setattr(S, "TOKEN_CACHE_LIMIT", 5)
    small = S._LabMT()
    assert [repr(small(t)) for t in texts] == expected
    assert [repr(small(t, t.split())) for t in texts] == expected
    assert len(small._by_token) <= 40  # emptied whenever it would exceed 5 (+ one text)


def test_pattern_tokens_given_the_white_space_tokens(fast_pattern):
    for text in TEXTS[::2]:
        assert fast_pattern.tokens(text, text.split()) == fast_pattern.tokens(text), text


# --- tone helpers and fast records -------------------------------------------------------------


def test_speech_index_finds_the_overlapping_pairs():
    rng = random.Random(4)
    for _ in range(3000):
        pairs = []
        for _ in range(rng.randint(0, 8)):
            a = rng.randint(0, 60)
            pairs.append((a, a + rng.randint(1, 30)))
        s0 = rng.randint(0, 80)
        s1 = s0 + rng.randint(0, 30)
        brute = [(max(q, s0), min(e, s1)) for q, e in pairs if max(q, s0) < min(e, s1)]
        assert sorted(S._SpeechIndex(pairs).clipped(s0, s1)) == sorted(brute), (pairs, s0, s1)


def test_fast_records_equal_the_constructors():
    from dataclasses import asdict, fields

    from mediaframes.records import SentimentScore, plain_fields

    assert plain_fields(SentimentScore) and plain_fields(S.ToneScore)
    from mediaframes.records import fast_records

    row = {"statement_id": "a:1", "method": "vader", "score": -0.0, "label": "neutral"}
    (a,) = fast_records(SentimentScore, [{**row, "text_scored": "x"}])
    b = SentimentScore("a:1", "vader", -0.0, "neutral", "x")
    assert a == b and hash(a) == hash(b) and asdict(a) == asdict(b) and repr(a) == repr(b)
    assert list(vars(a)) == list(vars(b))
    args = ("a", 3, "kim", "afinn", 0.25, "positive", "y", 5, 9)
    names = [f.name for f in fields(S.ToneScore)]
    (t,) = fast_records(S.ToneScore, [dict(zip(names, args, strict=True))])
    u = S.ToneScore(*args)
    assert (
        t == u and hash(t) == hash(u) and asdict(t) == asdict(u) and list(vars(t)) == list(vars(u))
    )
    assert pickle.loads(pickle.dumps(t)) == u
    with pytest.raises(AttributeError):
        t.score = 1.0  # still frozen


def test_labeled_many_equals_scoring_each_text_alone():
    sc = S.load_scorers()
    texts = [S.normalize_quotes(t) for t in TEXTS[::25]]
    texts = texts + texts[:7]  # repeats are scored once
    got = sc.labeled_many("batch_a", texts)
    assert len(got) == len(texts) and sc._memo[0] == "batch_a"
    fresh = S.load_scorers()
    for text, labeled in zip(texts, got, strict=True):
        assert [m for m, _, _ in labeled] == list(sc.methods)
        for method, score, label in labeled:
            assert repr(score) == repr(fresh._fns[method](text)), text
            assert label == S.label_score(score, method)
        assert sc.labeled_in("batch_a", text) is labeled  # the same memo
        assert sc.scores_in("batch_a", text) == dict((m, v) for m, v, _ in labeled)
    assert sc.labeled_many("batch_b", []) == [] and sc._memo == ("batch_b", {})


@pytest.mark.parametrize("score", [0.05, -0.05, 0.0499999, -0.0499999, 0.0, -0.0, 1.0, -1.0])
def test_inlined_labels_equal_label_score(score, monkeypatch):
    sc = S.load_scorers(["afinn"])
    monkeypatch.setattr(sc, "_fns", {"afinn": lambda text, words: score})
    [[(_, value, label)]] = sc.labeled_many("labels", ["x"])
    assert value == score and label == S.label_score(score, "afinn")


def _journalist_text_reference(sentence, speech):
    """The straightforward loop :func:`sentiment._journalist_text` must equal."""
    pieces = []
    pos = sentence.start
    for lo, hi in speech + [(sentence.end, sentence.end)]:
        if lo > pos:
            piece = sentence.text[pos - sentence.start : lo - sentence.start].strip()
            if piece:
                pieces.append(piece)
        pos = max(pos, hi)
    return " ".join(pieces)


def test_journalist_text_equals_the_straightforward_loop():
    from mediaframes.records import Sentence

    rng = random.Random(6)
    for _ in range(3000):
        start = rng.randint(0, 20)
        text = "".join(rng.choices("ab “”\"' .", k=rng.randint(0, 40)))
        sen = Sentence("x", 0, "body", 0, start, start + len(text), text)
        pairs = []
        for _ in range(rng.randint(0, 4)):
            a = rng.randint(0, 70)
            pairs.append((a, a + rng.randint(1, 20)))
        for speech in (S._speech_spans(sen, S._SpeechIndex(pairs)), sorted(pairs), pairs):
            assert S._journalist_text(sen, speech) == _journalist_text_reference(sen, speech)


def test_pattern_exact_emoticon_check_is_exercised(fast_pattern):
    """The cheap spaced-emoticon test passes texts to the exact one, which lets many through."""
    counts = Counter()
    for text in GENERATED + repository_sentences():
        if "\n" in text or "END-OF-SENTENCE" in text or ("(" in text and "!" in text):
            continue
        tokens = [t for w in text.split() for t in fast_pattern._spaced[w]]  # before _sentences
        joined = " ".join(tokens)
        if fast_pattern._spaced_emoticon.search(joined) is None:
            counts["cheap"] += 1
        elif fast_pattern._changing_emoticon.search(joined) is None:
            counts["exact"] += 1  # the fast path, where the cheap test alone sent it to _sentences
        else:
            counts["sentences"] += 1
    assert min(counts.values()) > 30, counts
    assert fast_pattern.tokens("Hello : ) there") == ["Hello", ":)", "there"]
    assert fast_pattern.tokens("They met two days ago .") == "They met two days ago .".split()

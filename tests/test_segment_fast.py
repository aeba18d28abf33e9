"""Tests for segment's fast Punkt: same spans and decisions as nltk's Punkt on generated text.

All paragraphs here are INVENTED: random words from the lists below, written for these tests.
"""

from __future__ import annotations

import random
import string
from collections import defaultdict

import nltk
import pytest
import regex
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from mediaframes import segment

TOK = segment.load_tokenizer()
PARAMS = TOK._params

# Plain words, capitalized words the orthographic heuristic calls sentence starters, frequent
# sentence starters, known abbreviations (some with inner periods or hyphens), initials,
# numbers and collocation-like pairs, quotes, brackets, ellipses, marks, non-ASCII text.
PLAIN = ["he", "said", "talks", "left", "envoy", "grid", "capital", "agreement", "on", "it"]
CAPS = ["Lee", "Maelis", "Talks", "Paris", "Abandoned", "Absolutely", "Above", "Envoy"]
STARTERS = ["The", "However", "He", "But", "Meanwhile", "They", "the", "however", "in", "In"]
ABBREVS = ["Mr.", "Dr.", "Gen.", "Jan.", "etc.", "Inc.", "Corp.", "U.S.", "p.m.", "e.g.", "co."]
ABBREVS += ["vs.", "ex-Gov.", "Sen.", "Calif.", "approx.", "mr.", "Prof.", "St."]
INITIALS = ["J.", "F.", "A.", "x.", "É."]
NUMBERS = ["3.5", "1990.", "5", "12,000.", "5.", "-4.", "No.", "3. Letters", "12. credit", "#1"]
MARKS = ["?", "!", "?!", "!!", "...", "\u2026", ". . .", ".", ".."]
QUOTES = ['"', "'", "(", ")", "[", "]", "{", "}", '"We', "'We", "(and", "end)", "`", '."', ".'"]
QUOTES += [".)", '?"', '!")', '.")', "\u201cWe", "end.\u201d", "\u00ab", "\u00bb", "\u2019s"]
ODD = ["--", "so-called", "x,y", "said,", "said:", ";", "&", "@x", "*", "a-", "Lee's", "3pm"]
ODD += ["\u00c9lys\u00e9e", "caf\u00e9.", "na\u00efve", "\u2014", "\u2013", "ok,", ",", "Mr"]
WORDS = PLAIN * 4 + CAPS * 2 + STARTERS + ABBREVS + INITIALS + NUMBERS + MARKS + QUOTES + ODD
SEPARATORS = [" "] * 30 + ["  ", "\n", "\n\n", "\t", "\u00a0", "\x1c", "\u2009", "\r\n", ""]
ENDS = [".", ".", ".", "?", "!", '."', ".)", '?"', "...", ".'", ".\u201d", ""]


def _random_paragraph(rng: random.Random) -> str:
    """One INVENTED paragraph of random words, marks and separators."""
    parts = []
    for _ in range(rng.randint(1, 18)):
        word = rng.choice(WORDS)
        if rng.random() < 0.25:
            word += rng.choice(ENDS)
        parts.append(word)
        parts.append(rng.choice(SEPARATORS))
    return rng.choice(["", "", " ", '"', "\n"]) + "".join(parts).rstrip(rng.choice(["", " "]))


def _news_paragraph(rng: random.Random) -> str:
    """One INVENTED news-like paragraph: sentences of plain words, some quoted."""
    sentences = []
    for _ in range(rng.randint(1, 4)):
        words = [rng.choice(CAPS + STARTERS + ABBREVS)]
        words += [rng.choice(PLAIN + CAPS + ABBREVS[:4]) for _ in range(rng.randint(0, 8))]
        sentence = " ".join(words) + rng.choice([".", ".", ".", "?", "!"])
        if rng.random() < 0.3:
            sentence = '"' + sentence + '"'
        sentences.append(sentence)
    return " ".join(sentences)


def _paragraphs(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return [
        _news_paragraph(rng) if rng.random() < 0.5 else _random_paragraph(rng) for _ in range(n)
    ]


def _candidates(tok: PunktSentenceTokenizer, text: str) -> list[tuple[object, int, str]]:
    """(match, word start, context) of every candidate, as nltk's code yields them."""
    out = []
    for match, context in tok._match_potential_end_contexts(text):
        after = match.group() + match.group("after_tok")
        assert context.endswith(after)
        out.append((match, match.start() - (len(context) - len(after)), context))
    return out


def test_fast_punkt_is_active_for_this_nltk() -> None:
    # The fast path repeats nltk 3.10.4's code; another release must be checked again.
    assert nltk.__version__ == segment._FAST_PUNKT_NLTK
    assert segment._period_context_re() is not None


def test_period_context_re_finds_nltk_matches() -> None:
    wrapped = TOK._lang_vars.period_context_re()
    for text in _paragraphs(10, 1000):
        got = [(m.span(), m.groupdict()) for m in segment._period_context_re().finditer(text)]
        assert got == [(m.span(), m.groupdict()) for m in wrapped.finditer(text)], repr(text)


def test_character_sets_equal_nltk_patterns() -> None:
    lang = TOK._lang_vars
    non_word = regex.compile(lang._re_non_word_chars)
    word_start = regex.compile(lang._re_word_start)
    chars = [chr(i) for i in range(0x3000)] + ["\ufeff", "\uff02", "\U0001f600"]
    for ch in chars:
        assert (non_word.fullmatch(ch) is not None) == (ch in segment._NON_WORD), repr(ch)
        realigns = lang.re_boundary_realignment.match(ch) is not None
        assert realigns == (ch in segment._REALIGN_FIRST), repr(ch)
        if not ch.isspace() and ch != "-":
            starts = word_start.match(ch) is not None
            assert starts != (ch in segment._NO_WORD_START), repr(ch)
        is_ws = segment._LAST_WS_RE.fullmatch(ch) is not None
        assert is_ws == (ch in string.whitespace), repr(ch)


def test_first_token_rules_equal_nltk_word_tokenizer() -> None:
    """The next token as ``_fast_sentbreak`` reads it, on INVENTED chunks without ``.?!``."""
    rng = random.Random(5)
    pieces = list("aZq,;:'\"()[]{}*@&#-`0\u00e9\u2019\u00bb/_") + ["--", "ab", "Lee", ",,"]
    checked = 0
    for _ in range(20000):
        chunk = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        first = TOK._lang_vars.word_tokenize(chunk)[0]
        if chunk[0] in segment._NO_WORD_START:
            assert first == chunk[0], repr(chunk)
            checked += 1
        m = segment._LETTER_TOKEN_RE.match(chunk)
        if m is not None:
            assert first == m.group(), repr(chunk)
            checked += 1
    assert checked > 5000


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Gen. Jones in the U.S. capital. They talked.",
        'He said. "We will go." They left.',
        "It ended. However, talks went on. the end. The end.",
        "Jan. The report. Mr. Lee. Dr. in. etc. However it went.",
        "Why? Because. Really!! Yes?! No. ok",
        "He left.\n\nShe came.\tThen.\x1cNo.\u00a0Yes. End.",
        " Lee. Maelis (said.) [it.] {x.} End.",
        'The grid." The agreement.\u201d The end.)',
        "He hesitated... and then agreed. J. F. Kennedy spoke. It was 5 p.m. when he came.",
        "Growth was 3.5 percent. It fell. 1990. Letters came.",
        "\u00c9lys\u00e9e said. caf\u00e9. Then. na\u00efve. Fine.",
    ],
)
def test_punkt_span_list_equals_punkt_on_table(text: str) -> None:
    assert segment._punkt_span_list(text) == list(TOK.span_tokenize(text))


def test_punkt_span_list_equals_punkt_on_generated_paragraphs() -> None:
    for text in _paragraphs(11, 3000):
        assert segment._punkt_span_list(text) == list(TOK.span_tokenize(text)), repr(text)
        assert segment.punkt_spans(text) == list(TOK.span_tokenize(text)), repr(text)


def test_fast_sentbreak_equals_punkt_decision_on_generated_paragraphs() -> None:
    fast = total = 0
    for text in _paragraphs(12, 3000):
        for match, word_start, context in _candidates(TOK, text):
            total += 1
            got = segment._fast_sentbreak(text, match, word_start, PARAMS)
            if got is not None:
                fast += 1
                assert got == TOK.text_contains_sentbreak(context), (text, context)
    assert total > 5000
    assert fast > total // 3  # the fast decision was exercised, not only the fallback


def _custom_params() -> PunktParameters:
    """Loaded parameters plus INVENTED collocations, abbreviations and orthographic contexts."""
    params = PunktParameters()
    params.abbrev_types = set(PARAMS.abbrev_types) | {"said", "grid", "lee"}
    params.collocations = set(PARAMS.collocations) | {
        ("said", "maelis"),
        ("grid", "the"),
        ("talks", '"'),
        ("lee", "talks"),
        ("envoy", "("),
    }
    params.sent_starters = set(PARAMS.sent_starters) | {"maelis", "envoy"}
    params.ortho_context = defaultdict(int, PARAMS.ortho_context)
    params.ortho_context.update({"talks": 1 << 5, "paris": (1 << 2) | (1 << 5), "lee": 1 << 6})
    # punctuation never starts a sentence for the orthographic heuristic, whatever its context
    params.ortho_context.update({'"': 1 << 5, "(": 1 << 4, ",": 1 << 6})
    return params


def test_fast_sentbreak_equals_punkt_with_collocations_and_custom_params() -> None:
    params = _custom_params()
    tok = PunktSentenceTokenizer(params)
    rng = random.Random(13)
    words = ["said", "grid", "talks", "Lee", "envoy", "Paris", "the", "Maelis", "Talks", "Envoy"]
    words += ['"', "(", "'We", "Mr.", "J.", "3", "?", ","]
    fast = collocations = 0
    for _ in range(4000):
        text = " ".join(
            rng.choice(words) + rng.choice([".", ".", "", '."', ".(", "?"])
            for _ in range(rng.randint(2, 8))
        )
        for match, word_start, context in _candidates(tok, text):
            got = segment._fast_sentbreak(text, match, word_start, params)
            if got is None:
                continue
            fast += 1
            assert got == tok.text_contains_sentbreak(context), (text, context)
            # no break after a word that is no abbreviation: only a collocation does that
            word = text[word_start : match.start()].lower()
            collocations += got is False and word not in params.abbrev_types
    assert fast > 5000
    assert collocations > 300


def test_fast_sentbreak_declines_unusual_contexts() -> None:
    for text in ["J. Lee", "U.S. Then", "3. Then", "Lee... Then", "Lee. U.S.", "caf\u00e9. Then"]:
        match, word_start, _ = _candidates(TOK, text)[-1]
        assert segment._fast_sentbreak(text, match, word_start, PARAMS) is None, text

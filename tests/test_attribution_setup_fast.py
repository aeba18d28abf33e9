"""The fast per-article setup of ``attribution`` (``_Doc``) equals the straightforward code.

Word index without regular expressions, one walk over the candidate words of all sentences,
quotation marks found with ``str.find``, persons built on first use: each is compared here with
the plain version on many generated inputs.

Every text here is INVENTED: random strings, random word sequences, and the clearly synthetic
articles of :func:`mediaframes.bench.write_corpus` and the invented fixtures.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest
from test_attribution_fast import bench_and_fixture_articles

from mediaframes import attribution, corpus, segment
from mediaframes.attribution import Quote

TESTS = Path(__file__).parent
INVENTED_DIR = TESTS / "fixtures" / "invented"

#: ASCII, non-ASCII non-word characters (dashes, no-break space, ellipsis, curly quotes) and
#: non-ASCII word characters (which make ``_Words`` use its regular expression)
_PIECES = list("ab_9Z .,'-\n\t\"") + ["\u2014", "\u00a0", "\u2026", "\u201c", "\u2019", "\x1c"]
_WORD_PIECES = ["\u00f8", "\u0434", "\u00e9", "\u00b2", "\u0663"]


def _random_text(rng: random.Random, pieces: list[str], n: int) -> str:
    return "".join(rng.choice(pieces) for _ in range(rng.randrange(0, n)))


def test_spaced_words_keeps_words_and_offsets() -> None:
    rng = random.Random(21)
    fast = 0
    for _ in range(4000):
        pieces = _PIECES + (_WORD_PIECES if rng.random() < 0.3 else [])
        text = _random_text(rng, pieces, 50)
        spaced = attribution._spaced_words(text)
        if spaced is None:
            assert any(re.match(r"\w", ch) for ch in text if not ch.isascii())
            continue
        fast += 1
        assert len(spaced) == len(text) and set(spaced) <= set(text) | {" "}
        expected = [(m.start(), m.group()) for m in re.finditer(r"\w+", text)]
        assert [(m.start(), m.group()) for m in re.finditer(r"\S+", spaced)] == expected
    assert fast > 2500


def test_non_ascii_word_characters_match_the_regex_class() -> None:
    """The error handler's word test agrees with ``\\w`` on every character of the BMP."""
    word = re.compile(r"\w")
    for code in range(128, 0x10000, 7):
        ch = chr(code)
        if 0xD800 <= code < 0xE000:
            continue
        expected = None if word.match(ch) else " "
        assert attribution._spaced_words(ch) == expected, hex(code)


def test_word_index_equals_regex_index() -> None:
    """Offsets and words without a regex = the regex split; ``gaps`` (built on use) too."""
    rng = random.Random(22)
    for _ in range(3000):
        pieces = _PIECES + (_WORD_PIECES if rng.random() < 0.3 else [])
        text = _random_text(rng, pieces + ["said ", "the "], 60)
        index = attribution._Words(text)
        parts = re.split(r"(\w+)", text)
        assert index.words == parts[1::2], text
        assert index.starts == [m.start() for m in re.finditer(r"\w+", text)], text
        assert index.gaps == parts[0::2], text


def test_starts_of_with_lead_equals_word_loop() -> None:
    """Candidates with the lead words right before them = the loop over every word."""
    rng = random.Random(23)
    vocab = "the a an the president prime minister varga x said , . \n".split(" ")
    first = frozenset({"president", "prime", "varga", "the"})
    lead = frozenset({"the", "a", "an"})
    for _ in range(2000):
        text = " ".join(rng.choice(vocab) for _ in range(rng.randrange(0, 25)))
        index = attribution._Words(text)
        expected: list[int] = []
        for i, w in enumerate(index.words):
            if w in first:
                before = index.starts[i - 1] if i else -1
                if i and index.words[i - 1] in lead and (not expected or expected[-1] < before):
                    expected.append(before)
                expected.append(index.starts[i])
        assert index.starts_of(first, lead) == expected, text


def test_char_positions_equal_regex() -> None:
    rng = random.Random(24)
    pieces = [*attribution._DOUBLE_MARKS, *attribution._SINGLE_MARKS, "a", " ", "\u2014"]
    for _ in range(3000):
        text = _random_text(rng, pieces, 30)
        for chars, rx in (
            (attribution._DOUBLE_MARKS, attribution._DOUBLE_MARK_RE),
            (attribution._SINGLE_MARKS, attribution._SINGLE_MARK_RE),
        ):
            assert attribution._char_positions(text, chars) == [
                m.start() for m in rx.finditer(text)
            ]


def _find_quotes_reference(text: str, units: list[tuple[int, int]]) -> list[Quote]:
    """``find_quotes`` as written before the fast path: each unit searched with the regexes."""
    out: list[Quote] = []
    open_at: int | None = None
    for u, (ustart, uend) in enumerate(units):
        i = ustart
        if open_at is not None:
            j = ustart
            while j < uend and text[j].isspace():
                j += 1
            i = j + 1
        for mark in attribution._DOUBLE_MARK_RE.finditer(text, i, uend):
            i = mark.start()
            if open_at is None:
                if attribution._double_opens(text, i):
                    open_at = i
            elif attribution._double_closes(text[open_at], text[i]):
                out.append(Quote(open_at, i + 1, open_at + 1, i, True))
                open_at = None
        if open_at is not None:
            nxt = units[u + 1] if u + 1 < len(units) else None
            lead = text[nxt[0] : nxt[1]].lstrip()[:1] if nxt else ""
            if not lead or lead not in attribution._OPEN_DOUBLE + '"' + text[open_at]:
                out.append(Quote(open_at, uend, open_at + 1, uend, True))
                open_at = None
    doubles = list(out)
    closers = attribution._CLOSE_SINGLE + "'"
    for ustart, uend in units:
        i = ustart
        while i < uend:
            found = attribution._SINGLE_MARK_RE.search(text, i, uend)
            if found is None:
                break
            i = found.start()
            inside = any(q.start <= i < q.end for q in doubles)
            if not inside and attribution._is_opener(text, i):
                nxt_ch = text[i + 1] if i + 1 < uend else " "
                one = text[i + 2 : i + 4]
                elision = len(one) >= 1 and one[0] in closers and not one[1:2].isalnum()
                own = closers + attribution._OWN_CLOSER.get(text[i], "")
                if nxt_ch.isalpha() and not elision:
                    for j in range(i + 2, min(uend, i + 200)):
                        c = text[j]
                        after = text[j + 1] if j + 1 < uend else " "
                        if c in own and not after.isalnum() and text[j - 1] != " ":
                            out.append(Quote(i, j + 1, i + 1, j, False))
                            i = j
                            break
            i += 1
    return sorted(out, key=lambda q: q.start)


def test_find_quotes_equals_unit_by_unit_search() -> None:
    """Marks found once for the whole text = marks searched unit by unit (any units)."""
    rng = random.Random(25)
    pieces = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", " ", "\n"]
    pieces += ["\u201e", "\u201a", "\u00bbWir", "\u201aso"]
    pieces += ["said", "Go", "don't", "x", "(", "\u2014", "rock 'n' roll", "'90s", ".", ","]
    found = 0
    for n in range(3000):
        text = _random_text(rng, pieces, 40)
        cuts = sorted(rng.randrange(0, len(text) + 1) for _ in range(rng.randrange(0, 5)))
        units = list(zip([0, *cuts], [*cuts, len(text)], strict=True))
        if n % 3 == 0:  # units need not tile the text: gaps, overlaps, any order
            ends = [sorted(rng.randrange(0, len(text) + 1) for _ in range(2)) for _ in cuts]
            units = [(a, b) for a, b in ends]
        expected = _find_quotes_reference(text, units)  # type: ignore[arg-type]
        assert attribution.find_quotes(text, units) == expected, (text, units)
        found += len(expected)
    assert found > 1500


def _actors() -> attribution.Actors:
    return attribution.actors_from_mapping(
        {
            "actors": {
                "lee": {
                    "name": "Ana Lee",
                    "aliases": ["Kestrian prime minister", "Prime Minister Lee"],
                    "organizations": ["the Kestrian cabinet"],
                    "gender": "female",
                },
                "omar": {"name": "Yusuf Omar", "organizations": ["the Dalmar palace"]},
                "moe": {"name": "Jonas St\u00f8re", "gender": "male"},
            }
        }
    )


_VOCAB = [
    "Ana Lee", "Lee", "Yusuf Omar", "Omar", "the Dalmar palace", "Prime Minister Lee",
    "Prime\nMinister Lee", "Kestrian  prime minister", "Jonas St\u00f8re", "lee", "he", "she",
    "his office", "her", "they", "both leaders", "the two sides", "and", ",", ".", "said",
    "told", "warned", "that", "the", "talks", "\u201cWe", "will", "go,\u201d", "'Go'", "\u2014",
    "\n\n", "Lee's office", "of Dalmar", "&", "x_1", "2022",
]  # fmt: skip


def _generated_articles(n: int, seed: int) -> list[tuple[Any, list[Any]]]:
    rng = random.Random(seed)
    out = []
    for k in range(n):
        body = " ".join(rng.choice(_VOCAB) for _ in range(rng.randrange(5, 80)))
        text = f"INVENTED headline {k} says Lee\n\n" + body + " end."
        art = corpus.parse_plain_text(text, f"g{k}", f"g{k}.txt")
        out.append((art, segment.segment_article(art)))
    return out


def _all_articles(tmp: Path) -> list[tuple[Any, list[Any], attribution.Actors]]:
    actors = _actors()
    generated = [(a, s, actors) for a, s in _generated_articles(150, 26)]
    return generated + bench_and_fixture_articles(tmp, 20, seed=7)


def _slow_doc(art: Any, sentences: list[Any], actors: attribution.Actors) -> attribution._Doc:
    slow = attribution._Doc.__new__(attribution._Doc)
    slow.fast_paths = False
    slow.__init__(art, sentences, actors)  # type: ignore[misc]
    return slow


def _mention_rows(doc: attribution._Doc) -> list[tuple[Any, ...]]:
    return [
        (m.actor, m.kind, m.start, m.end, m.person, m.pronoun, m.sentence) for m in doc.mentions
    ]


def test_setup_with_and_without_one_walk(tmp_path: Path) -> None:
    """Mentions, groups, plural references, verbs, quotes: the same with the fast setup."""
    walked = 0
    articles = _all_articles(tmp_path)
    for art, sentences, actors in articles:
        fast = attribution._Doc(art, sentences, actors)
        slow = _slow_doc(art, sentences, actors)
        walked += fast._one_walk
        assert not slow._one_walk
        assert _mention_rows(fast) == _mention_rows(slow), art.article_id
        assert fast.groups == slow.groups and fast.plural_refs == slow.plural_refs
        assert fast.coordinations_by_end == slow.coordinations_by_end
        assert fast.verb_hits == slow.verb_hits and fast.quotes == slow.quotes
        assert fast.single_style == slow.single_style
        for m in fast.mentions:  # the sentence kept with each mention is ``_sent_of``
            assert m.sentence == fast._sent_of(m.start)
    assert walked > 50 and len(articles) - walked > 50  # both ways (``ø``: no walk)


def test_one_walk_equals_scan_ranges_on_random_sentences(
    test_actors: attribution.Actors,
) -> None:
    """The walk over the candidates of all sentences = one search per sentence."""
    pats, words = attribution._patterns(), attribution._pattern_words()
    cases = [
        (test_actors._pattern, test_actors._pattern_words, attribution._DETERMINER_SET, None),
        (test_actors._pronoun_pattern, test_actors._pronoun_words, frozenset(), None),
        (pats["plural"], words["plural"], frozenset(), words["plural_need"]),
        (pats["verb"], words["verb"], frozenset(), None),
    ]
    vocab = [w.lower() for w in _VOCAB] + ["the kestrian prime minister", "both", "all the"]
    rng = random.Random(27)
    hits = 0
    for _ in range(800):
        text = segment.fold(" ".join(rng.choice(vocab) for _ in range(rng.randrange(1, 30))))
        cuts = sorted({rng.randrange(0, len(text) + 1) for _ in range(rng.randrange(0, 6))})
        bounds = [0, *cuts, len(text)]
        spans = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if rng.random() < 0.8]
        doc = attribution._Doc.__new__(attribution._Doc)
        doc.folded = text
        doc.words = attribution._Words(text)
        doc.sentence_starts = [a for a, _ in spans]
        doc.sentence_ends = [b for _, b in spans]
        cut = any(0 < b < len(text) and re.match(r"\w\w", text[b - 1 : b + 1]) for b in bounds)
        for pattern, first, lead, need in cases:
            doc._one_walk = not cut
            got = [(k, m.span()) for k, m in doc._scan_sentences(pattern, first, lead, need)]
            doc._one_walk = False
            general = doc._scan_sentences(pattern, first, lead, need)
            expected = [(k, m.span()) for k, m in general]
            assert got == expected, (text, spans)
            per_span = [list(pattern.finditer(text, a, b)) for a, b in spans]
            assert expected == [(k, m.span()) for k, ms in enumerate(per_span) for m in ms]
            hits += len(expected)
    assert hits > 2000


@pytest.fixture(scope="module")
def test_actors() -> attribution.Actors:
    return _actors()


def test_persons_built_on_first_use_equal_eager_ones(tmp_path: Path) -> None:
    """``persons`` (built on first use) = the persons listed from the mentions at once."""
    compared = 0
    for art, sentences, actors in _all_articles(tmp_path):
        doc = attribution._Doc(art, sentences, actors)
        assert "persons" not in vars(doc)  # nothing asked for them yet
        verbs = doc.lex.verbs
        expected = []
        for m in doc.mentions:
            office = m.kind == "organization" and attribution._office_with_name(
                doc.folded[m.start : m.end], actors._name_words.get(m.actor, frozenset())
            )  # ("Mr Tallak's office": session 13)
            if (m.person and not m.pronoun) or office:
                prev = attribution._last_word(doc.folded[max(0, m.start - 40) : m.start])
                subj = (prev not in attribution._PREPOSITIONS and prev not in verbs) or (
                    # (a subject after a clause's comma: "…, Solvang smiled")
                    prev in verbs and doc.plain[: m.start].rstrip().endswith(",")
                )
                expected.append(
                    attribution._Person(
                        m.start, m.end, m.actor, True, "", subj, doc._sent_of(m.start)
                    )
                )
        assert doc.persons == expected
        assert _slow_doc(art, sentences, actors).__dict__["persons"] == expected
        compared += len(expected)
    assert compared > 500


def test_attribute_fast_and_general_setup_on_generated_articles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whole generated articles (pronouns, odd spaces, non-ASCII names): the same output."""
    actors = _actors()
    articles = _generated_articles(120, 28)
    fast = [attribution.attribute(a, s, actors) for a, s in articles]
    monkeypatch.setattr(attribution._Doc, "fast_paths", False)
    slow = [attribution.attribute(a, s, actors) for a, s in articles]
    assert fast == slow
    kinds = {m.kind for _, mentions in fast for m in mentions}
    assert {"name", "pronoun", "possessive", "organization"} <= kinds
    assert any(m.in_quote for _, mentions in fast for m in mentions)


def test_starts_in_equals_starts_of_in_range() -> None:
    """Candidates read from the words of a range = all candidates cut to the range."""
    rng = random.Random(29)
    vocab = "the a an the president prime minister varga x said , . \n \u2014 \u00f8".split(" ")
    first = frozenset({"president", "prime", "varga", "the"})
    for _ in range(2000):
        text = " ".join(rng.choice(vocab) for _ in range(rng.randrange(0, 25)))
        a = rng.randrange(0, len(text) + 1)
        b = rng.randrange(a, len(text) + 2)
        for lead in (frozenset(), frozenset({"the", "a", "an"})):
            fresh = attribution._Words(text)
            got = fresh.starts_in(first, lead, a, b)
            every = attribution._Words(text).starts_of(first, lead)
            assert got == [s for s in every if a <= s < b], (text, a, b)
            fresh.starts_of(first, lead)  # now cached: the other branch
            assert fresh.starts_in(first, lead, a, b) == got


def _coordinations_reference(doc: attribution._Doc) -> list[tuple[Any, ...]]:
    """The coordination loop as written before: the gap cut out and matched for every pair."""
    names = [m for m in doc.mentions if m.actor and not m.pronoun]
    out = []
    i = 0
    while i < len(names):
        run = [names[i]]
        has_and = False
        j = i + 1
        while j < len(names):
            gap = doc.plain[run[-1].end : names[j].start]
            if not attribution._COORD_GAP_RE.fullmatch(gap) or names[j].actor in {
                m.actor for m in run
            }:
                break
            has_and = has_and or bool(attribution._AND_RE.search(gap))
            run.append(names[j])
            j += 1
        if len(run) >= 2 and has_and:
            pp = attribution._OF_PP_RE.match(doc.plain, run[-1].end)
            end = pp.end() if pp else run[-1].end
            ids = tuple(sorted({m.actor for m in run}))
            out.append((run[0].start, end, doc._sent_of(run[0].start), ids))
            i = j
        else:
            i += 1
    return sorted(out)


def test_coordinations_equal_pair_by_pair_search(tmp_path: Path) -> None:
    found = 0
    for art, sentences, actors in _all_articles(tmp_path):
        doc = attribution._Doc(art, sentences, actors)
        got = sorted(
            (g.start, g.end, g.sentence, g.ids)
            for g in doc.groups
            if g.start not in doc.plural_refs
        )
        assert got == _coordinations_reference(doc), art.article_id
        found += len(got)
    assert found > 30

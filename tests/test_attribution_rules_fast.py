"""The per-group shortcuts of ``attribution`` (subjects, boundaries, grouping) = general rules.

Every text here is INVENTED: random strings and word sequences, the clearly synthetic articles
of :func:`mediaframes.bench.write_corpus` and the invented fixtures. Each test runs the same
calls on a document with ``fast_paths`` on and on one with it off, and compares.
"""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import pytest
from test_attribution_fast import bench_and_fixture_articles

from mediaframes import attribution, corpus, segment
from mediaframes.records import Article, Sentence

TESTS = Path(__file__).parent
INVENTED_DIR = TESTS / "fixtures" / "invented"

Case = tuple[Article, list[Sentence], attribution.Actors]


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> list[Case]:
    """Synthetic articles (bench generator), invented fixtures and random quote soup."""
    out: list[Case] = bench_and_fixture_articles(tmp_path_factory.mktemp("syn"), 30, seed=7)
    rng = random.Random(21)
    pieces = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", " ", "\n\n", ",", ".", " - "]
    pieces += ["said", "Macron", "Putin", "whom", "who", "that", "and", "so", "soon", "x"]
    pieces += ["who_m", "thatch", "so-called", "and'", "-that", "if_", "or\u00e9", "9as"]
    pieces += ["told", "the Kremlin", "he", "his office", "on Monday", "(", "\u2014", "Go"]
    pieces += ['"It ended. We left."', "\u201cGo. Now. Then", "\u2018Talks. More.\u2019", "Ok."]
    actors = attribution.load_actors()
    for n in range(120):
        body = " ".join(rng.choice(pieces) for _ in range(rng.randrange(1, 60)))
        text = f"INVENTED headline {n}\n\n" + body.strip() + " end."
        art = corpus.parse_plain_text(text, f"r{n}", f"r{n}.txt")
        out.append((art, segment.segment_article(art), actors))
    return out


def _pair(case: Case) -> tuple[attribution._Doc, attribution._Doc]:
    fast = attribution._Doc(*case)
    slow = attribution._Doc(*case)
    slow.fast_paths = False
    return fast, slow


def _spans(doc: attribution._Doc, rng: random.Random, per_sentence: int) -> list[tuple[int, int]]:
    """Ranges ending at verbs, mentions and quotes, plus random ones, inside sentences."""
    out = []
    for s in doc.sentences:
        ends = [v0 for v0, _ in doc.verb_hits if s.start <= v0 <= s.end]
        ends += [m.end for m in doc.mentions if s.start <= m.end <= s.end]
        ends += [q.start for q in doc.quotes if s.start <= q.start <= s.end]
        ends += [rng.randrange(s.start, s.end + 1) for _ in range(per_sentence)]
        for end in ends:
            out.append((rng.randrange(s.start, end + 1), end))
            out.append((s.start, end))
    return out


def test_subject_np_fast_equals_general(articles: list[Case]) -> None:
    """Subjects (first trimming round inlined, mention lookups by offset) = general rules."""
    rng = random.Random(1)
    compared = found = 0
    for case in articles:
        fast, slow = _pair(case)
        for lo, end in _spans(fast, rng, 3):
            got, expected = fast.subject_np(lo, end, None), slow.subject_np(lo, end, None)
            assert got == expected, (case[0].article_id, lo, end)
            assert fast.mention_ending_at(end, lo) is not None or (
                slow.mention_ending_at(end, lo) is None
            )
            compared += 1
            found += got is not None
        assert fast.doc_sources == slow.doc_sources
        assert fast.persons == slow.persons
    assert compared > 3000 and found > 800


def test_mention_lookups_equal_linear_search(articles: list[Case]) -> None:
    """``mention_ending_at`` by end offset = the walk over the mentions from ``lo``."""
    rng = random.Random(2)
    checked = found = 0
    for case in articles:
        fast, slow = _pair(case)
        ends = {m.end for m in fast.mentions} | {m.start for m in fast.mentions}
        ends |= {rng.randrange(0, len(fast.text) + 1) for _ in range(20)}
        for end in sorted(ends):
            for lo in (0, end - 60, end - 20, end - 5, end, end + 1):
                got = fast.mention_ending_at(end, lo)
                assert got == slow.mention_ending_at(end, lo), (case[0].article_id, end, lo)
                checked += 1
                found += got is not None
    assert checked > 5000 and found > 1000


def test_mention_index_refuses_overlaps(articles: list[Case]) -> None:
    """Overlapping mentions (never made today) disable the lookup by offset, not the result."""
    case = next(c for c in articles if len(attribution._Doc(*c).mentions) > 3)
    fast, slow = _pair(case)
    for doc in (fast, slow):
        first = doc.mentions[0]
        doc.mentions.insert(1, dataclasses.replace(first, start=first.start + 1))  # same end
        doc.mention_starts = [m.start for m in doc.mentions]
    assert fast._mention_index is None
    for m in fast.mentions:
        for lo in (0, m.start, m.start + 1):
            assert fast.mention_ending_at(m.end, lo) == slow.mention_ending_at(m.end, lo)
    assert fast.mention_ending_at(first.end, 0) == dataclasses.replace(first, start=first.start + 1)


def test_boundary_before_fast_equals_general(articles: list[Case]) -> None:
    """The quote-free shortcut of ``boundary_before`` = the walk over every boundary."""
    rng = random.Random(3)
    compared = moved = 0
    for case in articles:
        fast, slow = _pair(case)
        n = len(fast.text)
        for _ in range(150):
            lo = rng.randrange(0, n + 1)
            pos = rng.randrange(lo, min(n, lo + 120) + 1)
            got = fast.boundary_before(lo, pos)
            assert got == slow.boundary_before(lo, pos), (case[0].article_id, lo, pos)
            compared += 1
            moved += got != lo
    assert compared > 5000 and moved > 1000


def test_group_units_fast_equals_general(articles: list[Case]) -> None:
    """Grouping sentences over quotes: only starts inside a quote are examined."""
    joined = 0
    for case in articles:
        fast, slow = _pair(case)
        groups = attribution._group_units(fast)
        assert groups == attribution._group_units(slow), case[0].article_id
        joined += sum(len(g) > 1 for g in groups)
    assert joined > 20


def test_frames_fast_equals_general(articles: list[Case]) -> None:
    """``frames_in`` over every unit, in order, with the shortcuts on and off."""
    frames = 0
    for case in articles:
        fast, slow = _pair(case)
        for group in attribution._group_units(slow):
            a, b, section = group[0].start, group[-1].end, group[0].section
            got = fast.frames_in(a, b, None, section)
            assert got == slow.frames_in(a, b, None, section), case[0].article_id
            frames += len(got)
    assert frames > 300


@pytest.mark.parametrize("seed", range(3))
def test_may_end_with_preposition_is_necessary(seed: int) -> None:
    """Whenever either pattern matches, the prefilter says it may."""
    pats = attribution._patterns()
    role_prep, doc_prep = pats["role_prep_before"], pats["doc_prep_before"]
    words = "the an aide adviser spokesman statement readout issued by from of to close for at"
    vocab = words.split() + ["with", "x", ",", "\n", "\t", " ", "  ", "to\n", "of "]
    rng = random.Random(seed)
    matched = 0
    for _ in range(4000):
        text = " ".join(rng.choice(vocab) for _ in range(rng.randrange(0, 8)))
        text += rng.choice(["", " ", "\n", "  ", "x"])
        hit = bool(role_prep.search(text) or doc_prep.search(text))
        if hit:
            assert attribution._may_end_with_preposition(text), text
            matched += 1
        last = re.search(r"(\S+)\s+$", text)
        assert attribution._may_end_with_preposition(text) == bool(
            last and last.group(1) in attribution._PREP_BEFORE_WORDS
        )
    assert matched > 100


def test_attribute_with_and_without_shortcuts(
    articles: list[Case], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whole articles, including the one-leading-frame statement and pronoun resolution."""
    fast = [attribution.attribute(*case) for case in articles]
    monkeypatch.setattr(attribution._Doc, "fast_paths", False)
    slow = [attribution.attribute(*case) for case in articles]
    assert fast == slow
    rules = {st.rule.split(";")[0] for statements, _ in fast for st in statements}
    assert any(r.startswith("indirect: '") for r in rules)


@pytest.mark.parametrize("seed", range(3))
def test_addressee_pattern_without_backtracking_is_the_same(seed: int) -> None:
    """The possessive addressee pattern matches exactly what the original pattern matches."""
    fast, slow = attribution._ADDRESSEE_FAST_RE, attribution._ADDRESSEE_RE
    vocab = "lee the bbc that to about of on not for president o'neil u.s. al-x it".split()
    vocab += [",", ":", '"', "'", ".", "-", " ", "  ", "\n", "thatx", "tox", "for.", "x,y"]
    rng = random.Random(seed)
    matched = 0
    for _ in range(6000):
        text = "".join(rng.choice([" ", ""]) + rng.choice(vocab) for _ in range(rng.randrange(15)))
        for pos in range(min(len(text), 4)):
            got, expected = fast.match(text, pos), slow.match(text, pos)
            assert (got and got.span(1)) == (expected and expected.span(1)), (text, pos)
            matched += expected is not None
    assert matched > 2000

"""The fast paths of ``attribution`` give what the straightforward code gives.

Every text here is INVENTED: random strings, random word sequences, and the clearly synthetic
articles of :func:`mediaframes.bench.write_corpus` and the invented fixtures.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from mediaframes import attribution, bench, corpus, segment
from mediaframes.records import Statement

TESTS = Path(__file__).parent
INVENTED_DIR = TESTS / "fixtures" / "invented"


class _Bare(attribution._Doc):
    """Only what ``_prev_word`` reads: the folded text and its word index."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.words = attribution._Words(folded)


def test_prev_word_equals_last_word_on_random_text() -> None:
    rng = random.Random(5)
    alphabet = list("ab'Z9_ .,!?\n\t-\"\u00e9\u2019\u0434") + ["said ", "the ", "x", "\n\n", "''"]
    checked = 0
    for _ in range(6000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 70)))
        doc = _Bare(text)
        for pos in [*doc.words.starts, rng.randrange(0, len(text) + 1)]:
            expected = attribution._last_word(text[max(0, pos - 40) : pos])
            assert doc._prev_word(pos) == expected, (text, pos)
            checked += 1
    assert checked > 40000


@pytest.mark.parametrize(
    ("gap", "kind"),
    [
        (" ", attribution._GAP_WORD),
        (", ", attribution._GAP_WORD),
        ("\n", attribution._GAP_WORD),  # a final line break is skipped, like ``$``
        (" \u2014 ", attribution._GAP_WORD),
        (" '", attribution._GAP_WORD),  # the apostrophe is not right after the word
        (". ", attribution._GAP_NO_WORD),
        ("\n\n", attribution._GAP_NO_WORD),
        ("?) ", attribution._GAP_NO_WORD),
        ("' ", attribution._GAP_OTHER),  # "Putin' ": the apostrophe joins the word
        (". '", attribution._GAP_OTHER),
    ],
)
def test_gap_kind(gap: str, kind: int) -> None:
    assert attribution._gap_kind(gap) == kind
    expected = {attribution._GAP_WORD: "said", attribution._GAP_NO_WORD: ""}.get(kind)
    if expected is not None:
        assert attribution._last_word("he said" + gap) == expected


def test_word_index_offsets() -> None:
    rng = random.Random(2)
    alphabet = list("ab_9 .,'-\n\u00e9\u0434\u2019")
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        words = attribution._Words(text)
        matches = list(attribution._WORDS_RE.finditer(text))
        assert words.starts == [m.start() for m in matches]
        assert words.words == [m.group() for m in matches]
        assert "".join(g + w for g, w in zip(words.gaps, [*words.words, ""], strict=True)) == text


def test_scan_ranges_equals_finditer_per_range(test_actors_fast: attribution.Actors) -> None:
    """One scan over many ranges (with the ``need`` filter for plurals) = ``finditer`` each."""
    pats, words = attribution._patterns(), attribution._pattern_words()
    none: frozenset[str] = frozenset()
    cases = [(pats["verb"], words["verb"], none, None)]
    cases.append((pats["plural"], words["plural"], none, words["plural_need"]))
    cases += [
        (
            test_actors_fast._pattern,
            test_actors_fast._pattern_words,
            attribution._DETERMINER_SET,
            None,
        ),
        (test_actors_fast._pronoun_pattern, test_actors_fast._pronoun_words, none, None),
    ]
    vocab = "said told the a an both all they two three pair leaders sides his her".split()
    vocab += ["prime ministers", "heads of state", "the two", "both leaders", "leadersx"]
    vocab += [a.name for a in test_actors_fast.actors] + ["Lee", "Omar", "'", "-", ",", "."]
    vocab += [" ", "\n", "x", "they'", "the pair", "all the", "men", "women", "presidents"]
    rng = random.Random(9)
    hits = 0
    for _ in range(600):
        text = segment.fold(" ".join(rng.choice(vocab) for _ in range(rng.randrange(1, 30))))
        index = attribution._Words(text)
        cuts = sorted(rng.randrange(0, len(text) + 1) for _ in range(rng.randrange(1, 6)))
        ranges = list(zip([0, *cuts], [*cuts, len(text)], strict=True))
        for pattern, first, lead, need in cases:
            assert pattern is not None
            expected = [[m.span() for m in pattern.finditer(text, a, b)] for a, b in ranges]
            got = index.scan_ranges(pattern, first, ranges, lead, need)
            assert [[m.span() for m in ms] for ms in got] == expected, (text, ranges)
            hits += sum(map(len, expected))
    assert hits > 1000


@pytest.fixture(scope="module")
def test_actors_fast() -> attribution.Actors:
    return attribution.actors_from_mapping(
        {
            "actors": {
                "lee": {"name": "Ana Lee", "aliases": ["the Kestrian leader"], "gender": "female"},
                "omar": {"name": "Yusuf Omar", "organizations": ["the Dalmar palace"]},
            }
        }
    )


def bench_and_fixture_articles(
    tmp: Path, n: int = 25, seed: int = 3
) -> list[tuple[object, list[object], attribution.Actors]]:
    """``n`` synthetic articles from the bench generator and the invented fixtures, with actors.

    Shared by the other ``test_attribution_*_fast`` files.
    """
    out = []
    syn = bench.write_corpus(tmp / "syn", n, seed=seed)
    syn_actors = attribution.load_actors(syn / "actors.yml")
    for path in sorted((syn / "raw").glob("*.txt")):
        art = corpus.parse_plain_text(path.read_text(encoding="utf-8"), path.stem, path.name)
        out.append((art, segment.segment_article(art), syn_actors))
    for path in sorted(INVENTED_DIR.rglob("raw/*.txt")):
        actors = attribution.load_actors(path.parent.parent / "actors.yml")
        for art in corpus.read_article_file(path):
            out.append((art, segment.segment_article(art), actors))
    return out


#: Spans compared per article by :func:`test_classify_np_fast_path_equals_general_rules`.
SPANS_PER_ARTICLE = 24


def test_classify_np_fast_path_equals_general_rules(tmp_path: Path) -> None:
    """The one-mention shortcut of ``classify_np`` returns what the general rules return."""
    rng = random.Random(4)
    compared = shortcut = 0
    for art, sentences, actors in bench_and_fixture_articles(tmp_path):
        probe = attribution._Doc(art, sentences, actors)  # type: ignore[arg-type]
        spans = [(m.start, m.end) for m in probe.mentions]
        for s in probe.sentences:
            for _ in range(3):
                a = rng.randrange(s.start, s.end)
                spans.append((a, rng.randrange(a, s.end + 1)))
        # (a fixed sample per article: two fresh documents per span cost a whole setup each,
        # and the fixtures grow every session; every article still contributes)
        spans = rng.sample(spans, min(len(spans), SPANS_PER_ARTICLE))
        for start, end in spans:
            fast = attribution._Doc(art, sentences, actors)  # type: ignore[arg-type]
            slow = attribution._Doc(art, sentences, actors)  # type: ignore[arg-type]
            slow.fast_paths = False
            got, expected = fast.classify_np(start, end, None), slow.classify_np(start, end, None)
            assert got == expected, (art.article_id, start, end)  # type: ignore[attr-defined]
            assert fast.doc_sources == slow.doc_sources
            compared += 1
            shortcut += got is not None and got.how.endswith(" mention")
    assert compared > 500 and shortcut > 100


def test_attribute_with_and_without_shortcuts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whole articles: the shortcuts (narration units, one-mention phrases) change nothing."""
    articles = bench_and_fixture_articles(tmp_path)
    fast = [attribution.attribute(a, s, acts) for a, s, acts in articles]  # type: ignore[arg-type]
    monkeypatch.setattr(attribution._Doc, "fast_paths", False)
    slow = [attribution.attribute(a, s, acts) for a, s, acts in articles]  # type: ignore[arg-type]
    assert fast == slow
    kinds = {st.quote_type for statements, _ in fast for st in statements}
    assert kinds == {"narration", "direct", "indirect", "mixed"}


def test_group_lookups_equal_linear_search(tmp_path: Path) -> None:
    """Coordinations indexed by their end = the first matching group in ``groups`` order."""
    checked = 0
    for art, sentences, actors in bench_and_fixture_articles(tmp_path):
        doc = attribution._Doc(art, sentences, actors)  # type: ignore[arg-type]
        ends = sorted({g.end for g in doc.groups} | {m.end for m in doc.mentions})
        for end in ends:
            for lo in sorted({0, end - 40, end - 10, *(g.start for g in doc.groups)}):
                expected = next(
                    (
                        g
                        for g in doc.groups
                        if g.end == end and g.start >= lo and g.start not in doc.plural_refs
                    ),
                    None,
                )
                assert doc.group_ending_at(end, lo) == expected
                checked += 1
    assert checked > 200


def test_attribute_uses_the_fast_record_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """``attribute`` lists the fields in declared order, so no record goes through __init__."""
    built: list[object] = []
    original = Statement.__init__

    def spy(self: Statement, *args: object, **kwargs: object) -> None:
        built.append(self)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Statement, "__init__", spy)
    art = corpus.parse_plain_text("T\n\nMacron said he was ready.", "f1", "f1.txt")
    st, mentions = attribution.attribute(
        art, segment.segment_article(art), attribution.load_actors()
    )
    assert len(st) == 2 and mentions and not built
    assert st[1].speaker == "macron" and isinstance(st[1], Statement)
    Statement(**vars(st[1]))
    assert len(built) == 1  # the spy works


def test_quote_lookups_equal_linear_search(tmp_path: Path) -> None:
    """Quote lookups by bisection (``in_quote``, ``quotes_in``, grouping) = linear walks."""
    rng = random.Random(11)
    pieces = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", " ", "  ", "\n\n", ",", "."]
    pieces += ["said", "Ana", "don't", "x", "(", "\u2014", "rock 'n' roll", "'90s", "Go"]
    docs = [attribution._Doc(a, s, acts) for a, s, acts in bench_and_fixture_articles(tmp_path)]  # type: ignore[arg-type]
    actors = attribution.load_actors()
    for n in range(300):
        body = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 80)))
        text = "INVENTED headline " + str(n) + "\n\n" + body.strip() + " end."
        art = corpus.parse_plain_text(text, f"q{n}", f"q{n}.txt")
        docs.append(attribution._Doc(art, segment.segment_article(art), actors))
    checked = found = 0
    for doc in docs:
        slow = attribution._Doc.__new__(attribution._Doc)
        slow.__dict__.update(doc.__dict__)
        slow.fast_paths = False
        assert attribution._group_units(doc) == attribution._group_units(slow)
        n_text = len(doc.text)
        for pos in range(-1, n_text + 2):
            got = doc.in_quote(pos)
            assert got is slow.in_quote(pos), (doc.text, pos)
            found += got is not None
            end = pos + rng.randrange(0, 60)
            assert doc.quotes_in(pos, end) == slow.quotes_in(pos, end), (doc.text, pos, end)
            checked += 1
    assert checked > 20000 and found > 2000


def test_scan_one_off_range_equals_finditer(test_actors_fast: attribution.Actors) -> None:
    """``scan`` on a fresh index (one-off range, nothing cached) and cached = ``finditer``."""
    pats, words = attribution._patterns(), attribution._pattern_words()
    cases = [(pats["verb"], words["verb"]), (pats["headline_verb"], words["headline_verb"])]
    cases.append((test_actors_fast._pronoun_pattern, test_actors_fast._pronoun_words))
    vocab = "said says told warned the a he she they his her leaders x . , ' -".split()
    vocab += ["called on", "called  on", " ", "\n", "said'", "-said", "saidx", "Lee", "Omar"]
    rng = random.Random(12)
    hits = 0
    for _ in range(1500):
        text = segment.fold(" ".join(rng.choice(vocab) for _ in range(rng.randrange(1, 25))))
        a = rng.randrange(0, len(text) + 1)
        b = rng.randrange(a, len(text) + 1)
        for pattern, first in cases:
            assert pattern is not None and first is not None
            expected = [m.span() for m in pattern.finditer(text, a, b)]
            fresh = attribution._Words(text)
            assert [m.span() for m in fresh.scan(pattern, first, a, b)] == expected, (text, a, b)
            fresh.starts_of(first)  # now cached: the other branch
            assert [m.span() for m in fresh.scan(pattern, first, a, b)] == expected, (text, a, b)
            hits += len(expected)
    assert hits > 1000


def test_scan_by_word_equals_finditer() -> None:
    """The verb pattern cut by first word finds what the whole pattern finds, on random text."""
    pattern = attribution._patterns()["verb"]
    by_word = attribution._verb_patterns_by_word()
    assert frozenset(by_word) == attribution._pattern_words()["verb"]
    vocab = "said says told warned urged call called calls on to for according the he . , ' -"
    vocab_list = vocab.split() + ["called on", "called  on", "call-in", "said'", "-said", "saidx"]
    vocab_list += [" ", "\n", "according to", "accordingly", "S\u00f8ren", "\u2014", "x"]
    vocab_list += ["went on to say", "goes on to say", "on to"]  # (a verb inside a verb)
    rng = random.Random(21)
    hits = 0
    for _ in range(1500):
        text = segment.fold(" ".join(rng.choice(vocab_list) for _ in range(rng.randrange(1, 25))))
        expected = [m.span(1) for m in pattern.finditer(text)]
        got = [m.span(1) for m in attribution._Words(text).scan_by_word(by_word)]
        assert got == expected, text
        hits += len(expected)
    assert hits > 1000


class _Saying(attribution._Doc):
    """Only what ``saying_hits`` reads: the folded text and its word index."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.words = attribution._Words(folded)


def test_saying_hits_equal_finditer() -> None:
    """The gate tried before its words only = the gate's ``finditer`` over the whole text."""
    vocab = "saying telling warning declaring insisting urging said x , ' - . the".split()
    vocab += [" ", "\n", "\u00a0", "\t", "sayings", "saying'", "-saying", "\u00e9", "\u2014"]
    rng = random.Random(22)
    hits = 0
    for _ in range(2000):
        text = segment.fold("".join(rng.choice(vocab) for _ in range(rng.randrange(0, 20))))
        expected = [m.start() for m in attribution._SAYING_GATE_RE.finditer(text)]
        assert _Saying(text).saying_hits == expected, text
        hits += len(expected)
    assert hits > 200


def test_held_by_spans_equals_any() -> None:
    """The bisection over spans = ``any`` over every span (empty, nested, overlapping spans)."""
    rng = random.Random(13)
    held = 0
    for _ in range(3000):
        spans = []
        for _ in range(rng.randrange(0, 8)):
            a = rng.randrange(0, 60)
            spans.append((a, a + rng.randrange(0, 15)))
        positions = [rng.randrange(-2, 80) for _ in range(rng.randrange(0, 10))]
        expected = [any(a <= p < b for a, b in spans) for p in positions]
        assert attribution._held_by_spans(positions, spans) == expected, (spans, positions)
        held += sum(expected)
    assert held > 1000

"""The per-article composition (mediaframes.analysis) on the seed and an INVENTED article.

``tests/fixtures/invented/analysis/invented_article.txt`` and its ``actors.yml`` are INVENTED
for these tests (see the README there).
"""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pyarrow as pa
import pytest

from mediaframes import analysis, corpus, segment
from mediaframes.records import FrameLabel, Mention, Sentence, SentimentScore, Statement

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "invented" / "analysis"

DOCUMENTED_COLUMNS = {
    "statements": [
        "article_id",
        "statement_id",
        "speaker",
        "speaker_type",
        "source",
        "source_actor",
        "addressee",
        "quote_type",
        "reporting_verb",
        "section",
        "text",
        "quote_text",
        "char_start",
        "char_end",
        "quote_start",
        "quote_end",
        "rule",
        "stance",
    ],
    "sentiment": ["statement_id", "method", "score", "label", "text_scored"],
    "frames": ["statement_id", "codebook", "frame", "cue", "char_start", "char_end", "rule"],
    "mentions": ["article_id", "actor", "kind", "start", "end", "text", "sentence", "in_quote"],
    "tone": [
        "article_id",
        "sentence_index",
        "actor",
        "method",
        "score",
        "label",
        "text_scored",
        "char_start",
        "char_end",
    ],
    "sentences": ["article_id", "index", "section", "paragraph", "start", "end", "text"],
}


@pytest.fixture(scope="module")
def seed():
    return corpus.load_corpus(ROOT / "corpus")[0]


@pytest.fixture(scope="module")
def invented():
    path = FIXTURES / "invented_article.txt"
    return corpus.parse_plain_text(path.read_text(encoding="utf-8"), "invented_article", path.name)


@pytest.fixture(scope="module")
def resources():
    return analysis.load_resources()


@pytest.fixture(scope="module")
def invented_resources():
    return analysis.load_resources(FIXTURES / "actors.yml", ["conflict_diplomacy", "policy_frames"])


def test_table_schemas_match_the_documented_columns():
    schemas = analysis.table_schemas()
    assert list(schemas) == list(analysis.TABLE_NAMES)
    for name, cols in DOCUMENTED_COLUMNS.items():
        assert schemas[name].names == cols, name


@pytest.mark.parametrize(
    ("record_type", "field", "arrow_type"),
    [
        (Statement, "char_start", pa.int64()),
        (Statement, "speaker", pa.string()),
        (SentimentScore, "score", pa.float64()),
        (Mention, "in_quote", pa.bool_()),
        (Sentence, "index", pa.int64()),
        (FrameLabel, "cue", pa.string()),
    ],
)
def test_record_schema_types(record_type, field, arrow_type):
    assert analysis.record_schema(record_type).field(field).type == arrow_type


def test_records_table_from_dicts_and_dataclasses():
    schema = pa.schema([("a", pa.string()), ("n", pa.int64())])
    t = analysis.records_table([{"a": "x", "n": 1}, {"a": ["y"], "n": 2}], schema)
    assert t.column("a").to_pylist() == ["x", '["y"]']  # structured values become JSON
    assert analysis.records_table([], schema).num_rows == 0


def test_resources_pickle_and_give_the_same_result(seed, resources):
    again = pickle.loads(pickle.dumps(resources))
    assert again.spec == resources.spec
    assert analysis.analyze_article(seed, again) == analysis.analyze_article(seed, resources)


def test_load_resources_rejects_no_codebook():
    with pytest.raises(ValueError, match="codebook"):
        analysis.load_resources(codebooks=[])


def test_analyze_seed(seed, resources):
    result = analysis.analyze_article(seed, resources)
    assert result.article_id == seed.article_id
    assert result.sentences == tuple(segment.segment_article(seed))
    # every sentence is covered by a statement, and statements slice the text
    assert result.statements
    for st in result.statements:
        assert st.article_id == seed.article_id
        assert seed.text[st.char_start : st.char_end] == st.text
    speakers = {st.speaker for st in result.statements}
    assert {"macron", "putin"} <= speakers
    ids = {st.statement_id for st in result.statements}
    assert {s.statement_id for s in result.sentiment} == ids
    methods = {s.method for s in result.sentiment}
    assert len(result.sentiment) == len(ids) * len(methods)
    for label in result.frames:
        assert seed.text[label.char_start : label.char_end] == label.cue
        assert label.statement_id in ids
    for m in result.mentions:
        assert seed.text[m.start : m.end] == m.text
    assert {t.actor for t in result.tone} <= {m.actor for m in result.mentions}


def test_analyze_is_pure(seed, resources):
    assert analysis.analyze_article(seed, resources) == analysis.analyze_article(seed, resources)


def test_invented_article_with_its_own_actors(invented, invented_resources):
    result = analysis.analyze_article(invented, invented_resources)
    by_speaker = {}
    for st in result.statements:
        by_speaker.setdefault(st.speaker, []).append(st)
    assert {"lindgren", "okafor"} <= set(by_speaker)
    assert "macron" not in by_speaker and "putin" not in by_speaker
    assert {m.actor for m in result.mentions} == {"lindgren", "okafor"}
    # both codebooks label statements, in the order given
    books = [label.codebook for label in result.frames]
    assert {"conflict_diplomacy", "policy_frames"} <= set(books)
    assert books == sorted(books, key=["conflict_diplomacy", "policy_frames"].index)
    # the narration sentence is a statement without speaker
    narration = [st for st in result.statements if st.quote_type == "narration"]
    assert any("spoken four times" in st.text for st in narration)


def test_analysis_tables_hold_every_record(seed, invented, resources):
    results = [analysis.analyze_article(a, resources) for a in (seed, invented)]
    tables = analysis.analysis_tables(results)
    for name in analysis.TABLE_NAMES:
        expected = sum(len(getattr(r, name)) for r in results)
        assert tables[name].num_rows == expected, name
        assert tables[name].schema.names == analysis.table_schemas()[name].names
    first = tables["statements"].column("article_id").to_pylist()
    assert first == sorted(first, key=[seed.article_id, invented.article_id].index)


def test_analysis_is_a_frozen_dataclass(seed, resources):
    result = analysis.analyze_article(seed, resources)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.article_id = "other"  # type: ignore[misc]

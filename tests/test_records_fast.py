"""Tests of mediaframes.records: the fast record builder used by the per-article stages."""

from __future__ import annotations

import pickle
from dataclasses import asdict, dataclass, fields

import pytest

from mediaframes.records import (
    Mention,
    SentimentScore,
    Span,
    Statement,
    fast_record,
    fast_records,
    plain_fields,
)


def test_fast_record_equals_the_constructor() -> None:
    values = {f.name: (7 if f.type in ("int", int) else f"v_{f.name}") for f in fields(Statement)}
    fast = fast_record(Statement, dict(values))
    assert type(fast) is Statement and fast == Statement(**values)
    assert list(vars(fast)) == list(vars(Statement(**values)))
    reordered = dict(reversed(list(values.items())))  # other order: the constructor runs
    assert fast_record(Statement, reordered) == Statement(**values)
    m = dict(article_id="a", actor="x", kind="name", start=0, end=1, text="X")
    m |= dict(sentence=0, in_quote=False)
    assert fast_record(Mention, m) == Mention(**m)
    with pytest.raises(TypeError):
        fast_record(Mention, {**m, "extra": 1})


@dataclass(frozen=True)
class Checked:
    """A record whose ``__post_init__`` validates: the fast builders must call it."""

    a: int

    def __post_init__(self) -> None:
        if self.a < 0:
            raise ValueError("negative")


def test_fast_record_leaves_classes_with_init_logic_alone() -> None:
    assert plain_fields(Checked) == ()
    with pytest.raises(ValueError, match="negative"):
        fast_record(Checked, {"a": -1})


@pytest.mark.parametrize(
    ("cls", "values"),
    [
        (Span, {"start": 3, "end": 5, "text": "ab"}),
        (
            SentimentScore,
            {
                "statement_id": "a:1",
                "method": "vader",
                "score": -0.0,
                "label": "neutral",
                "text_scored": "x",
            },
        ),
    ],
)
def test_fast_record_is_the_same_object_as_the_constructors(cls, values) -> None:
    fast, slow = fast_record(cls, values), cls(**values)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert asdict(fast) == asdict(slow) and pickle.loads(pickle.dumps(fast)) == slow
    with pytest.raises(AttributeError):
        fast.start = 1  # still frozen


def _generated_sentiment_rows(n: int, seed: int) -> list[dict]:
    """GENERATED rows of SentimentScore fields (random.Random with a fixed seed)."""
    import random

    rng = random.Random(seed)
    return [
        {
            "statement_id": f"a:{i}",
            "method": rng.choice(["vader", "afinn", "labmt"]),
            "score": rng.choice([0.0, -0.0, 0.5, -1.0, rng.random()]),
            "label": rng.choice(["negative", "neutral", "positive"]),
            "text_scored": rng.choice(["", "x", "It is good.", "ünï ’"]),
        }
        for i in range(n)
    ]


def test_fast_records_equal_the_constructors_on_generated_rows() -> None:
    rows = _generated_sentiment_rows(2000, seed=11)
    copies = [dict(r) for r in rows]
    fast = fast_records(SentimentScore, rows)
    slow = [SentimentScore(**row) for row in rows]
    assert len(fast) == len(slow) == 2000
    for a, b in zip(fast, slow, strict=True):
        assert type(a) is SentimentScore and a == b and hash(a) == hash(b)
        assert repr(a) == repr(b) and asdict(a) == asdict(b)
        assert list(vars(a).items()) == list(vars(b).items())  # same keys, same order
        assert vars(a) is not rows[0]
    assert pickle.dumps(fast) == pickle.dumps(slow)
    assert rows == copies and fast_records(SentimentScore, []) == []  # rows only read
    with pytest.raises(AttributeError):
        fast[0].score = 1.0  # still frozen


def test_fast_records_fall_back_to_the_constructor() -> None:
    row = {"start": 0, "end": 2, "text": "ab"}
    # a row out of field order: the constructor runs, the records are equal
    out = fast_records(Span, [row, dict(reversed(list(row.items())))])
    assert out == [Span(0, 2, "ab")] * 2
    with pytest.raises(TypeError):  # a key that is not a field
        fast_records(Span, [row, {**row, "txt": "y"}])
    with pytest.raises(TypeError):  # a missing field
        fast_records(Span, [{"start": 0, "end": 2}])

    assert fast_records(Checked, [{"a": 1}, {"a": 2}]) == [Checked(1), Checked(2)]
    with pytest.raises(ValueError, match="negative"):
        fast_records(Checked, [{"a": 1}, {"a": -1}])

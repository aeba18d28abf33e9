"""Tests of mediaframes.records: the fast record builder used by the per-article stages."""

from __future__ import annotations

import pickle
from dataclasses import asdict, dataclass, fields

import pytest

from mediaframes.records import Mention, SentimentScore, Span, Statement, fast_record, plain_fields


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


def test_fast_record_leaves_classes_with_init_logic_alone() -> None:
    @dataclass(frozen=True)
    class Checked:
        a: int

        def __post_init__(self) -> None:
            if self.a < 0:
                raise ValueError("negative")

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

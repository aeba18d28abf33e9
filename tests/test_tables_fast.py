"""Fast table building and CSV writing match the straightforward pandas / dict versions.

Values below are INVENTED test data (awkward strings and numbers), not taken from any article.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass

import pyarrow as pa
import pytest

from mediaframes import analysis, scale
from mediaframes.records import SentimentScore, Statement, fast_record

AWKWARD_STRINGS = [
    "",
    "plain",
    "a,b",
    'say "hi"',
    '"',
    ",",
    "line\nbreak",
    "cr\rhere",
    "crlf\r\nend",
    " lead and trail ",
    "Émigré — «цитата» 中文 😀",
    "tab\there",
    "semi;colon",
    "'single'",
    "\\backslash\\",
    None,
]
AWKWARD_FLOATS = [
    0.0,
    -0.0,
    1e-7,
    1e16,
    1e15,
    -1e-5,
    0.0001,
    1 / 3,
    0.1,
    123456789.125,
    1.7976931348623157e308,
    5e-324,
    math.inf,
    -math.inf,
    math.nan,
    None,
]
AWKWARD_INTS = [0, -1, 1, 2**62, -(2**63), 2**63 - 1, 42]
BOOLS = [True, False, None]


def _pandas_csv(name: str, table: pa.Table) -> str:
    buf = io.StringIO()
    scale._csv_frame(name, table).to_csv(buf, index=False, header=False, lineterminator="\n")
    return buf.getvalue()


def _fast_csv(name: str, table: pa.Table) -> str:
    buf = io.StringIO()
    scale._write_csv_rows(buf, name, table)
    return buf.getvalue()


def _random_table(seed: int, n: int, null_ints: bool = False) -> pa.Table:
    rng = random.Random(seed)
    ints = [rng.choice(AWKWARD_INTS) for _ in range(n)]
    if null_ints and n:
        ints[0] = None
    return pa.table(
        {
            "s": pa.array([rng.choice(AWKWARD_STRINGS) for _ in range(n)], pa.string()),
            "f": pa.array([rng.choice(AWKWARD_FLOATS) for _ in range(n)], pa.float64()),
            "r": pa.array([rng.uniform(-1, 1) for _ in range(n)], pa.float64()),
            "i": pa.array(ints, pa.int64()),
            "b": pa.array([rng.choice(BOOLS) for _ in range(n)], pa.bool_()),
            "b2": pa.array([rng.random() < 0.5 for _ in range(n)], pa.bool_()),
            "t": pa.array([rng.choice(AWKWARD_STRINGS[:-1]) for _ in range(n)], pa.string()),
        }
    )


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("n", [0, 1, 7, 300])
def test_csv_rows_match_pandas(seed: int, n: int) -> None:
    table = _random_table(seed, n)
    assert _fast_csv("statements", table) == _pandas_csv("statements", table)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("s", ""),
        ("s", None),
        ("s", 'a "quoted", line\nbreak'),
        ("f", math.nan),
        ("f", -0.0),
        ("f", 1e16),
        ("b", None),
        ("b", False),
    ],
)
def test_single_column_rows_match_pandas(name: str, value: object) -> None:
    types = {"s": pa.string(), "f": pa.float64(), "b": pa.bool_()}
    table = pa.table({name: pa.array([value, value], types[name])})
    assert _fast_csv("x", table) == _pandas_csv("x", table)


def test_articles_date_inferred_and_int_nulls_match_pandas() -> None:
    schema = scale.articles_schema()
    rng = random.Random(3)
    cols = {}
    for f in schema:
        if f.type == pa.bool_():
            cols[f.name] = pa.array([rng.choice(BOOLS) for _ in range(40)], f.type)
        elif f.type == pa.int64():
            cols[f.name] = pa.array([rng.randrange(0, 10**6) for _ in range(40)], f.type)
        else:
            cols[f.name] = pa.array([rng.choice(AWKWARD_STRINGS) for _ in range(40)], f.type)
    table = pa.table(cols, schema=schema)
    fast = _fast_csv("articles", table)
    assert fast == _pandas_csv("articles", table)
    assert "true" in fast and "false" in fast and "True" not in fast
    # an int column with nulls becomes floats in pandas: the fallback keeps that
    with_nulls = _random_table(1, 20, null_ints=True)
    assert _fast_csv("t", with_nulls) == _pandas_csv("t", with_nulls)


def test_other_types_fall_back_to_pandas() -> None:
    table = pa.table({"x": pa.array([1.5, None], pa.float32()), "y": pa.array([1, 2], pa.int32())})
    assert _fast_csv("t", table) == _pandas_csv("t", table)


def test_write_parts_csv_is_the_pandas_text(tmp_path) -> None:
    table = _random_table(9, 50)
    rows = scale.write_parts(tmp_path, 3, {"t": table}, {"t": table.schema})
    assert rows == {"t": 50}
    with scale.ChunkParts(scale.chunk_path(tmp_path, 3)) as parts:
        text = bytes(parts.csv("t")).decode("utf-8")
    assert text == _pandas_csv("t", table)


def _plain_records_table(records, schema: pa.Schema) -> pa.Table:
    """The straightforward version: one ``get`` per record and field."""
    rows = [r if isinstance(r, dict) else vars(r) for r in records]
    columns = {}
    for f in schema:
        values = [r.get(f.name) for r in rows]
        try:
            columns[f.name] = pa.array(values, type=f.type)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            columns[f.name] = pa.array([analysis._cell(v, f.type) for v in values], f.type)
    return pa.table(columns, schema=schema)


def _statement(i: int, text: str) -> Statement:
    values = dict.fromkeys(analysis.record_schema(Statement).names, "")
    values.update(
        statement_id=f"a:{i}", text=text, char_start=i, char_end=i + len(text), quote_start=-1
    )
    values["quote_end"] = -1
    return fast_record(Statement, values)


@dataclass(frozen=True)
class _Structured:
    statement_id: str
    score: float
    extra: object


@pytest.mark.parametrize(
    ("records", "schema"),
    [
        ([], analysis.record_schema(Statement)),
        ([_statement(i, s or "") for i, s in enumerate(AWKWARD_STRINGS)], None),
        (
            [SentimentScore(f"a:{i}", "vader", v, "neutral", "t") for i, v in enumerate([0.5])],
            None,
        ),
        ([{"statement_id": "a", "score": 1.0}, {"statement_id": "b"}], "sparse"),
        ([_Structured("a", 0.5, {"k": [1, 2]}), _Structured("b", None, ("x",))], "structured"),
        ([{"statement_id": "only"}], "one"),
    ],
)
def test_records_table_matches_plain_version(records, schema) -> None:
    if schema is None:
        schema = analysis.record_schema(type(records[0]))
    elif schema == "sparse":
        schema = pa.schema([("statement_id", pa.string()), ("score", pa.float64())])
    elif schema == "structured":
        schema = pa.schema(
            [("statement_id", pa.string()), ("score", pa.float64()), ("extra", pa.string())]
        )
    elif schema == "one":
        schema = pa.schema([("statement_id", pa.string())])
    fast = analysis.records_table(records, schema)
    plain = _plain_records_table(records, schema)
    assert fast.schema == plain.schema == schema
    assert fast.equals(plain)
    assert fast.num_rows == len(records)


def _random_text(rng: random.Random) -> str:
    alphabet = [chr(c) for c in range(0, 128)] + list("éß—«»цй中😀\u2028\u00a0")
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12)))


@pytest.mark.parametrize("seed", range(4))
def test_multi_chunk_random_text_matches_pandas(seed: int) -> None:
    rng = random.Random(seed)
    parts = []
    for size in (5, 0, 40, 13):
        parts.append(
            pa.table(
                {
                    "a": pa.array([_random_text(rng) for _ in range(size)], pa.string()),
                    "b": pa.array(
                        [rng.choice([None, _random_text(rng)]) for _ in range(size)], pa.string()
                    ),
                    "n": pa.array([rng.randrange(-5, 5) for _ in range(size)], pa.int64()),
                }
            )
        )
    table = pa.concat_tables(parts)
    assert table.column("a").num_chunks > 1
    assert _fast_csv("t", table) == _pandas_csv("t", table)

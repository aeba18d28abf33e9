"""Corpus-level aggregates in bounded memory (mediaframes.aggregates) and their helpers.

The corpus analysed here is SYNTHETIC (the bench generator's invented articles).
"""

from __future__ import annotations

import io
import json
import random
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from mediaframes import aggregates, bench, compare, config, corpus, framing, scale, sentiment

NAMES = [
    "sentiment_by_actor.csv",
    "sentiment_method_agreement.csv",
    "actor_sentiment_differences.csv",
    "frames_by_actor.csv",
    "actor_frame_differences.csv",
    "tone_by_actor.csv",
    "aggregates.json",
]


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = bench.write_corpus(tmp_path_factory.mktemp("corpus"), 24, seed=5)
    out = tmp_path_factory.mktemp("out")
    scale.analyze_corpus(root, out, actors=root / "actors.yml", chunk_size=5, aggregates=False)
    return out


def _plain(out: Path) -> dict[str, pd.DataFrame]:
    """The aggregates by the pandas functions on whole, plain tables."""
    st = pd.read_parquet(out / "statements.parquet")
    se = pd.read_parquet(out / "sentiment.parquet")
    fr = pd.read_parquet(out / "frames.parquet")
    tone = pd.read_parquet(out / "tone.parquet")
    return {
        "sentiment_by_actor.csv": sentiment.aggregate_by_actor(st, se, seed=0),
        "sentiment_method_agreement.csv": sentiment.method_agreement(se),
        "actor_sentiment_differences.csv": compare.actor_sentiment_differences(st, se),
        "frames_by_actor.csv": framing.frames_by_actor(st, fr),
        "actor_frame_differences.csv": compare.actor_frame_differences(st, fr),
        "tone_by_actor.csv": sentiment.aggregate_tone(tone, seed=0),
    }


def _check_same(out: Path, tmp: Path) -> None:
    assert json.loads((out / "aggregates.json").read_text()) == aggregates.bootstrap_settings(
        0, config.BOOTSTRAP_N
    )
    for name, df in _plain(out).items():
        assert len(df), name
        df.to_csv(tmp / name, index=False, lineterminator="\n")
        assert (tmp / name).read_bytes() == (out / name).read_bytes(), name


@pytest.mark.parametrize(("batch", "spool"), [(aggregates.BATCH_ROWS, 1 << 22), (7, 64)])
def test_streamed_aggregates_equal_the_pandas_functions(
    analysed, tmp_path, monkeypatch, batch, spool
):
    monkeypatch.setattr(aggregates, "BATCH_ROWS", batch)
    monkeypatch.setattr(aggregates, "SPOOL_BYTES", spool)
    out = tmp_path / "out"
    shutil.copytree(analysed, out)
    assert aggregates.write_aggregates(out) == NAMES
    assert not list(out.glob(".aggregates-*"))  # temporary files removed
    _check_same(out, tmp_path)


def test_seed_and_resamples_reach_both_interval_tables(analysed, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(analysed, out)
    aggregates.write_aggregates(out, seed=4, n_boot=120)
    tone = pd.read_parquet(out / "tone.parquet")
    st = pd.read_parquet(out / "statements.parquet")
    se = pd.read_parquet(out / "sentiment.parquet")
    expected = {
        "sentiment_by_actor.csv": sentiment.aggregate_by_actor(st, se, seed=4, n_boot=120),
        "tone_by_actor.csv": sentiment.aggregate_tone(tone, seed=4, n_boot=120),
        "actor_sentiment_differences.csv": compare.actor_sentiment_differences(
            st, se, seed=4, n_boot=120
        ),
    }
    for name, df in expected.items():
        df.to_csv(tmp_path / name, index=False, lineterminator="\n")
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name
    settings = json.loads((out / "aggregates.json").read_text())
    assert (settings["seed"], settings["bootstrap_n"]) == (4, 120)


def test_tables_in_another_order_use_the_hash_join(analysed, tmp_path, monkeypatch):
    monkeypatch.setattr(aggregates, "BATCH_ROWS", 11)
    out = tmp_path / "out"
    shutil.copytree(analysed, out)
    rng = random.Random(3)
    for name in ("sentiment", "frames", "tone"):
        table = pq.read_table(out / f"{name}.parquet")
        order = list(range(table.num_rows))
        rng.shuffle(order)
        pq.write_table(table.take(order), out / f"{name}.parquet")
    aggregates.write_aggregates(out)
    _check_same(out, tmp_path)


def test_scale_write_aggregates_uses_the_streamed_path(analysed, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(analysed, out)
    assert scale.write_aggregates(out) == NAMES
    _check_same(out, tmp_path)


def _statements_file(tmp_path: Path, ids: list[str]) -> Path:
    path = tmp_path / "statements.parquet"
    pq.write_table(pa.table({"statement_id": ids}), path, row_group_size=3)
    return path


def test_statement_rows_walk_in_order_across_batches(tmp_path, monkeypatch):
    monkeypatch.setattr(aggregates, "BATCH_ROWS", 3)
    ids = [f"a:{i:03d}" for i in range(10)]
    rows = aggregates.StatementRows(_statements_file(tmp_path, ids), "t")
    assert rows.rows(pa.array(["a:000", "a:000", "a:002"])).tolist() == [0, 0, 2]
    assert rows.rows(pa.array(["a:002", "a:007", "a:007"])).tolist() == [2, 7, 7]
    assert rows.rows(pa.array(["a:009"])).tolist() == [9]
    assert rows.ordered


def test_statement_rows_fall_back_and_name_missing_ids(tmp_path, monkeypatch):
    monkeypatch.setattr(aggregates, "BATCH_ROWS", 3)
    ids = [f"a:{i:03d}" for i in range(10)]
    rows = aggregates.StatementRows(_statements_file(tmp_path, ids), "sentiment.parquet")
    assert rows.rows(pa.array(["a:005", "a:001"])).tolist() == [5, 1]
    assert not rows.ordered
    with pytest.raises(ValueError, match=r"1 row\(s\) of sentiment.parquet .* 'zz'"):
        rows.rows(pa.array(["a:001", "zz"]))


def test_unknown_statement_is_an_error(analysed, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(analysed, out)
    table = pq.read_table(out / "frames.parquet")
    ids = table.column("statement_id").to_pylist()
    ids[-1] = "nowhere:1"
    pq.write_table(table.set_column(0, "statement_id", pa.array(ids)), out / "frames.parquet")
    with pytest.raises(ValueError, match="frames.parquet name statements missing"):
        aggregates.write_aggregates(out)


def test_repeated_sentiment_rows_are_an_error(tmp_path):
    pq.write_table(
        pa.table(
            {"statement_id": ["a", "b"], "speaker": ["x", "y"], "speaker_type": ["actor"] * 2}
        ),
        tmp_path / "statements.parquet",
    )
    pq.write_table(
        pa.table(
            {
                "statement_id": ["a", "b", "a"],
                "method": ["vader"] * 3,
                "score": [0.1, 0.2, 0.3],
                "label": ["positive"] * 3,
            }
        ),
        tmp_path / "sentiment.parquet",
    )
    with pytest.raises(ValueError, match="repeated"):
        aggregates.write_aggregates(tmp_path)


def test_group_stats_equal_the_grouped_frame():
    rng = np.random.default_rng(0)
    df = pd.DataFrame({"g": rng.integers(0, 5, 3000), "score": np.round(rng.normal(size=3000), 4)})
    df.loc[::97, "score"] = np.nan
    expected = df.groupby("g")["score"].agg(["count", "mean"])
    for g, sub in df.groupby("g"):
        count, mean = aggregates.group_stats(sub["score"].to_numpy())
        assert count == expected.loc[g, "count"]
        assert mean == expected.loc[g, "mean"]  # bit for bit


def test_spearman_lowmem_is_bit_identical_to_scipy():
    rng = np.random.default_rng(1)
    for t in range(60):
        n = int(rng.integers(3, 3000))
        x = np.round(rng.normal(size=n), int(rng.integers(0, 3)))
        y = np.round(x * rng.normal() + rng.normal(size=n), int(rng.integers(0, 3)))
        if t % 3 == 0:
            x = rng.integers(0, 4, n).astype(float)
        a, b = sentiment.spearman(x, y), sentiment.spearman_lowmem(x, y)
        assert a == b or (np.isnan(a) and np.isnan(b))


def test_average_ranks_match_scipy():
    from scipy import stats

    x = np.array([3.0, -0.0, 0.0, 1.5, 3.0, 3.0, -2.0])
    assert sentiment.average_ranks(x).tolist() == stats.rankdata(x).tolist()


def test_kappa_from_counts_equals_cohen_kappa():
    rng = np.random.default_rng(2)
    labels = np.array(["negative", "neutral", "positive"])
    for _ in range(30):
        a = labels[rng.integers(0, 3, 200)].tolist()
        b = [x if rng.random() < 0.6 else str(labels[rng.integers(0, 3)]) for x in a]
        n_equal = sum(x == y for x, y in zip(a, b, strict=True))
        counts_a = {c: a.count(c) for c in set(a)}
        counts_b = {c: b.count(c) for c in set(b)}
        assert sentiment.kappa_from_counts(200, n_equal, counts_a, counts_b) == (
            sentiment.cohen_kappa(a, b)
        )


def test_spool_reads_back_in_order(tmp_path):
    spool = aggregates.Spool(tmp_path, limit=16)
    for i in range(10):
        spool.add(("k", i % 3), np.array([float(i)]))
    assert spool.read(("k", 1)).tolist() == [1.0, 4.0, 7.0]
    assert spool.keys() == [("k", 0), ("k", 1), ("k", 2)]


# --- compact corpus structures -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["a,b\r\nc,d\re,f\ng", "x\n\n\ny\r\n", "", '"multi\nline",1\r\n2,"a\rb"\n', "end\r"],
)
def test_csv_lines_split_as_stringio(text):
    assert list(corpus._csv_lines(text)) == list(io.StringIO(text, newline=""))


def test_metadata_rows_share_values_and_mark_use():
    rows = corpus.MetadataRows()
    for i in range(5):
        rows.add(f"id{i}", ("outlet", "url"), ["Wire", f"https://x/{i}"])
    assert rows["id3"] == {"outlet": "Wire", "url": "https://x/3"}
    assert rows["id1"]["outlet"] is rows["id4"]["outlet"]
    assert len(rows) == 5 and "id9" not in rows
    rows.mark("id1")
    rows.mark("id3")
    assert rows.unused() == ["id0", "id2", "id4"]


def test_load_metadata_rows_as_before(tmp_path):
    p = tmp_path / "metadata.csv"
    p.write_text(
        "article_id,outlet,date,extra\r\na,Wire,2022-02-10,x\r\nb,,2022-13-01,\r\na,Dup,,\r\n",
        encoding="utf-8",
    )
    rows, problems, notes = corpus.load_metadata(p)
    assert list(rows) == ["a", "b"]
    assert rows["a"]["outlet"] == "Wire" and rows["a"]["extra"] == "x"
    assert rows["b"]["date"] is None and problems["b"]
    assert any("duplicate article_id 'a'" in n for n in notes)


def test_digest_set_across_runs():
    s = corpus._DigestSet()
    n = 3 * corpus._DigestSet.BUFFER + 17
    for i in range(n):
        s.add(f"item-{i}", i)
    assert all(s.get(f"item-{i}") == i for i in range(0, n, 97))
    assert "item-x" not in s and f"item-{n - 1}" in s


def test_string_store_across_blocks():
    store = corpus._StringStore()
    values = [f"raw/file-{i}.jsonl#{i % 7}" for i in range(2500)] + ["émoji ✓"]
    idx = [store.append(v) for v in values]
    assert [store[i] for i in idx] == values


def test_walk_names_match_walk(tmp_path):
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden", "a b.txt"):
        (raw / name).write_text("x", encoding="utf-8")
    files, _ = corpus._walk(raw, None, tmp_path)
    names, _ = corpus._walk_names(raw, None, tmp_path)
    assert [raw / n for n in corpus._split_names(names)] == files
    assert [f.relative_to(raw).as_posix() for f in files] == [
        "a b.txt",
        "a.txt",
        "b.txt",
        "sub/c.txt",
    ]


def test_duplicates_and_id_collisions_still_found(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    text = "Headline\n\nINVENTED body paragraph with several words in it for the test.\n"
    (raw / "a.txt").write_text(text, encoding="utf-8")
    (raw / "b.txt").write_text(text, encoding="utf-8")
    (raw / "A!.txt").write_text(text.replace("body", "other body"), encoding="utf-8")
    (raw / "a_.txt").write_text(text.replace("body", "third body"), encoding="utf-8")
    items = list(corpus.iter_scan(tmp_path))
    dup = [r for r in items if isinstance(r, corpus.Rejection)]
    assert [(r.source_path, r.reason, r.detail) for r in dup] == [
        ("raw/b.txt", "duplicate", "same content as raw/a.txt")
    ]
    ids = sorted(a.article_id for a in items if not isinstance(a, corpus.Rejection))
    assert len(ids) == len(set(i.casefold() for i in ids)) == 3


def test_part_writer_gathers_chunks_into_row_groups(tmp_path, monkeypatch):
    monkeypatch.setattr(scale, "ROW_GROUP_BYTES", 100)
    schema = pa.schema([("x", pa.int64()), ("s", pa.string())])
    writer = scale.PartWriter(tmp_path, {"t": schema})
    chunks = [pa.table({"x": [i, i + 1], "s": ["a", "b"]}, schema=schema) for i in range(0, 20, 2)]
    for i, chunk in enumerate(chunks):
        writer.write(i, {"t": chunk})
    assert writer.combine() == {"t": 20}
    pf = pq.ParquetFile(tmp_path / "t.parquet")
    assert 1 < pf.metadata.num_row_groups < len(chunks)
    assert pf.read().column("x").to_pylist() == list(range(20))
    assert (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()[1:3] == ["0,a", "1,b"]

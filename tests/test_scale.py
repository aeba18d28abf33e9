"""Streaming analysis (mediaframes.scale) and the benchmark helpers (mediaframes.bench).

The corpora built here hold the project's seed article plus an INVENTED article written for
these tests (see ``tests/fixtures/invented/analysis/``), or SYNTHETIC articles from the bench
generator.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import socket
import time
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from mediaframes import analysis, bench, compare, config, paths, scale
from mediaframes.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "raw" / "000_413afbb7d4f14754.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "invented" / "analysis"

CONTRACT_COLUMNS = {
    "statements": [
        "article_id",
        "statement_id",
        "speaker",
        "source",
        "addressee",
        "quote_type",
        "reporting_verb",
        "text",
        "quote_text",
        "char_start",
        "char_end",
        "rule",
    ],
    "sentiment": ["statement_id", "method", "score", "label", "text_scored"],
    "frames": ["statement_id", "codebook", "frame", "cue", "char_start", "char_end", "rule"],
    "sentiment_by_actor": ["speaker", "method", "n", "mean", "median", "ci_low", "ci_high"],
    "frames_by_actor": ["speaker", "codebook", "frame", "n_statements", "share"],
    "articles": ["article_id", "headline", "body", "source_path"],
    "quarantine": ["source_path", "reason"],
    "mentions": ["article_id", "actor", "kind", "start", "end", "text", "sentence", "in_quote"],
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seed + invented articles + SYNTHETIC articles + one empty file (quarantined)."""
    root = tmp_path_factory.mktemp("corpus")
    raw = root / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    shutil.copy(FIXTURES / "invented_article.txt", raw / "invented_article.txt")
    gen = bench.SyntheticCorpus(seed=3)
    for i, text in enumerate(gen.texts(5)):
        (raw / f"{bench.article_id(i)}.txt").write_text(text, encoding="utf-8")
    (raw / "zz_empty.txt").write_text("", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def actors_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Default actors + the invented ones of the fixture + the synthetic ones, in one file."""
    import yaml

    default = yaml.safe_load(paths.resource("actors.yml").read_text(encoding="utf-8"))
    invented = yaml.safe_load((FIXTURES / "actors.yml").read_text(encoding="utf-8"))
    synthetic = yaml.safe_load(bench.actors_yaml())
    merged = {"actors": {**default["actors"], **invented["actors"], **synthetic["actors"]}}
    out = tmp_path_factory.mktemp("actors") / "actors.yml"
    out.write_text(yaml.safe_dump(merged, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def serial_out(small_corpus: Path, actors_file: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("serial")
    summary = scale.analyze_corpus(small_corpus, out, actors=actors_file, chunk_size=3)
    assert summary.mode == "serial"
    assert summary.n_articles == 7
    return out


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {
        name: pd.read_csv(out / f"{name}.csv", keep_default_na=False)
        for name in (*analysis.TABLE_NAMES, "sentiment_by_actor", "frames_by_actor")
    }


# --- streaming helpers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "size", "expected"),
    [(0, 3, []), (5, 2, [2, 2, 1]), (4, 4, [4]), (3, 10, [3])],
)
def test_chunked(n, size, expected):
    assert [len(c) for c in scale.chunked(range(n), size)] == expected
    assert [x for c in scale.chunked(range(n), size) for x in c] == list(range(n))


def test_chunked_rejects_zero():
    with pytest.raises(ValueError, match="chunk size"):
        list(scale.chunked([1], 0))


def test_part_writer_combines_in_chunk_order(tmp_path):
    schema = pa.schema([("statement_id", pa.string()), ("score", pa.float64())])
    writer = scale.PartWriter(tmp_path, {"t": schema})
    writer.write(2, {"t": pa.table({"statement_id": ["c"], "score": [3.0]}, schema=schema)})
    writer.write(0, {"t": pa.table({"statement_id": ["a"], "score": [1.0]}, schema=schema)})
    writer.write(1, {"t": schema.empty_table()})
    assert writer.combine() == {"t": 2}
    assert pd.read_csv(tmp_path / "t.csv")["statement_id"].tolist() == ["a", "c"]
    assert pd.read_parquet(tmp_path / "t.parquet")["score"].tolist() == [1.0, 3.0]
    assert not (tmp_path / scale.PARTS_DIR).exists()


def test_part_writer_refuses_gaps_and_repeats(tmp_path):
    schema = pa.schema([("x", pa.string())])
    writer = scale.PartWriter(tmp_path, {"t": schema})
    writer.write(0, {"t": schema.empty_table()})
    with pytest.raises(ValueError, match="written twice"):
        writer.write(0, {"t": schema.empty_table()})
    writer.write(2, {"t": pa.table({"x": ["late"]}, schema=schema)})
    with pytest.raises(scale.ScaleError, match="chunk 1 never arrived"):
        writer.combine()
    assert not (tmp_path / "t.csv").exists() and not list(tmp_path.glob("*.tmp"))


def test_worker_written_parts_give_the_same_bytes(tmp_path):
    schema = pa.schema([("statement_id", pa.string()), ("score", pa.float64())])
    chunks = {
        0: {"t": pa.table({"statement_id": ["a", 'b,"q"'], "score": [1.0, None]}, schema=schema)},
        1: {"t": schema.empty_table()},
        2: {"t": pa.table({"statement_id": ["c"], "score": [3.5]}, schema=schema)},
    }
    (tmp_path / "direct").mkdir()
    direct = scale.PartWriter(tmp_path / "direct", {"t": schema})
    for index, tables in chunks.items():
        direct.write(index, tables)
    (tmp_path / "parts").mkdir()
    adopted = scale.PartWriter(tmp_path / "parts", {"t": schema})
    rows = {i: scale.write_parts(adopted.parts, i, t, {"t": schema}) for i, t in chunks.items()}
    assert rows == {0: {"t": 2}, 1: {"t": 0}, 2: {"t": 1}}
    for index in (2, 0, 1):  # arrival order on Dask is arbitrary
        adopted.adopt(index)
    with pytest.raises(ValueError, match="written twice"):
        adopted.adopt(1)
    assert direct.combine() == adopted.combine() == {"t": 3}
    for ext in ("csv", "parquet"):
        assert (tmp_path / "direct" / f"t.{ext}").read_bytes() == (
            tmp_path / "parts" / f"t.{ext}"
        ).read_bytes()
    assert not (tmp_path / "parts" / scale.PARTS_DIR).exists()


def test_adopted_parts_refuse_gaps(tmp_path):
    schema = pa.schema([("x", pa.string())])
    writer = scale.PartWriter(tmp_path, {"t": schema})
    scale.write_parts(
        writer.parts, 1, {"t": pa.table({"x": ["late"]}, schema=schema)}, {"t": schema}
    )
    writer.adopt(1)
    with pytest.raises(scale.ScaleError, match="chunk 0 never arrived"):
        writer.combine()
    assert not list(tmp_path.glob("*.tmp"))


def _chunk_tables() -> tuple[dict[str, pa.Table], dict[str, pa.Schema]]:
    schemas = {
        "s": pa.schema([("statement_id", pa.string()), ("score", pa.float64())]),
        "e": pa.schema([("x", pa.string())]),
        "n": pa.schema([("article_id", pa.string()), ("n", pa.int64()), ("ok", pa.bool_())]),
    }
    tables = {
        "s": pa.table(
            {"statement_id": ["a", 'b,"q"', "ç\nd", None], "score": [1.0, None, -0.25, 1e-7]},
            schema=schemas["s"],
        ),
        "e": schemas["e"].empty_table(),
        "n": pa.table({"article_id": ["z"], "n": [3], "ok": [True]}, schema=schemas["n"]),
    }
    return tables, schemas


def test_chunk_file_round_trip(tmp_path):
    tables, schemas = _chunk_tables()
    path = tmp_path / "c.chunk"
    rows = scale.write_chunk(path, tables, schemas, extra=("outcome", 1))
    assert rows == {"s": 4, "e": 0, "n": 1}
    with scale.ChunkParts(path) as parts:
        assert parts.rows == {"s": 4, "n": 1} and parts.extra == ("outcome", 1)
        assert parts.table("e") is None and parts.csv("e") == b""
        for name in ("s", "n"):
            assert parts.table(name).equals(tables[name])
            assert parts.table(name).schema.equals(schemas[name], check_metadata=True)
            text = io.StringIO()
            scale._write_csv_rows(text, name, tables[name])
            assert parts.csv(name) == text.getvalue().encode("utf-8")
    assert os.listdir(tmp_path) == ["c.chunk"]


@pytest.mark.parametrize("cut", [1, 8, 20])
def test_truncated_chunk_file_is_a_clear_error(tmp_path, cut):
    tables, schemas = _chunk_tables()
    path = tmp_path / "c.chunk"
    scale.write_chunk(path, tables, schemas)
    path.write_bytes(path.read_bytes()[:-cut])
    with pytest.raises(scale.ScaleError, match="c.chunk: not a complete chunk file"):
        scale.ChunkParts(path)


def test_failed_chunk_write_leaves_no_file(tmp_path, monkeypatch):
    tables, schemas = _chunk_tables()
    scale.write_parts(tmp_path, 0, tables, schemas)
    before = (tmp_path / "part-00000000.chunk").read_bytes()

    def failing(fh, name, table):  # fails on the second table, after the first is written
        if name == "n":
            raise OSError("disk full")
        real(fh, name, table)

    real = scale._write_csv_rows
    monkeypatch.setattr(scale, "_write_csv_rows", failing)
    with pytest.raises(OSError, match="disk full"):
        scale.write_parts(tmp_path, 0, tables, schemas)  # a worker's retry of chunk 0
    with pytest.raises(OSError, match="disk full"):
        scale.write_parts(tmp_path, 1, tables, schemas)
    # the complete file stays as it was, the failed one never appears, no temporary is left
    assert os.listdir(tmp_path) == ["part-00000000.chunk"]
    assert (tmp_path / "part-00000000.chunk").read_bytes() == before


def test_written_and_adopted_chunks_mix_in_one_writer(tmp_path):
    tables, schemas = _chunk_tables()
    later = {"s": tables["s"].slice(1, 2), "n": tables["n"]}
    (tmp_path / "direct").mkdir()
    direct = scale.PartWriter(tmp_path / "direct", schemas)
    for index in range(4):
        direct.write(index, tables if index % 2 == 0 else later)
    (tmp_path / "mixed").mkdir()
    mixed = scale.PartWriter(tmp_path / "mixed", schemas)
    scale.write_parts(mixed.parts, 1, later, schemas)
    scale.write_parts(mixed.parts, 3, later, schemas, attempt="exact")
    mixed.adopt(1)  # parked: chunk 0 is not in yet
    mixed.write(0, tables)
    mixed.write(2, tables)
    mixed.adopt(3, scale.ChunkParts(scale.chunk_path(mixed.parts, 3, "exact")))
    assert direct.combine() == mixed.combine() == {"s": 12, "e": 0, "n": 4}
    for name in schemas:
        for ext in ("csv", "parquet"):
            assert (tmp_path / "direct" / f"{name}.{ext}").read_bytes() == (
                tmp_path / "mixed" / f"{name}.{ext}"
            ).read_bytes()
    assert not (tmp_path / "mixed" / scale.PARTS_DIR).exists()


def test_recomputed_chunk_writes_its_own_file():
    from mediaframes.worker_io import ChunkTask, Preset, task_chunk_path

    task = ChunkTask(7, "c", "c/raw", ("a.txt",), "p", analysis.ResourceSpec())
    assert task_chunk_path(task) == scale.chunk_path("p", 7)
    exact = replace(task, preset=Preset())
    assert task_chunk_path(exact) == scale.chunk_path("p", 7, "exact") != task_chunk_path(task)


def test_part_writer_empty_table_has_header(tmp_path):
    schema = pa.schema([("x", pa.string())])
    writer = scale.PartWriter(tmp_path, {"t": schema})
    writer.write(0, {"t": schema.empty_table()})
    writer.combine()
    assert (tmp_path / "t.csv").read_text().strip() == "x"


# --- analyze end to end ------------------------------------------------------------------------


def test_analyze_writes_every_contract_table(serial_out):
    for name, cols in CONTRACT_COLUMNS.items():
        df = pd.read_csv(serial_out / f"{name}.csv", keep_default_na=False)
        assert set(cols) <= set(df.columns), (name, list(df.columns))
    for name in analysis.TABLE_NAMES:
        assert (serial_out / f"{name}.parquet").is_file()
    quarantine = pd.read_csv(serial_out / "quarantine.csv")
    assert quarantine["source_path"].str.contains("zz_empty").any()


def test_analyze_tables_are_consistent(serial_out):
    t = _tables(serial_out)
    st = t["statements"]
    assert st["statement_id"].is_unique
    assert sorted(st["article_id"].unique()) == sorted(
        pd.read_csv(serial_out / "articles.csv")["article_id"]
    )
    assert set(t["sentiment"]["statement_id"]) <= set(st["statement_id"])
    assert set(t["frames"]["statement_id"]) <= set(st["statement_id"])
    # every frame cue slices the article text
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (serial_out / "texts").glob("*.txt")}
    for row in t["frames"].itertuples():
        aid = row.statement_id.rsplit(":", 1)[0]
        assert texts[aid][row.char_start : row.char_end] == row.cue
    # the invented actors are found as speakers: nothing is specific to the seed's actors
    speakers = set(st["speaker"])
    assert {"okafor", "lindgren"} & speakers
    assert {a.actor_id for a in bench.ACTORS} & speakers


def test_written_aggregates_equal_the_pandas_functions(serial_out, tmp_path):
    from mediaframes import compare, framing, sentiment

    st = pd.read_parquet(serial_out / "statements.parquet")
    se = pd.read_parquet(serial_out / "sentiment.parquet")
    fr = pd.read_parquet(serial_out / "frames.parquet")
    tone = pd.read_parquet(serial_out / "tone.parquet")
    expected = {
        "sentiment_by_actor.csv": sentiment.aggregate_by_actor(st, se, seed=0),
        "sentiment_method_agreement.csv": sentiment.method_agreement(se),
        "actor_sentiment_differences.csv": compare.actor_sentiment_differences(st, se),
        "frames_by_actor.csv": framing.frames_by_actor(st, fr),
        "actor_frame_differences.csv": compare.actor_frame_differences(st, fr),
        "tone_by_actor.csv": sentiment.aggregate_tone(tone, seed=0),
    }
    for name, df in expected.items():
        assert len(df), name
        df.to_csv(tmp_path / name, index=False, lineterminator="\n")
        assert (tmp_path / name).read_bytes() == (serial_out / name).read_bytes(), name


def _run_intervals(corpus_dir: Path, actors: Path, **bootstrap: int) -> dict[str, bytes]:
    """sentiment_by_actor and tone_by_actor as notebooks 02-03 of `mediaframes run` make them."""
    from mediaframes import attribution, corpus, sentiment, steps

    articles = corpus.load_corpus(corpus_dir)
    found = steps.statement_tables(articles, attribution.load_actors(actors))
    scored = steps.sentiment_tables(articles, found, list(sentiment.METHODS), **bootstrap)
    out = {}
    for name in ("sentiment_by_actor", "tone_by_actor"):
        buf = io.StringIO()
        scored[name].to_csv(buf, index=False, lineterminator="\n")
        out[f"{name}.csv"] = buf.getvalue().encode()
    return out


def test_analyze_and_run_share_one_bootstrap_default(small_corpus, actors_file, serial_out):
    """Review 19, finding 5: analyze drew 2000 resamples, run 1000; same data, other CIs."""
    import json

    for name, data in _run_intervals(small_corpus, actors_file).items():
        assert data == (serial_out / name).read_bytes(), name
    settings = json.loads((serial_out / "aggregates.json").read_text(encoding="utf-8"))
    assert (settings["seed"], settings["bootstrap_n"]) == (0, config.BOOTSTRAP_N)
    assert config.defaults()["bootstrap_n"] == config.BOOTSTRAP_N


def test_analyze_seed_and_resamples_equal_run(small_corpus, actors_file, serial_out, tmp_path):
    import json

    args = ["analyze", str(small_corpus), "--out", str(tmp_path), "--actors", str(actors_file)]
    assert main([*args, "--seed", "5", "--bootstrap-n", "150"]) == 0
    expected = _run_intervals(small_corpus, actors_file, seed=5, n_boot=150)
    for name, data in expected.items():
        assert data == (tmp_path / name).read_bytes(), name
        assert data != (serial_out / name).read_bytes(), f"{name}: the options changed nothing"
    settings = json.loads((tmp_path / "aggregates.json").read_text(encoding="utf-8"))
    assert settings["seed"] == 5 and settings["bootstrap_n"] == 150
    assert settings["tables"] == [
        "sentiment_by_actor.csv",
        "tone_by_actor.csv",
        "actor_sentiment_differences.csv",
    ]
    st = pd.read_parquet(tmp_path / "statements.parquet")
    se = pd.read_parquet(tmp_path / "sentiment.parquet")
    diff = compare.actor_sentiment_differences(st, se, seed=5, n_boot=150)
    diff.to_csv(tmp_path / "expected.csv", index=False, lineterminator="\n")
    written = (tmp_path / "actor_sentiment_differences.csv").read_bytes()
    assert (tmp_path / "expected.csv").read_bytes() == written
    assert written != (serial_out / "actor_sentiment_differences.csv").read_bytes()


@pytest.mark.parametrize(
    ("arg", "fragment"),
    [
        (["--bootstrap-n", "1"], "--bootstrap-n: parameter 'bootstrap_n' must be at least 100"),
        (["--bootstrap-n", "0"], "must be at least 100"),
        (["--seed", "-1"], "--seed: parameter 'seed' must be 0 or greater"),
    ],
)
def test_bad_bootstrap_options_are_usage_errors(small_corpus, tmp_path, arg, fragment, capsys):
    out = tmp_path / "out"
    assert main(["analyze", str(small_corpus), "--out", str(out), *arg]) == 2
    assert fragment in capsys.readouterr().err
    assert not out.exists(), "rejected before anything is written"


def test_articles_table_matches_mediaframes_ingest(small_corpus, serial_out, tmp_path):
    from mediaframes import corpus

    corpus.ingest_corpus(small_corpus, tmp_path / "ingest")
    for name in ("articles.csv", "quarantine.csv", "validation.json"):
        assert (serial_out / name).read_bytes() == (tmp_path / "ingest" / name).read_bytes(), name
    texts = sorted(p.name for p in (serial_out / "texts").iterdir())
    assert texts == sorted(p.name for p in (tmp_path / "ingest" / "texts").iterdir())


def test_articles_files_are_the_same_from_ingest_run_and_analyze(tmp_path):
    """``articles.csv``/``.parquet`` of ``ingest``, ``run`` (notebook 01 re-writes the ingest
    table with ``tables.write_table``) and ``analyze``: same bytes, same Arrow types and values.

    The corpus: the INVENTED article of the fixtures and two SYNTHETIC ones, with an INVENTED
    metadata.csv that leaves ``outlet`` and ``url`` empty for every article (they must stay
    ``string`` columns, never Arrow ``null``) and gives ``date_inferred`` true, false and empty.
    """
    import pyarrow.parquet as pq

    from mediaframes import corpus, tables

    raw = tmp_path / "corpus" / "raw"
    raw.mkdir(parents=True)
    shutil.copy(FIXTURES / "invented_article.txt", raw / "a_invented.txt")
    for i, text in enumerate(bench.SyntheticCorpus(seed=5).texts(2)):
        (raw / f"b_{i}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "corpus" / "metadata.csv").write_text(
        "article_id,outlet,url,date,date_inferred,language,notes\n"
        "a_invented,,,2021-03-04,true,en,\nb_0,,,2021-03-05,false,en,\nb_1,,,,,en,\n",
        encoding="utf-8",
    )
    corpus.ingest_corpus(tmp_path / "corpus", tmp_path / "ingest")
    run_dir = tmp_path / "run"  # as notebooks/01_corpus.ipynb does
    tables.write_table(tables.read_table(tmp_path / "ingest", "articles"), run_dir, "articles")
    scale.analyze_corpus(tmp_path / "corpus", tmp_path / "analyze", chunk_size=2)
    folders = {"ingest": tmp_path / "ingest", "run": run_dir, "analyze": tmp_path / "analyze"}
    csv = {k: (d / "articles.csv").read_bytes() for k, d in folders.items()}
    assert csv["ingest"] == csv["analyze"] == csv["run"]
    rows = pd.read_csv(io.BytesIO(csv["run"]), dtype=str, keep_default_na=False)
    assert rows["article_id"].tolist() == ["a_invented", "b_0", "b_1"]
    assert rows["date_inferred"].tolist() == ["true", "false", ""]
    schemas = {k: pq.read_schema(d / "articles.parquet") for k, d in folders.items()}
    for name in ("ingest", "run"):
        assert schemas[name].equals(schemas["analyze"], check_metadata=True), name
    assert schemas["run"] == scale.articles_schema()
    assert {str(schemas["run"].field(c).type) for c in ("outlet", "url", "notes")} == {"string"}
    read = {k: pq.read_table(d / "articles.parquet") for k, d in folders.items()}
    assert read["run"].column("url").null_count == read["run"].num_rows == 3
    assert read["run"].column("date_inferred").to_pylist() == [True, False, None]
    assert read["ingest"].equals(read["analyze"]) and read["run"].equals(read["analyze"])
    pooled = pa.concat_tables(read.values())  # a study pooling runs
    assert pooled.num_rows == 9


def test_ingest_run_and_analyze_write_rows_in_one_order(tmp_path):
    """Defect 11 of acceptance test 15c: ``analyze`` wrote its tables in corpus input order,
    ``ingest`` and ``run`` in article_id order, so a plain diff showed every table changed.

    The corpus (INVENTED: the ingest fixtures and the notebooks' article) has ids whose sorted
    order is not the input order: ``harbour_bridge.txt``, ``records.csv`` (``csv-market``,
    ``csv-school``), ``records.jsonl``, ``river_festival.html``, ``zz_talks.txt``. Every table
    (CSV) that ``ingest``, the notebooks' steps (``mediaframes run``) and ``analyze`` write is
    the same bytes, rows in ``corpus.ROW_ORDER``. The Dask paths equal the serial one byte for
    byte (``test_worker_io_equals_serial_with_duplicates_and_id_clashes``).
    """
    from mediaframes import actors_io, corpus, sentiment, steps, tables

    root = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests" / "fixtures" / "ingest", root)
    invented = ROOT / "tests" / "fixtures" / "notebooks" / "corpus" / "raw"
    shutil.copy(invented / "900_invented_quota_talks.txt", root / "raw" / "zz_talks.txt")
    corpus.ingest_corpus(root, tmp_path / "ingest")
    scale.analyze_corpus(root, tmp_path / "analyze", chunk_size=2)
    articles = corpus.load_corpus(root)  # notebooks 02-04
    actors = actors_io.load_actors(None)
    found = steps.statement_tables(articles, actors)
    found.update(steps.sentiment_tables(articles, found, list(sentiment.METHODS)))
    found["frames"] = steps.frame_labels(articles, found, ["conflict_diplomacy"], actors=actors)
    names = ("statements", "sentences", "mentions", "sentiment", "tone", "frames")
    tables.write_tables({name: found[name] for name in names}, tmp_path / "run")
    order = ["harbour_bridge", "csv-market", "csv-school", "jsonl-ferry", "jsonl-library",
             "river_festival", "zz_talks"]  # fmt: skip
    analyzed = tmp_path / "analyze"
    assert (tmp_path / "ingest" / "articles.csv").read_bytes() == (
        analyzed / "articles.csv"
    ).read_bytes()
    assert pd.read_csv(analyzed / "articles.csv")["article_id"].tolist() == order
    assert [a.article_id for a in articles] == order
    for name in names:
        made = (tmp_path / "run" / f"{name}.csv").read_bytes()
        assert made == (analyzed / f"{name}.csv").read_bytes(), name
    ids = pd.read_csv(analyzed / "statements.csv")["article_id"].drop_duplicates().tolist()
    assert ids == [i for i in order if i in ids] and len(ids) > 3


def test_chunk_size_does_not_change_results(small_corpus, actors_file, serial_out, tmp_path):
    scale.analyze_corpus(small_corpus, tmp_path, actors=actors_file, chunk_size=1)
    a, b = _tables(serial_out), _tables(tmp_path)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], check_exact=True, obj=name)
    for name in analysis.TABLE_NAMES:
        assert pd.read_parquet(tmp_path / f"{name}.parquet").equals(
            pd.read_parquet(serial_out / f"{name}.parquet")
        )


@pytest.mark.parametrize("worker_io", [False, True])
def test_two_worker_local_cluster_is_identical(
    small_corpus, actors_file, serial_out, tmp_path, worker_io
):
    summary = scale.analyze_corpus(
        small_corpus,
        tmp_path,
        actors=actors_file,
        workers=2,
        chunk_size=2,
        worker_io=worker_io,
    )
    assert summary.mode == "local-dask"
    assert (
        summary.n_quarantined == 1
        and (tmp_path / "validation.json").read_bytes()
        == (serial_out / "validation.json").read_bytes()
    )
    a, b = _tables(serial_out), _tables(tmp_path)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], check_exact=True, obj=name)
    for name in ("articles", "statements", "sentiment", "frames", "tone", "sentences"):
        f = f"{name}.csv"  # Parquet row groups follow the chunk size, so compare CSV bytes
        assert (tmp_path / f).read_bytes() == (serial_out / f).read_bytes(), f


def test_bad_scheduler_address_is_a_clear_error(small_corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(scale, "CONNECT_TIMEOUT", 1)
    address = f"tcp://127.0.0.1:{_free_port()}"
    with pytest.raises(scale.ScaleError, match="cannot connect to the Dask scheduler"):
        scale.analyze_corpus(small_corpus, tmp_path, scheduler=address)


def test_scheduler_from_environment(small_corpus, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(scale, "CONNECT_TIMEOUT", 1)
    address = f"tcp://127.0.0.1:{_free_port()}"
    monkeypatch.setenv(scale.SCHEDULER_ENV, address)
    assert scale.scheduler_address(None) == address
    code = main(["analyze", str(small_corpus), "--out", str(tmp_path)])
    assert code == 1
    err = capsys.readouterr().err
    assert address in err and "cannot connect" in err


def test_closed_port_is_refused_at_once(small_corpus, tmp_path, capsys):
    """Acceptance 16d #5: a closed port waited ~17 s and was reported as a time-out."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    out = tmp_path / "out"
    start = time.monotonic()
    code = main(["analyze", str(small_corpus), "--out", str(out), "--scheduler", address])
    seconds = time.monotonic() - start
    err = capsys.readouterr().err
    assert code == 1 and seconds < scale.CONNECT_TIMEOUT / 2, seconds
    assert f"cannot connect to the Dask scheduler at {address!r}: connection refused" in err
    assert "Timed out" not in err and not out.exists()


def test_unknown_host_name_is_refused_at_once(small_corpus, tmp_path, capsys):
    """Acceptance 18b: a host name that does not resolve (".invalid" never does, RFC 6761)
    waited 10 s and more and was reported as "Timed out trying to connect"."""
    address = "tcp://no-such-scheduler.invalid:8786"
    out = tmp_path / "out"
    start = time.monotonic()
    code = main(["analyze", str(small_corpus), "--out", str(out), "--scheduler", address])
    seconds = time.monotonic() - start
    err = capsys.readouterr().err
    assert code == 1 and seconds < scale.CONNECT_TIMEOUT / 2, seconds
    assert "the host name 'no-such-scheduler.invalid' does not resolve" in err
    assert "Timed out" not in err and not out.exists()


@pytest.mark.parametrize("given", ["--scheduler", "env"])
def test_tls_address_without_tls_settings_is_a_usage_error(
    small_corpus, tmp_path, capsys, monkeypatch, given
):
    """Acceptance 18b: `--scheduler tls://…` without Dask TLS settings took 28 s, said
    "(waited 10 s): TypeError: TLS expects a `ssl_context` argument" and printed a traceback
    from Client.__del__."""
    for key in ("CA_FILE", "CLIENT__CERT", "CLIENT__KEY"):
        monkeypatch.delenv(f"DASK_DISTRIBUTED__COMM__TLS__{key}", raising=False)
    address = f"tls://127.0.0.1:{_free_port()}"
    out = tmp_path / "out"
    args = ["analyze", str(small_corpus), "--out", str(out)]
    if given == "env":
        monkeypatch.setenv(scale.SCHEDULER_ENV, address)
    else:
        args += ["--scheduler", address]
    start = time.monotonic()
    code = main(args)
    err = capsys.readouterr().err
    assert code == 2 and time.monotonic() - start < scale.CONNECT_TIMEOUT / 2
    assert "needs Dask's TLS settings" in err and "DASK_DISTRIBUTED__COMM__TLS__CA_FILE" in err
    assert "Traceback" not in err and not out.exists()


@pytest.mark.parametrize(
    ("listening", "expected"), [(False, True), (True, False)], ids=["closed", "open"]
)
def test_connection_refused(listening: bool, expected: bool) -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        if listening:
            server.listen()
        address = f"tcp://127.0.0.1:{server.getsockname()[1]}"
        assert scale.connection_refused(address, timeout=2) is expected


@pytest.mark.parametrize("arg", [["--workers", "0"], ["--chunk-size", "0"]])
def test_bad_numbers_are_usage_errors(small_corpus, tmp_path, arg, capsys):
    assert main(["analyze", str(small_corpus), "--out", str(tmp_path), *arg]) == 2
    assert "must be at least 1" in capsys.readouterr().err


def test_missing_actors_file_names_the_file(small_corpus, tmp_path, capsys):
    missing = tmp_path / "nope.yml"
    code = main(["analyze", str(small_corpus), "--out", str(tmp_path), "--actors", str(missing)])
    assert code == 2, "a configuration error, as in `mediaframes run`"
    assert "nope.yml" in capsys.readouterr().err


def test_codebook_example_that_does_not_trigger_is_a_configuration_error(
    small_corpus, tmp_path, capsys
):
    book = tmp_path / "mine.yml"
    book.write_text(  # INVENTED frame and example
        "id: mine\nversion: '1'\nname: M\ndescription: d\nsource: s\nframes:\n"
        "  - {id: blame, name: B, definition: d, cues: [blame],"
        " examples: ['The weather was mild.']}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code = main(["analyze", str(small_corpus), "--out", str(out), "--codebook", str(book)])
    assert code == 2
    err = capsys.readouterr().err
    assert f"{book}: frame 'blame': example 'The weather was mild.' does not trigger" in err
    assert not out.exists() or not any(out.iterdir())


def test_frame_words_reported_labels_only_the_reported_words(
    small_corpus, actors_file, serial_out, tmp_path
):
    out = tmp_path / "reported"
    args = ["analyze", str(small_corpus), "--out", str(out), "--actors", str(actors_file)]
    assert main([*args, "--chunk-size", "3", "--frame-words", "reported"]) == 0
    whole, only = _tables(serial_out), _tables(out)
    for name in ("statements", "sentiment", "tone", "mentions"):
        pd.testing.assert_frame_equal(only[name], whole[name])  # only the frames change
    keys = ["statement_id", "codebook", "frame", "char_start", "char_end", "rule"]
    fr = only["frames"].merge(only["statements"], on="statement_id", suffixes=("", "_st"))
    spoken = fr[(fr["quote_type"] != "narration") & (fr["quote_end"] > fr["quote_start"])]
    assert len(spoken) and ((spoken["char_start"] >= spoken["quote_start"])
                            & (spoken["char_end"] <= spoken["quote_end"])).all()  # fmt: skip
    # a subset of the whole-span labels; narration labels are the same
    merged = only["frames"][keys].merge(whole["frames"][keys], how="left", indicator=True)
    assert (merged["_merge"] == "both").all()
    assert len(only["frames"]) < len(whole["frames"])
    narr = set(whole["statements"].query("quote_type == 'narration'")["statement_id"])
    pick = lambda df: df[df["statement_id"].isin(narr)].reset_index(drop=True)  # noqa: E731
    pd.testing.assert_frame_equal(pick(only["frames"]), pick(whole["frames"]))


def test_frame_words_must_be_known(small_corpus, tmp_path, capsys):
    with pytest.raises(SystemExit) as err:
        main(["analyze", str(small_corpus), "--out", str(tmp_path), "--frame-words", "quote"])
    assert err.value.code == 2
    with pytest.raises(ValueError, match="frame_words must be one of"):
        scale.analyze_corpus(small_corpus, tmp_path / "x", frame_words="quote")
    assert not (tmp_path / "x").exists()


def _boom(article, resources):
    raise RuntimeError("boom")


def _break_analysis() -> None:
    """Make every article fail in this process (sent to Dask workers with ``client.run``)."""
    from mediaframes import analysis as mf_analysis

    mf_analysis.analyze_article = _boom


@pytest.mark.parametrize("on_dask", [False, True])
def test_failing_article_is_named_and_no_table_is_left(
    small_corpus, tmp_path, monkeypatch, on_dask
):
    import cloudpickle

    out = tmp_path / "out"
    if not on_dask:
        monkeypatch.setattr(analysis, "analyze_article", _boom)
        with pytest.raises(scale.ScaleError, match=r"000_413afbb7d4f14754\.txt.*failed.*boom"):
            scale.analyze_corpus(small_corpus, out)
    else:
        cloudpickle.register_pickle_by_value(__import__(__name__))
        cluster = scale.local_cluster(1)
        try:
            client = scale.connect(cluster.scheduler_address)
            client.run(_break_analysis)
            client.close()
            with pytest.raises(scale.ScaleError, match=r"\.txt \(article .*boom"):
                scale.analyze_corpus(
                    small_corpus, out, scheduler=cluster.scheduler_address, worker_io=True
                )
        finally:
            cloudpickle.unregister_pickle_by_value(__import__(__name__))
            cluster.close()
    assert not list(out.glob("statements.*")) and not (out / scale.PARTS_DIR).exists()


def test_missing_actors_file_fails_before_any_worker_starts(small_corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(scale, "local_cluster", lambda n: pytest.fail("cluster started"))
    with pytest.raises(ValueError, match="actors file not found: .*nope.yml"):
        scale.analyze_corpus(small_corpus, tmp_path, actors=tmp_path / "nope.yml", workers=2)


def test_cli_worker_io_on_a_running_scheduler(small_corpus, actors_file, serial_out, tmp_path):
    cluster = scale.local_cluster(1)
    try:
        args = ["analyze", str(small_corpus), "--out", str(tmp_path), "--actors", str(actors_file)]
        args += ["--scheduler", cluster.scheduler_address, "--worker-io", "--chunk-size", "3"]
        assert main(args) == 0
    finally:
        cluster.close()
    for name in ("articles", "quarantine", "statements", "sentiment", "tone"):
        f = f"{name}.csv"
        assert (tmp_path / f).read_bytes() == (serial_out / f).read_bytes(), f
    assert (tmp_path / "validation.json").read_bytes() == (
        serial_out / "validation.json"
    ).read_bytes()


def test_relative_resource_files_reach_workers_in_other_folders(
    small_corpus, actors_file, serial_out, tmp_path, monkeypatch
):
    """--actors and --codebook relative to the shell's folder; the workers (started before, in
    another folder, like workers on a cluster) must load the same files."""
    cluster = scale.local_cluster(1)  # its worker keeps the folder it started in
    try:
        work = tmp_path / "work"
        work.mkdir()
        shutil.copy(actors_file, work / "actors.yml")
        shutil.copy(paths.resource("codebooks", "conflict_diplomacy.yml"), work / "book.yml")
        monkeypatch.chdir(work)
        args = ["analyze", str(small_corpus), "--out", "out", "--actors", "actors.yml"]
        args += ["--codebook", "book.yml", "--chunk-size", "3"]
        args += ["--scheduler", cluster.scheduler_address, "--worker-io"]
        assert main(args) == 0
    finally:
        cluster.close()
    for name in ("statements", "sentiment", "frames", "tone"):
        f = f"{name}.csv"
        assert (work / "out" / f).read_bytes() == (serial_out / f).read_bytes(), f


def test_resource_spec_makes_files_absolute(tmp_path, monkeypatch):
    (tmp_path / "book.yml").write_text("INVENTED placeholder\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    spec = analysis.resource_spec("actors.yml", ["book.yml", "policy_frames"], ["vader"])
    assert spec.actors_path == str(tmp_path / "actors.yml")
    assert spec.codebooks == (str(tmp_path / "book.yml"), "policy_frames")
    assert analysis.resource_spec(None).actors_path is None


# --- benchmark helpers (no timing assertions) -------------------------------------------------


def test_synthetic_corpus_is_marked_and_deterministic(tmp_path):
    root = bench.write_corpus(tmp_path / "c", 4, seed=5)
    files = sorted((root / "raw").glob("*.txt"))
    assert [f.stem for f in files] == [bench.article_id(i) for i in range(4)]
    with open(root / "metadata.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert all("SYNTHETIC" in r["notes"] for r in rows)
    assert "INVENTED" in (root / "actors.yml").read_text()
    assert files[2].read_text() == bench.SyntheticCorpus(seed=5).article_text(2)
    assert files[2].read_text() != bench.SyntheticCorpus(seed=6).article_text(2)


def test_stage_rows_and_targets():
    times = bench.StageTimes(
        seconds={"segment": 1.0, "vader": 0.0}, articles=10, sentences=50, statements=40
    )
    rows = bench.stage_rows(1000, times)
    assert rows[0]["articles_per_s"] == 10.0 and rows[0]["statements_per_s"] == 40.0
    assert rows[1]["articles_per_s"] != rows[1]["articles_per_s"]  # NaN for zero time
    summary = [
        {"size": 10, "ratio_vs_vader": 3.0, "peak_rss_mb": 200.0, "dask_speedup_2_workers": 1.5},
        {"size": 100, "ratio_vs_vader": 1.9, "peak_rss_mb": 260.0, "dask_speedup_2_workers": 1.8},
    ]
    got = {t["target"]: t for t in bench.targets(summary, (float("nan"), "not measured"))}
    assert got["ratio_vs_vader"]["met"] and got["ratio_vs_vader"]["value"] == 1.9
    assert got["memory_ratio_100k_vs_10k"]["value"] == 1.3
    assert not got["memory_ratio_100k_vs_10k"]["met"]
    assert got["dask_speedup_2_workers"]["met"]
    assert got["rerun_ratio"]["met"] is None and got["rerun_ratio"]["value"] is None  # skipped
    one = {t["target"]: t for t in bench.targets(summary[:1], (0.05, "measured"))}
    assert one["memory_ratio_100k_vs_10k"]["met"] is None  # one size: no ratio, not "NOT met"
    assert one["rerun_ratio"]["met"] is True


@pytest.mark.parametrize(
    ("argv", "rerun", "skipped_by", "profile"),
    [
        (["--quick"], False, "--quick", 0),
        (["--quick", "--no-rerun"], False, "--no-rerun", 0),
        (["--quick", "--profile", "7"], False, "--quick", 7),
        (["--no-rerun", "--sizes", "3"], False, "--no-rerun", 500),
    ],
)
def test_bench_command_reports_a_skipped_rerun_as_skipped(
    tmp_path, monkeypatch, capsys, argv, rerun, skipped_by, profile
):
    """``--quick`` turns the rerun off by itself: "skipped … (--quick)", never "NOT met"."""
    seen = {}

    def fake_run_bench(sizes, out, **kwargs):
        seen.update(kwargs)
        rows = [{"size": 3, "ratio_vs_vader": 1.0, "peak_rss_mb": 1.0,
                 "dask_speedup_2_workers": float("nan")}]  # fmt: skip
        return bench.targets(rows, (float("nan"), f"not measured ({kwargs['rerun_skipped_by']})"))

    monkeypatch.setattr(bench, "run_bench", fake_run_bench)
    assert bench.main([*argv, "--out", str(tmp_path)]) == 0
    assert (seen["rerun"], seen["rerun_skipped_by"], seen["profile"]) == (
        rerun,
        skipped_by,
        profile,
    )
    out = capsys.readouterr().out
    assert f"rerun_ratio: skipped (target 0.1) - not measured ({skipped_by})" in out
    assert "dask_speedup_2_workers: skipped" in out and "NOT met" not in out
    assert ("profile.txt" in out.splitlines()[-1]) and (
        ("(no profile.txt)" in out) == (profile == 0)
    )


def test_peak_rss_sampler_sees_memory():
    import os

    with bench.PeakRSS(os.getpid(), interval=0.005) as peak:
        block = bytearray(50 * 2**20)
        block[::4096] = b"x" * len(block[::4096])
    assert peak.peak_bytes >= 50 * 2**20


def _check_bench_outputs(out: Path, sizes: list[int], dask: bool) -> None:
    summary = pd.read_csv(out / "bench_summary.csv")
    assert summary["size"].tolist() == sizes
    assert (summary["corpus"] == "synthetic").all()
    assert (summary["peak_rss_mb"] > 0).all()
    assert (summary["ratio_vs_vader"] > 0).all()
    assert summary["memory_ratio_vs_previous"].iloc[1:].notna().all()
    assert summary["dask_speedup_2_workers"].notna().all() == dask
    stages = pd.read_csv(out / "bench_stages.csv")
    assert set(stages["stage"]) == {*bench.STAGES, "vader"}
    assert (stages["statements"] > 0).all()
    assert (out / "bench.png").stat().st_size > 0
    targets = pd.read_csv(out / "bench_targets.csv")
    assert targets["target"].tolist() == [
        "ratio_vs_vader",
        "memory_ratio_100k_vs_10k",
        "dask_speedup_2_workers",
        "rerun_ratio",
    ]


def test_bench_logic_on_a_tiny_corpus(tmp_path):
    bench.run_bench(
        [4, 8],
        tmp_path,
        stage_sample=4,
        chunk_size=3,
        dask_max_size=0,
        rerun=False,
        profile=3,
        log=lambda *_: None,
    )
    _check_bench_outputs(tmp_path, [4, 8], dask=False)
    assert "analyze_article" in (tmp_path / "profile.txt").read_text()
    targets = pd.read_csv(tmp_path / "bench_targets.csv", keep_default_na=False)
    rerun = targets.set_index("target").loc["rerun_ratio"]
    assert (rerun["value"], rerun["met"], rerun["note"]) == ("", "", "not measured (--no-rerun)")


def test_bench_without_profile_removes_an_earlier_profile(tmp_path):
    """As ``--quick`` runs it: no profile.txt, and none of an earlier run left beside its CSVs."""
    (tmp_path / "profile.txt").write_text("profile of an earlier run\n", encoding="utf-8")
    bench.run_bench(
        [4],
        tmp_path,
        stage_sample=4,
        chunk_size=3,
        dask_max_size=0,
        rerun=False,
        rerun_skipped_by="--quick",
        profile=0,
        log=lambda *_: None,
    )
    assert not (tmp_path / "profile.txt").exists()
    targets = pd.read_csv(tmp_path / "bench_targets.csv", keep_default_na=False)
    assert targets.set_index("target").loc["rerun_ratio", "note"] == "not measured (--quick)"


@pytest.mark.slow
def test_bench_quick_with_dask_on_a_tiny_corpus(tmp_path):
    assert bench.main(["--quick", "--sizes", "5", "--out", str(tmp_path), "--chunk-size", "2"]) == 0
    _check_bench_outputs(tmp_path, [5], dask=True)


# --- workers that read and write themselves (mediaframes.worker_io) ----------------------------


@pytest.fixture(scope="module")
def tricky_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """SYNTHETIC and INVENTED inputs whose duplicates and id clashes cross chunk boundaries.

    - ``a/syn_0.txt`` and ``b/syn_0.txt``: same id, different content (the second is renamed);
    - ``c/copy.txt``: the content of ``a/syn_0.txt`` (a duplicate two chunks later);
    - ``d/syn_0-2.txt``: wants the id the rename above would take;
    - ``e/empty_body.txt``: a headline only (quarantined after parsing);
    - the ingest fixtures (INVENTED): HTML, JSONL and CSV records, metadata.csv rows, one
      row without an article.
    """
    root = tmp_path_factory.mktemp("tricky")
    raw = root / "raw"
    gen = bench.SyntheticCorpus(seed=11)
    texts = list(gen.texts(4))
    for rel, text in [
        ("a/syn_0.txt", texts[0]),
        ("b/syn_0.txt", texts[1]),
        ("c/copy.txt", texts[0]),
        ("d/syn_0-2.txt", texts[2]),
        ("e/empty_body.txt", "Only a headline\n"),
        ("f/syn_3.txt", texts[3]),
        ("f/syn_3_copy.txt", texts[3]),
    ]:
        (raw / rel).parent.mkdir(parents=True, exist_ok=True)
        (raw / rel).write_text(text, encoding="utf-8")
    ingest = ROOT / "tests" / "fixtures" / "ingest"
    shutil.copytree(ingest / "raw", raw / "g")
    meta = (ingest / "metadata.csv").read_text(encoding="utf-8")
    meta += "syn_3,Synthetic Wire,,,,en,SYNTHETIC\nno_such_article,X,,,,en,orphan row\n"
    (root / "metadata.csv").write_text(meta, encoding="utf-8")
    return root


def _all_bytes(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.suffix in (".csv", ".json", ".txt")
    }


@pytest.mark.parametrize("chunk_size", [1, 2, 3])
def test_worker_io_equals_serial_with_duplicates_and_id_clashes(
    tricky_corpus, actors_file, tmp_path, chunk_size
):
    serial, dask = tmp_path / "serial", tmp_path / "dask"
    a = scale.analyze_corpus(tricky_corpus, serial, actors=actors_file, chunk_size=chunk_size)
    b = scale.analyze_corpus(
        tricky_corpus, dask, actors=actors_file, workers=2, chunk_size=chunk_size
    )
    assert (a.n_articles, a.n_quarantined) == (b.n_articles, b.n_quarantined)
    assert a.quarantined == b.quarantined and len(a.quarantined) == a.n_quarantined
    q = pd.read_csv(serial / "quarantine.csv")
    assert sorted(q["reason"]) == ["duplicate", "duplicate", "no_text"]
    ids = pd.read_csv(serial / "articles.csv")["article_id"].tolist()
    assert {"syn_0", "syn_0-2", "syn_0-2-2"} <= set(ids)
    assert "no_such_article" in (serial / "validation.json").read_text(encoding="utf-8")
    assert _all_bytes(serial) == _all_bytes(dask)
    assert not (dask / scale.PARTS_DIR).exists()


def test_recomputed_chunk_keeps_nothing_of_its_first_pass(actors_file, tmp_path, monkeypatch):
    """A chunk recomputed (an id clash) without an article its first pass kept (a duplicate).

    Chunks of 2: [a/a.txt, a/b.txt], [b/a.txt, c/copy.txt]. The worker of the second chunk
    gives ``b/a.txt`` the id ``a`` (taken by chunk 0): recomputed, now without
    ``c/copy.txt`` (the content of ``a/a.txt``). ``b/a.txt`` is INVENTED and names no
    actor (no ``mentions`` or ``tone`` row): no row of the first pass may survive.
    """
    root = tmp_path / "corpus"
    texts = list(bench.SyntheticCorpus(seed=5).texts(2))
    quiet = (
        "INVENTED: a quiet harbour\n\nThe harbour was quiet on Tuesday. Boats stayed moored "
        "and the fish market opened late. Rain fell over the hills until the evening.\n"
    )
    for rel, text in [
        ("a/a.txt", texts[0]),
        ("a/b.txt", texts[1]),
        ("b/a.txt", quiet),
        ("c/copy.txt", texts[0]),
    ]:
        (root / "raw" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "raw" / rel).write_text(text, encoding="utf-8")
    serial, dask = tmp_path / "serial", tmp_path / "dask"
    monkeypatch.setattr(scale, "TASKS_PER_THREAD", 0)  # exactly 2 files per task
    scale.analyze_corpus(root, serial, actors=actors_file, chunk_size=2, aggregates=False)
    scale.analyze_corpus(root, dask, actors=actors_file, workers=2, chunk_size=2, aggregates=False)
    mentions = pd.read_csv(serial / "mentions.csv")
    assert set(mentions["article_id"]) == {"a", "b"}  # none from b/a.txt ("a-2")
    assert pd.read_csv(serial / "articles.csv")["article_id"].tolist() == ["a", "b", "a-2"]
    assert _all_bytes(serial) == _all_bytes(dask)


def test_replay_drops_late_duplicates_and_asks_to_recompute_clashes():
    from mediaframes.worker_io import Outcome, Replay

    r = Replay()
    first = r.check([Outcome("x/a.txt", digest="d1", base="a", article_id="a")])
    assert first.ok and [o.article_id for o in first.kept] == ["a"]
    # the same content again, kept by a worker that could not know: dropped, quarantined
    dup = r.check([Outcome("y/b.txt", digest="d1", base="b", article_id="b")])
    assert dup.ok and dup.drops == ["b"]
    assert dup.rejections[0].detail == "same content as x/a.txt"
    # an id an earlier chunk took: the worker's "a" must be "a-2": recompute, state unchanged
    clash = [Outcome("z/a.txt", digest="d2", base="a", article_id="a")]
    assert not r.check(clash).ok
    preset = r.preset(clash)
    assert preset.used == frozenset({"a"}) and preset.seen == {}
    assert r.check([Outcome("z/a.txt", digest="d2", base="a", article_id="a-2")]).ok


def test_drop_articles_filters_every_table_of_a_part(tmp_path):
    from mediaframes.worker_io import drop_articles

    schemas = {
        "statements": pa.schema([("article_id", pa.string()), ("statement_id", pa.string())]),
        "sentiment": pa.schema([("statement_id", pa.string()), ("score", pa.float64())]),
    }
    tables = {
        "statements": pa.table(
            {"article_id": ["a", "b", "b"], "statement_id": ["a:1", "b:1", "b:2"]},
            schema=schemas["statements"],
        ),
        "sentiment": pa.table(
            {"statement_id": ["a:1", "b:1", "b:2"], "score": [0.1, 0.2, 0.3]},
            schema=schemas["sentiment"],
        ),
    }
    scale.write_parts(tmp_path, 4, tables, schemas, extra=("outcomes",))
    path = scale.chunk_path(tmp_path, 4)
    assert drop_articles(path, ["b"], schemas) == {"statements": 1, "sentiment": 1}
    with scale.ChunkParts(path) as parts:
        assert bytes(parts.csv("sentiment")) == b"a:1,0.1\n"
        assert parts.table("statements").column("statement_id").to_pylist() == ["a:1"]
        assert parts.extra == ("outcomes",)
    assert os.listdir(tmp_path) == [os.path.basename(path)]


# --- Dask options: scheduler address, --workers, tasks of files ------------------------------


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("tcp://127.0.0.1:8786", None),
        ("127.0.0.1:8786", None),
        ("tls://sched.example.invalid:8786", None),
        ("tcp://[::1]:8786", None),
        ("localhost", "no port"),
        ("127.0.0.1:8799x", "port '8799x' is not a number"),
        ("localhost:abc", "port 'abc' is not a number"),
        ("tcp://h:0", "port '0' is not a number"),
        ("tcp://h:65536", "port '65536' is not a number"),
        ("http://127.0.0.1:8799", "scheme 'http://' is not one of tcp, tls"),
        ("tcp://:8786", "bad host ''"),
        ("tcp://[::1]", "no port after the bracketed host"),
        ("tcp://::1:8786", "bad host '::1'"),
        (" tcp://h:1", "empty or surrounded by spaces"),
        ("", "empty or surrounded by spaces"),
    ],
)
def test_check_scheduler_address(address, reason):
    if reason is None:
        assert scale.check_scheduler_address(address) == address
    else:
        with pytest.raises(ValueError, match="^" + re.escape(f"--scheduler {address!r}: {reason}")):
            scale.check_scheduler_address(address)


@pytest.mark.parametrize(
    ("scheduler", "workers", "env", "expected"),
    [
        (None, None, None, (None, 1)),
        (None, 2, None, (None, 2)),
        ("tcp://h:1", None, None, ("tcp://h:1", 1)),
        ("tcp://h:1", 1, None, ("tcp://h:1", 1)),
        (None, None, "tcp://e:2", ("tcp://e:2", 1)),
        (None, 2, "tcp://e:2", (None, 2)),  # an explicit --workers beats the environment
        (None, 1, "tcp://e:2", (None, 1)),
        ("tcp://h:1", None, "tcp://e:2", ("tcp://h:1", 1)),
        ("tcp://h:1", 2, None, "exclude each other"),
        (None, 0, None, "must be at least 1"),
        (None, None, "localhost", r"^\$DASK_SCHEDULER_ADDRESS 'localhost': no port"),
        (None, 2, "localhost", (None, 2)),  # not read, so not checked
    ],
)
def test_resolve_dask(monkeypatch, scheduler, workers, env, expected):
    if env is None:
        monkeypatch.delenv(scale.SCHEDULER_ENV, raising=False)
    else:
        monkeypatch.setenv(scale.SCHEDULER_ENV, env)
    if isinstance(expected, tuple):
        assert scale.resolve_dask(scheduler, workers) == expected
    else:
        with pytest.raises(ValueError, match=expected):
            scale.resolve_dask(scheduler, workers)


@pytest.mark.parametrize(
    "args",
    [
        ["--scheduler", "localhost"],
        ["--scheduler", "127.0.0.1:8799x"],
        ["--scheduler", "localhost:abc"],
        ["--scheduler", "http://127.0.0.1:8799"],
        ["--scheduler", "tcp://127.0.0.1:8799", "--workers", "2"],
    ],
)
def test_bad_dask_options_are_usage_errors_before_anything(
    small_corpus, tmp_path, monkeypatch, capsys, args
):
    def no_dask(*a, **k):
        raise AssertionError("contacted Dask")

    monkeypatch.setattr(scale, "connect", no_dask)
    monkeypatch.setattr(scale, "local_cluster", no_dask)
    out = tmp_path / "out"
    assert main(["analyze", str(small_corpus), "--out", str(out), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mediaframes analyze: error: ") and err.count("\n") == 1, err
    assert not out.exists()


def test_explicit_workers_beat_the_environment(small_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv(scale.SCHEDULER_ENV, "tcp://127.0.0.1:1")
    monkeypatch.setattr(scale, "connect", lambda *a, **k: pytest.fail("used the environment"))
    summary = scale.analyze_corpus(small_corpus, tmp_path, workers=1, aggregates=False)
    assert summary.mode == "serial" and summary.n_articles == 7


@pytest.mark.parametrize(
    ("n_files", "chunk_size", "threads", "per_thread", "expected"),
    [
        (12, 200, 2, 2, 3),  # 4 tasks of 3 files
        (1000, 200, 2, 2, 200),  # enough tasks already: chunk_size files each
        (3, 200, 2, 2, 1),  # fewer files than wanted tasks: one file each
        (12, 2, 2, 2, 2),  # never more than chunk_size files
        (12, 200, 3, 2, 2),  # 6 threads' worth: 6 tasks
        (4, 2, 2, 0, 2),  # spreading off
        (0, 200, 2, 2, 200),
    ],
)
def test_files_per_task(n_files, chunk_size, threads, per_thread, expected):
    assert scale.files_per_task(n_files, chunk_size, threads, per_thread) == expected


def test_scheduler_without_workers_fails_in_bounded_time(small_corpus, tmp_path, monkeypatch):
    from distributed import LocalCluster

    monkeypatch.setattr(scale, "WORKER_TIMEOUT", 1)
    cluster = LocalCluster(
        n_workers=0, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None
    )
    try:
        for worker_io in (True, False):
            with pytest.raises(scale.ScaleError, match="has no worker.*No valid workers found"):
                scale.analyze_corpus(
                    small_corpus,
                    tmp_path / f"out{worker_io}",
                    scheduler=cluster.scheduler_address,
                    worker_io=worker_io,
                )
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def jsonl_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four JSONL files of SYNTHETIC records (INVENTED text), one duplicate across files and one
    malformed line: on 2 workers, the files spread over several tasks."""
    import json

    root = tmp_path_factory.mktemp("jsonl")
    raw = root / "raw"
    raw.mkdir()
    texts = list(bench.SyntheticCorpus(seed=17).texts(8))
    for f in range(4):
        lines = []
        for i in range(f * 2, f * 2 + 2):
            title, _, body = texts[i].partition("\n\n")
            lines.append(json.dumps({"id": f"rec-{i}", "title": title, "text": body}))
        if f == 3:
            title, _, body = texts[0].partition("\n\n")  # same content as rec-0: a duplicate
            lines.append(json.dumps({"id": "rec-copy", "title": title, "text": body}))
            lines.append("{not json")
        (raw / f"wire_{f}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_jsonl_files_spread_over_two_local_workers(jsonl_corpus, actors_file, tmp_path):
    serial, dask = tmp_path / "serial", tmp_path / "dask"
    a = scale.analyze_corpus(jsonl_corpus, serial, actors=actors_file, aggregates=False)
    b = scale.analyze_corpus(jsonl_corpus, dask, actors=actors_file, workers=2, aggregates=False)
    assert (a.n_chunks, b.n_chunks) == (1, 4)  # 8 articles; 4 files, 2 tasks per worker
    assert (a.n_articles, a.n_quarantined) == (b.n_articles, b.n_quarantined) == (8, 2)
    assert a.quarantined == b.quarantined
    assert _all_bytes(serial) == _all_bytes(dask)
    for name in analysis.TABLE_NAMES:
        assert pd.read_parquet(dask / f"{name}.parquet").equals(
            pd.read_parquet(serial / f"{name}.parquet")
        ), name


# --- workers lost during a run (acceptance test 18b) ------------------------------------------


@pytest.mark.parametrize("worker_io", [True, False])
def test_run_that_loses_every_worker_fails_instead_of_hanging(
    small_corpus, actors_file, tmp_path, monkeypatch, worker_io
):
    """The only worker (a `dask worker --no-nanny` process) is killed after the first chunk:
    `analyze` must fail with a message naming the scheduler, in bounded time, and leave no
    output (with --worker-io it waited forever)."""
    import subprocess
    import sys
    import threading

    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=0, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None
    )
    worker = subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_worker", cluster.scheduler_address]
        + ["--no-nanny", "--nthreads", "1", "--no-dashboard"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    out = tmp_path / "out"
    outcome: dict[str, BaseException] = {}

    def kill(chunks: int, articles: int) -> None:
        if chunks == 1:
            worker.kill()

    def target() -> None:
        try:
            scale.analyze_corpus(
                small_corpus,
                out,
                actors=actors_file,
                scheduler=cluster.scheduler_address,
                worker_io=worker_io,
                chunk_size=1,
                on_chunk=kill,
            )
        except BaseException as exc:  # noqa: BLE001 - the test reads it
            outcome["error"] = exc

    try:
        with Client(cluster.scheduler_address) as client:
            client.wait_for_workers(1, timeout=60)
        monkeypatch.setattr(scale, "WORKER_TIMEOUT", 1)
        run = threading.Thread(target=target, daemon=True)
        run.start()
        run.join(timeout=60)
        assert not run.is_alive(), "analyze still waits for a worker"
    finally:
        worker.kill()
        worker.wait()
        cluster.close()
    assert isinstance(outcome.get("error"), scale.ScaleError), outcome
    message = str(outcome["error"])
    assert cluster.scheduler_address in message and "no worker" in message
    assert not out.exists()


def test_killed_worker_restarted_by_its_nanny_finishes_the_run(
    small_corpus, actors_file, serial_out, tmp_path
):
    """Without worker I/O the resources went to the workers as scattered data, lost with the
    only worker: every later chunk failed ("cancelled ... already forgotten") though the nanny
    had restarted it. As a task they are computed again, and the run ends as a serial one."""
    import signal

    cluster = scale.local_cluster(1)
    client = scale.connect(cluster.scheduler_address)

    def kill(chunks: int, articles: int) -> None:
        if chunks == 1:
            for pid in client.run(os.getpid).values():
                os.kill(pid, signal.SIGKILL)

    try:
        scale.analyze_corpus(
            small_corpus,
            tmp_path,
            actors=actors_file,
            scheduler=cluster.scheduler_address,
            chunk_size=3,
            on_chunk=kill,
        )
    finally:
        client.close()
        cluster.close()
    assert _all_bytes(tmp_path) == _all_bytes(serial_out)


def test_worker_watch_waits_out_a_short_gap_without_workers():
    """A worker back within the timeout (a nanny's restart) is no failure; a longer gap is."""
    workers = iter([0, 0, 1, 0, 0, 0])
    watch = scale.WorkerWatch(None, timeout=0.05, poll=0, count=lambda client: next(workers))
    watch.check()  # none: the clock starts
    time.sleep(0.01)
    watch.check()  # none for 0.01 s: still waiting
    watch.check()  # one is back
    watch.check()  # none again: the clock starts anew
    time.sleep(0.06)
    with pytest.raises(scale.ScaleError, match="has had no worker for 0.05 s"):
        watch.check()


@pytest.mark.parametrize("existing", [False, True])
def test_unwritable_output_is_named_before_any_work(small_corpus, tmp_path, monkeypatch, existing):
    """Acceptance 18b: a parent folder that is not writable, or an earlier output made
    read-only, failed naming a hidden staging path ("Permission denied: '.../.out.analyze-...'",
    "Failed to open local file '.../articles.parquet.tmp'"). Root may write anywhere, so the
    test makes os.access say no."""
    out = tmp_path / "out"
    if existing:
        out.mkdir()
        (out / "statements.csv").write_text("INVENTED earlier output\n", encoding="utf-8")
    locked = out.resolve() if existing else tmp_path.resolve()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m, **kw: Path(p) != locked and real_access(p, m))
    monkeypatch.setattr(analysis, "build_resources", lambda spec: pytest.fail("work started"))
    with pytest.raises(scale.ScaleError, match=rf"output folder {re.escape(str(out))}: .*not "):
        scale.analyze_corpus(small_corpus, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == (["out"] if existing else [])
    if existing:
        assert (out / "statements.csv").read_text(encoding="utf-8") == "INVENTED earlier output\n"


def test_cancelled_chunk_names_the_cluster_and_the_likely_cause():
    """Acceptance 18b: the scheduler killed mid-run gave "chunk 0 failed on a Dask worker:
    mediaframes-chunk-…-0 cancelled for reason: lost dependencies", blaming the chunk."""
    from distributed.client import FutureCancelledError

    class Cancelled:  # a stand-in for a future Dask cancelled
        def result(self, timeout=None):
            raise FutureCancelledError("mediaframes-chunk-x-0", "lost dependencies")

    class Client:  # a stand-in for the run's client
        class scheduler:  # noqa: N801 - mirrors distributed.Client.scheduler
            address = "tcp://127.0.0.1:8801"

    watch = scale.WorkerWatch(Client(), count=lambda client: 1)
    with pytest.raises(scale.ScaleError) as info:
        scale._result(Cancelled(), 0, watch)
    message = str(info.value)
    assert "cancelled on the Dask cluster at tcp://127.0.0.1:8801" in message
    assert "lost dependencies" in message and "failed on a Dask worker" not in message


def test_worker_reloads_an_actors_file_edited_between_runs(tmp_path):
    """Acceptance 18b: a `dask worker` serves many runs; keyed by the file's path alone, an
    actors file edited between two `analyze --worker-io` runs kept the first run's actors (the
    speaker stayed 'brasch' after the id became 'teodor'), while the output's actors.yml copy
    showed the new file."""
    from mediaframes import worker_io

    actors = tmp_path / "actors.yml"
    text = "# INVENTED actor\nactors:\n  brasch:\n    name: Teodor Brasch\n"
    actors.write_text(text, encoding="utf-8")
    spec = analysis.resource_spec(actors)
    first = worker_io.worker_resources(spec)
    assert worker_io.worker_resources(spec) is first  # loaded once while the file is unchanged
    actors.write_text(text.replace("brasch:", "teodor:"), encoding="utf-8")
    second = worker_io.worker_resources(spec)
    assert second is not first
    assert "teodor" in repr(second.actors) and "brasch" not in repr(second.actors)


def test_resource_file_edited_during_a_run_stops_the_chunk(tmp_path):
    """The driver's digest of the actors and codebook files travels in each task: a worker that
    would load other contents (the file edited mid-run) stops instead of mixing two
    configurations in one output."""
    from mediaframes import worker_io

    actors = tmp_path / "actors.yml"
    actors.write_text("# INVENTED\nactors:\n  orsk:\n    name: Lena Orsk\n", encoding="utf-8")
    spec = analysis.resource_spec(actors)
    (tmp_path / "raw").mkdir()
    task = worker_io.ChunkTask(
        0,
        str(tmp_path),
        str(tmp_path / "raw"),
        (),
        str(tmp_path / "parts"),
        spec,
        resource_digest=worker_io.resource_digest(spec),
    )
    actors.write_text("# INVENTED\nactors:\n  orsk:\n    name: Lena Orsk-Varn\n", encoding="utf-8")
    with pytest.raises(scale.ScaleError, match=r"changed during the run \(.*actors\.yml\)"):
        worker_io.run_chunk(task)


def test_metadata_edited_during_a_run_stops_the_chunk(tmp_path):
    """Acceptance 18b, defect 7: each worker reads metadata.csv at its first task; an edit
    during a run gave some chunks the old and some the new metadata. The driver's key travels
    in each task, and a worker that finds another stops the run."""
    from mediaframes import worker_io

    (tmp_path / "raw").mkdir()
    meta = tmp_path / "metadata.csv"
    meta.write_text("article_id,outlet\na,INVENTED Courier\n", encoding="utf-8")
    task = worker_io.ChunkTask(
        0,
        str(tmp_path),
        str(tmp_path / "raw"),
        (),
        str(tmp_path / "parts"),
        analysis.ResourceSpec(),
        metadata_key=worker_io.metadata_key(tmp_path),
    )
    meta.write_text("article_id,outlet\na,INVENTED Courier of the North\n", encoding="utf-8")
    with pytest.raises(scale.ScaleError, match=r"metadata\.csv changed during the run"):
        worker_io.run_chunk(task)

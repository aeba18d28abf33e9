"""Corpus-level aggregates from the written Parquet tables, in memory that does not grow with them.

:func:`write_aggregates` writes the six corpus-level tables of ``mediaframes analyze`` (columns:
see :mod:`mediaframes.scale`) with exactly the bytes that the pandas functions give on whole
tables (:func:`mediaframes.sentiment.aggregate_by_actor`,
:func:`~mediaframes.sentiment.method_agreement`,
:func:`~mediaframes.compare.actor_sentiment_differences`,
:func:`~mediaframes.framing.frames_by_actor`,
:func:`~mediaframes.compare.actor_frame_differences`,
:func:`~mediaframes.sentiment.aggregate_tone`) for the same ``seed`` and resamples, and
``aggregates.json`` recording those two (:func:`bootstrap_settings`: they give the intervals of
``sentiment_by_actor``, ``tone_by_actor`` and ``actor_sentiment_differences``), without holding
those tables:

* every table is read in record batches of :data:`BATCH_ROWS` rows, only the columns needed;
* a statement id becomes the row number of its statement (:class:`StatementRows`) by walking
  the statements table alongside (both are written in corpus order), with a hash join as the
  fallback for tables in another order;
* the only per-statement array kept is each statement's speaker code (4 bytes);
* the scores of each (speaker, method) and (actor, method) group are spooled to temporary
  files in record order (:class:`Spool`), and summarized one group at a time; method agreement
  reads two methods' score columns at a time and ranks them with
  :func:`mediaframes.sentiment.spearman_lowmem`.

Example:
    >>> write_aggregates(Path("build/analysis"))  # doctest: +SKIP
    ['sentiment_by_actor.csv', 'sentiment_method_agreement.csv', ...]
"""

from __future__ import annotations

import ctypes
import itertools
import json
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from mediaframes.config import BOOTSTRAP_N

#: Rows per record batch read from a Parquet table.
BATCH_ROWS = 65_536
#: Bytes of spooled values kept in memory before they are appended to their files.
SPOOL_BYTES = 4 << 20


def batches(path: Path, columns: Sequence[str]) -> Iterator[pa.RecordBatch]:
    """Record batches of ``columns`` of a Parquet file, :data:`BATCH_ROWS` rows at most.

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "t.parquet"
        >>> pq.write_table(pa.table({"a": [1, 2], "b": ["x", "y"]}), p)
        >>> [b.num_rows for b in batches(p, ["a"])]
        [2]
    """
    pf = pq.ParquetFile(path)
    try:  # one reader per row group: a reader over the whole file holds memory as it goes
        for i in range(pf.num_row_groups):
            yield from pf.iter_batches(batch_size=BATCH_ROWS, columns=list(columns), row_groups=[i])
    finally:
        pf.close()


def codes_of(values: pa.Array, index: dict[Any, int]) -> np.ndarray:
    """Integer codes of ``values`` in ``index`` (new values are added; null is a value too).

    Example:
        >>> index = {}
        >>> codes_of(pa.array(["b", "a", "b", None]), index).tolist(), index
        ([0, 1, 0, 2], {'b': 0, 'a': 1, None: 2})
    """
    enc = pc.dictionary_encode(values, null_encoding="encode")
    if isinstance(enc, pa.ChunkedArray):
        enc = enc.combine_chunks()
    mapping = np.array(
        [index.setdefault(v, len(index)) for v in enc.dictionary.to_pylist()], dtype=np.int64
    )
    if len(enc) == 0:
        return np.empty(0, dtype=np.int64)
    return mapping[enc.indices.to_numpy(zero_copy_only=False)]


class Spool:
    """Append numpy arrays under keys to temporary files; read one key's values back at once.

    At most :data:`SPOOL_BYTES` wait in memory before being appended to their files, so memory
    holds one group's values (when read) instead of every group's.

    Example:
        >>> import tempfile
        >>> s = Spool(Path(tempfile.mkdtemp()))
        >>> s.add("a", np.array([1.0, 2.0])); s.add("a", np.array([3.0]))
        >>> s.read("a").tolist(), s.read("b", np.float64).tolist()
        ([1.0, 2.0, 3.0], [])
    """

    def __init__(self, folder: Path, limit: int = SPOOL_BYTES) -> None:
        self.folder = Path(folder)
        self.limit = limit
        self._files: dict[Any, Path] = {}
        self._dtypes: dict[Any, np.dtype] = {}
        self._waiting: dict[Any, list[np.ndarray]] = {}
        self._bytes = 0

    def add(self, key: Any, values: np.ndarray) -> None:
        """Append ``values`` to ``key``'s array."""
        if key not in self._files:
            self._files[key] = self.folder / f"{len(self._files)}.bin"
            self._dtypes[key] = values.dtype
            self._files[key].touch()
        self._waiting.setdefault(key, []).append(np.ascontiguousarray(values))
        self._bytes += values.nbytes
        if self._bytes > self.limit:
            self.flush()

    def flush(self) -> None:
        """Append every waiting array to its file."""
        for key, parts in self._waiting.items():
            with open(self._files[key], "ab") as fh:
                for part in parts:
                    part.astype(self._dtypes[key], copy=False).tofile(fh)
        self._waiting.clear()
        self._bytes = 0

    def keys(self) -> list[Any]:
        """Keys added so far, in first-added order."""
        return list(self._files)

    def read(self, key: Any, dtype: Any = None) -> np.ndarray:
        """All values added under ``key``, in order (empty with ``dtype`` for an unknown key)."""
        if key not in self._files:
            return np.empty(0, dtype=dtype)
        self.flush()
        return np.fromfile(self._files[key], dtype=self._dtypes[key])


class StatementRows:
    """Row numbers, in the statements table, of the statement ids of another table.

    Tables written by ``mediaframes analyze`` follow the statements table's order, so the ids
    are looked up in a window of that table that slides forward with them: memory holds a
    batch or two of ids, not the whole column. When an id is not ahead of the previous one
    (another order), the lookup falls back to a hash join over the whole column.

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "statements.parquet"
        >>> pq.write_table(pa.table({"statement_id": ["a:1", "a:2", "b:1"]}), p)
        >>> rows = StatementRows(p, "sentiment.parquet")
        >>> rows.rows(pa.array(["a:1", "a:1", "b:1"])).tolist(), rows.ordered
        ([0, 0, 2], True)
        >>> rows.rows(pa.array(["a:2"])).tolist(), rows.ordered
        ([1], False)
    """

    def __init__(self, statements: Path, what: str) -> None:
        self.statements = statements
        self.what = what
        self.ordered = True
        self._ids = (b.column(0) for b in batches(statements, ["statement_id"]))
        self._window = pa.array([], pa.string())
        self._start = 0  # row of the window's first id
        self._last = -1  # row of the last id found
        self._last_id: str | None = None
        self._index: pd.Index | None = None

    def _extend(self) -> bool:
        nxt = next(self._ids, None)
        if nxt is None:
            return False
        drop = max(0, self._last + 1 - self._start)
        self._window = pa.concat_arrays([self._window.slice(drop), nxt.cast(pa.string())])
        self._start += drop
        return True

    def _hashed(self, ids: pa.Array) -> np.ndarray:
        if self._index is None:
            self.ordered = False
            column = pq.read_table(self.statements, columns=["statement_id"]).column(0)
            self._index = pd.Index(column.to_pylist())
            self._ids.close()
        found = self._index.get_indexer(ids.to_pylist())
        missing = np.flatnonzero(found < 0)
        if missing.size:
            raise ValueError(
                f"{missing.size} row(s) of {self.what} name statements missing from the "
                f"statements table, e.g. {ids[int(missing[0])].as_py()!r}"
            )
        return found.astype(np.int64)

    def rows(self, ids: pa.Array) -> np.ndarray:
        """Row number of each id of ``ids`` (int64).

        Raises:
            ValueError: When an id is not in the statements table.
        """
        n = len(ids)
        if n == 0:
            return np.empty(0, dtype=np.int64)
        if self._index is not None:
            return self._hashed(ids)
        if n > 1:
            change = pc.fill_null(pc.not_equal(ids.slice(1), ids.slice(0, n - 1)), True)
            starts = np.concatenate(
                ([0], np.flatnonzero(change.to_numpy(zero_copy_only=False)) + 1)
            )
        else:
            starts = np.zeros(1, dtype=np.int64)
        runs = ids.take(pa.array(starts))
        found = np.empty(len(runs), dtype=np.int64)
        i = 0
        if self._last_id is not None and runs[0].as_py() == self._last_id:
            found[0] = self._last
            i = 1
        while i < len(runs):
            rest = runs.slice(i)
            local = pc.fill_null(pc.index_in(rest, value_set=self._window), -1).to_numpy()
            glob = np.where(local >= 0, local + self._start, -1)
            prev = np.concatenate(([self._last], glob[:-1]))
            bad = np.flatnonzero((local < 0) | (glob <= prev))
            k = int(bad[0]) if bad.size else len(rest)
            found[i : i + k] = glob[:k]
            if k:
                self._last = int(glob[k - 1])
            i += k
            if i == len(runs):
                break
            if local[k] >= 0 or not self._extend():  # out of order, or not there at all
                found[i:] = self._hashed(runs.slice(i))
                break
        self._last_id = runs[len(runs) - 1].as_py()
        if self._index is not None:
            self._last_id = None
        return np.repeat(found, np.diff(np.append(starts, n)))


@dataclass
class Statements:
    """What the aggregates need of the statements table: each row's speaker, as a code.

    Attributes:
        n: Rows.
        speaker_of: Speaker code of each row (int32); ``speakers[code]`` is the speaker, ``""``
            for narration (an empty or missing speaker).
        speakers: Speaker of each code.
        actors: Speakers with ``speaker_type == "actor"``, sorted, ``""`` left out.
        rejected: Statements per speaker whose ``stance`` is ``rejects`` (not scored; the
            ``n_rejected`` of ``sentiment_by_actor``), sorted by speaker.
    """

    n: int
    speaker_of: np.ndarray
    speakers: list[str]
    actors: list[str]
    rejected: dict[str, int] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Statements:
        """Read ``speaker``, ``speaker_type`` and ``stance`` of a statements table, by batches.

        A table without ``stance`` (written before it existed) counts no rejected claims.

        Example:
            >>> import tempfile
            >>> p = Path(tempfile.mkdtemp()) / "statements.parquet"
            >>> pq.write_table(pa.table({"statement_id": ["1", "2"], "speaker": ["x", None],
            ...                          "speaker_type": ["actor", "narration"]}), p)
            >>> st = Statements.read(p)
            >>> st.speakers, st.speaker_of.tolist(), st.actors, st.rejected
            (['x', ''], [0, 1], ['x'], {})
        """
        from mediaframes.sentiment import REJECTS

        file = pq.ParquetFile(path)
        n = file.metadata.num_rows
        columns = ["speaker", "speaker_type"]
        if "stance" in file.schema_arrow.names:
            columns.append("stance")
        speaker_of = np.empty(n, dtype=np.int32)
        index: dict[Any, int] = {}
        actor_codes: set[int] = set()
        rejected: dict[int, int] = {}
        pos = 0
        for batch in batches(path, columns):
            speaker = pc.fill_null(batch.column(0).cast(pa.string()), "")
            codes = codes_of(speaker, index)
            speaker_of[pos : pos + len(codes)] = codes
            pos += len(codes)
            is_actor = pc.fill_null(pc.equal(batch.column(1), "actor"), False)
            actor_codes.update(np.unique(codes[is_actor.to_numpy(zero_copy_only=False)]).tolist())
            if len(columns) == 3:
                rejects = pc.fill_null(pc.equal(batch.column(2).cast(pa.string()), REJECTS), False)
                for code in codes[rejects.to_numpy(zero_copy_only=False)].tolist():
                    rejected[code] = rejected.get(code, 0) + 1
        speakers = list(index)
        actors = sorted({speakers[c] for c in actor_codes} - {""})
        counts = dict(sorted((speakers[c], k) for c, k in rejected.items()))
        return cls(n, speaker_of, speakers, actors, counts)


# --- the tables ----------------------------------------------------------------------------------


def _sentiment(out: Path, st: Statements, spool: Spool) -> tuple[list[str], list[str]]:
    """Spool the sentiment table: per method (row, score, label) and per (speaker, method) scores.

    Returns:
        The methods and the labels, in code order.
    """
    rows = StatementRows(out / "statements.parquet", "sentiment.parquet")
    methods: dict[Any, int] = {}
    labels: dict[Any, int] = {}
    for batch in batches(out / "sentiment.parquet", ["statement_id", "method", "score", "label"]):
        row = rows.rows(batch.column(0))
        method = codes_of(batch.column(1), methods)
        score = batch.column(2).cast(pa.float64()).to_numpy(zero_copy_only=False)
        label = codes_of(batch.column(3), labels)
        speaker = st.speaker_of[row]
        key = speaker.astype(np.int64) * (len(methods) + 1) + method
        order = np.argsort(key, kind="stable")
        bounds = np.flatnonzero(np.diff(key[order])) + 1
        for part in np.split(order, bounds):
            s, m = int(speaker[part[0]]), int(method[part[0]])
            spool.add(("group", s, m), score[part])
        order = np.argsort(method, kind="stable")
        bounds = np.flatnonzero(np.diff(method[order])) + 1
        for part in np.split(order, bounds):
            m = int(method[part[0]])
            spool.add(("row", m), row[part].astype(np.int32))
            spool.add(("score", m), score[part])
            spool.add(("label", m), label[part].astype(np.int16))
    if st.n >= 2**31 or len(labels) >= 2**15:
        raise ValueError("sentiment table too large for 32-bit rows or 16-bit label codes")
    return list(methods), list(labels)


def group_stats(values: np.ndarray) -> tuple[int, float]:
    """``count`` and ``mean`` of one group as ``groupby(...)["score"].agg(["count", "mean"])``.

    pandas sums a group with Kahan compensation in row order (``group_mean``), skipping NaN;
    this is the same loop, so the means are bit for bit those of the grouped frame (a
    single-group ``groupby`` takes another path and can differ in the last bit).

    Example:
        >>> group_stats(np.array([0.5, np.nan, 1.5]))
        (2, 1.0)
    """
    total = comp = 0.0
    count = 0
    for val in values.tolist():
        if val != val:
            continue
        count += 1
        y = val - comp
        t = total + y
        comp = t - total - y
        if comp != comp:  # an infinite value: pandas resets the compensation
            comp = 0.0
        total = t
    return count, (total / count if count else float("nan"))


def _sentiment_tables(
    st: Statements, spool: Spool, methods: list[str], labels: list[str], seed: int, n_boot: int
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    from mediaframes import compare, sentiment

    groups = sorted(
        (st.speakers[key[1]], methods[key[2]], key)
        for key in spool.keys()
        if key[0] == "group" and methods[key[2]] is not None
    )
    by_actor = sentiment.summarize_groups(
        (((spk, meth), spool.read(key)) for spk, meth, key in groups if spk != ""),
        ["speaker", "method"],
        seed,
        n_boot,
    )
    by_actor = sentiment.with_rejected_counts(by_actor, st.rejected)
    release_memory()  # the bootstrap's resamples
    actors = set(st.actors)
    wanted = [(spk, meth, key) for spk, meth, key in groups if spk in actors]
    stats = pd.DataFrame(columns=["count", "mean"])
    if wanted:
        stats = pd.DataFrame(
            [group_stats(spool.read(key)) for _, _, key in wanted],
            index=pd.MultiIndex.from_tuples(
                [(spk, meth) for spk, meth, _ in wanted], names=["speaker", "method"]
            ),
            columns=["count", "mean"],
        ).astype({"count": np.int64, "mean": np.float64})
    spooled = {(spk, meth): key for spk, meth, key in wanted}
    differences = compare.sentiment_difference_table(
        stats,
        st.actors,
        sorted(str(m) for m in methods),
        lambda spk, meth: spool.read(spooled[(spk, meth)]),  # one pair's two groups at a time
        seed=seed,
        n_boot=n_boot,
    )
    release_memory()  # the bootstrap's resamples
    agreement = _method_agreement(st.n, spool, methods, labels)
    return by_actor, agreement, differences


def _every_row_once(n: int, row: np.ndarray) -> bool:
    """Whether ``row`` is ``0, 1, …, n - 1``; raises when a row comes twice."""
    if len(row) == n and (n == 0 or (row[0] == 0 and (np.diff(row) == 1).all())):
        return True
    repeated = row.size - np.unique(row).size
    if repeated:
        raise ValueError(f"sentiment table has {repeated} repeated (statement_id, method) row(s)")
    return False


def _dense(n: int, spool: Spool, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Score (NaN when missing) and label code (-1) of method ``m`` for every statement row."""
    row = spool.read(("row", m))
    score, label = spool.read(("score", m)), spool.read(("label", m))
    if _every_row_once(n, row):
        return score, label
    dense_score = np.full(n, np.nan)
    dense_score[row] = score
    dense_label = np.full(n, -1, dtype=np.int32)
    dense_label[row] = label
    return dense_score, dense_label


def _method_agreement(n: int, spool: Spool, methods: list[str], labels: list[str]) -> pd.DataFrame:
    """:func:`mediaframes.sentiment.method_agreement`, two methods' columns at a time."""
    from mediaframes import sentiment

    code = {name: i for i, name in enumerate(methods)}
    for m in range(len(methods)):  # as check_sentiment_table, even for a single method
        _every_row_once(n, spool.read(("row", m)))
    rows = []
    for a, b in itertools.combinations(sentiment._method_order(methods), 2):
        # one score column in memory at a time: NaN masks first, then each column is ranked
        xa, la = _dense(n, spool, code[a])
        nan_a = np.isnan(xa)
        del xa
        xb, lb = _dense(n, spool, code[b])
        both = ~(nan_a | np.isnan(xb))
        del xb, nan_a
        every = bool(both.all())
        if not every:
            la, lb = la[both], lb[both]
        k = int(la.size)
        n_equal = int(np.count_nonzero(la == lb))
        ca = np.bincount(la, minlength=len(labels)) if k else np.zeros(len(labels), np.int64)
        cb = np.bincount(lb, minlength=len(labels)) if k else np.zeros(len(labels), np.int64)
        del la, lb
        counts_a = {labels[i]: int(c) for i, c in enumerate(ca) if c}
        counts_b = {labels[i]: int(c) for i, c in enumerate(cb) if c}
        # sentiment.spearman_lowmem: nan for n < 3 or a constant column, else ranks -> corrcoef
        r = float("nan")
        if k >= 3:
            ranked = np.empty((k, 2), dtype=sentiment.rank_dtype(k))
            for col, m in enumerate((a, b)):
                x = _dense(n, spool, code[m])[0]
                x = x if every else x[both]
                if np.ptp(x) == 0:
                    break
                sentiment.average_ranks(x, out=ranked[:, col])
                del x
            else:
                r = sentiment.spearman_of_ranks(ranked)
            del ranked
        del both
        rows.append(
            {
                "method_a": a,
                "method_b": b,
                "n": k,
                "spearman_r": r,
                "label_agreement": n_equal / k if k else float("nan"),
                "cohen_kappa": sentiment.kappa_from_counts(k, n_equal, counts_a, counts_b),
            }
        )
    return pd.DataFrame(
        rows, columns=["method_a", "method_b", "n", "spearman_r", "label_agreement", "cohen_kappa"]
    )


def _frames_tables(out: Path, st: Statements, spool: Spool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``frames_by_actor`` and ``actor_frame_differences`` (negated labels included)."""
    from mediaframes import compare, framing

    rows = StatementRows(out / "statements.parquet", "frames.parquet")
    codebooks: dict[Any, int] = {}
    frame_names: dict[Any, int] = {}
    frames: dict[int, int] = {}  # codebook code << 24 | frame code -> frame key
    counts: dict[tuple[int, int], int] = {}
    carry: set[int] = set()  # (row, frame) keys of the last row of the previous batch
    carry_row = -1
    n_rows = 0
    for batch in batches(out / "frames.parquet", ["statement_id", "codebook", "frame"]):
        n_rows += batch.num_rows
        row = rows.rows(batch.column(0))
        ok = pc.and_(pc.is_valid(batch.column(1)), pc.is_valid(batch.column(2)))
        ok = ok.to_numpy(zero_copy_only=False)
        mask = pa.array(ok)
        pair = codes_of(batch.column(1).filter(mask), codebooks) * (1 << 24) + codes_of(
            batch.column(2).filter(mask), frame_names
        )
        values, inverse = np.unique(pair, return_inverse=True)
        frame = np.array([frames.setdefault(int(v), len(frames)) for v in values], np.int64)
        frame = frame[inverse] if values.size else np.empty(0, np.int64)
        row = row[ok]
        key = np.unique(row * (1 << 24) + frame)
        spool.add("frame_keys", key)
        if not rows.ordered:
            continue
        if carry_row >= 0:
            key = key[~np.isin(key, np.fromiter(carry, np.int64, len(carry)))]
        rws, fr = key >> 24, key & ((1 << 24) - 1)
        for (s, f), c in _count_pairs(st.speaker_of[rws], fr).items():
            counts[(s, f)] = counts.get((s, f), 0) + c
        if key.size:
            last = int(rws.max())
            if last != carry_row:
                carry = set()
                carry_row = last
            carry.update(key[rws == last].tolist())
    if max(len(frames), len(codebooks), len(frame_names)) >= 1 << 24:
        raise ValueError(f"frames.parquet: too many distinct frames ({len(frames)})")
    if not rows.ordered:  # another order: count distinct (statement, frame) pairs at once
        key = np.unique(spool.read("frame_keys", np.int64))
        counts = _count_pairs(st.speaker_of[key >> 24], key & ((1 << 24) - 1))
    cb_names, fr_names, pairs = list(codebooks), list(frame_names), list(frames)
    mask24 = (1 << 24) - 1
    table = [
        (st.speakers[s], cb_names[pairs[f] >> 24], fr_names[pairs[f] & mask24], c)
        for (s, f), c in counts.items()
    ]
    cols = ["speaker", "codebook", "frame", "n_statements", "share"]
    if n_rows == 0 or not table:
        by = pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    else:
        totals = pd.Series(
            np.bincount(st.speaker_of, minlength=len(st.speakers)), index=st.speakers
        )
        by = framing.frames_by_actor_table(
            pd.DataFrame(table, columns=cols[:4]), totals.groupby(level=0).sum()
        )
    counts = pd.Series(np.bincount(st.speaker_of, minlength=len(st.speakers)), index=st.speakers)
    totals = counts.groupby(level=0).sum().to_dict()
    return by, compare.frame_difference_table(by, st.actors, totals)


def _count_pairs(speaker: np.ndarray, frame: np.ndarray) -> dict[tuple[int, int], int]:
    key = speaker.astype(np.int64) * (1 << 24) + frame
    values, counts = np.unique(key, return_counts=True)
    return {
        (int(v >> 24), int(v & ((1 << 24) - 1))): int(c)
        for v, c in zip(values, counts, strict=True)
    }


def _tone_table(out: Path, spool: Spool, seed: int, n_boot: int) -> pd.DataFrame:
    """``aggregate_tone``: per (actor, method) scores spooled, then summarized group by group."""
    from mediaframes import sentiment

    actors: dict[Any, int] = {}
    methods: dict[Any, int] = {}
    for batch in batches(out / "tone.parquet", ["actor", "method", "score"]):
        actor = codes_of(batch.column(0), actors)
        method = codes_of(batch.column(1), methods)
        score = batch.column(2).cast(pa.float64()).to_numpy(zero_copy_only=False)
        key = actor * (1 << 24) + method
        order = np.argsort(key, kind="stable")
        bounds = np.flatnonzero(np.diff(key[order])) + 1
        for part in np.split(order, bounds):
            if part.size:
                spool.add(("tone", int(actor[part[0]]), int(method[part[0]])), score[part])
    actor_names, method_names = list(actors), list(methods)
    groups = sorted(
        (actor_names[key[1]], method_names[key[2]], key)
        for key in spool.keys()
        if key[0] == "tone" and actor_names[key[1]] is not None and method_names[key[2]] is not None
    )
    return sentiment.summarize_groups(
        (((a, m), spool.read(key)) for a, m, key in groups), ["actor", "method"], seed, n_boot
    )


def release_memory() -> None:
    """Hand freed heap memory back to the system (glibc's ``malloc_trim``; elsewhere nothing).

    Large numpy temporaries of one phase (ranks, a float64 copy for ``np.corrcoef``) are freed
    but can stay resident in the C heap; trimming between phases keeps them from adding up
    with the next phase's.

    Example:
        >>> release_memory()
    """
    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


#: File next to the corpus-level tables that records how their intervals were computed.
SETTINGS_FILE = "aggregates.json"


def bootstrap_settings(seed: int, n_boot: int) -> dict[str, Any]:
    """What ``aggregates.json`` records: the bootstrap behind ``ci_low``/``ci_high``.

    Keys: ``seed``, ``bootstrap_n`` (resamples per interval), ``ci_level`` (0.95),
    ``ci_method`` (``percentile``) and ``tables`` (the tables whose intervals they produced).
    With the same values, ``mediaframes run`` (parameters ``seed`` and ``bootstrap_n``) gives
    the same intervals.

    Example:
        >>> bootstrap_settings(0, 1000)["bootstrap_n"]
        1000
    """
    return {
        "seed": seed,
        "bootstrap_n": n_boot,
        "ci_level": 0.95,
        "ci_method": "percentile",
        "tables": [
            "sentiment_by_actor.csv",
            "tone_by_actor.csv",
            "actor_sentiment_differences.csv",
        ],
    }


def write_aggregates(out: Path, seed: int = 0, n_boot: int = BOOTSTRAP_N) -> list[str]:
    """Compute the corpus-level tables from the per-article Parquet tables in ``out``.

    Args:
        out: Output folder of ``mediaframes analyze`` (``statements``, ``sentiment``,
            ``frames`` and ``tone`` ``.parquet``).
        seed: Seed of the bootstrap intervals.
        n_boot: Bootstrap resamples per interval (default
            :data:`mediaframes.config.BOOTSTRAP_N`, as ``mediaframes run``).

    Returns:
        The files written, in order.

    Raises:
        ValueError: When a table names a statement missing from the statements table, or
            repeats a (statement, method) pair.

    Example:
        >>> write_aggregates(Path("build/analysis"))  # doctest: +SKIP
        ['sentiment_by_actor.csv', 'sentiment_method_agreement.csv', ...]
    """
    out = Path(out)
    written: list[str] = []

    def save(df: pd.DataFrame, name: str) -> None:
        df.to_csv(out / name, index=False, lineterminator="\n")
        written.append(name)

    tmp = Path(tempfile.mkdtemp(prefix=".aggregates-", dir=out))
    release_memory()  # what the per-article pass freed
    try:
        st = Statements.read(out / "statements.parquet")
        spool = Spool(tmp / "sentiment")
        spool.folder.mkdir()
        methods, labels = _sentiment(out, st, spool)
        by_actor, agreement, differences = _sentiment_tables(
            st, spool, methods, labels, seed, n_boot
        )
        save(by_actor, "sentiment_by_actor.csv")
        save(agreement, "sentiment_method_agreement.csv")
        save(differences, "actor_sentiment_differences.csv")
        del by_actor, agreement, differences
        shutil.rmtree(spool.folder)
        release_memory()
        spool = Spool(tmp / "frames")
        spool.folder.mkdir()
        by, frame_diff = _frames_tables(out, st, spool)
        save(by, "frames_by_actor.csv")
        save(frame_diff, "actor_frame_differences.csv")
        del st
        shutil.rmtree(spool.folder)
        release_memory()
        spool = Spool(tmp / "tone")
        spool.folder.mkdir()
        save(_tone_table(out, spool, seed, n_boot), "tone_by_actor.csv")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    settings = json.dumps(bootstrap_settings(seed, n_boot), indent=2, sort_keys=True)
    (out / SETTINGS_FILE).write_text(settings + "\n", encoding="utf-8")
    written.append(SETTINGS_FILE)
    return written

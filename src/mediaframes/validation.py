"""Validate the sentiment methods against a researcher's own hand coding.

Workflow:

1. ``mediaframes validate export --statements statements.csv --out coding.csv`` draws a
   stratified random sample of statements (:func:`export_coding_sample`) and writes it with the
   scores hidden and two empty columns to fill in.
2. A coder fills ``coder_label`` (``negative``, ``neutral`` or ``positive``) for each row, and
   optionally ``coder_score`` (a number in −1…1) and ``notes``. The coder should judge the same
   text the methods score: ``quote_text`` for a statement, ``text`` for narration (an empty
   ``quote_text``); ``text`` gives the context. Rows left without a label are skipped and counted
   (``n_uncoded``). Lines starting with ``#`` before the header are comments.
3. ``mediaframes validate score --coded coding.csv --sentiment sentiment.csv --out DIR`` compares
   (:func:`validate_coding`) and writes ``DIR/validation.csv``.

Tables:

coding sample (:func:`export_coding_sample`)
    ``statement_id, article_id, speaker, text, quote_text, coder_label, coder_score, notes``
    (the last three empty), in a random order fixed by the seed.
``validation.csv`` (:func:`validate_coding`)
    ``method, n, n_uncoded, accuracy, macro_f1, spearman_r, krippendorff_alpha``: per method,
    over the coded statements it scored. ``accuracy`` and ``macro_f1`` compare labels (macro-F1
    averages the F1 of each label present among the coder's or the method's labels; a label
    never predicted has F1 0). ``spearman_r`` compares the method's score with ``coder_score``
    when every coded row has one, else with the coder's label as −1/0/1. ``krippendorff_alpha``
    treats the coder and the method as two annotators of the labels as −1/0/1 with the interval
    distance (nltk ``AnnotationTask``, no data download needed).

Example:
    >>> LABEL_VALUE["neutral"]
    0
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from mediaframes.sentiment import (
    LABEL_VALUE,
    LABELS,
    _method_order,
    check_sentiment_table,
    spearman,
)

CODING_COLUMNS: tuple[str, ...] = (
    "statement_id",
    "article_id",
    "speaker",
    "text",
    "quote_text",
    "coder_label",
    "coder_score",
    "notes",
)
"""Columns of the coding sample, in order."""

VALIDATION_COLUMNS: tuple[str, ...] = (
    "method",
    "n",
    "n_uncoded",
    "accuracy",
    "macro_f1",
    "spearman_r",
    "krippendorff_alpha",
)
"""Columns of ``validation.csv``."""


class CodingFileError(ValueError):
    """A coded file (or statements table) that cannot be used; the message names file and row."""


def _allocate(sizes: dict[tuple, int], n: int) -> dict[tuple, int]:
    """Split ``n`` draws over strata in proportion to their sizes (largest remainder).

    When ``n`` is at least the number of strata, a stratum left with no draw takes one from
    the stratum with the most draws, so every stratum is represented.

    Example:
        >>> _allocate({("a",): 98, ("b",): 1, ("c",): 1}, 10)
        {('a',): 8, ('b',): 1, ('c',): 1}
    """
    total = sum(sizes.values())
    keys = sorted(sizes)
    if n >= total:
        return {k: sizes[k] for k in keys}
    quotas = {k: n * sizes[k] / total for k in keys}
    alloc = {k: math.floor(quotas[k]) for k in keys}
    left = n - sum(alloc.values())
    for k in sorted(keys, key=lambda k: (-(quotas[k] - alloc[k]), k))[:left]:
        alloc[k] += 1
    if n >= len(keys):
        for k in keys:
            if alloc[k] == 0:
                donor = max(keys, key=lambda d: (alloc[d], -keys.index(d)))
                alloc[donor] -= 1
                alloc[k] = 1
    return alloc


def export_coding_sample(
    statements_df: pd.DataFrame,
    n: int = 100,
    seed: int = 0,
    strata: Sequence[str] = ("speaker", "quote_type"),
) -> pd.DataFrame:
    """Draw a stratified random sample of statements for hand coding, scores hidden.

    Each stratum (combination of ``strata`` values) gets a share of ``n`` proportional to its
    size, at least one statement when ``n`` allows (so rare speakers are represented); within a
    stratum statements are drawn at random. The result is shuffled so that coders do not see
    statements grouped by speaker.

    Args:
        statements_df: Statements table (``statement_id, article_id, speaker, text,
            quote_text`` and the ``strata`` columns).
        n: Sample size (all statements when there are fewer).
        seed: Seed of the numpy Generator.
        strata: Columns defining the strata.

    Returns:
        A DataFrame with :data:`CODING_COLUMNS`; ``coder_label``, ``coder_score`` and ``notes``
        are empty strings.

    Raises:
        CodingFileError: When a needed column is missing or statement ids repeat.

    Example:
        >>> st = pd.DataFrame({"statement_id": ["a:1", "a:2", "a:3"], "article_id": ["a"] * 3,
        ...                    "speaker": ["x", "x", "y"], "quote_type": ["direct"] * 3,
        ...                    "text": ["t1", "t2", "t3"], "quote_text": ["q1", "q2", "q3"]})
        >>> sorted(export_coding_sample(st, n=2, seed=1)["speaker"])
        ['x', 'y']
    """
    need = ["statement_id", "article_id", "speaker", "text", "quote_text", *strata]
    missing = [c for c in dict.fromkeys(need) if c not in statements_df.columns]
    if missing:
        raise CodingFileError(f"statements table lacks column(s) {missing}")
    dup = statements_df["statement_id"][statements_df["statement_id"].duplicated()]
    if not dup.empty:
        raise CodingFileError(f"statements table repeats statement id(s) {sorted(set(dup))[:3]}")
    if n < 0:
        raise ValueError("n must be >= 0")
    df = statements_df.sort_values("statement_id", kind="stable").reset_index(drop=True)
    df[list(strata)] = df[list(strata)].fillna("").astype(str)
    rng = np.random.default_rng(seed)
    groups = (
        {
            (k if isinstance(k, tuple) else (k,)): g.index.to_numpy()
            for k, g in df.groupby(list(strata), sort=True)
        }
        if strata
        else {(): df.index.to_numpy()}
    )
    alloc = _allocate({k: len(v) for k, v in groups.items()}, n)
    chosen = np.concatenate(
        [rng.choice(groups[k], size=alloc[k], replace=False) for k in sorted(groups)]
        or [np.array([], dtype=int)]
    )
    chosen = chosen[rng.permutation(chosen.size)]
    out = df.loc[chosen, ["statement_id", "article_id", "speaker", "text", "quote_text"]].copy()
    for col in ("speaker", "text", "quote_text"):
        out[col] = out[col].fillna("").astype(str)
    out["coder_label"] = ""
    out["coder_score"] = ""
    out["notes"] = ""
    return out[list(CODING_COLUMNS)].reset_index(drop=True)


def write_coding_sample(sample: pd.DataFrame, path: str | Path) -> Path:
    """Write a coding sample to CSV (UTF-8, no index) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sample.to_csv(path, index=False, encoding="utf-8")
    return path


def _comment_lines(path: Path) -> int:
    """Number of leading lines starting with ``#`` (comments before the header)."""
    count = 0
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            if line.startswith("#"):
                count += 1
            else:
                break
    return count


def read_coded_file(path: str | Path) -> pd.DataFrame:
    """Read a coded CSV file, keeping all cells as text.

    The file must be UTF-8 (a byte-order mark, as spreadsheet programs write, is fine); comma- or
    semicolon-separated; ``#`` lines before the header are comments.

    Args:
        path: The file.

    Returns:
        The table, with an extra column ``_line``: the row number a spreadsheet shows for each
        record (comment lines and the header count as rows), used in error messages;
        ``df.attrs["source"]`` is the path.

    Raises:
        CodingFileError: When the file is missing, not UTF-8, or not a readable CSV.
    """
    path = Path(path)
    if not path.is_file():
        raise CodingFileError(f"{path}: no such file")
    try:
        skip = _comment_lines(path)
        df = pd.read_csv(
            path, dtype=str, keep_default_na=False, skiprows=skip, encoding="utf-8-sig"
        )
        if len(df.columns) == 1 and ";" in str(df.columns[0]):
            df = pd.read_csv(
                path, dtype=str, keep_default_na=False, skiprows=skip, encoding="utf-8-sig", sep=";"
            )
    except UnicodeDecodeError as exc:
        raise CodingFileError(
            f"{path}: not UTF-8 text (byte {exc.start}); save it as 'CSV UTF-8'"
        ) from exc
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise CodingFileError(f"{path}: not a readable CSV file ({exc})") from exc
    df["_line"] = np.arange(len(df)) + skip + 2
    df.attrs["source"] = str(path)
    return df


def _clean_coded(coded_df: pd.DataFrame, known_ids: set[str], source: str) -> pd.DataFrame:
    """Check a coded table; return its coded rows with ``label`` and ``value`` columns."""
    required = ["statement_id", "coder_label"]
    missing = [c for c in required if c not in coded_df.columns]
    if missing:
        raise CodingFileError(
            f"{source}: missing column(s) {missing}; a coded file needs {required} "
            f"(and optionally coder_score)"
        )
    df = coded_df.copy()
    if "_line" not in df.columns:
        df["_line"] = np.arange(len(df)) + 2
    has_score = "coder_score" in df.columns
    seen: dict[str, int] = {}
    rows = []
    for rec in df.to_dict("records"):
        line = rec["_line"]
        where = f"{source}: row {line}"
        sid = str(rec["statement_id"]).strip()
        if sid in ("", "nan"):
            raise CodingFileError(f"{where}: empty statement_id")
        if sid in seen:
            raise CodingFileError(f"{where}: statement_id {sid!r} repeats row {seen[sid]}")
        seen[sid] = line
        if sid not in known_ids:
            raise CodingFileError(f"{where}: unknown statement_id {sid!r} (not in sentiment table)")
        raw_label = rec["coder_label"]
        label = "" if pd.isna(raw_label) else str(raw_label).strip().lower()
        raw_score = rec.get("coder_score", "") if has_score else ""
        score_text = "" if pd.isna(raw_score) else str(raw_score).strip()
        score = float("nan")
        if score_text:
            try:
                score = float(score_text)
            except ValueError:
                raise CodingFileError(
                    f"{where}: coder_score {score_text!r} is not a number"
                ) from None
            if not -1.0 <= score <= 1.0:
                raise CodingFileError(f"{where}: coder_score {score} is outside -1..1")
        if not label:
            if score_text:
                raise CodingFileError(f"{where}: coder_score given but coder_label is empty")
            continue
        if label not in LABEL_VALUE:
            raise CodingFileError(
                f"{where}: unknown coder_label {raw_label!r}; use one of {list(LABELS)}"
            )
        rows.append({"statement_id": sid, "coder_label": label, "coder_score": score})
    out = pd.DataFrame(rows, columns=["statement_id", "coder_label", "coder_score"])
    out.attrs["n_rows"] = len(df)
    return out


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Macro-averaged F1 over the labels present in ``gold`` or ``pred``.

    Per label, precision or recall with an empty denominator counts as 0 (as scikit-learn's
    ``zero_division=0``).

    Example:
        >>> macro_f1(["positive", "negative"], ["positive", "positive"])
        0.3333333333333333
    """
    labels = sorted(set(gold) | set(pred))
    if not labels:
        return float("nan")
    f1s = []
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(f1s)


def krippendorff_alpha(a: Sequence[float], b: Sequence[float]) -> float:
    """Krippendorff's alpha (interval distance) for two annotators, via nltk's AnnotationTask.

    Args:
        a: Values of the first annotator, one per item.
        b: Values of the second annotator, same items in the same order.

    Returns:
        Alpha; NaN when there are fewer than 2 items or no variation at all.

    Example:
        >>> round(krippendorff_alpha([1, -1, 0], [1, 0, 0]), 4)
        0.7059
    """
    from nltk.metrics.agreement import AnnotationTask
    from nltk.metrics.distance import interval_distance

    if len(a) != len(b):
        raise ValueError("krippendorff_alpha: sequences differ in length")
    if len(a) < 2 or len(set(a) | set(b)) < 2:
        return float("nan")
    data = [("coder", str(i), float(v)) for i, v in enumerate(a)]
    data += [("method", str(i), float(v)) for i, v in enumerate(b)]
    return float(AnnotationTask(data=data, distance=interval_distance).alpha())


def validate_coding(
    coded_df: pd.DataFrame, sentiment_df: pd.DataFrame, source: str | None = None
) -> pd.DataFrame:
    """Compare each method with the hand coding.

    Args:
        coded_df: The coded table (from :func:`read_coded_file` or any DataFrame with
            ``statement_id, coder_label`` and optionally ``coder_score``).
        sentiment_df: ``sentiment.csv`` table (``statement_id, method, score, label``).
        source: Name of the coded file for error messages (default ``coded_df.attrs["source"]``).

    Returns:
        One row per method with :data:`VALIDATION_COLUMNS`, in method order.

    Raises:
        CodingFileError: Missing columns, unknown labels, unknown or repeated statement ids,
            bad scores — the message names the file and the row.

    Example:
        >>> coded = pd.DataFrame({"statement_id": ["a", "b", "c"],
        ...                       "coder_label": ["positive", "negative", "neutral"]})
        >>> sent = pd.DataFrame({"statement_id": ["a", "b", "c"], "method": ["vader"] * 3,
        ...                      "score": [0.5, -0.4, 0.3],
        ...                      "label": ["positive", "negative", "positive"]})
        >>> validate_coding(coded, sent)[["method", "n", "accuracy"]].values.tolist()
        [['vader', 3, 0.6666666666666666]]
    """
    source = source or coded_df.attrs.get("source", "coded table")
    try:
        check_sentiment_table(sentiment_df)
    except ValueError as exc:
        raise CodingFileError(str(exc)) from None
    sent = sentiment_df.assign(statement_id=sentiment_df["statement_id"].astype(str))
    coded = _clean_coded(coded_df, set(sent["statement_id"]), source)
    n_uncoded = coded.attrs["n_rows"] - len(coded)
    use_scores = len(coded) > 0 and bool(coded["coder_score"].notna().all())
    rows = []
    for method in _method_order(sent["method"].unique()):
        m = sent[sent["method"] == method].merge(coded, on="statement_id")
        m = m.sort_values("statement_id", kind="stable")
        gold, pred = m["coder_label"].tolist(), m["label"].tolist()
        gold_v = [LABEL_VALUE[g] for g in gold]
        pred_v = [LABEL_VALUE.get(p, float("nan")) for p in pred]
        human = m["coder_score"].tolist() if use_scores else gold_v
        n = len(m)
        rows.append(
            {
                "method": method,
                "n": n,
                "n_uncoded": n_uncoded,
                "accuracy": (sum(g == p for g, p in zip(gold, pred, strict=True)) / n)
                if n
                else float("nan"),
                "macro_f1": macro_f1(gold, pred),
                "spearman_r": spearman(m["score"].tolist(), human),
                "krippendorff_alpha": krippendorff_alpha(gold_v, pred_v),
            }
        )
    return pd.DataFrame(rows, columns=list(VALIDATION_COLUMNS))


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a statements or sentiment table (CSV or Parquet), with a clear error naming the file.

    Lines starting with ``#`` before a CSV header are skipped. Text cells stay text (no NaN).

    Args:
        path: The file.

    Returns:
        The table.

    Raises:
        CodingFileError: When the file is missing or unreadable.
    """
    path = Path(path)
    if not path.is_file():
        raise CodingFileError(f"{path}: no such file")
    try:
        if path.suffix.lower() in (".parquet", ".pq"):
            return pd.read_parquet(path)
        return pd.read_csv(
            path,
            dtype={"statement_id": str, "speaker": str, "text": str, "quote_text": str},
            keep_default_na=False,
            skiprows=_comment_lines(path),
            encoding="utf-8-sig",
        )
    except Exception as exc:  # any reader failure becomes an error naming the file
        raise CodingFileError(f"{path}: cannot read table ({exc})") from exc


def export_command(args: argparse.Namespace) -> int:
    """``mediaframes validate export``: write a coding sample CSV."""
    try:
        statements = read_table(args.statements)
        sample = export_coding_sample(statements, n=args.n, seed=args.seed)
    except CodingFileError as exc:
        print(f"error: mediaframes validate: {exc}", file=sys.stderr)
        return 1
    out = write_coding_sample(sample, args.out)
    print(f"wrote {len(sample)} statements to code to {out} (seed {args.seed})")
    return 0


def score_command(args: argparse.Namespace) -> int:
    """``mediaframes validate score``: compare a coded file with the methods' scores."""
    try:
        coded = read_coded_file(args.coded)
        sentiment = read_table(args.sentiment)
        table = validate_coding(coded, sentiment, source=str(args.coded))
    except CodingFileError as exc:
        print(f"error: mediaframes validate: {exc}", file=sys.stderr)
        return 1
    with pd.option_context("display.width", 120, "display.max_columns", 20):
        print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    if args.out is not None:
        out_dir = Path(args.out)
        out_dir.mkdir(parents=True, exist_ok=True)
        table.to_csv(out_dir / "validation.csv", index=False)
        print(f"wrote {out_dir / 'validation.csv'}")
    return 0

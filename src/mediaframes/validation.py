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
    ``statement_id, article_id, speaker, text, quote_text, coder_label, coder_score, notes,
    stratum, stratum_size`` (``coder_label, coder_score, notes`` empty), in a random order fixed
    by the seed. The sample is stratified, not simple random: strata are speaker × quote type,
    each gets a share of ``n`` proportional to its size but at least one statement when ``n``
    allows, so rare speakers are over-represented and narration and frequent speakers
    under-represented. ``stratum`` and ``stratum_size`` (the stratum's number of statements in
    the run) record the design.
``validation.csv`` (:func:`validate_coding`)
    ``method, n, n_uncoded, accuracy, macro_f1, spearman_r, spearman_on,
    krippendorff_alpha_nominal, krippendorff_alpha_interval, accuracy_weighted``: per method,
    over the coded statements it scored. Every column but the last describes the SAMPLE (each
    coded statement counts once), not the corpus. ``accuracy_weighted`` estimates the accuracy
    over the corpus's statements: each stratum's accuracy weighted by its size
    (:func:`weighted_accuracy`, inverse inclusion probabilities); NaN when the file has no
    ``stratum_size`` column. ``accuracy`` and ``macro_f1`` compare labels (macro-F1 averages the F1
    of each label present among the coder's or the method's labels; a label never predicted has
    F1 0). ``spearman_r`` compares the method's score with ``coder_score`` when every coded row
    has one (``spearman_on`` = ``score``), else with the coder's label as −1/0/1
    (``spearman_on`` = ``label``). Krippendorff's alpha treats the coder and the method as two
    annotators of the labels (nltk ``AnnotationTask``, no data download needed):
    ``krippendorff_alpha_nominal`` with the nominal distance (any two different labels disagree
    equally: the alpha content analysis usually reports), ``krippendorff_alpha_interval`` on
    the labels as −1/0/1 with the interval distance (negative vs positive weighs four times
    negative vs neutral); :func:`validate_coding` says why interval, not ordinal.
``frame_validation.csv`` (:func:`validate_frame_coding`)
    :data:`FRAME_VALIDATION_COLUMNS`. Each (statement, frame) is a yes/no decision, so
    ``krippendorff_alpha`` is computed on 0/1 values, where the nominal, ordinal and interval
    levels give the same alpha (one column, no level in its name). As in ``validation.csv``,
    every column but the last describes the coded sample; ``percent_agreement_weighted``
    weights each stratum by its size in the corpus (:func:`weighted_accuracy` of the
    agreements; NaN when the coded file has no ``stratum_size`` column).

A coding file is rejected (the error names the file and the row) when a label is unknown, a
statement id unknown or repeated, a ``coder_score`` not a number in −1…1, or of the opposite
sign to its ``coder_label`` (``negative`` with a score above 0, ``positive`` with one below 0;
``neutral`` takes any score); and when no row has a ``coder_label`` at all (a frame coding file:
no row with ``coder_frames`` filled). It is also rejected
when it has a ``text`` column (the exported sample does) and a row's text differs from the run's
text for the same statement id (:func:`check_stale`): statement ids are positions
(``article:NNN``), so after an article is edited an old coding file would give its labels to other
statements. The commands print a note when some statements of the run have no row in the coding
file (:func:`missing_rows_note`); a sample normally leaves most of them out. An output file
that cannot be written (``--out`` below a file, no permission, disk full) is a one-line error
naming the path and the reason, exit status 1, and an earlier file at that path is kept
(:func:`write_output`).

Example:
    >>> LABEL_VALUE["neutral"]
    0
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from mediaframes import paths
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
    "stratum",
    "stratum_size",
)
"""Columns of the coding sample, in order."""

VALIDATION_COLUMNS: tuple[str, ...] = (
    "method",
    "n",
    "n_uncoded",
    "accuracy",
    "macro_f1",
    "spearman_r",
    "spearman_on",
    "krippendorff_alpha_nominal",
    "krippendorff_alpha_interval",
    "accuracy_weighted",
)
"""Columns of ``validation.csv``."""

#: Separates the values of the stratum columns in the ``stratum`` column of a coding sample.
STRATUM_SEP = " / "


class CodingFileError(ValueError):
    """A coded file (or statements table) that cannot be used; the message names file and row."""


class OutputFileError(OSError):
    """An output file of a ``validate`` command cannot be written; the message names it."""


def write_output(path: str | Path, text: str) -> Path:
    r"""Write ``text`` to ``path`` (UTF-8, line ends as given) through a temporary file.

    The parent folders are created. A file that cannot be written leaves the previous one
    untouched and raises :class:`OutputFileError` naming the path and the reason.

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> write_output(d / "sub" / "x.csv", "a\n1\n").read_text()
        'a\n1\n'
        >>> _ = (d / "f").write_text("")
        >>> write_output(d / "f" / "x.csv", "")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        mediaframes.validation.OutputFileError: cannot write ...: .../f is a file, not a folder
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        paths.write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        blocking = next((a for a in path.parents if a.exists() and not a.is_dir()), None)
        if blocking is not None:
            reason = f"{blocking} is a file, not a folder"
        raise OutputFileError(f"cannot write {path}: {reason}") from None
    return path


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
    scored_only: bool = True,
) -> pd.DataFrame:
    """Draw a stratified random sample of statements for hand coding, scores hidden.

    The design: statements are grouped into strata (each combination of ``strata`` values, by
    default speaker × quote type, narration being one quote type). Each stratum gets a share of
    ``n`` proportional to its size (largest remainder), and then at least one statement when
    ``n`` is at least the number of strata (taken from the stratum with most draws), so rare
    speakers are represented; within a stratum statements are drawn at random without
    replacement. Rare strata are therefore over-represented and large ones (narration, frequent
    speakers) under-represented: a statement of stratum h is drawn with probability
    ``n_h / N_h``. Each row records its ``stratum`` (the values joined by :data:`STRATUM_SEP`)
    and ``stratum_size`` (``N_h``, the stratum's statements in the table), from which
    :func:`validate_coding` weights ``accuracy_weighted``. With fewer draws than strata, some
    strata get none and no estimate covers them. The result is shuffled so that coders do not
    see statements grouped by speaker. With ``scored_only`` (the default: a sentiment sample),
    statements whose ``stance`` is ``rejects`` (a claim the speaker rejects: not scored,
    ``sentiment.statement_stance``) are not drawn and not counted in ``stratum_size``.

    Args:
        statements_df: Statements table (``statement_id, article_id, speaker, text,
            quote_text`` and the ``strata`` columns).
        n: Sample size (all statements when there are fewer).
        seed: Seed of the numpy Generator.
        strata: Columns defining the strata.
        scored_only: Leave out the statements sentiment does not score (rejected claims);
            False for a frame sample (:func:`export_frame_sample`), whose frames count.

    Returns:
        A DataFrame with :data:`CODING_COLUMNS`; ``coder_label``, ``coder_score`` and ``notes``
        are empty strings; ``stratum`` and ``stratum_size`` describe the design.

    Raises:
        CodingFileError: When a needed column is missing or statement ids repeat (the message
            names the file, ``statements_df.attrs["source"]``).
        ValueError: When ``n`` is below 1.

    Example:
        >>> st = pd.DataFrame({"statement_id": ["a:1", "a:2", "a:3"], "article_id": ["a"] * 3,
        ...                    "speaker": ["x", "x", "y"], "quote_type": ["direct"] * 3,
        ...                    "text": ["t1", "t2", "t3"], "quote_text": ["q1", "q2", "q3"]})
        >>> sorted(export_coding_sample(st, n=2, seed=1)["speaker"])
        ['x', 'y']
    """
    where = _table_prefix(statements_df)
    need = ["statement_id", "article_id", "speaker", "text", "quote_text", *strata]
    missing = [c for c in dict.fromkeys(need) if c not in statements_df.columns]
    if missing:
        raise CodingFileError(
            f"{where}statements table lacks column(s) {missing}; has "
            f"{list(statements_df.columns)} (give the run's statements.csv)"
        )
    dup = statements_df["statement_id"][statements_df["statement_id"].duplicated()]
    if not dup.empty:
        raise CodingFileError(
            f"{where}statements table repeats statement id(s) {sorted(set(dup))[:3]}"
        )
    if n < 1:
        raise ValueError(f"n must be >= 1, not {n}")
    if scored_only and "stance" in statements_df.columns:  # a rejected claim is not scored
        statements_df = statements_df[statements_df["stance"].fillna("").astype(str) != "rejects"]
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
    stratum_of = {int(i): k for k, idx in groups.items() for i in idx}
    out = df.loc[chosen, ["statement_id", "article_id", "speaker", "text", "quote_text"]].copy()
    for col in ("speaker", "text", "quote_text"):
        out[col] = out[col].fillna("").astype(str)
    out["coder_label"] = ""
    out["coder_score"] = ""
    out["notes"] = ""
    out["stratum"] = [STRATUM_SEP.join(stratum_of[int(i)]) for i in chosen]
    out["stratum_size"] = [len(groups[stratum_of[int(i)]]) for i in chosen]
    return out[list(CODING_COLUMNS)].reset_index(drop=True)


def write_coding_sample(sample: pd.DataFrame, path: str | Path) -> Path:
    """Write a coding sample to CSV (UTF-8, no index) and return the path.

    Raises:
        OutputFileError: When the file cannot be written (:func:`write_output`).
    """
    return write_output(path, sample.to_csv(index=False))


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


#: Separators a coded file may use; the header line decides (:func:`header_delimiter`).
CODED_DELIMITERS: tuple[str, ...] = (",", ";")


def header_delimiter(header: str) -> str:
    """The separator of a coded file: the one that splits its header line into most fields.

    A spreadsheet saving "CSV" in a locale with a decimal comma writes ``;``; the header line
    (column names, no free text) tells which, whatever the rows below hold. A tie (a header of
    one column) is read as ``,``.

    Args:
        header: The header line (after any ``#`` comment lines).

    Returns:
        One of :data:`CODED_DELIMITERS`.

    Example:
        >>> header_delimiter("statement_id;coder_label;notes")
        ';'
        >>> header_delimiter("statement_id,coder_label")
        ','
    """
    best, most = CODED_DELIMITERS[0], 0
    for sep in CODED_DELIMITERS:
        fields = len(next(csv.reader([header], delimiter=sep), []))
        if fields > most:
            best, most = sep, fields
    return best


def _header_line(path: Path, skip: int) -> str:
    """The first line after ``skip`` comment lines (empty when there is none)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for i, line in enumerate(fh):
            if i == skip:
                return line.rstrip("\r\n")
    return ""


def read_coded_file(path: str | Path) -> pd.DataFrame:
    """Read a coded CSV file, keeping all cells as text.

    The file must be UTF-8 (a byte-order mark, as spreadsheet programs write, is fine); comma- or
    semicolon-separated, as its header line shows (:func:`header_delimiter`), whatever the order
    of the rows; ``#`` lines before the header are comments.

    Args:
        path: The file.

    Returns:
        The table, with an extra column ``_line``: the row number a spreadsheet shows for each
        record (comment lines and the header count as rows), used in error messages;
        ``df.attrs["source"]`` is the path.

    Raises:
        CodingFileError: When the file is missing, not UTF-8, or not a readable CSV (the message
            names the file, the separator read from the header and the parser's reason).
    """
    path = Path(path)
    if not path.is_file():
        raise CodingFileError(f"{path}: no such file")
    sep = ","
    try:
        skip = _comment_lines(path)
        sep = header_delimiter(_header_line(path, skip))
        df = pd.read_csv(
            path, dtype=str, keep_default_na=False, skiprows=skip, encoding="utf-8-sig", sep=sep
        )
    except UnicodeDecodeError as exc:
        raise CodingFileError(
            f"{path}: not UTF-8 text (byte {exc.start}); save it as 'CSV UTF-8'"
        ) from exc
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as exc:
        reason = " ".join(str(exc).split())
        raise CodingFileError(
            f"{path}: not a readable CSV file with {sep!r} as separator (read from the header "
            f"line): {reason}"
        ) from exc
    df["_line"] = np.arange(len(df)) + skip + 2
    df.attrs["source"] = str(path)
    return df


_DECIMAL_COMMA = re.compile(r"[+-]?\d*,\d+")


def coded_number(text: str) -> float:
    """A number of a coding file: ``0.5``, or ``0,5`` with a decimal comma.

    A spreadsheet in a locale with a decimal comma saves its "CSV" ``;``-separated (which
    :func:`read_coded_file` reads) and writes ``0,5`` for a ``coder_score`` of a half.

    Args:
        text: The cell.

    Returns:
        The number.

    Raises:
        ValueError: When the text is no number.

    Example:
        >>> coded_number("-0,25"), coded_number("0.5"), coded_number("12")
        (-0.25, 0.5, 12.0)
    """
    try:
        return float(text)
    except ValueError:
        if _DECIMAL_COMMA.fullmatch(text.strip()):
            return float(text.strip().replace(",", "."))
        raise


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
                score = coded_number(score_text)
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
        if score * LABEL_VALUE[label] < 0:
            raise CodingFileError(
                f"{where}: coder_label {label!r} contradicts coder_score {score} (opposite "
                "signs); correct one of them"
            )
        rows.append({"statement_id": sid, "coder_label": label, "coder_score": score})
    out = pd.DataFrame(rows, columns=["statement_id", "coder_label", "coder_score"])
    out.attrs["n_rows"] = len(df)
    return out


#: How many mismatched statements a stale-coding error shows.
STALE_SHOWN = 3


def read_strata(coded_df: pd.DataFrame, source: str) -> dict[str, tuple[str, int]] | None:
    """Each row's stratum and stratum size (the sample design), when the file records them.

    Args:
        coded_df: A coded table with ``statement_id``, and ``stratum`` and ``stratum_size`` as
            :func:`export_coding_sample` writes them.
        source: Name of the coded file for error messages.

    Returns:
        Statement id → ``(stratum, stratum_size)``; None when the file has no ``stratum_size``
        column or leaves it empty on every row (a file written before the design was
        recorded, or made by hand).

    Raises:
        CodingFileError: A ``stratum_size`` that is not a whole number of at least 1, or
            smaller than the file's rows of that stratum, or two sizes for one stratum (the
            message names the file and the row).

    Example:
        >>> df = pd.DataFrame({"statement_id": ["a", "b"], "stratum": ["kim / direct"] * 2,
        ...                    "stratum_size": ["12", "12"]})
        >>> read_strata(df, "c.csv")["b"]
        ('kim / direct', 12)
    """
    if "stratum_size" not in coded_df.columns:
        return None
    if not coded_df["stratum_size"].fillna("").astype(str).str.strip().any():
        return None
    lines = (
        coded_df["_line"].tolist() if "_line" in coded_df.columns else range(2, len(coded_df) + 2)
    )
    strata = coded_df["stratum"] if "stratum" in coded_df.columns else [""] * len(coded_df)
    out: dict[str, tuple[str, int]] = {}
    size_of: dict[str, tuple[int, int]] = {}
    count: dict[str, int] = {}
    cells = zip(coded_df["statement_id"], strata, coded_df["stratum_size"], lines, strict=True)
    for sid, stratum, size_cell, line in cells:
        where = f"{source}: row {line}"
        stratum = "" if pd.isna(stratum) else str(stratum).strip()
        text = "" if pd.isna(size_cell) else str(size_cell).strip()
        try:
            number = coded_number(text)  # a spreadsheet may have written 12 as 12.0 or 12,0
        except ValueError:
            number = 0.0
        size = int(number) if math.isfinite(number) and number.is_integer() else 0
        if size < 1:
            raise CodingFileError(
                f"{where}: stratum_size {text!r} is not a whole number of at least 1 (keep the "
                "column as the export wrote it, or delete it to score without weights)"
            )
        if stratum in size_of and size_of[stratum][0] != size:
            first, first_line = size_of[stratum]
            raise CodingFileError(
                f"{where}: stratum_size {size} of stratum {stratum!r} differs from {first} in "
                f"row {first_line}"
            )
        size_of.setdefault(stratum, (size, line))
        count[stratum] = count.get(stratum, 0) + 1
        if count[stratum] > size:
            raise CodingFileError(
                f"{where}: stratum {stratum!r} has more rows than its stratum_size {size}"
            )
        out[str(sid).strip()] = (stratum, size)
    return out


def weighted_accuracy(
    correct: Sequence[bool], strata: Sequence[str], sizes: Mapping[str, int]
) -> float:
    """Accuracy weighted by the sample design: each stratum counts by its size in the corpus.

    ``sum_h N_h * accuracy_h / sum_h N_h`` over the strata with at least one row, where
    ``accuracy_h`` is the share of correct rows of stratum h and ``N_h = sizes[h]``: every row
    weighs ``N_h / c_h`` (``c_h`` its stratum's rows here), the inverse of its probability of
    being drawn and coded. It estimates the accuracy over all statements of the strata sampled
    (a post-stratified estimate); strata without a row are not represented.

    Args:
        correct: Whether each row's label is right.
        strata: Each row's stratum.
        sizes: Stratum → number of statements in the corpus.

    Returns:
        The weighted accuracy; NaN without rows.

    Example:
        >>> weighted_accuracy([True, False, True, True], ["big", "big", "small", "small"],
        ...                   {"big": 90, "small": 10})
        0.55
    """
    right: dict[str, int] = {}
    rows: dict[str, int] = {}
    for ok, h in zip(correct, strata, strict=True):
        rows[h] = rows.get(h, 0) + 1
        right[h] = right.get(h, 0) + int(bool(ok))
    total = sum(sizes[h] for h in rows)
    if not total:
        return float("nan")
    return sum(sizes[h] * right[h] / rows[h] for h in sorted(rows)) / total


def same_text(a: object, b: object) -> bool:
    r"""Whether two texts are the same once whitespace is collapsed and quotes are made ASCII.

    Spreadsheet programs may rewrap or re-quote a cell; a different word is a different text.

    Example:
        >>> same_text("won\u2019t  go\n", "won't go")
        True
        >>> same_text("the deal was a burden", "the talks were long")
        False
    """
    return _norm_text(a) == _norm_text(b)


def _norm_text(x: object) -> str:
    """``x`` as text with ASCII quotes and single spaces (see :func:`same_text`)."""
    from mediaframes.segment import normalize_quotes

    text = "" if x is None or (isinstance(x, float) and math.isnan(x)) else str(x)
    return " ".join(normalize_quotes(text).split())


def stale_rows(coded_df: pd.DataFrame, run_text: Mapping[str, str], coded_text: str) -> list[str]:
    """Statement ids whose coded text differs from the run's text (:func:`same_text`).

    Statement ids are positions (``article:NNN``): after a sentence is added to an article, an
    old coding file's ids point to other statements. Rows whose id is not in ``run_text`` or
    whose coded text is empty are not compared.

    Args:
        coded_df: The coded table, with ``statement_id`` and a text column.
        run_text: Statement id → the run's text.
        coded_text: ``"scored"`` to compare with the text the methods scored: ``quote_text``,
            or ``text`` when ``quote_text`` is empty (the exported sample's columns); without a
            ``quote_text`` column, the scored text must occur within ``text``. Else the name of
            the coded column to compare as is (``"text"``).

    Returns:
        The mismatched ids, in file order.

    Example:
        >>> coded = pd.DataFrame({"statement_id": ["a:1", "a:2"], "text": ["X said yes.", "B."],
        ...                       "quote_text": ["yes", ""]})
        >>> stale_rows(coded, {"a:1": "yes", "a:2": "C."}, "scored")
        ['a:2']
    """
    out = []
    for rec in coded_df.to_dict("records"):
        sid = str(rec.get("statement_id", "")).strip()
        if sid not in run_text:
            continue
        if coded_text == "scored":
            quote = rec.get("quote_text", "")
            quote = "" if quote is None or pd.isna(quote) else str(quote)
            mine = quote if quote.strip() else rec.get("text", "")
        else:
            mine = rec.get(coded_text, "")
        if mine is None or pd.isna(mine) or not str(mine).strip():
            continue
        if coded_text == "scored" and "quote_text" not in coded_df.columns:
            if _norm_text(run_text[sid]) not in _norm_text(mine):
                out.append(sid)
        elif not same_text(mine, run_text[sid]):
            out.append(sid)
    return out


def check_stale(
    coded_df: pd.DataFrame,
    run_text: Mapping[str, str],
    coded_text: str,
    source: str,
    table: str,
) -> None:
    """Raise :class:`CodingFileError` when coded texts differ from the run's (:func:`stale_rows`).

    Args:
        coded_df: The coded table.
        run_text: Statement id → the run's text.
        coded_text: See :func:`stale_rows`.
        source: The coded file, for the message.
        table: The run's table compared with, for the message.

    Raises:
        CodingFileError: Naming the file, the number of mismatched ids and the first few, each
            with both texts.

    Example:
        >>> coded = pd.DataFrame({"statement_id": ["a:1"], "text": ["Old."]})
        >>> check_stale(coded, {"a:1": "New."}, "text", "c.csv", "statements.csv")
        Traceback (most recent call last):
        ...
        mediaframes.validation.CodingFileError: c.csv: the text of 1 statement id(s) differs ...
    """
    stale = stale_rows(coded_df, run_text, coded_text)
    if not stale:
        return
    col = "quote_text/text" if coded_text == "scored" else coded_text
    by_id = coded_df.assign(_sid=coded_df["statement_id"].astype(str).str.strip())
    by_id = by_id.drop_duplicates("_sid").set_index("_sid")
    shown = []
    for sid in stale[:STALE_SHOWN]:
        rec = by_id.loc[sid]
        quote = str(rec.get("quote_text", "") or "") if coded_text == "scored" else ""
        mine = quote if quote.strip() else str(rec.get("text" if coded_text == "scored" else col))
        shown.append(f"{sid}: coded {' '.join(mine.split())!r}, run {run_text[sid]!r}")
    more = f" (and {len(stale) - STALE_SHOWN} more)" if len(stale) > STALE_SHOWN else ""
    raise CodingFileError(
        f"{source}: the text of {len(stale)} statement id(s) differs from the run's "
        f"({table}); statement ids are positions in an article, so the coding was made on "
        f"another version of the corpus and its labels would go to other statements. "
        + "; ".join(shown)
        + f"{more}. Code a new sample of this run (mediaframes validate export or export-frames), "
        "or score the coding against the run it was made from"
    )


def missing_rows_note(coded_df: pd.DataFrame, run_ids: set[str], source: str) -> str | None:
    """A note saying how many of the run's statements have no row in the coded file, or None.

    Example:
        >>> missing_rows_note(pd.DataFrame({"statement_id": ["a:1"]}), {"a:1", "a:2"}, "c.csv")
        'note: 1 of the 2 statements of the run have no row in c.csv (scored on the rows it has)'
    """
    have = set(coded_df["statement_id"].astype(str).str.strip()) if len(coded_df) else set()
    n_missing = len(run_ids - have)
    if not n_missing:
        return None
    return (
        f"note: {n_missing} of the {len(run_ids)} statements of the run have no row in {source} "
        "(scored on the rows it has)"
    )


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


#: Levels of measurement :func:`krippendorff_alpha` computes, with nltk's distance for each.
ALPHA_LEVELS: tuple[str, ...] = ("nominal", "interval")


def krippendorff_alpha(a: Sequence[float], b: Sequence[float], level: str) -> float:
    """Krippendorff's alpha for two annotators at a level of measurement, via nltk.

    Alpha is ``1 - D_o / D_e`` over the coincidence matrix of the pairable values (Krippendorff
    2011, "Computing Krippendorff's Alpha-Reliability", sections A and C): ``D_o`` the mean
    distance between the values of the same item, ``D_e`` that between any two values. The level
    sets the distance: ``nominal`` counts any difference as 1 (nltk ``binary_distance``: the
    alpha content analysis reports by default); ``interval`` squares the difference of the
    values (nltk ``interval_distance``), so -1 vs 1 weighs four times -1 vs 0. With only two
    values (0/1) both levels give the same alpha.

    Args:
        a: Values of the first annotator, one per item.
        b: Values of the second annotator, same items in the same order.
        level: ``nominal`` or ``interval`` (:data:`ALPHA_LEVELS`).

    Returns:
        Alpha; NaN when there are fewer than 2 items or no variation at all.

    Raises:
        ValueError: Sequences of different lengths, or an unknown level.

    Example:
        >>> round(krippendorff_alpha([1, -1, 0], [1, 0, 0], "interval"), 4)
        0.7059
        >>> round(krippendorff_alpha([1, -1, 0], [1, 0, 0], "nominal"), 4)
        0.5455
    """
    from nltk.metrics.agreement import AnnotationTask
    from nltk.metrics.distance import binary_distance, interval_distance

    distances = {"nominal": binary_distance, "interval": interval_distance}
    if level not in distances:
        raise ValueError(f"krippendorff_alpha: level {level!r} is not one of {list(distances)}")
    if len(a) != len(b):
        raise ValueError("krippendorff_alpha: sequences differ in length")
    if len(a) < 2 or len(set(a) | set(b)) < 2:
        return float("nan")
    data = [("coder", str(i), float(v)) for i, v in enumerate(a)]
    data += [("method", str(i), float(v)) for i, v in enumerate(b)]
    return float(AnnotationTask(data=data, distance=distances[level]).alpha())


def validate_coding(
    coded_df: pd.DataFrame, sentiment_df: pd.DataFrame, source: str | None = None
) -> pd.DataFrame:
    """Compare each method with the hand coding.

    Spearman's r compares the method's score with ``coder_score`` when every coded row has one,
    else with the coder's label as −1/0/1; ``spearman_on`` says which (``score`` or ``label``).
    Krippendorff's alpha is given at two levels (:func:`krippendorff_alpha`), coder and method
    as two annotators of the labels: ``krippendorff_alpha_nominal`` (labels as categories, the
    alpha content analysis reports by default) and ``krippendorff_alpha_interval`` (labels as
    −1/0/1, squared differences: a negative read as positive costs four times a negative read as
    neutral). The interval level, not the ordinal one, is the second: the labels are the sign of
    a score on −1…1 cut at the same ±threshold on both sides, so neutral is the midpoint by
    construction, and the interval distance is the same for every method, while Krippendorff's
    ordinal distance depends on the pooled label frequencies, which differ from method to method
    (one that overuses neutral would be measured with other distances than one that does not).

    Args:
        coded_df: The coded table (from :func:`read_coded_file` or any DataFrame with
            ``statement_id, coder_label`` and optionally ``coder_score``).
        sentiment_df: ``sentiment.csv`` table (``statement_id, method, score, label``); its
            ``attrs["source"]`` (set by :func:`read_table`) names it in error messages.
        source: Name of the coded file for error messages (default ``coded_df.attrs["source"]``).

    Returns:
        One row per method with :data:`VALIDATION_COLUMNS`, in method order. A method that
        scored none of the coded statements has ``n`` 0 and NaN metrics. The metrics describe
        the coded sample; ``accuracy_weighted`` weights it by the design recorded in the file's
        ``stratum`` and ``stratum_size`` columns (:func:`read_strata`,
        :func:`weighted_accuracy`), NaN without them.

    Raises:
        CodingFileError: Missing columns, unknown labels, unknown or repeated statement ids,
            bad scores, a score whose sign contradicts the label, a bad ``stratum_size``
            (:func:`read_strata`), no coded row at all, a coded
            text that differs from the run's ``text_scored`` (:func:`check_stale`) — the
            message names the file (and the row); a sentiment table without the needed columns
            (the message names that file).

    Example:
        >>> coded = pd.DataFrame({"statement_id": ["a", "b", "c"],
        ...                       "coder_label": ["positive", "negative", "neutral"]})
        >>> sent = pd.DataFrame({"statement_id": ["a", "b", "c"], "method": ["vader"] * 3,
        ...                      "score": [0.5, -0.4, 0.3],
        ...                      "label": ["positive", "negative", "positive"]})
        >>> validate_coding(coded, sent)[["method", "n", "accuracy", "spearman_on"]].values.tolist()
        [['vader', 3, 0.6666666666666666, 'label']]
    """
    source = source or coded_df.attrs.get("source", "coded table")
    try:
        check_sentiment_table(sentiment_df)
    except ValueError as exc:
        raise CodingFileError(f"{_table_prefix(sentiment_df)}{exc}") from None
    sent = sentiment_df.assign(statement_id=sentiment_df["statement_id"].astype(str))
    coded = _clean_coded(coded_df, set(sent["statement_id"]), source)
    if "text" in coded_df.columns and "text_scored" in sent.columns:
        run_text = dict(zip(sent["statement_id"], sent["text_scored"].astype(str), strict=True))
        table_name = _table_prefix(sentiment_df).rstrip(": ") or "sentiment table"
        check_stale(coded_df, run_text, "scored", source, table_name)
    if coded.empty:
        raise CodingFileError(
            f"{source}: no row has a coder_label ({coded.attrs['n_rows']} row(s)); fill "
            f"coder_label with one of {list(LABELS)} before scoring"
        )
    n_uncoded = coded.attrs["n_rows"] - len(coded)
    use_scores = bool(coded["coder_score"].notna().all())
    design = read_strata(coded_df, source)
    rows = []
    for method in _method_order(sent["method"].unique()):
        m = sent[sent["method"] == method].merge(coded, on="statement_id")
        m = m.sort_values("statement_id", kind="stable")
        gold, pred = m["coder_label"].tolist(), m["label"].tolist()
        gold_v = [LABEL_VALUE[g] for g in gold]
        pred_v = [LABEL_VALUE.get(p, float("nan")) for p in pred]
        human = m["coder_score"].tolist() if use_scores else gold_v
        n = len(m)
        weighted = float("nan")
        if design is not None and n:
            strata = [design[sid][0] for sid in m["statement_id"]]
            sizes = {design[sid][0]: design[sid][1] for sid in m["statement_id"]}
            correct = [g == p for g, p in zip(gold, pred, strict=True)]
            weighted = weighted_accuracy(correct, strata, sizes)
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
                "spearman_on": "score" if use_scores else "label",
                "krippendorff_alpha_nominal": krippendorff_alpha(gold_v, pred_v, "nominal"),
                "krippendorff_alpha_interval": krippendorff_alpha(gold_v, pred_v, "interval"),
                "accuracy_weighted": weighted,
            }
        )
    return pd.DataFrame(rows, columns=list(VALIDATION_COLUMNS))


def _table_prefix(df: pd.DataFrame) -> str:
    """``"FILE: "`` for a table read by :func:`read_table` (``df.attrs["source"]``), else ``""``.

    Example:
        >>> df = pd.DataFrame()
        >>> _table_prefix(df)
        ''
        >>> df.attrs["source"] = "s.csv"
        >>> _table_prefix(df)
        's.csv: '
    """
    source = df.attrs.get("source")
    return f"{source}: " if source else ""


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a statements or sentiment table (CSV or Parquet), with a clear error naming the file.

    Lines starting with ``#`` before a CSV header are skipped. Text cells stay text (no NaN).

    Args:
        path: The file.

    Returns:
        The table; ``df.attrs["source"]`` is the path (later errors about the table name it).

    Raises:
        CodingFileError: When the file is missing or unreadable.
    """
    path = Path(path)
    if not path.is_file():
        raise CodingFileError(f"{path}: no such file")
    try:
        if path.suffix.lower() in (".parquet", ".pq"):
            df = pd.read_parquet(path)
        else:
            df = pd.read_csv(
                path,
                dtype={"statement_id": str, "speaker": str, "text": str, "quote_text": str},
                keep_default_na=False,
                skiprows=_comment_lines(path),
                encoding="utf-8-sig",
            )
    except Exception as exc:  # any reader failure becomes an error naming the file
        reason = " ".join(str(exc).split())  # pandas ends its messages with a newline
        raise CodingFileError(f"{path}: cannot read table ({reason})") from exc
    df.attrs["source"] = str(path)
    return df


def export_command(args: argparse.Namespace) -> int:
    """``mediaframes validate export``: write a coding sample CSV."""
    try:
        statements = read_table(args.statements)
        sample = export_coding_sample(statements, n=args.n, seed=args.seed)
    except CodingFileError as exc:
        print(f"error: mediaframes validate: {exc}", file=sys.stderr)
        return 1
    try:
        out = write_coding_sample(sample, args.out)
    except OutputFileError as exc:
        print(f"error: mediaframes validate: {exc}", file=sys.stderr)
        return 1
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
    note = missing_rows_note(coded, set(sentiment["statement_id"].astype(str)), str(args.coded))
    if note:
        print(note, file=sys.stderr)
    for method in table.loc[table["n"] == 0, "method"]:
        print(
            f"warning: mediaframes validate: {args.coded}: method {method!r} scored none of the "
            f"coded statements in {args.sentiment}; its row has n=0 and no metrics",
            file=sys.stderr,
        )
    print(printed_table(table))
    return _save_table(args.out, "validation.csv", table)


# --- frames ---------------------------------------------------------------------------------

FRAME_CODING_COLUMNS: tuple[str, ...] = (
    "statement_id",
    "article_id",
    "speaker",
    "text",
    "coder_frames",
    "notes",
    "stratum",
    "stratum_size",
)
"""Columns of the frame coding sample, in order (``stratum, stratum_size``: the design, as in
:func:`export_coding_sample`)."""

FRAME_VALIDATION_COLUMNS: tuple[str, ...] = (
    "codebook",
    "frame",
    "reference",
    "compared",
    "n",
    "n_uncoded",
    "reference_yes",
    "compared_yes",
    "both_yes",
    "precision",
    "recall",
    "f1",
    "percent_agreement",
    "krippendorff_alpha",
    "percent_agreement_weighted",
)
"""Columns of ``frame_validation.csv``."""

#: What a coder writes in ``coder_frames`` for a statement without any frame.
NO_FRAME = "none"

#: Row of ``frame_validation.csv`` that pools every frame (micro-average).
ALL_FRAMES = "(all frames)"


def frame_coding_header(codebook: Any, frame_words: str = "statement") -> list[str]:
    """Comment lines for the top of a frame coding sample: instructions and definitions.

    The coder sees each frame's id, name and definition, never its cues, so that the coding is
    independent of the dictionary it is meant to test.

    Args:
        codebook: A :class:`mediaframes.framing.Codebook`.
        frame_words: ``reported`` adds a line: judge the ``words_to_code`` column, the words
            the run's codebook read (:func:`export_frame_sample`).

    Returns:
        Lines starting with ``# `` (without newlines).

    Example:
        >>> from mediaframes.framing import load_codebook
        >>> frame_coding_header(load_codebook("conflict_diplomacy"))[2][:16]
        '# codebook: conf'
    """
    lines = [
        "# Frame coding: for each row, write in coder_frames the id of EVERY frame the text is "
        f"about, separated by ';' (or ','), or '{NO_FRAME}'. Leave it empty to skip a row.",
        "# Judge the text on its own, from the definitions below (not from single words).",
        f"# codebook: {codebook.id} {codebook.version}",
    ]
    if frame_words == "reported":
        lines.insert(
            2,
            "# This run labelled only the words reported of the speaker (frame_words: reported): "
            "judge words_to_code, not the whole text (text gives the context).",
        )
    for frame in codebook.frames:
        definition = " ".join(frame.definition.split())
        lines.append(f"# {frame.id}: {frame.name}. {definition}")
    return lines


def coding_header_codebook(path: str | Path) -> tuple[str, str, dict[str, str]] | None:
    r"""The codebook a frame coding file's header names: id, version, and each frame's text.

    ``export-frames`` writes ``# codebook: <id> <version>`` and a ``# <frame>: <name>.
    <definition>`` line per frame above the table (:func:`frame_coding_header`); a file without
    that line (typed by hand) gives None.

    Args:
        path: The coded file.

    Returns:
        ``(id, version, {frame id: "name. definition"})``, or None.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "c.csv"
        >>> _ = p.write_text("# codebook: water 0.2.0\n# drought: Drought. Lack of rain.\n"
        ...                  "statement_id,coder_frames\n", encoding="utf-8")
        >>> coding_header_codebook(p)
        ('water', '0.2.0', {'drought': 'Drought. Lack of rain.'})
    """
    path = Path(path)
    found: tuple[str, str] | None = None
    frames: dict[str, str] = {}
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            body = line[1:].strip()
            if found is None:
                if body.startswith("codebook:"):
                    parts = body.removeprefix("codebook:").split(None, 1)
                    found = (parts[0] if parts else "", parts[1] if len(parts) > 1 else "")
                continue
            fm = re.match(r"([\w\-]+):\s+(.*)$", body)
            if fm is not None:
                frames[fm.group(1)] = " ".join(fm.group(2).split())
    return None if found is None else (found[0], found[1], frames)


def codebook_drift(path: str | Path, codebook: Any) -> str:
    """What a frame coding file's coders judged that the codebook in use no longer says.

    A codebook is tuned after the coding: its cues change (the coders never saw them), its
    version goes up. That is the point of validating it and gives no note. A frame whose
    name or definition changed, or a frame added or removed, means the coders judged other
    frames than the ones scored: the note says which.

    Args:
        path: The coded file (its header, :func:`coding_header_codebook`).
        codebook: The :class:`mediaframes.framing.Codebook` in use.

    Returns:
        One line to print as a warning, or "" (no header, or the same definitions).

    Raises:
        CodingFileError: The header names another codebook (another id).
    """
    head = coding_header_codebook(path)
    if head is None:
        return ""
    cid, version, coded = head
    if cid != codebook.id:
        raise CodingFileError(
            f"{path}: coded with codebook {cid!r} (its header), not {codebook.id!r} (the codebook "
            "in use); pass --codebook FILE with the codebook YAML the coders were shown"
        )
    now = {f.id: " ".join(f"{f.name}. {' '.join(f.definition.split())}".split())
           for f in codebook.frames}  # fmt: skip
    changed = sorted(k for k in set(coded) & set(now) if coded[k] != now[k])
    added, dropped = sorted(set(now) - set(coded)), sorted(set(coded) - set(now))
    if not (changed or added or dropped):
        return ""
    what = [
        f"{label} {ids}"
        for label, ids in (("changed", changed), ("added", added), ("removed", dropped))
        if ids
    ]
    return (
        f"warning: {path} was coded with version {version} of codebook {cid!r}; in the codebook "
        f"in use (version {codebook.version}) frames were {', '.join(what)} since: the coders "
        "judged other definitions than the ones scored"
    )


def export_frame_sample(
    statements_df: pd.DataFrame,
    n: int = 100,
    seed: int = 0,
    strata: Sequence[str] = ("speaker", "quote_type"),
    frame_words: str = "statement",
) -> pd.DataFrame:
    """Draw a stratified random sample of statements to hand-code for frames, labels hidden.

    The design of :func:`export_coding_sample`, over every statement: a claim the speaker
    rejects (``stance`` ``rejects``) is drawn too, because its frames count for its speaker in
    ``frames_by_actor`` although sentiment does not score it. Without such statements the same
    ``n``, ``seed`` and strata give the same statements as :func:`export_coding_sample`, so one
    sample can be coded for sentiment and for frames.

    Args:
        statements_df: Statements table (``statement_id, article_id, speaker, text, quote_text``
            and the ``strata`` columns).
        n: Sample size (all statements when there are fewer).
        seed: Seed of the numpy Generator.
        strata: Columns defining the strata.
        frame_words: What the run's codebook labelled (its ``frame_words``): ``statement``
            (the whole statement, ``text``) or ``reported`` (the words attributed to the
            speaker). With ``reported`` a column ``words_to_code`` follows ``text``: the
            statement's ``quote_text``, or its ``text`` when it has none (narration), the words
            the codebook read (``framing.labelled_span``), so that the coder judges them too.

    Returns:
        A DataFrame with :data:`FRAME_CODING_COLUMNS` (and ``words_to_code`` for
        ``reported``); ``coder_frames`` and ``notes`` empty; ``stratum`` and ``stratum_size``
        record the design.

    Raises:
        CodingFileError: When a needed column is missing or statement ids repeat.

    Example:
        >>> st = pd.DataFrame({"statement_id": ["a:1", "a:2"], "article_id": ["a"] * 2,
        ...                    "speaker": ["x", "y"], "quote_type": ["direct"] * 2,
        ...                    "text": ["t1", "t2"], "quote_text": ["q1", "q2"]})
        >>> list(export_frame_sample(st, n=1).columns)[:6]
        ['statement_id', 'article_id', 'speaker', 'text', 'coder_frames', 'notes']
    """
    from mediaframes.framing import check_frame_words

    check_frame_words(frame_words)
    sample = export_coding_sample(statements_df, n=n, seed=seed, strata=strata, scored_only=False)
    out = sample[["statement_id", "article_id", "speaker", "text"]].copy()
    out["coder_frames"] = ""
    out["notes"] = ""
    out["stratum"] = sample["stratum"]
    out["stratum_size"] = sample["stratum_size"]
    out = out[list(FRAME_CODING_COLUMNS)]
    if frame_words == "reported":
        quote = sample["quote_text"].where(sample["quote_text"].str.strip() != "", sample["text"])
        out.insert(out.columns.get_loc("text") + 1, "words_to_code", quote.to_numpy())
    return out


def write_frame_sample(sample: pd.DataFrame, codebook: Any, path: str | Path) -> Path:
    """Write a frame coding sample: the :func:`frame_coding_header` lines, then the CSV.

    The header tells the coder to judge ``words_to_code`` when the sample has that column
    (``frame_words`` ``reported``).

    Raises:
        OutputFileError: When the file cannot be written (:func:`write_output`).
    """
    words = "reported" if "words_to_code" in sample.columns else "statement"
    header = "".join(f"{line}\n" for line in frame_coding_header(codebook, words))
    return write_output(path, header + sample.to_csv(index=False))


def parse_coder_frames(cell: object, frame_ids: Sequence[str], where: str) -> frozenset[str] | None:
    """Read one ``coder_frames`` cell.

    Args:
        cell: The cell: frame ids separated by ``;`` or ``,`` (any case, spaces ignored),
            :data:`NO_FRAME` for none, or empty for a row not coded yet.
        frame_ids: The codebook's frame ids.
        where: File and row, for error messages.

    Returns:
        The set of frame ids, or None for an uncoded row.

    Raises:
        CodingFileError: An unknown frame id, or ``none`` together with frames.

    Example:
        >>> sorted(parse_coder_frames("Economic; diplomacy", ["diplomacy", "economic"], "f"))
        ['diplomacy', 'economic']
        >>> parse_coder_frames(" ", ["diplomacy"], "f") is None
        True
    """
    text = "" if cell is None or (isinstance(cell, float) and math.isnan(cell)) else str(cell)
    parts = [p.strip().lower() for p in text.replace(",", ";").split(";")]
    parts = [p for p in parts if p]
    if not parts:
        return None
    if NO_FRAME in parts:
        if len(parts) > 1:
            raise CodingFileError(f"{where}: coder_frames {text!r} mixes '{NO_FRAME}' with frames")
        return frozenset()
    unknown = [p for p in parts if p not in frame_ids]
    if unknown:
        raise CodingFileError(
            f"{where}: unknown frame {unknown[0]!r} in coder_frames; the codebook's frames are "
            f"{list(frame_ids)} (or '{NO_FRAME}')"
        )
    return frozenset(parts)


def read_frame_coding(
    coded_df: pd.DataFrame, frame_ids: Sequence[str], known_ids: set[str], source: str
) -> tuple[dict[str, frozenset[str]], int]:
    """Check a coded frame table; return the coded statements' frame sets and the uncoded count.

    Args:
        coded_df: The coded table (:func:`read_coded_file`), with ``statement_id`` and
            ``coder_frames``.
        frame_ids: The codebook's frame ids.
        known_ids: Statement ids of the run.
        source: Name of the coded file for error messages.

    Returns:
        ``(coded, n_uncoded)``: statement id → set of frame ids, for the coded rows.

    Raises:
        CodingFileError: Missing columns, empty, unknown or repeated statement ids, unknown
            frames — the message names the file and the row.
    """
    missing = [c for c in ("statement_id", "coder_frames") if c not in coded_df.columns]
    if missing:
        raise CodingFileError(
            f"{source}: missing column(s) {missing}; a frame coding file needs "
            "['statement_id', 'coder_frames'] (write one with 'mediaframes validate "
            "export-frames')"
        )
    lines = (
        coded_df["_line"].tolist() if "_line" in coded_df.columns else range(2, len(coded_df) + 2)
    )
    coded: dict[str, frozenset[str]] = {}
    seen: dict[str, int] = {}
    n_uncoded = 0
    cells = zip(coded_df["statement_id"], coded_df["coder_frames"], lines, strict=True)
    for sid_cell, cell, line in cells:
        where = f"{source}: row {line}"
        sid = "" if pd.isna(sid_cell) else str(sid_cell).strip()
        if not sid:
            raise CodingFileError(f"{where}: empty statement_id")
        if sid in seen:
            raise CodingFileError(f"{where}: statement_id {sid!r} repeats row {seen[sid]}")
        seen[sid] = line
        if sid not in known_ids:
            raise CodingFileError(
                f"{where}: unknown statement_id {sid!r} (not in statements table)"
            )
        frames = parse_coder_frames(cell, frame_ids, where)
        if frames is None:
            n_uncoded += 1
        else:
            coded[sid] = frames
    return coded, n_uncoded


def check_run_codebook(
    frames_df: pd.DataFrame, codebook_id: str, frame_ids: Sequence[str] | None = None
) -> None:
    """Stop when the run's ``frames`` table was labelled by other codebooks than ``codebook_id``.

    Also when, given ``frame_ids``, the run's labels of that codebook name a frame the codebook
    in use lacks: an edited copy kept the id (a frame added or renamed), so the coders would
    code, and the method be scored on, other frames than the run's. A frames table without
    labels says nothing and passes.

    Args:
        frames_df: ``frames.csv`` of the run (``codebook`` column; ``frame`` for the check of
            ``frame_ids``).
        codebook_id: Id of the codebook in use.
        frame_ids: The frames of the codebook in use (default: not checked).

    Raises:
        CodingFileError: Naming the table, the codebook(s) the run used and the one in use, and
            saying to pass ``--codebook FILE``.

    Example:
        >>> fr = pd.DataFrame({"codebook": ["water"]})
        >>> check_run_codebook(fr, "water")
        >>> check_run_codebook(fr, "conflict_diplomacy")
        Traceback (most recent call last):
        ...
        mediaframes.validation.CodingFileError: the run used codebook(s) ['water'], ...
        >>> fr = pd.DataFrame({"codebook": ["water"], "frame": ["drought"]})
        >>> check_run_codebook(fr, "water", ["flood"])
        Traceback (most recent call last):
        ...
        mediaframes.validation.CodingFileError: the run labelled frame(s) ['drought'] of ...
    """
    if "codebook" not in frames_df.columns:
        raise CodingFileError(
            f"{_table_prefix(frames_df)}frames table lacks column(s) ['codebook']"
        )
    used = sorted(set(frames_df["codebook"].astype(str)))
    if used and codebook_id not in used:
        where = _table_prefix(frames_df).rstrip(": ")
        raise CodingFileError(
            f"the run used codebook(s) {used}, not {codebook_id!r} (the codebook in use)"
            + (f" (the codebook column of {where})" if where else "")
            + "; pass --codebook FILE with the codebook YAML (or packaged id) the run used"
        )
    if frame_ids is not None and "frame" in frames_df.columns:
        own = frames_df[frames_df["codebook"].astype(str) == codebook_id]
        unknown = sorted(set(own["frame"].astype(str)) - set(frame_ids))
        if unknown:
            raise CodingFileError(
                f"the run labelled frame(s) {unknown} of codebook {codebook_id!r}, which the "
                f"codebook in use lacks (its frames: {list(frame_ids)}): the run used another "
                "version of it; pass --codebook FILE with the codebook YAML the run used"
            )


def method_frames(
    frames_df: pd.DataFrame, codebook_id: str, include_negated: bool = True
) -> dict[str, frozenset[str]]:
    """Frames the codebook gave each statement, from a ``frames`` table.

    Args:
        frames_df: ``frames.csv`` (``statement_id, codebook, frame, rule``).
        codebook_id: Keep this codebook's labels only.
        include_negated: Count labels whose cue is negated (rule ``negated:…``), as the
            ``mark`` negation mode keeps them.

    Returns:
        Statement id → set of frame ids (statements without a label are absent).

    Raises:
        CodingFileError: Missing columns, or no label of this codebook while others exist.

    Example:
        >>> fr = pd.DataFrame({"statement_id": ["a", "a", "b"], "codebook": ["c"] * 3,
        ...                    "frame": ["x", "y", "x"],
        ...                    "rule": ["cue:p", "cue:q", "negated:cue:p"]})
        >>> {k: sorted(v) for k, v in method_frames(fr, "c", include_negated=False).items()}
        {'a': ['x', 'y']}
    """
    missing = [c for c in ("statement_id", "codebook", "frame", "rule") if c not in frames_df]
    if missing:
        raise CodingFileError(f"{_table_prefix(frames_df)}frames table lacks column(s) {missing}")
    check_run_codebook(frames_df, codebook_id)
    fr = frames_df[frames_df["codebook"].astype(str) == codebook_id]
    if not include_negated:
        fr = fr[~fr["rule"].astype(str).str.startswith("negated:")]
    out: dict[str, set[str]] = {}
    for sid, frame in zip(fr["statement_id"].astype(str), fr["frame"].astype(str), strict=True):
        out.setdefault(sid, set()).add(frame)
    return {sid: frozenset(v) for sid, v in sorted(out.items())}


def _binary_row(ref: list[int], cmp: list[int]) -> dict[str, float]:
    """Counts and agreement of two 0/1 codings of the same items."""
    n = len(ref)
    tp = sum(r and c for r, c in zip(ref, cmp, strict=True))
    ref_yes, cmp_yes = sum(ref), sum(cmp)
    prec = tp / cmp_yes if cmp_yes else float("nan")
    rec = tp / ref_yes if ref_yes else float("nan")
    f1 = 2 * tp / (ref_yes + cmp_yes) if ref_yes + cmp_yes else float("nan")
    return {
        "n": n,
        "reference_yes": ref_yes,
        "compared_yes": cmp_yes,
        "both_yes": tp,
        "precision": prec,
        "recall": rec,
        "f1": f1,
        "percent_agreement": sum(r == c for r, c in zip(ref, cmp, strict=True)) / n
        if n
        else float("nan"),
        "krippendorff_alpha": krippendorff_alpha(ref, cmp, "nominal"),
    }


def compare_frame_codings(
    reference: Mapping[str, frozenset[str]],
    compared: Mapping[str, frozenset[str]],
    frame_ids: Sequence[str],
    items: Sequence[str],
    design: Mapping[str, tuple[str, int]] | None = None,
) -> list[dict[str, Any]]:
    """Per-frame agreement of two codings over the same statements, plus a pooled row.

    Each (statement, frame) pair is a yes/no decision. Per frame: how often each side says yes,
    both say yes, precision and recall of ``compared`` against ``reference``, F1, percent
    agreement and Krippendorff's alpha (two annotators, 0/1 values; with two values the
    interval and nominal distances coincide). The pooled row (:data:`ALL_FRAMES`) takes every
    (statement, frame) pair as one item: micro-averaged precision, recall and F1.

    Args:
        reference: Statement id → frames (usually the hand coding).
        compared: Statement id → frames (the method, or a second coder); a statement missing
            here has no frame.
        frame_ids: The frames, in codebook order.
        items: The statement ids to compare (all coded by ``reference``).
        design: Statement id → ``(stratum, stratum_size)`` (:func:`read_strata`): gives
            ``percent_agreement_weighted`` (:func:`weighted_accuracy` of the agreements: each
            stratum weighs its size in the corpus); None: that key is NaN.

    Returns:
        One dict per frame and the pooled one, with the keys of :func:`_binary_row`,
        ``percent_agreement_weighted`` and ``frame``.

    Example:
        >>> rows = compare_frame_codings({"a": frozenset({"x"}), "b": frozenset()},
        ...                              {"a": frozenset({"x", "y"})}, ["x", "y"], ["a", "b"])
        >>> [(r["frame"], r["precision"], r["recall"]) for r in rows]
        [('x', 1.0, 1.0), ('y', 0.0, nan), ('(all frames)', 0.5, 1.0)]
    """
    empty: frozenset[str] = frozenset()
    rows = []
    pooled_ref: list[int] = []
    pooled_cmp: list[int] = []
    strata = [design[sid][0] for sid in items] if design is not None else []
    sizes = {design[sid][0]: design[sid][1] for sid in items} if design is not None else {}

    def weighted(ref: list[int], cmp: list[int], times: int = 1) -> float:
        if design is None or not items:
            return float("nan")
        agree = [r == c for r, c in zip(ref, cmp, strict=True)]
        return weighted_accuracy(agree, strata * times, sizes)

    for frame in frame_ids:
        ref = [int(frame in reference[sid]) for sid in items]
        cmp = [int(frame in compared.get(sid, empty)) for sid in items]
        pooled_ref += ref
        pooled_cmp += cmp
        row = {"frame": frame, **_binary_row(ref, cmp)}
        rows.append({**row, "percent_agreement_weighted": weighted(ref, cmp)})
    pooled = _binary_row(pooled_ref, pooled_cmp)
    pooled["n"] = len(items)
    agreement = weighted(pooled_ref, pooled_cmp, len(frame_ids))
    rows.append({"frame": ALL_FRAMES, **pooled, "percent_agreement_weighted": agreement})
    return rows


def _row_ids(coded_df: pd.DataFrame) -> set[str]:
    """The statement ids of a coded file's rows, coded or not (stripped, empty ones left out).

    Example:
        >>> sorted(_row_ids(pd.DataFrame({"statement_id": [" a:1", "a:2", None]})))
        ['a:1', 'a:2']
    """
    ids = coded_df["statement_id"].dropna().astype(str).str.strip()
    return set(ids[ids != ""])


def validate_frame_coding(
    codings: Mapping[str, pd.DataFrame],
    frames_df: pd.DataFrame,
    statements_df: pd.DataFrame,
    codebook: Any,
    include_negated: bool = True,
) -> pd.DataFrame:
    """Compare the codebook's labels with one or more coders' hand coding, frame by frame.

    Every coder is compared with the method (``compared`` = ``method``) on the statements the
    coder coded; with two or more coders, every pair of coders is also compared on the
    statements both coded: the agreement between people is the ceiling against which to read
    the method's. ``n_uncoded`` counts the rows left out: for a coder, the rows of its file
    without ``coder_frames``; for a pair, the rows of either file that the two did not both
    code.

    Args:
        codings: Coder name → coded table (:func:`read_coded_file` of a file written by
            :func:`write_frame_sample` and filled in).
        frames_df: ``frames.csv`` of the run.
        statements_df: ``statements.csv`` of the run (to check the statement ids).
        codebook: The :class:`mediaframes.framing.Codebook` that labelled the run.
        include_negated: Count negated labels as labels (see :func:`method_frames`).

    Returns:
        :data:`FRAME_VALIDATION_COLUMNS`: per comparison, one row per frame and a pooled row.

    Raises:
        CodingFileError: A bad coded file (the message names it and the row) or table; a
            coded file with no filled ``coder_frames`` (nothing to score: an empty column is a
            mistake, not a result); a coded ``text`` that differs from the statements table's
            (:func:`check_stale`).

    Example:
        >>> from mediaframes.framing import load_codebook
        >>> cb = load_codebook("conflict_diplomacy")
        >>> st = pd.DataFrame({"statement_id": ["a:0", "a:1"]})
        >>> fr = pd.DataFrame({"statement_id": ["a:0"], "codebook": [cb.id],
        ...                    "frame": ["economic"], "rule": ["cue:sanction"]})
        >>> coded = pd.DataFrame({"statement_id": ["a:0", "a:1"],
        ...                       "coder_frames": ["economic", "none"]})
        >>> t = validate_frame_coding({"me": coded}, fr, st, cb)
        >>> t[t["frame"] == "economic"][["n", "precision", "recall"]].to_dict("records")
        [{'n': 2, 'precision': 1.0, 'recall': 1.0}]
    """
    if "statement_id" not in statements_df.columns:
        raise CodingFileError(
            f"{_table_prefix(statements_df)}statements table lacks column 'statement_id'"
        )
    known = set(statements_df["statement_id"].astype(str))
    frame_ids = codebook.frame_ids
    method = method_frames(frames_df, codebook.id, include_negated=include_negated)
    check_run_codebook(frames_df, codebook.id, frame_ids)  # after method_frames' column check
    coded: dict[str, tuple[dict[str, frozenset[str]], int]] = {}
    designs: dict[str, dict[str, tuple[str, int]] | None] = {}
    for name, df in codings.items():
        source = df.attrs.get("source", name)
        coded[name] = read_frame_coding(df, frame_ids, known, source)
        designs[name] = read_strata(df, source)
        if not coded[name][0]:
            raise CodingFileError(
                f"{source}: no row has coder_frames filled ({coded[name][1]} row(s)); fill "
                f"coder_frames with frame ids separated by ';' (or '{NO_FRAME}') before scoring"
            )
        if "text" in df.columns and "text" in statements_df.columns:
            run_text = dict(
                zip(
                    statements_df["statement_id"].astype(str),
                    statements_df["text"].fillna("").astype(str),
                    strict=True,
                )
            )
            table_name = _table_prefix(statements_df).rstrip(": ") or "statements table"
            check_stale(df, run_text, "text", source, table_name)
    rows = []
    names = list(codings)
    for name in names:
        frames_of, n_uncoded = coded[name]
        items = sorted(frames_of)
        for row in compare_frame_codings(frames_of, method, frame_ids, items, designs[name]):
            rows.append({"reference": name, "compared": "method", "n_uncoded": n_uncoded, **row})
    file_ids = {name: _row_ids(df) for name, df in codings.items()}
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            items = sorted(set(coded[a][0]) & set(coded[b][0]))
            # the rows of either file that the two did not both code
            left = len((file_ids[a] | file_ids[b]) - set(items))
            design = designs[a] if designs[a] is not None else designs[b]
            if design is not None and not all(sid in design for sid in items):
                design = None
            for row in compare_frame_codings(coded[a][0], coded[b][0], frame_ids, items, design):
                rows.append({"reference": a, "compared": b, "n_uncoded": left, **row})
    table = pd.DataFrame(rows, columns=[c for c in FRAME_VALIDATION_COLUMNS if c != "codebook"])
    table.insert(0, "codebook", codebook.id)
    counts = ["n", "n_uncoded", "reference_yes", "compared_yes", "both_yes"]
    table[counts] = table[counts].astype(int)
    return table


def _coder_names(paths_: Sequence[Path]) -> list[str]:
    """A name per coded file: its stem, made unique with the parent folder when stems repeat.

    Example:
        >>> _coder_names([Path("a/coding.csv"), Path("b/coding.csv"), Path("c/x.csv")])
        ['a/coding', 'b/coding', 'x']
        >>> _coder_names([Path("x/a/c.csv"), Path("y/a/c.csv")])
        ['x/a/c.csv', 'y/a/c.csv']
    """
    stems = [p.stem for p in paths_]
    names = [f"{p.parent.name}/{p.stem}" if stems.count(p.stem) > 1 else p.stem for p in paths_]
    if len(set(names)) < len(names):  # same folder name and stem in different places
        return [str(p) for p in paths_]
    return names


def repeated_file(paths_: Sequence[str | Path]) -> str | None:
    """The first file given more than once (the same file by any path), else None.

    Example:
        >>> repeated_file(["a.csv", "b/a.csv", "./a.csv"])
        './a.csv'
        >>> repeated_file(["a.csv", "b/a.csv"]) is None
        True
    """
    seen: set[Path] = set()
    for p in paths_:
        key = Path(p).resolve()
        if key in seen:
            return str(p)
        seen.add(key)
    return None


def export_frames_command(args: argparse.Namespace) -> int:
    """``mediaframes validate export-frames``: write a frame coding sample CSV."""
    from mediaframes.framing import CodebookError, load_codebook

    try:
        codebook = load_codebook(args.codebook)
    except CodebookError as exc:
        print(f"error: mediaframes validate: {exc}", file=sys.stderr)
        return 2
    try:
        statements = read_table(args.statements)
        frames = args.frames
        if frames is None and (Path(args.statements).parent / "frames.csv").is_file():
            frames = Path(args.statements).parent / "frames.csv"
        if frames is not None:
            check_run_codebook(read_table(frames), codebook.id, codebook.frame_ids)
        words = getattr(args, "frame_words", "statement")
        sample = export_frame_sample(statements, n=args.n, seed=args.seed, frame_words=words)
    except CodingFileError as exc:
        print(f"error: mediaframes validate: {exc}", file=sys.stderr)
        return 1
    try:
        out = write_frame_sample(sample, codebook, args.out)
    except OutputFileError as exc:
        print(f"error: mediaframes validate: {exc}", file=sys.stderr)
        return 1
    print(
        f"wrote {len(sample)} statements to code for the frames of {codebook.id} to {out} "
        f"(seed {args.seed})"
    )
    return 0


def score_frames_command(args: argparse.Namespace) -> int:
    """``mediaframes validate score-frames``: compare coded files with the codebook's labels."""
    from mediaframes.framing import CodebookError, load_codebook

    try:
        codebook = load_codebook(args.codebook)
    except CodebookError as exc:
        print(f"error: mediaframes validate: {exc}", file=sys.stderr)
        return 2
    try:
        twice = repeated_file(args.coded)
        if twice is not None:
            raise CodingFileError(f"{twice}: the same coded file is given twice")
        codings = {
            name: read_coded_file(path)
            for name, path in zip(_coder_names(args.coded), args.coded, strict=True)
        }
        drift = [codebook_drift(path, codebook) for path in args.coded]
        statements = read_table(args.statements)
        table = validate_frame_coding(
            codings,
            read_table(args.frames),
            statements,
            codebook,
            include_negated=not args.ignore_negated,
        )
    except CodingFileError as exc:
        print(f"error: mediaframes validate: {exc}", file=sys.stderr)
        return 1
    for note in drift:
        if note:
            print(note, file=sys.stderr)
    run_ids = set(statements["statement_id"].astype(str))
    for path, df in zip(args.coded, codings.values(), strict=True):
        note = missing_rows_note(df, run_ids, str(path))
        if note:
            print(note, file=sys.stderr)
    print(printed_table(table.drop(columns=["codebook"])))
    return _save_table(args.out, "frame_validation.csv", table)


#: Decimals of the metrics the ``validate`` commands print (the CSV keeps every digit).
PRINTED_DECIMALS = 4


def printed_table(table: pd.DataFrame) -> str:
    """A ``validate`` table as the commands print it: metrics with :data:`PRINTED_DECIMALS`.

    Four decimals, not three, so that a value just under a customary threshold does not print
    as the threshold: Krippendorff's alpha 0.66667 prints 0.6667, not 0.667 (the 0.667
    threshold it misses).

    Example:
        >>> print(printed_table(pd.DataFrame({"method": ["afinn"], "alpha": [2 / 3]})))
        method  alpha
         afinn 0.6667
    """
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        return table.to_string(index=False, float_format=lambda v: f"{v:.{PRINTED_DECIMALS}f}")


def _save_table(out_dir: str | Path | None, name: str, table: pd.DataFrame) -> int:
    """Write a ``validate`` command's table into ``out_dir`` (if given); the exit status.

    0 when written (or with no ``--out``: the table was only printed), 1 with a one-line
    message when the file cannot be written (:func:`write_output`).
    """
    if out_dir is None:
        return 0
    try:
        out = write_output(Path(out_dir) / name, table.to_csv(index=False))
    except OutputFileError as exc:
        print(f"error: mediaframes validate: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {out}")
    return 0

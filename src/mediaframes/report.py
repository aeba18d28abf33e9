"""The report PDF: pipeline tables → JSON data → Typst template → PDF.

Python never writes prose with numbers in it. :func:`report_data` reads the run's tables and
gathers what the report shows into one JSON-able dict (counts as integers, scores as strings
formatted by :func:`fmt_score` and :func:`fmt_share`); the Typst template
``resources/report/report.typ`` reads it with ``json("data.json")`` and writes the prose around
it. Every piece of user text (headlines, statements, speaker names) travels as a JSON string and
is shown by Typst as a string value, never parsed as markup, so a ``#``, ``*``, ``$``, ``_``,
``@`` or ``<`` in an article cannot break or inject into the document.

The PDF is compiled by the Typst compiler of the ``typst`` PyPI package, offline, with only the
fonts inside it (Libertinus Serif covers Latin, French accents and Cyrillic; DejaVu Sans Mono),
with system fonts ignored and a fixed creation timestamp: the same data give the same PDF bytes.
Figures are embedded as SVG (vector). The PDF is written through a temporary file and
``os.replace``.

Tables read (Parquet or CSV, from the tables folder or its ``compare/`` subfolder; all optional):
``articles, statements, sentiment, sentiment_by_actor, tone_by_actor, frames, frames_by_actor,
readout_divergence, readout_divergence_by_event, readout_unpaired, headline_vs_body,
scare_quotes, loaded_terms, quarantine, method_agreement, actor_sentiment_tests`` (columns as
documented in ``records``, ``corpus``, ``sentiment``, ``framing`` and ``compare``).

Tables list at most :data:`MAX_SPEAKERS` speakers (those with most statements, ties by name;
:func:`ranked`, :func:`_frame_table`), and the data say who is left out (:func:`listing_note`)
so the report can say so under each table. A negated frame cue (rule ``negated:…``) counts as
the ``frames`` table counts it, and is marked wherever the report lists cues (:func:`side_cues`,
:func:`mark_negated`).

Speakers are shown by their configured names (``Talia Vorenko`` for the id ``vorenko``, a joint
statement's ids joined by "and"): :func:`speaker_names` reads them from the actors file of the
run (``parameters.actors_file`` of the manifest, else the packaged actors).

The data dict (``<pdf stem>.json`` is written next to the PDF for audit) has the keys ``title,
corpus, statements, sentiment, tone, tone_listing, frames, comparisons, evidence, figures,
limits, appendix, actors`` (``actors``: the configured actors shown, ``id`` and ``name``;
``tone_listing``: :func:`listing_note` of the tone table).

Example:
    >>> fmt_score(0.0514), fmt_score(-0.25), fmt_share(0.7142857)
    ('+0.05', '−0.25', '71%')
"""

from __future__ import annotations

import inspect
import json
import math
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from mediaframes import figures, paths, pipeline, sentiment

#: Default report title.
DEFAULT_TITLE = "How leaders' statements are reported in the news"
#: Template folder (``report.typ``).
TEMPLATE_DIR = paths.resource("report")
#: Fonts the report uses (all embedded in the typst wheel).
FONT = "Libertinus Serif"
#: Evidence excerpts shown at most.
MAX_EVIDENCE = 8
#: Articles listed at most in the corpus table.
MAX_ARTICLES = 40
#: Speakers listed at most in a table (those with most statements).
MAX_SPEAKERS = 20


# --------------------------------------------------------------------------- formatting


def fmt_score(x: Any) -> str:
    """A score on the −1…1 scale with sign and two decimals ("–" when missing).

    Only an exact zero has no sign: a value that rounds to zero keeps its own ("−0.00" for
    −0.0015), so an interval bound shows which side of 0 it lies on.

    Example:
        >>> fmt_score(0.3), fmt_score(None), fmt_score(0), fmt_score(-0.0015), fmt_score(0.001)
        ('+0.30', '–', '0.00', '−0.00', '+0.00')
    """
    v = _float(x)
    if v is None:
        return "–"
    if v == 0:
        return "0.00"
    return f"{v:+.2f}".replace("-", "−")


def possessive(name: str) -> str:
    """A name in the possessive: "'s", or a bare apostrophe after a final s.

    Example:
        >>> possessive("Odile Frenk"), possessive("Federation of Dock and Rail Workers")
        ("Odile Frenk's", "Federation of Dock and Rail Workers'")
    """
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"


def one_sided_frame_heading(
    side: str, frame: str, lacking: Sequence[str], others: Sequence[str], how: str = ""
) -> str:
    """The evidence heading of a frame one side's statements carry in an article.

    ``readout_divergence`` compares two sides at a time, so a frame one side has and another
    lacks may be held by a third side of the same article. "Only" is said when no other side
    of the article carries the frame; otherwise the heading names the sides that lack it.

    Args:
        side: The side holding the frame, as shown.
        frame: The frame id.
        lacking: The other sides of the article whose statements lack the frame, as shown.
        others: Every other side of the article, as shown.
        how: Text after the frame (" (in a negated cue only)").

    Returns:
        The heading.

    Example:
        >>> one_sided_frame_heading("Ana Vell", "economic", ["Bo Dray"], ["Bo Dray", "Cy Moor"])
        "Frame Ana Vell's side uses and Bo Dray's lacks in this article: economic"
        >>> one_sided_frame_heading("Ana Vell", "economic", ["Bo Dray"], ["Bo Dray"])
        "Frame only Ana Vell's side uses in this article: economic"
    """
    if set(lacking) >= set(others):
        return f"Frame only {possessive(side)} side uses in this article: {frame}{how}"
    who = [possessive(x) for x in lacking]
    listed = who[0] if len(who) == 1 else ", ".join(who[:-1]) + " and " + who[-1]
    verb = "lacks" if len(who) == 1 else "lack"
    return f"Frame {possessive(side)} side uses and {listed} {verb} in this article: {frame}{how}"


def by_count_then_name(
    counts: Mapping[str, int], names: Mapping[str, str] | None = None
) -> list[str]:
    """Keys of ``counts``, most first, ties by their shown name (case-insensitive), then id.

    This is the order of every speaker list of the report (the names are those the report
    shows, :func:`display_name`, so "city engineers" does not sort after "Provincial leader").

    Example:
        >>> by_count_then_name({"kroll": 1, "Provincial leader": 1, "frenk": 3},
        ...                    {"frenk": "Odile Frenk", "kroll": "Bastian Kroll"})
        ['frenk', 'kroll', 'Provincial leader']
    """
    shown = {k: display_name(k, names) for k in counts}
    return sorted(counts, key=lambda k: (-counts[k], shown[k].casefold(), shown[k], k))


def fmt_share(x: Any) -> str:
    """A share 0…1 as a whole percentage ("–" when missing).

    Example:
        >>> fmt_share(0.5), fmt_share(float("nan"))
        ('50%', '–')
    """
    v = _float(x)
    return "–" if v is None else f"{v:.0%}"


def _float(x: Any) -> float | None:
    """``x`` as a finite float, or None."""
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _int(x: Any) -> int:
    """``x`` as an int (0 when missing)."""
    v = _float(x)
    return int(v) if v is not None else 0


def _str(x: Any) -> str:
    """``x`` as a string ("" when missing)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return str(x)


def shown_verb(verb: Any) -> str:
    """A reporting verb as the evidence line shows it: no colon or comma, none when no word.

    A headline's ``Name: "…"`` and a colon-introduced quote (``was blunter: "…"``) record the
    colon as their ``reporting_verb``; the reader sees the words only.

    Example:
        >>> shown_verb(":"), shown_verb("was unmoved:"), shown_verb("said"), shown_verb(None)
        ('', 'was unmoved', 'said', '')
    """
    text = _str(verb).strip().rstrip(":;,").strip()
    return text if any(ch.isalpha() for ch in text) else ""


def display_name(speaker: str, names: Mapping[str, str] | None = None) -> str:
    """How a speaker is shown: an actor id by its configured name (``figures.speaker_label``).

    Example:
        >>> names = {"vorenko": "Talia Vorenko", "brandvik": "Oskar Brandvik"}
        >>> display_name("vorenko", names), display_name("brandvik+vorenko", names)
        ('Talia Vorenko', 'Oskar Brandvik and Talia Vorenko')
        >>> display_name("Ansel Duric", names), display_name("", names)
        ('Ansel Duric', '(narration)')
    """
    return figures.speaker_label(speaker, names)


def speaker_names(manifest: Mapping[str, Any] | None = None) -> dict[str, str]:
    """Actor id → configured name, from the run's actors file ({} when it cannot be read).

    The file is ``parameters.actors_file`` of the manifest (from the repository root), else the
    packaged actors.

    Example:
        >>> speaker_names({})["macron"]
        'Emmanuel Macron'
    """
    from mediaframes import attribution

    params = (manifest or {}).get("parameters") or {}
    actors_file = str(params.get("actors_file") or "")
    try:
        actors = attribution.load_actors(paths.from_root(actors_file) if actors_file else None)
    except (OSError, ValueError):
        return {}
    return {a.id: a.name for a in actors.actors}


# --------------------------------------------------------------------------- reading tables


def read_tables(tables_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Read the report's tables from a folder; absent tables are empty DataFrames.

    Example:
        >>> import tempfile
        >>> read_tables(tempfile.mkdtemp())["statements"].empty
        True
    """
    folder = Path(tables_dir)
    names = (
        "articles",
        "statements",
        "sentiment",
        "sentiment_by_actor",
        "tone_by_actor",
        "frames",
        "frames_by_actor",
        "codebook",
        "readout_divergence",
        "readout_divergence_by_event",
        "readout_unpaired",
        "headline_vs_body",
        "scare_quotes",
        "loaded_terms",
        "quarantine",
        "method_agreement",
        "actor_sentiment_tests",
    )
    out = {}
    for name in names:
        df = figures._read(folder, name)
        if name == "codebook" and df is not None and (folder / "codebook.csv").is_file():
            if not (folder / "codebook.parquet").is_file():  # versions as written ("1.10")
                df = pd.read_csv(folder / "codebook.csv", dtype=str, keep_default_na=False)
        out[name] = df if df is not None else pd.DataFrame()
    return out


def _col(df: pd.DataFrame, name: str) -> pd.Series:
    """Column ``name`` as strings ("" for missing), or an empty-string column."""
    if name not in df.columns:
        return pd.Series([""] * len(df), index=df.index, dtype=object)
    return df[name].map(_str)


# --------------------------------------------------------------------------- data sections


def _inferred(value: Any) -> bool | None:
    """``date_inferred`` as in ``articles.csv``: true, false, or None (empty: no date known).

    Example:
        >>> _inferred("true"), _inferred(False), _inferred(""), _inferred(None)
        (True, False, None, None)
    """
    s = _str(value).lower()
    return True if s in ("true", "1") else (False if s in ("false", "0") else None)


def _corpus(articles: pd.DataFrame) -> dict[str, Any]:
    """Corpus summary: counts, outlets, languages, dates, and the article list."""
    ids = sorted(set(_col(articles, "article_id")) - {""})
    rows = []
    for _, r in (
        articles.sort_values("article_id").head(MAX_ARTICLES).iterrows() if len(articles) else []
    ):
        rows.append(
            {
                "article_id": _str(r.get("article_id")),
                "headline": _str(r.get("headline")),
                "outlet": _str(r.get("outlet")) or "unknown",
                "date": _str(r.get("date")) or "unknown",
                "date_inferred": _inferred(r.get("date_inferred")),
                "language": _str(r.get("language")) or "unknown",
                "n_words": _int(r.get("n_words")),
            }
        )
    dates = sorted(d for d in _col(articles, "date") if d)
    words = pd.to_numeric(articles.get("n_words", pd.Series(dtype=float)), errors="coerce")
    return {
        "n_articles": len(ids),
        "n_words": int(words.fillna(0).sum()),
        "outlets": sorted(set(_col(articles, "outlet")) - {""}),
        "n_outlet_unknown": int((_col(articles, "outlet") == "").sum()),
        "n_date_unknown": int((_col(articles, "date") == "").sum()),
        "languages": sorted(set(_col(articles, "language")) - {""}),
        "date_min": dates[0] if dates else "",
        "date_max": dates[-1] if dates else "",
        "n_dates_inferred": int(
            _col(articles, "date_inferred").str.lower().isin(["true", "1"]).sum()
        ),
        "articles": rows,
        "n_articles_listed": len(rows),
    }


#: Quarantined inputs listed at most in the report.
MAX_QUARANTINE = 20


def _quarantine(q: pd.DataFrame) -> dict[str, Any]:
    """Inputs the corpus step rejected (``quarantine`` table: ``source_path, reason, detail``).

    Example:
        >>> _quarantine(pd.DataFrame({"source_path": ["raw/a.txt"], "reason": ["empty"],
        ...                           "detail": ["file has 0 bytes"]}))["n"]
        1
    """
    rows = [
        {"path": p, "reason": r, "detail": d}
        for p, r, d in zip(
            _col(q, "source_path"), _col(q, "reason"), _col(q, "detail"), strict=True
        )
    ]
    rows.sort(key=lambda x: (x["path"], x["reason"], x["detail"]))
    return {
        "n": len(rows),
        "files": rows[:MAX_QUARANTINE],
        "n_listed": min(len(rows), MAX_QUARANTINE),
    }


def side_counts(speaker: str, speaker_type: str, via: str) -> tuple[int, int]:
    """Whether a statement reaches the reader through its own side or another (own, other).

    ``via`` is the statement's ``source_actor`` (the configured actor whose office, spokesperson
    or readout reports it; ``compare.sides_of`` makes it the statement's side). The row's actor
    is the speaker; a speaker who is not a configured actor (a spokesperson, an official)
    speaks for ``via``, which is then their own side. A joint id (``a+b``, as speaker or as
    ``via``: both offices report it) stands for each of its members, as in
    ``compare.sides_of``: the statement is "own side" when one of the speaker's members is one
    of ``via``'s. Only a configured actor reported through other configured actors' sides alone
    counts as "other side".

    Example:
        >>> side_counts("vorenko", "actor", "vorenko"), side_counts("vorenko", "actor", "brandvik")
        ((1, 0), (0, 1))
        >>> side_counts("Ansel Duric", "other", "vorenko"), side_counts("vorenko", "actor", "")
        ((1, 0), (0, 0))
        >>> side_counts("brandvik+vorenko", "joint", "brandvik+vorenko")
        (1, 0)
    """
    if not via:
        return 0, 0
    if speaker_type in ("actor", "joint"):
        own = bool(set(speaker.split("+")) & set(via.split("+")))
    else:
        own = True
    return (1, 0) if own else (0, 1)


def _statements(statements: pd.DataFrame, names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Statement counts: total, narration, per speaker by quote type and by reporting side.

    ``n = n_attributed + n_narration + n_unknown`` (``n_unknown``: quotations whose speaker the
    rules could not name), and the attributed statements split into ``n_actor`` (one configured
    actor), ``n_joint`` (two actors or more together) and ``n_other`` (every other speaker),
    which sum to ``n_attributed``.
    """
    sp = _col(statements, "speaker")
    kind = _col(statements, "speaker_type")
    unknown = kind == "unknown"  # a quotation whose speaker the rules could not name
    narration = ~unknown & ((kind == "narration") | (sp == ""))
    named = ~narration & ~unknown
    att = pd.DataFrame(
        {
            "speaker": sp[named],
            "kind": kind[named],
            "quote_type": _col(statements, "quote_type")[named],
            "via": _col(statements, "source_actor")[named],
        }
    )
    types = [t for t in figures.QUOTE_TYPES if t in set(att["quote_type"])]
    counts = att["speaker"].value_counts()
    speakers = by_count_then_name(counts.to_dict(), names)
    shown = speakers[:MAX_SPEAKERS]
    by_type = pd.crosstab(att["speaker"], att["quote_type"]).reindex(columns=types, fill_value=0)
    sides = [side_counts(a, k, v) for a, k, v in att[["speaker", "kind", "via"]].values]
    own = pd.Series([o for o, _ in sides], index=att.index, dtype=int).groupby(att["speaker"]).sum()
    other = (
        pd.Series([x for _, x in sides], index=att.index, dtype=int).groupby(att["speaker"]).sum()
    )
    per = [
        {
            "speaker": display_name(s, names),
            "n": int(counts[s]),
            "by_type": [int(by_type.at[s, t]) for t in types],
            "via_own": int(own.get(s, 0)),
            "via_other": int(other.get(s, 0)),
        }
        for s in shown
    ]
    n_actor = int((att["kind"] == "actor").sum())
    n_joint = int((att["kind"] == "joint").sum())
    return {
        "n": len(statements),
        "n_narration": int(narration.sum()),
        "n_unknown": int(unknown.sum()),
        "n_attributed": len(att),
        "n_actor": n_actor,
        "n_joint": n_joint,
        "n_other": len(att) - n_actor - n_joint,
        "n_speakers": len(speakers),
        "quote_types": types,
        "per_speaker": per,
        **top_speakers({display_name(s, names): int(counts[s]) for s in speakers}),
    }


def top_speakers(counts: Mapping[str, int], most: int = 3) -> dict[str, Any]:
    """The speakers "In brief" names, without ranking speakers tied on their count.

    Whole groups of equal counts are named, most first, while they keep the list within
    ``most`` names; the first group that does not fit is given as a count (``tied``: that many
    speakers with ``n`` statements each), never by picking some of its members.

    Args:
        counts: Shown name → statements, in the report's order (:func:`by_count_then_name`).
        most: Names given at most.

    Returns:
        ``top`` (``speaker``, ``n``) and ``tied`` (``n_speakers``, ``n``; ``n_speakers`` 0
        when no group is left as a count).

    Example:
        >>> t = top_speakers({"Odile Frenk": 31, "Bastian Kroll": 7, "Aran Dulsk": 1, "Ines": 1})
        >>> [p["speaker"] for p in t["top"]], t["tied"]
        (['Odile Frenk', 'Bastian Kroll'], {'n_speakers': 2, 'n': 1})
    """
    groups: dict[int, list[str]] = {}
    for name, n in counts.items():
        groups.setdefault(int(n), []).append(name)
    top: list[dict[str, Any]] = []
    tied = {"n_speakers": 0, "n": 0}
    for n in sorted(groups, reverse=True):
        members = groups[n]
        if len(top) + len(members) > most:
            if len(members) > 1:
                tied = {"n_speakers": len(members), "n": n}
            else:
                top.append({"speaker": members[0], "n": n})
            break
        top += [{"speaker": m, "n": n} for m in members]
    return {"top": top, "tied": tied}


def ranked(df: pd.DataFrame, key: str, names: Mapping[str, str] | None = None) -> pd.Series:
    """Each entry's number of texts (largest ``n`` over methods), most first, ties by name.

    Ties are ordered by the name shown (:func:`by_count_then_name`).

    This is the order in which the report's sentiment and tone tables list speakers.

    Example:
        >>> df = pd.DataFrame({"speaker": ["b", "a", "a", "c"], "method": ["v", "v", "t", "v"],
        ...                    "n": [2, 2, 2, 5]})
        >>> ranked(df, "speaker").to_dict()
        {'c': 5, 'a': 2, 'b': 2}
    """
    if df.empty or key not in df.columns:
        return pd.Series(dtype=int)
    n = pd.to_numeric(df["n"], errors="coerce").fillna(0).astype(int)
    per = n.groupby(_col(df, key)).max()
    return per.loc[by_count_then_name(per.to_dict(), names)]


def listing_note(n_per: pd.Series, listed: Iterable[str]) -> dict[str, int]:
    """Who a table leaves out: counts for the note under it.

    Args:
        n_per: Every entry's number of texts (:func:`ranked`), including those not listed.
        listed: The entries the table shows.

    Returns:
        ``n_all`` (entries), ``n_listed``, ``n_left_out``, of those ``n_single_left_out``
        (one text: no interval) and ``n_more_left_out`` (two texts or more), with the range of
        their counts ``min_n_left_out`` … ``max_n_left_out`` (0 when none).

    Example:
        >>> note = listing_note(pd.Series({"c": 5, "a": 3, "b": 2, "d": 1}), ["c"])
        >>> note["n_left_out"], note["n_single_left_out"], note["n_more_left_out"]
        (3, 1, 2)
        >>> note["min_n_left_out"], note["max_n_left_out"]
        (2, 3)
    """
    shown = set(listed)
    out = n_per[~n_per.index.isin(shown)]
    more = out[out >= 2]
    return {
        "n_all": len(n_per),
        "n_listed": len(shown & set(n_per.index)),
        "n_left_out": len(out),
        "n_single_left_out": int((out < 2).sum()),
        "n_more_left_out": len(more),
        "min_n_left_out": int(more.min()) if len(more) else 0,
        "max_n_left_out": int(more.max()) if len(more) else 0,
    }


def _ci_rows(
    df: pd.DataFrame, key: str, names: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """Aggregate rows (``key, method, n, mean, median, ci_low, ci_high, note``) as strings.

    Only the :data:`MAX_SPEAKERS` entries with most texts are kept (:func:`ranked`). An interval
    of two texts is noted as what it is (:func:`two_scores_note`).
    """
    rows: list[dict[str, Any]] = []
    if df.empty:
        return rows
    rank = {k: i for i, k in enumerate(ranked(df, key, names).index[:MAX_SPEAKERS])}
    order = df.assign(_k=_col(df, key))
    order = order[order["_k"].isin(set(rank))]
    order = order.assign(_r=order["_k"].map(rank)).sort_values(["_r", "method"], kind="stable")
    for _, r in order.iterrows():
        rows.append(
            {
                "speaker": display_name(r["_k"], names),
                "method": _str(r.get("method")),
                "n": _int(r.get("n")),
                "mean": fmt_score(r.get("mean")),
                "median": fmt_score(r.get("median")),
                "ci": f"{fmt_score(r.get('ci_low'))} … {fmt_score(r.get('ci_high'))}"
                if _float(r.get("ci_low")) is not None
                else "–",
                "note": two_scores_note(r.get("n"), r.get("ci_low"), _str(r.get("note"))),
            }
        )
    return rows


def two_scores_note(n: Any, ci_low: Any, note: str) -> str:
    """A row's note, saying that a percentile bootstrap interval of two scores is their range.

    Resampling two scores gives the lower score alone, the mean of both, or the higher alone
    (with chances 1/4, 1/2, 1/4), so the 95% percentile interval is exactly the range of the two
    scores, not an interval of the kind the header promises.

    Example:
        >>> two_scores_note(2, -0.35, "n too small to conclude (n < 10)")
        'interval: the range of the 2 scores; n too small to conclude (n < 10)'
        >>> two_scores_note(3, -0.35, "n too small to conclude (n < 10)")
        'n too small to conclude (n < 10)'
        >>> two_scores_note(2, 0.0, "all scores equal: CI is a single point")
        'all scores equal: CI is a single point'
    """
    if _int(n) != 2 or _float(ci_low) is None or "all scores equal" in note:
        return note
    return "; ".join(x for x in ("interval: the range of the 2 scores", note) if x)


def _sentiment(
    tables: Mapping[str, pd.DataFrame],
    caveat: str | None,
    names: Mapping[str, str] | None = None,
    manifest: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Sentiment section: caveat, methods, rows, threshold, agreement, bootstrap and tests.

    The per-speaker rows come with who they leave out (:func:`listing_note`); the bootstrap
    and the permutation tests are described by :func:`uncertainty`.
    """
    by = tables["sentiment_by_actor"]
    methods = sorted(set(_col(by, "method")) | set(_col(tables["sentiment"], "method")) - {""})
    n = pd.to_numeric(by["n"], errors="coerce") if "n" in by else pd.Series(dtype=float)
    # a speaker with one statement has no interval: listed only when no one has more
    single = set(_col(by, "speaker")[n < 2]) - set(_col(by, "speaker")[n >= 2])
    speakers = _col(by, "speaker")
    shown = by[~speakers.isin(single)] if len(single) < speakers.nunique() else by
    rows = _ci_rows(shown, "speaker", names)
    listed = set(ranked(shown, "speaker", names).index[:MAX_SPEAKERS])
    return {
        "caveat": caveat if caveat is not None else sentiment.SENTIMENT_CAVEAT,
        "methods": [m for m in methods if m],
        "min_n": figures.MIN_N,
        "label_threshold": fmt_score(min(sentiment.LABEL_THRESHOLDS.values())).lstrip("+"),
        "rows": rows,
        "n_scores": len(tables["sentiment"]),
        **listing_note(ranked(by, "speaker", names), listed),
        # whether single-statement speakers were left out by rule (someone has more)
        "two_or_more": bool(single) and len(single) < speakers.nunique(),
        "n_rejected": rejected_claims(by, tables.get("statements")),
        "agreement": _agreement(tables["method_agreement"]),
        **uncertainty(tables["actor_sentiment_tests"], manifest),
        "tests_below": tests_below(tables["actor_sentiment_tests"], names),
    }


def rejected_claims(by: pd.DataFrame, statements: pd.DataFrame | None = None) -> int:
    """How many statements were not scored because their reported words are a rejected claim.

    Counted in the statements table when it has a ``stance`` column (``sentiment.statement_stance``:
    every statement whose ``stance`` is ``rejects``), because ``sentiment_by_actor`` has no row
    for a speaker all of whose statements reject a claim, whose rejections it would leave out.
    Without that column, reads ``sentiment_by_actor`` (``speaker, method, n, n_rejected, …``):
    ``n_rejected`` is the same on each method's row of a speaker; a table written without the
    column counts none.

    Args:
        by: The ``sentiment_by_actor`` table.
        statements: The ``statements`` table of the same run (optional).

    Returns:
        The number of statements left unscored as rejected claims.

    Example:
        >>> rejected_claims(pd.DataFrame({"speaker": ["a", "a", "b"], "method": ["vader",
        ...     "afinn", "vader"], "n_rejected": [2, 2, 1]}))
        3
        >>> st = pd.DataFrame({"speaker": ["a", "a", "v"], "stance": ["rejects", "", "rejects"]})
        >>> rejected_claims(pd.DataFrame({"speaker": ["a"], "n_rejected": [1]}), st)
        2
    """
    if statements is not None and "stance" in statements.columns:
        return int((statements["stance"].fillna("").astype(str) == sentiment.REJECTS).sum())
    if "n_rejected" not in by or by.empty:
        return 0
    per = pd.to_numeric(by["n_rejected"], errors="coerce").fillna(0)
    return int(per.groupby(by["speaker"].astype(str)).max().sum())


def _agreement(ma: pd.DataFrame) -> list[dict[str, Any]]:
    """Method-agreement rows as strings, for the report's agreement table.

    Reads ``method_agreement`` (``method_a, method_b, n, spearman_r, label_agreement,
    cohen_kappa``, as ``sentiment.method_agreement`` writes it).

    Example:
        >>> row = _agreement(pd.DataFrame({"method_a": ["vader"], "method_b": ["afinn"],
        ...     "n": [9], "spearman_r": [0.654], "label_agreement": [0.8339],
        ...     "cohen_kappa": [-0.05]}))[0]
        >>> row["methods"], row["spearman_r"], row["label_agreement"], row["cohen_kappa"]
        ('vader – afinn', '+0.65', '83%', '−0.05')
    """
    return [
        {
            "methods": f"{a} – {b}",
            "n": _int(n),
            "spearman_r": fmt_score(r),
            "label_agreement": fmt_share(ag),
            "cohen_kappa": fmt_score(k),
        }
        for a, b, n, r, ag, k in zip(
            _col(ma, "method_a"),
            _col(ma, "method_b"),
            ma.get("n", pd.Series([""] * len(ma))),
            ma.get("spearman_r", pd.Series([None] * len(ma))),
            ma.get("label_agreement", pd.Series([None] * len(ma))),
            ma.get("cohen_kappa", pd.Series([None] * len(ma))),
            strict=True,
        )
    ]


def _default(func: Any, name: str) -> Any:
    """The default value of parameter ``name`` of ``func`` (where the pipeline's value lives).

    Example:
        >>> _default(lambda a, b=3: a, "b")
        3
    """
    return inspect.signature(func).parameters[name].default


def uncertainty(tests: pd.DataFrame, manifest: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """How the run's intervals and tests were computed, for the Methods (``bootstrap``, ``tests``).

    ``bootstrap``: ``method`` (percentile), ``level`` ("95%"), ``n`` (resamples) and ``seed``:
    the run's ``bootstrap_n`` and ``seed`` parameters (their declared defaults when the run
    description lacks them), the level and method of ``sentiment.bootstrap_ci``. ``tests``: the
    permutation tests of ``actor_sentiment_tests`` (``sentiment.compare_actors``): ``n`` tests,
    ``n_methods``, ``n_pairs`` (pairs per method: Holm's family), ``n_perm`` (the permutations
    ``compare_actors`` draws; read from the code, never typed), ``seed``, ``n_p05`` and
    ``n_holm05`` (tests with p, and Holm-adjusted p, below 0.05), ``n_few`` (tests with fewer
    than ``min_n`` scored statements on a side: too few to conclude whatever their p).

    Example:
        >>> t = pd.DataFrame({"method": ["vader", "vader", "afinn", "afinn"],
        ...                   "p_value": [0.01, 0.2, 0.04, 0.5], "p_holm": [0.02, 0.2, 0.08, 0.5]})
        >>> u = uncertainty(t, {"parameters": {"seed": 7, "bootstrap_n": 2000}})
        >>> u["bootstrap"]["n"], u["bootstrap"]["level"], u["tests"]["n_pairs"]
        (2000, '95%', 2)
        >>> u["tests"]["n_perm"] == _default(sentiment.compare_actors, "n_perm")
        True
    """
    from mediaframes import config

    params = {**config.defaults(), **((manifest or {}).get("parameters") or {})}
    seed, n_boot = _int(params.get("seed")), _int(params.get("bootstrap_n"))
    methods = _col(tests, "method")
    p = pd.to_numeric(tests.get("p_value", pd.Series(dtype=float)), errors="coerce")
    ph = pd.to_numeric(tests.get("p_holm", pd.Series(dtype=float)), errors="coerce")
    sides = [
        pd.to_numeric(tests.get(c, pd.Series(dtype=float)), errors="coerce") for c in ("n_a", "n_b")
    ]
    few = pd.concat(sides, axis=1).min(axis=1) if len(tests) else pd.Series(dtype=float)
    return {
        "bootstrap": {
            "method": "percentile",
            "level": fmt_share(_default(sentiment.bootstrap_ci, "level")),
            "n": n_boot,
            "seed": seed,
        },
        "tests": {
            "n": len(tests),
            "n_methods": int(methods.nunique()),
            "n_pairs": int(methods.value_counts().max()) if len(tests) else 0,
            "n_perm": int(_default(sentiment.compare_actors, "n_perm")),
            "seed": seed,
            "n_p05": int((p < 0.05).sum()),
            "n_holm05": int((ph < 0.05).sum()),
            "n_few": int((few < figures.MIN_N).sum()),
            "min_n": figures.MIN_N,
        },
    }


def fmt_p(p: Any) -> str:
    """A p-value with two significant digits, never in scientific notation ("–" when missing).

    Example:
        >>> [fmt_p(x) for x in (0.0025004, 0.04, 0.5125, 1 / 10001, None)]
        ['0.0025', '0.04', '0.51', '0.0001', '–']
    """
    v = _float(p)
    if v is None:
        return "–"
    return f"{float(f'{v:.2g}'):.6f}".rstrip("0").rstrip(".") or "0"


def tests_below(
    tests: pd.DataFrame,
    names: Mapping[str, str] | None = None,
    alpha: float = 0.05,
    min_n: int = figures.MIN_N,
) -> list[dict[str, Any]]:
    """The pairs of actors whose permutation test gives p < ``alpha`` with at least one method.

    Results name them, so a difference the Methods only count can be read and cited, with the
    methods that do not find it (one method's p < 0.05 where the others see none is weak).

    Args:
        tests: ``actor_sentiment_tests`` rows (``method, speaker_a, speaker_b, n_a, n_b, diff,
            p_value, p_holm``).
        names: Actor id → name shown.
        alpha: The level (0.05, as the Methods count).
        min_n: Below this many scored statements on a side a test is "too few to conclude".

    Returns:
        One dict per pair, smallest p first: ``a``, ``b`` (names), ``n_a``, ``n_b`` (largest over
        methods), ``below`` (``method``, ``diff`` as "+0.09", ``p``, ``p_holm`` as text), ``others``
        (the pair's methods with p ≥ ``alpha``), ``n_methods`` and ``few`` (a side under ``min_n``).

    Example:
        >>> t = pd.DataFrame({"method": ["vader", "afinn"], "speaker_a": ["orr", "orr"],
        ...     "speaker_b": ["vell", "vell"], "n_a": [40, 40], "n_b": [60, 60],
        ...     "diff": [0.12, 0.03], "p_value": [0.004, 0.3], "p_holm": [0.004, 0.3]})
        >>> (pair,) = tests_below(t, {"orr": "Ben Orr", "vell": "Ana Vell"})
        >>> pair["a"], pair["b"], pair["others"], pair["few"]
        ('Ben Orr', 'Ana Vell', ['afinn'], False)
        >>> pair["below"]
        [{'method': 'vader', 'diff': '+0.12', 'p': '0.004', 'p_holm': '0.004'}]
    """
    if tests.empty or "p_value" not in tests:
        return []
    t = tests.assign(
        _p=pd.to_numeric(tests["p_value"], errors="coerce"),
        _a=_col(tests, "speaker_a"),
        _b=_col(tests, "speaker_b"),
    )
    pairs = []
    for (a, b), g in t.groupby(["_a", "_b"], sort=False):
        low = g[g["_p"] < alpha].sort_values(["_p", "method"], kind="stable")
        if low.empty:
            continue
        n_a, n_b = (
            _int(pd.to_numeric(g.get(c, pd.Series()), errors="coerce").max())
            for c in ("n_a", "n_b")
        )
        pairs.append(
            {
                "a": display_name(a, names),
                "b": display_name(b, names),
                "n_a": n_a,
                "n_b": n_b,
                "below": [
                    {
                        "method": _str(r["method"]),
                        "diff": fmt_score(r.get("diff")),
                        "p": fmt_p(r["_p"]),
                        "p_holm": fmt_p(r.get("p_holm")),
                    }
                    for _, r in low.iterrows()
                ],
                "others": sorted(set(_col(g, "method")[~(g["_p"] < alpha)]) - {""}),
                "n_methods": int(_col(g, "method").nunique()),
                "few": 0 < min(n_a, n_b) < min_n,
                "_p": float(low["_p"].min()),
            }
        )
    pairs.sort(key=lambda d: d["_p"])
    return [{k: v for k, v in d.items() if k != "_p"} for d in pairs]


def run_codebooks(manifest: Mapping[str, Any] | None = None) -> list[Any]:
    """The codebooks the run's parameters name (``parameters.codebooks``), loaded.

    A file is read from the repository root (absolute paths as given), any other entry as a
    packaged id; an entry that cannot be read is skipped. These only supply what the run's
    ``codebook`` table does not record (name, description, source; :func:`_codebook`).

    Example:
        >>> [b.id for b in run_codebooks({"parameters": {"codebooks": ["policy_frames"]}})]
        ['policy_frames']
    """
    from mediaframes import framing

    params = (manifest or {}).get("parameters") or {}
    entries = params.get("codebooks") or []
    out = []
    for entry in [entries] if isinstance(entries, str) else entries:
        p = paths.from_root(str(entry))
        try:
            out.append(framing.load_codebook(p if p.is_file() else str(entry)))
        except (OSError, ValueError):
            continue
    return out


def _codebook(
    codebook_id: str,
    codebook: Any = None,
    recorded: pd.DataFrame | None = None,
    candidates: Sequence[Any] = (),
) -> dict[str, Any]:
    """One codebook the run used: id, name, version, description, source, frames, ``recorded``.

    The version and the frames (id, name, definition, in codebook order) are those the run
    recorded: the rows of its ``codebook`` table (``framing.codebook_table``: ``codebook,
    version, frame, name, definition, …``) for ``codebook_id``. That table has no name,
    description or source: these come from a codebook of the same id and version, ``codebook``
    if given, else the first of ``candidates`` (:func:`run_codebooks`: the files and ids the
    run's parameters name) that matches; with none matching, the codebook is named by its id.
    Without a recorded table (an older run), ``codebook`` or the first candidate with the id is
    described whole, and ``recorded`` is False; nothing is looked up by id in the package.

    Example:
        >>> rec = pd.DataFrame({"codebook": ["w"], "version": ["0.1"], "frame": ["blame"],
        ...                     "name": ["Blame"], "definition": ["Who is at fault."]})
        >>> cb = _codebook("w", recorded=rec)
        >>> cb["name"], cb["version"], cb["frames"][0]["definition"]
        ('w', '0.1', 'Who is at fault.')
    """
    rows = pd.DataFrame()
    if recorded is not None and len(recorded):
        rows = recorded[_col(recorded, "codebook") == codebook_id]
    version = _str(rows["version"].iloc[0]) if len(rows) else ""
    pool = [codebook] if codebook is not None else list(candidates)
    match = next(
        (
            b
            for b in pool
            if b is not None and b.id == codebook_id and (not len(rows) or b.version == version)
        ),
        None,
    )
    out = {
        "id": codebook_id,
        "name": match.name if match is not None else codebook_id,
        "version": version if len(rows) else (match.version if match is not None else ""),
        "description": match.description if match is not None else "",
        "source": match.source if match is not None else "",
        "recorded": bool(len(rows)),
    }
    if len(rows):
        out["frames"] = [
            {"id": _str(f), "name": _str(n) or _str(f), "definition": _str(d)}
            for f, n, d in zip(
                _col(rows, "frame"), _col(rows, "name"), _col(rows, "definition"), strict=True
            )
        ]
    elif match is not None:
        out["frames"] = [
            {"id": f.id, "name": f.name, "definition": f.definition} for f in match.frames
        ]
    else:
        out["frames"] = []
    return out


def configured_actors(
    statements: pd.DataFrame, names: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """Every configured actor of the run, each with its statements: none is left out.

    ``n_statements`` counts the statements the actor makes (alone or jointly, ``a+b``);
    ``n_reported`` those its office, spokesperson or published statement reports for another
    speaker (``source_actor``, not counted in ``n_statements``). An actor with neither is
    never heard in the corpus: the report says so, since no comparison can include it.

    Args:
        statements: The ``statements`` table (``speaker``, ``source_actor``).
        names: Actor id → configured name (the run's actors file).

    Returns:
        One dict per actor (``id``, ``name``, ``n_statements``, ``n_reported``), by name.

    Example:
        >>> st = pd.DataFrame({"speaker": ["frenk", "frenk+kroll", "Aide"],
        ...                    "source_actor": ["", "", "frenk"]})
        >>> [(a["id"], a["n_statements"], a["n_reported"])
        ...  for a in configured_actors(st, {"frenk": "Odile Frenk", "kroll": "Bastian Kroll",
        ...                                  "vass": "Meret Vass"})]
        [('kroll', 1, 0), ('vass', 0, 0), ('frenk', 2, 1)]
    """
    names = dict(names or {})
    speakers = [set(s.split("+")) for s in _col(statements, "speaker")]
    vias = [set(v.split("+")) - {""} for v in _col(statements, "source_actor")]
    out = []
    for actor_id in sorted(names, key=lambda i: (names[i].casefold(), i)):
        own = [actor_id in sp for sp in speakers]
        out.append(
            {
                "id": actor_id,
                "name": names[actor_id],
                "n_statements": sum(own),
                "n_reported": sum(actor_id in v and not o for v, o in zip(vias, own, strict=True)),
            }
        )
    return out


def speaker_counts(statements: pd.DataFrame) -> pd.Series:
    """Statements per named speaker (narration and unknown speakers left out).

    Example:
        >>> st = pd.DataFrame({"speaker": ["a", "a", "b", ""],
        ...                    "speaker_type": ["actor", "actor", "other", "narration"]})
        >>> speaker_counts(st).to_dict()
        {'a': 2, 'b': 1}
    """
    sp, kind = _col(statements, "speaker"), _col(statements, "speaker_type")
    named = sp[(sp != "") & ~kind.isin(["narration", "unknown"])]
    return named.value_counts().sort_index().astype(int)


def unattributed_quotes(statements: pd.DataFrame) -> int:
    """Statements with no speaker that are not narration: quotations nobody was found for.

    ``frames_by_actor`` counts them in the row with an empty speaker, the report's
    "(narration)", so the report says how many that row holds besides the narration.

    Example:
        >>> st = pd.DataFrame({"speaker": ["", "", "a"],
        ...                    "quote_type": ["narration", "direct", "direct"]})
        >>> unattributed_quotes(st)
        1
    """
    if statements.empty:
        return 0
    no_one = _col(statements, "speaker") == ""
    return int((no_one & (_col(statements, "quote_type") != "narration")).sum())


def _frame_table(
    fba: pd.DataFrame,
    cb: Mapping[str, Any],
    names: Mapping[str, str] | None = None,
    counts: pd.Series | None = None,
) -> tuple[list[str], list[dict[str, Any]], dict[str, Any]]:
    """The speaker × frame share table of one codebook: frames present, rows, who is listed.

    Rows are the :data:`MAX_SPEAKERS` speakers with most statements (``counts``:
    :func:`speaker_counts`; a speaker absent from it counts ``n_statements / share``) among
    those with a frame label of the codebook, ties by name, then the narration (always, when it
    carries a frame). The listing dict has ``n_with_frame`` (named speakers with a label),
    ``n_listed``, ``n_left_out`` (of those, not listed), ``max_n_left_out`` (their most
    statements), ``n_no_frame`` (speakers of ``counts`` with no label of this codebook) and
    ``narration`` (whether its row is shown).

    Example:
        >>> fba = pd.DataFrame({"speaker": ["a", "b", ""], "codebook": ["w"] * 3,
        ...     "frame": ["blame"] * 3, "n_statements": [1, 2, 3], "share": [0.5, 1.0, 0.3]})
        >>> cb = {"id": "w", "frames": [{"id": "blame", "name": "Blame"}]}
        >>> present, rows, lst = _frame_table(fba, cb, counts=pd.Series({"a": 2, "b": 2, "c": 9}))
        >>> [r["speaker"] for r in rows], rows[0]["cells"], lst["n_no_frame"]
        (['a', 'b', '(narration)'], ['50% (1)'], 1)
    """
    sub = fba[_col(fba, "codebook") == cb["id"]] if len(fba) else fba
    order = [f["id"] for f in cb["frames"]]
    present = sorted(
        set(_col(sub, "frame")), key=lambda f: (order.index(f) if f in order else len(order), f)
    )
    who = _col(sub, "speaker")
    n_by = pd.to_numeric(sub.get("n_statements", pd.Series(dtype=float)), errors="coerce")
    share = pd.to_numeric(sub.get("share", pd.Series(dtype=float)), errors="coerce")
    derived = (n_by / share.where(share > 0)).round().groupby(who).max()
    known = counts if counts is not None else pd.Series(dtype=int)
    total = {s: int(known.get(s, 0) or _int(derived.get(s))) for s in set(who) - {""}}
    ranked_ = by_count_then_name(total, names)
    speakers = ranked_[:MAX_SPEAKERS] + ([""] if "" in set(who) else [])
    rows = []
    for s in speakers:
        cells = []
        for f in present:
            hit = sub[(who == s) & (_col(sub, "frame") == f)]
            cells.append(
                f"{fmt_share(hit['share'].iloc[0])} ({_int(hit['n_statements'].iloc[0])})"
                if len(hit)
                else "–"
            )
        n_of = total[s] if s else _int(derived.get(s))
        rows.append({"speaker": display_name(s, names), "n": n_of, "cells": cells})
    left = ranked_[MAX_SPEAKERS:]
    listing = {
        "n_with_frame": len(ranked_),
        "n_listed": len(ranked_) - len(left),
        "n_left_out": len(left),
        "max_n_left_out": max((total[s] for s in left), default=0),
        "n_no_frame": len(set(known.index) - set(total)) if counts is not None else 0,
        "narration": "" in set(who),
    }
    return present, rows, listing


def _frames(
    tables: Mapping[str, pd.DataFrame],
    codebook: Any = None,
    names: Mapping[str, str] | None = None,
    candidates: Sequence[Any] = (),
) -> dict[str, Any]:
    """Frames section: every codebook the run used, each with its speaker × frame share table.

    The codebooks are those of the run's ``codebook`` table, in the order the run applied them,
    then any other id of the ``frames`` or ``frames_by_actor`` table (sorted); each is described
    by :func:`_codebook`. ``books`` lists them (``codebook``, ``frames`` present (ids) and
    ``frame_names`` (the codebook's names, for the table's header), ``rows`` and ``listing``
    (:func:`_frame_table`), ``n_labels``: the frame labels of that codebook); ``n_labels``
    counts all labels (:func:`frame_label_count`: statements × frames, not cue matches).
    """
    fba, fr = tables["frames_by_actor"], tables["frames"]
    st = tables.get("statements", pd.DataFrame())
    counts = speaker_counts(st) if len(st) else None
    recorded = tables.get("codebook", pd.DataFrame())
    ids = list(dict.fromkeys(i for i in _col(recorded, "codebook") if i))
    ids += sorted((set(_col(fba, "codebook")) | set(_col(fr, "codebook"))) - set(ids) - {""})
    if codebook is not None and codebook.id not in ids:
        ids.insert(0, codebook.id)
    books = []
    for book_id in ids:
        cb = _codebook(
            book_id, codebook if codebook is not None and codebook.id == book_id else None,
            recorded, candidates,
        )  # fmt: skip
        present, rows, listing = _frame_table(fba, cb, names, counts)
        # the row with no speaker is the narration and any quotation nobody was found for
        listing["n_unattributed"] = unattributed_quotes(st)
        n_labels = frame_label_count(fr, book_id)
        label_of = {f["id"]: f["name"] for f in cb["frames"]}
        books.append(
            {
                "codebook": cb,
                "frames": present,
                "frame_names": [label_of.get(f) or f for f in present],
                "rows": rows,
                "listing": listing,
                "n_labels": n_labels,
            }
        )
    return {"books": books, "n_labels": frame_label_count(fr)}


def frame_label_count(frames: pd.DataFrame, codebook: str | None = None) -> int:
    """Frame labels: distinct (statement, codebook, frame) of the ``frames`` table.

    ``frames.csv`` has one row per cue found, so a statement with two cues of one frame
    ("families" and "shortage") has two rows but one label, and counts once in the share
    table and figure (``frames_by_actor``: statements carrying the frame); this is the count
    the report gives beside them.

    Args:
        frames: The ``frames`` table (``statement_id, codebook, frame, …``).
        codebook: Count this codebook's labels only (default: every codebook's).

    Returns:
        The number of labels.

    Example:
        >>> fr = pd.DataFrame({"statement_id": ["a:1", "a:1", "a:2"], "codebook": ["c"] * 3,
        ...                    "frame": ["aid", "aid", "aid"]})
        >>> frame_label_count(fr), len(fr)
        (2, 3)
    """
    if frames.empty:
        return 0
    keys = pd.DataFrame(
        {k: _col(frames, k) for k in ("statement_id", "codebook", "frame")}
    ).drop_duplicates()
    if codebook is not None:
        keys = keys[keys["codebook"] == codebook]
    return len(keys)


def paired_readouts(statements: pd.DataFrame) -> int:
    """Articles in which two sides or more are reported through their own office or readout.

    That is, articles whose statements carry two distinct ``source_actor`` values or more.

    Example:
        >>> paired_readouts(pd.DataFrame({"article_id": ["a", "a", "b"],
        ...                               "source_actor": ["x", "y", "x"]}))
        1
    """
    if statements.empty:
        return 0
    via = _col(statements, "source_actor")
    sides = via[via != ""].groupby(_col(statements, "article_id")[via != ""]).nunique()
    return int((sides >= 2).sum())


def is_negated(rule: Any) -> bool:
    """Whether a frame label's rule marks its cue as negated (``negated:…``, ``framing``).

    Example:
        >>> is_negated("negated:phrase:price gouging"), is_negated("cue:bill")
        (True, False)
    """
    return _str(rule).startswith("negated:")


def side_cues(
    statements: pd.DataFrame, frames: pd.DataFrame
) -> dict[tuple[str, str, str, str], list[tuple[str, bool]]]:
    """The cues of each side's frame labels in each article, each with whether it is negated.

    Keys are ``(article_id, side, codebook, frame)``, sides as ``compare.sides_of`` gives them
    (as ``readout_divergence`` counts them); values list ``(cue, negated)`` per label.

    Example:
        >>> st = pd.DataFrame({"statement_id": ["1"], "article_id": ["a"], "speaker": ["x"],
        ...                    "speaker_type": ["actor"], "source_actor": [""]})
        >>> fr = pd.DataFrame({"statement_id": ["1", "1"], "codebook": ["w", "w"],
        ...     "frame": ["cost", "cost"], "cue": ["bills", "gouging"],
        ...     "rule": ["cue:bill", "negated:cue:gouging"]})
        >>> side_cues(st, fr)[("a", "x", "w", "cost")]
        [('bills', False), ('gouging', True)]
    """
    from mediaframes import compare

    out: dict[tuple[str, str, str, str], list[tuple[str, bool]]] = {}
    if statements.empty or frames.empty:
        return out
    by_sid: dict[str, list[tuple[str, str, str, bool]]] = {}
    for sid, cb, frame, cue, rule in zip(
        _col(frames, "statement_id"),
        _col(frames, "codebook"),
        _col(frames, "frame"),
        _col(frames, "cue"),
        _col(frames, "rule"),
        strict=True,
    ):
        by_sid.setdefault(sid, []).append((cb, frame, cue, is_negated(rule)))
    st = statements.assign(_sid=_col(statements, "statement_id"))
    for row in st[st["_sid"].isin(set(by_sid))].to_dict("records"):
        for side in compare.sides_of(row):
            for cb, frame, cue, neg in by_sid[row["_sid"]]:
                key = (_str(row.get("article_id")), side, cb, frame)
                out.setdefault(key, []).append((cue, neg))
    return out


def all_cues(evidence: Iterable[str]) -> str:
    """Every distinct cue of several ``; ``-joined evidence strings, most frequent first.

    As ``figures.merge_evidence`` orders them (by the number of strings naming a cue, then
    alphabetically), without its limit: the report lists them all.

    Example:
        >>> all_cues(["talks; accord", "talks", "dialogue; pact; truce; summit; envoy"])
        'talks; accord; dialogue; envoy; pact; summit; truce'
    """
    ev = [str(e or "") for e in evidence]
    n = sum(len(e.split(";")) for e in ev)
    return figures.merge_evidence(ev, limit=n)


def mark_negated(evidence: str, negated: Iterable[str]) -> str:
    """Mark the cues of a ``; ``-joined evidence string that occur only negated.

    Example:
        >>> mark_negated("price gouging; bills; +1 more", {"price gouging"})
        'price gouging (negated); bills; +1 more'
    """
    neg = set(negated)
    return "; ".join(f"{c} (negated)" if c in neg else c for c in evidence.split("; "))


def side_statements(statements: pd.DataFrame) -> dict[tuple[str, str], int]:
    """Statements of each side in each article, sides as ``compare.sides_of`` gives them.

    Example:
        >>> st = pd.DataFrame({"article_id": ["a", "a", "a"], "speaker": ["x", "x", "y+x"],
        ...     "speaker_type": ["actor", "actor", "joint"], "source_actor": ["", "", ""]})
        >>> side_statements(st)
        {('a', 'x'): 3, ('a', 'y'): 1}
    """
    from mediaframes import compare

    out: dict[tuple[str, str], int] = {}
    if statements.empty:
        return out
    for row in statements.to_dict("records"):
        for side in compare.sides_of(row):
            key = (_str(row.get("article_id")), side)
            out[key] = out.get(key, 0) + 1
    return out


#: Units (articles, events) listed by name where one side alone speaks; the rest are counted.
MAX_UNPAIRED = 20


def compared_articles(statements: pd.DataFrame) -> int:
    """Articles in which two sides or more speak: those ``readout_divergence`` compares.

    Sides are those of ``compare.sides_of`` (a joint statement counts for each member).

    Example:
        >>> st = pd.DataFrame({"article_id": ["a", "a", "b"], "speaker": ["x", "y", "x"],
        ...     "speaker_type": ["actor"] * 3, "source_actor": ["", "", ""]})
        >>> compared_articles(st)
        1
    """
    sides: dict[str, set[str]] = {}
    for art, side in side_statements(statements):
        sides.setdefault(art, set()).add(side)
    return sum(1 for s in sides.values() if len(s) >= 2)


def unpaired_units(
    unpaired: pd.DataFrame, names: Mapping[str, str] | None = None, limit: int = MAX_UNPAIRED
) -> dict[str, Any]:
    """The articles and events where one side alone speaks (``tables/readout_unpaired.csv``).

    Nothing is compared there, so the report names them: at most ``limit`` of each, by unit id
    with the side shown by name; ``n_articles`` and ``n_events`` count them all.

    Example:
        >>> up = pd.DataFrame({"by": ["article", "article", "event"], "unit": ["a5", "a6", "E2"],
        ...     "side": ["x", "y", "x"], "n_statements": [3, 1, 4], "article_ids": ["a5"] * 3})
        >>> out = unpaired_units(up, {"x": "Ana Vell"}, limit=1)
        >>> out["articles"], out["n_articles"], out["events"]
        ([{'unit': 'a5', 'side': 'Ana Vell'}], 2, [{'unit': 'E2', 'side': 'Ana Vell'}])
    """
    units: dict[str, list[dict[str, str]]] = {"article": [], "event": []}
    for by, unit, side in zip(
        _col(unpaired, "by"), _col(unpaired, "unit"), _col(unpaired, "side"), strict=True
    ):
        if by in units:
            units[by].append({"unit": unit, "side": display_name(side, names)})
    return {
        "articles": units["article"][:limit],
        "n_articles": len(units["article"]),
        "events": units["event"][:limit],
        "n_events": len(units["event"]),
    }


def event_divergence(
    by_event: pd.DataFrame,
    names: Mapping[str, str] | None = None,
    cues_of: Mapping[tuple[str, str, str, str], list[tuple[str, bool]]] | None = None,
) -> list[dict[str, Any]]:
    """Frames one side's statements about an event carry and the other side's lack.

    Read from ``tables/readout_divergence_by_event.csv`` (``compare.event_readout_divergence``:
    the readouts of one event paired across its articles): per ordered pair of sides, each
    frame with the events where only that side brings it up and the side's statements there;
    ``negated_only`` when every cue of those statements is negated (``cues_of``:
    :func:`side_cues`, by article, side, codebook and frame).

    Example:
        >>> ev = pd.DataFrame({"event": ["E1", "E2", "E1"], "side": ["x", "x", "x"],
        ...     "other_side": ["y", "y", "y"], "kind": ["frame", "frame", "topic"],
        ...     "codebook": ["w", "w", ""], "item": ["cost", "cost", "bread"],
        ...     "n_side": [2, 1, 1], "article_ids": ["a1; a2", "a3", "a1"]})
        >>> out = event_divergence(ev, {"x": "Ana Vell", "y": "Rik Oss"},
        ...                        {("a1", "x", "w", "cost"): [("no tolls", True)]})
        >>> out[0]["side"], out[0]["frames"]
        ('Ana Vell', [{'frame': 'cost', 'n': 3, 'events': ['E1', 'E2'], 'negated_only': True}])
    """
    if by_event.empty:
        return []
    fr = by_event[_col(by_event, "kind") == "frame"]
    cues_of = cues_of or {}
    out = []
    for (side, other), sub in fr.groupby([_col(fr, "side"), _col(fr, "other_side")]):
        frames_ = []
        for item, g in sub.groupby(_col(sub, "item"), sort=True):
            labels = [
                neg
                for arts, cb in zip(_col(g, "article_ids"), _col(g, "codebook"), strict=True)
                for a in arts.split("; ")
                for _c, neg in cues_of.get((a, _str(side), cb, _str(item)), [])
            ]
            frames_.append(
                {
                    "frame": _str(item),
                    "n": int(pd.to_numeric(g["n_side"], errors="coerce").fillna(0).sum()),
                    "events": sorted(set(_col(g, "event"))),
                    "negated_only": bool(labels) and all(labels),
                }
            )
        out.append(
            {
                "side": display_name(side, names),
                "other": display_name(other, names),
                "frames": frames_,
            }
        )
    return out


def _comparisons(
    tables: Mapping[str, pd.DataFrame], names: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Side divergence (frames only), what leads each section, scare quotes, loaded terms.

    Short quoted words (the ``scare_quotes`` table) are split by voice: ``scare_quotes`` in the
    journalist's narration, ``partial_quotes`` inside a speaker's statement (the speaker's own
    words; ``compare.is_scare_quote``).
    """
    from mediaframes import compare

    div = tables["readout_divergence"]
    divergence = []
    if len(div):
        fr = div[_col(div, "kind") == "frame"]
        cues_of = side_cues(tables["statements"], tables["frames"]) if len(fr) else {}
        per_side = side_statements(tables["statements"])
        for (side, other), sub in fr.groupby([_col(fr, "side"), _col(fr, "other_side")]):
            arts = set(_col(sub, "article_id"))
            n_side = sum(per_side.get((a, side), 0) for a in arts)
            n_other = sum(per_side.get((a, other), 0) for a in arts)
            # the table has one row per article: one entry per frame, with the number of
            # statements and of articles where only this side's statements carry it
            frames_ = []
            for item, g in sub.sort_values(["item", "article_id"]).groupby("item", sort=True):
                labels = [
                    c
                    for a, cb in zip(_col(g, "article_id"), _col(g, "codebook"), strict=True)
                    for c in cues_of.get((a, side, cb, _str(item)), [])
                ]
                # a cue shown "(negated)" occurs only negated in the articles counted
                negated = {c for c, _ in labels} - {c for c, neg in labels if not neg}
                frames_.append(
                    {
                        "frame": _str(item),
                        "n": int(pd.to_numeric(g["n_side"], errors="coerce").fillna(0).sum()),
                        "n_articles": int(g["article_id"].nunique()),
                        # every distinct cue over the articles counted, not the first one's,
                        # and not cut at figures.MAX_CUES as Figure 5's bar labels are
                        "evidence": mark_negated(all_cues(_col(g, "evidence")), negated),
                        "negated_only": bool(labels) and all(neg for _, neg in labels),
                    }
                )
            divergence.append(
                {
                    "side": display_name(side, names),
                    "other": display_name(other, names),
                    "frames": frames_,
                    # the statements of each side in the articles compared: a side heard once
                    # is no basis for "what it lacks"
                    "n_side_statements": n_side,
                    "n_other_statements": n_other,
                    # (a side the statements table does not show is not counted as heard once)
                    "single": min(n_side, n_other) == 1,
                }
            )
        # pairs that rest on two statements of each side or more come first
        divergence.sort(key=lambda d: d["single"])
    leads, lead_table = _leads(tables["headline_vs_body"], names)
    # the pairs of sides Figure 5 draws (figures.MAX_PAIRS, most rows first) and those it
    # leaves out, by name: with several actors, not every pair is drawn
    pairs = figures.divergence_pairs(div) if len(div) else []
    n_drawn = min(len(pairs), figures.MAX_PAIRS)
    left_out, n_more = figures.pairs_left_out(pairs, n_drawn, names)
    sq = tables["scare_quotes"]
    quoted = (
        sorted({(_str(r["text"]), _str(r["voice"])) for _, r in sq.iterrows()}) if len(sq) else []
    )
    return {
        "divergence": divergence,
        "n_paired_readouts": paired_readouts(tables["statements"]),
        # the articles readout_divergence compares, and those it cannot (one side alone)
        "n_compared_articles": compared_articles(tables["statements"]),
        "unpaired": unpaired_units(tables["readout_unpaired"], names),
        "event_divergence": event_divergence(
            tables["readout_divergence_by_event"],
            names,
            side_cues(tables["statements"], tables["frames"]),
        ),
        "figure_pairs": {
            "n_pairs": len(pairs),
            "n_drawn": n_drawn,
            "left_out": left_out,
            "n_more": n_more,
        },
        "leads": leads,
        "lead_table": lead_table,
        "scare_quotes": [
            {"text": t, "voice": display_name(v, names)}
            for t, v in quoted
            if compare.is_scare_quote(v)
        ],
        "partial_quotes": [
            {"text": t, "voice": display_name(v, names)}
            for t, v in quoted
            if not compare.is_scare_quote(v)
        ],
        "loaded_terms": _loaded_terms(tables["loaded_terms"], tables["statements"], names),
    }


def _leads(
    hvb: pd.DataFrame, names: Mapping[str, str] | None = None
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """What leads each section, counted in articles (as Figure 6 counts them).

    Returns the per-section list (``section, n_articles, speakers, frames``; each speaker or
    frame with ``n``, the articles whose section it leads, most first) and the table of every
    item by section (``n_articles`` of the table, ``sections``, ``rows`` of ``kind, item,
    cells``). A speaker leads a section when it speaks first there; a frame when it has most
    statements there (tied frames share the lead).
    """
    table: dict[str, Any] = {"n_articles": 0, "sections": [], "rows": []}
    if hvb.empty:
        return [], table
    rank = pd.to_numeric(hvb["rank"], errors="coerce")
    kind = _col(hvb, "kind")
    first = hvb[(rank == 1) & kind.isin(["speaker", "frame"])]
    first = pd.DataFrame(
        {
            "article_id": _col(first, "article_id"),
            "section": _col(first, "section"),
            "kind": _col(first, "kind"),
            "item": _col(first, "item"),
        }
    )
    n = first.groupby(["kind", "item", "section"])["article_id"].nunique()
    sections = [s for s in ("headline", "standfirst", "body") if s in set(first["section"])]
    leads = []
    for sec in sections:
        sub = first[first["section"] == sec]
        entry: dict[str, Any] = {"section": sec, "n_articles": int(sub["article_id"].nunique())}
        for k, key in (("speaker", "speakers"), ("frame", "frames")):
            items = sorted(set(sub.loc[sub["kind"] == k, "item"]))
            counts = {i: int(n[(k, i, sec)]) for i in items}
            entry[key] = [
                {"item": display_name(i, names) if k == "speaker" else i, "n": counts[i], "id": i}
                for i in (
                    by_count_then_name(counts, names)
                    if k == "speaker"
                    else sorted(items, key=lambda i: (-counts[i], i))
                )
            ]
        leads.append(entry)
    rows = []
    for k in ("speaker", "frame"):
        items = sorted(set(first.loc[first["kind"] == k, "item"]))
        total = {i: sum(int(n.get((k, i, sec), 0)) for sec in sections) for i in items}
        order = (
            by_count_then_name(total, names)
            if k == "speaker"
            else sorted(items, key=lambda i: (-total[i], i))
        )
        for i in order:
            cells = [int(n.get((k, i, sec), 0)) for sec in sections]
            rows.append(
                {
                    "kind": k,
                    "item": display_name(i, names) if k == "speaker" else (i or figures.NARRATION),
                    "cells": [str(c) if c else "–" for c in cells],
                }
            )
    table = {
        "n_articles": len(set(_col(hvb, "article_id")) - {""}),
        "sections": sections,
        "rows": rows,
    }
    return leads, table


#: How each ``mode`` of a contested term reads in the report.
MODE_LABELS = {"quoted": "quoted", "reported": "reported speech", "narration": "narration"}


def _loaded_terms(
    lt: pd.DataFrame, statements: pd.DataFrame, names: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """Contested terms counted by pair, variant, term, voice and mode.

    ``mode`` is shown as :data:`MODE_LABELS` gives it; a term in reported (indirect) speech
    names the speaker paraphrased (``reported speech of dremin``): the journalist's words for
    that speaker's claim, not the journalist's own sentence.
    """
    if lt.empty:
        return []
    speaker_of = (
        dict(zip(_col(statements, "statement_id"), _col(statements, "speaker"), strict=True))
        if len(statements)
        else {}
    )
    modes = []
    for mode, sid in zip(_col(lt, "mode"), _col(lt, "statement_id"), strict=True):
        label = MODE_LABELS.get(mode, mode)
        who = speaker_of.get(sid, "")
        modes.append(
            f"{label} of {display_name(who, names)}" if mode == "reported" and who else label
        )
    keys = pd.DataFrame(
        {
            "pair": _col(lt, "pair"),
            "variant": _col(lt, "variant"),
            "term": _col(lt, "term"),
            "voice": [v if v == "narration" else display_name(v, names) for v in _col(lt, "voice")],
            "mode": modes,
        }
    )
    grp = keys.groupby(list(keys.columns), sort=True).size()
    return [
        {"pair": p, "variant": v, "term": t, "voice": vo, "mode": m, "n": int(k)}
        for (p, v, t, vo, m), k in grp.items()
    ]


def highlight_segments(
    text: str, base: int, spans: Iterable[tuple[int, int, str]]
) -> list[dict[str, str]]:
    """Cut ``text`` (starting at offset ``base``) into runs of ``plain`` and the spans' kinds.

    The report's kinds are ``quote``, ``cue`` and ``negated`` (a negated cue). Spans are
    ``(start, end, kind)`` in article offsets; a later span wins where spans overlap (give
    quotes first, cues after, so a cue inside a quote shows as a cue).

    Example:
        >>> highlight_segments("ab cd", 10, [(13, 15, "quote")])
        [{'text': 'ab ', 'kind': 'plain'}, {'text': 'cd', 'kind': 'quote'}]
    """
    marks = ["plain"] * len(text)
    for start, end, kind in spans:
        for i in range(max(0, start - base), min(len(text), end - base)):
            marks[i] = kind
    out: list[dict[str, str]] = []
    for ch, kind in zip(text, marks, strict=True):
        if out and out[-1]["kind"] == kind:
            out[-1]["text"] += ch
        else:
            out.append({"text": ch, "kind": kind})
    return out


def headline_lead(
    hvb: pd.DataFrame, attributed: pd.DataFrame, names: Mapping[str, str] | None = None
) -> tuple[str, str] | None:
    """The excerpt for "leads the headline": a headline of the speaker "In brief" names first.

    The speaker is the first of the headline's leads as :func:`_leads` ranks them (most
    headlines first, ties by name), the rule of the summary; the statement is that speaker's
    first in a headline it leads (articles by id). The finding names the count.

    Args:
        hvb: The ``headline_vs_body`` table.
        attributed: Attributed statements, indexed by ``statement_id`` (``article_id``,
            ``speaker``, ``section``).
        names: Actor id → configured name.

    Returns:
        ``(statement_id, finding)``, or None when no headline has a speaker.

    Example:
        >>> hvb = pd.DataFrame({"article_id": ["a", "b", "c"], "section": ["headline"] * 3,
        ...     "kind": ["speaker"] * 3, "rank": [1, 1, 1], "item": ["kroll", "frenk", "frenk"]})
        >>> st = pd.DataFrame({"article_id": ["a", "b", "c"], "speaker": ["kroll", "frenk",
        ...     "frenk"], "section": ["headline"] * 3}, index=["a:0", "b:0", "c:0"])
        >>> headline_lead(hvb, st, {"frenk": "Odile Frenk"})
        ('b:0', 'Leads the headline: Odile Frenk speaks first in 2 of 3 headlines')
    """
    leads, table = _leads(hvb, names)
    head = next((entry for entry in leads if entry["section"] == "headline"), None)
    if head is None or not head["speakers"]:
        return None
    first = head["speakers"][0]
    n_tied = sum(1 for p in head["speakers"] if p["n"] == first["n"])
    rank = pd.to_numeric(hvb["rank"], errors="coerce")
    led = set(
        _col(hvb, "article_id")[
            (rank == 1)
            & (_col(hvb, "section") == "headline")
            & (_col(hvb, "kind") == "speaker")
            & (_col(hvb, "item") == first["id"])
        ]
    )
    sub = attributed[
        (_col(attributed, "section") == "headline")
        & (_col(attributed, "speaker") == first["id"])
        & _col(attributed, "article_id").isin(led)
    ]
    if sub.empty:
        return None
    sid = sorted(sub.index, key=lambda i: (_str(sub.at[i, "article_id"]), str(i)))[0]
    n_all = int(table["n_articles"])  # as "In brief" counts them
    finding = (
        f"Leads the headline: {first['item']} speaks first in {first['n']} of {n_all} "
        f"{'headline' if n_all == 1 else 'headlines'}"
    )
    if n_tied > 1:
        finding += f" (tied with {n_tied - 1} other {'speaker' if n_tied == 2 else 'speakers'})"
    return sid, finding


def _evidence(
    tables: Mapping[str, pd.DataFrame],
    limit: int = MAX_EVIDENCE,
    names: Mapping[str, str] | None = None,
) -> list[dict]:
    """Excerpts for the key findings (statement text with the quote and cues marked).

    Picks what leads the headline, each side's exclusive frames (a statement whose cue of the
    frame is not negated first), and each speaker's most positive and most negative statement
    (mean over methods). A negated cue (rule ``negated:…``) is a span of kind ``negated`` and
    is listed with ", negated".
    """
    st = tables["statements"]
    if st.empty:
        return []
    st = st.assign(_id=_col(st, "statement_id")).drop_duplicates("_id").set_index("_id")
    fr = tables["frames"]
    sent = tables["sentiment"]
    arts = tables["articles"]
    heads = (
        dict(zip(_col(arts, "article_id"), _col(arts, "headline"), strict=True))
        if len(arts)
        else {}
    )
    outlets = (
        dict(zip(_col(arts, "article_id"), _col(arts, "outlet"), strict=True)) if len(arts) else {}
    )
    picks: list[tuple[str, str]] = []
    from mediaframes import compare

    attributed = st[(_col(st, "speaker") != "") & (_col(st, "speaker_type") != "narration")]
    lead = headline_lead(tables["headline_vs_body"], attributed, names)
    if lead is not None:
        picks.append(lead)
    div = tables["readout_divergence"]
    if len(div) and len(fr):
        dfr = div[_col(div, "kind") == "frame"]
        per_side = side_statements(tables["statements"])
        # a frame one side "lacks" where that side speaks once shows last (as in "In brief")
        single = [
            min(per_side.get((a, x), 0), per_side.get((a, y), 0)) == 1
            for a, x, y in zip(
                _col(dfr, "article_id"), _col(dfr, "side"), _col(dfr, "other_side"), strict=True
            )
        ]
        dfr = dfr.assign(_single=single).sort_values(["_single", "side", "item"], kind="stable")
        seen: set[tuple[str, str]] = set()
        for _, r in dfr.iterrows():
            side, frame = _str(r["side"]), _str(r["item"])
            if (side, frame) in seen:
                continue  # (one example per side and frame, from its first article)
            ids = sorted(set(_col(fr[_col(fr, "frame") == frame], "statement_id")) & set(st.index))
            ids = [
                i
                for i in ids
                if side in compare.sides_of(st.loc[i])  # a joint statement: each member's
                and _str(st.at[i, "article_id"]) == _str(r["article_id"])
            ]
            if ids:
                seen.add((side, frame))
                who = display_name(side, names)
                # a statement that carries the frame with a cue it does not negate, if any
                of_frame = fr[(_col(fr, "frame") == frame) & _col(fr, "statement_id").isin(ids)]
                plain = set(_col(of_frame, "statement_id")[~_col(of_frame, "rule").map(is_negated)])
                sid = next((i for i in ids if i in plain), ids[0])
                how = "" if sid in plain else " (in a negated cue only)"
                # the article's other sides, and those of them whose statements lack the frame
                # (the row compares one pair; a third side may carry the frame too)
                art = _str(r["article_id"])
                in_art = st[_col(st, "article_id") == art]
                with_frame = set(
                    _col(
                        fr[
                            (_col(fr, "frame") == frame)
                            & (_col(fr, "codebook") == _str(r.get("codebook")))
                        ],
                        "statement_id",
                    )
                )
                others: set[str] = set()
                holders: set[str] = set()
                for i, row in in_art.iterrows():
                    row_sides = set(compare.sides_of(row)) - {side}
                    others |= row_sides
                    if i in with_frame:
                        holders |= row_sides
                shown = sorted({display_name(x, names) for x in others})
                lacking = sorted({display_name(x, names) for x in others - holders})
                picks.append((sid, one_sided_frame_heading(who, frame, lacking, shown, how)))
    if len(sent):
        scores = pd.to_numeric(sent["score"], errors="coerce")
        mean = scores.groupby(_col(sent, "statement_id")).mean().dropna()
        for speaker in sorted(set(_col(attributed, "speaker"))):
            ids = [
                i
                for i in attributed.index[_col(attributed, "speaker") == speaker]
                if i in mean.index
            ]
            if len(ids) < 2:
                continue
            ranked = sorted(ids, key=lambda i: (mean[i], i))
            who = display_name(speaker, names)
            picks.append((ranked[-1], f"Most positive statement of {who} (mean of methods)"))
            picks.append((ranked[0], f"Most negative statement of {who} (mean of methods)"))

    out, seen = [], set()
    for sid, finding in picks:
        if sid in seen or len(out) >= limit:
            continue
        seen.add(sid)
        r = st.loc[sid]
        base = _int(r.get("char_start"))
        spans = []
        if _float(r.get("quote_start")) is not None and _int(r.get("quote_end")) > _int(
            r.get("quote_start")
        ):
            spans.append((_int(r["quote_start"]), _int(r["quote_end"]), "quote"))
        cues = []
        if len(fr):
            for _, f in fr[_col(fr, "statement_id") == sid].sort_values("char_start").iterrows():
                neg = is_negated(f.get("rule"))
                kind, mark = ("negated", ", negated") if neg else ("cue", "")
                spans.append((_int(f["char_start"]), _int(f["char_end"]), kind))
                cues.append(f"{_str(f['frame'])} (“{_str(f['cue'])}”{mark})")
        score_txt = []
        if len(sent):
            ss = sent[_col(sent, "statement_id") == sid].sort_values("method")
            score_txt = [f"{_str(x['method'])} {fmt_score(x['score'])}" for _, x in ss.iterrows()]
        aid = _str(r.get("article_id"))
        out.append(
            {
                "finding": finding,
                "statement_id": sid,
                "speaker": display_name(_str(r.get("speaker")), names),
                "source": _str(r.get("source")),
                "quote_type": _str(r.get("quote_type")),
                "reporting_verb": shown_verb(r.get("reporting_verb")),
                "section": _str(r.get("section")),
                "article": heads.get(aid, aid),
                "outlet": outlets.get(aid, ""),
                "segments": highlight_segments(_str(r.get("text")), base, spans),
                "frames": sorted(dict.fromkeys(cues)),
                "scores": score_txt,
            }
        )
    return out


def _frame_words(manifest: Mapping[str, Any] | None) -> str:
    """The run's ``frame_words`` parameter (``statement`` unless the run set ``reported``).

    Example:
        >>> _frame_words({"parameters": {"frame_words": "reported"}}), _frame_words(None)
        ('reported', 'statement')
    """
    params = (manifest or {}).get("parameters") or {}
    return str(params.get("frame_words") or "statement")


def _loaded_terms_file(manifest: Mapping[str, Any] | None) -> str:
    """The run's ``loaded_terms_file`` parameter ("" for the packaged list).

    Example:
        >>> _loaded_terms_file({"parameters": {"loaded_terms_file": "my_terms.yml"}})
        'my_terms.yml'
    """
    params = (manifest or {}).get("parameters") or {}
    return str(params.get("loaded_terms_file") or "")


def _appendix(manifest: Mapping[str, Any] | None) -> dict[str, Any]:
    """The run description as display rows: scalars, parameters, packages, notebooks."""
    m = dict(manifest or {})

    def show(v: Any) -> str:
        if v is None:
            return "none"
        if isinstance(v, (dict, list)):
            return json.dumps(v, ensure_ascii=False, sort_keys=True)
        return str(v)

    params = m.pop("parameters", {}) or {}
    packages = m.pop("packages", {}) or {}
    notebooks = m.pop("notebooks", []) or []
    corpus = m.pop("corpus", {}) or {}
    m.pop("outputs", None)
    rows = [{"key": k, "value": show(v)} for k, v in sorted(m.items())]
    rows += [{"key": f"corpus.{k}", "value": show(v)} for k, v in sorted(corpus.items())]
    return {
        "rows": rows,
        "parameters": [{"key": k, "value": show(v)} for k, v in sorted(params.items())],
        "packages": [{"key": k, "value": show(v)} for k, v in sorted(packages.items())],
        "notebooks": [
            {
                "key": show(nb.get("name")),
                "value": f"{show(nb.get('status'))}, {show(nb.get('seconds'))} s",
            }
            for nb in notebooks
            if isinstance(nb, Mapping)
        ],
    }


def _figures(figures_dir: Path | None) -> list[dict[str, str]]:
    """The figures present (SVG), in report order, with captions."""
    captions = {
        "corpus_overview": "The corpus at a glance (articles by outlet and month; words: the "
        "body's words).",
        "statements_per_actor": "Statements per speaker, by quote type and by whose side "
        "reports them (n: the speaker's statements).",
        "sentiment_by_actor": "Mean sentiment with 95% bootstrap intervals, every method: of "
        "each speaker's statements (n: statements scored), and of the journalist's own "
        "sentences about each actor (n: sentences).",
        "frame_shares_by_actor": "Share of each speaker's statements carrying each frame (n: "
        "the speaker's statements).",
        "readout_divergence": "Frames and topic words that one side's statements contain and "
        "another side's lack within an article, one row per pair of sides (up to three "
        "pairs; bars: statements, summed over the articles where both sides speak).",
        "headline_vs_body": "Which speakers and frames lead the headline, standfirst and body "
        "(bars: articles).",
        "word_choice": "Words each voice uses near the same referent (counts: occurrences); "
        "contested terms.",
    }
    out = []
    for stem in figures.FIGURES:
        if figures_dir is not None and (figures_dir / f"{stem}.svg").is_file():
            out.append({"id": stem, "file": f"figures/{stem}.svg", "caption": captions[stem]})
    return out


def report_data(
    tables: Mapping[str, pd.DataFrame],
    manifest: Mapping[str, Any] | None = None,
    *,
    title: str = DEFAULT_TITLE,
    figures_dir: str | Path | None = None,
    codebook: Any = None,
    caveat: str | None = None,
    names: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Gather everything the report shows into one JSON-able dict (no prose, no markup).

    Args:
        tables: Tables by name (see :func:`read_tables`; absent ones empty).
        manifest: Run description for the appendix (``pipeline.read_run_info`` or a manifest).
        title: Report title.
        figures_dir: Folder holding the figure SVGs (only their presence is checked).
        codebook: A ``framing.Codebook`` (default: loaded by the id in the frames table).
        caveat: Sentiment caveat (default ``sentiment.SENTIMENT_CAVEAT``).
        names: Actor id → configured name, for display (default :func:`speaker_names` of the
            manifest).

    Returns:
        The data dict.

    Example:
        >>> d = report_data(read_tables("/nonexistent"), {})
        >>> d["corpus"]["n_articles"], d["statements"]["n"]
        (0, 0)
    """
    tables = {**{k: pd.DataFrame() for k in read_tables(Path("/nonexistent"))}, **tables}
    tone = tables["tone_by_actor"]
    names = speaker_names(manifest) if names is None else dict(names)
    st = tables["statements"]
    actors = configured_actors(st, names)
    return {
        "title": title,
        "corpus": {**_corpus(tables["articles"]), "quarantine": _quarantine(tables["quarantine"])},
        "statements": _statements(st, names),
        "actors": actors,
        "silent_actors": [a for a in actors if a["n_statements"] + a["n_reported"] == 0],
        "sentiment": _sentiment(tables, caveat, names, manifest),
        "tone": _ci_rows(tone, "actor", names) if len(tone) else [],
        "tone_listing": listing_note(
            ranked(tone, "actor", names), ranked(tone, "actor", names).index[:MAX_SPEAKERS]
        ),
        "frames": {
            **_frames(tables, codebook, names, run_codebooks(manifest)),
            "words": _frame_words(manifest),
        },
        "comparisons": _comparisons(tables, names),
        "evidence": _evidence(tables, names=names),
        "figures": _figures(Path(figures_dir) if figures_dir is not None else None),
        "limits": {
            "min_articles": figures.MIN_ARTICLES,
            "min_n": figures.MIN_N,
            "loaded_terms_file": _loaded_terms_file(manifest),
        },
        "appendix": _appendix(manifest),
    }


# --------------------------------------------------------------------------- compiling


def _timestamp(timestamp: int | None) -> int:
    """The PDF creation time: the argument, else ``pipeline.pdf_timestamp``.

    That is ``SOURCE_DATE_EPOCH``, else 0: the one rule, which the up-to-date check reads too.
    """
    return int(timestamp) if timestamp is not None else pipeline.pdf_timestamp()


def compile_pdf(
    data: Mapping[str, Any],
    out_pdf: str | Path,
    *,
    figures_dir: str | Path | None = None,
    template: str | Path | None = None,
    timestamp: int | None = None,
) -> Path:
    """Compile the Typst template with ``data`` into ``out_pdf`` (atomically).

    The template, ``data.json`` and the figure SVGs are copied into a private build folder,
    which is Typst's root: the template can read nothing else.

    Args:
        data: The report data (:func:`report_data`).
        out_pdf: PDF to write.
        figures_dir: Folder with the SVGs named in ``data["figures"]``.
        template: Typst template (default ``resources/report/report.typ``).
        timestamp: Creation time in UNIX seconds (default ``SOURCE_DATE_EPOCH`` or 0).

    Returns:
        The PDF path.

    Raises:
        RuntimeError: When Typst fails; the message carries Typst's diagnostic.
    """
    out = Path(out_pdf)
    out.parent.mkdir(parents=True, exist_ok=True)
    tpl = Path(template) if template is not None else TEMPLATE_DIR / "report.typ"
    with tempfile.TemporaryDirectory(prefix="mediaframes-report-") as tmp:
        build = Path(tmp)
        shutil.copyfile(tpl, build / "report.typ")
        (build / "data.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        (build / "figures").mkdir()
        for fig in data.get("figures", []):
            src = Path(figures_dir or ".") / Path(fig["file"]).name
            shutil.copyfile(src, build / "figures" / src.name)
        pdf = typst_pdf(build / "report.typ", build, _timestamp(timestamp), where=tpl)
    figures._atomic_write(out, pdf)
    return out


def _typst_message(exc: Exception) -> str:
    """Typst's message of a ``typst.TypstError`` (its first argument when it has none)."""
    return str(getattr(exc, "message", "") or (exc.args[0] if exc.args else exc))


def typst_pdf(
    source: str | Path, root: str | Path, timestamp: int, where: str | Path = ""
) -> bytes:
    """Compile a Typst file to PDF bytes, without PDF tags when Typst's tagger fails.

    Typst writes a tagged PDF (its accessibility structure). Its tagger can stop with an
    "internal error" (typst-pdf 0.15.1: "parent group") that depends only on where lines and
    pages break, so any report may hit it whatever its content. The PDF is then made again
    without tags, with a warning: same text and layout, untagged. The result depends only on
    the input, so the same inputs still give the same bytes. Any other error is raised.

    Args:
        source: The ``.typ`` file.
        root: Typst's root folder (the file can read nothing outside it).
        timestamp: The PDF creation time, UNIX seconds.
        where: The template named in an error (default ``source``).

    Returns:
        The PDF bytes.

    Raises:
        RuntimeError: When Typst fails (also without tags); the message names ``where`` and
            carries Typst's diagnostic.

    Example:
        >>> import tempfile
        >>> tmp = Path(tempfile.mkdtemp())
        >>> _ = (tmp / "a.typ").write_text("Hello", encoding="utf-8")
        >>> typst_pdf(tmp / "a.typ", tmp, 0)[:5]
        b'%PDF-'
    """
    import warnings

    import typst

    where = where or source
    args = dict(root=str(root), font_paths=[], ignore_system_fonts=True, timestamp=timestamp)
    try:
        return typst.compile(str(source), format="pdf", **args)
    except typst.TypstError as exc:
        message = _typst_message(exc)
        if "internal error" not in message:
            raise RuntimeError(
                f"{where}: Typst failed: {message}\n{getattr(exc, 'diagnostic', '')}"
            ) from None
    warnings.warn(
        f"{where}: Typst's PDF tagger failed ({message.splitlines()[0]}); the PDF is written "
        "without accessibility tags",
        stacklevel=2,
    )
    try:
        return typst.compile(str(source), format="pdf", pdf_tags=False, **args)
    except typst.TypstError as exc:
        raise RuntimeError(
            f"{where}: Typst failed: {_typst_message(exc)}\n{getattr(exc, 'diagnostic', '')}"
        ) from None


def build_report(
    tables_dir: str | Path,
    figures_dir: str | Path | None = None,
    manifest: Mapping[str, Any] | None = None,
    out_pdf: str | Path | None = None,
    *,
    title: str = DEFAULT_TITLE,
    run_info: Mapping[str, Any] | None = None,
    codebook: Any = None,
    timestamp: int | None = None,
    write_data: bool = True,
) -> list[Path]:
    """Build the report PDF from a run's tables, figures and run description.

    Two ways to call it: with the four folders/files (``tables_dir, figures_dir, manifest,
    out_pdf``), or with one output folder holding ``tables/`` and ``figures/``: the PDF then goes
    to ``<folder>/report.pdf``. Figures missing from ``figures_dir`` are drawn first
    (:func:`figures.write_all_figures` with ``only_missing``).

    Args:
        tables_dir: Tables folder, or the run's output folder when ``figures_dir`` is None.
        figures_dir: Figures folder (SVGs).
        manifest: Run description for the appendix (``run_info`` is an alias).
        out_pdf: PDF path.
        title: Report title.
        run_info: Same as ``manifest`` (the notebooks' name for it).
        codebook: A ``framing.Codebook`` (default: loaded by the frames table's codebook id).
        timestamp: PDF creation time, UNIX seconds (default ``SOURCE_DATE_EPOCH`` or 0).
        write_data: Also write the report data as ``<pdf stem>.json`` next to the PDF.

    Returns:
        The PDFs written (one).

    Example:
        >>> import tempfile
        >>> out = Path(tempfile.mkdtemp())
        >>> [p.name for p in build_report(out, title="Demo")]
        ['report.pdf']
    """
    if figures_dir is None:
        base = Path(tables_dir)
        tables_dir, figures_dir = paths.tables_dir(base), paths.figures_dir(base)
        out_pdf = out_pdf if out_pdf is not None else base / "report.pdf"
    if out_pdf is None:
        raise ValueError("build_report: out_pdf is required when figures_dir is given")
    figs = Path(figures_dir)
    info = manifest if manifest is not None else run_info
    names = speaker_names(info)
    figures.write_all_figures(tables_dir, figs, only_missing=True, labels=names)
    data = report_data(
        read_tables(tables_dir), info, title=title, figures_dir=figs, codebook=codebook, names=names
    )
    pdf = compile_pdf(data, out_pdf, figures_dir=figs, timestamp=timestamp)
    if write_data:
        _write_json(pdf.with_suffix(".json"), data)
    return [pdf]


def _write_json(path: Path, data: Any) -> None:
    """Write JSON atomically (sorted keys, UTF-8)."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    figures._atomic_write(path, text.encode("utf-8"))


def pdf_text(pdf: str | Path) -> str:
    """Extract the text of a PDF with pypdf (for checks and tests).

    Example:
        >>> pdf_text  # doctest: +ELLIPSIS
        <function pdf_text at ...>
    """
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)


__all__: Sequence[str] = (
    "DEFAULT_TITLE",
    "build_report",
    "compile_pdf",
    "fmt_score",
    "fmt_share",
    "highlight_segments",
    "pdf_text",
    "read_tables",
    "report_data",
)

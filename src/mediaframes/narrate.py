"""Plain-language Markdown that reads a run's result tables, for the notebooks' prose.

The notebooks narrate and ``src`` computes: every number in these sentences is read from the
table given, never typed. Each function is pure and deterministic (speakers, methods and frames
in a fixed order) and adds the small-n caveat where a count is below
:data:`mediaframes.sentiment.MIN_N_CONCLUDE`.

Tables read (columns as documented in the module that makes them):

* :func:`describe_statements`: ``statements`` (:class:`~mediaframes.records.Statement`:
  ``article_id``, ``speaker``, ``quote_type``; ``speaker_type`` and ``source_actor`` when
  present).

Speakers are shown by their configured names when ``names`` (actor id → name, as
``figures.actor_labels`` gives them) is passed, as the report shows them, and listed most
statements first, ties by that name (case-insensitive).
* :func:`describe_sentiment`: ``sentiment_by_actor`` (``sentiment.aggregate_by_actor``:
  ``speaker``, ``method``, ``n``, ``mean``, ``ci_low``, ``ci_high``).
* :func:`describe_framing`: ``frames_by_actor`` (``framing.frames_by_actor``: ``speaker``,
  ``codebook``, ``frame``, ``n_statements``, ``share``) and, if present, ``readout_divergence``
  (``compare.readout_divergence``: ``article_id``, ``side``, ``other_side``, ``kind``,
  ``codebook``, ``item``, ``n_side``).

Example:
    >>> import pandas as pd
    >>> st = pd.DataFrame({"article_id": ["a"], "speaker": [""], "source": [""],
    ...                    "quote_type": ["narration"]})
    >>> describe_statements({"statements": st})
    '1 statement in 1 article: 0 attributed to a speaker and 1 of narration.'
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from mediaframes.sentiment import MIN_N_CONCLUDE

QUOTE_TYPES: tuple[str, ...] = ("direct", "mixed", "indirect")
"""Order in which statement types are listed."""

TOP_FRAMES: int = 3
"""Most frequent frames named per speaker."""


def _label(speaker: str, names: Mapping[str, str] | None) -> str:
    """A speaker as the report shows it (``figures.speaker_label``); "narration" for ""."""
    from mediaframes.figures import speaker_label

    return speaker_label(speaker, names) if speaker else "narration"


def _by_name(speakers: list[str], names: Mapping[str, str] | None) -> list[str]:
    return sorted(speakers, key=lambda s: (s == "", _label(s, names).casefold(), s))


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _possessive(shown: str, name: str) -> str:
    """``shown`` (``name``, maybe in bold) in the possessive, as ``report.possessive``."""
    return f"{shown}'" if name.endswith(("s", "S")) else f"{shown}'s"


def _names(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _num(x: float) -> str:
    return "undefined" if x is None or math.isnan(x) else f"{x:.2f}"


def _ci(low: float, high: float) -> str:
    if math.isnan(low) or math.isnan(high):
        return "95% CI undefined"
    return f"95% CI {low:.2f} to {high:.2f}"


def _small_n(speakers: list[str], noun: str) -> str:
    if not speakers:
        return ""
    who = _names(speakers)
    verb = "has" if len(speakers) == 1 else "have"
    return (
        f" {who} {verb} fewer than {MIN_N_CONCLUDE} {noun}: too few to conclude "
        "(one statement more or less moves these numbers a lot)."
    )


def silent_actors(statements: pd.DataFrame, names: Mapping[str, str] | None = None) -> str:
    """A sentence naming the configured actors with no statement ("" when every one speaks).

    The configured actors are those of ``names`` (the run's actors file); one is silent when
    it makes no statement, alone or jointly, and no office or spokesperson of its own reports
    one (``report.configured_actors``), as the report's "In brief" and "Who speaks" say.

    Args:
        statements: The ``statements`` table (``speaker``, ``source_actor``).
        names: Actor id → configured name.

    Returns:
        Markdown: a sentence starting with a space, or "".

    Example:
        >>> st = pd.DataFrame({"speaker": ["orsk", ""], "source_actor": ["", ""]})
        >>> print(silent_actors(st, {"orsk": "Lida Orsk", "vash": "Teo Vash"}))
        ... # doctest: +NORMALIZE_WHITESPACE
        The configured actor **Teo Vash** has no statement: no comparison of speakers can
        include this actor.
    """
    from mediaframes.report import configured_actors

    silent = [
        a["name"]
        for a in configured_actors(statements, names)
        if a["n_statements"] + a["n_reported"] == 0
    ]
    if not silent:
        return ""
    one = len(silent) == 1
    return (
        f" The configured {'actor' if one else 'actors'} {_names([f'**{n}**' for n in silent])} "
        f"{'has' if one else 'have'} no statement: no comparison of speakers can include "
        f"{'this actor' if one else 'these actors'}."
    )


def describe_statements(
    tables: Mapping[str, pd.DataFrame], names: Mapping[str, str] | None = None
) -> str:
    """Count the statements: per speaker and type, through an intermediary, narration.

    A statement came through an intermediary when an office, spokesperson or published
    statement of a configured actor reports it (``source_actor``): the definition of the
    report's "Own side" and "Other side" columns (``report.side_counts``), so both give the
    same count. A speaker's own title or affiliation written as ``source`` ("Councillor") is
    no intermediary. A configured actor (of ``names``) with no statement is named
    (:func:`silent_actors`).

    Args:
        tables: Must hold ``statements``.
        names: Actor id → configured name (the run's actors file), for display.

    Returns:
        Markdown sentences.

    Example:
        >>> import pandas as pd
        >>> st = pd.DataFrame({"article_id": ["a", "a"], "speaker": ["x", ""],
        ...     "speaker_type": ["actor", "narration"], "source_actor": ["x", ""],
        ...     "quote_type": ["direct", "narration"]})
        >>> print(describe_statements({"statements": st}, {"x": "Ana Vell"}))
        ... # doctest: +NORMALIZE_WHITESPACE
        2 statements in 1 article: 1 attributed to a speaker and 1 of narration.
        By speaker: **Ana Vell** 1 (1 direct). 1 of 1 attributed statement came through an
        office, spokesperson or published statement of a configured actor (1 of the speaker's
        own side, 0 of another's); a speaker's own title given as source is not counted. Ana
        Vell has fewer than 10 statements: too few to conclude (one statement more or less
        moves these numbers a lot). With one article, the counts describe that article only.
    """
    from mediaframes.report import side_counts

    st = tables["statements"]
    n_art = int(st["article_id"].nunique())
    attributed = st[st["speaker"] != ""]
    n_narr = int((st["speaker"] == "").sum())
    text = (
        f"{_plural(len(st), 'statement')} in {_plural(n_art, 'article')}: "
        f"{len(attributed)} attributed to a speaker and {n_narr} of narration."
    )
    if attributed.empty:
        return text + silent_actors(st, names)
    counts = attributed.groupby("speaker").size()
    order = sorted(counts.index, key=lambda s: (-int(counts[s]), _label(s, names).casefold(), s))
    parts = []
    for sp in order:
        types = attributed.loc[attributed["speaker"] == sp, "quote_type"].value_counts()
        known = [t for t in QUOTE_TYPES if t in types] + sorted(set(types.index) - set(QUOTE_TYPES))
        split = ", ".join(f"{int(types[t])} {t}" for t in known)
        parts.append(f"**{_label(sp, names)}** {int(counts[sp])} ({split})")

    def col(name: str) -> list[str]:
        if name not in attributed.columns:
            return [""] * len(attributed)
        return ["" if pd.isna(v) else str(v) for v in attributed[name]]

    sides = [
        side_counts(*row)
        for row in zip(col("speaker"), col("speaker_type"), col("source_actor"), strict=True)
    ]
    own, other = sum(o for o, _ in sides), sum(x for _, x in sides)
    text += (
        f" By speaker: {'; '.join(parts)}. {own + other} of "
        f"{_plural(len(attributed), 'attributed statement')} came through an office, "
        f"spokesperson or published statement of a configured actor ({own} of the speaker's "
        f"own side, {other} of another's); a speaker's own title given as source is not counted."
    )
    text += silent_actors(st, names)
    small = [_label(sp, names) for sp in order if int(counts[sp]) < MIN_N_CONCLUDE]
    text += _small_n(small, "statements")
    if n_art == 1:
        text += " With one article, the counts describe that article only."
    return text


def _sign(x: float) -> str:
    if math.isnan(x):
        return "undefined"
    return "positive" if x > 0 else "negative" if x < 0 else "zero"


def intervals_excluding_zero(rows: pd.DataFrame) -> str:
    """How many of a speaker's methods have a 95% interval that leaves out 0.

    Methods agreeing in the sign of a mean say little when every interval holds 0 as well; the
    sentence says how many intervals exclude it, so that sign agreement is not read as a
    finding the intervals do not support.

    Args:
        rows: One speaker's ``sentiment_by_actor`` rows (``ci_low``, ``ci_high``).

    Returns:
        ``"the 95% CI excludes 0 for 1 of 4 methods"``.

    Example:
        >>> intervals_excluding_zero(pd.DataFrame({"ci_low": [-0.3, 0.1], "ci_high": [0.1, 0.4]}))
        'the 95% CI excludes 0 for 1 of 2 methods'
    """
    low, high = rows["ci_low"].astype(float), rows["ci_high"].astype(float)
    k = int(((low > 0) | (high < 0)).sum())
    return f"the 95% CI excludes 0 for {k} of {_plural(len(rows), 'method')}"


def describe_sentiment(
    tables: Mapping[str, pd.DataFrame], names: Mapping[str, str] | None = None
) -> str:
    """Read each speaker's mean sentiment and 95% CI per method, and whether methods agree in sign.

    Args:
        tables: Must hold ``sentiment_by_actor``.
        names: Actor id → configured name, for display.

    Returns:
        Markdown sentences, one paragraph per speaker (speakers and methods sorted); when the
        methods agree on a positive or negative mean, how many of their intervals exclude 0
        (:func:`intervals_excluding_zero`).

    Example:
        >>> import pandas as pd
        >>> t = pd.DataFrame({"speaker": ["x", "x"], "method": ["b", "a"], "n": [3, 3],
        ...                   "mean": [0.5, -0.25], "ci_low": [0.1, -0.5], "ci_high": [0.9, 0.0]})
        >>> print(describe_sentiment({"sentiment_by_actor": t}))  # doctest: +NORMALIZE_WHITESPACE
        **x** (n = 3): a -0.25 (95% CI -0.50 to 0.00); b 0.50 (95% CI 0.10 to 0.90). The methods
        disagree in sign (negative: a; positive: b). Too few to conclude (n < 10).
    """
    t = tables["sentiment_by_actor"]
    if t.empty:
        return "No speaker has a sentiment score."
    paras = []
    for sp in _by_name(list(t["speaker"].unique()), names):
        rows = t[t["speaker"] == sp].sort_values("method")
        n = int(rows["n"].max())
        label = _label(sp, names)
        means = "; ".join(
            f"{r.method} {_num(r.mean)} ({_ci(r.ci_low, r.ci_high)})" for r in rows.itertuples()
        )
        signs: dict[str, list[str]] = {}
        for r in rows.itertuples():
            signs.setdefault(_sign(r.mean), []).append(r.method)
        if len(rows) == 1:
            agree = ""
        elif len(signs) == 1:
            agree = f" All methods give a {next(iter(signs))} mean"
            if next(iter(signs)) in ("positive", "negative"):
                agree += f"; {intervals_excluding_zero(rows)}"
            agree += "."
        else:
            split = "; ".join(f"{s}: {', '.join(m)}" for s, m in sorted(signs.items()))
            agree = f" The methods disagree in sign ({split})."
        para = f"**{label}** (n = {n}): {means}.{agree}"
        if n < MIN_N_CONCLUDE:
            para += f" Too few to conclude (n < {MIN_N_CONCLUDE})."
        paras.append(para)
    return "\n\n".join(paras)


def tied_frames_note(ordered: pd.DataFrame, shown: int, multi: bool = False) -> str:
    """The frames left out of a speaker's top list that have as many statements as the last shown.

    A top list cut inside a tie would pick frames by name and present them as ranking above
    others with the same count; the note names those others.

    Args:
        ordered: A speaker's ``frames_by_actor`` rows, most statements first (ties by frame).
        shown: How many rows the list shows (:data:`TOP_FRAMES`).
        multi: Name frames ``codebook/frame`` (several codebooks).

    Returns:
        ``"; also 4% (1): ideology, security and sovereignty"``, or "" when no tie is cut.

    Example:
        >>> t = pd.DataFrame({"codebook": ["c"] * 3, "frame": ["aid", "law", "war"],
        ...                   "n_statements": [2, 1, 1], "share": [0.5, 0.25, 0.25]})
        >>> tied_frames_note(t, 2)
        '; also 25% (1): war'
    """
    if len(ordered) <= shown or shown < 1:
        return ""
    last = ordered.iloc[shown - 1]
    rest = ordered.iloc[shown:]
    tied = rest[rest["n_statements"] == last["n_statements"]]
    if tied.empty:
        return ""
    ids = [f"{f'{r.codebook}/' if multi else ''}{r.frame}" for r in tied.itertuples()]
    return f"; also {last['share']:.0%} ({last['n_statements']}): {_names(ids)}"


def describe_framing(
    tables: Mapping[str, pd.DataFrame], names: Mapping[str, str] | None = None
) -> str:
    """Name each speaker's most frequent frames (share and count) and one-sided frames.

    A speaker's number of statements is read from the table as ``n_statements / share``. A
    statement's side is ``compare.sides_of``: the actor whose office reports the statement,
    else its actor speaker; so a side's frames may differ from its speaker's.

    Args:
        tables: Must hold ``frames_by_actor``; ``readout_divergence`` is read if present.
        names: Actor id → configured name, for display.

    Returns:
        Markdown sentences: one paragraph per speaker (narration last), naming its
        :data:`TOP_FRAMES` most frequent frames and any frame tied with the last of them
        (:func:`tied_frames_note`), then the frames that only one side's statements contain.
        Frames are named ``codebook/frame`` when the table holds several codebooks.

    Example:
        >>> import pandas as pd
        >>> t = pd.DataFrame({"speaker": ["x"], "codebook": ["cb"], "frame": ["peace"],
        ...                   "n_statements": [1], "share": [0.5]})
        >>> print(describe_framing({"frames_by_actor": t}))  # doctest: +NORMALIZE_WHITESPACE
        **x** (2 statements): peace 50% (1). Too few to conclude (fewer than 10 statements).
    """
    t = tables["frames_by_actor"]
    if t.empty:
        return "No statement carries a frame cue."
    multi = t["codebook"].nunique() > 1
    paras = []
    for sp in _by_name(list(t["speaker"].unique()), names):
        rows = t[t["speaker"] == sp]
        n = max(round(r.n_statements / r.share) for r in rows.itertuples() if r.share > 0)
        ordered = rows.sort_values(["n_statements", "frame"], ascending=[False, True])
        top = ordered.head(TOP_FRAMES)
        named = "; ".join(
            f"{f'{r.codebook}/' if multi else ''}{r.frame} {r.share:.0%} ({r.n_statements})"
            for r in top.itertuples()
        )
        named += tied_frames_note(ordered, TOP_FRAMES, multi)
        label = f"**{_label(sp, names)}**"
        para = f"{label} ({_plural(n, 'statement')}): {named}."
        if n < MIN_N_CONCLUDE:
            para += f" Too few to conclude (fewer than {MIN_N_CONCLUDE} statements)."
        paras.append(para)
    div = tables.get("readout_divergence")
    if div is not None and not div.empty:
        frames = div[div["kind"] == "frame"]
        if frames.empty:
            paras.append("No frame appears in one side's statements only.")
        else:
            parts = []
            keys = ["side", "other_side", "codebook", "item"]
            grouped = frames.groupby(keys, sort=True).agg(
                n=("n_side", "sum"), articles=("article_id", "nunique")
            )
            for (side, other), g in grouped.groupby(level=[0, 1], sort=True):
                items = [
                    f"{f'{cb}/' if multi else ''}{item} ({_plural(int(r.n), 'statement')}, "
                    f"{_plural(int(r.articles), 'article')})"
                    for (_, _, cb, item), r in g.iterrows()
                ]
                side_name, other_name = _label(side, names), _label(other, names)
                # a pair's comparison: a third side of the article may carry the frame too,
                # so no "only"
                parts.append(
                    f"{_possessive(f'**{side_name}**', side_name)} side, not "
                    f"{_possessive(f'**{other_name}**', other_name)}: {_names(items)}"
                )
            paras.append(
                "Frames in one side's statements (its actor's own, or those its office or "
                "spokesperson reports) and absent from another side's in the same article, "
                f"for each pair of sides: {'; '.join(parts)}."
            )
    return "\n\n".join(paras)

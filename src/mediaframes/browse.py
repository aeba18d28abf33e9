"""Statement browser for the notebooks: ipywidgets in JupyterLab, a static table headless.

:func:`browser_table` joins statements, their frames and their evidence (the paragraph with the
statement and the attributed words highlighted, from ``attribution.evidence_view``) into one
row per statement; :func:`filter_statements` selects rows by actor, statement type and frame;
:func:`statement_browser` shows them — with drop-downs when :func:`widgets_available` (a live
Jupyter kernel with ipywidgets, and the notebook's ``interactive`` parameter true; the pipeline
sets it false), otherwise as a static table, so a headless run never depends on a widget.

Columns of :func:`browser_table`: ``statement_id, article_id, speaker, quote_type, frames``
(frame ids, ``; ``-joined, sorted), ``evidence`` (plain text, statement in ``[[…]]``, the
speaker's words in ``{{…}}``), ``evidence_html`` (the same with ``<mark>`` tags).

Example:
    >>> import pandas as pd
    >>> st = pd.DataFrame({"statement_id": ["a:1"], "article_id": ["a"], "speaker": ["x"],
    ...                    "quote_type": ["direct"]})
    >>> ev = pd.DataFrame({"statement_id": ["a:1"], "plain": ["[[x said {{hi}}]]"],
    ...                    "html": ["<mark>x</mark>"]})
    >>> table = browser_table(st, pd.DataFrame(columns=["statement_id", "frame"]), ev)
    >>> filter_statements(table, actor="x")["evidence"].tolist()
    ['[[x said {{hi}}]]']
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import pandas as pd

#: Label of the "no filter" choice.
ALL = "(all)"
#: Label for narration (statements with no speaker).
NARRATION = "(narration)"
#: Rows shown at most at once.
MAX_ROWS = 200
#: The drop-downs' labels, as the notebook's prose and the table's header name them.
LABELS = {"actor": "speaker", "quote_type": "type", "frame": "frame"}

_CSS = (
    "<style>.mf-browser mark.mf-statement{background:#fff3c4;}"
    ".mf-browser mark.mf-quote{background:#9ad0f5;font-weight:600;}"
    ".mf-browser td{vertical-align:top;text-align:left;padding:4px 8px;}</style>"
)

COLUMNS = (
    "statement_id",
    "article_id",
    "speaker",
    "quote_type",
    "frames",
    "evidence",
    "evidence_html",
)


def widgets_available(interactive: bool = True) -> bool:
    """True when an interactive browser can be shown.

    That is: ``interactive`` is asked for, ipywidgets can be imported, and the code runs in a
    Jupyter kernel (not plain Python). The pipeline passes ``interactive=False``.

    Example:
        >>> widgets_available(interactive=False)
        False
    """
    if not interactive:
        return False
    try:
        import ipywidgets  # noqa: F401
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and hasattr(shell, "kernel")


def browser_table(
    statements: pd.DataFrame, frames: pd.DataFrame, evidence: pd.DataFrame
) -> pd.DataFrame:
    """One row per statement with its frames and highlighted evidence (see module docstring).

    Args:
        statements: Statements table (``statement_id, article_id, speaker, quote_type`` …).
        frames: Frames table (``statement_id, frame`` …); may be empty.
        evidence: ``attribution.evidence_view`` rows (``statement_id, plain, html``).

    Returns:
        The browser table, in statement order.

    Example:
        >>> st = pd.DataFrame({"statement_id": ["a:0"], "article_id": ["a"], "speaker": ["kim"],
        ...                    "quote_type": ["direct"]})
        >>> fr = pd.DataFrame({"statement_id": ["a:0", "a:0"], "frame": ["war", "diplomacy"]})
        >>> ev = pd.DataFrame({"statement_id": ["a:0"], "plain": ["[[x]]"],
        ...                    "html": ["<mark>x</mark>"]})
        >>> browser_table(st, fr, ev)[["speaker", "frames", "evidence"]].values.tolist()
        [['kim', 'diplomacy; war', '[[x]]']]
    """
    labels = (
        frames.groupby("statement_id")["frame"].agg(lambda s: "; ".join(sorted(set(s))))
        if len(frames)
        else pd.Series(dtype=object)
    )
    ev = evidence.set_index("statement_id")
    out = statements[["statement_id", "article_id", "speaker", "quote_type"]].copy()
    out["frames"] = [labels.get(sid, "") for sid in out["statement_id"]]
    out["evidence"] = [ev["plain"].get(sid, "") for sid in out["statement_id"]]
    out["evidence_html"] = [ev["html"].get(sid, "") for sid in out["statement_id"]]
    return out.reset_index(drop=True)[list(COLUMNS)]


def filter_statements(
    table: pd.DataFrame,
    actor: str | None = None,
    quote_type: str | None = None,
    frame: str | None = None,
) -> pd.DataFrame:
    """Rows of a :func:`browser_table` matching every filter given (None or :data:`ALL`: any).

    ``actor`` :data:`NARRATION` selects the journalist's own sentences.

    Example:
        >>> t = pd.DataFrame({"speaker": ["a", ""], "quote_type": ["direct", "narration"],
        ...                   "frames": ["war; peace", ""]})
        >>> len(filter_statements(t, frame="peace")), len(filter_statements(t, actor=NARRATION))
        (1, 1)
    """
    keep = pd.Series(True, index=table.index)
    if actor not in (None, ALL):
        keep &= table["speaker"] == ("" if actor == NARRATION else actor)
    if quote_type not in (None, ALL):
        keep &= table["quote_type"] == quote_type
    if frame not in (None, ALL):
        keep &= table["frames"].str.split("; ").apply(lambda fs: frame in fs)
    return table[keep]


def choices(table: pd.DataFrame) -> dict[str, list[str]]:
    """The drop-down choices: actors, statement types and frames present in the table.

    Example:
        >>> choices(pd.DataFrame({"speaker": ["b", ""], "quote_type": ["direct", "narration"],
        ...                       "frames": ["", "war"]}))["actor"]
        ['(all)', '(narration)', 'b']
    """
    speakers = sorted({NARRATION if s == "" else s for s in table["speaker"]})
    frames = sorted({f for fs in table["frames"] for f in fs.split("; ") if f})
    return {
        "actor": [ALL, *speakers],
        "quote_type": [ALL, *sorted(set(table["quote_type"]))],
        "frame": [ALL, *frames],
    }


def render_html(
    rows: pd.DataFrame, limit: int = MAX_ROWS, labels: Mapping[str, str] | None = None
) -> str:
    """An HTML table of browser rows with the evidence highlighted.

    ``labels`` (actor id → configured name, ``figures.actor_labels``) shows configured speakers
    by name, as the figures and the report do.

    Example:
        >>> "<table" in render_html(pd.DataFrame(columns=list(COLUMNS)))
        True
    """
    head = (
        "<tr><th>statement</th><th>speaker</th><th>type</th><th>frames</th><th>evidence</th></tr>"
    )
    body = []
    for _, r in rows.head(limit).iterrows():
        speaker = (labels or {}).get(r["speaker"], r["speaker"]) or NARRATION
        cells = [r["statement_id"], speaker, r["quote_type"], r["frames"]]
        tds = "".join(f"<td>{html.escape(str(c))}</td>" for c in cells)
        body.append(f"<tr>{tds}<td>{r['evidence_html']}</td></tr>")
    more = f"<p>{len(rows) - limit} more rows not shown.</p>" if len(rows) > limit else ""
    count = f"<p>{len(rows)} statement(s).</p>"
    return f'{_CSS}<div class="mf-browser">{count}<table>{head}{"".join(body)}</table>{more}</div>'


def statement_browser(
    table: pd.DataFrame, interactive: bool = True, labels: Mapping[str, str] | None = None
) -> Any:
    """The interactive browser in JupyterLab, else a static table of every statement.

    Args:
        table: A :func:`browser_table`.
        interactive: False forces the static table (headless runs).
        labels: Actor id → configured name (``figures.actor_labels``): the speaker drop-down
            and the rows show configured speakers by name; the static table keeps the ids, as
            the tables do.

    Returns:
        An ipywidgets ``VBox`` (drop-downs labelled speaker, type and frame above the
        highlighted rows), or a DataFrame with the plain-text evidence.

    Example:
        >>> table = pd.DataFrame({c: ["x"] for c in COLUMNS})
        >>> statement_browser(table, interactive=False).columns.tolist()
        ['statement_id', 'speaker', 'quote_type', 'frames', 'evidence']
    """
    if not widgets_available(interactive):
        return table[["statement_id", "speaker", "quote_type", "frames", "evidence"]]
    import ipywidgets as w

    opts = choices(table)
    names = dict(labels or {})
    pickers = {
        key: w.Dropdown(
            options=[(names.get(v, v), v) if key == "actor" else (v, v) for v in values],
            value=ALL,
            description=LABELS.get(key, key),
        )
        for key, values in opts.items()
    }
    view = w.HTML(render_html(table, labels=names))

    def update(_: Any = None) -> None:
        rows = filter_statements(table, **{k: p.value for k, p in pickers.items()})
        view.value = render_html(rows, labels=names)

    for picker in pickers.values():
        picker.observe(update, names="value")
    return w.VBox([w.HBox(list(pickers.values())), view])

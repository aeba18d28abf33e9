"""Figures: one function per figure, one shared style, deterministic SVG and PNG files.

Every ``plot_*`` function takes pipeline tables (DataFrames, as written to ``reports/tables/``)
and an output folder, writes ``<name>.svg`` and ``<name>.png`` there and returns the two paths.
Figures are drawn with matplotlib's object API on the Agg canvas (no pyplot state), in the style
of ``resources/style.mplstyle`` (Okabe–Ito colour-blind-safe palette, fonts of 8 pt or more);
each configured actor has one style in every figure that colours actors (:func:`actor_styles`).
Output bytes are deterministic: SVG ids are salted with a fixed ``svg.hashsalt``, and neither
SVG nor PNG carries a date or software stamp, so two runs give identical files.

Where the data are too thin to show a pattern (one article, fewer than :data:`MIN_N` statements
for a speaker), the figure says so in a note printed inside the figure, never a silent gap.
Empty tables give a figure that says there is nothing to show.

Input tables (columns as documented in ``records`` and the stage modules):

* ``statements``: :class:`mediaframes.records.Statement` fields (``article_id, statement_id,
  speaker, speaker_type, source, source_actor, addressee, quote_type, section, …``).
* ``sentiment_by_actor``: ``speaker, method, n, mean, median, ci_low, ci_high`` (+ ``note``).
* ``frames``: ``statement_id, codebook, frame, cue, char_start, char_end, rule``.
* ``frames_by_actor``: ``speaker, codebook, frame, n_statements, share``.
* ``articles``: ``article_id, headline, date, outlet, language, n_words, …``.

Example:
    >>> import pandas as pd, tempfile
    >>> out = tempfile.mkdtemp()
    >>> [p.suffix for p in plot_sentiment_by_actor(pd.DataFrame(), out)]
    ['.svg', '.png']
"""

from __future__ import annotations

import io
import re
import textwrap
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import matplotlib
import matplotlib.colors
import matplotlib.lines
import matplotlib.patches
import matplotlib.style
import matplotlib.ticker
import matplotlib.transforms
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from mediaframes import paths
from mediaframes.sentiment import MIN_N_CONCLUDE

#: Fewer statements than this for a speaker: the figure says the estimate is too thin
#: (the threshold of the sentiment stage's "n too small to conclude" note).
MIN_N = MIN_N_CONCLUDE
#: Fewer articles than this: the figure says a single article shows no pattern of coverage.
MIN_ARTICLES = 2
#: Speakers shown at most in a panel (the rest are counted in a note).
MAX_SPEAKERS = 15
#: Tallest figure body in inches (fits an A4 page beside its caption when scaled to the text width).
MAX_HEIGHT = 8.0
#: Label for narration (the journalist's own sentences).
NARRATION = "(narration)"
#: Figure 2's category of another speaker's statements that no configured actor's side
#: reports (a source as written that is no configured actor is no side).
NO_SIDE = "no actor's side"
#: Figure 2's category of a configured actor's statements in person: no office, spokesperson
#: or readout of any side reports them (the report's "Who speaks" counts them in neither side).
IN_PERSON = "in person"
#: Distinct cues shown at most for one item (then "+N more"), in figures and the report.
MAX_CUES = 5
#: Word-choice voice key of a contested term in a speaker's paraphrased (indirect) speech.
REPORTED = "reported speech"
#: Figure 7's key of one side's reported speech: ``REPORTED + REPORTED_OF + side``.
REPORTED_OF = " of "
#: Okabe–Ito palette (Okabe & Ito 2008), in the order of the style's colour cycle.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
#: Actors' colours (:func:`actor_styles`), none of them a quote type's (``PALETTE[:3]``),
#: narration's (black) or a grey: the other four Okabe–Ito colours, then indigo, wine and
#: olive of Paul Tol's colour-blind-safe "muted" scheme.
ACTOR_COLORS = ("#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#332288", "#882255", "#999933")
#: Hatches that keep actors apart once the colours are used up: the 8th actor gets the 1st
#: colour hatched ``////``, the 15th the 1st colour dotted, and so on (35 distinct styles).
ACTOR_HATCHES = ("", "////", "....", "xxxx", "\\\\\\\\")
#: Figure 2's colours of the sides (right panel): the actors' (:data:`ACTOR_COLORS`).
SIDE_PALETTE = ACTOR_COLORS
#: Figure 2's colours of "in person", "no actor's side" and "other sources".
IN_PERSON_COLOR, NO_SIDE_COLOR, OTHER_SOURCES_COLOR = "#555555", "#999999", "#DDDDDD"
#: Marker per series, so series stay apart in greyscale print.
MARKERS = ("o", "s", "D", "^", "v", "P", "X", "*")
#: Quote types in display order.
QUOTE_TYPES = ("direct", "mixed", "indirect")
#: Figure width in inches: at most the report's text width (A4, 2.2 cm margins: 6.54 in), so
#: figures are never scaled down there and 8 pt text stays 8 pt in print.
FIG_WIDTH = 6.5
#: Note width in characters (fits a FIG_WIDTH wide figure at 8 pt).
_NOTE_WIDTH = 110
#: Characters of a tick label's line (a name, a frame id) at most: :func:`fit_labels`. Two
#: panels side by side, each with such labels, keep room for their bars at 8 pt.
LABEL_WIDTH = 24

STYLE_FILE = paths.resource("style.mplstyle")

FigurePaths = list[Path]


# --------------------------------------------------------------------------- helpers


@contextmanager
def _style():
    """Apply the shared style for the duration of one figure."""
    with matplotlib.rc_context():
        matplotlib.style.use(str(STYLE_FILE))
        yield


def _strings(df: pd.DataFrame | None, cols: Iterable[str]) -> pd.DataFrame:
    """Return a copy of ``df`` with ``cols`` present as strings ("" for missing values)."""
    out = pd.DataFrame() if df is None else df.copy()
    for col in cols:
        if col not in out.columns:
            out[col] = ""
        out[col] = out[col].astype(object).where(out[col].notna(), "").astype(str)
    return out


def _numbers(df: pd.DataFrame, cols: Iterable[str]) -> pd.DataFrame:
    """Return ``df`` with ``cols`` present as floats (NaN for missing values)."""
    for col in cols:
        if col not in df.columns:
            df[col] = np.nan
        df[col] = pd.to_numeric(df[col], errors="coerce").astype(float)
    return df


def merge_evidence(evidence: Iterable[str], limit: int = MAX_CUES, width: int | None = None) -> str:
    """The distinct cues of several ``; ``-joined evidence strings, most frequent first.

    A cue's frequency is the number of strings (articles) naming it; ties are in alphabetical
    order.
    At most ``limit`` cues are shown (and, with ``width``, only as many as fit in ``width``
    characters, at least one), then ``+N more``.

    Args:
        evidence: Evidence strings, one per article (``compare.readout_divergence``).
        limit: Cues shown at most.
        width: Characters the shown cues may take (the ``+N more`` not counted); None: any.

    Returns:
        The cues, ``; ``-joined.

    Example:
        >>> merge_evidence(["recognition; border", "border", "border; sovereignty"], limit=2)
        'border; recognition; +1 more'
    """
    counts: dict[str, int] = {}
    for text in evidence:
        for cue in dict.fromkeys(c.strip() for c in str(text or "").split(";")):
            if cue:
                counts[cue] = counts.get(cue, 0) + 1
    ordered = sorted(counts, key=lambda c: (-counts[c], c))
    shown: list[str] = []
    for cue in ordered[: max(0, limit)]:
        if shown and width is not None and len("; ".join([*shown, cue])) > width:
            break
        shown.append(cue)
    if len(ordered) > len(shown):
        shown.append(f"+{len(ordered) - len(shown)} more")
    return "; ".join(shown)


#: Characters after which a label may be cut or broken (a word's end).
_BREAKS = " _-/"
#: A word and the break characters after it.
_WORD = re.compile(r"[^ _/-]*[ _/-]*")


def short_label(text: str, width: int, tail: int = 0) -> str:
    """``text`` in at most ``width`` characters: its start kept, a cut marked by "…".

    The cut falls after a word (a space, ``_``, ``-`` or ``/``) when that keeps two thirds of
    the room. With ``tail``, the last ``tail`` characters are kept after the "…" (to tell
    apart labels that share their start: :func:`short_labels`).

    Args:
        text: The label.
        width: Characters at most (the "…" counted), 2 or more.
        tail: Characters of the end kept after the "…".

    Example:
        >>> short_label("affordability_and_patient_access_to_medicines", 24)
        'affordability_and_…'
        >>> short_label("profit_investment_and_return_on_innovation", 24, tail=10)
        'profit_invest…innovation'
        >>> short_label("Maria Elena de la Fuente Obregón", 26), short_label("Ana Vell", 26)
        ('Maria Elena de la Fuente…', 'Ana Vell')
    """
    if len(text) <= width:
        return text
    width = max(2, width)
    tail = min(max(0, tail), width - 2)
    head = text[: width - 1 - tail]
    if not tail:
        cut = max(head.rfind(c) for c in _BREAKS) + 1
        if cut * 3 >= len(head) * 2:
            head = head[:cut]
    head = head.rstrip() or head
    return head + "…" + (text[len(text) - tail :] if tail else "")


def short_labels(texts: Iterable[str], width: int) -> list[str]:
    """:func:`short_label` of each text, distinct texts always given distinct labels.

    Labels that would share their shortened start keep their end too ("start…end", the end as
    long as it takes to tell them apart); where no cut tells them apart, they are shown whole.

    Example:
        >>> short_labels(["profit_and_return_on_innovation", "profit_and_return_on_research",
        ...               "jobs"], 24)
        ['profit_and_retu…novation', 'profit_and_retu…research', 'jobs']
    """
    texts = list(texts)
    labels = {t: short_label(t, width) for t in dict.fromkeys(texts)}

    def clashing() -> list[str]:
        seen: dict[str, list[str]] = {}
        for t, lab in labels.items():
            seen.setdefault(lab, []).append(t)
        return [t for group in seen.values() if len(group) > 1 for t in group]

    for tail in range(max(1, width // 3), width - 1):
        clash = clashing()
        if not clash:
            break
        for t in clash:
            labels[t] = short_label(t, width, tail)
    for t in clashing():
        labels[t] = t
    return [labels[t] for t in texts]


def wrap_label(text: str, width: int) -> str:
    """``text`` broken into lines of at most ``width`` characters, after words where possible.

    Words break after a space, ``_``, ``-`` or ``/`` (so ``snake_case`` ids wrap too); a word
    longer than a line is split.

    Example:
        >>> print(wrap_label("affordability_and_patient_access", 20))
        affordability_and_
        patient_access
    """
    rows: list[str] = []
    row = ""
    for word in _WORD.findall(text):
        if row and len((row + word).rstrip()) > width:
            rows.append(row)
            row = ""
        row += word
        while len(row.rstrip()) > width:
            rows.append(row[:width])
            row = row[width:]
    rows.append(row)
    return "\n".join(r.strip() for r in rows if r.strip())


def fit_labels(texts: Iterable[str], width: int, lines: int = 1) -> list[str]:
    r"""Tick labels that fit ``lines`` lines of ``width`` characters, each distinct.

    Each text is shortened (:func:`short_labels`, the start kept) to what the lines hold and
    wrapped after words (:func:`wrap_label`); where the words take more lines, the last line is
    cut short ("…"), or, when that would make two labels alike, the text is split every
    ``width`` characters.

    Example:
        >>> fit_labels(["affordability_and_patient_access_to_medicines", "jobs"], 24, lines=2)
        ['affordability_and_\npatient_access_to_…', 'jobs']
    """
    texts = list(texts)
    flats = short_labels(texts, width * lines)
    out: dict[str, str] = {}
    for text, flat in zip(texts, flats, strict=True):
        rows = wrap_label(flat, width).split("\n")
        if len(rows) > lines:
            rest = ""
            for row in rows[lines - 1 :]:
                rest += row if not rest or rest[-1] in _BREAKS else " " + row
            rows = [*rows[: lines - 1], short_label(rest, width)]
        out[text] = "\n".join(rows)
    seen: dict[str, int] = {}
    for label in out.values():
        seen[label] = seen.get(label, 0) + 1
    for text, flat in zip(texts, flats, strict=True):
        if seen[out[text]] > 1:
            out[text] = "\n".join(flat[i : i + width] for i in range(0, len(flat), width))
    return [out[t] for t in texts]


def speaker_label(speaker: str, names: Mapping[str, str] | None = None) -> str:
    """Display label of a speaker: an actor id by its configured name, ``""`` is narration.

    A joint speaker (ids joined by ``+``) is shown as the names joined by "and"; a speaker not
    in ``names`` (another speaker's name as written, or no ``names``) as it is.

    Example:
        >>> speaker_label(""), speaker_label("macron")
        ('(narration)', 'macron')
        >>> names = {"vorenko": "Talia Vorenko", "brandvik": "Oskar Brandvik"}
        >>> speaker_label("vorenko", names), speaker_label("brandvik+vorenko", names)
        ('Talia Vorenko', 'Oskar Brandvik and Talia Vorenko')
    """
    if not speaker:
        return NARRATION
    names = names or {}
    if speaker in names:
        return names[speaker]
    parts = speaker.split("+")
    if len(parts) > 1 and all(p in names for p in parts):
        return " and ".join(names[p] for p in parts)
    return speaker


def actor_labels(actors: Any) -> dict[str, str]:
    """Actor id → configured name, the ``labels`` that show speakers by name in the figures.

    Args:
        actors: ``attribution.Actors`` (or any iterable of ``attribution.Actor``); None for none.

    Example:
        >>> from mediaframes.attribution import Actor
        >>> actor_labels([Actor("vell", "Ana Vell", (), ())])
        {'vell': 'Ana Vell'}
    """
    if actors is None:
        return {}
    return {a.id: a.name for a in getattr(actors, "actors", actors)}


def thin_articles_note(n_articles: int) -> str:
    """The note shown when a figure rests on too few articles ("" when there are enough).

    Example:
        >>> thin_articles_note(1)[:16]
        'Only 1 article: '
    """
    if n_articles >= MIN_ARTICLES:
        return ""
    if n_articles == 0:
        return "No articles: nothing to show."
    return (
        "Only 1 article: the figure describes this one article; it shows no pattern of "
        "coverage across articles or outlets."
    )


def _n_articles(*frames: pd.DataFrame | None) -> int:
    """Number of distinct article ids across the given tables."""
    ids: set[str] = set()
    for df in frames:
        if df is not None and "article_id" in df.columns:
            ids.update(str(x) for x in df["article_id"].dropna())
    return len(ids)


def _new_figure(height: float, width: float = FIG_WIDTH, notes: Sequence[str] = ()) -> Figure:
    """A figure with room at the bottom for the wrapped ``notes`` (thin data, exclusions)."""
    height = min(height, MAX_HEIGHT)
    fig = Figure(figsize=(width, height))
    lines = sum(len(textwrap.wrap(n, _NOTE_WIDTH)) for n in notes if n)
    if lines:
        note_h = (lines * 11 + 8) / 72  # 8 pt text, 11 pt leading, in inches
        fig.set_figheight(height + note_h)
        bottom = note_h / (height + note_h)
        fig.get_layout_engine().set(rect=(0, bottom, 1, 1 - bottom))
        text = "\n".join(textwrap.fill(n, _NOTE_WIDTH) for n in notes if n)
        fig.text(
            0.01,
            bottom - 4 / 72 / fig.get_figheight(),
            text,
            ha="left",
            va="top",
            fontsize=8,
            color="#333333",
            linespacing=1.3,
        )
    return fig


def _empty(ax: Axes, message: str) -> None:
    """Turn ``ax`` into a box that says why there is nothing to draw."""
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        textwrap.fill(message, 60),
        ha="center",
        va="center",
        transform=ax.transAxes,
        fontsize=9,
        color="#333333",
    )


#: Writes through a temporary file (:func:`mediaframes.paths.write_atomic`).
_atomic_write = paths.write_atomic


_SVG_ID = re.compile(rb'id="([a-zA-Z])([0-9a-f]{10})"')


def _renumber_svg_ids(svg: bytes) -> bytes:
    """Replace matplotlib's hashed SVG ids by ids numbered in order of appearance.

    matplotlib hashes clip rectangles at full float precision, and constrained layout can
    differ in the last bits between processes, which changes the ids (not the drawing). Ids
    numbered by position make the bytes stable.

    Example:
        >>> _renumber_svg_ids(b'<a id="p0123456789"/><b href="#p0123456789"/>')
        b'<a id="p0000000000"/><b href="#p0000000000"/>'
    """
    mapping: dict[bytes, bytes] = {}
    for m in _SVG_ID.finditer(svg):
        old = m.group(1) + m.group(2)
        if old not in mapping:
            mapping[old] = m.group(1) + b"%010d" % len(mapping)
    if not mapping:
        return svg
    pattern = re.compile(b"|".join(re.escape(k) for k in mapping))
    return pattern.sub(lambda m: mapping[m.group(0)], svg)


def _wrap_to(text: Any, room: float, renderer: Any) -> None:
    """Wrap the text artist ``text`` onto more lines until it is at most ``room`` pixels wide."""
    words = " ".join(text.get_text().split())
    if text.get_window_extent(renderer).width <= room:
        return
    for width in range(len(words) - 1, 7, -1):
        text.set_text(textwrap.fill(words, width, break_long_words=False, break_on_hyphens=False))
        if text.get_window_extent(renderer).width <= room:
            return


#: Text artists drawn beside a bar → their versions, longest first (:func:`_fit_titles` keeps the
#: first that ends inside the panel).
_SHORTER: weakref.WeakKeyDictionary[Any, list[str]] = weakref.WeakKeyDictionary()


def _fit_beside(text: Any, versions: Sequence[str], right: float, renderer: Any) -> None:
    """Give ``text`` the first of ``versions`` that ends left of ``right`` (pixels), else cut."""
    for version in versions:
        text.set_text(version)
        if text.get_window_extent(renderer).x1 <= right:
            return
    last = versions[-1]
    for width in range(len(last) - 1, 1, -1):
        text.set_text(short_label(last, width))
        if text.get_window_extent(renderer).x1 <= right:
            return


def _slant_crowded(ax: Axes, renderer: Any) -> None:
    """Slant the x tick labels of ``ax`` by 30° when side by side they would touch."""
    if not ax.axison or not ax.xaxis.get_visible():
        return
    shown = [t for t in ax.get_xticklabels() if t.get_visible() and t.get_text()]
    if any(t.get_rotation() for t in shown):
        return
    boxes = sorted((t.get_window_extent(renderer) for t in shown), key=lambda b: b.x0)
    if any(a.x1 + 2 > b.x0 for a, b in zip(boxes, boxes[1:], strict=False)):
        for t in shown:
            t.set_rotation(30)
            t.set_horizontalalignment("right")


def _fit_titles(fig: Figure) -> None:
    """Wrap panel titles wider than their panel, and a figure title wider than the figure.

    Texts beside bars (registered in :data:`_SHORTER`) get their longest version that ends
    inside the panel, and x tick labels that would touch are slanted (:func:`_slant_crowded`).

    A long name in a panel title ("Maria Elena de la Fuente Obregón, not …") ran past the
    figure's edge and was cut off; wrapped, it takes a second line instead. The panels' widths
    are those of a layout without the titles (a title too wide for its panel would narrow it).
    Lay the figure out again afterwards.
    """
    renderer = fig._get_renderer()
    titles = [
        (ax, t)
        for ax in fig.axes
        if ax.get_visible()
        for t in (ax.title, getattr(ax, "_left_title", None), getattr(ax, "_right_title", None))
        if t is not None and t.get_text()
    ]
    texts = [t.get_text() for _, t in titles]
    for _, t in titles:
        t.set_text("")
    fig.draw_without_rendering()
    rooms = [ax.get_window_extent(renderer).width for ax, _ in titles]
    for ax in fig.axes:
        right = ax.get_window_extent(renderer).x1
        for t in ax.texts:
            if t in _SHORTER:
                _fit_beside(t, _SHORTER[t], right, renderer)
        _slant_crowded(ax, renderer)
    for (_, t), text, room in zip(titles, texts, rooms, strict=True):
        t.set_text(text)
        _wrap_to(t, max(room, 40.0), renderer)
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle.get_text():
        x0 = suptitle.get_window_extent(renderer).x0
        _wrap_to(suptitle, fig.bbox.width - max(x0, 0) - 4, renderer)


def save_figure(fig: Figure, out_dir: str | Path, name: str) -> FigurePaths:
    """Write ``fig`` as ``name.svg`` and ``name.png`` with deterministic bytes.

    Args:
        fig: The figure (drawn under the shared style).
        out_dir: Folder to write to (created when missing).
        name: File stem.

    Returns:
        ``[svg_path, png_path]``.

    Example:
        >>> import tempfile
        >>> with _style():
        ...     f = Figure()
        ...     _ = f.add_subplot().plot([0, 1])
        ...     [p.name for p in save_figure(f, tempfile.mkdtemp(), "demo")]
        ['demo.svg', 'demo.png']
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    # Titles are wrapped to the laid-out panels; constrained layout then settles over draws:
    # lay out twice so SVG and PNG share one layout.
    _fit_titles(fig)
    fig.draw_without_rendering()
    fig.draw_without_rendering()
    for fmt, metadata in (
        ("svg", {"Date": None, "Creator": None}),
        ("png", {"Software": None}),
    ):
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, metadata=metadata)
        data = buf.getvalue()
        if fmt == "svg":
            data = _renumber_svg_ids(data)
        path = out / f"{name}.{fmt}"
        _atomic_write(path, data)
        written.append(path)
    return written


def _draw(name: str, out_dir: str | Path, draw: Callable[[], Figure]) -> FigurePaths:
    """Draw a figure under the shared style and save it."""
    with _style():
        fig = draw()
        return save_figure(fig, out_dir, name)


def bar_value(v: float, n_articles: int) -> str:
    """A bar's label: a count in one article, else a mean with two decimals (all alike).

    Example:
        >>> bar_value(3.0, 1), bar_value(1.142857, 7), bar_value(0.571428, 7), bar_value(2, 7)
        ('3', '1.14', '0.57', '2.00')
    """
    return f"{v:.0f}" if n_articles == 1 else f"{v:.2f}"


def is_configured(speaker: str, labels: Mapping[str, str] | None) -> bool:
    """Whether a speaker is a configured actor (or actors speaking jointly, ``a+b``).

    Example:
        >>> names = {"vell": "Ana Vell", "orr": "Ben Orr"}
        >>> is_configured("vell", names), is_configured("orr+vell", names)
        (True, True)
        >>> is_configured("Vell", names), is_configured("vell", None)
        (False, False)
    """
    names = labels or {}
    return bool(speaker) and all(p in names for p in speaker.split("+"))


def speaker_order(counts: pd.Series, labels: Mapping[str, str] | None = None) -> list[str]:
    """Speakers by descending count; at equal counts configured actors first, then by name.

    Names compare as shown (:func:`speaker_label`), case-insensitively, so an id's capitals
    (ASCII "P" before "f") decide nothing; the raw id breaks a last tie.

    Args:
        counts: Count per speaker (index: speaker ids or names as written).
        labels: Actor id → configured name.

    Example:
        >>> counts = pd.Series({"Wednesday crowd": 1, "aske": 1, "brask": 4, "city engineers": 1})
        >>> speaker_order(counts, {"aske": "Bertil Aske", "brask": "Annelie Brask"})
        ['brask', 'aske', 'city engineers', 'Wednesday crowd']
    """
    return sorted(
        counts.index,
        key=lambda s: (
            -counts[s],
            not is_configured(s, labels),
            speaker_label(s, labels).casefold(),
            s,
        ),
    )


def _order_speakers(
    counts: pd.Series, limit: int = MAX_SPEAKERS, labels: Mapping[str, str] | None = None
) -> tuple[list[str], int]:
    """:func:`speaker_order`: the first ``limit`` speakers and how many were cut."""
    ordered = speaker_order(counts, labels)
    return ordered[:limit], max(0, len(ordered) - limit)


def cut_note(
    counts: pd.Series, shown: Sequence[str], what: str = "speaker", unit: str = "statement"
) -> str:
    """The note on the speakers a panel leaves out, true of ties too ("" when none is cut).

    Args:
        counts: Count per speaker, all of them.
        shown: The speakers drawn (:func:`_order_speakers`).
        what: The noun counted ("speaker", "actor").
        unit: What ``counts`` count ("statement", "text").

    Example:
        >>> counts = pd.Series({"a": 3, "b": 1, "c": 1, "d": 0})
        >>> cut_note(counts, ["a"])
        'Not shown: 3 further speakers with fewer statements.'
        >>> cut_note(counts, ["a", "b"])  # doctest: +NORMALIZE_WHITESPACE
        'Not shown: 2 further speakers with 1 statement or fewer (at equal counts configured
        actors come first, then names in alphabetical order).'
    """
    cut = [s for s in counts.index if s not in set(shown)]
    if not cut:
        return ""
    plural = "s" if len(cut) != 1 else ""
    head = f"Not shown: {len(cut)} further {what}{plural}"
    low = min((counts[s] for s in shown), default=0)
    top = max(counts[s] for s in cut)
    if top < low:
        return f"{head} with fewer {unit}s."
    return (
        f"{head} with {int(top)} {unit}{'s' if top != 1 else ''} or fewer (at equal counts "
        "configured actors come first, then names in alphabetical order)."
    )


def _bar_labels(ax: Axes, totals: Sequence[float], y: Sequence[float]) -> None:
    """Write each bar's total just right of its end."""
    span = max(totals) if len(totals) else 1
    for yi, tot in zip(y, totals, strict=True):
        ax.text(tot + span * 0.01, yi, f"{int(tot)}", va="center", ha="left", fontsize=8)


# --------------------------------------------------------------------------- figures


class ActorStyle(NamedTuple):
    """How bars of one actor (or other speaker) are drawn: fill colour, hatch, hatch colour."""

    color: str
    hatch: str
    hatch_color: str

    def bar(self) -> dict[str, str]:
        """Keyword arguments of ``Axes.bar``/``barh`` and ``Patch`` that draw the style."""
        return {"facecolor": self.color, "hatch": self.hatch, "hatchcolor": self.hatch_color}


def actor_style(index: int) -> ActorStyle:
    """The ``index``-th style of :data:`ACTOR_COLORS` and :data:`ACTOR_HATCHES`.

    Example:
        >>> actor_style(0).color, actor_style(7).color, actor_style(7).hatch
        ('#D55E00', '#D55E00', '////')
    """
    color = ACTOR_COLORS[index % len(ACTOR_COLORS)]
    hatch = ACTOR_HATCHES[(index // len(ACTOR_COLORS)) % len(ACTOR_HATCHES)]
    r, g, b = matplotlib.colors.to_rgb(color)
    light = 0.299 * r + 0.587 * g + 0.114 * b > 0.55
    return ActorStyle(color, hatch, "#333333" if light else "#FFFFFF")


def actor_styles(
    speakers: Iterable[str], labels: Mapping[str, str] | None = None
) -> dict[str, ActorStyle]:
    """One style per actor, the same in every figure (Figure 2's sides, Figure 7's voices).

    The n-th actor of the actors file (the order of ``labels``, as :func:`actor_labels` reads
    it) always gets the n-th style (:func:`actor_style`), whoever else a figure shows; a speaker
    that is no configured actor (another speaker, joint actors) gets the styles after them, in
    the order of the names shown. Without ``labels`` every speaker is such a speaker, so the
    styles hold within one figure only.

    Example:
        >>> names = {"vell": "Ana Vell", "orr": "Ben Orr"}
        >>> {s: st.color for s, st in actor_styles(["orr", "Jo Poll"], names).items()}
        {'orr': '#CC79A7', 'Jo Poll': '#56B4E9'}
        >>> actor_styles(["vell"], names)["vell"].color
        '#D55E00'
    """
    names = labels or {}
    rank = {a: i for i, a in enumerate(names)}
    speakers = list(speakers)
    others = sorted(
        {s for s in speakers if s not in rank},
        key=lambda s: (speaker_label(s, names).casefold(), s),
    )
    rank.update({s: len(names) + i for i, s in enumerate(others)})
    return {s: actor_style(rank[s]) for s in speakers}


def statement_styles(
    cats: Sequence[str],
    panel: str,
    sides: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
) -> list[ActorStyle]:
    """Figure 2's bar styles: quote types and sides never share a colour.

    Args:
        cats: The panel's categories, in drawing order.
        panel: ``quote_type`` (left panel) or ``source`` (right panel).
        sides: Category ("via …") → the actor id whose side it is: the actor's style of every
            figure (:func:`actor_styles`). A "via" category not in it takes the next unused
            style.
        labels: Actor id → configured name (the order of the actors file).

    Returns:
        One style per category: quote types in ``PALETTE[:3]`` (any other dark grey); sides
        ("via …") in the actors' styles, :data:`IN_PERSON`, :data:`NO_SIDE` and "other
        sources" in greys.

    Example:
        >>> [st.color for st in statement_styles(["direct", "indirect"], "quote_type")]
        ['#0072B2', '#009E73']
        >>> names = {"ada": "Ada", "bo": "Bo"}
        >>> cats = ["via Bo", "in person", "no actor's side"]
        >>> [st.color for st in statement_styles(cats, "source", {"via Bo": "bo"}, names)]
        ['#CC79A7', '#555555', '#999999']
    """
    plain = {
        IN_PERSON: IN_PERSON_COLOR,
        NO_SIDE: NO_SIDE_COLOR,
        "other sources": OTHER_SOURCES_COLOR,
    }
    if panel == "quote_type":  # a quote type of no known kind: dark grey, no side's colour
        colors = [PALETTE[QUOTE_TYPES.index(c)] if c in QUOTE_TYPES else "#333333" for c in cats]
        return [ActorStyle(c, "", "#FFFFFF") for c in colors]
    sides = dict(sides or {})
    ids = [sides.get(c, c) for c in cats if c not in plain]
    styles = actor_styles(ids, labels)
    return [
        ActorStyle(plain[c], "", "#FFFFFF") if c in plain else styles[sides.get(c, c)] for c in cats
    ]


def statement_colors(cats: Sequence[str], panel: str) -> list[str]:
    """Figure 2's bar colours (:func:`statement_styles` without actors' names).

    Example:
        >>> statement_colors(["via Ada", "no actor's side"], "source")
        ['#D55E00', '#999999']
    """
    return [st.color for st in statement_styles(cats, panel)]


def reporting_side(
    source_actor: str, speaker_type: str, speaker: str, labels: Mapping[str, str] | None = None
) -> str:
    """Figure 2's category of a statement by whose side reports it (right panel).

    ``via`` the configured actor whose office, spokesperson or readout reports it
    (``source_actor``); else :data:`IN_PERSON` for a configured actor (or joint actors)
    speaking in person, else :data:`NO_SIDE` for another speaker.

    Example:
        >>> names = {"vell": "Ana Vell"}
        >>> reporting_side("vell", "other", "Jo Aide", names)
        'via Ana Vell'
        >>> reporting_side("", "actor", "vell", names), reporting_side("", "other", "Jo", names)
        ('in person', "no actor's side")
    """
    side = source_actor.strip()
    if side:
        return f"via {speaker_label(side, labels)}"
    if speaker_type in ("actor", "joint") or is_configured(speaker, labels):
        return IN_PERSON
    return NO_SIDE


def plot_statements_per_actor(
    statements: pd.DataFrame,
    out_dir: str | Path,
    *,
    n_articles: int | None = None,
    max_sources: int = 5,
    labels: Mapping[str, str] | None = None,
    name: str = "statements_per_actor",
) -> FigurePaths:
    """Statements per speaker, split by quote type (left) and by reporting source (right).

    Narration (the journalist's own sentences) is not a speaker; its count is given in a note.
    The right panel shows the configured actor whose side reports the statement
    (``source_actor``: "via macron"), else "in person" for a configured actor's own words, else
    "no actor's side" (:func:`reporting_side`): a source as written that is no configured actor
    (a speaker's own role, "the opposition leader") is not an intermediary. This is the side the
    report's "own side" / "other side" columns count.

    Args:
        statements: The statements table (``records.Statement`` columns).
        out_dir: Figures folder.
        n_articles: Number of articles in the corpus (default: distinct ids in ``statements``).
        max_sources: Most frequent sources shown; the rest are grouped as "other sources".
        labels: Actor id → configured name: speakers are shown by name
            (:func:`speaker_label`).
        name: File stem.

    Returns:
        ``[svg_path, png_path]``.

    Example:
        >>> import tempfile
        >>> df = pd.DataFrame({"article_id": ["a"], "speaker": ["x"], "speaker_type": ["actor"],
        ...     "quote_type": ["direct"], "source": [""]})
        >>> plot_statements_per_actor(df, tempfile.mkdtemp())[0].name
        'statements_per_actor.svg'
    """
    df = _strings(
        statements,
        ["article_id", "speaker", "speaker_type", "quote_type", "source", "source_actor"],
    )
    n_art = _n_articles(df) if n_articles is None else n_articles
    narration = (df["speaker_type"] == "narration") | (df["speaker"] == "")
    n_narr = int(narration.sum())
    df = df[~narration]

    def draw() -> Figure:
        counts_of = df["speaker"].value_counts()
        speakers, cut = _order_speakers(counts_of, labels=labels)
        notes = [thin_articles_note(n_art) if len(df) else ""]
        if n_narr:
            notes.append(
                f"Not shown: {n_narr} narration statement{'s' if n_narr != 1 else ''} "
                "(the journalist's own voice)."
            )
        if cut:
            notes.append(cut_note(counts_of, speakers))
        sub = df[df["speaker"].isin(speakers)]
        types = [t for t in QUOTE_TYPES if t in set(sub["quote_type"])]
        types += sorted(set(sub["quote_type"]) - set(QUOTE_TYPES))
        side_ids = {
            f"via {speaker_label(a, labels)}": a for a in sub["source_actor"].str.strip() if a
        }
        src = pd.Series(
            [
                reporting_side(a, t, sp, labels)
                for a, t, sp in zip(
                    sub["source_actor"], sub["speaker_type"], sub["speaker"], strict=True
                )
            ],
            index=sub.index,
            dtype=object,
        )
        counts = src.value_counts().sort_index().sort_values(ascending=False, kind="stable")
        top = list(counts.index[:max_sources])
        src = src.where(src.isin(top), "other sources")
        sub = sub.assign(_source=src)
        sources = top + (["other sources"] if (src == "other sources").any() else [])
        # Legends sit under each panel: two columns when the labels are short, else one; a
        # long name is cut short (a wide legend would narrow its panel)
        ncols = [
            2 if max((min(len(c), 30) for c in cats), default=0) <= 16 else 1
            for cats in (types, sources)
        ]
        legend_rows = max(-(-len(c) // n) for c, n in zip((types, sources), ncols, strict=True))
        height = max(2.2, 0.32 * len(speakers) + 1.4) + 0.17 * legend_rows
        fig = _new_figure(height, notes=notes)
        ax_type, ax_src = fig.subplots(1, 2, sharey=True)
        fig.suptitle("Statements per speaker", x=0.01, ha="left")
        if df.empty:
            _empty(ax_type, "No statements attributed to a speaker.")
            ax_src.set_axis_off()
            return fig
        y = np.arange(len(speakers))[::-1]

        for ax, col, cats, title, ncol, colors in (
            (ax_type, "quote_type", types, "by quote type", ncols[0], "quote_type"),
            (ax_src, "_source", sources, "by whose side reports it", ncols[1], "source"),
        ):
            styles = statement_styles(cats, colors, sides=side_ids, labels=labels)
            table = pd.crosstab(sub["speaker"], sub[col]).reindex(
                index=speakers, columns=cats, fill_value=0
            )
            left = np.zeros(len(speakers))
            for i, (cat, shown) in enumerate(zip(cats, short_labels(cats, 30), strict=True)):
                vals = table[cat].to_numpy(dtype=float)
                ax.barh(
                    y,
                    vals,
                    left=left,
                    **styles[i].bar(),
                    label=shown,
                    edgecolor="white",
                    linewidth=0.5,
                    height=0.65,
                )
                left += vals
            _bar_labels(ax, list(left), list(y))
            ax.set_title(title, fontsize=9, fontweight="normal")
            ax.set_xlabel("statements")
            ax.set_xlim(0, max(left) * 1.15 + 0.5)
            ax.xaxis.get_major_locator().set_params(integer=True)
            ax.grid(axis="y", visible=False)
            below = matplotlib.transforms.offset_copy(
                ax.transAxes, fig=fig, y=-0.48, units="inches"
            )
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0), bbox_transform=below, ncol=ncol)
        ax_type.set_yticks(y, short_labels([speaker_label(s, labels) for s in speakers], 34))
        return fig

    return _draw(name, out_dir, draw)


def _ci_panel(
    ax: Axes,
    df: pd.DataFrame,
    key: str,
    speakers: Sequence[str],
    methods: Sequence[str],
    min_n: int,
) -> None:
    """Draw mean ± CI per ``key`` value and method on ``ax`` (hollow when n < ``min_n``)."""
    y0 = np.arange(len(speakers))[::-1].astype(float)
    step = 0.7 / max(1, len(methods))
    for i, method in enumerate(methods):
        rows = df[df["method"] == method].drop_duplicates(key).set_index(key)
        color, marker = PALETTE[i % len(PALETTE)], MARKERS[i % len(MARKERS)]
        offset = (i - (len(methods) - 1) / 2) * step
        for yi, sp in zip(y0, speakers, strict=True):
            if sp not in rows.index:
                continue
            r = rows.loc[sp]
            yy = yi - offset
            if np.isfinite(r["ci_low"]) and np.isfinite(r["ci_high"]):
                ax.plot(
                    [r["ci_low"], r["ci_high"]],
                    [yy, yy],
                    color=color,
                    lw=1.4,
                    solid_capstyle="butt",
                )
                for x in (r["ci_low"], r["ci_high"]):
                    ax.plot([x, x], [yy - step * 0.3, yy + step * 0.3], color=color, lw=1)
            hollow = r["n"] < min_n
            ax.plot(
                [r["mean"]],
                [yy],
                marker=marker,
                color=color,
                linestyle="none",
                markerfacecolor="white" if hollow else color,
                markersize=5.5,
            )
    ax.axvline(0, color="#666666", lw=0.8, zorder=0)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-0.6, len(speakers) - 0.4)
    ax.grid(axis="y", visible=False)
    # short: long speaker names narrow the panel, and a long label ran into the next one's
    ax.set_xlabel("mean score, 95% CI", fontsize=9)


def _thin_note(
    n_by: pd.Series,
    names: Sequence[str],
    min_n: int,
    what: str,
    labels: Mapping[str, str] | None = None,
) -> str:
    """Note naming the entries of ``names`` with fewer than ``min_n`` scored texts."""
    thin = [s for s in names if n_by[s] < min_n]
    if not thin:
        return ""
    if len(thin) == len(names):
        return (
            f"Too few to conclude ({what}): every entry rests on fewer than {min_n} texts "
            "(hollow markers); read the intervals as anecdotes."
        )
    listed = ", ".join(f"{speaker_label(s, labels)} (n={int(n_by[s])})" for s in thin)
    return f"Fewer than {min_n} texts, too few to conclude ({what}): {listed}."


def _cut_tied(counts: pd.Series, shown: Sequence[str]) -> bool:
    """Whether a speaker left out has as many as (or more than) one shown."""
    cut = [counts[s] for s in counts.index if s not in set(shown)]
    return bool(cut) and bool(len(shown)) and max(cut) >= min(counts[s] for s in shown)


def not_shown_note(
    speakers: tuple[int, int], actors: tuple[int, int] | None = None, tied: bool = False
) -> str:
    """Figure 3's note on who is left out, panel by panel ("" when everyone is shown).

    Each panel counts its own entries: a speaker left out of both panels is one speaker, not two
    (the panels' counts are never added).

    Args:
        speakers: ``(shown, in all)`` speakers of the left panel (their statements).
        actors: ``(shown, in all)`` actors of the right panel (the journalist's sentences about
            them), or None without that panel.
        tied: Whether an entry left out has as many texts as one shown: the note then says how
            such ties are broken (:func:`speaker_order`).

    Example:
        >>> print(not_shown_note((15, 151), (15, 35)))
        Not shown: 136 of 151 speakers (left) and 20 of 35 actors (right), those with fewest texts.
        >>> not_shown_note((3, 3), (2, 2)), not_shown_note((15, 16))
        ('', 'Not shown: 1 of 16 speakers, those with fewest statements.')
    """
    parts = []
    shown, total = speakers
    if total > shown:
        parts.append(f"{total - shown} of {total} speakers" + (" (left)" if actors else ""))
    if actors is not None and actors[1] > actors[0]:
        parts.append(f"{actors[1] - actors[0]} of {actors[1]} actors (right)")
    if not parts:
        return ""
    fewest = "texts" if actors is not None else "statements"
    ties = (
        "; at equal counts configured actors are shown first, then names in alphabetical order"
        if tied
        else ""
    )
    return f"Not shown: {' and '.join(parts)}, those with fewest {fewest}{ties}."


def plot_sentiment_by_actor(
    sentiment_by_actor: pd.DataFrame,
    out_dir: str | Path,
    *,
    tone_by_actor: pd.DataFrame | None = None,
    min_n: int = MIN_N,
    labels: Mapping[str, str] | None = None,
    name: str = "sentiment_by_actor",
) -> FigurePaths:
    """Mean sentiment per speaker for every method, with its 95% confidence interval.

    Left: the sentiment of each speaker's own statements. Right (when ``tone_by_actor`` is
    given): the tone of the journalist's own sentences that mention each actor, kept apart.
    Hollow markers and a note flag entries resting on fewer than ``min_n`` texts; a missing
    interval (n = 1) is drawn as a lone point.

    Args:
        sentiment_by_actor: ``speaker, method, n, mean, ci_low, ci_high`` rows.
        out_dir: Figures folder.
        tone_by_actor: ``actor, method, n, mean, ci_low, ci_high`` rows, or None.
        min_n: Below this many texts an estimate is flagged as too thin.
        labels: Actor id → configured name: speakers are shown by name
            (:func:`speaker_label`).
        name: File stem.

    Returns:
        ``[svg_path, png_path]``.

    Example:
        >>> import tempfile
        >>> df = pd.DataFrame({"speaker": ["x"], "method": ["vader"], "n": [1], "mean": [0.2],
        ...     "ci_low": [None], "ci_high": [None]})
        >>> plot_sentiment_by_actor(df, tempfile.mkdtemp())[1].name
        'sentiment_by_actor.png'
    """
    cols = ["n", "mean", "ci_low", "ci_high"]
    st = _numbers(_strings(sentiment_by_actor, ["speaker", "method"]), cols)
    st = st[st["mean"].notna()]
    tone = None
    if tone_by_actor is not None:
        tone = _numbers(_strings(tone_by_actor, ["actor", "method"]), cols)
        tone = tone[tone["mean"].notna()]

    def draw() -> Figure:
        n_by = st.groupby("speaker")["n"].max() if len(st) else pd.Series(dtype=float)
        speakers, _ = _order_speakers(n_by, labels=labels)
        methods = sorted(set(st["method"]) | (set(tone["method"]) if tone is not None else set()))
        notes = [_thin_note(n_by, speakers, min_n, "statements", labels=labels)]
        tone_n = pd.Series(dtype=float)
        actors: list[str] = []
        if tone is not None:
            tone_n = tone.groupby("actor")["n"].max() if len(tone) else tone_n
            actors, _ = _order_speakers(tone_n, labels=labels)
            notes.append(_thin_note(tone_n, actors, min_n, "journalist's tone", labels=labels))
        tied = _cut_tied(n_by, speakers) or _cut_tied(tone_n, actors)
        notes.append(
            not_shown_note(
                (len(speakers), len(n_by)),
                (len(actors), len(tone_n)) if tone is not None else None,
                tied=tied,
            )
        )
        rows = max(len(speakers), len(actors))
        height = max(2.4, 0.2 * rows * max(1, len(methods)) + 1.5)
        fig = _new_figure(height, notes=notes)
        fig.suptitle("Sentiment by actor, every method", x=0.01, ha="left")
        n_cols = 2 if tone is not None else 1
        # a first, thin row holds the methods' legend: beside the panels, it left them too
        # narrow for long names; as many entries in a line as fit the figure's width
        entries = ["method:", *methods]
        room = int(_NOTE_WIDTH * 0.8)  # characters of a line of entries, markers counted
        per_line = len(entries)
        if sum(len(e) + 6 for e in entries) > room:  # several lines, columns of alike width
            per_line = max(1, min(len(entries), room // (max(len(e) for e in entries) + 6)))
        key_h = 0.18 + 0.17 * -(-len(entries) // per_line)
        grid = fig.add_gridspec(2, n_cols, height_ratios=[key_h, height - key_h])
        legend_ax = fig.add_subplot(grid[0, :])
        legend_ax.set_axis_off()
        axes = [fig.add_subplot(grid[1, j]) for j in range(n_cols)]
        panels = [(axes[0], st, "speaker", speakers, n_by, "their statements")]
        if tone is not None:
            panels.append(
                (axes[1], tone, "actor", actors, tone_n, "journalist's sentences about them")
            )
        for ax, df, key, names, n_of, title in panels:
            ax.set_title(title, fontsize=9, fontweight="normal")
            if df.empty:
                _empty(ax, "No sentiment scores to show.")
                continue
            _ci_panel(ax, df, key, names, methods, min_n)
            y0 = np.arange(len(names))[::-1]
            shown = short_labels([speaker_label(s, labels) for s in names], LABEL_WIDTH)
            ax.set_yticks(
                y0, [f"{lab} (n={int(n_of[s])})" for lab, s in zip(shown, names, strict=True)]
            )
        handles = [
            matplotlib.lines.Line2D(
                [],
                [],
                marker=MARKERS[i % len(MARKERS)],
                linestyle="-",
                color=PALETTE[i % len(PALETTE)],
                label=method,
            )
            for i, method in enumerate(methods)
        ]
        if handles:  # the legend's title in its row: "method:" and the methods
            handles.insert(0, matplotlib.lines.Line2D([], [], linestyle="none", label="method:"))
        if handles:
            key = legend_ax.legend(
                handles=handles,
                loc="center left",
                bbox_to_anchor=(0.005, 0.5),
                bbox_transform=matplotlib.transforms.blended_transform_factory(
                    fig.transFigure, legend_ax.transAxes
                ),
                ncols=per_line,
                frameon=False,
            )
            key.set_in_layout(False)  # it starts at the figure's left edge, not the panel's

        return fig

    return _draw(name, out_dir, draw)


def statements_per_speaker(frames_by_actor: pd.DataFrame) -> pd.Series:
    """Each speaker's number of statements, read from ``frames_by_actor`` rows.

    A row holds the statements carrying one frame (``n_statements``) and their ``share`` of the
    speaker's statements, so the speaker's statements are ``n_statements / share`` (rounded).
    Frame shares are drawn in this order (:func:`speaker_order`), as the report's frame table
    lists them, not by the number of frame labels, which grows with every frame a statement
    carries. A speaker whose rows give no share (0 or missing) counts its most frequent frame's
    statements.

    Args:
        frames_by_actor: ``speaker, frame, n_statements, share`` rows (one codebook).

    Returns:
        Statements per speaker (float; index: speaker).

    Example:
        >>> df = pd.DataFrame({"speaker": ["a", "a", "a", "b"], "frame": ["x", "y", "z", "x"],
        ...                    "n_statements": [5, 5, 5, 9], "share": [1.0, 1.0, 1.0, 1.0]})
        >>> statements_per_speaker(df).to_dict()
        {'a': 5.0, 'b': 9.0}
    """
    n = pd.to_numeric(frames_by_actor["n_statements"], errors="coerce")
    share = pd.to_numeric(frames_by_actor["share"], errors="coerce")
    speaker = frames_by_actor["speaker"]
    totals = (n / share).where(share > 0).groupby(speaker).max().round()
    return totals.fillna(n.groupby(speaker).max()).astype(float)


def frame_columns(part: pd.DataFrame, order: Sequence[str] | None = None) -> list[str]:
    """The frames of a frame-share heat map, in the order of its columns.

    In codebook ``order`` when given (frames it lacks last, alphabetically), as the report's
    frame table lists them, so the figure and the table read alike; else most statements first.

    Args:
        part: ``frame, n_statements`` rows of one codebook.
        order: The codebook's frame ids in its order, or None.

    Example:
        >>> part = pd.DataFrame({"frame": ["economic", "diplomacy", "humanitarian"],
        ...                      "n_statements": [5, 9, 1]})
        >>> frame_columns(part)
        ['diplomacy', 'economic', 'humanitarian']
        >>> frame_columns(part, ["humanitarian", "security", "diplomacy", "economic"])
        ['humanitarian', 'diplomacy', 'economic']
    """
    present = set(part["frame"])
    if order:
        rank = {f: i for i, f in enumerate(order)}
        return sorted(present, key=lambda f: (rank.get(f, len(rank)), f))
    n = pd.to_numeric(part["n_statements"], errors="coerce").groupby(part["frame"]).sum()
    return sorted(present, key=lambda f: (-n.get(f, 0), f))


def plot_frame_shares(
    frames_by_actor: pd.DataFrame,
    out_dir: str | Path,
    *,
    codebook: str | None = None,
    min_n: int = MIN_N,
    labels: Mapping[str, str] | None = None,
    name: str = "frame_shares_by_actor",
    frame_order: Mapping[str, Sequence[str]] | None = None,
) -> FigurePaths:
    """Heat map: share of each speaker's statements carrying each frame, one panel per codebook.

    Each cell gives the share and, in brackets, the number of statements. A frame is counted
    once per statement however many cues it has; shares of one speaker can sum past 100%
    because a statement may carry several frames. A run with several codebooks gets one panel
    for each, in the order the table gives them (the order of the run's ``codebooks``).

    Args:
        frames_by_actor: ``speaker, codebook, frame, n_statements, share`` rows.
        out_dir: Figures folder.
        codebook: Codebook to show (default: every codebook, one panel each).
        min_n: Speakers with fewer statements than this are flagged as too thin.
        labels: Actor id → configured name: speakers are shown by name
            (:func:`speaker_label`).
        name: File stem.
        frame_order: Codebook id → its frame ids in codebook order (``tables/codebook.csv``):
            the columns follow it, as the report's frame table does (:func:`frame_columns`);
            without it, most labels first.

    Returns:
        ``[svg_path, png_path]``.

    Example:
        >>> import tempfile
        >>> df = pd.DataFrame({"speaker": ["x"], "codebook": ["c"], "frame": ["f"],
        ...     "n_statements": [1], "share": [0.5]})
        >>> plot_frame_shares(df, tempfile.mkdtemp())[0].name
        'frame_shares_by_actor.svg'
    """
    df = _numbers(
        _strings(frames_by_actor, ["speaker", "codebook", "frame"]), ["n_statements", "share"]
    )
    books = list(dict.fromkeys(df["codebook"])) if codebook is None else [codebook]
    parts = [df[df["codebook"] == b] for b in books] or [df.iloc[0:0]]

    def draw() -> Figure:
        notes = []
        thin_all: list[str] = []
        layout = []
        for part in parts:
            totals = statements_per_speaker(part)
            # the narration last, always drawn, as the report's frame table lists it
            speakers, cut = _order_speakers(totals.drop("", errors="ignore"), labels=labels)
            speakers += [""] if "" in totals.index else []
            thin_all += [s for s in speakers if totals.get(s, 0) < min_n and s not in thin_all]
            layout.append((part, totals, speakers, cut))
        if thin_all:
            listed = ", ".join(speaker_label(s, labels) for s in thin_all)
            notes.append(
                f"Fewer than {min_n} statements: {listed}; a share of such a speaker moves "
                "by a large step with each statement."
            )
        cut = max((c for *_, c in layout), default=0)
        if cut:
            notes.append(f"Not shown: {cut} further speaker{'s' if cut != 1 else ''}.")
        # room for the frames' slanted labels and the colour bar's label beside one speaker
        heights = [max(2.2, 0.42 * len(sp) + 1.2) for _, _, sp, _ in layout]
        fig = _new_figure(sum(heights) + 0.5, notes=notes)
        title = "Frame shares by speaker"
        if len(books) == 1:
            title += f" (codebook: {books[0] or 'none'})"
        fig.suptitle(title, x=0.01, ha="left")
        axes = fig.subplots(len(layout), 1, gridspec_kw={"height_ratios": heights}, squeeze=False)
        for ax, (book, (part, totals, speakers, _cut)) in zip(
            axes[:, 0], zip(books or [""], layout, strict=False), strict=False
        ):
            if len(books) > 1:
                ax.set_title(f"codebook: {book}", loc="left", fontsize=9)
            order = (frame_order or {}).get(book)
            _frame_share_panel(fig, ax, part, totals, speakers, labels, order)
        return fig

    return _draw(name, out_dir, draw)


def _frame_share_panel(
    fig: Figure,
    ax: Any,
    part: pd.DataFrame,
    totals: pd.Series,
    speakers: list[str],
    labels: Mapping[str, str] | None,
    order: Sequence[str] | None = None,
) -> None:
    """One codebook's heat map of :func:`plot_frame_shares`."""
    if part.empty:
        _empty(ax, "No frame labels to show.")
        return
    frames = frame_columns(part, order)
    share = part.pivot_table(index="speaker", columns="frame", values="share", aggfunc="max")
    share = share.reindex(index=speakers, columns=frames).fillna(0.0)
    count = part.pivot_table(index="speaker", columns="frame", values="n_statements", aggfunc="max")
    count = count.reindex(index=speakers, columns=frames).fillna(0)
    img = ax.imshow(share.to_numpy(), cmap="cividis", vmin=0, vmax=1, aspect="auto")
    for i in range(len(speakers)):
        for j in range(len(frames)):
            v = share.iat[i, j]
            ax.text(
                j,
                i,
                f"{v:.0%}\n({int(count.iat[i, j])})",
                ha="center",
                va="center",
                fontsize=8,
                color="white" if v < 0.55 else "black",
            )
    ax.set_xticks(range(len(frames)), short_labels(frames, LABEL_WIDTH), rotation=30, ha="right")
    names = fit_labels([speaker_label(s, labels) for s in speakers], LABEL_WIDTH, lines=2)
    ylabels = [
        f"{name} (n={int(totals[s])})" if s in totals and np.isfinite(totals[s]) else name
        for name, s in zip(names, speakers, strict=True)
    ]
    ax.set_yticks(range(len(speakers)), ylabels)
    ax.grid(False)
    ax.spines[:].set_visible(False)
    cbar = fig.colorbar(img, ax=ax, shrink=0.9, pad=0.02)
    cbar.set_label("share of the\nspeaker's statements")
    cbar.ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))


def plot_corpus_overview(
    articles: pd.DataFrame,
    out_dir: str | Path,
    *,
    statements: pd.DataFrame | None = None,
    name: str = "corpus_overview",
) -> FigurePaths:
    """Corpus at a glance: articles per outlet, per month, length, and statements per article.

    Panels that describe a distribution (months, lengths) need at least :data:`MIN_ARTICLES`
    articles; with fewer they say so instead of drawing a single bar.

    Args:
        articles: The articles table (``article_id, date, outlet, n_words, …``).
        out_dir: Figures folder.
        statements: The statements table, for statements per article by quote type.
        name: File stem.

    Returns:
        ``[svg_path, png_path]``.

    Example:
        >>> import tempfile
        >>> df = pd.DataFrame({"article_id": ["a"], "outlet": ["o"], "date": ["2022-02-28"],
        ...     "n_words": [100]})
        >>> plot_corpus_overview(df, tempfile.mkdtemp())[0].name
        'corpus_overview.svg'
    """
    arts = _numbers(_strings(articles, ["article_id", "outlet", "date"]), ["n_words"])
    sts = _strings(statements, ["article_id", "quote_type", "speaker_type", "speaker"])
    n_art = len(set(arts["article_id"]))

    def draw() -> Figure:
        note = thin_articles_note(n_art)
        fig = _new_figure(4.6, notes=[note])
        fig.suptitle(
            f"Corpus overview ({n_art} article{'s' if n_art != 1 else ''})", x=0.01, ha="left"
        )
        (ax_out, ax_time), (ax_len, ax_st) = fig.subplots(2, 2)
        thin_msg = f"Only {n_art} article{'s' if n_art != 1 else ''}: no distribution to show."

        # Articles per outlet.
        ax_out.set_title("articles per outlet", fontsize=9, fontweight="normal")
        outlets = arts["outlet"].replace("", "(unknown outlet)").value_counts()
        outlets = outlets.sort_index().sort_values(ascending=False, kind="stable").head(10)
        if outlets.empty:
            _empty(ax_out, "No articles.")
        else:
            yy = np.arange(len(outlets))[::-1]
            ax_out.barh(yy, outlets.to_numpy(), color=PALETTE[0], height=0.5)
            pad = 0.5 if len(outlets) < 3 else 0.0  # keep one or two bars from filling the panel
            ax_out.set_ylim(-0.5 - pad, len(outlets) - 0.5 + pad)
            ax_out.set_yticks(yy, short_labels(outlets.index, 28))
            ax_out.xaxis.get_major_locator().set_params(integer=True)
            ax_out.grid(axis="y", visible=False)

        # Articles per month.
        ax_time.set_title("articles per month", fontsize=9, fontweight="normal")
        dates = pd.to_datetime(arts["date"], errors="coerce", format="mixed")
        months = month_counts(dates)
        if n_art < MIN_ARTICLES or months.empty:
            _empty(ax_time, thin_msg if n_art < MIN_ARTICLES else "No article dates known.")
        else:  # every month of the range, empty ones as gaps on the axis (zero)
            ax_time.bar(range(len(months)), months.to_numpy(), color=PALETTE[2], width=0.8)
            ticks = month_ticks(list(months.index))
            ax_time.set_xticks(
                [i for i, _ in ticks], [t for _, t in ticks], rotation=30, ha="right"
            )
            # a small tick per month; over more than five years, per year (each January)
            minor = [i for i, m in enumerate(months.index) if len(months) <= 60 or m[5:] == "01"]
            ax_time.set_xticks(minor, minor=True)
            ax_time.set_xlim(-0.6, len(months) - 0.4)
            ax_time.yaxis.get_major_locator().set_params(integer=True)
            undated = int(dates.isna().sum())
            if undated:
                ax_time.set_xlabel(f"{undated} article(s) without a date not shown")

        # Words per article.
        ax_len.set_title("words per article", fontsize=9, fontweight="normal")
        words = arts["n_words"].dropna()
        if n_art < MIN_ARTICLES or words.empty:
            _empty(ax_len, thin_msg if n_art < MIN_ARTICLES else "No word counts.")
        else:
            ax_len.hist(
                words.to_numpy(),
                bins=min(20, max(3, len(words) // 2)),
                color=PALETTE[1],
                edgecolor="white",
            )
            ax_len.set_xlabel("words")
            ax_len.set_ylabel("articles")

        # Statements per article by quote type.
        ax_st.set_title("statements per article, by type", fontsize=9, fontweight="normal")
        if sts.empty or n_art == 0:
            _empty(ax_st, "No statements.")
        else:
            kinds = sts["quote_type"].where(sts["speaker_type"] != "narration", "narration")
            per = pd.crosstab(sts["article_id"], kinds)
            cats = [c for c in (*QUOTE_TYPES, "narration") if c in per.columns]
            cats += sorted(set(per.columns) - set(cats))
            mean = per.reindex(columns=cats).reindex(sorted(set(arts["article_id"]))).fillna(0)
            mean = mean.mean(axis=0)
            ax_st.bar(
                range(len(cats)),
                mean.to_numpy(),
                color=[PALETTE[i % len(PALETTE)] for i in range(len(cats))],
            )
            ax_st.set_xticks(range(len(cats)), cats)
            ax_st.set_ylabel("per article" if n_art > 1 else "in the article")
            for i, v in enumerate(mean.to_numpy()):
                ax_st.text(i, v, bar_value(v, n_art), ha="center", va="bottom", fontsize=8)
            ax_st.set_ylim(0, max(mean.max(), 1) * 1.2)
            ax_st.grid(axis="x", visible=False)
        return fig

    return _draw(name, out_dir, draw)


def month_counts(dates: pd.Series) -> pd.Series:
    """Articles per calendar month, every month from the first date's to the last's (zeros kept).

    Args:
        dates: Article dates (``NaT`` for unknown ones, which are not counted).

    Returns:
        Counts indexed by ``YYYY-MM``, in calendar order; empty when no date is known.

    Example:
        >>> d = pd.to_datetime(pd.Series(["2025-11-03", "2026-02-10", "2026-02-11", None]))
        >>> month_counts(d).to_dict()
        {'2025-11': 1, '2025-12': 0, '2026-01': 0, '2026-02': 2}
    """
    known = pd.to_datetime(dates, errors="coerce").dropna()
    if known.empty:
        return pd.Series(dtype=int)
    per = known.dt.to_period("M")
    months = pd.period_range(per.min(), per.max(), freq="M")
    counts = per.value_counts().reindex(months, fill_value=0).astype(int)
    counts.index = [str(m) for m in months]
    return counts


#: Steps between labelled months, in months, the smallest that keeps at most ``max_ticks``.
_MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)


def month_ticks(months: Sequence[str], max_ticks: int = 8) -> list[tuple[int, str]]:
    """The labelled months of a month axis: ``(position, label)``, at most ``max_ticks``.

    Every month is labelled on a short range; a longer one labels every 2nd, 3rd or 6th month
    (counted from January, so the labels fall on the same months each year) or, past some
    years, each January (or every few Januaries) by its year alone.

    Args:
        months: Consecutive months as ``YYYY-MM`` (:func:`month_counts`).
        max_ticks: Labels at most.

    Example:
        >>> month_ticks(["2025-11", "2025-12", "2026-01"])
        [(0, '2025-11'), (1, '2025-12'), (2, '2026-01')]
        >>> two_years = [f"{y}-{m:02d}" for y in (2020, 2021) for m in range(1, 13)]
        >>> [label for _, label in month_ticks(two_years)]
        ['2020-01', '2020-04', '2020-07', '2020-10', '2021-01', '2021-04', '2021-07', '2021-10']
        >>> month_ticks([f"{y}-{m:02d}" for y in range(2015, 2025) for m in range(1, 13)])[:2]
        [(12, '2016'), (36, '2018')]
    """
    if len(months) <= max_ticks:
        return [(i, m) for i, m in enumerate(months)]
    index = [int(m[:4]) * 12 + int(m[5:7]) - 1 for m in months]  # months since year 0

    def every(step: int) -> list[tuple[int, str]]:
        return [(i, m) for i, (m, k) in enumerate(zip(months, index, strict=True)) if k % step == 0]

    for step in _MONTH_STEPS:
        ticks = every(step)
        if len(ticks) <= max_ticks:
            break
    else:  # (a range of centuries: every year labelled would not fit either)
        step = -(-len(months) // (12 * max_ticks)) * 12
        ticks = every(step)
    if step >= 12:
        return [(i, m[:4]) for i, m in ticks]
    return ticks


def voice_styles(
    voices: Iterable[str], labels: Mapping[str, str] | None = None
) -> dict[str, ActorStyle]:
    """Style per word-choice voice: narration black, reported speech grey, speakers as actors.

    A speaker has its style of every figure (:func:`actor_styles`: the n-th actor of the
    actors file the n-th style), so no two voices share one however many there are.

    Example:
        >>> st = voice_styles(["narration", "orr", "vell"], {"vell": "Ana Vell", "orr": "Ben Orr"})
        >>> st["vell"].color, st["orr"].color, st["narration"].color
        ('#D55E00', '#CC79A7', '#000000')
    """
    voices = set(voices)
    of = {v: reported_side(v) for v in voices if reported_side(v)}
    speakers = sorted({v for v in voices if v not in ("narration", REPORTED) and v not in of})
    styles = actor_styles(sorted(set(speakers) | set(of.values())), labels)
    out = {v: styles[v] for v in speakers}
    out["narration"] = ActorStyle(PALETTE[-1], "", "#FFFFFF")
    out[REPORTED] = ActorStyle("#999999", "", "#FFFFFF")
    for v, side in of.items():  # grey as reported speech, hatched in the side's colour
        out[v] = ActorStyle("#D9D9D9", "////" + styles[side].hatch, styles[side].color)
    return out


def reported_side(voice: str) -> str:
    """The side of a key of one side's reported speech (:func:`reported_key`), else ``""``.

    Example:
        >>> reported_side("reported speech of vell"), reported_side("vell")
        ('vell', '')
    """
    head = REPORTED + REPORTED_OF
    return voice[len(head) :] if voice.startswith(head) else ""


def reported_key(side: str) -> str:
    """Figure 7's voice key of ``side``'s reported speech (:data:`REPORTED` with no side).

    Example:
        >>> reported_key("vell"), reported_key("")
        ('reported speech of vell', 'reported speech')
    """
    return REPORTED + REPORTED_OF + side if side else REPORTED


def voice_order(voices: Iterable[str], labels: Mapping[str, str] | None = None) -> list[str]:
    """Voices in legend order: actors, other speakers, reported speech, narration.

    Configured actors come in the actors file's order (the order of their styles,
    :func:`actor_styles`), other speakers by the name shown; each side's reported speech
    (:func:`reported_key`) in the order of its side, then reported speech of no side.

    Example:
        >>> voice_order(["narration", "Hedda Lunn", "vell", "orr"], {"vell": "V", "orr": "O"})
        ['vell', 'orr', 'Hedda Lunn', 'narration']
    """
    names = labels or {}
    rank = {a: i for i, a in enumerate(names)}

    def key(v: str) -> tuple[Any, ...]:
        who = reported_side(v) or v
        return (
            bool(reported_side(v)) or v in ("narration", REPORTED),
            v in ("narration", REPORTED),
            v == "narration",
            who not in rank,
            rank.get(who, 0),
            speaker_label(who, names).casefold(),
            v,
        )

    return sorted(set(voices), key=key)


def _voice_label(voice: str, labels: Mapping[str, str] | None = None) -> str:
    """Legend label of a word-choice voice."""
    if voice == "narration":
        return "narration (journalist)"
    if voice == REPORTED:
        return "reported speech (a speaker paraphrased)"
    if reported_side(voice):
        return f"reported speech of {speaker_label(reported_side(voice), labels)}"
    return speaker_label(voice, labels)


def _figure_cues(evidence: Iterable[str]) -> str:
    """:func:`merge_evidence` as it fits beside a bar (about 36 characters)."""
    text = merge_evidence(evidence, limit=MAX_CUES, width=24)
    return text if len(text) <= 40 else short_label(text, 40)


#: Mark of a cue that occurs only negated (as the report marks it: ``report.mark_negated``),
#: and the mark where room is short.
NEGATED, NEGATED_SHORT = " (negated)", " (neg.)"


def _cue_versions(evidence: Iterable[str]) -> list[str]:
    """Figure 5's cue text beside a bar, longest first, for the room its panel leaves.

    Fewer cues, then the first cue cut short, then only the number of cues; each says how
    many cues it leaves out. A cue marked "(negated)" keeps a mark, "(neg.)" when short.

    Example:
        >>> _cue_versions(["compulsory licence; gouging; profiteering"])
        ['compulsory licence; +2 more', 'compulsory…; +2 more', 'compuls…; +2 more', '+3 cues']
    """
    evidence = list(evidence)
    cues = merge_evidence(evidence, limit=10**6).split("; ")
    n = len(cues)
    versions = [_figure_cues(evidence)]
    versions += [merge_evidence(evidence, limit=MAX_CUES, width=w) for w in (16, 8, 0)]
    base = cues[0].removesuffix(NEGATED)  # a cut cue keeps its mark (:data:`NEGATED_SHORT`)
    mark = NEGATED_SHORT if base != cues[0] else ""
    if n > 1 or len(base) > 12:
        more = f"; +{n - 1} more" if n > 1 else ""
        versions += [short_label(base, k) + mark + more for k in (12, 8) if len(base) > k]
    versions.append(f"+{n} cue{'s' * (n != 1)}")
    # a negated cue's mark shortened before the cues are: "gouging (neg.)"
    out = [w for v in versions for w in (v, v.replace(NEGATED, NEGATED_SHORT))]
    return list(dict.fromkeys(out))


#: Pairs of sides Figure 5 (:func:`plot_readout_divergence`) draws at most, one row each.
MAX_PAIRS = 3


def divergence_pairs(divergence: pd.DataFrame) -> list[tuple[str, str]]:
    """The pairs of sides of a divergence table, most rows first (ties by name).

    Each pair is ``(a, b)`` with ``a < b``, whichever side its rows list first.

    Example:
        >>> df = pd.DataFrame({"side": ["x", "y", "z", "x", "x"],
        ...                    "other_side": ["y", "x", "x", "z", "y"]})
        >>> divergence_pairs(df)
        [('x', 'y'), ('x', 'z')]
    """
    if divergence.empty:
        return []
    sides = zip(divergence["side"].astype(str), divergence["other_side"].astype(str), strict=True)
    counts: dict[tuple[str, str], int] = {}
    for a, b in sides:
        key = (a, b) if a < b else (b, a)
        counts[key] = counts.get(key, 0) + 1
    return sorted(counts, key=lambda p: (-counts[p], p))


#: Pairs of sides named at most in the note of pairs Figure 5 leaves out (the rest counted).
MAX_PAIRS_NAMED = 6


def pairs_left_out(
    pairs: Sequence[tuple[str, str]],
    n_shown: int,
    labels: Mapping[str, str] | None = None,
    most: int = MAX_PAIRS_NAMED,
) -> tuple[list[str], int]:
    """The pairs of sides Figure 5 does not draw, by name: the first ``most``, and how many more.

    ``pairs`` come in the figure's order (:func:`divergence_pairs`, most rows first); the first
    ``n_shown`` are drawn. Each pair left out is shown as "A – B" with the speakers' labels
    (:func:`speaker_label`), so that a reader with several actors sees which comparisons the
    figure leaves to the tables.

    Args:
        pairs: Every pair of sides, in the figure's order.
        n_shown: The pairs drawn (the first ones).
        labels: Actor id → configured name.
        most: Pairs named at most.

    Returns:
        ``(named, n_more)``: the labels of the pairs left out (at most ``most``) and the number
        of the others.

    Example:
        >>> pairs = [("a", "b"), ("a", "c"), ("b", "c"), ("c", "d")]
        >>> pairs_left_out(pairs, 2, {"a": "Ana Rim", "c": "Cy Tor"})
        (['b – Cy Tor', 'Cy Tor – d'], 0)
        >>> pairs_left_out(pairs, 1, most=1)
        (['a – c'], 2)
    """
    rest = list(pairs)[max(n_shown, 0) :]
    named = [f"{speaker_label(a, labels)} – {speaker_label(b, labels)}" for a, b in rest[:most]]
    return named, max(len(rest) - most, 0)


def pairs_left_out_note(
    pairs: Sequence[tuple[str, str]],
    n_shown: int,
    labels: Mapping[str, str] | None = None,
    most: int = MAX_PAIRS_NAMED,
) -> str:
    """Figure 5's note on the pairs of sides it does not draw ("" when it draws them all).

    Example:
        >>> pairs_left_out_note([("a", "b"), ("a", "c"), ("b", "c")], 2)
        'Not shown: 1 further pair of sides, b – c (the 2 pairs with most rows are drawn).'
        >>> pairs_left_out_note([("a", "b")], 3)
        ''
    """
    named, n_more = pairs_left_out(pairs, n_shown, labels, most)
    if not named:
        return ""
    n = len(named) + n_more
    listed = "; ".join(named) + (f"; {n_more} more" if n_more else "")
    word = "pair" if n == 1 else "pairs"
    drawn = "pair with most rows is" if n_shown == 1 else f"{n_shown} pairs with most rows are"
    return f"Not shown: {n} further {word} of sides, {listed} (the {drawn} drawn)."


def mark_negated_cues(
    divergence: pd.DataFrame,
    statements: pd.DataFrame | None = None,
    frames: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Add ``cues``: each frame row's evidence with its negated-only cues marked "(negated)".

    A cue is marked when every label of that frame, side and cue in the articles of the item
    (over all articles of the same side, other side and item, as Figure 5 adds them up) is
    negated (rule ``negated:…``): the report's rule (``report.side_cues``, ``mark_negated``).
    Without ``statements`` and ``frames`` (or for topics) ``cues`` is the evidence as it is.

    Args:
        divergence: ``article_id, side, other_side, kind, codebook, item, evidence`` rows.
        statements: The statements table, or None.
        frames: The frames table (``statement_id, codebook, frame, cue, rule``), or None.

    Example:
        >>> div = pd.DataFrame({"article_id": ["a"], "side": ["x"], "other_side": ["y"],
        ...     "kind": ["frame"], "codebook": ["w"], "item": ["harm"],
        ...     "evidence": ["casualties; shelling"]})
        >>> st = pd.DataFrame({"statement_id": ["1"], "article_id": ["a"], "speaker": ["x"],
        ...     "speaker_type": ["actor"], "source_actor": [""]})
        >>> fr = pd.DataFrame({"statement_id": ["1", "1"], "codebook": ["w", "w"],
        ...     "frame": ["harm", "harm"], "cue": ["casualties", "shelling"],
        ...     "rule": ["negated:cue:casualt", "cue:shell"]})
        >>> mark_negated_cues(div, st, fr)["cues"].tolist()
        ['casualties (negated); shelling']
    """
    out = divergence.assign(cues=divergence["evidence"] if "evidence" in divergence else "")
    if statements is None or frames is None or statements.empty or frames.empty:
        return out
    if "rule" not in frames.columns or out.empty:
        return out
    from mediaframes import report

    cues_of = report.side_cues(statements, frames)
    is_frame = out["kind"] == "frame"
    for (side, _other, item), g in out[is_frame].groupby(["side", "other_side", "item"]):
        labels = [
            c
            for a, cb in zip(g["article_id"], g["codebook"], strict=True)
            for c in cues_of.get((str(a), str(side), str(cb), str(item)), [])
        ]
        negated = {c for c, _ in labels} - {c for c, neg in labels if not neg}
        if negated:
            out.loc[g.index, "cues"] = [report.mark_negated(e, negated) for e in g["evidence"]]
    return out


def divergence_labels(items: pd.DataFrame) -> list[str]:
    """The labels of Figure 5's bars: a frame as its id, a topic word in quotation marks.

    A frame and a topic word can be written alike (the frame ``humanitarian`` and the word
    "humanitarian" of a side's statements); the marks tell them apart without the colour, in
    grey print too.

    Args:
        items: Rows with ``kind`` ("frame" or "topic") and ``item``.

    Example:
        >>> rows = pd.DataFrame({"kind": ["frame", "topic"], "item": ["humanitarian"] * 2})
        >>> divergence_labels(rows)
        ['humanitarian', '“humanitarian”']
    """
    return [
        f"\u201c{item}\u201d" if kind == "topic" else str(item)
        for kind, item in zip(items["kind"], items["item"], strict=True)
    ]


def plot_readout_divergence(
    divergence: pd.DataFrame,
    out_dir: str | Path,
    *,
    max_topics: int = 8,
    max_pairs: int = MAX_PAIRS,
    labels: Mapping[str, str] | None = None,
    statements: pd.DataFrame | None = None,
    frames: pd.DataFrame | None = None,
    name: str = "readout_divergence",
) -> FigurePaths:
    """What one side's statements contain and another side's lack (frames, then topics).

    One row of two panels per pair of sides (small multiples), for the ``max_pairs`` pairs with
    most rows (:func:`divergence_pairs`); a note counts the pairs not drawn. The comparison is
    made within each article where both sides speak; a bar adds up, over those articles, the
    side's statements holding the item (the figure says so: an item can be drawn for both
    sides, from different articles), on one scale in every panel. Frames are drawn first with
    their cues as written (the distinct cues over all the articles counted, most frequent
    first: :func:`merge_evidence`); given ``statements`` and ``frames``, a cue that occurs only
    negated there is marked "(negated)", as in the report (``report.side_cues``). The legend
    lists only the kinds drawn.

    Args:
        divergence: ``article_id, side, other_side, kind, codebook, item, n_side, evidence``
            rows (``compare.readout_divergence``).
        out_dir: Figures folder.
        max_topics: Topics shown per side (most statements first).
        max_pairs: Pairs of sides drawn at most (at least 1).
        labels: Actor id → configured name: speakers are shown by name
            (:func:`speaker_label`).
        statements: The statements table, to find negated cues (with ``frames``); None: no
            cue is marked.
        frames: The frames table (``statement_id, codebook, frame, cue, rule``), or None.
        name: File stem.

    Returns:
        ``[svg_path, png_path]``.

    Raises:
        ValueError: When ``max_pairs`` is below 1.

    Example:
        >>> import tempfile
        >>> df = pd.DataFrame({"article_id": ["a"], "side": ["x"], "other_side": ["y"],
        ...     "kind": ["frame"], "item": ["f"], "n_side": [2], "evidence": ["cue"]})
        >>> plot_readout_divergence(df, tempfile.mkdtemp())[0].name
        'readout_divergence.svg'
    """
    if max_pairs < 1:
        raise ValueError(f"max_pairs must be 1 or more, not {max_pairs}")
    cols = ["article_id", "side", "other_side", "kind", "codebook", "item", "evidence"]
    df = _numbers(_strings(divergence, cols), ["n_side"])
    df = mark_negated_cues(df, statements, frames)
    pairs = divergence_pairs(df)
    shown = pairs[:max_pairs]

    def panel(side: str, other: str) -> tuple[str, str, pd.DataFrame, pd.DataFrame, int]:
        sub = df[(df["side"] == side) & (df["other_side"] == other)]
        agg = (
            sub.groupby(["kind", "item"], sort=True)
            .agg(n=("n_side", "sum"), evidence=("evidence", tuple), cues=("cues", tuple))
            .reset_index()
        )
        frames = agg[agg["kind"] == "frame"].sort_values(["n", "item"], ascending=[False, True])
        topics = agg[agg["kind"] != "frame"].sort_values(["n", "item"], ascending=[False, True])
        # a word already shown as one of the panel's frame cues is not listed again as a topic
        frame_rows = sub[sub["kind"] == "frame"]
        cues = {
            c.strip().lower().removesuffix(NEGATED).strip()
            for e in frame_rows["evidence"]
            for c in e.split(";")
        }
        topics = topics[~topics["item"].str.lower().isin(cues)]
        return side, other, frames, topics.head(max_topics), len(topics)

    def draw() -> Figure:
        n_art = len(set(df["article_id"]))
        notes = [thin_articles_note(n_art) if len(df) else ""]
        if len(pairs) > len(shown):
            notes.append(pairs_left_out_note(pairs, len(shown), labels))
        if not shown:
            fig = _new_figure(2.4, notes=notes)
            ax = fig.add_subplot()
            ax.set_title("Divergence between sides")
            _empty(ax, "No divergence: no article has statements from two sides.")
            return fig
        rows_of = [[panel(*p), panel(*p[::-1])] for p in shown]
        heights = [max(1, max(len(f) + len(t) for _, _, f, t, _ in row)) for row in rows_of]
        hidden = [
            f"{speaker_label(s, labels)} (not {speaker_label(o, labels)}): {n - len(t)}"
            for row in rows_of
            for s, o, _, t, n in row
            if n > len(t)
        ]
        notes.append(
            "Bars: statements of one side holding the item, added up over the articles in "
            "which both sides speak; an item counts in an article only where the other side's "
            "statements in that article lack it, so it can be drawn for both sides (from "
            "different articles)."
        )
        drawn_kinds = {
            "frame" if k == "frame" else "topic"
            for row in rows_of
            for _, _, f, t, _ in row
            for k in pd.concat([f["kind"], t["kind"]])
        }
        if any(
            NEGATED in c for row in rows_of for _, _, f, _, _ in row for e in f["cues"] for c in e
        ):
            notes.append(
                f'A cue marked{NEGATED} or{NEGATED_SHORT} occurs only negated ("no sanctions").'
            )
        if hidden:
            notes.append(
                f"Topics (content words) shown: the {max_topics} most frequent per side and "
                f"pair; not shown: {', '.join(hidden)}."
            )
        fig = _new_figure(max(2.4, 0.24 * sum(heights) + 0.75 * len(heights) + 0.9), notes=notes)
        fig.suptitle(
            "Divergence between sides: in one side's statements, not another's",
            x=0.01,
            ha="left",
        )
        # a first, thin row holds the legend: above the panels, never over a bar
        grid = fig.add_gridspec(1 + len(shown), 2, height_ratios=[0.6, *heights])
        key = fig.add_subplot(grid[0, :])
        key.set_axis_off()
        axes = [[fig.add_subplot(grid[1 + i, j]) for j in range(2)] for i in range(len(shown))]
        xmax = max(
            [1.0]
            + [
                float(x["n"].max())
                for row in rows_of
                for _, _, f, t, _ in row
                for x in (f, t)
                if len(x)
            ]
        )
        for ax_row, row, height in zip(axes, rows_of, heights, strict=True):
            for ax, (side, other, frames, topics, _) in zip(ax_row, row, strict=True):
                a, b = speaker_label(side, labels), speaker_label(other, labels)
                # (a title wider than its panel is wrapped when the figure is saved)
                ax.set_title(f"{a}, not {b}", fontsize=9, fontweight="normal")
                items = pd.concat([frames, topics])
                if items.empty:
                    _empty(ax, "Nothing that the other side lacks.")
                    continue
                # top-aligned, one bar height in every panel of the row
                y = np.arange(height - len(items), height)[::-1]
                colors = [PALETTE[0] if k == "frame" else PALETTE[1] for k in items["kind"]]
                ax.barh(y, items["n"].to_numpy(), color=colors, height=0.65)
                ax.set_yticks(y, short_labels(divergence_labels(items), LABEL_WIDTH))
                for yi, (_, r) in zip(y, items.iterrows(), strict=True):
                    if r["kind"] == "frame":
                        versions = _cue_versions(r["cues"])
                        cue = ax.text(
                            r["n"] + xmax * 0.02,
                            yi,
                            versions[0],
                            va="center",
                            fontsize=8,
                            color="#333333",
                        )
                        # the cues never narrow the panel: they are shortened to fit it on saving
                        cue.set_in_layout(False)
                        _SHORTER[cue] = versions
                ax.set_xlim(0, xmax * 2.1)
                ax.set_ylim(-0.6, height - 0.4)
                ax.xaxis.get_major_locator().set_params(integer=True)
                ax.set_xlabel("statements, summed")  # (over articles: the note)
                ax.grid(axis="y", visible=False)
        handles = [
            matplotlib.patches.Patch(color=PALETTE[0], label="frame (cues as written)"),
            matplotlib.patches.Patch(color=PALETTE[1], label="topic word"),
        ]
        handles = [h for h, k in zip(handles, ("frame", "topic"), strict=True) if k in drawn_kinds]
        if handles:
            key.legend(handles=handles, loc="center", ncols=len(handles), frameon=False)
        return fig

    return _draw(name, out_dir, draw)


def plot_headline_vs_body(
    headline_vs_body: pd.DataFrame,
    out_dir: str | Path,
    *,
    labels: Mapping[str, str] | None = None,
    name: str = "headline_vs_body",
) -> FigurePaths:
    """Which speakers and frames lead the headline, the standfirst and the body.

    With one article each cell gives the item's rank in the section (#1 leads) and its count;
    with several, how many articles the item leads that section in.

    Args:
        headline_vs_body: ``article_id, section, kind, rank, item, count`` rows
            (``compare.headline_vs_body``).
        out_dir: Figures folder.
        labels: Actor id → configured name: speakers are shown by name
            (:func:`speaker_label`).
        name: File stem.

    Returns:
        ``[svg_path, png_path]``.

    Example:
        >>> import tempfile
        >>> df = pd.DataFrame({"article_id": ["a"], "section": ["headline"], "kind": ["speaker"],
        ...     "rank": [1], "item": ["x"], "count": [1]})
        >>> plot_headline_vs_body(df, tempfile.mkdtemp())[0].name
        'headline_vs_body.svg'
    """
    df = _numbers(
        _strings(headline_vs_body, ["article_id", "section", "kind", "item"]), ["rank", "count"]
    )
    sections = [s for s in ("headline", "standfirst", "body") if s in set(df["section"])]
    sections += sorted(set(df["section"]) - set(sections))
    n_art = len(set(df["article_id"]))

    def draw() -> Figure:
        kinds = [("speaker", "speakers (by first statement)"), ("frame", "frames (by statements)")]
        # with several articles, an item that leads no section anywhere (a row of zeros) is left
        # out; with one, each cell gives the item's rank, so every item is shown
        shown = {k: leading_items(df, k, all_items=n_art == 1) for k, _ in kinds}
        sizes = [len(shown[k]) for k, _ in kinds]
        notes = [
            "Cells: #rank of the item in the section (count); bright cells lead the section."
            if n_art == 1
            else "Cells: articles in which the item leads the section.",
            thin_articles_note(n_art) if len(df) else "",
        ]
        for k, _ in kinds:
            n_hidden = len(set(df.loc[df["kind"] == k, "item"])) - len(shown[k])
            if n_hidden:
                verb = "s that lead" if n_hidden != 1 else " that leads"
                notes.append(f"Not shown: {n_hidden} {k}{verb} no section in any article.")
        fig = _new_figure(max(2.4, 0.3 * max(sizes + [1]) + 1.6), notes=notes)
        fig.suptitle("What leads: headline and standfirst vs body", x=0.01, ha="left")
        axes = fig.subplots(1, 2)  # alike: each has a column per section
        for ax, (kind, title) in zip(axes, kinds, strict=True):
            ax.set_title(title, fontsize=9, fontweight="normal")
            sub = df[df["kind"] == kind]
            if sub.empty:
                _empty(ax, f"No {kind}s in any section.")
                continue
            leads = sub[sub["rank"] == 1].groupby(["item", "section"]).size()
            first = sub.groupby("item")["rank"].min()
            items = sorted(
                set(sub["item"]),
                key=lambda i: (
                    -leads.xs(i, level="item").sum() if i in leads.index.get_level_values(0) else 0,
                    first[i],
                    i,
                ),
            )
            items = [i for i in items if i in shown[kind]]
            grid = np.zeros((len(items), len(sections)))
            for i, item in enumerate(items):
                for j, sec in enumerate(sections):
                    grid[i, j] = leads.get((item, sec), 0) / max(n_art, 1)
            ax.imshow(grid, cmap="cividis", vmin=0, vmax=1, aspect="auto")
            for i, item in enumerate(items):
                for j, sec in enumerate(sections):
                    cell = sub[(sub["item"] == item) & (sub["section"] == sec)]
                    if n_art == 1 and cell.empty:
                        text = "–"
                    elif n_art == 1:
                        text = f"#{int(cell['rank'].iloc[0])} ({int(cell['count'].iloc[0])})"
                    else:
                        text = f"{int(leads.get((item, sec), 0))}/{n_art}"
                    ax.text(
                        j,
                        i,
                        text,
                        ha="center",
                        va="center",
                        fontsize=8,
                        color="white" if grid[i, j] < 0.55 else "black",
                    )
            ax.set_xticks(range(len(sections)), sections)
            shown_items = [speaker_label(i, labels) if kind == "speaker" else i for i in items]
            ax.set_yticks(range(len(items)), fit_labels(shown_items, LABEL_WIDTH, lines=2))
            ax.grid(False)
            ax.spines[:].set_visible(False)
            ax.tick_params(length=0)
        return fig

    return _draw(name, out_dir, draw)


def leading_items(df: pd.DataFrame, kind: str, all_items: bool = False) -> set[str]:
    """Items of ``kind`` in a headline-vs-body table that lead (rank 1) some section somewhere.

    Example:
        >>> t = pd.DataFrame({"kind": ["speaker"] * 2, "item": ["a", "b"], "rank": [1, 2]})
        >>> sorted(leading_items(t, "speaker")), sorted(leading_items(t, "speaker", True))
        (['a'], ['a', 'b'])
    """
    sub = df[df["kind"] == kind]
    if all_items:
        return set(sub["item"])
    return set(sub.loc[pd.to_numeric(sub["rank"], errors="coerce") == 1, "item"])


def quoted_words_notes(
    scare_quotes: pd.DataFrame, names: Mapping[str, str] | None = None, limit: int = 8
) -> list[str]:
    """Figure 7's notes on short quoted words: scare quotes apart from partial quotations.

    A short quoted phrase in the journalist's narration is a scare quote; one inside a speaker's
    statement is the speaker's own words (``compare.is_scare_quote``). Each list shows at most
    ``limit`` phrases, then how many more the table holds.

    Example:
        >>> sq = pd.DataFrame({"text": ["liberation", "unfair"], "voice": ["narration", "x"]})
        >>> for note in quoted_words_notes(sq, {"x": "Ana Vell"}):
        ...     print(note)
        Scare quotes (short quoted words in the narration): ‘liberation’.
        Partial quotations (a speaker’s own words quoted inside a statement): ‘unfair’ (Ana Vell).
    """
    from mediaframes import compare

    uniq = sorted(set(zip(scare_quotes["text"], scare_quotes["voice"], strict=True)))
    scare = [t for t, v in uniq if compare.is_scare_quote(v)]
    partial = [(t, v) for t, v in uniq if not compare.is_scare_quote(v)]

    def more(n: int) -> list[str]:  # the ones left out are counted, not dropped silently
        return [f"+{n - limit} more (tables/scare_quotes.csv)"] if n > limit else []

    notes = [
        "Scare quotes (short quoted words in the narration): "
        + (
            "; ".join([f"‘{t}’" for t in scare[:limit]] + more(len(scare)))
            if scare
            else "none found"
        )
        + "."
    ]
    if partial:
        shown = [f"‘{t}’ ({speaker_label(v, names)})" for t, v in partial[:limit]]
        notes.append(
            "Partial quotations (a speaker’s own words quoted inside a statement): "
            + "; ".join(shown + more(len(partial)))
            + "."
        )
    return notes


def _reported_apart(df: pd.DataFrame) -> pd.DataFrame:
    """Key rows of ``mode`` reported (a speaker's claim in the journalist's words) as REPORTED.

    Where the table gives the ``side`` whose account the words are (``loaded_terms.csv``),
    each side's are keyed apart (:func:`reported_key`), as the report's table of contested
    terms lists them.
    """
    if "mode" not in df.columns:
        return df
    side = df["side"] if "side" in df.columns else pd.Series("", index=df.index)
    keys = side.astype(object).where(side.notna(), "").astype(str).map(reported_key)
    return df.assign(voice=df["voice"].where(df["mode"].astype(str) != "reported", keys))


def plot_word_choice(
    word_choice: pd.DataFrame,
    out_dir: str | Path,
    *,
    loaded_terms: pd.DataFrame | None = None,
    scare_quotes: pd.DataFrame | None = None,
    max_anchors: int = 4,
    max_terms: int = 4,
    labels: Mapping[str, str] | None = None,
    name: str = "word_choice",
    n_articles: int | None = None,
) -> FigurePaths:
    """Word choice: the words each voice uses near one referent, contested terms, scare quotes.

    One panel per referent (anchor) that at least two voices talk about, showing each voice's
    distinctive words (no other voice uses them near that anchor). When ``loaded_terms`` is
    given, a last panel counts the contested terms by voice. In both, words in a speaker's
    paraphrased (indirect) speech (``mode = reported``) are keyed apart as :data:`REPORTED`,
    not as the journalist's narration, and in the contested-terms panel each side's apart
    ("reported speech of Ana Vell", grey hatched in the side's colour) when ``loaded_terms``
    gives the ``side``; scare-quoted words are listed in a note.

    Args:
        word_choice: ``anchor, voice, term, count, distinctive`` rows and, optionally, ``mode``
            (``compare.word_choice``).
        out_dir: Figures folder.
        loaded_terms: ``voice, mode, pair, variant, term`` rows and, optionally, ``side``
            (``compare.loaded_term_uses``), or None.
        scare_quotes: ``voice, text`` rows (``compare.scare_quotes``), or None.
        max_anchors: Referents shown at most.
        max_terms: Distinctive words shown per voice and referent.
        labels: Actor id → configured name: speakers are shown by name
            (:func:`speaker_label`).
        name: File stem.
        n_articles: Articles in the corpus (default: distinct ids in ``loaded_terms``); with
            one, the figure says it describes that article only (:func:`thin_articles_note`).

    Returns:
        ``[svg_path, png_path]``.

    Example:
        >>> import tempfile
        >>> df = pd.DataFrame({"anchor": ["A", "A"], "voice": ["x", "y"], "term": ["u", "v"],
        ...     "count": [1, 2], "distinctive": [True, True]})
        >>> plot_word_choice(df, tempfile.mkdtemp())[0].name
        'word_choice.svg'
    """
    df = _numbers(_strings(word_choice, ["anchor", "voice", "term", "distinctive"]), ["count"])
    df = _reported_apart(df)
    df = df[df["distinctive"].str.lower().isin(["true", "1"])]
    voices_per = df.groupby("anchor")["voice"].nunique() if len(df) else pd.Series(dtype=int)
    multi = voices_per[voices_per >= 2]
    totals = df.groupby("anchor")["count"].sum()
    anchors = sorted(multi.index, key=lambda a: (-multi[a], -totals[a], a))[:max_anchors]
    lt = (
        _strings(loaded_terms, ["voice", "mode", "pair", "variant", "term"])
        if loaded_terms is not None
        else None
    )
    if lt is not None:
        lt = _reported_apart(lt)
    sq = _strings(scare_quotes, ["voice", "text"]) if scare_quotes is not None else None
    n_art = _n_articles(loaded_terms) if n_articles is None else n_articles
    drawn_any = len(anchors) > 0 or (lt is not None and len(lt) > 0)

    def draw() -> Figure:
        notes = [thin_articles_note(n_art) if drawn_any and n_art > 0 else ""]
        if len(multi) > len(anchors):
            notes.append(f"Not shown: {len(multi) - len(anchors)} further referents.")
        if sq is not None:
            notes += quoted_words_notes(sq, labels)
        reported = df["voice"].str.startswith(REPORTED).any()
        if reported or (lt is not None and lt["voice"].str.startswith(REPORTED).any()):
            notes.append(
                "Reported speech: a speaker's claim paraphrased by the journalist (mode "
                "'reported' in word_choice and loaded_terms), kept apart from the journalist's "
                "own narration."
            )
        n_panels = len(anchors) + (1 if lt is not None else 0)
        voices = set(df["voice"]) | (set(lt["voice"]) if lt is not None else set())
        styles = voice_styles(voices, labels)
        # the legend lists the voices drawn, in a row of its own under the panels (a figure
        # legend ran into the notes; a panel's cell was too small for many voices)
        drawn = set(df.loc[df["anchor"].isin(anchors), "voice"])
        drawn |= set(lt["voice"]) if lt is not None else set()
        keyed = voice_order(drawn, labels)
        names = short_labels([_voice_label(v, labels) for v in keyed], 40)
        per_line = max(1, min(3, _NOTE_WIDTH // (max(map(len, names), default=1) + 8)))
        key_h = 0.35 + 0.2 * -(-len(keyed) // per_line) if keyed and n_panels else 0.0
        ncols = min(2, max(1, n_panels))
        nrows = max(1, -(-n_panels // ncols))
        # bars per panel; a row of panels is as tall as its longest panel
        bars = [
            int(
                df[df["anchor"] == a].groupby("voice")["term"].nunique().clip(upper=max_terms).sum()
            )
            for a in anchors
        ]
        bars += [len(set(zip(lt["term"], lt["variant"], strict=True)))] if lt is not None else []
        rows = [max(bars[r * ncols : (r + 1) * ncols], default=0) for r in range(nrows)]
        heights = [max(2.2, 0.2 * b + 1.1) for b in rows]
        # a figure over MAX_HEIGHT is cut to it: the panels give up the height, not the legend
        scale = min(1.0, max(0.3, MAX_HEIGHT - key_h - 0.6) / sum(heights))
        heights = [h * scale for h in heights]
        fig = _new_figure(max(2.4, sum(heights) + key_h + 0.6), notes=notes)
        fig.suptitle("Word choice: how each voice words the same referent", x=0.01, ha="left")
        grid = fig.add_gridspec(
            nrows + (1 if key_h else 0),
            ncols,
            height_ratios=[*heights] + ([key_h] if key_h else []),
        )
        axes = [fig.add_subplot(grid[r, c]) for r in range(nrows) for c in range(ncols)]
        for ax in axes[n_panels:]:
            ax.set_axis_off()
        if n_panels == 0:
            _empty(axes[0], "No referent is talked about by two voices.")
            return fig
        for ax, anchor in zip(axes, anchors, strict=False):
            sub = df[df["anchor"] == anchor]
            parts = []
            for voice in voice_order(sub["voice"], labels):
                top = sub[sub["voice"] == voice].sort_values(
                    ["count", "term"], ascending=[False, True]
                )
                parts.append(top.head(max_terms))
            items = pd.concat(parts)
            y = np.arange(len(items))[::-1]
            for yi, (count, voice) in zip(
                y, zip(items["count"], items["voice"], strict=True), strict=True
            ):
                ax.barh(
                    yi, count, height=0.65, edgecolor="white", linewidth=0.5, **styles[voice].bar()
                )
            ax.set_yticks(y, short_labels(items["term"], 20))
            ax.set_title(f"near “{short_label(anchor, 40)}”", fontsize=9, fontweight="normal")
            ax.xaxis.get_major_locator().set_params(integer=True)
            ax.set_xlim(0, max(1.0, float(items["count"].max())) * 1.15)
            ax.set_xlabel("uses near the referent", fontsize=8)
            ax.grid(axis="y", visible=False)
        if lt is not None:
            ax = axes[len(anchors)]
            ax.set_title("contested terms", fontsize=9, fontweight="normal")
            if lt.empty:
                _empty(ax, "No contested terms found.")
            else:
                lt2 = lt.assign(label=lt["term"] + " (" + lt["variant"] + ")")
                table = pd.crosstab(lt2["label"], lt2["voice"])
                order = sorted(table.index, key=lambda r: (-table.loc[r].sum(), r))
                table = table.reindex(order)
                y = np.arange(len(table))[::-1]
                left = np.zeros(len(table))
                for v in voice_order(table.columns, labels):
                    vals = table[v].to_numpy(dtype=float)
                    ax.barh(
                        y,
                        vals,
                        left=left,
                        height=0.65,
                        edgecolor="white",
                        linewidth=0.5,
                        **styles[v].bar(),
                    )
                    left += vals
                ax.set_yticks(y, short_labels(table.index, 40))
                ax.set_xlabel("uses", fontsize=8)
                ax.xaxis.get_major_locator().set_params(integer=True)
                ax.grid(axis="y", visible=False)
        handles = [
            matplotlib.patches.Patch(
                **styles[v].bar(), edgecolor="white", linewidth=0.5, label=name
            )
            for v, name in zip(keyed, names, strict=True)
        ]
        if key_h:  # (no key: no voice at all, a corpus with no statement)
            key = fig.add_subplot(grid[nrows, :])
            key.set_axis_off()
            legend = key.legend(
                handles=handles,
                loc="upper left",
                bbox_to_anchor=(0.005, 1.0),
                bbox_transform=matplotlib.transforms.blended_transform_factory(
                    fig.transFigure, key.transAxes
                ),
                title="voice",
                alignment="left",
                ncols=per_line,
            )
            legend.set_in_layout(False)  # from the figure's left edge, not the panels' edge
        return fig

    return _draw(name, out_dir, draw)


#: Figure stems written by :func:`write_all_figures`, in report order.
FIGURES: tuple[str, ...] = (
    "corpus_overview",
    "statements_per_actor",
    "sentiment_by_actor",
    "frame_shares_by_actor",
    "readout_divergence",
    "headline_vs_body",
    "word_choice",
)


def _read(folder: Path, name: str) -> pd.DataFrame | None:
    """Read ``name`` from ``folder`` (Parquet preferred, then CSV); None when absent."""
    for sub in (folder, folder / "compare"):
        for suffix in (".parquet", ".csv"):
            p = sub / f"{name}{suffix}"
            if p.is_file():
                if suffix == ".parquet":
                    return pd.read_parquet(p)
                return pd.read_csv(
                    p,
                    keep_default_na=False,
                    na_values=[""],
                    dtype={"statement_id": str, "article_id": str, "speaker": str},
                )
    return None


def write_all_figures(
    tables_dir: str | Path,
    out_dir: str | Path,
    *,
    only_missing: bool = False,
    labels: Mapping[str, str] | None = None,
) -> dict[str, FigurePaths]:
    """Draw every figure from a tables folder; a missing table gives a figure saying so.

    Reads ``articles, statements, sentiment_by_actor, tone_by_actor, frames, frames_by_actor,
    readout_divergence, headline_vs_body, word_choice, loaded_terms, scare_quotes`` (Parquet or
    CSV, in ``tables_dir`` or its ``compare/`` subfolder).

    Args:
        tables_dir: Folder of pipeline tables (e.g. ``reports/tables``).
        out_dir: Figures folder (e.g. ``reports/figures``).
        only_missing: Draw only the figures whose SVG or PNG is not in ``out_dir`` yet.
        labels: Actor id → configured name, to show speakers by name (:func:`speaker_label`).

    Returns:
        ``{figure stem: [svg_path, png_path]}`` in :data:`FIGURES` order.

    Example:
        >>> import tempfile
        >>> sorted(write_all_figures(tempfile.mkdtemp(), tempfile.mkdtemp())) == sorted(FIGURES)
        True
    """
    t, out_path = Path(tables_dir), Path(out_dir)
    cache: dict[str, pd.DataFrame | None] = {}

    def get(name: str, empty: bool = True) -> pd.DataFrame | None:
        if name not in cache:
            cache[name] = _read(t, name)
        df = cache[name]
        return pd.DataFrame() if df is None and empty else df

    def codebook_order() -> dict[str, list[str]] | None:
        book = get("codebook")
        if not {"codebook", "frame"} <= set(book.columns):
            return None
        book = _strings(book, ["codebook", "frame"])
        return {b: list(dict.fromkeys(g["frame"])) for b, g in book.groupby("codebook", sort=False)}

    def n_articles() -> int | None:
        arts = get("articles")
        return len(set(arts["article_id"])) if "article_id" in arts.columns else None

    draw: dict[str, Callable[[], FigurePaths]] = {
        "corpus_overview": lambda: plot_corpus_overview(
            get("articles"), out_dir, statements=get("statements", False)
        ),
        "statements_per_actor": lambda: plot_statements_per_actor(
            get("statements"), out_dir, n_articles=n_articles(), labels=labels
        ),
        "sentiment_by_actor": lambda: plot_sentiment_by_actor(
            get("sentiment_by_actor"),
            out_dir,
            tone_by_actor=get("tone_by_actor", False),
            labels=labels,
        ),
        "frame_shares_by_actor": lambda: plot_frame_shares(
            get("frames_by_actor"), out_dir, labels=labels, frame_order=codebook_order()
        ),
        "readout_divergence": lambda: plot_readout_divergence(
            get("readout_divergence"),
            out_dir,
            labels=labels,
            statements=get("statements", False),
            frames=get("frames", False),
        ),
        "headline_vs_body": lambda: plot_headline_vs_body(
            get("headline_vs_body"), out_dir, labels=labels
        ),
        "word_choice": lambda: plot_word_choice(
            get("word_choice"),
            out_dir,
            loaded_terms=get("loaded_terms", False),
            scare_quotes=get("scare_quotes", False),
            labels=labels,
            n_articles=n_articles(),
        ),
    }
    result = {}
    for stem in FIGURES:
        existing = [out_path / f"{stem}.svg", out_path / f"{stem}.png"]
        if only_missing and all(p.is_file() for p in existing):
            result[stem] = existing
        else:
            result[stem] = draw[stem]()
    return result

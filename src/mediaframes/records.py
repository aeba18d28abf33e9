"""The records that flow between pipeline stages.

Every stage takes records (or a DataFrame built from them with :func:`to_frame`) and returns new
ones. Records are small frozen dataclasses; every span is ``(char_start, char_end)`` into
``Article.text``, the article's text exactly as read from its source file (see :class:`Article`).

Example:
    >>> s = Span(0, 5, "Hello")
    >>> s.length
    5
    >>> to_frame([s]).columns.tolist()
    ['start', 'end', 'text']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import MISSING, asdict, dataclass, field, fields, is_dataclass
from functools import cache
from itertools import repeat
from operator import attrgetter
from typing import Any, TypeVar

import pandas as pd


@dataclass(frozen=True)
class Span:
    """A piece of article text with its character offsets.

    Attributes:
        start: First character, an index into ``Article.text``.
        end: One past the last character; ``article.text[start:end] == text``.
        text: The characters themselves.
    """

    start: int
    end: int
    text: str

    @property
    def length(self) -> int:
        """Number of characters in the span."""
        return self.end - self.start


@dataclass(frozen=True)
class Article:
    """One ingested article.

    ``text`` is what every offset in the project indexes into:

    * plain-text files: the decoded file, byte-order mark removed (cp1252 files are decoded as
      cp1252; the warning says so);
    * HTML: the main text extracted by trafilatura;
    * JSONL / CSV records: the record's ``text`` field, with its ``title`` as the first line when
      the title is given.

    The ingest stage writes ``text`` to ``DIR/texts/<article_id>.txt`` so that offsets can be
    checked against a file on disk.

    Attributes:
        article_id: Safe file-name id (letters, digits, ``-``, ``_``, ``.``; never ``..``).
        source_path: Path of the source file relative to the corpus folder (POSIX), with
            ``#<n>`` appended for the n-th record of a JSONL/CSV file.
        fmt: Source format: ``txt``, ``html``, ``jsonl`` or ``csv``.
        text: The article text (see above).
        headline: Headline span, or None.
        standfirst: Standfirst (dek) span, or None.
        dateline: Dateline span (e.g. ``PARIS``), or None.
        body: Body paragraphs, in order, without dateline, captions or boilerplate.
        captions: Distinct photo captions with their credits (duplicates collapsed).
        boilerplate: Spans removed as page furniture ("Most Popular", "read more:").
        metadata: ``outlet, url, date, date_inferred, language, notes`` and any extra keys;
            unknown values are None.
        warnings: Human-readable notes from ingest (e.g. "decoded as cp1252").
    """

    article_id: str
    source_path: str
    fmt: str
    text: str
    headline: Span | None
    standfirst: Span | None
    dateline: Span | None
    body: tuple[Span, ...]
    captions: tuple[Span, ...] = ()
    boilerplate: tuple[Span, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a headline, standfirst or caption line) of an article.

    Attributes:
        article_id: The article.
        index: Position of the sentence in the article (0-based, in text order).
        section: ``headline``, ``standfirst`` or ``body`` (captions never become sentences).
        paragraph: Index of the paragraph within its section.
        start: Offset into ``Article.text``.
        end: Offset into ``Article.text``.
        text: ``Article.text[start:end]``.
    """

    article_id: str
    index: int
    section: str
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A mention of a configured actor.

    Attributes:
        article_id: The article.
        actor: Actor id from the actors file (e.g. ``macron``).
        kind: ``name`` (name or title alias), ``organization`` (office speaking for the actor),
            ``possessive`` ("Macron's office"), or ``pronoun``.
        start: Offset into ``Article.text``.
        end: Offset into ``Article.text``.
        text: The mention as written.
        sentence: Index of the sentence holding it.
        in_quote: True when the mention lies inside quotation marks (an actor's own words).
    """

    article_id: str
    actor: str
    kind: str
    start: int
    end: int
    text: str
    sentence: int
    in_quote: bool


@dataclass(frozen=True)
class Statement:
    """One statement: who said what, through whom.

    Narration (the journalist's own sentences) is also a Statement, with ``speaker == ""`` and
    ``quote_type == "narration"``, so that every sentence of the article is accounted for. A
    statement is a sentence, a run of sentences holding one quotation, or a clause of a
    sentence that holds two reports ("Dremin hails deal; Marrant calls it a trap").

    Attributes:
        article_id: The article.
        statement_id: ``<article_id>:<n>`` with n zero-padded, unique in the corpus.
        speaker: Actor id, another speaker's name as written, or "" for narration.
        speaker_type: ``actor``, ``joint`` (several actors: ``speaker`` is their ids, sorted,
            joined by ``+``), ``other``, ``narration``, or ``unknown`` (a quotation whose
            speaker the rules could not find).
        source: Who reports the statement as written ("the Elysee", "a Kremlin readout"), ""
            when the speaker speaks for themself.
        source_actor: Actor id the source speaks for, or "".
        addressee: Actor id (or name) the statement is addressed to, or "".
        quote_type: ``direct``, ``mixed``, ``indirect`` or ``narration``.
        reporting_verb: The reporting verb as written ("said", "called on", "according to").
        section: ``headline``, ``standfirst`` or ``body``.
        text: The sentence or sentences holding the statement.
        quote_text: The content attributed to the speaker (quoted words or reported clause);
            for a quote split by its attribution, the quoted parts joined by " … ".
        char_start: Start of ``text`` in ``Article.text``.
        char_end: End of ``text`` in ``Article.text``.
        quote_start: Start of ``quote_text`` in ``Article.text``.
        quote_end: End of ``quote_text`` in ``Article.text``.
        rule: Which extraction rule fired, and how the speaker was resolved.
        stance: ``rejects`` when the content (``quote_text``) is a claim the speaker rejects
            ("X rejected the mayor's claim that …", "X denied that …", "X rejects blame for
            …"), else "". Derived from the fields above by
            :func:`mediaframes.sentiment.statement_stance` (set by
            :func:`mediaframes.sentiment.with_stance`); such a statement is not scored for
            sentiment: its content is not the speaker's own view.
    """

    article_id: str
    statement_id: str
    speaker: str
    speaker_type: str
    source: str
    source_actor: str
    addressee: str
    quote_type: str
    reporting_verb: str
    section: str
    text: str
    quote_text: str
    char_start: int
    char_end: int
    quote_start: int
    quote_end: int
    rule: str
    stance: str = ""


@dataclass(frozen=True)
class SentimentScore:
    """One method's score of one statement (or of one narration sentence toward an actor).

    Attributes:
        statement_id: The statement scored.
        method: Method name (``vader``, ``textblob``, ``afinn`` …).
        score: Score on the common −1…1 scale.
        label: ``negative``, ``neutral`` or ``positive`` (thresholds in ``sentiment``).
        text_scored: The exact text given to the method (after quote normalization).
    """

    statement_id: str
    method: str
    score: float
    label: str
    text_scored: str


@dataclass(frozen=True)
class FrameLabel:
    """One frame label of one statement, with its evidence.

    Attributes:
        statement_id: The statement labelled.
        codebook: Codebook id (e.g. ``conflict_diplomacy``).
        frame: Frame id within the codebook.
        cue: The cue as written in the article (``Article.text[char_start:char_end]``).
        char_start: Offset into ``Article.text``.
        char_end: Offset into ``Article.text``.
        rule: The codebook pattern that fired.
    """

    statement_id: str
    codebook: str
    frame: str
    cue: str
    char_start: int
    char_end: int
    rule: str


R = TypeVar("R")


def fast_record(cls: type[R], values: dict[str, Any]) -> R:
    """``cls(**values)`` for a frozen record class, without running its generated ``__init__``.

    A frozen dataclass sets each field through ``object.__setattr__``, which makes building
    records (a :class:`Statement` has 17 fields) a noticeable part of the per-article stages.
    When ``values`` gives every field in declared order and the class has no
    ``__post_init__``, slots or non-init fields (:func:`plain_fields`), the new object's
    ``__dict__`` is filled directly: the same object as the constructor's (equal, same hash,
    ``asdict``, pickle, repr; still frozen). In any other case (a field added to the class and
    not to the caller, say) the normal constructor runs, and raises as it would.

    Args:
        cls: A record class of this module (or any dataclass).
        values: Field name to value, in the class's field order.

    Returns:
        The record.

    Example:
        >>> m = fast_record(Span, {"start": 0, "end": 1, "text": "X"})
        >>> m == Span(0, 1, "X"), fast_record(Span, {"end": 1, "start": 0, "text": "X"}) == m
        (True, True)
    """
    names = plain_fields(cls)
    if names and tuple(values) == names:
        obj = object.__new__(cls)
        obj.__dict__.update(values)
        return obj
    return cls(**values)


@cache
def plain_fields(cls: type) -> tuple[str, ...]:
    """Field names of a dataclass :func:`fast_record` may fill directly, or ``()``.

    Example:
        >>> plain_fields(Span)
        ('start', 'end', 'text')
    """
    plain = (
        is_dataclass(cls)
        and not hasattr(cls, "__post_init__")
        and "__slots__" not in vars(cls)
        and all(f.init for f in fields(cls))
    )
    return tuple(f.name for f in fields(cls)) if plain else ()


def fast_records(cls: type[R], rows: Sequence[Mapping[str, Any]]) -> list[R]:
    """``[cls(**row) for row in rows]`` for a frozen record class, built faster.

    For stages that build tens of thousands of records of one class. When every row gives
    every field in declared order and the class is plain (:func:`plain_fields`), each new
    object's ``__dict__`` is filled with a copy of its row: records equal to the constructor's
    (as :func:`fast_record`'s are), made by C-level iterators (``map`` of ``object.__new__`` and
    ``dict.update``) rather than a Python loop. Rows that all give the same leading fields
    and leave out trailing fields with plain defaults (:func:`trailing_defaults`, e.g.
    ``Statement.stance``) get those defaults, as the constructor would give them. Otherwise the
    constructor runs (and raises for a row with a missing or unknown field, as it would).

    Args:
        cls: A record class of this module (or any dataclass).
        rows: Field name to value, one mapping per record, in the class's field order.

    Returns:
        One record per row, in order.

    Example:
        >>> fast_records(Span, [{"start": 0, "end": 1, "text": "a"}])
        [Span(start=0, end=1, text='a')]
    """
    names = plain_fields(cls)
    keys = set(map(tuple, rows))
    rest: dict[str, Any] = {}
    if len(keys) == 1 and names:  # rows may leave out trailing fields that have defaults
        given = next(iter(keys))
        rest = trailing_defaults(cls).get(len(given), {}) if given == names[: len(given)] else {}
        if rest:
            keys = {names}
    if not names or keys - {names}:
        return [cls(**row) for row in rows]
    objs = list(map(object.__new__, repeat(cls, len(rows))))
    dicts = list(map(_INSTANCE_DICT, objs))
    deque(map(dict.update, dicts, rows), maxlen=0)
    if rest:
        deque(map(dict.update, dicts, repeat(rest)), maxlen=0)
    return objs


@cache
def trailing_defaults(cls: type) -> dict[int, dict[str, Any]]:
    """For each count k of leading fields: the defaults of the fields after them, if all have one.

    What :func:`fast_records` fills in when every row gives only the first k fields (a field
    added with a default, such as ``Statement.stance``, that a stage leaves to a later one).
    Defaults made by a factory are never shared, so fields with one end the table.

    Example:
        >>> @dataclass(frozen=True)
        ... class P:
        ...     a: int
        ...     b: str = ""
        >>> trailing_defaults(P)
        {1: {'b': ''}}
    """
    out: dict[int, dict[str, Any]] = {}
    fs = fields(cls)
    rest: dict[str, Any] = {}
    for k in range(len(fs) - 1, -1, -1):
        f = fs[k]
        if f.default is MISSING:
            break
        rest = {f.name: f.default, **rest}
        out[k] = dict(rest)
    return out


_INSTANCE_DICT = attrgetter("__dict__")


def to_frame(records: Iterable[Any], record_type: type | None = None) -> pd.DataFrame:
    """Turn dataclass records into a DataFrame with one column per field.

    Args:
        records: Dataclass instances of one type.
        record_type: The dataclass type, used for the columns when ``records`` is empty.

    Returns:
        A DataFrame; columns follow the dataclass field order.

    Example:
        >>> to_frame([], Span).columns.tolist()
        ['start', 'end', 'text']
    """
    rows = [asdict(r) for r in records]
    if rows:
        return pd.DataFrame(rows)
    cols = [f.name for f in fields(record_type)] if record_type is not None else []
    return pd.DataFrame(columns=cols)

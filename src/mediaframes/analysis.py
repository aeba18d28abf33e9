r"""Per-article analysis: one pure function composing every stage, and its tables.

:func:`analyze_article` runs segment → attribution → sentiment → framing on ONE article with
resources loaded once (:func:`load_resources`), and returns an :class:`ArticleAnalysis`. It reads
no files and keeps no state, so ``mediaframes analyze`` (:mod:`mediaframes.scale`) can run it
serially or on Dask workers with identical results. :func:`analysis_tables` turns the analyses of
a batch of articles into one Arrow table per output table, in a fixed column order and schema.

Tables (one row per record; the columns are the record's fields, in this order):

``statements``
    :class:`~mediaframes.records.Statement`: ``article_id, statement_id, speaker, speaker_type,
    source, source_actor, addressee, quote_type, reporting_verb, section, text, quote_text,
    char_start, char_end, quote_start, quote_end, rule, stance``. Narration sentences are
    statements with ``speaker == ""`` and ``quote_type == "narration"``. ``stance`` is
    ``rejects`` when the content is a claim the speaker rejects
    (``sentiment.statement_stance``), else "".
``sentiment``
    :class:`~mediaframes.records.SentimentScore`: ``statement_id, method, score, label,
    text_scored`` (long format: one row per statement and method; none for a statement whose
    ``stance`` is ``rejects``).
``frames``
    :class:`~mediaframes.records.FrameLabel`: ``statement_id, codebook, frame, cue, char_start,
    char_end, rule`` (one row per label; codebooks in the order given to :func:`load_resources`;
    cues from each statement's whole span, or only its reported words with
    ``frame_words="reported"``).
``mentions``
    :class:`~mediaframes.records.Mention`: ``article_id, actor, kind, start, end, text,
    sentence, in_quote``.
``tone``
    :class:`~mediaframes.sentiment.ToneScore` from ``sentiment.score_toward_actors`` (the
    journalist's own words in sentences mentioning an actor): ``article_id, sentence_index,
    actor, method, score, label, text_scored, char_start, char_end``.
``sentences``
    :class:`~mediaframes.records.Sentence`: ``article_id, index, section, paragraph, start, end,
    text``.

Rows keep the order of the stages' output (text order within an article); articles keep the
order they are given in. All offsets index into ``Article.text``.

Example:
    >>> from mediaframes.records import Article, Span
    >>> text = "Headline\\n\\nThe minister said the talks were useful."
    >>> art = Article("a1", "a1.txt", "txt", text, Span(0, 8, "Headline"), None, None,
    ...               (Span(10, len(text), text[10:]),))
    >>> res = load_resources()
    >>> result = analyze_article(art, res)
    >>> result.article_id
    'a1'
    >>> sorted(analysis_tables([result]))
    ['frames', 'mentions', 'sentences', 'sentiment', 'statements', 'tone']
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from mediaframes import paths
from mediaframes.records import Article, FrameLabel, Mention, Sentence, SentimentScore, Statement

#: Codebook used when none is named.
DEFAULT_CODEBOOKS: tuple[str, ...] = ("conflict_diplomacy",)

#: Output tables of the per-article pass, in writing order.
TABLE_NAMES: tuple[str, ...] = (
    "statements",
    "sentiment",
    "frames",
    "mentions",
    "tone",
    "sentences",
)


@dataclass(frozen=True)
class ResourceSpec:
    """What to load: enough to rebuild the same :class:`Resources` anywhere.

    Attributes:
        actors_path: Actors YAML file, or None for the packaged ``resources/actors.yml``.
        codebooks: Codebook ids or YAML paths, in order.
        methods: Sentiment method names, or None for the sentiment module's defaults.
        frame_words: What a statement's frames come from (``framing.FRAME_WORDS``):
            ``statement`` (its whole span) or ``reported`` (only the reported words).
    """

    actors_path: str | None = None
    codebooks: tuple[str, ...] = DEFAULT_CODEBOOKS
    methods: tuple[str, ...] | None = None
    frame_words: str = "statement"


@dataclass(frozen=True)
class Resources:
    """Everything the per-article analysis needs, loaded once.

    Resources are plain Python objects and pickle, so Dask ships them to the workers once, as
    the result of one task every chunk depends on (``scale``: a task, not scattered data, so
    that Dask computes them again when the worker holding them dies), instead of reloading
    lexicons per article.

    Attributes:
        spec: What was loaded (for provenance and rebuilding).
        actors: ``attribution.Actors`` loaded from ``spec.actors_path``.
        codebooks: ``framing.Codebook`` objects, in ``spec.codebooks`` order.
        scorers: Sentiment scorers from ``sentiment.load_scorers``.
    """

    spec: ResourceSpec
    actors: Any
    codebooks: tuple[Any, ...]
    scorers: Any


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything the analysis found in one article.

    Attributes:
        article_id: The article.
        sentences: Sentences (headline, standfirst and body), in text order.
        statements: Statements, narration included, in text order.
        mentions: Mentions of configured actors.
        sentiment: One score per statement and method.
        tone: ``ToneScore`` records from ``sentiment.score_toward_actors``.
        frames: Frame labels from every codebook.
    """

    article_id: str
    sentences: tuple[Sentence, ...]
    statements: tuple[Statement, ...]
    mentions: tuple[Mention, ...]
    sentiment: tuple[SentimentScore, ...]
    tone: tuple[Any, ...]
    frames: tuple[FrameLabel, ...]


def load_resources(
    actors_path: str | Path | None = None,
    codebooks: Sequence[str | Path] = DEFAULT_CODEBOOKS,
    methods: Sequence[str] | None = None,
    frame_words: str = "statement",
) -> Resources:
    """Load actors, codebooks and sentiment scorers once.

    Args:
        actors_path: Actors YAML file; None for the packaged default.
        codebooks: Codebook ids (packaged) or paths to codebook YAML files.
        methods: Sentiment methods; None for the sentiment module's defaults.
        frame_words: ``statement`` or ``reported`` (``framing.label_statements``).

    Returns:
        The loaded resources.

    Raises:
        ValueError: When no codebook is given (the error names the argument).

    Example:
        >>> res = load_resources(codebooks=["conflict_diplomacy"])
        >>> res.spec.codebooks
        ('conflict_diplomacy',)
    """
    return build_resources(resource_spec(actors_path, codebooks, methods, frame_words))


def resource_spec(
    actors_path: str | Path | None = None,
    codebooks: Sequence[str | Path] = DEFAULT_CODEBOOKS,
    methods: Sequence[str] | None = None,
    frame_words: str = "statement",
) -> ResourceSpec:
    """The :class:`ResourceSpec` of :func:`load_resources`'s arguments (nothing loaded).

    File paths relative to the working directory are made absolute (a codebook argument that
    names no file stays a packaged id), so that Dask workers, which may run in other folders,
    load the same files.

    Example:
        >>> resource_spec(codebooks="policy_frames").codebooks
        ('policy_frames',)
        >>> Path(resource_spec("my_actors.yml").actors_path).is_absolute()
        True
    """
    if isinstance(codebooks, str | Path):
        codebooks = (codebooks,)
    return ResourceSpec(
        actors_path=None if actors_path is None else str(paths.absolute(actors_path)),
        codebooks=tuple(str(paths.absolute(c)) if Path(c).is_file() else str(c) for c in codebooks),
        methods=None if methods is None else tuple(methods),
        frame_words=frame_words,
    )


def check_resources(spec: ResourceSpec) -> None:
    """Load the actors and codebooks of ``spec`` and check its method names, to fail early.

    What :func:`build_resources` would raise for a bad actors file, codebook or method, without
    loading the sentiment lexicons (Dask workers load them, once each).

    Raises:
        ValueError: A missing or invalid actors file or codebook, or an unknown method (the
            message names the file or the method).

    Example:
        >>> check_resources(ResourceSpec(methods=("nope",)))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ValueError: unknown sentiment method(s) ['nope']; known: [...]
    """
    from mediaframes import actors_io, framing, sentiment

    if not spec.codebooks:
        raise ValueError("codebooks: give at least one codebook id or file")
    try:
        actors_io.load_actors(spec.actors_path)  # warns of likely misspelt keys, once
    except FileNotFoundError as exc:  # a configuration error, like an invalid file
        raise ValueError(str(exc)) from None
    framing.check_frame_words(spec.frame_words)
    for c in spec.codebooks:
        framing.load_codebook(c)
    sentiment.check_methods(sentiment.METHODS if spec.methods is None else spec.methods)


def build_resources(spec: ResourceSpec) -> Resources:
    """Load the resources described by ``spec`` (see :func:`load_resources`).

    Example:
        >>> build_resources(ResourceSpec()).spec == ResourceSpec()
        True
    """
    from mediaframes import actors_io, framing, sentiment

    if not spec.codebooks:
        raise ValueError("codebooks: give at least one codebook id or file")
    framing.check_frame_words(spec.frame_words)
    actors = actors_io.load_actors(spec.actors_path, warn=None)
    books = tuple(framing.load_codebook(c) for c in spec.codebooks)
    scorers = sentiment.load_scorers(None if spec.methods is None else list(spec.methods))
    return Resources(spec=spec, actors=actors, codebooks=books, scorers=scorers)


def analyze_article(article: Article, resources: Resources) -> ArticleAnalysis:
    r"""Run every per-article stage on one article.

    A pure function of its inputs: the same article and resources always give the same result.

    Args:
        article: A validated article.
        resources: Loaded resources (:func:`load_resources`).

    Returns:
        The article's sentences, statements, mentions, sentiment, tone and frames.

    Example:
        >>> from mediaframes.records import Article, Span
        >>> text = "Talks resumed.\\n\\nThe envoy said a truce was close."
        >>> art = Article("x", "x.txt", "txt", text, Span(0, 14, "Talks resumed."), None,
        ...               None, (Span(16, len(text), text[16:]),))
        >>> [s.section for s in analyze_article(art, load_resources()).sentences]
        ['headline', 'body']
    """
    from mediaframes import attribution, framing, segment, sentiment

    sentences = segment.segment_article(article)
    statements, mentions = attribution.attribute(article, sentences, resources.actors)
    statements = sentiment.with_stance(statements)  # rejected claims: not scored
    scores = sentiment.score_statements(statements, resources.scorers)
    tone = sentiment.score_toward_actors(
        article, sentences, mentions, statements, resources.scorers
    )
    frames: list[FrameLabel] = []
    words = resources.spec.frame_words
    # the actors' own names, titles and offices are no frame cues
    skip = framing.ActorSkip(article.text, resources.actors, mentions)
    for book in resources.codebooks:
        frames.extend(framing.label_statements(article, statements, book, words, skip))
    return ArticleAnalysis(
        article_id=article.article_id,
        sentences=tuple(sentences),
        statements=tuple(statements),
        mentions=tuple(mentions),
        sentiment=tuple(scores),
        tone=tuple(tone),
        frames=tuple(frames),
    )


_ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}

_RECORD_TYPES: dict[str, type] = {
    "statements": Statement,
    "sentiment": SentimentScore,
    "frames": FrameLabel,
    "mentions": Mention,
    "sentences": Sentence,
}


def _arrow_type(annotation: Any) -> pa.DataType:
    """Arrow type of a dataclass field annotation (``str``, ``int``, ``float``, ``bool``)."""
    name = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    return _ARROW_TYPES.get(name.replace(" ", ""), pa.string())


def record_schema(record_type: type) -> pa.Schema:
    """Arrow schema of a dataclass record type: one column per field, in field order.

    Fields typed other than ``str``, ``int``, ``float`` or ``bool`` are stored as JSON strings.

    Example:
        >>> record_schema(SentimentScore).names
        ['statement_id', 'method', 'score', 'label', 'text_scored']
    """
    return pa.schema([(f.name, _arrow_type(f.type)) for f in dataclasses.fields(record_type)])


def table_schemas() -> dict[str, pa.Schema]:
    """Arrow schema of every per-article table, keyed by table name.

    Example:
        >>> table_schemas()["frames"].names[:3]
        ['statement_id', 'codebook', 'frame']
    """
    from mediaframes.sentiment import ToneScore

    schemas = {name: record_schema(rtype) for name, rtype in _RECORD_TYPES.items()}
    schemas["tone"] = record_schema(ToneScore)
    return {name: schemas[name] for name in TABLE_NAMES}


def _cell(value: Any, arrow_type: pa.DataType) -> Any:
    """One cell value ready for Arrow: structured values become JSON strings."""
    if arrow_type == pa.string() and value is not None and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return value


def _as_mapping(record: Any) -> Mapping[str, Any]:
    if isinstance(record, Mapping):
        return record
    return vars(record)


def records_table(records: Iterable[Any], schema: pa.Schema) -> pa.Table:
    """Build an Arrow table from records (dataclasses or dicts) with a fixed schema.

    Args:
        records: Records with (at least) the schema's fields.
        schema: Column names and types; the table has exactly these columns.

    Returns:
        The table (zero rows when ``records`` is empty).

    Example:
        >>> records_table([SentimentScore("a:1", "vader", 0.5, "positive", "ok")],
        ...               record_schema(SentimentScore)).num_rows
        1
    """
    rows = [_as_mapping(r) for r in records]
    columns = {}
    for f in schema:
        values = [r.get(f.name) for r in rows]
        try:
            columns[f.name] = pa.array(values, type=f.type)
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # structured values: JSON strings
            columns[f.name] = pa.array([_cell(v, f.type) for v in values], type=f.type)
    return pa.table(columns, schema=schema)


def analysis_tables(
    analyses: Iterable[ArticleAnalysis], schemas: Mapping[str, pa.Schema] | None = None
) -> dict[str, pa.Table]:
    """Turn the analyses of a batch of articles into one Arrow table per output table.

    Args:
        analyses: Per-article results, in the order rows should appear.
        schemas: Table schemas (default :func:`table_schemas`).

    Returns:
        ``{table name: pa.Table}`` for every name in :data:`TABLE_NAMES`.

    Example:
        >>> analysis_tables([])["statements"].num_rows
        0
    """
    schemas = dict(schemas or table_schemas())
    analyses = list(analyses)
    out: dict[str, pa.Table] = {}
    for name in TABLE_NAMES:
        records = [r for a in analyses for r in getattr(a, name)]
        out[name] = records_table(records, schemas[name])
    return out

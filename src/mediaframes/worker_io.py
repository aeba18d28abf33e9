"""Dask workers that read the corpus and write their own part files (``mediaframes analyze``).

With a local cluster (``--workers N``), or a cluster whose workers see the same corpus and
output folders (``--worker-io``), the process that drives the run neither reads, validates nor
parses articles, nor writes their tables: it only lists the input files. Each Dask task takes
a chunk of files and, on the worker, reads and validates them exactly as
:func:`mediaframes.corpus.iter_scan` does, analyses the articles
(:func:`mediaframes.scale.analyze_chunk`), stages the ``texts/`` files and writes one chunk
file (:func:`mediaframes.scale.write_parts`: every table's Arrow stream and CSV rows, with a
short :class:`Outcome` per input in its footer). Nothing but the task's completion travels
back through Dask: the driver reads the outcomes from the chunk file (a Dask gather of them
cost it more CPU than the file does).

Whether an article is a duplicate, and which id it gets when two inputs want the same one,
depends on every input BEFORE it in corpus order: a worker cannot know that for the chunks
it does not see. So workers decide optimistically, with only their own chunk in view, and the
driver replays every decision in corpus order (:class:`Replay`) with the corpus-wide state,
exactly as ``iter_scan`` would:

* the usual case: every decision holds; the chunk's parts are adopted as they are;
* an article the worker kept is a duplicate of one in an earlier chunk: the article is
  dropped from the chunk's parts (:func:`drop_articles`) and quarantined as a duplicate;
* an article's id would differ (an earlier chunk used the id; or a dropped article had taken
  it): the chunk is computed again on a worker, this time seeded with the corpus-wide
  duplicate hashes and ids it needs (``Preset``), and replayed again.

So the CSV tables, ``quarantine``, ``texts/`` and ``validation.json`` are byte for byte those of
the serial run (tested with duplicates and id collisions across chunks). The Parquet tables
hold the same rows, values and types, but not the same bytes: their row groups follow the
chunks (:class:`mediaframes.scale.PartWriter`), and chunks here are groups of files
(:func:`mediaframes.scale.files_per_task`), not of ``chunk_size`` articles.

A task is a group of whole input files in corpus order: a JSONL/CSV file is never split, so
all its records are one task's, and a task's memory grows with its files' records.

Example:
    >>> r = Replay()
    >>> r.check([Outcome("raw/a.txt", digest="d1", base="a", article_id="a")]).ok
    True
    >>> r.check([Outcome("raw/b.txt", digest="d1", base="b", article_id="b")]).drops
    ['b']
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from mediaframes import analysis, corpus
from mediaframes.corpus import Rejection
from mediaframes.records import Article

#: Sub-folder of the parts folder where workers stage ``texts/`` files, one folder per chunk.
TEXTS_STAGING = "texts"


@dataclass(frozen=True)
class Outcome:
    """What a worker decided for one input (a file, or one record of a JSONL/CSV file).

    Attributes:
        source_path: The input, relative to the corpus folder.
        digest: Hash of the normalized text (None when the input was rejected while read).
        base: Sanitized id before de-duplication of ids (None when rejected while read).
        meta_key: Key of its ``metadata.csv`` row, or None.
        article_id: Id the worker gave the article, or None when it kept no article.
        duplicate: The worker found the same content (or the same article, when
            ``article_digest`` is set) earlier in its chunk.
        rejection: Rejection from reading or parsing (not for duplicates), or None.
        n_warnings: Warnings of the article.
        language: Language of the article (metadata or detected), ``unknown`` when none.
        article_digest: :func:`mediaframes.corpus.article_digest` (hex) of the parsed article,
            None when none was parsed.
    """

    source_path: str
    digest: str | None = None
    base: str | None = None
    meta_key: str | None = None
    article_id: str | None = None
    duplicate: bool = False
    rejection: Rejection | None = None
    n_warnings: int = 0
    language: str = "unknown"
    article_digest: str | None = None


@dataclass(frozen=True)
class Preset:
    """Corpus-wide state a recomputed chunk starts from.

    Attributes:
        seen: Digest → source path of the earlier inputs with the chunk's digests.
        used: Casefolded ids used earlier that the chunk's ids could collide with.
        seen_articles: Article digest → source path of the earlier articles with the chunk's
            article digests (the same article in another format).
    """

    seen: dict[str, str] = field(default_factory=dict)
    used: frozenset[str] = frozenset()
    seen_articles: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ChunkTask:
    """One Dask task: a chunk of input files.

    Attributes:
        index: Chunk number (corpus order).
        corpus_dir: The corpus folder.
        raw_dir: The folder of the input files (absolute).
        files: Names of the chunk's input files relative to ``raw_dir``, in corpus order.
        parts_dir: Where to write the part files.
        spec: Resources to use (loaded once per worker process).
        max_bytes: Size limit per article.
        max_file_bytes: Size limit per JSONL/CSV file.
        preset: Corpus-wide state for a recomputation, or None for the optimistic first pass.
        resource_digest: :func:`resource_digest` of ``spec`` when the run started, "" for no
            check: a worker whose files differ stops the run (edited during it).
        metadata_key: :func:`metadata_key` of the corpus when the run started, None for no
            check: a worker that finds ``metadata.csv`` changed stops the run.
    """

    index: int
    corpus_dir: str
    raw_dir: str
    files: tuple[str, ...]
    parts_dir: str
    spec: analysis.ResourceSpec
    max_bytes: int = corpus.DEFAULT_MAX_BYTES
    max_file_bytes: int = corpus.DEFAULT_MAX_FILE_BYTES
    preset: Preset | None = None
    resource_digest: str = ""
    metadata_key: tuple[str, int, int] | None = None


@dataclass(frozen=True)
class ChunkResult:
    """What a task returns (the driver does not fetch it: the chunk file holds the outcomes).

    Attributes:
        index: Chunk number.
        rows: Rows written per table.
        outcomes: One outcome per input, in corpus order.
    """

    index: int
    rows: dict[str, int]
    outcomes: tuple[Outcome, ...]


def dask_setup(worker: Any) -> None:
    """Dask preload hook of the local cluster's workers: they ignore Ctrl-C.

    A terminal's Ctrl-C reaches every process of its group; the main process handles it
    (one line, then it closes the cluster: :func:`mediaframes.scale.interrupts_raise`), so
    the workers stop without a traceback of their own. Loaded through
    :data:`mediaframes.scale.LOCAL_CLUSTER_CONFIG` (``distributed.worker.preload``).

    Example:
        >>> dask_setup(None)  # doctest: +SKIP
    """
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def content_digest(text: str) -> str:
    """The duplicate key of an article text (as :func:`mediaframes.corpus.iter_scan` uses).

    Example:
        >>> content_digest("A  b") == content_digest("A b")
        True
    """
    return hashlib.sha256(corpus._norm_key(text).encode("utf-8")).hexdigest()


# --- worker side -------------------------------------------------------------------------------

_RESOURCES: dict[tuple[analysis.ResourceSpec, str], analysis.Resources] = {}
_METADATA: dict[tuple[str, int, int], Any] = {}


def resource_files(spec: analysis.ResourceSpec) -> list[str]:
    """The user's files that ``spec`` loads: the actors file and codebook files (not ids).

    ``analysis.resource_spec`` makes every file path absolute; a packaged codebook id is not
    a path.

    Example:
        >>> spec = analysis.ResourceSpec("/d/actors.yml", ("conflict_diplomacy", "/d/b.yml"))
        >>> resource_files(spec)
        ['/d/actors.yml', '/d/b.yml']
    """
    files = [spec.actors_path] if spec.actors_path else []
    return files + [c for c in spec.codebooks if os.path.isabs(c)]


def resource_digest(spec: analysis.ResourceSpec) -> str:
    """SHA-256 of the names and contents of :func:`resource_files` (what the workers load).

    Example:
        >>> len(resource_digest(analysis.ResourceSpec()))
        64
    """
    h = hashlib.sha256()
    for name in resource_files(spec):
        h.update(name.encode("utf-8") + b"\0")
        try:
            h.update(Path(name).read_bytes())
        except OSError as exc:  # build_resources names the problem
            h.update(f"unreadable: {exc.errno}".encode())
        h.update(b"\0")
    return h.hexdigest()


def worker_resources(spec: analysis.ResourceSpec, digest: str | None = None) -> analysis.Resources:
    """Resources for ``spec``, loaded once per worker process and content of its files.

    A worker of a running cluster serves many runs: keyed by the paths alone, an actors file
    or codebook edited between two runs kept the first run's actors and cues (acceptance test
    18b). ``digest`` is :func:`resource_digest` of ``spec`` (computed when None).
    """
    key = (spec, resource_digest(spec) if digest is None else digest)
    if key not in _RESOURCES:
        _RESOURCES.clear()
        _RESOURCES[key] = analysis.build_resources(spec)
    return _RESOURCES[key]


def metadata_key(corpus_dir: Path) -> tuple[str, int, int]:
    """``(path, modification time in ns, size)`` of the corpus's ``metadata.csv``.

    ``(path, 0, -1)`` when there is none. Each worker reads the file at its first task of a
    run, so the driver sends the key it read (``ChunkTask.metadata_key``) and a worker that
    finds another stops the run: an edit during a run would give chunks different metadata.

    Example:
        >>> import tempfile
        >>> metadata_key(Path(tempfile.mkdtemp()))[1:]
        (0, -1)
    """
    from mediaframes import paths

    path = paths.corpus_metadata_file(corpus_dir)
    try:
        st = path.stat()
        return (str(path.resolve()), st.st_mtime_ns, st.st_size)
    except OSError:
        return (str(path), 0, -1)


def metadata_table(corpus_dir: Path) -> Any:
    """The corpus's metadata table (``corpus._MetadataTable``), read once per process and file."""
    from mediaframes import paths

    path = paths.corpus_metadata_file(corpus_dir)
    key = metadata_key(corpus_dir)
    if key not in _METADATA:
        _METADATA.clear()
        _METADATA[key] = corpus._MetadataTable(*corpus.load_metadata(path), path.is_file())
    return _METADATA[key]


def scan_files(
    files: Iterable[tuple[str | Path, str]],
    table: Any,
    *,
    preset: Preset | None = None,
    max_bytes: int = corpus.DEFAULT_MAX_BYTES,
    max_file_bytes: int = corpus.DEFAULT_MAX_FILE_BYTES,
) -> tuple[list[Outcome], list[Article]]:
    """Read and validate files as :func:`~mediaframes.corpus.iter_scan` does, chunk-locally.

    Args:
        files: ``(path, path relative to the corpus folder)`` of the inputs, in corpus order.
        table: The corpus's metadata table (:func:`metadata_table`).
        preset: Corpus-wide duplicates and ids to start from (None: only this chunk's).
        max_bytes: Size limit per article.
        max_file_bytes: Size limit per JSONL/CSV file.

    Returns:
        One :class:`Outcome` per input, and the articles kept, in order.
    """
    seen: dict[str, str] = dict(preset.seen) if preset else {}
    used: set[str] = set(preset.used) if preset else set()
    seen_articles: dict[str, str] = dict(preset.seen_articles) if preset else {}
    outcomes: list[Outcome] = []
    articles: list[Article] = []
    for path, rel in files:
        for cand in corpus._iter_file(Path(path), rel, max_bytes, max_file_bytes):
            if isinstance(cand, Rejection):
                outcomes.append(Outcome(cand.source_path, rejection=cand))
                continue
            digest = content_digest(cand.text)
            base = corpus.safe_id(cand.raw_id)
            key = corpus.metadata_row_key(cand.raw_id, base, cand.source_path, cand.fmt, table.rows)
            info = {"source_path": cand.source_path, "digest": digest, "base": base}
            if digest in seen:
                outcomes.append(Outcome(**info, meta_key=key, duplicate=True))
                continue
            art = corpus._finish(cand, used, table, set())
            if isinstance(art, Rejection):
                outcomes.append(Outcome(**info, meta_key=key, rejection=art))
                continue
            same = corpus.article_digest(art).hex()
            if same in seen_articles:  # the same article in another format or layout
                outcomes.append(Outcome(**info, meta_key=key, duplicate=True, article_digest=same))
                continue
            seen[digest] = cand.source_path
            seen_articles[same] = cand.source_path
            used.add(art.article_id.casefold())
            language = str(art.metadata.get("language") or "unknown")
            outcomes.append(
                Outcome(
                    **info,
                    meta_key=key,
                    article_id=art.article_id,
                    n_warnings=len(art.warnings),
                    language=language,
                    article_digest=same,
                )
            )
            articles.append(art)
    return outcomes, articles


def staged_text_path(parts_dir: str | Path, index: int, article_id: str) -> str:
    """Where chunk ``index`` stages the ``texts/`` file of ``article_id``.

    One flat folder for every chunk (the chunk number leads the name): removing a folder per
    chunk cost a few milliseconds of the driver's time each on ext4.

    Example:
        >>> staged_text_path("p", 3, "a-1")
        'p/texts/part-00000003.a-1.txt'
    """
    return os.path.join(parts_dir, TEXTS_STAGING, f"part-{index:08d}.{article_id}.txt")


def run_chunk(task: ChunkTask) -> ChunkResult:
    """A Dask task: read, validate and analyse a chunk of files; write its parts and texts.

    Raises:
        mediaframes.scale.ScaleError: When an article fails (named in the message).
    """
    from mediaframes import scale

    corpus_dir = Path(task.corpus_dir)
    raw = Path(task.raw_dir)
    if task.metadata_key is not None and metadata_key(corpus_dir) != task.metadata_key:
        raise scale.ScaleError(
            f"{task.metadata_key[0]} changed during the run: the chunks would not share one "
            "metadata table; rerun"
        )
    outcomes, articles = scan_files(
        ((raw / name, corpus._relative(raw / name, corpus_dir)) for name in task.files),
        metadata_table(corpus_dir),
        preset=task.preset,
        max_bytes=task.max_bytes,
        max_file_bytes=task.max_file_bytes,
    )
    digest = resource_digest(task.spec)
    if task.resource_digest and digest != task.resource_digest:
        raise scale.ScaleError(
            f"the actors or codebook files changed during the run "
            f"({', '.join(resource_files(task.spec))}): the chunks would not share one "
            "configuration; rerun"
        )
    tables = scale.analyze_chunk(articles, worker_resources(task.spec, digest))
    os.makedirs(os.path.join(task.parts_dir, TEXTS_STAGING), exist_ok=True)
    for art in articles:
        with open(staged_text_path(task.parts_dir, task.index, art.article_id), "wb") as fh:
            fh.write(art.text.encode("utf-8"))
    decided = tuple(outcomes)
    # the outcomes go into the chunk file: the driver reads them there, not through Dask
    rows = scale.write_parts(
        task.parts_dir, task.index, tables, extra=decided, attempt=task_attempt(task)
    )
    return ChunkResult(task.index, rows, decided)


def task_attempt(task: ChunkTask) -> str:
    """Tag of the task's chunk file: ``""`` for the first pass, ``exact`` for a recomputation.

    A recomputed chunk writes its own file, never the one the first pass wrote.

    Example:
        >>> from mediaframes import analysis
        >>> task_attempt(ChunkTask(0, "c", "c/raw", (), "p", analysis.ResourceSpec()))
        ''
    """
    return "exact" if task.preset is not None else ""


def task_chunk_path(task: ChunkTask) -> str:
    """The chunk file :func:`run_chunk` writes for ``task`` (:func:`mediaframes.scale.chunk_path`).

    Example:
        >>> from mediaframes import analysis
        >>> task_chunk_path(ChunkTask(2, "c", "c/raw", (), "p", analysis.ResourceSpec()))
        'p/part-00000002.chunk'
    """
    from mediaframes import scale

    return scale.chunk_path(task.parts_dir, task.index, task_attempt(task))


# --- driver side -------------------------------------------------------------------------------


@dataclass
class Check:
    """The replay of one chunk's outcomes.

    Attributes:
        ok: Every id the worker gave is the one the serial scan gives (else: recompute).
        rejections: Rejections of the chunk, duplicates as the serial scan words them.
        kept: Outcomes of the articles kept.
        drops: Ids of articles the worker kept that are duplicates of earlier chunks.
    """

    ok: bool
    rejections: list[Rejection] = field(default_factory=list)
    kept: list[Outcome] = field(default_factory=list)
    drops: list[str] = field(default_factory=list)


class Replay:
    """Corpus-wide duplicate hashes, ids and metadata rows, replayed chunk by chunk in order.

    :meth:`check` applies ``iter_scan``'s rules to a chunk's outcomes; the state changes only
    when the chunk holds (``ok``).
    """

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}
        self.used: set[str] = set()
        self.used_rows: set[str] = set()
        self.seen_articles: dict[str, str] = {}

    def check(self, outcomes: Sequence[Outcome]) -> Check:
        """Replay a chunk; commit its state when every kept article's id holds."""
        seen: dict[str, str] = {}
        used: set[str] = set()
        rows: set[str] = set()
        seen_articles: dict[str, str] = {}
        out = Check(ok=True)
        for o in outcomes:
            if o.digest is None:  # rejected while read: no state involved
                out.rejections.append(o.rejection)
                continue
            first = seen.get(o.digest) or self.seen.get(o.digest)
            if first is not None:
                out.rejections.append(
                    Rejection(o.source_path, "duplicate", f"same content as {first}")
                )
                if o.article_id is not None:
                    out.drops.append(o.article_id)
                continue
            if o.duplicate and o.article_digest is None:  # the worker's earlier copy is gone
                return Check(ok=False)
            if o.meta_key is not None:
                rows.add(o.meta_key)
            if o.rejection is not None:  # empty after parsing: independent of ids
                out.rejections.append(o.rejection)
                continue
            same = o.article_digest
            first = (
                None if same is None else seen_articles.get(same) or self.seen_articles.get(same)
            )
            if first is not None:  # the same article in another format or layout
                out.rejections.append(
                    Rejection(o.source_path, "duplicate", corpus.same_article_detail(first))
                )
                if o.article_id is not None:
                    out.drops.append(o.article_id)
                continue
            if o.duplicate:  # the worker's earlier copy of the article did not survive
                return Check(ok=False)
            assert o.base is not None
            aid, n = o.base, 1
            while aid.casefold() in used or aid.casefold() in self.used:
                n += 1
                aid = f"{o.base}-{n}"
            if aid != o.article_id:
                return Check(ok=False)
            seen[o.digest] = o.source_path
            if same is not None:
                seen_articles[same] = o.source_path
            used.add(aid.casefold())
            out.kept.append(o)
        self.seen.update(seen)
        self.seen_articles.update(seen_articles)
        self.used |= used
        self.used_rows |= rows
        return out

    def preset(self, outcomes: Sequence[Outcome]) -> Preset:
        """The corpus-wide state a recomputation of this chunk needs."""
        digests = {o.digest for o in outcomes if o.digest is not None}
        bases = {o.base.casefold() for o in outcomes if o.base is not None}
        used = frozenset(u for u in self.used if u in bases or u.rsplit("-", 1)[0] in bases)
        same = {o.article_digest for o in outcomes if o.article_digest is not None}
        return Preset(
            seen={d: self.seen[d] for d in sorted(digests) if d in self.seen},
            used=used,
            seen_articles={
                d: self.seen_articles[d] for d in sorted(same) if d in self.seen_articles
            },
        )


def drop_articles(
    path: str | Path, article_ids: Sequence[str], schemas: dict[str, pa.Schema]
) -> dict[str, int]:
    """Remove articles from a chunk file (Arrow and CSV, rewritten whole); return the rows left.

    Tables with ``article_id`` are filtered on it; tables keyed by ``statement_id`` on the
    statements of those articles. The file's ``extra`` (the worker's outcomes) is kept.

    Example:
        >>> import tempfile
        >>> from mediaframes import scale
        >>> d = tempfile.mkdtemp()
        >>> t = pa.table({"article_id": ["a", "b"]})
        >>> _ = scale.write_parts(d, 0, {"x": t}, {"x": t.schema})
        >>> drop_articles(scale.chunk_path(d, 0), ["a"], {"x": t.schema})
        {'x': 1}
    """
    from mediaframes import scale

    gone = pa.array(sorted(set(article_ids)), type=pa.string())
    statement_ids = pa.array([], type=pa.string())
    with scale.ChunkParts(path) as parts:
        extra = parts.extra
        found = {name: parts.table(name) for name in schemas}
    st = found.get("statements")
    if st is not None:
        statement_ids = st.filter(pc.is_in(st.column("article_id"), gone)).column("statement_id")
    tables: dict[str, pa.Table] = {}
    for name, schema in schemas.items():
        table = found[name]
        if table is None:
            continue
        table = table.cast(schema)
        if "article_id" in schema.names:
            keep = pc.invert(pc.is_in(table.column("article_id"), gone))
        elif "statement_id" in schema.names:
            keep = pc.invert(pc.is_in(table.column("statement_id"), statement_ids))
        else:
            keep = None
        tables[name] = table if keep is None else table.filter(keep)
    return scale.write_chunk(path, tables, schemas, extra)


def adopt_texts(
    parts_dir: str | Path,
    index: int,
    kept: Iterable[str],
    texts_dir: Path,
    dropped: Iterable[str] = (),
) -> None:
    """Move the staged ``texts/`` files of the kept articles into place; delete the dropped ones.

    Args:
        parts_dir: The run's parts folder.
        index: Chunk number.
        kept: Ids of the chunk's articles that stay.
        texts_dir: The output's ``texts/`` folder.
        dropped: Ids the worker staged that do not stay (duplicates of earlier chunks, or every
            article of a chunk that is computed again).

    Example:
        >>> import tempfile
        >>> d, out = tempfile.mkdtemp(), Path(tempfile.mkdtemp())
        >>> os.makedirs(os.path.join(d, TEXTS_STAGING))
        >>> for aid in ("a", "b"):
        ...     _ = open(staged_text_path(d, 0, aid), "w").write(aid)
        >>> adopt_texts(d, 0, ["a"], out, ["b"])
        >>> sorted(os.listdir(out)), os.listdir(os.path.join(d, TEXTS_STAGING))
        (['a.txt'], [])
    """
    target = str(texts_dir)
    for aid in kept:
        os.replace(staged_text_path(parts_dir, index, aid), os.path.join(target, f"{aid}.txt"))
    for aid in dropped:
        Path(staged_text_path(parts_dir, index, aid)).unlink(missing_ok=True)

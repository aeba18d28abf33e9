"""Headless pipeline: ``mediaframes run`` executes the notebooks and publishes the report.

One run, in order:

1. Parameters are loaded and validated (:mod:`mediaframes.config`); the notebooks are read and
   their ``parameters`` cells parsed. Nothing has started yet: a bad parameter file never reaches
   a kernel. The reports folder and notebooks given relative to the working directory are made
   absolute once, here: the notebooks run in their own folder.
2. ``reports/.lock`` is taken without waiting (a second ``mediaframes run`` on the same folder
   stops with a clear message). A publish interrupted by a crash is rolled back.
3. Cache: when the last published run had the same input hash (the files ingest reads from
   the corpus, parameters, package source incl. resources and notebooks, installed package
   versions), the same :data:`PROVENANCE` (parameter file, kernel, git commit and PDF creation
   time, which the report prints) and its outputs are still there byte for byte, the run prints
   "up to date" and does nothing (``force`` reruns): a cold run would write the same bytes.
   Otherwise it says what differs. The kernel is checked first: a missing one is an error
   even then.
4. The notebooks run in order with papermill, in ONE child process (so that the whole-run timeout
   can stop everything, kernel included), with an explicit kernel and a per-cell timeout. They
   write into a private staging folder ``reports/.staging-<run_id>/``.
5. Every executed notebook is inspected. papermill does not report every fault: a cell that
   timed out or whose kernel died is marked completed, and ``sys.exit(0)`` ends a notebook with
   exit 0, silently skipping the rest. So every code cell must have an execution count and no
   error output; otherwise the run fails naming the notebook, the cell and its first line.
6. On success (and every expected artifact present) ``figures/``, ``tables/``, the PDFs and
   the data each PDF was typeset from (``report.json``) are swapped into ``reports/`` with
   ``os.replace`` (rolled back if a swap fails), so a failed run never replaces the last good
   report. Executed notebooks and ``manifest.json`` go to
   ``reports/runs/<run_id>/`` for every run, failed ones included; ``reports/manifest.json`` is
   the manifest of the published report.

Manifest (``manifest.json``) keys: ``run_id, status`` (``succeeded``/``failed``), ``error``,
``started_at, finished_at, seconds, parameters, params_file`` (canonical, :func:`shown_path`:
from the repository root when the file lies inside it, else its absolute path), ``corpus``
(``dir, files, content_hash``), ``source_hash, input_hash, git_commit`` (or null),
``source_date_epoch`` (the PDFs' creation time, :func:`pdf_timestamp`), ``python``
(its version), ``packages`` ({distribution: version}), ``kernel, notebooks`` (``name, status,
seconds, cell, message``), ``outputs`` ({published path: sha256}).

Example:
    $ mediaframes run --params params/default.yaml
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import difflib
import hashlib
import io
import json
import os
import platform
import shutil
import subprocess
import sys
import time
import tokenize
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mediaframes import config, paths
from mediaframes.config import ParamError

#: The notebooks of a full run, in execution order.
NOTEBOOKS: tuple[str, ...] = (
    "01_corpus.ipynb",
    "02_statements.ipynb",
    "03_sentiment.ipynb",
    "04_framing.ipynb",
    "05_report.ipynb",
)
#: Parameters the runner sets itself (never read from a parameter file).
RUNNER_PARAMS: tuple[str, ...] = ("output_dir", "run_info_file", "interactive")
#: What a run publishes into the reports folder (besides the reports: :func:`report_files`).
PUBLISHED_DIRS: tuple[str, ...] = ("figures", "tables")
#: Journal of a publish in progress; present only if a publish was interrupted.
JOURNAL = ".publish-journal.json"
#: Cell tags papermill adds to executed notebooks (not cells of the source notebook).
_ADDED_TAGS = {"injected-parameters", "papermill-error-cell-tag"}
#: Folders never hashed as package source or published files (the corpus: ``corpus_hash``).
_SKIP_DIRS = {"__pycache__", ".ipynb_checkpoints"}


class PipelineError(RuntimeError):
    """The run cannot go on or failed; the message says where and why."""


# --------------------------------------------------------------------------- notebooks


@dataclass(frozen=True)
class CellProblem:
    """Why an executed notebook is not a clean, complete run.

    Attributes:
        notebook: Notebook file name.
        cell: 1-based index of the cell in the source notebook (as counted in JupyterLab), or
            None when the notebook did not run at all.
        first_line: First non-blank line of the cell's source.
        reason: What went wrong.
    """

    notebook: str
    cell: int | None
    first_line: str
    reason: str

    def message(self) -> str:
        """One-line description naming the notebook and cell.

        Example:
            >>> CellProblem("01_corpus.ipynb", 3, "x = 1", "raised ValueError").message()
            '01_corpus.ipynb, cell 3 (`x = 1`): raised ValueError'
        """
        if self.cell is None:
            return f"{self.notebook}: {self.reason}"
        return f"{self.notebook}, cell {self.cell} (`{self.first_line}`): {self.reason}"


def _source(cell: Mapping[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def _first_line(cell: Mapping[str, Any], width: int = 70) -> str:
    for line in _source(cell).splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= width else line[: width - 1] + "…"
    return ""


def _tags(cell: Mapping[str, Any]) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _error_output(cell: Mapping[str, Any]) -> Mapping[str, Any] | None:
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return out
    return None


def _started(cell: Mapping[str, Any]) -> bool:
    meta = cell.get("metadata", {}).get("papermill", {})
    return bool(meta.get("start_time")) or cell.get("execution_count") is not None


def find_problem(
    nb: Mapping[str, Any],
    name: str,
    error: Mapping[str, str] | None = None,
    cell_timeout: float | None = None,
) -> CellProblem | None:
    """Inspect an executed notebook (as JSON) and say what, if anything, went wrong.

    Args:
        nb: The executed notebook, as a dict.
        name: Notebook name for the message.
        error: The exception papermill raised, as ``{"type": ..., "message": ...}``, if any.
        cell_timeout: The per-cell timeout, for the message.

    Returns:
        The first problem, or None when every code cell ran without an error.

    Example:
        >>> cells = [{"cell_type": "code", "source": "x = 1", "execution_count": 1,
        ...           "outputs": [], "metadata": {}},
        ...          {"cell_type": "code", "source": "y = 2", "execution_count": None,
        ...           "outputs": [], "metadata": {}}]
        >>> find_problem({"cells": cells}, "nb.ipynb").message()
        'nb.ipynb, cell 2 (`y = 2`): was never run (an earlier cell ended the notebook early)'
    """
    code: list[tuple[int, Mapping[str, Any]]] = []
    index = 0
    for cell in nb.get("cells", []):
        if _tags(cell) & _ADDED_TAGS:
            continue
        index += 1
        if cell.get("cell_type") == "code":
            code.append((index, cell))
    etype = (error or {}).get("type", "")

    def problem(i: int, cell: Mapping[str, Any], reason: str) -> CellProblem:
        return CellProblem(name, i, _first_line(cell), reason)

    started = [(i, c) for i, c in code if _started(c)]
    if etype in ("CellTimeoutError", "TimeoutError") and started:
        limit = f" of {cell_timeout:g} s" if cell_timeout else ""
        return problem(*started[-1], f"timed out (per-cell timeout{limit})")
    if etype == "DeadKernelError" and started:
        return problem(*started[-1], "the kernel died while it ran (killed, or out of memory)")
    for i, cell in code:
        err = _error_output(cell)
        if err is not None:
            ename, evalue = err.get("ename", "Error"), err.get("evalue", "")
            if ename == "SystemExit":
                return problem(i, cell, f"ended the notebook early (SystemExit: {evalue})")
            return problem(i, cell, f"raised {ename}: {evalue}")
    if error and started:
        return problem(*started[-1], f"failed: {etype}: {error.get('message', '')}")
    if error:
        return CellProblem(name, None, "", f"did not run: {etype}: {error.get('message', '')}")
    for i, cell in code:
        if cell.get("execution_count") is None:
            return problem(i, cell, "was never run (an earlier cell ended the notebook early)")
    return None


def inspect_executed(
    path: Path, error: Mapping[str, str] | None = None, cell_timeout: float | None = None
) -> CellProblem | None:
    """Read an executed notebook file and return :func:`find_problem`'s verdict.

    A missing or unreadable file is itself a problem (the notebook did not run).
    """
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        reason = f"no executed notebook was written ({exc})"
        if error:
            reason = f"did not run: {error.get('type')}: {error.get('message', '')}"
        return CellProblem(path.name, None, "", reason)
    return find_problem(nb, path.name, error, cell_timeout)


@dataclass(frozen=True)
class NotebookParam:
    """A parameter declared in a notebook's ``parameters`` cell.

    Attributes:
        name: Variable name.
        default: The literal value.
        help: The ``# help`` comment on its line ("" when missing).
    """

    name: str
    default: Any
    help: str


def read_notebook(path: Path) -> dict[str, Any]:
    """Read a notebook file as JSON, with a clear error naming the file."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PipelineError(f"{path}: cannot read the notebook ({exc.strerror})") from None
    except ValueError as exc:
        raise PipelineError(f"{path}: not a valid notebook ({exc})") from None
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise PipelineError(f"{path}: not a valid notebook (no cell list)")
    return nb


def notebook_params(nb: Mapping[str, Any], name: str = "notebook") -> list[NotebookParam]:
    """Parse the ``parameters``-tagged cell of a notebook: ``name: type = literal  # help`` lines.

    The annotation (optional) is what ``papermill --help-notebook`` shows as the type; when
    given it must be one of :data:`PARAM_TYPES` and agree with the literal.

    Args:
        nb: Notebook JSON.
        name: Notebook name for error messages.

    Returns:
        The declared parameters, in order (empty when there is no ``parameters`` cell).

    Raises:
        PipelineError: When the cell holds anything but assignments of literals.

    Example:
        >>> cell = {"cell_type": "code", "metadata": {"tags": ["parameters"]},
        ...         "source": "seed = 0  # random seed"}
        >>> notebook_params({"cells": [cell]})
        [NotebookParam(name='seed', default=0, help='random seed')]
    """
    cells = [c for c in nb.get("cells", []) if "parameters" in _tags(c)]
    if not cells:
        return []
    source = _source(cells[0])
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise PipelineError(f"{name}: the parameters cell is not valid Python ({exc})") from None
    lines = source.splitlines()
    comments = {
        tok.start[0]: tok.string.lstrip("#").strip()
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.COMMENT
    }
    out = []
    for stmt in tree.body:
        where = f"line {stmt.lineno}: {lines[stmt.lineno - 1].strip()}"
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target, annotation = stmt.targets[0], None
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            target, annotation = stmt.target, ast.unparse(stmt.annotation)
        else:
            target, annotation = None, None
        if not isinstance(target, ast.Name):
            raise PipelineError(
                f"{name}: the parameters cell may only assign literals to names ({where})"
            )
        try:
            value = ast.literal_eval(stmt.value)
        except ValueError:
            raise PipelineError(
                f"{name}: parameter {target.id} must be a literal ({where})"
            ) from None
        if annotation is not None and not _literal_has_type(value, annotation):
            raise PipelineError(
                f"{name}: parameter {target.id} is annotated {annotation!r}, which must be one "
                f"of {sorted(PARAM_TYPES)} and agree with its value ({where})"
            )
        comment = comments.get(stmt.end_lineno or stmt.lineno, "")
        out.append(NotebookParam(target.id, value, comment))
    return out


#: Annotations a notebook parameter may carry, with the check of its literal.
PARAM_TYPES: dict[str, Any] = {
    "str": lambda v: isinstance(v, str),
    "bool": lambda v: isinstance(v, bool),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float": lambda v: isinstance(v, float | int) and not isinstance(v, bool),
    "list[str]": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
}


def _literal_has_type(value: Any, annotation: str) -> bool:
    """True when ``annotation`` is a known parameter type and ``value`` is of it.

    Example:
        >>> _literal_has_type(["a"], "list[str]"), _literal_has_type(1, "str")
        (True, False)
    """
    check = PARAM_TYPES.get(annotation.replace(" ", ""))
    return check is not None and check(value)


# --------------------------------------------------------------------------- inputs and hashes


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _files(folder: Path) -> list[Path]:
    """Regular files under ``folder``, sorted, skipping hidden files and caches."""
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in _SKIP_DIRS)
        for fn in sorted(filenames):
            if not fn.startswith(".") and not fn.endswith(".pyc"):
                out.append(Path(dirpath) / fn)
    return out


def tree_hash(items: Iterable[tuple[str, Path]]) -> str:
    """Hash of named files: sha256 over ``name`` and content hash, in the given order.

    Example:
        >>> tree_hash([]) == hashlib.sha256().hexdigest()
        True
    """
    h = hashlib.sha256()
    for name, path in items:
        h.update(f"{name}\0{_sha256_file(path)}\n".encode())
    return h.hexdigest()


def corpus_hash(corpus_dir: Path) -> tuple[str, int]:
    """Content hash of the files ingest reads from a corpus folder, and their number.

    The files are ``corpus.input_files``'s, the one definition ingest reads too: every file
    ingest reads (``metadata.csv``, every non-hidden file under ``raw/``, ``processed/`` and
    ``__pycache__/`` subfolders included) counts by name and content, and every entry its walk
    rejects (a symbolic link to a folder or out of the corpus) by name and reason, as it is
    listed in the quarantine. Other files of the corpus folder are not inputs.

    Raises:
        PipelineError: When the folder does not exist.
    """
    from mediaframes import corpus

    if not corpus_dir.is_dir():
        raise PipelineError(f"corpus_dir: {corpus_dir} is not a folder")
    files, rejected = corpus.input_files(corpus_dir)
    try:
        h = tree_hash((p.relative_to(corpus_dir).as_posix(), p) for p in files)
    except OSError as exc:
        raise PipelineError(f"corpus_dir: cannot read {exc.filename}: {exc.strerror}") from None
    if rejected:
        lines = sorted(f"{r.source_path}\0{r.reason}\0{r.detail}" for r in rejected)
        h = hashlib.sha256("\n".join([h, *lines]).encode()).hexdigest()
    return h, len(files)


def package_hash(package_dir: Path | None = None) -> str:
    """Hash of the package's files: code and resources (caches and ``.pyc`` left out).

    Example:
        >>> package_hash() == package_hash()
        True
    """
    root = package_dir or paths.PACKAGE_DIR
    return tree_hash((p.relative_to(root).as_posix(), p) for p in _files(root))


def source_hash(notebooks: Sequence[Path], extra: Sequence[Path] = ()) -> str:
    """Hash of the package source (:func:`package_hash`), the notebooks and extra input files."""
    items = [(f"nb/{p.name}", p) for p in notebooks]
    items += [(f"in/{p.as_posix()}", p) for p in extra]
    return hashlib.sha256(f"{package_hash()}\n{tree_hash(items)}".encode()).hexdigest()


def package_versions() -> dict[str, str]:
    """Installed distributions and their versions, sorted by name (for the manifest).

    Example:
        >>> "PyYAML" in package_versions() or "pyyaml" in package_versions()
        True
    """
    from importlib import metadata

    out = {}
    for dist in metadata.distributions():
        name = dist.metadata.get("Name")
        if name:
            out[name] = dist.version
    return dict(sorted(out.items(), key=lambda kv: kv[0].lower()))


def git_commit(root: Path) -> str | None:
    """The repository's HEAD commit, or None (no git, no commits, not a repository)."""
    try:
        res = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--verify", "--quiet", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    commit = res.stdout.strip()
    return commit if res.returncode == 0 and commit else None


def input_files(params: Mapping[str, Any], root: Path) -> list[Path]:
    """Files named by parameters (actors, codebook and loaded-terms files): part of the inputs."""
    out = []
    if params.get("actors_file"):
        out.append(paths.from_root(params["actors_file"], root))
    if params.get("loaded_terms_file"):
        out.append(paths.from_root(params["loaded_terms_file"], root))
    for book in params.get("codebooks", []):
        ref = paths.codebook_from_root(book, root)
        if isinstance(ref, Path):  # a file, not a packaged id
            out.append(ref)
    return out


def check_paths(
    params: Mapping[str, Any], root: Path, source: str = "the default parameters"
) -> None:
    """Check that the corpus folder and the files the parameters name exist (fast).

    Each message names the parameter file, the parameter, the path looked for and where relative
    paths start (the repository root, not the parameter file's folder nor the current one: the
    mistake a newcomer makes).

    Raises:
        PipelineError: The corpus folder is missing (the data: exit status 1).
        ParamError: An actors, codebook or loaded-terms file the parameters name is missing (a
            configuration error: exit status 2, as in ``mediaframes analyze``).

    Example:
        >>> check_paths({"corpus_dir": "my_corpus"}, Path("/repo"), "p.yaml")
        Traceback (most recent call last):
        ...
        mediaframes.pipeline.PipelineError: p.yaml: parameter 'corpus_dir': /repo/my_corpus is \
not a folder (relative paths in a parameter file start at the repository root /repo, not at the \
file's folder or the current one)
    """
    where = (
        f"relative paths in a parameter file start at the repository root {root}, "
        "not at the file's folder or the current one"
    )
    corpus = paths.from_root(params["corpus_dir"], root)
    if not corpus.is_dir():
        raise PipelineError(f"{source}: parameter 'corpus_dir': {corpus} is not a folder ({where})")
    named = [(n, params.get(n)) for n in ("actors_file", "loaded_terms_file")]
    named += [("codebooks", book) for book in params.get("codebooks", [])]
    for name, value in named:
        ref = paths.codebook_from_root(value, root) if name == "codebooks" else value
        if not ref or isinstance(ref, str) and name == "codebooks":
            continue  # empty (the packaged file) or a packaged codebook id
        p = paths.from_root(ref, root)
        if not p.is_file():
            raise ParamError(
                f"{source}: parameter {name!r}: {p}: file named in the parameters does not exist "
                f"({where})"
            )


def check_resources(
    params: Mapping[str, Any],
    root: Path,
    source: str = "the default parameters",
    *,
    strict: bool = False,
) -> None:
    """Load the codebooks, actors and loaded terms and check the sentiment methods, first.

    All of it before any kernel starts.

    Args:
        params: The validated parameters.
        root: Repository root (relative paths of the parameters start there).
        source: The parameter file, named in the message of an unknown sentiment method as in
            every other parameter error (``<file>: parameter 'sentiment_methods': …``).
        strict: A warning about the actors file is an error (``actors_io.load_actors``).

    Raises:
        ParamError: With the stage module's message (which names the file and the problem): a
            configuration error, exit status 2 as in ``mediaframes analyze``.

    Example:
        >>> check_resources({"sentiment_methods": ["foo"]}, Path("."), "p.yaml")
        Traceback (most recent call last):
        ...
        mediaframes.config.ParamError: p.yaml: parameter 'sentiment_methods': unknown method(s) \
['foo']; known: ['vader', 'textblob', 'afinn', 'labmt']
    """
    from mediaframes import actors_io, compare, framing, sentiment

    unknown = [m for m in params["sentiment_methods"] if m not in sentiment.METHODS]
    if unknown:
        raise ParamError(
            f"{source}: parameter 'sentiment_methods': unknown method(s) {unknown}; "
            f"known: {list(sentiment.METHODS)}"
        )
    try:
        for book in params["codebooks"]:
            framing.load_codebook(paths.codebook_from_root(book, root))
        actors_io.load_actors(_actors_arg(params["actors_file"], root), strict=strict)
        if params.get("loaded_terms_file"):
            compare.load_loaded_terms(paths.from_root(params["loaded_terms_file"], root))
    except (ValueError, OSError) as exc:
        raise ParamError(str(exc)) from None


def _actors_arg(actors_file: str, root: Path) -> str | None:
    """The actors parameter as ``actors_io.load_actors`` takes it (None: packaged default)."""
    return str(paths.from_root(actors_file, root)) if actors_file else None


# --------------------------------------------------------------------------- kernel


def kernel_problem(name: str, installed: Sequence[str], source: str) -> str | None:
    """Why the kernel parameter ``name`` cannot run the notebooks, or None when it can.

    Args:
        name: The ``kernel`` parameter.
        installed: Names of the installed Jupyter kernels.
        source: The parameter file (or "the default parameters"), named in the message.

    Returns:
        None for an installed kernel; else a message naming the file, the key, the installed
        kernels and the closest of them (or, for a name close to none, how to register it).

    Example:
        >>> kernel_problem("mediaframe", ["mediaframes", "python3"], "p.yaml")  # doctest: +ELLIPSIS
        "p.yaml: parameter 'kernel': Jupyter kernel 'mediaframe' is not installed; installed ...
        >>> kernel_problem("python3", ["mediaframes", "python3"], "p.yaml") is None
        True
    """
    if name in installed:
        return None
    listed = ", ".join(repr(k) for k in sorted(installed)) or "none"
    message = (
        f"{source}: parameter 'kernel': Jupyter kernel {name!r} is not installed; installed "
        f"kernels: {listed}"
    )
    default = name == config.SCHEMA["kernel"].default
    close = difflib.get_close_matches(name, sorted(installed), n=1, cutoff=0.75)
    if close and not default:
        return f"{message}; did you mean {close[0]!r}?"
    register = f"`{sys.executable} -m ipykernel install --sys-prefix --name {name}`"
    return f"{message}; register it with " + (
        f"`make setup` or {register}" if default else register
    )


def check_kernel(name: str, source: str = "the default parameters") -> None:
    """Check that the Jupyter kernel ``name`` is installed and its interpreter exists.

    The installed kernels are listed offline (``jupyter_client``'s ``KernelSpecManager``).

    Raises:
        ParamError: The kernel is not installed (an invalid ``kernel`` parameter: exit status
            2), with :func:`kernel_problem`'s message.
        PipelineError: The kernel points at a missing interpreter, with the command that
            registers it again.
    """
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    manager = KernelSpecManager()
    problem = kernel_problem(name, list(manager.find_kernel_specs()), source)
    if problem:
        raise ParamError(problem)
    hint = (
        "register it with `make setup` or "
        f"`{sys.executable} -m ipykernel install --sys-prefix --name {name}`"
    )
    try:
        spec = manager.get_kernel_spec(name)
    except NoSuchKernel:
        raise ParamError(
            f"{source}: parameter 'kernel': Jupyter kernel {name!r} is not installed; {hint}"
        ) from None
    exe = spec.argv[0] if spec.argv else ""
    if exe and os.path.isabs(exe) and not os.access(exe, os.X_OK):
        raise PipelineError(
            f"Jupyter kernel {name!r} points at a missing interpreter {exe}; {hint}"
        )


# --------------------------------------------------------------------------- run


@dataclass
class NotebookResult:
    """Outcome of one notebook (a manifest entry)."""

    name: str
    status: str = "not run"
    seconds: float | None = None
    cell: int | None = None
    message: str = ""


@dataclass
class RunResult:
    """Outcome of :func:`run_pipeline`.

    Attributes:
        status: ``succeeded``, ``failed`` or ``up to date``.
        run_id: The run's id ("" when nothing ran).
        message: What happened, in one or a few lines.
        manifest: Path of the run's manifest, when one was written.
        notebooks: Per-notebook outcomes.
    """

    status: str
    run_id: str = ""
    message: str = ""
    manifest: Path | None = None
    notebooks: list[NotebookResult] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 for success or up to date, 1 otherwise."""
        return 0 if self.status in ("succeeded", "up to date") else 1


def new_run_id() -> str:
    """A sortable unique run id: UTC time and a random suffix, e.g. ``20261127T190312Z-1a2b3c``."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _write_json(path: Path, data: Any) -> None:
    """Write JSON through a temporary file and ``os.replace``."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n", "utf-8")
    os.replace(tmp, path)


def check_reports_folder(reports: Path, corpus_dir: Path, source: str = "--reports") -> None:
    """Refuse a reports folder inside the corpus's raw inputs, before anything is created.

    Everything a run writes there (``runs/<run_id>/`` with its notebooks, manifest and log, the
    tables, the lock) would be read as inputs by the next run: quarantined files that change
    the corpus hash, and tables read as articles. ``mediaframes analyze`` and ``ingest`` refuse
    such an output folder too. A reports folder beside ``raw/`` (in the corpus folder) is fine.

    Args:
        reports: The reports folder (absolute).
        corpus_dir: The corpus folder of the parameters (absolute).
        source: How the reports folder was given, for the message.

    Raises:
        PipelineError: When ``reports`` is ``raw/`` or lies inside it (exit status 1).

    Example:
        >>> import tempfile
        >>> corpus = Path(tempfile.mkdtemp())
        >>> (corpus / "raw").mkdir()
        >>> check_reports_folder(corpus / "reports", corpus)  # beside raw/: fine
        >>> check_reports_folder(corpus / "raw" / "rep", corpus)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        mediaframes.pipeline.PipelineError: --reports .../raw/rep is inside the raw inputs ...
    """
    raw = paths.corpus_raw_dir(corpus_dir)
    if reports.resolve().is_relative_to(raw.resolve()):
        raise PipelineError(
            f"{source} {reports} is inside the raw inputs {raw} of corpus_dir {corpus_dir}: the "
            "next run would read the report's files as articles; give a folder outside raw/"
        )


def _check_writable(folder: Path) -> None:
    """Create ``folder`` if needed and prove it is writable, or raise a clear error."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{uuid.uuid4().hex[:8]}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise PipelineError(
            f"cannot write to the reports folder {folder}: {exc.strerror or exc}"
        ) from None


@contextlib.contextmanager
def reports_lock(reports: Path):
    """Hold ``reports/.lock`` for the block; fail at once if another run holds it.

    Raises:
        PipelineError: When another ``mediaframes run`` is writing to the same folder.
    """
    from filelock import FileLock, Timeout

    lock = FileLock(str(paths.run_lock(reports)), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise PipelineError(
            f"another `mediaframes run` is writing to {reports} (lock {paths.run_lock(reports)} "
            "is held); wait for it to finish, then run again"
        ) from None
    except OSError as exc:
        raise PipelineError(
            f"cannot write to the reports folder {reports}: {exc.strerror or exc}"
        ) from None
    try:
        yield
    finally:
        lock.release()


def expected_problems(out: Path) -> list[str]:
    """What is missing from a run's output folder (empty when everything expected is there).

    Expected: ``tables/`` with at least one table, each as ``.csv`` and ``.parquet``;
    ``figures/`` with at least one figure, each as ``.svg`` and ``.png``; at least one PDF; no
    empty file among them.

    Example:
        >>> import tempfile
        >>> expected_problems(Path(tempfile.mkdtemp()))[0]
        'no tables in tables/'
    """
    problems = []
    for sub, kinds, what in (
        ("tables", (".csv", ".parquet"), "tables"),
        ("figures", (".svg", ".png"), "figures"),
    ):
        folder = out / sub
        files = sorted(folder.glob("*")) if folder.is_dir() else []
        stems = {p.stem for p in files if p.suffix in kinds}
        if not stems:
            problems.append(f"no {what} in {sub}/")
        for stem in sorted(stems):
            for kind in kinds:
                if not (folder / f"{stem}{kind}").is_file():
                    problems.append(f"{sub}/{stem}{kind} is missing")
    if not sorted(out.glob("*.pdf")):
        problems.append("no PDF report")
    for p in _published_files(out):
        if p.stat().st_size == 0:
            problems.append(f"{p.relative_to(out).as_posix()} is empty")
    return problems


def default_outputs() -> list[str]:
    """Files a full run of :data:`NOTEBOOKS` must publish, relative to the reports folder.

    Every figure of :data:`mediaframes.figures.FIGURES` (SVG and PNG), the core tables (CSV and
    Parquet), ``report.pdf`` and ``report.json`` (the data the PDF was typeset from).

    Example:
        >>> "figures/word_choice.svg" in default_outputs()
        True
    """
    from mediaframes import figures

    core = ("articles", "statements", "mentions", "sentiment", "sentiment_by_actor", "frames",
            "frames_by_actor")  # fmt: skip
    out = [f"figures/{stem}{ext}" for stem in figures.FIGURES for ext in (".svg", ".png")]
    out += [f"tables/{name}{ext}" for name in core for ext in (".csv", ".parquet")]
    return [*out, "report.pdf", "report.json"]


def report_files(folder: Path) -> list[Path]:
    """The reports in a folder: every ``*.pdf`` and, next to it, the data it was typeset from.

    ``report.build_report`` writes ``<stem>.json`` beside ``<stem>.pdf``; a ``.json`` without a
    PDF of the same stem (``run_info.json``, ``manifest.json``) is not a report file.

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> for name in ("report.pdf", "report.json", "run_info.json"):
        ...     _ = (d / name).write_text("x")
        >>> [p.name for p in report_files(d)]
        ['report.json', 'report.pdf']
    """
    pdfs = sorted(folder.glob("*.pdf"))
    data = [p.with_suffix(".json") for p in pdfs if p.with_suffix(".json").is_file()]
    return sorted(pdfs + data)


def _published_files(folder: Path) -> list[Path]:
    files = report_files(folder)
    for sub in PUBLISHED_DIRS:
        if (folder / sub).is_dir():
            files += _files(folder / sub)
    return files


def output_hashes(folder: Path) -> dict[str, str]:
    """sha256 of every published file in a reports (or staging) folder, by relative path."""
    return {p.relative_to(folder).as_posix(): _sha256_file(p) for p in _published_files(folder)}


def pdf_timestamp(environ: Mapping[str, str] | None = None) -> int:
    """The creation time the report notebook stamps on the PDFs: ``SOURCE_DATE_EPOCH``, else 0.

    The one rule: ``report._timestamp`` calls it, and the up-to-date check reads it here without
    importing the report module (seconds).

    Example:
        >>> pdf_timestamp({"SOURCE_DATE_EPOCH": "1700000000"}), pdf_timestamp({})
        (1700000000, 0)
    """
    env = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "")
    return int(env) if env.isdigit() else 0


#: The reason :func:`stale_reasons` gives when nothing was published (not printed).
NO_REPORT = "no report was published yet"
#: What a report states about the run that made it besides its results (manifest keys):
#: the appendix names the parameter file, the kernel and the git commit, and the PDFs carry the
#: creation time (``source_date_epoch``). Part of "up to date", with the input hash.
PROVENANCE: tuple[str, ...] = ("params_file", "kernel", "git_commit", "source_date_epoch")


def provenance(
    params_file: str | None,
    kernel: str,
    commit: str | None,
    environ: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The :data:`PROVENANCE` of a run about to start (``params_file`` canonical, or None).

    Example:
        >>> provenance("params/default.yaml", "mediaframes", None, {})["source_date_epoch"]
        0
    """
    return {
        "params_file": params_file,
        "kernel": kernel,
        "git_commit": commit,
        "source_date_epoch": pdf_timestamp(environ),
    }


def stale_reasons(
    last: Mapping[str, Any] | None, input_hash: str, prov: Mapping[str, Any]
) -> list[str]:
    """Why the published report (its manifest ``last``) is not what this run would publish.

    Empty when it is up to date: a succeeded run with the same input hash and the same
    :data:`PROVENANCE`, so that a cold run would write the same bytes, appendix and PDF dates
    included. (Whether the published files are intact is checked apart, by their hashes.) A
    manifest written before ``source_date_epoch`` was recorded counts as 0, the default.

    Example:
        >>> prov = {"params_file": "p.yaml", "kernel": "k", "git_commit": "c2",
        ...         "source_date_epoch": 0}
        >>> last = {"status": "succeeded", "input_hash": "h", **prov, "git_commit": "c1"}
        >>> stale_reasons(last, "h", prov)
        ['the report names git commit c1, this run would name c2']
    """
    if not last:
        return [NO_REPORT]
    if last.get("status") != "succeeded":
        return ["the published manifest is not of a successful run"]
    reasons = []
    if last.get("input_hash") != input_hash:
        reasons.append("the inputs changed (corpus, parameters, code, notebooks or packages)")
    names = {"params_file": "parameter file", "kernel": "kernel", "git_commit": "git commit",
             "source_date_epoch": "PDF creation time (SOURCE_DATE_EPOCH)"}  # fmt: skip
    for key in PROVENANCE:
        old = last.get(key, 0 if key == "source_date_epoch" else None)
        new = prov.get(key)
        if old != new:
            reasons.append(f"the report names {names[key]} {old}, this run would name {new}")
    return reasons


def _published_manifest(reports: Path) -> dict[str, Any] | None:
    """The manifest of the published report, or None when there is none (or it is unreadable)."""
    try:
        last = json.loads((reports / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return last if isinstance(last, dict) else None


def _rerun_reasons(reports: Path, input_hash: str, prov: Mapping[str, Any]) -> list[str]:
    """Why the published report must be remade (:func:`stale_reasons`, damaged files).

    Empty when it is up to date.
    """
    last = _published_manifest(reports)
    reasons = stale_reasons(last, input_hash, prov)
    if reasons or last is None:
        return reasons
    recorded = last.get("outputs") or {}
    if not recorded or output_hashes(reports) != recorded:
        return ["the published files were changed or removed"]
    return []


# --------------------------------------------------------------------------- publish


def _rollback(reports: Path, journal: Mapping[str, Any]) -> None:
    """Undo a publish: move new items back to staging and old ones back from the trash."""
    staging, trash = Path(journal["staging"]), Path(journal["trash"])
    for name in reversed(journal.get("new", [])):
        if (reports / name).exists():
            staging.mkdir(parents=True, exist_ok=True)
            os.replace(reports / name, staging / name)
    for name in reversed(journal.get("old", [])):
        if (trash / name).exists():
            os.replace(trash / name, reports / name)


def recover(reports: Path) -> str | None:
    """Roll back a publish interrupted by a crash and remove stale staging folders.

    Call only while holding the reports lock. Returns a note when something was recovered.
    """
    note = None
    jpath = reports / JOURNAL
    if jpath.is_file():
        journal = json.loads(jpath.read_text(encoding="utf-8"))
        _rollback(reports, journal)
        jpath.unlink()
        note = f"rolled back the interrupted publish of run {journal.get('run_id')}"
    for stale in sorted(reports.glob(".staging-*")) + sorted(reports.glob(".trash-*")):
        shutil.rmtree(stale, ignore_errors=True)
    return note


def publish(staging: Path, reports: Path, run_id: str, manifest: Mapping[str, Any]) -> None:
    """Swap a successful run's outputs into ``reports/`` with ``os.replace``.

    The old ``figures/``, ``tables/``, PDFs and their data files (:func:`report_files`) move to
    a trash folder, the new ones take their
    place, then ``manifest.json`` is replaced. A journal makes an interrupted publish undoable
    (:func:`recover`); any error rolls back at once and the old report stays.

    Raises:
        PipelineError: When the swap failed (after rolling back).
    """
    trash = reports / f".trash-{run_id}"
    new = [p.name for p in report_files(staging)] + [
        d for d in PUBLISHED_DIRS if (staging / d).is_dir()
    ]
    old = [p.name for p in report_files(reports)] + [
        d for d in PUBLISHED_DIRS if (reports / d).exists()
    ]
    journal: dict[str, Any] = {
        "run_id": run_id,
        "staging": str(staging),
        "trash": str(trash),
        "old": [],
        "new": [],
    }
    jpath = reports / JOURNAL
    try:
        trash.mkdir()
        _write_json(jpath, journal)
        for name in old:
            os.replace(reports / name, trash / name)
            journal["old"].append(name)
            _write_json(jpath, journal)
        for name in new:
            journal["new"].append(name)
            _write_json(jpath, journal)
            os.replace(staging / name, reports / name)
        _write_json(reports / "manifest.json", manifest)
    except OSError as exc:
        try:
            _rollback(reports, journal)
            jpath.unlink(missing_ok=True)
        except OSError as exc2:
            raise PipelineError(
                f"publishing into {reports} failed ({exc}) and so did the rollback ({exc2}); "
                f"the previous report is in {trash}"
            ) from None
        shutil.rmtree(trash, ignore_errors=True)
        raise PipelineError(
            f"publishing into {reports} failed: {exc}; the previous report was kept"
        ) from None
    jpath.unlink(missing_ok=True)
    shutil.rmtree(trash, ignore_errors=True)


# --------------------------------------------------------------------------- child process


def _child(spec: Mapping[str, Any], conn: Any, log_path: str) -> int:
    """Body of the forked child: run the notebooks, one event per step on ``conn``.

    The child is forked from the runner after papermill was imported (a fresh interpreter
    would spend seconds importing it again); its stdout and stderr go to ``log_path``.
    """
    import papermill as pm

    log = open(log_path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - lives until exit
    os.dup2(log.fileno(), 1)
    os.dup2(log.fileno(), 2)
    sys.stdout = sys.stderr = log
    os.environ.update(MPLBACKEND="Agg", PYDEVD_DISABLE_FILE_VALIDATION="1")
    for i, job in enumerate(spec["jobs"]):
        conn.send({"event": "start", "index": i})
        start = time.monotonic()
        error = None
        try:
            pm.execute_notebook(
                job["input"],
                job["output"],
                parameters=job["parameters"],
                kernel_name=spec["kernel"],
                execution_timeout=spec["cell_timeout"],
                progress_bar=False,
                log_output=False,
                cwd=job["cwd"],
            )
        except Exception as exc:  # noqa: BLE001 - every failure is reported, then inspected
            error = {"type": type(exc).__name__, "message": str(exc).strip()[-2000:]}
        problem = inspect_executed(Path(job["output"]), error, spec["cell_timeout"])
        conn.send(
            {
                "event": "done",
                "index": i,
                "seconds": round(time.monotonic() - start, 3),
                "problem": asdict(problem) if problem else None,
            }
        )
        if problem is not None:
            return 1
    return 0


def _child_entry(spec: Mapping[str, Any], conn: Any, log_path: str, parent_pid: int) -> None:
    _die_with_parent(parent_pid)
    sys.exit(_child(spec, conn, log_path))


def _stop_own_tree(signum: int, frame: Any) -> None:
    """SIGTERM in the forked runner: kill its descendants (the kernel), then exit at once."""
    import psutil

    with contextlib.suppress(psutil.Error):
        kids = psutil.Process().children(recursive=True)
        for kid in kids:
            with contextlib.suppress(psutil.NoSuchProcess):
                kid.kill()
        psutil.wait_procs(kids, timeout=10)
    os._exit(128 + signum)


def _die_with_parent(parent_pid: int) -> None:
    """Make the forked runner stop, with its kernel, when ``mediaframes run`` itself dies.

    The runner handles Ctrl-C and SIGTERM by killing the child's process tree, but a SIGKILL
    (or a crash) of the runner left the child running the notebooks for minutes into a staging
    folder, with its kernel, outside the lock. On Linux the kernel now sends the child SIGTERM
    when its parent dies (``prctl(PR_SET_PDEATHSIG)``), and the child's SIGTERM handler kills
    its own descendants before it exits; a parent already gone when this runs counts too.
    """
    import signal

    signal.signal(signal.SIGTERM, _stop_own_tree)
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
    if os.getppid() != parent_pid:
        _stop_own_tree(int(signal.SIGTERM), None)


def _kill_tree(pid: int) -> None:
    """Kill a process and all its descendants (the kernel included)."""
    import psutil

    try:
        parent = psutil.Process(pid)
        procs = parent.children(recursive=True) + [parent]
    except psutil.NoSuchProcess:
        return
    for p in procs:
        with contextlib.suppress(psutil.NoSuchProcess):
            p.kill()
    psutil.wait_procs(procs, timeout=10)


def _launch(spec: Mapping[str, Any], log_file: Path) -> tuple[Any, Any]:
    """Fork the child process that runs the notebooks; return it and the event connection."""
    import multiprocessing

    import papermill  # noqa: F401 - imported once here, inherited by the forked child

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing to flush to
            stream.flush()
    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(
        target=_child_entry, args=(spec, send, str(log_file), os.getpid()), daemon=False
    )
    proc.start()
    send.close()
    return proc, recv


def _execute(
    jobs: list[dict[str, Any]],
    results: list[NotebookResult],
    staging: Path,
    kernel: str,
    cell_timeout: int,
    run_timeout: float,
    echo: Any,
) -> CellProblem | None:
    """Run the jobs in a child process; print progress; return the first problem."""
    log_file = staging / "papermill.log"
    deadline = time.monotonic() + run_timeout
    n = len(jobs)
    current: int | None = None
    problem: CellProblem | None = None
    proc: Any = None
    with _interrupts_raise():
        try:  # an interruption while papermill is imported and the child starts counts too
            spec = {"kernel": kernel, "cell_timeout": cell_timeout, "jobs": jobs}
            proc, conn = _launch(spec, log_file)
            while True:
                try:
                    ready = conn.poll(max(deadline - time.monotonic(), 0))
                    event = conn.recv() if ready else None
                except EOFError:
                    break
                problem, current, stop = _on_event(event, results, current, n, echo, problem)
                if stop:  # the run timeout passed
                    _kill_tree(proc.pid)
                    proc.join()
                    return _run_timed_out(jobs, results, current, run_timeout, echo)
        except (KeyboardInterrupt, RunInterrupted) as exc:
            # Ctrl-C or SIGTERM (``kill``, ``timeout``, a CI cancel): stop the child and its
            # kernel; the run is recorded as failed and nothing is published
            if proc is not None:
                _kill_tree(proc.pid)
                proc.join()
            if current is not None:  # (a notebook's progress line is open)
                echo(" INTERRUPTED", flush=True)
            where = results[current].name if current is not None else "run"
            if current is not None:
                results[current].status = "interrupted"
            why = exc.args[0] if isinstance(exc, RunInterrupted) else "Ctrl-C (SIGINT)"
            return CellProblem(where, None, "", f"the run was interrupted by {why}")
        except BaseException:
            if proc is not None:
                _kill_tree(proc.pid)
            raise
    proc.join()
    if problem is None and proc.exitcode != 0:
        if current is not None:
            echo(" FAILED", flush=True)
        tail = log_file.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
        where = results[current].name if current is not None else "run"
        problem = CellProblem(
            where,
            None,
            "",
            f"the notebook runner exited with status {proc.exitcode}: " + " | ".join(tail),
        )
    return problem


class RunInterrupted(KeyboardInterrupt):
    """Raised in the runner when it receives SIGTERM (the signal's name is the argument).

    A ``KeyboardInterrupt``, as Ctrl-C's: no ``except Exception`` on the way swallows it.
    """


@contextlib.contextmanager
def _interrupts_raise() -> Iterator[None]:
    """While the notebooks run, SIGTERM raises :class:`RunInterrupted`.

    As Ctrl-C raises ``KeyboardInterrupt``: the child and its kernel are then stopped, not
    orphaned. Only in the main thread (where Python delivers signals); the previous handler
    comes back.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: Any) -> None:
        raise RunInterrupted(signal.Signals(signum).name)

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _on_event(
    event: Mapping[str, Any] | None,
    results: list[NotebookResult],
    current: int | None,
    n: int,
    echo: Any,
    problem: CellProblem | None,
) -> tuple[CellProblem | None, int | None, bool]:
    """Apply one child event; returns (problem, current notebook, stop waiting)."""
    if event is None:  # the run timeout passed
        return problem, current, True
    i = event["index"]
    if event["event"] == "start":
        echo(f"[{i + 1}/{n}] {results[i].name} ...", end="", flush=True)
        return problem, i, False
    results[i].seconds = event["seconds"]
    if event["problem"]:
        problem = CellProblem(**event["problem"])
        results[i].status, results[i].cell = "failed", problem.cell
        results[i].message = problem.message()
        echo(f" FAILED ({event['seconds']:.1f} s)", flush=True)
    else:
        results[i].status = "succeeded"
        echo(f" ok ({event['seconds']:.1f} s)", flush=True)
    return problem, None, False


def _run_timed_out(
    jobs: list[dict[str, Any]],
    results: list[NotebookResult],
    current: int | None,
    run_timeout: float,
    echo: Any,
) -> CellProblem:
    """The problem to report when the whole run exceeded its timeout."""
    reason = f"the whole run exceeded run_timeout of {run_timeout:g} s"
    if current is None:
        return CellProblem("run", None, "", reason)
    echo(" STOPPED (run timeout)", flush=True)
    name = results[current].name
    results[current].status = "timed out"
    found = inspect_executed(Path(jobs[current]["output"]))
    if found is None or found.cell is None:
        return CellProblem(name, None, "", reason)
    return CellProblem(name, found.cell, found.first_line, reason + " while this cell ran")


def _jobs(
    notebooks: Sequence[Path],
    nb_params: Mapping[str, Any],
    runner_values: Mapping[str, Any],
    out_dir: Path,
) -> list[dict[str, Any]]:
    """One papermill job per notebook, injecting only the parameters it declares."""
    jobs = []
    for nb_path in notebooks:
        declared = {p.name for p in notebook_params(read_notebook(nb_path), nb_path.name)}
        values = {**nb_params, **runner_values}
        jobs.append(
            {
                "input": str(nb_path),
                "output": str(out_dir / nb_path.name),
                "parameters": {k: v for k, v in values.items() if k in declared},
                "cwd": str(nb_path.parent),
            }
        )
    return jobs


def _check_notebooks(nb_paths: Sequence[Path]) -> None:
    """Read every notebook and check its parameters cell (literals; no runner settings)."""
    for nb_path in nb_paths:
        for p in notebook_params(read_notebook(nb_path), nb_path.name):
            if p.name in config.SCHEMA and not config.SCHEMA[p.name].notebook:
                raise PipelineError(
                    f"{nb_path.name}: {p.name} is a runner setting, not a notebook parameter"
                )


def input_state(params: Mapping[str, Any], nb_paths: Sequence[Path], root: Path) -> dict[str, Any]:
    """Everything a run's results depend on, with ``input_hash`` summarizing it.

    Runner settings (timeouts, kernel name) are left out: they do not change results.
    """
    nb_values = config.notebook_params(params)
    c_hash, n_files = corpus_hash(paths.from_root(params["corpus_dir"], root))
    versions = package_versions()
    s_hash = source_hash(nb_paths, input_files(params, root))
    key = {"corpus": c_hash, "params": nb_values, "source": s_hash, "packages": versions}
    return {
        "parameters": nb_values,
        "corpus": {"dir": params["corpus_dir"], "files": n_files, "content_hash": c_hash},
        "source_hash": s_hash,
        "input_hash": hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest(),
        "git_commit": git_commit(root),
        "python": platform.python_version(),
        "packages": versions,
    }


def read_run_info(
    run_info_file: str | Path = "", output_dir: str | Path | None = None, **params: Any
) -> dict[str, Any]:
    """The run description for a report's reproducibility appendix.

    ``mediaframes run`` writes it (``run_info.json``: parameters, corpus hash, source hash, git
    commit, Python and package versions, kernel; no clock, so reports stay reproducible) and
    passes its path to the report notebook (a relative path is read from the repository root,
    as every path parameter of the notebooks). Run by hand (``run_info_file == ""``), it is
    computed for the current environment from the parameters the notebooks recorded in
    ``output_dir`` (``handrun.recorded_parameters``), then the given ones, over the defaults;
    it names the notebooks that recorded them (``parameters_recorded_by``) and, when two
    notebooks ran with different values, says so (``parameter_conflicts``, and a warning).

    Example:
        >>> info = read_run_info(corpus_dir=str(paths.corpus_dir()))
        >>> info["parameters"]["seed"], len(info["corpus"]["content_hash"])
        (0, 64)
    """
    if run_info_file:
        path = paths.from_root(run_info_file)  # as every notebook parameter, from the root
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise PipelineError(f"{path}: cannot read the run description ({exc})") from None
    from mediaframes import handrun

    root = paths.repo_root()
    notes: dict[str, str] = {}
    if output_dir is not None:
        params, notes = handrun.recorded_parameters(output_dir, params)
    values = config.validate_params(params, "notebook parameters")
    if "parameter_conflicts" in notes:
        import warnings

        warnings.warn(
            "the notebooks ran with different parameters: " + notes["parameter_conflicts"],
            stacklevel=2,
        )
    nb_paths = [paths.notebooks_dir(root) / n for n in NOTEBOOKS]
    state = input_state(values, [p for p in nb_paths if p.is_file()], root)
    state.pop("input_hash")
    return {**state, "params_file": None, "kernel": values["kernel"], **notes}


def run_pipeline(
    params_file: str | Path | None = None,
    reports: str | Path | None = None,
    *,
    notebooks: Sequence[str | Path] | None = None,
    force: bool = False,
    expect_artifacts: bool = True,
    echo: Any = print,
    strict: bool = False,
) -> RunResult:
    """Validate parameters, run the notebooks, inspect them and publish the report.

    Args:
        params_file: Parameter YAML (None: the declared defaults). Relative to the working
            directory, like ``reports`` and ``notebooks``; paths inside it are relative to the
            repository root.
        reports: Reports folder (default ``reports/`` in the repository).
        notebooks: Notebook files to run, in order (default :data:`NOTEBOOKS` in
            ``notebooks/``); tests pass small fault-injection notebooks here.
        force: Run even when the published report is up to date.
        expect_artifacts: Require tables, figures and a PDF before publishing (with the
            default notebooks: every file of :func:`default_outputs`).
        echo: Progress printer (``print``-like).
        strict: ``--strict``: a warning about the actors file is a :class:`ParamError`, also
            when the report is up to date (``actors_io.load_actors``).

    Returns:
        The run's outcome; ``exit_code`` is the process exit status.

    Raises:
        ParamError: On an invalid parameter file, or a missing or invalid actors file,
            codebook or sentiment method it names (before anything runs).
        PipelineError: When the run cannot start (missing corpus folder, a kernel whose
            interpreter is gone, lock held, unwritable reports folder).

    A kernel that is not installed is a :class:`ParamError` (naming the installed ones), even
    when the report is up to date.
    """
    echo = tolerant_echo(echo)  # a closed stdout (`| head -1`) must not stop the run
    root = paths.repo_root()
    params = config.load_params(params_file)
    # paths given by the caller are relative to the working directory: made absolute here, once,
    # because the notebooks run in their own folder (run_info_file, output_dir are passed on)
    reports = paths.absolute(reports) if reports is not None else paths.reports_dir(root)
    nb_paths = [
        paths.absolute(p) for p in (notebooks or [paths.notebooks_dir(root) / n for n in NOTEBOOKS])
    ]
    _check_notebooks(nb_paths)
    check_paths(params, root, str(params_file) if params_file else "the default parameters")
    check_reports_folder(reports, paths.from_root(params["corpus_dir"], root))
    _check_writable(reports)
    with reports_lock(reports):
        note = recover(reports)
        if note:
            echo(note)
        state = input_state(params, nb_paths, root)
        shown = shown_path(params_file, root) if params_file else None
        prov = provenance(shown, params["kernel"], state["git_commit"])
        reasons = [] if force else _rerun_reasons(reports, state["input_hash"], prov)
        up_to_date = not force and not reasons
        if not up_to_date or strict:  # (resources are in the input hash: valid when up to date)
            source = str(params_file) if params_file else "the default parameters"
            check_resources(params, root, source, strict=strict)
        # a kernel that is no longer installed must not hide behind an up-to-date report
        check_kernel(
            params["kernel"], str(params_file) if params_file else "the default parameters"
        )
        if up_to_date:
            echo(f"up to date: {reports} was made from the same inputs (use --force to rerun)")
            return RunResult("up to date", message="up to date")
        if reasons and reasons != [NO_REPORT]:  # say why a published report is remade
            echo("rerunning: " + "; ".join(reasons), flush=True)
        required = default_outputs() if notebooks is None else []
        return _run(params, prov, state, nb_paths, reports, expect_artifacts, required, echo)


def shown_path(given: str | Path, root: Path) -> str:
    """How the run description names the parameter file given on the command line: canonically.

    The file is resolved against the working directory (``..`` and symbolic links followed);
    inside the repository it is named from the repository root (POSIX separators), elsewhere by
    its absolute path. So the same file gives the same ``report.json`` and ``report.pdf``
    bytes however its path was typed (relative, absolute, through ``..``), and no machine path
    of the checkout enters the report's appendix.

    Args:
        given: The path as typed (relative to the working directory, or absolute).
        root: The repository root.

    Example:
        >>> root = Path("/repo")
        >>> shown_path("/repo/params/../params/default.yaml", root)
        'params/default.yaml'
        >>> shown_path("/elsewhere/inputs/../p.yaml", root)
        '/elsewhere/p.yaml'
    """
    path = Path(given).expanduser().resolve()
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _run(
    params: Mapping[str, Any],
    prov: Mapping[str, Any],
    state: Mapping[str, Any],
    nb_paths: Sequence[Path],
    reports: Path,
    expect_artifacts: bool,
    required: Sequence[str],
    echo: Any,
) -> RunResult:
    """Run the notebooks into a staging folder, record the run, publish on success.

    The staging folder goes whatever ends the run: an interruption (``KeyboardInterrupt``,
    :class:`RunInterrupted`) before the notebooks start propagates, without it.
    """
    run_id = new_run_id()
    staging = paths.staging_dir(reports, run_id)
    try:
        (staging / "notebooks").mkdir(parents=True)
    except OSError as exc:
        raise PipelineError(f"cannot create the staging folder {staging}: {exc}") from None
    try:
        return _run_staged(
            params, prov, state, nb_paths, reports, expect_artifacts, required, echo, run_id
        )
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _run_staged(
    params: Mapping[str, Any],
    prov: Mapping[str, Any],
    state: Mapping[str, Any],
    nb_paths: Sequence[Path],
    reports: Path,
    expect_artifacts: bool,
    required: Sequence[str],
    echo: Any,
    run_id: str,
) -> RunResult:
    """:func:`_run` once its staging folder exists."""
    staging = paths.staging_dir(reports, run_id)
    executed = staging / "notebooks"
    started, t0 = _now(), time.monotonic()
    run_info = {
        **{k: v for k, v in state.items() if k != "input_hash"},
        "params_file": prov["params_file"],
        "kernel": prov["kernel"],
    }
    _write_json(staging / "run_info.json", run_info)
    results = [NotebookResult(p.name) for p in nb_paths]
    runner_values = {
        "output_dir": str(staging),
        "run_info_file": str(staging / "run_info.json"),
        "interactive": False,
    }
    jobs = _jobs(nb_paths, state["parameters"], runner_values, executed)
    echo(
        f"run {run_id}: {len(jobs)} notebooks, kernel {params['kernel']}, "
        f"cell timeout {params['cell_timeout']} s, run timeout {params['run_timeout']} s",
        flush=True,
    )
    problem = _execute(
        jobs,
        results,
        staging,
        params["kernel"],
        params["cell_timeout"],
        params["run_timeout"],
        echo,
    )
    message = problem.message() if problem else ""
    if problem is None and expect_artifacts:
        missing = expected_problems(staging) + [
            f"{name} is missing" for name in required if not (staging / name).is_file()
        ]
        if missing:
            message = "the run finished but expected outputs are missing: " + "; ".join(missing)
    status = "failed" if message else "succeeded"
    manifest = {
        "run_id": run_id,
        "status": status,
        "error": message or None,
        "started_at": started,
        "finished_at": _now(),
        "seconds": round(time.monotonic() - t0, 3),
        **run_info,
        "parameters": dict(params),
        "input_hash": state["input_hash"],
        "source_date_epoch": prov["source_date_epoch"],
        "notebooks": [asdict(r) for r in results],
        "outputs": output_hashes(staging) if status == "succeeded" else {},
    }
    run_dir = paths.runs_dir(reports) / run_id
    try:
        try:
            run_dir.mkdir(parents=True)
            for p in sorted(executed.glob("*.ipynb")) + [staging / "papermill.log"]:
                if p.exists():
                    os.replace(p, run_dir / p.name)
            _write_json(run_dir / "manifest.json", manifest)
        except OSError as exc:
            raise PipelineError(
                f"cannot record run {run_id} in {run_dir} ({exc}); nothing was published"
                + (f"; the run failed: {message}" if message else "")
            ) from None
        if status == "succeeded":
            publish(staging, reports, run_id, manifest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result = RunResult(
        status, run_id, message or f"published to {reports}", run_dir / "manifest.json", results
    )
    if status == "succeeded":
        echo(f"succeeded: {result.message} (manifest {result.manifest})")
        for line in quarantine_lines(paths.tables_dir(reports)):
            echo(line)
    return result


def quarantine_lines(tables_dir: str | Path, limit: int = 20) -> list[str]:
    """Console lines naming the inputs the run quarantined (from ``quarantine.csv``).

    Nothing is dropped silently: ``mediaframes run`` prints these after a successful run, as
    ``mediaframes ingest`` does. No lines when nothing was quarantined or there is no table.

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> rows = ["source_path,reason,detail", "raw/a.txt,empty,file has 0 bytes"]
        >>> _ = (d / "quarantine.csv").write_text(chr(10).join(rows), encoding="utf-8")
        >>> for line in quarantine_lines(d):  # doctest: +ELLIPSIS
        ...     print(line)
        1 input quarantined (see ...quarantine.csv):
          raw/a.txt: empty (file has 0 bytes)
    """
    import pandas as pd

    path = Path(tables_dir) / "quarantine.csv"
    if not path.is_file():
        return []
    q = pd.read_csv(path, dtype=str, keep_default_na=False)
    if q.empty:
        return []
    n = len(q)
    lines = [f"{n} input{'s' if n != 1 else ''} quarantined (see {path}):"]
    for _, r in q.head(limit).iterrows():
        lines.append(f"  {r.get('source_path', '')}: {r.get('reason', '')} ({r.get('detail', '')})")
    if n > limit:
        lines.append(f"  … and {n - limit} more")
    return lines


def run_command(args: argparse.Namespace) -> int:
    """Entry point of ``mediaframes run``: exit status 0 ok, 1 failed, 2 bad parameters.

    With ``--strict``, also 1 when the published report's corpus had quarantined inputs, and 2
    when the actors file has a warning (a misspelt key, a name written "Surname, Given").
    """
    echo = tolerant_echo(print, on_close=stdout_to_devnull)
    try:
        with _interrupts_raise():  # before anything is created: no traceback, no leftovers
            result = run_pipeline(
                args.params,
                args.reports,
                notebooks=args.notebooks,
                force=args.force,
                echo=echo,
                strict=getattr(args, "strict", False),
            )
    except (KeyboardInterrupt, RunInterrupted) as exc:
        why = exc.args[0] if isinstance(exc, RunInterrupted) else "Ctrl-C (SIGINT)"
        print(
            f"mediaframes run: error: the run was interrupted by {why}; nothing was published "
            "and its temporary files were removed",
            file=sys.stderr,
        )
        return 1
    except ParamError as exc:
        print(f"mediaframes run: error: {exc}", file=sys.stderr)
        return 2
    except PipelineError as exc:
        print(f"mediaframes run: error: {exc}", file=sys.stderr)
        return 1
    if result.exit_code:
        print(f"mediaframes run: error: {result.message}", file=sys.stderr)
        return result.exit_code
    if getattr(args, "strict", False):
        return strict_status(args.reports, result.status == "up to date", echo)
    return 0


def tolerant_echo(echo: Any = print, on_close: Any = None) -> Any:
    """``echo`` that stops printing once its output is closed, instead of stopping the run.

    ``mediaframes run … | head -1`` closes the runner's stdout after one line: the next progress
    line raises ``BrokenPipeError``. The run goes on (and records its manifest); lines for
    stdout are dropped from then on, lines for another stream (``file=sys.stderr``) are still
    tried. ``on_close`` is called once, when stdout is found closed.

    Example:
        >>> def closed(*args, **kwargs):
        ...     raise BrokenPipeError
        >>> echo = tolerant_echo(closed)
        >>> echo("run 1: 5 notebooks") is None and echo("[1/5] 01_corpus.ipynb ...") is None
        True
    """
    closed = False

    def safe(*args: Any, **kwargs: Any) -> None:
        nonlocal closed
        to_stdout = kwargs.get("file") in (None, sys.stdout)
        if closed and to_stdout:
            return
        try:
            echo(*args, **kwargs)
        except BrokenPipeError:
            if to_stdout:
                closed = True
                if on_close is not None:
                    on_close()

    return safe


def stdout_to_devnull() -> None:
    """Point file descriptor 1 at /dev/null, so Python's flush at exit finds no closed pipe."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def strict_status(reports: str | Path | None, echo_lines: bool, echo: Any = print) -> int:
    """Exit status of ``mediaframes run --strict`` after a successful or up-to-date run.

    1 when the published report's corpus had quarantined inputs (the report stays published:
    it lists them in its Corpus section), else 0. An up-to-date run prints the list first,
    as a fresh run already has.

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> strict_status(d, True)
        0
    """
    folder = paths.absolute(reports) if reports is not None else paths.reports_dir()
    lines = quarantine_lines(paths.tables_dir(folder))
    if not lines:
        return 0
    if echo_lines:
        for line in lines:
            echo(line)
    echo(f"mediaframes run: error: --strict: {lines[0].split(' (see ')[0]}", file=sys.stderr)
    return 1

"""Notebooks run by hand (papermill, JupyterLab): parameter checks and the parameter record.

``mediaframes run`` checks a parameter file before any kernel starts (:mod:`mediaframes.config`)
and passes the report notebook a run description. A notebook run by hand gets its values from
papermill (``-p``, ``-r``, ``-y``, ``-f``) or from its ``parameters`` cell, so each notebook
starts with one call, :func:`start_notebook`, which

* refuses a name papermill injected that no notebook knows (a misspelt ``-p actor_file``; papermill
  itself only warns "Passed unknown parameter"), found in the cell papermill injected;
* coerces what ``papermill -p`` makes of a value (:func:`coerce_value`): a string that is a YAML
  list becomes that list, a single string a one-item list, ``false``/``no`` False, ``"5"`` 5;
* checks every value against the schema, as ``mediaframes run`` does (an error names the
  notebook and the parameter), and what the values name (:func:`check_inputs`: the corpus
  folder, the actors and contested-terms files, every codebook and sentiment method; a missing
  path is named with the rule that relative paths start at the repository root);
* compares ``corpus_dir`` and ``actors_file`` with those of the notebooks whose tables it reads
  (:func:`upstream_problems`: 02 reads 01's, 03 and 04 read 02's): another corpus is an error,
  another actors file a warning, each naming the notebook to rerun;
* records the notebook's parameters in ``output_dir/parameters/<notebook>.json``
  (:func:`record_path`: ``{"notebook": ..., "parameters": {...}}``), beside ``tables/``.

Notebook 05, run by hand, describes its run from these records (:func:`recorded_parameters`,
called by ``pipeline.read_run_info``): the report's appendix lists the values the tables were
made with, and says so when two notebooks ran with different values. ``mediaframes run`` passes
its own run description (``run_info_file``); its records stay in the staging folder, unpublished.

Example:
    >>> coerce_value("codebooks", "policy_frames", "02.ipynb")
    ['policy_frames']
    >>> coerce_value("interactive", "false", "02.ipynb")
    False
"""

from __future__ import annotations

import ast
import difflib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from mediaframes import config, paths
from mediaframes.config import ParamError

#: Parameters the runner sets itself, with their kinds (``pipeline.RUNNER_PARAMS``).
RUNNER_KINDS: dict[str, str] = {"output_dir": "str", "run_info_file": "str", "interactive": "bool"}
#: Folder of the parameter records, inside ``output_dir``.
RECORD_DIR = "parameters"
#: How papermill starts the cell it injects (Python translator).
_INJECTED = "# Parameters"
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}
_PM_HINT = (
    " (papermill -p reads numbers, True/False and None as such: pass text with -r NAME VALUE)"
)


def _kind(name: str) -> str:
    return config.SCHEMA[name].kind if name in config.SCHEMA else RUNNER_KINDS[name]


def known_names() -> list[str]:
    """Every parameter name a notebook may be given: the schema's and the runner's.

    Example:
        >>> "seed" in known_names() and "output_dir" in known_names()
        True
    """
    return [*config.SCHEMA, *RUNNER_KINDS]


def coerce_value(name: str, value: Any, source: str) -> Any:
    """Check one notebook parameter, turning what papermill made of a ``-p`` value into its kind.

    Args:
        name: A known parameter (:func:`known_names`).
        value: The value in the notebook.
        source: The notebook, named in the error.

    Returns:
        The value of the declared kind: for a list, a string holding a YAML list is read as one
        and any other string is a one-item list; for a boolean, ``true/yes/on/1`` and
        ``false/no/off/0`` (any case, or the integers 1 and 0); for an integer, a plain decimal
        string. Schema parameters then pass :func:`config.check_value`.

    Raises:
        ParamError: ``"<source>: parameter '<name>' ..."`` with the reason.

    Example:
        >>> coerce_value("sentiment_methods", '["vader","afinn"]', "03.ipynb")
        ['vader', 'afinn']
        >>> coerce_value("bootstrap_n", "50", "03.ipynb")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        mediaframes.config.ParamError: 03.ipynb: parameter 'bootstrap_n' must be at least 100 ...
    """
    kind = _kind(name)
    if kind == "list[str]" and isinstance(value, str):
        value = _yaml_list(name, value, source) if value.lstrip().startswith("[") else [value]
    elif kind == "list[str]" and isinstance(value, tuple):
        value = list(value)
    elif kind == "bool" and isinstance(value, str | int) and not isinstance(value, bool):
        text = str(value).strip().lower()
        if text in _TRUE | _FALSE:
            value = text in _TRUE
    elif kind == "int" and isinstance(value, str) and config._INT_TEXT.fullmatch(value.strip()):
        value = int(value.strip())
    if name in config.SCHEMA:
        try:
            return config.check_value(name, value, source)
        except ParamError as exc:
            text = str(exc)
            if kind == "str" and (value is None or isinstance(value, int | float)):
                text += _PM_HINT
            raise ParamError(text) from None
    ok = isinstance(value, bool) if kind == "bool" else isinstance(value, str)
    if not ok:
        words = "true or false" if kind == "bool" else "a string"
        hint = _PM_HINT if kind == "str" else ""
        raise ParamError(f"{source}: parameter {name!r} must be {words}, got {value!r}{hint}")
    if name == "output_dir" and not value:
        raise ParamError(f"{source}: parameter 'output_dir' must not be empty")
    return value


def _yaml_list(name: str, text: str, source: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or exc
        msg = f"{source}: parameter {name!r}: not a YAML list: {text!r} ({problem})"
        raise ParamError(msg) from None


def injected_names(history: Sequence[str]) -> list[str]:
    r"""Names papermill injected, from the kernel's input history (IPython's ``In``).

    The last cell that starts with ``# Parameters`` is papermill's injected cell; none (a
    notebook run cell by cell in JupyterLab) gives [].

    Example:
        >>> injected_names(["", 'seed = 0', '# Parameters\nactor_file = "a.yml"\n', 'x = 1'])
        ['actor_file']
    """
    for source in reversed(list(history)):
        if isinstance(source, str) and source.startswith(_INJECTED):
            try:
                tree = ast.parse(source)
            except SyntaxError:
                return []
            return [
                t.id
                for stmt in tree.body
                if isinstance(stmt, ast.Assign)
                for t in stmt.targets
                if isinstance(t, ast.Name)
            ]
    return []


def unknown_problem(names: Sequence[str], source: str) -> str | None:
    """Why injected names hold an unknown parameter (with the closest known one), or None.

    Example:
        >>> unknown_problem(["actor_file"], "02.ipynb")  # doctest: +ELLIPSIS
        "02.ipynb: unknown parameter 'actor_file' (did you mean 'actors_file'?); known ...
    """
    known = known_names()
    unknown = [n for n in names if n not in known]
    if not unknown:
        return None
    name = unknown[0]
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"{source}: unknown parameter {name!r}{hint}; known parameters: {', '.join(known)}"


def declared_names(notebook: str, root: Path | None = None) -> list[str] | None:
    """The parameters a notebook of ``notebooks/`` declares (None when it cannot be read)."""
    from mediaframes import pipeline

    try:
        nb = pipeline.read_notebook(paths.notebooks_dir(root) / notebook)
        return [p.name for p in pipeline.notebook_params(nb, notebook)]
    except pipeline.PipelineError:
        return None


def check_parameters(
    namespace: Mapping[str, Any], notebook: str, declared: Sequence[str] | None = None
) -> dict[str, Any]:
    """Check and coerce a notebook's parameters (see the module docstring); record nothing.

    Args:
        namespace: The notebook's variables (``globals()``).
        notebook: The notebook's file name, named in errors.
        declared: The names its ``parameters`` cell declares (None: read from ``notebooks/``,
            else every known name in ``namespace``).

    Returns:
        The declared parameters, checked, in declaration order.

    Raises:
        ParamError: An unknown injected name, or a value of the wrong kind.

    Example:
        >>> check_parameters({"seed": "5", "In": []}, "03.ipynb", ["seed"])
        {'seed': 5}
    """
    injected = injected_names(namespace.get("In") or [])
    problem = unknown_problem(injected, notebook)
    if problem:
        raise ParamError(problem)
    if declared is None:
        declared = declared_names(notebook)
    if declared is None:
        declared = [n for n in known_names() if n in namespace]
    known = set(known_names())
    # also given by papermill, not declared (e.g. `-f params.yaml`): checked, not recorded
    extra = [n for n in injected if n not in declared and n in namespace]
    for name in extra:
        coerce_value(name, namespace[name], notebook)
    return {
        name: coerce_value(name, namespace[name], notebook)
        for name in declared
        if name in known and name in namespace
    }


def record_path(output_dir: str | Path, notebook: str) -> Path:
    """Where a notebook records its parameters: ``output_dir/parameters/<stem>.json``.

    Example:
        >>> record_path("/out", "02_statements.ipynb").as_posix()
        '/out/parameters/02_statements.json'
    """
    return paths.from_root(output_dir) / RECORD_DIR / f"{Path(notebook).stem}.json"


def record_parameters(output_dir: str | Path, notebook: str, values: Mapping[str, Any]) -> Path:
    """Write ``{"notebook": ..., "parameters": {...}}`` (runner settings left out); return it."""
    path = record_path(output_dir, notebook)
    path.parent.mkdir(parents=True, exist_ok=True)
    params = {k: v for k, v in values.items() if k in config.SCHEMA}
    text = json.dumps({"notebook": notebook, "parameters": params}, indent=2, ensure_ascii=False)
    paths.write_atomic(path, (text + "\n").encode("utf-8"))
    return path


def _path_problem(name: str, problem: str, notebook: str, root: Path) -> ParamError:
    return ParamError(
        f"{notebook}: parameter {name!r}: {problem} (relative paths are read from the "
        f"repository root {root}, whichever folder the notebook runs in)"
    )


def check_inputs(values: Mapping[str, Any], notebook: str, root: Path | None = None) -> None:
    """Check what a notebook's parameters name, before it computes anything.

    As ``mediaframes run`` does before any kernel starts (``pipeline.check_paths`` and
    ``check_resources``): the corpus folder and the actors and contested-terms files exist, every
    codebook loads, every sentiment method is known. Only the parameters in ``values`` are
    checked, so each notebook checks what it declares; a notebook that uses a codebook only in
    its last cell (02's statement browser) no longer fails there, after writing its tables.

    Args:
        values: The checked parameters (:func:`check_parameters`).
        notebook: The notebook's file name, named in errors.
        root: The repository root that relative paths start from (default
            :func:`mediaframes.paths.repo_root`).

    Raises:
        ParamError: ``"<notebook>: parameter '<name>': <problem>"``; for a path, the path looked
            for and that relative paths start at the repository root.

    Example:
        >>> check_inputs({"codebooks": ["policy_frames"], "sentiment_methods": ["vader"]}, "x")
        >>> check_inputs({"corpus_dir": "no/such/folder"}, "02.ipynb", Path("/repo"))
        Traceback (most recent call last):
        ...
        mediaframes.config.ParamError: 02.ipynb: parameter 'corpus_dir': corpus folder not found: \
/repo/no/such/folder (relative paths are read from the repository root /repo, whichever folder \
the notebook runs in)
    """
    root = root or paths.repo_root()
    if "corpus_dir" in values:
        folder = paths.from_root(values["corpus_dir"], root)
        if folder.is_file():
            problem = f"{folder} is a file, not a corpus folder (the folder that holds raw/)"
            raise _path_problem("corpus_dir", problem, notebook, root)
        if not folder.is_dir():
            raise _path_problem("corpus_dir", f"corpus folder not found: {folder}", notebook, root)
    for name in ("actors_file", "loaded_terms_file"):
        if values.get(name):
            file = paths.from_root(values[name], root)
            if not file.is_file():
                raise _path_problem(name, f"file not found: {file}", notebook, root)
    for book in values.get("codebooks") or []:
        ref = paths.codebook_from_root(book, root)
        if isinstance(ref, Path) and not ref.is_file():
            raise _path_problem("codebooks", f"codebook file not found: {ref}", notebook, root)
        from mediaframes import framing

        try:
            framing.load_codebook(ref)
        except (ValueError, OSError) as exc:
            raise ParamError(f"{notebook}: parameter 'codebooks': {exc}") from None
    if values.get("sentiment_methods"):
        from mediaframes import sentiment

        unknown = [m for m in values["sentiment_methods"] if m not in sentiment.METHODS]
        if unknown:
            raise ParamError(
                f"{notebook}: parameter 'sentiment_methods': unknown method(s) {unknown}; "
                f"known: {list(sentiment.METHODS)}"
            )


#: The notebooks whose tables each notebook reads from ``output_dir/tables/``: the
#: ``corpus_dir`` and ``actors_file`` they recorded must be this notebook's
#: (:func:`upstream_problems`).
READS_FROM: dict[str, tuple[str, ...]] = {
    "02_statements.ipynb": ("01_corpus.ipynb",),
    "03_sentiment.ipynb": ("02_statements.ipynb",),
    "04_framing.ipynb": ("02_statements.ipynb",),
}


def _same_path(a: Any, b: Any, root: Path) -> bool:
    if not a or not b:
        return (a or "") == (b or "")  # "" is the packaged actors file
    return paths.from_root(a, root).resolve() == paths.from_root(b, root).resolve()


def upstream_problems(
    values: Mapping[str, Any],
    notebook: str,
    records: Sequence[tuple[str, Mapping[str, Any]]],
    root: Path | None = None,
) -> tuple[list[str], list[str]]:
    """Where a notebook's corpus or actors file differ from those of the tables it reads.

    Notebook 02 reads the articles table of 01, 03 and 04 the statements and mentions of 02
    (:data:`READS_FROM`). Run by hand with another ``corpus_dir`` than the notebook that wrote
    those tables, it would mix two corpora (a report on "1 article" whose speakers speak in 12);
    with another ``actors_file``, its speakers, tone and tests would follow another actors file
    than the statements it reads (empty tests when no configured actor speaks there).

    Args:
        values: The notebook's checked parameters.
        notebook: The notebook's file name.
        records: The parameter records of ``output_dir`` (:func:`read_records`).
        root: The repository root (default :func:`mediaframes.paths.repo_root`).

    Returns:
        ``(errors, warnings)``: a different corpus is an error, a different actors file a
        warning (the report's appendix lists it as a conflict too); each message names both
        notebooks, both values and what to rerun.

    Example:
        >>> records = [("01_corpus.ipynb", {"corpus_dir": "corpus"})]
        >>> errors, _ = upstream_problems({"corpus_dir": "mine"}, "02_statements.ipynb", records)
        >>> print(errors[0])  # doctest: +NORMALIZE_WHITESPACE
        02_statements.ipynb: corpus_dir "mine" is not the corpus of the tables this notebook
        reads: 01_corpus wrote them from corpus_dir "corpus" in the same output_dir. Run
        01_corpus with corpus_dir "mine" first (or give 02_statements another output_dir).
        >>> upstream_problems({"corpus_dir": "corpus"}, "02_statements.ipynb", records)
        ([], [])
    """
    root = root or paths.repo_root()
    recorded = dict(records)
    errors: list[str] = []
    warnings: list[str] = []
    me = Path(notebook).stem
    for upstream in READS_FROM.get(Path(notebook).name, ()):
        theirs = recorded.get(upstream)
        if theirs is None:
            continue
        up = Path(upstream).stem
        if "corpus_dir" in values and "corpus_dir" in theirs:
            mine, other = values["corpus_dir"], theirs["corpus_dir"]
            if not _same_path(mine, other, root):
                errors.append(
                    f'{notebook}: corpus_dir "{mine}" is not the corpus of the tables this '
                    f'notebook reads: {up} wrote them from corpus_dir "{other}" in the same '
                    f'output_dir. Run {up} with corpus_dir "{mine}" first (or give {me} another '
                    "output_dir)."
                )
        if "actors_file" in values and "actors_file" in theirs:
            mine, other = values["actors_file"], theirs["actors_file"]
            if not _same_path(mine, other, root):
                show = [f'"{v}"' if v else '"" (the packaged actors)' for v in (mine, other)]
                warnings.append(
                    f"{notebook}: actors_file {show[0]} is not the one {up} attributed the "
                    f"statements this notebook reads with ({show[1]}): speakers, tone and tests "
                    f"would follow two actors files. Run {up} with actors_file {show[0]} first, "
                    f"or run {me} with {show[1]}."
                )
    return errors, warnings


def start_notebook(namespace: Mapping[str, Any], notebook: str) -> dict[str, Any]:
    """The first call of each notebook: check its parameters and record them in ``output_dir``.

    The values are checked (:func:`check_parameters`), then what they name
    (:func:`check_inputs`), then against the notebooks whose tables this one reads
    (:func:`upstream_problems`: another corpus is an error, another actors file a warning);
    only then are they recorded.

    Returns:
        The checked parameters; the notebook puts them back with ``globals().update(...)``.

    Raises:
        ParamError: See :func:`check_parameters`, :func:`check_inputs` and
            :func:`upstream_problems`.

    Example:
        >>> import tempfile
        >>> out = tempfile.mkdtemp()
        >>> start_notebook({"output_dir": out, "seed": 3}, "x.ipynb")["seed"]
        3
        >>> record_path(out, "x.ipynb").is_file()
        True
    """
    values = check_parameters(namespace, notebook)
    check_inputs(values, notebook)
    if "output_dir" in values:
        errors, warnings = upstream_problems(values, notebook, read_records(values["output_dir"]))
        if errors:
            raise ParamError(errors[0])
        if warnings:
            import warnings as _warnings

            for text in warnings:
                _warnings.warn(text, UserWarning, stacklevel=2)
        record_parameters(values["output_dir"], notebook, values)
    return values


def merge_records(
    records: Sequence[tuple[str, Mapping[str, Any]]],
) -> tuple[dict[str, Any], dict[str, list[tuple[str, Any]]]]:
    """One value per parameter from several notebooks' records, and the conflicting ones.

    Args:
        records: ``(notebook, parameters)`` in notebook order.

    Returns:
        ``(values, conflicts)``: the value of the last notebook that recorded each parameter,
        and for each parameter recorded with different values, every ``(notebook, value)``.

    Example:
        >>> merge_records([("02", {"seed": 0, "x": 1}), ("03", {"seed": 5, "x": 1})])
        ({'seed': 5, 'x': 1}, {'seed': [('02', 0), ('03', 5)]})
    """
    values: dict[str, Any] = {}
    seen: dict[str, list[tuple[str, Any]]] = {}
    for notebook, params in records:
        for name, value in params.items():
            values[name] = value
            seen.setdefault(name, []).append((notebook, value))
    conflicts = {
        name: pairs
        for name, pairs in seen.items()
        if len({json.dumps(v, sort_keys=True) for _, v in pairs}) > 1
    }
    return values, conflicts


def read_records(output_dir: str | Path) -> list[tuple[str, dict[str, Any]]]:
    """The parameter records in ``output_dir/parameters/``, by notebook name.

    Raises:
        ParamError: A record that is not readable JSON of the expected shape (naming the file).
    """
    folder = paths.from_root(output_dir) / RECORD_DIR
    out = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            params = data["parameters"]
            if not isinstance(params, dict):
                raise TypeError("parameters is not a mapping")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ParamError(f"{path}: not a parameter record ({exc})") from None
        out.append((str(data.get("notebook") or f"{path.stem}.ipynb"), params))
    return out


def describe_conflicts(conflicts: Mapping[str, Sequence[tuple[str, Any]]]) -> str:
    """The conflicts of :func:`merge_records` as one line for the report's appendix.

    Example:
        >>> describe_conflicts({"seed": [("02_a.ipynb", 0), ("03_b.ipynb", 5)]})
        'seed: 02_a 0, 03_b 5 (03_b used)'
    """
    parts = []
    for name, pairs in conflicts.items():
        shown = ", ".join(f"{Path(nb).stem} {json.dumps(v, ensure_ascii=False)}" for nb, v in pairs)
        parts.append(f"{name}: {shown} ({Path(pairs[-1][0]).stem} used)")
    return "; ".join(parts)


def recorded_parameters(
    output_dir: str | Path, given: Mapping[str, Any] | None = None
) -> tuple[dict[str, Any], dict[str, str]]:
    """The parameters a hand run's notebooks recorded, merged, with a note for the appendix.

    Args:
        output_dir: The notebooks' ``output_dir``.
        given: Values passed by the caller, taken as the last notebook's.

    Returns:
        ``(values, notes)``: schema parameters only; ``notes`` holds ``parameters_recorded_by``
        (the notebooks, or that none recorded) and, when notebooks disagree,
        ``parameter_conflicts`` (:func:`describe_conflicts`).
    """
    records = read_records(output_dir)
    if given:
        records.append(("given", dict(given)))
    values, conflicts = merge_records(records)
    names = [Path(nb).stem for nb, _ in records if nb != "given"]
    notes = {
        "parameters_recorded_by": ", ".join(names)
        if names
        else "no notebook (defaults and the values given)"
    }
    if conflicts:
        notes["parameter_conflicts"] = describe_conflicts(conflicts)
    return {k: v for k, v in values.items() if k in config.SCHEMA}, notes

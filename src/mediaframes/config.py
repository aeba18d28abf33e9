r"""Pipeline parameters: a declared schema, strict YAML loading, validation before any kernel.

papermill injects parameter *names* into notebooks as code and coerces values loosely, so every
parameter file is checked here, completely, before a notebook runs:

* the file is read with PyYAML's safe loader only: tags such as ``!!python/object`` are refused;
* the top level must be a mapping; a key given twice is refused (PyYAML would keep the last),
  at any depth (:func:`load_yaml_text`);
* every key must be a declared parameter (:data:`SCHEMA`), a plain identifier and no Python
  keyword, so that nothing but a known name ever reaches a notebook;
* every value must have its declared type exactly. YAML 1.1 reads ``yes``/``on``/``no`` as
  booleans and ``007`` as the integer 7 (``010`` as 8): an unquoted scalar whose text is not a
  plain literal of the declared type is refused with a hint, rather than silently coerced.

Relative paths in a parameter file are relative to the repository root (:mod:`mediaframes.paths`).

Every YAML file the project reads (parameters, actors files, codebooks, contested-terms lists)
goes through :func:`load_yaml_text`: a key given twice in one mapping is an error naming the
file, the key and both lines (PyYAML would silently keep the last: a copy-pasted actor block
would replace the first actor), and a tab is an error saying so in words (PyYAML's own message
is "found character '\t' that cannot start any token").

Bootstrap resamples: :data:`BOOTSTRAP_N` is the one default of ``mediaframes run`` and
``mediaframes analyze`` (and of the statistics functions), so the same data and seed give the
same intervals whichever command computed them; :data:`MIN_BOOTSTRAP_N` is the fewest accepted.

Example:
    >>> params = load_params(None)  # the declared defaults
    >>> params["seed"], params["cell_timeout"] > 0
    (0, True)
    >>> validate_params({"seed": "7"}, source="cli")
    Traceback (most recent call last):
    ...
    mediaframes.config.ParamError: cli: parameter 'seed' must be an integer, got the string '7'
"""

from __future__ import annotations

import keyword
import numbers
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class ParamError(ValueError):
    """A parameter file or value is invalid; the message names the file and the key."""


# --------------------------------------------------------------------------- YAML files

#: The tag of YAML's merge key ``<<``, whose mapping's keys may be given again.
_MERGE_TAG = "tag:yaml.org,2002:merge"


def duplicate_key(root: yaml.Node | None) -> tuple[str, str, int, int] | None:
    r"""The first key given twice in one mapping of a composed YAML document, or None.

    Keys are compared as written with their resolved tag (``brask`` and ``"brask"`` are the
    same string key); the keys a merge (``<<``) brings in may be overridden, as YAML allows.

    Args:
        root: The document's node (``yaml.compose``), or None for an empty document.

    Returns:
        ``(key, where, first line, second line)``: ``where`` is the path of keys down to the
        mapping (``"actors"``; ``""`` at the top), the lines count from 1.

    Example:
        >>> duplicate_key(yaml.compose("actors:\n  a: 1\n  b: 2\n  a: 3\n"))
        ('a', 'actors', 2, 4)
        >>> duplicate_key(yaml.compose("a: 1\nb: {a: 2}\n")) is None
        True
    """
    seen_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, str]] = [] if root is None else [(root, "")]
    while stack:
        node, where = stack.pop(0)
        if id(node) in seen_nodes:  # an alias of a node already checked
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack[:0] = [(item, where) for item in node.value]
        if not isinstance(node, yaml.MappingNode):
            continue
        first: dict[tuple[str, str], int] = {}
        children = []
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != _MERGE_TAG:
                key = (key_node.tag, key_node.value)
                line = key_node.start_mark.line + 1
                if key in first:
                    return key_node.value, where, first[key], line
                first[key] = line
                label = key_node.value
            else:
                label = "?"
            children.append((value_node, f"{where}.{label}" if where else label))
        stack[:0] = children
    return None


def yaml_tab_problem(exc: yaml.YAMLError) -> str | None:
    r"""Say in words that a YAML error is a tab, with its line; None for any other error.

    Example:
        >>> try:
        ...     yaml.safe_load("actors:\n\tname: x\n")
        ... except yaml.YAMLError as exc:
        ...     yaml_tab_problem(exc)
        'line 2: a tab character; YAML indents with spaces, never tabs: replace it with spaces'
    """
    problem = getattr(exc, "problem", None) or ""
    mark = getattr(exc, "problem_mark", None)
    if mark is None or ("\\t" not in problem and "tab" not in problem):
        return None
    return (
        f"line {mark.line + 1}: a tab character; YAML indents with spaces, never tabs: "
        "replace it with spaces"
    )


def load_yaml_text(
    text: str, source: str, error: type[ValueError] = ValueError, loader: type = yaml.SafeLoader
) -> Any:
    r"""Parse YAML text safely, refusing duplicate keys and explaining tabs.

    Args:
        text: The YAML text.
        source: The file's name, at the start of every message.
        error: The exception raised for a duplicate key or a tab (a :class:`ValueError`; the
            callers' own, such as :class:`ParamError`).
        loader: The PyYAML loader class (default ``yaml.SafeLoader``: no Python tags).

    Returns:
        The parsed document (None for an empty one).

    Raises:
        ``error``: A key given twice in one mapping (naming the key, where it is and both
            lines) or a tab where YAML needs spaces.
        yaml.YAMLError: Any other invalid YAML, for the caller to word.

    Example:
        >>> load_yaml_text("a: 1\n", "f.yml")
        {'a': 1}
        >>> load_yaml_text("actors:\n  a: 1\n  a: 2\n", "f.yml")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ValueError: f.yml: key 'a' is given twice in 'actors', on line 2 and line 3: ...
    """
    parser = loader(text)
    try:
        try:
            node = parser.get_single_node()
        except yaml.YAMLError as exc:
            tab = yaml_tab_problem(exc)
            if tab is None:
                raise
            raise error(f"{source}: {tab}") from None
        dup = duplicate_key(node)
        if dup is not None:
            key, where, first, second = dup
            inside = f" in {where!r}" if where else ""
            raise error(
                f"{source}: key {key!r} is given twice{inside}, on line {first} and line "
                f"{second}: YAML would keep only the second, silently dropping the first; "
                "remove or rename one"
            )
        return None if node is None else parser.construct_document(node)
    finally:
        parser.dispose()


#: Default bootstrap resamples per confidence interval (``bootstrap_n``; ``mediaframes analyze
#: --bootstrap-n``). 1000 puts each 2.5% tail of a percentile interval on 25 resamples.
BOOTSTRAP_N = 1000
#: Fewest bootstrap resamples accepted. A 95% percentile interval is read off the 2.5% and 97.5%
#: quantiles of the resampled means: with 100 resamples each bound rests on the 2-3 most extreme
#: means; with fewer the bounds collapse towards single resamples (with 1, ``ci_low == ci_high``
#: and the "interval" need not contain the mean).
MIN_BOOTSTRAP_N = 100


@dataclass(frozen=True)
class Param:
    """One declared parameter.

    Attributes:
        name: Parameter name (an identifier; notebooks declare it in their ``parameters`` cell).
        kind: ``str``, ``int``, ``float``, ``bool`` or ``list[str]``.
        default: Default value (also the value in ``params/default.yaml``).
        help: One-line description (the comment above the key in ``params/default.yaml``).
        notebook: True when the value is injected into notebooks; False for runner settings
            (timeouts, kernel) that never reach a kernel.
        check: Optional extra check; returns an error text or None.
    """

    name: str
    kind: str
    default: Any
    help: str
    notebook: bool = True
    check: Callable[[Any], str | None] | None = None


def _positive(value: Any) -> str | None:
    return None if value > 0 else "must be greater than 0"


def non_negative(value: Any) -> str | None:
    """None for a value of 0 or more, else the reason (a ``check`` for :func:`check_integer`)."""
    return None if value >= 0 else "must be 0 or greater (numpy seeds are non-negative)"


def _resamples(value: Any) -> str | None:
    if value >= MIN_BOOTSTRAP_N:
        return None
    return (
        f"must be at least {MIN_BOOTSTRAP_N} (a 95% percentile interval reads its bounds off "
        "the 2.5% and 97.5% quantiles of the resampled means)"
    )


def check_bootstrap(seed: Any, n_boot: Any) -> None:
    """Refuse a seed or a number of resamples that no command would accept.

    The statistics functions (``sentiment.bootstrap_ci`` and the aggregates built on it) call
    this too, so calling them directly is held to the same rules as ``mediaframes run`` and
    ``mediaframes analyze``.

    Args:
        seed: Seed of the numpy Generator (an integer, 0 or greater).
        n_boot: Bootstrap resamples (an integer, at least :data:`MIN_BOOTSTRAP_N`).

    Raises:
        ValueError: Naming the argument and the reason.

    Example:
        >>> check_bootstrap(0, 1000)
        >>> check_bootstrap(0, 10)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: n_boot must be at least 100 (a 95% percentile interval ...), got 10
    """
    check_integer("seed", seed, non_negative)
    check_integer("n_boot", n_boot, _resamples)


def check_integer(name: str, value: Any, check: Callable[[Any], str | None] = _positive) -> None:
    """Refuse a value that is no integer (``True`` included) or that ``check`` rejects.

    Args:
        name: The argument's name, for the message.
        value: The value.
        check: Returns an error text or None (default: greater than 0).

    Raises:
        ValueError: ``"<name> must be ..., got <value>"``.

    Example:
        >>> check_integer("n_perm", 0)
        Traceback (most recent call last):
        ...
        ValueError: n_perm must be greater than 0, got 0
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be an integer, got {value!r}")
    problem = check(value)
    if problem:
        raise ValueError(f"{name} {problem}, got {value}")


def _non_empty(value: Any) -> str | None:
    return None if value else "must not be empty"


def _names(value: Any) -> str | None:
    if not value:
        return "must name at least one entry"
    bad = [v for v in value if not re.fullmatch(r"[A-Za-z0-9_.\-/]+", v)]
    if bad:
        return f"has entries that are not plain names or paths: {bad!r}"
    if len(set(value)) != len(value):
        return "has duplicate entries"
    return None


def _frame_words(value: Any) -> str | None:
    return None if value in ("statement", "reported") else "must be 'statement' or 'reported'"


#: Every parameter the pipeline knows, in the order of ``params/default.yaml``.
SCHEMA: dict[str, Param] = {
    p.name: p
    for p in (
        Param(
            "corpus_dir",
            "str",
            "corpus",
            "corpus folder (raw files in raw/), from the repo root",
            check=_non_empty,
        ),
        Param("actors_file", "str", "", "actors YAML file; empty for the packaged actors.yml"),
        Param(
            "codebooks",
            "list[str]",
            ["conflict_diplomacy"],
            "framing codebooks: packaged ids or YAML files",
            check=_names,
        ),
        Param(
            "frame_words",
            "str",
            "statement",
            "frames from each statement's whole sentence(s) (statement) or its reported words only "
            "(reported)",
            check=_frame_words,
        ),
        Param(
            "loaded_terms_file",
            "str",
            "",
            "contested-terms YAML file (as compare --loaded-terms); empty for the packaged list",
        ),
        Param(
            "sentiment_methods",
            "list[str]",
            ["vader", "textblob", "afinn", "labmt"],
            "sentiment methods to run and compare",
            check=_names,
        ),
        Param(
            "seed",
            "int",
            0,
            "random seed for bootstrap confidence intervals (0 or greater)",
            check=non_negative,
        ),
        Param(
            "bootstrap_n",
            "int",
            BOOTSTRAP_N,
            f"bootstrap resamples per confidence interval (at least {MIN_BOOTSTRAP_N})",
            check=_resamples,
        ),
        Param(
            "report_title",
            "str",
            "How leaders' statements are reported in the news",
            "title of the report PDF",
            check=_non_empty,
        ),
        Param(
            "kernel",
            "str",
            "mediaframes",
            "Jupyter kernel that runs the notebooks",
            notebook=False,
            check=_non_empty,
        ),
        Param(
            "cell_timeout",
            "int",
            600,
            "seconds one notebook cell may run",
            notebook=False,
            check=_positive,
        ),
        Param(
            "run_timeout",
            "int",
            3600,
            "seconds the whole run may take",
            notebook=False,
            check=_positive,
        ),
    )
}

_KIND_WORDS = {
    "str": "a string",
    "int": "an integer",
    "float": "a number",
    "bool": "true or false",
    "list[str]": "a list of strings",
}
_INT_TEXT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT_TEXT = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")
_BOOL_TEXT = {"true", "false"}


def defaults() -> dict[str, Any]:
    """Return the declared default of every parameter (a fresh copy).

    Example:
        >>> defaults()["codebooks"]
        ['conflict_diplomacy']
    """
    return {name: _copy(p.default) for name, p in SCHEMA.items()}


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def check_name(name: Any, source: str) -> str:
    """Return ``name`` if it is a declared parameter name, else raise :class:`ParamError`.

    Example:
        >>> check_name("seed", "x.yaml")
        'seed'
        >>> check_name("import os;x", "x.yaml")
        Traceback (most recent call last):
        ...
        mediaframes.config.ParamError: x.yaml: 'import os;x' is not a valid parameter name \
(parameter names are injected into notebooks as code; use letters, digits and _)
        >>> check_name("actor_file", "x.yaml")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        mediaframes.config.ParamError: x.yaml: unknown parameter 'actor_file' (did you mean \
'actors_file'?) (known parameters: corpus_dir, actors_file, ...)
    """
    if not isinstance(name, str) or not name.isidentifier() or not name.isascii():
        raise ParamError(
            f"{source}: {name!r} is not a valid parameter name (parameter names are injected "
            "into notebooks as code; use letters, digits and _)"
        )
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        raise ParamError(f"{source}: {name!r} is a Python keyword, not a parameter name")
    if name not in SCHEMA:
        import difflib

        known = ", ".join(SCHEMA)
        close = difflib.get_close_matches(name, list(SCHEMA), n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ParamError(f"{source}: unknown parameter {name!r}{hint} (known parameters: {known})")
    return name


def _type_error(source: str, name: str, kind: str, value: Any, hint: str = "") -> ParamError:
    got = f"the {_describe(value)} {value!r}"
    return ParamError(f"{source}: parameter {name!r} must be {_KIND_WORDS[kind]}, got {got}{hint}")


def _describe(value: Any) -> str:
    return {bool: "boolean", int: "integer", float: "number", str: "string", list: "list"}.get(
        type(value), type(value).__name__
    )


def check_value(name: str, value: Any, source: str) -> Any:
    """Check one value against its declared type and checks; return it (floats from ints).

    Args:
        name: A declared parameter name.
        value: The value as loaded.
        source: File name (or "cli") for the error message.

    Returns:
        The value, unchanged except that an integer given for a float becomes a float.

    Raises:
        ParamError: On a wrong type or a failed check.

    Example:
        >>> check_value("bootstrap_n", 200, "p.yaml")
        200
        >>> check_value("bootstrap_n", True, "p.yaml")
        Traceback (most recent call last):
        ...
        mediaframes.config.ParamError: p.yaml: parameter 'bootstrap_n' must be an integer, \
got the boolean True
    """
    param = SCHEMA[name]
    kind = param.kind
    if kind == "str":
        ok = isinstance(value, str)
    elif kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind == "float":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif kind == "bool":
        ok = isinstance(value, bool)
    elif kind == "list[str]":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    else:  # pragma: no cover - a schema error
        raise AssertionError(f"unknown parameter kind {kind}")
    if not ok:
        hint = ""
        if kind == "str" and isinstance(value, bool | int | float):
            hint = " (YAML reads yes/no/on/off as booleans and 007 as 7: quote the value)"
        raise _type_error(source, name, kind, value, hint)
    if isinstance(value, str) and "\x00" in value:
        raise ParamError(f"{source}: parameter {name!r} contains a NUL character")
    if param.check is not None:
        problem = param.check(value)
        if problem:
            raise ParamError(f"{source}: parameter {name!r} {problem}: {value!r}")
    return value


def validate_params(values: Mapping[Any, Any], source: str) -> dict[str, Any]:
    """Validate a mapping of parameters and fill in defaults.

    Args:
        values: Parameter names and values (e.g. from a YAML file or ``-p`` options).
        source: Where they come from, for error messages.

    Returns:
        Every declared parameter, in schema order, with the given values over the defaults.

    Raises:
        ParamError: On an unknown or malformed name, or a wrong value; with several, one
            error whose message lists every one, a line each (so one run shows them all).

    Example:
        >>> validate_params({"seed": 3}, "p.yaml")["seed"]
        3
    """
    out = defaults()
    problems: list[str] = []
    for name, value in values.items():
        try:
            check_name(name, source)
            out[name] = check_value(name, value, source)
        except ParamError as exc:
            problems.append(str(exc))
    if len(problems) == 1:
        raise ParamError(problems[0])
    if problems:
        raise ParamError(f"{source}: {len(problems)} problems:\n" + "\n".join(problems))
    return out


def _scalar_problem(node: yaml.ScalarNode, kind: str) -> str | None:
    """Return why a plain YAML scalar is not a literal of ``kind``, or None.

    Only unquoted scalars are checked: YAML resolves them by pattern, which is where ``yes``,
    ``on`` and ``007`` turn into other types than the writer meant.
    """
    if node.style is not None:  # quoted or block scalar: a string, as written
        return None
    text = node.value
    if kind == "int" and not _INT_TEXT.fullmatch(text):
        return f"write integers in plain decimal, without leading zeros (got {text})"
    if kind == "float" and not (_FLOAT_TEXT.fullmatch(text) or _INT_TEXT.fullmatch(text)):
        return f"write numbers in plain decimal (got {text})"
    if kind == "bool" and text not in _BOOL_TEXT:
        return f"write true or false (got {text}; YAML's yes/no/on/off are ambiguous)"
    return None


def _check_nodes(root: yaml.Node, source: str) -> None:
    """Check the raw YAML nodes: a flat mapping, literal scalars as declared.

    (A key given twice was refused when the text was loaded: :func:`load_yaml_text`.)
    """
    if not isinstance(root, yaml.MappingNode):
        raise ParamError(f"{source}: the file must be a mapping of parameter names to values")
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise ParamError(f"{source}:{line}: parameter names must be plain strings")
        name = key_node.value
        param = SCHEMA.get(name)
        if param is None or not isinstance(value_node, yaml.ScalarNode):
            continue  # unknown names and list types are reported by validate_params
        problem = _scalar_problem(value_node, param.kind)
        if problem:
            raise ParamError(f"{source}:{value_node.start_mark.line + 1}: {name}: {problem}")


def parse_params_text(text: str, source: str) -> dict[str, Any]:
    """Parse and validate parameter YAML text (see the module docstring for the rules).

    Args:
        text: YAML text.
        source: File name for error messages.

    Returns:
        Every declared parameter with its value (defaults for those not given).

    Raises:
        ParamError: On unsafe or malformed YAML, or any invalid name or value.

    Example:
        >>> parse_params_text("seed: 5", "p.yaml")["seed"]
        5
        >>> parse_params_text("report_title: yes", "p.yaml")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        mediaframes.config.ParamError: p.yaml: parameter 'report_title' must be a string, got...
    """
    try:
        data = load_yaml_text(text, source, ParamError)
    except yaml.constructor.ConstructorError as exc:
        where = f":{exc.problem_mark.line + 1}" if exc.problem_mark else ""
        if "tag" not in str(exc.problem):
            raise ParamError(f"{source}{where}: not valid YAML: {exc.problem}") from None
        raise ParamError(
            f"{source}{where}: refused YAML tag ({exc.problem}); parameter files may hold only "
            "plain strings, numbers, booleans and lists"
        ) from None
    except yaml.YAMLError as exc:
        raise ParamError(f"{source}: not valid YAML: {exc}") from None
    if data is None:
        return defaults()
    if not isinstance(data, dict):
        raise ParamError(f"{source}: the file must be a mapping of parameter names to values")
    params = validate_params(data, source)
    _check_nodes(yaml.compose(text, Loader=yaml.SafeLoader), source)
    return params


def load_params(path: str | Path | None) -> dict[str, Any]:
    """Load and validate a parameter file; ``None`` gives the declared defaults.

    Args:
        path: A YAML file, or None.

    Returns:
        Every declared parameter with its value.

    Raises:
        ParamError: When the file cannot be read or is invalid (the message names the file).

    Example:
        >>> load_params(None)["kernel"]
        'mediaframes'
    """
    if path is None:
        return defaults()
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ParamError(f"{path}: cannot read the parameter file ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParamError(f"{path}: the parameter file is not UTF-8 ({exc.reason})") from None
    return parse_params_text(text, str(path))


def notebook_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """Return only the parameters that are injected into notebooks.

    Example:
        >>> "cell_timeout" in notebook_params(defaults())
        False
    """
    return {k: _copy(v) for k, v in params.items() if SCHEMA[k].notebook}


def render_defaults_yaml() -> str:
    """Render the declared defaults as commented YAML (the content of ``params/default.yaml``).

    Example:
        >>> "seed: 0" in render_defaults_yaml()
        True
    """
    lines = [
        "# Pipeline parameters for `mediaframes run --params FILE` (`make report` uses this file).",
        "# Relative paths are relative to the repository root. Every key is checked against the",
        "# schema in src/mediaframes/config.py before any notebook runs: unknown keys, YAML tags",
        "# and values of the wrong type are errors. Quote strings that YAML could read otherwise.",
        "",
    ]
    for p in SCHEMA.values():
        lines.append(f"# {p.help}")
        dumped = yaml.safe_dump({p.name: p.default}, allow_unicode=True, sort_keys=False)
        lines.append(dumped.rstrip("\n"))
    return "\n".join(lines) + "\n"

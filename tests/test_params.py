"""Parameter files: strict loading, validation before any kernel starts, defaults in sync."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from mediaframes import cli, config, paths, pipeline
from mediaframes.config import ParamError

REPO = Path(__file__).resolve().parents[1]
GOOD_NB = str(Path(__file__).parent / "fixtures" / "notebooks" / "good.ipynb")


# --------------------------------------------------------------------------- loading rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", {}),
        ("seed: 7\n", {"seed": 7}),
        ("seed: 3\n", {"seed": 3}),
        ("bootstrap_n: 100\n", {"bootstrap_n": 100}),
        ("report_title: 'yes'\n", {"report_title": "yes"}),
        ("report_title: '007'\n", {"report_title": "007"}),
        ('corpus_dir: "data/corpus"\n', {"corpus_dir": "data/corpus"}),
        (
            "codebooks: [policy_frames, conflict_diplomacy]\n",
            {"codebooks": ["policy_frames", "conflict_diplomacy"]},
        ),
        ("sentiment_methods:\n  - vader\n", {"sentiment_methods": ["vader"]}),
        ("report_title: Élysée et Кремль\n", {"report_title": "Élysée et Кремль"}),
    ],
)
def test_valid_files(text: str, expected: dict) -> None:
    params = config.parse_params_text(text, "p.yaml")
    assert params == {**config.defaults(), **expected}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # unknown names
        ("seeed: 1\n", "unknown parameter 'seeed' (did you mean 'seed'?)"),
        ("actor_file: a.yml\n", "unknown parameter 'actor_file' (did you mean 'actors_file'?)"),
        ("output_dir: /etc\n", "unknown parameter 'output_dir'"),
        # names that are code, not identifiers, or keywords
        ('"import os;x": 1\n', "'import os;x' is not a valid parameter name"),
        ("\"x=__import__('os')\": 1\n", "is not a valid parameter name"),
        ('"seed\\n": 1\n', "is not a valid parameter name"),
        ("class: 1\n", "'class' is a Python keyword"),
        ("1: 2\n", "1 is not a valid parameter name"),
        ("[a]: 2\n", "not valid YAML"),
        ("? [a]\n: 2\n", "not valid YAML"),
        # wrong types, including YAML's loose scalars
        ("seed: '7'\n", "parameter 'seed' must be an integer, got the string '7'"),
        ("seed: 1.5\n", "parameter 'seed' must be an integer"),
        ("seed: true\n", "parameter 'seed' must be an integer, got the boolean True"),
        ("seed: 007\n", "write integers in plain decimal"),
        ("seed: 010\n", "write integers in plain decimal"),
        ("seed: 0x1F\n", "write integers in plain decimal"),
        ("seed: 1_000\n", "write integers in plain decimal"),
        ("report_title: yes\n", "must be a string, got the boolean True"),
        ("report_title: on\n", "quote the value"),
        ("corpus_dir: 007\n", "must be a string, got the integer 7"),
        ("corpus_dir: null\n", "must be a string, got the NoneType None"),
        ("codebooks: conflict_diplomacy\n", "must be a list of strings"),
        ("codebooks: [1, 2]\n", "must be a list of strings"),
        ("codebooks: []\n", "must name at least one entry"),
        ("sentiment_methods: [vader, vader]\n", "has duplicate entries"),
        ("sentiment_methods: ['vader; rm -rf']\n", "not plain names or paths"),
        ("bootstrap_n: 0\n", "'bootstrap_n' must be at least 100"),
        ("bootstrap_n: 1\n", "'bootstrap_n' must be at least 100 (a 95% percentile interval"),
        ("bootstrap_n: 99\n", "'bootstrap_n' must be at least 100"),
        ("bootstrap_n: -5\n", "'bootstrap_n' must be at least 100"),
        ("seed: -3\n", "parameter 'seed' must be 0 or greater"),
        ("frame_words: quote\n", "must be 'statement' or 'reported'"),
        ("cell_timeout: -1\n", "must be greater than 0"),
        ("corpus_dir: ''\n", "must not be empty"),
        ('corpus_dir: "a\\0b"\n', "contains a NUL character"),
        # unsafe or malformed YAML
        ("seed: !!python/object/apply:os.system ['echo hi']\n", "refused YAML tag"),
        ("seed: !!python/object:os.system {}\n", "refused YAML tag"),
        ("seed: !!python/name:os.system\n", "refused YAML tag"),
        ("- seed\n- 1\n", "must be a mapping"),
        ("just text\n", "must be a mapping"),
        ("seed: [1\n", "not valid YAML"),
        ("seed: 1\nseed: 2\n", "key 'seed' is given twice, on line 1 and line 2"),
        ("codebooks:\n- a\nseed: 1\ncodebooks: [b]\n", "'codebooks' is given twice, on line 1"),
    ],
)
def test_invalid_files(text: str, fragment: str) -> None:
    with pytest.raises(ParamError) as err:
        config.parse_params_text(text, "bad.yaml")
    assert str(err.value).startswith("bad.yaml")
    assert fragment in str(err.value)


def test_every_problem_of_a_parameter_file_is_reported_at_once() -> None:
    """Acceptance test 18b, defect 8: a file with two errors named only the first."""
    with pytest.raises(ParamError) as err:
        config.parse_params_text("seed: -1\nbogus: 3\n", "bad.yaml")
    lines = str(err.value).splitlines()
    assert lines[0] == "bad.yaml: 2 problems:"
    assert "'seed'" in lines[1] and "unknown parameter 'bogus'" in lines[2]


def test_load_params_names_the_file(tmp_path: Path) -> None:
    f = tmp_path / "p.yaml"
    f.write_text("seed: yes\n", encoding="utf-8")
    with pytest.raises(ParamError, match=r"p\.yaml.*'seed'"):
        config.load_params(f)
    with pytest.raises(ParamError, match="cannot read"):
        config.load_params(tmp_path / "missing.yaml")
    f.write_bytes("\ufeffseed: 1\n".encode())
    assert config.load_params(f)["seed"] == 1
    f.write_bytes(b"seed: 1\nreport_title: \xff\n")
    with pytest.raises(ParamError, match="not UTF-8"):
        config.load_params(f)


def test_yaml_tag_is_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"seed: !!python/object/apply:os.system ['touch {marker}']\n"
    with pytest.raises(ParamError):
        config.parse_params_text(text, "p.yaml")
    assert not marker.exists()


# --------------------------------------------------------------------------- defaults in sync


def test_default_yaml_matches_schema() -> None:
    f = paths.params_file(REPO)
    assert config.load_params(f) == config.defaults()
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    assert list(data) == list(config.SCHEMA), "default.yaml lists every parameter, in order"
    assert f.read_text(encoding="utf-8") == config.render_defaults_yaml()


def test_schema_defaults_are_valid() -> None:
    assert config.validate_params(config.defaults(), "schema") == config.defaults()
    for p in config.SCHEMA.values():
        assert p.help and p.name.isidentifier()


# --------------------------------------------------------------------------- before any kernel


@pytest.fixture
def no_kernel(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail the test if the runner gets as far as checking or starting a kernel."""
    calls: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        calls.append("kernel")
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(pipeline, "_launch", refuse)
    monkeypatch.setattr(pipeline, "check_kernel", refuse)
    return calls


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("seeed: 1\n", "unknown parameter 'seeed'"),
        ('"import os;x": 1\n', "'import os;x' is not a valid parameter name"),
        ("bootstrap_n: many\n", "'bootstrap_n' must be an integer"),
        ("bootstrap_n: 1\n", "'bootstrap_n' must be at least 100"),
        ("seed: !!python/object/apply:os.getcwd []\n", "refused YAML tag"),
    ],
)
def test_cli_rejects_bad_params_before_any_kernel(
    tmp_path: Path,
    no_kernel: list[str],
    capsys: pytest.CaptureFixture[str],
    text: str,
    fragment: str,
) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(text, encoding="utf-8")
    reports = tmp_path / "reports"
    code = cli.main(["run", "--params", str(f), "--reports", str(reports)])
    err = capsys.readouterr().err
    assert code == 2
    assert str(f) in err and fragment in err
    assert no_kernel == []
    assert not reports.exists(), "nothing is written for a rejected parameter file"


def test_missing_corpus_is_rejected_before_any_kernel(
    tmp_path: Path, no_kernel: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "p.yaml"
    f.write_text(f"corpus_dir: {json.dumps(str(tmp_path / 'nope'))}\n", encoding="utf-8")
    code = cli.main(
        ["run", "--params", str(f), "--reports", str(tmp_path / "reports"), "--notebooks", GOOD_NB]
    )
    assert code == 1
    assert "corpus_dir" in capsys.readouterr().err
    assert no_kernel == []


def test_unknown_codebook_is_rejected_before_any_kernel(
    tmp_path: Path, no_kernel: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "corpus").mkdir()
    f = tmp_path / "p.yaml"
    f.write_text(
        f"corpus_dir: {json.dumps(str(tmp_path / 'corpus'))}\ncodebooks: [no_such_book]\n",
        encoding="utf-8",
    )
    code = cli.main(
        ["run", "--params", str(f), "--reports", str(tmp_path / "reports"), "--notebooks", GOOD_NB]
    )
    assert code == 2, "a configuration error, as in `mediaframes analyze`"
    assert "no_such_book" in capsys.readouterr().err
    assert no_kernel == []


@pytest.mark.parametrize(
    ("kind", "fragment"),
    [
        ("missing actors file", "nope.yml"),
        ("empty actor name", "'name' is empty"),
        ("unknown codebook", "no_such_book"),
        ("unknown method", "['foo']"),
        ("too few resamples", "parameter 'bootstrap_n' must be at least 100"),
        ("negative seed", "parameter 'seed' must be 0 or greater"),
    ],
)
def test_run_and_analyze_give_one_exit_status_for_a_configuration_error(
    tmp_path: Path,
    no_kernel: list[str],
    capsys: pytest.CaptureFixture[str],
    kind: str,
    fragment: str,
) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "raw").mkdir(parents=True)
    (corpus / "raw" / "a.txt").write_text("Invented headline\n\nInvented body text.\n")
    bad_actors = tmp_path / "bad.yml"
    bad_actors.write_text('actors:\n  x:\n    name: ""\n', encoding="utf-8")
    params = {"corpus_dir": str(corpus)}
    argv = ["analyze", str(corpus), "--out", str(tmp_path / "out")]
    if kind == "missing actors file":
        params["actors_file"] = str(tmp_path / "nope.yml")
        argv += ["--actors", str(tmp_path / "nope.yml")]
    elif kind == "empty actor name":
        params["actors_file"] = str(bad_actors)
        argv += ["--actors", str(bad_actors)]
    elif kind == "unknown codebook":
        params["codebooks"] = ["no_such_book"]
        argv += ["--codebook", "no_such_book"]
    elif kind == "too few resamples":
        params["bootstrap_n"] = 1
        argv += ["--bootstrap-n", "1"]
    elif kind == "negative seed":
        params["seed"] = -1
        argv += ["--seed", "-1"]
    else:
        params["sentiment_methods"] = ["foo"]
        argv += ["--methods", "foo"]
    f = tmp_path / "p.yaml"
    f.write_text("".join(f"{k}: {json.dumps(v)}\n" for k, v in params.items()), encoding="utf-8")
    run_code = cli.main(
        ["run", "--params", str(f), "--reports", str(tmp_path / "reports"), "--notebooks", GOOD_NB]
    )
    run_err = capsys.readouterr().err
    analyze_code = cli.main(argv)
    analyze_err = capsys.readouterr().err
    assert (run_code, analyze_code) == (2, 2), (run_err, analyze_err)
    assert fragment in run_err and fragment in analyze_err
    assert no_kernel == [] and not (tmp_path / "out" / "statements.csv").exists()


def test_run_unknown_sentiment_method_names_the_parameter_file(
    tmp_path: Path, no_kernel: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Like every other parameter error: ``<file>: parameter '<key>': …``, exit 2."""
    corpus = tmp_path / "corpus"
    (corpus / "raw").mkdir(parents=True)
    (corpus / "raw" / "a.txt").write_text("Invented headline\n\nInvented body text.\n")
    f = tmp_path / "p.yaml"
    f.write_text(f"corpus_dir: {json.dumps(str(corpus))}\nsentiment_methods: [vader, foo]\n")
    code = cli.main(
        ["run", "--params", str(f), "--reports", str(tmp_path / "reports"), "--notebooks", GOOD_NB]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert f"{f}: parameter 'sentiment_methods': unknown method(s) ['foo']; known: [" in err
    assert no_kernel == []


# --------------------------------------------------------------------------- notebook cells


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("seed = 3  # random seed", [("seed", 3, "random seed")]),
        (
            'a = "x#y"  # a thing\nb = [1, 2]  # list',
            [("a", "x#y", "a thing"), ("b", [1, 2], "list")],
        ),
        ("flag = True", [("flag", True, "")]),
        ("", []),
        ("seed: int = 3  # random seed", [("seed", 3, "random seed")]),
        ('cb: list[str] = ["a"]  # ids\nx: float = 1  # f', [("cb", ["a"], "ids"), ("x", 1, "f")]),
        ("on: bool = False", [("on", False, "")]),
    ],
)
def test_notebook_params(source: str, expected: list) -> None:
    nb = {"cells": [{"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": source}]}
    got = [(p.name, p.default, p.help) for p in pipeline.notebook_params(nb)]
    assert got == expected


@pytest.mark.parametrize(
    "source",
    [
        "import os",
        "x = len('a')",
        "def f(): pass",
        "x, y = 1, 2",
        "x: int",
        'x: int = "3"',
        "x: int = True",
        "x: list[str] = [1]",
        "x: dict = {}",
        "x: bool = 1",
    ],
)
def test_notebook_params_must_be_literals(source: str) -> None:
    nb = {"cells": [{"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": source}]}
    with pytest.raises(pipeline.PipelineError, match="nb.ipynb"):
        pipeline.notebook_params(nb, "nb.ipynb")


# --------------------------------------------------------------------------- loaded terms

INVENTED_TERMS = """# INVENTED contested terms for a test
pairs:
  - id: stoppage_naming
    variants:
      - label: workers
        terms: [walkout]
      - label: management
        terms: [stoppage]
"""


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (None, "file named in the parameters does not exist"),
        ("pairs: nothing\n", "expected a mapping with a 'pairs' list"),
        ("pairs:\n  - id: p\n    variants: [{label: a, terms: [x]}]\n", "at least two variants"),
    ],
)
def test_bad_loaded_terms_file_is_rejected_before_any_kernel(
    tmp_path: Path,
    no_kernel: list[str],
    capsys: pytest.CaptureFixture[str],
    content: str | None,
    fragment: str,
) -> None:
    """Defect 17 of accept14c: ``loaded_terms_file`` is checked like the other file parameters:
    a missing or malformed file is a configuration error (exit 2) naming the file."""
    corpus = tmp_path / "corpus"
    (corpus / "raw").mkdir(parents=True)
    (corpus / "raw" / "a.txt").write_text("Invented headline\n\nInvented body text.\n")
    terms = tmp_path / "terms_invented.yml"
    if content is not None:
        terms.write_text(content, encoding="utf-8")
    f = tmp_path / "p.yaml"
    f.write_text(
        f"corpus_dir: {json.dumps(str(corpus))}\nloaded_terms_file: {json.dumps(str(terms))}\n",
        encoding="utf-8",
    )
    reports = tmp_path / "reports"
    code = cli.main(["run", "--params", str(f), "--reports", str(reports), "--notebooks", GOOD_NB])
    err = capsys.readouterr().err
    assert code == 2, err
    assert str(terms) in err and fragment in err
    assert no_kernel == []
    assert not list(reports.glob("*.pdf")), "nothing is published"


def test_loaded_terms_file_is_part_of_the_input_hash(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "raw").mkdir(parents=True)
    (corpus / "raw" / "a.txt").write_text("Invented headline\n\nInvented body text.\n")
    terms = tmp_path / "terms_invented.yml"
    terms.write_text(INVENTED_TERMS, encoding="utf-8")
    params = {**config.defaults(), "corpus_dir": str(corpus)}
    nbs = [Path(GOOD_NB)]
    packaged = pipeline.input_state(params, nbs, tmp_path)["input_hash"]
    params["loaded_terms_file"] = str(terms)
    assert terms in pipeline.input_files(params, tmp_path)
    first = pipeline.input_state(params, nbs, tmp_path)["input_hash"]
    terms.write_text(INVENTED_TERMS.replace("walkout", "strike"), encoding="utf-8")
    second = pipeline.input_state(params, nbs, tmp_path)["input_hash"]
    assert len({packaged, first, second}) == 3


# --------------------------------------------------------------------------- paths from the root


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        # (codebooks entry, what load_codebook is given): "{root}" is the repository root
        ("policy_frames", "policy_frames"),  # a packaged id
        ("no_such_id", "no_such_id"),  # an unknown id stays an id (the error says so)
        ("mine", "{root}/mine"),  # a file of that name at the root wins over an id
        ("cb/health.yml", "{root}/cb/health.yml"),
        ("../inputs/health.yml", "{root}/../inputs/health.yml"),
        ("missing.yml", "{root}/missing.yml"),  # a missing file: its error names the path
        ("cb/missing", "{root}/cb/missing"),
        ("/abs/health.yaml", "/abs/health.yaml"),
    ],
)
def test_codebook_entries_are_read_from_the_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: str, expected: str
) -> None:
    """Defect 1 of acceptance test 15b: the notebooks read a codebook from their own folder."""
    root, elsewhere = tmp_path / "repo", tmp_path / "elsewhere"
    (root / "cb").mkdir(parents=True)
    elsewhere.mkdir()
    (root / "mine").write_text("", encoding="utf-8")
    (elsewhere / "mine").write_text("", encoding="utf-8")  # the working folder's is not read
    monkeypatch.chdir(elsewhere)
    got = paths.codebook_from_root(entry, root)
    assert str(got) == expected.format(root=root)
    assert isinstance(got, str) == (expected == entry and not entry.startswith("/"))
    assert paths.codebook_from_root(entry) == paths.codebook_from_root(entry, paths.repo_root())


def test_missing_codebook_file_is_found_missing_from_the_root(tmp_path: Path) -> None:
    """The run's check, the input hash and the notebooks resolve a codebook file alike."""
    corpus = tmp_path / "corpus"
    (corpus / "raw").mkdir(parents=True)
    books = ["cb/x.yml", "policy_frames"]
    params = {**config.defaults(), "corpus_dir": "corpus", "codebooks": books}
    assert pipeline.input_files(params, tmp_path) == [tmp_path / "cb" / "x.yml"]
    with pytest.raises(ParamError, match=f"{tmp_path / 'cb' / 'x.yml'}: file named in the"):
        pipeline.check_paths(params, tmp_path)
    (tmp_path / "cb").mkdir()
    shutil.copy(paths.resource("codebooks", "policy_frames.yml"), tmp_path / "cb" / "x.yml")
    pipeline.check_paths(params, tmp_path)


def test_run_info_file_is_read_from_the_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report notebook's ``run_info_file``, like every path parameter, from the root."""
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "run_info.json").write_text('{"kernel": "k"}', encoding="utf-8")
    monkeypatch.setenv("MEDIAFRAMES_ROOT", str(tmp_path))
    monkeypatch.chdir(tmp_path / "build")  # as a notebook runs in its own folder
    assert pipeline.read_run_info("build/run_info.json") == {"kernel": "k"}


# --------------------------------------------------------------------------- paths not found

#: (parameters, error class, the message's start): a path a parameter file names that does not
#: exist is named with the file, the parameter, the path looked for and where relative paths
#: start (acceptance test 17c, defect 2: "corpus_dir: /repo/corpusA is not a folder" named
#: neither the file nor the rule). Paths are relative to the test's root, which holds corpus/.
MISSING_PATHS = [
    ({"corpus_dir": "corpusA"}, pipeline.PipelineError, "p.yaml: parameter 'corpus_dir': "),
    ({"actors_file": "actors_x.yml"}, ParamError, "p.yaml: parameter 'actors_file': "),
    ({"loaded_terms_file": "t.yml"}, ParamError, "p.yaml: parameter 'loaded_terms_file': "),
    ({"codebooks": ["policy_frames", "mine.yml"]}, ParamError, "p.yaml: parameter 'codebooks': "),
    ({"codebooks": ["policy_frames"]}, None, ""),  # a packaged id: no file
    ({"actors_file": "", "loaded_terms_file": ""}, None, ""),  # the packaged files
]


@pytest.mark.parametrize(("given", "error", "start"), MISSING_PATHS)
def test_missing_paths_name_the_file_the_parameter_and_the_root(
    tmp_path: Path, given: dict, error: type | None, start: str
) -> None:
    (tmp_path / "corpus" / "raw").mkdir(parents=True)
    params = {"corpus_dir": "corpus", "codebooks": [], **given}
    if error is None:
        pipeline.check_paths(params, tmp_path, "p.yaml")
        return
    with pytest.raises(error) as info:
        pipeline.check_paths(params, tmp_path, "p.yaml")
    text = str(info.value)
    assert text.startswith(start), text
    looked_for = [v for v in given.values() if v][0]
    looked_for = looked_for[-1] if isinstance(looked_for, list) else looked_for
    assert str(tmp_path / looked_for) in text, "the path looked for"
    assert f"start at the repository root {tmp_path}, not at the file's folder" in text

"""Notebooks run by hand: parameter checks (papermill ``-p``) and the recorded run description.

Actors and names below are INVENTED. The slow test runs notebooks 01 → 05 with papermill as the
README documents, on the INVENTED fixture article.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mediaframes import config, handrun, paths, pipeline, report
from mediaframes.config import ParamError

REPO = Path(__file__).resolve().parents[1]
FIXTURE_CORPUS = Path(__file__).parent / "fixtures" / "notebooks" / "corpus"

#: INVENTED actors: the two ministers of the INVENTED fixture article 900_invented_quota_talks.
ACTORS_YML = """\
# INVENTED actors for tests/test_handrun.py
actors:
  dalca:
    name: Ilinca Dalca
    aliases: [Fisheries Minister Ilinca Dalca, Minister Dalca, Dalca]
    country: Portvale
  varga:
    name: Teodor Varga
    aliases: [Minister Teodor Varga, Minister Varga, Varga]
    country: Strait
"""


pytestmark = pytest.mark.usefixtures("pinned_package_hash")  # see conftest.py


# --------------------------------------------------------------------------- coercion


@pytest.mark.parametrize(
    ("name", "given", "expected"),
    [
        ("sentiment_methods", '["vader","afinn"]', ["vader", "afinn"]),
        ("sentiment_methods", "[vader, afinn]", ["vader", "afinn"]),
        ("sentiment_methods", ("vader",), ["vader"]),
        ("codebooks", "policy_frames", ["policy_frames"]),
        ("codebooks", ["a.yml", "conflict_diplomacy"], ["a.yml", "conflict_diplomacy"]),
        ("interactive", "false", False),
        ("interactive", "No", False),
        ("interactive", "off", False),
        ("interactive", 0, False),
        ("interactive", "true", True),
        ("interactive", "yes", True),
        ("interactive", True, True),
        ("seed", 5, 5),
        ("seed", "5", 5),
        ("bootstrap_n", " 300 ", 300),
        ("frame_words", "reported", "reported"),
        ("report_title", "Lab run (INVENTED)", "Lab run (INVENTED)"),
        ("output_dir", "build/lab", "build/lab"),
        ("run_info_file", "", ""),
        ("actors_file", "", ""),
    ],
)
def test_coerce_value(name: str, given: object, expected: object) -> None:
    assert handrun.coerce_value(name, given, "nb.ipynb") == expected


@pytest.mark.parametrize(
    ("name", "given", "message"),
    [
        ("bootstrap_n", "abc", "nb.ipynb: parameter 'bootstrap_n' must be an integer"),
        ("bootstrap_n", 50, "nb.ipynb: parameter 'bootstrap_n' must be at least 100"),
        ("bootstrap_n", 1000.0, "parameter 'bootstrap_n' must be an integer"),
        ("seed", -1, "parameter 'seed' must be 0 or greater"),
        ("interactive", "maybe", "parameter 'interactive' must be true or false"),
        ("frame_words", "words", "parameter 'frame_words' must be 'statement' or 'reported'"),
        ("sentiment_methods", "[vader, ", "parameter 'sentiment_methods': not a YAML list"),
        ("sentiment_methods", "[1, 2]", "parameter 'sentiment_methods' must be a list of strings"),
        ("codebooks", "[]", "parameter 'codebooks' must name at least one entry"),
        ("report_title", 2026, "pass text with -r NAME VALUE"),
        ("actors_file", None, "parameter 'actors_file' must be a string"),
        ("output_dir", "", "parameter 'output_dir' must not be empty"),
        ("output_dir", 7, "pass text with -r NAME VALUE"),
    ],
)
def test_coerce_value_errors_name_the_parameter(name: str, given: object, message: str) -> None:
    with pytest.raises(ParamError, match=message.replace("(", r"\(").replace(")", r"\)")):
        handrun.coerce_value(name, given, "nb.ipynb")


def test_bad_bootstrap_n_never_says_n_boot() -> None:
    """Defect 7c of acceptance test 14b: the message named the internal ``n_boot``."""
    for value in ("abc", 50):
        with pytest.raises(ParamError) as info:
            handrun.coerce_value("bootstrap_n", value, "03_sentiment.ipynb")
        assert "bootstrap_n" in str(info.value) and "n_boot" not in str(info.value)


# --------------------------------------------------------------------------- unknown names


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        ([], []),
        (["", "seed = 0\n"], []),
        (
            ["", "seed = 0", '# Parameters\nactor_file = "a.yml"\nseed = 5\n'],
            ["actor_file", "seed"],
        ),
        (["# Parameters\nold = 1\n", "x = 1", "# Parameters\nnew = 2\n"], ["new"]),
        (["# Parameters\nbroken = (\n"], []),
    ],
)
def test_injected_names(history: list[str], expected: list[str]) -> None:
    assert handrun.injected_names(history) == expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["seed", "output_dir", "kernel"], None),
        (["actor_file"], "unknown parameter 'actor_file' (did you mean 'actors_file'?)"),
        (
            ["bootstrap_samples"],
            "unknown parameter 'bootstrap_samples' (did you mean 'bootstrap_n'?)",
        ),
        (["zzz"], "unknown parameter 'zzz'; known parameters: corpus_dir, "),
    ],
)
def test_unknown_problem(names: list[str], expected: str | None) -> None:
    problem = handrun.unknown_problem(names, "02_statements.ipynb")
    if expected is None:
        assert problem is None
    else:
        assert problem is not None and problem.startswith(f"02_statements.ipynb: {expected}")


def test_check_parameters_refuses_a_misspelt_injected_name() -> None:
    namespace = {
        "In": ["", 'actors_file = ""\n', '# Parameters\nactor_file = "x.yml"\n'],
        "actors_file": "",
        "actor_file": "x.yml",
    }
    with pytest.raises(ParamError, match="unknown parameter 'actor_file'"):
        handrun.check_parameters(namespace, "02_statements.ipynb", ["actors_file"])


def test_check_parameters_coerces_declared_and_checks_the_rest() -> None:
    """``-f params.yaml`` injects every parameter: undeclared ones are checked, not returned."""
    injected = "# Parameters\nsentiment_methods = 'vader'\nkernel = 'mediaframes'\nseed = 5\n"
    namespace = {"In": ["", injected], "sentiment_methods": "vader", "kernel": "mediaframes",
                 "seed": 5, "out": Path("x")}  # fmt: skip
    assert handrun.check_parameters(namespace, "03.ipynb", ["sentiment_methods"]) == {
        "sentiment_methods": ["vader"]
    }
    namespace["seed"] = -3
    with pytest.raises(ParamError, match="parameter 'seed' must be 0 or greater"):
        handrun.check_parameters(namespace, "03.ipynb", ["sentiment_methods"])


@pytest.mark.parametrize("name", pipeline.NOTEBOOKS)
def test_declared_names_match_the_parameters_cell(name: str) -> None:
    nb = pipeline.read_notebook(paths.notebooks_dir(REPO) / name)
    assert handrun.declared_names(name, REPO) == [p.name for p in pipeline.notebook_params(nb)]
    assert handrun.declared_names("no_such.ipynb", REPO) is None


@pytest.mark.parametrize("name", pipeline.NOTEBOOKS)
def test_every_notebook_starts_by_checking_and_recording(name: str) -> None:
    """One call, right after the imports, in every notebook (defects 1 and 7 of test 14b)."""
    nb = json.loads((paths.notebooks_dir(REPO) / name).read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert f'globals().update(start_notebook(globals(), "{name}"))' in "".join(code[1]["source"])


# --------------------------------------------------------------------------- records


def _record_hand_run(out: Path, actors: Path, codebook: Path, corpus: Path) -> None:
    """The records of a hand run with non-default values (as acceptance test 14b ran it)."""
    common = {"corpus_dir": str(corpus), "output_dir": str(out)}
    handrun.start_notebook({**common}, "01_corpus.ipynb")
    handrun.start_notebook(
        {**common, "actors_file": str(actors), "codebooks": str(codebook),
         "frame_words": "reported", "interactive": "false"},
        "02_statements.ipynb",
    )  # fmt: skip
    handrun.start_notebook(
        {**common, "actors_file": str(actors), "sentiment_methods": '["vader","afinn"]',
         "seed": 5, "bootstrap_n": 300},
        "03_sentiment.ipynb",
    )  # fmt: skip
    handrun.start_notebook(
        {**common, "actors_file": str(actors), "codebooks": [str(codebook)],
         "frame_words": "reported"},
        "04_framing.ipynb",
    )  # fmt: skip
    handrun.start_notebook(
        {**common, "report_title": "Lab run (INVENTED)", "run_info_file": ""}, "05_report.ipynb"
    )


@pytest.fixture
def hand_inputs(tmp_path: Path) -> tuple[Path, Path, Path]:
    actors = tmp_path / "actors.yml"
    actors.write_text(ACTORS_YML, encoding="utf-8")
    codebook = tmp_path / "my_codebook.yml"
    shutil.copy(paths.resource("codebooks", "conflict_diplomacy.yml"), codebook)
    return actors, codebook, FIXTURE_CORPUS


def test_records_are_written_beside_the_tables(tmp_path: Path, hand_inputs) -> None:
    _record_hand_run(tmp_path / "out", *hand_inputs)
    folder = tmp_path / "out" / "parameters"
    assert sorted(p.name for p in folder.iterdir()) == [
        f"{Path(n).stem}.json" for n in pipeline.NOTEBOOKS
    ]
    record = json.loads((folder / "02_statements.json").read_text(encoding="utf-8"))
    assert record["notebook"] == "02_statements.ipynb"
    assert record["parameters"]["codebooks"] == [str(hand_inputs[1])]
    assert "output_dir" not in record["parameters"] and "interactive" not in record["parameters"]


def test_hand_run_info_describes_the_recorded_values(tmp_path: Path, hand_inputs) -> None:
    """Defect 1 of acceptance test 14b: the appendix listed the defaults, not the values used."""
    actors, codebook, corpus = hand_inputs
    out = tmp_path / "out"
    _record_hand_run(out, actors, codebook, corpus)
    info = pipeline.read_run_info("", out)
    assert info["parameters"] == {
        **config.notebook_params(config.defaults()),
        "corpus_dir": str(corpus),
        "actors_file": str(actors),
        "codebooks": [str(codebook)],
        "frame_words": "reported",
        "sentiment_methods": ["vader", "afinn"],
        "seed": 5,
        "bootstrap_n": 300,
        "report_title": "Lab run (INVENTED)",
    }
    assert info["parameters_recorded_by"] == (
        "01_corpus, 02_statements, 03_sentiment, 04_framing, 05_report"
    )
    assert "parameter_conflicts" not in info
    # the report calls speakers by the names of the actors file the notebooks used
    assert report.speaker_names(info) == {"dalca": "Ilinca Dalca", "varga": "Teodor Varga"}


def test_hand_run_info_says_when_notebooks_disagree(tmp_path: Path, hand_inputs) -> None:
    actors, codebook, corpus = hand_inputs
    out = tmp_path / "out"
    _record_hand_run(out, actors, codebook, corpus)
    with pytest.warns(UserWarning, match="03_sentiment.ipynb: actors_file"):
        handrun.start_notebook(
            {"corpus_dir": str(corpus), "output_dir": str(out), "actors_file": ""},
            "03_sentiment.ipynb",
        )  # 03 again, with the packaged actors: warned at once (acceptance test 17c, #1)
    with pytest.warns(UserWarning, match="the notebooks ran with different parameters"):
        info = pipeline.read_run_info("", out)
    assert info["parameter_conflicts"] == (
        f'actors_file: 02_statements "{actors}", 03_sentiment "", 04_framing "{actors}" '
        "(04_framing used)"
    )
    assert info["parameters"]["actors_file"] == str(actors)  # 04's, the last to record it


def test_hand_run_info_without_records_says_so(tmp_path: Path) -> None:
    info = pipeline.read_run_info("", tmp_path, corpus_dir=str(FIXTURE_CORPUS))
    assert info["parameters"]["corpus_dir"] == str(FIXTURE_CORPUS)
    assert info["parameters_recorded_by"].startswith("no notebook")


def test_runner_run_info_file_wins_over_records(tmp_path: Path, hand_inputs) -> None:
    """``mediaframes run`` passes its run description: the records are not read."""
    _record_hand_run(tmp_path / "out", *hand_inputs)
    written = {"parameters": {"seed": 9}, "kernel": "mediaframes"}
    (tmp_path / "run_info.json").write_text(json.dumps(written), encoding="utf-8")
    assert pipeline.read_run_info(tmp_path / "run_info.json", tmp_path / "out") == written


def test_a_broken_record_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "02_statements.json").write_text("{", encoding="utf-8")
    with pytest.raises(ParamError, match=r"02_statements\.json: not a parameter record"):
        pipeline.read_run_info("", tmp_path)


# --------------------------------------------------------------------------- inputs first

#: (parameters, the error's start or None): what a notebook's parameters name is checked at its
#: start, as ``mediaframes run`` checks a parameter file (acceptance test 17c, defect 2).
#: Paths are relative to the test's root (``tmp_path``), which holds ``corpus/`` and ``a.yml``.
INPUTS = [
    ({"corpus_dir": "corpus"}, None),
    ({"corpus_dir": "corpusA"}, "x.ipynb: parameter 'corpus_dir': corpus folder not found: "),
    ({"corpus_dir": "a.yml"}, "x.ipynb: parameter 'corpus_dir': "),
    ({"actors_file": ""}, None),
    ({"actors_file": "a.yml"}, None),
    ({"actors_file": "actors.yaml"}, "x.ipynb: parameter 'actors_file': file not found: "),
    ({"loaded_terms_file": "terms.yml"}, "x.ipynb: parameter 'loaded_terms_file': file not "),
    ({"codebooks": ["conflict_diplomacy", "policy_frames"]}, None),
    ({"codebooks": ["conflict_diplomcy"]}, "x.ipynb: parameter 'codebooks': conflict_diplomcy: "),
    ({"codebooks": ["mine.yml"]}, "x.ipynb: parameter 'codebooks': codebook file not found: "),
    ({"codebooks": ["a.yml"]}, "x.ipynb: parameter 'codebooks': "),  # an actors file, not one
    ({"sentiment_methods": ["vader", "afinn"]}, None),
    ({"sentiment_methods": ["vader", "afin"]}, "x.ipynb: parameter 'sentiment_methods': unknown"),
]


@pytest.mark.parametrize(("values", "error"), INPUTS)
def test_check_inputs(tmp_path: Path, values: dict, error: str | None) -> None:
    (tmp_path / "corpus" / "raw").mkdir(parents=True)
    (tmp_path / "a.yml").write_text(ACTORS_YML, encoding="utf-8")
    if error is None:
        handrun.check_inputs(values, "x.ipynb", tmp_path)
        return
    with pytest.raises(ParamError) as info:
        handrun.check_inputs(values, "x.ipynb", tmp_path)
    assert str(info.value).startswith(error)
    if "not found" in error:  # the path looked for, and where relative paths start
        assert str(tmp_path) in str(info.value)
        assert f"relative paths are read from the repository root {tmp_path}" in str(info.value)


def test_a_missing_codebook_stops_notebook_02_before_any_table(tmp_path: Path) -> None:
    """Notebook 02 used its codebooks only in its last cell: a misspelt id failed there, after
    the statements were written (acceptance test 17c, defect 2)."""
    values = {"corpus_dir": str(FIXTURE_CORPUS), "output_dir": str(tmp_path / "lab"),
              "codebooks": ["conflict_diplomcy"]}  # fmt: skip
    with pytest.raises(ParamError, match="02_statements.ipynb: parameter 'codebooks'"):
        handrun.start_notebook(values, "02_statements.ipynb")
    assert not (tmp_path / "lab" / "parameters").exists(), "nothing recorded"


# --------------------------------------------------------------------------- upstream

#: (notebook, its values, the records in output_dir, errors, warnings): a notebook whose
#: corpus or actors file differ from those of the tables it reads (acceptance test 17c, #1).
UPSTREAM = [
    ("02_statements.ipynb", {"corpus_dir": "b"}, [("01_corpus.ipynb", {"corpus_dir": "a"})],
     ['02_statements.ipynb: corpus_dir "b" is not the corpus of the tables this notebook reads: '
      '01_corpus wrote them from corpus_dir "a" in the same output_dir. Run 01_corpus with '
      'corpus_dir "b" first (or give 02_statements another output_dir).'], []),
    ("02_statements.ipynb", {"corpus_dir": "a"}, [("01_corpus.ipynb", {"corpus_dir": "a"})],
     [], []),
    ("02_statements.ipynb", {"corpus_dir": "a/"}, [("01_corpus.ipynb", {"corpus_dir": "./a"})],
     [], []),  # the same folder written two ways
    ("02_statements.ipynb", {"corpus_dir": "b"}, [], [], []),  # 01 not run here yet
    ("01_corpus.ipynb", {"corpus_dir": "b"}, [("02_statements.ipynb", {"corpus_dir": "a"})],
     [], []),  # 01 reads no table: rerunning it first is the way to change the corpus
    ("03_sentiment.ipynb", {"corpus_dir": "a", "actors_file": "x.yml"},
     [("02_statements.ipynb", {"corpus_dir": "a", "actors_file": ""})], [],
     ['03_sentiment.ipynb: actors_file "x.yml" is not the one 02_statements attributed the '
      'statements this notebook reads with ("" (the packaged actors)): speakers, tone and tests '
      'would follow two actors files. Run 02_statements with actors_file "x.yml" first, or run '
      '03_sentiment with "" (the packaged actors).']),
    ("04_framing.ipynb", {"corpus_dir": "c", "actors_file": ""},
     [("02_statements.ipynb", {"corpus_dir": "a", "actors_file": ""})],
     ['04_framing.ipynb: corpus_dir "c" is not the corpus of the tables this notebook reads: '
      '02_statements wrote them from corpus_dir "a" in the same output_dir. Run 02_statements '
      'with corpus_dir "c" first (or give 04_framing another output_dir).'], []),
    ("05_report.ipynb", {"corpus_dir": "c"}, [("04_framing.ipynb", {"corpus_dir": "a"})],
     [], []),  # 05 says so in the report's appendix (parameter_conflicts)
]  # fmt: skip


@pytest.mark.parametrize(("notebook", "values", "records", "errors", "warnings"), UPSTREAM)
def test_upstream_problems(
    tmp_path: Path, notebook: str, values: dict, records: list, errors: list, warnings: list
) -> None:
    assert handrun.upstream_problems(values, notebook, records, tmp_path) == (errors, warnings)


def test_a_notebook_on_another_corpus_than_its_tables_stops(tmp_path: Path) -> None:
    """01 on the fixture corpus, then 02 edited to another corpus in the same output_dir: the
    report mixed the two ("1 article", speakers "of 12"); now 02 stops at its start."""
    other = tmp_path / "mine"
    (other / "raw").mkdir(parents=True)
    out = str(tmp_path / "lab")
    handrun.start_notebook(
        {"corpus_dir": str(FIXTURE_CORPUS), "output_dir": out}, "01_corpus.ipynb"
    )
    with pytest.raises(ParamError, match=r"Run 01_corpus with corpus_dir .* first"):
        handrun.start_notebook({"corpus_dir": str(other), "output_dir": out}, "02_statements.ipynb")
    handrun.start_notebook({"corpus_dir": str(other), "output_dir": out}, "01_corpus.ipynb")
    handrun.start_notebook({"corpus_dir": str(other), "output_dir": out}, "02_statements.ipynb")


# --------------------------------------------------------------------------- papermill, by hand


def _papermill(name: str, out: Path, **parameters: object) -> None:
    import papermill

    executed = out.parent / "executed"
    executed.mkdir(exist_ok=True)
    for attempt in (1, 2):
        try:
            papermill.execute_notebook(
                str(paths.notebooks_dir(REPO) / name),
                str(executed / name),
                parameters={"output_dir": str(out), **parameters},
                kernel_name="mediaframes",
                progress_bar=False,
                cwd=str(paths.notebooks_dir(REPO)),
            )
            return
        except RuntimeError as exc:
            # jupyter_client picks free ports before the kernel binds them: on a busy machine
            # another process may take one first ("Address already in use"); start once more
            if attempt == 2 or "Kernel died before replying" not in str(exc):
                raise


@pytest.mark.slow
def test_papermill_hand_run_reports_its_own_parameters(
    tmp_path: Path, hand_inputs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defects 1 and 7 of acceptance test 14b, as a researcher runs the notebooks by hand.

    The values are what ``papermill -p`` makes of the command line: strings for lists and
    booleans. The report's appendix must list the values used, and its text the actors' names.
    The codebook is given relative to the repository root (here ``tmp_path``, which the kernels
    inherit), as a parameter file would give it: the notebooks run in ``notebooks/``, yet read
    it from the root (defect 1 of acceptance test 15b).
    """
    pytest.importorskip("papermill")
    actors, codebook, _ = hand_inputs
    monkeypatch.setenv("MEDIAFRAMES_ROOT", str(codebook.parent))
    out, corpus, book = tmp_path / "lab", str(FIXTURE_CORPUS), codebook.name
    _papermill("01_corpus.ipynb", out, corpus_dir=corpus)
    _papermill("02_statements.ipynb", out, corpus_dir=corpus, actors_file=str(actors),
               codebooks=book, frame_words="reported", interactive="false")  # fmt: skip
    _papermill("03_sentiment.ipynb", out, corpus_dir=corpus, actors_file=str(actors), seed=5,
               bootstrap_n=300, sentiment_methods='["vader","afinn"]')  # fmt: skip
    _papermill("04_framing.ipynb", out, corpus_dir=corpus, actors_file=str(actors),
               codebooks=book, frame_words="reported")  # fmt: skip
    _papermill("05_report.ipynb", out, corpus_dir=corpus, report_title="Lab run (INVENTED)")
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    shown = {row["key"]: row["value"] for row in data["appendix"]["parameters"]}
    assert shown == {
        "actors_file": str(actors),
        "bootstrap_n": "300",
        "codebooks": json.dumps([book]),
        "corpus_dir": corpus,
        "frame_words": "reported",
        "loaded_terms_file": "",
        "report_title": "Lab run (INVENTED)",
        "seed": "5",
        "sentiment_methods": '["vader", "afinn"]',
    }
    rows = {row["key"]: row["value"] for row in data["appendix"]["rows"]}
    assert "parameter_conflicts" not in rows
    # the speakers by the names of the actors file the notebooks used, as in the figures
    assert [{"id": a["id"], "name": a["name"]} for a in data["actors"]] == [
        {"id": "dalca", "name": "Ilinca Dalca"},
        {"id": "varga", "name": "Teodor Varga"},
    ]
    speakers = {row["speaker"] for row in data["statements"]["per_speaker"]}
    assert {"Ilinca Dalca", "Teodor Varga"} <= speakers
    assert not {"dalca", "varga"} & speakers
    executed = json.loads((tmp_path / "executed" / "02_statements.ipynb").read_text("utf-8"))
    outputs = [o for c in executed["cells"] for o in c.get("outputs", [])]
    widget = "application/vnd.jupyter.widget-view+json"
    assert not [o for o in outputs if widget in o.get("data", {})], "interactive 'false' is False"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "parameters", "message"),
    [
        ("02_statements.ipynb", {"actor_file": "a.yml"}, "unknown parameter 'actor_file'"),
        ("03_sentiment.ipynb", {"bootstrap_n": 50}, "parameter 'bootstrap_n' must be at least 100"),
    ],
)
def test_papermill_bad_parameter_stops_the_notebook(
    tmp_path: Path, name: str, parameters: dict, message: str
) -> None:
    papermill = pytest.importorskip("papermill")
    with pytest.raises(papermill.PapermillExecutionError) as info:
        _papermill(name, tmp_path / "lab", corpus_dir=str(FIXTURE_CORPUS), **parameters)
    assert f"{name}: {message}" in str(info.value)
    assert not (tmp_path / "lab" / "tables").exists(), "stopped before writing any table"

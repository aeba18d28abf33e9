"""``mediaframes … --help``: every option that has a default says which (defect 18, review 14d)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from mediaframes.cli import build_parser


def _options(
    parser: argparse.ArgumentParser, command: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser, argparse.Action]]:
    """(command words, its parser, action) of every optional, valued option of every command."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _options(sub, (*command, name))
        elif (
            action.option_strings
            and not action.required
            and action.nargs != 0  # flags (--force, --strict): off unless given
        ):
            yield command, parser, action


OPTIONS = list(_options(build_parser()))


def test_the_walk_finds_the_options() -> None:
    found = {(" ".join(c), a.option_strings[0]) for c, _, a in OPTIONS}
    assert {("analyze", "--chunk-size"), ("compare", "--loaded-terms"), ("run", "--params")} <= (
        found
    )
    assert ("run", "--force") not in found and ("run", "--help") not in found


@pytest.mark.parametrize(
    ("command", "parser", "action"),
    OPTIONS,
    ids=[f"{' '.join(c)} {a.option_strings[0]}" for c, _, a in OPTIONS],
)
def test_every_option_help_names_its_default(command, parser, action) -> None:
    assert "default" in (action.help or ""), f"mediaframes {' '.join(command)}: {action.help}"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["analyze"], "(default 200)"),
        (["analyze"], "(default 1: no Dask"),
        (["compare"], "default: the packaged resources/compare/loaded_terms.yml"),
        (["run"], "default: the built-in defaults, the values of params/default.yaml"),
        (["validate", "score"], "default: none, the table is only printed"),
        (["validate", "score-frames"], "(default conflict_diplomacy)"),
        (["validate", "export"], "speaker x quote type"),
        (["validate", "export"], "not a simple random sample"),
        (["validate", "export-frames"], "records its stratum and stratum_size"),
        (["validate", "score"], "accuracy_weighted weights each stratum by its size"),
        (["validate", "score-frames"], "percent_agreement_weighted"),
        # what each command writes, and where paths start (acceptance test 17c, #21)
        (["run"], "the paths INSIDE the parameter file (corpus_dir, actors_file, codebook"),
        (["run"], "to the repository root"),
        (["ingest"], "quarantine.csv (every rejected input with its reason)"),
        (["analyze"], "write the per-article and per-speaker tables to --out"),
        (["compare"], "written to ANALYSIS_DIR/compare/ (or --out)"),
    ],
)
def test_help_text_shows_the_default(command, expected, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args([*command, "--help"])
    assert exc.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    assert expected in shown


# --------------------------------------------------------------------------- a student's mistakes
# (acceptance test 17c, defects 5 to 8; folders and files INVENTED, never created)

#: (command line, what stderr must hold, exit status).
MISTAKES = [
    # an option of several values took the folder: the error says which and what to write
    (
        ["analyze", "--codebook", "policy_frames", "my_corpus", "--out", "o"],
        "(--codebook took 'my_corpus' as one of its values: give the folder before the options,"
        " e.g. mediaframes analyze my_corpus --codebook …)",
        2,
    ),
    (
        ["analyze", "--methods", "vader", "afinn", "my_corpus", "--out", "o"],
        "--methods took 'my_corpus'",
        2,
    ),
    (
        ["compare", "--anchor", "Kessel", "my_analysis"],
        "(--anchor took 'my_analysis' as one of its values",
        2,
    ),
    # the folder really missing: no hint about an option
    (["analyze", "--out", "o"], "the following arguments are required: corpus_dir\n", 2),
    # a size limit of 0 or below would quarantine every article as "oversized"
    (["ingest", "my_corpus", "--out", "o", "--max-bytes", "0"], "must be at least 1, not 0", 2),
    (["ingest", "my_corpus", "--out", "o", "--max-bytes", "-5"], "must be at least 1, not -5", 2),
    # a misspelt option gets the closest one of its command (argparse reported a missing --out,
    # or an "unrecognized argument" of `mediaframes`)
    (
        ["ingest", "my_corpus", "--otu", "o"],
        "required: --out (--otu is no option of mediaframes ingest: did you mean --out?)",
        2,
    ),
    (
        ["analyze", "my_corpus", "--out", "o", "--metods", "vader"],
        "(--metods is no option of mediaframes analyze: did you mean --methods?)",
        2,
    ),
    (
        ["validate", "score", "--coded", "c.csv", "--sentimnt", "s.csv"],
        "(--sentimnt is no option of mediaframes validate score: did you mean --sentiment?)",
        2,
    ),
    # compare on a folder that does not exist says so, first
    (["compare", "no_such_analysis"], "analysis folder not found: no_such_analysis", 1),
]


@pytest.mark.parametrize(("argv", "expected", "status"), MISTAKES)
def test_mistakes_get_a_message_that_says_what_to_do(
    argv: list[str], expected: str, status: int, capsys, tmp_path, monkeypatch
) -> None:
    from mediaframes import cli

    monkeypatch.chdir(tmp_path)
    try:
        code = cli.main(argv)
    except SystemExit as exc:
        code = exc.code
    err = capsys.readouterr().err
    assert code == status, err
    assert expected in err
    assert "warning" not in err, "no warning before the error"


def test_methods_help_lists_the_methods(capsys) -> None:
    from mediaframes import sentiment

    with pytest.raises(SystemExit):
        build_parser().parse_args(["analyze", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert f"one or more of {', '.join(sentiment.METHODS)} (default: all)" in shown

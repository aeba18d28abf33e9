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
    ],
)
def test_help_text_shows_the_default(command, expected, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args([*command, "--help"])
    assert exc.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    assert expected in shown

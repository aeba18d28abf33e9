"""Actors-file keys the analysis does not read, `pronouns` as a string, `gender` values.

Acceptance round accept14c, defects 11, 12 and 13. Every actor, office and article here is
INVENTED.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mediaframes import actors_io, attribution, paths
from mediaframes.cli import main


def entry(**keys: object) -> dict:
    return {"actors": {"vorenko": {"name": "Talia Vorenko", **keys}}}


UNUSED = "(kept as an extra, not used by the analysis)"


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        # keys close to no known key: each warned of, as unused
        ({"party": "Harbour League"}, ["'party' " + UNUSED]),
        ({"wikidata": "Q0", "born": 1970}, ["'wikidata' " + UNUSED, "'born' " + UNUSED]),
        # spokespeople: the warning says how they ARE recognised
        ({"spokespeople": ["Ansel Marr"]}, ["'spokespeople' " + UNUSED + "; spokespeople are "]),
        # NEGATIVE rows: known and descriptive keys are silent; a misspelt key keeps its hint
        ({"aliases": ["Vorenko"], "gender": "female", "role": "x", "notes": "y"}, []),
        ({"aliasses": ["Vorenko"]}, ["'aliasses' (kept as an extra); did you mean 'aliases'?"]),
    ],
)
def test_unknown_keys_are_warned_of(keys: dict, expected: list[str]) -> None:
    data, warnings = actors_io.normalize_actor_keys(entry(**keys), "my/actors.yml")
    assert len(warnings) == len(expected)
    for message, want in zip(warnings, expected, strict=True):
        assert message.startswith("my/actors.yml: actor 'vorenko': unknown key " + want)
    extra = attribution.actors_from_mapping(data).get("vorenko").extra
    assert all(k in extra for k in keys if k not in actors_io.KNOWN_KEYS)  # kept


def test_spokespeople_hint_points_to_the_roles() -> None:
    (message,) = actors_io.key_warnings({"spokespeople": ["A"]}, "f.yml: actor 'a'")
    assert "spokesman" in message and "source" not in message.split(";")[0]
    assert "actors file header" in message


@pytest.mark.parametrize("value", ["they/them", "they", "she/her"])
def test_pronouns_as_a_string_is_an_error(value: str) -> None:
    with pytest.raises(ValueError) as err:
        actors_io.normalize_actor_keys(entry(pronouns=value), "my/actors.yml")
    message = str(err.value)
    assert message.startswith("my/actors.yml: actor 'vorenko': key 'pronouns' must be a list")
    assert repr(value) in message


def test_pronouns_as_a_list_is_read() -> None:
    data, warnings = actors_io.normalize_actor_keys(
        entry(pronouns=["they", "them", "their"]), "f.yml"
    )
    assert warnings == []
    acts = attribution.actors_from_mapping(data)
    assert acts.get("vorenko").pronouns == ("they", "them", "their")


ARTICLE = (
    "INVENTED: Ferry talks resume\n\n"
    "LUSK — Talia Vorenko said on Friday that the ferry route would reopen next week.\n"
)


def test_analyze_exits_2_naming_file_actor_and_key(tmp_path: Path, capsys) -> None:
    raw = tmp_path / "corpus" / "raw"
    raw.mkdir(parents=True)
    (raw / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "actors.yml"
    path.write_text(yaml.safe_dump(entry(pronouns="they/them")), encoding="utf-8")
    argv = ["analyze", str(tmp_path / "corpus"), "--out", str(tmp_path / "out")]
    assert main([*argv, "--actors", str(path), "--methods", "vader"]) == 2
    err = capsys.readouterr().err
    assert f"{path}: actor 'vorenko': key 'pronouns' must be a list" in err
    assert not (tmp_path / "out" / "statements.csv").exists()


def _header() -> str:
    text = paths.resource("actors.yml").read_text(encoding="utf-8")
    return "\n".join(ln for ln in text.splitlines() if ln.startswith("#"))


@pytest.mark.parametrize(
    ("gender", "pronouns"),
    [
        ("male", ("he", "him", "his", "himself")),
        ("female", ("she", "her", "hers", "herself")),
        ("other", ()),
        ("unknown", ()),
        ("", ()),
    ],
)
def test_gender_values_do_what_the_header_says(gender: str, pronouns: tuple[str, ...]) -> None:
    acts = attribution.actors_from_mapping(entry(gender=gender))
    assert acts.get("vorenko").pronouns == pronouns
    header = " ".join(_header().replace("#", " ").split())
    if gender:
        assert gender in header.split("gender:")[1].split("pronouns:")[0]
    for word in pronouns:
        assert word in header
    assert "no pronoun is ever read as the actor" in header


def test_header_documents_the_list_rule_and_spokespeople() -> None:
    header = " ".join(_header().replace("#", " ").split())
    assert "male|female" not in header
    assert "one string such as `they/them` is an error" in header
    assert "Spokespeople are not listed here" in header and "speech_lexicon.yml" in header

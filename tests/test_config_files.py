"""Configuration files: duplicate keys, tabs, names written "Surname, Given", key typos, --strict.

Acceptance round accept16c, defects 4, 13, 14, 16 and 18, and the actors-file checks that
behaved well there. Every actor, office, codebook and article here is INVENTED.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from mediaframes import actors_io, compare, config, framing, pipeline
from mediaframes.cli import main

ARTICLE = (
    "INVENTED: Ferry talks resume\n\n"
    "LUSK — Talia Vorenko said on Friday that the ferry route would reopen next week. "
    "Ansel Quarrie said the fares were too high.\n"
)

#: Two INVENTED actors whose ids a copy-paste made equal: the second block would replace the first.
DUPLICATE_ID = """\
# INVENTED actors
actors:
  vorenko:
    name: Talia Vorenko
    gender: female
  vorenko:
    name: Ansel Quarrie
    gender: male
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    raw = tmp_path / "corpus" / "raw"
    raw.mkdir(parents=True)
    (raw / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path / "corpus"


# --- duplicate keys: every YAML file the project reads -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: 2\n", None),
        ("a: 1\nb: 2\na: 3\n", ("a", "", 1, 3)),
        ('a: 1\n"a": 2\n', ("a", "", 1, 2)),  # quoted or not, the same string key
        ("1: x\n'1': y\n", None),  # the integer 1 and the string '1' are two keys
        ("actors:\n  x: {name: A}\n  y: {name: B}\n  x: {name: C}\n", ("x", "actors", 2, 4)),
        ("actors:\n  x:\n    name: A\n    name: B\n", ("name", "actors.x", 3, 4)),
        ("frames:\n  - id: f\n    cues: [a]\n    cues: [b]\n", ("cues", "frames", 3, 4)),
        ("a: {k: 1}\nb: {k: 1}\n", None),  # the same key in two mappings
        ("base: &b {k: 1}\nother:\n  <<: *b\n  k: 2\n", None),  # a merge may be overridden
        ("", None),
    ],
)
def test_duplicate_key(text: str, expected: tuple | None) -> None:
    assert config.duplicate_key(yaml.compose(text)) == expected


def _loaders(tmp_path: Path) -> dict[str, tuple]:
    """Each file kind: its loader, a valid text with a key given twice, and the key's lines."""
    book = yaml.safe_dump(
        {
            "id": "mine",
            "version": "0.1.0",
            "name": "Mine",
            "description": "INVENTED",
            "source": "INVENTED",
            "frames": [{"id": "f", "name": "F", "definition": "d", "cues": ["harbour"]}],
        },
        sort_keys=False,
    )
    terms = (
        "pairs:\n"
        "  - id: fares\n    topic: t\n    note: n\n    variants:\n"
        "      - {label: high, terms: [steep]}\n      - {label: fair, terms: [fair price]}\n"
    )
    return {
        "actors": (actors_io.load_actors, DUPLICATE_ID, "vorenko", 3, 6),
        "codebook": (framing.load_codebook, book + "version: 0.2.0\n", "version", 2, 12),
        "loaded terms": (compare.load_loaded_terms, terms + "pairs: []\n", "pairs", 1, 8),
        "params": (config.load_params, "seed: 1\nbootstrap_n: 200\nseed: 2\n", "seed", 1, 3),
    }


@pytest.mark.parametrize("kind", ["actors", "codebook", "loaded terms", "params"])
def test_a_key_given_twice_is_an_error_naming_file_key_and_lines(tmp_path: Path, kind) -> None:
    load, text, key, first, second = _loaders(tmp_path)[kind]
    path = tmp_path / "mine.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        load(path)
    message = str(err.value)
    assert message.startswith(f"{path}: key {key!r} is given twice"), message
    assert f"on line {first} and line {second}" in message


def test_analyze_refuses_a_duplicate_actor_id_with_exit_2(tmp_path, corpus, capsys) -> None:
    actors = tmp_path / "actors.yml"
    actors.write_text(DUPLICATE_ID, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(corpus), "--out", str(out), "--actors", str(actors)]) == 2
    err = capsys.readouterr().err
    assert f"{actors}: key 'vorenko' is given twice in 'actors', on line 3 and line 6" in err
    assert not out.exists() or not any(out.iterdir()), "nothing is written"


def test_run_refuses_a_duplicate_key_in_its_params_with_exit_2(tmp_path, capsys) -> None:
    params = tmp_path / "p.yaml"
    params.write_text("seed: 1\nseed: 2\n", encoding="utf-8")
    assert main(["run", "--params", str(params), "--reports", str(tmp_path / "r")]) == 2
    assert "key 'seed' is given twice, on line 1 and line 2" in capsys.readouterr().err


# --- tabs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("actors:\n  vorenko:\n\tname: Talia Vorenko\n", 3),  # a tab indents
        ("actors:\n  vorenko:\n    name:\tTalia Vorenko\n", 3),  # a tab after the colon
        ("\tactors:\n", 1),
    ],
)
def test_a_tab_is_named_in_words_with_its_line(tmp_path: Path, text: str, line: int) -> None:
    path = tmp_path / "actors.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        actors_io.load_actors(path)
    assert str(err.value) == (
        f"{path}: line {line}: a tab character; YAML indents with spaces, never tabs: "
        "replace it with spaces"
    )


@pytest.mark.parametrize(
    ("load", "error"),
    [(framing.load_codebook, framing.CodebookError), (config.load_params, config.ParamError)],
)
def test_a_tab_in_a_codebook_or_params_file(tmp_path: Path, load, error) -> None:
    path = tmp_path / "mine.yml"
    path.write_text("id: mine\nframes:\n\t- id: f\n", encoding="utf-8")
    with pytest.raises(error, match=r"mine.yml: line 3: a tab character; YAML indents with"):
        load(path)


def test_a_tab_inside_a_quoted_string_is_no_error() -> None:
    assert config.load_yaml_text('name: "Talia\tVorenko"\n', "f.yml") == {"name": "Talia\tVorenko"}


def test_analyze_and_run_say_tab_with_exit_2(tmp_path, corpus, capsys) -> None:
    actors = tmp_path / "actors.yml"
    actors.write_text("actors:\n  vorenko:\n\tname: Talia Vorenko\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(corpus), "--out", str(out), "--actors", str(actors)]) == 2
    assert f"{actors}: line 3: a tab character" in capsys.readouterr().err
    params = tmp_path / "p.yaml"
    params.write_text(f"corpus_dir: {json.dumps(str(corpus))}\nactors_file: {actors}\n")
    assert main(["run", "--params", str(params), "--reports", str(tmp_path / "r")]) == 2
    assert f"{actors}: line 3: a tab character" in capsys.readouterr().err


# --- a name written "Surname, Given" ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("Vorenko, Talia", "Talia Vorenko"),
        ("Quarrie, Ansel B.", "Ansel B. Quarrie"),
        ("de la Vorre, Ana Maria", "Ana Maria de la Vorre"),
        # NEGATIVE rows: no comma, a suffix, a comma between lower-case words, two commas
        ("Talia Vorenko", None),
        ("Ansel Quarrie, Jr.", None),
        ("Ansel Quarrie, III", None),
        ("Harbour board of Lusk, west", None),
        ("Vorenko, Talia, Ana", None),
        (",Talia", None),
    ],
)
def test_name_warnings(name: str, suggested: str | None) -> None:
    warnings = actors_io.name_warnings({"name": name}, "f.yml: actor 'v'")
    if suggested is None:
        assert warnings == []
        return
    (message,) = warnings
    assert message.startswith(f"f.yml: actor 'v': name {name!r} looks like 'Surname, Given name'")
    assert message.endswith(f"write the name as it appears in text: name: {suggested}")


def test_analyze_warns_of_a_name_surname_first(tmp_path, corpus, capsys) -> None:
    actors = tmp_path / "actors.yml"
    actors.write_text('actors:\n  vorenko:\n    name: "Vorenko, Talia"\n', encoding="utf-8")
    out = tmp_path / "out"
    argv = ["analyze", str(corpus), "--out", str(out), "--actors", str(actors)]
    assert main([*argv, "--methods", "vader"]) == 0
    err = capsys.readouterr().err
    assert "name 'Vorenko, Talia' looks like 'Surname, Given name'" in err
    assert "write the name as it appears in text: name: Talia Vorenko" in err
    assert main([*argv, "--methods", "vader", "--strict"]) == 2  # an error with --strict


# --- key typos and --strict ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "known"),
    [
        ("titel", "titles"),  # two letters swapped, the s missing: 2 edits
        ("titels", "titles"),
        ("surnmae", "surname"),
        ("prononus", "pronouns"),
        ("aliasses", "aliases"),
        ("Organization", "organizations"),
        # NEGATIVE rows: keys close to no known key
        ("party", None),
        ("age", None),
        ("image", None),
        ("office", None),
        ("website", None),
        ("spokespeople", None),
    ],
)
def test_close_key(key: str, known: str | None) -> None:
    assert actors_io.close_key(key) == known
    (message,) = actors_io.key_warnings({key: "x"}, "f.yml: actor 'v'")
    if known:
        assert message.endswith(f"(kept as an extra); did you mean {known!r}?")
    else:
        assert "did you mean" not in message


@pytest.mark.parametrize(
    ("a", "b", "edits"),
    [("titel", "title", 1), ("titel", "titles", 2), ("gendre", "gender", 1), ("", "abc", 3)],
)
def test_edit_distance(a: str, b: str, edits: int) -> None:
    assert actors_io.edit_distance(a, b) == edits == actors_io.edit_distance(b, a)


TYPO_ACTORS = "actors:\n  vorenko:\n    name: Talia Vorenko\n    titel: [President]\n"


def test_load_actors_strict_makes_warnings_errors(tmp_path: Path) -> None:
    path = tmp_path / "actors.yml"
    path.write_text(TYPO_ACTORS, encoding="utf-8")
    seen: list[str] = []
    assert actors_io.load_actors(path, warn=seen.append).ids == ["vorenko"]
    assert len(seen) == 1
    with pytest.raises(ValueError) as err:
        actors_io.load_actors(path, warn=None, strict=True)
    assert str(err.value) == (
        f"{path}: 1 warning(s) about the actors file, errors with --strict:\n  {seen[0]}"
    )


def test_strict_keeps_a_shared_alias_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "actors.yml"
    path.write_text(
        "actors:\n  a: {name: Talia Vorenko, aliases: [the governor]}\n"
        "  b: {name: Ansel Quarrie, aliases: [the governor]}\n",
        encoding="utf-8",
    )
    seen: list[str] = []
    assert actors_io.load_actors(path, warn=seen.append, strict=True).ids == ["a", "b"]
    assert len(seen) == 1 and "'governor' is listed by actors 'a', 'b'" in seen[0]


def test_analyze_strict_refuses_a_key_typo_before_any_work(tmp_path, corpus, capsys) -> None:
    actors = tmp_path / "actors.yml"
    actors.write_text(TYPO_ACTORS, encoding="utf-8")
    out = tmp_path / "out"
    argv = ["analyze", str(corpus), "--out", str(out), "--actors", str(actors), "--strict"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"mediaframes analyze: error: {actors}: 1 warning(s) about the actors")
    assert "unknown key 'titel' (kept as an extra); did you mean 'titles'?" in err
    assert not out.exists()


def test_run_strict_refuses_a_key_typo_before_any_notebook(tmp_path, corpus, monkeypatch):
    actors = tmp_path / "actors.yml"
    actors.write_text(TYPO_ACTORS, encoding="utf-8")
    params = {"corpus_dir": str(corpus), "actors_file": str(actors)}
    with pytest.raises(config.ParamError, match="did you mean 'titles'"):
        pipeline.check_resources(config.defaults() | params, tmp_path, strict=True)
    pipeline.check_resources(config.defaults() | params, tmp_path)  # a warning only
    ran: list[object] = []
    monkeypatch.setattr(pipeline, "_run", lambda *a, **k: ran.append(a))
    path = tmp_path / "p.yaml"
    path.write_text("".join(f"{k}: {json.dumps(v)}\n" for k, v in params.items()))
    argv = ["run", "--params", str(path), "--reports", str(tmp_path / "r"), "--strict"]
    assert main(argv) == 2
    assert ran == []


# --- compare --actors: an invalid file is only an error ---------------------------------------


def test_compare_validates_the_actors_file_before_comparing_it(tmp_path, capsys) -> None:
    analysis = tmp_path / "analysis"
    analysis.mkdir()
    (analysis / "actors.yml").write_text("actors:\n  vorenko: {name: Talia Vorenko}\n")
    bad = tmp_path / "bad.yml"
    bad.write_text("actors:\n  vorenko: {aliases: [TV]}\n", encoding="utf-8")
    assert main(["compare", str(analysis), "--actors", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err == f"mediaframes compare: error: {bad}: actor 'vorenko': needs a 'name' string\n"
    good = tmp_path / "good.yml"  # valid but other: the note stays
    good.write_text("actors:\n  quarrie: {name: Ansel Quarrie}\n", encoding="utf-8")
    main(["compare", str(analysis), "--actors", str(good)])
    assert "differs from the actors file the analysis used" in capsys.readouterr().err


# --- the actors-file checks that behaved well in accept16c stay as they were ------------------


@pytest.mark.parametrize(
    ("text", "outcome", "fragment"),
    [
        # a shared alias: a warning, exit 0 (02)
        (
            "actors:\n  a: {name: Talia Vorenko, aliases: [the minister]}\n"
            "  b: {name: Ansel Quarrie, aliases: [the minister]}\n",
            "warning",
            "'minister' is listed by actors 'a', 'b'",
        ),
        # no aliases, or an empty list: the name alone (03)
        (
            "actors:\n  a: {name: Talia Vorenko}\n  b: {name: Ansel Quarrie, aliases: []}\n",
            "ok",
            "",
        ),
        # a gender typo (07)
        ("actors:\n  a: {name: Talia Vorenko, gender: femal}\n", "error", "actor 'a': gender must"),
        # aliases as one string: one alias (08)
        ("actors:\n  a: {name: Talia Vorenko, aliases: TV}\n", "ok", ""),
        # no name (09)
        ("actors:\n  a: {aliases: [TV]}\n", "error", "actor 'a': needs a 'name' string"),
        # an id with a space (10)
        ("actors:\n  Harbour Chief: {name: Talia Vorenko}\n", "error", "ids must be lower-case"),
        # an alias that is another actor's name: shared, a warning (11)
        (
            "actors:\n  a: {name: Talia Vorenko}\n  b: {name: Ansel Quarrie, "
            "aliases: [Talia Vorenko]}\n",
            "warning",
            "'talia vorenko' is listed by actors 'a', 'b'",
        ),
        # a badly indented key (12)
        ("actors:\n  a:\n    name: Talia Vorenko\n     aliases: [x]\n", "error", "not valid YAML"),
        # the top-level key misspelt (13)
        ("actor:\n  a: {name: Talia Vorenko}\n", "error", "expected a mapping 'actors:'"),
        # pronouns as one string (14)
        (
            "actors:\n  a: {name: Talia Vorenko, pronouns: she/her}\n",
            "error",
            "key 'pronouns' must be a list of words",
        ),
    ],
)
def test_other_actors_file_checks_hold(tmp_path: Path, text: str, outcome: str, fragment: str):
    path = tmp_path / "actors.yml"
    path.write_text("# INVENTED actors\n" + text, encoding="utf-8")
    seen: list[str] = []
    if outcome == "error":
        with pytest.raises(ValueError) as err:
            actors_io.load_actors(path, warn=seen.append)
        assert str(err.value).startswith(f"{path}: ") and fragment in str(err.value)
        return
    actors = actors_io.load_actors(path, warn=seen.append)
    assert all(a.aliases in ((), ("TV",)) for a in actors.actors if outcome == "ok")
    assert len(seen) == (outcome == "warning")
    assert fragment in (seen[0] if seen else "")

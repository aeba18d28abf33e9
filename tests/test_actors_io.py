"""Actors files: spelling variants of keys, warnings for likely typos, the copy analyze records.

Every actor, office and article here is INVENTED.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from mediaframes import actors_io, analysis, attribution, scale
from mediaframes.cli import main

ACTORS = """\
# INVENTED actor for mediaframes tests
actors:
  vorenko:
    name: Talia Vorenko
    {aliases}: [the Calderran leader]
    {organizations}: [the Vesper Palace]
    gender: female
    role: President of Calderra
"""

ARTICLE = (
    "INVENTED: Ferry talks resume\n\n"
    "LUSK — The Vesper Palace said on Friday that the ferry route across the strait would "
    "reopen next week.\n\n"
    "President Talia Vorenko said the deal was fair to both shores.\n"
)


def entry(**keys: object) -> dict:
    return {"actors": {"vorenko": {"name": "Talia Vorenko", **keys}}}


@pytest.mark.parametrize(
    ("keys", "organizations", "warned"),
    [
        ({"organizations": ["the Vesper Palace"]}, ("the Vesper Palace",), []),
        ({"organisations": ["the Vesper Palace"]}, ("the Vesper Palace",), []),  # British
        ({"organisations": "the Vesper Palace"}, ("the Vesper Palace",), []),
        ({"aliasses": ["Vorenko"]}, (), [("aliasses", "aliases")]),
        (
            {"title": ["President"], "pronoun": ["she"]},
            (),
            [("title", "titles"), ("pronoun", "pronouns")],
        ),
        ({"Organization": ["x"]}, (), [("Organization", "organizations")]),
        # the descriptive keys: kept silently (others warn: test_actors_file_keys.py)
        ({"role": "President", "notes": "x"}, (), []),
    ],
)
def test_normalize_actor_keys(keys: dict, organizations: tuple, warned: list) -> None:
    data, warnings = actors_io.normalize_actor_keys(entry(**keys), "my/actors.yml")
    acts = attribution.actors_from_mapping(data, "my/actors.yml")
    assert acts.get("vorenko").organizations == organizations
    assert len(warnings) == len(warned)
    for message, (key, known) in zip(warnings, warned, strict=True):
        assert message == (
            f"my/actors.yml: actor 'vorenko': unknown key {key!r} (kept as an extra); "
            f"did you mean {known!r}?"
        )
        assert key in acts.get("vorenko").extra  # kept, as the file format promises


def test_both_spellings_in_one_entry_is_an_error() -> None:
    data = entry(organizations=["a"], organisations=["b"])
    with pytest.raises(ValueError, match="f.yml: actor 'vorenko': both 'organizations' and"):
        actors_io.normalize_actor_keys(data, "f.yml")


def test_normalize_leaves_the_input_and_invalid_files_alone() -> None:
    data = entry(organisations=["x"])
    actors_io.normalize_actor_keys(data, "f")
    assert "organisations" in data["actors"]["vorenko"]
    for bad in (None, [], {"actors": []}, {"actors": {"a": "not a mapping"}}):
        assert actors_io.normalize_actor_keys(bad, "f") == (bad, [])


@pytest.mark.parametrize(
    ("aliases", "organizations", "n_warnings"),
    [("aliases", "organizations", 0), ("aliasses", "organisations", 1)],
)
def test_load_actors_warns_through_warn(
    tmp_path: Path, aliases: str, organizations: str, n_warnings: int
) -> None:
    path = tmp_path / "actors.yml"
    path.write_text(ACTORS.format(aliases=aliases, organizations=organizations), encoding="utf-8")
    seen: list[str] = []
    acts = actors_io.load_actors(path, warn=seen.append)
    assert acts.get("vorenko").organizations == ("the Vesper Palace",)
    assert len(seen) == n_warnings
    assert all(m.startswith(f"{path}: actor 'vorenko': unknown key 'aliasses'") for m in seen)
    assert actors_io.load_actors(path, warn=None).ids == ["vorenko"]


def test_load_actors_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="actors file not found"):
        actors_io.load_actors(tmp_path / "nope.yml")
    bad = tmp_path / "bad.yml"
    bad.write_text("actors: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.yml: not valid YAML"):
        actors_io.load_actors(bad)


def test_check_resources_warns_once_build_resources_not(tmp_path: Path, capsys) -> None:
    path = tmp_path / "actors.yml"
    path.write_text(ACTORS.format(aliases="aliasses", organizations="organisations"))
    spec = analysis.resource_spec(path, methods=["vader"])
    analysis.check_resources(spec)
    assert capsys.readouterr().err.count("did you mean 'aliases'?") == 1
    resources = analysis.build_resources(spec)
    assert capsys.readouterr().err == ""
    assert resources.actors.get("vorenko").organizations == ("the Vesper Palace",)


# --- the command line: analyze (quarantine lines, the recorded actors file) and compare ---------


@pytest.fixture
def analysed(tmp_path: Path, capsys) -> tuple[Path, Path, str, str]:
    """``mediaframes analyze`` on one INVENTED article and one empty file."""
    raw = tmp_path / "corpus" / "raw"
    raw.mkdir(parents=True)
    (raw / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / "zz_empty.txt").write_bytes(b"")
    (raw / "notes.docx").write_bytes(b"PK\x03\x04")
    path = tmp_path / "actors.yml"
    path.write_text(ACTORS.format(aliases="aliasses", organizations="organisations"))
    out = tmp_path / "out"
    argv = ["analyze", str(tmp_path / "corpus"), "--out", str(out), "--actors", str(path)]
    assert main([*argv, "--methods", "vader"]) == 0
    captured = capsys.readouterr()
    return out, path, captured.out, captured.err


def test_analyze_reads_organisations_and_warns_of_aliasses(analysed) -> None:
    out, path, _, err = analysed
    assert f"warning: {path}: actor 'vorenko': unknown key 'aliasses'" in err
    assert err.count("did you mean") == 1  # once: check_resources warns, build_resources not
    st = pd.read_csv(out / "statements.csv", keep_default_na=False)
    palace = st[st["text"].str.contains("Vesper Palace")].iloc[0]
    assert (palace["speaker"], palace["source_actor"]) == ("vorenko", "vorenko")


def test_analyze_lists_each_quarantined_input(analysed) -> None:
    _, _, stdout, _ = analysed
    assert "2 input(s) quarantined" in stdout
    assert "  quarantined raw/notes.docx: unsupported_format (extension '.docx';" in stdout
    assert "  quarantined raw/zz_empty.txt: empty (file has 0 bytes)" in stdout


def test_analyze_strict_exits_1_when_anything_was_quarantined(analysed, capsys) -> None:
    out, path, _, _ = analysed
    argv = ["analyze", str(out.parent / "corpus"), "--out", str(out), "--actors", str(path)]
    assert main([*argv, "--methods", "vader", "--strict"]) == 2  # the misspelt key: an error
    assert "did you mean 'aliases'?" in capsys.readouterr().err
    path.write_text(ACTORS.format(aliases="aliases", organizations="organisations"))
    assert main([*argv, "--methods", "vader", "--strict"]) == 1
    err = capsys.readouterr().err
    assert "--strict: 2 input(s) quarantined" in err
    assert (out / "statements.csv").is_file(), "the tables are still written"


def test_quarantine_lines_are_capped() -> None:
    from mediaframes.corpus import Rejection

    rejected = [Rejection(f"raw/{i}.txt", "empty", "file has 0 bytes") for i in range(5)]
    lines = scale.quarantine_lines(rejected, Path("o"), limit=3)
    assert lines[:3] == [f"  quarantined raw/{i}.txt: empty (file has 0 bytes)" for i in range(3)]
    assert lines[3] == f"  … 2 more in {Path('o') / 'quarantine.csv'}"


def test_analyze_records_its_actors_file_and_compare_reuses_it(analysed, tmp_path, capsys):
    out, path, _, _ = analysed
    assert (out / "actors.yml").read_bytes() == path.read_bytes()
    assert main(["compare", str(out), "--out", str(tmp_path / "c1")]) == 0
    err = capsys.readouterr().err
    assert f"using the actors file the analysis used: {out / 'actors.yml'}" in err
    assert "packaged" not in err


@pytest.mark.parametrize(
    ("recorded", "given", "uses", "message"),
    [
        (True, None, "recorded", "using the actors file the analysis used"),
        (False, None, None, "warning: no actors file recorded in"),
        (True, "same", "given", ""),
        (True, "other", "given", "differs from the actors file the analysis used"),
        (False, "other", "given", ""),
    ],
)
def test_compare_actors(tmp_path: Path, recorded, given, uses, message) -> None:
    folder = tmp_path / "analysis"
    folder.mkdir()
    mine = tmp_path / "mine.yml"
    mine.write_text(ACTORS.format(aliases="aliases", organizations="organizations"))
    if recorded:
        scale.record_actors(mine, folder)
    other = tmp_path / "other.yml"
    other.write_text(ACTORS.format(aliases="aliases", organizations="organisations"))
    arg = {None: None, "same": mine, "other": other}[given]
    path, note = scale.compare_actors(folder, arg)
    assert path == {"recorded": str(folder / "actors.yml"), "given": str(arg), None: None}[uses]
    assert (message in note) if message else note == ""


def test_load_actors_warns_of_a_shared_alias(tmp_path: Path) -> None:
    """INVENTED actors of a merged file: two governors both listed as "the governor"."""
    path = tmp_path / "actors.yml"
    path.write_text(
        "actors:\n"
        "  vilno: {name: Petra Vilno, aliases: [the governor]}\n"
        "  quarrie: {name: Rosalind Quarrie, aliases: [the governor, Quarrie]}\n"
        "  brask: {name: Oren Brask, aliases: [Brask]}\n",
        encoding="utf-8",
    )
    got: list[str] = []
    actors_io.load_actors(path, warn=got.append)
    assert len(got) == 1
    assert "'governor' is listed by actors 'vilno', 'quarrie'" in got[0] and str(path) in got[0]

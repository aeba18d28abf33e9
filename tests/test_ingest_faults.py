"""Ingest of good and bad inputs: every input is accepted or quarantined with a reason.

All articles here are INVENTED (see tests/fixtures/ingest/README.md); binary, oversized and
mis-encoded inputs are generated in ``tmp_path``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from mediaframes import cli, corpus

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

GOOD_TEXT = (
    "INVENTED: Town opens a new park\n\n"
    "RIVERTON — The town opened a new park on Sunday near the old mill, officials said.\n\n"
    "The mayor said the park would host concerts in the summer and a market in the autumn.\n"
)


def make_corpus(tmp_path: Path, files: dict[str, bytes | str], metadata: str | None = None) -> Path:
    """A corpus folder with one good article plus the given raw files."""
    root = tmp_path / "corpus"
    raw = root / "raw"
    raw.mkdir(parents=True)
    (raw / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    for name, content in files.items():
        p = raw / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            p.write_text(content, encoding="utf-8")
        else:
            p.write_bytes(content)
    if metadata is not None:
        (root / "metadata.csv").write_text(metadata, encoding="utf-8")
    return root


def scan(root: Path, **kw: int) -> corpus.ScanResult:
    r = corpus.scan_corpus(root, **kw)
    assert r.n_inputs == len(r.articles) + len(r.quarantine)
    for a in r.articles:
        for s in [a.headline, a.standfirst, a.dateline, *a.body, *a.captions, *a.boilerplate]:
            if s is not None:
                assert a.text[s.start : s.end] == s.text
    return r


def reasons(r: corpus.ScanResult) -> dict[str, str]:
    return {q.source_path: q.reason for q in r.quarantine}


# --- one bad input per kind -----------------------------------------------------------------

ARTICLE = (
    "INVENTED: Bad input test\n\n"
    "The council met on Monday and agreed to repair the old bridge over the river.\n"
)

BAD_FILES = [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\r\n   \n", "empty"),
    ("nul.txt", b"INVENTED headline\n\nText\x00with a NUL byte.\n", "binary"),
    ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("controls.txt", b"INVENTED\n\nText \x01\x02\x03 with controls.\n", "binary"),
    ("invalid.txt", b"INVENTED\n\nBroken \x81\x8d\x8f bytes here.\n", "undecodable"),
    ("notes.docx", b"PK\x03\x04 not an article", "unsupported_format"),
    ("archive.zip", b"PK\x05\x06" + b"\x00" * 18, "unsupported_format"),
    ("furniture.txt", "INVENTED headline\n\nAdvertisement\n\nMost Popular\n", "no_text"),
    ("headline_only.txt", "INVENTED headline alone\n", "no_text"),
    (
        "scripts_only.html",
        "<html><head><title>INVENTED</title><script>go()</script></head><body></body></html>",
        "no_text",
    ),
    # INVENTED pages with no article: a "page not found" with its navigation, a paywall
    (
        "nav_only.html",
        "<html><head><title>INVENTED Ledger - Page not found</title></head><body><nav><ul>"
        "<li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></nav>"
        "<main><p>Home</p><p>World</p></main></body></html>",
        "no_text",
    ),
    (
        "paywall.html",
        "<html><head><title>INVENTED Ledger</title></head><body><article><p>You have read all "
        "your free articles this month. Subscribe today for full access.</p></article>"
        "</body></html>",
        "no_text",
    ),
    # same text as good.txt up to case and spacing, later in path order
    ("zz_dup.txt", GOOD_TEXT.replace("RIVERTON", "RIVERTON ").lower(), "duplicate"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD_FILES)
def test_bad_file_is_quarantined(tmp_path: Path, name: str, content, reason: str) -> None:
    root = make_corpus(tmp_path, {name: content})
    r = scan(root)
    assert reasons(r) == {f"raw/{name}": reason}
    assert [a.article_id for a in r.articles] == ["good"]
    assert r.quarantine[0].detail


def test_duplicate_keeps_first_in_path_order(tmp_path: Path) -> None:
    root = make_corpus(tmp_path, {"a_copy.txt": GOOD_TEXT, "sub/z_copy.txt": GOOD_TEXT})
    r = scan(root)
    assert [a.source_path for a in r.articles] == ["raw/a_copy.txt"]
    assert reasons(r) == {"raw/good.txt": "duplicate", "raw/sub/z_copy.txt": "duplicate"}
    assert all("raw/a_copy.txt" in q.detail for q in r.quarantine)


def test_oversized(tmp_path: Path) -> None:
    big = ("INVENTED\n\n" + "word " * 3000 + "\n").encode()
    root = make_corpus(tmp_path, {"big.txt": big})
    r = scan(root, max_bytes=10_000)
    assert reasons(r) == {"raw/big.txt": "oversized"}
    assert "10000" in r.quarantine[0].detail


def test_utf8_bom_is_read(tmp_path: Path) -> None:
    root = make_corpus(tmp_path, {"bom.txt": b"\xef\xbb\xbf" + ARTICLE.encode()})
    r = scan(root)
    a = next(a for a in r.articles if a.article_id == "bom")
    assert a.text == ARTICLE  # the BOM is not part of the text
    assert a.headline.text == "INVENTED: Bad input test"
    assert any("byte-order mark" in w for w in a.warnings)
    assert r.quarantine == ()


def test_cp1252_file_is_decoded_and_warned(tmp_path: Path) -> None:
    text = ARTICLE.replace("old bridge", "caf\u00e9\u2019s \u201cold\u201d bridge")
    root = make_corpus(tmp_path, {"legacy.txt": text.encode("cp1252")})
    r = scan(root)
    a = next(a for a in r.articles if a.article_id == "legacy")
    assert a.text == text
    assert any("cp1252" in w for w in a.warnings)


def test_mojibake_is_repaired_and_warned(tmp_path: Path) -> None:
    text = ARTICLE.replace("old bridge", "town\u2019s old bridge")
    broken = text.encode("utf-8").decode("cp1252").encode("utf-8")  # "townâ€™s"
    root = make_corpus(tmp_path, {"moji.txt": broken})
    r = scan(root)
    a = next(a for a in r.articles if a.article_id == "moji")
    assert "town\u2019s old bridge" in a.text
    assert "â€" not in a.text
    assert any("mojibake" in w for w in a.warnings)


def test_utf16_with_bom(tmp_path: Path) -> None:
    root = make_corpus(tmp_path, {"wide.txt": ARTICLE.encode("utf-16")})
    r = scan(root)
    assert next(a for a in r.articles if a.article_id == "wide").text == ARTICLE


def test_non_english_is_kept_with_warning(tmp_path: Path) -> None:
    fr = (
        "INVENTÉ : le conseil vote pour un nouveau pont\n\n"
        "Le conseil de la ville a voté lundi pour la construction d'un pont sur la rivière, "
        "a dit le maire dans un communiqué. Il a ajouté que les travaux seront longs et que "
        "le coût du projet est élevé pour les habitants de la ville.\n"
    )
    root = make_corpus(tmp_path, {"fr.txt": fr})
    r = scan(root)
    a = next(a for a in r.articles if a.article_id == "fr")
    assert a.metadata["language"] == "fr"
    assert any("not English" in w for w in a.warnings)
    assert r.quarantine == ()


def test_symlink_outside_corpus(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE, encoding="utf-8")
    root = make_corpus(tmp_path, {})
    (root / "raw" / "link.txt").symlink_to(secret)
    r = scan(root)
    assert reasons(r) == {"raw/link.txt": "outside_corpus"}


def test_hidden_files_are_not_inputs(tmp_path: Path) -> None:
    root = make_corpus(tmp_path, {".gitkeep": b"", ".DS_Store": b"\x00\x01"})
    r = scan(root)
    assert r.n_inputs == 1 and r.quarantine == ()


# --- JSONL and CSV records --------------------------------------------------------------------


def jl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


REC = {"id": "r1", "title": "INVENTED title", "text": "The council met on Monday."}


def test_fixture_corpus_all_formats_offline(tmp_path: Path, monkeypatch) -> None:
    def no_network(*args, **kwargs):
        raise AssertionError("ingest tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    root = tmp_path / "c"
    shutil.copytree(FIXTURES, root)
    r = scan(root)
    assert r.quarantine == ()
    ids = [a.article_id for a in r.articles]
    # input order (corpus.ROW_ORDER: file path order, then record order), as analyze streams
    assert ids == [
        "harbour_bridge",  # harbour_bridge.txt
        "csv-market",  # records.csv
        "csv-school",
        "jsonl-ferry",  # records.jsonl
        "jsonl-library",
        "river_festival",  # river_festival.html
    ]
    by = {a.article_id: a for a in r.articles}
    html = by["river_festival"]
    assert html.fmt == "html"
    assert html.headline.text == "INVENTED: River festival returns after five years"
    assert html.dateline.text == "RIVERTON"
    assert len(html.body) == 4
    assert "SCRIPT" not in html.text and "example.invalid" not in html.text
    assert html.metadata["date"] == "2024-06-02"
    txt = by["harbour_bridge"]
    assert txt.metadata["outlet"] == "Example Gazette" and txt.metadata["date_inferred"] is False
    assert txt.dateline.text == "PORTVILLE, Examplia" and len(txt.captions) == 1
    assert [b.text for b in txt.boilerplate][-2:] == [
        "Storm closes ferry line for a day",
        "Council approves the school budget",
    ]
    ferry = by["jsonl-ferry"]
    assert ferry.source_path == "raw/records.jsonl#1"
    assert ferry.headline.text == "INVENTED: Ferry service extended into the winter"
    assert ferry.text.startswith(ferry.headline.text + "\n\n")
    assert ferry.dateline.text == "PORTVILLE"
    assert ferry.metadata["section"] == "Local" and ferry.metadata["date"] == "2024-01-08"
    lib = by["jsonl-library"]
    assert lib.metadata["date"] is None and lib.metadata["outlet"] is None
    assert lib.metadata["date_inferred"] is None
    market = by["csv-market"]
    assert market.source_path == "raw/records.csv#2" and market.metadata["author"] == "A. Writer"
    assert len(market.body) == 2


JSONL_CASES = [
    ('{"id": "x", "text": "unterminated', "malformed_record"),
    ("[1, 2, 3]", "malformed_record"),
    ('"just a string"', "malformed_record"),
    ({"title": "INVENTED no id", "text": "Some body text here."}, "missing_field"),
    ({"id": "no-text", "title": "INVENTED"}, "missing_field"),
    ({"id": "blank", "title": "INVENTED", "text": "   \n  "}, "empty"),
    ({"id": "obj", "text": {"nested": "object"}}, "malformed_record"),
    ({"id": "ctl", "text": "Body with a \u0007 bell."}, "binary"),
    ({"id": "fm", "title": "INVENTED", "text": "Advertisement"}, "no_text"),
]


@pytest.mark.parametrize(("line", "reason"), JSONL_CASES)
def test_bad_jsonl_line(tmp_path: Path, line, reason: str) -> None:
    root = make_corpus(
        tmp_path, {"recs.jsonl": jl(REC, line, {**REC, "id": "r3", "text": "Other."})}
    )
    r = scan(root)
    assert reasons(r) == {"raw/recs.jsonl#2": reason}
    assert r.n_inputs == 4  # good.txt + three lines
    assert [a.article_id for a in r.articles] == ["good", "r1", "r3"]


def test_jsonl_empty_and_invalid_utf8_line(tmp_path: Path) -> None:
    bad_line = b'{"id": "b", "text": "caf\xff"}\n'
    root = make_corpus(tmp_path, {"none.jsonl": "\n\n", "bytes.jsonl": jl(REC).encode() + bad_line})
    r = scan(root)
    got = reasons(r)
    assert got["raw/none.jsonl"] == "empty"
    assert got["raw/bytes.jsonl#2"] == "undecodable"


CSV_CASES = [
    ('r2,INVENTED,"The body.",2024-01-01,,,extra-field', "malformed_record"),
    ("r2,INVENTED", "malformed_record"),
    (',INVENTED,"No id here.",,,', "missing_field"),
    ("r2,INVENTED,,,,", "empty"),
    ("r2,INVENTED,Body text.,2024-13-45,,", None),  # bad date: kept, with a warning
]


@pytest.mark.parametrize(("row", "reason"), CSV_CASES)
def test_bad_csv_row(tmp_path: Path, row: str, reason: str | None) -> None:
    header = "id,title,text,date,outlet,url\n"
    good = 'r1,INVENTED title,"The council met.",2024-01-02,Example,https://example.invalid/1\n'
    root = make_corpus(tmp_path, {"recs.csv": header + good + row + "\n"})
    r = scan(root)
    if reason is None:
        assert r.quarantine == ()
        a = next(a for a in r.articles if a.article_id == "r2")
        assert a.metadata["date"] is None
        assert any("2024-13-45" in w for w in a.warnings)
    else:
        assert reasons(r) == {"raw/recs.csv#3": reason}  # the row's line in the file
    assert r.n_inputs == 3


def test_csv_without_text_column(tmp_path: Path) -> None:
    root = make_corpus(tmp_path, {"recs.csv": "id,title\na,INVENTED\nb,INVENTED\n"})
    r = scan(root)
    assert reasons(r) == {"raw/recs.csv": "missing_field"}  # once for the file, not per row
    detail = r.quarantine[0].detail
    assert "missing required field(s): text" in detail and "fields found: id, title" in detail


@pytest.mark.parametrize("sep", [";", "\t"])
def test_csv_with_another_separator_says_so(tmp_path: Path, sep: str) -> None:
    text = sep.join(["id", "title", "text"]) + "\n" + sep.join(["a", "INVENTED", "Words."]) + "\n"
    root = make_corpus(tmp_path, {"recs.csv": text})
    r = scan(root)
    assert reasons(r) == {"raw/recs.csv": "malformed_record"}
    assert f"separated by {sep!r}" in r.quarantine[0].detail


# --- ids ----------------------------------------------------------------------------------------


def test_unsafe_ids_stay_inside_output(tmp_path: Path) -> None:
    recs = [
        {"id": "../escape", "text": "First INVENTED body."},
        {"id": "/abs/olute", "text": "Second INVENTED body."},
        {"id": "nul\u0000byte", "text": "Third INVENTED body."},
        {"id": "..", "text": "Fourth INVENTED body."},
        {"id": "escape", "text": "Fifth INVENTED body, same safe id."},
    ]
    root = make_corpus(tmp_path, {"ids.jsonl": jl(*recs)})
    out = tmp_path / "out"
    before = {p for p in tmp_path.rglob("*")}
    summary = corpus.ingest_corpus(root, out)
    after = {p for p in tmp_path.rglob("*")}
    created = after - before
    assert created and all(p == out or p.is_relative_to(out) for p in created)
    ids = sorted(a.article_id for a in summary["result"].articles)
    assert ids == ["abs_olute", "article", "escape", "escape-2", "good", "nul_byte"]
    texts = sorted(p.name for p in (out / "texts").iterdir())
    assert texts == sorted(f"{i}.txt" for i in ids)
    a = next(a for a in summary["result"].articles if a.article_id == "escape")
    assert any("sanitized" in w for w in a.warnings)


# --- metadata -------------------------------------------------------------------------------


def test_missing_metadata_row_warns(tmp_path: Path) -> None:
    meta = "article_id,outlet,url,date,date_inferred,language,notes\nother,X,,,,,\n"
    root = make_corpus(tmp_path, {}, metadata=meta)
    r = scan(root)
    a = r.articles[0]
    assert a.metadata["outlet"] is None and a.metadata["date"] is None
    assert any("no row" in w for w in a.warnings)
    assert any("without an article" in n and "other" in n for n in r.notes)


MALFORMED_META = [
    ("good,X,not-a-url,2024-02-30,maybe,english,n\n", ["url", "date", "date_inferred", "language"]),
    ("good,X,,28/02/2022,,,\n", ["date"]),
]


@pytest.mark.parametrize(("row", "bad_fields"), MALFORMED_META)
def test_malformed_metadata_values_are_nulled(tmp_path: Path, row: str, bad_fields) -> None:
    meta = "article_id,outlet,url,date,date_inferred,language,notes\n" + row
    r = scan(make_corpus(tmp_path, {}, metadata=meta))
    a = r.articles[0]
    assert a.metadata["outlet"] == "X"
    for f in bad_fields:
        if f != "language":
            assert a.metadata[f] is None
        assert any(w.startswith(f"metadata: {f} ") for w in a.warnings), (f, a.warnings)


# (a record's or metadata row's date, the date kept, a warning expected) (acceptance test 14a)
TIMESTAMP_DATES = [
    ("2026-03-04T10:15:00Z", "2026-03-04", True),
    ("2026-03-04 23:30:00+05:00", "2026-03-04", True),  # its own offset: no conversion
    ("2026-03-04T10:15", "2026-03-04", True),
    ("2026-03-04", "2026-03-04", False),
    ("2026-03", "2026-03", False),
    ("2026-02-30T10:15:00Z", None, True),  # no such day
    ("2026-03-04T25:99", None, True),  # no such time
    ("04/03/2026 10:15", None, True),
]


@pytest.mark.parametrize(("given", "kept", "warned"), TIMESTAMP_DATES)
def test_timestamp_dates_keep_their_date(tmp_path: Path, given: str, kept, warned: bool) -> None:
    meta = f"article_id,outlet,url,date,date_inferred,language,notes\ngood,X,,{given},,,\n"
    a = scan(make_corpus(tmp_path, {}, metadata=meta)).articles[0]
    assert a.metadata["date"] == kept
    assert any(w.startswith("metadata: date ") for w in a.warnings) == warned, a.warnings


@pytest.mark.parametrize(
    "table",
    [
        "outlet,url\nX,\n",  # no article_id column
        "article_id,outlet\ngood,X,extra\n",  # wrong field count
        b"article_id,outlet\ngood,\x00\x01\n",  # binary
    ],
)
def test_malformed_metadata_table_never_drops_articles(tmp_path: Path, table) -> None:
    root = make_corpus(tmp_path, {})
    p = root / "metadata.csv"
    p.write_bytes(table if isinstance(table, bytes) else table.encode())
    r = scan(root)
    assert [a.article_id for a in r.articles] == ["good"]
    assert r.notes


# --- the ingest command ---------------------------------------------------------------------


def test_ingest_writes_tables(tmp_path: Path) -> None:
    root = tmp_path / "c"
    shutil.copytree(FIXTURES, root)
    (root / "raw" / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert cli.main(["ingest", str(root), "--out", str(out)]) == 0
    df = pd.read_csv(out / "articles.csv", keep_default_na=False)
    for col in (
        "article_id headline standfirst dateline date date_inferred outlet language body "
        "captions n_words source_path url notes fmt warnings spans"
    ).split():
        assert col in df.columns
    assert len(df) == 6
    for _, row in df.iterrows():
        text = (out / "texts" / f"{row.article_id}.txt").read_text(encoding="utf-8")
        spans = json.loads(row.spans)
        if spans["headline"]:
            s, e = spans["headline"]
            assert text[s:e] == row.headline
        assert "\n\n".join(text[s:e] for s, e in spans["body"]) == row.body
        assert isinstance(json.loads(row.captions), list)
    q = pd.read_csv(out / "quarantine.csv")
    assert q.to_dict("records") == [
        {"source_path": "raw/empty.txt", "reason": "empty", "detail": "file has 0 bytes"}
    ]
    summary = json.loads((out / "validation.json").read_text())
    assert summary["inputs"] == summary["accepted"] + summary["quarantined"] == 7
    assert summary["by_reason"] == {"empty": 1}
    pq = pd.read_parquet(out / "articles.parquet")
    assert pq["article_id"].tolist() == df["article_id"].tolist()
    assert (out / "quarantine.parquet").is_file()


def test_ingest_is_deterministic_and_replaces_previous_output(tmp_path: Path) -> None:
    root = tmp_path / "c"
    shutil.copytree(FIXTURES, root)
    out = tmp_path / "out"
    corpus.ingest_corpus(root, out)
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (out / "texts" / "stale.txt").write_text("old", encoding="utf-8")
    corpus.ingest_corpus(root, out)
    second = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert first == second
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", "out"]  # no temp folders left


def test_cli_exit_codes(tmp_path: Path, capsys) -> None:
    root = make_corpus(tmp_path, {"empty.txt": b""})
    out = tmp_path / "out"
    assert cli.main(["ingest", str(root), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "2 input(s): 1 accepted, 1 quarantined" in printed
    assert "raw/empty.txt: empty" in printed
    assert cli.main(["ingest", str(root), "--out", str(out), "--strict"]) == 1
    assert "--strict" in capsys.readouterr().err
    (root / "raw" / "good.txt").unlink()
    assert cli.main(["ingest", str(root), "--out", str(out)]) == 1
    assert "no valid article" in capsys.readouterr().err
    assert cli.main(["ingest", str(tmp_path / "missing"), "--out", str(out)]) == 1
    assert "not found" in capsys.readouterr().err


def test_cli_max_bytes(tmp_path: Path, capsys) -> None:
    root = make_corpus(tmp_path, {"long.txt": "INVENTED\n\n" + "Words go on. " * 100})
    out = tmp_path / "out"
    assert cli.main(["ingest", str(root), "--out", str(out), "--max-bytes", "500"]) == 0
    assert "raw/long.txt: oversized" in capsys.readouterr().out
    q = pd.read_csv(out / "quarantine.csv")
    assert q["reason"].tolist() == ["oversized"]


def test_refuses_unsafe_output_folders(tmp_path: Path, capsys) -> None:
    root = make_corpus(tmp_path, {})
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "thesis.tex").write_text("precious", encoding="utf-8")
    for out in (foreign, root, tmp_path, root / "raw" / "out"):
        assert cli.main(["ingest", str(root), "--out", str(out)]) == 1
        assert "error:" in capsys.readouterr().err
    assert (foreign / "thesis.tex").read_text(encoding="utf-8") == "precious"
    assert not (root / "raw" / "out").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_unwritable_output_parent(tmp_path: Path, capsys) -> None:
    root = make_corpus(tmp_path, {})
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert cli.main(["ingest", str(root), "--out", str(locked / "out")]) == 1
        assert "error:" in capsys.readouterr().err
    finally:
        locked.chmod(0o700)


def test_output_parent_is_a_file(tmp_path: Path, capsys) -> None:
    root = make_corpus(tmp_path, {})
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    assert cli.main(["ingest", str(root), "--out", str(blocker / "out")]) == 1
    assert "error: mediaframes ingest" in capsys.readouterr().err
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"


def test_console_script(tmp_path: Path) -> None:
    root = make_corpus(tmp_path, {})
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "mediaframes.cli", "ingest", str(root), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "1 accepted" in proc.stdout
    assert (out / "texts" / "good.txt").read_text(encoding="utf-8") == GOOD_TEXT


def test_load_corpus_matches_ingest(tmp_path: Path) -> None:
    root = tmp_path / "c"
    shutil.copytree(FIXTURES, root)
    loaded = corpus.load_corpus(root)
    summary = corpus.ingest_corpus(root, tmp_path / "out")
    assert loaded == list(summary["result"].articles)


def test_iter_corpus_streams_the_same_articles(tmp_path: Path) -> None:
    root = tmp_path / "c"
    shutil.copytree(FIXTURES, root)
    (root / "raw" / "empty.txt").write_bytes(b"")
    streamed = list(corpus.iter_corpus(root))
    loaded = corpus.load_corpus(root)
    assert streamed == loaded  # the same articles in the same order (corpus.ROW_ORDER)


def test_read_article_file_uses_the_corpus_metadata(tmp_path: Path) -> None:
    root = tmp_path / "c"
    shutil.copytree(FIXTURES, root)
    [a] = corpus.read_article_file(root / "raw" / "harbour_bridge.txt")
    assert a.source_path == "raw/harbour_bridge.txt"
    assert a.metadata["outlet"] == "Example Gazette"
    with pytest.raises(corpus.InputRejected, match="empty"):
        (root / "raw" / "empty.txt").write_bytes(b"")
        corpus.read_article_file(root / "raw" / "empty.txt")


def test_csv_field_over_the_size_limit_is_one_oversized_record(tmp_path: Path) -> None:
    long_text = "word " * 40_000  # 200 kB, above the csv module's default field limit
    table = f'id,title,text\nbig,INVENTED,"{long_text}"\nsmall,INVENTED,"Short body."\n'
    root = make_corpus(tmp_path, {"recs.csv": table})
    r = scan(root, max_bytes=100_000)
    assert reasons(r) == {"raw/recs.csv#2": "oversized"}
    assert sorted(a.article_id for a in r.articles) == ["good", "small"]


def test_record_field_names_ignore_case(tmp_path: Path) -> None:
    table = 'ID,Title,Text,Date\nr1,INVENTED title,"The council met on Monday.",2024-01-02\n'
    r = scan(make_corpus(tmp_path, {"recs.csv": table}))
    a = next(a for a in r.articles if a.article_id == "r1")
    assert a.headline.text == "INVENTED title" and a.metadata["date"] == "2024-01-02"


def test_a_file_given_as_the_corpus_says_so(tmp_path: Path, capsys) -> None:
    root = make_corpus(tmp_path, {})
    from mediaframes import cli

    code = cli.main(["ingest", str(root / "raw" / "good.txt"), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 1 and "is a file, not a corpus folder" in err


# --- HTML captions and authors (INVENTED pages) -------------------------------------------------

HTML_PARAS = (
    "<p>HALLBY — The harbour council agreed on Friday to rebuild the north pier, which storms "
    "damaged in the winter, and to reopen it to fishing boats by the summer.</p>",
    "<p>The council's chair said the work would cost less than first feared, because the old "
    "stones could be used again for most of the wall.</p>",
    "<p>Fishing crews welcomed the plan but said they had lost a season waiting for it.</p>",
)


def html_page(figure: str = "", head: str = "", byline: str = "") -> str:
    """An INVENTED news page: headline, byline, ``figure`` after the first paragraph."""
    return (
        "<!DOCTYPE html><!-- INVENTED page for mediaframes tests --><html><head>"
        f"<title>INVENTED: Hallby pier to be rebuilt</title>{head}</head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></nav>"
        f"<article><h1>INVENTED: Hallby pier to be rebuilt</h1>{byline}"
        + HTML_PARAS[0]
        + figure
        + "".join(HTML_PARAS[1:])
        + "<aside class='related'><h3>Related stories</h3><figure><img src='/r.jpg'>"
        "<figcaption>Nets drying at Lusk (Per Lanning/Reuters)</figcaption></figure></aside>"
        "</article><footer>Contact us</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("figure", "captions"),
    [
        # a parenthesised credit in its own element is set off by a space
        (
            "<figure><img src='/p.jpg' alt='pier'><figcaption>The north pier after the storm."
            "<span class='credit'>(Annik Tesh/Reuters)</span></figcaption></figure>",
            ["The north pier after the storm. (Annik Tesh/Reuters)"],
        ),
        # a labelled credit
        (
            "<figure><img src='/p.jpg'><figcaption>The north pier after the storm. Photo: "
            "Annik Tesh / Harbour Ledger</figcaption></figure>",
            ["The north pier after the storm. Photo: Annik Tesh / Harbour Ledger"],
        ),
        # no credit at all: a figcaption is a caption all the same; inline markup stays tight
        (
            "<figure><img src='/p.jpg'><figcaption>The <em>north</em> pier, seen from the "
            "sea wall</figcaption></figure>",
            ["The north pier, seen from the sea wall"],
        ),
        # two figures, one repeated (a lazy-loading copy): each caption once
        (
            "<figure><figcaption>The north pier.</figcaption></figure>"
            "<figure><figcaption>The  north pier.</figcaption></figure>"
            "<figure><figcaption>Crews at the quay (Per Lanning/AFP)</figcaption></figure>",
            ["The north pier.", "Crews at the quay (Per Lanning/AFP)"],
        ),
        # no figure: no caption (the one in the related-stories aside is not the article's)
        ("", []),
    ],
)
def test_html_figcaptions_become_captions(tmp_path: Path, figure: str, captions: list) -> None:
    r = scan(make_corpus(tmp_path, {"pier.html": html_page(figure)}))
    a = next(a for a in r.articles if a.article_id == "pier")
    assert [c.text for c in a.captions] == captions
    body = "\n".join(p.text for p in a.body)
    assert len(a.body) == 3 and "pier after" not in body and "Reuters" not in body
    assert "Lusk" not in a.text
    # the captions are in the text where the figure stood: after the first paragraph
    for c in a.captions:
        assert a.body[0].end < c.start < a.body[1].start
    row = corpus.article_row(a)
    assert json.loads(row["captions"]) == captions
    assert [a.text[s:e] for s, e in json.loads(row["spans"])["captions"]] == captions


def test_html_caption_offsets_match_the_written_text(tmp_path: Path) -> None:
    figure = "<figure><figcaption>The north pier after the storm (Annik Tesh/AFP)</figcaption>"
    root = make_corpus(tmp_path, {"pier.html": html_page(figure + "</figure>")})
    out = tmp_path / "out"
    corpus.ingest_corpus(root, out)
    row = pd.read_csv(out / "articles.csv").set_index("article_id").loc["pier"]
    text = (out / "texts" / "pier.txt").read_text(encoding="utf-8")
    ((start, end),) = json.loads(row["spans"])["captions"]
    assert text[start:end] == "The north pier after the storm (Annik Tesh/AFP)"
    assert json.loads(row["captions"]) == [text[start:end]]


@pytest.mark.parametrize(
    ("head", "byline", "author"),
    [
        (  # byline and JSON-LD
            '<script type="application/ld+json">{"@context":"https://schema.org","@type":'
            '"NewsArticle","author":{"@type":"Person","name":"Mirela Ostrand"}}</script>',
            "<p class='byline'>By Mirela Ostrand</p>",
            "Mirela Ostrand",
        ),
        (  # JSON-LD only
            '<script type="application/ld+json">{"@context":"https://schema.org","@type":'
            '"NewsArticle","author":[{"@type":"Person","name":"Tomas Velk"}]}</script>',
            "",
            "Tomas Velk",
        ),
        ("", "", None),  # none: no author key, nothing invented
    ],
)
def test_html_author_is_kept_in_metadata(
    tmp_path: Path, head: str, byline: str, author: str | None
) -> None:
    r = scan(make_corpus(tmp_path, {"pier.html": html_page(head=head, byline=byline)}))
    a = next(a for a in r.articles if a.article_id == "pier")
    assert a.metadata.get("author") == author
    assert all("Ostrand" not in p.text for p in a.body)  # the byline stays out of the body
    extra = json.loads(corpus.article_row(a)["extra"])
    assert extra.get("author") == author


def test_place_captions_keeps_a_caption_the_extractor_kept_once() -> None:
    items = [("block", "one."), ("caption", "Two."), ("block", "three.")]
    assert corpus.place_captions(["One.", "Two.", "Three."], items) == ["One.", "Two.", "Three."]
    # a paragraph the page does not show as a block keeps its order; a caption with no
    # paragraph after it goes last
    items = [("block", "one."), ("block", "three."), ("caption", "A boat.")]
    assert corpus.place_captions(["One.", "Extra.", "Three."], items) == [
        "One.",
        "Extra.",
        "Three.",
        "A boat.",
    ]


@pytest.mark.parametrize(
    ("known", "captions", "standfirst"),
    [
        ((), [], "A boat at the quay"),  # no credit: read as the standfirst
        (("a boat at  the QUAY",), ["A boat at the quay"], None),  # known: a caption
        (("A boat",), [], "A boat at the quay"),  # only a whole paragraph matches
    ],
)
def test_parse_plain_text_known_captions(known: tuple, captions: list, standfirst) -> None:
    text = "INVENTED headline\n\nA boat at the quay\n\nLUSK — The pier reopened on Friday.\n"
    a = corpus.parse_plain_text(text, "k", "k.html", fmt="html", captions=known)
    assert [c.text for c in a.captions] == captions
    assert (a.standfirst.text if a.standfirst else None) == standfirst
    assert [p.text for p in a.body] == ["The pier reopened on Friday."]


# --- messy inputs a data journalist meets (acceptance round 15; INVENTED texts) -------------


@pytest.mark.parametrize(
    ("raw", "fixed", "warned"),
    [
        # the closing quote's 0x9D byte saved as U+FFFD: the quote is repaired
        (
            "â€œThe quay opens in May,â€\ufffd the harbour master said.",
            "“The quay opens in May,” the harbour master said.",
            ["repaired 2 mojibake sequence(s) (UTF-8 read as cp1252)"],
        ),
        # a lost byte that could be one of several letters: left, and said so
        (
            "The mayor, Ã\ufffdlvar Renk, spoke at the quay on Monday.",
            "The mayor, Ã\ufffdlvar Renk, spoke at the quay on Monday.",
            [
                "1 mojibake sequence(s) could not be repaired (a byte was lost: U+FFFD); "
                "check the text"
            ],
        ),
        ("Plain text, no mojibake.", "Plain text, no mojibake.", []),
    ],
)
def test_mojibake_with_a_lost_byte(raw: str, fixed: str, warned: list) -> None:
    text, warnings = corpus.decode_bytes(raw.encode("utf-8"))
    assert text == fixed
    assert warnings == warned


def test_mojibake_lost_quote_closes_the_quotation(tmp_path: Path) -> None:
    body = (
        "INVENTED: Quay opens\n\nHALLBY — â€œThe quay opens in May,â€\ufffd the harbour master "
        "said on Monday.\n\nCrews began work on the north wall the same day.\n"
    )
    r = scan(make_corpus(tmp_path, {"quay.txt": body}))
    a = next(a for a in r.articles if a.article_id == "quay")
    assert "\ufffd" not in a.text and "“The quay opens in May,” the" in a.body[0].text
    assert not any("could not be repaired" in w for w in a.warnings)


def test_utf16_without_bom_is_decoded(tmp_path: Path) -> None:
    data = GOOD_TEXT.replace("new park", "harbour walk").encode("utf-16-le")
    r = scan(make_corpus(tmp_path, {"walk.txt": data}))
    a = next(a for a in r.articles if a.article_id == "walk")
    assert a.headline.text == "INVENTED: Town opens a harbour walk"
    assert "decoded as UTF-16-LE (no byte-order mark; save it as UTF-8)" in a.warnings
    # binary data with NULs in both byte positions is still binary
    with pytest.raises(corpus.InputRejected, match="NUL byte"):
        corpus.decode_bytes(bytes([0, 0, 65, 0, 66, 0, 0, 0]) * 4)


@pytest.mark.parametrize(
    ("record", "reason", "detail"),
    [
        (
            {"id": "s1", "headline": "INVENTED", "content": "Words.", "published_at": "x"},
            "missing_field",
            "missing required field(s): text (fields found: id, headline, content, "
            "published_at; rename 'content' to 'text'?)",
        ),
        (
            {"id": "s2", "title": "INVENTED", "text": None},
            "empty",
            "field 'text' is null",
        ),
        (
            {"title": "INVENTED", "text": "Words."},
            "missing_field",
            "missing required field(s): id (fields found: title, text)",
        ),
    ],
)
def test_missing_field_messages_name_the_fields_found(
    tmp_path: Path, record: dict, reason: str, detail: str
) -> None:
    r = scan(make_corpus(tmp_path, {"recs.jsonl": jl(REC, record)}))
    assert [(q.source_path, q.reason, q.detail) for q in r.quarantine] == [
        ("raw/recs.jsonl#2", reason, detail)
    ]


def test_jsonl_non_json_line_names_its_line(tmp_path: Path) -> None:
    text = jl(REC) + "\n<html><body>503 Service Unavailable</body></html>\n"
    r = scan(make_corpus(tmp_path, {"recs.jsonl": text}))
    (q,) = r.quarantine
    assert q.source_path == "raw/recs.jsonl#3" and q.reason == "malformed_record"
    assert q.detail.startswith("line 3 is not JSON (Expecting value at character 1;")
    assert "'<html><body>503" in q.detail and "line 1 column 1" not in q.detail


def test_csv_without_text_column_suggests_the_body_column(tmp_path: Path) -> None:
    table = "ID,Title,Body,Published\nb1,INVENTED,Words.,2026\nb2,INVENTED,More.,2026\n"
    r = scan(make_corpus(tmp_path, {"export.csv": table}))
    (q,) = r.quarantine
    assert (q.source_path, q.reason) == ("raw/export.csv", "missing_field")
    assert q.detail == (
        "header: missing required field(s): text (fields found: ID, Title, Body, Published; "
        "rename 'Body' to 'text'?)"
    )


def test_csv_source_path_is_the_physical_line(tmp_path: Path) -> None:
    table = (
        "id,title,text\r\n"  # line 1
        'c1,INVENTED one,"First body,\r\nwritten on two lines."\r\n'  # lines 2-3
        ",,\r\n"  # line 4: an empty spreadsheet row
        "\r\n"  # line 5: a blank line, no row
        "c2,INVENTED two,too,many\r\n"  # line 6
        'c3,INVENTED three,"Third body."\r\n'  # line 7
    )
    r = scan(make_corpus(tmp_path, {"rows.csv": table}))
    by = {a.article_id: a.source_path for a in r.articles}
    assert by["c1"] == "raw/rows.csv#2" and by["c3"] == "raw/rows.csv#7"
    assert [(q.source_path, q.reason) for q in r.quarantine] == [
        ("raw/rows.csv#4", "empty"),
        ("raw/rows.csv#6", "malformed_record"),
    ]
    assert r.quarantine[0].detail == "row of 3 empty cell(s) skipped"


def test_record_extra_keeps_json_types(tmp_path: Path) -> None:
    rec = {
        **REC,
        "meta": {"section": "World", "tags": ["river", "quay"], "rank": 2},
        "views": 1200,
        "share": 0.5,
        "paywalled": False,
        "tags": ["a", "b"],
        "note": "  ",
    }
    out = tmp_path / "out"
    corpus.ingest_corpus(make_corpus(tmp_path, {"recs.jsonl": jl(rec)}), out)
    row = pd.read_csv(out / "articles.csv", keep_default_na=False).set_index("article_id")
    assert json.loads(row.loc["r1", "extra"]) == {
        "meta": {"section": "World", "tags": ["river", "quay"], "rank": 2},
        "note": None,
        "paywalled": False,
        "share": 0.5,
        "tags": ["a", "b"],
        "views": 1200,
    }


def _live_page(entries: str, label: str = "") -> str:
    """An INVENTED live page: a label under the headline, then ``entries``."""
    return (
        "<!DOCTYPE html><!-- INVENTED page for mediaframes tests --><html><head>"
        "<meta property='og:site_name' content='Harbour Ledger'>"
        "<title>INVENTED: Hallby storm live</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li></ul></nav>"
        f"<main><h1>INVENTED: Hallby storm live</h1>{label}<div class='feed'>{entries}</div>"
        "</main><footer>Contact us</footer></body></html>"
    )


LIVE_ENTRIES = [
    (
        "16:40",
        "Ferries stay in port",
        "The ferry company said all crossings to Lusk were "
        "cancelled until the morning because of the swell at the harbour mouth.",
    ),
    (
        "15:05",
        "Pier closed",
        "The harbour council closed the north pier after waves broke over "
        "the wall, and police asked people to keep away from the sea front.",
    ),
    (
        "14:20",
        "Warning raised",
        "The weather office raised its storm warning for the coast and "
        "said winds would peak in the early evening before easing overnight.",
    ),
]


@pytest.mark.parametrize("headings", [False, True])
def test_live_page_keeps_entry_times_and_no_label_dateline(tmp_path: Path, headings: bool) -> None:
    entries = "".join(
        f"<div class='entry'>{f'<h3>{h}</h3>' if headings else ''}"
        f"<p class='ts'><time>{t}</time></p><p>{p}</p></div>"
        for t, h, p in LIVE_ENTRIES
    )
    page = _live_page(entries, "<p class='live'>LIVE — updated 16:40</p>")
    r = scan(make_corpus(tmp_path, {"storm.html": page}))
    a = next(a for a in r.articles if a.article_id == "storm")
    assert a.dateline is None and a.standfirst is None
    assert [p.text for p in a.body] == [p for _, _, p in LIVE_ENTRIES]
    furniture = [b.text for b in a.boilerplate]
    assert [b for b in furniture if ":" in b and "LIVE" not in b] == ["16:40", "15:05", "14:20"]
    assert "LIVE — updated 16:40" in furniture  # (where the extractor put it)
    assert a.text.count("INVENTED: Hallby storm live") == 1  # the headline, not repeated
    for (t, _, _), para in zip(LIVE_ENTRIES, a.body, strict=True):  # each time before its entry
        assert a.text[: para.start].rstrip().endswith(t)
    heads = [w for w in a.warnings if w.startswith("live page:")]
    if headings:
        assert heads == [
            "live page: 3 entry heading(s) left out of the text (the extractor keeps them "
            "unreliably): 'Ferries stay in port'; 'Pier closed'; 'Warning raised'"
        ]
    else:
        assert heads == []
    assert all(h not in a.text for _, h, _ in LIVE_ENTRIES)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("LIVE — updated 12:05", "line"),
        ("Live updates", "line"),
        ("Last updated 9.40am GMT", "line"),
        ("Live music returned to the harbour on Friday.", None),
    ],
)
def test_live_labels_are_furniture(line: str, kind: str | None) -> None:
    assert corpus.boilerplate_kind(line) == kind


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [("LIVE — The pier is closed.", None), ("HALLBY — The pier is closed.", "HALLBY")],
)
def test_labels_with_a_dash_are_no_datelines(paragraph: str, dateline: str | None) -> None:
    found = corpus.detect_dateline(paragraph)
    assert (paragraph[found[0] : found[1]] if found else None) == dateline


def test_html_credit_line_and_p_byline(tmp_path: Path) -> None:
    page = html_page(byline="<p>By Mirela Ostrand in Hallby</p>").replace(
        "</article>", "<p>Photograph: Annik Tesh for the Harbour Ledger</p></article>"
    )
    r = scan(make_corpus(tmp_path, {"pier.html": page}))
    a = next(a for a in r.articles if a.article_id == "pier")
    assert len(a.body) == 3 and all("Photograph" not in p.text for p in a.body)
    assert "Photograph: Annik Tesh for the Harbour Ledger" in [b.text for b in a.boilerplate]
    assert a.metadata["author"] == "Mirela Ostrand"
    assert json.loads(corpus.article_row(a)["extra"]) == {"author": "Mirela Ostrand"}


def test_credit_line_in_a_caption_block_stays_the_caption_credit() -> None:
    t = "Title\n\nThe north pier at dawn.\nPhotograph: Annik Tesh\n\nHALLBY — Body text here.\n"
    a = corpus.parse_plain_text(t, "x", "x.txt")
    assert [c.text for c in a.captions] == ["The north pier at dawn.\nPhotograph: Annik Tesh"]
    assert [p.text for p in a.body] == ["Body text here."]


@pytest.mark.parametrize(
    ("site_name", "outlet", "host"),
    [
        ("", None, "example.invalid"),  # trafilatura falls back to the canonical link's host
        ("<meta property='og:site_name' content='Harbour Ledger'>", "Harbour Ledger", None),
    ],
)
def test_a_host_name_is_no_outlet(tmp_path: Path, site_name: str, outlet, host) -> None:
    head = f"<link rel='canonical' href='https://example.invalid/pier'>{site_name}"
    r = scan(make_corpus(tmp_path, {"pier.html": html_page(head=head)}))
    a = next(a for a in r.articles if a.article_id == "pier")
    assert a.metadata["outlet"] == outlet
    assert a.metadata.get("site_host") == host
    assert any("only its host" in w for w in a.warnings) == (host is not None)


def test_html_in_a_record_text_is_stripped(tmp_path: Path) -> None:
    rec = {
        "id": "m1",
        "title": "INVENTED: Pier reopens",
        "text": "<p>HALLBY &mdash; The north pier reopened on Monday.</p>\n<p>&ldquo;It is "
        "stronger than before,&rdquo; the harbour master said.<br>Crews cheered.</p>"
        "<script>var x = 1;</script>",
    }
    table = (
        'id,title,text\nc1,INVENTED: Quay,"<div><p>LUSK — The quay was <em>closed</em>.</p>'
        '</div>"\n'
    )
    r = scan(make_corpus(tmp_path, {"recs.jsonl": jl(rec), "recs.csv": table}))
    by = {a.article_id: a for a in r.articles}
    m1 = by["m1"]
    assert m1.dateline.text == "HALLBY"
    assert [p.text for p in m1.body] == [
        "The north pier reopened on Monday.",
        "“It is stronger than before,” the harbour master said.\nCrews cheered.",
    ]
    assert "record text held HTML markup: tags removed and entities decoded (paragraphs kept)" in (
        m1.warnings
    )
    c1 = by["c1"]
    assert c1.dateline.text == "LUSK" and [p.text for p in c1.body] == ["The quay was closed."]
    assert markup_free("Prices fell 3 < 4 points & more.")  # no tag: the text is kept as is


def markup_free(text: str) -> bool:
    return corpus.markup_to_text(text) is None


# --- decomposed accents (session 16; INVENTED texts) -----------------------------------------


@pytest.mark.parametrize(
    ("raw", "composed", "warned"),
    [
        (
            "Jose\u0301 Marti\u0301 said so.",
            "José Martí said so.",
            ["Unicode composed to NFC: 2 combining mark(s) joined to their letters"],
        ),
        ("José Martí said so.", "José Martí said so.", []),
        # a singleton: the Kelvin sign is canonically the letter K, nothing joined
        (
            "12 \u212a colder",
            "12 K colder",
            ["Unicode composed to NFC: characters replaced by their canonical equivalents"],
        ),
    ],
)
def test_decomposed_accents_are_composed(raw: str, composed: str, warned: list) -> None:
    assert corpus.compose_nfc(raw) == (composed, warned)
    assert corpus.decode_bytes(raw.encode("utf-8")) == (composed, warned)


def test_decomposed_name_is_one_word_in_every_format(tmp_path: Path) -> None:
    nfd = "Jose\u0301 Marti\u0301 said the ferry would run again."
    body = f"INVENTED: Ferry back\n\nHALLBY — {nfd}\n"
    record = {"id": "ferry", "title": "INVENTED: Ferry back", "text": nfd}
    root = make_corpus(
        tmp_path,
        {"plain.txt": body, "records.jsonl": json.dumps(record) + "\n"},
    )
    r = scan(root)
    assert r.quarantine == ()
    by = {a.article_id: a for a in r.articles}
    for a in (by["plain"], by["ferry"]):
        assert "José Martí said" in a.text, a.article_id
        assert any(w.startswith("Unicode composed to NFC") for w in a.warnings), a.article_id

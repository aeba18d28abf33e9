"""Tests of the plain-text parser and corpus loading (mediaframes.corpus).

Every example string in the tables below is INVENTED for these tests (place names, agencies and
photographers are made up or generic); only the seed test reads the real article.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from mediaframes import corpus, paths
from mediaframes.records import Article, Span

SEED = paths.raw_dir() / "000_413afbb7d4f14754.txt"
SEED_SHA256 = "d9255b58321871ff29ddca8e3186b40640a650fb33329a1dbfab366874152bad"


def all_spans(a: Article) -> list[Span]:
    spans = [a.headline, a.standfirst, a.dateline, *a.body, *a.captions, *a.boilerplate]
    return [s for s in spans if s is not None]


def assert_offsets(a: Article) -> None:
    for s in all_spans(a):
        assert a.text[s.start : s.end] == s.text, s
        assert s.text == s.text.strip(), s


@pytest.fixture(scope="module")
def seed() -> Article:
    text = SEED.read_bytes().decode("utf-8")
    return corpus.parse_plain_text(text, SEED.stem, "raw/" + SEED.name)


def test_docstring_examples() -> None:
    import doctest

    result = doctest.testmod(corpus, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 15 and result.failed == 0


def test_seed_file_is_untouched() -> None:
    data = SEED.read_bytes()
    assert len(data) == 2938
    assert hashlib.sha256(data).hexdigest() == SEED_SHA256
    assert data.endswith(b"read more:")


def test_seed_headline_and_standfirst(seed: Article) -> None:
    assert seed.headline.text == (
        "France: Putin told Macron that Russian forces won\u2019t target Ukrainian civilians"
    )
    assert seed.standfirst.text.startswith("In latest phone call between the two leaders")
    assert seed.standfirst.text.endswith("as prerequisites to end invasion")


def test_seed_captions_dateline_body(seed: Article) -> None:
    assert len(seed.captions) == 2
    assert len({c.text for c in seed.captions}) == 2
    assert seed.captions[0].text.endswith(
        "(Mikhail Klimentyev and Gonzalo Fuentes/various sources/AFP)"
    )
    assert seed.captions[1].text.endswith("(Sergey Bobok/AFP)")
    assert seed.dateline.text == "PARIS"
    assert len(seed.body) == 10
    assert seed.body[0].text.startswith("French President Emmanuel Macron on Monday")
    assert seed.body[-1].text.endswith("according to a Kremlin readout of the call.")
    body = "\n".join(p.text for p in seed.body)
    for junk in ("Most Popular", "read more", "AFP)", "This photograph shows", "PARIS \u2014"):
        assert junk not in body
    assert [b.text for b in seed.boilerplate][-2:] == ["Most Popular", "read more:"]
    # the repeated caption is kept out of both body and captions
    assert seed.boilerplate[0].text == seed.captions[0].text


def test_seed_offsets_slice_back(seed: Article) -> None:
    assert_offsets(seed)
    raw = SEED.read_bytes().decode("utf-8")
    assert seed.text == raw
    # spans are in text order and do not overlap
    spans = sorted(all_spans(seed), key=lambda s: s.start)
    for a, b in zip(spans, spans[1:], strict=False):
        assert a.end <= b.start


def test_load_corpus_seed_with_metadata() -> None:
    arts = corpus.load_corpus(paths.corpus_dir())
    assert [a.article_id for a in arts] == sorted(a.article_id for a in arts)
    seed = next(a for a in arts if a.article_id == SEED.stem)
    assert seed.source_path == "raw/" + SEED.name
    assert seed.fmt == "txt"
    m = seed.metadata
    assert m["date"] == "2022-02-28" and m["date_inferred"] is True
    assert m["outlet"] is None and m["url"] is None
    assert m["language"] == "en"
    assert "on Monday" in m["notes"]
    assert seed.warnings == ()


# --- datelines -------------------------------------------------------------------------------

DATELINES = [
    ("PARIS \u2014 The minister spoke.", "PARIS", "The minister spoke."),
    ("MOSCOW (AP) \u2014 Officials met.", "MOSCOW", "Officials met."),
    ("WASHINGTON \u2013 A bill passed.", "WASHINGTON", "A bill passed."),
    ("KYIV, Ukraine \u2014 Sirens sounded.", "KYIV, Ukraine", "Sirens sounded."),
    ("NEW YORK \u2014 Markets fell.", "NEW YORK", "Markets fell."),
    ("ST. PETERSBURG, Russia \u2014 Snow fell.", "ST. PETERSBURG, Russia", "Snow fell."),
    ("LONDON, Feb 3 (Reuters) - Talks began.", "LONDON, Feb 3", "Talks began."),
    ("BRUSSELS -- Leaders gathered.", "BRUSSELS", "Leaders gathered."),
    ("SÃO PAULO \u2014 Rain came.", "SÃO PAULO", "Rain came."),
    ("NEW DELHI: The cabinet met.", "NEW DELHI", "The cabinet met."),
    ("UPDATE: The cabinet met.", None, None),
    ("WATCH: The cabinet met.", None, None),
    ("The minister spoke \u2014 briefly.", None, None),
    ("Paris \u2014 the minister spoke.", None, None),
    ("NATO said on Monday it would meet.", None, None),
    ("A \u2014 b", None, None),
    ("BERLIN \u2014", None, None),
]


@pytest.mark.parametrize(("paragraph", "place", "rest"), DATELINES)
def test_detect_dateline(paragraph: str, place: str | None, rest: str | None) -> None:
    found = corpus.detect_dateline(paragraph)
    if place is None:
        assert found is None
        return
    assert found is not None
    s, e, b = found
    assert paragraph[s:e] == place
    assert paragraph[b:] == rest


# --- captions --------------------------------------------------------------------------------

CAPTIONS = [
    ("Delegates arrive for the summit in Oslo on Monday. (Jane Roe/AFP)", True),
    ("A flooded street in the old town. (AP Photo/John Doe)", True),
    ("The two leaders shake hands before talks (Getty Images)", True),
    ("Workers clear debris from a market. (REUTERS/Ann Poe)", True),
    ("A convoy crosses the bridge at dawn (Photo: Max Mustermann)", True),
    ("Protesters gather outside parliament. (Ivan Petrov/Sputnik/Pool via AP)", True),
    ("An aerial view of the harbour after the storm (Courtesy of the city council)", True),
    ("A portrait of the new mayor at city hall. (Lena Smith/City Press)", True),
    ("Ministers meet in Lisbon on Friday. Ana Roe/Example Press via Getty Images", True),
    ("Ministers meet in Lisbon on Friday. Photo: Ana Roe", True),
    ("Ministers meet in Lisbon on Friday | Photo credit: Ana Roe", True),
    ("The minister said talks would resume (in Geneva)", False),
    ("The fund said rates would rise. The bank/fund view differs", False),
    ("The alliance met on Monday (NATO)", False),
    ("(AFP)", False),
    ("The deal was reported by the news agency AFP.", False),
    ("Officials said the ceasefire would hold (for now).", False),
]


@pytest.mark.parametrize(("paragraph", "expected"), CAPTIONS)
def test_is_caption(paragraph: str, expected: bool) -> None:
    assert corpus.is_caption(paragraph) is expected


# --- boilerplate ------------------------------------------------------------------------------

BOILERPLATE = [
    ("Most Popular", "tail"),
    ("MOST POPULAR", "tail"),
    ("read more:", "tail"),
    ("Read more: Ministers agree on budget", "tail"),
    ("Related:", "tail"),
    ("RELATED: Storm hits coast", "tail"),
    ("Advertisement", "line"),
    ("ADVERTISEMENT", "line"),
    ("Sign up for our daily newsletter", "line"),
    ("Share this article", "line"),
    ("By Jane Roe and John Doe", "line"),
    ("By JANE ROE, Associated Press", "line"),
    ("\u00a9 2024 Example Media. All rights reserved", "line"),
    ("(Reporting by Jane Roe; Editing by John Doe)", "line"),
    ("(AFP)", "line"),
    ("Additional reporting by Ana Roe in Lisbon", "line"),
    ("AP is a news agency, the report said.", None),
    ("Copyright 2023 Example Press. All rights reserved.", "line"),
    ("\u00a9 Example Media 2024", "line"),
    ("All rights reserved.", "line"),
    ("Copyright law was changed in 2019, the court said.", None),
    ("Copyright \u00a9 2021 Example Media", "line"),
    ("March 1, 2022", "line"),
    ("Tuesday, 1 March 2022 10:32 GMT", "line"),
    ("Feb. 28, 2022 at 5:45 p.m. ET", "line"),
    ("Published 2022-03-01", "line"),
    ("March 1, 2022 was a cold day in the capital.", None),
    ("Related talks collapsed in 2019 after a week.", None),
    ("Images of the damage spread online.", None),
    ("Read more about the plan in the annex, officials said.", None),
    ("By noon the streets were empty.", None),
    ("Sign up for the draft was slow, the ministry said.", None),
    ("Advertisements for the rally appeared overnight.", None),
    # live-page time stamps, share buttons and section labels (blind round 5)
    ("15:05 GMT", "line"),
    ("3.45pm", "line"),
    ("09:12 ET", "line"),
    ("14:00 UTC+2", "line"),
    ("15:05 GMT: the talks resumed.", None),
    ("Share on X", "line"),
    ("Share on LinkedIn", "line"),
    ("Share on the ground was small, the ministry said.", None),
    ("Opinion", "line"),
    ("Analysis", "line"),
    ("Opinion polls show a close race.", None),
]


@pytest.mark.parametrize(("line", "expected"), BOILERPLATE)
def test_boilerplate_kind(line: str, expected: str | None) -> None:
    assert corpus.boilerplate_kind(line) == expected


# --- whole-layout cases on INVENTED articles -------------------------------------------------

INVENTED = (
    "INVENTED: Harbour city votes on new bridge\n"
    "\n"
    "Residents were asked to choose between two designs\n"
    "\n"
    "A model of the proposed bridge on display. (Ada Lovel/Harbour Press)\n"
    "\n"
    "PORTVILLE, Examplia \u2014 Voters in the harbour city went to the polls on Sunday.\n"
    "\n"
    "Advertisement\n"
    "\n"
    "The mayor said the result would be binding.\n"
    "\n"
    "A model of the proposed bridge on display. (Ada Lovel/Harbour Press)\n"
    "\n"
    "Turnout was high, officials said.\n"
    "\n"
    "Most Popular\n"
    "Storm closes ferry line\n"
    "Council budget approved\n"
)


def test_invented_layout() -> None:
    a = corpus.parse_plain_text(INVENTED, "inv", "inv.txt")
    assert_offsets(a)
    assert a.headline.text == "INVENTED: Harbour city votes on new bridge"
    assert a.standfirst.text == "Residents were asked to choose between two designs"
    assert a.dateline.text == "PORTVILLE, Examplia"
    assert [p.text for p in a.body] == [
        "Voters in the harbour city went to the polls on Sunday.",
        "The mayor said the result would be binding.",
        "Turnout was high, officials said.",
    ]
    assert len(a.captions) == 1
    assert [b.text for b in a.boilerplate] == [
        "Advertisement",
        "A model of the proposed bridge on display. (Ada Lovel/Harbour Press)",
        "Most Popular",
        "Storm closes ferry line",
        "Council budget approved",
    ]


@pytest.mark.parametrize(
    "dek,is_standfirst",
    [
        ("Leader warns of ‘consequences’", True),
        ('Leader warns of "consequences"', True),
        ("The leader warned of ‘consequences.’", False),
        ("The leader said: “We will respond.”", False),
        ("A dek without any final stop", True),
    ],
)
def test_standfirst_looks_through_closing_quotes(dek: str, is_standfirst: bool) -> None:
    text = f"INVENTED headline\n\n{dek}\n\nThe body begins here.\n\nIt goes on.\n"
    a = corpus.parse_plain_text(text, "x", "x.txt")
    assert (a.standfirst is not None and a.standfirst.text == dek) is is_standfirst


def test_no_standfirst_when_first_paragraph_is_a_sentence() -> None:
    text = "INVENTED headline\n\nThe first paragraph ends with a period.\n\nThe second too.\n"
    a = corpus.parse_plain_text(text, "x", "x.txt")
    assert a.standfirst is None
    assert len(a.body) == 2
    assert a.dateline is None


def test_crlf_and_wrapped_paragraphs() -> None:
    text = (
        "INVENTED headline\r\n\r\nROME \u2014 A paragraph that is\r\nhard-wrapped over lines.\r\n"
        "\r\nAnother one.\r\n"
    )
    a = corpus.parse_plain_text(text, "x", "x.txt")
    assert_offsets(a)
    assert a.dateline.text == "ROME"
    assert a.body[0].text == "A paragraph that is\r\nhard-wrapped over lines."
    assert len(a.body) == 2


def test_headline_only_has_no_body() -> None:
    a = corpus.parse_plain_text("Just a line\n", "x", "x.txt")
    assert a.headline.text == "Just a line"
    assert a.body == ()


def test_record_without_headline() -> None:
    a = corpus.parse_plain_text("One paragraph.\n\nTwo.", "x", "x.jsonl#1", has_headline=False)
    assert a.headline is None
    assert [p.text for p in a.body] == ["One paragraph.", "Two."]


# --- small helpers ---------------------------------------------------------------------------

LANGS = [
    ("The minister said that the talks in the capital were held on Monday and that " * 3, "en"),
    ("Le ministre a dit que les discussions dans la capitale ont eu lieu lundi et que " * 3, "fr"),
    (
        "Der Minister sagte, dass die Gespräche in der Hauptstadt am Montag stattfanden und " * 3,
        "de",
    ),
    ("Министр сказал, что переговоры в столице прошли в понедельник и что это " * 3, "ru"),
    ("too short", None),
    ("1234 5678 " * 30, None),
]


@pytest.mark.parametrize(("text", "lang"), LANGS)
def test_detect_language(text: str, lang: str | None) -> None:
    assert corpus.detect_language(text)[0] == lang


MOJIBAKE = [
    ("wonâ€™t", "won\u2019t", 1),
    ("cafÃ© and naÃ¯ve", "café and naïve", 2),
    ("â€œquotedâ€\x9d", "\u201cquoted\u201d", 2),
    ("plain text with café", "plain text with café", 0),
    ("Âge d'or", "Âge d'or", 0),
]


@pytest.mark.parametrize(("bad", "good", "n"), MOJIBAKE)
def test_repair_mojibake(bad: str, good: str, n: int) -> None:
    assert corpus.repair_mojibake(bad) == (good, n)


IDS = [
    ("000_413afbb7d4f14754", "000_413afbb7d4f14754"),
    ("../x", "x"),
    ("../../etc/passwd", "etc_passwd"),
    ("/abs/path", "abs_path"),
    ("a\x00b", "a_b"),
    ("..", "article"),
    ("", "article"),
    ("a..b", "a_b"),
    ("C:\\Windows\\x", "C_Windows_x"),
    ("héllo wörld", "hello_world"),
    ("con", "_con"),
    (".hidden", "hidden"),
    ("x" * 300, "x" * 100),
]


@pytest.mark.parametrize(("raw", "expected"), IDS)
def test_safe_id(raw: str, expected: str) -> None:
    got = corpus.safe_id(raw)
    assert got == expected
    assert "/" not in got and "\\" not in got and "\x00" not in got and ".." not in got
    assert not Path(got).is_absolute()


WIRE_STYLE = (
    "INVENTED: Coastal towns brace for storm as ferries halt\n"
    "By Ana Roe and Tom Poe\n"
    "March 3, 2023\n"
    "\n"
    "LISBON, March 3 (Reuters) - Ferry services along the coast were halted\n"
    "on Friday as a storm approached, port officials said.\n"
    "\n"
    "Waves batter the harbour wall in the old port. Ana Roe/Example Wire via Getty Images\n"
    "\n"
    "RELATED: Storm warning issued for the north\n"
    "\n"
    '"We expect the worst of it overnight," a port spokesman said.\n'
    "\n"
    "(Reporting by Ana Roe; Editing by Tom Poe)\n"
)


def test_invented_wire_layout() -> None:
    a = corpus.parse_plain_text(WIRE_STYLE, "wire", "wire.txt")
    assert_offsets(a)
    assert a.headline.text == "INVENTED: Coastal towns brace for storm as ferries halt"
    assert a.standfirst is None
    assert a.dateline.text == "LISBON, March 3"
    assert [p.text.split()[0] for p in a.body] == ["Ferry", '"We']
    assert len(a.captions) == 1
    assert {b.text for b in a.boilerplate} == {
        "By Ana Roe and Tom Poe",
        "March 3, 2023",
        "RELATED: Storm warning issued for the north",
        "(Reporting by Ana Roe; Editing by Tom Poe)",
    }


def test_ingest_seed_contract(tmp_path: Path) -> None:
    import json

    import pandas as pd

    out = tmp_path / "out"
    summary = corpus.ingest_corpus(paths.corpus_dir(), out)
    assert summary["ok"] and summary["quarantined"] == 0
    df = pd.read_csv(out / "articles.csv", keep_default_na=False)
    row = df.set_index("article_id").loc[SEED.stem]
    assert row.dateline == "PARIS"
    assert row.date == "2022-02-28" and row.date_inferred in (True, "true")
    assert row.outlet == "" and row.url == ""
    assert len(json.loads(row.captions)) == 2
    assert row.body.count("\n\n") == 9
    assert row.source_path == "raw/" + SEED.name
    assert (out / "texts" / f"{SEED.stem}.txt").read_bytes() == SEED.read_bytes()
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256


def test_single_line_dek_under_headline() -> None:
    text = (
        "INVENTED: Minister quits over budget row\n"
        "The finance minister resigned on Friday after a dispute over cuts.\n"
        "By Ana Roe\n"
        "\n"
        "The minister of Examplia resigned on Friday, hours after the cabinet vote.\n"
        "\n"
        "Her deputy will take over, the prime minister's office said.\n"
    )
    a = corpus.parse_plain_text(text, "x", "x.txt")
    assert a.standfirst.text == "The finance minister resigned on Friday after a dispute over cuts."
    assert len(a.body) == 2
    assert [b.text for b in a.boilerplate] == ["By Ana Roe"]

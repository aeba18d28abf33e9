"""Ingest defects found by acceptance test 17a (a data journalist's scraped collection).

Every title, name, place and sentence here is INVENTED for these tests.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from mediaframes import corpus

LEAD = "TARNBY — Mayor Oda Vinter opened the new ferry quay on Monday, officials said."

# Titles that would be furniture on a line of a .txt, but are the headline a record or page states
GIVEN_TITLES = [
    "UPDATED: Vinter opens the ferry quay",
    "Watch: Vinter opens the ferry quay",
    "Photo: the new ferry quay at Tarnby",
    "Analysis",
    "Live",
    "Live updates: the Tarnby quay opens",
    "Sign up for the ferry: quay opens",
]


def _write_record(root: Path, fmt: str, title: str, text: str) -> None:
    raw = root / "raw"
    raw.mkdir(parents=True)
    if fmt == "jsonl":
        rec = {"id": "rec1", "title": title, "text": text}
        (raw / "recs.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    elif fmt == "csv":
        buf = io.StringIO()
        csv.writer(buf).writerows([["id", "title", "text"], ["rec1", title, text]])
        (raw / "recs.csv").write_text(buf.getvalue(), encoding="utf-8")
    else:
        filler = " ".join(["The quay took two years to build and cost more than planned."] * 5)
        page = (
            f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1><p>{text}</p><p>{filler}</p></article></body></html>"
        )
        (raw / "rec1.html").write_text(page, encoding="utf-8")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "html"])
@pytest.mark.parametrize("title", GIVEN_TITLES)
def test_a_given_title_is_the_headline_even_when_it_looks_like_furniture(
    tmp_path: Path, fmt: str, title: str
) -> None:
    _write_record(tmp_path, fmt, title, LEAD)
    result = corpus.scan_corpus(tmp_path)
    assert not result.quarantine
    (art,) = result.articles
    assert art.headline is not None and art.headline.text == title
    assert art.dateline is not None and art.dateline.text == "TARNBY"
    assert art.body[0].text.startswith("Mayor Oda Vinter opened")
    assert not any(s.start < art.headline.end for s in art.boilerplate)


# a .txt's first line is still judged: a label above the headline is furniture
TXT_LABELS = [
    ("Analysis\n\nVinter opens the quay\n\nTARNBY — The quay opened.\n", "Vinter opens the quay"),
    ("Watch: quay\n\nVinter opens the quay\n\nTARNBY — It opened.\n", "Vinter opens the quay"),
]


@pytest.mark.parametrize(("text", "headline"), TXT_LABELS)
def test_a_txt_label_line_above_the_headline_stays_furniture(text: str, headline: str) -> None:
    art = corpus.parse_plain_text(text, "t", "t.txt")
    assert art.headline is not None and art.headline.text == headline


ENTITIES = [
    ("&quot;Not yet,&quot; said Oda Vinter.", '"Not yet," said Oda Vinter.'),
    ("the mayor&#8217;s quay &#x2014; at last", "the mayor’s quay — at last"),
    ("Tarnby&nbsp;quay &amp; ferry", "Tarnby quay & ferry"),
    ("&ldquo;Soon,&rdquo; she said&hellip;", "“Soon,” she said…"),
    # NEGATIVE rows: no complete reference HTML defines
    ("R&D at AT&T", None),
    ("&foo; and & alone", None),
    ("no entity at all", None),
]


@pytest.mark.parametrize(("text", "expected"), ENTITIES)
def test_decode_entities(text: str, expected: str | None) -> None:
    assert corpus.decode_entities(text) == expected


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_record_entities_without_tags_are_decoded(tmp_path: Path, fmt: str) -> None:
    text = "TARNBY &mdash; &quot;The quay is open,&quot; Mayor Oda Vinter said on Monday."
    _write_record(tmp_path, fmt, "Vinter &amp; the ferry quay", text)
    (art,) = corpus.scan_corpus(tmp_path).articles
    assert art.headline is not None and art.headline.text == "Vinter & the ferry quay"
    assert art.dateline is not None and art.dateline.text == "TARNBY"
    assert art.body[0].text == '"The quay is open," Mayor Oda Vinter said on Monday.'
    assert any("entities decoded" in w for w in art.warnings)


BYLINES = [
    ("By Maren Østli", "Maren Østli"),
    ("By Åsa Brekke-Nilsen in Tarnby", "Åsa Brekke-Nilsen"),
    ("By Ólafur Þórsson and Lena Ruud", "Ólafur Þórsson; Lena Ruud"),
    ("By Łukasz Żuk, Tarnby Post", "Łukasz Żuk"),
    ("By Jean-Luc d'Arcy", "Jean-Luc d'Arcy"),
    ("By Ana de la Torre", "Ana de la Torre"),
    ("By Lena Ruud", "Lena Ruud"),
    # NEGATIVE rows: sentences that open with "By"
    ("By Monday Vårdøy had left.", None),
    ("By the end of the day the quay was full", None),
]


@pytest.mark.parametrize(("line", "name"), BYLINES)
def test_bylines_with_non_ascii_capitals(line: str, name: str | None) -> None:
    assert corpus.byline_name(line) == name
    assert corpus.boilerplate_kind(line) == ("line" if name else None)


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Boats at the quay in Tarnby. (Per Lanning/Østlands Foto)", "Per Lanning/Østlands Foto"),
        ("Boats at the quay in Tarnby on Monday. (Ørjan Lie/Reuters)", "Ørjan Lie/Reuters"),
        ("Talks at the quay went on (in Tarnby)", None),
    ],
)  # fmt: skip
def test_slash_credit_with_non_ascii_capital(caption: str, credit: str | None) -> None:
    assert corpus.photo_credit(caption) == credit


def test_non_ascii_byline_is_no_standfirst_and_is_the_author(tmp_path: Path) -> None:
    text = "By Maren Østli\n\n" + LEAD
    _write_record(tmp_path / "rec", "jsonl", "Vinter opens the quay", text)
    (art,) = corpus.scan_corpus(tmp_path / "rec").articles
    assert art.standfirst is None
    assert [s.text for s in art.boilerplate] == ["By Maren Østli"]
    assert art.dateline is not None and art.dateline.text == "TARNBY"
    filler = " ".join(["The quay took two years to build and cost more than planned."] * 5)
    page = (
        "<html><head><meta charset='utf-8'><title>Vinter opens the quay</title></head><body>"
        f"<article><h1>Vinter opens the quay</h1><p>By Maren Østli</p><p>{LEAD}</p>"
        f"<p>{filler}</p></article></body></html>"
    )
    (tmp_path / "page" / "raw").mkdir(parents=True)
    (tmp_path / "page" / "raw" / "p.html").write_text(page, encoding="utf-8")
    (art,) = corpus.scan_corpus(tmp_path / "page").articles
    assert art.standfirst is None
    assert art.metadata.get("author") == "Maren Østli"


QUOTE = "“The quay stays shut until the spring floods are over,” said Oda Vinter, the mayor."
REPEATS = [
    # a pull quote after (or before) the paragraph it repeats
    ([QUOTE, "“The quay stays shut until the spring floods are over”"], "", [1]),
    (["“The quay stays shut until the spring floods are over”", QUOTE], "", [0]),
    # the same paragraph twice: the later copy
    (["Ferries use the old pier until May.", "Ferries use the old pier until May."], "", [1]),
    # a teaser repeating the standfirst
    (["The mayor says the quay stays shut", "Ferries use the old pier."],
     "The mayor says the quay stays shut until spring", [0]),
    # NEGATIVE rows: too short, a paraphrase, other words around the quotation
    ([QUOTE, "“Shut until spring”"], "", []),
    ([QUOTE, "The quay will stay shut until the floods are over, the mayor said."], "", []),
    ([QUOTE, "“The quay stays shut until the spring floods are over,” she repeated on Tuesday."],
     "", []),
]  # fmt: skip


@pytest.mark.parametrize(("paragraphs", "standfirst", "expected"), REPEATS)
def test_repeated_paragraphs(paragraphs: list[str], standfirst: str, expected: list[int]) -> None:
    assert corpus.repeated_paragraphs(paragraphs, standfirst) == expected


def test_html_pull_quote_is_no_second_statement(tmp_path: Path) -> None:
    pull = "“The quay stays shut until the spring floods are over”"
    page = (
        "<html><head><meta charset='utf-8'><title>Tarnby quay stays shut</title></head><body>"
        "<article><h1>Tarnby quay stays shut</h1><div class='body'>"
        f"TARNBY — The ferry quay will not reopen this winter.<br><br>{QUOTE}<br><br>"
        f"<blockquote class='pullquote'>{pull}</blockquote>"
        "Ferries will use the old pier at Nessby, where the water is deeper and the crossing "
        "longer, until the quay has been repaired by the harbour board.</div></article>"
        "</body></html>"
    )
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "q.html").write_text(page, encoding="utf-8")
    (art,) = corpus.scan_corpus(tmp_path).articles
    assert [p.text for p in art.body].count(QUOTE) == 1
    assert pull not in [p.text for p in art.body]
    assert pull in [s.text for s in art.boilerplate]
    assert any("pull quote" in w for w in art.warnings)
    assert all(art.text[s.start : s.end] == s.text for s in art.boilerplate)


DEK = "The mayor says the quay stays shut until the spring"
BLOCKS = [
    ("block", "tarnby quay stays shut"),
    ("block", DEK.casefold()),
    ("block", LEAD.casefold()),
]
DESCRIBED = [
    # the description is a visible block before the text the extractor kept: put back
    ([LEAD], DEK, BLOCKS, [DEK, LEAD]),
    # NEGATIVE rows: no description, one that is no block, one already extracted, a block after
    ([LEAD], "", BLOCKS, [LEAD]),
    ([LEAD], "A teaser written for search engines only", BLOCKS, [LEAD]),
    ([DEK, LEAD], DEK, BLOCKS, [DEK, LEAD]),
    ([LEAD], DEK, [BLOCKS[0], BLOCKS[2], BLOCKS[1]], [LEAD]),
]


@pytest.mark.parametrize(("paras", "description", "items", "expected"), DESCRIBED)
def test_described_standfirst(
    paras: list[str], description: str, items: list[tuple[str, str]], expected: list[str]
) -> None:
    assert corpus.described_standfirst(paras, description, items) == expected


def test_html_standfirst_outside_the_text_container_is_kept(tmp_path: Path) -> None:
    filler = " ".join(["The quay took two years to build and cost more than planned."] * 5)
    page = (
        f"<html><head><meta charset='utf-8'><meta name='description' content='{DEK}'>"
        "<title>Tarnby quay stays shut</title></head><body><div class='top'>"
        f"<h1>Tarnby quay stays shut</h1><p class='lede'><strong>{DEK}</strong></p></div>"
        f"<div class='article-body'><p>{LEAD}</p><p>{filler}</p></div></body></html>"
    )
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "q.html").write_text(page, encoding="utf-8")
    (art,) = corpus.scan_corpus(tmp_path).articles
    assert art.standfirst is not None and art.standfirst.text == DEK
    assert art.dateline is not None and art.dateline.text == "TARNBY"


META = "article_id,outlet,url,date,date_inferred,language,notes\n"
METADATA_ROWS = [
    # (metadata row after the id, date, date_inferred, language, warned about date_inferred?)
    (",X,,2026-11-12,FALSE,en,", "2026-11-12", False, "en", False),
    (",X,,12/11/2026,FALSE,en,", None, None, "en", True),  # the date is dropped: nothing inferred
    (",X,,,true,en,", None, None, "en", True),
    (",X,,,,EN,", None, None, "en", False),  # language tags ignore case
    (",X,,,,En-GB,", None, None, "en-GB", False),
    (",X,,,,english,", None, None, "en", False),  # NEGATIVE: no code, detected instead
]


@pytest.mark.parametrize(("row", "date", "inferred", "language", "warned"), METADATA_ROWS)
def test_metadata_date_inferred_needs_a_date_and_language_ignores_case(
    tmp_path: Path, row: str, date: str | None, inferred: bool | None, language: str, warned: bool
) -> None:
    (tmp_path / "raw").mkdir()
    text = "Vinter opens the quay\n\n" + LEAD + " " + " ".join(["The quay is new."] * 6) + "\n"
    (tmp_path / "raw" / "q.txt").write_text(text, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(META + "q" + row + "\n", encoding="utf-8")
    (art,) = corpus.scan_corpus(tmp_path).articles
    assert art.metadata["date"] == date
    assert art.metadata["date_inferred"] is inferred
    assert art.metadata["language"] == language
    assert any("date_inferred" in w and "no date" in w for w in art.warnings) is warned


def test_quarantine_is_in_line_order(tmp_path: Path) -> None:
    from mediaframes import scale

    lines = []
    for n in range(1, 13):
        rec = {"id": f"r{n}", "title": f"Quay story {n}", "text": f"{LEAD} Story {n}."}
        lines.append("{broken" if n in (5, 12) else json.dumps(rec))
    (tmp_path / "corpus" / "raw").mkdir(parents=True)
    (tmp_path / "corpus" / "raw" / "recs.jsonl").write_text("\n".join(lines) + "\n")
    want = ["raw/recs.jsonl#5", "raw/recs.jsonl#12"]
    result = corpus.scan_corpus(tmp_path / "corpus")
    assert [r.source_path for r in result.quarantine] == want
    corpus.ingest_corpus(tmp_path / "corpus", tmp_path / "ingest")
    scale.analyze_corpus(tmp_path / "corpus", tmp_path / "analyze")
    for out in ("ingest", "analyze"):
        rows = list(csv.DictReader((tmp_path / out / "quarantine.csv").open(encoding="utf-8")))
        assert [r["source_path"] for r in rows] == want, out


JSON_ERRORS = [
    # (line as written in the file, start of the detail, said to be cut off?)
    ('{"id": "r5", "title": "Quay", "text": "TARNBY — The quay\n',
     "line 5 is not JSON (Unterminated string starting at character 39", True),
    ('{"id": "r5", "title": "Quay",\n', "line 5 is not JSON (Expecting property name", True),
    ('{"id": "r5" "text": "x"}\n', "line 5 is not JSON (Expecting ',' delimiter at character 13",
     False),
    ("not json at all\n", "line 5 is not JSON (Expecting value at character 1", False),
    ('{"id": "r5", "text": "x"}{"id": "r6", "text": "y"}\n',
     "line 5 is not JSON (Extra data at character 26: a second record on the same line", False),
]  # fmt: skip


@pytest.mark.parametrize(("line", "start", "cut"), JSON_ERRORS)
def test_jsonl_error_messages(tmp_path: Path, line: str, start: str, cut: bool) -> None:
    good = "".join(
        json.dumps({"id": f"r{n}", "title": "Quay", "text": f"{LEAD} Day {n}."}) + "\n"
        for n in range(1, 5)
    )
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "r.jsonl").write_text(good + line, encoding="utf-8")
    (q,) = corpus.scan_corpus(tmp_path).quarantine
    assert q.source_path == "raw/r.jsonl#5" and q.reason == "malformed_record"
    assert q.detail.startswith(start), q.detail
    assert " at at " not in q.detail
    assert ("cut off?" in q.detail) is cut


@pytest.mark.parametrize(("outlet", "warned"), [("Tarnby Post", False), ("", True)])
def test_no_outlet_warning_when_metadata_names_the_outlet(
    tmp_path: Path, outlet: str, warned: bool
) -> None:
    filler = " ".join(["The quay took two years to build and cost more than planned."] * 5)
    page = (
        "<html><head><meta charset='utf-8'><title>Vinter opens the quay</title>"
        "<meta property='og:url' content='https://www.tarnby-post.example/quay'></head><body>"
        f"<article><h1>Vinter opens the quay</h1><p>{LEAD}</p><p>{filler}</p></article>"
        "</body></html>"
    )
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "q.html").write_text(page, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(META + f"q,{outlet},,,,,\n", encoding="utf-8")
    (art,) = corpus.scan_corpus(tmp_path).articles
    assert art.metadata["outlet"] == (outlet or None)
    assert art.metadata["site_host"] == "tarnby-post.example"
    assert any("names no outlet" in w for w in art.warnings) is warned


PROMOS = [
    ("Sign up to our Tarnby Morning newsletter for the stories that matter to you.", "line"),
    ("Subscribe to the Tarnby Post for one euro a week: support our reporting.", "line"),
    ("Follow us on X and Telegram.", "line"),
    ("We use cookies to improve your experience on our site.", "line"),
    ("Click here to read our full report.", "line"),
    # NEGATIVE rows: a long sentence, and text that only contains the words
    ("Sign up to the ferry scheme has been slow this year, officials said on Monday, citing "
     "the cost of the tickets, the weather and the long queues at the quay.", None),
    ("Few people sign up to the scheme, the mayor said.", None),
    ("Sign up for the draft was slow, the ministry said.", None),
    ("Subscribe to the Tarnby Post for one euro a week.", None),  # no reader addressed: kept
]  # fmt: skip


@pytest.mark.parametrize(("line", "kind"), PROMOS)
def test_calls_to_act_ending_like_sentences_are_furniture(line: str, kind: str | None) -> None:
    assert corpus.boilerplate_kind(line) == kind


QUAY_BODY = [
    "TARNBY — Mayor Oda Vinter opened the new ferry quay on Monday, two years late.",
    "“It was worth the wait,” Vinter told the crowd. “The boats can land in any weather now.”",
    "The harbour board said the quay cost a third more than planned.",
]
QUAY_TXT = "Vinter opens the ferry quay\n\n" + "\n\n".join(QUAY_BODY) + "\n"
QUAY_CAPTION = "Mayor Oda Vinter on the new quay on Monday."
QUAY_PAGE = (
    "<html><head><meta charset='utf-8'><title>Vinter opens the ferry quay</title>"
    "<meta property='og:site_name' content='Tarnby Post'></head><body><nav><a>Home</a></nav>"
    "<article><h1>Vinter opens the ferry quay</h1><figure><figcaption>"
    f"{QUAY_CAPTION} Photograph: Per Lanning/Tarnby Post</figcaption></figure>"
    f"<p>{QUAY_BODY[0]}</p><p>{QUAY_BODY[1].replace('crowd. ', 'crowd.<br>')}</p>"
    f"<p>{QUAY_BODY[2].replace('“', '&ldquo;')}</p></article>"
    "<footer><p>© 2026 Tarnby Post</p></footer></body></html>"
)
SAME_ARTICLE = [
    # (file name, content) pairs in corpus order; is the second one a duplicate of the first?
    (("a.html", QUAY_PAGE), ("b.txt", QUAY_TXT), True),
    (("a.txt", QUAY_TXT), ("b.txt", QUAY_TXT.replace("\n\nTARNBY", f"\n\n{QUAY_CAPTION} "
                                                   "(Per Lanning/Tarnby Post)\n\nTARNBY")), True),
    (("a.txt", QUAY_TXT), ("b.txt", QUAY_TXT.replace("“", '"').replace("”", '"')), True),
    # NEGATIVE rows: another body, another headline
    (("a.html", QUAY_PAGE), ("b.txt", QUAY_TXT.replace("a third", "a half")), False),
    (("a.txt", QUAY_TXT), ("b.txt", QUAY_TXT.replace("Vinter opens", "Vinter finally opens")),
     False),
]  # fmt: skip


@pytest.mark.parametrize(("first", "second", "duplicate"), SAME_ARTICLE)
def test_same_article_in_another_format_is_a_duplicate(
    tmp_path: Path, first: tuple[str, str], second: tuple[str, str], duplicate: bool
) -> None:
    (tmp_path / "raw").mkdir()
    for name, content in (first, second):
        (tmp_path / "raw" / name).write_text(content, encoding="utf-8")
    result = corpus.scan_corpus(tmp_path)
    if duplicate:
        assert [a.source_path for a in result.articles] == [f"raw/{first[0]}"]
        (q,) = result.quarantine
        assert (q.source_path, q.reason) == (f"raw/{second[0]}", "duplicate")
        assert q.detail.startswith(f"same headline, standfirst and body as raw/{first[0]} (")
    else:
        assert len(result.articles) == 2 and not result.quarantine


def test_replay_drops_the_same_article_in_another_format() -> None:
    from mediaframes.worker_io import Outcome, Replay

    r = Replay()
    page = Outcome("raw/a.html", digest="d1", base="a", article_id="a", article_digest="s1")
    assert r.check([page]).ok
    # another chunk's worker kept the .txt copy: dropped and quarantined, as the serial scan does
    txt = Outcome("raw/b.txt", digest="d2", base="b", article_id="b", article_digest="s1")
    late = r.check([txt])
    assert late.ok and late.drops == ["b"]
    assert late.rejections[0].detail == corpus.same_article_detail("raw/a.html")
    # a worker saw the copy after an earlier one of its chunk that does not survive: recompute
    gone = [
        Outcome("raw/c.txt", digest="d1", base="c", article_id="c", article_digest="s2"),
        Outcome("raw/d.txt", digest="d3", base="d", duplicate=True, article_digest="s2"),
    ]
    assert not r.check(gone).ok
    assert r.preset(gone).seen == {"d1": "raw/a.html"}


def test_worker_io_equals_serial_for_the_same_article_in_two_formats(tmp_path: Path) -> None:
    from mediaframes import scale

    root = tmp_path / "corpus"
    (root / "raw").mkdir(parents=True)
    (root / "raw" / "a.html").write_text(QUAY_PAGE, encoding="utf-8")
    (root / "raw" / "b.txt").write_text(QUAY_TXT, encoding="utf-8")
    (root / "raw" / "c.txt").write_text(QUAY_TXT.replace("a third", "a half"), encoding="utf-8")
    serial, dask = tmp_path / "serial", tmp_path / "dask"
    a = scale.analyze_corpus(root, serial, chunk_size=1, aggregates=False)
    b = scale.analyze_corpus(root, dask, workers=2, chunk_size=1, aggregates=False)
    assert a.quarantined == b.quarantined
    assert [(r.source_path, r.reason) for r in a.quarantined] == [("raw/b.txt", "duplicate")]
    for name in ("articles.csv", "quarantine.csv", "statements.csv", "validation.json"):
        assert (serial / name).read_bytes() == (dask / name).read_bytes(), name


FILLER = " ".join(["The quay took two years to build and cost more than planned."] * 5)
LOGO_PAGES = [
    # (page without <title> or og:title, headline)
    (f"<header><h1>Tarnby Post</h1></header><article><h1>Vinter opens the quay</h1><p>{LEAD}</p>"
     f"<p>{FILLER}</p></article>", "Vinter opens the quay"),
    (f"<nav><h1 class='logo'>Tarnby Post</h1></nav><main><h1>Vinter opens the quay</h1>"
     f"<p>{LEAD}</p><p>{FILLER}</p></main>", "Vinter opens the quay"),
    # NEGATIVE rows: the article's own <header>, and a page whose only <h1> is in its header
    (f"<article><header><h1>Vinter opens the quay</h1></header><p>{LEAD}</p><p>{FILLER}</p>"
     "</article>", "Vinter opens the quay"),
    (f"<header><h1>Vinter opens the quay</h1></header><div><p>{LEAD}</p><p>{FILLER}</p></div>",
     "Vinter opens the quay"),
]  # fmt: skip


@pytest.mark.parametrize(("body", "headline"), LOGO_PAGES)
def test_the_site_logo_h1_is_not_the_headline(tmp_path: Path, body: str, headline: str) -> None:
    (tmp_path / "raw").mkdir()
    page = f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    (tmp_path / "raw" / "p.html").write_text(page, encoding="utf-8")
    (art,) = corpus.scan_corpus(tmp_path).articles
    assert art.headline is not None and art.headline.text == headline
    assert art.dateline is not None and art.dateline.text == "TARNBY"
    assert art.standfirst is None


SAVED = [
    # (folder beside the page, page name, is the folder the page's?)
    ("Vinter opens the quay_files", "Vinter opens the quay.html", True),
    ("quay_files", "quay.htm", True),
    # NEGATIVE rows: no page of that name, a folder not ending in _files
    ("other_files", "Vinter opens the quay.html", False),
    ("quay", "quay.html", False),
]


@pytest.mark.parametrize(("folder", "page", "skipped"), SAVED)
def test_a_browser_saved_page_folder_is_not_read(
    tmp_path: Path, folder: str, page: str, skipped: bool
) -> None:
    filler = " ".join(["The quay took two years to build and cost more than planned."] * 5)
    html = (
        "<html><head><meta charset='utf-8'><title>Vinter opens the quay</title></head><body>"
        f"<article><h1>Vinter opens the quay</h1><p>{LEAD}</p><p>{filler}</p></article>"
        "</body></html>"
    )
    consent = (
        "<html><body><div>"
        + " ".join(["We use cookies and similar technologies."] * 8)
        + "</div></body></html>"
    )
    raw = tmp_path / "raw"
    (raw / folder).mkdir(parents=True)
    (raw / page).write_text(html, encoding="utf-8")
    (raw / folder / "consent.html").write_text(consent, encoding="utf-8")
    (raw / folder / "app.js").write_text("var x = 1;", encoding="utf-8")
    notes: list[str] = []
    items = list(corpus.iter_scan(tmp_path, notes=notes))
    files, _ = corpus.input_files(tmp_path)
    inside = [f for f in files if folder in f.parts]
    if skipped:
        assert [type(x).__name__ for x in items] == ["Article"]
        assert not inside
        assert any(f"raw/{folder}/: the 2 file(s)" in n and page in n for n in notes)
    else:
        assert len(items) == 3 and len(inside) == 2
        assert not any("file(s) a browser saved" in n for n in notes)


INVISIBLE = [
    ("Oda Vin\u00adter said", "Oda Vinter said", 1),
    ("Oda\u200b Vinter \u2060said\ufeff", "Oda Vinter said", 3),
    # NEGATIVE rows: zero-width joiners stay (some scripts need them), plain text is unchanged
    ("Oda Vinter said \u200d", "Oda Vinter said \u200d", 0),
    ("Oda Vinter said", "Oda Vinter said", 0),
]


@pytest.mark.parametrize(("text", "expected", "n"), INVISIBLE)
def test_strip_invisible(text: str, expected: str, n: int) -> None:
    out, warnings = corpus.strip_invisible(text)
    assert out == expected
    assert warnings == ([f"{n} invisible character(s) removed (soft hyphens, zero-width spaces)"]
                        if n else [])  # fmt: skip


@pytest.mark.parametrize("fmt", ["txt", "jsonl", "csv"])
def test_soft_hyphens_do_not_split_names(tmp_path: Path, fmt: str) -> None:
    lead = "TARNBY — Mayor Oda Vin\u00adter said on Monday that the new ferry quay was\u200b open."
    if fmt == "txt":
        (tmp_path / "raw").mkdir()
        text = f"Vin\u00adter opens the quay\n\n{lead}\n"
        (tmp_path / "raw" / "q.txt").write_text(text, encoding="utf-8")
    else:
        _write_record(tmp_path, fmt, "Vin\u00adter opens the quay", lead)
    (art,) = corpus.scan_corpus(tmp_path).articles
    assert art.headline is not None and art.headline.text == "Vinter opens the quay"
    assert art.body[0].text == "Mayor Oda Vinter said on Monday that the new ferry quay was open."
    assert "\u00ad" not in art.text and "\u200b" not in art.text
    assert any("invisible character(s) removed" in w for w in art.warnings)


@pytest.mark.parametrize("fmt", ["txt", "jsonl", "csv"])
def test_offsets_hold_when_texts_are_read_in_text_mode(tmp_path: Path, fmt: str) -> None:
    body = f"{LEAD}\r\n\r\n“We waited two years,” Vinter said.\r\rThe harbour board agreed."
    if fmt == "txt":
        (tmp_path / "corpus" / "raw").mkdir(parents=True)
        text = "Vinter opens the quay\r\n\r\n" + body + "\r\n"
        (tmp_path / "corpus" / "raw" / "q.txt").write_bytes(text.encode("utf-8"))
    else:
        _write_record(tmp_path / "corpus", fmt, "Vinter opens the quay", body)
    corpus.ingest_corpus(tmp_path / "corpus", tmp_path / "out")
    (row,) = csv.DictReader((tmp_path / "out" / "articles.csv").open(encoding="utf-8"))
    # as a researcher reads it: Path.read_text translates line endings
    text = (tmp_path / "out" / "texts" / f"{row['article_id']}.txt").read_text(encoding="utf-8")
    spans = json.loads(row["spans"])
    assert [text[a:b] for a, b in spans["body"]] == [
        "Mayor Oda Vinter opened the new ferry quay on Monday, officials said.",
        "“We waited two years,” Vinter said.",
        "The harbour board agreed.",
    ]
    assert text[slice(*spans["headline"])] == row["headline"] == "Vinter opens the quay"


HINTS = [
    # (record fields besides id/text, hinted fields)
    ({"headline": "Vinter opens the quay", "published_at": "2026-11-17"}, ["title", "date"]),
    ({"title": "Quay", "source": "Tarnby Post", "link": "https://tarnby.example/q"},
     ["outlet", "url"]),
    # NEGATIVE rows: the field is there, or the other one is empty
    ({"title": "Quay", "headline": "Quay opens", "date": "2026-11-17", "published": "2026"}, []),
    ({"title": "Quay", "source": ""}, []),
]  # fmt: skip


@pytest.mark.parametrize(("fields", "hinted"), HINTS)
def test_fields_under_other_names_are_hinted(
    tmp_path: Path, fields: dict[str, str], hinted: list[str]
) -> None:
    rec = {"id": "r1", "text": LEAD, **fields}
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "r.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (art,) = corpus.scan_corpus(tmp_path).articles
    found = [w.split("'")[1] for w in art.warnings if "looks like one: rename it" in w]
    assert found == hinted


@pytest.mark.parametrize(("strict", "status"), [(False, 0), (True, 1)])
def test_ingest_into_a_closed_pipe_keeps_its_status(
    tmp_path: Path, strict: bool, status: int
) -> None:
    import subprocess
    import sys

    lines = [json.dumps({"id": "r1", "title": "Quay", "text": LEAD}), "{broken"]
    (tmp_path / "corpus" / "raw").mkdir(parents=True)
    (tmp_path / "corpus" / "raw" / "r.jsonl").write_text("\n".join(lines) + "\n")
    cmd = [sys.executable, "-m", "mediaframes.cli", "ingest", str(tmp_path / "corpus")]
    cmd += ["--out", str(tmp_path / "out")] + (["--strict"] if strict else [])
    # as `mediaframes ingest … | head -0`: the reader is gone before the report is printed
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait() == status, err
    assert "Traceback" not in err and "BrokenPipeError" not in err
    assert (tmp_path / "out" / "articles.csv").is_file()


LISTS = [
    # (the record's text, body paragraphs, quarantine reason)
    ([LEAD, "  ", "“It was worth the wait,” Vinter said."],
     ["Mayor Oda Vinter opened the new ferry quay on Monday, officials said.",
      "“It was worth the wait,” Vinter said."], None),
    ([], None, "empty"),
    # NEGATIVE row: a list holding other than strings stays a malformed record
    ([LEAD, {"type": "image"}], None, "malformed_record"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "body", "reason"), LISTS)
def test_a_list_of_paragraphs_is_the_text(
    tmp_path: Path, text: list[object], body: list[str] | None, reason: str | None
) -> None:
    rec = {"id": "r1", "title": "Vinter opens the quay", "text": text}
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "r.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    result = corpus.scan_corpus(tmp_path)
    if reason is None:
        (art,) = result.articles
        assert [p.text for p in art.body] == body
        assert art.dateline is not None and art.dateline.text == "TARNBY"
        assert any("list of paragraphs" in w for w in art.warnings)
    else:
        (q,) = result.quarantine
        assert q.reason == reason


NBSP_DATELINES = [
    ("TARNBY\u00a0— Mayor Oda Vinter spoke.", "TARNBY"),
    ("TARNBY,\u00a0Vestmark\u00a0— Mayor Oda Vinter spoke.", "TARNBY,\u00a0Vestmark"),
    ("TARNBY\u00a0(NNB)\u00a0— Mayor Oda Vinter spoke.", "TARNBY"),
    ("TARNBY\u202f— Mayor Oda Vinter spoke.", "TARNBY"),
    # NEGATIVE row: a place in title case is no dateline, whatever the space
    ("Tarnby\u00a0— Mayor Oda Vinter spoke.", None),
]


@pytest.mark.parametrize(("paragraph", "place"), NBSP_DATELINES)
def test_datelines_with_no_break_spaces(paragraph: str, place: str | None) -> None:
    found = corpus.detect_dateline(paragraph)
    assert (paragraph[found[0] : found[1]] if found else None) == place
    if found:
        assert paragraph[found[2] :] == "Mayor Oda Vinter spoke."


@pytest.mark.parametrize(
    ("key", "outlet"),
    [
        ("q", "Tarnby Post"),
        ("q.txt", "Tarnby Post"),  # the file name, as a user lists files
        ("raw/q.txt", "Tarnby Post"),
        # NEGATIVE row: another file's name
        ("r.txt", None),
    ],
)
def test_metadata_row_keyed_by_file_name(tmp_path: Path, key: str, outlet: str | None) -> None:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "q.txt").write_text(f"Vinter opens the quay\n\n{LEAD}\n", "utf-8")
    (tmp_path / "metadata.csv").write_text(META + f"{key},Tarnby Post,,,,,\n", encoding="utf-8")
    notes: list[str] = []
    (art,) = [x for x in corpus.iter_scan(tmp_path, notes=notes)]
    assert art.metadata["outlet"] == outlet
    assert any("without an article" in n for n in notes) is (outlet is None)


@pytest.mark.parametrize(
    ("name", "paragraphs", "accepted"),
    [
        ("page.html", 4, True),  # 20 kB of markup, 1 kB of article: the article is measured
        ("page.html", 40, False),  # an article text over the limit
        ("page.txt", 4, False),  # a .txt is its text: the file is measured
    ],
)
def test_the_size_limit_of_an_html_page_is_its_article_s(
    tmp_path: Path, name: str, paragraphs: int, accepted: bool
) -> None:
    para = "".join(
        f"<p>Stage {n} of the quay took a year to build and cost more than planned, she said.</p>"
        for n in range(paragraphs)
    )
    style = "<style>" + ".quay{color:#123456}\n" * 1000 + "</style>"
    page = (
        f"<html><head><meta charset='utf-8'><title>Vinter opens the quay</title>{style}</head>"
        f"<body><article><h1>Vinter opens the quay</h1><p>{LEAD}</p>{para}"
        "</article></body></html>"
    )
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / name).write_text(page, encoding="utf-8")
    result = corpus.scan_corpus(tmp_path, max_bytes=3000)
    assert len(result.articles) == int(accepted)
    if not accepted:
        (q,) = result.quarantine
        assert q.reason == "oversized"


@pytest.mark.parametrize("graph", [False, True])
def test_json_ld_article_body_keeps_its_paragraphs(tmp_path: Path, graph: bool) -> None:
    paras = [
        LEAD,
        "“It was worth the wait,” Vinter told the crowd gathered on the new quay at Tarnby.",
        "The harbour board said the quay cost a third more than planned, and opened two years "
        "late because of the storms of the last two winters.",
    ]
    article = {"@type": "NewsArticle", "headline": "Vinter opens the quay"}
    article["articleBody"] = "\n\n".join(paras)
    ld = {"@context": "https://schema.org", "@graph": [article]} if graph else article
    page = (
        "<html><head><meta charset='utf-8'><title>Vinter opens the quay</title>"
        f"<script type='application/ld+json'>{json.dumps(ld, ensure_ascii=False)}</script>"
        "</head><body><div id='app'>Loading…</div></body></html>"
    )
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "p.html").write_text(page, encoding="utf-8")
    (art,) = corpus.scan_corpus(tmp_path).articles
    assert art.dateline is not None and art.dateline.text == "TARNBY"
    assert [p.text for p in art.body] == [paras[0].removeprefix("TARNBY — "), *paras[1:]]


BR_PAGES = [
    # (article markup, body paragraphs, captions placed after paragraph n)
    (f"<p>{LEAD}<br>The ferry will land there from May.</p><figure><figcaption>The quay on "
     "Monday. Photograph: Per Lanning/Tarnby Post</figcaption></figure>"
     "<p>" + "More. " * 30 + "</p>",
     [f"{LEAD.removeprefix('TARNBY — ')}\nThe ferry will land there from May.",
      ("More. " * 30).strip()], 1),
    # NEGATIVE row: <br><br> in a <div> (no block) stays paragraphs
    (f"<div>{LEAD}<br><br>The ferry will land there from May.<br><br>" + "More. " * 30
     + "</div>", [LEAD.removeprefix("TARNBY — "), "The ferry will land there from May.",
                  ("More. " * 30).strip()], None),
]  # fmt: skip


@pytest.mark.parametrize(("markup", "body", "caption_after"), BR_PAGES)
def test_a_br_inside_a_paragraph_is_a_line_break(
    tmp_path: Path, markup: str, body: list[str], caption_after: int | None
) -> None:
    page = (
        "<html><head><meta charset='utf-8'><title>Vinter opens the quay</title></head><body>"
        f"<article><h1>Vinter opens the quay</h1>{markup}</article></body></html>"
    )
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "p.html").write_text(page, encoding="utf-8")
    (art,) = corpus.scan_corpus(tmp_path).articles
    assert [p.text for p in art.body] == body
    if caption_after is not None:
        (cap,) = art.captions
        assert art.body[caption_after - 1].end < cap.start < art.body[caption_after].start


ESCAPED = [
    ("TARNBY — It rained.\\n\\n“Wet,” Vinter said.", "TARNBY — It rained.\n\n“Wet,” Vinter said."),
    ("TARNBY — It rained.\\r\\n\\r\\nMore.", "TARNBY — It rained.\n\nMore."),
    # NEGATIVE rows: one escape (a text about code), a text with real line breaks too
    ("Type \\n to end the line, the manual says.", None),
    ("TARNBY — It rained.\n\nA path C:\\new\\notes and \\n.", None),
]


@pytest.mark.parametrize(("text", "expected"), ESCAPED)
def test_unescape_newlines(text: str, expected: str | None) -> None:
    assert corpus.unescape_newlines(text) == expected


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_record_with_escaped_line_breaks_keeps_its_paragraphs(tmp_path: Path, fmt: str) -> None:
    text = f"{LEAD}\\n\\n“It was worth the wait,” Vinter said."
    _write_record(tmp_path, fmt, "Vinter opens the quay", text)
    (art,) = corpus.scan_corpus(tmp_path).articles
    assert [p.text for p in art.body] == [
        "Mayor Oda Vinter opened the new ferry quay on Monday, officials said.",
        "“It was worth the wait,” Vinter said.",
    ]


def _quay_records(n: int) -> list[dict[str, str]]:
    return [
        {"id": f"q{k}", "title": f"Quay stage {k}", "text": f"{LEAD} Stage {k} is open."}
        for k in range(1, n + 1)
    ]


JSON_DOCUMENTS = [
    # (file name, content, source paths of the articles, rejections)
    ("api.jsonl", json.dumps(_quay_records(2), indent=2), ["#2", "#7"], []),
    ("api.json", json.dumps(_quay_records(3)), ["#1.1", "#1.2", "#1.3"], []),
    ("api.json", "\n".join(json.dumps(r, indent=1) for r in _quay_records(2)), ["#1", "#6"], []),
    ("api.json", json.dumps([_quay_records(1)[0], ["not", "a", "record"]], indent=2), ["#2"],
     [("#7", "malformed_record")]),
    # NEGATIVE row: JSON Lines whose first line is cut off stays read line by line
    ("api.jsonl", '{"id": "q0", "text": "TARNBY\n' + "\n".join(
        json.dumps(r) for r in _quay_records(2)), ["#2", "#3"], [("#1", "malformed_record")]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "articles", "rejected"), JSON_DOCUMENTS)
def test_a_json_document_is_read_record_by_record(
    tmp_path: Path, name: str, content: str, articles: list[str], rejected: list[tuple[str, str]]
) -> None:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / name).write_text(content + "\n", encoding="utf-8")
    result = corpus.scan_corpus(tmp_path)
    assert [a.source_path for a in result.articles] == [f"raw/{name}{n}" for n in articles]
    assert [(q.source_path, q.reason) for q in result.quarantine] == [
        (f"raw/{name}{n}", reason) for n, reason in rejected
    ]
    assert all(a.headline is not None and a.dateline is not None for a in result.articles)


@pytest.mark.parametrize(
    ("content", "source_path"),
    [
        (f'sep=;\r\nid;title;text\r\nr1;Vinter opens the quay;"{LEAD}"\r\n', "raw/r.csv#3"),
        (f'sep=,\nid,title,text\nr1,Vinter opens the quay,"{LEAD}"\n', "raw/r.csv#3"),
        # NEGATIVE row: no sep= line, the usual comma-separated file
        (f'id,title,text\nr1,Vinter opens the quay,"{LEAD}"\n', "raw/r.csv#2"),
    ],
)
def test_an_excel_sep_line_declares_the_separator(
    tmp_path: Path, content: str, source_path: str
) -> None:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "r.csv").write_text(content, encoding="utf-8")
    result = corpus.scan_corpus(tmp_path)
    assert not result.quarantine
    (art,) = result.articles
    assert art.source_path == source_path and art.headline.text == "Vinter opens the quay"


@pytest.mark.parametrize(
    "table",
    [
        "article_id;outlet;url;date;date_inferred;language;notes\nq;Tarnby Post;;2026-11-17;;en;\n",
        "sep=;\narticle_id;outlet;url;date;date_inferred;language;notes\n"
        "q;Tarnby Post;;2026-11-17;;en;\n",
        "article_id,outlet,url,date,date_inferred,language,notes\nq,Tarnby Post,,2026-11-17,,en,\n",
    ],
)
def test_metadata_csv_saved_with_semicolons(tmp_path: Path, table: str) -> None:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "q.txt").write_text(f"Vinter opens the quay\n\n{LEAD}\n", "utf-8")
    (tmp_path / "metadata.csv").write_text(table, encoding="utf-8")
    (art,) = corpus.scan_corpus(tmp_path).articles
    assert (art.metadata["outlet"], art.metadata["date"]) == ("Tarnby Post", "2026-11-17")

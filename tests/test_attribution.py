"""Tests for mediaframes.attribution: gold annotations, grammar of reporting, actors, evidence."""

from __future__ import annotations

import ast
import random
import re
from pathlib import Path

import pandas as pd
import pytest

from mediaframes import attribution, corpus, paths, segment
from mediaframes.records import Article, Statement

TESTS = Path(__file__).parent
SEED = "000_413afbb7d4f14754"
INVENTED_DIR = TESTS / "fixtures" / "invented"
GOLD_FIELDS = ["section", "quote_type", "speaker", "source", "source_actor", "addressee"]


def _article(text: str, article_id: str = "t") -> Article:
    return corpus.parse_plain_text(text, article_id, f"{article_id}.txt")


def _run(article: Article, actors: attribution.Actors):
    return attribution.attribute(article, segment.segment_article(article), actors)


@pytest.fixture(scope="module")
def seed_article() -> Article:
    path = paths.raw_dir() / f"{SEED}.txt"
    return _article(path.read_text(encoding="utf-8"), SEED)


@pytest.fixture(scope="module")
def invented_article() -> Article:
    path = INVENTED_DIR / "raw" / "invented_quota_talks.txt"
    return _article(path.read_text(encoding="utf-8"), "invented_quota_talks")


@pytest.fixture(scope="module")
def invented_actors() -> attribution.Actors:
    return attribution.load_actors(INVENTED_DIR / "actors.yml")


@pytest.fixture(scope="module")
def test_actors() -> attribution.Actors:
    return attribution.actors_from_mapping(
        {
            "actors": {
                "lee": {
                    "name": "Ana Lee",
                    "aliases": ["the Kestrian leader", "Chancellor Lee"],
                    "organizations": ["the Chancellery of Kestria"],
                    "gender": "female",
                    "country": "Kestria",
                },
                "omar": {
                    "name": "Yusuf Omar",
                    "aliases": ["President Omar", "the Dalmar president"],
                    "organizations": ["the Dalmar presidency"],
                    "gender": "male",
                },
            }
        },
        "test-actors",
    )


# --- gold ------------------------------------------------------------------------------------


def load_gold(path: Path, article: Article) -> pd.DataFrame:
    """Read a gold CSV and locate each statement's span in the article text."""
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    starts, ends = [], []
    pos = 0
    for row in gold.itertuples():
        start = article.text.find(row.first_words, pos)
        assert start >= 0, f"{path}: {row.first_words!r} not found"
        end = article.text.find(row.last_words, start)
        assert end >= 0, f"{path}: {row.last_words!r} not found"
        end += len(row.last_words)
        starts.append(start)
        ends.append(end)
        pos = end
    gold["char_start"], gold["char_end"] = starts, ends
    return gold


def score(statements: list[Statement], gold: pd.DataFrame) -> dict[str, float]:
    """Precision/recall of statement detection and per-field accuracy on matched statements."""
    pred = [s for s in statements if s.quote_type != "narration"]
    gold_st = gold[gold.quote_type != "narration"]

    def overlaps(s: Statement, g) -> bool:
        return s.char_start < g.char_end and g.char_start < s.char_end

    matched = [(s, g) for s in pred for g in gold_st.itertuples() if overlaps(s, g)]
    tp_pred = len({s.statement_id for s, _ in matched})
    tp_gold = len({g.Index for _, g in matched})
    out = {
        "precision": tp_pred / len(pred) if pred else 1.0,
        "recall": tp_gold / len(gold_st) if len(gold_st) else 1.0,
        "n_gold": float(len(gold_st)),
        "n_pred": float(len(pred)),
    }
    for f in ["speaker", "source", "source_actor", "addressee", "quote_type"]:
        same = [segment.fold(getattr(s, f)) == segment.fold(getattr(g, f)) for s, g in matched]
        out[f"{f}_accuracy"] = sum(same) / len(same) if same else 0.0
    exact = [s.char_start == g.char_start and s.char_end == g.char_end for s, g in matched]
    out["span_exact"] = sum(exact) / len(exact) if exact else 0.0
    return out


def _compare_rows(statements: list[Statement], gold: pd.DataFrame) -> list[str]:
    problems = []
    if len(statements) != len(gold):
        problems.append(f"{len(statements)} statements, gold has {len(gold)}")
    for s, g in zip(statements, gold.itertuples(), strict=False):
        if (s.char_start, s.char_end) != (g.char_start, g.char_end):
            problems.append(f"{s.statement_id}: span {s.text!r} vs gold {g.first_words!r}")
        for f in GOLD_FIELDS:
            if segment.fold(getattr(s, f)) != segment.fold(getattr(g, f)):
                problems.append(f"{s.statement_id}: {f} {getattr(s, f)!r} != {getattr(g, f)!r}")
    return problems


def test_seed_matches_gold(seed_article: Article) -> None:
    statements, _ = _run(seed_article, attribution.load_actors())
    gold = load_gold(TESTS / "gold" / "seed_statements.csv", seed_article)
    metrics = score(statements, gold)
    print("seed gold metrics:", metrics)
    assert metrics["precision"] == 1.0 and metrics["recall"] == 1.0
    assert metrics["speaker_accuracy"] == 1.0
    assert _compare_rows(statements, gold) == []


BLIND_DIR = INVENTED_DIR / "blind"
BLIND = ["wire", "analysis", "uk"]
BLIND3_DIR = INVENTED_DIR / "blind3"  # third blind round (tests/fixtures/invented/blind3/README.md)
BLIND3 = ["us", "briefing"]
BLIND4_DIR = (
    INVENTED_DIR / "blind4"
)  # fourth blind round (tests/fixtures/invented/blind4/README.md)
BLIND4 = ["wire", "feature"]
BLIND5_DIR = INVENTED_DIR / "blind5"  # fifth blind round (tests/fixtures/invented/blind5/README.md)
BLIND5 = ["live", "explainer", "roundup", "oped"]
BLIND6_DIR = INVENTED_DIR / "blind6"  # sixth blind round (tests/fixtures/invented/blind6/README.md)
BLIND6 = ["interview", "pressrelease", "court", "agency"]
BLIND7_DIR = (
    INVENTED_DIR / "blind7"
)  # seventh blind round (tests/fixtures/invented/blind7/README.md)
BLIND7 = ["transcript", "parliament", "digest", "profile"]
BLIND9_DIR = INVENTED_DIR / "blind9"  # ninth blind round (tests/fixtures/invented/blind9/README.md)
BLIND9 = ["social", "election", "leak", "disaster"]
BLIND10_DIR = INVENTED_DIR / "blind10"  # tenth blind round (blind10/README.md)
BLIND10 = ["speech", "reactions", "health", "council"]
BLIND11_DIR = INVENTED_DIR / "blind11"  # eleventh blind round (blind11/README.md)
BLIND11 = ["protest", "sport", "communique", "tour"]
#: Gold rows the rules still get wrong, by test id (blind5/README.md, "Still open"): the test
#: fails when one is fixed (update this list) as when another row breaks.
KNOWN_GAPS = {
    "blind5-explainer": [
        # "the president had told Okura": "the president" is not configured for Marrow (both
        # actors are presidents), so the nested report and its addressee are not read
        "invented_dresk_call:007: addressee '' != 'okura'",
        # "Okura's account differs: according to the Foreign Ministry in Tarvik, …": the
        # account's owner, named before the colon, is not read as the speaker
        "invented_dresk_call:013: speaker 'the Foreign Ministry in Tarvik' != 'okura'",
        "invented_dresk_call:013: source '' != 'the Foreign Ministry in Tarvik'",
    ],
    "blind6-pressrelease": [
        # the standfirst "Joint communiqué promises …": the signatories come later in the body
        "invented_consulates_release:001: speaker 'Joint communiqué' != 'dubrec+varnholt'",
        "invented_consulates_release:001: source_actor '' != 'dubrec+varnholt'",
        # "The joint communiqué said" (and "It was agreed that" after it): the last pair named
        # before it, not the pair that signed it
        "invented_consulates_release:005: speaker 'tarrade+varnholt' != 'dubrec+varnholt'",
        "invented_consulates_release:005: source_actor 'tarrade+varnholt' != 'dubrec+varnholt'",
        "invented_consulates_release:006: speaker 'tarrade+varnholt' != 'dubrec+varnholt'",
        "invented_consulates_release:006: source_actor 'tarrade+varnholt' != 'dubrec+varnholt'",
        # "The minister's remarks … described": no document word, "the minister" not configured
        "invented_consulates_release:013: quote_type 'narration' != 'mixed'",
        "invented_consulates_release:013: speaker '' != 'varnholt'",
        # a nested "invited Dubrec": the gold (by its annotator's own account, too strict) has
        # no addressee
        "invented_consulates_release:014: addressee 'dubrec' != ''",
    ],
    "blind7-parliament": [
        # "the opposition leader" after "The leader of the opposition, Jonas Petrel,": the
        # person (right), with no source as in blind6/court ("The judge said"), where this
        # annotator recorded the role as the source: the two rounds' conventions differ
        "invented_fishing_treaty_debate:009: source '' != 'the opposition leader'",
    ],
    "blind9-social": [
        # headline "Valsi deletes post accusing Ondria of 'theft'": the post's author speaks
        # through a participle on the post; no rule reads a participle on an object
        "invented_vesk_chirp_row:000: quote_type 'narration' != 'mixed'",
        "invented_vesk_chirp_row:000: speaker '' != 'valsi'",
        "invented_vesk_chirp_row:000: addressee '' != 'Ondria'",
        # a spokesperson's later mention: this gold gives no source_actor; since session 13 the
        # person still speaks for the actor (rounds 3 and 20-26 annotate it so)
        "invented_vesk_chirp_row:010: source_actor 'rennick' != ''",
        # a repost of a third person's words: "X reposted a message from Ilka Daran, the mayor
        # of Vesk: "…"" (the quotation is Daran's): no rule reads a repost
        "invented_vesk_chirp_row:013: quote_type 'narration' != 'direct'",
        "invented_vesk_chirp_row:013: speaker '' != 'Ilka Daran'",
        "invented_vesk_chirp_row:013: source '' != 'the mayor of Vesk'",
    ],
    "blind9-leak": [
        # "The emails show that …": evidence, not a speaker, for the rules ("show" is no
        # reporting verb: "figures show that" would follow); the annotator reads it as speech
        "invented_tarrow_memo:008: quote_type 'narration' != 'mixed'",
        "invented_tarrow_memo:008: speaker '' != 'The emails'",
        # a spokesperson's later mention: this gold gives no source_actor; since session 13 the
        # person still speaks for the actor (rounds 3 and 20-26 annotate it so)
        "invented_tarrow_memo:010: source_actor 'vasko' != ''",
    ],
    "blind9-disaster": [
        # "sends condolences", "offered his condolences in person": speech acts with no words
        # reported; the rules read them as actions (as "heckled him"), the annotator as speech
        "invented_ternek_quake:001: quote_type 'narration' != 'indirect'",
        "invented_ternek_quake:001: speaker '' != 'dunholt'",
        "invented_ternek_quake:009: quote_type 'narration' != 'indirect'",
        "invented_ternek_quake:009: speaker '' != 'kiro'",
    ],
    "blind10-speech": [
        # the standfirst "… accuses Kestria of ‘a slow theft’ and offers talks": single quotes
        # in an article quoted with double ones are no quotation marks for the rules, and the
        # present-tense "accuses" there gives no addressee
        "invented_vell_speech:001: quote_type 'indirect' != 'mixed'",
        "invented_vell_speech:001: addressee '' != 'Kestria'",
        # "according to the official translation": the rules keep the translation as the
        # source; the annotator's convention leaves translations out
        "invented_vell_speech:004: source 'the official translation' != ''",
        "invented_vell_speech:005: source 'the official translation' != ''",
        # "In the only passage he delivered in English, Vasko offered … and said …": the
        # opening clause holds a pronoun, so the shared subject of "and said" is not found
        "invented_vell_speech:012: quote_type 'narration' != 'mixed'",
        "invented_vell_speech:012: speaker '' != 'vasko'",
        # "a spokesman for the ministry": lower-case "the ministry" is not matched to the
        # actor's "Kestrian foreign ministry" (see blind7-parliament)
        "invented_vell_speech:019: source_actor '' != 'orsen'",
    ],
    "blind10-health": [
        # a document that speaks for itself is its own source for the rules; the annotator
        # leaves the source empty (a convention: earlier rounds' gold agrees with the rules)
        "invented_border_smog_study:000: source 'study' != ''",
        "invented_border_smog_study:003: source 'a study' != ''",
        "invented_border_smog_study:005: source 'The study' != ''",
        # "Calvoria's health minister, Ruben Tasso, struck …, telling KRN …": the role before
        # the name is not read as the source in a participle report
        "invented_border_smog_study:013: source '' != 'Calvoria’s health minister'",
    ],
    "blind10-council": [
        # an outlet's description after its name is its source for the rules, as a person's
        # role is; the annotator keeps outlet descriptions out
        "invented_brinmoor_bridge_visit:026: source \"the town's weekly newspaper\" != ''",
    ],
    "blind11-protest": [
        # "Placards read "…" and "…"": two quotations joined by "and" read as one direct
        # quotation; the annotator reads the unquoted "and" as reported words (mixed)
        "invented_brenholt_march:005: quote_type 'direct' != 'mixed'",
        # a spokesperson's later mention: this gold gives no source_actor; since session 13 the
        # person still speaks for the actor (rounds 3 and 20-26 annotate it so)
        "invented_brenholt_march:014: source_actor 'ondra' != ''",
        # "said in a statement that … and called on Solvik to …": one statement per sentence,
        # the addressee of the second verb is not kept
        "invented_brenholt_march:020: addressee '' != 'solvik'",
        # "Hartvik, asked whether …, shrugged." then a quotation: "shrugged" reports nothing
        "invented_brenholt_march:023: speaker '' != 'Emil Hartvik'",
    ],
    "blind11-sport": [
        # "told Vessarian state television": a capitalized demonym makes a named audience for
        # the rules; the annotator reads it as generic
        "invented_osterling_final:015: addressee 'Vessarian state television' != ''",
        # "thousands of Vessarian supporters were still in the stands, chanting "…"": no role
        # word opens the subject ("thousands of")
        "invented_osterling_final:016: quote_type 'narration' != 'direct'",
        "invented_osterling_final:016: speaker '' != 'thousands of Vessarian supporters'",
    ],
    "blind11-tour": [
        # ", chanting "…"" after "several hundred protesters gathered …": the participle's
        # quotation is the content (direct); the annotator reads the sentence as mixed
        "invented_selvan_coast_tour:009: quote_type 'direct' != 'mixed'",
        # "He said …" right after "Halmoria's president, Vida Sarren, welcomed Falkstad …":
        # nothing tells Sarren's gender, so "he" takes the nearest person
        "invented_selvan_coast_tour:015: speaker 'Vida Sarren' != 'falkstad'",
        "invented_selvan_coast_tour:016: speaker 'Vida Sarren' != 'falkstad'",
        "invented_selvan_coast_tour:017: speaker 'Vida Sarren' != 'falkstad'",
    ],
    "blind7-profile": [
        # "When she did, she told her daughter that …": the mother, introduced only in
        # narration ("Her mother, Marta, …"), is no candidate for "she"
        "invented_ilvane_profile:011: speaker 'ilvane' != 'Marta'",
        "invented_ilvane_profile:011: addressee '' != 'ilvane'",
    ],
    "blind5-live": [
        # a spokesperson's later mention: this gold gives no source_actor; since session 13 the
        # person still speaks for the actor (rounds 3 and 20-26 annotate it so)
        "invented_sennet_live:013: source_actor 'pell' != ''",
    ],
    "blind6-interview": [
        # a spokesperson's later mention: this gold gives no source_actor; since session 13 the
        # person still speaks for the actor (rounds 3 and 20-26 annotate it so)
        "invented_serin_interview:013: source_actor 'valensky' != ''",
        "invented_serin_interview:014: source_actor 'valensky' != ''",
    ],
}


@pytest.mark.parametrize(
    "folder",
    [
        INVENTED_DIR,
        INVENTED_DIR / "heldout",
        *(BLIND_DIR / b for b in BLIND),
        *(BLIND3_DIR / b for b in BLIND3),
        *(BLIND4_DIR / b for b in BLIND4),
        *(BLIND5_DIR / b for b in BLIND5),
        *(BLIND6_DIR / b for b in BLIND6),
        *(BLIND7_DIR / b for b in BLIND7),
        *(BLIND9_DIR / b for b in BLIND9),
        *(BLIND10_DIR / b for b in BLIND10),
        *(BLIND11_DIR / b for b in BLIND11),
    ],
    ids=[
        "invented",
        "heldout",
        *(f"blind-{b}" for b in BLIND),
        *(f"blind3-{b}" for b in BLIND3),
        *(f"blind4-{b}" for b in BLIND4),
        *(f"blind5-{b}" for b in BLIND5),
        *(f"blind6-{b}" for b in BLIND6),
        *(f"blind7-{b}" for b in BLIND7),
        *(f"blind9-{b}" for b in BLIND9),
        *(f"blind10-{b}" for b in BLIND10),
        *(f"blind11-{b}" for b in BLIND11),
    ],
)
def test_invented_articles_match_gold(request: pytest.FixtureRequest, folder: Path) -> None:
    (raw,) = sorted((folder / "raw").glob("*.txt"))
    article = _article(raw.read_text(encoding="utf-8"), raw.stem)
    statements, _ = _run(article, attribution.load_actors(folder / "actors.yml"))
    gold = load_gold(folder / "gold_statements.csv", article)
    metrics = score(statements, gold)
    print(f"{raw.stem} gold metrics:", metrics)
    gaps = KNOWN_GAPS.get(request.node.callspec.id, [])
    if not gaps:
        assert metrics["precision"] == 1.0 and metrics["recall"] == 1.0
    assert _compare_rows(statements, gold) == gaps


def test_invented_article_with_default_actors_has_no_actor_speakers(
    invented_article: Article,
) -> None:
    statements, mentions = _run(invented_article, attribution.load_actors())
    assert mentions == []
    assert not {s.speaker for s in statements} & {"macron", "putin"}


def test_score_detects_errors(seed_article: Article) -> None:
    statements, _ = _run(seed_article, attribution.load_actors())
    gold = load_gold(TESTS / "gold" / "seed_statements.csv", seed_article)
    wrong = gold.copy()
    wrong.loc[2, "speaker"] = "putin"
    wrong.loc[7, "quote_type"] = "indirect"
    metrics = score(statements, wrong)
    assert metrics["speaker_accuracy"] < 1.0
    assert metrics["recall"] < 1.0


# --- the grammar of reporting ----------------------------------------------------------------

CASES = [
    # (body paragraph, speaker, source, addressee, quote_type)
    ('"We will win," said Ana Lee.', "lee", "", "", "direct"),
    ('Ana Lee said: "We will win."', "lee", "", "", "direct"),
    ("\u201cWe will win,\u201d the Kestrian leader said on Sunday.", "lee", "", "", "direct"),
    (
        "Lee\u2019s office said that she would travel to Rome.",
        "lee",
        "Lee\u2019s office",
        "",
        "indirect",
    ),
    (
        "The chancellery of Kestria said Lee would travel.",
        "lee",
        "The chancellery of Kestria",
        "",
        "indirect",
    ),
    (
        "A spokesman for Lee said the trip was cancelled.",
        "A spokesman for Lee",
        "A spokesman for Lee",
        "",
        "indirect",
    ),
    (
        "John Smith, an analyst at Example Bank, said the plan would fail.",
        "John Smith",
        "an analyst at Example Bank",
        "",
        "indirect",
    ),
    (
        "Economy Ministry spokesman Karl Berg said prices would rise.",
        "Karl Berg",
        "Economy Ministry spokesman",
        "",
        "indirect",
    ),
    (
        "The ministry said Lee told Omar that the talks were over.",
        "lee",
        "The ministry",
        "omar",
        "indirect",
    ),
    ("Lee on Friday urged President Omar to resign.", "lee", "", "omar", "indirect"),
    ("Lee asked the Dalmar president to call back.", "lee", "", "omar", "indirect"),
    ('"Calm down," Omar told Lee.', "omar", "", "lee", "direct"),
    (
        'Lee also "called for calm," the Dalmar presidency said.',
        "lee",
        "the Dalmar presidency",
        "",
        "mixed",
    ),
    ("Omar denied that he had lied.", "omar", "", "", "indirect"),
    ("Officials said the border would reopen.", "Officials", "", "", "indirect"),
    ("Kestria: Omar warned Lee of reprisals", "omar", "", "lee", "indirect"),
    (
        "According to the Dalmar presidency, the border will reopen.",
        "omar",
        "the Dalmar presidency",
        "",
        "indirect",
    ),
    (
        "Omar, the statement said, also urged Lee to resign.",
        "omar",
        "the statement",
        "lee",
        "indirect",
    ),
    (
        "Karl Berg, who was briefed by Lee, said the plan had failed.",
        "Karl Berg",
        "",
        "",
        "indirect",
    ),
    (
        '"No deal," Omar said on Friday in a televised address, "is better than a bad deal."',
        "omar",
        "",
        "",
        "direct",
    ),
    (
        '"It is over," said Karl Berg, the ministry spokesman.',
        "Karl Berg",
        "the ministry spokesman",
        "",
        "direct",
    ),
    ("The Dalmar presidency did not respond to a request for comment.", "", "", "", "narration"),
    ("Lee was told that the talks were over.", "", "", "", "narration"),
    ("The state of the economy worried Lee.", "", "", "", "narration"),
    ("The report was published on Monday.", "", "", "", "narration"),
    ("\u201cPeace Plan\u201d talks stalled on Monday.", "", "", "", "narration"),
    ("The so-called \u201cpeace plan\u201d collapsed in May.", "", "", "", "narration"),
    ("Omar met Lee in Geneva, where both called the talks useful.", "", "", "", "narration"),
]


def _check_quote_text(st: Statement, art: Article) -> None:
    """quote_text is the span quote_start…quote_end, or its quoted parts joined by " … "."""
    extent = art.text[st.quote_start : st.quote_end]
    if attribution.SPLIT_QUOTE_JOINER in st.quote_text and st.quote_text != extent:
        parts = st.quote_text.split(attribution.SPLIT_QUOTE_JOINER)
        assert extent.startswith(parts[0]) and extent.endswith(parts[-1])
        pos = 0
        for part in parts:
            pos = extent.index(part, pos) + len(part)
    else:
        assert st.quote_text == extent


def test_headline_country_prefix_is_source(test_actors: attribution.Actors) -> None:
    art = _article("Kestria: Omar warned Lee of reprisals\n\nBody text here.\n")
    st = _run(art, test_actors)[0][0]
    assert (st.speaker, st.source, st.source_actor, st.section) == (
        "omar",
        "Kestria",
        "lee",
        "headline",
    )


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Lee: \u2018We will not give up\u2019", ("lee", "", "", "direct")),
        ("Kestria: Omar warned Lee of reprisals", ("omar", "Kestria", "lee", "indirect")),
        (
            "Dalmar presidency says talks \u2018useful\u2019",
            ("omar", "Dalmar presidency", "", "mixed"),
        ),
        ("Live updates: markets fall", ("", "", "", "narration")),
        ("Omar says Lee \u2018misled\u2019 voters", ("omar", "", "", "mixed")),
    ],
)
def test_headline_conventions(test_actors: attribution.Actors, headline: str, expected) -> None:
    st = _run(_article(headline + "\n\nBody text here.\n"), test_actors)[0][0]
    assert (st.speaker, st.source, st.addressee, st.quote_type) == expected, st.rule


def test_pronouns_quote_continuation_and_split_quote(test_actors: attribution.Actors) -> None:
    text = (
        "Headline\n\n"
        "Chancellor Lee met President Omar on Monday.\n\n"
        "\u201cWe agreed on a lot,\u201d she said, \u201cbut not on everything.\u201d "
        "\u201cThe next round is in May.\u201d\n\n"
        "He said he was disappointed.\n"
    )
    statements, mentions = _run(_article(text), test_actors)
    body = [s for s in statements if s.section == "body"]
    assert [(s.speaker, s.quote_type) for s in body] == [
        ("", "narration"),
        ("lee", "direct"),
        ("lee", "direct"),
        ("omar", "indirect"),
    ]
    assert body[1].quote_text.startswith("We agreed") and body[1].quote_text.endswith("everything")
    kinds = {(m.actor, m.kind, m.text) for m in mentions}
    assert ("lee", "pronoun", "she") in kinds and ("omar", "pronoun", "He") in kinds


def test_other_speaker_blocks_pronoun(test_actors: attribution.Actors) -> None:
    text = (
        "Headline\n\nChancellor Lee spoke first. Lena Brandt, a spokeswoman, said she was tired.\n"
    )
    statements, mentions = _run(_article(text), test_actors)
    assert statements[-1].speaker == "Lena Brandt"
    assert statements[-1].speaker_type == "other"
    assert [m.text for m in mentions] == ["Chancellor Lee"]


def test_multi_paragraph_quote_is_one_statement(test_actors: attribution.Actors) -> None:
    text = (
        "Headline\n\n"
        "Omar spoke to the nation.\n\n"
        "\u201cWe are ready,\u201d Omar said. \u201cThe army is ready. The people are ready.\n\n"
        "\u201cAnd we will not wait.\u201d\n\n"
        "Markets fell.\n"
    )
    statements, _ = _run(_article(text), test_actors)
    body = [s for s in statements if s.section == "body"]
    assert [(s.speaker, s.quote_type) for s in body] == [
        ("", "narration"),
        ("omar", "direct"),
        ("omar", "direct"),
        ("", "narration"),
    ]
    assert body[2].text.startswith("\u201cThe army") and body[2].text.endswith("wait.\u201d")


# --- accounting, captions, records ---------------------------------------------------------


def test_every_sentence_accounted_once(
    seed_article: Article, invented_article: Article, invented_actors: attribution.Actors
) -> None:
    for art, actors in (
        (seed_article, attribution.load_actors()),
        (invented_article, invented_actors),
    ):
        sentences = segment.segment_article(art)
        statements, mentions = attribution.attribute(art, sentences, actors)
        covered = [
            [s.index for s in sentences if st.char_start <= s.start and s.end <= st.char_end]
            for st in statements
        ]
        flat = [i for c in covered for i in c]
        assert sorted(flat) == [s.index for s in sentences]
        ids = [st.statement_id for st in statements]
        assert ids == [f"{art.article_id}:{n:03d}" for n in range(len(statements))]
        for st in statements:
            for cap in (*art.captions, *art.boilerplate):
                assert st.char_end <= cap.start or st.char_start >= cap.end
            assert st.quote_start >= st.char_start and st.quote_end <= st.char_end
        for m in mentions:
            assert art.text[m.start : m.end] == m.text
            assert not any(c.start <= m.start < c.end for c in art.captions)


def test_seed_mentions(seed_article: Article) -> None:
    _, mentions = _run(seed_article, attribution.load_actors())
    got = {(m.actor, m.kind, m.text, m.in_quote) for m in mentions}
    assert ("macron", "possessive", "the French leader\u2019s office", False) in got
    assert ("macron", "possessive", "Macron\u2019s office", False) in got
    assert ("macron", "organization", "the Elysee", False) in got
    assert ("macron", "pronoun", "he", False) in got
    assert ("putin", "name", "President Putin", True) in got
    assert ("putin", "pronoun", "his", True) in got
    assert ("putin", "organization", "The Kremlin", False) in got


def test_statements_frame_and_evidence(seed_article: Article) -> None:
    statements, _ = _run(seed_article, attribution.load_actors())
    df = attribution.statements_frame(statements)
    assert df.columns.tolist()[:12] == attribution.CONTRACT_COLUMNS
    assert len(df) == len(statements)
    ev = attribution.evidence_view(seed_article, statements)
    assert ev.plain.iloc[4] == (
        "[[\u201c{{President Putin confirmed his willingness to make commitments on these three "
        "points}},\u201d the statement said.]]"
    )
    assert '<mark class="mf-quote">' in ev.html.iloc[4]
    assert ev.plain.iloc[7].startswith("[[The call") and "{{" not in ev.plain.iloc[7]


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([(0, 5, "statement")], "[[a<b>]] c"),
        ([(0, 9, "statement"), (2, 5, "quote")], "[[a {{<b>}} c]]"),
        ([], "a <b> c"),
    ],
)
def test_highlight_plain(spans, expected) -> None:
    assert attribution.highlight("a <b> c", 0, spans) == expected.replace("a<b>", "a <b>")


def test_highlight_html_escapes() -> None:
    out = attribution.highlight("a <b> c", 10, [(12, 15, "quote")], fmt="html")
    assert out == 'a <mark class="mf-quote">&lt;b&gt;</mark> c'


# --- actors files ----------------------------------------------------------------------------


def test_default_actors_cover_descriptions() -> None:
    actors = attribution.load_actors()
    assert actors.ids == ["macron", "putin"]
    art = _article(
        "H\n\nThe \u00c9lys\u00e9e and the French presidency spoke; the Kremlin replied.\n"
    )
    _, mentions = _run(art, actors)
    assert [(m.actor, m.kind) for m in mentions] == [
        ("macron", "organization"),
        ("macron", "organization"),
        ("putin", "organization"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("actors: [", "not valid YAML"),
        ("people: {}", "expected a mapping 'actors:'"),
        ("actors:\n  x:\n    aliases: [X]\n", "needs a 'name'"),
        ('actors:\n  x:\n    name: ""\n', "'name' is empty"),
        ('actors:\n  x:\n    name: "  "\n', "'name' is empty"),
        ("actors:\n  X Y:\n    name: X\n", "ids must be"),
        ("actors:\n  x:\n    name: X\n    gender: robot\n", "gender must be"),
        ("actors:\n  x:\n    name: X\n    aliases: 3\n", "expected a string or a list"),
    ],
)
def test_bad_actors_file_names_file_and_reason(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad_actors.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        attribution.load_actors(path)
    assert "bad_actors.yml" in str(info.value)


def test_missing_actors_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nope.yml"):
        attribution.load_actors(tmp_path / "nope.yml")


@pytest.mark.parametrize(
    ("line", "forms"),
    [
        ("say/said ; that", {"say", "says", "said"}),
        ("call on ; obj_to", {"call on", "calls on", "called on"}),
        ("deny ; that", {"deny", "denies", "denied"}),
        ("stress ; that", {"stress", "stresses", "stressed"}),
        ("note ; that ; past", {"noted"}),
        ("according to ; acc", {"according to"}),
    ],
)
def test_verb_lexicon_inflection(line: str, forms: set[str]) -> None:
    assert set(attribution.parse_verb_lexicon(line)) == forms


def test_verb_lexicon_bad_line() -> None:
    with pytest.raises(ValueError, match="verbs.txt:2"):
        attribution.parse_verb_lexicon("say ; that\nshout ; loudly", "verbs.txt")


def test_no_actor_names_in_code() -> None:
    """Nothing about the default actors is hard-coded outside docstrings and comments."""
    banned = ("macron", "putin", "kremlin", "elysee", "france", "russia")
    for module in ("attribution.py", "segment.py"):
        tree = ast.parse((paths.PACKAGE_DIR / module).read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) not in docstrings:
                    assert not any(b in node.value.lower() for b in banned), node.value
            if isinstance(node, ast.Name):
                assert not any(b in node.id.lower() for b in banned)


@pytest.mark.parametrize("module", [attribution, segment])
def test_docstring_examples(module) -> None:
    import doctest

    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_titles_and_demonym_derive_aliases() -> None:
    actors = attribution.actors_from_mapping(
        {
            "actors": {
                "scholz": {"name": "Olaf Scholz", "titles": ["Chancellor"], "demonym": "German"}
            }
        }
    )
    art = _article(
        "H\n\nThe German chancellor said talks would go on. "
        "Chancellor Scholz told reporters he was hopeful.\n"
    )
    statements, mentions = _run(art, actors)
    assert [s.speaker for s in statements[1:]] == ["scholz", "scholz"]
    # no gender or pronouns in the file: "he" is not linked to the actor
    assert [m.text for m in mentions] == ["The German chancellor", "Chancellor Scholz"]


# --- rules added after the blind evaluation (tests/fixtures/invented/blind/README.md) ---------

JOINT_CASES = [
    # (paragraphs, speaker, speaker_type, source, source_actor, addressee, quote_type)
    ("Lee and Omar said the talks had failed.", "lee+omar", "joint", "", "", "", "indirect"),
    (
        "Chancellor Lee and President Omar said in a joint statement that the border would reopen.",
        "lee+omar",
        "joint",
        "",
        "",
        "",
        "indirect",
    ),
    (
        "Ana Lee of Kestria and Yusuf Omar of Dalmar said they would meet again.",
        "lee+omar",
        "joint",
        "",
        "",
        "",
        "indirect",
    ),
    (
        "Lee met Omar in Rome. Both leaders said the talks were useful.",
        "lee+omar",
        "joint",
        "",
        "",
        "",
        "indirect",
    ),
    (
        "Lee met Omar in Rome.\n\nThe two leaders said the talks were useful.",
        "lee+omar",
        "joint",
        "",
        "",
        "",
        "indirect",
    ),
    (
        "Lee and Omar met in Rome.\n\nThey said the talks were useful.",
        "lee+omar",
        "joint",
        "",
        "",
        "",
        "indirect",
    ),
    (
        "Lee and Omar met in Rome.\n\nThe border will reopen, according to a joint statement "
        "released on Monday.",
        "lee+omar",
        "joint",
        "a joint statement",
        "lee+omar",
        "",
        "indirect",
    ),
    # "they" with no group of actors before it stays an unresolved pronoun, never an actor
    (
        "Officials met in Rome.\n\nThey said the talks were useful.",
        "They",
        "other",
        "",
        "",
        "",
        "indirect",
    ),
    # a single actor plus a non-actor is no joint statement of actors
    ("Lee said the talks had failed.", "lee", "actor", "", "", "", "indirect"),
]


@pytest.mark.parametrize(
    ("paragraphs", "speaker", "stype", "source", "source_actor", "addressee", "qtype"),
    JOINT_CASES,
)
def test_joint_speakers(
    test_actors: attribution.Actors,
    paragraphs: str,
    speaker: str,
    stype: str,
    source: str,
    source_actor: str,
    addressee: str,
    qtype: str,
) -> None:
    st = _run(_article("A headline\n\n" + paragraphs + "\n"), test_actors)[0][-1]
    got = (st.speaker, st.speaker_type, st.source, st.source_actor, st.addressee, st.quote_type)
    assert got == (speaker, stype, source, source_actor, addressee, qtype), st.rule


@pytest.mark.parametrize(
    ("value", "members"),
    [
        ("lee+omar", ["lee", "omar"]),
        ("lee", ["lee"]),
        ("", []),
        ("Karl Berg", ["Karl Berg"]),
        ("Smith + Sons", ["Smith + Sons"]),
    ],
)
def test_speakers_of(value: str, members: list[str]) -> None:
    assert attribution.speakers_of(value) == members
    if len(members) > 1:
        assert attribution.joint_id(reversed(members)) == value


GRAMMAR_CASES_2 = [
    # (paragraph, speaker, source, addressee, quote_type)
    (
        "A readout from the Dalmar presidency said the call had lasted an hour.",
        "omar",
        "A readout from the Dalmar presidency",
        "",
        "indirect",
    ),
    ('Lee, for her part, has called the plan "reckless."', "lee", "", "", "mixed"),
    ("Karl Berg told the BBC the plan had failed.", "Karl Berg", "", "the BBC", "indirect"),
    ("Karl Berg told reporters the plan had failed.", "Karl Berg", "", "", "indirect"),
    (
        "Opposition leader Karl Berg said the plan had failed.",
        "Karl Berg",
        "Opposition leader",
        "",
        "indirect",
    ),
    (
        "The Northern Institute said in a report that the plan had failed.",
        "The Northern Institute",
        "",
        "",
        "indirect",
    ),
    (
        "The border will reopen, according to a statement issued by the Dalmar presidency.",
        "omar",
        "a statement issued by the Dalmar presidency",
        "",
        "indirect",
    ),
    (
        '"Who pays?" asked Karl Berg, an analyst at Example Bank. "Nobody knows."',
        "Karl Berg",
        "an analyst at Example Bank",
        "",
        "direct",
    ),
]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "source", "addressee", "qtype"), CASES + GRAMMAR_CASES_2
)
def test_reporting_grammar(
    test_actors: attribution.Actors,
    paragraph: str,
    speaker: str,
    source: str,
    addressee: str,
    qtype: str,
) -> None:
    """The first body statement of a one-paragraph article (the headline is statement 0)."""
    art = _article("A headline\n\n" + paragraph + "\n")
    statements, _ = _run(art, test_actors)
    st = statements[1]
    got = (st.speaker, st.source, st.addressee, st.quote_type)
    assert got == (speaker, source, addressee, qtype), st.rule
    assert st.text == art.text[st.char_start : st.char_end]
    _check_quote_text(st, art)


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Analysis: Lee faces a hard winter", ("", "", "narration")),
        ("Live: markets fall as talks stall", ("", "", "narration")),
        ("Lee and Omar vow \u2018unbroken\u2019 support", ("lee+omar", "", "mixed")),
        ("Omar pledges to reopen the border", ("omar", "", "indirect")),
        ("Omar says talks \u2018useful\u2019 as Lee warns of delays", ("omar", "", "mixed")),
        ("Kestria: Omar warned Lee of reprisals", ("omar", "Kestria", "indirect")),
    ],
)
def test_headline_rules_blind(test_actors: attribution.Actors, headline: str, expected) -> None:
    body = "Berg wrote that Berg was ready. Lee left.\n"
    st = _run(_article(headline + "\n\n" + body), test_actors)[0][0]
    assert (st.speaker, st.source, st.quote_type) == expected, st.rule


def test_one_word_colon_prefix_that_is_a_name_stays_a_source(
    test_actors: attribution.Actors,
) -> None:
    art = _article("Berg: \u2018We will not give up\u2019\n\nThe economist Berg spoke on Monday.\n")
    st = _run(art, test_actors)[0][0]
    assert (st.speaker, st.quote_type) == ("Berg", "direct"), st.rule


@pytest.mark.parametrize(
    ("paragraph", "quote_text"),
    [
        (
            '"No deal," Omar said, "is better than a bad deal."',
            "No deal \u2026 is better than a bad deal",
        ),
        (
            "\u201cWe agreed on a lot,\u201d she said, \u201cbut not on everything.\u201d",
            "We agreed on a lot \u2026 but not on everything",
        ),
        ('"We are ready," Omar said.', "We are ready"),
        (
            '"We are ready," Omar said, adding that "the army" was waiting.',
            "We are ready",
        ),
    ],
)
def test_split_quote_text(test_actors: attribution.Actors, paragraph: str, quote_text: str) -> None:
    art = _article("A headline\n\nChancellor Lee spoke. " + paragraph + "\n")
    st = _run(art, test_actors)[0][-1]
    assert st.quote_type == "direct"
    assert st.quote_text == quote_text
    first = quote_text.split(attribution.SPLIT_QUOTE_JOINER)[0]
    last = quote_text.split(attribution.SPLIT_QUOTE_JOINER)[-1]
    assert art.text[st.quote_start :].startswith(first)
    assert art.text[: st.quote_end].endswith(last)
    _check_quote_text(st, art)


UK_CASES = [
    # (paragraph after "Chancellor Lee spoke on Monday.", speaker, quote_type, quote_text)
    (
        "\u2018We don\u2019t agree on everything,\u2019 she said.",
        "lee",
        "direct",
        "We don\u2019t agree on everything",
    ),
    ("'It's over,' Omar said.", "omar", "direct", "It's over"),
    (
        "\u2018Omar\u2019s plan won\u2019t work,\u2019 Lee told reporters.",
        "lee",
        "direct",
        "Omar\u2019s plan won\u2019t work",
    ),
    (
        "Lee said she was \u2018confident\u2019 of a deal.",
        "lee",
        "mixed",
        "she was \u2018confident\u2019 of a deal",
    ),
    (
        "It\u2019s the first visit since the \u201990s, Lee\u2019s office said.",
        "lee",
        "indirect",
        "It\u2019s the first visit since the \u201990s",
    ),
    ("Prices rose in the \u201990s and it\u2019s still a worry.", "", "narration", ""),
]


@pytest.mark.parametrize(("paragraph", "speaker", "qtype", "quote_text"), UK_CASES)
def test_uk_single_quotes_and_apostrophes(
    test_actors: attribution.Actors, paragraph: str, speaker: str, qtype: str, quote_text: str
) -> None:
    text = (
        "A headline\n\nChancellor Lee spoke on Monday. \u2018We will see,\u2019 she said.\n\n"
        + paragraph
        + "\n"
    )
    art = _article(text)
    st = _run(art, test_actors)[0][-1]
    assert (st.speaker, st.quote_type, st.quote_text) == (speaker, qtype, quote_text), st.rule


def test_single_quotes_in_double_quote_articles_stay_mixed(test_actors: attribution.Actors) -> None:
    text = (
        'A headline\n\n"We will see," Lee said.\n\n"It is late," Omar said.\n\n'
        "Omar called the plan \u2018reckless\u2019.\n"
    )
    st = _run(_article(text), test_actors)[0][-1]
    assert (st.speaker, st.quote_type) == ("omar", "mixed"), st.rule


#: Held-out articles (tests/fixtures/invented/blind8/README.md) and their single run on the
#: rules of 321715d: (precision, recall, speaker accuracy) as (matched, total) pairs. Not to be
#: fixed against; a change may only keep or raise them.
HELD_OUT = {
    # (session 20: 9 of 10 speakers. The annotator keeps "The statistics office told …" as
    # written after "the Quenish Statistics Office" was named; the gold of blind rounds 15 and
    # 46 resolves such a description to the body's name, as "the office" has been resolved since
    # session 12. The conventions conflict; the rule follows the majority and loses this row.)
    "factcheck": ((10, 11), (10, 10), (9, 10)),
    "timeline": ((9, 9), (9, 10), (9, 9)),
    "business": ((13, 13), (13, 13), (13, 13)),
    # (session 19: 12 of 12 speakers, by the rule that a narration's named subject is a
    # candidate for a later "he", written for blind round 41)
    "obituary": ((12, 12), (12, 12), (12, 12)),
}


#: Blind rounds measured and not fully fixed (tests/fixtures/invented/blind12/README.md,
#: blind13/README.md, blind14/README.md): (matched, predicted), (matched, gold), (right
#: speakers, matched) per article. A change may raise these (then raise the floors), never
#: lower them.
OPEN_ROUNDS = {
    ("blind12", "briefing"): ((18, 18), (18, 18), (18, 18)),
    ("blind12", "profile"): ((14, 14), (14, 14), (14, 14)),
    ("blind12", "energy"): ((22, 22), (22, 22), (22, 22)),
    ("blind12", "hostage"): ((20, 20), (20, 20), (19, 20)),
    ("blind13", "ratedecision"): ((22, 22), (22, 23), (22, 22)),
    ("blind13", "frontline"): ((24, 24), (24, 25), (20, 24)),
    ("blind13", "jointpresser"): ((25, 25), (25, 25), (20, 25)),
    ("blind13", "strike"): ((22, 22), (22, 22), (20, 22)),
    ("blind14", "council"): ((25, 25), (26, 27), (24, 26)),
    ("blind14", "recall"): ((26, 26), (26, 27), (26, 26)),
    ("blind14", "debate"): ((22, 22), (22, 26), (21, 22)),
    ("blind14", "climate"): ((21, 21), (22, 22), (21, 21)),
    ("blind15", "parliament"): ((21, 21), (21, 22), (19, 21)),
    ("blind15", "tributes"): ((18, 18), (18, 19), (16, 18)),
    ("blind15", "trade"): ((21, 21), (21, 21), (19, 21)),
    ("blind15", "liveblog"): ((19, 19), (19, 19), (19, 19)),
    ("blind16", "sentencing"): ((21, 21), (21, 22), (20, 21)),
    ("blind16", "presser"): ((23, 23), (23, 25), (23, 23)),
    ("blind16", "merger"): ((21, 21), (22, 22), (21, 21)),
    ("blind16", "rights"): ((22, 22), (23, 23), (22, 23)),
    ("blind17", "hurricane"): ((26, 26), (26, 26), (26, 26)),
    ("blind17", "ceasefire"): ((23, 23), (23, 23), (23, 23)),
    ("blind17", "scandal"): ((22, 22), (22, 22), (20, 22)),
    ("blind17", "profile"): ((23, 24), (24, 24), (23, 24)),  # (unnamed spokesman: see README)
    ("blind18", "summit"): ((17, 17), (17, 17), (16, 17)),
    ("blind18", "factory"): ((21, 21), (21, 21), (20, 21)),
    ("blind18", "election"): ((22, 22), (23, 23), (22, 22)),
    ("blind18", "pandemic"): ((24, 24), (24, 24), (23, 24)),
    ("blind19", "sabrevia_coup"): ((26, 26), (27, 27), (26, 26)),
    ("blind19", "veska_interview"): ((22, 22), (23, 23), (22, 22)),
    ("blind19", "expulsions"): ((24, 24), (24, 24), (23, 24)),
    ("blind19", "metro_strike"): ((25, 25), (25, 25), (24, 25)),
    ("blind20", "call_readouts"): ((29, 29), (30, 30), (28, 30)),
    ("blind20", "assembly_debate"): ((27, 27), (28, 28), (25, 28)),
    ("blind20", "frontline_visit"): ((25, 25), (25, 25), (25, 25)),
    ("blind20", "leaked_tape"): ((27, 27), (27, 27), (27, 27)),
    ("blind21", "interpreter_presser"): ((25, 25), (25, 25), (25, 25)),
    ("blind21", "iskar_live"): ((30, 30), (30, 31), (29, 31)),
    ("blind21", "tarn_analysis"): ((26, 26), (26, 28), (26, 26)),
    ("blind21", "unnamed_sources"): ((23, 23), (23, 24), (22, 23)),
    ("blind22", "committee_hearing"): ((26, 26), (26, 26), (22, 26)),
    ("blind22", "morning_ledger"): ((19, 19), (21, 21), (19, 21)),
    ("blind22", "talk_show"): ((24, 24), (24, 25), (24, 24)),
    ("blind22", "tanker_relay"): ((28, 28), (28, 28), (26, 28)),
    ("blind23", "anniversary"): ((30, 30), (32, 32), (28, 32)),
    # ('"Did she say that?" Remmik asked the witness.' is one statement now; split in two, both
    # halves had matched the one gold row, which counted twice for precision)
    ("blind23", "court_testimony"): ((29, 30), (29, 31), (27, 29)),
    ("blind23", "poll_story"): ((32, 32), (32, 32), (29, 32)),
    ("blind23", "pool_report"): ((21, 23), (22, 22), (19, 22)),
    ("blind24", "memoir_excerpts"): ((24, 24), (25, 25), (23, 25)),
    ("blind24", "open_letters"): ((27, 27), (27, 27), (27, 27)),
    # (session 19: "Alders then read out a text message … She laughed, and said …" goes to
    # the presenter, the narration's subject; the annotator read the prime minister)
    ("blind24", "radio_phonein"): ((23, 24), (23, 24), (20, 23)),
    ("blind24", "state_banquet"): ((20, 20), (22, 22), (20, 22)),
    ("blind25", "correction_appended"): ((20, 20), (20, 22), (19, 21)),
    ("blind25", "documentary_review"): ((17, 18), (17, 17), (14, 17)),
    ("blind25", "leaked_chat"): ((22, 22), (22, 23), (18, 22)),
    ("blind25", "translation_dispute"): ((26, 27), (26, 27), (24, 26)),
    ("blind26", "no_confidence_vote"): ((28, 28), (28, 28), (26, 28)),
    ("blind26", "parade_speech"): ((20, 22), (20, 20), (19, 20)),
    ("blind26", "reader_qa"): ((28, 28), (28, 28), (26, 28)),
    ("blind26", "wire_credits"): ((23, 23), (23, 23), (22, 23)),
    ("blind27", "broadcast_interview"): ((25, 26), (25, 25), (25, 25)),
    ("blind27", "call_accounts"): ((22, 22), (23, 23), (20, 23)),
    ("blind27", "joint_presser"): ((27, 29), (27, 28), (27, 27)),
    ("blind27", "shared_surname"): ((20, 20), (24, 24), (21, 24)),  # (a quote over 3 rows)
    ("blind28", "breaking_updates"): ((23, 23), (24, 24), (23, 24)),
    ("blind28", "budget_feud"): ((30, 30), (30, 32), (29, 31)),
    ("blind28", "crisis_weekend"): ((28, 28), (28, 31), (27, 28)),
    ("blind28", "reactions_roundup"): ((28, 28), (29, 29), (29, 29)),
    ("blind29", "brackets"): ((22, 23), (22, 25), (21, 22)),
    ("blind29", "epithets"): ((23, 23), (23, 24), (21, 23)),
    ("blind29", "sources_exclusive"): ((23, 24), (23, 24), (21, 23)),
    ("blind29", "three_leaders"): ((23, 23), (23, 23), (22, 23)),
    ("blind30", "analysis_box"): ((21, 22), (22, 23), (21, 22)),
    ("blind30", "documents"): ((21, 22), (21, 23), (19, 21)),
    ("blind30", "translated_dispatch"): ((19, 20), (19, 20), (18, 19)),
    ("blind30", "us_wire"): ((22, 23), (23, 24), (22, 23)),
    ("blind31", "committee_hearing"): ((25, 25), (26, 27), (24, 26)),
    ("blind31", "explainer_qa"): ((25, 27), (25, 26), (21, 25)),
    ("blind31", "factory_visit"): ((25, 25), (26, 27), (24, 26)),
    ("blind31", "prisoner_release"): ((34, 34), (34, 36), (33, 34)),
    ("blind32", "court_ruling"): ((24, 24), (24, 24), (22, 24)),
    ("blind32", "flood_response"): ((24, 24), (25, 27), (24, 24)),
    ("blind32", "leaked_memo"): ((23, 24), (23, 25), (17, 24)),
    ("blind32", "match_ban"): ((29, 29), (30, 30), (28, 30)),
    ("blind33", "commons_clash"): ((30, 30), (30, 30), (29, 30)),
    ("blind33", "obituary_tributes"): ((19, 20), (19, 20), (19, 19)),
    ("blind33", "summit_qa"): ((22, 22), (22, 23), (22, 22)),
    ("blind33", "tariff_posts"): ((21, 21), (23, 23), (21, 23)),
    ("blind34", "earnings_call"): ((25, 26), (25, 25), (25, 25)),
    ("blind34", "kerevo_stadium"): ((24, 24), (24, 25), (24, 24)),
    ("blind34", "post_row"): ((18, 19), (18, 19), (15, 18)),
    ("blind34", "villa_serrat"): ((22, 22), (22, 23), (22, 22)),
    ("blind35", "climate_plenary"): ((19, 19), (20, 20), (17, 20)),
    ("blind35", "defamation_verdict"): ((24, 24), (26, 26), (23, 26)),
    ("blind35", "election_reactions"): ((22, 22), (23, 24), (22, 23)),
    ("blind35", "finance_interview"): ((26, 26), (43, 44), (37, 43)),
    ("blind36", "council_baths"): ((21, 21), (21, 22), (21, 21)),
    ("blind36", "debate_night"): ((22, 23), (22, 26), (19, 22)),
    ("blind36", "prisoner_swap"): ((23, 23), (23, 23), (20, 23)),
    ("blind36", "screening_panel"): ((26, 26), (26, 27), (24, 26)),
    ("blind37", "kessel_fire"): ((21, 21), (21, 21), (21, 21)),
    ("blind37", "orlik_profile"): ((25, 25), (26, 27), (24, 26)),
    ("blind37", "rate_hold"): ((29, 29), (29, 29), (29, 29)),
    ("blind37", "tariff_talks"): ((20, 20), (20, 22), (19, 20)),
    ("blind38", "karven_interview"): ((29, 30), (29, 29), (28, 29)),
    ("blind38", "nurses_strike"): ((30, 30), (30, 30), (25, 30)),
    ("blind38", "orbel_funeral"): ((19, 19), (20, 23), (18, 20)),
    ("blind38", "orsa_council"): ((19, 19), (19, 20), (15, 19)),
    ("blind39", "election_night"): ((23, 23), (25, 26), (24, 25)),
    ("blind39", "heliana_crash"): ((30, 30), (30, 30), (29, 30)),
    ("blind39", "new_year_address"): ((28, 28), (28, 28), (27, 28)),
    ("blind39", "qualifier_defeat"): ((24, 24), (24, 25), (23, 24)),
    ("blind40", "drava_ridge"): ((23, 23), (23, 25), (23, 23)),
    ("blind40", "kestrow_rents"): ((29, 29), (29, 31), (29, 29)),
    ("blind40", "ostrune_blast"): ((28, 28), (28, 30), (27, 28)),
    ("blind40", "signal_hearing"): ((25, 25), (25, 25), (24, 25)),
    ("blind41", "brennick"): ((29, 29), (29, 30), (28, 29)),
    ("blind41", "rights_dispute"): ((26, 26), (27, 27), (26, 27)),
    ("blind41", "summit_communique"): ((30, 31), (30, 30), (30, 30)),
    ("blind41", "voronet"): ((24, 24), (24, 24), (23, 24)),
    ("blind42", "climate_walkout"): ((26, 26), (26, 28), (26, 26)),
    ("blind42", "extradition_hearing"): ((25, 26), (25, 25), (25, 25)),
    ("blind42", "speech_analysis"): ((21, 21), (21, 21), (20, 21)),
    ("blind42", "storm_liveblog"): ((28, 28), (28, 30), (22, 28)),
    ("blind43", "anniversary"): ((20, 20), (20, 20), (19, 20)),
    ("blind43", "assembly_walkout"): ((23, 23), (23, 23), (23, 23)),
    ("blind43", "cup_final"): ((22, 22), (22, 22), (22, 22)),
    ("blind43", "platform_fine"): ((22, 23), (22, 22), (22, 22)),
    ("blind44", "budget_day"): ((28, 28), (28, 29), (27, 28)),
    ("blind44", "fence_row"): ((18, 18), (18, 18), (18, 18)),
    ("blind44", "mayor_interview"): ((23, 23), (23, 23), (23, 23)),
    ("blind44", "skerrow_spill"): ((27, 27), (27, 27), (26, 27)),
    ("blind45", "coalition_talks"): ((22, 22), (22, 22), (18, 22)),
    ("blind45", "darwe_family"): ((26, 26), (26, 26), (19, 26)),
    ("blind45", "police_arrest"): ((32, 32), (32, 33), (31, 32)),
    ("blind45", "press_review"): ((23, 23), (23, 23), (17, 23)),
    ("blind46", "factcheck_speech"): ((25, 25), (25, 25), (25, 25)),
    ("blind46", "livestream_feud"): ((26, 26), (26, 26), (25, 26)),
    ("blind46", "market_warning"): ((23, 23), (23, 23), (23, 23)),
    ("blind46", "referendum_quay"): ((24, 25), (24, 25), (23, 24)),
    ("blind47", "mine_rescue"): ((30, 30), (31, 32), (29, 31)),
    ("blind47", "state_visit"): ((17, 18), (17, 18), (16, 17)),
    ("blind47", "vaccine_approval"): ((25, 25), (25, 25), (22, 25)),
    ("blind47", "week_review"): ((22, 23), (23, 23), (21, 23)),
    ("blind48", "campaign_market"): ((30, 30), (31, 33), (30, 31)),
    ("blind48", "economy_panel"): ((23, 23), (23, 25), (23, 23)),
    ("blind48", "leaked_call"): ((31, 31), (31, 31), (29, 31)),
    ("blind48", "protest_ruling"): ((27, 27), (27, 28), (26, 27)),
    ("blind49", "compact_assembly"): ((24, 24), (25, 25), (24, 25)),
    ("blind49", "podcast_interview"): ((27, 27), (27, 27), (26, 27)),
    ("blind49", "quake_condolences"): ((27, 27), (27, 27), (27, 27)),
    ("blind49", "rent_resignation"): ((24, 24), (26, 26), (26, 26)),
    ("blind50", "iveri_transfer"): ((20, 20), (20, 21), (19, 20)),
    ("blind50", "orrin_bridge"): ((26, 27), (27, 27), (27, 27)),
    ("blind50", "pmqs_sketch"): ((19, 19), (19, 20), (19, 19)),
    ("blind50", "vellhaven_summit"): ((24, 24), (24, 24), (24, 24)),
    ("blind51", "christmas_sermon"): ((20, 20), (21, 22), (21, 21)),
    ("blind51", "gas_contract"): ((29, 29), (29, 29), (29, 29)),
    ("blind51", "handshake_snub"): ((25, 25), (25, 25), (25, 25)),
    ("blind51", "prison_letter"): ((20, 22), (20, 21), (16, 20)),
    ("blind52", "kestrel_recall"): ((26, 26), (27, 28), (25, 27)),
    ("blind52", "sanctions_briefing"): ((24, 24), (24, 24), (24, 24)),
    ("blind52", "skarn_launch"): ((24, 24), (24, 24), (23, 24)),
    ("blind52", "sorriva_heat"): ((28, 28), (28, 29), (28, 28)),
    ("blind53", "famine_convoys"): ((29, 30), (30, 30), (28, 30)),
    ("blind53", "general_strike"): ((24, 24), (24, 28), (24, 24)),
    ("blind53", "ministry_hack"): ((28, 28), (28, 28), (26, 28)),
    ("blind53", "queens_speech"): ((23, 23), (23, 29), (23, 23)),
    ("blind54", "doping_marsk"): ((25, 25), (25, 25), (21, 25)),
    ("blind54", "ferry_sinking"): ((25, 26), (25, 25), (24, 25)),
    ("blind54", "peace_prize"): ((22, 22), (22, 25), (22, 22)),
    ("blind54", "tv_interview_sollied"): ((24, 24), (25, 25), (23, 25)),
}


@pytest.mark.parametrize("key", sorted(OPEN_ROUNDS), ids="-".join)
def test_open_rounds_keep_their_scores(key: tuple[str, str]) -> None:
    folder = INVENTED_DIR / key[0] / key[1]
    (raw,) = sorted((folder / "raw").glob("*.txt"))
    article = _article(raw.read_text(encoding="utf-8"), raw.stem)
    statements, _ = _run(article, attribution.load_actors(folder / "actors.yml"))
    metrics = score(statements, load_gold(folder / "gold_statements.csv", article))
    floors = [a / b for a, b in OPEN_ROUNDS[key]]
    got = [metrics["precision"], metrics["recall"], metrics["speaker_accuracy"]]
    assert all(g >= f - 1e-9 for g, f in zip(got, floors, strict=True)), (got, floors)


@pytest.mark.parametrize("name", sorted(HELD_OUT))
def test_held_out_articles_keep_their_scores(name: str) -> None:
    folder = INVENTED_DIR / "blind8" / name
    (raw,) = sorted((folder / "raw").glob("*.txt"))
    article = _article(raw.read_text(encoding="utf-8"), raw.stem)
    statements, _ = _run(article, attribution.load_actors(folder / "actors.yml"))
    metrics = score(statements, load_gold(folder / "gold_statements.csv", article))
    floors = [a / b for a, b in HELD_OUT[name]]
    got = [metrics["precision"], metrics["recall"], metrics["speaker_accuracy"]]
    assert all(g >= f - 1e-9 for g, f in zip(got, floors, strict=True)), (got, floors)


@pytest.mark.parametrize(
    "folder",
    [
        *(BLIND_DIR / b for b in BLIND),
        *(BLIND3_DIR / b for b in BLIND3),
        *(BLIND4_DIR / b for b in BLIND4),
        *(BLIND5_DIR / b for b in BLIND5),
        *(BLIND6_DIR / b for b in BLIND6),
        *(BLIND7_DIR / b for b in BLIND7),
        *(BLIND9_DIR / b for b in BLIND9),
    ],
    ids=lambda p: f"{p.parent.name}-{p.name}",
)
def test_blind_articles_every_sentence_once(folder: Path) -> None:
    (raw,) = sorted((folder / "raw").glob("*.txt"))
    art = _article(raw.read_text(encoding="utf-8"), raw.stem)
    sentences = segment.segment_article(art)
    statements, _ = attribution.attribute(
        art, sentences, attribution.load_actors(folder / "actors.yml")
    )
    covered = sorted(
        s.index
        for st in statements
        for s in sentences
        if st.char_start <= s.start and s.end <= st.char_end
    )
    for s in sentences:
        # a sentence of two reports is tiled by its clauses' statements ("X says …; Y …")
        parts = [st for st in statements if s.start <= st.char_start and st.char_end <= s.end]
        if len(parts) > 1:
            assert parts[0].char_start == s.start and parts[-1].char_end == s.end
            for a, b in zip(parts, parts[1:], strict=False):
                gap = art.text[a.char_end : b.char_start].strip(" ,;\"\u201d\u2019'")
                assert gap in ("", "as", "while", "and", "but", "whereas"), gap
            covered.append(s.index)
    assert sorted(covered) == [s.index for s in sentences]
    for st in statements:
        assert st.char_start <= st.quote_start <= st.quote_end <= st.char_end
        _check_quote_text(st, art)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Prices rose in the '90s. Lee's office said 'no' on Monday.", ["no"]),
        ("Rock 'n' roll fans said 'hello' twice.", ["hello"]),
        ("It\u2019s Putin\u2019s \u2018plan\u2019, the \u201990s again.", ["plan"]),
        ("'We don't know,' she said.", ["We don't know,"]),
        ("The players' union said 'enough'.", ["enough"]),
    ],
)
def test_find_quotes_single_vs_apostrophes(text: str, quoted: list[str]) -> None:
    found = attribution.find_quotes(text, [(0, len(text))])
    assert [text[q.inner_start : q.inner_end] for q in found] == quoted


@pytest.mark.parametrize(
    ("text", "quoted"),
    [  # INVENTED sentences; German, Danish, French and English conventions
        ("\u201eWir gehen\u201c, sagte sie. Dann \u201enein\u201c.", ["Wir gehen", "nein"]),
        ("\u201eWe stay\u201c; \u201cno\u201d later.", ["We stay", "no"]),
        ("\u201eWe stay\u201d, she said.", ["We stay"]),  # (Polish „…”)
        ("\u00bbWir gehen\u00ab, sagte sie.", ["Wir gehen"]),
        ("\u00bbVi g\u00e5r\u00bb, sa hon.", ["Vi g\u00e5r"]),  # (Swedish »…»)
        ("\u00ab Nous partons \u00bb, dit-elle.", [" Nous partons "]),
        ("Er sagte: \u201aWir gehen\u2018 und ging.", ["Wir gehen"]),
        ("Home \u00bb News: \u201cGo,\u201d she said.", ["Go,"]),
        ("He said \u201cwe won\u2019t go\u201d and left.", ["we won\u2019t go"]),
        # single guillemets (Swiss, French): ‹…›, also inside «…»
        ("\u2039Nous partons\u203a, dit-elle.", ["Nous partons"]),
        ("\u00abIl a dit \u2039non\u203a.\u00bb", ["Il a dit \u2039non\u203a."]),
    ],
)
def test_find_quotes_pairs_marks_by_convention(text: str, quoted: list[str]) -> None:
    """A mark closing in one convention and opening in another closes after its own opener."""
    found = attribution.find_quotes(text, [(0, len(text))])
    assert [text[q.inner_start : q.inner_end] for q in found] == quoted


QUOTE_STYLE_CASES = [
    # (INVENTED paragraph after "Chancellor Lee said the talks had failed.", speaker,
    #  quote_type, quote_text): the previous paragraph's speaker must not carry over
    (
        "\u201eWe cannot sign away a river\u201c, Omar told reporters.",
        "omar",
        "direct",
        "We cannot sign away a river",
    ),
    ("\u00bbWe will not sign\u00ab, Omar said.", "omar", "direct", "We will not sign"),
    ("\u00ab We will not sign \u00bb, Omar said.", "omar", "direct", "We will not sign"),
    ("\u201aWe will not sign\u2018, Omar said.", "omar", "direct", "We will not sign"),
    (
        "\u201eWe will see\u201c, she said, \u201ewhat the court decides.\u201c",
        "lee",
        "direct",
        "We will see \u2026 what the court decides",
    ),
    # British single quotes with the verb before the name
    (
        "'The numbers do not add up,' said Ivo Dran, an economist at the university.",
        "Ivo Dran",
        "direct",
        "The numbers do not add up",
    ),
    ("\u2018We will win,\u2019 said Omar.", "omar", "direct", "We will win"),
    ("\u2039We will win,\u203a said Omar.", "omar", "direct", "We will win"),  # (session 16)
    ("'Will it hold?' asked Ivo Dran.", "Ivo Dran", "direct", "Will it hold?"),
    ("\u2018It is late,\u2019 said the economist.", "the economist", "direct", "It is late"),
    # a quoted name: both marks or neither
    ("Ivo Dran calls it 'a tax on the poor'.", "Ivo Dran", "mixed", "a tax on the poor"),
    ("Omar called the plan \u201ea trap\u201c.", "omar", "mixed", "a trap"),
    (
        "Ivo Dran called the plan \u2018a tax on the poor\u2019 and a shame.",
        "Ivo Dran",
        "mixed",
        "\u2018a tax on the poor\u2019 and a shame",
    ),
]


@pytest.mark.parametrize(("paragraph", "speaker", "qtype", "quote_text"), QUOTE_STYLE_CASES)
def test_quote_styles_and_inverted_single_quotes(
    test_actors: attribution.Actors, paragraph: str, speaker: str, qtype: str, quote_text: str
) -> None:
    text = "A headline\n\nChancellor Lee said the talks had failed.\n\n" + paragraph + "\n"
    art = _article(text)
    st = _run(art, test_actors)[0][-1]
    assert (st.speaker, st.quote_type, st.quote_text) == (speaker, qtype, quote_text), st.rule
    _check_quote_text(st, art)


DIALOGUE_CASES = [
    # (INVENTED dialogue paragraph, speaker, quote_type, quote_text)
    (
        "\u2014 When will the wages go up? a young docker asked.",
        "a young docker",
        "direct",
        "When will the wages go up?",
    ),
    (
        "\u2014 When the port pays its debts, Omar replied.",
        "omar",
        "direct",
        "When the port pays its debts",
    ),
    ("\u2014 No, said the docker.", "the docker", "direct", "No"),
    ("\u2014 Go home! shouted a docker.", "a docker", "direct", "Go home!"),
    ("\u2014 Will it end? asked Ivo Dran.", "Ivo Dran", "direct", "Will it end?"),
    (
        "\u2014 I told him, and he said no, Lee replied.",
        "lee",
        "direct",
        "I told him, and he said no",
    ),
    ('\u2014 "We stay," Omar said.', "omar", "direct", "We stay"),  # marks of its own
    ("\u2014 The port will close in May.", "", "narration", ""),  # no attribution
    (  # a dash inside the sentence opens no dialogue
        "Prices rose \u2014 the port, officials said, was closed.",
        "officials",
        "indirect",
        "Prices rose \u2014 the port",
    ),
]


@pytest.mark.parametrize(("paragraph", "speaker", "qtype", "quote_text"), DIALOGUE_CASES)
def test_dash_dialogue_is_direct_speech(
    test_actors: attribution.Actors, paragraph: str, speaker: str, qtype: str, quote_text: str
) -> None:
    text = (
        "A headline\n\nChancellor Lee spoke to the dockers.\n\n"
        "The exchange went as follows.\n\n" + paragraph + "\n"
    )
    art = _article(text)
    start = art.text.index(paragraph)
    st = next(st for st in _run(art, test_actors)[0] if st.char_end > start)
    assert (st.speaker, st.quote_type, st.quote_text) == (speaker, qtype, quote_text), st.rule
    _check_quote_text(st, art)


@pytest.mark.parametrize(
    ("text", "verb", "words"),
    [  # INVENTED lines; ``verb`` is the reporting verb the lexicon found
        ("\u2014 Soon, she said.", "said", "Soon,"),
        ("\u2014 Is it over? asked the docker.", "asked", "Is it over?"),
        ("KELDA \u2014 \u2014 Is it over? asked Ana.", "asked", "Is it over?"),
        ("\u2015 We wait, the old docker said.", "said", "We wait,"),
        ("\u2014 We wait, the oldest docker from the north port said.", "said", None),
        ("\u2014 We wait; she said so.", "said", None),  # no , ? ! before the attribution
        ("\u2013 Soon, she said.", "said", None),  # an en dash: a list item, no dialogue
        ("Soon, she said \u2014 later.", "said", None),
        ("\u2014 Soon, she said.", None, None),
    ],
)
def test_dialogue_quote(text: str, verb: str | None, words: str | None) -> None:
    verbs = [] if verb is None else [(text.index(verb), text.index(verb) + len(verb))]
    q = attribution.dialogue_quote(text, 0, len(text), verbs)
    assert (None if q is None else text[q.inner_start : q.inner_end]) == words
    assert q is None or (q.start, q.end) == (q.inner_start, q.inner_end)


def test_german_quote_in_standfirst_ends_at_its_closing_mark(
    test_actors: attribution.Actors,
) -> None:
    """INVENTED standfirst: the clause after „…“ is the next speaker's, outside the quote."""
    text = (
        "A headline\n\nOmar calls the plan \u201ea trap dressed as a gift\u201c; his rival, an "
        "opposition senator, says he has thrown away a chance\n\nBody text here.\n"
    )
    rows = _run(_article(text), test_actors)[0]
    got = [(st.section, st.speaker, st.quote_text) for st in rows if st.section == "standfirst"]
    assert got == [
        ("standfirst", "omar", "a trap dressed as a gift"),
        ("standfirst", "his rival", "he has thrown away a chance"),
    ]


# --- fast paths: same results as the plain regular expressions they replace -------------------

_PREV_WORD_RE = re.compile(r"([\w']+)[^\w.!?\n]*$")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("the talks, said", "said"),
        ("Macron's ", "Macron's"),
        ("it ended. ", ""),
        ("he said\n", "said"),
        ("he said\n\n", ""),
        ("the '", "the"),
        ("rock 'n' ", "'n'"),
        ("", ""),
        ("(", ""),
        ("\u00e9t\u00e9 \u00bb ", "\u00e9t\u00e9"),
    ],
)
def test_last_word(text: str, word: str) -> None:
    assert attribution._last_word(text) == word


def test_last_word_equals_the_regex_on_random_text() -> None:
    rng = random.Random(7)
    alphabet = list("ab'Z9_ .,!?\n\t-\"\u00e9\u2019\u0434\u00b2")
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        m = _PREV_WORD_RE.search(text)
        assert attribution._last_word(text) == (m.group(1) if m else ""), repr(text)


@pytest.mark.parametrize(
    ("head", "expected"),
    [("said,", True), ('"Go home!"', True), ("'Soon,'", True), ("x'", False), ("said", False)],
)
def test_ends_with_comma(head: str, expected: bool) -> None:
    assert attribution._ends_with_comma(head) is expected
    assert bool(re.search(r"(?:,|[,?!][\"'])$", head)) is expected


def test_word_scan_equals_finditer(test_actors: attribution.Actors) -> None:
    """Trying patterns only at candidate words finds what ``finditer`` finds, in any window."""
    pats, words = attribution._patterns(), attribution._pattern_words()
    none: frozenset[str] = frozenset()
    cases = [(pats[k], words[k], none) for k in ("verb", "headline_verb", "plural")]
    cases += [
        (test_actors._pattern, test_actors._pattern_words, attribution._DETERMINER_SET),
        (test_actors._pronoun_pattern, test_actors._pronoun_words, none),
    ]
    vocab = "said says told the a an both all they two leaders his her office Macron's".split()
    vocab += [a.name for a in test_actors.actors] + ["calls on", "according to", "re-said"]
    vocab += ["Lee", "Omar", "Kestria", "the Kestrian leader", "Chancellery", "Dalmar", "an"]
    vocab += ["'", "-", ",", ".", " ", "\n", "x", "the two", "saidx", "they'", "'the"]
    rng = random.Random(3)
    for _ in range(400):
        text = segment.fold(" ".join(rng.choice(vocab) for _ in range(rng.randrange(1, 25))))
        index = attribution._Words(text)
        for _ in range(4):
            start = rng.randrange(0, len(text) + 1)
            end = rng.randrange(start, len(text) + 1)
            for pattern, first, lead in cases:
                assert pattern is not None
                expected = [m.span() for m in pattern.finditer(text, start, end)]
                got = [m.span() for m in index.scan(pattern, first, start, end, lead)]
                assert got == expected, (text, start, end, pattern.pattern[:40])


def test_first_words_of_alternatives() -> None:
    assert attribution._first_words(["call on", "said"]) == {"call", "said"}
    assert attribution._first_words(["said", "'t hooft"]) is None  # try every offset


def test_role_and_document_prefilter_equals_finditer() -> None:
    """Skipping the role/document search when no word can start a match changes nothing."""
    lex, pats, words = (
        attribution.load_lexicon(),
        attribution._patterns(),
        attribution._pattern_words(),
    )
    vocab = [*lex.roles[:30], *lex.documents, "the", "kremlin", "'s", "-", ",", "x", "of", "new"]
    vocab += [w + "s" for w in lex.roles[:10]] + [w + "es" for w in lex.roles[:5]]
    vocab += [w + "x" for w in lex.documents[:5]] + ["joint"]
    rng = random.Random(11)
    hits = 0
    for _ in range(3000):
        text = " ".join(rng.choice(vocab) for _ in range(rng.randrange(1, 7)))
        text = text.replace(" 's", "'s").replace(" - ", "-")
        found = attribution._WORDS_RE.findall(text)
        for key in ("role", "doc"):
            expected = [m.span() for m in pats[key].finditer(text)]
            got = [m.span() for m in attribution._finditer_if(pats[key], words[key], text, found)]
            assert got == expected, (key, text)
            hits += bool(expected)
    assert hits > 1000


# --- rules added after blind round 3 (tests/fixtures/invented/blind3/README.md) --------------


@pytest.fixture(scope="module")
def titled_actors() -> attribution.Actors:
    """INVENTED actors referred to by bare titles, US style ("the president")."""
    return attribution.actors_from_mapping(
        {
            "actors": {
                "ferrel": {
                    "name": "Nadia Ferrel",
                    "aliases": ["the president", "President Ferrel"],
                    "gender": "female",
                },
                "brandvik": {
                    "name": "Otto Brandvik",
                    "aliases": ["the chancellor", "Chancellor Brandvik"],
                    "gender": "male",
                },
            }
        },
        "titled-actors",
    )


BLIND3_CASES = [
    # (body paragraph, speaker, source, addressee, quote_type)
    # a one-word description configured with "the" matches lower-case after "the"
    ("The chancellor added that the talks would resume.", "brandvik", "", "", "indirect"),
    ('"We are ready," the president said.', "ferrel", "", "", "direct"),
    # ... but not without it: "a chancellor" is someone else
    (
        "A chancellor from the north said the talks would fail.",
        "A chancellor from the north",
        "",
        "",
        "indirect",
    ),
    # "agree to" + infinitive is an action, "agree that" is speech; commitments stay speech
    ("Ferrel and Brandvik agreed on Monday to reopen the talks.", "", "", "", "narration"),
    (
        "Ferrel and Brandvik agreed that the talks would reopen.",
        "brandvik+ferrel",
        "",
        "",
        "indirect",
    ),
    ("Ferrel vowed to reopen the talks.", "ferrel", "", "", "indirect"),
    # periphrases of "say": the subject stands before the helper verb
    ("Brandvik was quoted as saying that the talks would reopen.", "brandvik", "", "", "indirect"),
    ("Ferrel went on to say that the talks would reopen.", "ferrel", "", "", "indirect"),
    ("Brandvik was told that the talks would reopen.", "", "", "", "narration"),
    # "long" between auxiliary and verb
    ("Brandvik has long argued that the port should stay closed.", "brandvik", "", "", "indirect"),
    # "X, who …, accused Y of …": X is the subject, Y the object (not an inverted subject)
    (
        "Ruth Calloway, who chairs the committee, accused Ferrel of lying.",
        "Ruth Calloway",
        "",
        "ferrel",
        "indirect",
    ),
    # "According to <media>, X told Y that …": media as source, "that" starts the content
    (
        "According to state media, Brandvik told ministers that the port would reopen.",
        "brandvik",
        "state media",
        "",
        "indirect",
    ),
    # inverted "…," said X + adverbial phrase: the subject ends before the adverbial
    ('"The port stays shut," said Ferrel in a statement on Monday.', "ferrel", "", "", "direct"),
    ('"The port stays shut," said Ferrel during a call with Brandvik.', "ferrel", "", "", "direct"),
    ('"The port stays shut," said Amos Faraday on Monday.', "Amos Faraday", "", "", "direct"),
    ('"The port stays shut," said Tom Long.', "Tom Long", "", "", "direct"),  # no bare adverb
    ('"The port stays shut," said a diplomat at the summit.', "a diplomat", "", "", "direct"),
    # a generic lower-case audience is no addressee after the content either
    ('"The port stays shut," Ferrel told ministers.', "ferrel", "", "", "direct"),
    ('"The port stays shut," Ferrel told Brandvik.', "ferrel", "", "brandvik", "direct"),
]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        # the content of an ``np`` verb is a noun phrase: "demands" is a noun, not a report
        ("Ferrel rejects Lessish demands on port fees", ("ferrel", "", "indirect")),
        # a "that" clause after it may still hold a nested report
        ("Ferrel rejects claims that Brandvik urged delay", ("brandvik", "Ferrel", "indirect")),
        ("Ferrel and Brandvik agree to reopen port talks", ("", "", "narration")),
    ],
)
def test_headline_rules_blind3(titled_actors: attribution.Actors, headline: str, expected) -> None:
    st = _run(_article(headline + "\n\nThe talks went on. Lee left.\n"), titled_actors)[0][0]
    assert (st.speaker, st.source, st.quote_type) == expected, st.rule


@pytest.mark.parametrize(
    ("aliases", "organizations", "described"),
    [
        (["the president"], [], ["president"]),
        (["the president", "President"], [], []),  # also configured bare: needs its capital
        (["the French president", "the chancellor"], [], ["chancellor"]),
        (["Lee"], ["the Palace"], []),  # an office keeps its capital
        (["the palace"], ["the Palace"], []),
    ],
)
def test_described_keys(aliases: list[str], organizations: list[str], described: list[str]) -> None:
    actor = attribution.Actor("x", "Ana Lee", tuple(aliases), tuple(organizations))
    assert sorted(attribution._described_keys([actor])) == described


# --- rules added after blind round 4 (tests/fixtures/invented/blind4/README.md) --------------


@pytest.fixture(scope="module")
def blind4_actors() -> attribution.Actors:
    """INVENTED actors of a summit wire story and a feature (Aldmark, Belmora, Morvia)."""
    return attribution.actors_from_mapping(
        {
            "actors": {
                "korvath": {
                    "name": "Ines Korvath",
                    "aliases": ["President Korvath"],
                    "organizations": ["the Aldish presidency"],
                    "gender": "female",
                    "country": "Aldmark",
                },
                "tevik": {"name": "Ruslan Tevik", "gender": "male", "country": "Belmora"},
                "fenn": {
                    "name": "Dario Fenn",
                    "aliases": ["President Dario Fenn"],
                    "gender": "male",
                    "country": "Morvia",
                },
            }
        },
        "blind4-actors",
    )


BLIND4_CASES = [
    # (body paragraph, speaker, source, addressee, quote_type)
    # an age after the name is an apposition: "X, 63, said"
    ("Tevik, 63, said the talks had failed.", "tevik", "", "", "indirect"),
    (
        "Tevik, 63, told a news conference in Sarnow that the talks had failed.",
        "tevik",
        "",
        "",
        "indirect",
    ),
    # "only" right before the colon: the quotation is the whole content (direct) ...
    ('Tevik said only: "If there is something to sign."', "tevik", "", "", "direct"),
    # ... elsewhere "only" stays in the content
    ('Tevik said only "a few" deals were possible.', "tevik", "", "", "mixed"),
    # "In X's words, …" names the speaker; "in comments carried by <outlet>" the source
    (
        'In Fenn\'s words, the bridge is "a sentence both countries must finish."',
        "fenn",
        "",
        "",
        "mixed",
    ),
    ('In other words, the bridge is "a sentence."', "", "", "", "narration"),
    (
        'In comments carried by the state news agency Belpress, Tevik accused Korvath of "theft."',
        "tevik",
        "the state news agency Belpress",
        "korvath",
        "mixed",
    ),
    (
        "In an interview published by the Sarnow Herald, Korvath said the talks failed.",
        "korvath",
        "the Sarnow Herald",
        "",
        "indirect",
    ),
    # (a place of publication is no source: the speaker's own organization stays the source)
    (
        "In a statement posted on its website, the Aldish presidency said the talks failed.",
        "korvath",
        "the Aldish presidency",
        "",
        "indirect",
    ),
    # "put it" reports a quotation after a colon or comma; otherwise it is an action
    ('Fenn put it bluntly at a rally in March: "Nobody crosses it."', "fenn", "", "", "direct"),
    (
        'As Korvath put it in an interview last spring, "Every month counts."',
        "korvath",
        "",
        "",
        "direct",
    ),
    ('"Every month counts," as Korvath put it.', "korvath", "", "", "direct"),
    ('The bridge, as Fenn put it, is "a sentence."', "fenn", "", "", "mixed"),
    ("Tevik put it on the table, as Fenn put it away.", "", "", "", "narration"),
    ("The council put it to a vote on Monday.", "", "", "", "narration"),
    ("To put it bluntly, the talks failed.", "", "", "", "narration"),
    # a "that" clause after the verb is the content, not an inverted subject
    (
        "Fenn, for his part, insists that the courts, not his ministers, are to blame.",
        "fenn",
        "",
        "",
        "indirect",
    ),
    # "<actor> of <country>" is the actor (not the country), with or without a relative clause
    ("President Dario Fenn of Morvia said the bridge was late.", "fenn", "", "", "indirect"),
    (
        'President Dario Fenn of Morvia, who leads the talks, put it bluntly: "It is late."',
        "fenn",
        "",
        "",
        "direct",
    ),
    ("Korvath met the president of Belmora on Friday.", "", "", "", "narration"),
    # "that" + one word after an inverted verb is a noun phrase, not a "that" clause
    ('"The bridge is late," said that official.', "that official", "", "", "direct"),
    ("Tevik, for his part, insists that the bridge is late.", "tevik", "", "", "indirect"),
]


# --- rules added after blind round 5 (tests/fixtures/invented/blind5/README.md) --------------


@pytest.fixture(scope="module")
def blind5_actors() -> attribution.Actors:
    """INVENTED actors: a prime minister of Trelland and a president of Morvia."""
    return attribution.actors_from_mapping(
        {
            "actors": {
                "valko": {
                    "name": "Irena Valko",
                    "aliases": ["Prime Minister Valko", "the prime minister"],
                    "gender": "female",
                    "country": "Trelland",
                },
                "fenn": {
                    "name": "Dario Fenn",
                    "aliases": ["President Fenn", "the Morvian president"],
                    "gender": "male",
                    "country": "Morvia",
                    "demonym": "Morvian",
                },
            }
        },
        "blind5-actors",
    )


BLIND5_CASES = [
    # (body paragraph, speaker, source, addressee, quote_type)
    # "<role> of|for <Name>" and "<Name> of <Name>" are one subject, not the name after "of"
    ("A minister of Morvia said the talks had failed.", "A minister of Morvia", "", "", "indirect"),
    ("The mayor of Kallo said the bridge was safe.", "The mayor of Kallo", "", "", "indirect"),
    ("A spokesman for Morvia said it was calm.", "A spokesman for Morvia", "", "", "indirect"),
    ("The envoy to Trelland said it was calm.", "The envoy to Trelland", "", "", "indirect"),
    ("The Bank of Kallo said rates would rise.", "The Bank of Kallo", "", "", "indirect"),
    (
        "Jan Holt of the Ruritanian Party said the vote was close.",
        "Jan Holt",
        "the Ruritanian Party",
        "",
        "indirect",
    ),
    (
        "Talks failed after the minister of Morvia said no.",
        "the minister of Morvia",
        "",
        "",
        "indirect",
    ),
    # a title before another person's name is that person's title, not the actor's mention
    (
        "Prime Minister Jan Holt said the talks had failed.",
        "Jan Holt",
        "Prime Minister",
        "",
        "indirect",
    ),
    ("The prime minister said the talks had failed.", "valko", "", "", "indirect"),
    ("The prime minister Monday said the talks had failed.", "valko", "", "", "indirect"),
    ("Prime Minister Valko said the talks had failed.", "valko", "", "", "indirect"),
    # a configured country speaks for its actor, as an office does; another is another speaker
    ("Morvia said the border was shut.", "fenn", "Morvia", "", "indirect"),
    ("Ruritania said the border was shut.", "Ruritania", "", "", "indirect"),
    ("Meanwhile Morvia said it was calm.", "fenn", "Morvia", "", "indirect"),
    # (only when the country is the whole subject; a sentence adverb is no name's word)
    ("The people of Morvia said no.", "The people of Morvia", "", "", "indirect"),
    ("Crowds in Morvia said no.", "Crowds in Morvia", "", "", "indirect"),  # (a crowd, not Morvia)
    ("Meanwhile Jan Holt said yes.", "Jan Holt", "", "", "indirect"),
    # a habit or a hedge before the verb's infinitive
    ('Fenn likes to say that the bridge is "a promise."', "fenn", "", "", "mixed"),
    (
        "Valko is understood to have told Fenn that talks were over.",
        "valko",
        "",
        "fenn",
        "indirect",
    ),
    ("Fenn was said to have warned that it was late.", "fenn", "", "", "indirect"),
    ("Valko wants to say more.", "", "", "", "narration"),
    ("The bridge is believed to have cost millions.", "", "", "", "narration"),
    # ", in X's words," inside a sentence names the speaker (not the grammatical subject)
    ('The bridge, in Fenn\'s words, is "a promise nobody keeps."', "fenn", "", "", "mixed"),
    ('The prime minister, in Fenn\'s words, is "late."', "fenn", "", "", "mixed"),
    ('Valko said the bridge, in Fenn\'s words, was "late."', "valko", "", "", "mixed"),
    ("In other words, the bridge is late.", "", "", "", "narration"),
    # critics and allies speak about an actor, not for it (aides speak for it)
    ('Fenn\'s critics call it "a noose."', "Fenn's critics", "", "", "mixed"),
    ("Valko's allies argue that Morvia started it.", "Valko's allies", "", "", "indirect"),
    ("Fenn's aides said it was fine.", "Fenn's aides", "Fenn's aides", "", "indirect"),
    # a generic audience stays no addressee when a time or place follows it
    ('"It is over," Fenn told a party congress in March.', "fenn", "", "", "direct"),
    ("Fenn told a party congress in March that it was over.", "fenn", "", "", "indirect"),
    ('"It is over," Fenn told Valko on Monday.', "fenn", "", "valko", "direct"),
    # a negative subject reports nobody's words
    ("Neither office replied on Wednesday to questions.", "", "", "", "narration"),
    ("No official said when it would end.", "", "", "", "narration"),
    ("Neither leader, officials said, wanted a war.", "officials", "", "", "indirect"),
    # "agree on" a thing is a position, "agree that" speech
    ("Valko and Fenn agree on almost everything.", "", "", "", "narration"),
    ("Fenn agreed on Wednesday that it was over.", "fenn", "", "", "indirect"),
    # a verb with nothing after it reports nothing (a subheading, "agreed or not")
    ("What Morvia says", "", "", "", "narration"),
    ("Fenn said fees would rise whether Trelland agreed or not.", "fenn", "", "", "indirect"),
    # people named by what they do are other speakers, also after the content
    ("The conference was postponed, organisers said.", "organisers", "", "", "indirect"),
    # '"…," X said, according to <document>': X speaks, the document is the source
    (
        '"We were patient," Fenn said, according to the readout.',
        "fenn",
        "the readout",
        "",
        "direct",
    ),
]


# --- rules added after blind round 6 (tests/fixtures/invented/blind6/README.md) --------------

BLIND6_CASES = [
    # (body paragraph, speaker, source, addressee, quote_type), with the actors of round 5
    # broadcast and courtroom voices and unnamed people are roles
    ('"So is it over?" the host asked.', "the host", "", "", "direct"),
    (
        "Counsel for Morvia told the court that the treaty was void.",
        "Counsel for Morvia",
        "",
        "",
        "indirect",
    ),
    # a role with a modifier before its verb: the whole phrase; before "who …": the role
    (
        "A person close to the talks said it was possible.",
        "A person close to the talks",
        "",
        "",
        "indirect",
    ),
    (
        "Officials familiar with the matter said no.",
        "Officials familiar with the matter",
        "",
        "",
        "indirect",
    ),
    ("A diplomat in Kallo said so.", "A diplomat in Kallo", "", "", "indirect"),
    (
        "A senior official who briefed reporters said it was late.",
        "A senior official",
        "",
        "",
        "indirect",
    ),
    ("The man who said it left.", "", "", "", "narration"),
    # a capitalised adjective before a common noun names no addressee; a name does
    ("Fenn told the Trelish parliament that it was over.", "fenn", "", "", "indirect"),
    ("Fenn told the Kallo Herald that it was over.", "fenn", "", "the Kallo Herald", "indirect"),
    # the reported clause may start with a pronoun right after the addressee
    ("Fenn told reporters he would return.", "fenn", "", "", "indirect"),
    ("Fenn told the BBC he would return.", "fenn", "", "the BBC", "indirect"),
    # a document with a participial parenthesis: the issuer names the actor
    (
        "The statement, issued by Fenn's office, said it was over.",
        "fenn",
        "The statement",
        "",
        "indirect",
    ),
    # "quoted … as saying": by an outlet (the source) or in a document (the occasion)
    (
        'The Kallo Herald quoted Fenn as saying: "We will win."',
        "fenn",
        "The Kallo Herald",
        "",
        "direct",
    ),
    (
        "Valko was quoted by the newspaper as saying that talks were over.",
        "valko",
        "the newspaper",
        "",
        "indirect",
    ),
    (
        'Fenn is quoted in the ministry\'s release as saying: "It is done."',
        "fenn",
        "",
        "",
        "direct",
    ),
    ("The council quoted the rules as written.", "", "", "", "narration"),
    # "issued a statement saying": the issuer speaks; so does the subject of a main clause
    # before ", saying …" (blind round 7)
    (
        "Fenn's office issued a statement saying it was over.",
        "fenn",
        "Fenn's office",
        "",
        "indirect",
    ),
    ("Fenn left the talks, saying that it was over.", "fenn", "", "", "indirect"),
    ("Fenn left the hall, smiling.", "", "", "", "narration"),
    # "The" belongs to a capitalised name
    ("The Kallo Herald reported that it was over.", "The Kallo Herald", "", "", "indirect"),
    # a participle with an agent says which document it is
    (
        "Fenn said it was over, according to a transcript filed with the court.",
        "fenn",
        "a transcript filed with the court",
        "",
        "indirect",
    ),
    # a side named by its demonym is the actor's, as an office ("The French side said")
    ("The Morvian side said it was over.", "fenn", "The Morvian side", "", "indirect"),
    ("The other side said no.", "", "", "", "narration"),
    # "calls X a Y of "…"": up to six words between the verb and the quotation
    ('Fenn calls the case a test of "the rule of law."', "fenn", "", "", "mixed"),
]


# --- rules added after blind round 7 (tests/fixtures/invented/blind7/README.md) --------------

BLIND7_CASES = [
    # (body paragraph, speaker, source, addressee, quote_type), with the actors of round 5
    # a participle after a main clause reports its subject's words
    ("Valko hit back, warning that Morvia would pay.", "valko", "", "", "indirect"),
    (
        "Officials denied the report, adding that talks would go on.",
        "Officials",
        "",
        "",
        "indirect",
    ),
    (
        "On Monday, Morvia rejected the claim, saying it was false.",
        "fenn",
        "Morvia",
        "",
        "indirect",
    ),
    ("Fenn left the hall, smiling.", "", "", "", "narration"),
    # the subject of a copula before a colon and a quotation speaks it
    ('The prime minister was unrepentant: "We did not sell the coast."', "valko", "", "", "direct"),
    # "shouted" reports; an opening quotation after the verb is its content
    (
        'As Fenn sat down, an opposition backbencher shouted "Traitor!"',
        "an opposition backbencher",
        "",
        "",
        "direct",
    ),
    (
        '"Order!" the Speaker, Edda Rown, shouted as members rose.',
        "Edda Rown",
        "the Speaker",
        "",
        "direct",
    ),
    # "describe … as", "showed X telling", "ran the headline"
    ("Friends describe her as stubborn.", "Friends", "", "", "indirect"),
    (
        "State television showed Fenn telling a cabinet meeting that Morvia was ready.",
        "fenn",
        "State television",
        "",
        "indirect",
    ),
    ('The tabloid Blitz ran the headline "Pay up!"', "The tabloid Blitz", "", "", "direct"),
    # an outlet named with its description is one speaker; an outlet noun after a name names
    # an addressee
    (
        "The Kovenish daily Morgenrad wrote that it was over.",
        "The Kovenish daily Morgenrad",
        "",
        "",
        "indirect",
    ),
    ("Fenn told Tass news agency that it was over.", "fenn", "", "Tass news agency", "indirect"),
    ("Fenn told MPs that it was over.", "fenn", "", "", "indirect"),
    # family members speak about an actor, not for it
    (
        "Her late father, a schoolteacher, used to tell her that it was fine.",
        "Her late father",
        "",
        "",
        "indirect",
    ),
    # a rival named by apposition is that actor
    ('Her rival, President Fenn, has called it "a weathervane."', "fenn", "", "", "mixed"),
    # "according to <outlet>" after "X said": X speaks, the outlet is the source
    ('"Pay up," Valko said, according to Corvex News.', "valko", "Corvex News", "", "direct"),
    # a time phrase after an outlet or in "quoted … as saying" is no part of it
    (
        "In remarks broadcast by KTV-1 on Wednesday evening, Fenn said it was over.",
        "fenn",
        "KTV-1",
        "",
        "indirect",
    ),
    (
        "Tass quoted an official on Monday as saying that it was over.",
        "an official",
        "Tass",
        "",
        "indirect",
    ),
    # (after a review of these rules) the subject opens the clause; no reported words, no
    # report
    ("Critics attacked Fenn, saying the vote was rigged.", "Critics", "", "", "indirect"),
    (
        "Jan Holt attacked Fenn over the plan, saying it would hurt farmers.",
        "Jan Holt",
        "",
        "",
        "indirect",
    ),
    ("Fenn met Valko, who rejected the plan, saying it was unfair.", "valko", "", "", "indirect"),
    ("Prices rose again, adding to concerns that inflation is high.", "", "", "", "narration"),
    ("Fenn ended the meeting abruptly, saying nothing.", "", "", "", "narration"),
    ("Images showed Fenn saying goodbye to staff.", "", "", "", "narration"),
    ('Fenn was asked: "Will you run again?"', "", "", "", "narration"),
    ('The question for Fenn is simple: "Can he survive?"', "", "", "", "narration"),
    ("Fenn, described by critics as ruthless, won another term.", "", "", "", "narration"),
    ("Fenn launched what he described as a special operation.", "", "", "", "narration"),
    ("Protesters shouted at Fenn as he left.", "", "", "", "narration"),
    ("The Kallo Herald ran the headline story on Fenn's health.", "", "", "", "narration"),
]


@pytest.mark.parametrize(
    ("body", "speaker", "source_actor", "addressee"),
    [
        # a Q&A transcript: "A:" is the person interviewed, "Q:" the outlet interviewing
        (
            "Valko talks to the Kallo Herald about the bridge.\n\nQ: Will it open?\n\nA: It"
            " will. Soon.",
            "valko",
            "",
            "",
        ),
        (
            "Valko talks to the Kallo Herald about the bridge.\n\nQ: Will it open?\n\nA: It"
            " will.\n\nQ: When? Tell us.",
            "the Kallo Herald",
            "",
            "",
        ),
        # (one "Note:" paragraph is no transcript, nor are "Update:" paragraphs, nor Q&A
        # without an interview: an explainer, read as prose)
        ("Note: the bridge opened in May.\n\nFenn said it was late.", "fenn", "", ""),
        ("Update: talks resumed.\n\nUpdate: Fenn said the talks ended.", "fenn", "", ""),
        ("Q: Why is Fenn coming?\n\nA: To sign the deal, officials say.", "officials", "", ""),
        # the person who "talks to" the outlet answers
        (
            "Economist Jana Holt, who advised Fenn, talks to the Kallo Herald.\n\nQ: Why?"
            "\n\nA: Because.",
            "Jana Holt",
            "",
            "",
        ),
        # 'called her "…"': the person named is addressed; 'her plan "…"' is not a person
        ('Valko spoke. Fenn called her "a weathervane."', "fenn", "", "valko"),
        ('Valko spoke. Fenn called her plan "a disaster."', "fenn", "", ""),
        # a "she" goes on through a chain of resolved pronouns
        (
            "Valko spoke.\n\nShe left.\n\nShe came back.\n\nShe sat.\n\nShe stood."
            '\n\nShe ate.\n\n"It is fine," she says.',
            "valko",
            "",
            "",
        ),
    ],
)
def test_blind7_context_rules(
    blind5_actors: attribution.Actors, body: str, speaker: str, source_actor: str, addressee: str
) -> None:
    st = _run(_article("A headline\n\n" + body + "\n"), blind5_actors)[0][-1]
    assert (st.speaker, st.source_actor, st.addressee) == (speaker, source_actor, addressee), (
        st.rule
    )


def test_transcript_turn_spans() -> None:
    """A transcript turn is one direct statement over its paragraph, label included."""
    actors = attribution.actors_from_mapping(
        {"actors": {"lee": {"name": "Ana Lee", "gender": "female"}}}, "t"
    )
    text = "Lee talks to the Daily Post\n\nQ: Why now? Why here?\n\nA: Because. It is time.\n"
    art = _article(text)
    st = _run(art, actors)[0]
    assert [(s.speaker, s.quote_type, s.quote_text) for s in st[1:]] == [
        ("the Daily Post", "direct", "Why now? Why here?"),
        ("lee", "direct", "Because. It is time"),
    ]
    assert st[2].text == "A: Because. It is time."
    assert st[2].rule == "direct: transcript turn 'A:'; speaker: the person interviewed"


@pytest.mark.parametrize(
    ("body", "speaker", "source_actor", "qtype"),
    [
        # a pronoun of known gender goes to a person of that gender before a bare role
        (
            'Valko spoke to Kallo TV on Sunday.\n\n"Is it over?" the host asked.\n\n'
            '"The deal," she said, "is not dead."',
            "valko",
            "",
            "direct",
        ),
        # a bare role is the person introduced with it
        (
            "The presiding judge, Marit Holbeck, asked whether it was true.\n\nThe judge said"
            " the case was open.",
            "Marit Holbeck",
            "",
            "indirect",
        ),
        # a document named by a side's demonym is that side's
        (
            "Valko told Fenn that it was over, according to a Morvian readout.",
            "valko",
            "fenn",
            "indirect",
        ),
        # an agentless passive report continues the report before it ...
        (
            "The joint statement said talks would resume. It was agreed that the border would"
            " open.",
            "The joint statement",
            "",
            "indirect",
        ),
        # ... and is narration after narration
        ("The talks ended. It was agreed that the border would open.", "", "", "narration"),
        # "A and her counterpart, B," is a pair
        (
            "Valko and her Morvian counterpart, President Fenn, signed the deal. The joint"
            " statement said talks would resume.",
            "fenn+valko",
            "fenn+valko",
            "indirect",
        ),
    ],
)
def test_blind6_context_rules(
    blind5_actors: attribution.Actors, body: str, speaker: str, source_actor: str, qtype: str
) -> None:
    st = _run(_article("A headline\n\n" + body + "\n"), blind5_actors)[0][-1]
    assert (st.speaker, st.source_actor, st.quote_type) == (speaker, source_actor, qtype), st.rule


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        # in a title-case headline a capital after a title is no name
        ("Prime Minister Says Talks Will Resume", "valko"),
        ("Prime Minister Jan Holt says talks will resume", "Jan Holt"),
        # "To Fight" is no inverted subject (a function word opens no name); the coordinated
        # title-case headline stays narration
        ("Prime Minister Meets Rivals, Vows To Fight", ""),
        # an occasion before the colon is no source (round 12); a noun before the verb is no
        # verb ("press" in "Ostranan press praises Valko")
        ("Valko at 100 days: the honeymoon is over", ""),
        ("Ostranan press praises Valko", ""),
        ("Valko presses Fenn on border", "valko"),
        # ... but a plural subject's verb stays one, and a quotation after the colon is the
        # source's words
        ("Dockers say stress is rising at the port", "Dockers"),
        ("Dockers demand answers over pay", "Dockers"),
        ('Valko on the talks: "No deal yet"', "valko"),
        ('Valko at 100 days: "We have only begun"', "valko"),
        ("Valko vs Fenn: the war of words", ""),
    ],
)
def test_blind5_title_before_name_in_headlines(
    blind5_actors: attribution.Actors, headline: str, speaker: str
) -> None:
    st = _run(_article(headline + "\n\nThe talks went on.\n"), blind5_actors)[0][0]
    assert st.speaker == speaker, st.rule


@pytest.mark.parametrize(
    ("body", "speaker", "source_actor", "qtype"),
    [
        # "In her own words," resolves the pronoun
        (
            'Valko spoke on Monday. In her own words, the bridge is "a promise."',
            "valko",
            "",
            "mixed",
        ),
        # a plural reference that is no role ("both men", "the two sides")
        (
            "Valko and Fenn met in Kallo.\n\nThe two sides said it was fine.",
            "fenn+valko",
            "",
            "indirect",
        ),
        # "she" never refers to an institution that spoke last
        (
            "Valko told Fenn that the border would stay shut, the ministry said. She also said"
            " that the fees were temporary.",
            "valko",
            "",
            "indirect",
        ),
        # "both readouts" is a joint document of the pair named before
        (
            "Valko and Fenn spoke by phone. The two leaders said they would meet again, according"
            " to both readouts.",
            "fenn+valko",
            "fenn+valko",
            "indirect",
        ),
    ],
)
def test_blind5_context_rules(
    blind5_actors: attribution.Actors, body: str, speaker: str, source_actor: str, qtype: str
) -> None:
    st = _run(_article("A headline\n\n" + body + "\n"), blind5_actors)[0][-1]
    assert (st.speaker, st.source_actor, st.quote_type) == (speaker, source_actor, qtype), st.rule


# --- rules added after blind round 9 (tests/fixtures/invented/blind9/README.md) --------------
BLIND9_CASES = [
    # (body paragraph, speaker, source, addressee, quote_type), with the actors of round 5
    # a capitalized body named with its article, after the content
    (
        "The toll rose to 214, the Lusovian Emergency Management Agency said.",
        "the Lusovian Emergency Management Agency",
        "",
        "",
        "indirect",
    ),
    (
        "After the vote the Valdrin Policy Forum said it was calm.",
        "the Valdrin Policy Forum",
        "",
        "",
        "indirect",
    ),
    # a question after a declined or negated report reports nothing inside it
    ("He declined to say whether Fenn would ask the police to act.", "", "", "", "narration"),
    ("Valko did not say why Fenn had told her that the border was shut.", "", "", "", "narration"),
    ("She was asked whether she would tell Fenn that the deal was off.", "", "", "", "narration"),
    (
        "The ministry declined to comment, but Fenn told Valko that it was over.",
        "fenn",
        "",
        "valko",
        "indirect",
    ),
    # a relative clause after an inverted subject is no source; an apposition still is
    ('"We will see," said Holm, who chairs the justice committee.', "Holm", "", "", "direct"),
    (
        '"We will see," said Holm, the chair of the committee.',
        "Holm",
        "the chair of the committee",
        "",
        "direct",
    ),
    # a long participle parenthesis between subject and verb
    (
        "Two officials, speaking on condition of anonymity because they were not authorised "
        "to discuss the matter, said the memo was genuine.",
        "Two officials",
        "",
        "",
        "indirect",
    ),
    # "quotes X as telling Y: …"
    (
        'The memo quotes Fenn as telling Valko: "You have my word."',
        "fenn",
        "The memo",
        "valko",
        "direct",
    ),
    (
        "The paper quoted Fenn as telling reporters that the case was closed.",
        "fenn",
        "The paper",
        "",
        "indirect",
    ),
    # crowds chant; "chanted" needs a quotation, "declared" a quotation or "that"
    ('As fireworks rose, the crowd chanted "Morvia is awake!"', "the crowd", "", "", "direct"),
    ("The crowd chanted slogans outside.", "", "", "", "narration"),
    ("Fenn declared three days of national mourning.", "", "", "", "narration"),
    ("Fenn declared that the crisis was over.", "fenn", "", "", "indirect"),
    # "read" reports a quotation (a document's words); "read a statement" is an act
    ('"Enough," the post read.', "the post", "the post", "", "direct"),
    ("Fenn read a statement.", "", "", "", "narration"),
    # "cautioned"; "promised Y that" names the person promised; thanks and congratulations
    ("Analysts cautioned that the deal still needs approval.", "Analysts", "", "", "indirect"),
    ("Fenn promised Valko that the case would be dropped.", "fenn", "", "valko", "indirect"),
    ("Fenn promised to reopen the border.", "fenn", "", "", "indirect"),
    ("Fenn thanked Valko by telephone on Sunday night.", "fenn", "", "valko", "indirect"),
    ("Fenn thanked reporters for coming.", "fenn", "", "", "indirect"),
    ('Valko congratulated Fenn on "a clear victory".', "valko", "", "fenn", "mixed"),
    # a campaign speaks for its candidate, as an office does
    ("Valko's campaign said she had accepted.", "valko", "Valko's campaign", "", "indirect"),
    # "In a telegram|letter|call to Y, X said": Y is addressed (a generic audience is not)
    (
        "In a telegram to Fenn on Saturday, Valko said she was shaken.",
        "valko",
        "",
        "fenn",
        "indirect",
    ),
    ("In a letter to the nation, Fenn said he would stay.", "fenn", "", "", "indirect"),
    # a short phrase before a colon that opens a quotation is no reported content
    ('Valko wrote on Chirp late on Thursday: "Morvia pays."', "valko", "", "", "direct"),
    ('She reposted the reply, adding a single word: "Exactly."', "She", "", "", "direct"),
    ("She left the room, adding nothing.", "", "", "", "narration"),
    # a document with a participle phrase reports, the participle no part of the source
    (
        "Fenn said the case would be dropped, a memo seen by the Ledger says.",
        "fenn",
        "a memo",
        "",
        "indirect",
    ),
    (
        "A report obtained by the Ledger says the talks failed.",
        "A report",
        "A report",
        "",
        "indirect",
    ),
    # a relative clause "…, who wrote|said … that" reports its antecedent's words
    (
        "The requests came from Mirela Dask, who wrote that Fenn wanted it.",
        "Mirela Dask",
        "",
        "",
        "indirect",
    ),
    ("The plan was drawn up by Jan Holt, who said it would work.", "Jan Holt", "", "", "indirect"),
    ("Voters who said they were undecided were counted.", "", "", "", "narration"),
    # a role's modifier may hold a coordination (noticed in round 6, fixed with round 9)
    (
        "Officials in Valdrin and Kelmport said the talks would resume.",
        "Officials in Valdrin and Kelmport",
        "",
        "",
        "indirect",
    ),
    ("The mayor arrived and Kelmport said the talks would resume.", "Kelmport", "", "", "indirect"),
    ("Officials met in Vesk and Kelmport said it was calm.", "Kelmport", "", "", "indirect"),
    # after a review of the round's rules (invented probes, old code against new): a
    # parenthetical relative clause leaves the main verb its report; a new clause after an
    # embedded question reports again; "issued by X" names the issuer; "read that", "said
    # nothing", "declared victory", "promised voters a referendum", "congratulated himself",
    # a clause before a colon; a body named after an actor; a capitalized outlet name
    (
        "A soldier, who asked not to be named because he was not authorised to speak, said "
        "the unit had retreated.",
        "A soldier",
        "",
        "",
        "indirect",
    ),
    (
        "Valko, who told the Lund Post last week that she was tired, said on Friday she would "
        "run again.",
        "valko",
        "",
        "",
        "indirect",
    ),
    ("Police, who said the march was peaceful, made no arrests.", "", "", "", "narration"),
    (
        "Crowds marched to the palace, where Fenn, who said on Monday that the protests were "
        '"paid for," was meeting advisers.',
        "",
        "",
        "",
        "narration",
    ),
    ("Fenn met Valko, who said the meeting was useful.", "valko", "", "", "indirect"),
    (
        "Fenn did not say when he would travel, but aides said the trip was planned for May.",
        "aides",
        "",
        "",
        "indirect",
    ),
    (
        "A statement issued by the Trelland Ministry of Fisheries said the quota was fair.",
        "the Trelland Ministry of Fisheries",
        "",
        "",
        "indirect",
    ),
    (
        "Lenz read that his contract had been cancelled, his lawyer said.",
        "his lawyer",
        "",
        "",
        "indirect",
    ),
    ("The text of the decree read that the border was closed.", "", "", "", "narration"),
    ("The crowd said nothing.", "", "", "", "narration"),
    ("Fenn declared victory.", "fenn", "", "", "indirect"),
    ("Fenn promised voters a referendum on the bank.", "fenn", "", "", "indirect"),
    ("Fenn congratulated himself on the result.", "fenn", "", "", "indirect"),
    ('Fenn said the choice was clear: "We fight or we lose."', "fenn", "", "", "mixed"),
    ('"The money is there," the Fenn Foundation said.', "the Fenn Foundation", "", "", "direct"),
    ("The Lund Post said the talks had failed.", "The Lund Post", "", "", "indirect"),
]


BLIND10_CASES = [
    # (body paragraph, speaker, source, addressee, quote_type), with the actors of round 5
    # "Name, 71, role," and '"…," said Name, 34, role': the age is skipped
    (
        "Ottmar, 71, a retired customs officer, said he remembered.",
        "Ottmar",
        "a retired customs officer",
        "",
        "indirect",
    ),
    (
        '"I leave at five," said Wanda, 34, a nurse at the hospital in Selk.',
        "Wanda",
        "a nurse at the hospital in Selk",
        "",
        "direct",
    ),
    (
        '"We stay," said Mara Jessel, 41, who spent the night in her car.',
        "Mara Jessel",
        "",
        "",
        "direct",
    ),
    # "Name, role, who …, said": the name with its role
    (
        "Casimir Renk, Kolmar's consul in Brinmoor, who attended the speech, said it was good.",
        "Casimir Renk",
        "Kolmar's consul in Brinmoor",
        "",
        "indirect",
    ),
    (
        "The Vardic Union, of which both are members, called for an inquiry.",
        "The Vardic Union",
        "",
        "",
        "indirect",
    ),
    (
        "Governments around the world condemned the attack.",
        "Governments around the world",
        "",
        "",
        "indirect",
    ),
    # titles and roles: a hyphenated title, clergy, consuls
    (
        "Council of Nations Secretary-General Amara Tiel expressed concern that it could collapse.",
        "Amara Tiel",
        "Council of Nations Secretary-General",
        "",
        "indirect",
    ),
    # a verb coordinated with the main clause shares its subject
    (
        'Archbishop Tobias Renn led a vigil and called for "prayer, not revenge."',
        "Tobias Renn",
        "Archbishop",
        "",
        "mixed",
    ),
    ("Fenn paused, then replied that the cranes would come.", "fenn", "", "", "indirect"),
    ("Critics attacked Fenn and said he lied.", "Critics", "", "", "indirect"),
    (
        "March 5 — The ministry summons the envoy and calls the closure unfair.",
        "",
        "",
        "",
        "narration",
    ),
    ("Fenn, asked whether he would return, said only that he might.", "fenn", "", "", "indirect"),
    # "dismissed X as"; "telling X, its description, that"
    ('Fenn dismissed the study as "alarmist."', "fenn", "", "", "mixed"),
    (
        "Valko struck a cautious tone, telling KRN, the public broadcaster, that she would wait.",
        "valko",
        "",
        "KRN",
        "indirect",
    ),
    # findings: "found that" or a trailing "found"; "found the body" is no report
    ("The study found that the risk rose.", "The study", "The study", "", "indirect"),
    ("The toll rose, a study published on Tuesday found.", "a study", "a study", "", "indirect"),
    ("Police found the body on Monday.", "", "", "", "narration"),
    ("He found it hard to sleep.", "", "", "", "narration"),
    # "the office of <actor>" is the actor's office
    (
        "In a statement, the office of President Fenn said the talks were over.",
        "fenn",
        "the office of President Fenn",
        "",
        "indirect",
    ),
    ("A critic of Fenn said it was bad.", "A critic of Fenn", "", "", "indirect"),
    # an addressee named "X of the Y Z" is one name
    (
        "Fenn told the Assembly of the Lake States that he would stay.",
        "fenn",
        "",
        "the Assembly of the Lake States",
        "indirect",
    ),
    ("Fenn told Valko of his plans.", "fenn", "", "valko", "indirect"),
    # "He went on: "…"", '"…," he continued': reports only with a quotation
    ('Fenn went on: "I do not blame the clerks."', "fenn", "", "", "direct"),
    ('"I agreed with her then," Fenn continued.', "fenn", "", "", "direct"),
    ("The talks continued for hours.", "", "", "", "narration"),
    ("The war went on.", "", "", "", "narration"),
]


BLIND11_CASES = [
    # (body paragraph, speaker, source, addressee, quote_type), with the actors of round 5
    # a quotation ending in "is", "were", "to" is no passive or infinitive before "said"
    ('"It is what it is," said Lenz.', "Lenz", "", "", "direct"),
    ('"Nobody knows where we are," Valko said.', "valko", "", "", "direct"),
    ("He was told to leave.", "", "", "", "narration"),
    # "role, Name, <parenthesis>, said": the name with its role
    (
        "Kareth's president, Anja Rell, speaking beside him, said her country would welcome it.",
        "Anja Rell",
        "Kareth's president",
        "",
        "indirect",
    ),
    (
        "Korlund's captain, Ruben Maltby, 31, whose penalty was saved, told the broadcaster "
        "Velkanal that he would rest.",
        "Ruben Maltby",
        "Korlund's captain",
        "the broadcaster Velkanal",
        "indirect",
    ),
    # ... not a place opening the sentence
    (
        "In Kessel, the mayor, who was re-elected in May, said it would open.",
        "the mayor",
        "",
        "",
        "indirect",
    ),
    # a role cut before a relative clause; no role after an age and "and"
    (
        '"No," said Dalia, a law student at Brenholt University whose parents live abroad.',
        "Dalia",
        "a law student at Brenholt University",
        "",
        "direct",
    ),
    ('"We are tired," said Jon Ek, 45, and his wife, Lina, 44.', "Jon Ek", "", "", "direct"),
    # "issued|published … by X" names X even after an adverbial
    (
        "A study published on Friday by the Kessel Institute said wages rose.",
        "the Kessel Institute",
        "",
        "",
        "indirect",
    ),
    # an "of" name continuing an addressee, not a possessive after it
    ("Fenn told Valko of Morvia's concerns.", "fenn", "", "valko", "indirect"),
    # coordinated verbs: one verb before, no comma or relative clause in the first clause
    (
        "The mayor visited the street, listened to residents and promised new pumps.",
        "",
        "",
        "",
        "narration",
    ),
    (
        "The man who entered the bank and told staff he had a gun was arrested.",
        "",
        "",
        "",
        "narration",
    ),
    # "dismissed X as" reports only with a quotation; a cardinal is a role
    ("The court dismissed the case as frivolous.", "", "", "", "narration"),
    ('Critics dismissed the offer as "theatre."', "Critics", "", "", "mixed"),
    ("The cardinal said the talks were useful.", "The cardinal", "", "", "indirect"),
    # "added" with no reported words is an act; an interrupted quotation "she began"
    ("Valko added a photograph of the team.", "", "", "", "narration"),
    ("Valko added the team had made history.", "valko", "", "", "indirect"),
    (
        '"We did not come here to sign a paper. We came to —" Valko began, before the lights '
        "failed.",
        "valko",
        "",
        "",
        "direct",
    ),
    ("The talks began on Monday.", "", "", "", "narration"),
    # after a review of the round-11 rules: coordinated verbs after a list or a parenthesis
    # when the subject opens the sentence, joint subjects; numbers open subjects; "added"
    # after a short phrase; "dismissed X as" unless an act
    ("Fenn listened, nodded, and said the plan would work.", "fenn", "", "", "indirect"),
    (
        "Fenn and Valko met in Brask and said the border would reopen.",
        "fenn+valko",
        "",
        "",
        "indirect",
    ),
    ("Fenn, who flew in on Monday, met Valko and said it was calm.", "fenn", "", "", "indirect"),
    ("40 residents said the water was brown.", "40 residents", "", "", "indirect"),
    ('Valko added on Kessel Radio: "We stay."', "valko", "", "", "direct"),
    ("Fenn added in court that he was innocent.", "fenn", "", "", "indirect"),
    ("Fenn dismissed the claims as baseless.", "fenn", "", "", "indirect"),
    ("Fenn dismissed three generals as part of a purge.", "", "", "", "narration"),
    # "recalled" reports only "that" or a quotation (round 12: "recalled its ambassador")
    ("Fenn recalled its own ambassador for consultations.", "", "", "", "narration"),
    ("Fenn recalled that the border had been open.", "fenn", "", "", "indirect"),
    # "according to a poll by X": X speaks, the poll as written is the source
    (
        "His rating fell to 41 percent, according to a poll by the Orsolo Institute.",
        "the Orsolo Institute",
        "a poll by the Orsolo Institute",
        "",
        "indirect",
    ),
    ("The talks were interrupted by the Orsolo Institute.", "", "", "", "narration"),
    # '"…," Name, role, told reporters': the subject in the apposition, "reporters" the object
    (
        '"I never thought I would see this," Arlo Penhall, a water engineer, told reporters at '
        "the airport.",
        "Arlo Penhall",
        "a water engineer",
        "",
        "direct",
    ),
    # a participle "chanting" with a quotation
    (
        'Protesters gathered outside the port, chanting "Not our sea!"',
        "Protesters",
        "",
        "",
        "direct",
    ),
]


@pytest.mark.parametrize(
    ("body", "speaker", "source"),
    [
        # a pronoun several sentences after the only actor of its gender, with people of
        # another gender (their own "he" at the head of their reported words tells it; not a
        # spokesperson's, which is the principal's) or of unknown gender four or more
        # sentences back quoted in between
        (
            "Valko watched the final.\n\nThe coach, Anton Skarre, said the team was tired.\n\n"
            "The final went to penalties.\n\n"
            "Jan Holt, 31, told reporters that he would rest.\n\n"
            '"I looked up," he said.\n\nShe later told state television that it was historic.',
            "valko",
            "",
        ),
        # (a later "the company" is the body introduced with that description; no "she" is it)
        (
            "Orvagas, the state-owned company that supplies the gas, said prices would rise.\n\n"
            "The company said the contract was clear.",
            "Orvagas",
            "",
        ),
        (
            'Orvagas, the state-owned company, said prices would rise.\n\n"We will see," she said.',
            "she",
            "",
        ),
        # (a later bare role is the actor's spokesperson introduced with it, the role as
        # written the source, as at her introduction)
        (
            "Ingeborg Quarn, Fenn's spokeswoman, said the drones had crossed.\n\n"
            "The spokeswoman said the talks would wait.",
            "Ingeborg Quarn",
            "The spokeswoman",
        ),
        # (a spokesperson's "she" is the principal's, not their own gender; a possessor's
        # word, "the woman's husband", is not the person's; a surname like "Banks" is no body)
        (
            'Fenn\'s aide, Sam Ferro, said that she would attend.\n\n"It will be fine," he said.',
            "Sam Ferro",
            "",
        ),
        (
            'The woman\'s husband, Piet Dorn, said he was angry.\n\n"Nobody came," he said.',
            "Piet Dorn",
            "",
        ),
        (
            'Odile Banks, a nurse, said the ward was full.\n\n"We are tired," she added.',
            "Odile Banks",
            "",
        ),
        # (a "he" that refers to a person tells their gender: "He added" stays theirs)
        (
            "Fenn spoke first.\n\nTomas Orlik, a researcher, said the methods were careful.\n\n"
            '"The association is strong," he said. "It is not proof."\n\n'
            "He added that the estimate could be off.",
            "Tomas Orlik",
            "",
        ),
        # a surname alone is the full name written earlier, even in narration
        (
            "The result was a defeat for Tobias Grend, the former minister.\n\n"
            "Grend conceded defeat, telling supporters the result was clear.",
            "Tobias Grend",
            "",
        ),
        # (a name particle is a whole word: "Tobias Renn led", not "Tobias Renn le")
        (
            "In Velgrad, Archbishop Tobias Renn led a vigil.\n\nRenn told reporters it was time.",
            "Tobias Renn",
            "",
        ),
        # (a title before the name is no part of it; two people of one surname: as written)
        (
            "Prime Minister Jan Holt met Fenn.\n\nHolt said the talks went well.",
            "Jan Holt",
            "",
        ),
        (
            "Ana Holt and Jan Holt met Fenn.\n\nHolt said the talks went well.",
            "Holt",
            "",
        ),
        # "the agency" is the agency named in full before
        (
            "The toll rose, the National Emergency Agency said.\n\n"
            "More people were injured, the agency said on Sunday.",
            "the National Emergency Agency",
            "",
        ),
        ("The toll rose, the agency said.", "the agency", ""),
        # (two agencies named before: as written)
        (
            "A spokesman for the Vennish Weather Agency said storms were coming. The Korvanian "
            "Seismic Agency said the quake was small.\n\nThe agency said it had warned them.",
            "The agency",
            "",
        ),
        # a title-case headline or a place holds no first name
        ("Lawmakers Rebuke Grend\n\nGrend said he would stay.", "Grend", ""),
        (
            "Marsh, a farmer from Eastern Marsh, said the water was clean.",
            "Marsh",
            "a farmer from Eastern Marsh",
        ),
        # a third party's document is not the last speaker's
        (
            "Tarn said the allegations were false.\n\nThe dossier said Tarn had taken bribes.",
            "The dossier",
            "The dossier",
        ),
    ],
)
def test_blind9_context_rules(
    blind5_actors: attribution.Actors, body: str, speaker: str, source: str
) -> None:
    st = _run(_article("A headline\n\n" + body + "\n"), blind5_actors)[0][-1]
    assert (st.speaker, st.source) == (speaker, source), st.rule


BLIND13_CASES = [
    # (body paragraph, speaker, source, addressee, quote_type), with the actors of round 5;
    # rules added after blind rounds 12 and 13 (tests/fixtures/invented/blind12, blind13)
    # a thousands separator is no clause boundary
    (
        "The Households League, a consumer group with 200,000 members, said prices would rise.",
        "The Households League",
        "a consumer group with 200,000 members",
        "",
        "indirect",
    ),
    # "according to data from X": X speaks through its data
    (
        "Prices rose 14 percent, according to data from the Varnhold Energy Exchange.",
        "the Varnhold Energy Exchange",
        "data from the Varnhold Energy Exchange",
        "",
        "indirect",
    ),
    ("Prices rose, according to data from 2019.", "", "", "", "narration"),
    # a restrictive relative clause after an inverted subject is no part of it
    (
        '"There was no other way," said an official who spoke on condition of anonymity '
        "because he was not authorized to discuss the deal.",
        "an official",
        "",
        "",
        "direct",
    ),
    # "agreed in return to" + infinitive is an act: the officials report it
    (
        "Morvia agreed in return to free two men, officials familiar with the talks said.",
        "officials familiar with the talks",
        "",
        "",
        "indirect",
    ),
    # a relative clause's own commas hold no apposition of the subject
    (
        "Maja Orlev, whose husband, Tomasz, was jailed, said they had waited.",
        "Maja Orlev",
        "",
        "",
        "indirect",
    ),
    # agent nouns and bodies that no role of the lexicon names
    ("The mediator said the gap was small.", "The mediator", "", "", "indirect"),
    (
        "A mediator familiar with the talks, who declined to be named, said the gap was small.",
        "A mediator familiar with the talks",
        "",
        "",
        "indirect",
    ),
    (
        '"It is bad," said a crane operator at the port.',
        "a crane operator at the port",
        "",
        "",
        "direct",
    ),
    ("The bank said that rates would rise.", "The bank", "", "", "indirect"),
    ('One placard read "Pay us like it."', "One placard", "", "", "direct"),
    (
        "The ferry operators warned that fares would rise.",
        "The ferry operators",
        "",
        "",
        "indirect",
    ),
    # ... not evidence, not a common noun that only ends like one, not a subject before a
    # quoted fragment ('saying only that the board "takes …"': the participle reports)
    ("The evidence suggests that the gap was small.", "", "", "", "narration"),
    ("The border said nothing.", "", "", "", "narration"),
    (
        "Asked whether the budget made her job harder, Valko declined to comment, saying only "
        'that the board "takes the budget as it finds it."',
        "valko",
        "",
        "",
        "mixed",
    ),
    # ... and not where a review of these rules found them wrong: a subordinate clause's
    # subject, a reduced relative, a thing, a body's name with "of", another title holder
    ('"We will sail again," Lind said, as the mediator had predicted.', "Lind", "", "", "direct"),
    ("The weather suggested a delay, the captain said.", "the captain", "", "", "indirect"),
    ("The plan the mediator proposed on Monday was rejected.", "", "", "", "narration"),
    ("What the mediator said next surprised the crews.", "", "", "", "narration"),
    ("The container said the port was shut.", "", "", "", "narration"),
    ("The list says that the port is open.", "", "", "", "narration"),
    ("As the mediator said on Monday, the crews want a deal.", "the mediator", "", "", "indirect"),
    ("The hospital confirmed that two men were hurt.", "The hospital", "", "", "indirect"),
    (
        "The fishermen, a group of about 200,000 people, said they backed the crews.",
        "The fishermen",
        "",
        "",
        "indirect",
    ),
    (
        "In Vessk, which has 40,000 residents, the mayor, Ivo Rask, said the port was shut.",
        "Ivo Rask",
        "the mayor",
        "",
        "indirect",
    ),
    ("Rusk, who met Lund, Malk and Rask, said the talks were useful.", "Rusk", "", "", "indirect"),
    (
        "The Hollin Chamber of Commerce said the port was shut.",
        "The Hollin Chamber of Commerce",
        "",
        "",
        "indirect",
    ),
    (
        "A former Morvian president said the port was shut.",
        "A former Morvian president",
        "",
        "",
        "indirect",
    ),
    # round 14: verbs of debates and statements; quote-only verbs with a phrase before the
    # colon; a postmodifier "near"
    ('"One," she retorted.', "she", "", "", "direct"),
    ("Lind shot back that the tax had paid for the beds.", "Lind", "", "", "indirect"),
    ('"I have been called worse," Lind quipped.', "Lind", "", "", "direct"),
    ("Lind lamented that the accord gave coal a future.", "Lind", "", "", "indirect"),
    ('Lind hailed the accord as "a realistic deal."', "Lind", "", "", "mixed"),
    ('Lind interrupted his rival mid-sentence: "You said the opposite."', "Lind", "", "", "mixed"),
    (
        'A man near the back of the hall shouted "Liar!" and was led out.',
        "A man near the back of the hall",
        "",
        "",
        "direct",
    ),
    ("The talks continued into the night.", "", "", "", "narration"),
    # ... not their other senses (a review of the round-14 rules)
    ("Prices shot back up on Monday.", "", "", "", "narration"),
    ("The guards shot back at the gunmen.", "", "", "", "narration"),
    ("The crowd hailed the winner.", "", "", "", "narration"),
    ("He hailed a taxi.", "", "", "", "narration"),
    ("Lind hailed the vote as a victory for reason.", "Lind", "", "", "indirect"),
    ("Fishermen lamented lost catches.", "", "", "", "narration"),
    ("He retorted with a long list of grievances.", "", "", "", "narration"),
    (
        'The chairman interrupted the session for an hour: "We resume at noon."',
        "",
        "",
        "",
        "narration",
    ),
    (
        "Later, speaking in Porvik, the minister, Ola Brandt, said the port was shut.",
        "Ola Brandt",
        "the minister",
        "",
        "indirect",
    ),
    # names with a firm or a place after "of"; a titled name after a role
    (
        "Dmitri Sollis of Ferrow & Lane said the bank was boxed in.",
        "Dmitri Sollis",
        "",
        "",
        "indirect",
    ),
    (
        "The spokesman, Lieutenant General Evgen Ostrin, said units had cleared the village.",
        "Evgen Ostrin",
        "The spokesman",
        "",
        "indirect",
    ),
    (
        "Governor Bohdar Dolan of the Halvetsk region wrote on the messaging app Zvonar that "
        "shelling had killed two civilians.",
        "Bohdar Dolan",
        "Governor",
        "",
        "indirect",
    ),
    ('"No," Gorev interjected.', "Gorev", "", "", "direct"),
    # a participle report wins over an "as" clause that only compares
    (
        "Quarn corrected the record, saying the talks had begun in March, not in May as she had "
        "told reporters.",
        "Quarn",
        "",
        "",
        "indirect",
    ),
]


@pytest.mark.parametrize(
    ("body", "speaker", "source", "source_actor"),
    [
        # a gendered role word tells the person's gender for later mentions (a "he" in what
        # she reports does not); her later "she said" is hers
        (
            "Ingeborg Quarn, a spokeswoman, said the border was calm.\n\n"
            "Quarn confirmed that he had been handed a note.\n\n"
            '"We will wait," she said.',
            "Ingeborg Quarn",
            "",
            "",
        ),
        # a holder of another rank of an actor's title does not speak for the actor
        (
            "Stellan Ilvesto, a former deputy prime minister, argued that rates were high.",
            "Stellan Ilvesto",
            "a former deputy prime minister",
            "",
        ),
        (
            "Jan Holt, the prime minister's adviser, said it.",
            "Jan Holt",
            "the prime minister's adviser",
            "valko",
        ),
        # "it" opening a sentence (or after a quotation) is the body that spoke last; not a
        # subordinate "when it said" (a nearer noun may be meant), nor a person
        (
            "Ardovia's general staff denied that the village had fallen. "
            '"Our soldiers hold it," it said.',
            "Ardovia's general staff",
            "",
            "",
        ),
        ("Morvia said talks were useful.\n\nIt added that more were planned.", "fenn", "", ""),
        ("Morvia said talks were useful.\n\nFarmers worried when it said that.", "", "", ""),
        ("The mayor said the road was shut.\n\nIt added that it would reopen.", "", "", ""),
        # round 14: a country's ambassador or envoy speaks for its actor (not its
        # negotiators); "<Country>'s <title configured for its actor>" is the actor
        (
            "Morvia's ambassador, Joost Alsing, said the vote was fair.",
            "Joost Alsing",
            "Morvia's ambassador",
            "fenn",
        ),
        ("Morvia's envoy said the vote was fair.", "Morvia's envoy", "Morvia's envoy", "fenn"),
        ("Morvia's negotiators said the text was weak.", "Morvia's negotiators", "", ""),
        ("Morvia's opposition spokesman said it.", "Morvia's opposition spokesman", "", ""),
        # a person named only in narration ("was jailed") is no candidate for a later "he"
        ('Jan Holt was jailed on Monday.\n\n"Justice has been done," he said.', "he", "", ""),
        ("Morvia's president said the vote was fair.", "fenn", "", ""),
        # a participle parenthesis with its own apposition; an agent noun as a role
        (
            "Fenn, speaking to reporters in the Morvian capital, Vesk, later called the vote "
            '"theatre."',
            "fenn",
            "",
            "",
        ),
        (
            "Jana Pruett, a customer in Kelderby, wrote that the heater had burned.",
            "Jana Pruett",
            "a customer in Kelderby",
            "",
        ),
    ],
)
def test_blind13_context_rules(
    blind5_actors: attribution.Actors, body: str, speaker: str, source: str, source_actor: str
) -> None:
    st = _run(_article("A headline\n\n" + body + "\n"), blind5_actors)[0][-1]
    assert (st.speaker, st.source, st.source_actor) == (speaker, source, source_actor), st.rule


@pytest.mark.parametrize(
    ("body", "source_actor"),
    [
        # an office configured in lower case ("the ministry") matches in lower case in a
        # story about the actor's country ...
        (
            "The Kestranian border was quiet.\n\n"
            "Ingeborg Quarn, the ministry's spokeswoman, said the drones had crossed.",
            "orrev",
        ),
        (
            "Kestrania's foreign ministry protested.\n\n"
            "Ingeborg Quarn, the ministry's spokeswoman, said the drones had crossed.",
            "orrev",
        ),
        (
            "A ministry official in Kestrania spoke first.\n\n"
            "Ingeborg Quarn, the ministry's spokeswoman, said the drones had crossed.",
            "orrev",
        ),
        # ... not in a story that never names that country ...
        ("Ingeborg Quarn, the ministry's spokeswoman, said the drones had crossed.", ""),
        # ... nor where another body of that word is named: then it may be either
        (
            "Kestrania and Ombrevia's ministry protested.\n\n"
            "Ingeborg Quarn, the ministry's spokeswoman, said the drones had crossed.",
            "",
        ),
        (
            "The Kestranian interior ministry protested.\n\n"
            "Ingeborg Quarn, the ministry's spokeswoman, said the drones had crossed.",
            "",
        ),
        (
            "Kestrania's ministry of health protested.\n\n"
            "Ingeborg Quarn, the ministry's spokeswoman, said the drones had crossed.",
            "",
        ),
    ],
)
def test_lower_case_office_of_the_actors_file(body: str, source_actor: str) -> None:
    actors = attribution.actors_from_mapping(
        {
            "actors": {
                "orrev": {
                    "name": "Matthias Orrev",
                    "aliases": ["Foreign Minister Orrev"],
                    "organizations": ["Kestrania's foreign ministry", "the ministry"],
                    "country": "Kestrania",
                },
                "dornath": {"name": "Ottilie Dornath", "country": "Kestrania"},
            }
        }
    )
    st = _run(_article("A headline\n\n" + body + "\n"), actors)[0][-1]
    assert (st.speaker, st.source_actor) == ("Ingeborg Quarn", source_actor), st.rule


@pytest.mark.parametrize(
    ("actors_fixture", "paragraph", "speaker", "source", "addressee", "qtype"),
    [("titled_actors", *case) for case in BLIND3_CASES]
    + [("blind4_actors", *case) for case in BLIND4_CASES]
    + [("blind5_actors", *case) for case in BLIND5_CASES]
    + [("blind5_actors", *case) for case in BLIND6_CASES]
    + [("blind5_actors", *case) for case in BLIND7_CASES]
    + [("blind5_actors", *case) for case in BLIND9_CASES]
    + [("blind5_actors", *case) for case in BLIND10_CASES]
    + [("blind5_actors", *case) for case in BLIND11_CASES]
    + [("blind5_actors", *case) for case in BLIND13_CASES],
)
def test_reporting_grammar_blind_rounds(
    request: pytest.FixtureRequest,
    actors_fixture: str,
    paragraph: str,
    speaker: str,
    source: str,
    addressee: str,
    qtype: str,
) -> None:
    """Rules of blind rounds 3 to 13, each with the actors of its round (5 to 13 share)."""
    art = _article("A headline\n\n" + paragraph + "\n")
    st = _run(art, request.getfixturevalue(actors_fixture))[0][1]
    assert (st.speaker, st.source, st.addressee, st.quote_type) == (
        speaker,
        source,
        addressee,
        qtype,
    ), st.rule
    _check_quote_text(st, art)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a paraphrase, then an unattributed quotation: the same speaker (next paragraph ...)
        ('Korvath said the dams would stay.\n\n"We will not move."', ("korvath", "direct")),
        # (... or the same one)
        ('Korvath said the dams would stay. "We will not move."', ("korvath", "direct")),
        # narration in between: nobody to continue
        (
            'Korvath said the dams would stay.\n\nThe river rose.\n\n"We will not move."',
            ("", "direct"),
        ),
        # the nearest previous speaker, not the first one
        (
            'Korvath said the dams would stay.\n\nTevik said no.\n\n"We will not move."',
            ("tevik", "direct"),
        ),
    ],
)
def test_quote_after_paraphrase_blind4(
    blind4_actors: attribution.Actors, body: str, expected
) -> None:
    st = _run(_article("A headline\n\n" + body + "\n"), blind4_actors)[0][-1]
    assert (st.speaker, st.quote_type) == expected, st.rule
    if st.speaker:  # the rule column says what was continued
        assert st.rule.endswith("continues the previous paraphrase"), st.rule


# Rules added after blind round 15 (tests/fixtures/invented/blind15: a question time, tributes
# to a dead former president, trade talks, an election-night live blog). All sentences are
# INVENTED. (body, marker of the statement checked, speaker, source, source_actor), with the
# actors of round 5 (valko: a female prime minister; fenn: a male president).
BLIND15_CASES = [
    # a person a narration sentence introduces is the "he"/"she" opening the next statement
    (
        "Tesk Heaters recalled 200,000 units.\n\n"
        "Its chief executive, Conrad Ilves, apologised to customers on Monday.\n\n"
        '"I am sorry," he said.',
        "I am sorry",
        "Conrad Ilves",
        "",
        "",
    ),
    (
        "21:40 \u2014 Valko's aide, Pavel Dorn, has been speaking to reporters.\n\n"
        "He said the prime minister was calm.",
        "He said",
        "Pavel Dorn",
        "",
        "",
    ),
    (
        "Among those watching from the gallery was Rosa Tambling, a nurse.\n\n"
        "She said she had come to hear an answer.",
        "She said",
        "Rosa Tambling",
        "",
        "",
    ),
    (
        "President Fenn sat down.\n\n"
        'The Speaker, Owen Pardoe, rose to restore order. "Order! The public can hear '
        'you," he said.',
        "Order!",
        "Owen Pardoe",
        "",
        "",
    ),
    # ... not when an actor that pronoun fits is named there, nor after a death, another
    # gender, or a name that is no subject
    (
        'President Fenn met Ivo Sarn, a banker, on Monday.\n\n"It went well," he said.',
        "It went well",
        "fenn",
        "",
        "",
    ),
    (
        "President Fenn spoke first.\n\nIvo Sarn, a former miner, died on Sunday.\n\n"
        '"He was a good man," he said.',
        "good man",
        "fenn",
        "",
        "",
    ),
    (
        "President Fenn spoke first.\n\nMarta Lind, his spokeswoman, nodded.\n\n"
        '"We are ready," he said.',
        "We are ready",
        "fenn",
        "",
        "",
    ),
    (
        "President Fenn spoke first.\n\nOfficials met Ivo Sarn on Monday.\n\n"
        '"We are ready," he said.',
        "We are ready",
        "fenn",
        "",
        "",
    ),
    # from a review of these rules (tests/fixtures/invented/blind15/README.md): an actor
    # or a person that pronoun fits in the sentence before the newcomer's keeps it ...
    (
        "President Fenn spoke for 40 minutes at the congress.\n\n"
        "Trade envoy Ingrid Solberg sat on the podium.\n\n"
        '"We will not blink first," he said.',
        "blink",
        "fenn",
        "",
        "",
    ),
    (
        "Union leader Petter Anso said talks had collapsed.\n\n"
        "Transport minister Helga Brann met the employers on Tuesday.\n\n"
        '"We have waited long enough," he said.',
        "waited",
        "Petter Anso",
        "",
        "",
    ),
    # ... as do an actor named in the newcomer's sentence by a pronoun, the wounded and people
    # of long ago
    (
        "President Fenn toured the flooded district.\n\n"
        'Local farmer Ebbe Strand showed him the ruined fields.\n\n"We need help now," he said.',
        "help now",
        "fenn",
        "",
        "",
    ),
    (
        "The blast happened shortly after midnight.\n\n"
        "Local teacher Kerrin Aldo was seriously wounded.\n\n"
        '"Nobody here can believe it," he said.',
        "believe",
        "he",
        "",
        "",
    ),
    (
        "The old mill reopened on Saturday.\n\nIts founder, Jorun Vale, opened it in 1902.\n\n"
        '"It is a marvel," she said.',
        "marvel",
        "she",
        "",
        "",
    ),
    # a capitalized agent noun before the name is a title, not part of it
    (
        'Baker Gunnar Pell took over from his father.\n\n"I get up at three," he said.',
        "three",
        "Gunnar Pell",
        "",
        "",
    ),
    # a newcomer's "he" tells the newcomer's gender: a later "she" is someone else
    (
        "Prime Minister Valko flew to Kallo.\n\n"
        "Foreign minister Kurt Vall met her at the airport.\n\n"
        '"Welcome back," he said.\n\n"It is good to be here," she said.',
        "good to be here",
        "valko",
        "",
        "",
    ),
    # a plural role is no "he" or "she"
    (
        'President Fenn spoke.\n\nOpposition MPs shouted "Shame!"\n\n"Order!" he said.',
        'Order!" he',
        "fenn",
        "",
        "",
    ),
    # "the <role>" names the one person a narration sentence introduced with that role ...
    (
        "Tesk Heaters recalled heaters.\n\nThe firm's chief executive Conrad Ilves apologised.\n\n"
        "The chief executive said refunds would follow.",
        "refunds",
        "Conrad Ilves",
        "",
        "",
    ),
    (
        "The moderator, Sigrun Ejdersen, opened the debate.\n\n"
        "The moderator asked Fenn whether he would resign.",
        "resign",
        "Sigrun Ejdersen",
        "",
        "",
    ),
    # ... not a former holder, nor one of two
    (
        "Former chief executive Conrad Ilves apologised.\n\n"
        "The chief executive said refunds would follow.",
        "refunds",
        "The chief executive",
        "",
        "",
    ),
    (
        "Chief executive Conrad Ilves apologised. Chief executive Mara Voss did not.\n\n"
        "The chief executive said refunds would follow.",
        "refunds",
        "The chief executive",
        "",
        "",
    ),
    # a description with a restrictive relative clause picks someone out: no back-reference
    (
        "The nurse, Greta Falk, treated the boy.\n\n"
        "The nurse who found him said he was barely breathing.",
        "breathing",
        "The nurse",
        "",
        "",
    ),
    # "the <role>" is not the person introduced with it when another holder of the role is
    # named before, an actor holds it, or the introduction is about long ago
    (
        "Union chairman Eskil Moe met the board.\n\nThe board's chairman refused to budge.\n\n"
        "The chairman said the offer was final.",
        "final",
        "The chairman",
        "",
        "",
    ),
    (
        "Officers raided the home of police officer Birgit Haas.\n\n"
        "The officer said the raid had been lawful.",
        "lawful",
        "The officer",
        "",
        "",
    ),
    (
        "The ferry was built in 1958 for captain Lars Odd.\n\nOn Sunday it ran aground.\n\n"
        "The captain said everyone had been evacuated.",
        "evacuated",
        "The captain",
        "",
        "",
    ),
    # a document with the body that issued it: the body speaks, the document is the source
    (
        "A statement issued by the ministry said talks would go on.",
        "talks",
        "the ministry",
        "A statement issued by the ministry",
        "",
    ),
    (
        "A memo sent by the union to members said the strike would go on.",
        "strike",
        "the union",
        "A memo sent by the union to members",
        "",
    ),
    # "after Tuesday's call": a possessive before a verb's form makes it a noun
    (
        "A readout released by Valko's office after Tuesday's call said the leaders had agreed.",
        "agreed",
        "valko",
        "A readout released by Valko's office",
        "valko",
    ),
    # a draft or a text seen by an outlet speaks for itself (not the outlet); "the text" is a
    # document
    (
        "A draft of the agreement seen by the Kallo Post says tariffs would fall.",
        "tariffs",
        "A draft of the agreement",
        "A draft of the agreement",
        "",
    ),
    (
        "A draft text seen by Coralpost had called for cuts.",
        "cuts",
        "A draft text",
        "A draft text",
        "",
    ),
    (
        'The final text says governments "should consider" cuts.',
        "governments",
        "The final text",
        "The final text",
        "",
    ),
    ('The mission circulated a letter calling the draft "a trap".', "trap", "", "", ""),
    # "Its readout" after a sentence opened by an actor's body: that actor's document
    (
        "A readout from Valko's office said the talks went well.\n\n"
        "President Fenn's office offered another version. Its readout said the talks stalled.",
        "stalled",
        "fenn",
        "Its readout",
        "fenn",
    ),
    # "Its …" is not the body that opens the sentence before when that sentence names another
    (
        "Valko's office attacked the central bank on Monday.\n\n"
        "Its statement said rates would rise.",
        "rates",
        "Its statement",
        "Its statement",
        "",
    ),
    # a role at a firm, up to the verb (not "Workers at the Halden Steel plant")
    (
        "Workers at the Halden Steel plant were angry, saying they had not been paid.",
        "paid",
        "Workers",
        "",
        "",
    ),
    # a presidential aide speaks for the president, unless another president is in play
    (
        "Presidential spokeswoman Lina Marek said President Fenn was well.",
        "well",
        "Lina Marek",
        "Presidential spokeswoman",
        "fenn",
    ),
    (
        "Former presidential spokeswoman Lina Marek said the president had been misled.",
        "misled",
        "Lina Marek",
        "Former presidential spokeswoman",
        "",
    ),
    (
        "Tarnian President Eldar Voss will attend.\n\n"
        "Presidential spokeswoman Lina Marek said he would arrive on Monday.",
        "arrive",
        "Lina Marek",
        "Presidential spokeswoman",
        "",
    ),
    # the club named last
    (
        "His former club, Saltmere United, said it wished him well.\n\n"
        "His new club, Orby FC, confirmed the deal.\n\n"
        "The club said he would wear the number 9 shirt.",
        "number 9",
        "Orby FC",
        "",
        "",
    ),
    # "The report says" after "a report by <Name>": the author speaks
    (
        "President Fenn dismissed a report by Lanterna Rights Group.\n\n"
        "The report says detainees were beaten.",
        "beaten",
        "Lanterna Rights Group",
        "The report",
        "",
    ),
    # a body's name with "and" inside
    (
        "The Competition and Markets Board said it would open an investigation.",
        "investigation",
        "The Competition and Markets Board",
        "",
        "",
    ),
    # round 17 (tests/fixtures/invented/blind17): a person's role at a body whose name ends
    # in an outlet word ("Agency") is no outlet
    (
        "Hugo Penwright, director of the National Emergency Management Agency, said the "
        "delays were caused by the storm.",
        "delays",
        "Hugo Penwright",
        "director of the National Emergency Management Agency",
        "",
    ),
    # "The agency's latest bulletin" after that agency's full name: the agency speaks
    (
        "Hugo Penwright, director of the National Emergency Management Agency, spoke.\n\n"
        "The agency's latest bulletin said 41,000 people were in shelters.",
        "shelters",
        "the National Emergency Management Agency",
        "The agency's latest bulletin",
        "",
    ),
    # evacuees and refugees are roles
    (
        "Another evacuee, Joel Amberly, said he did not care who was to blame.",
        "blame",
        "Joel Amberly",
        "Another evacuee",
        "",
    ),
    # a newcomer named in the headline only is still introduced by the body
    (
        "On a gray morning in March, Katrin Sollis sat down without notes.\n\n"
        '"Inflation is a tax," she told them.',
        "Inflation",
        "Katrin Sollis",
        "",
        "",
    ),
    # another person named before the content keeps its "she" from telling the speaker's
    # gender ("said she was …" is about Sollis, not Anton Ruud)
    (
        "Katrin Sollis leads the bank.\n\n"
        "Anton Ruud, who shared an office with Sollis, said she was careful.\n\n"
        '"She would redraw a chart a dozen times," he recalled.',
        "redraw",
        "Anton Ruud",
        "",
        "",
    ),
    # no verb inside ", who … ," reports when the main verb follows
    (
        "A former deputy governor, who asked not to be named because he still advises the "
        "bank, said the governor was stubborn.",
        "stubborn",
        "A former deputy governor",
        "",
        "",
    ),
    # "<Name>'s report" names its author
    (
        "Margaret Elswick is the adviser.\n\nMs Elswick's interim report was published.\n\n"
        "The report said there was no evidence of gain.",
        "evidence",
        "Margaret Elswick",
        "The report",
        "",
    ),
    # a second apposition that describes the body, and a rank before the name
    (
        "Marek Soline, a senior fellow at the Harrowmere Institute, a security think tank in "
        "Salverne, said the sides remained far apart.",
        "far apart",
        "Marek Soline",
        "a senior fellow at the Harrowmere Institute",
        "",
    ),
    (
        "Colonel Ruben Aldis, a spokesman for the Kestovian army, said shelling continued.",
        "shelling",
        "Ruben Aldis",
        "a spokesman for the Kestovian army",
        "",
    ),
    # from a review of round 17's rules: a rank gives way only to a job ...
    (
        "Judge Sabine Uhl, a former prosecutor, said the sentence was fair.",
        "fair",
        "Sabine Uhl",
        "Judge",
        "",
    ),
    (
        "Bishop Tomas Hale, a critic of the government, said the law was cruel.",
        "cruel",
        "Tomas Hale",
        "Bishop",
        "",
    ),
    (
        "Sergeant Jan Holm, a police spokesman, said the suspect had fled.",
        "fled",
        "Jan Holm",
        "a police spokesman",
        "",
    ),
    # ... a weekday or a place owns no report, two authors make it the report's own, and a
    # news agency named in between keeps "the agency's report" as written
    (
        "Monday's report was delayed.\n\nThe report said growth had stalled.",
        "growth",
        "The report",
        "The report",
        "",
    ),
    (
        "Ms Elswick's report was criticised by Ivo Marsh.\n\n"
        "Marsh published his own report a week later.\n\n"
        "The report said the evidence was ignored.",
        "evidence",
        "The report",
        "The report",
        "",
    ),
    (
        "Professor Ivo Marsh's report was leaked.\n\nThe report said the scheme wasted millions.",
        "millions",
        "Ivo Marsh",
        "The report",
        "",
    ),
    (
        "The National Flood Agency raised its warning.\n\n"
        "News agency Northwire said the rain would stop.\n\n"
        "The agency's report said the rain would stop by Friday.",
        "Friday",
        "The agency's report",
        "",
        "",
    ),
    # an agent noun with a participle phrase, and a reporter's "told me"
    (
        "A volunteer handing out flags told me she had not eaten since noon.",
        "flags",
        "A volunteer handing out flags",
        "",
        "",
    ),
    # ", in a statement," between a subject and its verb
    (
        "The ministry, in a statement, said negotiators would meet again.",
        "negotiators",
        "The ministry",
        "",
        "",
    ),
    ("President Fenn pressed on.", "pressed on", "", "", ""),
    ("President Fenn pressed on Tuesday for a ceasefire.", "ceasefire", "fenn", "", ""),
    # several adverbials between commas, and an occasion with its outlet
    (
        'President Fenn, in a statement on Monday, said the deal was "dead".',
        "dead",
        "fenn",
        "",
        "",
    ),
    (
        "President Fenn, in an interview with the Velm Post, said the deal was dead.",
        "dead",
        "fenn",
        "",
        "",
    ),
    (
        'Prime Minister Valko voted early.\n\n"I voted for continuity," she joked to reporters.',
        "continuity",
        "valko",
        "",
        "",
    ),
    # a family speaks as one body, and issues its statement
    (
        "Ivo Sarn's family said he had died peacefully.",
        "peacefully",
        "Ivo Sarn's family",
        "",
        "",
    ),
    (
        "Ivo Sarn's family said in a statement that he had died peacefully.\n\n"
        '"He argued with everybody," the statement said.',
        "argued",
        "Ivo Sarn's family",
        "the statement",
        "",
    ),
    # a lone surname is the one full name of it written before (another comes later)
    (
        'Anselm Rook led Trelland for a decade.\n\n"A president is a tenant," Rook said in 1998.'
        "\n\nIlka Rook, a granddaughter, posted a photograph.",
        "tenant",
        "Anselm Rook",
        "",
        "",
    ),
]


#: Round 18's open failures, made general (INVENTED sentences): "…, it said" after a body that
#: spoke; "the company" after a name that "its" shows to be a body; a person's description
#: does not tell their gender from a relative clause; "the declaration" of a joint one.
BLIND18_CASES = [
    (
        "The Orlen Bank said on Monday it would cut 300 jobs.\n\n"
        "Most of the cuts will fall in Pellin, it said.",
        "Most of the cuts",
        "The Orlen Bank",
        "",
        "",
    ),
    (
        "The Orlen Bank said on Monday it would cut 300 jobs.\n\n"
        "Most of the cuts will fall in Pellin, it said in a statement on Monday.",
        "Most of the cuts",
        "The Orlen Bank",
        "",
        "",
    ),
    (
        "The Orlen Bank said it would cut jobs.\n\nThe union struck, when it said it had no money.",
        "The union struck",
        "",
        "",
        "",
    ),
    (
        "PELLIN — Orlen Freight cut its forecast for the year, the company said on Tuesday.",
        "forecast",
        "Orlen Freight",
        "",
        "",
    ),
    (
        "Orlen Freight cut its forecast for the year.\n\nDemand had fallen, the company said.",
        "Demand",
        "Orlen Freight",
        "",
        "",
    ),
    # a review of these rules (INVENTED probes): "the company" needs a company's name (a
    # place, a person or a common noun before "its" is none); "it" is no person
    (
        "Kessling lost its biggest employer on Tuesday, the company said.",
        "Kessling lost",
        "the company",
        "",
        "",
    ),
    (
        "Health Minister Ola Brunn defended its record on Monday.\n\n"
        "The staff were told on Friday, the ministry said.",
        "The staff",
        "the ministry",
        "",
        "",
    ),
    (
        "Dolmar Bank raised its lending rates.\n\nThe move was expected, the bank said.",
        "The move",
        "Dolmar Bank",
        "",
        "",
    ),
    (
        "Delmar Steel cut its orders. Varro Components will close its plant.\n\n"
        "Demand had fallen, the company said.",
        "Demand",
        "the company",
        "",
        "",
    ),
    (
        "Kelmar Foods said on Monday it would cut 300 jobs. Sales fell in every region, it said.",
        "Sales fell",
        "Kelmar Foods",
        "",
        "",
    ),
    (
        "The Calderian Health Protection Agency confirmed 40 new cases on Monday. Dr Anja Ruel, "
        "an epidemiologist at Brell University, said the numbers were worrying.\n\n"
        "The virus spread mainly in schools, it said.",
        "The virus spread",
        "The Calderian Health Protection Agency",
        "",
        "",
    ),
    (
        "Pieter Mols closed his shop in Pellin, the company said.",
        "closed",
        "the company",
        "",
        "",
    ),
    (
        "President Fenn toured its new plant, the company said.",
        "toured",
        "the company",
        "",
        "",
    ),
    (
        "Lidia Harn, a teacher whose father has been in hospital for a week, said the family "
        'could not visit.\n\n"The nurses call us every evening," she said.',
        "nurses",
        "Lidia Harn",
        "",
        "",
    ),
    (
        "Prime Minister Valko and President Fenn signed a joint declaration on Monday.\n\n"
        '"Both governments will cut tariffs," the declaration said.',
        "tariffs",
        "fenn+valko",
        "the declaration",
        "fenn+valko",
    ),
    (
        "Prime Minister Valko and President Fenn signed a joint declaration on Monday.\n\n"
        "On Tuesday, the Morvian parliament adopted a declaration of its own.\n\n"
        '"Borders are final," the declaration said.',
        "Borders are final",
        "the declaration",
        "the declaration",
        "",
    ),
    (
        "Prime Minister Valko and President Fenn refused to sign a joint declaration.\n\n"
        '"Borders are final," the declaration said.',
        "Borders are final",
        "the declaration",
        "the declaration",
        "",
    ),
    (
        "Ada Wren, a teacher, said pupils were ill. Kalle Brun, a driver who is a father of "
        'three, said his children were at home.\n\n"We need doctors," she said.',
        "We need doctors",
        "Ada Wren",
        "",
        "",
    ),
    (
        "Ivo Sarn and Mila Dorn signed a joint declaration on Monday.\n\n"
        "President Fenn said on Tuesday that he had not read it.\n\n"
        '"We will cut tariffs," the declaration said.',
        "We will cut",
        "fenn",
        "the declaration",
        "fenn",
    ),
]


BLIND18_CASES += [
    # two names opening a unit report together (blind round 16's merger), and their joint
    # document; a weekday before a name is no part of it
    (
        "PELLIN, Trelland (Nordwire) — Halvard Steel and Osterby Metals said on Monday they "
        "would merge.\n\nThe group will be based in Pellin, according to a joint press release.",
        "would merge",
        "Halvard Steel+Osterby Metals",
        "",
        "",
    ),
    (
        "Halvard Steel and Osterby Metals said on Monday they would merge.\n\n"
        "The group will be based in Pellin, according to a joint press release.",
        "based in Pellin",
        "Halvard Steel+Osterby Metals",
        "a joint press release",
        "",
    ),
    (
        "Anna Lowe chairs Halvard Steel.\n\nLowe and Ravi Delacourt said they were pleased.",
        "pleased",
        "Anna Lowe+Ravi Delacourt",
        "",
        "",
    ),
    (
        "Several ministers and Ravi Delacourt said they were pleased.",
        "pleased",
        "Ravi Delacourt",
        "",
        "",
    ),
    (
        "On Monday and Tuesday Ravi Delacourt said he was pleased.",
        "pleased",
        "Ravi Delacourt",
        "",
        "",
    ),
]


#: Round 19's failures, made general (INVENTED sentences; actors: Valko, prime minister of
#: Trelland; Fenn, president of Morvia).
BLIND19_CASES = [
    # an actor's office named by its apposition
    (
        "Harrow House, the prime minister's office, said late on Sunday that the remarks "
        '"speak for themselves".',
        "Harrow House",
        "valko",
        "Harrow House",
        "valko",
    ),
    # "dismissed suggestions that": a reply to words (not "dismissed the case")
    (
        "Prime Minister Valko, 58, dismissed suggestions that she was using the dispute.",
        "dismissed",
        "valko",
        "",
        "",
    ),
    (
        "President Fenn dismissed the case against the governor.",
        "dismissed",
        "",
        "",
        "",
    ),
    # "answered by expelling": an act (not "answered by saying")
    (
        "Trelland ordered four Morvian diplomats to leave, and Morvia answered within hours by "
        "expelling four of Trelland's.",
        "answered",
        "",
        "",
        "",
    ),
    (
        "President Fenn answered by saying that the talks were over.",
        "answered",
        "fenn",
        "",
        "",
    ),
    # ", which said" after a body
    (
        "The figures were disputed by the Morvian Rail Union, which said the company had lied.",
        "disputed",
        "the Morvian Rail Union",
        "",
        "",
    ),
    (
        "The rise was driven by inflation, which said nothing.",
        "inflation",
        "",
        "",
        "",
    ),
    # a place after "at the" is no second newcomer for the "he" that follows
    (
        '"I left home at five," said Priya Nandor, 34, a nurse.\n\n'
        "Oskar Feld, a student waiting at the Harbour Gate stop, was less forgiving. "
        '"They are fighting the future," he said.',
        "fighting",
        "Oskar Feld",
        "",
        "",
    ),
    # a quoted fragment inside an outer report's content is that report's
    (
        "Prime Minister Valko told her Morvian counterpart that Brask had \u201cirrefutable "
        "evidence\u201d of the network.",
        "irrefutable",
        "valko",
        "",
        "",
    ),
    # "accused by X of": a passive participle, no report nested in the sentence
    (
        "President Fenn rejected any suggestion that his government, long accused by Trelland "
        "of sheltering dissidents, had known about the plot.",
        "rejected",
        "fenn",
        "",
        "",
    ),
    # a review of these rules (INVENTED probes)
    (
        "The court dismissed claims of fraud against the mayor on Monday.",
        "fraud",
        "",
        "",
        "",
    ),
    (
        "President Fenn replied by denying that he had met Valko in secret.",
        "denying",
        "fenn",
        "",
        "",
    ),
    (
        "Morvia, criticised by rights groups for its prisons, said it would allow inspections.",
        "inspections",
        "fenn",
        "Morvia",
        "fenn",
    ),
    (
        "The union warned by a letter to members that it would strike in May.",
        "strike",
        "The union",
        "",
        "",
    ),
    (
        "Fair Work Watch, a campaign group, accused Harlen Steel of withholding wages.\n\n"
        '"Workers are being robbed," the group said.',
        "robbed",
        "Fair Work Watch",  # (session 19: the group the apposition introduced; not the company)
        "",
        "",
    ),
    (
        "Ivo Steel, the site manager, said the plant was safe.\n\n"
        "The roof had been checked, it said.",
        "roof",
        "",
        "",
        "",
    ),
    (
        "President Fenn said by telephone that the plot had failed.",
        "telephone",
        "fenn",
        "",
        "",
    ),
]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        # two reports of two speakers: one statement per clause (INVENTED lines)
        (
            "Prime Minister Valko says talks are a disaster, President Fenn praises progress",
            [
                ("Prime Minister Valko says talks are a disaster", "valko"),
                ("President Fenn praises progress", "fenn"),
            ],
        ),
        (
            "President Fenn hails deal; Valko calls it a trap",
            [("President Fenn hails deal", "fenn"), ("Valko calls it a trap", "valko")],
        ),
        (
            "Valko says talks were 'frank' as Fenn warns of 'consequences'",
            [("Valko says talks were 'frank'", "valko"), ("Fenn warns of 'consequences'", "fenn")],
        ),
        (
            "Valko heard calling Fenn 'a shopkeeper'; her office says tape was edited",
            [
                ("Valko heard calling Fenn 'a shopkeeper'", "valko"),
                ("her office says tape was edited", "valko"),
            ],
        ),
        (
            "Fenn calls visit a stunt",
            [("Fenn calls visit a stunt", "fenn")],
        ),
        (
            "Talks collapse; Valko blames Fenn",
            [("Talks collapse", ""), ("Valko blames Fenn", "valko")],
        ),
        # one report: the line stays whole
        (
            "Amid protests, President Fenn says talks will go on",
            [("Amid protests, President Fenn says talks will go on", "fenn")],
        ),
        (
            "In latest phone call, Valko says talks will go on",
            [("In latest phone call, Valko says talks will go on", "valko")],
        ),
        (
            "Valko will veto the rail deal, Courier reports",
            [("Valko will veto the rail deal, Courier reports", "Courier")],
        ),
        (
            "Valko demands answers as heater recall widens to 212,000 units",
            [("Valko demands answers as heater recall widens to 212,000 units", "valko")],
        ),
        (
            "Valko, Fenn agree to meet",
            [("Valko, Fenn agree to meet", "")],
        ),
        # after a review (INVENTED probes): a past verb after a comma or "as", an object
        # pronoun and an adverbial only, a verb of an act
        (
            "Valko says Fenn, Brask ministers agreed to talk",
            [("Valko says Fenn, Brask ministers agreed to talk", "valko")],
        ),
        (
            "Valko says she will quit as Fenn demanded in May",
            [("Valko says she will quit as Fenn demanded in May", "valko")],
        ),
        (
            "Valko says deal is off, Fenn told her by phone",
            [("Valko says deal is off, Fenn told her by phone", "valko")],
        ),
        (
            "Valko dismisses army chief after defeat",
            [("Valko dismisses army chief after defeat", "")],
        ),
        (
            "Valko dismisses claims of secret deal",
            [("Valko dismisses claims of secret deal", "valko")],
        ),
        ("Valko calls election a year early", [("Valko calls election a year early", "")]),
        (
            "Valko hails taxi after motorcade breaks down",
            [("Valko hails taxi after motorcade breaks down", "")],
        ),
        # session 11: a newsletter's label, " and ", a lower-case actor's title
        (
            'Morning Note: Valko says budget "holds" as Fenn warns that rates will rise',
            [
                ('Morning Note: Valko says budget "holds"', "valko"),
                ("Fenn warns that rates will rise", "fenn"),
            ],
        ),
        (
            "Valko says talks will resume and Fenn insists that no deal is near",
            [
                ("Valko says talks will resume", "valko"),
                ("Fenn insists that no deal is near", "fenn"),
            ],
        ),
        (
            "Valko says Kastavia and Velsia agree to talks",
            [("Valko says Kastavia and Velsia agree to talks", "valko")],
        ),
        (
            "Fenn says talks will resume as the prime minister insists that no deal is near",
            [
                ("Fenn says talks will resume", "fenn"),
                ("the prime minister insists that no deal is near", "valko"),
            ],
        ),
    ],
)
def test_a_headline_of_two_reports_is_two_statements(
    blind5_actors: attribution.Actors, headline: str, expected: list[tuple[str, str]]
) -> None:
    statements = _run(_article(headline + "\n\nThe two met on Monday.\n"), blind5_actors)[0]
    got = [(s.text, s.speaker) for s in statements if s.section == "headline"]
    assert got == expected


def test_a_body_near_an_actors_office_is_not_the_office(blind5_actors: attribution.Actors) -> None:
    body = (
        "The Brask Institute, a think-tank close to the prime minister's office, said taxes "
        "must rise."
    )
    st = next(
        s for s in _run(_article("H\n\n" + body + "\n"), blind5_actors)[0] if "taxes" in s.text
    )
    assert "valko" not in (st.speaker, st.source_actor), st.rule


#: Round 20's failures, made general (INVENTED sentences; actors Valko and Fenn).
BLIND20_CASES = [
    # a recording's words: "can be heard saying/telling …"
    (
        "In the recording, Prime Minister Valko can be heard telling an aide to stall the deal.",
        "stall",
        "valko",
        "",
        "",
    ),
    (
        "At another point, Karl Emmerich can be heard suggesting that the delay be blamed on "
        '"technical questions."',
        "delay",
        "Karl Emmerich",
        "",
        "",
    ),
    ("The crowd could be heard chanting.", "chanting", "", "", ""),
    ("Protesters could be heard shouting outside the ministry.", "shouting", "", "", ""),
    (
        "Prime Minister Valko said the talks had failed, and Valko, asked whether she would "
        "resign, said she would not.",
        "resign",
        "valko",
        "",
        "",
    ),
    # a present form of a past-only verb after a quotation and a name
    (
        'Karl Emmerich asked whether to wait.\n\n"Good," Valko replies.',
        "Good",
        "valko",
        "",
        "",
    ),
    # "the 61-year-old" is the person written with that age (not "a 61-year-old")
    (
        "President Fenn, 61, toured the town.\n\nAsked whether he had been afraid, the "
        '61-year-old replied: "Of course."',
        "Of course",
        "fenn",
        "",
        "",
    ),
    (
        'Ruben Maltby, 29, scored twice.\n\n"It was easy," the 29-year-old midfielder said.',
        "easy",
        "Ruben Maltby",
        "",
        "",
    ),
    (
        "A 29-year-old man said he saw the crash.",
        "crash",
        "A 29-year-old man",
        "",
        "",
    ),
    # the spokeswoman of "The prime minister's spokeswoman, Irena Solt, …, telling", not the
    # prime minister
    (
        "The prime minister's spokeswoman, Irena Solt, struck a different note, telling "
        'reporters that it had been "a private exchange."',
        "private exchange",
        "Irena Solt",
        "The prime minister's spokeswoman",
        "valko",
    ),
    # "Valko's spokeswoman, Carlota Brin, said …. "…," she told …": the spokeswoman (named
    # after the actor's possessive at the same offset), not the actor; still speaking for her
    (
        "Prime Minister Valko's spokeswoman, Carlota Brin, said on Friday that the account "
        'stood. "We published all of it," she told the state broadcaster.',
        "published all",
        "Carlota Brin",
        "",
        "valko",
    ),
    # "Both offices said": the actors of the group named before, through their offices
    (
        "President Fenn and Prime Minister Valko spoke by phone on Monday.\n\n"
        "Both offices said the two leaders had agreed to meet again.",
        "agreed",
        "fenn+valko",
        "Both offices",
        "fenn+valko",
    ),
    (
        "President Fenn and Prime Minister Valko spoke by phone on Monday.\n\n"
        "Their offices said the talks were frank.",
        "frank",
        "fenn+valko",
        "Their offices",
        "fenn+valko",
    ),
    (
        "President Fenn and Prime Minister Valko spoke by phone on Monday.\n\n"
        "The unions met on Tuesday. Their leaders said the strike would go on.",
        "strike",
        "Their leaders",
        "",
        "",
    ),
    # a reporting verb closing a reduced relative clause reports nothing
    (
        "Its foreign minister, Leander Oyelu, told the hall that the offers Valko had described "
        'were "offers to buy back our own water."',
        "offers to buy",
        "Leander Oyelu",
        "Its foreign minister",
        "",
    ),
    ("The plan Valko announced is dead, Fenn said.", "plan", "fenn", "", ""),
    # a body sentence of two reports: one statement per clause
    (
        "Foreign Minister Dagny Falk called on both leaders to publish the transcripts, while "
        "the Morvian navy said it had moved two frigates.",
        "frigates",
        "the Morvian navy",
        "",
        "",
    ),
    (
        "Prime Minister Valko said the plan was good, and the minister agreed.",
        "agreed",
        "valko",
        "",
        "",
    ),
]

#: Round 21 and session 11 (INVENTED sentences).
BLIND21_CASES = [
    # a report inside a fronted clause is no outer frame; its people are not "he"
    (
        "Karl Emmerich, a spokesman for President Fenn, said the deal was close. When a "
        'reporter pointed out that the text quoted Fenn directly, he said: "That is their text."',
        "their text",
        "Karl Emmerich",
        "",
        "fenn",  # (still the spokesman: session 13)
    ),
    (
        "Karl Emmerich said the deal was close. When a reporter asked President Fenn about the "
        'text, he said: "That is their text."',
        "their text",
        "fenn",
        "",
        "",
    ),
    (
        "Prime Minister Valko spoke on Monday. After the host pressed her on the deadline, "
        "Valko said talks would go on.",
        "talks would",
        "valko",
        "",
        "",
    ),
    (
        "Prime Minister Valko spoke on Monday. When Fenn said the islands were his, she said "
        "they were not.",
        "were not",
        "valko",
        "",
        "",
    ),
    ("As Fenn said last week, the islands are a matter for talks.", "islands", "fenn", "", ""),
    # "posted" reports words only with a quotation or a "that" clause
    (
        'Prime Minister Valko posted on Plume: "We will not be silenced."',
        "silenced",
        "valko",
        "",
        "",
    ),
    (
        'Prime Minister Valko posted a video on Plume late on Tuesday: "We will not wait."',
        "wait",
        "valko",
        "",
        "",
    ),
    ('"We will not wait," Valko posted on Plume.', "wait", "valko", "", ""),
    ("Valko posted that the river belongs to everyone.", "river", "valko", "", ""),
    ("The company posted a loss of three million.", "loss", "", "", ""),
    ("President Fenn posted troops along the border.", "troops", "", "", ""),
    # an act "with" a noun of speech, then the words
    (
        "The assembly president, Karl Emmerich, closed the meeting with a reminder that the "
        "vote is on Friday.",
        "vote",
        "Karl Emmerich",
        "",
        "",
    ),
    ('Fenn ended the speech with a warning: "We will not wait."', "wait", "fenn", "", ""),
    ("The talks ended with a warning that nothing was settled.", "settled", "", "", ""),
    ("Fenn greeted the crowd with a wave.", "wave", "", "", ""),
    ("Valko met the envoy with a note of caution in her voice.", "caution", "", "", ""),
    # an abbreviated title is no name and its period no end
    (
        '"It is over," said Dr. Karl Emmerich, who studies the region.',
        "over",
        "Karl Emmerich",
        "",
        "",
    ),
    ('"It is over," said Prof Karl Emmerich.', "over", "Karl Emmerich", "", ""),
    (
        "Dr Karl Emmerich said the pact was dead. Emmerich added that it was over.",
        "added",
        "Karl Emmerich",
        "",
        "",
    ),
    # a describing word before a configured description
    ("The embattled Morvian president said the talks were alive.", "alive", "fenn", "", ""),
    ("The veteran prime minister said the talks were alive.", "alive", "valko", "", ""),
    ("The former president said the talks were dead.", "dead", "The former president", "", ""),
    (
        "The deputy prime minister said the talks were dead.",
        "dead",
        "The deputy prime minister",
        "",
        "",
    ),
    # a body sentence's second report with a lower-case subject after "; "
    (
        "Fenn said the clause was closed; a trade official said it was not.",
        "was not",
        "a trade official",
        "",
        "",
    ),
    ("Fenn said the clause was closed; officials said it was not.", "was not", "officials", "", ""),
    (
        "Fenn said the clause was closed; a few hours later the talks collapsed.",
        "collapsed",
        "fenn",
        "",
        "",
    ),
    # a fronted participle's people are not the "he" who answers
    (
        "Karl Emmerich, a spokesman, said repairs would take a week. Asked about the row "
        'between Valko and Fenn, he said: "I fix cables."',
        "cables",
        "Karl Emmerich",
        "",
        "",
    ),
    # an exchange quoted as a script (a name written in full before the turns)
    (
        "Valko texted the minister's aide, Hal Brisco.\n\nValko: Where are they?\n\n"
        "Brisco: Loading tonight. You will have them Monday.",
        "Loading",
        "Hal Brisco",
        "",
        "",
    ),
    (
        "Valko texted the minister's aide, Hal Brisco.\n\nValko: Where are they?\n\n"
        "Brisco: Loading tonight.",
        "Where are",
        "valko",
        "",
        "",
    ),
    ("Update: the barges left.\n\nNote: times are local.", "barges", "", "", ""),
    # an embedded post's signature, in its paragraph or the next
    (
        "Barges left at noon. Crews are on board. \u2014 Karl Emmerich (@kemmerich) 18:02",
        "Barges",
        "Karl Emmerich",
        "",
        "",
    ),
    (
        "Eight generators are on the water.\n\n\u2014 Irena Valko (@PMValko) March 3, 2026",
        "generators",
        "valko",
        "",
        "",
    ),
    # public bodies; estimates "put at" a figure
    ("The transit authority says fees cover costs.", "fees", "The transit authority", "", ""),
    (
        "The authority says fees cover costs; the finance ministry puts the figure closer to 55.",
        "closer",
        "the finance ministry",
        "",
        "",
    ),
    ("The ministry put the death toll at 40.", "toll", "The ministry", "", ""),
    ("Valko put the cost of the dam on the table.", "table", "", "", ""),
    ("Crews are on board. Not everyone on the board agreed.", "Not everyone", "", "", ""),
    # words that point back at words said before are no report; "said so" confirms
    ("Valko has said that before.", "before", "", "", ""),
    ("Fenn said as much in May.", "as much", "", "", ""),
    ("A diplomat in Kallo said so.", "so", "A diplomat in Kallo", "", ""),
    # an adverbial before the subject of a clause whose second verb reports
    (
        "Fenn has not spoken about it. On Thursday he opened a hospital wing and told the "
        'staff that "a country is measured by how it treats its sick."',
        "measured",
        "fenn",
        "",
        "",
    ),
    # "for his part"; a description the lexicon lacks, then a role and a name; audiences
    (
        "Karl Emmerich, the opposition leader, spoke first. Emmerich, for his part, told "
        "reporters that he had heard nothing new.",
        "nothing new",
        "Karl Emmerich",
        "",
        "",
    ),
    (
        'The other guest, the economist Karl Emmerich, said he had "never seen such a fight."',
        "such a fight",
        "Karl Emmerich",
        "the economist",
        "",
    ),
    ('"It was a mess," wrote one user in Tollby.', "mess", "one user in Tollby", "", ""),
    ("Thousands of users answered with photographs of the dry riverbed.", "riverbed", "", "", ""),
    # "they" after a plural role's statement in the same paragraph
    (
        "Valko and Fenn met on Monday. Officials familiar with the talks said the quarrel was "
        "deep. Morvia wants 60 percent of the revenue, they said.",
        "60 percent",
        "Officials familiar with the talks",
        "",
        "",
    ),
    (
        "Valko and Fenn met on Monday. A senior official said the talks were hard. They said "
        "they would meet again.",
        "meet again",
        "fenn+valko",
        "",
        "",
    ),
    # a recording as the source of the words it holds
    (
        'According to a recording aired by PRT, Fenn told aides that "the islands are ours".',
        "islands",
        "fenn",
        "a recording aired by PRT",
        "",
    ),
    (
        "President Fenn can be heard telling an aide to stall the deal, according to a recording "
        "published by the news site Plume.",
        "stall",
        "fenn",
        "a recording published by the news site Plume",
        "",
    ),
    # "he added" goes on for the last speaker, not for a person in that speaker's words (but
    # an answer is not the asker's)
    (
        'On Monday, a bank spokesman, Karl Emmerich, said that Fenn "does not do television".\n\n'
        'The prime minister, he added, "has misunderstood the bank."',
        "misunderstood",
        "Karl Emmerich",
        "",
        "",
    ),
    (
        'Fenn spoke on Sunday.\n\n"So is the deal dead?" the host asked.\n\n"The deal," he '
        'said, "is not dead."',
        "not dead",
        "fenn",
        "",
        "",
    ),
    # round 23: "asked about …" is a participle, not an inverted subject; a fronted "Asked …,"
    # reports nothing of its own; a subject "he" learns no gender from a "she" after it
    (
        'Fenn, asked about the quarrel between the historians, said only that "history is long."',
        "history",
        "fenn",
        "",
        "",
    ),
    (
        "Asked on Sunday whether she still believed that, Valko did not reply, and aides said "
        "she was spending the day with her family.",
        "family",
        "aides",
        "",
        "",
    ),
    (
        "Karl Emmerich, a former aide, testified on Monday. He told the court she had also "
        "warned him. Emmerich insisted the diary was wrong. Valko, he said, often skipped "
        "dinners.",
        "skipped",
        "Karl Emmerich",
        "",
        "",
    ),
    # pool style: "was heard to say", a participle before the colon, a statement sent
    (
        'Fenn, waiting at the top of the steps, was heard to say "welcome, welcome".',
        "welcome",
        "fenn",
        "",
        "",
    ),
    ('Valko, turning halfway: "Ask me tomorrow."', "tomorrow", "valko", "", ""),
    ('The building, overlooking the river: "Open daily".', "Open daily", "", "", ""),
    (
        'The ministry later sent reporters a one-line statement: "We regret the delay."',
        "regret",
        "The ministry",
        "",
        "",
    ),
    ('She reposted the reply, adding a single word: "Exactly."', "Exactly", "She", "", ""),
    # courtesy and noble titles are no part of a name (one word after them is a name)
    (
        "Fenn was met by his secretary, Count Karl Emmerich, at the airport. Emmerich told the "
        "pool the king was delayed.",
        "delayed",
        "Karl Emmerich",
        "",
        "",
    ),
    ('"It is over," said Lady Anya Kell.', "over", "Anya Kell", "", ""),
    ("Prince Harald said the talks were over.", "talks", "Prince Harald", "", ""),
    # "neither … nor" subjects say nothing
    (
        "Neither the court nor the ministry would say whether Fenn would go.",
        "Fenn would",
        "",
        "",
        "",
    ),
    ("Neither Valko nor Fenn said the summit was off.", "summit", "", "", ""),
    ("Fenn said neither the court nor the ministry would talk.", "would talk", "fenn", "", ""),
    # a person's role for an outlet is no outlet; a role introduced in narration
    (
        "A reporter for the state news agency Tordpress asked whether Fenn would stay.",
        "would stay",
        "A reporter for the state news agency Tordpress",
        "",
        "",
    ),
    (
        "Prime Minister Valko turned to her foreign minister, Karl Emmerich, who sat in the "
        'front row.\n\n"We will wait," the foreign minister said.',
        "wait",
        "Karl Emmerich",
        "",
        "",
    ),
]


#: Blind round 24 (tests/fixtures/invented/blind24/README.md): INVENTED rows of its general
#: fixes, with the actors of ``blind5_actors``.
BLIND24_CASES = [
    # an occasion or a place set off after the subject is no second noun phrase (only when
    # the subject opens the unit)
    (
        "Morvia's embassy, in a statement relayed to the media on Friday, said President Fenn "
        "would not write again.",
        "write again",
        "Morvia's embassy",
        "Morvia's embassy",
        "fenn",
    ),
    ("Marit Olun, in Lissen, said the data was late.", "late", "Marit Olun", "", ""),
    # "who told" after the agent of a passive: the agent, not the clause before it
    (
        "The reply was carried to the ministry in Kallo by the ambassador, Dorel Mannik, who "
        "told reporters that the talks were over.",
        "talks were over",
        "Dorel Mannik",
        "the ambassador",
        "",
    ),
    # a caller's question; a publisher named by its trade
    (
        "Pieter, a retired driver from Oss, wanted to know whether the freeze would cover flats.",
        "freeze",
        "Pieter",
        "a retired driver from Oss",
        "",
    ),
    ("Voters want to know the truth.", "truth", "", "", ""),
    (
        "Castellan Press, the book\u2019s publisher, said the memoir had been checked with care.",
        "memoir",
        "Castellan Press",
        "the book\u2019s publisher",
        "",
    ),
    # a participle that reports with an object and "of"/"to" ("accusing … of", "urging … to"):
    # the subject of the sentence speaks; the participle's object is no subject
    (
        "Prime Minister Valko published an open letter to President Fenn, accusing his "
        'government of keeping "a hand on our throat".',
        "accusing",
        "valko",
        "",
        "",
    ),
    ("Prime Minister Valko spoke on Monday, urging restraint.", "restraint", "", "", ""),
    # a plural subject with an apposition of who they are; a letter it issued, read later
    (
        "On Tuesday, 40 scientists, most of them hydrologists, published a joint letter urging "
        'the two leaders to share data.\n\n"The river knows no border," the letter reads.',
        "urging",
        "40 scientists",
        "",
        "",
    ),
    (
        "Prime Minister Valko and President Fenn met in May.\n\nOn Tuesday, 40 scientists "
        "published a joint letter urging the two leaders to share data.\n\n"
        '"The river knows no border," the letter reads.',
        "knows no border",
        "40 scientists",
        "the letter",
        "",
    ),
    (
        "Forty scientists, all of them hydrologists, said the data must be shared.",
        "data",
        "Forty scientists",
        "",
        "",
    ),
    (
        "Several ministers, among them Olun, said the data must be shared.",
        "data",
        "Several ministers",
        "",
        "",
    ),
    # a person described by a document she signed is no document
    (
        "Marit Olun, the letter's first signatory, said the data was late.",
        "late",
        "Marit Olun",
        "the letter's first signatory",
        "",
    ),
    # a name and its parenthesis open the sentence; a coordinated verb reports
    (
        "Ruth Anker, speaking in Lissen, read out passages and concluded that the answer was no.",
        "answer",
        "Ruth Anker",
        "",
        "",
    ),
    (
        "In Lissen, Ruth Anker read out passages and concluded that it was no.",
        "it was no",
        "Ruth Anker",
        "",
        "",
    ),
    # "said nothing/little" with only a time, place or topic after it reports no words
    ("President Fenn has said nothing in public since the book appeared.", "nothing", "", "", ""),
    ("President Fenn said little about the dam.", "little", "", "", ""),
    ("President Fenn said nothing had changed.", "nothing", "fenn", "", ""),
    # "there"/"here" after the subject belongs to it; diners and guests speak
    ("Farmers there say they have begun to truck in water.", "truck", "Farmers there", "", ""),
    ("The trout, diners noted, came from the river.", "trout", "diners", "", ""),
    (
        "One guest at the top table said the king had joked.",
        "joked",
        "One guest at the top table",
        "",
        "",
    ),
    # "…, they said" after a plural role's statement, with no pair of actors named before
    (
        "Officials said the quarrel was old. Trelland wants more, they said.",
        "wants more",
        "Officials",
        "",
        "",
    ),
    # "her guest", "his counterpart": the other party named just before; a guest or a host
    # never speaks for the one whose guest or host it is
    (
        "Prime Minister Valko welcomed President Fenn to the palace. When his turn came, her "
        "guest insisted that the border was open.",
        "border was open",
        "fenn",
        "",
        "",
    ),
    (
        "Prime Minister Valko spoke. Her guest said the border was open.",
        "border",
        "Her guest",
        "",
        "",
    ),
    # "both" before a plural noun is no reference to the pair ("on both banks")
    (
        "Prime Minister Valko and President Fenn met in May.\n\nFarmers on both banks of the "
        "river were angry. Officials said a joint statement was drafted. The statement said the "
        "river was low.",
        "river was low",
        "Officials",  # (not the pair named before: officials issue statements)
        "The statement",
        "",
    ),
]


#: Blind round 25 (tests/fixtures/invented/blind25/README.md) and review 24: INVENTED rows of
#: their general fixes, with the actors of ``blind5_actors``.
BLIND25_CASES = [
    # a name first written as a possessive ("Noor Aldana's documentary") is the full name
    (
        "Noor Aldana's documentary airs on Sunday. Aldana said the palace had cooperated.",
        "cooperated",
        "Noor Aldana",
        "",
        "",
    ),
    # a present form of a past-only verb before a colon and a quotation, or before "that"
    (
        'Asked whether he ever thought of leaving, President Fenn replies: "Every hour."',
        "Every hour",
        "fenn",
        "",
        "",
    ),
    (
        "Prime Minister Valko recalls in a later interview that the talks were hard.",
        "talks were hard",
        "valko",
        "",
        "",
    ),
    ("The replies that came in were short.", "replies", "", "", ""),
    # a title in quotation marks, with no frame, is no quotation
    ('"The Long Table" is the best political film of the year.', "best", "", "", ""),
    # a closing single quotation mark is no part of the subject after it
    ("\u2018She can wait,\u2019 a minister wrote of the governor.", "wait", "a minister", "", ""),
    # interpreters and other trades
    (
        "Maren Ost, the delegation's interpreter, said she had rendered the phrase live.",
        "rendered",
        "Maren Ost",
        "the delegation's interpreter",
        "",
    ),
    # review 24: "urging <people> to the exits" and "accusing eyes" report nothing; "said
    # nothing in the plan was new" reports; "will want to know" puts no question
    ("Stewards waded in, urging the crowd to the exits.", "exits", "", "", ""),
    (
        "President Fenn stood at the lectern, accusing eyes on him from all sides of the hall.",
        "accusing",
        "",
        "",
        "",
    ),
    ("President Fenn said nothing in the plan was new.", "plan was new", "fenn", "", ""),
    ("Investors will want to know whether the bank is safe.", "bank is safe", "", "", ""),
    # a guest or host follows from the verb of the meeting told just before, not from the
    # nearest actor of the same gender; without such a verb it stays a role
    (
        "Prime Minister Valko hosted President Fenn. His host said the visit was overdue.",
        "overdue",
        "valko",
        "",
        "",
    ),
    (
        "President Fenn flew to Kallo to see Prime Minister Valko. Her guest said the visit was "
        "overdue.",
        "overdue",
        "fenn",
        "",
        "",
    ),
    (
        "Prime Minister Valko criticised President Fenn's plan. Her host said the plan was late.",
        "plan was late",
        "Her host",
        "",
        "",
    ),
    (
        "Prime Minister Valko met President Fenn. Her counterpart from Brask, Odo Marr, said the "
        "visit was overdue.",
        "overdue",
        "Odo Marr",
        "Her counterpart from Brask",
        "",
    ),
    # "the joint declaration" with no pair named just before: the article's two actors
    (
        "Prime Minister Valko met President Fenn in Kallo.\n\nThe crowd left at six.\n\nThe "
        "joint declaration, handed to reporters as they spoke, states that the border will "
        "reopen.",
        "border will reopen",
        "fenn+valko",
        "The joint declaration",
        "fenn+valko",
    ),
    # (review 25: not when the two are named only as the objects of others' words)
    (
        "Critics of Prime Minister Valko and of President Fenn marched in Kallo.\n\nThe crowd "
        "left at six.\n\nThe joint declaration states that the border will reopen.",
        "border will reopen",
        "The joint declaration",
        "The joint declaration",
        "",
    ),
    # (review 25: a statement goes to a spokesperson who spoke before, not to a passer-by)
    (
        "A spokesman for the port said the quay was closed. The statement added that ships "
        "would wait.",
        "ships would wait",
        "A spokesman for the port",
        "The statement",
        "",
    ),
    (
        "A taxi driver said the quay was closed. The statement added that ships would wait.",
        "ships would wait",
        "The statement",
        "The statement",
        "",
    ),
    # (review 25: a sentence-initial word before a possessive is no first name; a passive
    # meeting swaps host and guest; "Their demands:" is a noun; prepositions in the object)
    (
        "Unlike Aldana's earlier films, this one is short. Aldana said it was done.",
        "it was done",
        "Aldana",
        "",
        "",
    ),
    (
        "President Fenn was welcomed by Prime Minister Valko. His host said the visit was overdue.",
        "overdue",
        "valko",
        "",
        "",
    ),
    ('The strikers met in Kallo. Their demands: "More pay."', "More pay", "", "", ""),
    # review 24: "X later issued a statement." makes X the issuer of "the statement"
    (
        "A spokesman said President Fenn was in Kallo. President Fenn later issued a statement. "
        "The statement said talks would resume.",
        "talks would resume",
        "fenn",
        "The statement",
        "fenn",
    ),
    # round 26: a reader or caller by first name and town; "called" as a shout after its
    # quotation (not "called the vote a farce" with no quotation after it)
    ("Anna from Leeds said the bus was late.", "bus was late", "Anna from Leeds", "", ""),
    ("Officials from Brask said the bus was late.", "bus", "Officials from Brask", "", ""),
    (
        '"Boring is one word for it," Prime Minister Valko called across the aisle, to laughter '
        "from her benches.",
        "Boring",
        "valko",
        "",
        "",
    ),
    (
        '"Order! Order!" the Speaker, Augustin Pell, called over the noise.',
        "Order",
        "Augustin Pell",
        "the Speaker",
        "",
    ),
    ('After "Order!" was shouted twice, the Speaker called a vote.', "called a vote", "", "", ""),
    # round 26: "opened the debate by accusing X of …" reports; "by accusing the room" does not
    (
        "Prime Minister Valko opened the debate by accusing President Fenn of lying.",
        "lying",
        "valko",
        "",
        "",
    ),
    ("Prime Minister Valko opened the debate by accusing the room.", "the room", "", "", ""),
    (
        "Prime Minister Valko spoke in Kallo, urging leaders in Brask to act on the river.",
        "urging",
        "valko",
        "",
        "",
    ),
]


#: Session 13 (blind rounds 27–28, tests/fixtures/invented/blind27/README.md): INVENTED rows of
#: their general fixes, with the actors of ``blind5_actors``.
BLIND27_CASES = [
    # a configured title of another configured actor's country, or set off before another
    # person's name, is that other person's ("the king of Esselund", "the king, Oskar Delm,")
    (
        "The prime minister of Morvia said the talks had failed.",
        "failed",
        "The prime minister of Morvia",
        "",
        "",
    ),
    (
        "The prime minister, Jan Holt, said the talks had failed.",
        "failed",
        "Jan Holt",
        "The prime minister",
        "",
    ),
    ("The prime minister, Irena Valko, said the talks had failed.", "failed", "valko", "", ""),
    ("The prime minister of Trelland said the talks had failed.", "failed", "valko", "", ""),
    # (a place no actor is configured with proves nothing: it may be the actor's province)
    ("The prime minister of Kallo said the talks had failed.", "failed", "valko", "", ""),
    ("The prime minister, Mr Valko, said no.", "said no", "valko", "", ""),
    ("The prime minister, North Star Party leader, said no.", "said no", "valko", "", ""),
    # (a name set off after a title that is an object belongs to the head before it)
    (
        "A spokesman for the prime minister, Jonas Reede, said the talks had failed.",
        "failed",
        "Jonas Reede",
        "A spokesman for the prime minister",
        "valko",
    ),
    # a spokesperson keeps speaking for the actor in later mentions; the role is the source
    # only where it is written
    (
        "Valko's spokesman, Jonas Reede, said the talks had failed. Reede said they would resume.",
        "resume",
        "Jonas Reede",
        "",
        "valko",
    ),
    (
        "Valko's spokesman, Jonas Reede, said no.\n\nLater, Reede said they would resume.",
        "resume",
        "Jonas Reede",
        "",
        "valko",
    ),
    (
        'Valko\'s spokesman, Jonas Reede, said no.\n\n"We wait," he added.',
        "We wait",
        "Jonas Reede",
        "",
        "valko",
    ),
    # (not a deputy, a minister or a former aide: they speak as themselves later)
    (
        "Valko's deputy, Jonas Reede, said no. Reede said they would resume.",
        "resume",
        "Jonas Reede",
        "",
        "",
    ),
    (
        "Jonas Reede, Valko's former spokesman, said no. Reede said they would resume.",
        "resume",
        "Jonas Reede",
        "",
        "",
    ),
    # a pronoun tagging a quotation is not someone the quotation names
    (
        'Saskia Pendrick, a researcher, said readouts were common.\n\n"Voters hear that the '
        'prime minister was firm," she said.',
        "Voters hear",
        "Saskia Pendrick",
        "",
        "",
    ),
    # "the official", after "a senior Morvian official": that speaker, as first written
    (
        "A senior Morvian official told the agency that the call was short. "
        '"Nobody heard it," the official said.',
        "Nobody heard",
        "A senior Morvian official",
        "",
        "",
    ),
    (
        'A Morvian official spoke. "Nobody heard it," the French official said.',
        "Nobody",
        "the French official",
        "",
        "",
    ),
    # a fronted "Asked whether X had threatened …, as papers reported," is the question's
    (
        "Valko's spokeswoman, Aslaug Sunnvik, said the account was wrong.\n\nAsked whether "
        'Fenn had threatened to recall the envoy, as two papers reported, she replied: "No."',
        "No.",
        "Aslaug Sunnvik",
        "",
        "valko",
    ),
    # a modal before a nested verb: an act to come, the outer speaker's words
    (
        "The minister said Fenn would ask the court for an injunction.",
        "court",
        "The minister",
        "",
        "",
    ),
    (
        "The minister said Fenn had asked the court for an injunction.",
        "court",
        "fenn",
        "The minister",
        "",
    ),
    # "put it to X that …" reports; "put it to a vote" does not
    ("The host put it to Valko that the plan had failed.", "failed", "The host", "", ""),
    ("The speaker put it to the vote that afternoon.", "vote", "", "", ""),
    # "told the same story", "told a joke": nothing reported
    ("The gauges have told the same story all spring.", "story", "", "", ""),
    ("Fenn told her the story was false.", "false", "fenn", "", ""),
    # ", and <subject>, <apposition>, has warned …": a second report; an interest group
    (
        "The haulage lobby urged him not to give ground, and the Liberal Centre, his junior "
        "coalition partner, has warned that any discount must be paid for.",
        "discount",
        "the Liberal Centre",
        "his junior coalition partner",
        "",
    ),
    (
        "The haulage lobby urged him not to give ground, and the Liberal Centre, his junior "
        "coalition partner, has warned that any discount must be paid for.",
        "ground",
        "The haulage lobby",
        "",
        "",
    ),
    (
        "The union urged Fenn to resign, and the opposition warned it would strike.",
        "strike",
        "the opposition",
        "",
        "",
    ),
    # "<role>, <Name> of <outlet>,": the person's name
    (
        "Another reporter, Petra Lund of the Vellstad Courier, asked Fenn whether the tunnel "
        "would open.",
        "tunnel",
        "Petra Lund",
        "Another reporter",
        "",
    ),
    # round 28: a titled name introduced in narration, then "he said" after a quotation that
    # names an actor ("a president")
    (
        "Fenn spoke on Monday.\n\nKestrian Foreign Minister Anders Molle, speaking at a fair, "
        'was blunter. "A president may say what he likes," he said.',
        "may say",
        "Anders Molle",
        "",
        "",
    ),
    # "the same official"
    (
        "According to a Morvian official who was in the room, the talks failed.\n\nThe "
        "reply, the same official said, was short.",
        "was short",
        "a Morvian official who was in the room",
        "",
        "",
    ),
    # a fragment after an object ("between the two governments"): the clause's subject's
    (
        "Valko met Fenn.\n\nIn Sennet, the Ormond capital, President Ilse Varga offered to "
        'host talks between the two governments "at any level."',
        "any level",
        "Ilse Varga",
        "President",
        "",
    ),
    # "had written to both leaders": a letter, no words reported
    (
        "Her spokesman, Emeric Toll, said she had written to both leaders.",
        "written",
        "Emeric Toll",
        "Her spokesman",
        "",
    ),
    # a "she" in a fronted question is the main clause's subject
    (
        "One trader said markets were calm.\n\nAsked last week whether she had ever doubted "
        'the deal, Valko smiled. "Every minute," she said.',
        "Every minute",
        "valko",
        "",
        "",
    ),
    # round 29: "but said" shares the subject, as "and said" does; "That person said"
    ("Fenn left the room but said the talks would continue.", "continue", "fenn", "", ""),
    (
        "A spokesman for Fenn declined to comment but said the talks would continue.",
        "continue",
        "A spokesman for Fenn",
        "A spokesman for Fenn",
        "fenn",
    ),
    ("That was the end. That person said the deal was close.", "close", "That person", "", ""),
    ("He said that officials were tired.", "tired", "He", "", ""),  # ("that": no determiner)
    # ", while <role>, who …, said": a second report (not read from the relative clause)
    (
        'Valko called the plan "a bridge", while a Morvian diplomat, who asked not to be '
        "named, said the president resented it.",
        "resented",
        "a Morvian diplomat",
        "",
        "",
    ),
    # review 27's guards: the noun ends its phrase; a weekday after "that"; a list after a title;
    # a possessive name is no lead-in subject; another official named in between
    ("Fenn told the truth commission that the files were lost.", "files", "fenn", "", ""),
    ("Fenn told the same story to the court: “I was not there.”", "not there", "fenn", "", ""),
    ("The host put it to the vote that Tuesday.", "vote", "", "", ""),
    (
        "Kestrian Foreign Minister Anders Molle's driver, speaking after the talks, was "
        'blunter. "Too slow," he said.',
        "Too slow",
        "he",
        "",
        "",
    ),
    (
        "A senior Morvian official told reporters the market was calm. Valdish officials were "
        "gloomier. The talks are dead, the official said.",
        "talks are dead",
        "the official",
        "",
        "",
    ),
    ("Fenn wrote to Valko on Monday.", "Monday", "fenn", "", ""),
    # "according to Dr. Fox": the title's period stays in the source; an actor inside a
    # participle's aside of a lead-in sentence is no candidate for its "he"
    ("According to Dr. Fox, costs rose.", "costs", "Fox", "", ""),
    (
        "Foreign Minister Anders Molle, speaking to President Fenn, was blunter. "
        '"You are too slow," he said.',
        "too slow",
        "Anders Molle",
        "",
        "",
    ),
    # round 30: a court's chamberlain; "Representative X, of the … party,"; "Ms Kallweit" after
    # "Signe Kallweit"; "they wrote" in the next paragraph; an office with the actor's name
    (
        "The royal court's chamberlain, Maud Ferrin, told the agency that the king had spoken.",
        "had spoken",
        "Maud Ferrin",
        "The royal court's chamberlain",
        "",
    ),
    (
        "Representative Paul Ekholm, of the opposition Green Union, said the plan had failed.",
        "failed",
        "Paul Ekholm",
        "Representative",
        "",
    ),
    (
        "Signe Kallweit, who runs a freight firm, said her drivers queued.\n\n"
        '"It will not last," Ms Kallweit said.',
        "not last",
        "Signe Kallweit",
        "",
        "",
    ),
    (
        'In the filing, officials argued that the port was "a national asset."\n\n'
        'The governor, they wrote, "has confused a budget with a right."',
        "confused",
        "officials",
        "",
        "",
    ),
    (
        "Valko spoke first.\n\nLate on Wednesday, Fenn's office released a short video in "
        "which he insisted the door to talks remained open.",
        "door",
        "fenn",
        "",
        "",
    ),
    # ", quoted by state media," after the verb: the source (not "was quoted by … as saying")
    (
        '"We did not come to bury the past," Fenn said, quoted by state media.',
        "bury",
        "fenn",
        "state media",
        "",
    ),
    ("The figures were quoted by several papers.", "figures", "", "", ""),
    # "Leaders of <country> and <country> said": the two actors (acceptance test 13b)
    ("Leaders of Trelland and Morvia said the cuts would help.", "cuts", "fenn+valko", "", ""),
    # names with non-ASCII capitals (acceptance test 13)
    ("Søren Ågård said the cut broke a promise.", "promise", "Søren Ågård", "", ""),
    (
        "Farmers’ leader Søren Ågård said the cut broke a promise.",
        "promise",
        "Søren Ågård",
        "Farmers’ leader",
        "",
    ),
    ("Émile Durand said the cut broke a promise.", "promise", "Émile Durand", "", ""),
    (
        "Łukasz Nowak, a farmer, said the cut broke a promise.",
        "promise",
        "Łukasz Nowak",
        "a farmer",
        "",
    ),
    (
        "Ørsted Kale, Valko's spokesman, said no.\n\nØrsted Kale later said the cut broke "
        "a promise.",
        "promise",
        "Ørsted Kale",
        "",
        "valko",
    ),
    # (nor before the introduction)
    (
        "Reede said they would resume. Valko's spokesman, Jonas Reede, said no.",
        "resume",
        "Jonas Reede",
        "",
        "",
    ),
]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("The veteran chancellor said the talks were alive.", "holm"),
        (
            "The embattled chancellor, who has led Rossa for years, said the talks were alive.",
            "holm",
        ),
        ("Asked about it, the long-serving chancellor said nothing had changed.", "holm"),
        ("The former chancellor said the talks were dead.", "The former chancellor"),
        ("The deputy chancellor said the talks were dead.", "The deputy chancellor"),
        ("The finance chancellor said the talks were dead.", "The finance chancellor"),
        ("The chief chancellor said the talks were dead.", "The chief chancellor"),
    ],
)
def test_a_describing_word_before_a_configured_description(body: str, speaker: str) -> None:
    # INVENTED actor configured with the one-word description "the chancellor"
    actors = attribution.actors_from_mapping(
        {
            "actors": {
                "holm": {"name": "Vera Holm", "aliases": ["the chancellor"], "gender": "female"}
            }
        },
        "described",
    )
    st = next(
        s for s in _run(_article("A headline\n\n" + body + "\n"), actors)[0] if "said" in s.text
    )
    assert st.speaker == speaker, st.rule


@pytest.mark.parametrize(
    ("body", "marker", "speaker", "source", "source_actor"),
    BLIND15_CASES
    + BLIND18_CASES
    + BLIND19_CASES
    + BLIND20_CASES
    + BLIND21_CASES
    + BLIND24_CASES
    + BLIND25_CASES
    + BLIND27_CASES,
)
def test_blind15_context_rules(
    blind5_actors: attribution.Actors,
    body: str,
    marker: str,
    speaker: str,
    source: str,
    source_actor: str,
) -> None:
    statements = _run(_article("A headline\n\n" + body + "\n"), blind5_actors)[0]
    st = next(s for s in statements if marker in s.text)
    assert (st.speaker, st.source, st.source_actor) == (speaker, source, source_actor), st.rule


@pytest.fixture(scope="module")
def accept14_actors() -> attribution.Actors:
    """INVENTED actors of a labour dispute: a chief executive, a union leader who uses they/them
    and a mediator whose surname is a common word."""
    return attribution.actors_from_mapping(
        {
            "actors": {
                "quell": {
                    "name": "Sorcha Quell",
                    "aliases": ["Quell", "the chief executive"],
                    "organizations": ["Marlow Haulage", "the company"],
                    "gender": "female",
                },
                "penrose": {
                    "name": "Jo Penrose",
                    "aliases": ["Penrose", "the union leader"],
                    "organizations": ["the Tanker Drivers' Union", "the union"],
                    "pronouns": ["they", "them", "their", "theirs", "themselves"],
                },
                "fall": {
                    "name": "Arno Fall",
                    "aliases": ["Fall", "the mediator"],
                    "organizations": ["the Ministry of Labour", "the ministry"],
                    "gender": "male",
                },
            }
        },
        "accept14-actors",
    )


_H = "A headline\n\n"
#: Session 14 (acceptance test accept14c, a labour dispute): INVENTED articles (headline
#: first), the statement's marker, and its (speaker, source, source_actor), with the actors of
#: ``accept14_actors``. Negative rows show what must not change.
ACCEPT14_CASES = [
    # a standfirst's second report after "; " whose subject has an adverb before its verb, a
    # fronted phrase before it or an "of" place after it (acceptance tests 14b, round 31)
    (
        "A headline\n\nQuell says the offer is fair; Quell and Penrose each accuse the ministry "
        "of delay\n\nOSTBY — The talks ended.\n",
        "each accuse",
        "penrose+quell",
        "",
        "",
    ),
    (
        "A headline\n\nQuell pledged there would be no layoffs; at the depot gates, pickets said "
        "the pledge was hollow\n\nOSTBY — The talks ended.\n",
        "pickets said",
        "pickets",
        "",
        "",
    ),
    (
        "A headline\n\nQuell says the offer is fair; the mayor of Ostby calls it a start\n\n"
        "OSTBY — The talks ended.\n",
        "calls it",
        "the mayor of Ostby",
        "",
        "",
    ),
    (
        "A headline\n\nQuell says the offer is fair; Penrose now says it is a trap\n\n"
        "OSTBY — The talks ended.\n",
        "now says",
        "penrose",
        "",
        "",
    ),
    # a titled name with "of the <common noun> of <Place>" after it is the speaker, not the
    # place (acceptance test 14d); the role of "of" phrases alone is unchanged
    (
        "A headline\n\nOSTBY — President Ansel Tarn of the invented republic of Norvia said the "
        "talks would go on.\n",
        "talks would",
        "Ansel Tarn",
        "President",
        "",
    ),
    (
        "A headline\n\nOSTBY — The leader of the opposition party of Norvia said the talks "
        "would go on.\n",
        "talks would",
        "The leader of the opposition party of Norvia",
        "",
        "",
    ),
    # (no verb of speaking after the fronted phrase: one statement, Quell's)
    (
        "A headline\n\nQuell says the offer is fair; in Ostby, the mood is grim\n\n"
        "OSTBY — The talks ended.\n",
        "the mood is grim",
        "quell",
        "",
        "",
    ),
    # a plural "they" after a plural noun of people is theirs, not a they/them actor's
    (
        _H + "Penrose spoke first.\n\nThe pickets said they would stay at the gates. They said "
        "the company had broken its word.\n",
        "They said",
        "The pickets",
        "",
        "",
    ),
    (
        _H + "Penrose spoke first.\n\nThe pickets said they would stay at the gates.\n",
        "pickets said",
        "The pickets",
        "",
        "",
    ),
    (
        _H + "Penrose met the drivers. They said the company had broken its word.\n",
        "They said",
        "They",
        "",
        "",
    ),
    # (with no plural noun in between, "they" is still the actor who uses it)
    (
        _H + "Penrose spoke first.\n\nThey said the company had broken its word.\n",
        "They said",
        "penrose",
        "",
        "",
    ),
    # a second report after ";" in a standfirst, its subject a bare configured office
    (
        "Depot strike goes on\n\nQuell urges union to return to talks; union says offer is "
        "fair\n\nThe strike went on.\n",
        "offer is fair",
        "penrose",
        "union",
        "penrose",
    ),
    (
        "Depot strike goes on\n\nQuell urges union to return to talks; union says offer is "
        "fair\n\nThe strike went on.\n",
        "urges",
        "quell",
        "",
        "",
    ),
    # a headline's bare "ministry" after a preposition is the configured one
    (
        "Talks resume at ministry\n\nThe ministry says talks have broken for lunch.\n",
        "lunch",
        "fall",
        "The ministry",
        "fall",
    ),
    # (another ministry, or a rival union, named in a headline: not the actor's)
    (
        "Talks resume at labour ministry\n\nThe ministry says talks have broken for lunch.\n",
        "lunch",
        "The ministry",
        "",
        "",
    ),
    (
        "Depot strike goes on\n\nQuell meets rival union; union says offer is fair\n\nThe "
        "strike went on.\n",
        "offer is fair",
        "union",
        "",
        "",
    ),
    # a headline '"Quote": Name on topic'
    (
        '"We will stay out as long as it takes": Penrose on the strike\n\nThe strike went on.\n',
        "stay out",
        "penrose",
        "",
        "",
    ),
    (
        '"We will stay out": Edgar Mott on the strike\n\nThe strike went on.\n',
        "stay out",
        "Edgar Mott",
        "",
        "",
    ),
    (
        '"Stay out": Marlow strike enters week three\n\nThe strike went on.\n',
        "Stay out",
        "",
        "",
        "",
    ),
    # "A <office> <spokesperson>" and "A <company's first word> <spokesperson>" speak for the
    # actor
    (
        _H + "A union spokesman says the company has made an offer.\n",
        "spokesman says",
        "A union spokesman",
        "A union spokesman",
        "penrose",
    ),
    # (an anonymous source or official does not, as "A government source" in blind round 7)
    (
        _H + "A union source says the company has made an offer.\n",
        "source says",
        "A union source",
        "",
        "",
    ),
    (
        _H + 'A Marlow spokesman said only that talks were "constructive."\n',
        "constructive",
        "A Marlow spokesman",
        "A Marlow spokesman",
        "quell",
    ),
    (
        _H + "A ministry spokeswoman, Ines Varga, said the talks would go on.\n",
        "go on",
        "Ines Varga",
        "A ministry spokeswoman",
        "fall",
    ),
    (_H + "A rival union spokesman said no.\n", "said no", "A rival union spokesman", "", ""),
    (
        _H + "The interior ministry acted.\n\nA ministry spokeswoman said the talks would go on.\n",
        "go on",
        "A ministry spokeswoman",
        "",
        "",
    ),
    (_H + "A Varga spokesman said no.\n", "said no", "A Varga spokesman", "", ""),
    # "the union" after the actor's configured union named in full, another union being talked
    # of: the actor's body
    (
        _H + "The company wrote to the Tanker Drivers' Union on Monday. Some drivers want a new "
        "union.\n\nThe union rejected the offer within the hour.\n",
        "rejected",
        "penrose",
        "The union",
        "penrose",
    ),
    (
        _H + "The company wrote to the Dock Workers' Union on Monday. Some drivers want a new "
        "union.\n\nThe union rejected the offer within the hour.\n",
        "rejected",
        "the Dock Workers' Union",
        "",
        "",
    ),
    # "His wife, Nadia, …. She said": the woman just introduced by one name
    (
        _H + "Forklift operator Omar Tesk said the shift had lost two colleagues.\n\nHis wife, "
        "Nadia, brought soup in a flask. She said the family had cut back on heating.\n",
        "cut back",
        "Nadia",
        "",
        "",
    ),
    (
        _H + "Forklift operator Nadia Tesk said the shift had lost two colleagues.\n\nHis "
        "brother, Jonas, stood by. She said the family had cut back on heating.\n",
        "cut back",
        "Nadia Tesk",
        "",
        "",
    ),
    # 'Varley looked at the sky. "…," she said': the person named before whose surname is the
    # subject of the narration just before, not the last speaker
    (
        _H + '"I have driven for nineteen years," said Edna Varley, a driver.\n\nCouncillor '
        'Mina Osk said she backed the strikers. "The town needs this depot," she said.\n\nAs '
        'dawn broke, Varley looked at the sky. "The sun will come up anyway," she said.\n',
        "come up",
        "Edna Varley",
        "",
        "",
    ),
    (
        _H + '"I have driven for nineteen years," said Edna Varley, a grandmother.\n\nCouncillor '
        'Piet Osk said he backed the strikers. "The town needs this depot," he said.\n\nAs dawn '
        'broke, Varley looked at the sky. "The sun will come up anyway," he said.\n',
        "come up",
        "Piet Osk",
        "",
        "",
    ),
    (
        _H + '"I have driven for nineteen years," said Edna Varley, a driver.\n\nCouncillor '
        'Mina Osk said she backed the strikers. "The town needs this depot," she said.\n\n'
        'Nobody looked at the sky. "The sun will come up anyway," she said.\n',
        "come up",
        "Mina Osk",
        "",
        "",
    ),
]


@pytest.mark.parametrize(("text", "marker", "speaker", "source", "source_actor"), ACCEPT14_CASES)
def test_accept14_rules(
    accept14_actors: attribution.Actors,
    text: str,
    marker: str,
    speaker: str,
    source: str,
    source_actor: str,
) -> None:
    statements = _run(_article(text), accept14_actors)[0]
    st = next(s for s in statements if marker in s.text)
    assert (st.speaker, st.source, st.source_actor) == (speaker, source, source_actor), st.rule


#: Session 14 (accept14c): INVENTED articles and the texts of one actor's mentions in them.
ACCEPT14_MENTION_CASES = [
    # an object "them" right after the actor's verb is not the actor ("themselves" is)
    (
        _H + "The strikers cheered. Penrose told them the fight was not over.\n",
        "penrose",
        ["Penrose"],
    ),
    (
        _H + "Penrose praised themselves and their members.\n",
        "penrose",
        ["Penrose", "themselves", "their"],
    ),
    (_H + "Fall thanked him.\n", "fall", ["Fall"]),
    # a plural "they" right after a pair of actors is the pair's (the statement is joint), not
    # one of them
    (_H + "Quell and Penrose met on Monday. They said it was long.\n", "penrose", ["Penrose"]),
    # a plural noun of people between the actor and "them"
    (
        _H
        + "Penrose walked out. I respect the drivers. Many of them have worked here for years.\n",
        "penrose",
        ["Penrose"],
    ),
    (
        _H + "Penrose came to the gate. Many of them have worked here for years.\n",
        "penrose",
        ["Penrose", "them"],
    ),
    # a one-word name that the article also uses as a common word ("prices will fall"): not at
    # a sentence's start or in a title-case headline unless a verb, comma or adverbial follows
    (
        "Freight Prices Fall as Depot Strike Enters Third Week\n\nPrices will fall, Fall said.\n",
        "fall",
        ["Fall"],
    ),
    (
        "Costs Fall Again; Fall Says Talks Are Close\n\nThe strike went on.\n\nPrices will fall.\n",
        "fall",
        ["Fall"],
    ),
    (
        _H + "KESWATER — Fall in the price of diesel hit hauliers.\n\nPrices will fall.\n",
        "fall",
        [],
    ),
    (
        _H + "KESWATER — Fall said the gap was narrowing. Prices will fall.\n",
        "fall",
        ["Fall"],
    ),
    (
        _H + "Fall, the mediator, arrived. Prices will fall.\n",
        "fall",
        ["Fall", "the mediator"],
    ),
    (_H + "Fall also met the union. Prices will fall.\n", "fall", ["Fall"]),
    # (no lower-case "fall" in the article: the capital tells)
    (_H + "Fall in the price of diesel hit hauliers.\n", "fall", ["Fall"]),
]


@pytest.mark.parametrize(("text", "actor", "mentions"), ACCEPT14_MENTION_CASES)
def test_accept14_mentions(
    accept14_actors: attribution.Actors, text: str, actor: str, mentions: list[str]
) -> None:
    got = [m.text for m in _run(_article(text), accept14_actors)[1] if m.actor == actor]
    assert got == mentions


@pytest.mark.parametrize(
    ("body", "speaker", "source_actor"),
    [
        # an honorific's period ends no clause: "Mr. Marrow" is the configured alias
        ("Mr. Marrow said the budget was fine.", "jon", ""),
        ("Ms. Marrow told reporters the levy would stay.", "edda", ""),
        ("Aides to Mr. Marrow said the levy would be halved.", "Aides to Mr. Marrow", "jon"),
        # (the bare surname two actors share names neither)
        ("Marrow said the budget was fine.", "Marrow", ""),
        # initials are no clause ends either
        ("John F. Kessel said the budget was fine.", "John F. Kessel", ""),
        ("U.S. officials said the budget was fine.", "U.S. officials", ""),
    ],
)
def test_two_actors_sharing_a_surname_by_honorific(
    body: str, speaker: str, source_actor: str
) -> None:
    """INVENTED siblings Edda and Jon Marrow, told apart by "Ms." and "Mr."."""
    actors = attribution.actors_from_mapping(
        {
            "actors": {
                "jon": {
                    "name": "Jon Marrow",
                    "aliases": ["Mr. Marrow", "Mr Marrow"],
                    "gender": "male",
                },
                "edda": {
                    "name": "Edda Marrow",
                    "aliases": ["Ms. Marrow", "Ms Marrow"],
                    "gender": "female",
                },
            }
        },
        "shared-surname-actors",
    )
    st = _run(_article("A headline\n\n" + body + "\n"), actors)[0][1]
    assert (st.speaker, st.source_actor) == (speaker, source_actor), st.rule


@pytest.mark.parametrize(
    "headline",
    ["Tariffs 'will hurt farmers', says President Fenn", "'We will fight', says President Fenn"],
)
def test_a_closing_quotation_mark_after_a_plural_is_no_possessive(
    blind5_actors: attribution.Actors, headline: str
) -> None:
    st = _run(_article(headline + "\n\nFarmers held a rally.\n"), blind5_actors)[0][0]
    # (the verb was dropped when "farmers'" read as a possessive; the subject before a
    # quoted fragment is a known gap, so only the verb and the actor named are checked)
    assert st.reporting_verb == "says" and "fenn" in (st.speaker, st.source_actor), st.rule


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # "the campaign" after "The Castan campaign …": that actor's body (the latest one
        # named within two sentences)
        (
            'The Castan campaign hit back.\n\n"He has no plan," the campaign said.',
            "castan",
        ),
        (
            "Vasko's campaign spoke first. The Castan campaign hit back.\n\n"
            '"He has no plan," the campaign said.',
            "castan",
        ),
        # no actor's campaign named before: as written
        ('Turnout was high.\n\n"He has no plan," the campaign said.', "the campaign"),
        # another campaign named in between, or two actors' campaigns in one sentence
        (
            "The Castan campaign spent heavily.\n\nA vaccination campaign began.\n\n"
            '"We need nurses," the campaign said.',
            "the campaign",
        ),
        (
            "The Castan campaign and Vasko's campaign debated.\n\n"
            '"He has no plan," the campaign said.',
            "the campaign",
        ),
    ],
)
def test_the_body_of_an_actor_named_before(body: str, speaker: str) -> None:
    actors = attribution.actors_from_mapping(
        {
            "actors": {
                "castan": {
                    "name": "Mirela Castan",
                    "organizations": ["the Castan campaign"],
                    "gender": "female",
                },
                "vasko": {
                    "name": "Teodor Vasko",
                    "organizations": ["Vasko's campaign"],
                    "gender": "male",
                },
            }
        }
    )
    st = _run(_article("A headline\n\n" + body + "\n"), actors)[0][-1]
    assert st.speaker == speaker, st.rule


#: INVENTED actors of a state visit: a king whose office is configured as "the palace".
BANQUET_ACTORS = {
    "actors": {
        "edmar": {
            "name": "Edmar II",
            "aliases": ["King Edmar", "the king"],
            "organizations": ["the palace"],
            "gender": "male",
            "country": "Norvaine",
        },
        "aelby": {
            "name": "Katrin Aelby",
            "aliases": ["Chancellor Aelby", "the chancellor", "the Hallendish chancellor"],
            "gender": "female",
            "country": "Hallendorf",
        },
    }
}


@pytest.mark.parametrize(
    ("headline", "standfirst", "marker", "speaker", "source"),
    [
        # a headline's second clause with the article dropped: "palace says" is the palace's
        (
            "King Edmar hails friendship at banquet for Aelby",
            "Hallendish chancellor tells guests the dam dispute must end; palace says the king "
            "was \u201cdelighted\u201d",
            "palace says",
            "edmar",
            "palace",
        ),
        # a name ending the headline and a description opening the standfirst are two mentions
        (
            "King Edmar hails friendship at banquet for Aelby",
            "Hallendish chancellor tells guests the dam dispute must end; palace says the king "
            "was \u201cdelighted\u201d",
            "tells guests",
            "aelby",
            "",
        ),
        # a second report after ", as" ("…, as X says on television that …")
        (
            "King Edmar hails friendship at banquet for Aelby",
            "Chancellor Aelby urges both capitals to share data, as King Edmar says on "
            "television that talks will resume",
            "King Edmar says",
            "edmar",
            "",
        ),
        # a genre label opening a headline is no source; a noun that looks like a verb
        (
            "Review: \u2018The Long Table\u2019 lets a king have the last word",
            "The king is away",
            "lets a king",
            "",
            "",
        ),
        ("Fire inquiry opens; palace answers sought", "The king is away", "answers", "", ""),
        # "as" and a determiner with a role open a second report; a bare plural after "as"
        # tells an act ("as leaders agree customs timetable")
        (
            "King Edmar hails friendship at banquet for Aelby",
            "Chancellor Aelby tells guests the dam must be shared, as a source says the palace "
            "weighs a fee cut",
            "a source says",
            "a source",
            "",
        ),
        (
            "King Edmar hails friendship at banquet for Aelby",
            "Chancellor Aelby says the dam must be shared as leaders agree customs timetable",
            "leaders agree",
            "aelby",
            "",
        ),
        # a bare "king" in a headline after "as", after a closing quotation mark, or inverted
        (
            "Crowds cheer as king tells villagers help is coming",
            "The king is away",
            "king tells",
            "edmar",
            "",
        ),
        (
            "Opening ceremony \u201ca triumph\u201d, says king",
            "The king is away",
            "says king",
            "edmar",
            "",
        ),
        ("Dutch king visits Norvaine", "The king is away", "visits", "", ""),
        # a country's king is the actor configured as "the king" of that country
        (
            "Norvaine\u2019s king tells guests the dam must be shared",
            "The king is away",
            "tells guests",
            "edmar",
            "",
        ),
        # not before a noun: "palace gardens" report nothing
        (
            "Crowds gather in Norvaine; palace gardens stay shut",
            "The king is away",
            "gardens",
            "",
            "",
        ),
    ],
)
def test_a_headline_drops_the_article_of_a_configured_office(
    headline: str, standfirst: str, marker: str, speaker: str, source: str
) -> None:
    actors = attribution.actors_from_mapping(BANQUET_ACTORS, "banquet")
    body = "VESTERHOLM, Norvaine \u2014 The banquet began at eight."
    statements = _run(_article(f"{headline}\n\n{standfirst}\n\n{body}\n"), actors)[0]
    st = next(s for s in statements if marker in s.text)
    assert (st.speaker, st.source) == (speaker, source), st.rule


def test_there_after_a_verb_opens_the_reported_words(blind5_actors: attribution.Actors) -> None:
    # INVENTED: "there" is skipped between a subject and its verb only ("Farmers there say")
    st = _run(_article("A headline\n\nThe report said there was no evidence.\n"), blind5_actors)[0]
    s = next(s for s in st if "evidence" in s.text)
    assert s.quote_text.startswith("there was"), s.rule


@pytest.mark.parametrize(
    ("titles_b", "body", "speaker"),
    [
        # a title only one actor holds names them as "the <title>" too
        (["President"], "The prime minister added that he was grateful.", "mirel"),
        (["President"], "The president said the deal was fair.", "strand"),
        # (a title two actors hold names neither)
        (
            ["Prime Minister"],
            "The prime minister added that he was grateful.",
            "The prime minister",
        ),
    ],
)
def test_a_unique_title_is_also_a_description(titles_b: list[str], body: str, speaker: str) -> None:
    """INVENTED actors configured with ``titles`` only (acceptance test 13b, defect 4)."""
    actors = attribution.actors_from_mapping(
        {
            "actors": {
                "mirel": {"name": "Oskar Mirel", "titles": ["Prime Minister"], "gender": "male"},
                "strand": {"name": "Ada Strand", "titles": titles_b, "gender": "female"},
            }
        },
        "titles-actors",
    )
    st = _run(_article("A headline\n\n" + body + "\n"), actors)[0][1]
    assert st.speaker == speaker, st.rule


#: Session 15 (blind round 32's first run): INVENTED sentences, the statement's marker and its
#: (quote_type, speaker, source), with no actors configured. Negative rows show what must not
#: change.
SESSION15_CASES = [
    # up to three fronted adverbials before a subject whose coordinated verb reports, a time
    # with a colon in them
    (
        _H + "In a bulletin issued at 4:05 a.m. on Thursday, the agency raised its warning to "
        "red and said river levels could rise.\n",
        "river levels",
        "indirect",
        "the agency",
        "",
    ),
    (
        _H + "Speaking after the match, before the ban was announced, Rovers coach Anton Brevik "
        "apologised and said the fans were not theirs.\n",
        "apologised",
        "indirect",
        "Anton Brevik",
        "Rovers coach",
    ),
    # a fronted time or place with no comma is no part of the subject
    (
        _H + "On Monday the ministry said the report was false.\n",
        "false",
        "indirect",
        "the ministry",
        "",
    ),
    (
        _H + "Later that day her spokeswoman said the report was false.\n",
        "false",
        "indirect",
        "her spokeswoman",
        "",
    ),
    (
        _H + "Earlier this week two officials said the report was false.\n",
        "false",
        "indirect",
        "two officials",
        "",
    ),
    # a document "by" its author: the author speaks, the document is the source
    (
        _H + "A memo by the chief of staff, seen by the Ledger, proposes halting payments.\n",
        "halting",
        "indirect",
        "the chief of staff",
        "A memo by the chief of staff",
    ),
    (
        _H + "A letter signed by 40 economists says the plan will fail.\n",
        "fail",
        "indirect",
        "40 economists",
        "A letter signed by 40 economists",
    ),
    # "recommend" reports
    (
        _H + 'The memo recommends that the government "pause, then quietly end" its support.\n',
        "pause",
        "mixed",
        "The memo",
        "The memo",
    ),
    # a participle phrase opening with a preposition is no inverted subject
    (
        _H + "The tunnel, announced with some fanfare by both governments in 2018, is late.\n",
        "tunnel",
        "narration",
        "",
        "",
    ),
    (
        _H + "A police spokeswoman, Lena Hart, said about 600 people had attended.\n",
        "600",
        "indirect",
        "Lena Hart",
        "A police spokeswoman",
    ),
    # "the service" is a body, and after a body's full name it is that body
    (
        _H + "The Sarvenian Hydrometeorological Service raised its warning.\n\nThe service said "
        "more rain was expected.\n",
        "more rain",
        "indirect",
        "the Sarvenian Hydrometeorological Service",
        "",
    ),
    (_H + "The memorial service was held on Monday.\n", "memorial", "narration", "", ""),
    # a headline's body or agent with no determiner, as headlines write them
    (
        "Central bank insists rates will stay high\n\nBODY — Text.\n",
        "rates",
        "indirect",
        "Central bank",
        "",
    ),
    (
        "Weather service insists it sent an alert\n\nBODY — Text.\n",
        "alert",
        "indirect",
        "Weather service",
        "",
    ),
    ("Heavy rain says little about June\n\nBODY — Text.\n", "rain", "narration", "", ""),
    # a body sentence's second report after ", while" whose subject is a role and a name
    (
        _H + "BODY — The mayor said the strike was illegal, while union leader Kofi Mensah said "
        "the cranes would stay idle.\n",
        "cranes",
        "indirect",
        "Kofi Mensah",
        "union leader",
    ),
    (
        _H + "BODY — The mayor said the strike was illegal, while union leader Kofi Mensah said "
        "the cranes would stay idle.\n",
        "illegal",
        "indirect",
        "The mayor",
        "",
    ),
]


def test_copula_colon_verb_has_no_colon() -> None:
    """'The minister was unmoved: "…"' records the verb "was unmoved" (INVENTED sentence)."""
    text = _H + 'The minister was unmoved: "There will be no deal this year."\n'
    st = next(s for s in _run(_article(text), attribution.Actors(()))[0] if "deal" in s.text)
    assert (st.quote_type, st.speaker, st.reporting_verb) == (
        "direct",
        "The minister",
        "was unmoved",
    )


@pytest.mark.parametrize(("text", "marker", "quote_type", "speaker", "source"), SESSION15_CASES)
def test_session15_rules(
    text: str, marker: str, quote_type: str, speaker: str, source: str
) -> None:
    statements = _run(_article(text), attribution.Actors(()))[0]
    st = next(s for s in statements if marker in s.text)
    assert (st.quote_type, st.speaker, st.source) == (quote_type, speaker, source), st.rule


@pytest.fixture(scope="module")
def session15_actors() -> attribution.Actors:
    """INVENTED actors: a health minister and a company's chief executive, a prime minister."""
    return attribution.actors_from_mapping(
        {
            "actors": {
                "varnek": {
                    "name": "Odile Varnek",
                    "aliases": ["Varnek", "the health minister"],
                    "organizations": ["the Health Ministry"],
                    "gender": "female",
                },
                "holloway": {
                    "name": "Brann Holloway",
                    "aliases": ["Holloway", "the chief executive"],
                    "organizations": ["Castellan Therapeutics", "Castellan"],
                    "gender": "male",
                },
                "reyvik": {
                    "name": "Tomas Reyvik",
                    "aliases": ["Reyvik", "the prime minister"],
                    "organizations": ["Reyvik's office"],
                    "gender": "male",
                },
            }
        },
        "session15-actors",
    )


#: Session 15 (acceptance tests 15b-15d, blind round 32): INVENTED articles (headline first),
#: the statement's marker and its (quote_type, speaker, source, source_actor), with
#: ``session15_actors``. Negative rows show what must not change.
SESSION15_ACTOR_CASES = [
    # "X does Y as Z says W" in a headline stays one statement, Z's (the blind rounds'
    # convention), and its subject is no longer read across "as"
    (
        "Castellan defends fair return as the health minister threatens caps\n\nBODY — Text.\n",
        "threatens",
        "indirect",
        "varnek",
        "",
        "",
    ),
    (
        "A headline\n\nThe premier defends his budget as his sister, an opposition deputy, calls "
        'it "a tax on the poor"\n\nBODY — Text.\n',
        "tax on",
        "mixed",
        "his sister",
        "",
        "",
    ),
    # (a comparative "as" clause reports nothing of its own)
    (
        _H + "BODY — The talks failed, as the minister had predicted.\n",
        "talks failed",
        "narration",
        "",
        "",
        "",
    ),
    # a headline prefix of common words before a clause with its own subject and verb is a
    # label; a name before the colon stays the source
    (
        "Two readouts, one meeting: Varnek and Holloway tell different stories\n\nBODY — Text.\n",
        "readouts",
        "narration",
        "",
        "",
        "",
    ),
    # "who" after a preposition's people; not after a role ("the wife of X, who")
    (
        _H + 'The plan drew fire from opposition deputies, who said it was "a giveaway."\n',
        "giveaway",
        "mixed",
        "opposition deputies",
        "",
        "",
    ),
    # a name before "in <Place>"
    (
        _H + "The Palace of Lanterns in Marrowgate said the king would not attend.\n",
        "Palace",
        "indirect",
        "The Palace of Lanterns",
        "",
        "",
    ),
    # an inverted name with an "of" affiliation holding lower-case words
    (
        _H + 'Patients welcomed it. "Every family deserves protection," said Lira Mendt of the '
        "independent Velorian Patients Alliance.\n",
        "Every family",
        "direct",
        "Lira Mendt",
        "",
        "",
    ),
    # a possessive pronoun's role and its name, before a participle ("telling")
    (
        _H + "The prime minister spoke.\n\nHis transport minister, Pavel Sundqvar, was blunter, "
        "telling reporters that the plan was dead.\n",
        "blunter",
        "indirect",
        "Pavel Sundqvar",
        "His transport minister",
        "reyvik",
    ),
    # "According to <outlet>, X told … that": X speaks, the outlet is the source (no apposition)
    (
        _H + "According to the daily Lestrian Courier, Reyvik told coalition leaders on Monday "
        "night, before the ruling was published, that he expected to lose.\n",
        "expected",
        "indirect",
        "reyvik",
        "the daily Lestrian Courier",
        "",
    ),
    # ", ruling … that" reports (not "ruling out")
    (
        _H + "The Health Ministry on Tuesday withdrew the order, ruling by seven votes to two that "
        'the order had "gone too far."\n',
        "withdrew",
        "mixed",
        "varnek",
        "The Health Ministry",
        "varnek",
    ),
    (
        _H + "The court met on Monday, ruling out a retrial.\n",
        "retrial",
        "narration",
        "",
        "",
        "",
    ),
]


@pytest.mark.parametrize(
    ("text", "marker", "quote_type", "speaker", "source", "source_actor"), SESSION15_ACTOR_CASES
)
def test_session15_actor_rules(
    session15_actors: attribution.Actors,
    text: str,
    marker: str,
    quote_type: str,
    speaker: str,
    source: str,
    source_actor: str,
) -> None:
    statements = _run(_article(text), session15_actors)[0]
    st = next(s for s in statements if marker in s.text)
    got = (st.quote_type, st.speaker, st.source, st.source_actor)
    assert got == (quote_type, speaker, source, source_actor), st.rule


@pytest.fixture(scope="module")
def shared_alias_actors() -> attribution.Actors:
    """INVENTED actors of a merged actors file: three governors listed as "the governor"."""
    return attribution.actors_from_mapping(
        {
            "actors": {
                "vilno": {"name": "Petra Vilno", "aliases": ["Vilno", "the governor"]},
                "quarrie": {
                    "name": "Rosalind Quarrie",
                    "aliases": ["Quarrie", "the governor"],
                    "organizations": ["the governor's office"],
                },
                "brask": {
                    "name": "Oren Brask",
                    "aliases": ["Brask", "the governor"],
                    "organizations": ["the governor's office"],
                },
            }
        },
        "shared-alias-actors",
    )


#: Session 15 (acceptance test 15a, a merged actors file): INVENTED articles, a marker and the
#: speaker: an alias several actors list goes to the one the article names (the last named
#: before it, else the next), and to nobody when it names none of them.
SHARED_ALIAS_CASES = [
    (
        "Budget row\n\nBODY — Governor Rosalind Quarrie met unions. The governor said the budget "
        "was fair.\n",
        "budget was fair",
        "quarrie",
    ),
    (
        "Governor's office calls threat 'theatre'\n\nBODY — Oren Brask met unions on Monday.\n",
        "theatre",
        "brask",
    ),
    (
        "Budget row\n\nBODY — Brask met Vilno. The governor said the budget was fair.\n",
        "budget was fair",
        "vilno",
    ),
    (
        "Budget row\n\nBODY — The governor said the budget was fair.\n",
        "budget was fair",
        "The governor",
    ),
]


@pytest.mark.parametrize(("text", "marker", "speaker"), SHARED_ALIAS_CASES)
def test_shared_alias_goes_to_the_actor_named(
    shared_alias_actors: attribution.Actors, text: str, marker: str, speaker: str
) -> None:
    statements = _run(_article(text), shared_alias_actors)[0]
    st = next(s for s in statements if marker in s.text)
    assert st.speaker == speaker, st.rule


#: Session 16 (blind round 33, acceptance test 16b): INVENTED sentences after a headline, the
#: statement's marker and its (quote_type, speaker, source), with no actors.
SESSION16_CASES = [
    # "came the reply from X": X is the source of the quotation before it, a role then a name
    # gives the name (as after "according to")
    (
        '"Sit down!" came the reply from the party whip, Mira Delk.',
        "Sit",
        "direct",
        "Mira Delk",
        "the party whip",
    ),
    ('"We stay," came the answer from Ivo Dran.', "We stay", "direct", "Ivo Dran", ""),
    (
        "According to the party whip, Mira Delk, the vote is lost.",
        "lost",
        "indirect",
        "Mira Delk",
        "the party whip",
    ),
    # ... but not a name that is the subject of the content, nor a body's apposition
    (
        "According to a spokesman, Tom Reed, the minister, resigned.",
        "resigned",
        "indirect",
        "a spokesman",
        "",
    ),
    (
        "According to the ministry, Lena Ostby, the minister, resigned.",
        "resigned",
        "indirect",
        "the ministry",
        "",
    ),
    # a bracketed party or seat after a name is no boundary; "asked the minister to …" is an
    # object and its infinitive, no inverted subject
    (
        "Another rebel, Callum Ash (Unity, Fenwick), asked the minister to withdraw the clause.",
        "withdraw",
        "indirect",
        "Callum Ash",
        "",
    ),
    ("Tom Reed (D-Ohio) said the clause must go.", "must go", "indirect", "Tom Reed", ""),
    ('"It must go," said Tom Reed (D-Ohio).', "must go", "direct", "Tom Reed", ""),
    ("Another rebel, Tom Reed, said the clause must go.", "must go", "indirect", "Tom Reed", ""),
    # a written answer is a document: the last source's
    (
        "Rosa Quil said the list was ready. The answer said that 1,200 sites had been found.",
        "The answer",
        "indirect",
        "Rosa Quil",
        "The answer",
    ),
    # verbs that report nothing here: a fronted "when" clause, a subordinate clause after the
    # verb, "agree with", a subject inside "whether"
    (
        "Lia Morn spoke first. When she answered, she did not give a number.",
        "did not give",
        "narration",
        "",
        "",
    ),
    ("Markets answered before any government did.", "Markets", "narration", "", ""),
    (
        "Tom Reed did not respond to a question about whether the mayor agreed with him.",
        "whether",
        "narration",
        "",
        "",
    ),
    (
        "The deal was close, the ministry said before the trip.",
        "close",
        "indirect",
        "the ministry",
        "",
    ),
    # a "he" opening a sentence tells the gender of the person it names: a later "she" is
    # someone else; a pronoun source is the person it names
    (
        "Housing Minister Rosa Quil read out a written answer. Quil added that councils would "
        "pay.\n\nTom Reed said the figures were late. He urged the minister to publish the list. "
        "She said she would consider it.",
        "consider",
        "indirect",
        "Rosa Quil",
        "",
    ),
    (
        "Lia Morn said the mayor had refused. She said Tom Reed had told the council of the plan.",
        "told the council",
        "indirect",
        "Tom Reed",
        "Lia Morn",
    ),
]


@pytest.mark.parametrize(("text", "marker", "quote_type", "speaker", "source"), SESSION16_CASES)
def test_session16_rules(
    text: str, marker: str, quote_type: str, speaker: str, source: str
) -> None:
    statements = _run(_article(_H + text + "\n"), attribution.Actors(()))[0]
    st = next(s for s in statements if marker in s.text)
    assert (st.quote_type, st.speaker, st.source) == (quote_type, speaker, source), st.rule


@pytest.fixture(scope="module")
def session16_actors() -> attribution.Actors:
    """INVENTED actors: a president and a chancellor of two invented countries."""
    return attribution.actors_from_mapping(
        {
            "actors": {
                "quorle": {
                    "name": "Tamsin Quorle",
                    "aliases": ["Quorle", "President Quorle"],
                    "organizations": ["the Orrel House"],
                    "gender": "female",
                    "country": "Vastmoor",
                    "demonym": "Vastmoorian",
                },
                "hallavant": {
                    "name": "Mirek Hallavant",
                    "aliases": ["Hallavant", "Chancellor Hallavant"],
                    "organizations": ["the Chancery"],
                    "gender": "male",
                    "country": "Dravenia",
                    "demonym": "Dravenian",
                },
            }
        },
        "session16-actors",
    )


#: Session 16 (acceptance test 16b): INVENTED sentences after a headline, the statement's
#: marker and its (quote_type, speaker, source, source_actor), with ``session16_actors``.
SESSION16_ACTOR_CASES = [
    # ", a claim <subject> called "…"": the rejoinder is the other side's own statement
    (
        "The Orrel House accused Tressk of an \u201cincursion,\u201d a claim the Chancery "
        "called \u201ca fiction.\u201d",
        "a claim",
        ("mixed", "hallavant", "the Chancery", "hallavant"),
    ),
    (
        "The Orrel House accused Tressk of an \u201cincursion,\u201d a claim the Chancery "
        "called \u201ca fiction.\u201d",
        "accused",
        ("mixed", "quorle", "The Orrel House", "quorle"),
    ),
    # ... not when the rejoinder has no words of its own
    (
        "Quorle said the troops had crossed, a claim that Hallavant denied.",
        "denied",
        ("indirect", "quorle", "", ""),
    ),
    # "spoke of" and "countered" report
    (
        "The Orrel House spoke of an \u201cincursion\u201d at the pass.",
        "spoke",
        ("mixed", "quorle", "The Orrel House", "quorle"),
    ),
    (
        "The Chancery countered that the troops were on exercise.",
        "countered",
        ("indirect", "hallavant", "The Chancery", "hallavant"),
    ),
    (
        "\u201cIt was an exercise,\u201d the Chancery countered.",
        "countered",
        ("direct", "hallavant", "the Chancery", "hallavant"),
    ),
    ("The counter at the border post was closed.", "counter", ("narration", "", "", "")),
    # a side's country or demonym, a role that speaks for it, then a name
    (
        "Dravenian spokesman Aurel Tannow said the talks were useful.",
        "Tannow",
        ("indirect", "Aurel Tannow", "Dravenian spokesman", "hallavant"),
    ),
    (
        "Dravenian Foreign Minister Caspar Heidt said the border was calm.",
        "Heidt",
        ("indirect", "Caspar Heidt", "Dravenian Foreign Minister", "hallavant"),
    ),
    (
        "Vastmoor spokeswoman Ilse Varrow said the talks were frank.",
        "Varrow",
        ("indirect", "Ilse Varrow", "Vastmoor spokeswoman", "quorle"),
    ),
    # a standfirst's "both leaders" before the body names them: the pair the body coordinates
    (
        "Both leaders hailed the treaty as a new start.\n\nKESSEL \u2014 Quorle and Hallavant "
        "signed the treaty on Monday.",
        "Both leaders",
        ("indirect", "hallavant+quorle", "", ""),
    ),
    # ... not an opposition spokesman, nor an economist of that country
    (
        "Dravenian opposition spokesman Tom Reed said the talks were a farce.",
        "Reed",
        ("indirect", "Tom Reed", "Dravenian opposition spokesman", ""),
    ),
    (
        "Vastmoor economist Tom Reed said the talks were a farce.",
        "Reed",
        ("indirect", "Tom Reed", "Vastmoor economist", ""),
    ),
]


@pytest.mark.parametrize(("text", "marker", "expected"), SESSION16_ACTOR_CASES)
def test_session16_actor_rules(
    session16_actors: attribution.Actors, text: str, marker: str, expected: tuple
) -> None:
    statements = _run(_article(_H + text + "\n"), session16_actors)[0]
    st = next(s for s in statements if marker in s.text)
    assert (st.quote_type, st.speaker, st.source, st.source_actor) == expected, st.rule


#: Session 17 (blind round 34): INVENTED sentences after a headline, the statement's marker and
#: its (quote_type, speaker, source). Each rule is general; none is fitted to the round's text.
SESSION17_CASES = [
    # a capitalized surname that is also a reporting verb is part of the name
    ("The deal is dead, Mara Tell said.", "dead", "indirect", "Mara Tell", ""),
    ("The deal is dead, Ali Said told reporters.", "dead", "indirect", "Ali Said", ""),
    ('"It is over," Nils Tell added.', "over", "direct", "Nils Tell", ""),
    # "recalled", "shouted" close a report of the clause before their subject ...
    (
        "The vote was close, one former aide recalled later.",
        "close",
        "indirect",
        "one former aide",
        "",
    ),
    (
        "He took the insult as a compliment, aides recalled, and kept a framed cartoon.",
        "insult",
        "indirect",
        "aides",
        "",
    ),
    # ... but report nothing with an object or after a fronted clause
    ("The ministry recalled 4,000 heaters.", "heaters", "narration", "", ""),
    ("As police moved in, protesters shouted.", "police", "narration", "", ""),
    # a reply verb with only time, place or channel after it reports no words
    ("Mara Venn responded within the hour.", "hour", "narration", "", ""),
    (
        "Mara Venn answered on Sunday in an interview with the broadcaster KTV.",
        "KTV",
        "narration",
        "",
        "",
    ),
    ("Mara Venn answered by saying the deal was dead.", "dead", "indirect", "Mara Venn", ""),
    ("Mara Venn replied on Sunday that the deal was dead.", "dead", "indirect", "Mara Venn", ""),
    # writing a document reports nothing until its words come
    ("Ana Vik wrote a long post on Monday morning.", "post", "narration", "", ""),
    ("Ana Vik wrote a letter saying the deal was dead.", "dead", "indirect", "Ana Vik", ""),
    # one of a group as the subject, as written
    (
        'Two officials were present. "It was quiet," one of them recalled.',
        "quiet",
        "direct",
        "one of them",
        "",
    ),
    (
        "Two aides said the talks failed; a third insisted they had not.",
        "insisted",
        "indirect",
        "a third",
        "",
    ),
    # the object of a relative clause is the thing announced: no words reported
    (
        "On the table lay a ceasefire that both governments had announced, a little too early, "
        "days before.",
        "ceasefire",
        "narration",
        "",
        "",
    ),
    ("The plan, which Tom Reed announced in May, is dead.", "plan", "narration", "", ""),
    ("It is the deal that Tom Reed said would fail.", "deal", "indirect", "Tom Reed", ""),
    # "the company": the one company an apposition introduced ("X, the power utility,")
    (
        "Veltrana, the state-owned power utility, cut its forecast. Demand fell. Profit will "
        "recover, the company said.",
        "recover",
        "indirect",
        "Veltrana",
        "",
    ),
    (
        "Veltrana, the power utility, cut its forecast. Osk, a shipping firm, sold ships. Profit "
        "will recover, the company said.",
        "recover",
        "indirect",
        "the company",
        "",
    ),
]


@pytest.mark.parametrize(("text", "marker", "quote_type", "speaker", "source"), SESSION17_CASES)
def test_session17_rules(
    text: str, marker: str, quote_type: str, speaker: str, source: str
) -> None:
    statements = _run(_article(_H + text + "\n"), attribution.Actors(()))[0]
    st = next(s for s in statements if marker in s.text)
    assert (st.quote_type, st.speaker, st.source) == (quote_type, speaker, source), st.rule


#: Session 17, blind round 35: the same, with (quote_type, speaker, source).
SESSION17_ROUND35_CASES = [
    # court papers are documents
    (
        "Judge Ana Marsh ruled for the mayor. The judgment states that the paper never "
        "checked the claim.",
        "states",
        ("indirect", "The judgment", "The judgment"),
    ),
    # an adverb that begins a name stays in it; one before a name is dropped
    (
        "Last Tide, a youth climate group, later said on X that the woman was a member.",
        "member",
        ("indirect", "Last Tide", "a youth climate group"),
    ),
    ("Meanwhile Tom Reed said the river was dirty.", "river", ("indirect", "Tom Reed", "")),
    # a document a named person sent just before is theirs
    (
        "President Ilan Varo sent the mayor a handwritten letter on Monday.\n\n"
        '"May your term be calm," the letter said.',
        "calm",
        ("direct", "Ilan Varo", "the letter"),
    ),
]


@pytest.mark.parametrize(("text", "marker", "expected"), SESSION17_ROUND35_CASES)
def test_session17_round35_rules(text: str, marker: str, expected: tuple) -> None:
    statements = _run(_article(_H + text + "\n"), attribution.Actors(()))[0]
    st = next(s for s in statements if marker in s.text)
    assert (st.quote_type, st.speaker, st.source) == expected, st.rule


#: Session 17 with ``session16_actors``: (quote_type, speaker, source, source_actor).
SESSION17_ACTOR_CASES = [
    # "A and B, <B described>, said": the pair (not a sentence with no report)
    (
        "Quorle and Hallavant, Dravenia's chancellor, said their governments would return.",
        "return",
        ("indirect", "hallavant+quorle", "", ""),
    ),
    (
        "Quorle and Hallavant, the Dravenian chancellor, said their governments would return.",
        "return",
        ("indirect", "hallavant+quorle", "", ""),
    ),
    # an interview's standfirst "X tells <Name> …" names who asks the Q: turns
    (
        "Quorle tells Ana Dask why she will stay\n\nQuorle has led Vastmoor since 2020. The "
        "interview has been edited for length.\n\nQ: Why stay?\n\nQuorle: Because the work "
        "is not done.\n\nQ: And then?\n\nQuorle: Then I will rest.",
        "Why stay",
        ("direct", "Ana Dask", "", ""),
    ),
    # "called <a long name> "…"": the name is the object, not the speaker
    (
        'Hallavant posted twice. That post called President Tamsin Quorle of Vastmoor "a clown '
        'with a budget" and accused her of lying.',
        "clown",
        ("mixed", "post", "post", ""),
    ),
    # "his" in a narration sentence that opens a paragraph with a newcomer is the newcomer's
    (
        "Chancellor Hallavant said the arena was old.\n\nCoach Tom Reller tried to stay out of "
        'it at his press conference. "I am a coach," he said.',
        "coach,",
        ("direct", "Tom Reller", "", ""),
    ),
    # a standfirst's "; <role> <Name> says": a second report
    (
        "The Chancery accuses Quorle of trying to sell the arena; national coach Tom Reller "
        "says his players 'will not be used as a shield'\n\nBody text.",
        "national",
        ("mixed", "Tom Reller", "national coach", ""),
    ),
    (
        "The Chancery accuses Quorle of trying to sell the arena; national coach Tom Reller "
        "says his players 'will not be used as a shield'\n\nBody text.",
        "accuses",
        ("indirect", "hallavant", "The Chancery", "hallavant"),
    ),
]


@pytest.mark.parametrize(("text", "marker", "expected"), SESSION17_ACTOR_CASES)
def test_session17_actor_rules(
    session16_actors: attribution.Actors, text: str, marker: str, expected: tuple
) -> None:
    statements = _run(_article(_H + text + "\n"), session16_actors)[0]
    st = next(s for s in statements if marker in s.text)
    assert (st.quote_type, st.speaker, st.source, st.source_actor) == expected, st.rule


#: Session 17, acceptance tests 17a-17c (INVENTED): (text after a headline, marker,
#: (quote_type, speaker, reporting_verb, quote_text)), with ``session16_actors``.
SESSION17_ACCEPTANCE_CASES = [
    # an inverted subject's name before a phrase of place or a clause of its own
    (
        '"It is calm again," said Tor Lund on the quay.',
        "calm",
        ("direct", "Tor Lund", "said", "It is calm again"),
    ),
    (
        '"It is calm again," said Tor Lund as he left.',
        "calm",
        ("direct", "Tor Lund", "said", "It is calm again"),
    ),
    # people named by a plural noun and where they are
    (
        "Fishermen in the delta say the river has fallen.",
        "river",
        ("indirect", "Fishermen in the delta", "say", "the river has fallen"),
    ),
    (
        'Fans in the north stand chanted "Not one brick".',
        "brick",
        ("direct", "Fans in the north stand", "chanted", "Not one brick"),
    ),
    # a standfirst's "calls <two bare nouns> a <noun>" names; "calls off a vote" does not
    (
        "Quorle calls troop move a threat\n\nBody text.",
        "troop",
        ("indirect", "quorle", "calls", "troop move a threat"),
    ),
    ("Quorle calls off a vote on the troop move\n\nBody text.", "vote", ("narration", "", "", "")),
    # "X said she welcomed …": her own report; the words are all that follows "said"
    (
        "Quorle said she welcomed the committee's excellent work.",
        "welcomed",
        ("indirect", "quorle", "said", "she welcomed the committee's excellent work"),
    ),
    # "called <object> <judging adjective> and said …": one statement with both verbs' words
    (
        "Vastmoor's trade minister, Petra Holm, called the tariffs illegal and said Vastmoor "
        "would appeal.",
        "tariffs",
        ("indirect", "Petra Holm", "called", "the tariffs illegal and said Vastmoor would appeal"),
    ),
    ("Quorle called the police.", "police", ("narration", "", "", "")),
]


@pytest.mark.parametrize(("text", "marker", "expected"), SESSION17_ACCEPTANCE_CASES)
def test_session17_acceptance_rules(
    session16_actors: attribution.Actors, text: str, marker: str, expected: tuple
) -> None:
    statements = _run(_article(_H + text + "\n"), session16_actors)[0]
    st = next(s for s in statements if marker in s.text)
    got = (st.quote_type, st.speaker, st.reporting_verb, st.quote_text or "")
    assert got == expected, st.rule


#: Session 17, blind round 36 (INVENTED): (text after a headline, marker, (quote_type, speaker,
#: source)), with ``session16_actors`` (or none where the text names no actor).
SESSION17_ROUND36_CASES = [
    # a newcomer alone in a paragraph is the "she" opening the next one
    (
        "Quorle said the exchange was a relief.\n\nLena Varga came down the steps first.\n\n"
        'She stopped at the bottom and asked: "Is it really over?"',
        "really over",
        ("direct", "Lena Varga", ""),
    ),
    # an unattributed quotation after a narration sentence opening with an actor's name
    (
        'Quorle and Hallavant met on stage.\n\nHallavant cut in before she had finished. "The '
        'truth? You closed the mines."',
        "truth",
        ("direct", "hallavant", ""),
    ),
    # ... not after one about the actor's thing
    (
        "Quorle and Hallavant met on stage.\n\nHallavant's plan was rejected. \"This is a "
        'disaster for the north."',
        "disaster",
        ("direct", "", ""),
    ),
    # ", a remark <subject> asked him to withdraw": a comment on the words before
    (
        'Cllr Tom Fry (Civic First) said the group had "no plan, only placards", a remark '
        "Quorle asked him to withdraw.",
        "placards",
        ("mixed", "Tom Fry", "Cllr"),
    ),
    # a petition is a document; "organised by" a named body makes it that body's
    (
        "The petition, organised by the Harbour Swimmers' Club, says the baths are \"the only "
        'place to learn" and calls on the council to stop.',
        "petition",
        ("mixed", "the Harbour Swimmers' Club", "The petition"),
    ),
]


@pytest.mark.parametrize(("text", "marker", "expected"), SESSION17_ROUND36_CASES)
def test_session17_round36_rules(
    session16_actors: attribution.Actors, text: str, marker: str, expected: tuple
) -> None:
    statements = _run(_article(_H + text + "\n"), session16_actors)[0]
    st = next(s for s in statements if marker in s.text)
    assert (st.quote_type, st.speaker, st.source) == expected, st.rule


#: Session 18, blind round 37 (INVENTED sentences after a headline): the statement's marker and
#: its (quote_type, speaker, source), with ``session16_actors``.
SESSION18_ROUND37_CASES = [
    # "Dear Mrs Quorle" in a letter names no other Quorle: a later "Quorle says" is hers
    (
        '"It was my father\'s," Tamsin Quorle says.\n\n"Dear Mrs Quorle," the letter begins. '
        '"I do not care."\n\nOn a second term, Quorle says she has decided.',
        "second term",
        ("indirect", "quorle", ""),
    ),
    # a second description after a named person's role
    (
        "Dagny Ferro, head of the dockers' union, the country's largest union, said the bank "
        "was wrong.",
        "Dagny",
        ("indirect", "Dagny Ferro", "head of the dockers' union"),
    ),
    (
        "Ana Holt, head of the federation, a former nurse, said the bank was wrong.",
        "Ana Holt",
        ("indirect", "Ana Holt", "head of the federation"),
    ),
    # a participle after a plural subject; "told to" with no object is a passive participle
    (
        "Residents told to leave their homes said they were angry.",
        "Residents",
        ("indirect", "Residents told to leave their homes", ""),
    ),
    (
        "Families evacuated from the valley said they had lost everything.",
        "Families",
        ("indirect", "Families evacuated from the valley", ""),
    ),
    (
        "The order brings the number of people told to leave their homes to about 9,000.",
        "9,000",
        ("narration", "", ""),
    ),
    # ... not inside an "of" complement
    (
        "For many, the photograph of the two leaders laughing on the quay said more than the "
        "treaty.",
        "photograph",
        ("narration", "", ""),
    ),
    # a number or quantifier before "of" is no name
    (
        "One of the people said Quorle had offered to raise the quota.",
        "One of",
        ("indirect", "One of the people", ""),
    ),
    # "the <document>" after a narration sentence naming an actor's office's document
    (
        "Quorle said the talks went well.\n\nThe Chancery's readout, issued two hours later, "
        "struck a more cautious tone.\n\nThe readout said the talks had been hard.",
        "had been hard",
        ("indirect", "hallavant", "The readout"),
    ),
    # an unattributed quotation after "Asked about …, she is blunt."
    (
        "Quorle has governed since 2021.\n\nAsked about her first year, when the budget failed "
        'twice, she is unusually blunt.\n\n"I made every mistake a new president can make."',
        "every mistake",
        ("direct", "quorle", ""),
    ),
    (
        "Asked about her first year, Quorle's office was silent.\n\n\"I made every mistake a "
        'new president can make."',
        "every mistake",
        ("direct", "", ""),
    ),
    # "used <an occasion> to <report>"
    (
        'Hallavant used his closing statement to accuse her of having "never run anything '
        'larger than a seminar room."',
        "seminar",
        ("mixed", "hallavant", ""),
    ),
    ("They took the train to tell their families.", "train", ("narration", "", "")),
    # present forms of the verbs that report only a quotation
    ('"Dear Mrs Quorle," the letter begins.', "Dear", ("direct", "the letter", "the letter")),
    ('Hallavant spoke first.\n\n"It is late," he goes on.', "late", ("direct", "hallavant", "")),
    ("The talks continue on Monday.", "talks", ("narration", "", "")),
]


#: Session 18, blind round 38 (INVENTED sentences after a headline): marker and (quote_type,
#: speaker, source), with ``session16_actors``.
SESSION18_ROUND38_CASES = [
    # a body's name ending in a body word after a title word ("General") is no person
    (
        "In a statement issued on Wednesday, the board of St Calla General Hospital said it "
        '"respects the right of every employee to strike."',
        "St Calla",
        ("mixed", "St Calla General Hospital", ""),
    ),
    # "according to <document> issued by <a named body>": the body speaks
    (
        "According to the official programme issued by the State Protocol Office, delegations "
        "from 41 countries attended.",
        "programme",
        (
            "indirect",
            "the State Protocol Office",
            "the official programme issued by the State Protocol Office",
        ),
    ),
    (
        "According to a leaflet published by the Harbour Trust, the pier is unsafe.",
        "leaflet",
        ("indirect", "the Harbour Trust", "a leaflet published by the Harbour Trust"),
    ),
    # ridicule naming its object in quotation marks
    (
        'Hallavant mocked the interview as "an hour of nothing."',
        "mocked",
        ("mixed", "hallavant", ""),
    ),
    ("Hallavant mocked the plan.", "mocked", ("narration", "", "")),
    # "accepted that …" reports, "accepted the offer" does not; "ruled out" states a position
    (
        "Quorle accepted that patients were waiting too long for operations.",
        "accepted",
        ("indirect", "quorle", ""),
    ),
    ("Quorle accepted the offer.", "accepted", ("narration", "", "")),
    ("Quorle ruled out a new spending review.", "ruled out", ("indirect", "quorle", "")),
    # "In a statement issued …, X said" makes a later "the statement" X's
    (
        'Quorle said in a statement on Tuesday that the offer was "final."\n\nIn a statement '
        "issued on Wednesday, the board of St Calla General Hospital said it was calm. The "
        "statement said services were normal.",
        "services were normal",
        ("indirect", "St Calla General Hospital", "The statement"),
    ),
]


@pytest.mark.parametrize(
    ("headline", "second"),
    [
        (
            "Quorle insists budget 'will not be rewritten' as Hallavant mocks 'an hour of nothing'",
            ("hallavant", "Hallavant mocks 'an hour of nothing'"),
        ),
        (
            "Quorle urges both sides back to talks; union warns strike could run into next week",
            ("union", "union warns strike could run into next week"),
        ),
    ],
)
def test_session18_headline_second_reports(
    session16_actors: attribution.Actors, headline: str, second: tuple[str, str]
) -> None:
    """Session 18 (blind round 38, INVENTED): a headline's second report is its own statement."""
    statements = _run(_article(headline + "\n\nQuorle spoke on Monday.\n"), session16_actors)[0]
    assert (statements[1].speaker, statements[1].text) == second


def test_a_transcripts_host_label_is_the_host_named_in_the_introduction(
    session16_actors: attribution.Actors,
) -> None:
    """Session 18 (blind round 38, INVENTED): "HOST:" turns are the presenter named before."""
    text = (
        "Quorle: 'Nothing will change'\n\nThe president gave a radio interview.\n\nQuorle "
        "spent an hour with presenter Ilse Marrow in a radio interview about the budget.\n\n"
        "HOST: Will the budget be late?\n\nQUORLE: It will not.\n\nHOST: Are you sure?\n\n"
        "QUORLE: Yes, I am sure.\n"
    )
    statements = _run(_article(text), session16_actors)[0]
    turns = [(s.text.split(":")[0], s.speaker) for s in statements if ":" in s.text][1:]
    assert turns == [
        ("HOST", "Ilse Marrow"),
        ("QUORLE", "quorle"),
        ("HOST", "Ilse Marrow"),
        ("QUORLE", "quorle"),
    ]


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        # "Q." and "A." with full stops, as a printed interview writes them
        (("Q.", "A.", "Q.", "A."), ["the Vastmoor Herald", "quorle"] * 2),
        # "Q." and the answerer's name in capitals
        (("Q.", "QUORLE:", "Q.", "QUORLE:"), ["the Vastmoor Herald", "quorle"] * 2),
    ],
)
def test_a_printed_interviews_full_stop_labels(
    session16_actors: attribution.Actors, labels: tuple[str, ...], expected: list[str]
) -> None:
    """Session 19 (blind round 44, INVENTED): "Q." turns are the interviewer's."""
    turns = ["Why is the budget late?", "It is not late.", "Will you resign?", "No."]
    text = (
        "Quorle on the budget\n\nPresident Quorle spoke to the Vastmoor Herald on Friday.\n\n"
        + "\n\n".join(f"{lab} {turn}" for lab, turn in zip(labels, turns, strict=True))
        + "\n"
    )
    statements = _run(_article(text), session16_actors)[0]
    got = [s.speaker for s in statements if s.section == "body"][1:]
    assert got == expected


def test_one_paragraph_opening_with_an_initial_is_no_turn(
    session16_actors: attribution.Actors,
) -> None:
    """Session 19 (INVENTED): "A. Holt said …" opens with an initial: no interview turn."""
    text = (
        _H + "President Quorle spoke to the Vastmoor Herald on Friday.\n\n"
        "A. Holt, the mayor, said the budget was late.\n"
    )
    statements = _run(_article(text), session16_actors)[0]
    st = next(s for s in statements if "budget was late" in s.text)
    assert (st.quote_type, st.speaker) == ("indirect", "A. Holt")


#: Session 18, acceptance test 18a (INVENTED): a whole article's text, the statement's
#: marker and its (speaker, source_actor, addressee, quote_text), with ``session16_actors``.
SESSION18_ACCEPTANCE_CASES = [
    # "told <name> the …": the reported clause opens at the second noun phrase
    (
        _H + "Quorle told Hallavant the treaty was not negotiable.",
        "treaty",
        ("quorle", "", "hallavant", "the treaty was not negotiable"),
    ),
    (
        _H + "Quorle told the president of the republic that the treaty was dead.",
        "republic",
        ("quorle", "", "", "the treaty was dead"),
    ),
    # '"…": <Name>'s message to …' names the speaker of a headline quotation
    (
        '"They are drinking our river": Quorle\'s message to a thirsty valley\n\nQuorle spoke.',
        "drinking",
        ("quorle", "", "", "They are drinking our river"),
    ),
    # a side's officials speak for its actor
    (
        "Dravenian officials reject accusations of diversion\n\nHallavant spoke.",
        "reject",
        ("Dravenian officials", "hallavant", "", "accusations of diversion"),
    ),
]


@pytest.mark.parametrize(("text", "marker", "expected"), SESSION18_ACCEPTANCE_CASES)
def test_session18_acceptance_rules(
    session16_actors: attribution.Actors, text: str, marker: str, expected: tuple
) -> None:
    statements = _run(_article(text + "\n"), session16_actors)[0]
    st = next(s for s in statements if marker in s.text)
    got = (st.speaker, st.source_actor, st.addressee, st.quote_text)
    assert got == expected, st.rule


#: Session 18, blind round 39 (INVENTED sentences after a headline): marker and (quote_type,
#: speaker, source), with ``session16_actors``.
SESSION18_ROUND39_CASES = [
    # "Name, the <description>, said": the named person, not an inverted "said the players …"
    (
        "Kofi Arnesen-Bah, the 20-year-old midfielder, said the players still believed in Quorle.",
        "Kofi",
        ("indirect", "Kofi Arnesen-Bah", ""),
    ),
    # "mentioned" reports only with "that" or a quotation; "paid tribute to X as "…"" names
    ("There were boos when Quorle mentioned the harbour.", "boos", ("narration", "", "")),
    ("Quorle mentioned that the harbour was closed.", "harbour", ("indirect", "quorle", "")),
    (
        'Quorle paid tribute to her opponent as "a man who loved this city".',
        "tribute",
        ("mixed", "quorle", ""),
    ),
    ("Hundreds paid tribute to the victims at the memorial.", "tribute", ("narration", "", "")),
    # the object of a relative clause is a thing, also after a longer subject, "a month ago",
    # "in the first week", or with no "that"
    (
        "It was a result that few in the city's council chamber had predicted a month ago.",
        "result",
        ("narration", "", ""),
    ),
    (
        "Tomas Reinholt, a lawyer, said the case was strong.\n\nHe said the families had not "
        "received the payments the ministry promised in the first week.",
        "payments",
        ("indirect", "Tomas Reinholt", ""),
    ),
    # "said … in its preliminary report" makes a later "the report" the board's
    (
        "The crew battled a faulty sensor, the Air Accident Investigation Board said on "
        'Thursday in its preliminary report.\n\n"At 14:52 the indication fell," the report said.',
        "14:52",
        ("direct", "the Air Accident Investigation Board", "the report"),
    ),
]


#: Session 18, blind round 40 (INVENTED sentences after a headline): marker and (quote_type,
#: speaker, source), with ``session16_actors``.
SESSION18_ROUND40_CASES = [
    # "who gave only his first name, Ilian," names the speaker
    (
        "Another resident, who gave only his first name, Ilian, for fear of reprisals, said "
        "two houses had burned down.",
        "resident",
        ("indirect", "Ilian", "Another resident"),
    ),
    # an adjective judging the object, then a phrase of time
    (
        "Dravenian officials called the remark reckless at the time.",
        "reckless",
        ("indirect", "Dravenian officials", "Dravenian officials"),
    ),
    # a past participle after a determiner or possessive is an adjective
    (
        "Quorle spoke first.\n\nSorne declined to comment beyond her written evidence.",
        "written",
        ("narration", "", ""),
    ),
    # "published on Monday by <a named body>": the body speaks
    (
        "Rents rose, according to a study published on Monday by the University of Kestrow.",
        "Rents",
        (
            "indirect",
            "the University of Kestrow",
            "a study published on Monday by the University of Kestrow",
        ),
    ),
]


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    SESSION18_ROUND37_CASES
    + SESSION18_ROUND38_CASES
    + SESSION18_ROUND39_CASES
    + SESSION18_ROUND40_CASES,
)
def test_session18_blind_round_rules(
    session16_actors: attribution.Actors, text: str, marker: str, expected: tuple
) -> None:
    """Session 18, blind rounds 37-40: each rule on INVENTED sentences of its own."""
    statements = _run(_article(_H + text + "\n"), session16_actors)[0]
    st = next(s for s in statements if marker in s.text)
    assert (st.quote_type, st.speaker, st.source) == expected, st.rule


# Session 19, blind rounds 41-48: rules written after the rounds' first runs, each on INVENTED
# sentences of its own: (text, a marker in the statement's text, (quote_type, speaker, source)).
SESSION19_A_CASES: list[tuple[str, str, tuple[str, str, str]]] = [
    # a role with a "within"/"among" phrase before its verb is the whole subject
    (
        "Hallavant cut the budget.\n\nMembers within the ruling bloc said the cuts went too far.",
        "ruling bloc",
        ("indirect", "Members within the ruling bloc", ""),
    ),
    # "on" with a group after a plural role: part of the subject (not a time)
    (
        "Quorle left early, although delegates on both sides of the table said the talks had "
        "gone well.",
        "delegates",
        ("indirect", "delegates on both sides of the table", ""),
    ),
    # a place name before a lower-case body noun: the whole phrase speaks
    (
        "The Tessel water board says the reservoir at Orvik is full.",
        "reservoir",
        ("indirect", "The Tessel water board", ""),
    ),
    # "has since said": "since" an adverb after the perfect's auxiliary
    (
        "Quorle opened the dam.\n\nThe Orrel House has since told reporters the gates were shut.",
        "gates",
        ("indirect", "quorle", "The Orrel House"),
    ),
    # "barrister"/"solicitor": a lawyer's role, so the apposition describes the named person
    (
        "Petra Holm, the solicitor acting for Hallavant, said the charges were baseless.",
        "charges",
        ("indirect", "Petra Holm", "the solicitor acting for Hallavant"),
    ),
    # "would only say that": "only" between the auxiliary and the verb
    (
        "Quorle was silent.\n\nHer advisers, pressed on the timing, would only say that a "
        "decision was near.",
        "decision",
        ("indirect", "Her advisers", "Her advisers"),
    ),
    # "the trust" after a trust named in full: that body
    (
        "The Marrow Valley Heritage Trust opposed the road.\n\nThe trust added that two "
        "barrows lay on the route.",
        "barrows",
        ("indirect", "the Marrow Valley Heritage Trust", ""),
    ),
    # a draft whose participle stands in commas is the document that speaks
    (
        "The draft, obtained by the Orvik Ledger, calls on both governments to share the data.",
        "share",
        ("indirect", "The draft", "The draft"),
    ),
    # an object relative clause of "blame": the thing blamed, no words reported
    (
        "The vote followed a dispute over grazing rights, which Dravenia blamed on Vastmoorian "
        "herders.",
        "grazing",
        ("narration", "", ""),
    ),
    # a one-word plural subject with a place or group phrase before its past-tense verb: the
    # whole phrase speaks in the participle clause after it
    (
        "Hallavant closed the border.\n\nUnionists from three northern ports walked off the "
        "docks on Monday, accusing the Chancery of breaking its word.",
        "docks",
        ("indirect", "Unionists from three northern ports", ""),
    ),
    # "Name, the <noun> acting for <actor>,": a person working for the actor, whatever the
    # noun (the lexicon lacks "notary")
    (
        "Ivo Brandt, the notary acting for Hallavant, said the deeds had been forged.",
        "deeds",
        ("indirect", "Ivo Brandt", "the notary acting for Hallavant"),
    ),
]
SESSION19_B_CASES: list[tuple[str, str, tuple[str, str, str]]] = [
    # "according to the <document> of <a named body>": the body speaks, the document is the
    # source, with the body's description after it
    (
        "According to the quarterly bulletin of the Marrow Valley Water Board, a regulator based "
        "in Tesk, reservoir levels fell by a third.",
        "reservoir",
        (
            "indirect",
            "the Marrow Valley Water Board",
            "the quarterly bulletin of the Marrow Valley Water Board, a regulator based in Tesk",
        ),
    ),
    # … and a later "the <description's kind>" is that body
    (
        "According to the quarterly bulletin of the Marrow Valley Water Board, a regulator based "
        "in Tesk, reservoir levels fell.\n\nQuorle visited a dam.\n\nThe regulator said it "
        "would ration water from June.",
        "ration",
        ("indirect", "the Marrow Valley Water Board", ""),
    ),
    # a later "the report" is the report "of" the body named before
    (
        "Prices rose, according to the annual report of the Ostrel Housing Council.\n\nQuorle "
        "visited a new estate.\n\nThe report said rents would keep climbing.",
        "climbing",
        ("indirect", "the Ostrel Housing Council", "The report"),
    ),
    # a body the narration introduced with its kind: "Another union, <Name>," ...
    (
        "Another union, Harbour Workers Together, took a softer line.\n\nIn a letter, the union "
        "said the offer was fair.",
        "offer",
        ("indirect", "Harbour Workers Together", ""),
    ),
    # ... or "<Name>, a charity based in …,"
    (
        "Selby Green, a charity based in Vastmoor, opened two shelters on Monday.\n\nThe "
        "charity said more beds were needed.",
        "beds",
        ("indirect", "Selby Green", ""),
    ),
    # a capitalized title before a full name in narration: a later "the <title>" is that person
    (
        "Hallavant's lawyer spoke to Chief Inspector Dora Venning about the raid.\n\nThe "
        "inspector said the files were complete.",
        "files",
        ("indirect", "Dora Venning", ""),
    ),
    # what a person is told after "that" does not describe that person ("had died")
    (
        "The defence told presiding judge Ilse Markov that two guards had died in the fire.\n\n"
        "The judge said she would hear the guards' families.",
        "families",
        ("indirect", "Ilse Markov", ""),
    ),
    # a joint document of two actors stays theirs when someone else spoke in between
    (
        "Quorle and Hallavant said on Friday that they had settled the fishing dispute.\n\n"
        '"Both sides will open their borders to students," the communique said.\n\nIvo Brandt, '
        'a lecturer in Tesk, said the plan was vague.\n\n"It is a start, no more," Brandt said.'
        "\n\nThe two leaders will meet again in spring, the communique said.",
        "spring",
        ("indirect", "hallavant+quorle", "the communique"),
    ),
    # "read out a letter on behalf of X": the letter is X's, not the reader's
    (
        'Ivo Brandt read out a letter on behalf of Hallavant, who was ill.\n\n"I regret '
        'nothing," the letter said.',
        "regret",
        ("direct", "hallavant", "the letter"),
    ),
    # "It" after a document whose issuer is known speaks on for that document
    (
        'The memo, signed by Hallavant and seen by reporters, said the treaty was "dead in all '
        'but name".\n\nIt warned that talks would end in May.',
        "warned",
        ("indirect", "hallavant", "The memo"),
    ),
    # a standfirst of two reports joined by ", but": the second has its own speaker
    (
        'Quorle says the reform is "finished, at last", but an economist warns the cost is far '
        "too high\n\nQuorle spoke in Oss on Monday.",
        "economist",
        ("indirect", "an economist", ""),
    ),
    (
        "Hallavant says a truce is still within reach, but the Orrel House admits the draft "
        '"falls short"\n\nThe talks went on in Oss.',
        "Orrel",
        ("mixed", "quorle", "the Orrel House"),
    ),
    # a trailing "they say" continues a plural role ending in "-ies" ("allies", "deputies")
    (
        "Hallavant's allies argue that the reform came too late. The floods of 2024 cost the "
        "treasury far more than planned, they say.",
        "floods",
        ("indirect", "Hallavant's allies", ""),
    ),
    # "He replied" right after "X asked Y whether …": the one asked answers
    (
        "The moderator, Kim Aster, asked Ivo Brandt whether the deal was signed.\n\nHe replied "
        "that it was.",
        "replied",
        ("indirect", "Ivo Brandt", ""),
    ),
]
SESSION19_C_CASES: list[tuple[str, str, tuple[str, str, str]]] = [
    # a narration's named subject is a candidate for a later "he" (the life story of a
    # man who never spoke, then his words)
    (
        "Chancellor Hallavant said the budget would pass.\n\nOrlan Vesk, who led the opposition "
        "for twenty years, has died. Born in a fishing village, Vesk trained as a teacher. He "
        'became party leader in 1990.\n\nIn a famous speech, he told parliament: "A government '
        'must be questioned."',
        "A government must",
        ("direct", "Orlan Vesk", ""),
    ),
    # "Obst himself": the subject past its reflexive
    (
        'Chancellor Hallavant praised the plan, and his deputy Piet Amsel said it was "a start".'
        "\n\nThe old reformer Janek Obst, a former minister, watched from the gallery. "
        'Obst himself seemed unconvinced. "It will not last a year," he told a reporter.',
        "It will not last",
        ("direct", "Janek Obst", ""),
    ),
    # a passive's agent ("was led by Senator Ilse Maran")
    (
        "President Quorle opened the session.\n\nThe protest was led by Senator Ilse Maran of the "
        'Green Party.\n\n"We will not be silenced," she told the crowd.',
        "We will not be silenced",
        ("direct", "Ilse Maran", ""),
    ),
    # a place as a narration's subject is no person
    (
        "President Quorle visited Port Ardle on Monday.\n\nPort Ardle flooded twice last year. "
        '"We need the sea wall," she said.',
        "We need the sea wall",
        ("direct", "quorle", ""),
    ),
    # a narration's subject set off after a role ("Hallavant's deputy, Oskar Brenn,")
    (
        "Chancellor Hallavant opened the talks.\n\nHallavant's deputy, Oskar Brenn, struck a "
        'harder tone on Thursday. "We will not sign this," he said.',
        "We will not sign",
        ("direct", "Oskar Brenn", ""),
    ),
    # "his office" is the man named in its own sentence, not the last narration's subject
    (
        "Chancellor Hallavant spoke first.\n\nQuorle's deputy, Nils Ambrose, stood beside her and "
        "did not speak.\n\nA post from Hallavant's account calling the plan absurd was deleted; "
        "his office said it had been posted in error.",
        "posted in error",
        ("indirect", "hallavant", "his office"),
    ),
    # a body named by a common noun of the lexicon's bodies ("the coastguard")
    (
        "The coastguard said the slick was drifting south.",
        "slick",
        ("indirect", "The coastguard", ""),
    ),
    # an agent noun opening a sentence without a determiner ("Other fishermen")
    (
        "Other fishermen said the promise of compensation meant little.",
        "promise",
        ("indirect", "Other fishermen", ""),
    ),
]

SESSION19_D_CASES: list[tuple[str, str, tuple[str, str, str]]] = [
    # an adjective phrase in commas between a named subject and its verb: how she was
    (
        "Quorle lost the vote.\n\nDelia Marsh, clearly angry at the result, told reporters the "
        "count was flawed.",
        "count",
        ("indirect", "Delia Marsh", ""),
    ),
    # "the goalkeeper": an agent noun the lexicon lacks, the one person introduced with it
    (
        "The match was settled when Vastmoor goalkeeper Ilse Brandt saved a penalty in the last "
        'minute.\n\n"We trusted each other," the goalkeeper said.',
        "We trusted",
        ("direct", "Ilse Brandt", ""),
    ),
    # "X, whose …, was quoted by S as saying": X speaks past the relative clause, S the source
    (
        "Harbour pilot Odo Venn, whose licence Hallavant revoked last year, was quoted by the "
        "Lessing Gazette as saying that the port was unsafe.",
        "port",
        ("indirect", "Odo Venn", "the Lessing Gazette"),
    ),
    # "posted on <platform> that": a post's words
    (
        "A tenants' association, Roof Over Us, posted on X that rents had doubled.",
        "rents",
        ("indirect", "Roof Over Us", ""),
    ),
    # "The memo … goes on": the unnamed writer who "wrote in the memo" before, the memo the source
    (
        'Hallavant visited the harbour.\n\n"The ferry is not fit to sail," one inspector wrote '
        "in the memo, dated June.\n\nThe memo, which was copied to Hallavant, goes on: "
        '"We have warned twice before."',
        "warned twice",
        ("direct", "one inspector", "The memo"),
    ),
    # "answered in kind, <participle>": a reply by an act, no words
    (
        "Dravenia expelled a Vastmoorian attache.\n\nVastmoor responded in kind the next "
        "morning, expelling two Dravenian diplomats.",
        "expelling",
        ("narration", "", ""),
    ),
    # a time of day opening the clause with no comma: the subject after it says
    (
        "Later that night Hallavant wrote again, saying he would not resign.",
        "resign",
        ("indirect", "hallavant", ""),
    ),
    # "ignoring repeated warnings": a participle after a gerund is an adjective, no "repeat"
    # frame (whose subject would be the words before it)
    (
        "Hallavant opened the dam.\n\nThe claim accuses the company of ignoring repeated "
        "warnings about the spillway.",
        "spillway",
        ("narration", "", ""),
    ),
    # "the suit": the lawsuit its filer filed, the suit as written the source
    (
        "Quorle filed a lawsuit against the Dravenian Herald on Monday.\n\nThe suit says the "
        "paper invented her quotes.",
        "invented",
        ("indirect", "quorle", "The suit"),
    ),
    # "recalls <X> telling him that": X's words in the rememberer's memory (a nested report)
    (
        "Hallavant was a young deckhand in 1991.\n\nHe recalls the captain telling him "
        "that the ships would not sail again.",
        "ships",
        ("indirect", "the captain", "He"),
    ),
    # "remembers telling her brother … that": her own words
    (
        "Quorle remembers telling her brother, the night the mine closed, that she would leave "
        "the valley.",
        "leave the valley",
        ("indirect", "quorle", ""),
    ),
]


SESSION19_F_CASES: list[tuple[str, str, tuple[str, str, str]]] = [
    # a company named in full, then by its first word alone: the full name
    (
        "Hallavant toured the docks as Kalder Shipping cut its forecast.\n\nIn a filing on "
        "Monday, Kalder said freight rates had collapsed.",
        "freight",
        ("indirect", "Kalder Shipping", ""),
    ),
    # the same for a body's name (a trust), in a later paragraph
    (
        "The Orrin Trust published its yearly survey of giving.\n\nQuorle welcomed it.\n\n"
        "Orrin said donations had fallen for a third year.",
        "donations",
        ("indirect", "Orrin Trust", ""),
    ),
    # "X Ratings" is a company; "the agency" after it, that ratings agency
    (
        "Velmark Ratings cut Dravenia's rating on Friday. In its report, the agency said "
        "reserves were running low.",
        "reserves",
        ("indirect", "Velmark Ratings", ""),
    ),
    # "the inspector's report": written by the person introduced as the inspector, hers
    (
        "The mine closed after inspector Kasia Renn found cracks in the main shaft.\n\nThe "
        "ministry published the inspector's report on Tuesday.\n\nThe report said the shaft "
        'was "beyond repair."',
        "beyond repair",
        ("mixed", "Kasia Renn", "The report"),
    ),
    # a plural of the role inside a quotation is no second holder of it
    (
        "The inquiry ended when auditor Edvin Hask cleared the bank.\n\n"
        '"Auditors are not judges," Quorle said.\n\nThe court released the auditor\u2019s '
        "report a week later. The report said the books were in order.",
        "books",
        ("indirect", "Edvin Hask", "The report"),
    ),
]

SESSION19_G_CASES: list[tuple[str, str, tuple[str, str, str]]] = [
    # a bulleted recap: a subjectless bullet opening with a reporting verb is the labelled
    # actor's
    (
        "Both leaders took questions at a town hall in Kessby.\n\nTamsin Quorle, president "
        "of Vastmoor\n\n- Warned that the harbour levy would rise in the spring.\n\n- Met "
        "the dock workers afterwards.",
        "harbour levy",
        ("indirect", "quorle", ""),
    ),
    # the same, a bare quotation bullet under a person's label (not an actor)
    (
        "Guests on the Monday forum, in brief.\n\nOdile Varsk, head of a chamber of trade\n\n"
        '- Spoke last.\n\n- "Exporters cannot wait another year for credit."',
        "Exporters cannot",
        ("direct", "Odile Varsk", ""),
    ),
    # a subjectless bullet whose verb the rules took for a name ("Rejected … , arguing")
    (
        "Hallavant and Quorle faced a studio audience.\n\nMirek Hallavant, chancellor\n\n"
        '- Rejected calls for an early vote, arguing that voters "want calm."\n\n- Left early.',
        "early vote",
        ("mixed", "hallavant", ""),
    ),
    # and a pronoun after such a bullet: the labelled actor, not the verb
    (
        "Hallavant and Quorle faced a studio audience.\n\nMirek Hallavant, chancellor\n\n"
        '- Rejected calls for an early vote, arguing that voters "want calm."\n\n- Pressed '
        'on the date, he replied: "Not this year."',
        "Pressed on",
        ("direct", "hallavant", ""),
    ),
    # ", a promise X called "…"": an apposition to the content, the main clause's speaker
    (
        'Quorle said her party would scrap the bridge toll, a promise Hallavant called "pure '
        'theatre."',
        "bridge toll",
        ("mixed", "quorle", ""),
    ),
    # the same with "a plan that X described as"
    (
        'Hallavant announced a new fuel duty, a plan that Quorle described as "reckless."',
        "fuel duty",
        ("mixed", "hallavant", ""),
    ),
    # the audience's reaction set off between subject and verb
    (
        "Odile Varsk, to loud applause from the hall, said the port would stay open.",
        "port would",
        ("indirect", "Odile Varsk", ""),
    ),
    # "One of them, a nurse who gave her name only as Ilka, said": the name given
    (
        "One of the marchers, a retired nurse who gave her name only as Ilka, said the route "
        "was safe.",
        "route",
        ("indirect", "Ilka", "a retired nurse"),
    ),
    # a body's name "of" something before a participle's main clause: the whole name
    (
        "Vastmoor's Court of Appeal on Monday struck down the curfew, ruling that the city "
        "had exceeded its powers.",
        "curfew",
        ("indirect", "Vastmoor's Court of Appeal", ""),
    ),
    # the same for a ministry
    (
        "The Ministry of Fisheries on Monday closed the bay, saying stocks had collapsed.",
        "stocks",
        ("indirect", "The Ministry of Fisheries", ""),
    ),
]


#: Session 19, blind rounds 45-46 (INVENTED sentences of their own, not the fixtures').
SESSION19_E_CASES: list[tuple[str, str, tuple[str, str, str]]] = [
    # "the draft" is a document; no subject starts with its verb ("says pensions")
    (
        "Chancellor Hallavant presented a draft budget law on Monday.\n\nIn its annex, the "
        'draft says pensions "would rise" by two percent.',
        "pensions",
        ("mixed", "the draft", "the draft"),
    ),
    # no subject starts with the verb of a frame the lexicon lacks ("says a future council"):
    # no speaker rather than a broken one
    (
        'In one of its clauses, the charter says a future council "would review" the levy.',
        "future council",
        ("narration", "", ""),
    ),
    # a body's document with a two-word possessor: the body speaks, the document is the source
    (
        "The interior ministry's weekly crime bulletin said thefts fell by a tenth.",
        "thefts",
        ("indirect", "The interior ministry", "The interior ministry's weekly crime bulletin"),
    ),
    # a nested report after "reminded readers that": "readers that …" is no relative clause
    (
        "The weekly Lanterne reminded readers that Quorle had told a rally in 2019 that she "
        'would "never trade the harbour".',
        "never trade",
        ("mixed", "quorle", "The weekly Lanterne"),
    ),
    # a participle's object is no subject before the fragment ("calling the report")
    (
        "Chancellor Hallavant defended the inquiry on Monday.\n\nThe Vastmoorian embassy "
        'circulated a note to deputies on Tuesday calling the report "a whitewash of the '
        'harbour deal."',
        "whitewash",
        ("mixed", "The Vastmoorian embassy", "The Vastmoorian embassy"),
    ),
    # a statement "from" a body, read out by an officer: the body's; "It added" the same
    (
        "Chancellor Hallavant spoke of a tragedy.\n\nSergeant Ilka Renn read out a short "
        'statement from the Lissen coastguard. "Two boats are still missing," the statement '
        "said. It added that the search would go on overnight.",
        "Two boats",
        ("direct", "the Lissen coastguard", "the statement"),
    ),
    (
        "Chancellor Hallavant spoke of a tragedy.\n\nSergeant Ilka Renn read out a short "
        'statement from the Lissen coastguard. "Two boats are still missing," the statement '
        "said. It added that the search would go on overnight.",
        "search would go on",
        ("indirect", "the Lissen coastguard", ""),
    ),
    # the next of a group opening a sentence ("A second asked: …")
    (
        '"Who paid for this?" one listener wrote. A second asked: "Is the bridge safe?"',
        "bridge safe",
        ("direct", "A second", ""),
    ),
    # a posted thing "and the words "…"": the poster's words
    (
        "Quorle spoke for an hour.\n\nAnother user posted a photo of the bridge and the words "
        '"never again."',
        "never again",
        ("mixed", "Another user", ""),
    ),
    # an inverted "one of the <plural noun> under the …" right after a quotation
    (
        '"She never answers the question," one of the top replies under the video said.',
        "never answers",
        ("direct", "one of the top replies under the video", ""),
    ),
    # a reply "with" an act and a past participle's phrase reports no words
    (
        "Quorle answered with a press conference of her own on Friday, held in the palace garden.",
        "palace garden",
        ("narration", "", ""),
    ),
    # "screenshots" are documents: of the last speaker's words
    (
        "Chancellor Hallavant said on Sunday the judges were biased.\n\nAccording to screenshots "
        "seen by the Lissen Herald, the deleted message also named two of the judges.",
        "named two",
        ("indirect", "hallavant", "screenshots seen by the Lissen Herald"),
    ),
    # a title opening with "No" ("No campaign") before a full name is no negative subject
    (
        'No campaign chair Edda Strand calls the result "a win for the harbour".',
        "win for the harbour",
        ("mixed", "Edda Strand", "No campaign chair"),
    ),
    # "read out the figures:" and what follows the colon, without quotation marks
    (
        "Returning officer Ivo Brask opened the count at midnight.\n\nAt 2 a.m., Brask read "
        "out the final tally: 5,120 votes for the bridge and 4,870 against.",
        "5,120 votes",
        ("indirect", "Ivo Brask", ""),
    ),
    # "statisticians" is a role: the second clause after ";" is theirs
    (
        "President Quorle says unemployment has halved; statisticians say the fall is far smaller.",
        "far smaller",
        ("indirect", "statisticians", ""),
    ),
    # ", the <body>'s figures show." closing a sentence of data: the body, its figures the source
    (
        "Exports fell by a fifth in the year to June, the customs agency's figures show.",
        "Exports fell",
        ("indirect", "the customs agency", "the customs agency's figures"),
    ),
    # a rubric's label "What <speakers> say:" is no report of theirs
    (
        "What the critics say: Quorle's harbour plan divides the city",
        "divides the city",
        ("narration", "", ""),
    ),
    # a possessor alone ("The Courier's") is no subject of the clause's later verb
    (
        "The Courier's verification unit compared the figures against census data, and asked "
        "two economists to review them.",
        "census",
        ("narration", "", ""),
    ),
]


SESSION19_H_CASES: list[tuple[str, str, tuple[str, str, str]]] = [
    # "the company" far from any name: the article's one company so far ("Minerals" a suffix)
    (
        "Harrowdene Minerals, which owns the quarry, said on Monday that blasting had stopped.\n\n"
        "President Quorle visited the site on Tuesday.\n\nShe met the families of the drivers.\n\n"
        "Chancellor Hallavant sent a message of support.\n\nThe company said work would resume "
        "in spring.",
        "resume",
        ("indirect", "Harrowdene Minerals", ""),
    ),
    # a subject with two relative clauses, the second after ", and who": the subject speaks
    (
        "A Vastmoor negotiator who sat in on the talks, and who asked not to be named because "
        "the minutes are sealed, said Hallavant had left early.",
        "left early",
        ("indirect", "A Vastmoor negotiator", ""),
    ),
    # a plural subject and the base form of a past-only verb before "that"
    (
        "Hydrologists caution that the reservoir could be dry by August.",
        "reservoir",
        ("indirect", "Hydrologists", ""),
    ),
    # "that" a pronoun after the verb ("argued that before"), a new clause after ", but": no
    # words reported
    (
        "Hallavant has argued that before, but the council never listened.",
        "never listened",
        ("narration", "", ""),
    ),
    # a bare "the newspaper" after "the <place> newspaper <Name>": that outlet, by its name
    (
        "Quorle's letter was first printed by the Dravenian newspaper Osterpost.\n\nThe newspaper "
        "said it had received the letter from a former aide.",
        "former aide",
        ("indirect", "Osterpost", ""),
    ),
    # "Utilities" (like "Resources", "Partners", "Brands") ends a company's name
    (
        "Brenmark Utilities raised its water tariffs by a tenth, the company said on Monday.",
        "tariffs",
        ("indirect", "Brenmark Utilities", ""),
    ),
]


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    SESSION19_A_CASES
    + SESSION19_B_CASES
    + SESSION19_C_CASES
    + SESSION19_D_CASES
    + SESSION19_E_CASES
    + SESSION19_F_CASES
    + SESSION19_G_CASES
    + SESSION19_H_CASES,
)
def test_session19_blind_round_rules(
    session16_actors: attribution.Actors, text: str, marker: str, expected: tuple
) -> None:
    """Session 19, blind rounds 41-48: each rule on INVENTED sentences of its own."""
    statements = _run(_article(_H + text + "\n"), session16_actors)[0]
    st = next(s for s in statements if marker in s.text)
    assert (st.quote_type, st.speaker, st.source) == expected, st.rule


def test_an_actor_described_by_her_own_organization() -> None:
    """Session 19 (blind round 48, INVENTED): "Ona Vell, a schoolteacher who founded Clean Tarsk,
    welcomed …": the description names only her own organization; she speaks."""
    actors = attribution.actors_from_mapping(
        {
            "actors": {
                "vell": {
                    "name": "Ona Vell",
                    "organizations": ["Clean Tarsk"],
                    "gender": "female",
                    "country": "Tarsenia",
                }
            }
        },
        "round48-actors",
    )
    text = _H + "Ona Vell, a schoolteacher who founded Clean Tarsk, welcomed the verdict.\n"
    st = next(s for s in _run(_article(text), actors)[0] if "verdict" in s.text)
    assert (st.quote_type, st.speaker) == ("indirect", "vell"), st.rule


def test_a_lower_case_office_word_inside_another_bodys_name() -> None:
    """Session 18 (blind round 39, INVENTED): "the airline" is the actor's; the word inside
    "the Tarsenian Airline Pilots' Association" neither matches nor makes it ambiguous."""
    actors = attribution.actors_from_mapping(
        {
            "actors": {
                "varga": {
                    "name": "Anselm Varga",
                    "organizations": ["Heliana Airways", "the airline"],
                    "gender": "male",
                    "country": "Tarsenia",
                }
            }
        },
        "round39-actors",
    )
    text = (
        _H + "Anselm Varga said Tarsenia was calm.\n\nThe airline said separately that the "
        "entry was under review.\n\nThe Tarsenian Airline Pilots' Association called the "
        'finding "premature".\n'
    )
    statements = _run(_article(text), actors)[0]
    got = [(s.speaker, s.source) for s in statements if s.quote_type != "narration"]
    assert got == [
        ("varga", ""),
        ("varga", "The airline"),
        ("The Tarsenian Airline Pilots' Association", ""),
    ]


def test_a_headline_cuts_at_a_semicolon_before_a_body_in_lower_case(
    session16_actors: attribution.Actors,
) -> None:
    """Session 18 (blind round 37, INVENTED): "…; the main union federation says …"."""
    text = (
        "Quorle calls the pause 'a brake on growth'; the main union federation says workers "
        "will push for raises\n\nQuorle spoke on Monday.\n"
    )
    statements = _run(_article(text), session16_actors)[0]
    assert [(s.speaker, s.section) for s in statements[:2]] == [
        ("quorle", "headline"),
        ("the main union federation", "headline"),
    ]


def test_a_headline_bare_plural_is_the_pair_the_article_coordinates(
    session16_actors: attribution.Actors,
) -> None:
    """Session 17 (acceptance test 17b, INVENTED): "Leaders hail treaty" above "A and B …"."""
    text = "Leaders hail treaty as a new start\n\nQuorle and Hallavant signed the treaty.\n"
    statements = _run(_article(text), session16_actors)[0]
    assert (statements[0].speaker, statements[0].speaker_type) == ("hallavant+quorle", "joint")
    alone = "Leaders hail treaty as a new start\n\nQuorle signed the treaty.\n"
    assert _run(_article(alone), session16_actors)[0][0].speaker == "Leaders"


#: Session 20: a body described again by its kind with words of its name ("the statistics
#: office" after "the Kestrian Statistics Office"), named after a possessive ("the country's
#: Digital Markets Authority"); INVENTED sentences, with ``session16_actors``.
SESSION20_CASES: list[tuple[str, str, tuple[str, str, str]]] = [
    (
        "The Kestrian Statistics Office published its figures on Monday.\n\nCompletions "
        "reached 214,000 in the year to March, the statistics office said.",
        "Completions",
        ("indirect", "the Kestrian Statistics Office", ""),
    ),
    # the description's words are not the name's: another office, kept as written
    (
        "The Kestrian Audit Office published its figures on Monday.\n\nCompletions reached "
        "214,000 in the year to March, the statistics office said.",
        "Completions",
        ("indirect", "the statistics office", ""),
    ),
    # two bodies of that kind with the description's words: kept as written
    (
        "The Kestrian Foreign Ministry and the Dravenian Foreign Ministry met.\n\nTalks went "
        "well, the foreign ministry said.",
        "Talks went",
        ("indirect", "the foreign ministry", ""),
    ),
    (
        "Vastmoor's Central Electoral Commission counted through the night.\n\nTurnout stood "
        "at 68 per cent, according to the electoral commission.",
        "Turnout",
        ("indirect", "the Central Electoral Commission", ""),
    ),
    (
        "The country's Digital Markets Authority fined Brightloom on Thursday.\n\nIn its "
        'decision, the authority found that the company had "knowingly" broken the rules.',
        "the authority found",
        ("mixed", "the Digital Markets Authority", ""),
    ),
    # the same for a body's kind word that is no institution word ("service", "trust")
    (
        "The Dravenian Weather Service issued a red warning on Monday.\n\nStorms could bring "
        "relief by Friday, the weather service said.",
        "Storms",
        ("indirect", "the Dravenian Weather Service", ""),
    ),
    (
        "The Dravenian Weather Service issued a red warning on Monday.\n\nCrews were ready, "
        "the fire service said.",
        "Crews",
        ("indirect", "the fire service", ""),
    ),
    # "has said nothing …" reports nothing, also before a clause of its own (acceptance 20b)
    (
        "Hallavant has said nothing in public for a week, as Quorle accuses Dravenia of a "
        "build-up on the border.",
        "build-up",
        ("indirect", "quorle", ""),
    ),
    # (a guard: the clause after it keeps its own speaker)
    (
        "Quorle has said little about the dam since May, but her aides say she is furious.",
        "furious",
        ("indirect", "her aides", "her aides"),
    ),
]


def test_a_body_configured_as_an_actor_is_that_actor_when_named_again_by_its_kind() -> None:
    """Acceptance test 20b (INVENTED): "The bank said", after "The Varn Reserve Bank", an
    institution configured as an actor, is that actor (was a speaker of its own, "the Varn
    Reserve Bank", splitting the actor's statements in every table)."""
    actors = attribution.actors_from_mapping(
        {
            "actors": {
                "varn_bank": {"name": "Varn Reserve Bank", "aliases": ["the reserve bank"]},
                "osk": {"name": "Lida Osk", "aliases": ["Osk"], "gender": "female"},
            }
        },
        "session20-bank",
    )
    text = (
        _H + "The Varn Reserve Bank held its rate at 3 per cent on Tuesday.\n\nThe bank said "
        'growth remained steady.\n\n"The shock is temporary," the bank said.\n\nThe Varn '
        "Audit Office said it would look again.\n\nThe office said the books were sound.\n"
    )
    rows = [st for st in _run(_article(text), actors)[0] if st.quote_type != "narration"]
    assert [(st.speaker, st.speaker_type) for st in rows] == [
        ("varn_bank", "actor"),
        ("varn_bank", "actor"),
        ("The Varn Audit Office", "other"),
        ("the Varn Audit Office", "other"),
    ]


#: Session 20, helper B (blind rounds 49-50): a name given behind an opening phrase, "agreed"
#: a deal, a bare body after "as", the one asked answers, a relayed report, producers;
#: INVENTED sentences, with ``session16_actors``.
SESSION20_B_CASES: list[tuple[str, str, tuple[str, str, str]]] = [
    # a name given after a description, behind an opening phrase of place
    (
        "At the stadium gates, one fan, a retired nurse who gave her name only as Odile, said "
        "the tickets had doubled in price.",
        "tickets had doubled",
        ("indirect", "Odile", "a retired nurse"),
    ),
    # "agreed" + a deal struck (British transitive use) is an act, not a nested report
    (
        "The lawyer, Sefa Marron, told reporters that Kessel Rovers had agreed personal terms "
        'with the player.\n\n"It holds for now," she said.',
        "It holds",
        ("direct", "Sefa Marron", ""),
    ),
    (
        'Hallavant said Brenn Motors had agreed a fee with the port.\n\n"It is done," he said.',
        "It is done",
        ("direct", "hallavant", ""),
    ),
    # a standfirst's second clause after "as": a singular body, its article dropped
    (
        "Quorle calls budget 'a fair deal' as government says cuts will stop\n\nQuorle spoke "
        "on Monday.",
        "government says",
        ("indirect", "government", ""),
    ),
    # the one asked ("asked her whether") answers, not the named asker of unknown gender
    (
        "Quorle spoke to the broadcaster for an hour.\n\nThe host, Ivo Prant, began by asking "
        "her whether she regretted the vote.\n\nShe said she did not.",
        "She said she did not",
        ("indirect", "quorle", ""),
    ),
    (
        "Hallavant took questions after the speech.\n\nA reporter, Dara Venn, pressed him on "
        "why the talks had stalled.\n\nHe said the other side had walked out.",
        "walked out",
        ("indirect", "hallavant", ""),
    ),
    # a quotation after a relayed report ("X said Y had told him …") is X's, not Y's
    (
        "Hallavant said Piet Sarne, his envoy, had told him that the border would stay shut."
        '\n\n"We will not wait," he said.',
        "We will not wait",
        ("direct", "hallavant", ""),
    ),
    (
        "Quorle met the press. She said Anke Rolf had warned her twice that the plan would "
        'fail.\n\n"I ignored it," she said.',
        "I ignored it",
        ("direct", "quorle", ""),
    ),
    # producers named by their trade after "according to"
    (
        "The series had been streamed four million times, according to its producers.",
        "streamed",
        ("indirect", "its producers", ""),
    ),
]


#: Session 20, rule writer D (blind round 51): INVENTED sentences, the statement's marker and
#: its (quote_type, speaker, source), with ``session16_actors``.
SESSION20_D_CASES: list[tuple[str, str, tuple[str, str, str]]] = [
    # "role, Name of the <kind> <Body>,": the person, her firm named with its kind word
    (
        "Another trader, Ilse Varda of the brokerage Kelmor Trading, said the levy would fail.",
        "levy",
        ("indirect", "Ilse Varda", "Another trader"),
    ),
    # the same as the subject: the person, not the firm's name before the verb
    (
        "Ilse Varda of the brokerage Kelmor Trading said the levy would fail.",
        "levy",
        ("indirect", "Ilse Varda", ""),
    ),
    # "Asked whether …, as <X> has urged, <Y> replied": the question's "as" clause is no frame
    (
        "Asked whether Vastmoor would freeze the tariff, as the exporters' council has urged, "
        'Quorle replied: "We will decide in May."',
        "freeze",
        ("direct", "quorle", ""),
    ),
    # "…, it said, …" as a parenthesis, after a body written as one bare name
    (
        "Norbrant said in a statement that the plant would close. From 9 a.m. on Friday, it "
        "said, no trucks would enter the site.",
        "no trucks",
        ("indirect", "Norbrant", ""),
    ),
    # a trailing "it said" after such a name, a paragraph later
    (
        "Norbrant said the invoices were unpaid.\n\nDeliveries to Dravenia will stop on Monday, "
        "it said.",
        "Deliveries",
        ("indirect", "Norbrant", ""),
    ),
    # "telling <an audience the rules lack> that …": the audience is skipped, the words follow
    (
        "Quorle spoke for an hour, telling a packed hall that the border would stay open.",
        "packed hall",
        ("indirect", "quorle", ""),
    ),
    # "The head of <an actor's body>, <actor>, …, telling": the actor named after the role
    (
        "The head of the Chancery, Chancellor Hallavant, used his speech to attack the levy, "
        "telling reporters that the border would stay open.",
        "levy",
        ("indirect", "hallavant", ""),
    ),
    # the same with another person's name after the role: that person, the role the source
    (
        "The chairman of the Orrel House, Aldo Brenn, spoke for an hour, telling reporters that "
        "the border would stay open.",
        "Brenn",
        ("indirect", "Aldo Brenn", "The chairman of the Orrel House"),
    ),
    # "<plural people> <verb>ed <object>, which they said …": "they" is that subject
    (
        "Members of the farmers' league posted a map, which they said proved the dam was illegal.",
        "dam",
        ("indirect", "Members of the farmers' league", ""),
    ),
]


#: Session 20, helper A (blind round 49): INVENTED sentences, with ``session16_actors``.
SESSION20_A_CASES: list[tuple[str, str, tuple[str, str, str]]] = [
    # an actor's description, then the actor's name "of" the actor's own body: the actor
    (
        "The president, Tamsin Quorle of the Orrel House, told reporters the budget was fragile.",
        "told reporters",
        ("indirect", "quorle", ""),
    ),
    # a report in the subject's "whose" clause: the main verb's subject speaks
    (
        "Quorle, whose party says the tax has cost jobs, warned that the plan would fail.",
        "whose party",
        ("indirect", "quorle", ""),
    ),
    (
        "Quorle, whose own advisers say the tax has cost jobs, said she would keep it.",
        "whose own",
        ("indirect", "quorle", ""),
    ),
    # ", while <role>, <Name>, told …" after a clause ending in a name: a second report
    (
        "Hallavant said the deal was close to Oslin and the Veskar Union, while the Vastmoorian "
        'trade minister, Ilse Marrow, told reporters it was "far off."',
        "far off",
        ("mixed", "Ilse Marrow", "the Vastmoorian trade minister"),
    ),
    # a standfirst's "… as <modifier> <plural people> warn/complain …": a second report
    (
        "Quorle says the pension reform will pass as opposition lawmakers warn of strikes\n\n"
        "The vote is on Friday.",
        "warn of strikes",
        ("indirect", "opposition lawmakers", ""),
    ),
    (
        "Hallavant says the bridge will open in May as local residents complain of delays\n\n"
        "Work began in 2024.",
        "complain of",
        ("indirect", "local residents", ""),
    ),
    # "<a description the lexicon has no role for> close to <actor>": that person, as written
    (
        "A longtime confidant close to Hallavant said he would not resign.",
        "not resign",
        ("indirect", "A longtime confidant close to Hallavant", ""),
    ),
    (
        "A senior coalition figure close to Quorle said the vote could slip.",
        "could slip",
        ("indirect", "A senior coalition figure close to Quorle", ""),
    ),
    # "ended … with a line that …: "…"": a relative clause on the speech noun, then the words
    (
        "Hallavant ended his speech with a line which his staff had drafted overnight: "
        "\u201cDravenia does not bow.\u201d",
        "does not bow",
        ("direct", "hallavant", ""),
    ),
    # "<demonym> leader", "<country>'s leader": the side's actor titled head of government
    (
        "The Dravenian leader said the talks had failed.",
        "talks had failed",
        ("indirect", "hallavant", ""),
    ),
    (
        "Vastmoor's leader warned that the border would stay shut.",
        "border would",
        ("indirect", "quorle", ""),
    ),
    # "The <role> said" after "One <role> at <body>/to <actor>, …, said X had …" (the source
    # of a nested report, or a role ending in a body word): that speaker, as first written
    (
        "One official at the ministry, who spoke on condition of anonymity, said Quorle had "
        "warned Hallavant in June that she would walk out.\n\nThe official said the chancellor "
        'had "taken her at her word."',
        "The official",
        ("mixed", "One official at the ministry", ""),
    ),
    (
        "An adviser to Quorle, who asked not to be named, said Hallavant had promised her a vote "
        'in May.\n\nThe adviser said the president "felt cheated."',
        "The adviser",
        ("mixed", "An adviser to Quorle", ""),
    ),
    # "The new <title> said" after "named <Name>, …, as <title>": the person appointed
    (
        "Quorle named Ilse Varga, a former judge, as foreign minister on Monday.\n\nThe new "
        "foreign minister said she would travel to Dravenia.",
        "travel to",
        ("indirect", "Ilse Varga", "The new foreign minister"),
    ),
]


#: Session 20, helper E (blind round 52): INVENTED rows (text, marker, (quote_type, speaker,
#: source)) with ``session16_actors``.
SESSION20_E_CASES: list[tuple[str, str, tuple[str, str, str]]] = [
    # a long opening prepositional phrase (over 60 characters) before the subject, then an
    # action and "and said"
    (
        "In a nine-minute address broadcast on the national radio network's evening bulletin, "
        "Quorle bowed her head and said the border would reopen on Friday.",
        "nine-minute",
        ("indirect", "quorle", ""),
    ),
    # an opening place with a relative clause of its own ("whose …", "where …")
    (
        "In coastal Dravenia, whose fishing fleet stayed in port all week, Hallavant toured the "
        "harbour and said compensation would be paid by June.",
        "coastal",
        ("indirect", "hallavant", ""),
    ),
    (
        "At the old customs hall, where the talks ran late into the night, Quorle shook hands "
        "with the envoys and said a deal was close.",
        "customs hall",
        ("indirect", "quorle", ""),
    ),
    # an unnamed role with a short relative clause saying who they are: the whole phrase (a
    # clause on the terms of speaking, "who asked not to be named", stays out)
    (
        "Three nurses who worked the night shift at the clinic said the generators had failed "
        "twice.",
        "generators",
        ("indirect", "Three nurses who worked the night shift at the clinic", ""),
    ),
    (
        "Two officials who inspected the ferry, speaking on condition of anonymity, said the "
        "rudder had been patched.",
        "rudder",
        ("indirect", "Two officials who inspected the ferry", ""),
    ),
    # "<actor's configured body> chief" in a standfirst: the actor titled as its head
    (
        "Chancery chief vows to cut the deficit by half\n\nThe plan was published on Monday.",
        "deficit",
        ("indirect", "hallavant", ""),
    ),
]


#: Session 20, rule writer C (INVENTED rows, blind round 50): each rule on its own words.
SESSION20_C_CASES: list[tuple[str, str, tuple[str, str, str]]] = [
    # "said it with a smile": a manner, no words of its own
    (
        '"We will win this," Hallavant said on Monday.\n\nHe said it with a thin smile and '
        "left the room.",
        "thin smile",
        ("narration", "", ""),
    ),
    # a parenthesis between a plural reference and its verb ("in the end", "for once")
    (
        "Quorle and Hallavant met in Tarvel on Monday.\n\nThe two leaders, in the end, "
        "agreed that the border talks had failed.",
        "in the end",
        ("indirect", "hallavant+quorle", ""),
    ),
    (
        "Quorle and Hallavant met in Tarvel on Monday.\n\nBoth leaders did, for once, say "
        "that the border talks had failed.",
        "for once",
        ("indirect", "hallavant+quorle", ""),
    ),
    # "When I asked <an indefinite role> …, she said": the one asked answers
    (
        "Quorle met Hallavant in Tarvel on Monday.\n\nWhen I asked one of the border guards "
        'who had opened the gate, she said: "Not me."',
        "Not me",
        ("direct", "one of the border guards", ""),
    ),
    # the same with "whip" as a role word
    (
        "Quorle met Hallavant in Tarvel on Monday.\n\nAfter a reporter asked a party whip "
        "about the vote, he said it had been close.",
        "party whip",
        ("indirect", "a party whip", ""),
    ),
    # a fronted place with no comma before an unseen heckler; '"…!", and' stays one sentence
    (
        "Quorle spoke in Tarvel on Monday.\n\nFrom the back of the room a voice shouted "
        '"Traitor!", and the hall fell quiet.',
        "Traitor",
        ("direct", "a voice", ""),
    ),
    (
        'Quorle spoke in Tarvel on Monday.\n\nA voice in the gallery yelled "Resign!", and '
        "the chair called for order.",
        "Resign",
        ("direct", "A voice in the gallery", ""),
    ),
    # "The audit, compiled by the accountancy X for …,": X wrote it and speaks through it
    (
        "The city's library closed in March.\n\nThe audit, compiled by the accountancy Velder "
        'Brook for the council, describes "grave" failings in the building.',
        "grave",
        ("mixed", "Velder Brook", "The audit"),
    ),
    # a standfirst's "Study finds <noun phrase>": the author the body names
    (
        "Surveyors' study finds deep cracks in the dam wall\n\nThe study, written by the firm "
        "Osterlin Hale for the water board, describes serious damage.",
        "deep cracks",
        ("indirect", "Osterlin Hale", "Surveyors' study"),
    ),
]

#: Session 20, helper G (blind rounds 53-54): INVENTED rows, one per rule.
SESSION20_G_CASES: list[tuple[str, str, tuple[str, str, str]]] = [
    # "according to" a body named by a common noun with a place adjective (a coastguard)
    (
        "Quorle visited the harbour on Monday.\n\nAccording to the Morvish coastguard, the "
        "trawler lost power near the reef before dawn.",
        "trawler lost power",
        ("indirect", "the Morvish coastguard", ""),
    ),
    # the same with a bare body noun (a federation)
    (
        "Hallavant opened the stadium on Friday.\n\nAccording to the federation, two "
        "clubs failed their audits this season.",
        "failed their audits",
        ("indirect", "the federation", ""),
    ),
    # people who left their country speak as a role ("exiles", "dissidents")
    (
        "Quorle met Hallavant in Tarvel on Monday.\n\nA few exiles said the talks would "
        "change nothing at home.",
        "change nothing",
        ("indirect", "A few exiles", ""),
    ),
    (
        "Quorle met Hallavant in Tarvel on Monday.\n\nOne dissident told reporters the "
        "meeting was staged.",
        "was staged",
        ("indirect", "One dissident", ""),
    ),
    # a long "Asked by X whether …," (over 60 characters) before "Name laughed and said:"
    (
        "Quorle met Hallavant in Tarvel on Monday.\n\nAsked by a reporter whether he would "
        "step down if the bridge was not finished by the end of the year, Hallavant grinned "
        'and said: "I plan to open it myself."',
        "open it myself",
        ("direct", "hallavant", ""),
    ),
    # "it said" after a company whose name ends in a trade word ("… Ferries", "… Coaches")
    (
        "Quorle visited the port on Monday.\n\nSaltmere Ferries said on Tuesday that the "
        "crossing would resume. It said the crew, who were unhurt, had been sent home.",
        "had been sent home",
        ("indirect", "Saltmere Ferries", ""),
    ),
    # "a former teammate of <actor>'s" is a person's role (the person speaks, not the actor)
    (
        "Quorle opened the games on Monday.\n\nEmil Sarko, a former teammate of "
        'Hallavant\'s, said he had been "shocked" by the vote.',
        "shocked",
        ("mixed", "Emil Sarko", "a former teammate of Hallavant's"),
    ),
    # '"…?" she asked' after "X pressed her on …": the asker asks on, not the one asked
    (
        "The host, Ada Brell, asked Quorle about the harbour.\n\nQuorle replied that the "
        "harbour would open in May.\n\nBrell pressed her on reports that the harbour was "
        'over budget.\n\n"Is that not a scandal?" she asked.',
        "not a scandal",
        ("direct", "Ada Brell", ""),
    ),
]


#: Session 20, rule writer F (blind round 53; INVENTED sentences of its own).
SESSION20_F_CASES: list[tuple[str, str, tuple[str, str, str]]] = [
    # "According to X, APPOSITION, <unnamed group> <verb> "…"": X's words, not the group's
    (
        "Quorle visited the coast on Monday.\n\nAccording to the Orlin Water Council, a "
        "body funded by three provinces, 90,000 families in the delta now face \u201csevere\u201d "
        "shortages.",
        "families",
        ("mixed", "the Orlin Water Council", ""),
    ),
    (
        "Quorle visited the coast on Monday.\n\nAccording to the port authority, some 3,000 "
        "people on the islands are \u201ccut off\u201d.",
        "islands",
        ("mixed", "the port authority", ""),
    ),
    # a body named kind word first ("the Union of …", "the Bank of …"): a later "the union"
    (
        "Quorle met the Union of Dravenian Growers in Tarvel on Monday.\n\nThe union said "
        "the grain price was too low.",
        "The union said",
        ("indirect", "the Union of Dravenian Growers", ""),
    ),
    (
        "The Bank of Vastmoor raised its main rate on Thursday.\n\nPrices would fall by "
        "spring, the bank said.",
        "Prices would",
        ("indirect", "the Bank of Vastmoor", ""),
    ),
    # a monarch named by title and one given name ("Sultan Arif"): a later "the sultan"
    (
        "Quorle met Hallavant in Tarvel on Monday.\n\nSultan Arif opened the new port on "
        'Tuesday.\n\n"Trade will come back to this coast," the sultan said.',
        "Trade will",
        ("direct", "Sultan Arif", ""),
    ),
    (
        "Quorle met Hallavant in Tarvel on Monday.\n\nPope Lucan IV visited the camp on "
        "Sunday.\n\nThe pope said the fighting had to stop.",
        "The pope said",
        ("indirect", "Pope Lucan IV", ""),
    ),
    # a headline's second clause after "; " with a bare plural of people as its subject
    (
        "Quorle defends grain tariff; growers warn of empty silos\n\nQuorle spoke in "
        "Tarvel on Monday.",
        "growers warn",
        ("indirect", "growers", ""),
    ),
    (
        "Hallavant calls rail strike 'reckless'; drivers say talks broke down\n\nHallavant "
        "spoke in Dravenia on Monday.",
        "drivers say",
        ("indirect", "drivers", ""),
    ),
    # a body described, not named ("The Dravenian embassy in Vastmoor"): a later "the embassy"
    (
        "Quorle met Hallavant in Tarvel on Monday.\n\nThe Dravenian embassy in Vastmoor "
        "denied the report on Tuesday.\n\nThe embassy said no visas had been refused.",
        "The embassy said",
        ("indirect", "The Dravenian embassy in Vastmoor", ""),
    ),
    (
        "Quorle met Hallavant in Tarvel on Monday.\n\nVastmoor's state weather agency warned "
        "of storms.\n\nRivers would rise by Friday, the agency said.",
        "Rivers would",
        ("indirect", "Vastmoor's state weather agency", ""),
    ),
    # "the palace" speaks as a body does (a royal household's statements)
    (
        "Quorle met Hallavant in Tarvel on Monday.\n\nThe palace said on Friday that the "
        "prince would not attend the summit.",
        "The palace said",
        ("indirect", "The palace", ""),
    ),
]


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    SESSION20_CASES
    + SESSION20_F_CASES
    + SESSION20_B_CASES
    + SESSION20_C_CASES
    + SESSION20_D_CASES
    + SESSION20_A_CASES
    + SESSION20_E_CASES
    + SESSION20_G_CASES,
)
def test_session20_blind_round_rules(
    session16_actors: attribution.Actors, text: str, marker: str, expected: tuple
) -> None:
    """Session 20, blind rounds 49-52: each rule on INVENTED sentences of its own."""
    statements = _run(_article(_H + text + "\n"), session16_actors)[0]
    st = next(s for s in statements if marker in s.text)
    assert (st.quote_type, st.speaker, st.source) == expected, st.rule


def test_session20_d_description_with_an_age_is_the_actor() -> None:
    """Session 20 (INVENTED): "the 68-year-old bishop" is the actor configured as "the bishop"
    (an age describes, as "the veteran bishop" does; "the 68-year-old former bishop" is not)."""
    actors = attribution.actors_from_mapping(
        {"actors": {"lind": {"name": "Oda Lind", "aliases": ["Bishop Lind", "the bishop"]}}},
        "session20-d",
    )
    text = (
        _H + '"We will open the halls," the 68-year-old bishop said.\n\nThe 68-year-old former '
        "bishop said the halls were full.\n"
    )
    rows = [st for st in _run(_article(text), actors)[0] if st.quote_type != "narration"]
    assert [st.speaker for st in rows] == ["lind", "The 68-year-old former bishop"]


def test_standfirst_body_described_by_kind_is_the_body_named_in_the_article() -> None:
    """Session 20 (INVENTED): a standfirst sums up the body, so its "the fiscal council says"
    is the council the body names in full; a body sentence only looks back."""
    text = (
        "Budget keeps the deficit target\n\nThe plan is credible; the fiscal council says it "
        "leaves little room for error\n\nThe Independent Fiscal Council said in a report that "
        "the plans were fragile.\n"
    )
    rows = _run(_article(text), attribution.Actors(()))[0]
    got = [(st.section, st.speaker) for st in rows if st.quote_type != "narration"]
    assert got == [
        ("standfirst", "the Independent Fiscal Council"),
        ("body", "The Independent Fiscal Council"),
    ]
    later = text.replace("the fiscal council says", "analysts say").replace(
        "report that the plans", "report that the fiscal council says the plans"
    )
    body_rows = _run(_article(later), attribution.Actors(()))[0]
    assert [st.speaker for st in body_rows if st.quote_type != "narration"][-1] == (
        "the Independent Fiscal Council"
    )
    before = (
        "Budget keeps the deficit target\n\nThe plan is credible, analysts say\n\nThe fiscal "
        "council says the plan leaves little room for error.\n\nThe Independent Fiscal Council "
        "met on Friday.\n"
    )
    (spoke,) = [st for st in _run(_article(before), attribution.Actors(()))[0] if "room" in st.text]
    assert spoke.speaker == "The fiscal council"  # (the body names it only later: as written)


def test_session20_c_question_and_headline_pair() -> None:
    """Session 20 (INVENTED): "asked whether <an actor's title> agreed that "…"" is the asker's
    question, not the actor's words; a late "Both leaders said" with no pair named nearby is
    the pair of the headline."""
    actors = attribution.actors_from_mapping(
        {
            "actors": {
                "sell": {"name": "Ada Sell", "aliases": ["the premier"], "gender": "female"},
                "brun": {"name": "Oskar Brun", "aliases": ["Brun"], "gender": "male"},
            }
        },
        "session20-c-actors",
    )
    text = (
        "Sell takes the floor, and Brun walks out\n\nThe hall in Tarvel was full on Monday."
        "\n\nSell spoke first, for an hour.\n\nThe crowd outside was quiet.\n\nThe ushers "
        "closed the doors at six.\n\nLina Osk, a teacher from Varn, asked whether the premier "
        'accepted that classes were "far too big," a question nobody answered.\n\nBoth leaders '
        "later said that the talks would resume.\n\nThe hall reopens on Friday.\n"
    )
    rows = _run(_article(text), actors)[0]
    asked = next(st for st in rows if "Lina Osk" in st.text)
    assert (asked.quote_type, asked.speaker) == ("mixed", "Lina Osk"), asked.rule
    both = next(st for st in rows if "Both leaders" in st.text)
    assert both.speaker == "brun+sell", both.rule


def test_actor_apposition_naming_her_post_in_her_own_body_keeps_the_actor() -> None:
    """Session 20, helper E (INVENTED): "Name, the <alias title> of <her configured body>,
    said": the apposition is one office mention of the actor (kind org), which describes
    her; she speaks (blind round 52)."""
    actors = attribution.actors_from_mapping(
        {
            "actors": {
                "teller": {
                    "name": "Ines Teller",
                    "aliases": ["Ms Teller", "the chief inspector"],
                    "organizations": ["the Harbour Safety Inspectorate"],
                    "gender": "female",
                    "country": "Vastmoor",
                }
            }
        },
        "session20-e-actors",
    )
    text = (
        _H + "Teller, the chief inspector of the Harbour Safety Inspectorate, said her staff "
        "had found cracks in two cranes.\n"
    )
    (st,) = [s for s in _run(_article(text), actors)[0] if "cracks" in s.text]
    assert (st.quote_type, st.speaker) == ("indirect", "teller"), st.rule


def test_session20_g_country_possessive_title_among_actors_of_one_country() -> None:
    """Session 20, helper G (INVENTED): "Ostria's president" is the one actor of Ostria
    configured as "the Ostrian president", when other actors share Ostria (no side word)."""
    actors = attribution.actors_from_mapping(
        {
            "actors": {
                "renn": {
                    "name": "Pavel Renn",
                    "aliases": ["President Pavel Renn", "the Ostrian president"],
                    "gender": "male",
                    "country": "Ostria",
                },
                "malvo": {
                    "name": "Ilse Malvo",
                    "aliases": ["the Ostrian foreign minister"],
                    "gender": "female",
                    "country": "Ostria",
                },
                "sand": {"name": "Kari Sand", "aliases": ["the poet"], "country": "Ostria"},
            }
        },
        "session20-g-actors",
    )
    text = (
        _H + "The festival opened in Lenby on Friday.\n\nOstria's president said the "
        "festival was a waste of money.\n"
    )
    (st,) = [s for s in _run(_article(text), actors)[0] if "waste of money" in s.text]
    assert (st.quote_type, st.speaker) == ("indirect", "renn"), st.rule


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a member named before "of <the actor's body>": the member, speaking for the actor
        ("Ines Valk of the Unity Bloc said the bill was a disgrace.", ("Ines Valk", "arnau")),
        (
            "Senator Ines Valk of the Unity Bloc said the bill was a disgrace.",
            ("Ines Valk", "arnau"),
        ),
        # the actor herself, and bodies or titles before "of": unchanged
        ("Petra Arnau of the Unity Bloc said the bill was a disgrace.", ("arnau", "")),
        (
            "The Finance Committee of the Unity Bloc said the bill was a disgrace.",
            ("The Finance Committee of the Unity Bloc", "arnau"),
        ),
    ],
)
def test_a_member_named_before_of_an_actors_body_is_the_member(
    sentence: str, expected: tuple[str, str]
) -> None:
    """Session 20 (rule writer A's finding; INVENTED): "Tom Ruck of the Popular Alliance said"
    went to the actor whose configured organization the party is; the member speaks."""
    actors = attribution.actors_from_mapping(
        {
            "actors": {
                "arnau": {
                    "name": "Petra Arnau",
                    "aliases": ["Arnau"],
                    "organizations": ["the Unity Bloc"],
                    "gender": "female",
                },
            }
        },
        "session20-member",
    )
    (st,) = [s for s in _run(_article(_H + sentence + "\n"), actors)[0] if "bill" in s.text]
    got = (st.speaker, st.source_actor if st.speaker != "arnau" else "")
    assert got == expected, st.rule

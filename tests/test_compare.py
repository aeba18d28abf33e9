"""Comparisons: known answers on an INVENTED fixture, and every comparison computed on the seed."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from mediaframes import compare, framing
from mediaframes.records import Article, FrameLabel, Mention, Statement, to_frame

FIXTURE = Path(__file__).parent / "fixtures" / "compare" / "readout_call.yml"


def _span(text: str, sub: str, start: int = 0) -> tuple[int, int]:
    i = text.index(sub, start)
    assert text.count(sub, start) >= 1
    return i, i + len(sub)


@pytest.fixture(scope="module")
def fx() -> dict[str, object]:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    text: str = data["text"]
    art_id = data["article_id"]
    statements, frames, scores, mentions = [], [], [], []
    for spec in data["statements"]:
        s0, s1 = _span(text, spec["sentence"])
        q0, q1 = _span(text, spec["quote"], s0) if spec["quote"] else (s0, s0)
        sid = f"{art_id}:{spec['id']}"
        statements.append(
            Statement(
                art_id,
                sid,
                spec["speaker"],
                spec["speaker_type"],
                spec["source"],
                spec["source_actor"],
                "",
                spec["quote_type"],
                "said",
                spec["section"],
                text[s0:s1],
                text[q0:q1],
                s0,
                s1,
                q0,
                q1,
                "fixture",
            )
        )
        for frame, cue in spec["frames"]:
            c0, c1 = _span(text, cue, s0)
            assert c1 <= s1, (sid, cue)
            frames.append(FrameLabel(sid, "cb", frame, cue, c0, c1, f"cue:{cue}"))
        scores.append({"statement_id": sid, "method": "m1", "score": spec["sentiment"]})
    by_id = {s.statement_id.split(":")[1]: s for s in statements}
    for actor, surface, in_st in data["mentions"]:
        st = by_id[in_st]
        m0, m1 = _span(text, surface, st.char_start)
        mentions.append(Mention(art_id, actor, "name", m0, m1, surface, 0, False))
    return {
        "text": text,
        "statements": to_frame(statements),
        "frames": to_frame(frames),
        "sentiment": pd.DataFrame(scores),
        "mentions": to_frame(mentions),
    }


def test_fixture_is_marked_invented() -> None:
    assert "INVENTED" in FIXTURE.read_text(encoding="utf-8").splitlines()[0]


def test_actor_frame_differences_known_answer(fx) -> None:
    out = compare.actor_frame_differences(fx["statements"], fx["frames"])
    got = {r.frame: (r.n_with_frame_a, r.n_with_frame_b, r.difference) for r in out.itertuples()}
    assert set(out["actor_a"]) == {"alvarez"} and set(out["actor_b"]) == {"brandt"}
    assert got == {
        "diplomacy": (0, 1, pytest.approx(-0.25)),
        "economic": (1, 1, pytest.approx(0.25)),
        "humanitarian": (1, 0, pytest.approx(0.5)),
        "ideology": (0, 1, pytest.approx(-0.25)),
        "security": (0, 1, pytest.approx(-0.25)),
        "sovereignty": (0, 2, pytest.approx(-0.5)),
    }
    assert list(out.columns) == [
        "actor_a",
        "actor_b",
        "codebook",
        "frame",
        "n_with_frame_a",
        "n_with_frame_b",
        "share_a",
        "share_b",
        "difference",
        "n_statements_a",
        "n_statements_b",
    ]
    # each actor's statements, so a share over one statement is seen as such (accept16c #12)
    assert set(zip(out["n_statements_a"], out["n_statements_b"], strict=True)) == {(2, 4)}


@pytest.mark.parametrize(
    ("scores_a", "scores_b", "note"),
    [
        ([0.5], [0.1, 0.2, 0.3], "CI undefined (n < 2)"),
        ([0.5, 0.4], [0.1, 0.2, 0.3], "n too small to conclude (n < 10)"),
        ([0.5] * 10, [0.1] * 12, ""),
    ],
)
def test_actor_sentiment_differences_flag_small_n(
    scores_a: list[float], scores_b: list[float], note: str
) -> None:
    """INVENTED scores: a comparison resting on few statements says so (accept16c #12)."""
    speakers = ["ana"] * len(scores_a) + ["bo"] * len(scores_b)
    ids = [str(i) for i in range(len(speakers))]
    st = pd.DataFrame({"statement_id": ids, "speaker": speakers, "speaker_type": "actor"})
    se = pd.DataFrame({"statement_id": ids, "method": "m", "score": scores_a + scores_b})
    out = compare.actor_sentiment_differences(st, se)
    assert out["note"].tolist() == [note]


def test_actor_sentiment_differences_known_answer(fx) -> None:
    out = compare.actor_sentiment_differences(fx["statements"], fx["sentiment"])
    assert len(out) == 1
    row = out.iloc[0]
    assert (row.actor_a, row.actor_b, row.method, row.n_a, row.n_b) == (
        "alvarez",
        "brandt",
        "m1",
        2,
        4,
    )
    assert row.mean_a == pytest.approx(0.1)
    assert row.mean_b == pytest.approx(-0.15)
    assert row.difference == pytest.approx(0.25)


def _scores_table(groups: dict[str, list[float]], method: str = "m1"):
    """INVENTED statements and scores: one statement per score, speakers as given."""
    st, se = [], []
    for speaker, scores in groups.items():
        for i, score in enumerate(scores):
            sid = f"inv:{speaker}-{i:02d}"
            st.append({"statement_id": sid, "speaker": speaker, "speaker_type": "actor"})
            se.append({"statement_id": sid, "method": method, "score": score})
    return pd.DataFrame(st), pd.DataFrame(se)


def _replica_interval(a, b, seed, n_boot, key, level=0.95):
    """The documented scheme, written out: a Generator seeded with [seed, crc32(key)], the sorted
    values, first all of a's resamples (chunks of 2,000,000 // n rows), then all of b's."""
    import zlib

    import numpy as np

    rng = np.random.default_rng([seed, zlib.crc32(key.encode("utf-8"))])
    means = []
    for x in (np.sort(np.asarray(a, float)), np.sort(np.asarray(b, float))):
        out, chunk = [], max(1, 2_000_000 // x.size)
        for start in range(0, n_boot, chunk):
            k = min(chunk, n_boot - start)
            out.append(x[rng.integers(0, x.size, size=(k, x.size))].mean(axis=1))
        means.append(np.concatenate(out))
    alpha = (1 - level) / 2
    return tuple(float(v) for v in np.quantile(means[0] - means[1], [alpha, 1 - alpha]))


GROUPS = {
    "ardel": [0.61, 0.2, -0.1, 0.45, 0.05, 0.3, 0.0, 0.52],
    "brisk": [-0.4, -0.25, 0.1, -0.6, -0.05],
    "corvo": [0.1, 0.1, 0.1],
    "dunne": [0.7],
}


@pytest.mark.parametrize(("seed", "n_boot"), [(0, 1000), (7, 2000), (3, 150)])
def test_sentiment_difference_intervals_recomputed(seed, n_boot) -> None:
    st, se = _scores_table(GROUPS)
    out = compare.actor_sentiment_differences(st, se, seed=seed, n_boot=n_boot)
    assert list(out.columns[-4:]) == ["difference", "ci_low", "ci_high", "note"]
    assert len(out) == 6  # every pair of the four actors, one method
    for row in out.itertuples():
        a, b = GROUPS[row.actor_a], GROUPS[row.actor_b]
        if min(len(a), len(b)) < 2:  # one statement says nothing about its spread
            assert pd.isna(row.ci_low) and pd.isna(row.ci_high), row
            continue
        key = "\x1f".join(("difference", row.actor_a, row.actor_b, row.method))
        assert (row.ci_low, row.ci_high) == _replica_interval(a, b, seed, n_boot, key), row
        assert row.ci_low <= row.difference <= row.ci_high, row
    # an actor whose scores never vary (corvo) still has an interval: the other side's spread
    cb = out[(out.actor_a == "brisk") & (out.actor_b == "corvo")].iloc[0]
    assert cb.ci_low < cb.difference < cb.ci_high


def test_sentiment_difference_intervals_agree_with_an_independent_bootstrap() -> None:
    # a different generator and 40,000 resamples: the bounds agree within Monte Carlo error
    import numpy as np

    st, se = _scores_table(GROUPS)
    row = compare.actor_sentiment_differences(st, se).iloc[0]  # ardel - brisk
    rng = np.random.Generator(np.random.PCG64DXSM(12345))
    a, b = np.array(GROUPS["ardel"]), np.array(GROUPS["brisk"])
    d = a[rng.integers(0, a.size, (40_000, a.size))].mean(axis=1) - b[
        rng.integers(0, b.size, (40_000, b.size))
    ].mean(axis=1)
    lo, hi = np.quantile(d, [0.025, 0.975])
    assert (row.actor_a, row.actor_b) == ("ardel", "brisk")
    assert row.ci_low == pytest.approx(lo, abs=0.03) and row.ci_high == pytest.approx(hi, abs=0.03)


def test_sentiment_difference_intervals_do_not_depend_on_row_order_or_other_actors() -> None:
    st, se = _scores_table(GROUPS)
    base = compare.actor_sentiment_differences(st, se)
    shuffled = compare.actor_sentiment_differences(
        st.sample(frac=1, random_state=1), se.sample(frac=1, random_state=2)
    )
    pd.testing.assert_frame_equal(base, shuffled)
    st2, se2 = _scores_table({**GROUPS, "aaron": [0.2, -0.3, 0.4]})
    more = compare.actor_sentiment_differences(st2, se2)
    more = more[more.actor_a != "aaron"].reset_index(drop=True)
    pd.testing.assert_frame_equal(base, more)
    other = compare.actor_sentiment_differences(st, se, seed=1)
    assert not other["ci_low"].dropna().equals(base["ci_low"].dropna())  # the seed is used


def test_readout_divergence_frames_known_answer(fx) -> None:
    out = compare.readout_divergence(fx["statements"], fx["frames"])
    frames = out[out["kind"] == "frame"]
    only = {
        side: sorted(g["item"]) for side, g in frames.groupby("side")
    }  # frames one side has and the other lacks
    assert only == {
        "alvarez": ["diplomacy", "humanitarian"],
        "brandt": ["ideology", "security", "sovereignty"],
    }
    sov = frames[(frames["side"] == "brandt") & (frames["item"] == "sovereignty")].iloc[0]
    assert sov.n_side == 2 and sov.other_side == "alvarez"
    assert sov.evidence == "recognition; annexation; sovereignty"


def test_readout_divergence_topics_known_answer(fx) -> None:
    out = compare.readout_divergence(fx["statements"], fx["frames"])
    topics = out[out["kind"] == "topic"]
    alv = set(topics.loc[topics["side"] == "alvarez", "item"])
    bra = set(topics.loc[topics["side"] == "brandt", "item"])
    assert {"ceasefire", "aid", "convoys", "grain", "ports"} <= alv
    assert {"sovereignty", "liberation", "sanctions", "negotiable"} <= bra
    # both sides name Kessa and Brandt: not a divergence
    assert "kessa" not in alv | bra and "brandt" not in alv | bra
    # stopwords never count as topics
    assert not ({"the", "that", "to", "of"} & (alv | bra))


def test_readout_divergence_min_count(fx) -> None:
    out = compare.readout_divergence(fx["statements"], fx["frames"], min_count=2)
    assert out[out["kind"] == "frame"]["item"].tolist() == ["sovereignty"]


def test_headline_vs_body_known_answer(fx) -> None:
    out = compare.headline_vs_body(fx["statements"], fx["frames"], fx["mentions"])

    def items(section: str, kind: str) -> list[str]:
        sel = out[(out["section"] == section) & (out["kind"] == kind)]
        if kind != "frame":  # (speakers and mentions by first appearance: no ties)
            assert sel["rank"].tolist() == list(range(1, len(sel) + 1))
        return sel["item"].tolist()

    def ranks(section: str) -> list[int]:
        sel = out[(out["section"] == section) & (out["kind"] == "frame")]
        return sel["rank"].tolist()

    assert items("headline", "speaker") == ["brandt"]
    assert items("headline", "frame") == ["sovereignty"]
    assert items("headline", "mentioned") == ["brandt"]
    assert items("standfirst", "speaker") == []
    assert items("standfirst", "frame") == ["humanitarian", "diplomacy"]
    assert ranks("standfirst") == [1, 1]  # one statement each: a tie, listed by first cue
    assert items("standfirst", "mentioned") == ["alvarez", "brandt"]
    assert items("body", "speaker") == ["alvarez", "brandt"]
    assert items("body", "frame") == [
        "economic",
        "sovereignty",
        "ideology",
        "humanitarian",
        "diplomacy",
        "security",
    ]
    assert ranks("body") == [1, 1, 1, 4, 4, 4]  # (2, 2, 2, 1, 1, 1 statements)
    body = out[(out["section"] == "body") & (out["kind"] == "frame")].set_index("item")
    assert bool(body.loc["sovereignty", "elsewhere"]) is True
    assert bool(body.loc["economic", "elsewhere"]) is False
    assert int(body.loc["economic", "count"]) == 2


def test_headline_vs_body_ranks_within_codebook(fx) -> None:
    two = pd.concat([fx["frames"], fx["frames"].assign(codebook="cb2")], ignore_index=True)
    out = compare.headline_vs_body(fx["statements"], two)
    body = out[(out["section"] == "body") & (out["kind"] == "frame")]
    for _, grp in body.groupby("codebook"):
        assert grp["rank"].tolist() == [1, 1, 1, 4, 4, 4]  # ties share a rank
        assert grp["item"].iloc[0] == "economic"


def test_anchor_phrases_and_word_choice_known_answer(fx) -> None:
    ph = compare.anchor_phrases(fx["statements"], anchors=["Kessa"])
    text = fx["text"]
    assert len(ph) == 6
    for r in ph.itertuples():
        assert text[r.char_start : r.char_end] == r.phrase
    quoted = ph[ph["voice"] == "brandt"]
    assert quoted["phrase"].tolist() == ["liberation of Kessa protects the security"]
    assert quoted["mode"].tolist() == ["quoted"]
    wc = compare.word_choice(ph)
    distinct = wc[wc["distinctive"]]
    assert set(distinct.loc[distinct["voice"] == "brandt", "term"]) == {
        "liberation",
        "protects",
        "security",
    }
    # the journalist's own sentences and the paraphrase of a speaker are two voices: "annexation"
    # is once the journalist's word and once in a speaker's reported demand
    own = wc[(wc["voice"] == "narration") & (wc["mode"] == "narration")].set_index("term")
    reported = wc[(wc["voice"] == "narration") & (wc["mode"] == "reported")].set_index("term")
    assert int(own.loc["annexation", "count"]) == 1
    assert int(reported.loc["annexation", "count"]) == 1
    assert bool(own.loc["annexation", "distinctive"]) is False
    assert bool(own.loc["pretext", "distinctive"]) is True
    assert bool(reported.loc["sovereignty", "distinctive"]) is True
    assert "sovereignty" not in own.index
    assert set(wc["mode"]) == {"narration", "reported", "quoted"}


def test_word_choice_without_a_mode_column_keys_narration_as_the_journalists_own() -> None:
    ph = pd.DataFrame(
        {
            "anchor": ["C", "C"],
            "voice": ["narration", "x"],
            "terms": ["annexation", "annexation"],
            "phrase": ["C annexation", "annexation of C"],
            "statement_id": ["1", "2"],
            "char_start": [0, 20],
            "char_end": [12, 35],
        }
    )
    wc = compare.word_choice(ph)
    assert wc[["voice", "mode", "distinctive"]].values.tolist() == [
        ["narration", "narration", False],
        ["x", "quoted", False],
    ]


def test_anchor_detection_groups_demonyms(fx) -> None:
    ph = compare.anchor_phrases(fx["statements"])
    assert "Kessa" in set(ph["anchor"])
    assert compare.same_referent("Sudria", "Sudrian")
    assert not compare.same_referent("Iran", "Iraq")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Crimea", "Crimean", True),
        ("Ukraine", "Ukrainian", True),
        ("Russia’s", "Russian", True),
        ("China", "Chinese", True),
        ("Israel", "Israeli", True),
        ("Europe", "European", True),
        ("Iran", "Iranian", True),
        ("Iran", "Iraq", False),
        ("Paris", "Putin", False),
        ("France", "French", False),
    ],
)
def test_same_referent(a: str, b: str, same: bool) -> None:
    assert compare.same_referent(a, b) is same


def test_loaded_term_uses_known_answer(fx) -> None:
    out = compare.loaded_term_uses(fx["statements"])
    got = [(r.statement_id.split(":")[1], r.variant, r.cue, r.voice) for r in out.itertuples()]
    assert got == [
        ("0", "illegitimate", "annexation", "narration"),
        ("5", "legitimate", "sovereignty over", "narration"),
        ("6", "legitimate", "liberation", "brandt"),
        ("7", "legitimate", "liberation", "narration"),
        ("7", "illegitimate", "annexation", "narration"),
    ]
    for r in out.itertuples():
        assert fx["text"][r.char_start : r.char_end] == r.cue


def _narration(text: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"article_id": ["inv"], "statement_id": ["inv:000"], "speaker": [""],
         "speaker_type": ["narration"], "quote_type": ["narration"], "text": [text],
         "char_start": [0]}
    )  # fmt: skip


# INVENTED sentences: (text, the (pair, variant, cue) found); civilian_harm has `negation:
# suppress` (a negated harm term names no harm), the other pairs keep a negated term
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No casualties were reported.", []),
        ("There were no new casualties, officials said.", []),
        ("The raid ended without any casualties.", []),
        ("Casualties were reported in the east.", [("civilian_harm", "agentless", "Casualties")]),
        ("The shelling caused casualties.", [("civilian_harm", "agentless", "casualties")]),
        ("He said it was not a war.", [("war_naming", "plain", "war")]),
    ],
)
def test_loaded_terms_negation(text: str, expected: list[tuple[str, str, str]]) -> None:
    out = compare.loaded_term_uses(_narration(text))
    assert [(r.pair, r.variant, r.cue) for r in out.itertuples()] == expected


def test_loaded_terms_negation_setting(tmp_path: Path) -> None:
    f = tmp_path / "terms.yml"
    pair = {"id": "p", "variants": [{"label": "x", "terms": ["casualty"]},
                                    {"label": "y", "terms": ["victim"]}]}  # fmt: skip
    f.write_text(yaml.safe_dump({"pairs": [pair]}), encoding="utf-8")
    keep = compare.loaded_term_uses(_narration("No casualties."), compare.load_loaded_terms(f))
    assert len(keep) == 1  # default: keep
    f.write_text(yaml.safe_dump({"pairs": [{**pair, "negation": "suppress"}]}), encoding="utf-8")
    drop = compare.loaded_term_uses(_narration("No casualties."), compare.load_loaded_terms(f))
    assert len(drop) == 0
    f.write_text(yaml.safe_dump({"pairs": [{**pair, "negation": "drop"}]}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"terms\.yml: pairs\[0\] \(p\): negation must be"):
        compare.load_loaded_terms(f)


def test_scare_quotes_known_answer(fx) -> None:
    out = compare.scare_quotes(fx["statements"])
    assert out[["text", "voice", "n_words"]].values.tolist() == [["liberation", "narration", 1]]
    r = out.iloc[0]
    assert fx["text"][r.char_start : r.char_end] == "liberation"
    assert fx["text"][r.char_start - 1] == "‘"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The so-called ‘peacekeepers’ arrived.", ["peacekeepers"]),
        ("He hailed the “special operation” again.", ["special operation"]),
        ('They mocked the "referendum" result.', ["referendum"]),
        ("Officials used «filtration camps» openly.", ["filtration camps"]),
        ("He called the visit « a photo stunt ».", ["a photo stunt"]),  # INVENTED
        ("He called the visit »a photo stunt«.", ["a photo stunt"]),
        ("“We will never give up our land,” he said.", []),  # a quotation, not a scare quote
        ("“We will win,” she said.", []),  # ends with a comma inside the marks
        ("Russia’s envoy and Kyiv’s mayor spoke.", []),  # apostrophes are not quotes
        ("A ‘long phrase of many more words here’ is no scare quote.", []),
        ("The ‘army’s offensive’ stalled.", ["army’s offensive"]),
        # INVENTED, US style: the comma or full stop of the sentence inside the closing mark
        ("Tressk denied an “incursion,” a claim the Chancery made.", ["incursion"]),
        ("The ministry called it an “exercise.”", ["exercise"]),
        ("Both sides called the talks “productive talks.” Then they left.", ["productive talks"]),
        ("The aide said “difficult,” not hopeless.", ["difficult"]),
        ("“We held talks,” he said, “then left.”", []),  # the next part of a quotation
        ("He said: “We lost.”", []),  # a quotation after a colon
        ("He asked “why not?” twice.", []),  # ? and ! belong to the quoted words
        ("It was a “drill.,” he said.", []),
    ],
)
def test_scare_quotes_cases(text: str, expected: list[str]) -> None:
    st = pd.DataFrame(
        {
            "article_id": ["x"],
            "statement_id": ["x:0"],
            "speaker": [""],
            "speaker_type": ["narration"],
            "quote_type": ["narration"],
            "text": [text],
            "quote_text": [""],
            "char_start": [0],
        }
    )
    out = compare.scare_quotes(st)
    assert out["text"].tolist() == expected
    assert [text[r.char_start : r.char_end] for r in out.itertuples()] == expected


def test_concordance_known_answer(fx) -> None:
    out = compare.concordance(fx["statements"], "Kessa", width=12)
    assert len(out) == 6
    assert all(fx["text"][r.char_start : r.char_end] == "Kessa" for r in out.itertuples())
    only = compare.concordance(fx["statements"], "Kessa", voices=["brandt"])
    assert only["mode"].tolist() == ["quoted"]
    assert compare.concordance(fx["statements"], "sanction")["match"].tolist() == ["sanctions"]
    assert compare.concordance(fx["statements"], "grain ports")["match"].tolist() == ["grain ports"]
    with pytest.raises(ValueError, match="no word"):
        compare.concordance(fx["statements"], "  ")


def test_empty_inputs_give_documented_columns() -> None:
    st = to_frame([], Statement)
    fr = to_frame([], FrameLabel)
    assert list(compare.readout_divergence(st, fr).columns)[:3] == [
        "article_id",
        "side",
        "other_side",
    ]
    assert compare.headline_vs_body(st, fr).empty
    assert compare.scare_quotes(st).empty
    assert compare.word_choice(compare.anchor_phrases(st)).empty


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A “quoted” part and ‘single’ and the army’s ‘x’s y’.", ["quoted", "single", "x’s y"]),
        ("Er sagte „nein“ und ging.", ["nein"]),
        ("Il a dit «non» hier.", ["non"]),
        ("Il a dit « non merci » hier.", ["non merci"]),  # INVENTED: inner spaces left out
        ("Er sagte »nein« und ging.", ["nein"]),
        ("Er sagte ‚nein‘ und ging.", ["nein"]),
        ("Er sagte »nein« und »ja«.", ["nein", "ja"]),
        ("Hon sa »nej» och gick.", ["nej"]),
        ('He said "no" twice.', ["no"]),
        ("“A quote that goes on", ["A quote that goes on"]),
        ("and ends here,” he said, “then more.”", ["and ends here,", "then more."]),
        ("The army’s plan and Kyiv’s reply.", []),
        ("It's 'not' a quote.", []),
    ],
)
def test_quoted_spans(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in compare.quoted_spans(text)] == expected


def test_loaded_terms_file_errors(tmp_path: Path) -> None:
    bad = tmp_path / "terms.yml"
    bad.write_text("pairs:\n  - id: a\n    variants:\n      - label: x\n        terms: [w]\n")
    with pytest.raises(ValueError, match="at least two variants"):
        compare.load_loaded_terms(bad)
    bad.write_text(
        "pairs: [{id: a, variants: [{label: x, terms: ['re:(']}, {label: y, terms: [z]}]}]"
    )
    with pytest.raises(framing.CodebookError, match="bad regular expression"):
        compare.load_loaded_terms(bad)


# --- the seed -------------------------------------------------------------------------------

SEED = Path(__file__).resolve().parents[1] / "corpus" / "raw" / "000_413afbb7d4f14754.txt"

# Hand attribution of the seed's sentences (by sentence prefix): speaker, source_actor, type.
SEED_ATTRIBUTION = {
    "France: Putin told Macron": ("putin", "macron", "indirect"),
    "In latest phone call": ("putin", "putin", "indirect"),
    "French President Emmanuel Macron on Monday": ("macron", "macron", "indirect"),
    "Macron’s office said": ("macron", "macron", "indirect"),
    "“President Putin confirmed": ("putin", "macron", "direct"),
    "Macron also “reiterated": ("macron", "macron", "mixed"),
    "Macron also called on Putin": ("macron", "macron", "indirect"),
    "After the latest conversation": ("macron", "macron", "indirect"),
    "The Kremlin said Putin": ("putin", "putin", "indirect"),
    "“Vladimir Putin stressed": ("putin", "putin", "direct"),
}


def seed_article() -> Article:
    from mediaframes import corpus

    text = SEED.read_text(encoding="utf-8")
    return corpus.parse_plain_text(text, "000_413afbb7d4f14754", "raw/" + SEED.name)


def seed_statements(article: Article) -> list[Statement]:
    """Whole-sentence statements with a hand attribution (independent of attribution.py)."""
    from mediaframes import segment

    out = []
    for s in segment.segment_article(article):
        hit = next((v for k, v in SEED_ATTRIBUTION.items() if s.text.startswith(k)), None)
        speaker, src, qt = hit if hit else ("", "", "narration")
        out.append(
            Statement(
                article.article_id,
                f"{article.article_id}:{s.index:03d}",
                speaker,
                "actor" if speaker else "narration",
                "",
                src,
                "",
                qt,
                "",
                s.section,
                s.text,
                s.text if speaker else "",
                s.start,
                s.end,
                s.start,
                s.end if speaker else s.start,
                "hand",
            )
        )
    return out


@pytest.fixture(scope="module")
def seed() -> dict[str, object]:
    art = seed_article()
    sts = seed_statements(art)
    assert sum(1 for s in sts if s.speaker) == len(SEED_ATTRIBUTION)
    labels = framing.label_statements(art, sts, framing.load_codebook("conflict_diplomacy"))
    return {"article": art, "statements": to_frame(sts), "frames": to_frame(labels)}


def test_seed_comparisons_run(seed) -> None:
    st, fr = seed["statements"], seed["frames"]
    text = seed["article"].text
    diffs = compare.actor_frame_differences(st, fr)
    assert set(zip(diffs["actor_a"], diffs["actor_b"], strict=True)) == {("macron", "putin")}
    div = compare.readout_divergence(st, fr)
    putin_only = set(div[(div["side"] == "putin") & (div["kind"] == "frame")]["item"])
    macron_only = set(div[(div["side"] == "macron") & (div["kind"] == "frame")]["item"])
    # The Kremlin readout brings up ideology; the Elysee readout the humanitarian frame.
    assert "ideology" in putin_only and "humanitarian" in macron_only
    hb = compare.headline_vs_body(st, fr)
    assert set(hb["section"]) == {"headline", "standfirst", "body"}
    ph = compare.anchor_phrases(st, anchors=["Crimea"])
    assert all(text[r.char_start : r.char_end] == r.phrase for r in ph.itertuples())
    wc = compare.word_choice(ph)
    narr = set(wc[(wc["voice"] == "narration") & wc["distinctive"]]["term"])
    assert "annexation" in narr  # the journalist's word, never Putin's quoted one
    quoted = set(wc[wc["voice"] == "putin"]["term"])
    assert {"sovereignty", "russian"} <= quoted
    sq = compare.scare_quotes(st)
    assert "denazification" in set(sq["text"])
    for r in sq.itertuples():
        assert text[r.char_start : r.char_end] == r.text
    lt = compare.loaded_term_uses(st)
    assert {"illegitimate", "legitimate"} <= set(lt["variant"])
    cc = compare.concordance(st, "sovereignty")
    assert len(cc) == 2 and set(cc["voice"]) == {"narration", "putin"}
    detected = compare.anchor_phrases(st)
    assert "Crimea" in set(detected["anchor"])


def test_compare_command_writes_tables(fx, tmp_path: Path) -> None:
    from mediaframes import cli

    fx["statements"].to_csv(tmp_path / "statements.csv", index=False)
    fx["frames"].to_parquet(tmp_path / "frames.parquet")
    fx["mentions"].to_csv(tmp_path / "mentions.csv", index=False)
    assert cli.main(["compare", str(tmp_path), "--anchor", "Kessa"]) == 0
    out = tmp_path / "compare"
    assert sorted(p.name for p in out.iterdir()) == sorted(compare.COMPARISON_FILES)
    wc = pd.read_csv(out / "word_choice.csv")
    assert set(wc["anchor"]) == {"Kessa"}
    sq = pd.read_csv(out / "scare_quotes.csv")
    assert sq["text"].tolist() == ["liberation"]
    hb = pd.read_csv(out / "headline_vs_body.csv", keep_default_na=False)
    assert "mentioned" in set(hb["kind"])


def test_compare_command_names_missing_table(tmp_path: Path, capsys) -> None:
    from mediaframes import cli

    assert cli.main(["compare", str(tmp_path)]) == 1
    assert "no statements.parquet or statements.csv" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "error: loaded-terms file not found: "),
        ("pairs: {}\n", "terms.yml: expected a mapping with a 'pairs' list"),
    ],
    ids=["missing", "invalid"],
)
def test_compare_command_bad_loaded_terms_file_is_a_usage_error(
    fx, tmp_path: Path, capsys, content: str | None, message: str
) -> None:
    """Exit 2, like a missing or invalid ``--actors`` file, and nothing written."""
    from mediaframes import cli

    fx["statements"].to_csv(tmp_path / "statements.csv", index=False)
    fx["frames"].to_parquet(tmp_path / "frames.parquet")
    terms = tmp_path / "terms.yml"
    if content is not None:
        terms.write_text(content, encoding="utf-8")
    assert cli.main(["compare", str(tmp_path), "--loaded-terms", str(terms)]) == 2
    err = capsys.readouterr().err
    assert message in err and str(terms) in err
    assert not (tmp_path / "compare").exists()


def test_anchor_phrase_never_crosses_quote_marks() -> None:
    text = "They backed “Russian sovereignty over Crimea” but not the Crimea annexation."
    st = pd.DataFrame(
        {
            "article_id": ["x"],
            "statement_id": ["x:0"],
            "speaker": ["kremlin"],
            "speaker_type": ["actor"],
            "quote_type": ["mixed"],
            "text": [text],
            "char_start": [100],
        }
    )
    ph = compare.anchor_phrases(st, anchors=["Crimea"])
    assert ph[["voice", "mode", "phrase", "terms"]].values.tolist() == [
        ["kremlin", "quoted", "Russian sovereignty over Crimea", "russian; sovereignty"],
        ["narration", "reported", "Crimea annexation", "annexation"],
    ]
    assert ph["char_start"].tolist() == [100 + text.index("Russian"), 100 + text.rindex("Crimea")]
    wc = compare.word_choice(ph)
    assert wc[wc["distinctive"]]["term"].tolist() == ["russian", "sovereignty", "annexation"]


def test_seed_comparisons_with_real_attribution() -> None:
    from mediaframes import attribution, segment

    if not hasattr(attribution, "attribute"):
        pytest.skip("attribution.attribute not in the tree yet")
    art = seed_article()
    statements, mentions = attribution.attribute(
        art, segment.segment_article(art), attribution.load_actors()
    )
    st = to_frame(statements, Statement)
    fr = to_frame(
        framing.label_statements(art, statements, framing.load_codebook("conflict_diplomacy")),
        FrameLabel,
    )
    mt = to_frame(mentions, Mention)
    tables = [
        compare.actor_frame_differences(st, fr),
        compare.readout_divergence(st, fr),
        compare.headline_vs_body(st, fr, mt),
        compare.word_choice(compare.anchor_phrases(st)),
        compare.loaded_term_uses(st),
        compare.scare_quotes(st),
        compare.concordance(st, "Crimea"),
    ]
    assert all(isinstance(t, pd.DataFrame) and not t.empty for t in tables)
    hb = tables[2]
    assert set(hb["kind"]) == {"speaker", "mentioned", "frame"}
    for r in tables[5].itertuples():
        assert art.text[r.char_start : r.char_end] == r.text


def test_stopwords(tmp_path: Path) -> None:
    words = compare.load_stopwords()
    assert {"the", "said", "monday"} <= words and "ceasefire" not in words
    custom = tmp_path / "stop.txt"
    custom.write_text("# comment\nFoo\n\nbar  # trailing\n", encoding="utf-8")
    assert compare.load_stopwords(custom) == frozenset({"foo", "bar"})
    with pytest.raises(FileNotFoundError, match="stopword list not found"):
        compare.load_stopwords(tmp_path / "missing.txt")


# --- configured actors' names are not content words (all names INVENTED) ---------------------

INVENTED_ACTORS = {
    "actors": {
        "voll": {
            "name": "Idris Voll",
            "titles": ["Chancellor"],
            "country": "Quenmark",
            "demonym": "Quenmarker",
            "organizations": ["the Amber Hall", "the chancery"],
            "aliases": ["the Quenmarker leader"],
        },
        "sabin": {"name": "Mira Sabín", "aliases": ["President Sabín"], "country": "Ostria"},
    }
}


@pytest.mark.parametrize(
    ("word", "is_name_word"),
    [
        ("idris", True),  # name
        ("voll", True),
        ("chancellor", True),  # title (capitalized in the derived aliases)
        ("quenmark", True),  # country
        ("quenmarker", True),  # demonym
        ("amber", True),  # capitalized words of an organization
        ("hall", True),
        ("chancery", False),  # a lower-case office stays a content word
        ("leader", False),  # lower-case words of a description stay content words
        ("president", True),
        ("sabín", True),  # as written, and without diacritics
        ("sabin", True),
        ("ostria", True),
        ("the", False),  # stopwords are no name words
        ("harbour", False),
    ],
)
def test_actor_words(word: str, is_name_word: bool) -> None:
    from mediaframes import attribution

    words = compare.actor_words(attribution.actors_from_mapping(INVENTED_ACTORS))
    assert (word in words) is is_name_word
    assert compare.actor_words(None) == frozenset()


def _two_sides() -> pd.DataFrame:
    """INVENTED statements: each side's readout names its own leader, title and office."""
    quotes = [
        ("voll", "Chancellor Idris Voll told the Amber Hall that Quenmark needs harbour access"),
        ("sabin", "President Sabín said the Ostria talks must protect grain farmers"),
    ]
    return pd.DataFrame(
        {
            "article_id": ["inv"] * 2,
            "statement_id": ["inv:0", "inv:1"],
            "speaker": [q[0] for q in quotes],
            "speaker_type": ["actor"] * 2,
            "source_actor": ["", ""],
            "quote_text": [q[1] for q in quotes],
            "text": [q[1] for q in quotes],
        }
    )


def test_readout_divergence_topics_leave_out_actor_names() -> None:
    from mediaframes import attribution

    st, fr = _two_sides(), pd.DataFrame(columns=["statement_id", "codebook", "frame", "cue"])
    actors = attribution.actors_from_mapping(INVENTED_ACTORS)
    plain = compare.readout_divergence(st, fr)
    assert {"voll", "chancellor", "amber", "quenmark"} <= set(plain["item"])
    out = compare.readout_divergence(st, fr, actors=actors)
    topics = {side: set(g["item"]) for side, g in out.groupby("side")}
    assert topics["voll"] == {"needs", "harbour", "access"} - compare.load_stopwords()
    assert topics["sabin"] == {"talks", "protect", "grain", "farmers"} - compare.load_stopwords()


def test_word_choice_terms_leave_out_actor_names_but_keep_the_anchor() -> None:
    from mediaframes import attribution

    text = "The Amber Hall said Chancellor Voll backs the harbour plan."
    st = pd.DataFrame(
        {
            "article_id": ["inv"],
            "statement_id": ["inv:0"],
            "speaker": [""],
            "speaker_type": ["narration"],
            "quote_type": ["narration"],
            "text": [text],
            "char_start": [0],
        }
    )
    actors = attribution.actors_from_mapping(INVENTED_ACTORS)
    plain = compare.anchor_phrases(st, anchors=["Voll"])
    assert plain["terms"].tolist() == ["hall; chancellor; backs; harbour"]
    ph = compare.anchor_phrases(st, anchors=["Voll"], actors=actors)
    assert ph[["anchor", "terms"]].values.tolist() == [["Voll", "backs; harbour"]]


def test_compare_command_reads_the_actors_file(tmp_path: Path, capsys) -> None:
    from mediaframes import cli

    _two_sides().assign(
        quote_type="indirect", section="body", char_start=[0, 100], char_end=[80, 170]
    ).to_csv(tmp_path / "statements.csv", index=False)
    pd.DataFrame(columns=["statement_id", "codebook", "frame", "cue", "rule", "char_start"]).to_csv(
        tmp_path / "frames.csv", index=False
    )
    actors = tmp_path / "actors.yml"
    actors.write_text(yaml.safe_dump(INVENTED_ACTORS), encoding="utf-8")
    assert cli.main(["compare", str(tmp_path), "--actors", str(actors)]) == 0
    div = pd.read_csv(tmp_path / "compare" / "readout_divergence.csv")
    assert "harbour" in set(div["item"]) and not {"voll", "quenmark"} & set(div["item"])
    assert cli.main(["compare", str(tmp_path), "--actors", str(tmp_path / "nope.yml")]) == 2
    assert "nope.yml" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        # INVENTED sentences; a configured phrase masks all its words, only where it occurs
        ("the Quenmarker leader wants harbour access", {"wants", "harbour", "access"}),
        ("a new leader wants harbour access", {"new", "leader", "wants", "harbour", "access"}),
        ("the Amber Hall chancery backs the harbour", {"chancery", "backs", "harbour"}),
        ("Mira Sabin's envoy praised the harbour", {"envoy", "praised", "harbour"}),
        ("the mira festival praised the harbour", {"festival", "praised", "harbour"}),
    ],
)
def test_readout_topics_mask_configured_phrases(quote: str, expected: set[str]) -> None:
    from mediaframes import attribution

    st = _two_sides()
    st.loc[0, ["quote_text", "text"]] = [quote, quote]
    st.loc[1, ["quote_text", "text"]] = ["zzz", "zzz"]
    fr = pd.DataFrame(columns=["statement_id", "codebook", "frame", "cue"])
    actors = attribution.actors_from_mapping(INVENTED_ACTORS)
    out = compare.readout_divergence(st, fr, actors=actors)
    assert set(out.loc[out["side"] == "voll", "item"]) == expected - compare.load_stopwords()


def test_actor_phrases() -> None:
    from mediaframes import attribution

    phrases = compare.actor_phrases(attribution.actors_from_mapping(INVENTED_ACTORS))
    assert {("quenmarker", "leader"), ("amber", "hall"), ("mira", "sabin")} <= phrases
    assert ("chancery",) not in phrases and all(len(p) >= 2 for p in phrases)
    assert compare.actor_phrases(None) == frozenset()


def test_word_choice_terms_mask_configured_phrases() -> None:
    from mediaframes import attribution

    text = "Analysts say the Quenmarker leader met envoys in Lunport today."  # INVENTED
    st = pd.DataFrame(
        {
            "article_id": ["inv"],
            "statement_id": ["inv:0"],
            "speaker": [""],
            "speaker_type": ["narration"],
            "quote_type": ["narration"],
            "text": [text],
            "char_start": [0],
        }
    )
    plain = compare.anchor_phrases(st, anchors=["Lunport"], window=5)
    assert plain["terms"].tolist() == ["quenmarker; leader; met; envoys"]
    actors = attribution.actors_from_mapping(INVENTED_ACTORS)
    ph = compare.anchor_phrases(st, anchors=["Lunport"], window=5, actors=actors)
    # "leader" is masked as a word of the alias "the Quenmarker leader"
    assert ph["terms"].tolist() == ["met; envoys"]


# --- voice from the statement's spans, not from quotation marks alone (all text INVENTED) ------

_POST = (
    "The Vessing line will be built. Calderra signed the plan.\n\n— Oskar Brandvik (@BrandvikPM)"
)


def _one(text: str, quote_type: str, q: tuple[int, int], speaker: str = "brandvik") -> pd.DataFrame:
    """One statement at article offset 40 whose quote is ``text[q[0]:q[1]]``."""
    return pd.DataFrame(
        {"article_id": ["inv"], "statement_id": ["inv:003"], "speaker": [speaker],
         "speaker_type": ["actor" if speaker else "narration"], "quote_type": [quote_type],
         "text": [text], "char_start": [40], "quote_start": [40 + q[0]],
         "quote_end": [40 + q[1]]}
    )  # fmt: skip


# (text, quote_type, quote span in the text, anchor, expected (voice, mode))
@pytest.mark.parametrize(
    ("text", "quote_type", "q", "anchor", "expected"),
    [
        # an embedded post: direct speech with no quotation marks, signed below
        (_POST, "direct", (0, 57), "Vessing", ("brandvik", "quoted")),
        (_POST, "direct", (0, 57), "Calderra", ("brandvik", "quoted")),
        # the signature under the post is not the quote: the journalist's frame
        (_POST, "direct", (0, 57), "Brandvik", ("narration", "narration")),
        # a quote set off by a colon
        (
            "Brandvik told the rally: Vessing will have its line.",
            "direct",
            (25, 51),
            "Vessing",
            ("brandvik", "quoted"),
        ),
        # with quotation marks, only the marked words are quoted; the attribution is the frame
        (
            "“Vessing will have its line,” Brandvik said in Lusk.",
            "direct",
            (1, 28),
            "Lusk",
            ("narration", "narration"),
        ),
        (
            "“Vessing will have its line,” Brandvik said in Lusk.",
            "direct",
            (1, 28),
            "Vessing",
            ("brandvik", "quoted"),
        ),
        # indirect speech stays the journalist's paraphrase, though its quote span holds it
        (
            "Brandvik said Vessing would have its line.",
            "indirect",
            (14, 41),
            "Vessing",
            ("narration", "reported"),
        ),
        # a mixed quote: only the fragment in marks is the speaker's
        (
            "Brandvik said Vessing was “a town Calderra forgot”.",
            "mixed",
            (14, 50),
            "Calderra",
            ("brandvik", "quoted"),
        ),
        (
            "Brandvik said Vessing was “a town Calderra forgot”.",
            "mixed",
            (14, 50),
            "Vessing",
            ("narration", "reported"),
        ),
        # INVENTED: a clause about the speaker in the attribution frame is the journalist's
        (
            "Brandvik, who toured Lusk, said Vessing would have its line.",
            "indirect",
            (32, 59),
            "Lusk",
            ("narration", "narration"),
        ),
        (
            "Brandvik, who toured Lusk, said Vessing would have its line.",
            "indirect",
            (32, 59),
            "Vessing",
            ("narration", "reported"),
        ),
        # no content span given: every unquoted word is read as reported speech
        (
            "Brandvik, who toured Lusk, said Vessing would have its line.",
            "indirect",
            (0, 0),
            "Lusk",
            ("narration", "reported"),
        ),
    ],
)
def test_voice_from_statement_spans(
    text: str, quote_type: str, q: tuple[int, int], anchor: str, expected: tuple[str, str]
) -> None:
    st = _one(text, quote_type, q)
    ph = compare.anchor_phrases(st, [anchor])
    assert len(ph) == 1
    assert (ph.iloc[0]["voice"], ph.iloc[0]["mode"]) == expected
    wc = compare.word_choice(ph)
    assert set(zip(wc["voice"], wc["mode"], strict=True)) <= {expected}


def test_voice_of_post_in_loaded_terms_and_concordance() -> None:
    text = "Calderra's annexation of the islands will not stand.\n\n— Oskar Brandvik (@BrandvikPM)"
    st = _one(text, "direct", (0, 51))
    lt = compare.loaded_term_uses(st)
    assert lt[lt["term"] == "annexation"][["voice", "mode"]].values.tolist() == [
        ["brandvik", "quoted"]
    ]
    cc = compare.concordance(st, "Brandvik")
    assert cc[["voice", "mode"]].values.tolist() == [["narration", "narration"]]


@pytest.mark.parametrize(
    ("text", "quote_type", "q", "expected"),
    [
        (_POST, "direct", (0, 57), [(0, 57)]),
        ("“A town,” he said, “forgot.”", "direct", (1, 26), [(1, 8), (20, 27)]),  # marks win
        ("He said it was over.", "indirect", (8, 19), []),
        ("He said it was over.", "direct", (0, 0), []),  # an empty quote span
    ],
)
def test_speaker_spans(text: str, quote_type: str, q: tuple[int, int], expected: list) -> None:
    row = _one(text, quote_type, q).iloc[0].to_dict()
    assert compare.speaker_spans(row) == expected


# (statement voice, whether the short quoted words are the journalist's scare quote)
@pytest.mark.parametrize(
    ("speaker", "quote_type", "expected_voice", "scare"),
    [
        ("", "narration", "narration", True),  # the writer's own distance from a word
        ("vorenko", "mixed", "vorenko", False),  # the speaker's partial quotation
    ],
)
def test_scare_quote_or_partial_quotation(
    speaker: str, quote_type: str, expected_voice: str, scare: bool
) -> None:
    text = "Vorenko called the decision “unfair and untimely” on Friday."  # INVENTED
    st = _one(text, quote_type, (19, 49), speaker=speaker)
    sq = compare.scare_quotes(st)
    assert sq[["text", "voice"]].values.tolist() == [["unfair and untimely", expected_voice]]
    assert compare.is_scare_quote(sq.iloc[0]["voice"]) is scare


# --- joint statements are no third side (accept14b defect 3; INVENTED rows) ------------------


def _joint_article() -> tuple[pd.DataFrame, pd.DataFrame]:
    """One INVENTED article: Keld alone, Marrow alone, and a statement both signed."""
    rows = [  # statement id, speaker, speaker_type, source_actor, quote
        ("j:0", "keld", "actor", "keld", "the talks on the dam go on"),
        ("j:1", "marrow", "actor", "marrow", "tariffs hurt our growers"),
        ("j:2", "keld+marrow", "joint", "keld+marrow", "the talks on the dam go on"),
    ]
    st = pd.DataFrame(
        {
            "article_id": ["j"] * 3,
            "statement_id": [r[0] for r in rows],
            "speaker": [r[1] for r in rows],
            "speaker_type": [r[2] for r in rows],
            "source_actor": [r[3] for r in rows],
            "quote_text": [r[4] for r in rows],
            "text": [r[4] for r in rows],
        }
    )
    fr = pd.DataFrame(
        {
            "statement_id": ["j:0", "j:1", "j:2"],
            "codebook": ["cb"] * 3,
            "frame": ["diplomacy", "economic", "diplomacy"],
            "cue": ["talks", "tariffs", "talks"],
            "rule": ["cue:talks", "cue:tariffs", "cue:talks"],
        }
    )
    return st, fr


@pytest.mark.parametrize(
    ("source_actor", "speaker", "speaker_type", "expected"),
    [
        ("keld", "keld", "actor", ("keld",)),
        ("", "keld", "actor", ("keld",)),
        ("marrow", "Ivo Pell", "other", ("marrow",)),  # a spokesman speaks for his side
        ("", "Ivo Pell", "other", ()),
        ("keld+marrow", "keld+marrow", "joint", ("keld", "marrow")),
        ("", "marrow+keld", "joint", ("keld", "marrow")),
        ("keld", "keld+marrow", "joint", ("keld",)),  # reported by one office: that side
        ("", "", "narration", ()),
    ],
)
def test_sides_of(source_actor: str, speaker: str, speaker_type: str, expected: tuple) -> None:
    row = {"source_actor": source_actor, "speaker": speaker, "speaker_type": speaker_type}
    assert compare.sides_of(row) == expected
    assert compare.side_of(row) == "+".join(expected)


def test_readout_divergence_counts_a_joint_statement_for_both_sides() -> None:
    st, fr = _joint_article()
    out = compare.readout_divergence(st, fr)
    assert set(out["side"]) | set(out["other_side"]) == {"keld", "marrow"}  # no third side
    frames = out[out["kind"] == "frame"]
    # diplomacy is in the statement both signed: not Keld's alone
    assert frames[["side", "item"]].values.tolist() == [["marrow", "economic"]]
    topics = out[out["kind"] == "topic"]
    assert set(topics.loc[topics["side"] == "keld", "item"]) == set()
    assert {"tariffs", "growers"} <= set(topics.loc[topics["side"] == "marrow", "item"])


# --- stopwords: function words are never topic words (accept14b defect 11; INVENTED) ---------


@pytest.mark.parametrize(
    ("word", "is_stopword"),
    [
        # function words that reached Figure 5 as "topics"
        ("cannot", True),
        ("become", True),
        ("became", True),
        ("alone", True),
        ("already", True),
        ("along", True),
        ("anyone", True),
        ("nobody", True),
        ("next", True),
        ("three", True),
        ("thousands", True),
        ("despite", True),
        ("seems", True),
        # content words stay topics, also those some general lists drop
        ("dam", False),
        ("fire", False),
        ("bill", False),
        ("system", False),
        ("back", False),  # "back the plan"
        ("won", False),  # "won the vote"
        ("lasting", False),
        ("sovereignty", False),
    ],
)
def test_stopword_list(word: str, is_stopword: bool) -> None:
    assert (word in compare.load_stopwords()) is is_stopword


def test_readout_topics_leave_out_function_words() -> None:
    st = _two_sides()
    quote = "the dam cannot become a weapon; we already stand alone against anyone"  # INVENTED
    st.loc[0, ["quote_text", "text"]] = [quote, quote]
    st.loc[1, ["quote_text", "text"]] = ["zzz", "zzz"]
    fr = pd.DataFrame(columns=["statement_id", "codebook", "frame", "cue"])
    out = compare.readout_divergence(st, fr)
    assert set(out.loc[out["side"] == "voll", "item"]) == {"dam", "weapon", "stand"}


def _q(text: str, content: str) -> tuple[int, int]:
    """The span of ``content`` in ``text`` (the statement's reported part)."""
    i = text.index(content) if content else 0
    return i, i + len(content)


# INVENTED statements: (text, quote_type, reported part, term, expected (voice, mode)). Only the
# reported part is the speaker's claim; the attribution frame (subject, reporting verb, a clause
# about the speaker) is the journalist's own wording.
_FRAME_CASES = [
    (
        "Chancellor Vell, whose regime has jailed critics, said the summit was “useful.”",
        "mixed",
        "the summit was “useful.”",
        "regime",
        ("narration", "narration"),
    ),
    (
        "Both governments said the talks on the pass would resume.",
        "indirect",
        "the talks on the pass would resume",
        "governments",
        ("narration", "narration"),
    ),
    (
        "The Chancery said the regime in Orrelby had lied about the pass.",
        "indirect",
        "the regime in Orrelby had lied about the pass",
        "regime",
        ("narration", "reported"),
    ),
    (
        "The Chancery said “the regime” had lied.",
        "mixed",
        "“the regime” had lied",
        "regime",
        ("vell", "quoted"),
    ),
]


@pytest.mark.parametrize(("text", "quote_type", "content", "term", "expected"), _FRAME_CASES)
def test_loaded_terms_in_the_attribution_frame_are_the_journalists(
    text: str, quote_type: str, content: str, term: str, expected: tuple[str, str]
) -> None:
    st = _one(text, quote_type, _q(text, content), speaker="vell")
    lt = compare.loaded_term_uses(st)
    got = lt[lt["cue"] == term]
    assert got[["voice", "mode"]].values.tolist() == [list(expected)]


# INVENTED (16a): the reporting verb is the journalist's choice, not reported speech
@pytest.mark.parametrize(
    ("text", "content", "term", "expected"),
    [
        (
            "Kroll rejects the Lusk plan, saying it costs too much.",
            "it costs too much",
            "rejects",
            ("narration", "narration"),
        ),
        (
            "Kroll rejects the Lusk plan, saying it costs too much.",
            "it costs too much",
            "plan",
            ("narration", "narration"),
        ),
        (
            "Kroll said the plan for Lusk was costly.",
            "the plan for Lusk was costly",
            "costly",
            ("narration", "reported"),
        ),
        # the phrase around an anchor in the reported part stops at the reporting verb
        (
            "Governor rejects blame for Lusk water shortage",
            "blame for Lusk water shortage",
            "rejects",
            None,
        ),
        (
            "Governor rejects blame for Lusk water shortage",
            "blame for Lusk water shortage",
            "blame",
            ("narration", "reported"),
        ),
    ],
)
def test_word_choice_reporting_verb_is_the_journalists(
    text: str, content: str, term: str, expected: tuple[str, str] | None
) -> None:
    st = _one(text, "indirect", _q(text, content), speaker="kroll")
    wc = compare.word_choice(compare.anchor_phrases(st, ["Lusk"]))
    got = wc[wc["term"] == term]
    assert got[["voice", "mode"]].values.tolist() == ([list(expected)] if expected else [])


def _st(rows: list[tuple[str, str, str, str, str, str, str]]) -> pd.DataFrame:
    """Statements from ``(article, id, speaker, speaker_type, source_actor, section, text)``.

    Each text is its own quote (``quote_text``, direct speech), at offset 0 of its article.
    """
    recs = []
    for art, sid, spk, typ, src, sec, text in rows:
        recs.append(
            {"article_id": art, "statement_id": f"{art}:{sid}", "speaker": spk,
             "speaker_type": typ, "source": "", "source_actor": src, "section": sec,
             "quote_type": "narration" if typ == "narration" else "direct", "text": text,
             "quote_text": "" if typ == "narration" else text, "char_start": 0,
             "char_end": len(text), "quote_start": 0, "quote_end": 0 if typ == "narration"
             else len(text)}
        )  # fmt: skip
    return pd.DataFrame(recs)


# INVENTED statements about an invented crossing
_PASS_ROWS = [
    ("p1", "1", "", "narration", "", "body", "Guards closed the Kessel Pass on Monday."),
    ("p1", "2", "vell", "actor", "", "body", "Troops massed near the Kessel Pass overnight."),
    ("p1", "3", "orr", "actor", "", "body", "Our patrols guard the Kessel Pass calmly."),
    ("p1", "4", "", "narration", "", "body", "Later the Old Quarter of Lusk was quiet."),
    ("p1", "5", "vell", "actor", "", "body", "Shops in the Old Quarter reopened, Vell said."),
    ("p1", "6", "orr", "actor", "", "body", "Orr met Tamsin Quorle and later Quorle left."),
    ("p1", "7", "", "narration", "", "body", "Reporters saw Quorle arrive."),
]


def test_anchor_phrases_with_a_multi_word_anchor() -> None:
    ph = compare.anchor_phrases(_st(_PASS_ROWS), ["Kessel Pass"])
    assert ph["anchor_text"].tolist() == ["Kessel Pass"] * 3
    assert set(ph["anchor"]) == {"Kessel Pass"}
    assert sorted(ph["terms"]) == ["guards; closed", "massed; overnight", "patrols; guard; calmly"]
    wc = compare.word_choice(ph)
    assert not ({"kessel", "pass"} & set(wc["term"]))


@pytest.mark.parametrize(
    ("anchors", "expected"),
    [
        (["Kessel Pass", "Kessel"], ["Kessel Pass"] * 3),  # the longest anchor wins
        (["kessel pass"], ["kessel pass"] * 3),  # any case
        (["Kessel Gate"], []),
    ],
)
def test_multi_word_anchor_matching(anchors: list[str], expected: list[str]) -> None:
    ph = compare.anchor_phrases(_st(_PASS_ROWS), anchors)
    assert ph["anchor"].tolist() == expected


def test_default_anchors_keep_place_names_whole() -> None:
    ph = compare.anchor_phrases(_st(_PASS_ROWS))
    anchors = set(ph["anchor"])
    assert {"Kessel Pass", "Old Quarter", "Quorle"} <= anchors
    assert not ({"Kessel", "Pass", "Old", "Quarter"} & anchors)
    # a word that also stands alone keeps its own anchor (no "Tamsin Quorle" referent)
    assert "Tamsin Quorle" not in anchors


def test_compare_command_warns_when_an_anchor_matches_nothing(fx, tmp_path: Path, capsys) -> None:
    from mediaframes import cli

    fx["statements"].to_csv(tmp_path / "statements.csv", index=False)
    fx["frames"].to_parquet(tmp_path / "frames.parquet")
    assert (
        cli.main(["compare", str(tmp_path), "--anchor", "Kessa", "--anchor", "Nowhere Town"]) == 0
    )
    err = capsys.readouterr().err
    assert "--anchor 'Nowhere Town' matches no word" in err
    assert "'Kessa'" not in err


def test_loaded_terms_have_side_and_section() -> None:
    rows = [
        ("s1", "1", "Ilse Varrow", "other", "orr", "standfirst", "She decried the annexation."),
        ("s1", "2", "vell+orr", "joint", "", "body", "Both spoke of an occupation."),
        ("s1", "3", "", "narration", "", "headline", "Annexation feared"),
        ("s1", "4", "Ana Vell", "other", "", "body", "She decried the annexation."),
    ]
    lt = compare.loaded_term_uses(_st(rows)).sort_values("statement_id")
    assert lt[["statement_id", "section", "side"]].values.tolist() == [
        ["s1:1", "standfirst", "orr"],
        ["s1:2", "body", "orr+vell"],
        ["s1:3", "headline", ""],
        ["s1:4", "body", ""],
    ]
    assert list(lt.columns[:6]) == [
        "article_id",
        "statement_id",
        "section",
        "voice",
        "mode",
        "side",
    ]


def _articles(rows: list[tuple[str, str, list[tuple[int, str]]]]) -> pd.DataFrame:
    """An articles table: ``(article_id, extra JSON, [(caption start, caption text)])``."""
    import json

    return pd.DataFrame(
        {
            "article_id": [r[0] for r in rows],
            "extra": [r[1] for r in rows],
            "captions": [json.dumps([t for _a, t in r[2]]) for r in rows],
            "spans": [json.dumps({"captions": [[a, a + len(t)] for a, t in r[2]]}) for r in rows],
        }
    )


def test_captions_are_searched_for_loaded_terms_and_scare_quotes(fx, tmp_path: Path) -> None:
    from mediaframes import cli

    fx["statements"].to_csv(tmp_path / "statements.csv", index=False)
    fx["frames"].to_parquet(tmp_path / "frames.parquet")
    caption = "INVENTED: guards after the annexation of Kessa, a “liberation” to some."
    _articles([("fx_readout", "{}", [(900, caption)])]).to_csv(
        tmp_path / "articles.csv", index=False
    )
    assert cli.main(["compare", str(tmp_path)]) == 0
    lt = pd.read_csv(tmp_path / "compare" / "loaded_terms.csv", keep_default_na=False)
    cap = lt[lt["section"] == "caption"]
    assert cap[["statement_id", "voice", "mode", "cue", "char_start"]].values.tolist() == [
        ["fx_readout:caption1", "narration", "narration", "annexation", 900 + 27],
        ["fx_readout:caption1", "narration", "narration", "liberation", 900 + 51],
    ]
    sq = pd.read_csv(tmp_path / "compare" / "scare_quotes.csv", keep_default_na=False)
    assert sq[sq["section"] == "caption"]["text"].tolist() == ["liberation"]


# INVENTED readouts of two events in four articles: e1 has both sides in different articles
_EVENT_ROWS = [
    ("a1", "1", "vell", "actor", "", "body", "The ceasefire must hold at the river."),
    ("a2", "1", "orr", "actor", "", "body", "The ceasefire shields smugglers at the river."),
    ("a3", "1", "orr", "actor", "", "body", "Tariffs protect farmers."),
    ("a3", "2", "vell", "actor", "", "body", "Tariffs hurt farmers."),
    ("a4", "1", "vell", "actor", "", "body", "Drills near the border."),
]


def test_event_readout_divergence_pairs_across_articles() -> None:
    st = _st(_EVENT_ROWS)
    fr = pd.DataFrame(columns=["statement_id", "codebook", "frame", "cue", "rule"])
    events = {"a1": ("e1",), "a2": ("e1",), "a3": ("e2",)}
    out = compare.event_readout_divergence(st, fr, events)
    e1 = out[out["event"] == "e1"]
    assert e1[["side", "item", "n_articles", "article_ids"]].values.tolist() == [
        ["orr", "shields", 1, "a2"],
        ["orr", "smugglers", 1, "a2"],
        ["vell", "hold", 1, "a1"],
    ]
    assert out[out["event"] == "e2"][["side", "item"]].values.tolist() == [
        ["orr", "protect"],
        ["vell", "hurt"],
    ]
    # per article, a1 and a2 have one side each: no pairs, listed as unpaired
    assert set(compare.readout_divergence(st, fr)["article_id"]) == {"a3"}
    un = compare.readout_unpaired(st, events)
    assert un[["by", "unit", "side", "n_statements"]].values.tolist() == [
        ["article", "a1", "vell", 1],
        ["article", "a2", "orr", 1],
        ["article", "a4", "vell", 1],
    ]
    un = compare.readout_unpaired(st, {**events, "a4": ("e3",)})
    assert un[un["by"] == "event"][["unit", "side", "article_ids"]].values.tolist() == [
        ["e3", "vell", "a4"]
    ]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ('{"event": "E1"}', ("E1",)),
        ('{"event": "E1; E3"}', ("E1", "E3")),
        ('{"event": ["E2", "E2"]}', ("E2",)),  # a JSON record's list
        ('{"event": ""}', None),
        ("{}", None),
        ("", None),
    ],
)
def test_article_events(extra: str, expected: tuple[str, ...] | None) -> None:
    assert compare.article_events(_articles([("a", extra, [])])).get("a") == expected


def test_compare_command_pairs_by_event_and_lists_unpaired(tmp_path: Path, capsys) -> None:
    from mediaframes import cli

    _st(_EVENT_ROWS).to_csv(tmp_path / "statements.csv", index=False)
    pd.DataFrame(columns=["statement_id", "codebook", "frame", "cue", "rule"]).to_csv(
        tmp_path / "frames.csv", index=False
    )
    extras = ['{"event": "e1"}', '{"event": "e1"}', '{"event": "e2"}', "{}"]
    _articles([(a, e, []) for a, e in zip(["a1", "a2", "a3", "a4"], extras, strict=True)]).to_csv(
        tmp_path / "articles.csv", index=False
    )
    assert cli.main(["compare", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "3 articles have one side's readout only" in out
    assert "a1 (vell), a2 (orr), a4 (vell)" in out
    ev = pd.read_csv(tmp_path / "compare" / "readout_divergence_by_event.csv")
    assert set(ev["event"]) == {"e1", "e2"}
    assert list(ev.columns) == [
        "event", "side", "other_side", "kind", "codebook", "item", "n_side", "n_articles",
        "article_ids", "evidence", "negated_cues",
    ]  # fmt: skip


def _reported_row(art: str, sid: str, speaker: str, attribution: str, content: str) -> dict:
    """An indirect statement ``attribution + content`` whose reported part is ``content``."""
    text = attribution + content
    return {"article_id": art, "statement_id": f"{art}:{sid}", "speaker": speaker,
            "speaker_type": "actor", "source": "", "source_actor": "", "section": "body",
            "quote_type": "indirect", "text": text, "quote_text": content, "char_start": 0,
            "char_end": len(text), "quote_start": len(attribution),
            "quote_end": len(text)}  # fmt: skip


def _narration_row(art: str, sid: str, text: str) -> dict:
    return {"article_id": art, "statement_id": f"{art}:{sid}", "speaker": "",
            "speaker_type": "narration", "source": "", "source_actor": "", "section": "body",
            "quote_type": "narration", "text": text, "quote_text": "", "char_start": 0,
            "char_end": len(text), "quote_start": 0, "quote_end": 0}  # fmt: skip


# INVENTED: two sides' readouts, both paraphrased, about an invented weir (accept18a)
_WEIR_ROWS = [
    _narration_row("w1", "1", "Engineers inspected the Varrow Weir on Monday."),
    _reported_row("w1", "2", "dask", "The palace said ", "the Varrow Weir was stealing the river."),
    _reported_row("w1", "3", "orlo", "The ministry said ", "the Varrow Weir was filling slowly."),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # narration and a paraphrase of a speaker: two voices (narration/narration and
        # narration/reported), as word_choice counts them
        (_WEIR_ROWS, {"Varrow Weir"}),
        # named in the journalist's own sentences only: one voice
        ([_WEIR_ROWS[0], _narration_row("w1", "4", "Fishers waited by the Varrow Weir.")], set()),
        # named in paraphrase only: one voice
        (_WEIR_ROWS[1:], set()),
    ],
)
def test_detected_anchor_counts_reported_speech_as_a_voice(rows, expected) -> None:
    ph = compare.anchor_phrases(pd.DataFrame(rows))
    assert set(ph["anchor"]) == expected
    if expected:
        wc = compare.word_choice(ph)
        assert {"narration", "reported"} <= set(wc["mode"])


def _frame_rows(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    """Frames from ``(statement_id, frame, cue, rule)``, codebook ``w``."""
    return pd.DataFrame(
        [{"statement_id": s, "codebook": "w", "frame": f, "cue": c, "rule": r}
         for s, f, c, r in rows]
    )  # fmt: skip


# INVENTED readouts of two sides in one article (and one event)
_NEG_ST = pd.DataFrame(
    [
        _reported_row("n1", "1", "dask", "The palace said ", "there would be no escalation."),
        _reported_row("n1", "2", "dask", "The palace said ", "troops stayed home."),
        _reported_row("n1", "3", "orlo", "The ministry said ", "talks would resume."),
    ]
)


@pytest.mark.parametrize(
    ("frames", "expected"),
    [
        # the only security cue of dask's side is negated: marked
        (
            [("n1:1", "security", "escalation", "negated:cue:escalation"),
             ("n1:3", "cooperation", "talks", "cue:talks")],
            {("dask", "security"): "escalation", ("orlo", "cooperation"): ""},
        ),
        # a cue negated once and plain once is not "only negated"
        (
            [("n1:1", "security", "escalation", "negated:cue:escalation"),
             ("n1:2", "security", "escalation", "cue:escalation"),
             ("n1:2", "security", "troops", "negated:cue:troops")],
            {("dask", "security"): "troops"},
        ),
    ],
)  # fmt: skip
def test_readout_divergence_names_cues_found_only_negated(frames, expected) -> None:
    """Acceptance test 18a: "no escalation" was shown as the evidence "escalation"."""
    fr = _frame_rows(frames)
    for table in (
        compare.readout_divergence(_NEG_ST, fr),
        compare.event_readout_divergence(_NEG_ST, fr, {"n1": ("E1",)}),
    ):
        got = table[table["kind"] == "frame"]
        assert {(r.side, r.item): r.negated_cues for r in got.itertuples()} == expected
        assert set(table.loc[table["kind"] == "topic", "negated_cues"]) <= {""}

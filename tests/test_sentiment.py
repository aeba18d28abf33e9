# Tests for mediaframes.sentiment. Every sentence below is INVENTED for these tests.
from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from mediaframes import segment
from mediaframes import sentiment as S
from mediaframes.records import Article, Mention, Sentence, SentimentScore, Statement, to_frame


@pytest.fixture(scope="module")
def scorers() -> S.Scorers:
    return S.load_scorers()


@pytest.fixture(scope="module")
def reference_vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def stmt(sid, quote_type, text, quote_text="", speaker="kim", article="inv", qs=0, qe=0):
    speaker_type = "narration" if quote_type == "narration" else "actor"
    if quote_type == "narration":
        speaker = ""
    return Statement(
        article, sid, speaker, speaker_type, "", "", "", quote_type, "said", "body", text,
        quote_text, 0, len(text), qs, qe, "test",
    )  # fmt: skip


# --- quote normalization --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("doesn’t", "doesn't"),
        ("‘scare’ quotes", "'scare' quotes"),
        ("“Yes,” he said", '"Yes," he said'),
        ("„Ja“", '"Ja"'),
        ("«Non»", '"Non"'),
        ("5′ 10″", "5' 10\""),
        ("it`s and it´s", "it's and it's"),
        ("plain ASCII 'text'", "plain ASCII 'text'"),
    ],
)
def test_normalize_quotes(raw, expected):
    assert S.normalize_quotes(raw) == expected
    assert len(S.normalize_quotes(raw)) == len(raw)


# --- VADER equals the reference implementation -----------------------------------------------

INVENTED_SENTENCES = [
    "The minister doesn’t like the proposal.",
    "There is no good option left for the negotiators.",
    "The talks were bad, but not bad enough to end them.",
    "“We will never accept this,” the envoy said.",
    "A VERY productive and friendly meeting!!!",
    "The summit was not a failure.",
    "I am a delegate and I am here.",
    "Officials said the deal isn’t dead yet :)",
    "He didn’t say it was great, but it wasn’t terrible either.",
    "The ceasefire kind of held, sort of.",
    "",
]


@pytest.mark.parametrize("text", INVENTED_SENTENCES)
def test_vader_matches_reference_on_text_scored(text, scorers, reference_vader):
    scored = S.normalize_quotes(text)
    ours = scorers.score_text(text)["vader"]
    assert ours == reference_vader.polarity_scores(scored)["compound"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("He doesn’t like the plan.", "negative"),  # typographic apostrophe must still negate
        ("no good option", "negative"),  # the reference scores this -0.34 (nltk's port: +0.18)
        ("He likes the plan.", "positive"),
        ("The meeting lasted two hours.", "neutral"),
    ],
)
def test_vader_labels_on_invented_sentences(text, label, scorers):
    assert S.label_score(scorers.score_text(text)["vader"], "vader") == label


def test_typographic_apostrophe_would_break_negation_without_normalization(reference_vader):
    # documents why we normalize: the raw typographic form is not negated by VADER
    raw = reference_vader.polarity_scores("He doesn’t like the plan.")["compound"]
    fixed = reference_vader.polarity_scores("He doesn't like the plan.")["compound"]
    assert raw > 0 > fixed


def _seed_pipeline():
    corpus = pytest.importorskip("mediaframes.corpus")
    segment = pytest.importorskip("mediaframes.segment")
    attribution = pytest.importorskip("mediaframes.attribution")
    if not hasattr(attribution, "attribute"):
        pytest.skip("attribution.attribute not available yet")
    from mediaframes import paths

    files = sorted(paths.raw_dir().glob("000_*.txt"))
    if not files:
        pytest.skip("seed article not found")
    article = corpus.read_article_file(files[0])[0]
    sentences = segment.segment_article(article)
    actors = attribution.load_actors()
    statements, mentions = attribution.attribute(article, sentences, actors)
    return article, sentences, statements, mentions


def test_vader_matches_reference_on_every_seed_statement(scorers, reference_vader):
    article, sentences, statements, mentions = _seed_pipeline()
    assert statements, "the seed article should yield statements"
    scores = [s for s in S.score_statements(statements, scorers) if s.method == "vader"]
    assert len(scores) == len(statements)
    for sc in scores:
        assert sc.score == reference_vader.polarity_scores(sc.text_scored)["compound"]
        # no typographic quote left in the scored text
        assert not set(sc.text_scored) & set("’‘“”")


def test_tone_on_seed_article_keeps_actor_words_out(scorers):
    article, sentences, statements, mentions = _seed_pipeline()
    tone = S.score_toward_actors(article, sentences, mentions, statements, scorers)
    for t in tone:
        assert article.text[t.char_start : t.char_end]
        assert "“" not in t.text_scored and '"' not in t.text_scored


# --- statements ---------------------------------------------------------------------------------


def test_text_to_score_uses_quote_for_speech_and_text_for_narration():
    d = stmt("inv:1", "direct", '"Fine," Kim said.', "Fine,")
    i = stmt("inv:2", "indirect", "Kim said talks failed.", "talks failed")
    n = stmt("inv:3", "narration", "Talks failed.")
    empty = stmt("inv:4", "direct", "Kim spoke.", "")
    assert S.text_to_score(d) == "Fine,"
    assert S.text_to_score(i) == "talks failed"
    assert S.text_to_score(n) == "Talks failed."
    assert S.text_to_score(empty) == "Kim spoke."


def test_score_statements_records(scorers):
    sts = [
        stmt("inv:2", "narration", "The deal collapsed in disgrace."),
        stmt("inv:1", "direct", "“We don’t want war,” Kim said.", "We don’t want war,"),
    ]
    out = S.score_statements(sts, scorers)
    assert [(s.statement_id, s.method) for s in out] == [
        ("inv:1", "vader"),
        ("inv:1", "textblob"),
        ("inv:1", "afinn"),
        ("inv:1", "labmt"),
        ("inv:2", "vader"),
        ("inv:2", "textblob"),
        ("inv:2", "afinn"),
        ("inv:2", "labmt"),
    ]
    assert all(isinstance(s, SentimentScore) for s in out)
    assert out[0].text_scored == "We don't want war,"
    assert all(-1.0 <= s.score <= 1.0 for s in out)
    assert all(s.label == S.label_score(s.score, s.method) for s in out)
    df = to_frame(out, SentimentScore)
    assert list(df.columns) == ["statement_id", "method", "score", "label", "text_scored"]


@pytest.mark.parametrize(
    ("method", "score", "label"),
    [
        ("vader", 0.05, "positive"),
        ("vader", 0.0499, "neutral"),
        ("vader", -0.0499, "neutral"),
        ("vader", -0.05, "negative"),
        ("vader", 0.0, "neutral"),
        ("textblob", 0.1, "positive"),
        ("textblob", -0.04, "neutral"),
        ("afinn", S.afinn_to_unit(1), "positive"),
        ("afinn", S.afinn_to_unit(-1), "negative"),
        ("afinn", S.afinn_to_unit(0), "neutral"),
        ("unknown-method", 0.05, "positive"),
    ],
)
def test_label_thresholds(method, score, label):
    assert S.label_score(score, method) == label


def test_label_explicit_threshold():
    assert S.label_score(0.2, "vader", threshold=0.3) == "neutral"


@pytest.mark.parametrize(("total", "expected"), [(0, 0.0), (3, 3 / 24**0.5), (-5, -5 / 40**0.5)])
def test_afinn_normalization(total, expected):
    assert S.afinn_to_unit(total) == pytest.approx(expected)
    assert -1 < S.afinn_to_unit(total * 100) < 1


def test_afinn_and_textblob_scores(scorers):
    s = scorers.score_text("This is a good and wonderful plan.")
    # AFINN-165: good +3, wonderful +4 -> 7 / sqrt(49 + 15)
    assert s["afinn"] == pytest.approx(7 / 64**0.5)
    assert s["textblob"] > 0.5


def _random_afinn_texts(n: int, seed: int) -> list[str]:
    """Random strings mixing AFINN entries with tricky separators and fillers (INVENTED)."""
    import random

    from afinn import Afinn

    words = list(Afinn(language="en", emoticons=False)._dict)
    fill = ["the", "not", "won't", "can't", "self-", "-", "'", "  ", "\n", "Good", "BAD", "no",
            "fun", ",", ".", "kind", "of", "some", "does", "work", "_x", "good_", "é",
            "İstanbul"]  # fmt: skip
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        k = rng.randint(1, 14)
        parts = [rng.choice(words) if rng.random() < 0.5 else rng.choice(fill) for _ in range(k)]
        seps = [rng.choice([" ", "", "-", "'", "  ", ", ", "\t"]) for _ in range(k)]
        texts.append("".join(p + q for p, q in zip(parts, seps, strict=True)))
    return texts


def test_afinn_matcher_equals_the_package():
    from afinn import Afinn

    pkg = Afinn(language="en", emoticons=False)
    ours = S.AfinnMatcher()
    texts = INVENTED_SENTENCES + _random_afinn_texts(3000, seed=1) + [
        "some kind of idiot", "It does not work", "can't stand it", "won't", "not good, not good",
    ]  # fmt: skip
    for text in texts:
        assert ours.find_all(text) == pkg.find_all(text), text
        assert ours.total(text) == pkg.score(text), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("war", (1.80 - 5) / 4),  # labMT: war 1.80
        ("The war goes on.", (1.80 - 5) / 4),  # the/goes/on are inside the 4-6 lens
        ("war and peace", ((1.80 + 7.86) / 2 - 5) / 4),  # peace 7.86, "and" in the lens
        ("The meeting lasted three hours.", 0.0),  # no word outside the lens
        ("Zyxwv qrst", 0.0),  # no labMT word at all
    ],
)
def test_labmt_scores(text, expected, scorers):
    assert scorers.score_text(text)["labmt"] == pytest.approx(expected)


def test_labmt_word_scores_and_lens():
    lab = S._LabMT()
    assert lab.word_score("laughter") == 8.50  # top of labMT 1.0
    assert lab.word_score("the") == 4.98
    assert lab.word_score("zyxwv") is None
    # a word inside the lens does not move the score
    assert lab("peace") == lab("the peace")


def test_scorers_pickle_and_validation():
    sc = S.load_scorers(["vader", "afinn", "labmt"])
    clone = pickle.loads(pickle.dumps(sc))
    assert clone.methods == ("vader", "afinn", "labmt")
    assert pickle.loads(pickle.dumps(sc)) is clone  # rebuilt once per process
    assert clone.score_text("Terrible news.") == sc.score_text("Terrible news.")
    with pytest.raises(ValueError, match="unknown sentiment method"):
        S.load_scorers(["vader", "magic"])


# --- agreement ----------------------------------------------------------------------------------


def _sent_df(rows):
    return pd.DataFrame(rows, columns=["statement_id", "method", "score", "label"])


def test_method_agreement_and_statement_agreement():
    df = _sent_df(
        [
            ("1", "vader", 0.5, "positive"), ("1", "afinn", 0.6, "positive"),
            ("2", "vader", -0.5, "negative"), ("2", "afinn", 0.0, "neutral"),
            ("3", "vader", 0.0, "neutral"), ("3", "afinn", -0.7, "negative"),
            ("4", "vader", 0.9, "positive"), ("4", "afinn", 0.8, "positive"),
        ]
    )  # fmt: skip
    m = S.method_agreement(df)
    assert m[["method_a", "method_b", "n"]].values.tolist() == [["vader", "afinn", 4]]
    assert m["label_agreement"].iloc[0] == 0.5
    # ranks vader: 3,1,2,4 ; afinn: 3,2,1,4 -> d^2 = 0+1+1+0 -> rho = 1 - 6*2/(4*15) = 0.8
    assert m["spearman_r"].iloc[0] == pytest.approx(0.8)
    # kappa: p_o = .5; p_e = (2/4*2/4) + (1/4*1/4) + (1/4*1/4) = 0.375 -> 0.2
    assert m["cohen_kappa"].iloc[0] == pytest.approx(0.2)
    per = S.statement_agreement(df)
    assert per["majority_label"].tolist() == ["positive", "tie", "tie", "positive"]
    assert per["all_agree"].tolist() == [True, False, False, True]
    assert per["label_agreement"].tolist() == [1.0, 0.5, 0.5, 1.0]


def test_spearman_undefined_is_nan():
    assert np.isnan(S.spearman([0.0, 0.0, 0.0], [0.1, 0.2, 0.3]))
    assert np.isnan(S.spearman([0.1, 0.2], [0.1, 0.2]))


# --- tone toward actors --------------------------------------------------------------------------

TONE_TEXT = (
    "Kim praised the excellent talks. "
    "Critics attacked Lee, who said “the plan is wonderful” to reporters. "
    "Lee said the process was a terrible failure. "
    "The weather was fine."
)


def _tone_inputs():
    art = Article("inv", "inv.txt", "txt", TONE_TEXT, None, None, None, ())
    bounds = []
    pos = 0
    for part in TONE_TEXT.split(". "):
        end = pos + len(part) + (1 if not part.endswith(".") else 0)
        bounds.append((pos, min(end, len(TONE_TEXT))))
        pos = end + 1
    sentences = [
        Sentence("inv", i, "body", 0, a, b, TONE_TEXT[a:b]) for i, (a, b) in enumerate(bounds)
    ]

    def men(actor, word, nth=0, in_quote=False):
        start = -1
        for _ in range(nth + 1):
            start = TONE_TEXT.index(word, start + 1)
        sent = next(s.index for s in sentences if s.start <= start < s.end)
        return Mention("inv", actor, "name", start, start + len(word), word, sent, in_quote)

    q_lo = TONE_TEXT.index("the plan is")
    q_hi = q_lo + len("the plan is wonderful")
    r_lo = TONE_TEXT.index("the process")
    r_hi = r_lo + len("the process was a terrible failure")
    statements = [
        stmt("inv:1", "direct", sentences[1].text, "the plan is wonderful", "lee",
             qs=q_lo, qe=q_hi),
        stmt("inv:2", "indirect", sentences[2].text, "the process was a terrible failure", "lee",
             qs=r_lo, qe=r_hi),
    ]  # fmt: skip
    mentions = [men("kim", "Kim"), men("lee", "Lee"), men("lee", "Lee", nth=1)]
    return art, sentences, mentions, statements


def test_sentences_split_as_intended():
    _, sentences, _, _ = _tone_inputs()
    assert [s.text for s in sentences] == [
        "Kim praised the excellent talks.",
        "Critics attacked Lee, who said “the plan is wonderful” to reporters.",
        "Lee said the process was a terrible failure.",
        "The weather was fine.",
    ]


def test_journalist_text_removes_quotes_and_reported_speech():
    _, sentences, _, statements = _tone_inputs()
    assert (
        S.journalist_text(sentences[1], statements)
        == "Critics attacked Lee, who said to reporters."
    )
    assert S.journalist_text(sentences[2], statements) == "Lee said ."
    assert S.journalist_text(sentences[3], statements) == "The weather was fine."


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He called it ‘denazification’ again.", "He called it again."),
        ("Putin’s aide won’t comment.", "Putin’s aide won’t comment."),
        ("She said “this goes on", "She said"),
        ('They said "no" twice.', "They said twice."),
        ("«Jamais», a-t-il dit.", ", a-t-il dit."),
        # INVENTED: German and Danish marks; the words after the closing mark are the journalist's
        ("Sie nannte es „eine Falle“ und ging.", "Sie nannte es und ging."),
        ("Sie nannte es ‚eine Falle‘ und ging.", "Sie nannte es und ging."),
        ("Han kaldte det »en fælde« og gik.", "Han kaldte det og gik."),
    ],
)
def test_journalist_text_quote_marks(sentence, expected):
    s = Sentence("inv", 0, "body", 0, 10, 10 + len(sentence), sentence)
    assert S.journalist_text(s, []) == expected


def test_score_toward_actors(scorers):
    art, sentences, mentions, statements = _tone_inputs()
    tone = S.score_toward_actors(art, sentences, mentions, statements, scorers)
    by = {(t.sentence_index, t.actor, t.method): t for t in tone}
    # sentence 0: Kim praised -> positive for kim
    assert by[(0, "kim", "vader")].label == "positive"
    # sentence 1: the journalist's "attacked" is negative toward lee; the quoted "wonderful" is gone
    t1 = by[(1, "lee", "vader")]
    assert t1.text_scored == "Critics attacked , who said to reporters."  # "Lee" masked
    assert t1.label == "negative"
    assert (t1.char_start, t1.char_end) == (sentences[1].start, sentences[1].end)
    # sentence 2: only the attribution is left ("Lee said .") -> neutral, not "terrible failure"
    assert by[(2, "lee", "vader")].score == 0.0
    # sentence 3 mentions nobody
    assert not any(t.sentence_index == 3 for t in tone)
    assert len(tone) == 3 * len(scorers.methods)
    assert all(isinstance(t, S.ToneScore) for t in tone)


def test_score_toward_actors_ignores_mentions_inside_quotes(scorers):
    text = "“Lee is a disgrace,” Kim said."
    art = Article("inv", "inv.txt", "txt", text, None, None, None, ())
    sen = [Sentence("inv", 0, "body", 0, 0, len(text), text)]
    men = [
        Mention("inv", "lee", "name", 1, 4, "Lee", 0, True),
        Mention("inv", "kim", "name", 21, 24, "Kim", 0, False),
    ]
    tone = S.score_toward_actors(art, sen, men, [], scorers)
    assert {t.actor for t in tone} == {"kim"}
    assert {t.text_scored for t in tone} == {"said."}


# an actor's configured name, alias or office holding a lexicon word (INVENTED sentences and
# names): (sentence, the mention as configured, its kind, a neutral stand-in for the mention,
# the text scored)
NAMED_WITH_LEXICON_WORDS = [
    ("The Hollow Keep said the talks would go on.", "The Hollow Keep", "organization",
     "The Zarn Keep", "said the talks would go on."),
    ("The Hollow Keep warned of delays.", "The Hollow Keep", "organization", "The Zarn Keep",
     "warned of delays."),
    ("Victory Adeyemi met the envoy on Tuesday.", "Victory Adeyemi", "name", "Tam Adeyemi",
     "met the envoy on Tuesday."),
    ("Hope Lindqvist met the envoy on Tuesday.", "Hope Lindqvist", "name", "Tam Lindqvist",
     "met the envoy on Tuesday."),
    ("Grace Okafor arrived in the capital.", "Grace Okafor", "name", "Tam Okafor",
     "arrived in the capital."),
    ("The Liberty Office issued a statement on Tuesday.", "The Liberty Office", "organization",
     "The Zarn Office", "issued a statement on Tuesday."),
    ("Talks with Hope Lindqvist's office failed.", "Hope Lindqvist's office", "possessive",
     "Tam Lindqvist's office", "Talks with failed."),
]  # fmt: skip


def _one_sentence_tone(text, mention, kind, scorers):
    art = Article("inv", "inv.txt", "txt", text, None, None, None, ())
    sen = [Sentence("inv", 0, "body", 0, 0, len(text), text)]
    start = text.index(mention)
    men = [Mention("inv", "actor", kind, start, start + len(mention), mention, 0, False)]
    return {t.method: t for t in S.score_toward_actors(art, sen, men, [], scorers)}


@pytest.mark.parametrize(("text", "mention", "kind", "neutral", "scored"), NAMED_WITH_LEXICON_WORDS)
def test_tone_masks_the_actors_configured_names(text, mention, kind, neutral, scorers, scored):
    tone = _one_sentence_tone(text, mention, kind, scorers)
    assert {t.text_scored for t in tone.values()} == {scored}
    # the name no longer moves the score: the same sentence with a neutral name scores the same
    other = _one_sentence_tone(text.replace(mention, neutral), neutral, kind, scorers)
    assert {m: t.score for m, t in tone.items()} == {m: t.score for m, t in other.items()}
    # (and the test can fail: scored whole, the lexicon word in the name moves some method)
    whole = scorers.score_text(text)
    assert any(whole[m] != scorers.score_text(text.replace(mention, neutral))[m] for m in whole)


def test_tone_keeps_pronouns_and_the_reporting_verb(scorers):
    text = "She warned of delays."  # INVENTED
    tone = _one_sentence_tone(text, "She", "pronoun", scorers)
    assert {t.text_scored for t in tone.values()} == {"She warned of delays."}
    assert tone["vader"].label == "negative"


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Critics slammed Kim.", [(16, 19)], "Critics slammed ."),
        ("Kim met Lee.", [(0, 3), (8, 11)], "met ."),
        ('Kim said "Lee is great" today.', [(0, 3), (10, 13)], "said today."),
        ("Nobody was named.", [], "Nobody was named."),
    ],
)
def test_journalist_text_masks_mentions(text, spans, expected):  # INVENTED sentences
    s = Sentence("inv", 0, "body", 0, 0, len(text), text)
    men = [Mention("inv", "x", "name", a, b, text[a:b], 0, False) for a, b in spans]
    assert S.journalist_text(s, [], men) == expected
    assert S.journalist_text(s, []) == S.journalist_text(s, [], [])


# --- aggregates ---------------------------------------------------------------------------------


def _tables(groups: dict[str, list[float]], method: str = "vader"):
    st, se = [], []
    for speaker, values in groups.items():
        for i, v in enumerate(values):
            sid = f"inv:{speaker}:{i:03d}"
            st.append({"statement_id": sid, "article_id": "inv", "speaker": speaker})
            se.append({"statement_id": sid, "method": method, "score": v, "label": ""})
    return pd.DataFrame(st), pd.DataFrame(se)


def test_aggregate_by_actor_known_values():
    values = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, -1.0, 0.0]
    st, se = _tables({"kim": values, "lee": [0.5, -0.5, 0.25]})
    agg = S.aggregate_by_actor(st, se, seed=3, n_boot=1000)
    assert list(agg.columns) == [
        "speaker", "method", "n", "n_rejected", "mean", "median", "ci_low", "ci_high", "note",
    ]  # fmt: skip
    assert agg["n_rejected"].tolist() == [0, 0]  # no stance column: nothing left out
    kim = agg[agg.speaker == "kim"].iloc[0]
    assert kim["n"] == 12
    assert kim["mean"] == pytest.approx(np.mean(values))
    assert kim["median"] == pytest.approx(0.45)
    assert kim["ci_low"] < kim["mean"] < kim["ci_high"]
    assert kim["note"] == ""
    lee = agg[agg.speaker == "lee"].iloc[0]
    assert lee["n"] == 3
    assert lee["mean"] == pytest.approx(0.25 / 3)
    assert lee["median"] == 0.25
    assert "n too small to conclude" in lee["note"]


def test_aggregate_deterministic_and_seed_dependent():
    st, se = _tables({"kim": list(np.linspace(-1, 1, 15)), "lee": list(np.linspace(0, 1, 11))})
    a = S.aggregate_by_actor(st, se, seed=7)
    b = S.aggregate_by_actor(st, se, seed=7)
    c = S.aggregate_by_actor(st, se, seed=8)
    pd.testing.assert_frame_equal(a, b)
    assert not np.allclose(a["ci_low"], c["ci_low"])
    # adding a speaker leaves the others' intervals unchanged
    st2, se2 = _tables({"kim": list(np.linspace(-1, 1, 15)), "lee": list(np.linspace(0, 1, 11)),
                        "ann": [0.1, 0.2]})  # fmt: skip
    d = S.aggregate_by_actor(st2, se2, seed=7)
    pd.testing.assert_frame_equal(
        d[d.speaker != "ann"].reset_index(drop=True), a.reset_index(drop=True)
    )


def test_aggregate_single_value_and_constant():
    st, se = _tables({"kim": [0.3], "lee": [0.0] * 12})
    agg = S.aggregate_by_actor(st, se).set_index("speaker")
    assert np.isnan(agg.loc["kim", "ci_low"]) and np.isnan(agg.loc["kim", "ci_high"])
    assert "CI undefined" in agg.loc["kim", "note"]
    assert agg.loc["lee", "ci_low"] == agg.loc["lee", "ci_high"] == 0.0
    assert agg.loc["lee", "note"] == S.NOTE_NO_VARIATION


def test_aggregate_narration_and_per_article():
    st, se = _tables({"kim": [0.1, 0.2], "": [0.5, 0.7]})
    st.loc[st.speaker == "kim", "article_id"] = ["a1", "a2"]
    assert S.aggregate_by_actor(st, se)["speaker"].tolist() == ["kim"]
    with_n = S.aggregate_by_actor(st, se, include_narration=True)
    assert with_n["speaker"].tolist() == ["(narration)", "kim"]
    per = S.aggregate_by_article(st, se)
    assert per[["article_id", "speaker", "n"]].values.tolist() == [
        ["a1", "kim", 1],
        ["a2", "kim", 1],
    ]


def test_aggregate_rejects_unknown_statements():
    st, se = _tables({"kim": [0.1]})
    se.loc[len(se)] = {"statement_id": "nope", "method": "vader", "score": 0.0, "label": ""}
    with pytest.raises(ValueError, match="not in the statements table"):
        S.aggregate_by_actor(st, se)


def test_aggregate_rejects_repeated_rows():
    st, se = _tables({"kim": [0.1, 0.2]})
    with pytest.raises(ValueError, match="repeated"):
        S.aggregate_by_actor(st, pd.concat([se, se.head(1)]))
    with pytest.raises(ValueError, match="repeats statement id"):
        S.aggregate_by_actor(pd.concat([st, st.head(1)]), se)
    with pytest.raises(ValueError, match="repeated"):
        S.method_agreement(pd.concat([se, se.head(1)]))


def test_bootstrap_ci_contains_mean_and_narrows_with_n():
    rng = np.random.default_rng(0)
    small = rng.normal(0, 0.3, 15)
    large = rng.normal(0, 0.3, 400)
    lo_s, hi_s = S.bootstrap_ci(small, seed=1)
    lo_l, hi_l = S.bootstrap_ci(large, seed=1)
    assert lo_s <= small.mean() <= hi_s
    assert lo_l <= large.mean() <= hi_l
    assert hi_l - lo_l < hi_s - lo_s
    assert S.bootstrap_ci(small, seed=1) == (lo_s, hi_s)


def test_bootstrap_and_permutation_do_not_depend_on_row_order():
    # analyze streams rows in file order, run in article id order (acceptance test 14a)
    rng = np.random.default_rng(5)
    a, b = rng.normal(0.1, 0.3, 40), rng.normal(-0.1, 0.3, 30)
    shuffled = rng.permutation(a)
    assert S.bootstrap_ci(shuffled, seed=2, key="x") == S.bootstrap_ci(a, seed=2, key="x")
    r1 = S.permutation_test(a, b, seed=3, n_perm=500)
    r2 = S.permutation_test(shuffled, rng.permutation(b), seed=3, n_perm=500)
    assert r1.p_value == r2.p_value


def test_permutation_test_clearly_different_vs_identical():
    a = [0.6, 0.7, 0.8, 0.65, 0.75, 0.9, 0.7, 0.85, 0.6, 0.8]
    b = [-0.6, -0.7, -0.5, -0.65, -0.8, -0.9, -0.55, -0.7, -0.6, -0.75]
    r = S.permutation_test(a, b, seed=0, n_perm=2000)
    assert r.diff == pytest.approx(np.mean(a) - np.mean(b))
    # only 2 of the C(20, 10) = 184,756 splits reach the observed difference: p is tiny
    assert 1 / 2001 <= r.p_value < 0.005
    same = S.permutation_test(a, a, seed=0, n_perm=2000)
    assert same.diff == 0.0 and same.p_value == 1.0
    assert S.permutation_test(a, b, seed=5, n_perm=500) == S.permutation_test(
        a, b, seed=5, n_perm=500
    )
    with pytest.raises(ValueError):
        S.permutation_test([], b)


def test_permutation_test_overlapping_samples_not_significant():
    rng = np.random.default_rng(1)
    a, b = rng.normal(0, 0.3, 20), rng.normal(0, 0.3, 20)
    assert S.permutation_test(a, b, seed=0, n_perm=2000).p_value > 0.05


def test_holm():
    assert S.holm([0.01, 0.04, 0.03]) == [0.03, 0.06, 0.06]
    assert S.holm([0.5, float("nan")])[0] == 0.5


def test_compare_actors():
    st, se = _tables({"kim": [0.5, 0.6, 0.7] * 4, "lee": [-0.5, -0.6, -0.7] * 4, "ann": [0.1]})
    pairs = S.compare_actors(st, se, seed=0, n_perm=999)
    assert pairs[["speaker_a", "speaker_b"]].values.tolist() == [
        ["ann", "kim"], ["ann", "lee"], ["kim", "lee"],
    ]  # fmt: skip
    kl = pairs.iloc[2]
    assert kl["diff"] == pytest.approx(1.2)
    assert 1 / 1000 <= kl["p_value"] < 0.005
    assert kl["p_value"] <= kl["p_holm"] <= min(1.0, 3 * kl["p_value"]) + 1e-12
    assert kl["note"] == ""
    assert "too small" in pairs.iloc[0]["note"]


def test_published_tests_use_the_documented_permutation_count(monkeypatch):
    seen = []
    real = S.permutation_test

    def spy(a, b, seed=0, n_perm=S.PERMUTATION_N, key=""):
        seen.append((n_perm, seed))
        return real(a, b, seed=seed, n_perm=99, key=key)

    monkeypatch.setattr(S, "permutation_test", spy)
    st, se = _tables({"kim": [0.5, 0.6], "lee": [-0.5, -0.6], "ann": [0.1, 0.3]})
    S.compare_actors(st, se, seed=4)
    assert seen == [(S.PERMUTATION_N, 4)] * 3
    assert S.PERMUTATION_N == 10_000


@pytest.mark.parametrize("seed", [0, 7])
def test_permutation_tests_description(seed):
    d = S.permutation_tests_description(seed=seed)
    assert d["n_permutations"] == S.PERMUTATION_N and d["seed"] == seed
    assert (d["correction"], d["family"], d["p_value"]) == (
        "Holm",
        S.HOLM_FAMILY,
        S.PERMUTATION_P_VALUE,
    )
    sentence = d["sentence"]
    for part in ["two-sided permutation test", "10,000 random permutations", "(10,000 + 1)",
                 "Holm's method", "one sentiment method", "no correction across the methods",
                 f"seed {seed}", "bootstrap"]:  # fmt: skip
        assert part in sentence, part
    # the formula it states is the one permutation_test computes: of the 6 splits of
    # {1, 2, 3, 4} into two pairs, 2 reach |d| = 2, so p = (1 + hits) / (n_perm + 1) is near 1/3
    r = S.permutation_test([1.0, 2.0], [3.0, 4.0], seed=seed, n_perm=3000)
    assert r.p_value * 3001 == pytest.approx(round(r.p_value * 3001))  # (1 + hits) / 3001
    assert r.p_value == pytest.approx(1 / 3, abs=0.03)
    with pytest.raises(ValueError, match="seed"):
        S.permutation_tests_description(seed=-1)


def test_bootstrap_diff_ci_rules():
    a, b = [0.1, 0.4, 0.2, 0.5], [-0.3, 0.0, -0.1]
    lo, hi = S.bootstrap_diff_ci(a, b, seed=1, key="k")
    assert lo < np.mean(a) - np.mean(b) < hi
    assert S.bootstrap_diff_ci(a[::-1], b[::-1] + [np.nan], seed=1, key="k") == (lo, hi)
    assert S.bootstrap_diff_ci(a, b, seed=1, key="other") != (lo, hi)
    lo90, hi90 = S.bootstrap_diff_ci(a, b, seed=1, key="k", level=0.9)
    assert lo <= lo90 <= hi90 <= hi
    assert all(np.isnan(S.bootstrap_diff_ci(a, [0.2], seed=1)))
    with pytest.raises(ValueError, match="n_boot must be at least 100"):
        S.bootstrap_diff_ci(a, b, n_boot=10)
    with pytest.raises(ValueError, match="level"):
        S.bootstrap_diff_ci(a, b, level=1.0)


def test_aggregate_tone():
    t = pd.DataFrame({"actor": ["kim", "kim", "lee"], "method": ["vader"] * 3,
                      "score": [0.2, 0.4, -0.1]})  # fmt: skip
    agg = S.aggregate_tone(t)
    assert agg[["actor", "n"]].values.tolist() == [["kim", 2], ["lee", 1]]
    assert agg["mean"].iloc[0] == pytest.approx(0.3)


def test_caveat_mentions_the_key_facts():
    assert "0.49" in S.SENTIMENT_CAVEAT and "0.88" in S.SENTIMENT_CAVEAT
    assert "Hutto & Gilbert 2014" in S.SENTIMENT_CAVEAT
    # written for any corpus: no example from one domain (accept15b defect 14)
    assert "constructive dialogue" in S.SENTIMENT_CAVEAT
    for word in ("security", "diplomatic", "sanction", "Kremlin"):
        assert word not in S.SENTIMENT_CAVEAT, word


def test_invented_sentences_and_benchmark_table(scorers):
    texts = S.invented_sentences(30, seed=2)
    assert len(set(texts)) == 30 and texts == S.invented_sentences(30, seed=2)
    df = S.benchmark_methods(texts, scorers, repeat=1)
    assert df["method"].tolist() == [*scorers.methods, "all"]
    assert list(df.columns) == ["method", "n", "seconds", "statements_per_s", "ratio_vs_vader"]
    assert (df["n"] == 30).all()
    assert df.loc[df.method == "vader", "ratio_vs_vader"].iloc[0] == 1.0


# --- our TextBlob path and the per-article memo -------------------------------------------------

#: INVENTED sentences: negations, intensifiers, "!", emoticons, mixed case, empty text.
TEXTBLOB_TEXTS = [
    "The talks were good.",
    "The talks were not good.",
    "The talks were very good!",
    "The talks were very, very good!!!",
    "It was never a terrible idea.",
    "What a wonderful, extremely helpful call :)",
    "Sad day :( and an awful outcome.",
    "The offer is somewhat disappointing but not hopeless.",
    "AMAZING progress, truly AMAZING!",
    "I don't think the plan is bad at all.",
    "Neutral words about a meeting on Tuesday.",
    "",
]


@pytest.mark.parametrize("text", TEXTBLOB_TEXTS)
def test_textblob_path_equals_the_package(text, scorers):
    from textblob import TextBlob
    from textblob.en.sentiments import PatternAnalyzer

    ours = scorers.raw("textblob", text)
    assert ours == TextBlob(text).sentiment.polarity
    assert ours == PatternAnalyzer().analyze(text).polarity


def test_scores_in_is_score_text_and_keeps_one_article(scorers):
    texts = TEXTBLOB_TEXTS[:4]
    for text in texts:
        first = scorers.scores_in("memo_a", text)
        assert first == scorers.score_text(text)
        assert scorers.scores_in("memo_a", text) is first  # memoized within the article
    assert scorers._memo[0] == "memo_a" and set(scorers._memo[1]) == set(texts)
    other = scorers.scores_in("memo_b", texts[-1])
    assert other == first and other is not first
    assert scorers._memo[0] == "memo_b" and set(scorers._memo[1]) == {texts[-1]}


def test_statement_and_tone_scores_equal_unmemoized_scores(scorers):
    art = Article(
        "memo",
        "m.txt",
        "txt",
        "Critics slammed Kim. Kim said the deal was good.",
        None,
        None,
        None,
        (),
    )
    sens = [
        Sentence("memo", 0, "body", 0, 0, 20, "Critics slammed Kim."),
        Sentence("memo", 1, "body", 0, 21, 48, "Kim said the deal was good."),
    ]
    men = [
        Mention("memo", "kim", "name", 16, 19, "Kim", 0, False),
        Mention("memo", "kim", "name", 21, 24, "Kim", 1, False),
    ]
    sts = [stmt("memo:000", "narration", sens[0].text, article="memo")]
    fresh = S.load_scorers()
    rows = S.score_statements(sts, fresh) + S.score_toward_actors(art, sens, men, sts, fresh)
    assert len(rows) == 3 * len(fresh.methods)
    for row in rows:
        assert row.score == fresh._fns[row.method](row.text_scored)


def test_normalize_quotes_equals_translate_on_random_text():
    import random

    rng = random.Random(11)
    alphabet = [chr(k) for k in segment._QUOTE_TABLE] + list("ab '\"`.\n") + ["\u00e9", "\u2014"]
    texts = ["", "plain ascii", "a`b", "\u201cQuoted\u201d \u2014 it\u2019s"]
    texts += ["".join(rng.choices(alphabet, k=rng.randint(1, 60))) for _ in range(300)]
    for text in texts:
        assert S.normalize_quotes(text) == text.translate(segment._QUOTE_TABLE), repr(text)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_boot": 99}, "n_boot must be at least 100"),
        ({"n_boot": 0}, "n_boot must be at least 100"),
        ({"n_boot": 1000.0}, "n_boot must be an integer"),
        ({"n_boot": True}, "n_boot must be an integer"),
        ({"seed": -1}, "seed must be 0 or greater"),
        ({"seed": "7"}, "seed must be an integer"),
        ({"level": 1.0}, "level must be between 0 and 1"),
        ({"level": 0}, "level must be between 0 and 1"),
    ],
)
def test_bootstrap_ci_refuses_what_the_commands_refuse(kwargs, message):
    with pytest.raises(ValueError, match=message):
        S.bootstrap_ci([0.1, 0.2, 0.3], **kwargs)


def test_bootstrap_ci_accepts_numpy_integers_and_the_fewest_resamples():
    lo, hi = S.bootstrap_ci([0.1, 0.2, 0.3, 0.4], seed=np.int64(3), n_boot=np.int64(100))
    assert lo <= 0.25 <= hi


def test_aggregates_called_directly_refuse_too_few_resamples():
    st = pd.DataFrame(
        {"statement_id": ["s1", "s2"], "article_id": ["a", "a"], "speaker": ["X", "X"]}
    )
    se = pd.DataFrame(
        {"statement_id": ["s1", "s2"], "method": ["vader", "vader"], "score": [0.2, 0.4]}
    )
    with pytest.raises(ValueError, match="n_boot must be at least 100"):
        S.aggregate_by_actor(st, se, n_boot=10)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"n_perm": 0}, "n_perm must be greater than 0"), ({"seed": -2}, "seed must be 0 or greater")],
)
def test_permutation_test_refuses_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        S.permutation_test([0.1, 0.2], [0.3, 0.4], **kwargs)


# acceptance test 17b: a split quote's attribution between its quoted parts is the journalist's
# own words (INVENTED sentences); (sentence, expected journalist's words with the names masked)
SPLIT_QUOTE_TONE = [
    ("“We will not be humiliated,” Dusan said, “and we will never be bullied.”", "said,"),
    ("“We stay,” Dusan warned, “and we fight.”", "warned,"),
    ("“We stay,” Dusan said.", "said."),
]


def test_split_quote_joiner_is_the_attributions() -> None:
    from mediaframes import attribution

    assert S.SPLIT_QUOTE_JOINER == attribution.SPLIT_QUOTE_JOINER


@pytest.mark.parametrize(("text", "expected"), SPLIT_QUOTE_TONE)
def test_tone_of_a_split_quote_keeps_the_attribution_between_its_parts(
    scorers, text: str, expected: str
) -> None:
    from mediaframes import attribution, corpus, segment

    raw = f"INVENTED headline\n\nCORVEL — {text}\n"
    article = corpus.parse_plain_text(raw, "q", "q.txt")
    actors = attribution.actors_from_mapping(
        {"actors": {"dusan": {"name": "Karel Dusan", "gender": "male"}}}, "invented.yml"
    )
    sentences = segment.segment_article(article)
    statements, mentions = attribution.attribute(article, sentences, actors)
    (st,) = [s for s in statements if s.speaker == "dusan"]
    tone = S.score_toward_actors(article, sentences, mentions, statements, scorers)
    rows = [t for t in tone if t.actor == "dusan" and t.method == "vader"]
    assert [t.text_scored for t in rows] == [expected]
    assert st.quote_type == "direct"

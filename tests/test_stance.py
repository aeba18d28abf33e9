"""Statements whose content is a claim the speaker rejects: ``stance``, not scored, counted.

Every sentence below is INVENTED for these tests (fictional people and places).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from mediaframes import aggregates, sentiment
from mediaframes.records import Statement, fast_records, to_frame


def _statement(
    text: str, verb: str, content: str, quote_type: str = "indirect", n: int = 1, who: str = "k"
) -> Statement:
    """An INVENTED statement: ``content`` is its ``quote_text``, found in ``text``."""
    at = text.index(content)
    return Statement(
        "a", f"a:{n:03d}", who, "actor", "", "", "", quote_type, verb, "body", text, content,
        0, len(text), at, at + len(content), "test",
    )  # fmt: skip


# (text, reporting verb as written, quote_text, quote_type, expected stance); INVENTED
STANCE_CASES = [
    # a claim named between the verb and the clause, or heading the content
    (
        "Kroll rejected on Monday the mayor of Velmore's claim that neglect caused the shortage.",
        "rejected",
        "the mayor of Velmore's claim that neglect caused the shortage",
        "indirect",
        "rejects",
    ),
    (
        "Kroll rejected the mayor's claim that neglect caused the shortage.",
        "rejected",
        "neglect caused the shortage",
        "indirect",
        "rejects",
    ),
    (
        "Governor rejects blame for Velmore water shortage",
        "rejects",
        "blame for Velmore water shortage",
        "indirect",
        "rejects",
    ),
    (
        "Ostra denied reports that she had resigned.",
        "denied",
        "she had resigned",
        "indirect",
        "rejects",
    ),
    (
        "Ostra dismissed suggestions that the dam was failing.",
        "dismissed",
        "suggestions that the dam was failing",
        "indirect",
        "rejects",
    ),
    (
        "The minister rejected allegations of corruption in the tender.",
        "rejected",
        "allegations of corruption in the tender",
        "indirect",
        "rejects",
    ),
    (
        "The council flatly rejected calls for an inquiry.",
        "flatly rejected",
        "calls for an inquiry",
        "indirect",
        "rejects",
    ),
    ("Brandt dismissed the accusations.", "dismissed", "the accusations", "indirect", "rejects"),
    (
        "Kroll rejects Velmore demands on water fees",
        "rejects",
        "Velmore demands on water fees",
        "indirect",
        "rejects",
    ),
    (
        "Kroll rejects mayor's account of the talks",
        "rejects",
        "mayor's account of the talks",
        "indirect",
        "rejects",
    ),
    # a known limit: the whole content is left out, the speaker's own "saying …" with it
    (
        "Kroll rejected the mayor's account on Friday, saying it was accurate in part.",
        "rejected",
        "the mayor's account on Friday, saying it was accurate in part",
        "indirect",
        "rejects",
    ),
    (
        'Brandt dismissed claims that the plant was "a ruin".',
        "dismissed",
        'claims that the plant was "a ruin"',
        "mixed",
        "rejects",
    ),
    (
        "Kroll rejected that the province was to blame.",
        "rejected",
        "that the province was to blame",
        "indirect",
        "rejects",
    ),
    # deny, refute, dispute: the content is always what the speaker says is untrue
    ("Kroll denied that he had met her.", "denied", "he had met her", "indirect", "rejects"),
    ("Kroll has denied any wrongdoing.", "denied", "any wrongdoing", "indirect", "rejects"),
    ("The agency disputed the figures.", "disputed", "the figures", "indirect", "rejects"),
    (
        "Ostra refuted the idea that rates would rise.",
        "refuted",
        "the idea that rates would rise",
        "indirect",
        "rejects",
    ),
    # negatives: the speaker's own words, scored as theirs
    (
        "Kroll rejected the plan because it was late.",
        "rejected",
        "the plan because it was late",
        "indirect",
        "",
    ),
    (
        "Kroll rejected a plan to close the clinic.",
        "rejected",
        "a plan to close the clinic",
        "indirect",
        "",
    ),
    ("Ostra dismissed the report as biased.", "dismissed", "the report as biased", "indirect", ""),
    (
        "Brandt rejected the accusations as lies.",
        "rejected",
        "the accusations as lies",
        "indirect",
        "",
    ),
    (
        "Ostra welcomed reports that the reservoir was full.",
        "welcomed",
        "reports that the reservoir was full",
        "indirect",
        "",
    ),
    (
        "Ostra confirmed reports that she had resigned.",
        "confirmed",
        "she had resigned",
        "indirect",
        "",
    ),
    (
        "Kroll said the mayor's claim that neglect caused the shortage was false.",
        "said",
        "the mayor's claim that neglect caused the shortage was false",
        "indirect",
        "",
    ),
    (
        '"We never ignored the warnings," Kroll denied.',
        "denied",
        "We never ignored the warnings,",
        "direct",
        "",
    ),
    ("The pumps never failed, Kroll denied.", "denied", "The pumps never failed", "indirect", ""),
    ("Kroll denied that he had met her.", "denied", "he had met her", "narration", ""),
]


@pytest.mark.parametrize(
    ("text", "verb", "content", "quote_type", "expected"),
    STANCE_CASES,
    ids=[c[0][:40] for c in STANCE_CASES],
)
def test_statement_stance(text, verb, content, quote_type, expected) -> None:
    st = _statement(text, verb, content, quote_type)
    assert sentiment.statement_stance(st) == expected
    (marked,) = sentiment.with_stance([st])
    assert marked.stance == expected
    assert sentiment.is_scored(marked) is (expected != "rejects")


def test_reported_lead_needs_the_verb_before_the_content() -> None:
    st = _statement("Kroll rejected on Monday the claim that it failed.", "rejected",
                    "the claim that it failed")  # fmt: skip
    assert sentiment.reported_lead(st) == "on Monday the claim that it failed"
    assert (
        sentiment.reported_lead(_statement("It failed, Kroll denied.", "denied", "It failed"))
        is None
    )


def test_with_stance_keeps_other_statements_as_they_are() -> None:
    own = _statement("Kroll said the pumps were sound.", "said", "the pumps were sound")
    assert sentiment.with_stance([own])[0] is own


def _pair() -> list[Statement]:
    """Kroll's own (positive) words and the mayor's (negative) claim he rejects: INVENTED."""
    own = _statement("Kroll said the new pumps were excellent.", "said",
                     "the new pumps were excellent", n=1)  # fmt: skip
    rejected = _statement(
        "Kroll rejected the mayor's claim that criminal neglect had caused a terrible disaster.",
        "rejected", "the mayor's claim that criminal neglect had caused a terrible disaster", n=2,
    )  # fmt: skip
    return sentiment.with_stance([own, rejected])


def test_a_rejected_claim_is_not_scored() -> None:
    scores = sentiment.score_statements(_pair(), sentiment.load_scorers(["vader", "afinn"]))
    assert {s.statement_id for s in scores} == {"a:001"}
    # also when the statements come straight from attribution, stance not yet set
    raw = [
        Statement(**{**vars(s), "stance": ""}) if s.stance else s for s in _pair()
    ]  # fmt: skip
    assert {
        s.statement_id for s in sentiment.score_statements(raw, sentiment.load_scorers(["vader"]))
    } == {"a:001"}


def test_sentiment_by_actor_leaves_rejected_claims_out_and_counts_them() -> None:
    statements = _pair()
    st_df = to_frame(statements, Statement)
    assert st_df.columns[-1] == "stance" and st_df["stance"].tolist() == ["", "rejects"]
    scores = to_frame(sentiment.score_statements(statements, sentiment.load_scorers(["vader"])))
    table = sentiment.aggregate_by_actor(st_df, scores, n_boot=100)
    assert table.columns.tolist() == [
        "speaker", "method", "n", "n_rejected", "mean", "median", "ci_low", "ci_high", "note",
    ]  # fmt: skip
    assert table[["speaker", "n", "n_rejected"]].values.tolist() == [["k", 1, 1]]
    assert table["mean"].iloc[0] > 0  # Kroll's own words only; the old code averaged in the claim
    tests = sentiment.compare_actors(st_df, scores, n_perm=99)
    assert tests.empty or set(tests["n_a"]) <= {1}


def test_sentiment_by_actor_without_a_stance_column_counts_none() -> None:
    st = pd.DataFrame({"statement_id": ["a:1"], "article_id": ["a"], "speaker": ["k"]})
    se = pd.DataFrame({"statement_id": ["a:1"], "method": ["vader"], "score": [0.2]})
    assert sentiment.aggregate_by_actor(st, se)["n_rejected"].tolist() == [0]
    empty = sentiment.aggregate_by_actor(st.iloc[:0], se.iloc[:0])
    assert "n_rejected" in empty.columns and empty.empty


def test_write_aggregates_counts_rejected_claims_as_the_pandas_table(tmp_path: Path) -> None:
    statements = _pair()
    st_df = to_frame(statements, Statement)
    scores = to_frame(sentiment.score_statements(statements, sentiment.load_scorers(["vader"])))
    scores = scores.astype({"score": np.float64})
    pq.write_table(
        pa.Table.from_pandas(st_df, preserve_index=False), tmp_path / "statements.parquet"
    )
    pq.write_table(
        pa.Table.from_pandas(scores, preserve_index=False), tmp_path / "sentiment.parquet"
    )
    st = aggregates.Statements.read(tmp_path / "statements.parquet")
    assert st.rejected == {"k": 1}
    pandas_table = sentiment.aggregate_by_actor(st_df, scores, seed=0, n_boot=100)
    spool = aggregates.Spool(tmp_path / "spool")
    spool.folder.mkdir()
    methods, labels = aggregates._sentiment(tmp_path, st, spool)
    by_actor, _, _ = aggregates._sentiment_tables(st, spool, methods, labels, 0, 100)
    assert by_actor.to_csv(index=False) == pandas_table.to_csv(index=False)


def test_fast_records_fill_trailing_defaults() -> None:
    (fast,) = fast_records(
        Statement, [{k: v for k, v in vars(_pair()[0]).items() if k != "stance"}]
    )
    assert fast.stance == "" and fast == _pair()[0] and list(vars(fast))[-1] == "stance"


def test_the_coding_sample_leaves_out_unscored_rejected_claims() -> None:
    from mediaframes import validation

    st_df = to_frame(_pair(), Statement)
    sample = validation.export_coding_sample(st_df, n=10, seed=0)
    assert sample["statement_id"].tolist() == ["a:001"]


# acceptance test 17b: the verb that reports a rejected claim is no word choice of the
# journalist; (text, verb as written, quote_text, journalist's words scored for tone); INVENTED
TONE_VERB_CASES = [
    ("Kroll denied that he had met the envoy.", "denied", "he had met the envoy", "Kroll ."),
    (
        "Kroll flatly denied on Monday that he had met the envoy.",
        "denied",
        "he had met the envoy",
        "Kroll flatly .",
    ),
    ("Kroll rejected claims that the dam failed.", "rejected", "claims that the dam failed",
     "Kroll ."),
    ("Kroll denies wrongdoing", "denies", "wrongdoing", "Kroll"),
    ("Kroll denied wrongdoing, the court heard.", "denied", "wrongdoing",
     "Kroll , the court heard."),
    # not a rejected claim: the verb is the journalist's choice and stays
    ("Kroll warned that the dam would fail.", "warned", "the dam would fail",
     "Kroll warned that ."),
    ("Kroll rejected the plan because it was late.", "rejected",
     "the plan because it was late", "Kroll rejected ."),
    # the verb after the content: no rejected claim (statement_stance), the verb stays
    ("The dam had held, Kroll denied.", "denied", "The dam had held", ", Kroll denied."),
]  # fmt: skip


@pytest.mark.parametrize(("text", "verb", "content", "expected"), TONE_VERB_CASES)
def test_tone_leaves_out_the_verb_of_a_rejected_claim(
    text: str, verb: str, content: str, expected: str
) -> None:
    from mediaframes.records import Sentence

    st = sentiment.with_stance([_statement(text, verb, content)])
    sentence = Sentence("a", 0, "body", 0, 0, len(text), text)
    assert sentiment.journalist_text(sentence, st) == expected


def test_a_denial_alone_gives_no_negative_tone_toward_its_speaker() -> None:
    """'Kroll denied that …' said nothing about Kroll in the journalist's own words."""
    from mediaframes.records import Article, Mention, Sentence

    text = "Kroll denied that he had met the envoy. Critics slammed Kroll."
    art = Article("a", "a.txt", "txt", text, None, None, None, ())
    sentences = [Sentence("a", 0, "body", 0, 0, 39, text[:39]),
                 Sentence("a", 1, "body", 0, 40, len(text), text[40:])]  # fmt: skip
    mentions = [Mention("a", "kroll", "name", 0, 5, "Kroll", 0, False),
                Mention("a", "kroll", "name", 56, 61, "Kroll", 1, False)]  # fmt: skip
    st = sentiment.with_stance([_statement(text[:39], "denied", "he had met the envoy")])
    tone = sentiment.score_toward_actors(art, sentences, mentions, st, sentiment.load_scorers(
        ["vader"]))  # fmt: skip
    assert [(t.sentence_index, t.text_scored, t.label) for t in tone] == [
        (1, "Critics slammed .", "negative")
    ]

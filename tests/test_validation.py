# Tests for mediaframes.validation, on the INVENTED fixture in tests/fixtures/coding/.
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from mediaframes import cli
from mediaframes import sentiment as S
from mediaframes import validation as V
from mediaframes.records import SentimentScore, Statement, to_frame

FIX = Path(__file__).parent / "fixtures" / "coding"


@pytest.fixture(scope="module")
def statements_df() -> pd.DataFrame:
    return V.read_table(FIX / "statements.csv")


@pytest.fixture(scope="module")
def sentiment_df() -> pd.DataFrame:
    return V.read_table(FIX / "sentiment.csv")


def _records(df: pd.DataFrame) -> list[Statement]:
    return [
        Statement(r.article_id, r.statement_id, r.speaker, r.speaker_type, "", "", "",
                  r.quote_type, r.reporting_verb, "body", r.text, r.quote_text, 0, 0, 0, 0, "fx")
        for r in df.itertuples()
    ]  # fmt: skip


def test_fixture_sentiment_is_what_the_methods_give(statements_df, sentiment_df):
    scores = to_frame(S.score_statements(_records(statements_df), S.load_scorers()), SentimentScore)
    pd.testing.assert_frame_equal(
        scores[["statement_id", "method", "label", "text_scored"]],
        sentiment_df[["statement_id", "method", "label", "text_scored"]],
    )
    np.testing.assert_allclose(scores["score"], sentiment_df["score"], rtol=0, atol=1e-12)


def test_validate_coding_matches_hand_computed_numbers(sentiment_df):
    coded = V.read_coded_file(FIX / "coded.csv")
    res = V.validate_coding(coded, sentiment_df).set_index("method")
    assert list(res.index) == ["vader", "textblob", "afinn", "labmt"]
    assert (res["n"] == 10).all() and (res["n_uncoded"] == 1).all()
    # vader: 8 of 10 right (misses inv-a:02 "will not accept these threats" -> neutral, and
    # inv-b:05 "the ceasefire was holding" -> neutral). F1 positive 0.8 (P 1, R 2/3),
    # negative 6/7 (P 1, R 3/4), neutral 0.75 (P 3/5, R 1).
    assert res.loc["vader", "accuracy"] == pytest.approx(0.8)
    assert res.loc["vader", "macro_f1"] == pytest.approx((0.8 + 6 / 7 + 0.75) / 3)
    # textblob: 6 of 10; F1 positive 0.8, negative 0.4 (P 1, R 1/4), neutral 0.6 (P 3/7, R 1)
    assert res.loc["textblob", "accuracy"] == pytest.approx(0.6)
    assert res.loc["textblob", "macro_f1"] == pytest.approx(0.6)
    # afinn: 8 of 10 ("don't trust" read positive: no negation); F1 2/3, 6/7, 6/7
    assert res.loc["afinn", "accuracy"] == pytest.approx(0.8)
    assert res.loc["afinn", "macro_f1"] == pytest.approx(50 / 63)
    # Krippendorff's alpha (interval, labels as -1/0/1), worked out by hand (README.md)
    assert res.loc["vader", "krippendorff_alpha"] == pytest.approx(1 - 76 / 472)
    assert res.loc["textblob", "krippendorff_alpha"] == pytest.approx(0.62)
    assert res.loc["afinn", "krippendorff_alpha"] == pytest.approx(1 - 190 / 518)
    # labmt: 7 of 10 (topic words: "meet again in May" and "trust promises" read happy);
    # F1 positive 0.75 (P 3/5, R 1), negative 2/3 (P 1, R 1/2), neutral 2/3 (P 2/3, R 2/3)
    assert res.loc["labmt", "accuracy"] == pytest.approx(0.7)
    assert res.loc["labmt", "macro_f1"] == pytest.approx(25 / 36)
    assert res.loc["labmt", "krippendorff_alpha"] == pytest.approx(1 - 228 / 552)
    # Spearman against the coder's labels (no coder_score given)
    from scipy import stats

    gold = {"inv-a:01": 1, "inv-a:02": -1, "inv-a:03": 1, "inv-a:04": 0, "inv-a:05": -1,
            "inv-b:01": 0, "inv-b:02": -1, "inv-b:03": 0, "inv-b:04": -1,
            "inv-b:05": 1}  # fmt: skip
    v = sentiment_df[sentiment_df.method == "vader"].set_index("statement_id").loc[sorted(gold)]
    expected = stats.spearmanr(v["score"], [gold[k] for k in sorted(gold)]).statistic
    assert res.loc["vader", "spearman_r"] == pytest.approx(expected)


def test_spearman_uses_coder_scores_when_all_given(sentiment_df):
    coded = V.read_coded_file(FIX / "coded.csv")
    coded = coded[coded.coder_label != ""].copy()
    vader = sentiment_df[sentiment_df.method == "vader"].set_index("statement_id")["score"]
    coded["coder_score"] = [str(vader[s]) for s in coded["statement_id"]]
    res = V.validate_coding(coded, sentiment_df).set_index("method")
    assert res.loc["vader", "spearman_r"] == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([1, -1, 0], [1, 0, 0], 1 - (1 / 3) / (34 / 30)),
        ([1, 0, -1, 1], [1, 0, -1, 1], 1.0),
    ],
)
def test_krippendorff_alpha_by_hand(a, b, expected):
    assert V.krippendorff_alpha(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (["positive", "negative"], ["positive", "negative"], 1.0),
        (["positive", "negative"], ["positive", "positive"], (2 / 3 + 0) / 2),
        (["neutral"] * 3, ["neutral", "neutral", "positive"], (0.8 + 0) / 2),
    ],
)
def test_macro_f1(gold, pred, expected):
    assert V.macro_f1(gold, pred) == pytest.approx(expected)


# --- malformed coded files ----------------------------------------------------------------------


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "bad_coding.csv"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("statement_id,notes\ninv-a:01,x\n",
         r"bad_coding\.csv: missing column\(s\) \['coder_label'\]"),
        ("statement_id,coder_label\ninv-a:01,positive\ninv-a:02,angry\n",
         r"bad_coding\.csv: row 3: unknown coder_label 'angry'"),
        ("# comment\nstatement_id,coder_label\ninv-a:01,positive\nnope:9,neutral\n",
         r"bad_coding\.csv: row 4: unknown statement_id 'nope:9'"),
        ("statement_id,coder_label\ninv-a:01,positive\ninv-a:01,neutral\n",
         r"row 3: statement_id 'inv-a:01' repeats row 2"),
        ("statement_id,coder_label,coder_score\ninv-a:01,positive,very\n",
         r"row 2: coder_score 'very' is not a number"),
        ("statement_id,coder_label,coder_score\ninv-a:01,positive,3\n",
         r"row 2: coder_score 3.0 is outside -1..1"),
        ("statement_id,coder_label,coder_score\ninv-a:01,,0.5\n",
         r"row 2: coder_score given but coder_label is empty"),
        ("statement_id,coder_label\n,positive\n", r"row 2: empty statement_id"),
    ],
)  # fmt: skip
def test_malformed_coded_files(tmp_path, sentiment_df, content, message):
    coded = V.read_coded_file(_write(tmp_path, content))
    with pytest.raises(V.CodingFileError, match=message):
        V.validate_coding(coded, sentiment_df)


def test_unreadable_or_missing_coded_file(tmp_path):
    with pytest.raises(V.CodingFileError, match="no such file"):
        V.read_coded_file(tmp_path / "absent.csv")
    p = tmp_path / "broken.csv"
    p.write_text('statement_id,coder_label\n"inv-a:01,positive\n', encoding="utf-8")
    with pytest.raises(V.CodingFileError, match="broken.csv: not a readable CSV"):
        V.read_coded_file(p)


def test_coded_file_variants(tmp_path, sentiment_df):
    semi = tmp_path / "semi.csv"
    semi.write_text("\ufeffstatement_id;coder_label\ninv-a:01;positive\ninv-a:02;neutral\n",
                    encoding="utf-8")  # fmt: skip
    res = V.validate_coding(V.read_coded_file(semi), sentiment_df)
    assert (res["n"] == 2).all()
    latin = tmp_path / "latin.csv"
    latin.write_bytes("statement_id,coder_label,notes\ninv-a:01,positive,très\n".encode("cp1252"))
    with pytest.raises(V.CodingFileError, match="latin.csv: not UTF-8"):
        V.read_coded_file(latin)


def test_nothing_coded_yet(sentiment_df):
    coded = V.read_coded_file(FIX / "statements.csv").assign(coder_label="")
    res = V.validate_coding(coded, sentiment_df)
    assert (res["n"] == 0).all() and (res["n_uncoded"] == 11).all()
    assert res[["accuracy", "macro_f1", "spearman_r", "krippendorff_alpha"]].isna().all().all()


# --- export -------------------------------------------------------------------------------------


def _many_statements() -> pd.DataFrame:
    rows = []
    strata = [("kim", "direct", 30), ("kim", "indirect", 10), ("lee", "direct", 8),
              ("", "narration", 50), ("ann", "mixed", 2)]  # fmt: skip
    for speaker, qtype, count in strata:
        for i in range(count):
            rows.append({"statement_id": f"inv:{speaker or 'n'}-{qtype}-{i:03d}",
                         "article_id": f"inv{i % 3}", "speaker": speaker, "quote_type": qtype,
                         "text": f"Invented sentence {i}.",
                         "quote_text": f"quote {i}"})  # fmt: skip
    return pd.DataFrame(rows)


def test_export_stratified_deterministic_and_hidden():
    df = _many_statements()
    a = V.export_coding_sample(df, n=20, seed=4)
    b = V.export_coding_sample(df, n=20, seed=4)
    c = V.export_coding_sample(df, n=20, seed=5)
    pd.testing.assert_frame_equal(a, b)
    assert set(a["statement_id"]) != set(c["statement_id"])
    assert list(a.columns) == list(V.CODING_COLUMNS)
    assert len(a) == 20 and a["statement_id"].is_unique
    assert (a[["coder_label", "coder_score", "notes"]] == "").all().all()
    assert not {"score", "label", "method"} & set(a.columns)
    # every stratum is represented, roughly in proportion (largest remainder)
    merged = a.merge(df[["statement_id", "quote_type"]], on="statement_id")
    counts = merged.groupby(["speaker", "quote_type"]).size().to_dict()
    # 1 each, then 15 in proportion to 49/1/29/9/7 of 95: floors 7/0/4/1/1, remainders to
    # narration (.74) and kim-direct (.58)
    assert counts == {("", "narration"): 9, ("ann", "mixed"): 1, ("kim", "direct"): 6,
                      ("kim", "indirect"): 2, ("lee", "direct"): 2}  # fmt: skip


@pytest.mark.parametrize(
    ("sizes", "n", "expected"),
    [
        ({("a",): 10, ("b",): 10}, 4, {("a",): 2, ("b",): 2}),
        ({("a",): 90, ("b",): 10}, 10, {("a",): 9, ("b",): 1}),
        ({("a",): 98, ("b",): 1, ("c",): 1}, 10, {("a",): 8, ("b",): 1, ("c",): 1}),
        ({("a",): 3, ("b",): 2}, 50, {("a",): 3, ("b",): 2}),
        ({("a",): 5, ("b",): 5, ("c",): 5}, 2, {("a",): 1, ("b",): 1, ("c",): 0}),
    ],
)
def test_allocate(sizes, n, expected):
    assert V._allocate(sizes, n) == expected


def test_export_errors():
    df = _many_statements().drop(columns="quote_text")
    with pytest.raises(V.CodingFileError, match="quote_text"):
        V.export_coding_sample(df, n=5)
    dup = pd.concat([_many_statements().head(2)] * 2)
    with pytest.raises(V.CodingFileError, match="repeats"):
        V.export_coding_sample(dup, n=1)


# --- end to end through the CLI -----------------------------------------------------------------


def test_cli_export_code_score_end_to_end(tmp_path, statements_df, sentiment_df, capsys):
    coding = tmp_path / "coding.csv"
    rc = cli.main(["validate", "export", "--statements", str(FIX / "statements.csv"),
                   "--out", str(coding), "--n", "6", "--seed", "2"])  # fmt: skip
    assert rc == 0
    sample = V.read_coded_file(coding)
    assert len(sample) == 6
    # a "coder" copies the hand labels of the fixture into the exported file
    hand = V.read_coded_file(FIX / "coded.csv").set_index("statement_id")["coder_label"]
    sample["coder_label"] = [hand.get(s, "") for s in sample["statement_id"]]
    sample.drop(columns="_line").to_csv(coding, index=False)
    out = tmp_path / "val"
    rc = cli.main(["validate", "score", "--coded", str(coding),
                   "--sentiment", str(FIX / "sentiment.csv"), "--out", str(out)])  # fmt: skip
    assert rc == 0
    table = pd.read_csv(out / "validation.csv")
    assert list(table.columns) == list(V.VALIDATION_COLUMNS)
    coded_n = int((sample["coder_label"] != "").sum())
    assert (table["n"] == coded_n).all()
    assert "accuracy" in capsys.readouterr().out


def test_cli_score_reports_bad_file(tmp_path, capsys):
    bad = _write(tmp_path, "statement_id,coder_label\nnope,positive\n")
    rc = cli.main(["validate", "score", "--coded", str(bad),
                   "--sentiment", str(FIX / "sentiment.csv")])  # fmt: skip
    assert rc == 1
    assert "bad_coding.csv: row 2: unknown statement_id 'nope'" in capsys.readouterr().err

# Tests for mediaframes.validation, on the INVENTED fixture in tests/fixtures/coding/.
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from mediaframes import cli, framing
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
    # Krippendorff's alpha (interval, labels as -1/0/1), worked out by hand (fixture README.md)
    assert res.loc["vader", "krippendorff_alpha_interval"] == pytest.approx(1 - 76 / 472)
    assert res.loc["textblob", "krippendorff_alpha_interval"] == pytest.approx(0.62)
    assert res.loc["afinn", "krippendorff_alpha_interval"] == pytest.approx(1 - 190 / 518)
    # Nominal alpha by hand (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability",
    # A): n = 20 pairable values, D_o = 2 * disagreeing items / 20, D_e = (n^2 - sum n_c^2) /
    # (n (n - 1)), so alpha = 1 - 19 * 2 * disagreeing / (400 - sum n_c^2).
    # vader: 2 disagree; labels pos 5, neg 7, neu 8 -> 1 - 76 / 262
    assert res.loc["vader", "krippendorff_alpha_nominal"] == pytest.approx(1 - 76 / 262)
    # textblob: 4 disagree; pos 5, neg 5, neu 10 -> 1 - 152 / 250
    assert res.loc["textblob", "krippendorff_alpha_nominal"] == pytest.approx(1 - 152 / 250)
    # afinn: 2 disagree; pos 6, neg 7, neu 7 -> 1 - 76 / 266
    assert res.loc["afinn", "krippendorff_alpha_nominal"] == pytest.approx(1 - 76 / 266)
    # labmt: 3 disagree; pos 8, neg 6, neu 6 -> 1 - 114 / 264
    assert res.loc["labmt", "krippendorff_alpha_nominal"] == pytest.approx(1 - 114 / 264)
    # labmt: 7 of 10 (topic words: "meet again in May" and "trust promises" read happy);
    # F1 positive 0.75 (P 3/5, R 1), negative 2/3 (P 1, R 1/2), neutral 2/3 (P 2/3, R 2/3)
    assert res.loc["labmt", "accuracy"] == pytest.approx(0.7)
    assert res.loc["labmt", "macro_f1"] == pytest.approx(25 / 36)
    assert res.loc["labmt", "krippendorff_alpha_interval"] == pytest.approx(1 - 228 / 552)
    # Spearman against the coder's labels (no coder_score given)
    from scipy import stats

    gold = {"inv-a:01": 1, "inv-a:02": -1, "inv-a:03": 1, "inv-a:04": 0, "inv-a:05": -1,
            "inv-b:01": 0, "inv-b:02": -1, "inv-b:03": 0, "inv-b:04": -1,
            "inv-b:05": 1}  # fmt: skip
    v = sentiment_df[sentiment_df.method == "vader"].set_index("statement_id").loc[sorted(gold)]
    expected = stats.spearmanr(v["score"], [gold[k] for k in sorted(gold)]).statistic
    assert res.loc["vader", "spearman_r"] == pytest.approx(expected)
    assert (res["spearman_on"] == "label").all()


def test_spearman_uses_coder_scores_when_all_given(sentiment_df):
    coded = V.read_coded_file(FIX / "coded.csv")
    coded = coded[coded.coder_label != ""].copy()
    vader = sentiment_df[sentiment_df.method == "vader"].set_index("statement_id")["score"]
    coded["coder_score"] = [str(vader[s]) for s in coded["statement_id"]]
    # labels of the same sign as the scores (a sign conflict is an error, tested below)
    coded["coder_label"] = [
        "positive" if vader[s] > 0 else "negative" if vader[s] < 0 else "neutral"
        for s in coded["statement_id"]
    ]
    res = V.validate_coding(coded, sentiment_df).set_index("method")
    assert res.loc["vader", "spearman_r"] == pytest.approx(1.0)
    assert (res["spearman_on"] == "score").all()
    # one row without a score: every method falls back to the labels, and says so
    coded.loc[coded.index[0], "coder_score"] = ""
    res = V.validate_coding(coded, sentiment_df).set_index("method")
    assert res.loc["vader", "spearman_r"] < 1.0
    assert (res["spearman_on"] == "label").all()


# Expected values by hand from Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
# sections A (nominal) and C (interval): alpha = 1 - D_o / D_e over the n pairable values, with
# D_o = sum over items of the distance of the two values, both orders, / n, and
# D_e = sum over all ordered pairs of values (c != k) of n_c n_k distance(c, k) / (n (n - 1));
# nominal distance 1 for any difference, interval distance (c - k)^2.
@pytest.mark.parametrize(
    ("a", "b", "level", "expected"),
    [
        # n = 6, values 1:2, 0:3, -1:1; one item disagrees (-1 vs 0), D_o = 2 * 1 / 6 = 1/3.
        # nominal D_e = (36 - 4 - 9 - 1) / 30 = 22/30; interval D_e = (2*3*1 + 2*1*4 + 3*1*1) * 2
        # / 30 = 34/30
        ([1, -1, 0], [1, 0, 0], "nominal", 1 - (1 / 3) / (22 / 30)),
        ([1, -1, 0], [1, 0, 0], "interval", 1 - (1 / 3) / (34 / 30)),
        # n = 8, values -1:1, 0:3, 1:4; items (-1, 1) and (1, 0) disagree.
        # nominal: D_o = 4/8, D_e = (64 - 1 - 9 - 16) / 56 = 38/56 -> 5/19.
        # interval: D_o = (2*4 + 2*1) / 8 = 10/8, D_e = (1*3*1 + 1*4*4 + 3*4*1) * 2 / 56 = 62/56
        # -> -4/31: one positive-vs-negative item weighs more than all the rest agree
        ([-1, 0, 1, 1], [1, 0, 1, 0], "nominal", 5 / 19),
        ([-1, 0, 1, 1], [1, 0, 1, 0], "interval", -4 / 31),
        # 0/1 values: n = 8, values 1:3, 0:5, one item disagrees; D_o = 2/8,
        # D_e = 2*3*5 / 56 at both levels -> 8/15 (levels coincide, as in frame_validation.csv)
        ([1, 1, 0, 0], [1, 0, 0, 0], "nominal", 8 / 15),
        ([1, 1, 0, 0], [1, 0, 0, 0], "interval", 8 / 15),
        ([1, 0, -1, 1], [1, 0, -1, 1], "nominal", 1.0),
        ([1, 0, -1, 1], [1, 0, -1, 1], "interval", 1.0),
    ],
)
def test_krippendorff_alpha_by_hand(a, b, level, expected):
    assert V.krippendorff_alpha(a, b, level) == pytest.approx(expected)


def test_krippendorff_alpha_rejects_an_unknown_level():
    with pytest.raises(ValueError, match="level 'ordinal'"):
        V.krippendorff_alpha([1, 0], [1, 1], "ordinal")


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
        ("statement_id,coder_label,coder_score\ninv-a:01,positive,0.5\ninv-a:02,negative,0.2\n",
         r"bad_coding\.csv: row 3: coder_label 'negative' contradicts coder_score 0\.2"),
        ("# note\nstatement_id,coder_label,coder_score\ninv-a:01,Positive,-0.7\n",
         r"bad_coding\.csv: row 3: coder_label 'positive' contradicts coder_score -0\.7"),
        ("statement_id,coder_label\ninv-a:01,\ninv-a:02, \n",
         r"bad_coding\.csv: no row has a coder_label \(2 row\(s\)\)"),
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


@pytest.mark.parametrize(
    ("header", "expected"),
    [("statement_id,coder_label", ","), ("statement_id;coder_label;notes", ";"),
     ("statement_id", ","), ('"statement_id";"coder_label"', ";"),
     ("statement_id;coder_label,coder_score;notes", ";"), ("a,b;c,d", ",")],
)  # fmt: skip
def test_header_delimiter(header, expected):
    assert V.header_delimiter(header) == expected


def _semicolon_variants(tmp_path: Path) -> dict[str, Path]:
    """The INVENTED fixture coded.csv as a spreadsheet in a ';' locale writes it, in row orders
    where the first data row holds fewer commas than later ones (which a comma-first parse
    rejects), with a BOM and CRLF line ends, and with the comment line kept."""
    coded = V.read_coded_file(FIX / "coded.csv").drop(columns="_line")
    commas = coded.apply(lambda r: sum(str(v).count(",") for v in r), axis=1)
    fewest_first = coded.iloc[np.argsort(commas.to_numpy(), kind="stable")]
    assert commas.min() < commas.max()  # the fixture has rows with more commas than others
    out = {}
    for name, df, bom, eol, comment in [
        ("sorted", fewest_first, "", "\n", ""),
        ("excel", fewest_first, "\ufeff", "\r\n", ""),
        ("comment", fewest_first.iloc[::-1], "\ufeff", "\r\n", "# INVENTED; a note, here\r\n"),
        ("as_exported", coded, "", "\n", ""),
    ]:
        p = tmp_path / f"semicolon_{name}.csv"
        body = df.to_csv(index=False, sep=";", lineterminator=eol)
        p.write_bytes((bom + comment + body).encode("utf-8"))
        out[name] = p
    return out


@pytest.mark.parametrize("variant", ["sorted", "excel", "comment", "as_exported"])
def test_semicolon_files_read_whatever_the_row_order(tmp_path, sentiment_df, variant):
    path = _semicolon_variants(tmp_path)[variant]
    semi = V.read_coded_file(path)
    comma = V.read_coded_file(FIX / "coded.csv")
    key = ["statement_id", "coder_label", "coder_score", "notes", "text"]
    pd.testing.assert_frame_equal(
        semi[key].sort_values("statement_id").reset_index(drop=True),
        comma[key].sort_values("statement_id").reset_index(drop=True),
    )
    pd.testing.assert_frame_equal(
        V.validate_coding(semi, sentiment_df), V.validate_coding(comma, sentiment_df)
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("statement_id;coder_label\ninv-a:01;positive\ninv-a:02;neutral;x;y\n",
         "bad_coding.csv: not a readable CSV file with ';' as separator (read from the header "
         "line): Error tokenizing data. C error: Expected 2 fields in line 3, saw 4"),
        ("# note\nstatement_id,coder_label\n\"inv-a:01,positive\n",
         "bad_coding.csv: not a readable CSV file with ',' as separator"),
    ],
)  # fmt: skip
def test_unreadable_csv_names_file_and_separator(tmp_path, content, message):
    with pytest.raises(V.CodingFileError) as err:
        V.read_coded_file(_write(tmp_path, content))
    path = tmp_path / "bad_coding.csv"
    assert str(err.value).startswith(f"{tmp_path}/{message}") and str(path) in str(err.value)
    assert "\n" not in str(err.value)


def test_unreadable_table_message_has_no_stray_newline(tmp_path):
    p = tmp_path / "sentiment.csv"
    p.write_text("statement_id,method\na,vader\nb,vader,x,y\n", encoding="utf-8")
    with pytest.raises(V.CodingFileError, match="sentiment.csv: cannot read table") as err:
        V.read_table(p)
    assert "\n" not in str(err.value) and str(err.value).endswith(")")


@pytest.mark.parametrize(
    ("label", "score"),
    [("neutral", "0.6"), ("neutral", "-0.6"), ("negative", "0"), ("positive", "0.0"),
     ("negative", "-0.2"), ("positive", "1")],
)  # fmt: skip
def test_scores_that_agree_with_the_label_are_accepted(tmp_path, sentiment_df, label, score):
    coded = V.read_coded_file(
        _write(tmp_path, f"statement_id,coder_label,coder_score\ninv-a:01,{label},{score}\n")
    )
    assert (V.validate_coding(coded, sentiment_df)["n"] == 1).all()


def test_nothing_coded_yet(sentiment_df):
    coded = V.read_coded_file(FIX / "statements.csv").assign(coder_label="")
    with pytest.raises(V.CodingFileError, match=r"statements\.csv: no row has a coder_label"):
        V.validate_coding(coded, sentiment_df)


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


def test_export_records_the_design():
    df = _many_statements()
    sample = V.export_coding_sample(df, n=20, seed=4)
    sizes = df.groupby(["speaker", "quote_type"]).size()
    for row in sample.itertuples():
        speaker, qtype = row.stratum.split(V.STRATUM_SEP)
        assert row.stratum_size == sizes[(speaker, qtype)], row
    # every stratum is drawn (n >= strata), so the weights N_h / n_h add up to the corpus
    drawn = sample.groupby("stratum")["stratum_size"].agg(["size", "first"])
    assert len(drawn) == len(sizes) and drawn["first"].sum() == len(df)
    assert (sample.groupby("stratum")["stratum_size"].nunique() == 1).all()


@pytest.mark.parametrize(
    ("correct", "strata", "sizes", "expected"),
    [
        ([True, False, True, True], ["big", "big", "small", "small"], {"big": 90, "small": 10},
         0.55),  # unweighted 0.75: the small stratum is over-represented
        ([True, True], ["a", "a"], {"a": 5}, 1.0),
        ([False, True, True], ["a", "b", "b"], {"a": 1, "b": 3}, 0.75),
        ([], [], {}, float("nan")),
    ],
)  # fmt: skip
def test_weighted_accuracy_by_hand(correct, strata, sizes, expected):
    got = V.weighted_accuracy(correct, strata, sizes)
    assert got == pytest.approx(expected, nan_ok=True)


def _design_population() -> tuple[pd.DataFrame, pd.DataFrame, float]:
    """INVENTED population: one big stratum (120 statements by kim, 96 read right by the
    method) and 15 small strata of 2 statements each (speakers s00..s14, all read wrong)."""
    rows, sent = [], []
    strata = [("kim", 120, 96)] + [(f"s{i:02d}", 2, 0) for i in range(15)]
    for speaker, size, right in strata:
        for i in range(size):
            sid = f"inv-{speaker}:{i:03d}"
            rows.append(
                {
                    "statement_id": sid,
                    "article_id": "inv",
                    "speaker": speaker,
                    "quote_type": "direct",
                    "text": f"Invented {i}.",
                    "quote_text": "",
                }
            )
            sent.append({"statement_id": sid, "method": "vader", "score": 0.5,
                         "label": "positive" if i < right else "negative"})  # fmt: skip
    truth = 96 / 150
    return pd.DataFrame(rows), pd.DataFrame(sent), truth


def test_weighted_accuracy_estimates_the_corpus_where_the_plain_one_does_not():
    statements, sentiment, truth = _design_population()
    plain, weighted = [], []
    for seed in range(60):
        sample = V.export_coding_sample(statements, n=30, seed=seed)
        sample["coder_label"] = "positive"  # the coder's label; the method is right on 96 of kim's
        row = V.validate_coding(sample, sentiment).iloc[0]
        plain.append(row["accuracy"])
        weighted.append(row["accuracy_weighted"])
    # 15 of the 30 draws are the small strata (one each): the plain accuracy is about half the
    # big stratum's 0.8 = 0.4, far from the corpus's 0.64; the weighted one is unbiased
    assert np.mean(weighted) == pytest.approx(truth, abs=0.02)
    assert np.mean(plain) < truth - 0.15


def test_accuracy_weighted_is_nan_without_the_design_columns(sentiment_df):
    coded = V.read_coded_file(FIX / "coded.csv")
    assert "stratum_size" not in coded.columns
    table = V.validate_coding(coded, sentiment_df)
    assert table["accuracy_weighted"].isna().all() and table["accuracy"].notna().all()
    emptied = V.validate_coding(coded.assign(stratum="", stratum_size=""), sentiment_df)
    pd.testing.assert_frame_equal(emptied, table)
    # a spreadsheet's 3.0 is the whole number 3
    one_stratum = coded.assign(stratum="all", stratum_size=f"{len(coded)}.0")
    weighted = V.validate_coding(one_stratum, sentiment_df)
    assert weighted["accuracy_weighted"].tolist() == pytest.approx(weighted["accuracy"].tolist())


@pytest.mark.parametrize(
    ("sizes", "message"),
    [
        (["3", "x"], "row 3: stratum_size 'x' is not a whole number of at least 1"),
        (["3", "0"], "row 3: stratum_size '0' is not a whole number"),
        (["3", "2.5"], "row 3: stratum_size '2.5' is not a whole number"),
        (["3", ""], "row 3: stratum_size '' is not a whole number"),
        (["3", "4"], "row 3: stratum_size 4 of stratum 'kim / direct' differs from 3 in row 2"),
        (["1", "1"], "row 3: stratum 'kim / direct' has more rows than its stratum_size 1"),
    ],
)
def test_bad_design_columns(tmp_path, sentiment_df, sizes, message):
    text = "statement_id,coder_label,stratum,stratum_size\n" + "".join(
        f"inv-a:0{i + 1},positive,kim / direct,{size}\n" for i, size in enumerate(sizes)
    )
    coded = V.read_coded_file(_write(tmp_path, text))
    with pytest.raises(V.CodingFileError, match=re.escape(f"bad_coding.csv: {message}")):
        V.validate_coding(coded, sentiment_df)


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


# --- coded text against the run's text (ids are positions) ---------------------------------------


def _coded_edit(column: str, sid: str, value: str) -> pd.DataFrame:
    coded = V.read_coded_file(FIX / "coded.csv")
    coded.loc[coded["statement_id"] == sid, column] = value
    return coded


@pytest.mark.parametrize(
    ("column", "sid", "value", "stale"),
    [
        # INVENTED edits of the INVENTED fixture
        ("quote_text", "inv-a:02", "We welcome these talks,", ["inv-a:02"]),
        ("text", "inv-a:04", "The meeting was cancelled.", ["inv-a:04"]),
        ("text", "inv-a:04", "  The meeting\n lasted   three hours. ", []),  # rewrapped
        ("quote_text", "inv-b:04", "We don't trust  promises,", []),  # ASCII apostrophe
        ("quote_text", "inv-a:02", "", []),  # empty quote_text: text is scored, and matches
        ("text", "inv-a:02", "Kim left.", []),  # quote_text is what was scored
    ],
    ids=["quote-changed", "narration-changed", "whitespace", "quotes", "blank-quote", "context"],
)
def test_validate_coding_rejects_coded_text_that_differs_from_the_run(
    sentiment_df, column, sid, value, stale
):
    coded = _coded_edit(column, sid, value)
    if column == "quote_text" and not value:
        coded.loc[coded["statement_id"] == sid, "text"] = "We will not accept these threats,"
    assert V.stale_rows(coded, dict(zip(sentiment_df["statement_id"],
                        sentiment_df["text_scored"], strict=True)), "scored") == stale  # fmt: skip
    if stale:
        pattern = rf"coded\.csv: the text of 1 statement id\(s\) differs .*{re.escape(sid)}: coded"
        with pytest.raises(V.CodingFileError, match=pattern):
            V.validate_coding(coded, sentiment_df)
    else:
        assert (V.validate_coding(coded, sentiment_df)["n"] > 0).all()


def test_shifted_ids_are_rejected_and_counted(sentiment_df):
    """A sentence inserted at the top of inv-a shifts its ids: every inv-a row is stale."""
    coded = V.read_coded_file(FIX / "coded.csv")
    inv_a = coded["statement_id"].str.startswith("inv-a:")
    shifted = coded[inv_a].copy()
    shifted["statement_id"] = [f"inv-a:{int(s[-2:]) + 1:02d}" for s in shifted["statement_id"]]
    shifted = shifted[shifted["statement_id"].isin(set(sentiment_df["statement_id"]))]
    n = len(shifted)
    assert n == 4
    with pytest.raises(V.CodingFileError, match=rf"the text of {n} statement id\(s\) differs.*"
                       r"\(and 1 more\)"):  # fmt: skip
        V.validate_coding(shifted, sentiment_df, source="old.csv")


def test_without_quote_text_column_the_scored_text_must_be_within_text(sentiment_df):
    coded = V.read_coded_file(FIX / "coded.csv").drop(columns="quote_text")
    assert V.stale_rows(coded, dict(zip(sentiment_df["statement_id"],
                        sentiment_df["text_scored"], strict=True)), "scored") == []  # fmt: skip
    coded.loc[coded["statement_id"] == "inv-a:01", "text"] = "Kim said nothing."
    with pytest.raises(V.CodingFileError, match="inv-a:01: coded 'Kim said nothing.'"):
        V.validate_coding(coded, sentiment_df)


def test_coded_file_without_text_is_matched_by_id_only(sentiment_df):
    coded = V.read_coded_file(FIX / "coded.csv").drop(columns=["text", "quote_text"])
    assert (V.validate_coding(coded, sentiment_df)["n"] == 10).all()


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
    assert table["accuracy_weighted"].notna().all()  # the export recorded the design
    assert "accuracy" in capsys.readouterr().out


def test_cli_score_reports_bad_file(tmp_path, capsys):
    bad = _write(tmp_path, "statement_id,coder_label\nnope,positive\n")
    rc = cli.main(["validate", "score", "--coded", str(bad),
                   "--sentiment", str(FIX / "sentiment.csv")])  # fmt: skip
    assert rc == 1
    assert "bad_coding.csv: row 2: unknown statement_id 'nope'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["score", "--coded", str(FIX / "coded.csv"), "--sentiment", str(FIX / "statements.csv")],
         "statements.csv: sentiment table lacks column(s) ['method', 'score', 'label']"),
        (["export", "--statements", str(FIX / "sentiment.csv"), "--out", "OUT"],
         "sentiment.csv: statements table lacks column(s) ['article_id', 'speaker', 'text'"),
        (["export-frames", "--statements", str(FIX / "sentiment.csv"), "--out", "OUT"],
         "sentiment.csv: statements table lacks column(s) ['article_id', 'speaker', 'text'"),
        (["score-frames", "--coded", str(FIX / "coded.csv"), "--frames",
          str(FIX / "statements.csv"), "--statements", str(FIX / "statements.csv")],
         "statements.csv: frames table lacks column(s) ['codebook', 'frame', 'rule']"),
        (["score-frames", "--coded", str(FIX / "coded.csv"), "--frames",
          str(FIX / "sentiment.csv"), "--statements", str(FIX / "sentiment.csv")],
         "sentiment.csv: frames table lacks column(s)"),
    ],
)  # fmt: skip
def test_cli_wrong_table_error_names_the_file(tmp_path, capsys, argv, message):
    out = tmp_path / "out.csv"
    rc = cli.main(["validate", *[str(out) if a == "OUT" else a for a in argv]])
    assert rc == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_cli_nothing_coded_is_an_error_and_writes_nothing(tmp_path, capsys):
    coded = _write(tmp_path, "statement_id,coder_label,coder_score\ninv-a:01,,\ninv-a:02,,\n")
    out = tmp_path / "val"
    rc = cli.main(["validate", "score", "--coded", str(coded),
                   "--sentiment", str(FIX / "sentiment.csv"), "--out", str(out)])  # fmt: skip
    assert rc == 1
    assert "bad_coding.csv: no row has a coder_label (2 row(s))" in capsys.readouterr().err
    assert not (out / "validation.csv").exists()


def test_cli_warns_per_method_that_scored_no_coded_statement(tmp_path, sentiment_df, capsys):
    # labmt kept only for the uncoded statement inv-b:06: it scored none of the coded ones
    partial = sentiment_df[(sentiment_df.method != "labmt") | (sentiment_df.statement_id
                                                               == "inv-b:06")]  # fmt: skip
    sent = tmp_path / "sentiment.csv"
    partial.to_csv(sent, index=False)
    out = tmp_path / "val"
    rc = cli.main(["validate", "score", "--coded", str(FIX / "coded.csv"),
                   "--sentiment", str(sent), "--out", str(out)])  # fmt: skip
    assert rc == 0
    err = capsys.readouterr().err
    assert "warning: mediaframes validate:" in err and "method 'labmt' scored none" in err
    assert "'vader'" not in err
    table = pd.read_csv(out / "validation.csv").set_index("method")
    assert table.loc["labmt", "n"] == 0 and (table.drop(index="labmt")["n"] == 10).all()


@pytest.mark.parametrize("command", ["export", "export-frames", "score", "score-frames"])
def test_cli_unwritable_output_is_a_one_line_error(tmp_path, capsys, command):
    """``--out`` below a file: exit 1 and a message naming the path and the reason."""
    statements, frames = _frame_run()
    frames_csv = tmp_path / "frames.csv"
    frames.to_csv(frames_csv, index=False)
    frame_coding = _write(tmp_path, "statement_id,coder_frames\ninv-a:01,none\n")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder\n", encoding="utf-8")
    out = blocker / "sub" / ("coding.csv" if command.startswith("export") else "val")
    argv = {
        "export": ["--statements", str(FIX / "statements.csv")],
        "export-frames": ["--statements", str(FIX / "statements.csv")],
        "score": ["--coded", str(FIX / "coded.csv"), "--sentiment", str(FIX / "sentiment.csv")],
        "score-frames": ["--coded", str(frame_coding), "--frames", str(frames_csv),
                         "--statements", str(FIX / "statements.csv")],
    }[command]  # fmt: skip
    rc = cli.main(["validate", command, *argv, "--out", str(out)])
    err = capsys.readouterr().err
    assert rc == 1
    assert f"error: mediaframes validate: cannot write {out}" in err
    assert f"{blocker} is a file, not a folder" in err and "Traceback" not in err
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder\n"


def test_write_output_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = V.write_output(tmp_path / "coding.csv", "old\n")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", fail)  # (the last step of ``paths.write_atomic``)
    with pytest.raises(V.OutputFileError, match="cannot write .*coding.csv: No space left"):
        V.write_output(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["coding.csv"]


@pytest.mark.parametrize("command", ["export", "export-frames"])
@pytest.mark.parametrize("n", ["0", "-3", "two"])
def test_cli_export_rejects_a_sample_size_below_one(tmp_path, capsys, command, n):
    out = tmp_path / "coding.csv"
    with pytest.raises(SystemExit) as exc:
        cli.main(["validate", command, "--statements", str(FIX / "statements.csv"),
                  "--out", str(out), "--n", n])  # fmt: skip
    assert exc.value.code == 2
    assert "--n" in capsys.readouterr().err
    assert not out.exists()


def test_export_sample_size_below_one():
    with pytest.raises(ValueError, match="n must be >= 1, not 0"):
        V.export_coding_sample(_many_statements(), n=0)


# --- frames -----------------------------------------------------------------------------------

CODEBOOK = framing.load_codebook("conflict_diplomacy")
FRAME_IDS = CODEBOOK.frame_ids


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("economic", {"economic"}),
        ("Economic; DIPLOMACY", {"economic", "diplomacy"}),
        ("economic,security;", {"economic", "security"}),
        (" none ", set()),
        ("None", set()),
        ("", None),
        ("  ", None),
        (float("nan"), None),
    ],
)
def test_parse_coder_frames(cell, expected):
    got = V.parse_coder_frames(cell, FRAME_IDS, "f.csv: row 2")
    assert (None if got is None else set(got)) == expected


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("economy", "f.csv: row 2: unknown frame 'economy' in coder_frames"),
        ("none;economic", "mixes 'none' with frames"),
    ],
)
def test_parse_coder_frames_errors(cell, message):
    with pytest.raises(V.CodingFileError, match=message):
        V.parse_coder_frames(cell, FRAME_IDS, "f.csv: row 2")


def test_compare_frame_codings_by_hand():
    # 4 statements, 2 frames. Frame x: coder yes on a, b; method yes on a, c -> tp 1, fp 1, fn 1.
    # Frame y: coder yes on d; method never -> precision undefined, recall 0.
    ref = {"a": frozenset("x"), "b": frozenset("x"), "c": frozenset(), "d": frozenset("y")}
    cmp = {"a": frozenset("x"), "c": frozenset("x")}
    rows = {r["frame"]: r for r in V.compare_frame_codings(ref, cmp, ["x", "y"], list("abcd"))}
    x, y, pooled = rows["x"], rows["y"], rows[V.ALL_FRAMES]
    assert (x["n"], x["reference_yes"], x["compared_yes"], x["both_yes"]) == (4, 2, 2, 1)
    assert (x["precision"], x["recall"], x["f1"], x["percent_agreement"]) == (0.5, 0.5, 0.5, 0.5)
    # Krippendorff's alpha, binary, by hand: 8 pairable values (four 1s, four 0s),
    # D_o = 2 disagreeing units * 2 / 8 = 0.5; D_e = 2 * 4 * 4 / (8 * 7) = 4/7; alpha = 1 - 0.875
    assert x["krippendorff_alpha"] == pytest.approx(0.125)
    assert np.isnan(y["precision"]) and y["recall"] == 0.0 and y["f1"] == 0.0
    assert (pooled["n"], pooled["reference_yes"], pooled["both_yes"]) == (4, 3, 1)
    assert pooled["precision"] == 0.5 and pooled["recall"] == pytest.approx(1 / 3)
    assert pooled["percent_agreement"] == pytest.approx(5 / 8)


def test_compare_frame_codings_weighted_by_hand():
    # the codings of test_compare_frame_codings_by_hand; a and d from a stratum of 90 statements,
    # b and c from one of 10. Frame x agrees on a and d (big: 1) and on neither b nor c (small: 0)
    ref = {"a": frozenset("x"), "b": frozenset("x"), "c": frozenset(), "d": frozenset("y")}
    cmp = {"a": frozenset("x"), "c": frozenset("x")}
    design = {"a": ("big", 90), "d": ("big", 90), "b": ("small", 10), "c": ("small", 10)}
    rows = V.compare_frame_codings(ref, cmp, ["x", "y"], list("abcd"), design)
    got = {r["frame"]: r["percent_agreement_weighted"] for r in rows}
    plain = {r["frame"]: r["percent_agreement"] for r in rows}
    assert got["x"] == pytest.approx(0.9) and plain["x"] == 0.5
    assert got["y"] == pytest.approx(0.9 * 0.5 + 0.1 * 1.0)  # y: big a yes, d no; small both
    # pooled: big 3 of 4 decisions agree, small 2 of 4
    assert got[V.ALL_FRAMES] == pytest.approx(0.9 * 0.75 + 0.1 * 0.5)
    unweighted = V.compare_frame_codings(ref, cmp, ["x", "y"], list("abcd"))
    assert all(np.isnan(r["percent_agreement_weighted"]) for r in unweighted)


def _frame_run() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Statements of the INVENTED coding fixture and the codebook's labels of their texts."""
    statements = V.read_table(FIX / "statements.csv")
    rows = [
        {"statement_id": rec.statement_id, "codebook": CODEBOOK.id, "frame": frame, "cue": cue,
         "char_start": start, "char_end": end, "rule": rule}
        for rec in statements.itertuples()
        for frame, start, end, cue, rule in framing.label_text(rec.text, CODEBOOK)
    ]  # fmt: skip
    columns = ["statement_id", "codebook", "frame", "cue", "char_start", "char_end", "rule"]
    return statements, pd.DataFrame(rows, columns=columns)


def test_validate_frame_coding_two_coders_and_the_method():
    statements, frames = _frame_run()
    method = V.method_frames(frames, CODEBOOK.id)
    ids = statements["statement_id"].tolist()[:6]
    # coder 1 agrees with the method everywhere; coder 2 adds 'humanitarian' on the first row
    one = pd.DataFrame(
        {
            "statement_id": ids,
            "coder_frames": [";".join(sorted(method.get(s, ()))) or "none" for s in ids],
        }
    )
    two = one.copy()
    two.loc[0, "coder_frames"] = (
        "humanitarian"
        if one.loc[0, "coder_frames"] == "none"
        else (one.loc[0, "coder_frames"] + ";humanitarian")
    )
    two.loc[5, "coder_frames"] = ""  # not coded yet
    table = V.validate_frame_coding({"one": one, "two": two}, frames, statements, CODEBOOK)
    assert list(table.columns) == list(V.FRAME_VALIDATION_COLUMNS)
    pairs = table[["reference", "compared"]].drop_duplicates().values.tolist()
    assert pairs == [["one", "method"], ["two", "method"], ["one", "two"]]
    assert len(table) == 3 * (len(FRAME_IDS) + 1)
    vs_one = table[(table["reference"] == "one") & (table["compared"] == "method")]
    assert (vs_one["n"] == 6).all() and (vs_one["percent_agreement"] == 1.0).all()
    assert vs_one["both_yes"].sum() > 0  # the fixture has framed statements
    vs_two = table[(table["reference"] == "two") & (table["compared"] == "method")]
    assert (vs_two["n"] == 5).all() and (vs_two["n_uncoded"] == 1).all()
    hum = vs_two[vs_two["frame"] == "humanitarian"].iloc[0]
    assert hum["reference_yes"] == hum["compared_yes"] + 1  # the coder's extra label is a miss
    pair = table[(table["compared"] == "two") & (table["frame"] == "humanitarian")].iloc[0]
    assert pair["n"] == 5  # only rows both coded


def test_method_frames_negated_and_codebook_checks():
    fr = pd.DataFrame({"statement_id": ["a", "b"], "codebook": ["cd", "cd"],
                       "frame": ["economic", "security"],
                       "rule": ["cue:sanction", "negated:cue:military"]})  # fmt: skip
    assert set(V.method_frames(fr, "cd")) == {"a", "b"}
    assert set(V.method_frames(fr, "cd", include_negated=False)) == {"a"}
    with pytest.raises(V.CodingFileError, match=r"run used codebook\(s\) \['cd'\], not 'other'"):
        V.method_frames(fr, "other")
    assert V.method_frames(fr.iloc[:0], "other") == {}  # a run without any label is fine
    with pytest.raises(V.CodingFileError, match="lacks column"):
        V.method_frames(fr.drop(columns="rule"), "cd")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("statement_id,coder_label\ninv-a:01,positive\n", "missing column(s) ['coder_frames']"),
        ("statement_id,coder_frames\nnope,economic\n", "row 2: unknown statement_id 'nope'"),
        ("statement_id,coder_frames\ninv-a:01,economic\ninv-a:01,none\n",
         "row 3: statement_id 'inv-a:01' repeats row 2"),
        ("statement_id,coder_frames\n,economic\n", "row 2: empty statement_id"),
        ("# note\nstatement_id,coder_frames\ninv-a:01,war\n", "row 3: unknown frame 'war'"),
    ],
)  # fmt: skip
def test_malformed_frame_coding(tmp_path, content, message):
    statements, frames = _frame_run()
    coded = V.read_coded_file(_write(tmp_path, content))
    with pytest.raises(V.CodingFileError, match=re.escape(message)):
        V.validate_frame_coding({"c": coded}, frames, statements, CODEBOOK)


def test_cli_export_frames_code_score_end_to_end(tmp_path, capsys):
    statements, frames = _frame_run()
    frames_csv = tmp_path / "frames.csv"
    frames.to_csv(frames_csv, index=False)
    coding = tmp_path / "frames_coding.csv"
    rc = cli.main(["validate", "export-frames", "--statements", str(FIX / "statements.csv"),
                   "--out", str(coding), "--n", "5", "--seed", "3"])  # fmt: skip
    assert rc == 0
    text = coding.read_text(encoding="utf-8")
    assert "# codebook: conflict_diplomacy" in text and "# economic: Economic." in text
    header = text.split("statement_id,")[0].splitlines()
    assert len(header) == 3 + len(FRAME_IDS)  # instructions and definitions, never the cue lists
    sample = V.read_coded_file(coding)
    assert list(sample.columns[:-1]) == list(V.FRAME_CODING_COLUMNS) and len(sample) == 5
    # same draw as the sentiment sample with the same n and seed
    same = V.export_coding_sample(statements, n=5, seed=3)["statement_id"].tolist()
    assert sample["statement_id"].tolist() == same
    sample["coder_frames"] = "none"
    body = sample.drop(columns="_line").to_csv(index=False)
    coding.write_text(text.split("statement_id,")[0] + body, encoding="utf-8")
    second = tmp_path / "b" / "frames_coding.csv"
    second.parent.mkdir()
    second.write_text(body.replace(",none,", ",diplomacy,", 1), encoding="utf-8")
    out = tmp_path / "val"
    rc = cli.main(["validate", "score-frames", "--coded", str(coding), str(second),
                   "--frames", str(frames_csv), "--statements", str(FIX / "statements.csv"),
                   "--out", str(out)])  # fmt: skip
    assert rc == 0
    table = pd.read_csv(out / "frame_validation.csv", keep_default_na=False)
    assert list(table.columns) == list(V.FRAME_VALIDATION_COLUMNS)
    assert set(table["reference"]) == {f"{tmp_path.name}/frames_coding", "b/frames_coding"}
    pooled = table[(table["frame"] == V.ALL_FRAMES) & (table["compared"] == "b/frames_coding")]
    assert pooled["reference_yes"].tolist() == [0] and pooled["compared_yes"].tolist() == [1]
    assert table["percent_agreement_weighted"].notna().all()  # the export recorded the design
    assert "percent_agreement" in capsys.readouterr().out


def test_cli_score_frames_reports_bad_file(tmp_path, capsys):
    statements, frames = _frame_run()
    frames_csv = tmp_path / "frames.csv"
    frames.to_csv(frames_csv, index=False)
    bad = _write(tmp_path, "statement_id,coder_frames\ninv-a:01,war\n")
    rc = cli.main(["validate", "score-frames", "--coded", str(bad), "--frames", str(frames_csv),
                   "--statements", str(FIX / "statements.csv")])  # fmt: skip
    assert rc == 1
    assert "bad_coding.csv: row 2: unknown frame 'war'" in capsys.readouterr().err


def _frames_csv(tmp_path: Path) -> Path:
    frames_csv = tmp_path / "frames.csv"
    _frame_run()[1].to_csv(frames_csv, index=False)
    return frames_csv


@pytest.mark.parametrize("sep", [",", ";"])
def test_cli_score_frames_empty_coder_column_is_an_error(tmp_path, capsys, sep):
    # a coder who has not started yet, and a second coder who has: the run stops, naming the file
    empty = tmp_path / "alice.csv"
    empty.write_text(f"statement_id{sep}coder_frames\ninv-a:01{sep}\ninv-a:02{sep} \n",
                     encoding="utf-8")  # fmt: skip
    done = tmp_path / "bob.csv"
    done.write_text("statement_id,coder_frames\ninv-a:01,economic\ninv-a:02,none\n",
                    encoding="utf-8")  # fmt: skip
    out = tmp_path / "val"
    for coded in ([empty], [done, empty]):
        rc = cli.main(["validate", "score-frames", "--coded", *map(str, coded),
                       "--frames", str(_frames_csv(tmp_path)),
                       "--statements", str(FIX / "statements.csv"), "--out", str(out)])  # fmt: skip
        assert rc == 1
        err = capsys.readouterr().err
        assert f"{empty}: no row has coder_frames filled (2 row(s))" in err
        assert not (out / "frame_validation.csv").exists()
    rc = cli.main(["validate", "score-frames", "--coded", str(done), "--frames",
                   str(_frames_csv(tmp_path)),
                   "--statements", str(FIX / "statements.csv")])  # fmt: skip
    assert rc == 0


def test_cli_score_frames_same_file_twice_names_it(tmp_path, capsys, monkeypatch):
    coded = tmp_path / "alice.csv"
    coded.write_text("statement_id,coder_frames\ninv-a:01,economic\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rc = cli.main(["validate", "score-frames", "--coded", str(coded), "alice.csv",
                   "--frames", str(_frames_csv(tmp_path)),
                   "--statements", str(FIX / "statements.csv")])  # fmt: skip
    assert rc == 1
    assert "alice.csv: the same coded file is given twice" in capsys.readouterr().err


def test_cli_score_frames_same_names_in_different_places(tmp_path, capsys):
    paths_ = []
    for top in ("x", "y"):
        p = tmp_path / top / "team" / "coding.csv"
        p.parent.mkdir(parents=True)
        p.write_text("statement_id,coder_frames\ninv-a:01,economic\n", encoding="utf-8")
        paths_.append(str(p))
    out = tmp_path / "val"
    rc = cli.main(["validate", "score-frames", "--coded", *paths_, "--frames",
                   str(_frames_csv(tmp_path)), "--statements", str(FIX / "statements.csv"),
                   "--out", str(out)])  # fmt: skip
    assert rc == 0
    table = pd.read_csv(out / "frame_validation.csv")
    assert set(table["reference"]) == set(paths_)


@pytest.mark.parametrize(
    ("run_codebook", "frames_arg", "rc"),
    [
        ("conflict_diplomacy", "beside", 0),
        ("other_book", "beside", 1),
        ("other_book", "explicit", 1),
        ("other_book", "none", 0),  # no frames table to check against
        ("", "beside", 0),  # a run without labels says nothing
    ],
    ids=["same", "other-beside", "other-explicit", "no-frames", "no-labels"],
)
def test_cli_export_frames_checks_the_run_codebook(tmp_path, capsys, run_codebook, frames_arg, rc):
    run = tmp_path / "run"
    run.mkdir()
    (run / "statements.csv").write_bytes((FIX / "statements.csv").read_bytes())
    codebooks = [run_codebook] if run_codebook else []
    frames = pd.DataFrame({"statement_id": ["inv-a:01"] * len(codebooks), "codebook": codebooks,
                           "frame": ["diplomacy"] * len(codebooks),
                           "rule": ["cue:x"] * len(codebooks)})  # fmt: skip
    argv = ["validate", "export-frames", "--statements", str(run / "statements.csv"),
            "--out", str(tmp_path / "fc.csv")]  # fmt: skip
    if frames_arg == "beside":
        frames.to_csv(run / "frames.csv", index=False)
    elif frames_arg == "explicit":
        frames.to_csv(tmp_path / "fr.csv", index=False)
        argv += ["--frames", str(tmp_path / "fr.csv")]
    assert cli.main(argv) == rc
    err = capsys.readouterr().err
    assert (tmp_path / "fc.csv").is_file() is (rc == 0)
    if rc:
        assert "the run used codebook(s) ['other_book'], not 'conflict_diplomacy'" in err
        assert "pass --codebook FILE" in err
        assert ("fr.csv" if frames_arg == "explicit" else "run/frames.csv") in err


@pytest.mark.parametrize("command", ["export-frames", "score-frames"])
def test_cli_frames_commands_exit_2_on_a_bad_codebook(tmp_path, capsys, command):
    argv = ["validate", command, "--statements", str(FIX / "statements.csv"),
            "--codebook", str(tmp_path / "nope.yml")]  # fmt: skip
    if command == "export-frames":
        argv += ["--out", str(tmp_path / "fc.csv")]
    else:
        argv += ["--coded", str(tmp_path / "c.csv"), "--frames", str(tmp_path / "f.csv")]
    assert cli.main(argv) == 2
    assert "nope.yml: no such codebook file" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "rc"),
    [("Kim said the talks had been useful and frank.", 0), ("Kim said the talks failed.", 1)],
    ids=["same", "changed"],
)
def test_cli_score_frames_checks_the_coded_text(tmp_path, capsys, text, rc):
    statements, frames = _frame_run()
    frames_csv = tmp_path / "frames.csv"
    frames.to_csv(frames_csv, index=False)
    coded = tmp_path / "fc.csv"
    coded.write_text(f'statement_id,text,coder_frames\ninv-a:03,"{text}",diplomacy\n',
                     encoding="utf-8")  # fmt: skip
    got = cli.main(["validate", "score-frames", "--coded", str(coded), "--frames", str(frames_csv),
                    "--statements", str(FIX / "statements.csv")])  # fmt: skip
    err = capsys.readouterr().err
    assert got == rc
    if rc:
        assert "fc.csv: the text of 1 statement id(s) differs" in err
        assert "inv-a:03: coded 'Kim said the talks failed.', run 'Kim said the talks" in err
    else:
        n_run = len(statements)
        assert f"note: {n_run - 1} of the {n_run} statements of the run have no row in" in err


@pytest.mark.parametrize(("keep", "note"), [(None, False), (4, True)], ids=["all", "some"])
def test_cli_score_notes_statements_without_a_row(tmp_path, capsys, sentiment_df, keep, note):
    coded = V.read_coded_file(FIX / "coded.csv").drop(columns="_line")
    ids = set(sentiment_df["statement_id"])
    coded = coded[coded["statement_id"].isin(ids)]
    if keep is None:  # one row per statement of the run
        extra = sorted(ids - set(coded["statement_id"]))
        coded = pd.concat([coded, pd.DataFrame({"statement_id": extra})]).fillna("")
    else:
        coded = coded.head(keep)
    path = tmp_path / "c.csv"
    coded.to_csv(path, index=False)
    rc = cli.main(["validate", "score", "--coded", str(path),
                   "--sentiment", str(FIX / "sentiment.csv")])  # fmt: skip
    assert rc == 0
    err = capsys.readouterr().err
    msg = f"note: {len(ids) - 4} of the {len(ids)} statements of the run have no row in {path}"
    assert (msg in err) is note
    assert ("no row in" in err) is note


FRAME_CODING = Path(__file__).parent / "fixtures" / "invented" / "frame_coding"

#: Pooled scores of the default codebook against coder 1 on the TEST half of the blind frame
#: coding (articles at odd positions in sorted order; see that folder's README), measured when
#: the codebook became 1.1.0. A codebook change may not lower them.
FRAME_TEST_FLOOR = {"precision": 0.71, "recall": 0.60, "f1": 0.65}
#: The same against coder 3 on round 2 (150 statements of attribution rounds 9 and 10, written
#: after codebook 1.1.0 was fixed; ``frame_coding/README.md``).
FRAME_ROUND2_FLOOR = {"precision": 0.60, "recall": 0.58, "f1": 0.59}


def test_default_codebook_against_blind_hand_coding(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    invented = Path(__file__).parent / "fixtures" / "invented"
    for raw in sorted(invented.glob("blind*/*/raw/*.txt")) + sorted(
        invented.glob("blind*/raw/*.txt")
    ):
        (corpus_dir / raw.name).write_bytes(raw.read_bytes())
    out = tmp_path / "out"
    assert cli.main(["analyze", str(corpus_dir), "--out", str(out)]) == 0
    statements = V.read_table(out / "statements.csv")
    frames = V.read_table(out / "frames.csv")
    coded = V.read_coded_file(FRAME_CODING / "coder1.csv")
    # the sample still points at the same sentences (re-draw it if segmentation changes)
    text_of = dict(zip(statements["statement_id"], statements["text"], strict=True))
    assert [text_of[s] for s in coded["statement_id"]] == coded["text"].tolist()
    articles = sorted(set(coded["article_id"]))
    test_half = coded[coded["article_id"].isin(articles[1::2])]
    table = V.validate_frame_coding({"coder1": test_half}, frames, statements, CODEBOOK)
    pooled = table[table["frame"] == V.ALL_FRAMES].iloc[0]
    assert pooled["n"] == 74
    for key, floor in FRAME_TEST_FLOOR.items():
        assert pooled[key] >= floor - 0.005, (key, pooled[key])
    round2 = V.read_coded_file(FRAME_CODING / "round2" / "coder3.csv")
    assert [text_of[s] for s in round2["statement_id"]] == round2["text"].tolist()
    table = V.validate_frame_coding({"coder3": round2}, frames, statements, CODEBOOK)
    pooled = table[table["frame"] == V.ALL_FRAMES].iloc[0]
    assert pooled["n"] == 149  # (one row dropped: its line became two statements)
    for key, floor in FRAME_ROUND2_FLOOR.items():
        assert pooled[key] >= floor - 0.005, (key, pooled[key])


# acceptance test 17b: a claim the speaker rejects is not scored, so the sentiment sample leaves
# it out, but its frames count for its speaker, so the frame sample draws it (INVENTED rows)
def _stance_table(stances: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "statement_id": [f"a:{k:03d}" for k in range(len(stances))],
            "article_id": ["a"] * len(stances),
            "speaker": ["orsk"] * len(stances),
            "quote_type": ["indirect"] * len(stances),
            "text": [f"INVENTED: Orsk said thing {k}." for k in range(len(stances))],
            "quote_text": [f"thing {k}" for k in range(len(stances))],
            "stance": stances,
        }
    )


@pytest.mark.parametrize(
    ("stances", "sentiment_ids", "frame_ids", "frame_size"),
    [
        (
            ["", "rejects", "", "rejects"],
            ["a:000", "a:002"],
            ["a:000", "a:001", "a:002", "a:003"],
            4,
        ),
        (["rejects"], [], ["a:000"], 1),
        (["", ""], ["a:000", "a:001"], ["a:000", "a:001"], 2),
    ],
)
def test_frame_sample_draws_rejected_claims_whose_frames_count(
    stances: list[str], sentiment_ids: list[str], frame_ids: list[str], frame_size: int
) -> None:
    st = _stance_table(stances)
    assert sorted(V.export_coding_sample(st, n=10)["statement_id"]) == sentiment_ids
    frames = V.export_frame_sample(st, n=10)
    assert sorted(frames["statement_id"]) == frame_ids
    assert set(frames["stratum_size"]) == {frame_size}


# acceptance test 17b: a pair of coders' n_uncoded counts the rows of either file the two did
# not both code (it was always 0); (coder one's cells, coder two's cells, pair n, pair n_uncoded)
@pytest.mark.parametrize(
    ("one_cells", "two_cells", "n", "n_uncoded"),
    [
        (["none"] * 6, ["none"] * 6, 6, 0),
        (["none"] * 6, ["none"] * 3 + [""] * 3, 3, 3),
        (["none", ""] * 3, ["none"] * 3 + [""] * 3, 2, 4),
        (["none"] * 6, ["none"] * 4, 4, 2),  # two's file holds only the first four rows
    ],
)
def test_frame_validation_counts_the_rows_a_pair_of_coders_leaves_out(
    one_cells: list[str], two_cells: list[str], n: int, n_uncoded: int
) -> None:
    statements, frames = _frame_run()
    ids = statements["statement_id"].tolist()[:6]
    one = pd.DataFrame({"statement_id": ids, "coder_frames": one_cells})
    two = pd.DataFrame({"statement_id": ids[: len(two_cells)], "coder_frames": two_cells})
    table = V.validate_frame_coding({"one": one, "two": two}, frames, statements, CODEBOOK)
    pair = table[(table["reference"] == "one") & (table["compared"] == "two")]
    assert (pair["n"] == n).all() and (pair["n_uncoded"] == n_uncoded).all()


# acceptance test 17b: with frame_words reported the codebook read only the reported words, so
# the coder is given them to judge (`words_to_code`); (quote_type, text, quote_text, expected)
@pytest.mark.parametrize(
    ("quote_type", "text", "quote_text", "expected"),
    [
        ("indirect", "Prices rose and Orsk said talks failed.", "talks failed", "talks failed"),
        ("direct", '"We stay," Dusan said.', "We stay,", "We stay,"),
        ("narration", "Prices rose in Velna.", "", "Prices rose in Velna."),
    ],
)
def test_frame_sample_gives_the_words_the_run_labelled(
    tmp_path: Path, quote_type: str, text: str, quote_text: str, expected: str
) -> None:
    st = pd.DataFrame(
        {
            "statement_id": ["a:000"],
            "article_id": ["a"],
            "speaker": ["" if quote_type == "narration" else "orsk"],
            "quote_type": [quote_type],
            "text": [text],
            "quote_text": [quote_text],
        }
    )
    whole = V.export_frame_sample(st, n=1)
    assert list(whole.columns) == list(V.FRAME_CODING_COLUMNS)
    reported = V.export_frame_sample(st, n=1, frame_words="reported")
    assert list(reported.columns)[3:6] == ["text", "words_to_code", "coder_frames"]
    assert reported["words_to_code"].tolist() == [expected]
    path = V.write_frame_sample(reported, CODEBOOK, tmp_path / "coding.csv")
    assert "judge words_to_code" in path.read_text(encoding="utf-8")
    assert "words_to_code" not in V.write_frame_sample(
        whole, CODEBOOK, tmp_path / "c2.csv"
    ).read_text(encoding="utf-8")


# acceptance test 17b: the locale whose spreadsheets save ';'-separated files writes decimal
# commas; (coder_score cell, the number read) — INVENTED scores
@pytest.mark.parametrize(
    ("cell", "value"),
    [("0,5", 0.5), ("-0,25", -0.25), (",75", 0.75), ("0.5", 0.5), ("1", 1.0), ("-1,0", -1.0)],
)
def test_coder_scores_with_a_decimal_comma_are_read(
    tmp_path: Path, sentiment_df: pd.DataFrame, cell: str, value: float
) -> None:
    sid = sentiment_df["statement_id"].iloc[0]
    label = "negative" if value < 0 else "positive"
    path = tmp_path / "coded.csv"
    path.write_text(
        f"statement_id;coder_label;coder_score\n{sid};{label};{cell}\n", encoding="utf-8"
    )
    coded = V._clean_coded(V.read_coded_file(path), {sid}, str(path))
    assert coded["coder_score"].tolist() == [value]


@pytest.mark.parametrize("cell", ["0,5,1", "1.000,5", "half", "0;5"])
def test_a_coder_score_that_is_no_number_is_still_an_error(tmp_path: Path, cell: str) -> None:
    path = tmp_path / "coded.csv"
    path.write_text(f'statement_id,coder_label,coder_score\na:1,positive,"{cell}"\n')
    with pytest.raises(V.CodingFileError, match="is not a number"):
        V._clean_coded(V.read_coded_file(path), {"a:1"}, str(path))


# acceptance test 17b: a value just under a customary threshold does not print as the threshold
@pytest.mark.parametrize(
    ("value", "shown", "not_shown"),
    [(2 / 3, "0.6667", "0.667 "), (0.79996, "0.8000", None), (0.7999, "0.7999", "0.800")],
)
def test_validate_prints_four_decimals(value: float, shown: str, not_shown: str | None) -> None:
    table = pd.DataFrame({"method": ["afinn"], "krippendorff_alpha_nominal": [value]})
    text = V.printed_table(table) + " "
    assert shown in text
    assert not_shown is None or not_shown not in text


def test_cli_score_prints_the_metrics_with_four_decimals(tmp_path, capsys):
    coding = tmp_path / "coding.csv"
    rc = cli.main(["validate", "export", "--statements", str(FIX / "statements.csv"),
                   "--out", str(coding), "--n", "6"])  # fmt: skip
    assert rc == 0
    df = pd.read_csv(coding, dtype=str, keep_default_na=False)
    df["coder_label"] = ["positive", "negative", "neutral"] * 2
    df.to_csv(coding, index=False)
    capsys.readouterr()
    rc = cli.main(["validate", "score", "--coded", str(coding),
                   "--sentiment", str(FIX / "sentiment.csv")])  # fmt: skip
    assert rc == 0
    out = capsys.readouterr().out
    assert re.search(r"\b\d\.\d{4}\b", out) and not re.search(r" \d\.\d{3} ", out)


# acceptance test 17b: an edited copy of a codebook keeps its id; a frame the run labelled that
# the codebook in use lacks shows it (INVENTED frames)
@pytest.mark.parametrize(
    ("run_frames", "frame_ids", "error"),
    [
        ([("conflict_diplomacy", "water")], FRAME_IDS, "frame(s) ['water']"),
        ([("conflict_diplomacy", "diplomacy"), ("conflict_diplomacy", "water")], FRAME_IDS,
         "frame(s) ['water']"),
        ([("conflict_diplomacy", "diplomacy")], FRAME_IDS, None),
        ([("river_invented", "drought"), ("conflict_diplomacy", "economic")], FRAME_IDS, None),
        ([("conflict_diplomacy", "water")], None, None),  # frames not checked
    ],
)  # fmt: skip
def test_run_labels_of_another_version_of_the_codebook_stop_the_command(
    run_frames: list, frame_ids: list | None, error: str | None
) -> None:
    fr = pd.DataFrame(run_frames, columns=["codebook", "frame"])
    if error is None:
        V.check_run_codebook(fr, "conflict_diplomacy", frame_ids)
    else:
        with pytest.raises(V.CodingFileError, match=re.escape(error)):
            V.check_run_codebook(fr, "conflict_diplomacy", frame_ids)


def test_score_frames_stops_on_a_frame_the_codebook_lacks() -> None:
    statements, frames = _frame_run()
    sid = statements["statement_id"].iloc[0]
    row = {"statement_id": sid, "codebook": CODEBOOK.id, "frame": "water", "cue": "dam",
           "char_start": 0, "char_end": 3, "rule": "cue:dam"}  # fmt: skip
    extra = pd.DataFrame([row])
    coded = pd.DataFrame({"statement_id": [sid], "coder_frames": ["none"]})
    with pytest.raises(V.CodingFileError, match="which the codebook in use lacks"):
        V.validate_frame_coding({"one": coded}, pd.concat([frames, extra]), statements, CODEBOOK)


def test_validation_docstring_examples() -> None:
    import doctest

    result = doctest.testmod(V, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted >= 40


def _edited_codebook(tmp_path: Path, name: str, edit: tuple[str, str]) -> Path:
    """A copy of the packaged conflict_diplomacy codebook with one text replaced."""
    src = Path(framing.__file__).parent / "resources" / "codebooks" / "conflict_diplomacy.yml"
    text = src.read_text(encoding="utf-8")
    assert edit[0] in text
    out = tmp_path / name
    out.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    return out


@pytest.mark.parametrize(
    ("edit", "rc", "message"),
    [
        # the same codebook: no note
        (None, 0, ""),
        # a cue added and the version bumped: what validation is for, no note
        (("      - civilian\n", "      - civilian\n      - evacuee\n"), 0, ""),
        # a definition changed: the coders judged another frame
        (("The human cost of the conflict", "The cost of the conflict"), 0,
         "frames were changed ['humanitarian'] since: the coders judged other definitions"),
        # another codebook id altogether: an error naming the file
        (("id: conflict_diplomacy", "id: water_dispute"), 1,
         "coded with codebook 'conflict_diplomacy' (its header), not 'water_dispute'"),
    ],
)  # fmt: skip
def test_score_frames_compares_the_coders_definitions(tmp_path, capsys, edit, rc, message):
    """Acceptance test 18a, defect 11: a coding file records the codebook its coders saw."""
    coding = tmp_path / "frames_coding.csv"
    assert cli.main(["validate", "export-frames", "--statements", str(FIX / "statements.csv"),
                     "--out", str(coding), "--n", "4", "--seed", "1"]) == 0  # fmt: skip
    sample = V.read_coded_file(coding)
    head = coding.read_text(encoding="utf-8").split("statement_id,")[0]
    sample["coder_frames"] = "none"
    coding.write_text(head + sample.drop(columns="_line").to_csv(index=False), encoding="utf-8")
    args = ["validate", "score-frames", "--coded", str(coding), "--frames",
            str(_frames_csv(tmp_path)), "--statements", str(FIX / "statements.csv")]  # fmt: skip
    if edit is not None:
        version = ('version: "1.2.2"', 'version: "1.3.0"')
        book = _edited_codebook(tmp_path, "book.yml", edit)
        book.write_text(book.read_text(encoding="utf-8").replace(*version), encoding="utf-8")
        args += ["--codebook", str(book)]
    capsys.readouterr()
    assert cli.main(args) == rc
    err = capsys.readouterr().err
    if message:
        assert message in err and str(coding) in err
    else:
        assert "warning" not in err and "error" not in err

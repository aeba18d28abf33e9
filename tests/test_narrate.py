"""Tests of mediaframes.narrate: exact sentences read from small tables.

All tables here are INVENTED for these tests (speakers "a", "b", methods "m1", "m2", frames
"peace", "war", ...); they describe no real article.
"""

from __future__ import annotations

import doctest
import math

import pandas as pd
import pytest

from mediaframes import narrate


def _statements(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article_id", "speaker", "source", "quote_type"])


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [("x1", "", "", "narration")],
            "1 statement in 1 article: 0 attributed to a speaker and 1 of narration.",
        ),
        (
            [
                ("x1", "a", "the office", "indirect"),
                ("x1", "a", "", "direct"),
                ("x2", "b", "a readout", "mixed"),
                ("x2", "", "", "narration"),
            ],
            "4 statements in 2 articles: 3 attributed to a speaker and 1 of narration. "
            "By speaker: **a** 2 (1 direct, 1 indirect); **b** 1 (1 mixed). 0 of 3 attributed "
            "statements came through an office, spokesperson or published statement of a "
            "configured actor (0 of the speaker's own side, 0 of another's); a speaker's own "
            "title given as source is not counted. a and b have fewer than 10 statements: too "
            "few to conclude (one statement more or less moves these numbers a lot).",
        ),
        (
            [("x1", "b", "", "direct")] * 10 + [("x1", "a", "", "indirect")],
            "11 statements in 1 article: 11 attributed to a speaker and 0 of narration. "
            "By speaker: **b** 10 (10 direct); **a** 1 (1 indirect). 0 of 11 attributed "
            "statements came through an office, spokesperson or published statement of a "
            "configured actor (0 of the speaker's own side, 0 of another's); a speaker's own "
            "title given as source is not counted. a has fewer than 10 statements: too few to "
            "conclude (one statement more or less moves these numbers a lot). With one article, "
            "the counts describe that article only.",
        ),
    ],
)
def test_describe_statements(rows: list[tuple[str, str, str, str]], expected: str) -> None:
    assert narrate.describe_statements({"statements": _statements(rows)}) == expected


def _by_actor(rows: list[tuple[str, str, int, float, float, float]]) -> pd.DataFrame:
    cols = ["speaker", "method", "n", "mean", "ci_low", "ci_high"]
    return pd.DataFrame(rows, columns=cols)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], "No speaker has a sentiment score."),
        (
            [("a", "m2", 12, 0.3, 0.1, 0.5), ("a", "m1", 12, 0.125, -0.05, 0.3)],
            "**a** (n = 12): m1 0.12 (95% CI -0.05 to 0.30); m2 0.30 (95% CI 0.10 to 0.50). "
            "All methods give a positive mean; the 95% CI excludes 0 for 1 of 2 methods.",
        ),
        (
            [
                ("b", "m1", 4, -0.2, -0.4, 0.0),
                ("b", "m2", 4, 0.0, 0.0, 0.0),
                ("a", "m1", 1, 0.5, math.nan, math.nan),
            ],
            "**a** (n = 1): m1 0.50 (95% CI undefined). Too few to conclude (n < 10).\n\n"
            "**b** (n = 4): m1 -0.20 (95% CI -0.40 to 0.00); m2 0.00 (95% CI 0.00 to 0.00). "
            "The methods disagree in sign (negative: m1; zero: m2). Too few to conclude (n < 10).",
        ),
    ],
)
def test_describe_sentiment(
    rows: list[tuple[str, str, int, float, float, float]], expected: str
) -> None:
    assert narrate.describe_sentiment({"sentiment_by_actor": _by_actor(rows)}) == expected


def _frames(rows: list[tuple[str, str, str, int, float]]) -> pd.DataFrame:
    cols = ["speaker", "codebook", "frame", "n_statements", "share"]
    return pd.DataFrame(rows, columns=cols)


def _divergence(rows: list[tuple[str, str, str, str, str, str, int]]) -> pd.DataFrame:
    cols = ["article_id", "side", "other_side", "kind", "codebook", "item", "n_side"]
    return pd.DataFrame(rows, columns=cols)


@pytest.mark.parametrize(
    ("frames", "divergence", "expected"),
    [
        ([], None, "No statement carries a frame cue."),
        (
            [
                ("", "cb", "war", 1, 1.0),
                ("a", "cb", "war", 2, 0.5),
                ("a", "cb", "peace", 2, 0.5),
                ("a", "cb", "law", 1, 0.25),
                ("a", "cb", "aid", 1, 0.25),
            ],
            [],
            "**a** (4 statements): peace 50% (2); war 50% (2); aid 25% (1); also 25% (1): law. "
            "Too few to conclude (fewer than 10 statements).\n\n"
            "**narration** (1 statement): war 100% (1). Too few to conclude (fewer than 10 "
            "statements).",
        ),
        (
            [("b", "cb", "peace", 6, 0.5), ("b", "cb2", "trade", 3, 0.25)],
            [
                ("x1", "b", "a", "frame", "cb", "peace", 2),
                ("x2", "b", "a", "frame", "cb", "peace", 1),
                ("x1", "b", "a", "frame", "cb", "aid", 1),
                ("x1", "a", "b", "topic", "", "grain", 1),
            ],
            "**b** (12 statements): cb/peace 50% (6); cb2/trade 25% (3).\n\n"
            "Frames in one side's statements (its actor's own, or those its office or "
            "spokesperson reports) and absent from another side's in the same article, for "
            "each pair of sides: **b**'s side, not **a**'s: cb/aid "
            "(1 statement, 1 article) and cb/peace (3 statements, 2 articles).",
        ),
        (
            [("a", "cb", "peace", 1, 1.0)],
            [("x1", "a", "b", "topic", "", "grain", 1)],
            "**a** (1 statement): peace 100% (1). Too few to conclude (fewer than 10 "
            "statements).\n\nNo frame appears in one side's statements only.",
        ),
    ],
)
def test_describe_framing(
    frames: list[tuple[str, str, str, int, float]],
    divergence: list[tuple[str, str, str, str, str, str, int]] | None,
    expected: str,
) -> None:
    tables = {"frames_by_actor": _frames(frames)}
    if divergence is not None:
        tables["readout_divergence"] = _divergence(divergence)
    assert narrate.describe_framing(tables) == expected


def test_describe_statements_missing_table_names_it() -> None:
    with pytest.raises(KeyError, match="statements"):
        narrate.describe_statements({})


def test_docstring_examples() -> None:
    result = doctest.testmod(narrate)
    assert result.attempted >= 4 and result.failed == 0


def test_intermediaries_are_counted_as_the_report_counts_them() -> None:
    """Defect 5 of accept16a: a speaker's own title as ``source`` is no intermediary; only the
    letter of the actor's office is (INVENTED rows). The count equals the report's own side +
    other side columns, and speakers are shown by name."""
    from mediaframes import report

    st = pd.DataFrame(
        {
            "article_id": ["x1"] * 5,
            "speaker": ["vell", "Ana Ort", "Ben Sato", "vell", ""],
            "speaker_type": ["actor", "other", "other", "actor", "narration"],
            "source": ["the letter", "Councillor", "Resident", "", ""],
            "source_actor": ["vell", "", "", "", ""],
            "quote_type": ["direct", "mixed", "indirect", "direct", "narration"],
        }
    )
    text = narrate.describe_statements({"statements": st}, {"vell": "Mira Vell"})
    assert "1 of 4 attributed statements came through an office" in text
    assert "(1 of the speaker's own side, 0 of another's)" in text
    assert "**Mira Vell** 2 (2 direct); **Ana Ort** 1 (1 mixed)" in text
    assert "vell" not in text.replace("Vell", "")
    rows = report._statements(st, {"vell": "Mira Vell"})["per_speaker"]
    assert sum(r["via_own"] + r["via_other"] for r in rows) == 1


def test_framing_and_sentiment_use_names() -> None:
    """Notebook prose names speakers as the report does (INVENTED rows)."""
    names = {"vell": "Mira Vell", "fdq": "Federation of Quarry Workers"}
    by = pd.DataFrame(
        {"speaker": ["vell", "fdq"], "method": ["m", "m"], "n": [3, 3], "mean": [0.1, -0.1],
         "ci_low": [0.0, -0.2], "ci_high": [0.2, 0.0]}
    )  # fmt: skip
    text = narrate.describe_sentiment({"sentiment_by_actor": by}, names)
    assert text.index("**Federation of Quarry Workers**") < text.index("**Mira Vell**")
    fba = pd.DataFrame(
        {"speaker": ["fdq"], "codebook": ["cb"], "frame": ["economic"], "n_statements": [1],
         "share": [0.5]}
    )  # fmt: skip
    div = pd.DataFrame(
        {"article_id": ["x1"], "side": ["fdq"], "other_side": ["vell"], "kind": ["frame"],
         "codebook": ["cb"], "item": ["economic"], "n_side": [1]}
    )  # fmt: skip
    text = narrate.describe_framing({"frames_by_actor": fba, "readout_divergence": div}, names)
    assert "**Federation of Quarry Workers**' side, not **Mira Vell**'s: economic" in text
    assert "readout" not in text


# acceptance test 17b: a top-3 list cut inside a tie names the frames tied with its last
# (INVENTED counts: one speaker, 25 statements)
@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        (
            [("diplomacy", 5), ("economic", 1), ("humanitarian", 1), ("ideology", 1),
             ("security", 1), ("sovereignty", 1)],
            "**o** (25 statements): diplomacy 20% (5); economic 4% (1); humanitarian 4% (1); "
            "also 4% (1): ideology, security and sovereignty.",
        ),
        (
            [("diplomacy", 5), ("economic", 3), ("humanitarian", 2), ("ideology", 1)],
            "**o** (25 statements): diplomacy 20% (5); economic 12% (3); humanitarian 8% (2).",
        ),
        (
            [("diplomacy", 5), ("economic", 5), ("law", 5), ("war", 5)],
            "**o** (25 statements): diplomacy 20% (5); economic 20% (5); law 20% (5); "
            "also 20% (5): war.",
        ),
    ],
)  # fmt: skip
def test_describe_framing_names_frames_tied_with_the_last_shown(
    counts: list[tuple[str, int]], expected: str
) -> None:
    rows = [("o", "cb", f, n, n / 25) for f, n in counts]
    assert narrate.describe_framing({"frames_by_actor": _frames(rows)}) == expected


# acceptance test 17b: agreeing in sign is no finding when the intervals hold 0 (INVENTED rows)
@pytest.mark.parametrize(
    ("cis", "expected"),
    [
        ([(-0.37, 0.05), (-0.13, 0.12), (-0.23, 0.08), (-0.32, 0.06)],
         "the 95% CI excludes 0 for 0 of 4 methods"),
        ([(-0.37, -0.05), (-0.13, 0.12)], "the 95% CI excludes 0 for 1 of 2 methods"),
        ([(-0.4, -0.1)], "the 95% CI excludes 0 for 1 of 1 method"),
        ([(math.nan, math.nan), (0.0, 0.2)], "the 95% CI excludes 0 for 0 of 2 methods"),
    ],
)  # fmt: skip
def test_sign_agreement_says_how_many_intervals_exclude_zero(
    cis: list[tuple[float, float]], expected: str
) -> None:
    rows = [("d", f"m{k}", 28, -0.1, lo, hi) for k, (lo, hi) in enumerate(cis)]
    text = narrate.describe_sentiment({"sentiment_by_actor": _by_actor(rows)})
    if len(rows) > 1:
        assert f"All methods give a negative mean; {expected}." in text
    else:
        assert "All methods" not in text  # one method: no agreement to speak of
    assert narrate.intervals_excluding_zero(_by_actor(rows)) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # speaker, source_actor: Teo Vash is configured and never heard (acceptance test 20b)
        (
            [("orsk", ""), ("bank", "")],
            " The configured actor **Teo Vash** has no statement: no comparison of speakers can "
            "include this actor.",
        ),
        ([("orsk", ""), ("bank", ""), ("Ida Nyl", "vash")], ""),  # his spokeswoman speaks
        ([("orsk+vash", ""), ("bank", "")], ""),  # a joint statement is his too
        (
            [("orsk", "")],
            " The configured actors **Teo Vash** and **Tollin Bank** have no statement: no "
            "comparison of speakers can include these actors.",
        ),
    ],
)
def test_silent_actors(rows: list[tuple[str, str]], expected: str) -> None:
    st = pd.DataFrame(rows, columns=["speaker", "source_actor"])
    names = {"orsk": "Lida Orsk", "vash": "Teo Vash", "bank": "Tollin Bank"}
    assert narrate.silent_actors(st, names) == expected


def test_describe_statements_names_a_configured_actor_with_no_statement() -> None:
    """Acceptance test 20b: notebook 02 said nothing of an INVENTED actor never heard."""
    st = pd.DataFrame(
        {
            "article_id": ["x1", "x1"],
            "speaker": ["orsk", ""],
            "speaker_type": ["actor", "narration"],
            "source_actor": ["", ""],
            "quote_type": ["direct", "narration"],
        }
    )
    text = narrate.describe_statements(
        {"statements": st}, {"orsk": "Lida Orsk", "vash": "Teo Vash"}
    )
    assert "The configured actor **Teo Vash** has no statement" in text


def test_describe_framing_says_no_only_of_a_pair_with_a_third_side() -> None:
    """Acceptance test 20b: three INVENTED sides in one article; Orsk's economic frame, which
    Vell's side lacks, is also the bank's, so the notebook must not say "only Orsk's side"."""
    fba = pd.DataFrame(
        {"speaker": ["orsk"], "codebook": ["cb"], "frame": ["economic"], "n_statements": [1],
         "share": [1.0]}
    )  # fmt: skip
    div = pd.DataFrame(
        {"article_id": ["t"] * 2, "side": ["orsk", "bank"], "other_side": ["vell", "vell"],
         "kind": ["frame"] * 2, "codebook": ["cb"] * 2, "item": ["economic"] * 2,
         "n_side": [1, 1]}
    )  # fmt: skip
    names = {"orsk": "Lida Orsk", "vell": "Ana Vell", "bank": "Tollin Bank"}
    text = narrate.describe_framing({"frames_by_actor": fba, "readout_divergence": div}, names)
    assert "only" not in text.split("\n\n")[-1]
    assert "**Lida Orsk**'s side, not **Ana Vell**'s: economic (1 statement, 1 article)" in text

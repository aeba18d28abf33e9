"""The notebook helpers (``mediaframes.steps``, ``mediaframes.browse``): their examples hold."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from mediaframes import browse, steps


@pytest.mark.parametrize("module", [steps, browse])
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 5 and result.failed == 0


def test_sentiment_tables_equal_scoring_all_statements_at_once() -> None:
    """Scoring article by article gives the rows of one ``score_statements`` over the corpus,
    in the row order of ``mediaframes analyze`` (``corpus.ROW_ORDER``): articles in corpus
    order, each article's statements by id, then method order.

    INVENTED articles. The ids sort differently as article ids and as statement id prefixes
    ("a-b" < "a" + ":"), and one article's statements have no article to go with (last).
    """
    from mediaframes import attribution, corpus, sentiment
    from mediaframes.records import SentimentScore, to_frame

    texts = {
        "a": "Talks stall\n\nMacron said the talks were useful. Putin warned of a grave crisis.",
        "a-b": "Calls resume\n\n\u201cWe reject it,\u201d the Kremlin said. The Elysee hoped.",
        "z": "Quiet day\n\nNothing happened. Putin said he was pleased with the good result.",
    }
    arts = [corpus.parse_plain_text(t, aid, f"{aid}.txt") for aid, t in texts.items()]
    tables = steps.statement_tables(arts, attribution.load_actors())
    methods = ["vader", "afinn"]
    got = steps.sentiment_tables(arts[:2], tables, methods, n_boot=100)
    statements = steps._statements(tables)
    expected = to_frame(
        sentiment.score_statements(statements, sentiment.load_scorers(methods)), SentimentScore
    )
    assert {s.article_id for s in statements} == set(texts)
    assert len(expected) == 2 * len(statements) > 0
    article = expected["statement_id"].str.rsplit(":", n=1).str[0]
    assert article.drop_duplicates().tolist() == ["a-b", "a", "z"], "one sort: a-b first"
    rank = article.map({"a": 0, "a-b": 1, "z": 2})  # corpus order; z has no article given
    expected = expected.iloc[rank.argsort(kind="stable")].reset_index(drop=True)
    assert got["sentiment"].equals(expected)


def test_framing_tables_leave_the_actors_names_out_of_topics_and_terms() -> None:
    """INVENTED article about the packaged actors: their names, countries and offices are no
    topic words of the readout divergence when the actors are given."""
    from mediaframes import attribution, corpus

    text = (
        "Leaders trade readouts\n\n"
        "The Elysee said President Macron told President Putin that France wanted a ceasefire "
        "in the harbour town. The Kremlin said Putin told Macron that Russia demanded "
        "guarantees from the Elysee for the railway."
    )
    art = corpus.parse_plain_text(text, "inv", "inv.txt")
    actors = attribution.load_actors()
    tables = steps.statement_tables([art], actors)
    names = {"macron", "putin", "elysee", "kremlin", "president", "france", "russia"}
    plain = steps.framing_tables([art], tables, ["conflict_diplomacy"])
    topics = set(plain["readout_divergence"]["item"])
    assert names & topics, "the test needs names among the topics without actors"
    framed = steps.framing_tables([art], tables, ["conflict_diplomacy"], actors)
    div = framed["readout_divergence"]
    assert not names & set(div["item"])
    assert {"ceasefire", "harbour", "guarantees", "railway"} <= set(div["item"])


def test_frame_labels_pass_frame_words_on() -> None:
    """``frame_words`` reaches ``framing.label_statements`` (INVENTED article)."""
    from mediaframes import attribution, corpus, framing
    from mediaframes.records import FrameLabel, to_frame

    text = (
        "Bread prices climb\n\nThe price of bread rose again, and Macron said the talks must "
        "resume. Putin warned of a crisis."
    )
    art = corpus.parse_plain_text(text, "a", "a.txt")
    tables = steps.statement_tables([art], attribution.load_actors())
    statements = steps._statements(tables)
    book = framing.load_codebook("conflict_diplomacy")
    for words in framing.FRAME_WORDS:
        expected = to_frame(framing.label_statements(art, statements, book, words), FrameLabel)
        got = steps.frame_labels([art], tables, ["conflict_diplomacy"], words)
        assert got.equals(expected)
        assert steps.framing_tables([art], tables, ["conflict_diplomacy"], frame_words=words)[
            "frames"
        ].equals(expected)
    whole = steps.frame_labels([art], tables, ["conflict_diplomacy"])
    reported = steps.frame_labels([art], tables, ["conflict_diplomacy"], "reported")
    assert len(reported) < len(whole)  # "price", "bread" are the journalist's words


def test_actor_sentiment_tests_pair_the_configured_actors_only() -> None:
    """Defect 18 of accept14c: Holm adjusts over the actors' pairs, not every pair of speakers.

    INVENTED article: two configured actors and two other speakers. Every pair of the four
    would be 6 pairs per method; the actors' pair alone is 1, so its ``p_holm`` is its p-value.
    """
    from mediaframes import attribution, corpus

    text = (
        "Talks stall\n\n"
        "Macron said the talks were useful and good. Putin warned of a grave and terrible crisis. "
        "A farmer said the harvest was fine. A teacher said the school was closed."
    )
    art = corpus.parse_plain_text(text, "inv", "inv.txt")
    tables = steps.statement_tables([art], attribution.load_actors())
    speakers = set(tables["statements"]["speaker"]) - {""}
    assert {"macron", "putin", "A farmer", "A teacher"} <= speakers
    got = steps.sentiment_tables([art], tables, ["vader"], n_boot=100)["actor_sentiment_tests"]
    assert got[["speaker_a", "speaker_b"]].values.tolist() == [["macron", "putin"]]
    assert got["p_holm"].tolist() == got["p_value"].tolist()


def test_framing_tables_use_the_loaded_terms_file_given(tmp_path) -> None:
    """Defect 17 of accept14c: the run's contested terms come from ``loaded_terms_file``.

    INVENTED article and terms: the packaged list has no "walkout"; the given file does."""
    from mediaframes import attribution, corpus

    terms = tmp_path / "terms_invented.yml"
    terms.write_text(
        "pairs:\n  - id: stoppage_naming\n    variants:\n"
        "      - label: workers\n        terms: [walkout]\n"
        "      - label: management\n        terms: [stoppage]\n",
        encoding="utf-8",
    )
    text = "Depot dispute\n\nThe walkout entered its third day at the invented depot."
    art = corpus.parse_plain_text(text, "inv", "inv.txt")
    tables = steps.statement_tables([art], attribution.load_actors())
    packaged = steps.framing_tables([art], tables, ["conflict_diplomacy"])["loaded_terms"]
    given = steps.framing_tables([art], tables, ["conflict_diplomacy"], loaded_terms=terms)
    assert "stoppage_naming" not in set(packaged["pair"])
    assert given["loaded_terms"][["pair", "variant", "cue"]].values.tolist() == [
        ["stoppage_naming", "workers", "walkout"]
    ]

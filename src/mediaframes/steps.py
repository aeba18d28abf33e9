r"""One function per notebook step: run a stage over a whole corpus and return its tables.

The notebooks call these (one call per step) and write what they return with
:func:`mediaframes.tables.write_tables`. Each function applies the per-article stage functions
(the same ones :func:`mediaframes.analysis.analyze_article` composes for ``mediaframes
analyze``) to every article, in corpus order, and builds the corpus-level aggregates. Per-article
tables come in the row order of ``mediaframes analyze`` (``corpus.ROW_ORDER``). Records
cross notebook boundaries as tables and are rebuilt with :func:`mediaframes.tables.to_records`.

Tables returned (columns are documented by the module named):

* :func:`statement_tables`: ``sentences`` (:class:`~mediaframes.records.Sentence`),
  ``statements`` (:class:`~mediaframes.records.Statement`), ``mentions``
  (:class:`~mediaframes.records.Mention`), ``evidence`` (``attribution.evidence_view``).
* :func:`sentiment_tables`: ``sentiment`` (:class:`~mediaframes.records.SentimentScore`),
  ``tone`` (``sentiment.ToneScore``), ``sentiment_by_actor`` (``sentiment.aggregate_by_actor``),
  ``tone_by_actor`` (``sentiment.aggregate_tone``), ``method_agreement``
  (``sentiment.method_agreement``), ``actor_sentiment_tests`` (``sentiment.compare_actors`` of
  the pairs of configured actors only, ``sentiment.actor_speakers``: Holm adjusts over those
  pairs, not over every pair of speakers).
* :func:`framing_tables`: ``frames`` (:class:`~mediaframes.records.FrameLabel`), ``codebook``
  (``framing.codebook_table`` of every codebook),
  ``frames_by_actor`` (``framing.frames_by_actor``), ``actor_frame_differences``,
  ``readout_divergence``, ``readout_divergence_by_event``, ``readout_unpaired``,
  ``headline_vs_body``, ``word_choice``, ``loaded_terms``, ``scare_quotes``
  (:mod:`mediaframes.compare`).

Example:
    >>> from mediaframes import attribution, corpus
    >>> art = corpus.parse_plain_text("Talks\n\nThe envoy said a deal was near.", "a", "a.txt")
    >>> t = statement_tables([art], attribution.load_actors())
    >>> sorted(t), len(t["statements"])
    (['evidence', 'mentions', 'sentences', 'statements'], 2)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from mediaframes import attribution, compare, framing, segment, sentiment
from mediaframes.config import BOOTSTRAP_N
from mediaframes.records import (
    Article,
    FrameLabel,
    Mention,
    Sentence,
    SentimentScore,
    Statement,
    to_frame,
)
from mediaframes.tables import to_records


def _by_article(records: Sequence[object]) -> dict[str, list]:
    out: dict[str, list] = {}
    for r in records:
        out.setdefault(r.article_id, []).append(r)  # type: ignore[attr-defined]
    return out


def _statements(tables: Mapping[str, pd.DataFrame]) -> list[Statement]:
    return to_records(tables["statements"], Statement)


def statement_tables(articles: Sequence[Article], actors: object) -> dict[str, pd.DataFrame]:
    r"""Segment every article and extract its statements and actor mentions.

    Args:
        articles: Validated articles (``corpus.load_corpus``).
        actors: ``attribution.load_actors(...)``.

    Returns:
        ``sentences``, ``statements``, ``mentions`` and ``evidence`` tables.

    Example:
        >>> from mediaframes import attribution, corpus
        >>> art = corpus.parse_plain_text("Talks\n\nThe envoy said a deal was near.", "a", "a.txt")
        >>> t = statement_tables([art], attribution.load_actors())
        >>> t["statements"][["speaker", "quote_type"]].values.tolist()
        [['', 'narration'], ['The envoy', 'indirect']]
    """
    sentences: list[Sentence] = []
    statements: list[Statement] = []
    mentions: list[Mention] = []
    evidence = []
    for art in articles:
        sents = segment.segment_article(art)
        st, me = attribution.attribute(art, sents, actors)
        st = sentiment.with_stance(st)  # rejected claims: not scored
        sentences += sents
        statements += st
        mentions += me
        evidence.append(attribution.evidence_view(art, st))
    ev = (
        pd.concat(evidence, ignore_index=True)
        if evidence
        else attribution.evidence_view(Article("", "", "txt", "", None, None, None, ()), [])
    )
    return {
        "sentences": to_frame(sentences, Sentence),
        "statements": to_frame(statements, Statement),
        "mentions": to_frame(mentions, Mention),
        "evidence": ev,
    }


def sentiment_tables(
    articles: Sequence[Article],
    tables: Mapping[str, pd.DataFrame],
    methods: Sequence[str],
    seed: int = 0,
    n_boot: int = BOOTSTRAP_N,
) -> dict[str, pd.DataFrame]:
    r"""Score every statement with every method, and the journalist's tone toward actors.

    Args:
        articles: The articles the tables were made from.
        tables: ``sentences``, ``statements`` and ``mentions`` (from :func:`statement_tables`).
        methods: Sentiment method names.
        seed: Seed of the bootstrap and permutation resampling.
        n_boot: Bootstrap resamples per confidence interval.

    Returns:
        ``sentiment``, ``tone``, ``sentiment_by_actor``, ``tone_by_actor``,
        ``method_agreement`` and ``actor_sentiment_tests`` tables.

    Example:
        >>> from mediaframes import attribution, corpus
        >>> art = corpus.parse_plain_text("Talks\n\nThe envoy said a deal was near.", "a", "a.txt")
        >>> t = statement_tables([art], attribution.load_actors())
        >>> len(sentiment_tables([art], t, ["vader"], n_boot=100)["sentiment"])
        2
    """
    scorers = sentiment.load_scorers(list(methods))
    statements = _statements(tables)
    sentences = _by_article(to_records(tables["sentences"], Sentence))
    mentions = _by_article(to_records(tables["mentions"], Mention))
    by_article = _by_article(statements)
    # an article's statements and tone scored together: texts they share are scored once
    # (the scorers memoize one article at a time)
    scored: list[SentimentScore] = []
    tone = []
    seen: set[str] = set()
    for art in articles:
        aid = art.article_id
        own = by_article.get(aid, [])
        if aid not in seen:
            seen.add(aid)
            scored += sentiment.score_statements(own, scorers)
        tone += sentiment.score_toward_actors(
            art, sentences.get(aid, []), mentions.get(aid, []), own, scorers
        )
    rest = [st for aid, sts in by_article.items() if aid not in seen for st in sts]
    scored += sentiment.score_statements(rest, scorers)
    # rows as `mediaframes analyze` writes them (corpus.ROW_ORDER): articles in corpus order,
    # each article's statements by id (score_statements), then method order; no global sort
    scores = to_frame(scored, SentimentScore)
    tone_df = to_frame(tone, sentiment.ToneScore)
    st_df = tables["statements"]
    return {
        "sentiment": scores,
        "tone": tone_df,
        "sentiment_by_actor": sentiment.aggregate_by_actor(st_df, scores, seed=seed, n_boot=n_boot),
        "tone_by_actor": sentiment.aggregate_tone(tone_df, seed=seed, n_boot=n_boot),
        "method_agreement": sentiment.method_agreement(scores),
        "actor_sentiment_tests": sentiment.compare_actors(
            st_df, scores, seed=seed, speakers=sentiment.actor_speakers(st_df)
        ),
    }


def frame_labels(
    articles: Sequence[Article],
    tables: Mapping[str, pd.DataFrame],
    codebooks: Sequence[str | Path | framing.Codebook],
    frame_words: str = "statement",
    actors: object = None,
) -> pd.DataFrame:
    r"""Label every statement with the frames of every codebook (the ``frames`` table).

    Cue matches inside a configured actor's name, title or office (``framing.actor_spans`` of
    the ``mentions`` table, when given, and of ``actors``) do not count, as in ``mediaframes
    analyze``.

    Args:
        articles: The articles the tables were made from.
        tables: ``statements`` and, optionally, ``mentions`` (from :func:`statement_tables`).
        codebooks: Codebook ids, YAML files or loaded codebooks.
        frame_words: ``statement`` (the whole span) or ``reported`` (only the reported words),
            as ``framing.label_statements``.
        actors: ``attribution.load_actors(...)``, the actors the statements were found with;
            None: only the mentions' spans are skipped.

    Returns:
        The ``frames`` table, articles in corpus order, codebooks in the order given.

    Example:
        >>> from mediaframes import attribution, corpus
        >>> art = corpus.parse_plain_text("Talks\n\nThe envoy said a deal was near.", "a", "a.txt")
        >>> t = statement_tables([art], attribution.load_actors())
        >>> frame_labels([art], t, ["conflict_diplomacy"])["frame"].unique().tolist()
        ['diplomacy']
    """
    framing.check_frame_words(frame_words)
    books = [c if isinstance(c, framing.Codebook) else framing.load_codebook(c) for c in codebooks]
    by_article = _by_article(_statements(tables))
    mentions_df = tables.get("mentions")
    mentions = {} if mentions_df is None else _by_article(to_records(mentions_df, Mention))
    labels: list[FrameLabel] = []
    for art in articles:
        skip = framing.ActorSkip(art.text, actors, mentions.get(art.article_id, []))
        own = by_article.get(art.article_id, [])
        for book in books:
            labels += framing.label_statements(art, own, book, frame_words, skip)
    return to_frame(labels, FrameLabel)


def framing_tables(
    articles: Sequence[Article],
    tables: Mapping[str, pd.DataFrame],
    codebooks: Sequence[str | Path],
    actors: object = None,
    frame_words: str = "statement",
    loaded_terms: str | Path | None = None,
) -> dict[str, pd.DataFrame]:
    r"""Label every statement with every codebook's frames and compare actors and sections.

    Args:
        articles: The articles the tables were made from.
        tables: ``statements`` and ``mentions`` (from :func:`statement_tables`).
        codebooks: Codebook ids or YAML files.
        actors: ``attribution.load_actors(...)``: the words of the actors' names, titles,
            offices, countries and demonyms are no topic words in ``readout_divergence`` and no
            terms in ``word_choice`` (``compare.actor_words``), and their names, titles and
            offices no frame cues (:func:`frame_labels`); None: every word counts (frame cues
            inside the ``mentions`` table's spans excepted).
        frame_words: ``statement`` or ``reported`` (:func:`frame_labels`).
        loaded_terms: Contested-terms YAML file for ``loaded_terms``
            (``compare.load_loaded_terms``); None or "": the packaged list.

    Returns:
        ``frames``, ``codebook``, ``frames_by_actor``, ``actor_frame_differences``,
        ``readout_divergence``, ``readout_divergence_by_event`` (empty unless the articles'
        metadata has an ``event``), ``readout_unpaired``, ``headline_vs_body``,
        ``word_choice``, ``loaded_terms`` and ``scare_quotes`` tables (the last two also
        search the photo captions, section ``caption``).

    Example:
        >>> from mediaframes import attribution, corpus
        >>> art = corpus.parse_plain_text("Talks\n\nThe envoy said a deal was near.", "a", "a.txt")
        >>> t = statement_tables([art], attribution.load_actors())
        >>> sorted(framing_tables([art], t, ["conflict_diplomacy"]))[:3]
        ['actor_frame_differences', 'codebook', 'frames']
    """
    books = [framing.load_codebook(c) for c in codebooks]
    terms = compare.load_loaded_terms(loaded_terms) if loaded_terms else None
    frames = frame_labels(articles, tables, books, frame_words, actors)
    st_df, mentions = tables["statements"], tables["mentions"]
    codebook = pd.concat([framing.codebook_table(b) for b in books], ignore_index=True)
    phrases = compare.anchor_phrases(st_df, actors=actors)
    events = compare.article_events(articles)
    with_captions = pd.concat([st_df, compare.caption_rows(articles)], ignore_index=True)
    return {
        "frames": frames,
        "codebook": codebook,
        "frames_by_actor": framing.frames_by_actor(st_df, frames),
        "actor_frame_differences": compare.actor_frame_differences(st_df, frames),
        "readout_divergence": compare.readout_divergence(st_df, frames, actors=actors),
        "readout_divergence_by_event": compare.event_readout_divergence(
            st_df, frames, events, actors=actors
        ),
        "readout_unpaired": compare.readout_unpaired(st_df, events),
        "headline_vs_body": compare.headline_vs_body(st_df, frames, mentions),
        "word_choice": compare.word_choice(phrases),
        "loaded_terms": compare.loaded_term_uses(with_captions, terms),
        "scare_quotes": compare.scare_quotes(with_captions),
    }

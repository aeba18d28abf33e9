"""Sentiment of statements and of the journalist's sentences toward actors, with uncertainty.

Several dictionary methods are run side by side, because none of them is reliable on news on its
own (see :data:`SENTIMENT_CAVEAT`). Every method's score is put on a common −1…1 scale and given a
label with the thresholds in :data:`LABEL_THRESHOLDS`.

Methods (all lexicons ship inside pinned PyPI packages; nothing is downloaded):

* ``vader``: the reference ``vaderSentiment`` 3.3.2 (Hutto & Gilbert 2014),
  ``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]``. Not nltk's port, which
  scores some inputs differently ("no good option", repeated words, one-character tokens).
  Already on −1…1. Computed by :class:`mediaframes.vader_fast.VaderCompound`, an exact port
  (derived from vaderSentiment 3.3.2, MIT licence) that reads the package's lexicons and
  constants and gives the package's compound float for float (~5× faster; tests compare it
  with the package on thousands of generated sentences).
* ``textblob``: TextBlob 0.20's pattern lexicon (``en-sentiment.xml``; mean polarity of the
  matched adjectives, with pattern's own negation and intensifier rules). Already on −1…1.
  Computed by :class:`mediaframes.pattern_fast.PatternPolarity`, an exact port of pattern's
  ``Sentiment.__call__`` over the lexicon the installed package loads, equal float for float
  to ``TextBlob(text).sentiment.polarity`` (~8× faster; tested the same way).
* ``afinn``: the AFINN-en-165 word list of the ``afinn`` package (Nielsen 2011): integer valences
  −5…5 summed over the text, **no negation handling**. The sum ``s`` is mapped to −1…1 with
  VADER's own normalization ``s / sqrt(s² + 15)``: both lexicons use integer-ish valences of the
  same magnitude (AFINN −5…5, VADER −4…4) and both sum them, so the same squashing makes one
  strong word land where VADER puts it (AFINN "good" = 3 → 0.61; VADER "good" → 0.44) and keeps
  long texts from saturating as fast as a clip would. A per-token mean was rejected because it
  depends on how many neutral words a sentence has, which on news is mostly style. Matching is
  the package's (a contraction such as "won't" matches the entry "won", +3), reimplemented in
  :class:`AfinnMatcher` to run ~8× faster with identical results.
* ``labmt``: the labMT 1.0 happiness ratings (Dodds et al. 2011, PLoS ONE 6(12): e26752;
  10,222 frequent words of Twitter, Google Books, New York Times and song lyrics, each rated
  1–9 by 50 crowd workers), bundled in the ``wordshift`` package. Score: the average rating of
  the text's words that are in labMT and outside the neutral lens 4–6 (:data:`LABMT_LENS`),
  mapped to −1…1 by ``(h − 5) / 4``; 0 when no such word. Bag of words, no negation; topic
  words carry weight ("war" 1.80, "peace" 7.86), so it measures the happiness of the
  vocabulary more than the stance — useful as a contrast to the valence lexicons above.

Which text is scored (``text_to_score``): for a ``direct``, ``mixed`` or ``indirect`` statement,
``Statement.quote_text`` — the words attributed to the speaker —, so that the journalist's framing
("X warned", "X falsely claimed") does not leak into the speaker's score; for ``narration`` (and
for a statement whose ``quote_text`` is empty), the statement's ``text``. Before scoring,
typographic quotes, apostrophes and primes (’ ‘ ‚ ‛ ′ ´ ` “ ” „ ‟ ″ « ») are replaced by ASCII
``'`` and ``"`` (:func:`normalize_quotes`): VADER's negation rules look for ``n't`` and fail on
``n’t`` ("doesn’t like" would read positive). The exact string given to every method is
recorded as ``text_scored``.

Rejected claims are not scored: when a statement's content is a claim its speaker rejects
(``Statement.stance == "rejects"``, :func:`statement_stance`: "Kroll rejected the mayor's claim
that neglect caused the shortage", "X denied that …", "X dismissed suggestions that …", "X
rejects blame for …"), its ``quote_text`` holds the words or view the speaker rejects, and
their lexicon score is neither the speaker's sentiment nor its opposite. Such a statement gets
no rows in ``sentiment.csv``, so it counts in no speaker's mean, test or difference;
``sentiment_by_actor`` says how many of each speaker's statements were left out
(``n_rejected``).

Uncertainty: means get percentile-bootstrap 95% intervals (:func:`bootstrap_ci`), differences
between two speakers' means percentile-bootstrap 95% intervals (:func:`bootstrap_diff_ci`, in
``actor_sentiment_differences.csv`` of ``mediaframes analyze``) and a two-sided permutation test
(:func:`permutation_test`, :data:`PERMUTATION_N` = 10,000 permutations, p-value
:data:`PERMUTATION_P_VALUE`), whose p-values Holm's method adjusts over :data:`HOLM_FAMILY`
(``actor_sentiment_tests`` of ``mediaframes run``). All draw from a numpy Generator seeded by
the one ``seed`` (the run's parameter: it seeds the bootstrap and the permutations) and the
group's or pair's name, so results are identical run to run and one group's numbers do not
change when another group is added. :func:`permutation_tests_description` gathers the tests'
settings for a report's Methods. The number of resamples defaults to
:data:`mediaframes.config.BOOTSTRAP_N` everywhere (``mediaframes run``, ``mediaframes analyze``,
these functions), so the same data and seed give the same intervals.

Tables (all long format, one row per record; sorted for deterministic output):

``sentiment.csv`` (:func:`score_statements` → ``records.to_frame``)
    ``statement_id, method, score, label, text_scored`` (no rows for a statement that rejects
    a claim).
``tone.csv`` (:func:`score_toward_actors` → :class:`ToneScore`)
    ``article_id, sentence_index, actor, method, score, label, text_scored, char_start,
    char_end`` — the journalist's own words in a sentence that mentions ``actor`` outside quotes;
    quoted and reported speech removed, the actors' configured names, aliases and offices masked
    (the reporting verb kept); ``char_start/char_end`` is the sentence span.
``sentiment_by_actor.csv`` (:func:`aggregate_by_actor`)
    ``speaker, method, n, n_rejected, mean, median, ci_low, ci_high, note`` (``n_rejected``:
    the speaker's statements not scored because they reject a claim); the per-article version
    (:func:`aggregate_by_article`) adds ``article_id`` first and has no ``n_rejected``;
    :func:`aggregate_tone` has ``actor`` instead of ``speaker`` and no ``n_rejected``.
``actor_sentiment_tests.csv`` of ``mediaframes run`` (:func:`compare_actors` of the pairs of
    configured actors only)
    ``method, speaker_a, speaker_b, n_a, n_b, mean_a, mean_b, diff, p_value, p_holm, note``.
``method_agreement.csv`` of ``mediaframes run``, ``sentiment_method_agreement.csv`` of
    ``mediaframes analyze`` (:func:`method_agreement`)
    ``method_a, method_b, n, spearman_r, label_agreement, cohen_kappa``.
:func:`statement_agreement` (a table for notebooks; no command writes it)
    ``statement_id, n_methods, majority_label, label_agreement, all_agree, score_min,
    score_max``.

Example:
    >>> normalize_quotes("He doesn’t like it")
    "He doesn't like it"
    >>> label_score(0.05), label_score(-0.2), label_score(0.0)
    ('positive', 'negative', 'neutral')
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.util
import math
import re
import warnings
import zlib
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, combinations
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from mediaframes.config import BOOTSTRAP_N, check_bootstrap, check_integer, non_negative
from mediaframes.records import (
    Article,
    Mention,
    Sentence,
    SentimentScore,
    Statement,
    fast_records,
)
from mediaframes.segment import normalize_quotes
from mediaframes.vader_fast import TokenCache

METHODS: tuple[str, ...] = ("vader", "textblob", "afinn", "labmt")
"""Methods run by default, in output order."""

LABELS: tuple[str, ...] = ("negative", "neutral", "positive")
"""Sentiment labels, in scale order."""

LABEL_VALUE: dict[str, int] = {"negative": -1, "neutral": 0, "positive": 1}
"""Ordinal value of each label (used for Spearman and Krippendorff's alpha on labels)."""

LABEL_THRESHOLDS: dict[str, float] = {
    "vader": 0.05,
    "textblob": 0.05,
    "afinn": 0.05,
    "labmt": 0.05,
}
"""``score >= t`` is positive, ``score <= -t`` negative, anything between neutral.

* ``vader``: ±0.05 is the convention of VADER's authors (vaderSentiment README).
* ``afinn``: the AFINN sum is an integer, so after ``s/sqrt(s²+15)`` the smallest non-zero score
  is ±0.25: any threshold below that means "non-zero sum"; ±0.05 is used for uniformity.
* ``textblob``: pattern's polarity is an average of adjective values, and its smallest common
  non-zero values are around ±0.1 ("new", "long" …); ±0.05 keeps those single mild adjectives
  as non-neutral, matching how VADER treats a single mild word.
* ``labmt``: ±0.05 is ±0.2 on labMT's 1–9 scale; since words within 1 of the midpoint are
  excluded (the lens), a single word always scores at least ±0.25: only texts mixing happy and
  unhappy words in near balance come out neutral.

Using the same threshold for all methods means label disagreements come from the methods, not
from the cut-offs.
"""

LABMT_LENS: tuple[float, float] = (4.0, 6.0)
"""labMT words scored within this closed interval are ignored (Dodds et al. 2011's Δh = 1)."""

AFINN_ALPHA: float = 15.0
"""``alpha`` of the AFINN normalization ``s / sqrt(s² + alpha)`` (VADER's value)."""

MIN_N_CONCLUDE: int = 10
"""Below this many statements an actor's mean gets the note "n too small to conclude".

With fewer than ~10 values a single statement moves the mean by more than 0.1 on the −1…1
scale, and percentile-bootstrap intervals are known to be too narrow at small n (Efron &
Tibshirani 1993, ch. 13), so the CI would overstate certainty.
"""

NOTE_SMALL_N = f"n too small to conclude (n < {MIN_N_CONCLUDE})"
NOTE_NO_CI = "CI undefined (n < 2)"
NOTE_NO_VARIATION = "all scores equal: CI is a single point"

SENTIMENT_CAVEAT: str = (
    "How to read these sentiment scores: they come from word lists (dictionaries), not from an "
    "understanding of the text. Such methods are much weaker on news than on social media: "
    "VADER's scores correlated r = 0.49 with human ratings of New York Times editorial "
    "snippets, against r = 0.88 on tweets (Hutto & Gilbert 2014). Official language is "
    'especially misleading: polite formulas such as "constructive dialogue", "a fair offer" or '
    '"we remain fully committed" read as positive whatever is meant. A '
    "score describes the wording of a statement, not the speaker's intentions or how the sides "
    "stand with each other. Read the methods side by side, look at how far they agree "
    "(method_agreement), treat actor averages with few statements as anecdotes, and check the "
    "methods against your own hand-coded sample (mediaframes validate) before drawing "
    "conclusions."
)
"""Plain-language caveat shown beside every sentiment result in the report."""

# One quote table for the package: :func:`normalize_quotes` lives in :mod:`segment`.


def label_score(score: float, method: str | None = None, threshold: float | None = None) -> str:
    """Label a −1…1 score as negative, neutral or positive.

    Args:
        score: The score.
        method: Method name, to use its threshold from :data:`LABEL_THRESHOLDS` (default 0.05).
        threshold: Explicit threshold, overriding the method's.

    Returns:
        ``positive`` when ``score >= t``, ``negative`` when ``score <= -t``, else ``neutral``.

    Example:
        >>> label_score(-0.05, "vader")
        'negative'
    """
    t = threshold if threshold is not None else LABEL_THRESHOLDS.get(method or "", 0.05)
    if score >= t:
        return "positive"
    if score <= -t:
        return "negative"
    return "neutral"


def afinn_to_unit(total: float, alpha: float = AFINN_ALPHA) -> float:
    """Map an AFINN sum to −1…1 with VADER's normalization ``s / sqrt(s² + alpha)``.

    Args:
        total: Sum of AFINN valences of the text.
        alpha: Normalization constant (:data:`AFINN_ALPHA`).

    Returns:
        The score on −1…1 (0.0 for a zero sum).

    Example:
        >>> round(afinn_to_unit(3.0), 4)
        0.6124
    """
    return total / math.sqrt(total * total + alpha)


def check_methods(methods: Sequence[str]) -> None:
    """Refuse an empty list or an unknown method name (the error lists the known ones).

    Example:
        >>> check_methods(["vader", "nope"])  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ValueError: unknown sentiment method(s) ['nope']; known: [...]
    """
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        raise ValueError(f"unknown sentiment method(s) {unknown}; known: {list(METHODS)}")
    if not methods:
        raise ValueError("no sentiment method given")


Labeled = tuple[tuple[str, float, str], ...]
"""``(method, score, label)`` of every method, in method order."""

_Entry = tuple[dict[str, float], Labeled]
"""A memoized text: ``{method: score}`` and its :data:`Labeled` triples."""


class Scorers:
    """The loaded sentiment methods, each lexicon loaded once.

    Pickling sends only the method names; the lexicons are rebuilt on unpickling, and every
    lexicon is loaded once per process (about 1–2 s for all four, most of it importing
    TextBlob/nltk and warming the labMT cache), so a ``Scorers`` can be handed to Dask workers.

    Attributes:
        methods: The methods, in output order.

    Example:
        >>> s = load_scorers(["vader"])
        >>> s.score_text("It is not good.")["vader"]
        -0.3412
    """

    def __init__(self, methods: Sequence[str]):
        check_methods(methods)
        self.methods: tuple[str, ...] = tuple(dict.fromkeys(methods))
        self._fns = {m: _loaded(m) for m in self.methods}
        # the article whose texts are memoized, and text -> its :data:`_Entry`
        self._memo: tuple[str, dict[str, _Entry]] = ("", {})

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (_shared_scorers, (self.methods,))

    def __repr__(self) -> str:
        return f"Scorers({list(self.methods)})"

    def prepare(self, texts: Iterable[str], lazy: bool = False) -> None:
        """Warm per-word caches with many texts at once (labMT looks words up in batches).

        Optional: scoring gives the same results without it, only slower on unseen words.

        Args:
            texts: Texts about to be scored (normalized or not).
            lazy: Only remember the texts; labMT looks up their words together when it first
                meets a word it has not seen (no work at all when every word is known).
        """
        texts = list(texts)
        for fn in self._fns.values():
            warm = getattr(fn, "prepare", None)
            if warm is not None:
                warm(texts, lazy=lazy)

    def raw(self, method: str, text: str) -> float:
        """Score ``text`` (already normalized) with one method, on −1…1."""
        return self._fns[method](text)

    def _score(self, text: str) -> dict[str, float]:
        """Score ``text`` (already normalized) with every method, splitting it once.

        Every method starts from the white-space tokens of the text (``text.split()``; VADER
        and pattern split the text so, AFINN and labMT read their words token by token), so
        the list is made once and handed to each.
        """
        words = text.split()
        return {m: fn(text, words) for m, fn in self._fns.items()}

    def labeled_in(self, article_id: str, text: str) -> Labeled:
        """:meth:`scores_in` as ``(method, score, label)`` triples, labeled once per text.

        Args:
            article_id: The article the text comes from.
            text: The text, quotes normalized.

        Returns:
            One triple per method, in method order.

        Example:
            >>> load_scorers(["vader"]).labeled_in("a", "It is not good.")
            (('vader', -0.3412, 'negative'),)
        """
        return self._memo_entry(article_id, text)[1]

    def scores_in(self, article_id: str, text: str) -> dict[str, float]:
        """Score ``text`` (already normalized) with every method, memoized within one article.

        Scores depend on the text only, so a text scored twice in the same article (a narration
        statement, then the same sentence as journalist's text toward an actor) is scored once.
        The memo holds one article at a time: it is emptied when ``article_id`` changes, so
        memory does not grow with the corpus.

        Args:
            article_id: The article the text comes from.
            text: The text, quotes normalized.

        Returns:
            ``{method: score}`` in method order (do not modify it).

        Example:
            >>> s = load_scorers(["vader"])
            >>> s.scores_in("a", "It is not good.")
            {'vader': -0.3412}
        """
        return self._memo_entry(article_id, text)[0]

    def labeled_many(self, article_id: str, texts: Sequence[str]) -> list[Labeled]:
        """:meth:`labeled_in` of several texts of one article, scored method by method.

        The texts not memoized yet are scored by one method after the other (all texts with
        VADER, then all with the next method …) rather than text by text: each method's code
        and per-token cache stay warm in the processor's caches (on 1,000 synthetic articles,
        whole-corpus lists scored about 17% faster so; an article's batch gains less). Scores
        depend on the text only, so the results are those of :meth:`labeled_in`.

        Args:
            article_id: The article the texts come from.
            texts: The texts, quotes normalized (repeats allowed).

        Returns:
            One :data:`Labeled` per text, in order.

        Example:
            >>> load_scorers(["vader"]).labeled_many("a", ["Good.", "Bad."])
            [(('vader', 0.4404, 'positive'),), (('vader', -0.5423, 'negative'),)]
        """
        memo = self._article_memo(article_id)
        new = [t for t in dict.fromkeys(texts) if t not in memo]
        if new:
            words = [t.split() for t in new]
            columns = [list(map(fn, new, words)) for fn in self._fns.values()]
            methods = self.methods
            # label_score(v, m), inlined and column by column: tens of thousands of calls per
            # 1,000 articles
            labels = [
                ["positive" if v >= t else "negative" if v <= -t else "neutral" for v in column]
                for column, t in zip(
                    columns, [LABEL_THRESHOLDS.get(m, 0.05) for m in methods], strict=True
                )
            ]
            for text, values, names in zip(
                new, zip(*columns, strict=True), zip(*labels, strict=True), strict=True
            ):
                labeled = tuple(zip(methods, values, names, strict=True))
                memo[text] = (dict(zip(methods, values, strict=True)), labeled)
        return [memo[t][1] for t in texts]

    def _article_memo(self, article_id: str) -> dict[str, _Entry]:
        """The memo of ``article_id``, emptied when the article changes (see :meth:`scores_in`)."""
        memo_id, memo = self._memo
        if memo_id != article_id or not memo_id:
            memo = {}
            self._memo = (article_id, memo)
        return memo

    def _memo_entry(self, article_id: str, text: str) -> _Entry:
        """The memoized scores of ``text`` and their labels (see :meth:`scores_in`)."""
        memo = self._article_memo(article_id)
        entry = memo.get(text)
        if entry is None:
            scores = self._score(text)
            labeled = tuple((m, v, label_score(v, m)) for m, v in scores.items())
            entry = memo[text] = (scores, labeled)
        return entry

    def score_text(self, text: str) -> dict[str, float]:
        """Normalize quotes in ``text`` and score it with every method.

        Args:
            text: The text.

        Returns:
            ``{method: score}`` in method order.
        """
        return self._score(normalize_quotes(text))


def _load_vader() -> Any:
    # The reference ``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]``, computed
    # by an exact port that reads the package's lexicons (tests check equality with it).
    from mediaframes.vader_fast import VaderCompound

    return VaderCompound()


def _load_textblob() -> Any:
    # ``TextBlob(text).sentiment.polarity``, computed by an exact port of pattern's
    # ``Sentiment.__call__`` over the package's lexicon (tests check equality with it).
    from mediaframes.pattern_fast import PatternPolarity

    return PatternPolarity()


#: Distinct white-space tokens kept in the AFINN and labMT per-token caches before each is
#: emptied (bounds memory on large corpora; results do not depend on it).
TOKEN_CACHE_LIMIT = 30_000

_WORD_RUN = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
_SPACES = re.compile(r"\s+")


class AfinnMatcher:
    r"""The ``afinn`` package's matching, without its 3,382-way regular expression.

    ``Afinn.score`` lower-cases the text, collapses white space, and finds the dictionary
    entries with ``\b(?:longest|…|shortest)\b``. Every entry is word runs joined by a space,
    an apostrophe or a hyphen, so a match can only start where a word run starts and its first
    run must equal that whole run. This class indexes entries by first run and tries them
    longest first at each run start, left to right, skipping runs inside the previous match —
    the same matches as the regex, about ten times faster (tests check equality with the
    package).

    Example:
        >>> AfinnMatcher().total("It won't be good: it is not good")
        4.0
    """

    def __init__(self) -> None:
        from afinn import Afinn

        lexicon = Afinn(language="en", emoticons=False)
        self.entries: dict[str, float] = dict(lexicon._dict)
        by_first: dict[str, list[str]] = {}
        for entry in self.entries:
            first = _WORD_RUN.match(entry)
            if first is None or first.start() != 0:
                raise ValueError(f"AFINN entry {entry!r} does not start with a word character")
            by_first.setdefault(first.group(), []).append(entry)
        self._by_first = {k: sorted(v, key=len, reverse=True) for k, v in by_first.items()}
        self._trimmed = not any(e[-1:].isspace() for e in self.entries)  # see :meth:`total`
        # entries that are one word run, and the first runs of the other entries
        self._single = {e: v for e, v in self.entries.items() if _WORD_RUN.fullmatch(e)}
        self._multi_first = frozenset(
            _WORD_RUN.match(e).group() for e in self.entries if e not in self._single
        )
        self._token_sums: dict[str, int | None] = TokenCache(
            self._token_sum, limit=TOKEN_CACHE_LIMIT
        )
        self._token_multi: dict[str, tuple[int, tuple[str, ...]]] = TokenCache(
            self._multi_token, limit=TOKEN_CACHE_LIMIT
        )

    def find_all(self, text: str) -> list[str]:
        """Return the dictionary entries found in ``text``, in order (as ``Afinn.find_all``)."""
        low = _SPACES.sub(" ", text).lower()
        found: list[str] = []
        end = 0
        n = len(low)
        for run in _WORD_RUN.finditer(low):
            p = run.start()
            if p < end:
                continue
            for entry in self._by_first.get(run.group(), ()):
                stop = p + len(entry)
                if low.startswith(entry, p) and (stop == n or not _WORD_CHAR.match(low, stop)):
                    found.append(entry)
                    end = stop
                    break
        return found

    def _multi_token(self, token: str) -> tuple[int, tuple[str, ...]]:
        """``(sum, entries)`` of one white-space token (cached).

        ``sum``: the valences of its word runs that are single-run entries; ``entries``: the
        multi-run entries ("not good", "self-deluded") whose first run is one of its runs.
        """
        runs = _WORD_RUN.findall(token.lower())
        single, by_first = self._single, self._by_first
        entries = tuple(
            e for r in runs if r in self._multi_first for e in by_first[r] if e not in single
        )
        return sum([single[w] for w in runs if w in single]), entries  # AFINN valences are ints

    def _token_sum(self, token: str) -> int | None:
        """:meth:`_multi_token`'s sum, or None when the token starts a multi-run entry (cached)."""
        total, entries = self._multi_token(token)
        return None if entries else total

    def total(self, text: str, words: Sequence[str] | None = None) -> float:
        """Sum of the AFINN valences in ``text`` (as ``Afinn.score``).

        When no multi-run entry ("not good", "self-deluded") occurs in the text, the matches
        are exactly the word runs that are entries, so they are summed directly. The runs are
        those of the text with white space collapsed, as :meth:`find_all` reads it: collapsing
        changes no word character, nor how one is lower-cased (white space is neither cased
        nor case-ignorable, the context of a final sigma). For the same reason the runs of the
        text are the runs of its white-space tokens (``text.split()``) one after the other, so
        each distinct token is read once (:meth:`_multi_token`, cached) and the integer sums
        of the tokens are added up (integers: any grouping is exact). A multi-run entry can
        only match where it occurs as a substring of the collapsed, lower-cased text, and
        only if its first run is a run of the text: :meth:`find_all` runs when one does.

        Args:
            text: The text.
            words: ``text.split()`` when the caller has it already.

        Returns:
            The sum, as a float.
        """
        words = text.split() if words is None else words
        sums = list(map(self._token_sums.__getitem__, words))
        if None not in sums:
            return float(sum(sums))
        # some token starts a multi-run entry: the same sum, from every token's (sum, entries)
        # (``_token_sums`` is ``_token_multi``'s sum where not None), gathered at C level
        multi = list(map(self._token_multi.__getitem__, words))
        total = sum(map(_FIRST, multi))
        # An entry :meth:`find_all` finds lies in the collapsed, lower-cased text, which is
        # ``" ".join(words).lower()`` with at most a space added at each end (same white
        # space as ``str.split``; a space neither cased nor case-ignorable, so lower-casing
        # is unchanged): starting with a word character and not ending with white space
        # (``_trimmed``), the entry is in the joined text too. Joining is cheaper than
        # ``_SPACES.sub``, and this only decides whether :meth:`find_all` runs.
        low = (" ".join(words) if self._trimmed else _SPACES.sub(" ", text)).lower()
        if any(e in low for e in set(chain.from_iterable(map(_SECOND, multi)))):
            return float(sum(self.entries[e] for e in self.find_all(text)))
        return float(total)


class _Afinn:
    """AFINN on −1…1: :func:`afinn_to_unit` of :meth:`AfinnMatcher.total`."""

    def __init__(self) -> None:
        self.matcher = AfinnMatcher()

    def __call__(self, text: str, words: Sequence[str] | None = None) -> float:
        return afinn_to_unit(self.matcher.total(text, words))


def _load_afinn() -> Any:
    return _Afinn()


_LABMT_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def _package_dir(name: str) -> Path:
    """Folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"package {name!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _labmt_prime_vocabulary() -> list[str]:
    """Common English word forms from lexicons that ship in installed packages.

    Only used to warm the labMT cache in one call (see :class:`_LabMT`); a word missing here is
    looked up when first seen, so results do not depend on this list.
    """
    words: set[str] = set()
    tb = _package_dir("textblob") / "en"  # located without importing textblob (and nltk)
    for name in ("en-lexicon.txt", "en-spelling.txt"):
        for line in (tb / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith(";"):
                words.add(line.split()[0].lower())
    vader_file = _package_dir("vaderSentiment") / "vader_lexicon.txt"
    afinn_file = _package_dir("afinn") / "data" / "AFINN-en-165.txt"
    for path in (vader_file, afinn_file):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                words.add(line.split("\t")[0].lower())
    return sorted(w for w in words if _LABMT_TOKEN.fullmatch(w))


class _LabMT:
    """labMT 1.0 average happiness (Dodds et al. 2011) through the ``wordshift`` package.

    ``wordshift`` bundles the labMT English lexicon (10,222 words rated 1–9 for happiness) but
    exposes it only through its word-shift functions. With ``reference_value=0.0`` the
    documented per-word field ``s_ref_diff`` (word score minus the reference) is the word's
    labMT score, so words are looked up in batches, each word once, and cached (misses too).
    """

    def __init__(self) -> None:
        import wordshift

        self._shift = wordshift.weighted_avg_shift
        # every word looked up (misses too): its score when it counts (outside the lens),
        # else None; and the scores of the words found in labMT (at most its 10,222 words)
        self._counted: dict[str, float | None] = {}
        self._scores: dict[str, float] = {}
        self._pending: list[str] = []  # texts announced by a lazy prepare()
        # white-space token -> the counted scores of its words, in order (see __call__)
        self._by_token: dict[str, tuple[float, ...]] = {}
        self.lookup(_labmt_prime_vocabulary())

    def lookup(self, words: Iterable[str]) -> None:
        """Fetch the labMT scores of words not seen yet (one ``wordshift`` call)."""
        new = sorted(set(words).difference(self._counted))
        if not new:
            return
        freq = dict.fromkeys(new, 1)
        result = self._shift(freq, freq, lexicon="labMT_English", reference_value=0.0, top_n=0)
        found = {e["type"]: float(e["s_ref_diff"]) for e in result["entries"]}
        lo, hi = LABMT_LENS
        for w in new:
            h = found.get(w)
            if h is not None:
                self._scores[w] = h
            self._counted[w] = h if h is not None and not lo <= h <= hi else None

    def prepare(self, texts: Iterable[str], lazy: bool = False) -> None:
        """Look up every unseen word of ``texts`` in one call (when ``lazy``: at the first miss)."""
        texts = list(texts)
        if lazy:
            self._pending = texts
        else:
            self._lookup_texts(texts)

    def _lookup_texts(self, texts: list[str], words: Sequence[str] = ()) -> None:
        """Look up ``words`` and the words of ``texts`` (quotes normalized) in one call."""
        # one pass over the texts joined by a line break (not part of any token)
        joined = normalize_quotes("\n".join(texts))
        self.lookup([*words, *_LABMT_TOKEN.findall(joined.lower())])

    def word_score(self, word: str) -> float | None:
        """Return the labMT score (1–9) of a lower-case word, None when not in labMT."""
        self.lookup([word])
        return self._scores.get(word)

    def _cache_tokens(self, tokens: Sequence[str]) -> dict[str, tuple[float, ...]]:
        """Put the white-space tokens of one text in the per-token cache, and return them.

        Words never looked up trigger one ``wordshift`` call, for them and for the words of
        the texts announced by a lazy :meth:`prepare` (as a miss did before the cache).

        Returns:
            ``{token: counted scores}`` for every token of the text (read from this rather
            than from the cache, which another thread may empty meanwhile).
        """
        cache = self._by_token
        if len(cache) + len(tokens) > TOKEN_CACHE_LIMIT:
            cache.clear()
        runs = {t: _LABMT_TOKEN.findall(t.lower()) for t in tokens}
        counted = self._counted  # never emptied: every word looked up stays
        missing = [w for words in runs.values() for w in words if w not in counted]
        if missing:
            pending, self._pending = self._pending, []
            self._lookup_texts(pending, missing)
        out = {}
        for token, words in runs.items():
            out[token] = tuple(h for h in map(counted.__getitem__, words) if h is not None)
        cache.update(out)
        return out

    def __call__(self, text: str, words: Sequence[str] | None = None) -> float:
        """Return the labMT score of ``text`` on −1…1 (0.0 when no word counts).

        The words of the text (``_LABMT_TOKEN`` runs of the lower-cased text) are the words of
        its white-space tokens one after the other (no word holds white space, and lower-casing
        a token alone gives the same characters: white space is neither cased nor
        case-ignorable), so the counted scores are read per distinct token from a cache, in
        the same order as the words, and averaged as before.

        Args:
            text: The text (quotes normalized).
            words: ``text.split()`` when the caller has it already.
        """
        tokens = text.split() if words is None else words
        cache = self._by_token
        try:
            values = list(chain.from_iterable(map(cache.__getitem__, tokens)))
        except KeyError:  # a token not seen yet (or the cache was emptied)
            values = list(chain.from_iterable(map(self._cache_tokens(tokens).__getitem__, tokens)))
        if not values:
            return 0.0
        return (sum(values) / len(values) - 5.0) / 4.0


def _load_labmt() -> Any:
    return _LabMT()


_LOADERS = {
    "vader": _load_vader,
    "textblob": _load_textblob,
    "afinn": _load_afinn,
    "labmt": _load_labmt,
}


@functools.cache
def _loaded(method: str) -> Any:
    """The scoring function of ``method``, loaded once per process.

    Shared by every :class:`Scorers` of the process (a Dask worker builds the resources of
    each run anew): the functions' own caches (tokens, labMT words) never change a result.
    """
    return _LOADERS[method]()


@functools.lru_cache(maxsize=8)
def _shared_scorers(methods: tuple[str, ...]) -> Scorers:
    """Scorers rebuilt from a pickle: one instance per process and method tuple."""
    return Scorers(methods)


def load_scorers(methods: Sequence[str] | None = None) -> Scorers:
    """Load the sentiment methods (each lexicon once).

    Args:
        methods: Method names from :data:`METHODS`; all of them when None.

    Returns:
        A picklable :class:`Scorers`.

    Raises:
        ValueError: For an unknown method name.

    Example:
        >>> load_scorers(["afinn"]).methods
        ('afinn',)
    """
    return Scorers(METHODS if methods is None else methods)


def text_to_score(statement: Statement) -> str:
    """Return the text of a statement that sentiment is computed on (before normalization).

    Args:
        statement: The statement.

    Returns:
        ``quote_text`` for direct, mixed and indirect statements (the speaker's words), the
        statement ``text`` for narration or when ``quote_text`` is empty.

    Example:
        >>> st = Statement("a", "a:0", "x", "actor", "", "", "", "direct", "said", "body",
        ...                'X said: "Fine."', "Fine.", 0, 15, 9, 14, "r")
        >>> text_to_score(st)
        'Fine.'
    """
    if statement.quote_type != "narration" and statement.quote_text.strip():
        return statement.quote_text
    return statement.text


#: ``Statement.stance`` of a statement whose content is a claim its speaker rejects.
REJECTS = "rejects"

#: Reporting verbs (as written, lower case) whose content is always what the speaker says is
#: untrue: "denied that he had met her", "denied wrongdoing", "disputed the figures".
_DENY_FORMS = frozenset(
    "deny denies denied denying refute refutes refuted refuting rebut rebuts rebutted "
    "rebutting dispute disputes disputed disputing disavow disavows disavowed disavowing".split()
)
#: Reporting verbs that reject a claim only when their object names one ("rejected the
#: mayor's claim that …", "dismissed suggestions that …"); "rejected the plan because it was
#: late" rejects a thing, and the words after it are the speaker's own.
_REJECT_FORMS = frozenset(
    "reject rejects rejected rejecting dismiss dismisses dismissed dismissing repudiate "
    "repudiates repudiated repudiating".split()
)
#: The start of the words after a rejecting verb when they name others' words: "that …"
#: right away, or up to ten words (no clause punctuation), then a noun of speech or blame, then
#: "that/of/for/on/about/over/from/by" or the end ("the mayor of Velmore's claim that …",
#: "reports that …", "blame for …", "allegations of …", "demands on …", "the governor's account
#: of …", "the accusation.").
_CLAIM_LEAD_RE = re.compile(
    r"(?:that\b|(?:[^\s,;:.!?]+\s+){0,10}?"
    r"(?:claims?|reports?|suggestions?|allegations?|accusations?|assertions?|charges?|"
    r"criticisms?|complaints?|rumou?rs?|speculation|notion|idea|theory|fears?|concerns?|"
    r"calls?|demands?|accounts?|versions?|narratives?|interpretations?|readings?|blame|"
    r"responsibility|guilt|wrongdoing)"
    r"(?:\s+(?:that|of|for|on|about|over|from|by)\b|\s*[,;:.!?]?\s*$))",
    re.IGNORECASE,
)


def reported_lead(statement: Statement) -> str | None:
    """The words after the reporting verb up to the content, then the content itself.

    Args:
        statement: The statement.

    Returns:
        ``text`` from the end of ``reporting_verb`` to the start of ``quote_text``, then
        ``quote_text``, stripped; None when the verb is not found in ``text`` before the content
        (the content comes first: "…, Kroll denied", or the verb is no word of ``text``).

    Example:
        >>> st = Statement("a", "a:1", "k", "actor", "", "", "", "indirect", "rejected", "body",
        ...                "Kroll rejected on Monday the claim that it failed.",
        ...                "the claim that it failed", 0, 50, 25, 49, "r")
        >>> reported_lead(st)
        'on Monday the claim that it failed'
    """
    found = verb_before_content(statement)
    if found is None:
        return None
    at, content_at = found
    verb_end = at + len(statement.reporting_verb.strip())
    return (statement.text[verb_end:content_at] + statement.quote_text).strip()


def verb_before_content(statement: Statement) -> tuple[int, int] | None:
    """Where the reporting verb stands in ``text`` before the content, and where the content is.

    Args:
        statement: The statement.

    Returns:
        ``(offset of reporting_verb, offset of quote_text)``, both into ``text``; None when the
        verb is not found in ``text`` before the content (the content comes first: "…, Kroll
        denied", or the verb is no word of ``text``).

    Example:
        >>> st = Statement("a", "a:1", "k", "actor", "", "", "", "indirect", "rejected", "body",
        ...                "Kroll rejected the claim.", "the claim", 0, 25, 15, 24, "r")
        >>> verb_before_content(st)
        (6, 15)
    """
    verb = statement.reporting_verb.strip().lower()
    content_at = statement.quote_start - statement.char_start
    if not verb or not 0 <= content_at <= len(statement.text):
        return None
    at = statement.text.lower().rfind(verb, 0, content_at)
    return None if at < 0 else (at, content_at)


def statement_stance(statement: Statement) -> str:
    """:data:`REJECTS` when a statement's content is a claim its speaker rejects, else "".

    A pure function of the statement's fields. Only reported content counts (``indirect`` or
    ``mixed``: a ``direct`` quotation is the speaker's own words whatever the verb), and only
    after the reporting verb (the verb as written; "flatly denied" counts):

    * deny, refute, rebut, dispute, disavow: always. The content is what the speaker says is
      untrue ("denied that he had met her": "he had met her" is the proposition denied; its
      lexicon score is not the speaker's sentiment).
    * reject, dismiss, repudiate: when the words after the verb name others' words or blame
      (:data:`_CLAIM_LEAD_RE`: "the mayor's claim that …", "reports that …", "suggestions
      that …", "allegations of …", "blame for …") or a "that" clause follows at once. Not when
      the object is a thing ("rejected the plan because it was late": the reason is the
      speaker's own) or the speaker's own characterization follows ("dismissed the report as
      biased").

    Example:
        >>> st = Statement("a", "a:0", "k", "actor", "", "", "", "indirect", "rejects",
        ...                "headline", "Kroll rejects blame for shortage",
        ...                "blame for shortage", 0, 32, 14, 32, "r")
        >>> statement_stance(st)
        'rejects'
    """
    if statement.quote_type not in ("indirect", "mixed"):
        return ""
    words = statement.reporting_verb.lower().split()
    deny = not _DENY_FORMS.isdisjoint(words)
    if not deny and _REJECT_FORMS.isdisjoint(words):
        return ""
    lead = reported_lead(statement)
    if lead is None or not lead:
        return ""
    return REJECTS if deny or _CLAIM_LEAD_RE.match(lead) else ""


def with_stance(statements: Iterable[Statement]) -> list[Statement]:
    """The statements with ``stance`` set by :func:`statement_stance` (the others unchanged).

    Example:
        >>> st = Statement("a", "a:0", "k", "actor", "", "", "", "indirect", "denied", "body",
        ...                "Kroll denied that he met her.", "he met her", 0, 29, 18, 28, "r")
        >>> [s.stance for s in with_stance([st])]
        ['rejects']
    """
    out = []
    for st in statements:
        stance = statement_stance(st)
        out.append(st if stance == st.stance else dataclasses.replace(st, stance=stance))
    return out


def is_scored(statement: Statement) -> bool:
    """Whether :func:`score_statements` scores a statement: not when it rejects a claim.

    Example:
        >>> st = Statement("a", "a:0", "", "narration", "", "", "", "narration", "", "body",
        ...                "Talks failed.", "", 0, 13, 0, 0, "narration")
        >>> is_scored(st)
        True
    """
    return statement.stance != REJECTS and statement_stance(statement) != REJECTS


def score_statements(statements: Iterable[Statement], scorers: Scorers) -> list[SentimentScore]:
    """Score every statement with every method.

    Args:
        statements: The statements (any order).
        scorers: From :func:`load_scorers`.

    Returns:
        One :class:`SentimentScore` per statement and method, sorted by statement id, then in
        method order; none for a statement that rejects a claim (:func:`is_scored`).

    Example:
        >>> st = Statement("a", "a:0", "", "narration", "", "", "", "narration", "", "body",
        ...                "Talks failed.", "", 0, 13, 0, 0, "narration")
        >>> [(s.method, s.label) for s in score_statements([st], load_scorers(["vader"]))]
        [('vader', 'negative')]
    """
    ordered = sorted(filter(is_scored, statements), key=_STATEMENT_ID)
    texts = [normalize_quotes(text_to_score(st)) for st in ordered]
    scorers.prepare(texts, lazy=True)
    labeled: list[Labeled] = []
    start = 0
    while start < len(ordered):  # each run of statements of one article: one batch
        article_id = ordered[start].article_id
        stop = start + 1
        while stop < len(ordered) and ordered[stop].article_id == article_id:
            stop += 1
        labeled += scorers.labeled_many(article_id, texts[start:stop])
        start = stop
    # one SentimentScore per statement and method, built from rows in field order (a frozen
    # dataclass's __init__ per record is a visible share of this stage; see records.fast_records)
    rows = [
        {"statement_id": st.statement_id, "method": m, "score": v, "label": x, "text_scored": t}
        for st, t, triples in zip(ordered, texts, labeled, strict=True)
        for m, v, x in triples
    ]
    return fast_records(SentimentScore, rows)


# --- tone toward actors in the journalist's own words -----------------------------------------


@dataclass(frozen=True)
class ToneScore:
    """One method's score of the journalist's own words in a sentence mentioning an actor.

    Attributes:
        article_id: The article.
        sentence_index: ``Sentence.index`` of the sentence.
        actor: Actor id mentioned outside quotes in the sentence.
        method: Method name.
        score: Score on −1…1.
        label: ``negative``, ``neutral`` or ``positive``.
        text_scored: The sentence with quoted and reported speech removed, quotes normalized.
        char_start: Start of the sentence in ``Article.text``.
        char_end: End of the sentence in ``Article.text``.
    """

    article_id: str
    sentence_index: int
    actor: str
    method: str
    score: float
    label: str
    text_scored: str
    char_start: int
    char_end: int


# Paired quotation marks: double typographic, German „…“ and ‚…‘, ASCII double, guillemets
# both ways (»…« opening before a word), and typographic single quotes whose closing mark is not
# an apostrophe inside a word (won’t, Putin’s). An opening mark with no closing one in the
# sentence runs to the sentence end (a quote continued next sentence).
_QUOTED_RE = re.compile(
    r"„[^“”]*(?:[“”]|$)|“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|«[^»]*(?:»|$)|»(?=\w)[^«»]*(?:[«»]|$)"
    r"|‚(?:[^‘’]|’(?=\w))*(?:[‘’]|$)|‘(?:[^‘’]|’(?=\w))*(?:’|$)",
    re.DOTALL,
)
_WORD_RE = re.compile(r"[^\W\d_]")


def _speech_intervals(sentence: Sentence, statements: Sequence[Statement]) -> list[tuple[int, int]]:
    """Intervals of ``sentence`` (article offsets) holding quoted or reported speech."""
    return _speech_spans(sentence, _SpeechIndex(_speech_pairs(statements)))


def _speech_pairs(statements: Iterable[Statement]) -> list[tuple[int, int]]:
    """``(quote_start, quote_end)`` of the statements with a speech span (not narration).

    A split quote gives its quoted parts (:func:`speech_parts`); a statement that rejects a
    claim also gives the span of its verb of rejection (:func:`rejection_verb_span`).
    """
    pairs = []
    for st in statements:
        if st.quote_type == "narration" or st.quote_end <= st.quote_start:
            continue
        pairs.extend(speech_parts(st))
        verb = rejection_verb_span(st)
        if verb is not None:
            pairs.append(verb)
    return pairs


#: How the attribution joins the quoted parts of a split quote in ``quote_text``
#: (``attribution.SPLIT_QUOTE_JOINER``, repeated here so that scoring does not import the rules).
SPLIT_QUOTE_JOINER = " \u2026 "


def speech_parts(statement: Statement) -> list[tuple[int, int]]:
    """Article offsets of a statement's reported words, for the journalist's text of its sentence.

    ``(quote_start, quote_end)``, except for a split quote (``"A," she said, "B."``), whose
    ``quote_text`` joins the quoted parts with :data:`SPLIT_QUOTE_JOINER` while
    ``quote_start:quote_end`` spans them and the attribution between: there the parts, each
    found in order in the statement's text, so that the journalist's "she said" between them
    stays the journalist's (its verb and the speaker's mention count for the tone, as in
    ``"A," she said.``). When a part cannot be found, the whole span.

    Example:
        >>> text = '"We stay," Dusan said, "and we fight."'
        >>> st = Statement("a", "a:1", "dusan", "actor", "", "", "", "direct", "said", "body",
        ...                text, "We stay, … and we fight.", 0, 38, 1, 37, "r")
        >>> [text[a:b] for a, b in speech_parts(st)]
        ['We stay,', 'and we fight.']
    """
    start, end = statement.quote_start, statement.quote_end
    if end <= start:
        return []
    quote = statement.quote_text
    if SPLIT_QUOTE_JOINER not in quote:
        return [(start, end)]
    hull = statement.text[start - statement.char_start : end - statement.char_start]
    if quote == hull:
        return [(start, end)]
    parts: list[tuple[int, int]] = []
    pos = 0
    for part in quote.split(SPLIT_QUOTE_JOINER):
        at = hull.find(part, pos) if part else -1
        if at < 0:
            return [(start, end)]
        parts.append((start + at, start + at + len(part)))
        pos = at + len(part)
    return parts


def rejection_verb_span(statement: Statement) -> tuple[int, int] | None:
    """Article offsets of the verb that rejects a claim, up to the claim: left out of the tone.

    A statement whose content is a claim its speaker rejects (:func:`statement_stance`: "denied
    that …", "rejected claims that …") is reported with a verb of denial or rejection whatever
    the journalist thinks of it: no other verb reports a denial. Its lexicon valence ("deny",
    "reject" are negative words) would make the tone toward every actor who denies an
    allegation negative, so the journalist's text scored for tone (:func:`journalist_text`)
    leaves out the verb and the words between it and the claim, as it leaves out the claim. A
    reporting verb of any other statement ("warned", "accused", "said") stays: that is the
    journalist's choice.

    Args:
        statement: The statement.

    Returns:
        ``(start, quote_start)`` from the last occurrence of ``reporting_verb`` before the
        content (any case); None when the statement rejects no claim or the verb is not written
        before its content.

    Example:
        >>> st = Statement("a", "a:1", "kroll", "actor", "", "", "", "indirect", "denied",
        ...                "body", "Kroll denied that he met her.", "he met her", 0, 29, 18, 28,
        ...                "r", "rejects")
        >>> rejection_verb_span(st)
        (6, 18)
    """
    if is_scored(statement):
        return None
    found = verb_before_content(statement)
    return None if found is None else (statement.char_start + found[0], statement.quote_start)


_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_STATEMENT_ID, _INDEX = attrgetter("statement_id"), attrgetter("index")


class _SpeechIndex:
    """Speech pairs sorted by start, to find those overlapping a span without reading them all.

    ``reach[k]`` is the largest end among the first ``k + 1`` pairs: walking back from the last
    pair that starts before the span ends, the walk stops once no earlier pair reaches the
    span's start.

    Example:
        >>> _SpeechIndex([(30, 40), (0, 10), (5, 25)]).clipped(20, 35)
        [(30, 35), (20, 25)]
    """

    def __init__(self, pairs: Iterable[tuple[int, int]]) -> None:
        self.pairs = sorted(pairs)
        self.starts = list(map(_FIRST, self.pairs))
        self.reach = list(accumulate(map(_SECOND, self.pairs), max))

    def clipped(self, s0: int, s1: int) -> list[tuple[int, int]]:
        """The non-empty intersections ``(max(qs, s0), min(qe, s1))`` with ``[s0, s1)``."""
        out: list[tuple[int, int]] = []
        k = bisect_left(self.starts, s1)  # the pairs starting before s1
        pairs, reach = self.pairs, self.reach
        while k > 0:
            k -= 1
            if reach[k] <= s0:
                break  # no pair up to k ends after s0
            qs, qe = pairs[k]
            lo, hi = max(qs, s0), min(qe, s1)
            if lo < hi:
                out.append((lo, hi))
        return out


def _speech_spans(sentence: Sentence, index: _SpeechIndex) -> list[tuple[int, int]]:
    """:func:`_speech_intervals` given the statements' :func:`_speech_pairs`, indexed.

    The statements' spans clipped to the sentence and the quoted passages, sorted and merged
    (their order before sorting does not matter: equal spans are equal tuples).
    """
    s0, s1 = sentence.start, sentence.end
    spans = index.clipped(s0, s1)
    text = sentence.text
    # every match of _QUOTED_RE starts with one of its opening marks: an ASCII text without
    # '"' has none (the common case, tested with two fast string scans)
    if not text.isascii() or '"' in text:
        for m in _QUOTED_RE.finditer(text):
            spans.append((s0 + m.start(), s0 + m.end()))
    if len(spans) < 2:
        return spans  # nothing to sort or merge
    spans.sort()
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


#: Mention kinds masked out of the text scored for tone: the actor's configured names, aliases
#: and titles (``name``), offices (``organization``) and "X's office" (``possessive``); a pronoun
#: ("she") is no configured string and stays.
MASKED_MENTION_KINDS: frozenset[str] = frozenset({"name", "organization", "possessive"})


def _mention_spans(mentions: Iterable[Mention], article_id: str) -> list[tuple[int, int]]:
    """Sorted ``(start, end)`` of the article's mentions whose kind is masked for tone."""
    return sorted(
        (m.start, m.end)
        for m in mentions
        if m.article_id == article_id and m.kind in MASKED_MENTION_KINDS and m.end > m.start
    )


def _with_masks(
    speech: list[tuple[int, int]], masks: Sequence[tuple[int, int]], s0: int, s1: int
) -> list[tuple[int, int]]:
    """``speech`` plus the ``masks`` clipped to ``[s0, s1)``, sorted (overlaps allowed).

    Example:
        >>> _with_masks([(10, 20)], [(0, 3), (15, 25), (40, 45)], 0, 30)
        [(0, 3), (10, 20), (15, 25)]
    """
    extra = [(max(a, s0), min(b, s1)) for a, b in masks if a < s1 and b > s0]
    if not extra:
        return speech
    return sorted(speech + extra)


def journalist_text(
    sentence: Sentence, statements: Sequence[Statement], mentions: Sequence[Mention] = ()
) -> str:
    """Return the journalist's own words in a sentence: quoted and reported speech removed.

    Removed: the ``quote_text`` span of every direct, mixed or indirect statement overlapping the
    sentence, any passage between quotation marks, and the span of every given actor mention of
    a kind in :data:`MASKED_MENTION_KINDS` (the actors' configured names, aliases and offices:
    an office called "the Hollow Keep" or a leader called "Hope" says nothing about the
    journalist's tone). The reporting verb stays: the journalist's choice of "warned" over
    "said" is part of the tone; but not the verb of a rejected claim ("denied that …",
    :func:`rejection_verb_span`), which no other verb could report. The remaining pieces are
    stripped and joined by one space.

    Args:
        sentence: The sentence.
        statements: Statements of the same article (others are ignored by offset).
        mentions: Actor mentions of the same article (default none: nothing masked).

    Returns:
        The remaining text (quotes not yet normalized); "" when nothing is left.

    Example:
        >>> s = Sentence("a", 0, "body", 0, 0, 25, 'Critics said "fine" of X.')
        >>> journalist_text(s, [])
        'Critics said of X.'
        >>> journalist_text(s, [], [Mention("a", "x", "name", 23, 24, "X", 0, False)])
        'Critics said of .'
    """
    speech = _speech_intervals(sentence, statements)
    masks = _mention_spans(mentions, sentence.article_id)
    return _journalist_text(sentence, _with_masks(speech, masks, sentence.start, sentence.end))


def _journalist_text(sentence: Sentence, speech: list[tuple[int, int]]) -> str:
    """:func:`journalist_text` given the sentence's speech intervals."""
    text, s0, end = sentence.text, sentence.start, sentence.end
    pieces: list[str] = []
    pos = s0
    for lo, hi in speech:
        if lo > pos:
            piece = text[pos - s0 : lo - s0].strip()
            if piece:
                pieces.append(piece)
        if hi > pos:
            pos = hi
    if end > pos:  # the rest of the sentence after the last interval
        piece = text[pos - s0 : end - s0].strip()
        if piece:
            pieces.append(piece)
    return " ".join(pieces)


def score_toward_actors(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    statements: Sequence[Statement],
    scorers: Scorers,
) -> list[ToneScore]:
    """Score the journalist's own words toward each actor, apart from the actor's statements.

    A sentence counts for an actor when it holds a mention of the actor that is neither inside
    quotation marks (``Mention.in_quote``) nor inside a statement's quoted or reported speech.
    The text scored is :func:`journalist_text` of the sentence with the article's mentions
    masked: quoted and reported speech removed, and the configured names, aliases and offices of
    every actor (:data:`MASKED_MENTION_KINDS`) cut out, so that a name or office holding a
    lexicon word ("the Hollow Keep", "Hope") does not move the score; the reporting verb stays
    ("warned" vs "said" is the journalist's choice), except the verb of a claim the speaker
    rejects ("denied that …": :func:`rejection_verb_span`). Sentences with no letters left are
    skipped. The score is not target-specific: a sentence mentioning two actors gives both the
    same score.

    Args:
        article: The article (its id is used).
        sentences: The article's sentences.
        mentions: The article's actor mentions.
        statements: The article's statements.
        scorers: From :func:`load_scorers`.

    Returns:
        :class:`ToneScore` records sorted by sentence, actor, method order.

    Example:
        >>> art = Article("a", "a.txt", "txt", "Critics slammed Kim.", None, None, None, ())
        >>> sen = [Sentence("a", 0, "body", 0, 0, 20, "Critics slammed Kim.")]
        >>> men = [Mention("a", "kim", "name", 16, 19, "Kim", 0, False)]
        >>> tone = score_toward_actors(art, sen, men, [], load_scorers(["vader"]))
        >>> [(t.label, t.text_scored) for t in tone]
        [('negative', 'Critics slammed .')]
    """
    pairs = _SpeechIndex(_speech_pairs(s for s in statements if s.article_id == article.article_id))
    masks = _mention_spans(mentions, article.article_id)
    mask_starts = [a for a, _ in masks]
    mask_reach = list(accumulate((b for _, b in masks), max))  # to skip masks ending early
    # candidate mentions (this article, outside quotation marks) by start, for bisection
    near = sorted(
        (m.start, m.actor)
        for m in mentions
        if m.article_id == article.article_id and not m.in_quote
    )
    starts = [p[0] for p in near]
    todo: list[tuple[Sentence, list[str], str]] = []
    for sentence in sorted(sentences, key=_INDEX):
        if sentence.article_id != article.article_id:
            continue
        lo_i = bisect_left(starts, sentence.start)
        hi_i = bisect_left(starts, sentence.end, lo_i)
        if lo_i == hi_i:
            continue  # no mention: no actor (the speech intervals cannot add one)
        speech = _speech_spans(sentence, pairs)
        outside: set[str] = set()  # actors mentioned outside the speech intervals
        for start, actor in near[lo_i:hi_i]:
            for lo, hi in speech:
                if lo <= start < hi:
                    break
            else:
                outside.add(actor)
        actors = sorted(outside)
        if not actors:
            continue
        # the masks overlapping the sentence: those starting before its end and reaching its start
        m_hi = bisect_left(mask_starts, sentence.end)
        m_lo = bisect_left(mask_reach, sentence.start + 1, 0, m_hi)
        cut = _with_masks(speech, masks[m_lo:m_hi], sentence.start, sentence.end)
        text = normalize_quotes(_journalist_text(sentence, cut))
        if _WORD_RE.search(text):
            todo.append((sentence, actors, text))
    texts = [text for _, _, text in todo]
    scorers.prepare(texts, lazy=True)
    all_labeled = scorers.labeled_many(article.article_id, texts)
    # one ToneScore per sentence, actor and method, built from rows in field order
    article_id = article.article_id
    rows = [
        {
            "article_id": article_id,
            "sentence_index": sentence.index,
            "actor": actor,
            "method": m,
            "score": v,
            "label": x,
            "text_scored": text,
            "char_start": sentence.start,
            "char_end": sentence.end,
        }
        for (sentence, actors, text), labeled in zip(todo, all_labeled, strict=True)
        for actor in actors
        for m, v, x in labeled
    ]
    return fast_records(ToneScore, rows)


# --- agreement between methods ----------------------------------------------------------------


def _method_order(methods: Iterable[str]) -> list[str]:
    """Known methods in :data:`METHODS` order, then any others alphabetically."""
    ms = set(methods)
    return [m for m in METHODS if m in ms] + sorted(ms - set(METHODS))


def _check_columns(df: pd.DataFrame, cols: Sequence[str], what: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{what} lacks column(s) {missing}; has {list(df.columns)}")


def check_sentiment_table(sentiment_df: pd.DataFrame) -> None:
    """Raise ValueError unless the table has the needed columns and one row per statement×method.

    Example:
        >>> check_sentiment_table(pd.DataFrame({"statement_id": ["a"], "method": ["vader"],
        ...                                     "score": [0.1], "label": ["positive"]}))
    """
    _check_columns(sentiment_df, ["statement_id", "method", "score", "label"], "sentiment table")
    dup = sentiment_df.duplicated(["statement_id", "method"])
    if dup.any():
        first = sentiment_df.loc[dup, ["statement_id", "method"]].iloc[0].tolist()
        raise ValueError(
            f"sentiment table has {int(dup.sum())} repeated (statement_id, method) row(s), "
            f"e.g. {first}"
        )


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa between two label sequences (nan when chance agreement is 1).

    Args:
        a: Labels of the first rater.
        b: Labels of the second rater, same length.

    Returns:
        ``(p_o - p_e) / (1 - p_e)``.

    Example:
        >>> cohen_kappa(["positive", "negative"], ["positive", "negative"])
        1.0
    """
    if len(a) != len(b):
        raise ValueError("cohen_kappa: sequences differ in length")
    n = len(a)
    if n == 0:
        return float("nan")
    n_equal = sum(x == y for x, y in zip(a, b, strict=True))
    return kappa_from_counts(n, n_equal, Counter(a), Counter(b))


def kappa_from_counts(
    n: int, n_equal: int, counts_a: Mapping[Any, int], counts_b: Mapping[Any, int]
) -> float:
    """Cohen's kappa from counts: ``n`` pairs, ``n_equal`` agreements, each rater's label counts.

    The same arithmetic, in the same order, as :func:`cohen_kappa` (which calls it), so the
    corpus-level aggregates can compute it from label codes without label lists.

    Example:
        >>> kappa_from_counts(2, 2, {"positive": 1, "negative": 1}, {"positive": 1, "negative": 1})
        1.0
    """
    if n == 0:
        return float("nan")
    p_o = n_equal / n
    cats = set(counts_a) | set(counts_b)
    # sorted: a set's order changes with PYTHONHASHSEED, and so would the float sum
    p_e = sum((counts_a.get(c, 0) / n) * (counts_b.get(c, 0) / n) for c in sorted(cats))
    if p_e >= 1.0:
        return float("nan")
    return (p_o - p_e) / (1 - p_e)


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rank correlation (scipy), nan when undefined (n < 3 or a constant input).

    Example:
        >>> spearman([1, 2, 3], [1, 3, 2])
        0.5
    """
    from scipy import stats

    if len(x) < 3 or np.ptp(np.asarray(x, float)) == 0 or np.ptp(np.asarray(y, float)) == 0:
        return float("nan")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(stats.spearmanr(x, y).statistic)


def rank_dtype(n: int) -> Any:
    """float32 when every average rank of ``n`` values is exact in it (n < 2**23), else float64.

    Example:
        >>> rank_dtype(10), rank_dtype(2**24)
        (<class 'numpy.float32'>, <class 'numpy.float64'>)
    """
    return np.float32 if n < 2**23 else np.float64


def average_ranks(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Ranks of ``x`` (1-based, ties get their mean rank), as ``scipy.stats.rankdata``.

    Every rank is a multiple of 0.5, exact in :func:`rank_dtype` (float32 below 2**23 values,
    half the memory). ``x`` must hold no NaN.

    Args:
        x: Values.
        out: Array (or column view) to write the ranks to; default a new one.

    Returns:
        The ranks (``out`` when given).

    Example:
        >>> average_ranks(np.array([0.5, -1.0, 0.5])).tolist()
        [2.5, 1.0, 2.5]
    """
    x = np.asarray(x, dtype=float)
    n = x.size
    ranks = np.empty(n, dtype=rank_dtype(n)) if out is None else out
    if n == 0:
        return ranks
    # the distinct values (sorted; -0.0 and 0.0 are one, as in scipy), the mean rank of each,
    # then each value's rank looked up block by block: no index array as long as ``x``
    values, counts = np.unique(x, return_counts=True)
    mean_rank = ((np.cumsum(counts) - counts) + (counts + 1) / 2.0).astype(ranks.dtype)
    del counts
    block = 1 << 16
    for lo in range(0, n, block):
        ranks[lo : lo + block] = mean_rank[np.searchsorted(values, x[lo : lo + block])]
    return ranks


def spearman_of_ranks(ranked: np.ndarray) -> float:
    """Spearman's r from an ``(n, 2)`` array of average ranks, as scipy's ``spearmanr`` ends.

    scipy ranks a float64 copy of both columns and calls ``np.corrcoef(ranks, rowvar=False)``;
    this is that call, on ranks that may be float32 (``np.corrcoef`` computes in a float64
    copy of them, the same numbers), so the result is bit for bit scipy's.

    Example:
        >>> spearman_of_ranks(np.array([[1.0, 1.0], [2.0, 3.0], [3.0, 2.0]]))
        0.5
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(np.corrcoef(ranked, rowvar=False)[1, 0])


def spearman_lowmem(x: np.ndarray, y: np.ndarray) -> float:
    """:func:`spearman` with less memory, bit for bit the same result.

    Each column is ranked on its own (:func:`average_ranks`, into one float32 ``(n, 2)``
    array) and handed to :func:`spearman_of_ranks`. Used by the corpus-level aggregates on a
    million statements (:mod:`mediaframes.aggregates`).

    Example:
        >>> spearman_lowmem(np.array([1.0, 2, 3]), np.array([1.0, 3, 2]))
        0.5
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.size < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan")
    if np.isnan(x).any() or np.isnan(y).any():
        return spearman(x, y)
    ranked = np.empty((x.size, 2), dtype=rank_dtype(x.size))
    average_ranks(x, out=ranked[:, 0])
    average_ranks(y, out=ranked[:, 1])
    return spearman_of_ranks(ranked)


def method_agreement(sentiment_df: pd.DataFrame) -> pd.DataFrame:
    """Agreement between each pair of methods across the statements both scored.

    Args:
        sentiment_df: ``sentiment.csv`` table (``statement_id, method, score, label``).

    Returns:
        Columns ``method_a, method_b, n, spearman_r, label_agreement, cohen_kappa``: Spearman's
        r of the scores, share of statements with the same label, Cohen's kappa of the labels.

    Example:
        >>> df = pd.DataFrame({"statement_id": ["1", "1"], "method": ["vader", "afinn"],
        ...                    "score": [0.5, 0.6], "label": ["positive", "positive"]})
        >>> method_agreement(df)[["method_a", "method_b", "n", "label_agreement"]].values.tolist()
        [['vader', 'afinn', 1, 1.0]]
    """
    check_sentiment_table(sentiment_df)
    scores = sentiment_df.pivot(index="statement_id", columns="method", values="score")
    labels = sentiment_df.pivot(index="statement_id", columns="method", values="label")
    rows = []
    for a, b in combinations(_method_order(sentiment_df["method"].unique()), 2):
        both = scores[[a, b]].dropna().index
        la, lb = labels.loc[both, a].tolist(), labels.loc[both, b].tolist()
        rows.append(
            {
                "method_a": a,
                "method_b": b,
                "n": len(both),
                "spearman_r": spearman(scores.loc[both, a], scores.loc[both, b]),
                "label_agreement": (
                    sum(x == y for x, y in zip(la, lb, strict=True)) / len(both)
                    if len(both)
                    else float("nan")
                ),
                "cohen_kappa": cohen_kappa(la, lb),
            }
        )
    return pd.DataFrame(
        rows, columns=["method_a", "method_b", "n", "spearman_r", "label_agreement", "cohen_kappa"]
    )


def statement_agreement(sentiment_df: pd.DataFrame) -> pd.DataFrame:
    """Per statement, how far the methods agree on the label.

    Args:
        sentiment_df: ``sentiment.csv`` table.

    Returns:
        Columns ``statement_id, n_methods, majority_label, label_agreement, all_agree,
        score_min, score_max``; ``majority_label`` is ``tie`` when no label has a strict
        plurality; ``label_agreement`` is the share of methods giving the most common label.

    Example:
        >>> df = pd.DataFrame({"statement_id": ["1"] * 3, "method": ["vader", "textblob", "afinn"],
        ...                    "score": [0.5, 0.0, 0.6],
        ...                    "label": ["positive", "neutral", "positive"]})
        >>> statement_agreement(df)[["majority_label", "label_agreement"]].values.tolist()
        [['positive', 0.6666666666666666]]
    """
    _check_columns(sentiment_df, ["statement_id", "method", "score", "label"], "sentiment table")
    rows = []
    for sid, g in sentiment_df.groupby("statement_id", sort=True):
        counts = g["label"].value_counts()
        top = counts.max()
        winners = sorted(counts[counts == top].index)
        rows.append(
            {
                "statement_id": sid,
                "n_methods": len(g),
                "majority_label": winners[0] if len(winners) == 1 else "tie",
                "label_agreement": top / len(g),
                "all_agree": len(counts) == 1,
                "score_min": float(g["score"].min()),
                "score_max": float(g["score"].max()),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "statement_id",
            "n_methods",
            "majority_label",
            "label_agreement",
            "all_agree",
            "score_min",
            "score_max",
        ],
    )


# --- aggregates and tests ---------------------------------------------------------------------


def _rng(seed: int, key: str) -> np.random.Generator:
    """A Generator seeded by ``seed`` and a stable hash of ``key`` (independent per group)."""
    return np.random.default_rng([int(seed), zlib.crc32(key.encode("utf-8"))])


def bootstrap_ci(
    values: Sequence[float],
    seed: int = 0,
    n_boot: int = BOOTSTRAP_N,
    level: float = 0.95,
    key: str = "",
) -> tuple[float, float]:
    """Percentile bootstrap confidence interval of the mean.

    Args:
        values: The sample.
        seed: Seed of the numpy Generator.
        n_boot: Number of bootstrap resamples (default :data:`mediaframes.config.BOOTSTRAP_N`,
            the one default of ``mediaframes run`` and ``mediaframes analyze``; the commands
            refuse fewer than :data:`~mediaframes.config.MIN_BOOTSTRAP_N`).
        level: Confidence level.
        key: Extra seed material (e.g. the group name) so groups get independent streams.

    Returns:
        ``(low, high)``; ``(nan, nan)`` when fewer than 2 values.

    Raises:
        ValueError: ``seed`` below 0, ``n_boot`` below
            :data:`~mediaframes.config.MIN_BOOTSTRAP_N`, or ``level`` not between 0 and 1.

    Example:
        >>> lo, hi = bootstrap_ci([0.1, 0.2, 0.3, 0.4], seed=0)
        >>> lo <= 0.25 <= hi
        True
    """
    check_bootstrap(seed, n_boot)
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level}")
    # sorted: the resamples depend on the values, not on the order the rows came in (a table
    # read back, filtered or pooled from several runs)
    x = np.sort(np.asarray(values, dtype=float))
    if x.size < 2:
        return (float("nan"), float("nan"))
    means = _resampled_means(x, _rng(seed, key), n_boot)
    alpha = (1 - level) / 2
    lo, hi = np.quantile(means, [alpha, 1 - alpha])
    return (float(lo), float(hi))


def _resampled_means(x: np.ndarray, rng: np.random.Generator, n_boot: int) -> np.ndarray:
    """Means of ``n_boot`` resamples (with replacement) of ``x``, drawn from ``rng`` in order."""
    n = x.size
    means = np.empty(n_boot)
    chunk = max(1, 2_000_000 // n)
    for start in range(0, n_boot, chunk):
        k = min(chunk, n_boot - start)
        means[start : start + k] = x[rng.integers(0, n, size=(k, n))].mean(axis=1)
    return means


def difference_key(a: str, b: str, method: str) -> str:
    r"""Seed material of the bootstrap of ``mean(a) - mean(b)`` (:func:`bootstrap_diff_ci`).

    Distinct from the groups' own keys (``speaker\x1fmethod``, :func:`summarize_groups`) and
    from the permutation tests' (``method|a|b``, :func:`compare_actors`), so the interval of a
    difference draws its own stream.

    Example:
        >>> difference_key("kim", "lee", "vader").split("\x1f")
        ['difference', 'kim', 'lee', 'vader']
    """
    return "\x1f".join(("difference", a, b, method))


def bootstrap_diff_ci(
    a: Sequence[float],
    b: Sequence[float],
    seed: int = 0,
    n_boot: int = BOOTSTRAP_N,
    level: float = 0.95,
    key: str = "",
) -> tuple[float, float]:
    """Percentile bootstrap confidence interval of ``mean(a) - mean(b)`` (independent groups).

    Each resample draws ``len(a)`` values from ``a`` and, independently, ``len(b)`` from ``b``
    (with replacement) and takes the difference of their means; the bounds are the
    ``(1 - level) / 2`` and ``(1 + level) / 2`` quantiles of the ``n_boot`` differences. As in
    :func:`bootstrap_ci`: the values are sorted first (the interval does not depend on the order
    of the rows), one numpy Generator seeded by ``seed`` and ``key`` draws all of ``a``'s
    resamples, then all of ``b``'s; NaN values are left out (as in the groups' means).

    Args:
        a: Scores of the first group.
        b: Scores of the second group.
        seed: Seed of the numpy Generator.
        n_boot: Bootstrap resamples (default :data:`mediaframes.config.BOOTSTRAP_N`; at least
            :data:`~mediaframes.config.MIN_BOOTSTRAP_N`).
        level: Confidence level.
        key: Extra seed material (:func:`difference_key`).

    Returns:
        ``(low, high)``; ``(nan, nan)`` when either group has fewer than 2 values (as a group's
        own interval: one value says nothing about its spread).

    Raises:
        ValueError: ``seed`` below 0, ``n_boot`` below the minimum, or ``level`` not in (0, 1).

    Example:
        >>> lo, hi = bootstrap_diff_ci([0.4, 0.5, 0.6], [-0.1, 0.0, 0.1], seed=0)
        >>> lo <= 0.5 <= hi
        True
    """
    check_bootstrap(seed, n_boot)
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level}")
    xa, xb = (np.sort(np.asarray(v, dtype=float)) for v in (a, b))
    xa, xb = xa[~np.isnan(xa)], xb[~np.isnan(xb)]
    if xa.size < 2 or xb.size < 2:
        return (float("nan"), float("nan"))
    rng = _rng(seed, key)
    diffs = _resampled_means(xa, rng, n_boot)
    diffs -= _resampled_means(xb, rng, n_boot)
    alpha = (1 - level) / 2
    lo, hi = np.quantile(diffs, [alpha, 1 - alpha])
    return (float(lo), float(hi))


def _summary_row(values: np.ndarray, seed: int, n_boot: int, key: str) -> dict[str, Any]:
    n = int(values.size)
    lo, hi = bootstrap_ci(values, seed=seed, n_boot=n_boot, key=key)
    notes = []
    if n < 2:
        notes.append(NOTE_NO_CI)
    elif np.ptp(values) == 0:
        notes.append(NOTE_NO_VARIATION)
    if n < MIN_N_CONCLUDE:
        notes.append(NOTE_SMALL_N)
    return {
        "n": n,
        "mean": float(values.mean()),
        "median": float(np.median(values)),
        "ci_low": lo,
        "ci_high": hi,
        "note": "; ".join(notes),
    }


def _aggregate(
    df: pd.DataFrame, keys: list[str], seed: int, n_boot: int, value: str = "score"
) -> pd.DataFrame:
    if df.empty:
        return pd.DataFrame(columns=keys + ["n", "mean", "median", "ci_low", "ci_high", "note"])
    groups = (
        (group if isinstance(group, tuple) else (group,), g[value].to_numpy(dtype=float))
        for group, g in df.groupby(keys, sort=True)
    )
    return summarize_groups(groups, keys, seed, n_boot)


def summarize_groups(
    groups: Iterable[tuple[tuple[Any, ...], np.ndarray]], keys: list[str], seed: int, n_boot: int
) -> pd.DataFrame:
    """The table of :func:`aggregate_by_actor` / :func:`aggregate_tone` from ``(group, values)``.

    Args:
        groups: Each group's key values (one per name of ``keys``) and its scores, in table
            order; any group order (the result is sorted).
        keys: Key column names, one of them ``method``.
        seed: Seed of the bootstrap.
        n_boot: Bootstrap resamples.

    Returns:
        Columns ``*keys, n, mean, median, ci_low, ci_high, note``.

    Example:
        >>> groups = [(("kim", "vader"), np.array([0.5]))]
        >>> df = summarize_groups(groups, ["speaker", "method"], seed=0, n_boot=100)
        >>> df[["speaker", "n", "mean"]].values.tolist()
        [['kim', 1, 0.5]]
    """
    cols = keys + ["n", "mean", "median", "ci_low", "ci_high", "note"]
    rows = []
    for group, values in groups:
        key = "\x1f".join(str(k) for k in group)
        row = dict(zip(keys, group, strict=True))
        row.update(_summary_row(values, seed, n_boot, key))
        rows.append(row)
    if not rows:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame(rows, columns=cols)
    order = {m: i for i, m in enumerate(_method_order(out["method"].unique()))}
    sort_keys = [k for k in keys if k != "method"]
    out = out.assign(_m=out["method"].map(order)).sort_values(sort_keys + ["_m"], kind="stable")
    return out.drop(columns="_m").reset_index(drop=True)


def _join_speakers(
    statements_df: pd.DataFrame, sentiment_df: pd.DataFrame, include_narration: bool
) -> pd.DataFrame:
    _check_columns(statements_df, ["statement_id", "article_id", "speaker"], "statements table")
    _check_columns(sentiment_df, ["statement_id", "method", "score"], "sentiment table")
    if statements_df["statement_id"].duplicated().any():
        dup = statements_df.loc[statements_df["statement_id"].duplicated(), "statement_id"]
        raise ValueError(f"statements table repeats statement id(s), e.g. {dup.iloc[0]!r}")
    if sentiment_df.duplicated(["statement_id", "method"]).any():
        raise ValueError("sentiment table has repeated (statement_id, method) rows")
    known = set(statements_df["statement_id"])
    orphans = sorted(set(sentiment_df["statement_id"]) - known)
    if orphans:
        raise ValueError(
            f"sentiment table has {len(orphans)} statement id(s) not in the statements table, "
            f"e.g. {orphans[:3]}"
        )
    st = statements_df[["statement_id", "article_id", "speaker"]].copy()
    st["speaker"] = st["speaker"].fillna("").astype(str)
    df = sentiment_df[["statement_id", "method", "score"]].merge(st, on="statement_id")
    narration = df["speaker"] == ""
    if include_narration:
        df.loc[narration, "speaker"] = "(narration)"
    else:
        df = df[~narration]
    return df


def aggregate_by_actor(
    statements_df: pd.DataFrame,
    sentiment_df: pd.DataFrame,
    seed: int = 0,
    n_boot: int = BOOTSTRAP_N,
    include_narration: bool = False,
) -> pd.DataFrame:
    """Mean, median and bootstrap 95% CI of each speaker's statement scores, per method.

    Args:
        statements_df: Statements table (``statement_id, article_id, speaker`` at least).
        sentiment_df: ``sentiment.csv`` table.
        seed: Seed; each (speaker, method) group draws from its own stream derived from it, so
            adding a speaker does not change the others' intervals.
        n_boot: Bootstrap resamples.
        include_narration: Also summarize narration (speaker ``""``) as ``(narration)``.

    Returns:
        Columns ``speaker, method, n, n_rejected, mean, median, ci_low, ci_high, note``, sorted
        by speaker then method order. ``n`` counts the scored statements; ``n_rejected`` the
        speaker's statements left out because their content is a claim the speaker rejects
        (``stance == "rejects"``, :func:`statement_stance`; 0 when the statements table has no
        ``stance`` column). ``note`` says "n too small to conclude" when n <
        :data:`MIN_N_CONCLUDE` and "CI undefined" when n < 2 (ci_low/ci_high are NaN).

    Raises:
        ValueError: Missing columns, or sentiment rows whose statement is unknown.

    Example:
        >>> st = pd.DataFrame({"statement_id": ["a:1", "a:2"], "article_id": ["a", "a"],
        ...                    "speaker": ["kim", "kim"]})
        >>> se = pd.DataFrame({"statement_id": ["a:1", "a:2"], "method": ["vader"] * 2,
        ...                    "score": [0.2, 0.4]})
        >>> aggregate_by_actor(st, se)[["speaker", "n", "mean"]].values.tolist()
        [['kim', 2, 0.30000000000000004]]
    """
    df = _join_speakers(statements_df, sentiment_df, include_narration)
    out = _aggregate(df, ["speaker", "method"], seed, n_boot)
    return with_rejected_counts(out, rejected_counts(statements_df))


def rejected_counts(statements_df: pd.DataFrame) -> dict[str, int]:
    """Statements per speaker whose ``stance`` is :data:`REJECTS` (none without the column).

    Example:
        >>> rejected_counts(pd.DataFrame({"speaker": ["k", "k", "f"],
        ...                               "stance": ["rejects", "", "rejects"]}))
        {'f': 1, 'k': 1}
    """
    if "stance" not in statements_df.columns or statements_df.empty:
        return {}
    rejects = statements_df["stance"].fillna("").astype(str) == REJECTS
    speakers = statements_df.loc[rejects, "speaker"].fillna("").astype(str)
    return {str(k): int(v) for k, v in sorted(speakers.value_counts().items())}


def with_rejected_counts(table: pd.DataFrame, counts: Mapping[str, int]) -> pd.DataFrame:
    """``table`` (speaker, method, n, …) with ``n_rejected`` after ``n``: each speaker's count.

    ``n_rejected`` is how many of the speaker's statements were left out of ``n`` because their
    content is a claim the speaker rejects (``Statement.stance``; such statements are not
    scored). A speaker all of whose statements reject a claim has no row.

    Example:
        >>> t = pd.DataFrame({"speaker": ["k"], "method": ["vader"], "n": [2], "mean": [0.1]})
        >>> with_rejected_counts(t, {"k": 1}).columns.tolist()
        ['speaker', 'method', 'n', 'n_rejected', 'mean']
    """
    values = [int(counts.get(str(spk), 0)) for spk in table["speaker"]]
    out = table.copy()
    out.insert(out.columns.get_loc("n") + 1, "n_rejected", np.asarray(values, dtype=np.int64))
    return out


def aggregate_by_article(
    statements_df: pd.DataFrame,
    sentiment_df: pd.DataFrame,
    seed: int = 0,
    n_boot: int = BOOTSTRAP_N,
    include_narration: bool = False,
) -> pd.DataFrame:
    """Like :func:`aggregate_by_actor`, per article: columns ``article_id, speaker, method, …``.

    Example:
        >>> st = pd.DataFrame({"statement_id": ["a:1"], "article_id": ["a"], "speaker": ["kim"]})
        >>> se = pd.DataFrame({"statement_id": ["a:1"], "method": ["vader"], "score": [0.2]})
        >>> aggregate_by_article(st, se)["note"].iloc[0]
        'CI undefined (n < 2); n too small to conclude (n < 10)'
    """
    df = _join_speakers(statements_df, sentiment_df, include_narration)
    return _aggregate(df, ["article_id", "speaker", "method"], seed, n_boot)


def aggregate_tone(tone_df: pd.DataFrame, seed: int = 0, n_boot: int = BOOTSTRAP_N) -> pd.DataFrame:
    """Summarize the tone table per actor and method (columns ``actor, method, n, mean, …``).

    Args:
        tone_df: Table of :class:`ToneScore` records.
        seed: Seed of the bootstrap.
        n_boot: Bootstrap resamples.

    Returns:
        Columns ``actor, method, n, mean, median, ci_low, ci_high, note``.

    Example:
        >>> t = pd.DataFrame({"actor": ["kim"], "method": ["vader"], "score": [-0.5]})
        >>> aggregate_tone(t)["mean"].tolist()
        [-0.5]
    """
    _check_columns(tone_df, ["actor", "method", "score"], "tone table")
    return _aggregate(tone_df, ["actor", "method"], seed, n_boot)


#: Random permutations per test of :func:`compare_actors` (the ``actor_sentiment_tests`` table of
#: ``mediaframes run``). With 10,000 the smallest p-value is 1/10,001 and a p-value near 0.05 has
#: a Monte Carlo standard error of about 0.002.
PERMUTATION_N = 10_000

#: The p-value of :func:`permutation_test`, as a formula.
PERMUTATION_P_VALUE = "(1 + #{|d*| >= |d|}) / (n_perm + 1)"

#: The family of tests over which Holm's correction adjusts ``p_holm`` in :func:`compare_actors`.
HOLM_FAMILY = (
    "the pairs of speakers tested with one sentiment method (in mediaframes run, the pairs of "
    "configured actors); there is no correction across the methods"
)


def permutation_tests_description(seed: int = 0, n_perm: int = PERMUTATION_N) -> dict[str, Any]:
    """How the published tests of :func:`compare_actors` are computed, for a report's Methods.

    One place for what a reader needs to repeat them: the test, its statistic, the number of
    permutations (:data:`PERMUTATION_N`), the p-value (:data:`PERMUTATION_P_VALUE`), the
    correction and its family (:data:`HOLM_FAMILY`), and the seed (the run's ``seed``
    parameter, which also seeds the bootstrap intervals).

    Args:
        seed: The run's seed.
        n_perm: Permutations per test.

    Returns:
        Keys ``test``, ``statistic``, ``n_permutations``, ``p_value``, ``correction``,
        ``family``, ``seed``, ``random_streams`` and ``sentence`` (all of it in one sentence).

    Example:
        >>> d = permutation_tests_description(seed=3)
        >>> d["n_permutations"], d["correction"], d["seed"]
        (10000, 'Holm', 3)
        >>> "10,000 random permutations" in d["sentence"]
        True
    """
    check_integer("seed", seed, non_negative)
    check_integer("n_perm", n_perm)
    streams = (
        "a numpy Generator per test, seeded by the seed and a CRC-32 of the method and the pair "
        "(so a test's p-value does not change when other speakers are added)"
    )
    sentence = (
        f"Differences between two speakers' mean scores are tested with a two-sided permutation "
        f"test ({n_perm:,} random permutations of the pooled statements; p = (1 + the number of "
        f"permutations whose absolute difference of means is at least the observed one) / "
        f"({n_perm:,} + 1)), and the p-values are adjusted with Holm's method over {HOLM_FAMILY}; "
        f"the permutations are drawn with seed {seed}, the seed of the bootstrap intervals."
    )
    return {
        "test": "two-sided permutation test",
        "statistic": "mean_a - mean_b (difference of mean statement scores)",
        "n_permutations": n_perm,
        "p_value": PERMUTATION_P_VALUE,
        "correction": "Holm",
        "family": HOLM_FAMILY,
        "seed": seed,
        "random_streams": streams,
        "sentence": sentence,
    }


@dataclass(frozen=True)
class PermutationResult:
    """Result of :func:`permutation_test`.

    Attributes:
        diff: ``mean(a) - mean(b)``.
        p_value: Two-sided Monte Carlo p-value ``(1 + #{|d*| >= |d|}) / (n_perm + 1)``.
        n_a: Size of ``a``.
        n_b: Size of ``b``.
        n_perm: Number of random permutations.
    """

    diff: float
    p_value: float
    n_a: int
    n_b: int
    n_perm: int = field(default=0)


def permutation_test(
    a: Sequence[float],
    b: Sequence[float],
    seed: int = 0,
    n_perm: int = PERMUTATION_N,
    key: str = "",
) -> PermutationResult:
    """Two-sided permutation test for the difference between two means.

    The pooled values are randomly re-split into groups of the original sizes ``n_perm`` times;
    the p-value counts re-splits whose absolute mean difference is at least the observed one,
    plus one for the observed split itself (Phipson & Smyth 2010), so it is never 0.

    Args:
        a: Scores of the first group.
        b: Scores of the second group.
        seed: Seed of the numpy Generator.
        n_perm: Number of permutations.
        key: Extra seed material (e.g. the pair's names).

    Returns:
        A :class:`PermutationResult`.

    Raises:
        ValueError: When a group is empty, ``seed`` is below 0 or ``n_perm`` below 1.

    Example:
        >>> r = permutation_test([0.5, 0.6, 0.7], [-0.5, -0.6, -0.7], seed=0, n_perm=999)
        >>> round(r.diff, 2), r.p_value < 0.2
        (1.2, True)
    """
    check_integer("seed", seed, non_negative)
    check_integer("n_perm", n_perm)
    # sorted, as in :func:`bootstrap_ci`: the p-value does not depend on the rows' order
    xa, xb = np.sort(np.asarray(a, dtype=float)), np.sort(np.asarray(b, dtype=float))
    if xa.size == 0 or xb.size == 0:
        raise ValueError("permutation_test needs at least one value in each group")
    observed = float(xa.mean() - xb.mean())
    pooled = np.concatenate([xa, xb])
    n, na = pooled.size, xa.size
    rng = _rng(seed, key)
    hits = 0
    tol = 1e-12 * max(1.0, abs(observed))
    chunk = max(1, 2_000_000 // n)
    for start in range(0, n_perm, chunk):
        k = min(chunk, n_perm - start)
        perms = rng.permuted(np.broadcast_to(pooled, (k, n)), axis=1)
        diffs = perms[:, :na].mean(axis=1) - perms[:, na:].mean(axis=1)
        hits += int(np.count_nonzero(np.abs(diffs) >= abs(observed) - tol))
    return PermutationResult(observed, (hits + 1) / (n_perm + 1), int(na), int(xb.size), n_perm)


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm–Bonferroni adjusted p-values (NaN stays NaN).

    Example:
        >>> holm([0.01, 0.04, 0.03])
        [0.03, 0.06, 0.06]
    """
    p = np.asarray(p_values, dtype=float)
    ok = np.flatnonzero(~np.isnan(p))
    out = p.copy()
    m = ok.size
    running = 0.0
    for rank, i in enumerate(ok[np.argsort(p[ok], kind="stable")]):
        running = max(running, min(1.0, (m - rank) * p[i]))
        out[i] = running
    return [float(round(v, 12)) for v in out]


def compare_actors(
    statements_df: pd.DataFrame,
    sentiment_df: pd.DataFrame,
    seed: int = 0,
    n_perm: int = PERMUTATION_N,
    speakers: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Permutation test of the difference of mean scores for every pair of speakers, per method.

    Args:
        statements_df: Statements table.
        sentiment_df: ``sentiment.csv`` table.
        seed: Seed; each (method, pair) has its own stream derived from it (the run's ``seed``,
            the seed of the bootstrap intervals too).
        n_perm: Permutations per test (default :data:`PERMUTATION_N`).
        speakers: Test only the pairs of these speakers (``mediaframes run`` passes the
            configured actors, :func:`actor_speakers`, as ``actor_sentiment_differences.csv``
            of ``mediaframes analyze`` compares them); None: every pair of speakers.

    Returns:
        Columns ``method, speaker_a, speaker_b, n_a, n_b, mean_a, mean_b, diff, p_value, p_holm,
        note`` (``speaker_a < speaker_b``; ``diff = mean_a - mean_b``; ``p_holm`` adjusts the
        p-values of one method for the number of pairs tested, so for the pairs of ``speakers``
        only: the family is :data:`HOLM_FAMILY`). Narration is left out.
        The note says when either side has fewer than :data:`MIN_N_CONCLUDE` statements.
        :func:`permutation_tests_description` says all this for a report.

    Example:
        >>> st = pd.DataFrame({"statement_id": list("abcd"), "article_id": ["x"] * 4,
        ...                    "speaker": ["p", "p", "q", "q"]})
        >>> se = pd.DataFrame({"statement_id": list("abcd"), "method": ["vader"] * 4,
        ...                    "score": [0.5, 0.6, -0.5, -0.6]})
        >>> compare_actors(st, se, n_perm=99)[["speaker_a", "speaker_b", "diff"]].values.tolist()
        [['p', 'q', 1.1]]
    """
    cols = [
        "method",
        "speaker_a",
        "speaker_b",
        "n_a",
        "n_b",
        "mean_a",
        "mean_b",
        "diff",
        "p_value",
        "p_holm",
        "note",
    ]
    df = _join_speakers(statements_df, sentiment_df, include_narration=False)
    if speakers is not None:
        df = df[df["speaker"].isin(set(speakers))]
    frames = []
    for method in _method_order(df["method"].unique()):
        sub = df[df["method"] == method]
        groups = {s: g["score"].to_numpy(float) for s, g in sub.groupby("speaker", sort=True)}
        rows = []
        for sa, sb in combinations(sorted(groups), 2):
            r = permutation_test(
                groups[sa], groups[sb], seed=seed, n_perm=n_perm, key=f"{method}|{sa}|{sb}"
            )
            small = min(r.n_a, r.n_b) < MIN_N_CONCLUDE
            rows.append(
                {
                    "method": method,
                    "speaker_a": sa,
                    "speaker_b": sb,
                    "n_a": r.n_a,
                    "n_b": r.n_b,
                    "mean_a": float(groups[sa].mean()),
                    "mean_b": float(groups[sb].mean()),
                    "diff": round(r.diff, 12),
                    "p_value": r.p_value,
                    "note": NOTE_SMALL_N if small else "",
                }
            )
        if rows:
            part = pd.DataFrame(rows)
            part["p_holm"] = holm(part["p_value"].tolist())
            frames.append(part[cols])
    if not frames:
        return pd.DataFrame(columns=cols)
    return pd.concat(frames, ignore_index=True)


def actor_speakers(statements_df: pd.DataFrame) -> list[str]:
    """The configured actors that speak (``speaker_type`` ``actor``), sorted.

    Joint statements (``speaker_type`` ``joint``) and other speakers are left out, as in the
    ``actor_*_differences`` tables of ``mediaframes analyze``.

    Example:
        >>> st = pd.DataFrame({"speaker": ["kim", "A driver", "kim+lee", "lee", ""],
        ...                    "speaker_type": ["actor", "other", "joint", "actor", ""]})
        >>> actor_speakers(st)
        ['kim', 'lee']
    """
    _check_columns(statements_df, ["speaker", "speaker_type"], "statements table")
    sel = statements_df[statements_df["speaker_type"].fillna("").astype(str) == "actor"]
    return sorted(set(sel["speaker"].fillna("").astype(str)) - {""})


# --- throughput ---------------------------------------------------------------------------------

_BENCH_PARTS = (
    ("The minister", "Officials", "The president", "A spokesman", "The delegation", "Critics"),
    ("said", "warned", "insisted", "claimed", "stressed", "denied", "argued", "added"),
    (
        "the talks were useful",
        "the proposal was a disgrace",
        "there was no good option",
        "the ceasefire doesn’t hold",
        "the security interests were legitimate",
        "nothing was decided",
        "the attacks on civilians must stop",
        "the meeting was frank and constructive",
        "the sanctions would hurt ordinary people",
        "progress had been very disappointing",
        "both sides wanted “a lasting peace”",
        "the shelling of the city continued overnight",
    ),
    ("", " on Monday", ", according to a readout", " after a long call", " in a statement"),
)


def invented_sentences(n: int = 20000, seed: int = 0) -> list[str]:
    """Generate ``n`` distinct INVENTED news-like sentences for benchmarks (nothing real).

    Example:
        >>> len(set(invented_sentences(50, seed=1)))
        50
    """
    rng = np.random.default_rng(seed)
    subj, verb, obj, tail = _BENCH_PARTS
    out = []
    for i in range(n):
        a, b = obj[rng.integers(len(obj))], obj[rng.integers(len(obj))]
        out.append(
            f"{subj[rng.integers(len(subj))]} {verb[rng.integers(len(verb))]} {a} and {b}"
            f"{tail[rng.integers(len(tail))]} (item {i})."
        )
    return out


def benchmark_methods(
    texts: Sequence[str] | None = None, scorers: Scorers | None = None, repeat: int = 3
) -> pd.DataFrame:
    """Measure statements per second of each method, and of all methods together.

    Each row is the best of ``repeat`` timed passes over ``texts`` (wall clock; other processes
    on the machine slow every row alike, so read the ratios rather than the absolute rates). The
    per-word caches are warmed first (:meth:`Scorers.prepare`), as ``score_statements`` does.

    Args:
        texts: Texts to score (default: :func:`invented_sentences` with n = 20,000).
        scorers: Methods to time (default: all).
        repeat: Timed passes per row.

    Returns:
        Columns ``method, n, seconds, statements_per_s, ratio_vs_vader``; the last row,
        ``all``, scores every method including quote normalization (``Scorers.score_text``).

    Example:
        >>> df = benchmark_methods(["Good news.", "Bad news."], load_scorers(["vader"]), repeat=1)
        >>> df["method"].tolist()
        ['vader', 'all']
    """
    import time

    texts = list(invented_sentences() if texts is None else texts)
    scorers = scorers or load_scorers()
    norm = [normalize_quotes(t) for t in texts]
    scorers.prepare(norm)

    def best(fn: Any) -> float:
        times = []
        for _ in range(max(1, repeat)):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    rows = []
    for method in scorers.methods:
        rows.append(
            {"method": method, "seconds": best(lambda m=method: [scorers.raw(m, t) for t in norm])}
        )
    rows.append({"method": "all", "seconds": best(lambda: [scorers.score_text(t) for t in texts])})
    df = pd.DataFrame(rows)
    df.insert(1, "n", len(texts))
    df["statements_per_s"] = df["n"] / df["seconds"].where(df["seconds"] > 0)
    vader = df.loc[df["method"] == "vader", "seconds"]
    df["ratio_vs_vader"] = df["seconds"] / vader.iloc[0] if len(vader) else float("nan")
    return df

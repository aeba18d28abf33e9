"""TextBlob's pattern polarity, computed exactly as TextBlob 0.20 does, only faster.

``TextBlob(text).sentiment.polarity`` is ``textblob.en.sentiment(text)[0]``: pattern's
``Sentiment.__call__`` (``textblob/_text.py``, adapted by TextBlob from the pattern library,
BSD licence) tokenizes the text with ``find_tokens``, lower-cases the tokens and averages the
polarity of the words of ``en-sentiment.xml`` they hold, with pattern's rules for modifiers
("very good"), negations ("not good"), "!" and emoticons. This module does the same arithmetic
in the same order; what changes is only where work is done:

* the lexicon is the one the installed package loads (``en-sentiment.xml`` plus the adverbs in
  "-ly" it derives from adjectives), copied once into a plain dict, so a lookup does not go
  through ``lazydict._lazy``;
* ``find_tokens``' splitting of leading and trailing punctuation, a function of the token alone,
  is cached per distinct token (a bounded cache); so is everything it does to one white-space
  token of a text without line breaks (contractions split off, quotes spaced, punctuation
  split), and the white-space tokens can be handed in by a caller that split the text already;
* pattern's two regular-expression passes over each sentence (the sarcasm mark "( ! )" and
  emoticons split by spaces, ``RE_EMOTICONS``) run only when the text holds what they could
  change: "(" and "!" for the first, two consecutive characters of an emoticon separated by a
  space for the second (a match without a space is replaced by itself) and, in a text without
  line breaks, a whole emoticon written so and followed by white space or the end;
* only the polarity is computed (not the subjectivity nor the assessment lists).

The tokenizer's constants (punctuation, abbreviations, contractions, emoticons) are read from
the installed ``textblob._text``; ``tests/test_fast_lexicons.py`` checks float-for-float
equality with ``TextBlob(text).sentiment.polarity`` on thousands of generated texts.

Example:
    >>> polarity = PatternPolarity()
    >>> polarity("The talks were not good.")
    -0.35
"""

from __future__ import annotations

import re
from itertools import chain, compress
from operator import itemgetter
from typing import Any

from mediaframes.vader_fast import TokenCache

#: Distinct tokens kept in each per-token cache before it is emptied (bounds memory on large
#: corpora, about 11 MB for both when full; results do not depend on it).
TOKEN_CACHE_LIMIT = 30_000

_SENTENCE_END = ("...", ".", "!", "?")
_EVENTFUL = itemgetter(10)  # the ``eventful`` field of a word's info (``PatternPolarity._word``)
_CITATION = ("'", '"', "”", "’", "...", ".", "!", "?", ")")


class PatternPolarity:
    """``TextBlob(text).sentiment.polarity`` (TextBlob 0.20.1's pattern analyzer), faster.

    Example:
        >>> PatternPolarity()("What a wonderful, extremely helpful call :)")
        0.4583333333333333
    """

    def __init__(self) -> None:
        from textblob import _text as ref
        from textblob.en import sentiment as pattern

        len(pattern)  # loads the lexicon (lazydict), with the derived "-ly" adverbs
        self._ref = ref
        # pattern's ``Sentiment.__call__`` on a string assesses (word.lower(), None) pairs: a
        # word counts when ``None`` is among its part-of-speech keys (every loaded word).
        self._known: dict[str, tuple[float, float]] = {}
        self._modifier_words: set[str] = set()
        for word, by_pos in dict.items(pattern):
            if None in by_pos:
                p, _s, i = by_pos[None]
                self._known[word] = (p, i)
            if any(map(by_pos.__contains__, pattern.modifiers)):
                self._modifier_words.add(word)
        self._negations = pattern.negations
        self._modifier = pattern.modifier  # w.endswith("ly")
        # (polarity) of each lower-cased emoticon, first category in EMOTICONS order
        self._emoticons: dict[str, float] = {}
        for (_type, p), faces in ref.EMOTICONS.items():
            for face in faces:
                self._emoticons.setdefault(face.lower(), p)
        self._punctuation_str: str = ref.PUNCTUATION
        # find_tokens' arguments as ``Parser.find_tokens`` passes them
        self._punctuation = tuple(ref.PUNCTUATION.replace(".", ""))
        self._abbreviations = ref.ABBREVIATIONS
        self._replace: dict[str, str] = ref.replacements
        self._eos: str = ref.EOS
        # two consecutive characters of an emoticon with a space between them: without one,
        # RE_EMOTICONS only replaces matches by themselves
        following: dict[str, set[str]] = {}
        for faces in ref.EMOTICONS.values():
            for face in faces:
                for k in range(len(face) - 1):
                    following.setdefault(face[k], set()).add(face[k + 1])
        self._spaced_emoticon = re.compile(
            "|".join(
                re.escape(first) + " [" + "".join(re.escape(c) for c in sorted(nexts)) + "]"
                for first, nexts in sorted(following.items())
            )
        )
        # what RE_EMOTICONS (``(face with " ?" between its characters)($|\s)``) changes: a
        # whole face written with at least one of those spaces, followed by the end or white
        # space. ``search`` tries every position, so no match in the joined tokens means no
        # changing match in any of their sentences (see :meth:`tokens`).
        variants = set()
        for faces in ref.EMOTICONS.values():
            for face in faces:
                chars = [re.escape(c) for c in face]
                for j in range(1, len(chars)):  # the space at j is there, the others optional
                    seps = [" " if k == j else " ?" for k in range(1, len(chars))]
                    variants.add(chars[0] + "".join(map(str.__add__, seps, chars[1:])))
        self._changing_emoticon = re.compile("(?:" + "|".join(sorted(variants)) + r")(?:$|\s)")
        self._splits: dict[str, tuple[str, ...]] = TokenCache(self._split_token, TOKEN_CACHE_LIMIT)
        self._spaced: dict[str, tuple[str, ...]] = TokenCache(self._space_token, TOKEN_CACHE_LIMIT)
        self._words: dict[str, tuple[Any, ...]] = TokenCache(self._word, TOKEN_CACHE_LIMIT)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (PatternPolarity, ())

    # --- find_tokens ---------------------------------------------------------------------------

    def _split_token(self, t: str) -> tuple[str, ...]:
        """``find_tokens``' punctuation splitting of one token (verbatim loop; cached)."""
        punctuation, replace, abbreviations = self._punctuation, self._replace, self._abbreviations
        ref = self._ref
        tokens: list[str] = []
        tail: list[str] = []
        while t.startswith(punctuation) and t not in replace:
            if t.startswith(punctuation):
                tokens.append(t[0])
                t = t[1:]
        while t.endswith(punctuation + (".",)) and t not in replace:
            if t.endswith(punctuation):
                tail.append(t[-1])
                t = t[:-1]
            if t.endswith("..."):
                tail.append("...")
                t = t[:-3].rstrip(".")
            if t.endswith("."):
                if (
                    t in abbreviations
                    or ref.RE_ABBR1.match(t) is not None
                    or ref.RE_ABBR2.match(t) is not None
                    or ref.RE_ABBR3.match(t) is not None
                ):
                    break
                else:
                    tail.append(t[-1])
                    t = t[:-1]
        if t != "":
            tokens.append(t)
        tokens.extend(reversed(tail))
        return tuple(tokens)

    def _space(self, string: str) -> str:
        """``find_tokens``' literal replacements: contractions split off, quotes spaced."""
        if "'" in string:  # contractions (every key holds "'"): literal patterns, as re.sub
            for a, b in self._replace.items():
                if a in string:
                    string = string.replace(a, b)
        return (
            string.replace("“", " “ ")
            .replace("”", " ” ")
            .replace("‘", " ‘ ")
            .replace("’", " ’ ")
            .replace("'", " ' ")
            .replace('"', ' " ')
        )

    def _space_token(self, token: str) -> tuple[str, ...]:
        """The tokens ``find_tokens`` makes of one white-space token of the text (cached)."""
        return tuple(chain.from_iterable(map(self._splits.__getitem__, self._space(token).split())))

    def tokens(self, string: str, words: list[str] | None = None) -> list[str]:
        """The tokens of ``" ".join(find_tokens(string)).split()``, as pattern's tokenizer.

        Args:
            string: The text.
            words: ``string.split()`` when the caller has it already.

        Returns:
            The tokens (not lower-cased), sentence by sentence.

        Example:
            >>> PatternPolarity().tokens("It isn't (!) good... :)")
            ['It', 'is', 'n', "'", 't', '(!)', 'good', '...', ':)']
        """
        eos = self._eos
        if "\n" not in string and eos not in string:
            # every replacement of :meth:`_space` matches inside one white-space token (no key
            # holds white space) and only adds spaces, so the tokens of the text are the
            # tokens of its white-space tokens one after the other: each distinct one is
            # tokenized once (:meth:`_space_token`, cached). Without a line break there is no
            # paragraph mark, and without the mark's text no token is an EOS mark.
            words = string.split() if words is None else words
            tokens = list(chain.from_iterable(map(self._spaced.__getitem__, words)))
            if "(" in string and "!" in string:
                return self._sentences(tokens)  # a sarcasm mark may be rewritten
            joined = " ".join(tokens)
            # No EOS mark: the sentences are the tokens cut in order, and the joined tokens
            # are their strings joined by spaces. A face RE_EMOTICONS would change in one of
            # them, followed there by the end or white space, is followed here by the same or
            # by the joining space: :attr:`_changing_emoticon` would find it. The cheap test
            # (two characters of a face around a space) is necessary for it, so runs first.
            if (
                self._spaced_emoticon.search(joined) is None
                or self._changing_emoticon.search(joined) is None
            ):
                return tokens
            return self._sentences(tokens)
        string = self._space(string)
        if "\n" in string:
            string = re.sub("\r\n", "\n", string)
            string = re.sub(r"\n{2,}", f" {eos} ", string)
        # ``TOKEN.findall(re.sub(r"\s+", " ", string) + " ")``: the runs of non-space
        # characters (``\s`` and ``str.split`` agree on every code point; a test checks it)
        tokens = list(chain.from_iterable(map(self._splits.__getitem__, string.split())))
        flat = [t for t in tokens if t != eos] if eos in string else tokens
        # find_tokens groups the tokens into sentences, drops the EOS marks, then runs two
        # regular expressions on each sentence; without EOS marks and with nothing for those
        # expressions to change, the result is the tokens themselves
        sarcasm = "(" in string and "!" in string
        if not sarcasm and self._spaced_emoticon.search(" ".join(flat)) is None:
            return flat
        return self._sentences(tokens)

    def _sentences(self, tokens: list[str]) -> list[str]:
        """The end of ``find_tokens`` (verbatim): sentences, sarcasm marks, spaced emoticons."""
        ref = self._ref
        eos = self._eos
        sentences: list[list[str]] = [[]]
        i, j = 0, 0
        while j < len(tokens):
            if tokens[j] in _SENTENCE_END or tokens[j] == eos:
                while j < len(tokens) and (tokens[j] in _CITATION or tokens[j] == eos):
                    if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                        break
                    j += 1
                sentences[-1].extend(t for t in tokens[i:j] if t != eos)
                sentences.append([])
                i = j
            j += 1
        sentences[-1].extend(tokens[i:j])
        strings = (" ".join(s) for s in sentences if len(s) > 0)
        strings = (ref.RE_SARCASM.sub("(!)", s) for s in strings)
        strings = (
            ref.RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), s)
            for s in strings
        )
        return " ".join(strings).split()

    # --- Sentiment.__call__ and assessments ----------------------------------------------------

    def _word(self, token: str) -> tuple[Any, ...]:
        """What ``assessments`` needs of one token, as written (cached).

        ``(inert, known, is_mod, modifier, is_neg, long1, long2, bang, sarcasm, emoticon,
        eventful)`` of
        ``w = token.lower()``: ``known`` is ``(polarity, intensity)`` of a lexicon word (else
        None); ``is_mod`` whether it is a known adverb (it may modify the next word);
        ``modifier`` is pattern's ``modifier(w)`` ("-ly"); ``is_neg`` ``w in negations``;
        ``long1``/``long2``: ``len(w.strip("'")) > 1`` / ``len(w) > 2``; ``bang``/``sarcasm``:
        ``w == "!"`` / ``w == "(!)"``; ``emoticon`` the polarity of an emoticon (else None).
        ``inert``: an unknown word with none of these roles, whose only effect is to end any
        pending modifier and negation. ``eventful``: known, a negation, ``!``, ``(!)`` or an
        emoticon (the words whose rules act without a pending modifier or negation).
        """
        w = token.lower()
        known = self._known.get(w)
        emoticon = None
        if w.isalpha() is False and len(w) <= 5 and w not in self._punctuation_str:
            emoticon = self._emoticons.get(w)
        is_neg = w in self._negations
        long1 = len(w.strip("'")) > 1
        long2 = len(w) > 2
        bang = w == "!"
        sarcasm = w == "(!)"
        inert = (
            known is None
            and not is_neg
            and long1
            and long2
            and not bang
            and not sarcasm
            and emoticon is None
        )
        eventful = known is not None or is_neg or bang or sarcasm or emoticon is not None
        return (
            inert,
            known,
            w in self._modifier_words,
            bool(self._modifier(w)),
            is_neg,
            long1,
            long2,
            bang,
            sarcasm,
            emoticon,
            eventful,
        )

    def __call__(self, text: str, words: list[str] | None = None) -> float:
        """Return ``TextBlob(text).sentiment.polarity``.

        Args:
            text: The text.
            words: ``text.split()`` when the caller has it already.

        Returns:
            pattern's polarity on −1…1.

        Example:
            >>> PatternPolarity()("The talks were very good!")
            1.0
        """
        infos = list(map(self._words.__getitem__, self.tokens(text, words)))
        # The loop of ``assessments`` visits every word that is not inert; an inert word only
        # ends a pending modifier and negation (``m = n = None`` below). While no modifier and
        # no negation is pending, a word that is not "eventful" (a lexicon word, a negation,
        # "!", "(!)" or an emoticon) changes nothing — each of its rules needs ``m`` or ``n``
        # — so the loop jumps from there to the next eventful word instead of visiting every
        # word in between.
        # (``compress``: the positions whose ``eventful`` field is true, C-level iteration)
        events = list(compress(range(len(infos)), map(_EVENTFUL, infos)))
        if not events:
            return 0.0  # no assessment: avg() of nothing is 0 / 1.0
        a: list[list[Any]] = []  # [p, i, n] of each assessment, in order
        m = None  # preceding modifier: None, else pattern's modifier(word) of that word
        n = None  # preceding negation (any true value)
        n_words, n_events = len(infos), len(events)
        j = 0  # events[j] is the next eventful word not visited yet
        k = events[0]
        while True:
            inert, known, is_mod, modifier, is_neg, long1, long2, bang, sarcasm, emoticon, _ = (
                infos[k]
            )
            if inert:
                m = n = None
            elif known is not None:
                p, i = known
                if m is None:
                    a.append([p, i, 1])
                if m is not None:
                    last = a[-1]
                    last[0] = max(-1.0, min(p * last[1], +1.0))
                    last[1] = i
                if n is not None:
                    last = a[-1]
                    last[1] = 1.0 / last[1]
                    last[2] = -1
                m = None
                n = None
                if is_mod:
                    m = modifier
                if is_neg:
                    n = True
            else:
                if is_neg:
                    n = True
                elif n and long1:
                    n = None
                if n is not None and m is not None and m:
                    a[-1][2] = -1
                    n = None
                elif m is not None and long2:
                    m = None
                if bang and len(a) > 0:
                    a[-1][0] = max(-1.0, min(a[-1][0] * 1.25, +1.0))
                if sarcasm:
                    a.append([0.0, 1.0, 1])
                if emoticon is not None:
                    a.append([emoticon, 1.0, 1])
            if m is None and n is None:  # nothing pending: on to the next eventful word
                while j < n_events and events[j] <= k:
                    j += 1
                if j == n_events:
                    break
                k = events[j]
            else:
                k += 1
                if k == n_words:
                    break
        # avg() of Sentiment.__call__ with weight 1: s += 1 * p, over float(n or 1)
        s = 0
        for p, _i, neg in a:
            s += p * -0.5 if neg < 0 else p
        return s / float(len(a) or 1)

"""Offices, titles and organizations in attribution: who holds a title, which body speaks.

Acceptance rounds accept16c (defects 1, 2, 3, 5, 6, 7 and 8) and accept16a (defect 16). Every
person, country, body and text here is INVENTED (Norvik, Ostmark, Saltland and their people and
bodies are made up).
"""

from __future__ import annotations

import pytest

from mediaframes import attribution, corpus, segment

ACTORS = {
    "actors": {
        "hallin": {
            "name": "Maren Hallin",
            "aliases": ["the prime minister", "Norvik's prime minister"],
            "gender": "female",
            "titles": ["Prime Minister"],
            "country": "Norvik",
        },
        # a second prime minister: the title is shared
        "dusk": {
            "name": "Petter Dusk",
            "aliases": ["the prime minister"],
            "gender": "male",
            "country": "Ostmark",
        },
        "tolle": {
            "name": "Ada Tolle",
            "aliases": ["the governor", "the reserve bank governor"],
            "organizations": ["the Norvik Reserve Bank", "the Reserve Bank"],
            "gender": "female",
            "titles": ["Governor"],
        },
        "berg": {
            "name": "Ivo Berg",
            "aliases": ["the president"],
            "gender": "male",
            "titles": ["President"],
        },
        "ppc": {
            "name": "Polar Payments Council",
            "aliases": ["the Polar Payments Council", "PPC", "the council"],
            "pronouns": ["they", "them", "their", "theirs", "themselves"],
        },
        "ghcw": {
            "name": "Guild of Harbour and Canal Workers",
            "aliases": ["the Guild of Harbour and Canal Workers", "the union"],
            "pronouns": ["they", "them", "their", "theirs", "themselves"],
        },
    }
}


@pytest.fixture(scope="module")
def actors() -> attribution.Actors:
    return attribution.actors_from_mapping(ACTORS, "invented-actors")


def _run(headline: str, paragraphs: str, actors: attribution.Actors) -> list:
    art = corpus.parse_plain_text(headline + "\n\n" + paragraphs + "\n", "t", "t.txt")
    statements, _ = attribution.attribute(art, segment.segment_article(art), actors)
    return statements


@pytest.mark.parametrize(
    ("headline", "body", "speaker"),
    [
        # --- another holder of a title, named in apposition, is that person (16c #1) ---
        (
            "",
            "Hallin flew to Saltland. Saltland's prime minister, Oda Vinge, said the visit was "
            "welcome.",
            "Oda Vinge",
        ),
        (
            "",
            "The governor of the Saltland state bank, Kai Strom, said rates would rise.",
            "Kai Strom",
        ),
        # ... and the bare title right after is still that holder, not the actor
        (
            "",
            "Hallin flew to Saltland. Saltland's prime minister, Oda Vinge, said the visit was "
            "welcome. The prime minister added that ferries would run.",
            "Oda Vinge",
        ),
        (
            "",
            "The governor of the Saltland state bank, Kai Strom, said rates would rise. The "
            "governor added that Norvik should follow.",
            "Kai Strom",
        ),
        # (the actor's own title and name in apposition stay the actor)
        ("", "Norvik's prime minister, Maren Hallin, said the visit was welcome.", "hallin"),
        ("", "The governor of the Reserve Bank said rates would stay.", "tolle"),
        # --- a modifier before a body's description makes another body (16c #2) ---
        ("", "The village council said the hall would close.", "The village council"),
        ("", "The Harbour Council said the pier would close.", "The Harbour Council"),
        ("", "The Polar Payments Council met. The council said fees were too high.", "ppc"),
        # (a modifier that is a word of the actor's own name keeps the actor)
        ("", "The payments council said fees were too high.", "ppc"),
        ("Payments council warns on card fees", "", "ppc"),
        # --- "the president of <a body>" is not the configured president (16c #3) ---
        (
            "",
            "Rune Falk, the president of the Guild of Harbour and Canal Workers, said the law "
            "was unfair.",
            "Rune Falk",
        ),
        ("", "The president of the union, Rune Falk, said the strike would go on.", "Rune Falk"),
        (
            "",
            "The president of the union said the strike would go on.",
            "The president of the union",
        ),
        # --- an organization's configured name holding "and" (16c #5) ---
        (
            "",
            "The Guild of Harbour and Canal Workers said on Friday that the offer was poor.",
            "ghcw",
        ),
        # --- a body's "they" after quoted words naming people (16c #7) ---
        (
            "",
            'The union said the offer was "an insult to people who load the ships." "We will '
            'not return," they said.',
            "ghcw",
        ),
        # --- family sharing the actor's surname; gender where the actors file gives it (16c #6)
        (
            "",
            "Nils Hallin, the prime minister's brother, said the family was proud. Hallin added "
            "that he would not stand.",
            "Nils Hallin",
        ),
        ("", "Mrs Hallin, the prime minister's aunt, said she was proud.", "Mrs Hallin"),
        ("", "Dusk met Hallin on Monday. The prime minister said he was pleased.", "dusk"),
        ("", "Hallin met Dusk on Monday. The prime minister said she was pleased.", "hallin"),
        # --- speaker names built from fragments (16c #8, 16a #16) ---
        (
            "",
            "The Reserve Bank held rates, and its governor warned that prices were rising.",
            "tolle",
        ),
        (
            "",
            "The harbour board approved a new quay, a project the government says will cost "
            "millions.",
            "the government",
        ),
        (
            "",
            "Dockers walked out on Tuesday after their union rejected the offer.",
            "their union",
        ),
        (
            "",
            "Economist Lars Ekdal of the Fjordholm Institute said growth would slow.",
            "Lars Ekdal",
        ),
        (
            "",
            "Glaciologist Mira Sand of the Nordfjell Ice Institute said the ice was thin.",
            "Mira Sand",
        ),
    ],
)
def test_office_holders_and_bodies(
    actors: attribution.Actors, headline: str, body: str, speaker: str
) -> None:
    statements = _run(headline or "INVENTED headline", body or "Nothing was said.", actors)
    got = statements[0] if headline else [s for s in statements if s.section == "body"][-1]
    assert got.speaker == speaker, (got.speaker, got.rule)


@pytest.mark.parametrize(
    ("body", "addressee", "quote_text"),
    [
        # the letter's addressee is no part of the words reported (16a #16)
        (
            "Mayor Ida Lund wrote to the regional government on Friday demanding new pumps.",
            "",
            "demanding new pumps",
        ),
        (
            "Mayor Ida Lund wrote to Hallin on Friday demanding new pumps.",
            "hallin",
            "demanding new pumps",
        ),
        ("Mayor Ida Lund wrote that the pumps had failed.", "", "the pumps had failed"),
    ],
)
def test_wrote_to_addressee(
    actors: attribution.Actors, body: str, addressee: str, quote_text: str
) -> None:
    st = [s for s in _run("INVENTED headline", body, actors) if s.section == "body"][-1]
    assert (st.addressee, st.quote_text) == (addressee, quote_text)


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("Esselund's king, Ivo Tamm, said", 11, 15, True),
        ("The king, Edmar Vale, said", 0, 8, False),  # (his own name)
        ("a spokesman for the king, Ivo Tamm, said", 16, 24, False),  # (the spokesman's name)
        ("The king of the dockers' union said", 0, 8, True),
        ("The king of the royal union said", 0, 8, False),  # (a body of his own)
        ("The king of Lenn said", 0, 8, False),  # (a place proves nothing)
    ],
)
def test_title_of_other(text: str, start: int, end: int, expected: bool) -> None:
    own = frozenset({"edmar", "vale", "king", "royal", "union"})
    bodies = frozenset({"union", "bank"})
    assert attribution.title_of_other(text, start, end, "edmar", own, [], bodies) is expected

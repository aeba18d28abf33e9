"""Person names in attribution: people who share an actor's surname, name particles, pronouns.

Acceptance round accept15d, defects 1, 3, 4 and 10. Every person, country and text here is
INVENTED (Quenlia, Costavera, Qasira and their people are made up).
"""

from __future__ import annotations

import pytest

from mediaframes import actors_io, attribution, corpus, segment

ACTORS = {
    "actors": {
        # surname first: the alias "Qiao" makes "Qiao" the surname, not "Minren"
        "qiao": {"name": "Qiao Minren", "aliases": ["Qiao", "Mr Qiao"], "gender": "male"},
        # a particle alias ("de la Fuente") is the surname, not the last word "Obregón"
        "fuente": {
            "name": "Maria Elena de la Fuente Obregón",
            "aliases": ["de la Fuente"],
            "titles": ["Foreign Minister"],
            "gender": "female",
        },
        "lefevre": {"name": "Zoë Lefèvre-Mensah", "titles": ["President"], "gender": "female"},
        # no alias: "Marr" (the last word) is matched on its own
        "marr": {"name": "Ilse Marr", "gender": "female"},
        "lee": {"name": "Ana Lee", "aliases": ["Lee", "Ms Lee"], "gender": "female"},
        "haroun": {
            "name": "Sheikh Haroun bin Saleh al-Marri",
            "aliases": ["Sheikh Haroun"],
            "gender": "male",
        },
    }
}


@pytest.fixture(scope="module")
def actors() -> attribution.Actors:
    return attribution.actors_from_mapping(ACTORS, "invented-actors")


def _run(paragraphs: str, actors: attribution.Actors):
    text = "INVENTED headline\n\n" + paragraphs + "\n"
    art = corpus.parse_plain_text(text, "t", "t.txt")
    statements, mentions = attribution.attribute(art, segment.segment_article(art), actors)
    return [s for s in statements if s.section == "body"], mentions


# --- which part of the name is the surname ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "aliases", "given", "surname"),
    [
        ("Olaf Scholz", ["Scholz", "Chancellor Scholz"], None, "Scholz"),
        ("Olaf Scholz", [], None, "Scholz"),
        # surname first: a one-word alias that is not the last word
        ("Qiao Minren", ["Qiao", "Premier Qiao"], None, "Qiao"),
        # a run of the name opening with a lower-case particle
        ("Maria Elena de la Fuente Obregón", ["de la Fuente"], None, "de la Fuente"),
        ("Pieter van der Berg Smit", ["van der Berg"], None, "van der Berg"),
        # a given name as an alias, with the last word an alias too: the last word stays
        ("Anton Grieve", ["Grieve", "Anton", "Mr Grieve"], None, "Grieve"),
        # a regnal number is no surname: the name the king is known by is
        ("Osric IV", ["King Osric", "Osric"], None, "Osric"),
        # the actors file's `surname` key wins; "" is none
        ("Maria Elena de la Fuente Obregón", [], "de la Fuente", "de la Fuente"),
        ("Qiao Minren", ["Qiao"], "", ""),
        # NEGATIVE: an alias longer than the name or of another word changes nothing
        ("Ana Lee", ["the Kestrian leader", "Chancellor Lee"], None, "Lee"),
    ],
)
def test_surname_of(name: str, aliases: list[str], given: str | None, surname: str) -> None:
    assert attribution.surname_of(name, aliases, given) == surname


def test_surname_key_sets_the_bare_surname_and_title_aliases() -> None:
    entry = {"name": "Maria Elena de la Fuente Obregón", "titles": ["Minister"]}
    acts = attribution.actors_from_mapping({"actors": {"f": {**entry, "surname": "de la Fuente"}}})
    assert "Minister de la Fuente" in acts.get("f").aliases
    assert "Minister Obregón" not in acts.get("f").aliases
    off = attribution.actors_from_mapping({"actors": {"f": {**entry, "surname": ""}}})
    assert not any(a.startswith("Minister ") and len(a.split()) == 2 for a in off.get("f").aliases)
    body, _ = _run("Obregón said the talks had failed.", off)
    assert body[0].speaker == "Obregón"  # no bare surname: not the actor


@pytest.mark.parametrize("value", [["de la Fuente"], 3, True])
def test_surname_key_must_be_a_string(value: object) -> None:
    with pytest.raises(ValueError, match=r"my\.yml: actor 'f': 'surname' must be a string"):
        attribution.actors_from_mapping(
            {"actors": {"f": {"name": "A B", "surname": value}}}, "my.yml"
        )


def test_surname_is_a_known_key() -> None:
    data, warnings = actors_io.normalize_actor_keys(
        {"actors": {"f": {"name": "Qiao Minren", "surname": "Qiao"}}}, "f.yml"
    )
    assert warnings == []
    assert attribution.actors_from_mapping(data).get("f").surname == "Qiao"


# --- another person who shares an actor's name ------------------------------------------------

SHARED_NAME_CASES = [
    # (paragraphs, speakers of the body statements in order)
    # another given name after the actor's surname (surname first) or before it
    ("Qiao Lifen said the budget was unfair.", ["Qiao Lifen"]),
    ("Lifen Qiao said the budget was unfair.", ["Lifen Qiao"]),
    (
        "His sister, Qiao Lifen, who leads the opposition, said the budget was unfair.",
        ["Qiao Lifen"],
    ),
    # a hyphenated surname; a title before the other given name
    (
        "Yaw Lefèvre-Mensah, the president's brother, said the strike was fair.",
        ["Yaw Lefèvre-Mensah"],
    ),
    ("Senator Rodrigo Obregón said the minister had failed.", ["Rodrigo Obregón"]),
    # an honorific of the other gender: the actor Qiao is a man
    (
        "Qiao Minren spoke first.\n\n'My brother never queued for bread,' Ms Qiao told reporters.",
        ["Ms Qiao"],
    ),
    # ... and with the sister named before, her full name (her surname written first)
    (
        "Qiao Lifen said the budget was unfair.\n\n'He never queued for bread,' Ms Qiao said.",
        ["Qiao Lifen", "Qiao Lifen"],
    ),
    # the last word matched on its own ("Marr"): a later lone "Marr" is whoever was named last
    (
        "Senator Jonas Marr said the port was too small.\n\nMarr also said he would call a vote.",
        ["Jonas Marr", "Jonas Marr"],
    ),
    (
        "Ilse Marr opened the port. Her cousin, Jonas Marr, said it was too small.\n\n"
        "Marr also said he would call a vote.",
        ["Jonas Marr", "Jonas Marr"],
    ),
    (
        "Marr said the port would open.\n\nHer cousin, Jonas Marr, said it was too small.",
        ["marr", "Jonas Marr"],
    ),
    # a configured one-word alias stays the actor's once the actor is named otherwise ...
    (
        "Qiao Minren said the budget was fair.\n\nHis sister, Qiao Lifen, said it was unfair.\n\n"
        "Qiao later told state radio that he loved his sister.",
        ["qiao", "Qiao Lifen", "qiao"],
    ),
    # ... and is the other person's when the actor is named in no other way
    (
        "Qiao Lifen said the budget was unfair.\n\nQiao added that it would fail.",
        ["Qiao Lifen"] * 2,
    ),
    # NEGATIVE rows: the actor
    ("Minren Qiao said the budget was fair.", ["qiao"]),
    ("Mr Qiao said the budget was fair.", ["qiao"]),
    ("Instead Qiao said the budget was fair.", ["qiao"]),
    ("Yesterday Qiao said the budget was fair.", ["qiao"]),
    ("Qiao Tuesday said the budget was fair.", ["qiao"]),
    ("Qiao Minren Tuesday said the budget was fair.", ["qiao"]),
    ("Ms Lee said the budget was fair.", ["lee"]),
    ("Ana Maria Lee said the budget was fair.", ["lee"]),  # a middle name
    ("Foreign Minister de la Fuente said the offer was a trap.", ["fuente"]),
    ("President Zoë Lefèvre-Mensah said there would be no reprisals.", ["lefevre"]),
    ("Ilse Marr opened the port.\n\nMarr said it would double trade.", ["marr"]),
]


@pytest.mark.parametrize(("paragraphs", "speakers"), SHARED_NAME_CASES)
def test_a_person_sharing_an_actors_name_is_someone_else(
    actors: attribution.Actors, paragraphs: str, speakers: list[str]
) -> None:
    body, _ = _run(paragraphs, actors)
    assert [s.speaker for s in body if s.quote_type != "narration"] == speakers


@pytest.mark.parametrize(
    ("paragraphs", "mentioned"),
    [
        ("Qiao Lifen said the budget was unfair.", []),
        ("Senator Rodrigo Obregón said the minister had failed.", []),
        ("'Never,' Ms Qiao said.", []),
        # NEGATIVE: the actor's own mentions stay
        ("Premier Qiao said the budget was fair.", ["Qiao"]),
        ("Lee and Qiao met.", ["Lee", "Qiao"]),
        # another actor's name or a possessive next to the name is no given name
        ("The Lee Qiao talks went on.", ["The Lee", "Qiao"]),
        ("Quenlia's Qiao said the budget was fair.", ["Qiao"]),
        ("Tessaly's Qiao said the budget was fair.", ["Qiao"]),
    ],
)
def test_other_peoples_names_are_no_mentions(
    actors: attribution.Actors, paragraphs: str, mentioned: list[str]
) -> None:
    _, mentions = _run(paragraphs, actors)
    assert [m.text for m in mentions if m.kind == "name"] == mentioned


@pytest.mark.parametrize(
    ("paragraph", "speaker", "source"),
    [
        # a titled name, then a description of a relation: the person, the title the source
        (
            "Senator Rodrigo Vargas, her cousin, said the talks had failed.",
            "Rodrigo Vargas",
            "Senator",
        ),
        (
            "Senator Rodrigo Obregón, the minister's cousin and an opposition voice, said she had "
            'failed "the farmers".',
            "Rodrigo Obregón",
            "Senator",
        ),
        # NEGATIVE: a job after the rank says more than the rank (as before)
        (
            "Colonel Ruben Aldis, a spokesman for the army, said it was over.",
            "Ruben Aldis",
            "a spokesman for the army",
        ),
    ],
)
def test_titled_name_with_a_description(
    actors: attribution.Actors, paragraph: str, speaker: str, source: str
) -> None:
    body, _ = _run("De la Fuente spoke on Friday.\n\n" + paragraph, actors)
    assert (body[-1].speaker, body[-1].source) == (speaker, source)


# --- name particles ---------------------------------------------------------------------------

PARTICLE_CASES = [
    ("Ana de la Torre said the farmers were angry.", "Ana de la Torre"),
    ('"Nobody asked the farmers," said Ana de la Torre.', "Ana de la Torre"),
    ('Ana de la Torre was blunter: "Nobody asked the farmers."', "Ana de la Torre"),
    ("Ahmed bin Khalid al-Sayer said the port was too small.", "Ahmed bin Khalid al-Sayer"),
    ("Omar el-Sayed said the port was too small.", "Omar el-Sayed"),
    ("Hans ter Horst said the port was too small.", "Hans ter Horst"),
    ("Rhys ap Gruffydd said the port was too small.", "Rhys ap Gruffydd"),
    ("Giulia della Rovere said the port was too small.", "Giulia della Rovere"),
    ("Amira bint Saleh said the port was too small.", "Amira bint Saleh"),
    ("Yusuf ben Ali said the port was too small.", "Yusuf ben Ali"),
    ("Ana do Carmo said the port was too small.", "Ana do Carmo"),
    ("Pieter van der Berg said the port was too small.", "Pieter van der Berg"),
    # an honorific before the name is dropped, as for every other speaker
    (
        'Sheikh Faisal bin Haroun al-Marri said his father was "too patient".',
        "Faisal bin Haroun al-Marri",
    ),
    # a later lone family name in lower case is that person
    (
        "Sheikh Faisal bin Haroun al-Marri spoke first. The younger al-Marri added that he had "
        "no plans to run.",
        "Faisal bin Haroun al-Marri",
    ),
    # NEGATIVE: particles are no names on their own
    ("Dock workers emptied every rubbish bin. Officials said it was clean.", "Officials"),
]


@pytest.mark.parametrize(("paragraph", "speaker"), PARTICLE_CASES)
def test_names_with_particles_are_speakers(paragraph: str, speaker: str) -> None:
    no_actors = attribution.actors_from_mapping({"actors": {"x": {"name": "Xavier Quillon"}}})
    body, _ = _run(paragraph, no_actors)
    assert [s.speaker for s in body if s.quote_type != "narration"][-1:] == [speaker]


def test_particles_are_the_name_token_particles() -> None:
    alternatives = set(attribution._PARTICLE_ALT.split("|"))
    assert alternatives == attribution.NAME_PARTICLES


@pytest.mark.parametrize(
    "paragraph",
    [
        "Dock workers emptied every rubbish bin on the quay.",
        "The river runs from de to la and back, the farmers say.",
        "Sheikh Faisal bin Haroun al-Marri did not attend.",
    ],
)
def test_particles_make_no_actor_mentions(actors: attribution.Actors, paragraph: str) -> None:
    _, mentions = _run(paragraph, actors)
    assert mentions == []


# --- pronouns about a named non-actor ---------------------------------------------------------

INTERVIEW = (
    "The emir spoke to the Courier.\n\n"  # (the standfirst)
    "Sheikh Haroun received the Courier at his palace on Sunday. The interview was conducted "
    "in English.\n\nQ: Your son, Sheikh Faisal, wants a harder line. Do you agree?\n\n"
)


@pytest.mark.parametrize(
    ("answer", "pronouns_of_actor"),
    [
        # the sentence before is about Faisal, named: "He" and "himself" are Faisal
        ("A: Faisal is young. He speaks for himself, not for the Diwan.", []),
        # NEGATIVE: a sentence about a thing, or about the actor, leaves "he" to the actor
        ("A: Water is scarce. He knows it well.", ["He"]),
        ("A: Europe is divided. He knows it well. Eastern Europe is poor.", ["He"]),
        ("A: Sheikh Haroun is patient. He waits.", ["He"]),
        # NEGATIVE: another paragraph
        ("A: Faisal is young.\n\nHe said later that he had spoken to the Courier.", ["He", "he"]),
    ],
)
def test_he_after_a_named_non_actor(
    actors: attribution.Actors, answer: str, pronouns_of_actor: list[str]
) -> None:
    _, mentions = _run(INTERVIEW + answer, actors)
    start = len("INVENTED headline\n\n" + INTERVIEW)
    got = [m.text for m in mentions if m.kind == "pronoun" and m.start >= start]
    assert got == pronouns_of_actor


def test_actors_file_header_documents_every_key() -> None:
    header = "\n".join(
        line
        for line in (attribution.paths.resource("actors.yml")).read_text().splitlines()
        if line.startswith("#")
    )
    for key in actors_io.KNOWN_KEYS:
        assert f"#     {key}:" in header, key
    assert "LAST word" in header  # (the default, which surname-first names must override)


def test_decomposed_accents_do_not_split_a_speakers_name(tmp_path) -> None:
    """A name typed with combining accents (text and actors file) is one speaker (INVENTED)."""
    (tmp_path / "actors.yml").write_text(
        "# INVENTED actor\nactors:\n  marti:\n    name: Jose\u0301 Marti\u0301\n",
        encoding="utf-8",
    )
    actors = actors_io.load_actors(tmp_path / "actors.yml", warn=None)
    text = corpus.decode_bytes(
        "INVENTED headline\n\nJose\u0301 Marti\u0301 said the ferry would run. "
        "Ine\u0301s Roca said it would not.\n".encode()
    )[0]
    art = corpus.parse_plain_text(text, "t", "t.txt")
    statements, _ = attribution.attribute(art, segment.segment_article(art), actors)
    body = [(s.speaker, s.quote_type) for s in statements if s.section == "body"]
    assert body == [("marti", "indirect"), ("Inés Roca", "indirect")]

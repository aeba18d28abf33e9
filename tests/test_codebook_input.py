"""A researcher's own codebook and loaded-terms file: matching rules and input errors.

Cue matching ignores diacritics both ways, reads a plural-possessive apostrophe, and counts
"not one" as negation; codebook and loaded-terms files with fields of the wrong type, or empty
ones, fail with a message naming the file (exit 2 on the command line).

Every text, cue and file here is INVENTED.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from mediaframes import cli, compare, framing
from mediaframes.records import Article, Span, Statement

#: A valid one-frame codebook; tests change one field.
BOOK = {
    "id": "mine",
    "version": "0.1.0",
    "name": "Mine",
    "description": "INVENTED",
    "source": "INVENTED for tests",
    "frames": [{"id": "f", "name": "F", "definition": "d", "cues": ["mandate"]}],
}

#: A valid loaded-terms file; tests change one field.
TERMS = {
    "version": "1",
    "pairs": [
        {
            "id": "price_naming",
            "topic": "t",
            "note": "n",
            "variants": [
                {"label": "accusing", "terms": ["gouging"]},
                {"label": "defending", "terms": ["fair return"]},
            ],
        }
    ],
}


def _frame(*cues: str) -> framing.Frame:
    data = {**BOOK, "frames": [{**BOOK["frames"][0], "cues": list(cues)}]}
    return framing.parse_codebook(data, "inline").frame("f")


def _found(cue: str, text: str) -> list[str]:
    """The text at each match's offsets, checked against the cue text match_frame reports."""
    out = []
    for start, end, written, _rule in framing.match_frame(_frame(cue), text):
        assert text[start:end] == written
        out.append(written)
    return out


# --- diacritics -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cue", "text", "expected"),
    [
        ("café", "A café, a cafe, a CAFÉ and a Cafe.", ["café", "cafe", "CAFÉ", "Cafe"]),
        ("cafe", "A café, a cafe, a CAFÉ.", ["café", "cafe", "CAFÉ"]),
        ("naïve", "A naive plan, a naïve one.", ["naive", "naïve"]),
        ("Zürich", "In Zurich and in Zürich.", ["Zurich", "Zürich"]),
        ("resume", "Her résumé; two résumés; to resume.", ["résumé", "résumés", "resume"]),
        ("cliche", "A cliché, clichés.", ["cliché", "clichés"]),
        (
            "santé publique",
            "La sante publique, la santé publique.",
            ["sante publique", "santé publique"],
        ),
        ("=rôle", "Her role, two roles, one rôle.", ["role", "rôle"]),
        ("élysé*", "The Elysee and the Élysée palace.", ["Elysee", "Élysée"]),
        ("re:\\bcafé\\b", "A cafe and a café.", ["cafe", "café"]),
        ("re:\\bresume\\b", "A résumé.", ["résumé"]),
        ("re:Zürich\\s+talks", "ZURICH talks, Zürich talks.", ["ZURICH talks", "Zürich talks"]),
        ("café", "A caff and a cafeteria.", []),  # folding is no fuzzy matching
    ],
)
def test_cues_ignore_diacritics_both_ways(cue: str, text: str, expected: list[str]) -> None:
    assert _found(cue, text) == expected


def test_accent_folded_evidence_offsets_are_raw_in_labelled_articles() -> None:
    """Offsets into the raw text (the fold keeps length), in the one-pass labeller too."""
    text = "Intro.\n\nThe Élysée café said the naïve résumé was a cliché in Zürich."
    book = framing.parse_codebook(
        {**BOOK, "frames": [{**BOOK["frames"][0], "cues": ["elysee", "cafe", "re:z[u]rich",
                                                          "naive resume", "cliché"]}]},
        "inline",
    )  # fmt: skip
    art = Article("t", "t.txt", "txt", text, None, None, None, (Span(0, len(text), text),))
    st = Statement("t", "t:000", "", "narration", "", "", "", "narration", "", "body",
                   text[8:], "", 8, len(text), 8, 8, "test")  # fmt: skip
    labels = framing.label_statements(art, [st], book)
    assert [lab.cue for lab in labels] == ["Élysée", "café", "naïve résumé", "cliché", "Zürich"]
    assert all(text[lab.char_start : lab.char_end] == lab.cue for lab in labels)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Zürich", "Zurich"),
        ("ÉLYSÉE", "ELYSEE"),
        ("straße ø æ “x” ’", "straße ø æ “x” ’"),  # no decomposition: kept
        ("İstanbul", "Istanbul"),
        ("plain", "plain"),
    ],
)
def test_fold_diacritics_keeps_length_and_case(text: str, folded: str) -> None:
    assert framing.fold_diacritics(text) == folded
    assert len(framing.fold_diacritics(text)) == len(text)


# --- apostrophes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cue", "text", "expected"),
    [
        ("patients’ rights", "patients’ rights", ["patients’ rights"]),
        ("patients’ rights", "patients' rights", ["patients' rights"]),
        ("patients' rights", "patients’ rights", ["patients’ rights"]),
        ("patients' rights", "patients rights", ["patients rights"]),
        (
            "patients rights",
            "Patients’ rights, patients' rights",
            ["Patients’ rights", "patients' rights"],
        ),
        ("patients' rights", "a patient's rights", ["patient's rights"]),
        ("=patients' rights", "the patient's rights", []),  # =: this form only
        ("patients'", "the patients’ union", ["patients"]),
        ("peace talks", "‘peace’ talks", []),  # a closing quote, not a possessive
        ("patients rights", "the patients’. Rights", []),  # punctuation ends a phrase
        ("patients rights", "the patients’\n\nrights", []),  # so does a paragraph break
    ],
)
def test_plural_possessive_apostrophe_in_cues_and_text(
    cue: str, text: str, expected: list[str]
) -> None:
    assert _found(cue, text) == expected


@pytest.mark.parametrize(
    ("cue", "message"),
    [
        ("patients''", "characters other than letters"),
        ("'patients", "characters other than letters"),
        ("patients'*", "characters other than letters"),
        ("goin' home", 'word "goin\'" ends in an apostrophe, which a cue word may only have'),
    ],
)
def test_other_apostrophes_in_cue_words_stay_errors(cue: str, message: str) -> None:
    with pytest.raises(framing.CodebookError) as err:
        framing.compile_cue(cue, "my.yml")
    assert str(err.value).startswith("my.yml: ") and message in str(err.value)


# --- negation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Not one mandate was issued.", True),
        ("There was not one single mandate.", True),
        ("There was not a single mandate.", True),
        ("There was no other mandate.", True),
        ("There was no additional mandate.", True),
        ("There was not even a mandate.", True),
        ("They did not issue one mandate.", False),  # the verb stands between
        ("No one mentioned a mandate.", False),
        ("Not one, but two mandates.", False),  # punctuation ends the scope
        ("Not even one new mandate.", False),  # three words between: out of scope
    ],
)
def test_negation_across_quantifiers(text: str, negated: bool) -> None:
    got = framing.match_frame(_frame("mandate"), text)
    assert len(got) == 1
    assert got[0][3].startswith("negated:") is negated


# --- codebook file errors -------------------------------------------------------------------


def _write_book(path: Path, data: object) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty (or holds only comments)"),
        ("# only a comment\n\n", "the file is empty (or holds only comments)"),
        (yaml.safe_dump({**BOOK, "version": 1.10}), "'version' must be a string: quote it"),
        (yaml.safe_dump({**BOOK, "version": 2}), 'e.g. version: "1.10"'),
        (yaml.safe_dump({**BOOK, "name": True}), "'name' must be a string: quote it"),
        (yaml.safe_dump({**BOOK, "language": False}), "'language' must be a string"),
        (yaml.safe_dump({**BOOK, "version": "  "}), "'version' must be a non-empty string"),
    ],
    ids=["empty", "comments", "version-float", "version-int", "name-bool", "language", "blank"],
)
def test_codebook_file_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "mine.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(framing.CodebookError) as err:
        framing.load_codebook(path)
    assert str(err.value).startswith(f"{path}: ") and message in str(err.value)


def test_quoted_version_is_kept_as_written(tmp_path: Path) -> None:
    path = tmp_path / "mine.yml"
    path.write_text(yaml.safe_dump(BOOK).replace("0.1.0", "'1.10'"), encoding="utf-8")
    assert framing.load_codebook(path).version == "1.10"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One INVENTED article with accents and a plural possessive."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "raw").mkdir()
    (root / "raw" / "001_cafe.txt").write_text(
        "Cafe owners defend patients' rights\n\n"
        "The Zurich café said not one mandate was issued. "
        '"It is price gouging," said a nurse at the clinic.\n',
        encoding="utf-8",
    )
    return root


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("id: mine\nversion: 1.10\nname: M\ndescription: d\nsource: s\n"
         "frames: [{id: f, name: F, definition: d, cues: [mandate]}]\n",
         "'version' must be a string: quote it"),
    ],
    ids=["empty", "version"],
)  # fmt: skip
def test_analyze_refuses_bad_codebook_with_exit_2(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    book = tmp_path / "mine.yml"
    book.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["analyze", str(corpus), "--out", str(out), "--codebook", str(book)]) == 2
    err = capsys.readouterr().err
    assert f"{book}: " in err and message in err
    assert not out.exists() or not any(out.iterdir())


@pytest.fixture(scope="module")
def analysed(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``analyze`` of :func:`corpus` with an accent-free codebook holding a possessive cue."""
    root = tmp_path_factory.mktemp("run")
    book = _write_book(
        root / "book.yml",
        {**BOOK, "frames": [{**BOOK["frames"][0], "cues": ["mandate", "zürich cafe",
                                                          "patients’ rights", "owner"]}]},
    )  # fmt: skip
    out = root / "out"
    assert cli.main(["analyze", str(corpus), "--out", str(out), "--codebook", str(book)]) == 0
    return out


def test_analyze_labels_accents_and_possessives_with_raw_offsets(analysed: Path) -> None:
    frames = pd.read_csv(analysed / "frames.csv", keep_default_na=False)
    text = (analysed / "texts" / "001_cafe.txt").read_text(encoding="utf-8")
    assert sorted(zip(frames["cue"], frames["rule"], strict=True)) == [
        ("Zurich café", "phrase:zürich cafe"),
        ("mandate", "negated:cue:mandate"),
        ("owners", "cue:owner"),
        ("patients' rights", "phrase:patients’ rights"),
    ]
    for row in frames.itertuples():
        assert text[row.char_start : row.char_end] == row.cue


# --- loaded-terms file errors ---------------------------------------------------------------


def _terms(**variant: object) -> dict[str, object]:
    """TERMS with the first variant's fields changed (``pair_*``: the pair's, ``top_*``: top)."""
    data = yaml.safe_load(yaml.safe_dump(TERMS))
    pair = data["pairs"][0]
    for key, value in variant.items():
        if key.startswith("pair_"):
            pair[key[5:]] = value
        elif key.startswith("top_"):
            data[key[4:]] = value
        else:
            pair["variants"][0][key] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_terms(terms="gouging"), "(accusing): 'terms' must be a non-empty list"),
        (_terms(terms="gouging, profiteering"), "'terms' must be a non-empty list"),
        (_terms(terms=[]), "'terms' must be a non-empty list"),
        (_terms(terms=None), "'terms' must be a non-empty list"),
        (_terms(terms=[12]), "each term must be a string (quote it), got 12"),
        (_terms(label=3), "'label' must be a string (quote it"),
        (_terms(label=""), "'label' must be a non-empty string"),
        (_terms(colour="red"), "variants[0]: unknown keys ['colour']"),
        (_terms(pair_topic=["a"]), "(price_naming): 'topic' must be a non-empty string"),
        (_terms(pair_note=1.5), "'note' must be a string (quote it"),
        (_terms(pair_id=7), "pairs[0]: 'id' must be a string (quote it"),
        (_terms(pair_variants="accusing"), "'variants' must be a list of at least two"),
        (_terms(pair_negation=False), "negation must be one of ['keep', 'suppress']"),
        (_terms(pair_variant=[]), "(price_naming): unknown keys ['variant']"),
        (_terms(top_version=1.1), "'version' must be a string (quote it"),
        (_terms(top_pair=[]), "unknown keys ['pair']"),
        ({**TERMS, "pairs": ["price_naming"]}, "pairs[0]: each pair needs an 'id'"),
        (
            {"pairs": [{**TERMS["pairs"][0], "variants": ["a", "b"]}]},  # type: ignore[dict-item]
            "variants[0]: each variant must be a mapping",
        ),
        (None, "the file is empty (or holds only comments)"),
        # acceptance test 18a: no pairs, a term in two variants, two variants of one label
        ({**TERMS, "pairs": []}, "'pairs' is empty: the file lists no contested terms"),
        (
            _terms(terms=["gouging", "fair return"]),
            "(price_naming): the term 'fair return' is listed twice, in the variants "
            "'accusing' and 'defending'; a use is counted for one variant only",
        ),
        (
            _terms(terms=["gouging", "Gouging"]),
            "the term 'Gouging' is listed twice, in the variant 'accusing': list it once",
        ),
        (_terms(label="defending"), "variants[1]: two variants are labelled 'defending'"),
    ],
)
def test_loaded_terms_file_errors_name_file_and_field(
    tmp_path: Path, data: object, message: str
) -> None:
    path = tmp_path / "terms.yml"
    path.write_text("" if data is None else yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ValueError) as err:
        compare.load_loaded_terms(path)
    assert str(err.value).startswith(f"{path}: ") and message in str(err.value)


def test_loaded_terms_valid_file_and_accents(tmp_path: Path) -> None:
    path = _write_book(tmp_path / "terms.yml", _terms(terms=["gouging", "profiteering"]))
    terms = compare.load_loaded_terms(path)
    assert [(t.variant, t.cue.text) for t in terms] == [
        ("accusing", "gouging"),
        ("accusing", "profiteering"),
        ("defending", "fair return"),
    ]
    st = pd.DataFrame({"article_id": ["a"], "statement_id": ["a:0"], "speaker": [""],
                       "speaker_type": ["narration"], "quote_type": ["narration"],
                       "text": ["A fair return, not gouging."], "char_start": [5]})  # fmt: skip
    out = compare.loaded_term_uses(st, terms)
    assert out[["term", "cue", "char_start"]].values.tolist() == [
        ["fair return", "fair return", 7],
        ["gouging", "gouging", 24],
    ]


def test_compare_refuses_terms_given_as_a_string_with_exit_2(
    analysed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    terms = tmp_path / "terms.yml"
    terms.write_text(  # as a researcher wrote it: a string, not a list
        "version: '1'\npairs:\n  - id: x\n    variants:\n      - label: a\n"
        "        terms: gouging\n      - label: b\n        terms: fair return\n",
        encoding="utf-8",
    )
    out = tmp_path / "cmp"
    code = cli.main(["compare", str(analysed), "--out", str(out), "--loaded-terms", str(terms)])
    assert code == 2
    err = capsys.readouterr().err
    assert f"{terms}: pairs[0] (x) variants[0] (a): 'terms' must be a non-empty list" in err
    assert not out.exists()

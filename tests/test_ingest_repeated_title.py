"""A JSONL/CSV record whose text repeats its title gets the headline once (accept14c defect 7).

Every title and text here is INVENTED for these tests.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from mediaframes import corpus

STANDFIRST = "Follow the latest as the depot talks resume, all of it INVENTED."
BODY = "09:05 - Good morning. The talks at the depot resume at ten, the organisers said."

# (title, text, expected standfirst, repeated title dropped?)
CASES = [
    ("Depot talks resume", f"Depot talks resume\n\n{STANDFIRST}\n\n{BODY}", STANDFIRST, True),
    # whitespace, case and a final full stop or colon aside, the line is the title
    ("Depot talks resume", f"  depot  TALKS resume.\n\n{STANDFIRST}\n\n{BODY}", STANDFIRST, True),
    ("Depot talks resume:", f"Depot talks resume\n{STANDFIRST}\n\n{BODY}", STANDFIRST, True),
    # NEGATIVE rows: the text only starts with the title's words, or does not repeat it
    ("Depot talks", f"Depot talks resume today.\n\n{STANDFIRST}\n\n{BODY}",
     "Depot talks resume today.", False),
    ("Depot talks resume", f"{STANDFIRST}\n\n{BODY}", STANDFIRST, False),
    # a text that is only the title is kept (nothing would remain)
    ("Depot talks resume", "Depot talks resume", "Depot talks resume", False),
]  # fmt: skip

WARNING = "record text starts with its title: the repeated title was dropped"


def _write(root: Path, fmt: str, title: str, text: str) -> None:
    raw = root / "raw"
    raw.mkdir(parents=True)
    if fmt == "jsonl":
        rec = {"id": "rec1", "title": title, "text": text}
        (raw / "recs.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    else:
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerows([["id", "title", "text"], ["rec1", title, text]])
        (raw / "recs.csv").write_text(buf.getvalue(), encoding="utf-8")


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize(("title", "text", "standfirst", "dropped"), CASES)
def test_repeated_title_is_dropped_with_a_warning(
    tmp_path: Path, fmt: str, title: str, text: str, standfirst: str, dropped: bool
) -> None:
    _write(tmp_path, fmt, title, text)
    result = corpus.scan_corpus(tmp_path)
    assert not result.quarantine
    (art,) = result.articles
    assert art.headline is not None and art.headline.text == title
    first = art.standfirst.text if art.standfirst is not None else art.body[0].text
    assert first == standfirst
    # the text is the headline, then the record's text without the repetition
    assert art.text == title + "\n\n" + corpus.drop_repeated_title(title, text)[0]
    assert any(WARNING in w for w in art.warnings) == dropped


@pytest.mark.parametrize(("title", "text", "standfirst", "dropped"), CASES)
def test_drop_repeated_title(title: str, text: str, standfirst: str, dropped: bool) -> None:
    out, done = corpus.drop_repeated_title(title, text)
    assert done == dropped
    assert out == (text.split("\n", 1)[1].lstrip() if dropped else text)

# Acceptance test 20a: the report PDF read as a reader reads it. The fixture tables come from a
# one-article corpus INVENTED for the test (tests/fixtures/invented/report20a/README.md).
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from mediaframes import figures

FIXTURE = Path(__file__).parent / "fixtures" / "invented" / "report20a"


def _frame_rows(rows: list[tuple[str, str, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["speaker", "frame", "n_statements", "share"]).assign(
        codebook="invented_book"
    )


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # five statements carrying three frames each, nine carrying one
        (
            [("Joran Keel", f, 5, 1.0) for f in ("aid", "talks", "trade")]
            + [("Lia Tormen", "talks", 9, 1.0)],
            {"Joran Keel": 5.0, "Lia Tormen": 9.0},
        ),
        (
            [("Asta Murrow", "aid", 3, 0.43), ("Asta Murrow", "talks", 2, 0.29)],
            {"Asta Murrow": 7.0},
        ),
        ([("Petra Ollisande", "aid", 2, 0.0)], {"Petra Ollisande": 2.0}),
    ],
)
def test_statements_per_speaker(rows: list, expected: dict) -> None:
    assert figures.statements_per_speaker(_frame_rows(rows)).to_dict() == expected


def test_frame_shares_draw_speakers_by_statements(tmp_path: Path) -> None:
    """accept20a defect 2: Joran Keel (n=5, three frames a statement) was drawn above Lia Tormen
    (n=9, one frame), ordered by frame labels (15 against 9), not statements."""
    rows = [("Joran Keel", f, 5, 1.0) for f in ("aid", "talks", "trade")] + [
        ("Lia Tormen", "talks", 9, 1.0),
        ("Asta Murrow", "aid", 7, 1.0),
    ]
    svg = figures.plot_frame_shares(_frame_rows(rows), tmp_path)[0].read_text(encoding="utf-8")
    order = [svg.index(f"{name} (n=") for name in ("Lia Tormen", "Asta Murrow", "Joran Keel")]
    assert order == sorted(order)


@pytest.mark.parametrize(("articles", "thin"), [(["a1"], True), (["a1", "a2"], False)])
def test_word_choice_says_when_it_describes_one_article(
    tmp_path: Path, articles: list[str], thin: bool
) -> None:
    """accept20a defect 9: one article's Figure 7 was one full-width bar with no such note,
    where the report's other figures say "Only 1 article" (INVENTED rows)."""
    terms = pd.DataFrame(
        [
            {"article_id": a, "voice": "narration", "mode": "narration", "side": "",
             "pair": "government_naming", "variant": "neutral", "term": "government"}
            for a in articles
        ]
    )  # fmt: skip
    words = pd.DataFrame(columns=["anchor", "voice", "term", "count", "distinctive"])
    svg = figures.plot_word_choice(words, tmp_path, loaded_terms=terms)[0]
    assert ("Only 1 article" in svg.read_text(encoding="utf-8")) is thin

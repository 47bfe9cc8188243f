"""Odd and hostile paragraphs: the extractor is total and stays fast."""

from __future__ import annotations

import random
import time

import pytest
from quote_support import quotes_of

from analysis import analyze
from analysis.model import Article

MARKS = "\"'“”‘’«»„‹›"

CASES = [
    "“" * 5000,
    "\"" * 5001,
    "' " * 5000,
    "“a " * 3000,
    "said " * 5000 + "“x”",
    "Mr. " * 5000 + "said “x”",
    ("A B C D E F G H " * 800) + "said “x”",
    "“x,” said " + "Big Name, " * 2000,
    "“x,” he said, " + "a professor of law at the University, " * 500,
    "According to " + "X, " * 4000 + "“y”",
    "“unclosed quote " + "word " * 20000,
    ", , , , “" * 2000,
    "‘’" * 4000,
    "«»" * 4000 + "said Ana",
    "(R-Ky.), " * 3000,
    "''a'' " * 3000,
    "'x' " * 5000,
    "'The workers' pay' " * 2000,
]


@pytest.mark.parametrize("paragraph", CASES, ids=range(len(CASES)))
def test_hostile_paragraph(paragraph: str) -> None:
    start = time.perf_counter()
    quotes, speakers = quotes_of(Article(paragraphs=[paragraph, paragraph[:500]]))
    assert time.perf_counter() - start < 3.0
    for q in quotes:
        assert [paragraph, paragraph[:500]][q.paragraph][q.start:q.end] == q.text


def test_random_soup_never_crashes() -> None:
    rng = random.Random(7)
    alphabet = MARKS + "abcXYZ .,:;—-()\n" + "Mr. said told "
    for _ in range(300):
        paragraphs = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
                      for _ in range(rng.randint(0, 6))]
        article = Article(paragraphs=paragraphs)
        quotes, speakers = quotes_of(article)
        ids = {s.id for s in speakers}
        for q in quotes:
            assert paragraphs[q.paragraph][q.start:q.end] == q.text
            assert q.speaker_id == "" or q.speaker_id in ids


def test_random_words_with_quotes_never_crash() -> None:
    rng = random.Random(11)
    words = ("the", "said", "Mr.", "Hale", "Ana", "Ribeiro", ",", "“", "”", "\"", "'", "’",
             "according", "to", "he", "she", "a", "spokesman", "of", "New", "York", ":", ".",
             "R-Ky.", "(D-Nev.)", "who", "told", "the", "Kremlin", "so-called", "film")
    for _ in range(300):
        paragraphs = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 60)))
                      for _ in range(rng.randint(1, 5))]
        quotes, speakers = quotes_of(Article(paragraphs=paragraphs))
        for q in quotes:
            assert paragraphs[q.paragraph][q.start:q.end] == q.text


def test_long_paragraph_of_quotes_is_analysed_in_linear_time() -> None:
    # 150 KB in one paragraph, three quote styles: pairing marks and resolving speakers must not
    # rescan the paragraph per quote (this took ~30 s when they did).
    text = "Dock strike\n\n" + "“a” ‘b’ \"c\" said Mr Hale. " * 5000
    start = time.perf_counter()
    result = analyze(text, kind="text")
    assert time.perf_counter() - start < 5.0
    assert len(result.quotes) >= 5000


def test_long_paragraph_of_pronoun_attributed_quotes_is_fast() -> None:
    paragraph = "Tomas Hale spoke. " + "“We will win this fight,” he said. " * 20000
    start = time.perf_counter()
    quotes, speakers = quotes_of(Article(paragraphs=[paragraph]))
    assert time.perf_counter() - start < 4.0  # ~0.6 s here; ~7 s when it was quadratic
    assert len(quotes) == 20000 and [s.name for s in speakers] == ["Tomas Hale"]


def test_long_paragraph_of_distinct_speakers_is_fast() -> None:
    # Each speaker's role is read from the words before its first mention: a window, never the
    # whole paragraph up to it.
    rng = random.Random(3)

    def name() -> str:
        return "".join(rng.choice("BDFGHKLMNPRST") + rng.choice("aeiou") + rng.choice("lnrst")
                       for _ in range(2)).capitalize()

    paragraph = " ".join(f"“We will win,” said {name()} {name()}, the {name()} director."
                         for _ in range(4000))
    start = time.perf_counter()
    quotes, speakers = quotes_of(Article(paragraphs=[paragraph]))
    assert time.perf_counter() - start < 3.5  # ~0.6 s here; ~6 s when it was quadratic
    assert len(quotes) == 4000 and len(speakers) > 3000

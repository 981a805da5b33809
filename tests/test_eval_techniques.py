"""Persuasion techniques: the corpus reader, the leak-free split and the SemEval-style scorer.

Scores are checked on hand-made spans; the working of each expectation is in the comments.
The fixture articles are fictional; one data-marked test reads the real corpus when present.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from claimscope.errors import ClaimscopeError, InputError, InvalidOptionError, SourceNotFoundError
from claimscope.evaluate.propaganda import (
    TECHNIQUES,
    PropagandaArticle,
    group_near_duplicates,
    line_labels,
    line_offsets,
    read_propaganda,
    split_articles,
    stable_fraction,
    unannotated_copies,
)
from claimscope.evaluate.techniques import (
    LinePrediction,
    LinePredictions,
    Predictor,
    TechniqueScorer,
    evaluate_techniques,
    merge_overlapping,
)

LOADED = "Loaded_Language"
DOUBT = "Doubt"


def _scores(
    gold: list[tuple[int, int, str]], predicted: list[tuple[int, int, str]]
) -> dict[str, Any]:
    scorer = TechniqueScorer()
    scorer.add_article(gold, predicted)
    return scorer.metrics()


# --- the span scorer ------------------------------------------------------------------------


def test_partial_overlap_of_one_span() -> None:
    # |s & t| = 5 (chars 5..9); P = 5/10, R = 5/10, F1 = 0.5.
    result = _scores([(0, 10, DOUBT)], [(5, 15, DOUBT)])
    assert (result["span_precision"], result["span_recall"], result["span_f1"]) == (0.5, 0.5, 0.5)
    assert result["span_technique_f1"] == 0.5


def test_two_spans_with_and_without_technique() -> None:
    gold = [(0, 10, LOADED), (20, 30, DOUBT)]
    predicted = [(0, 5, LOADED), (25, 35, LOADED)]
    result = _scores(gold, predicted)
    # Agnostic: (0,5)&(0,10) = 5 -> P += 5/5, R += 5/10; (25,35)&(20,30) = 5 -> P += 5/10,
    # R += 5/10. P = 1.5/2 = 0.75, R = 1.0/2 = 0.5, F1 = 2*0.75*0.5/1.25 = 0.6.
    assert result["span_precision"] == 0.75
    assert result["span_recall"] == 0.5
    assert result["span_f1"] == 0.6
    # With technique: only (0,5)-(0,10) pairs (both Loaded_Language). P = 1/2, R = 0.5/2,
    # F1 = 2*0.5*0.25/0.75 = 1/3.
    assert result["span_technique_precision"] == 0.5
    assert result["span_technique_recall"] == 0.25
    assert result["span_technique_f1"] == 0.3333
    per = result["per_technique"]
    # Loaded_Language: P = 1/2, R = 0.5/1; Doubt: gold 1, predicted 0 -> all 0.
    assert per[LOADED] == {"f1": 0.5, "precision": 0.5, "recall": 0.5, "gold": 1, "predicted": 2}
    assert per[DOUBT] == {"f1": 0.0, "precision": 0.0, "recall": 0.0, "gold": 1, "predicted": 0}
    # A technique with neither gold nor prediction: F1 1.0, as the official scorer has it.
    assert per["Slogans"]["f1"] == 1.0


def test_overlapping_gold_spans_of_one_technique_are_merged() -> None:
    # Gold (0,10) and (5,20) merge into (0,20). P = 10/10 = 1, R = 10/20 = 0.5.
    # Unmerged, P would be (10/10 + 5/10)/1 = 1.5, more than 1.
    result = _scores([(0, 10, LOADED), (5, 20, LOADED)], [(0, 10, LOADED)])
    assert result["span_precision"] == 1.0
    assert result["span_recall"] == 0.5
    assert result["span_technique_precision"] == 1.0
    assert result["span_technique_recall"] == 0.5
    assert result["counts"]["gold_spans"] == 1


def test_overlapping_spans_of_two_techniques_merge_only_when_technique_is_ignored() -> None:
    # Agnostic: gold merges into (0,20); P = 10/10, R = 10/20.
    # With technique: gold stays (0,10) LOADED and (5,20) DOUBT; the prediction pairs only
    # with the first: P = 10/10 / 1, R = (10/10) / 2 = 0.5.
    result = _scores([(0, 10, LOADED), (5, 20, DOUBT)], [(0, 10, LOADED)])
    assert result["counts"]["gold_spans"] == 1
    assert result["counts"]["gold_technique_spans"] == 2
    assert (result["span_precision"], result["span_recall"]) == (1.0, 0.5)
    assert (result["span_technique_precision"], result["span_technique_recall"]) == (1.0, 0.5)


def test_touching_spans_are_not_merged() -> None:
    # Gold (0,2) and (2,10) share no character: two spans. R = (2/2 + 0)/2 = 0.5
    # (merged into (0,10) it would be 2/10 = 0.2).
    result = _scores([(0, 2, DOUBT), (2, 10, DOUBT)], [(0, 2, DOUBT)])
    assert result["span_recall"] == 0.5
    assert merge_overlapping([(2, 10), (0, 2), (1, 3)]) == [(0, 10)]


def test_technique_mismatch_scores_only_without_technique() -> None:
    result = _scores([(0, 10, LOADED)], [(0, 10, DOUBT)])
    assert result["span_f1"] == 1.0
    assert result["span_technique_f1"] == 0.0
    assert result["span_technique_precision"] == 0.0


def test_empty_predictions_give_zero_not_a_crash() -> None:
    result = _scores([(0, 10, LOADED)], [])
    assert (result["span_precision"], result["span_recall"], result["span_f1"]) == (0.0, 0.0, 0.0)
    # Neither gold nor prediction: F1 is 1.0 by the official convention.
    assert _scores([], [])["span_f1"] == 1.0


def test_denominators_are_corpus_totals() -> None:
    # Article 1: exact hit; article 2: missed. P = 1/1, R = 1/2, F1 = 2/3.
    scorer = TechniqueScorer()
    scorer.add_article([(0, 10, DOUBT)], [(0, 10, DOUBT)])
    scorer.add_article([(0, 10, DOUBT)], [])
    result = scorer.metrics()
    assert (result["span_precision"], result["span_recall"], result["span_f1"]) == (
        1.0,
        0.5,
        0.6667,
    )


def test_sentence_scores() -> None:
    scorer = TechniqueScorer()
    # TP 2, FP 1, FN 1: P = 2/3, R = 2/3, F1 = 2/3.
    scorer.add_lines([True, True, False, True, False], [True, True, True, False, False])
    result = scorer.metrics()
    assert (result["sentence_precision"], result["sentence_recall"]) == (0.6667, 0.6667)
    assert result["sentence_f1"] == 0.6667


# --- lines ----------------------------------------------------------------------------------


def test_line_offsets_and_labels() -> None:
    text = "Corvale votes\n\nThe shameful scheme\nwas unveiled.\nIt rained.\n"
    lines = line_offsets(text)
    assert [text[s:e] for s, e in lines] == [
        "Corvale votes",
        "",
        "The shameful scheme",
        "was unveiled.",
        "It rained.",
    ]
    start = text.index("shameful scheme")
    # One span runs over the line break into line 4; one ends exactly where line 5 starts.
    runs_over = (start, text.index("unveiled") + 8, LOADED)
    line5 = text.index("It rained")
    ends_at_line5 = (line5 - 3, line5, DOUBT)  # "d.\n": ends before line 5's first char
    article = PropagandaArticle("7", text, lines, [runs_over, ends_at_line5])
    assert line_labels(article) == [False, False, True, True, False]
    assert line_offsets("no break") == [(0, 8)]
    assert line_offsets("") == []


# --- fixture corpus -------------------------------------------------------------------------


ARTICLES = {
    "101": (
        "Varn speaks\n\nMayor Ilse Varn opened the bridge.\nCritics call it a disgraceful waste.\n"
    ),
    "102": "Ferry news\n\nThe ferry stays.\nNobody knows who pays.\n",
    "103": "Weather\n\nIt rained in Corvale.\n",
}


def _span(article_id: str, phrase: str) -> tuple[int, int]:
    start = ARTICLES[article_id].index(phrase)
    return start, start + len(phrase)


GOLD = [
    ("101", LOADED, *_span("101", "disgraceful waste")),
    ("102", DOUBT, *_span("102", "Nobody knows who pays")),
]


def _write(folder: Path, rows: Sequence[Sequence[object]] = GOLD) -> Path:
    (folder / "articles").mkdir(parents=True)
    for article_id, text in ARTICLES.items():
        (folder / "articles" / f"article{article_id}.txt").write_text(text, encoding="utf-8")
    lines = ["article_id\ttechnique\tstart\tend"] + ["\t".join(map(str, r)) for r in rows]
    (folder / "techniques.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return _write(tmp_path / "propaganda")


def test_reader(corpus: Path) -> None:
    articles = read_propaganda(corpus)
    assert [a.id for a in articles] == ["101", "102", "103"]
    first = articles[0]
    (start, end, technique) = first.spans[0]
    assert first.text[start:end] == "disgraceful waste" and technique == LOADED
    assert first.line_texts()[3] == "Critics call it a disgraceful waste."
    assert articles[2].spans == []
    assert [a.id for a in read_propaganda(corpus, ids=["103"])] == ["103"]


def test_reader_errors(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match="articles"):
        read_propaganda(tmp_path / "nowhere")
    bad: list[tuple[list[tuple[object, ...]], str]] = [
        ([("101", LOADED, 3)], "4 tab-separated columns"),
        ([("101", "Name_Calling", 0, 4)], "unknown technique"),
        ([("101", LOADED, "a", 4)], "integers"),
        ([("101", LOADED, 5, 5)], "empty"),
        ([("101", LOADED, 0, 999)], "outside"),
        ([("555", LOADED, 0, 4)], "no file"),
    ]
    for number, (rows, message) in enumerate(bad):
        folder = _write(tmp_path / f"case{number}", rows)
        with pytest.raises(InputError if message != "no file" else SourceNotFoundError) as err:
            read_propaganda(folder)
        assert message in str(err.value)
    folder = tmp_path / "case0"
    (folder / "techniques.tsv").unlink()
    with pytest.raises(SourceNotFoundError, match=r"techniques\.tsv"):
        read_propaganda(folder)
    with pytest.raises(SourceNotFoundError, match="999"):
        read_propaganda(_write(tmp_path / "good"), ids=["101", "999"])


def _oracle(article_texts: dict[tuple[str, ...], PropagandaArticle]) -> Predictor:
    """A predictor that answers with the gold, as line-relative spans."""

    def predict(lines: list[str]) -> LinePredictions:
        article = article_texts[tuple(lines)]
        labels = line_labels(article)
        answer = []
        for (line_start, line_end), label in zip(article.lines, labels, strict=True):
            spans = [
                (max(s, line_start) - line_start, min(e, line_end) - line_start, t, 0.9)
                for s, e, t in article.spans
                if s < line_end and line_start < e
            ]
            answer.append(LinePrediction(0.8 if label else 0.1, spans))
        return answer

    return predict


def test_evaluate_with_gold_predictor_and_exclusion(corpus: Path) -> None:
    articles = {tuple(a.line_texts()): a for a in read_propaganda(corpus)}
    result = evaluate_techniques(corpus, _oracle(articles), exclude_ids=["103"])
    assert result["articles"] == 2 and result["articles_excluded"] == 1
    # 101 has 3 non-blank lines, 102 has 3: blank lines are not scored.
    assert result["lines"] == 6
    assert result["sentence_f1"] == result["span_f1"] == result["span_technique_f1"] == 1.0
    # Spans scored below the threshold are dropped: no prediction, P = R = 0.
    low = evaluate_techniques(corpus, _oracle(articles), exclude_ids=[], threshold=0.95)
    assert low["span_f1"] == 0.0 and low["sentence_f1"] == 0.0 and low["articles"] == 3
    assert low["articles_without_spans"] == 1


def test_line_relative_offsets_are_mapped(corpus: Path) -> None:
    # "disgraceful waste" on line 4 of article 101 ("Critics call it a disgraceful waste.").
    def predict(lines: list[str]) -> LinePredictions:
        answer: list[LinePrediction] = [LinePrediction(0.0, []) for _ in lines]
        if lines[0] == "Varn speaks":
            answer[3] = LinePrediction(0.9, [(18, 35, LOADED, 0.9)])
        return answer

    result = evaluate_techniques(corpus, predict, exclude_ids=["102", "103"])
    assert result["span_technique_f1"] == 1.0
    assert result["sentence_f1"] == 1.0


def test_predictor_errors(corpus: Path) -> None:
    with pytest.raises(ClaimscopeError, match="every line"):
        evaluate_techniques(corpus, lambda lines: [], exclude_ids=[])
    with pytest.raises(ClaimscopeError, match="relative to the line"):
        evaluate_techniques(
            corpus, lambda lines: [(0.0, [(0, 99, DOUBT, 1.0)])] * len(lines), exclude_ids=[]
        )
    with pytest.raises(ClaimscopeError, match="unknown technique 'Smears'"):
        evaluate_techniques(
            corpus, lambda lines: [(0.0, [(0, 1, "Smears", 1.0)])] * len(lines), exclude_ids=[]
        )
    with pytest.raises(InputError, match="no article left"):
        evaluate_techniques(corpus, lambda lines: [], exclude_ids=["101", "102", "103"])


# --- near-duplicates and the split ----------------------------------------------------------


def _article(article_id: str, lines: list[str], spans: int = 0) -> PropagandaArticle:
    text = "\n".join(lines) + "\n"
    gold = [(0, 1, DOUBT)] * spans
    return PropagandaArticle(article_id, text, line_offsets(text), gold)


A_LINES = ["Bridge reopens", "", "Mayor Varn cut the ribbon.", "The toll stays.", "Boats wait."]


def test_near_duplicate_grouping() -> None:
    a = _article("40", A_LINES)  # 4 distinct non-empty lines
    # 2 of A's 4 lines, in other case and spacing; B has 6: 2*2 >= min(4, 6).
    b = _article("12", ["  MAYOR VARN CUT THE RIBBON. ", "boats wait.", "x1", "x2", "x3", "x4"])
    # 1 shared of C's 3: 2*1 < 3, so not with A.
    c = _article("33", ["Bridge reopens", "Rain fell.", "Ducks swam."])
    # D shares 2 of its 2 lines with B only: joins A through B.
    d = _article("77", ["x3", "x4"])
    e = _article("05", ["Nothing shared here."])
    assert group_near_duplicates([a, b, c, d, e]) == [["05"], ["12", "40", "77"], ["33"]]
    assert unannotated_copies([_article("1", A_LINES, spans=2), a, e]) == ["40"]


def _many_articles() -> list[PropagandaArticle]:
    articles = []
    for n in range(60):
        lines = [f"Story {n} of the Belmora Daily Courier.", f"Line {n}b.", f"Line {n}c."]
        articles.append(_article(f"{1000 + n}", lines))
        if n % 3 == 0:  # a re-posted copy under another id
            articles.append(_article(f"{5000 + n}", [*lines, "Share this story."]))
    return articles


def test_split_is_deterministic_and_never_splits_a_group() -> None:
    articles = _many_articles()
    split = split_articles(articles)
    assert split == split_articles(list(reversed(articles)))
    sides = {"train": split.train, "selection": split.selection, "evaluation": split.evaluation}
    every = [i for ids in sides.values() for i in ids]
    assert sorted(every) == sorted(a.id for a in articles)  # each id exactly once
    side_of = {i: name for name, ids in sides.items() for i in ids}
    groups = group_near_duplicates(articles)
    assert sum(len(g) > 1 for g in groups) == 20
    for group in groups:
        assert len({side_of[i] for i in group}) == 1
        # The side follows from the hash of the group's smallest id, computed independently.
        fraction = stable_fraction(group[0])
        expected = "evaluation" if fraction < 0.2 else "selection" if fraction < 0.3 else "train"
        assert side_of[group[0]] == expected
    assert all(sides.values())  # 60 groups: each side gets some


def test_split_fractions() -> None:
    articles = _many_articles()
    assert split_articles(articles, eval_fraction=1.0, selection_fraction=0.0).train == []
    with pytest.raises(InvalidOptionError):
        split_articles(articles, eval_fraction=0.8, selection_fraction=0.3)
    assert 0.0 <= stable_fraction("1000") < 1.0


# --- the real corpus ------------------------------------------------------------------------


@pytest.mark.data
def test_real_corpus(shared_data: Path) -> None:
    folder = shared_data / "propaganda"
    if not (folder / "techniques.tsv").is_file():
        pytest.skip("propaganda/ is not in ../shared/data")
    articles = read_propaganda(folder)
    assert len(articles) == 314
    assert {t for a in articles for _, _, t in a.spans} == set(TECHNIQUES)
    assert len(TECHNIQUES) == 14
    spans = [(a.text, s, e) for a in articles for s, e, _ in a.spans]
    assert len(spans) == 4784
    assert all(0 <= s < e <= len(text) for text, s, e in spans)

    # Character offsets (not bytes): nearly every span starts and ends on a word boundary.
    def on_boundary(text: str, s: int, e: int) -> bool:
        return (s == 0 or not (text[s - 1].isalnum() and text[s].isalnum())) and (
            e == len(text) or not (text[e - 1].isalnum() and text[e].isalnum())
        )

    assert sum(on_boundary(*span) for span in spans) / len(spans) > 0.99
    split = split_articles(articles)
    sizes = {len(split.train), len(split.selection), len(split.evaluation)}
    assert len(split.train) + len(split.selection) + len(split.evaluation) == 314
    assert 0.1 < len(split.evaluation) / 314 < 0.3 and min(sizes) > 10
    side_of = {i: n for n, ids in vars(split).items() for i in ids}
    groups = group_near_duplicates(articles)
    assert any(len(g) > 1 for g in groups)  # the README's near-copies are found
    assert all(len({side_of[i] for i in g}) == 1 for g in groups)
    # sentences.tsv (NLP4IF-2019) and span-derived labels agree on most lines.
    by_id = {a.id: line_labels(a) for a in articles}
    with (folder / "sentences.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    agree = sum(
        by_id[r["article_id"]][int(r["sentence_number"]) - 1] == (r["label"] == "propaganda")
        for r in rows
    )
    assert agree / len(rows) > 0.95

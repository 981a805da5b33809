"""The technique baselines of ``benchmarks/signal_baselines.py`` on small fictional corpora."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pytest

from claimscope.evaluate.binary import Scorer
from claimscope.evaluate.propaganda import PropagandaArticle, line_offsets, stable_fraction
from claimscope.evaluate.techniques import TechniqueScorer, to_article_spans

pytest.importorskip("sklearn")  # the baselines need the ``train`` extra

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "signal_baselines.py"


@pytest.fixture(scope="module")
def baselines() -> ModuleType:
    """The benchmark script as a module (``benchmarks/`` is not a package)."""
    spec = importlib.util.spec_from_file_location("signal_baselines", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["signal_baselines"] = module
    spec.loader.exec_module(module)
    return module


def article(article_id: str, text: str, spans: list[tuple[int, int, str]]) -> PropagandaArticle:
    return PropagandaArticle(id=article_id, text=text, lines=line_offsets(text), spans=spans)


def fake_scorer(seen: list[str]) -> Scorer:
    """0.9 for lines with "vile" in them, else 0.2; records every text it is given."""

    def score(texts: Sequence[str]) -> list[float]:
        seen.extend(texts)
        return [0.9 if "vile" in text else 0.2 for text in texts]

    return score


# "vile" is characters 19-23: the title is 0-13, the blank line 14-14, line 3 starts at 15.
TEXT = "Corvale notes\n\nThe vile clerk of Corvale lied.\nMayor Ilse Varn spoke.\n"
GOLD = [(19, 23, "Loaded_Language")]


def test_whole_line_spans_score_as_computed_by_hand(baselines: ModuleType) -> None:
    seen: list[str] = []
    predict = baselines.line_predictor(fake_scorer(seen), "Loaded_Language")
    doc = article("1", TEXT, GOLD)
    assert doc.text[19:23] == "vile"
    predictions = predict(doc.line_texts())
    # The blank line is never given to the model, gets 0.0 and no span.
    assert "" not in seen and len(seen) == 3
    assert predictions[1].probability == 0.0 and list(predictions[1].spans) == []
    assert list(predictions[2].spans) == [(0, 31, "Loaded_Language", 0.9)]
    decisions, spans = to_article_spans(doc, predictions, threshold=0.5)
    assert decisions == [False, False, True, False]
    assert spans == [(15, 46, "Loaded_Language")]
    scorer = TechniqueScorer()
    scorer.add_article(doc.spans, spans)
    scorer.add_lines([False, True, False], [False, True, False])
    metrics = scorer.metrics()
    # P = 4/31 (the gold word over the whole line), R = 4/4: F1 = 2 * (4/31) / (4/31 + 1) = 8/35.
    assert metrics["span_f1"] == round(8 / 35, 4)
    assert metrics["span_technique_f1"] == round(8 / 35, 4)
    assert metrics["sentence_f1"] == 1.0


def test_sentence_only_predicts_no_span(baselines: ModuleType) -> None:
    predict = baselines.line_predictor(fake_scorer([]))
    predictions = predict(article("1", TEXT, GOLD).line_texts())
    assert [p.probability for p in predictions] == [0.2, 0.0, 0.9, 0.2]
    assert all(list(p.spans) == [] for p in predictions)


def test_labelled_lines_skip_blank_lines_and_follow_spans(baselines: ModuleType) -> None:
    # A span running over a line break makes both lines positive.
    text = "Belmora notes\n\nA vile\nplot.\n   \nCalm words.\n"
    start = text.index("vile")
    doc = article("7", text, [(start, text.index("plot") + 4, "Loaded_Language")])
    lines = baselines.labelled_lines([doc])
    assert [(s.text, s.label) for s in lines] == [
        ("Belmora notes", 0),
        ("A vile", 1),
        ("plot.", 1),
        ("Calm words.", 0),
    ]


def test_span_threshold_maximises_span_f1(baselines: ModuleType) -> None:
    # Line 1 is all gold, line 2 has none. At 0.8 only line 2 is kept (P = 0, F1 = 0); at 0.6
    # both are: P = (1 + 0) / 2, R = 1, F1 = 2/3; at 0.1 line 3 joins: P = 1/3, F1 = 1/2.
    text = "Vile plot.\nOak trees.\nRiver walk.\n"
    doc = article("1", text, [(0, 10, "Loaded_Language")])
    scores = {"Vile plot.": 0.6, "Oak trees.": 0.8, "River walk.": 0.1}
    predict = baselines.line_predictor(lambda texts: [scores[t] for t in texts], "Loaded_Language")
    threshold, f1 = baselines.best_span_threshold([doc], predict)
    assert threshold == 0.6
    assert f1 == pytest.approx(2 / 3)


def ids_on_side(low: float, high: float, count: int) -> list[str]:
    """``count`` nine-digit ids whose stable fraction is in ``[low, high)``."""
    found: list[str] = []
    number = 100000000
    while len(found) < count:
        number += 1
        if low <= stable_fraction(str(number)) < high:
            found.append(str(number))
    return found


def write_corpus(folder: Path) -> dict[str, list[str]]:
    """A fictional corpus with every side filled and an unannotated copy on two sides."""
    sides = {
        "evaluation": ids_on_side(0.0, 0.2, 4),
        "selection": ids_on_side(0.2, 0.3, 4),
        "train": ids_on_side(0.3, 1.0, 16),
    }
    (folder / "articles").mkdir(parents=True)
    rows = ["article_id\ttechnique\tstart\tend"]
    texts: dict[str, str] = {}
    for ids in sides.values():
        for n, article_id in enumerate(ids):
            lines = [
                f"Belmora Daily Courier notes {article_id}",
                "",
                f"Councillor Brenn Oaks of Corvale met {article_id} residents.",
                f"The crooks at Varn Hall, said clerk {article_id}, ruined the harbour.",
                f"Residents of Corvale voted on proposal {article_id}.",
            ]
            if n % 2:
                lines.append(f"A shameful and disgusting vote, said porter {article_id}.")
            text = "\n".join(lines) + "\n"
            texts[article_id] = text
            start = text.index("crooks")
            rows.append(f"{article_id}\tName_Calling,Labeling\t{start}\t{start + 6}")
            if n % 2:
                start = text.index("shameful")
                rows.append(f"{article_id}\tLoaded_Language\t{start}\t{start + 8}")
    # Copies under a larger id follow the original's side (a group goes by its smallest id).
    for side in ("train", "selection"):
        original = sides[side][0]
        copy = original + "9"
        sides[side].append(copy)
        texts[copy] = texts[original]
    for article_id, text in texts.items():
        (folder / "articles" / f"article{article_id}.txt").write_text(text, encoding="utf-8")
    (folder / "techniques.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return sides


def test_techniques_trains_selects_and_scores_the_right_sides(
    baselines: ModuleType, tmp_path: Path
) -> None:
    sides = write_corpus(tmp_path / "propaganda")
    result = baselines.techniques(tmp_path)
    train = result["train"]
    assert train["articles"] == 16 and train["unannotated_copies_left_out"] == 1
    # Title + 3 or 4 sentence lines per article, the blank line skipped: 8 x 4 + 8 x 5.
    assert train["lines"] == 72 and train["positive_lines"] == 16 + 8
    assert train["most_frequent_technique"] == "Name_Calling,Labeling"
    selection = result["selection"]
    assert selection["articles"] == 4 and selection["unannotated_copies_left_out"] == 1
    assert selection["sentences"] == 2 * 4 + 2 * 5
    assert selection["sentence_only_at_threshold"]["articles"] == 4
    evaluation = result["evaluation"]
    assert evaluation["articles_scored"] == len(sides["evaluation"]) == 4
    runs = [*evaluation["sentence_only"].values(), *evaluation["whole_line"].values()]
    for run in runs:
        assert run["articles"] == 4
        assert run["articles_excluded"] == len(sides["train"]) + len(sides["selection"])
    for run in evaluation["sentence_only"].values():
        assert run["span_f1"] == 0.0 and run["counts"]["predicted_spans"] == 0
    whole = evaluation["whole_line"]["at_selected_span_threshold"]
    predicted = {name: t["predicted"] for name, t in whole["per_technique"].items()}
    # Every kept span carries the technique most frequent in training, none other.
    assert {name for name, count in predicted.items() if count} == {"Name_Calling,Labeling"}
    assert whole["threshold"] == pytest.approx(selection["whole_line_span_threshold"], abs=1e-6)
    assert whole["span_f1"] > 0.0

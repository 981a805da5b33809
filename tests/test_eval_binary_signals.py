"""Check-worthiness and subjectivity evaluation: metrics, readers, and the evaluate functions.

Every expected number is worked out by hand in the comments beside it. The fixture files are
written here, with fictional sentences, in the data sets' own formats; one data-marked test reads
the real evaluation files' counts and label sets.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import pytest

from claimscope.errors import InputError, ModelError, SourceNotFoundError
from claimscope.evaluate.binary import (
    LabelledSentence,
    accuracy,
    best_threshold,
    f1_negative,
    f1_positive,
    labels_at,
    macro_f1,
    precision_positive,
    recall_positive,
)
from claimscope.evaluate.checkworthiness import evaluate_checkworthiness, read_checkworthiness
from claimscope.evaluate.subjectivity import evaluate_subjectivity, read_subjectivity

# --- metrics ----------------------------------------------------------------------------------

# Position by position: tp fn tp fp tn tn fp tp -> tp 3, fp 2, fn 1, tn 2.
GOLD = [1, 1, 1, 0, 0, 0, 0, 1]
PREDICTED = [1, 0, 1, 1, 0, 0, 1, 1]


def test_metrics_on_a_hand_counted_example() -> None:
    assert precision_positive(GOLD, PREDICTED) == pytest.approx(3 / 5)
    assert recall_positive(GOLD, PREDICTED) == pytest.approx(3 / 4)
    # F1 = 2 * 0.6 * 0.75 / 1.35 = 2/3
    assert f1_positive(GOLD, PREDICTED) == pytest.approx(2 / 3)
    # Negative class: precision tn/(tn+fn) = 2/3, recall tn/(tn+fp) = 2/4; F1 = (2/3)/(7/6) = 4/7
    assert f1_negative(GOLD, PREDICTED) == pytest.approx(4 / 7)
    assert macro_f1(GOLD, PREDICTED) == pytest.approx((2 / 3 + 4 / 7) / 2)  # 13/21
    assert accuracy(GOLD, PREDICTED) == pytest.approx(5 / 8)


def test_metrics_are_zero_where_a_denominator_is_zero() -> None:
    # No gold and no predicted positive: the positive class's scores are 0, the negative's 1.
    assert precision_positive([0, 0], [0, 0]) == 0.0
    assert recall_positive([0, 0], [0, 0]) == 0.0
    assert f1_positive([0, 0], [0, 0]) == 0.0
    assert f1_negative([0, 0], [0, 0]) == 1.0
    assert macro_f1([0, 0], [0, 0]) == 0.5
    assert accuracy([0, 0], [0, 0]) == 1.0


@pytest.mark.parametrize(
    ("gold", "predicted"), [([1, 0], [1]), ([1, 2], [1, 0]), ([1, 0], [1, -1])]
)
def test_metrics_refuse_mismatched_or_non_binary_labels(
    gold: list[int], predicted: list[int]
) -> None:
    with pytest.raises(ValueError):
        f1_positive(gold, predicted)


def test_labels_at_counts_a_score_equal_to_the_threshold_as_positive() -> None:
    assert labels_at([0.2, 0.5, 0.7, 0.49], 0.5) == [0, 1, 1, 0]


def test_best_threshold_maximises_the_metric_over_score_values() -> None:
    scores = [0.9, 0.8, 0.6, 0.55, 0.3, 0.2]
    labels = [1, 0, 1, 1, 0, 0]
    # Positive F1 at each candidate (predicted positive: scores >= t):
    # 0.2: tp 3 fp 3 -> 2/3; 0.3: tp 3 fp 2 -> 0.75; 0.55: tp 3 fp 1 -> 6/7;
    # 0.6: tp 2 fp 1 fn 1 -> 2/3; 0.8: tp 1 fp 1 fn 2 -> 0.4; 0.9: tp 1 fn 2 -> 0.5.
    assert best_threshold(scores, labels, f1_positive) == 0.55


def test_best_threshold_breaks_ties_towards_the_lowest_threshold() -> None:
    # Accuracy: t=0.1 -> [1,1,1] 2/3; t=0.5 -> [0,1,1] 1/3; t=0.9 -> [0,0,1] 2/3.
    assert best_threshold([0.1, 0.5, 0.9], [1, 0, 1], accuracy) == 0.1


def test_best_threshold_refuses_empty_or_mismatched_input() -> None:
    with pytest.raises(ValueError):
        best_threshold([], [], f1_positive)
    with pytest.raises(ValueError):
        best_threshold([0.3, 0.6], [1], f1_positive)


# --- check-worthiness reader ------------------------------------------------------------------

CLAIMBUSTER = (
    "Sentence_id,Text,Speaker,Speaker_title,Speaker_party,File_id,Length,Line_number,"
    "Sentiment,Verdict\n"
    '7,"Corvale cut its water budget by 12 percent, the largest cut in a decade.",'
    "Ilse Varn,Mayor,GREEN,2031-05-02.txt,14,7,-0.2,1\n"
    '8,"I said ""thank you"" to the people of Belmora.",Ilse Varn,Mayor,GREEN,'
    "2031-05-02.txt,9,8,0.5,-1\n"
    "9,The ferry ran on Sundays back then.,Tomas Aldry,Senator,BLUE,2031-05-02.txt,7,9,0.0,0\n"
)

CHECKTHAT = (
    "Sentence_id\tText\tclass_label\n"
    "501\tBelmora's port handled 3 million tonnes last year.\tYes\n"
    '502\t"Well, ""great"" is a strong word, Senator."\tNo\n'
    "503\tNobody wants higher tolls.\tNo\n"
)


def write(folder: Path, name: str, content: str) -> Path:
    path = folder / name
    path.write_text(content, encoding="utf-8")
    return path


def test_reads_claimbuster_csv_with_only_verdict_1_positive(tmp_path: Path) -> None:
    sentences = read_checkworthiness(write(tmp_path, "crowd.csv", CLAIMBUSTER))
    assert sentences == [
        LabelledSentence(
            "7", "Corvale cut its water budget by 12 percent, the largest cut in a decade.", 1
        ),
        LabelledSentence("8", 'I said "thank you" to the people of Belmora.', 0),
        LabelledSentence("9", "The ferry ran on Sundays back then.", 0),
    ]


def test_reads_checkthat_tsv_with_quoted_text(tmp_path: Path) -> None:
    sentences = read_checkworthiness(write(tmp_path, "dev-test.tsv", CHECKTHAT))
    assert [(s.id, s.label) for s in sentences] == [("501", 1), ("502", 0), ("503", 0)]
    assert sentences[1].text == 'Well, "great" is a strong word, Senator.'


def test_format_is_told_by_the_header_when_the_extension_says_nothing(tmp_path: Path) -> None:
    assert len(read_checkworthiness(write(tmp_path, "dev-test.txt", CHECKTHAT))) == 3
    assert len(read_checkworthiness(write(tmp_path, "crowd.txt", CLAIMBUSTER))) == 3


def test_a_folder_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match="is a folder"):
        read_checkworthiness(tmp_path)
    with pytest.raises(SourceNotFoundError, match="is a folder"):
        read_subjectivity(tmp_path)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match="cannot read"):
        read_checkworthiness(tmp_path / "absent.tsv")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        # An unknown label on the third line.
        (
            "bad.tsv",
            "Sentence_id\tText\tclass_label\n1\tTolls rose.\tYes\n2\tThey fell.\tMaybe\n",
            r"bad\.tsv, line 3: class_label is 'Maybe'",
        ),
        (
            "bad.csv",
            "Sentence_id,Text,Verdict\n1,Tolls rose.,2\n",
            r"bad\.csv, line 2: Verdict is '2'",
        ),
        # A row with a field too many (an unquoted comma in the text).
        (
            "bad.csv",
            "Sentence_id,Text,Verdict\n1,Tolls rose, then fell.,1\n",
            r"bad\.csv, line 2: 4 field\(s\) where the header has 3",
        ),
        # A row cut short before its label.
        (
            "bad.tsv",
            "Sentence_id\tText\tclass_label\n1\tTolls rose.\tYes\n2\tThey fell.\n",
            r"bad\.tsv, line 3: 2 field\(s\)",
        ),
        ("bad.tsv", "Sentence_id\tText\tclass_label\n3\t  \tNo\n", r"line 2: empty Text"),
        ("bad.tsv", "Sentence_id\tText\n1\tTolls rose.\n", "lacks column.*class_label"),
        ("bad.tsv", "", "is empty"),
    ],
)
def test_malformed_checkworthiness_files_name_the_file_and_line(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        read_checkworthiness(write(tmp_path, name, content))


def test_a_file_that_is_not_utf8_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.tsv"
    path.write_bytes(
        "Sentence_id\tText\tclass_label\n1\tCaf\xe9 prices rose.\tYes\n".encode("latin-1")
    )
    with pytest.raises(InputError, match="not UTF-8"):
        read_checkworthiness(path)


# --- subjectivity reader ----------------------------------------------------------------------

# solved_conflict is given on some rows only, as in the lab's files.
SUBJECTIVITY = (
    "sentence_id\tsentence\tlabel\tsolved_conflict\n"
    "s1\tIt was a shameful decision by the Corvale council.\tSUBJ\tFalse\n"
    "s2\tSadly, nobody in Belmora listened.\tSUBJ\n"
    "s3\tThe new bridge is an eyesore.\tSUBJ\tTrue\n"
    "s4\tThe council met on Tuesday in Corvale.\tOBJ\n"
    "s5\tThe minutes called the delay shameful.\tOBJ\tFalse\n"
    "s6\tThe ferry leaves at nine.\tOBJ\n"
    "s7\tMayor Ilse Varn signed the budget.\tOBJ\tFalse\n"
)


def test_reads_subjectivity_tsv_with_optional_extra_column(tmp_path: Path) -> None:
    sentences = read_subjectivity(write(tmp_path, "dev_en.tsv", SUBJECTIVITY))
    assert [(s.id, s.label) for s in sentences] == [
        ("s1", 1),
        ("s2", 1),
        ("s3", 1),
        ("s4", 0),
        ("s5", 0),
        ("s6", 0),
        ("s7", 0),
    ]
    assert sentences[1].text == "Sadly, nobody in Belmora listened."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("sentence_id\tsentence\tlabel\ns1\tIt rained.\tNEUTRAL\n", "line 2: label is 'NEUTRAL'"),
        ("sentence_id\tsentence\ns1\tIt rained.\n", "lacks column.*label"),
        ("sentence_id\tsentence\tlabel\ns1\tIt rained.\tOBJ\tx\ty\n", "line 2: 5 field"),
    ],
)
def test_malformed_subjectivity_files_name_the_file_and_line(
    tmp_path: Path, content: str, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        read_subjectivity(write(tmp_path, "bad_en.tsv", content))


# --- evaluate_* with fake scorers -------------------------------------------------------------

CHECKTHAT_SIX = (
    "Sentence_id\tText\tclass_label\n"
    "1\tThe Corvale toll rose 40 percent in 2031.\tYes\n"  # digit, Yes -> tp
    "2\tBelmora has 3 hospitals and no airport.\tYes\n"  # digit, Yes -> tp
    "3\tThe mayor cut the school budget in half.\tYes\n"  # no digit, Yes -> fn
    "4\tThank you all for coming at 7 tonight.\tNo\n"  # digit, No -> fp
    "5\tI love this town.\tNo\n"  # tn
    "6\tLet us talk about the future.\tNo\n"  # tn
)


def digit_scorer(texts: Sequence[str]) -> list[float]:
    """0.9 for a sentence with a digit, 0.1 otherwise: a crude check-worthiness guess."""
    return [0.9 if any(c.isdigit() for c in text) else 0.1 for text in texts]


def test_evaluate_checkworthiness_with_a_keyword_scorer(tmp_path: Path) -> None:
    path = write(tmp_path, "dev-test.tsv", CHECKTHAT_SIX)
    result = evaluate_checkworthiness(path, digit_scorer)
    # tp 2, fp 1, fn 1, tn 2: precision 2/3, recall 2/3, F1 2/3, accuracy 4/6.
    assert result["f1_positive"] == 0.6667
    assert result["precision_positive"] == 0.6667
    assert result["recall_positive"] == 0.6667
    assert result["accuracy"] == 0.6667
    assert (result["sentences"], result["positives"], result["predicted_positives"]) == (6, 3, 3)
    assert result["threshold"] == 0.5
    assert result["data"] == str(path)
    assert isinstance(result["sentences_per_s"], float | None)


def test_evaluate_checkworthiness_threshold_and_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "dev-test.tsv", CHECKTHAT_SIX)
    # Above every score: nothing predicted positive, so positive F1 is 0 and accuracy 3/6.
    high = evaluate_checkworthiness(path, digit_scorer, threshold=0.95)
    assert (high["f1_positive"], high["accuracy"]) == (0.0, 0.5)
    # First four sentences: tp 2, fn 1, fp 1 -> F1 2/3, accuracy 2/4.
    first = evaluate_checkworthiness(path, digit_scorer, limit=4)
    assert (first["sentences"], first["f1_positive"], first["accuracy"]) == (4, 0.6667, 0.5)


def test_evaluate_checkworthiness_on_claimbuster_format(tmp_path: Path) -> None:
    # Sentence 7 (digits, Verdict 1) -> tp; 8 and 9 have no digit and are negative -> tn.
    result = evaluate_checkworthiness(write(tmp_path, "gt.csv", CLAIMBUSTER), digit_scorer)
    assert (result["f1_positive"], result["accuracy"], result["positives"]) == (1.0, 1.0, 1)


def keyword_scorer(texts: Sequence[str]) -> list[float]:
    """0.8 when a judgement word appears, 0.2 otherwise: a crude subjectivity guess."""
    words = ("shameful", "sadly")
    return [0.8 if any(w in text.lower() for w in words) else 0.2 for text in texts]


def test_evaluate_subjectivity_with_a_keyword_scorer(tmp_path: Path) -> None:
    path = write(tmp_path, "dev_en.tsv", SUBJECTIVITY)
    result = evaluate_subjectivity(path, keyword_scorer)
    # s1, s2 tp; s3 fn; s5 fp; s4, s6, s7 tn.
    # SUBJ: P 2/3, R 2/3 -> F1 2/3. OBJ: P 3/4, R 3/4 -> F1 3/4. Macro 17/24; accuracy 5/7.
    assert result["f1_subj"] == 0.6667
    assert result["f1_obj"] == 0.75
    assert result["macro_f1"] == 0.7083
    assert result["accuracy"] == 0.7143
    assert (result["sentences"], result["subjective"], result["predicted_subjective"]) == (7, 3, 3)
    assert result["data"] == str(path)


def test_evaluate_subjectivity_passes_the_threshold_on(tmp_path: Path) -> None:
    path = write(tmp_path, "dev_en.tsv", SUBJECTIVITY)
    result = evaluate_subjectivity(path, keyword_scorer, threshold=0.95)
    # All OBJ: SUBJ F1 0; OBJ P 4/7, R 1 -> F1 8/11; macro 4/11; accuracy 4/7.
    assert result["f1_subj"] == 0.0
    assert result["f1_obj"] == 0.7273
    assert result["macro_f1"] == 0.3636
    assert result["accuracy"] == 0.5714
    assert result["threshold"] == 0.95


def test_a_scorer_returning_the_wrong_number_of_scores_is_a_model_error(tmp_path: Path) -> None:
    path = write(tmp_path, "dev_en.tsv", SUBJECTIVITY)
    with pytest.raises(ModelError, match="returned 1 scores for 7 sentences"):
        evaluate_subjectivity(path, lambda texts: [0.5])
    with pytest.raises(ModelError, match="finite"):
        evaluate_subjectivity(path, lambda texts: [float("nan")] * len(texts))


def test_a_file_with_a_header_only_has_no_sentence_to_score(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.tsv", "Sentence_id\tText\tclass_label\n")
    with pytest.raises(InputError, match="holds no sentence"):
        evaluate_checkworthiness(path, digit_scorer)


# --- the real evaluation files ----------------------------------------------------------------


def raw_column(path: Path, column: str) -> list[str]:
    """One column of a TSV read with the csv module alone, to check the reader against."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [row[column] for row in csv.DictReader(handle, delimiter="\t")]


@pytest.mark.data
def test_real_checkthat_dev_test_counts_and_labels(shared_data: Path) -> None:
    path = shared_data / "checkworthiness" / "checkthat2024" / "dev-test.tsv"
    if not path.is_file():
        pytest.skip("checkworthiness/checkthat2024/dev-test.tsv is not in ../shared/data")
    raw = raw_column(path, "class_label")
    assert set(raw) == {"Yes", "No"}  # as the data README documents
    sentences = read_checkworthiness(path)
    assert len(sentences) == 318
    assert sum(s.label for s in sentences) == raw.count("Yes")


@pytest.mark.data
def test_real_subjectivity_dev_counts_and_labels(shared_data: Path) -> None:
    path = shared_data / "subjectivity" / "dev_en.tsv"
    if not path.is_file():
        pytest.skip("subjectivity/dev_en.tsv is not in ../shared/data")
    raw = raw_column(path, "label")
    assert set(raw) == {"SUBJ", "OBJ"}
    sentences = read_subjectivity(path)
    assert len(sentences) == 462
    assert sum(s.label for s in sentences) == raw.count("SUBJ")

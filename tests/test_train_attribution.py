"""Training the cue detector: token labels, the held-out split, fitting, the whole command.

The small PolNeAR-style folder written here is fictional (Corvale and its people do not exist).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimscope.errors import ModelError
from claimscope.evaluate.polnear import AttributionSpans, PolnearArticle
from claimscope.extract.content_choice import WEIGHTS_FILE as CONTENT_WEIGHTS_FILE
from claimscope.extract.content_choice import load_content_model
from claimscope.extract.cue_model import WEIGHTS_FILE, load_cue_model
from claimscope.extract.source_choice import WEIGHTS_FILE as SOURCE_WEIGHTS_FILE
from claimscope.extract.source_choice import load_source_model
from claimscope.train.attribution import (
    ParsedArticle,
    cue_labels,
    fit,
    role_labels,
    split_held_out,
    train_attribution,
)

_ARTICLES = [
    ("Mayor Ilse Varn said the bridge was safe.", "said", "Mayor Ilse Varn", "the bridge was safe"),
    ("The dockers' union wants a shorter week.", "wants", "The dockers' union", "a shorter week"),
    ("Captain Oren Malk told reporters the ferry was late.", "told", "Captain Oren Malk",
     "the ferry was late"),
    ("A Corvale poll shows support for the new tram.", "shows", "A Corvale poll",
     "support for the new tram"),
    ("Councillor Edda Rusk argued the budget was too small.", "argued", "Councillor Edda Rusk",
     "the budget was too small"),
]  # fmt: skip


def _ann(text: str, cue: str, source: str, content: str) -> str:
    spans = [(source, "Source"), (cue, "Cue"), (content, "Content")]
    lines = []
    for n, (words, role) in enumerate(spans, start=1):
        start = text.index(words)
        lines.append(f"T{n}\t{role} {start} {start + len(words)}\t{words}")
    start = text.index(cue)
    lines.append(f"T4\tAttribution {start} {start + len(cue)}\t{cue}")
    lines.append("E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3")
    return "\n".join(lines) + "\n"


def _polnear_folder(root: Path, copies: int) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for n in range(copies):
        text, cue, source, content = _ARTICLES[n % len(_ARTICLES)]
        (root / "text" / f"a{n:02d}.txt").write_text(text, encoding="utf-8")
        (root / "attributions" / f"a{n:02d}_x.ann").write_text(
            _ann(text, cue, source, content), encoding="utf-8"
        )
    return root


@pytest.mark.slow
def test_tokens_inside_a_gold_cue_are_labelled(nlp: Any) -> None:
    text = "Mayor Ilse Varn called for a new bridge."
    start = text.index("called for")
    gold = AttributionSpans(source=None, cue=((start, start + len("called for")),), content=None)
    item = ParsedArticle(PolnearArticle("x", text, (gold,), "x_a.ann"), nlp(text), shift=0)
    labelled = [t.text for t, label in zip(item.doc, cue_labels(item), strict=True) if label]
    assert labelled == ["called", "for"]


def test_every_fifth_article_is_held_out() -> None:
    items = [
        ParsedArticle(PolnearArticle(f"n{n}", "", (), ""), None, 0) for n in reversed(range(10))
    ]
    fitted, held = split_held_out(items)
    assert [i.article.name for i in held] == ["n4", "n9"]
    assert len(fitted) == 8


def test_fit_learns_which_feature_marks_a_cue() -> None:
    pytest.importorskip("sklearn")
    data = [(["cue-ish", "common"], True)] * 20 + [(["plain", "common"], False)] * 40
    model = fit(data, c=1.0, seed=0, min_count=1)
    assert model.weights["cue-ish"] > 0 > model.weights["plain"]


@pytest.mark.slow
def test_train_writes_a_model_that_loads(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    data = _polnear_folder(tmp_path / "train", copies=10)
    record = train_attribution(data, tmp_path / "model", seed=0, log=lambda _line: None)
    assert record["articles"] == 10 and record["held_out_articles"] == 2
    saved = json.loads((tmp_path / "model" / WEIGHTS_FILE).read_text(encoding="utf-8"))
    assert saved["training"]["settings"] == record["settings"]
    model = load_cue_model(str(tmp_path / "model"))
    assert model is not None and model.threshold == record["settings"]["threshold"]
    # The second stage was searched on the held-out articles, and is saved when chosen.
    assert any(entry.get("second_stage") for entry in record["search"])
    assert (model.context_weights is not None) == bool(record["settings"].get("second_stage"))
    # With the packaged signal model, the encoder stage is searched on top of a chosen second
    # stage, and saved only when chosen.
    if record["settings"].get("second_stage"):
        assert any("encoder_threshold" in entry for entry in record["search"])
    assert (model.encoder is not None) == ("encoder_threshold" in record["settings"])
    chooser = load_content_model(str(tmp_path / "model"))
    assert chooser is not None
    assert load_source_model(str(tmp_path / "model")) is not None
    for role in ("content", "source"):
        assert record[role]["cues"] > 0 and "held_out_with_chooser" in record[role]


@pytest.mark.slow
def test_train_command_writes_into_the_output_folder(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    import typer
    from typer.testing import CliRunner

    from claimscope.cli_train import train_app

    app = typer.Typer()
    app.add_typer(train_app)
    data = _polnear_folder(tmp_path / "train", copies=10)
    args = ["train", "attribution", "--data", str(data), "--output", str(tmp_path / "out")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / WEIGHTS_FILE).is_file()
    missing = CliRunner().invoke(app, ["train", "attribution", "--data", str(tmp_path / "no")])
    assert missing.exit_code != 0 and "is not a folder" in missing.output


@pytest.mark.slow
def test_choosers_only_keeps_the_cue_model(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    data = _polnear_folder(tmp_path / "train", copies=10)
    with pytest.raises(ModelError, match="holds no"):
        train_attribution(data, tmp_path / "empty", choosers_only=True, log=lambda _line: None)
    train_attribution(data, tmp_path / "model", seed=0, log=lambda _line: None)
    cue_file = tmp_path / "model" / WEIGHTS_FILE
    before = cue_file.read_bytes()
    (tmp_path / "model" / CONTENT_WEIGHTS_FILE).unlink()
    (tmp_path / "model" / SOURCE_WEIGHTS_FILE).unlink()
    record = train_attribution(
        data, tmp_path / "model", seed=0, choosers_only=True, log=lambda _line: None
    )
    assert cue_file.read_bytes() == before and "held_out" not in record
    assert load_content_model.__wrapped__(str(tmp_path / "model")) is not None
    assert load_source_model.__wrapped__(str(tmp_path / "model")) is not None


def test_role_labels_mark_each_role_apart(nlp: Any) -> None:
    text, cue, source, content = _ARTICLES[0]
    spans = {}
    for role, words in (("source", source), ("cue", cue), ("content", content)):
        start = text.index(words)
        spans[role] = ((start, start + len(words)),)
    gold = AttributionSpans(**spans)
    item = ParsedArticle(PolnearArticle("x", text, (gold,), "x_a.ann"), nlp(text), shift=0)
    words = {role: [t.text for t, on in zip(item.doc, role_labels(item, role), strict=True) if on]
             for role in ("source", "cue", "content")}  # fmt: skip
    assert words == {
        "source": ["Mayor", "Ilse", "Varn"],
        "cue": ["said"],
        "content": ["the", "bridge", "was", "safe"],
    }
    assert cue_labels(item) == role_labels(item, "cue")


def _options(groups: list[Any]) -> dict[bool, tuple[list[Any], list[Any]]]:
    """Fit and held-out groups (30 and 10) with the head's features, and without them."""
    from claimscope.extract.linear_chooser import HEAD_PREFIX

    plain = [
        [([f for f in fs if not f.startswith(HEAD_PREFIX)], label, rule) for fs, label, rule in g]
        for g in groups
    ]
    return {False: (plain[:30], plain[30:]), True: (groups[:30], groups[30:])}


def test_a_chooser_keeps_head_features_only_when_they_help() -> None:
    from claimscope.extract.content_choice import ContentModel
    from claimscope.extract.linear_chooser import HEAD_PREFIX
    from claimscope.train.chooser import select_chooser

    # Two candidates per cue: the parse features cannot tell them apart; the head can.
    def group(good_first: bool) -> list[tuple[list[str], bool, bool]]:
        good = ["kind=after", f"{HEAD_PREFIX}dice>=0.8"]
        bad = ["kind=after", f"{HEAD_PREFIX}none"]
        # The worse candidate comes first, where a tie of scores would pick it.
        return [(bad, False, not good_first), (good, True, good_first)]

    groups = [group(n % 2 == 0) for n in range(40)]
    (_, _, head, _), record = select_chooser(
        ContentModel, _options(groups), seed=0, log=lambda _: None
    )
    assert head and record["choice_accuracy"] == 1.0
    assert {row["head"] for row in record["search"]} == {False, True}


def test_a_chooser_leaves_out_head_features_that_add_nothing() -> None:
    from claimscope.extract.content_choice import ContentModel
    from claimscope.extract.linear_chooser import HEAD_PREFIX
    from claimscope.train.chooser import select_chooser

    # The parse features tell the candidates apart; the head marks both alike.
    def group(n: int) -> list[tuple[list[str], bool, bool]]:
        head = f"{HEAD_PREFIX}dice>=0.{n % 9 + 1}"
        good = ["kind=after", head]
        bad = ["kind=before", head]
        return [(bad, False, True), (good, True, False)]

    groups = [group(n) for n in range(40)]
    (_, _, head, _), record = select_chooser(
        ContentModel, _options(groups), seed=0, log=lambda _: None
    )
    assert not head and record["choice_accuracy"] == 1.0


def test_the_listwise_fit_learns_which_candidate_wins() -> None:
    pytest.importorskip("scipy")
    from claimscope.train.linear import fit_listwise

    # "near" marks the right candidate in every group; "long" is as common on both sides.
    groups = [
        [(["near", "long"], True), (["far", "long"], False), (["far"], False)] for _ in range(20)
    ]
    # A group with no right candidate says nothing and is left out.
    groups.append([(["far"], False), (["near"], False)])
    weights = fit_listwise(groups, strength=1.0, min_count=1, prune_below=0.0, max_iter=200)
    assert weights is not None and weights["near"] > 0 > weights["far"]
    assert (
        fit_listwise([[(["a"], True)]], strength=1.0, min_count=1, prune_below=0.0, max_iter=5)
        is None
    )

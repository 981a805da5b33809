"""Throughput: bare spaCy ``nlp.pipe`` against claimscope's full ``analyze_many``.

The project promises that a full analysis stays within 2x a bare spaCy parse. This script
measures that ratio on real pages, in one process, over exactly the same texts and with the same
batch size, and prints where claimscope's time goes.

Usage:
    .venv/bin/python benchmarks/throughput.py ../shared/data/extraction --repeat 3

Human-readable lines come first; the last line is one JSON object with (at least) the keys
``spacy_articles_per_s``, ``claimscope_articles_per_s``, ``ratio`` (claimscope time divided by
spaCy time, the median over repeats) and ``peak_rss_mb``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimscope import AnalyzeOptions, Analyzer
from claimscope.errors import ClaimscopeError, EmptyInputError
from claimscope.ingest import load_source
from claimscope.ingest.text import normalize_text
from claimscope.language import detect_language
from claimscope.nlp import MODEL_NAME

REPO = Path(__file__).resolve().parents[1]
#: The 150 real news pages of the ScrapingHub extraction benchmark (development data only).
DEFAULT_DIR = REPO.parent / "shared" / "data" / "extraction"
SUFFIXES = (".txt", ".html", ".html.gz")


def load_text(path: Path) -> str:
    """The text claimscope analyses for ``path``, read exactly as the CLI reads it.

    Raises:
        ClaimscopeError: when the file cannot be read as an article (EmptyInputError when it
            holds no article text).
    """
    return load_source(path, options=AnalyzeOptions()).text


@dataclass
class Corpus:
    """The texts both runs analyse, and what was left out and why."""

    texts: list[str]
    paths: list[Path]
    found: int
    not_english: int
    empty: int
    unreadable: int


def collect_files(directory: Path) -> list[Path]:
    """Every .txt, .html and .html.gz file under ``directory``, in a stable order."""
    return sorted(p for p in directory.rglob("*") if p.is_file() and p.name.endswith(SUFFIXES))


def load_corpus(files: list[Path], limit: int | None) -> Corpus:
    """Load English texts from ``files`` until ``limit`` of them are kept."""
    corpus = Corpus(texts=[], paths=[], found=len(files), not_english=0, empty=0, unreadable=0)
    for path in files:
        if limit is not None and len(corpus.texts) >= limit:
            break
        try:
            raw = load_text(path)
        except EmptyInputError:
            corpus.empty += 1
            continue
        except ClaimscopeError:
            corpus.unreadable += 1
            continue
        # Normalised once here, so that spaCy parses exactly the string claimscope parses.
        text = normalize_text(raw)
        if not text:
            corpus.empty += 1
        elif detect_language(text)[0] != "en":
            corpus.not_english += 1
        else:
            corpus.texts.append(text)
            corpus.paths.append(path)
    return corpus


def drop_crashes(analyzer: Analyzer, corpus: Corpus) -> list[str]:
    """Analyse each text alone once; remove those claimscope crashes on, and say why.

    This pass also warms claimscope up on the whole corpus. A crash (an exception that is not a
    ClaimscopeError) is a bug to report, but it ends ``analyze_many``'s generator, so it would
    otherwise stop the benchmark while extractors are being written.
    """
    crashes: list[str] = []
    kept: list[tuple[str, Path]] = []
    for text, path in zip(corpus.texts, corpus.paths, strict=True):
        try:
            for _analysis in analyzer.analyze_many([text], on_error=lambda _i, _e: None):
                pass
        except Exception as err:
            first_line = (str(err).splitlines() or [""])[0]
            crashes.append(f"{path.name}: {type(err).__name__}: {first_line}")
            continue
        kept.append((text, path))
    corpus.texts = [text for text, _ in kept]
    corpus.paths = [path for _, path in kept]
    return crashes


def _timed(run: Callable[[], None]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def run_spacy(nlp: Any, texts: list[str], batch_size: int) -> None:
    """Parse every text with the stock pipeline, dropping each Doc as soon as it is made."""
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass


def run_claimscope(
    analyzer: Analyzer, texts: list[str], stage_ms: dict[str, list[float]] | None
) -> int:
    """Analyse every text; returns how many failed. Collects per-stage timings when asked."""
    errors = 0

    def count(_position: int, _err: ClaimscopeError) -> None:
        nonlocal errors
        errors += 1

    for analysis in analyzer.analyze_many(texts, on_error=count):
        if stage_ms is not None:
            for stage, ms in analysis.provenance.timings_ms.items():
                stage_ms.setdefault(stage, []).append(ms)
    return errors


def peak_rss_mb() -> float:
    """Peak resident set size of this process (ru_maxrss is in KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def stage_lines(
    stage_ms: dict[str, list[float]], claimscope_s_per_article: float, spacy_s_per_article: float
) -> list[str]:
    """Mean time per stage and its share of claimscope's wall time per article."""
    wall_ms = claimscope_s_per_article * 1000
    lines = [f"per-stage timing (mean ms/article; share of {wall_ms:.1f} ms wall/article):"]
    # In a batch, 'parse' runs from an article's preparation to the end of its batch's parse,
    # so it overlaps other articles' parses; it is shown but never summed into the shares.
    extractors = {k: v for k, v in stage_ms.items() if k not in ("parse", "total")}
    itemised = 0.0
    for stage, values in sorted(extractors.items(), key=lambda kv: -statistics.fmean(kv[1])):
        mean = statistics.fmean(values)
        itemised += mean
        lines.append(f"  {stage:<14}{mean:9.3f} ms  {100 * mean / wall_ms:5.1f}%")
    rest = wall_ms - itemised
    lines.append(
        f"  {'rest':<14}{rest:9.3f} ms  {100 * rest / wall_ms:5.1f}%"
        "  (parse, language check, normalising, building Analysis)"
    )
    spacy_ms = spacy_s_per_article * 1000
    lines.append(
        f"    of which stock spaCy parse {spacy_ms:.3f} ms (from the spaCy run); "
        f"other {rest - spacy_ms:.3f} ms (claimscope's pipeline components, language check, "
        "Analysis objects)"
    )
    if "parse" in stage_ms:
        lines.append(
            f"  (provenance 'parse' mean {statistics.fmean(stage_ms['parse']):.1f} ms: "
            "includes waiting for the rest of the batch)"
        )
    return lines


def main(argv: Iterable[str] | None = None) -> int:
    """Run the benchmark; returns the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=None, help="analyse at most N articles")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each (median)")
    parser.add_argument(
        "--batch-size", type=int, default=AnalyzeOptions().batch_size, help="nlp.pipe batch"
    )
    parser.add_argument(
        "--split-parse",
        action="store_true",
        help="also time claimscope's own pipeline alone once (its added components' cost)",
    )
    args = parser.parse_args(None if argv is None else list(argv))
    if not args.directory.is_dir():
        print(f"error: {args.directory} is not a directory", file=sys.stderr)
        return 2
    if args.repeat < 1 or args.batch_size < 1:
        print("error: --repeat and --batch-size must be at least 1", file=sys.stderr)
        return 2

    started = time.perf_counter()
    corpus = load_corpus(collect_files(args.directory), args.limit)
    texts = corpus.texts
    print(
        f"files: {corpus.found} found; {len(texts)} English analysed; skipped "
        f"{corpus.not_english} not English, {corpus.empty} with no text, "
        f"{corpus.unreadable} unreadable (loaded in {time.perf_counter() - started:.1f} s, "
        "not timed below)"
    )
    if not texts:
        print("error: no English article to analyse", file=sys.stderr)
        return 1
    chars = sum(len(t) for t in texts)
    print(f"text: {chars:,} characters, {chars / len(texts):,.0f} per article")

    import spacy

    # The same model package claimscope loads, as the stock pipeline: the fair baseline.
    bare = spacy.load(MODEL_NAME)
    analyzer = Analyzer(AnalyzeOptions(batch_size=args.batch_size))
    # The same analysis without the learned signals, timed in the same runs: the issue asks for
    # the ratio with and without them.
    plain = Analyzer(AnalyzeOptions(batch_size=args.batch_size, signals=False))
    signals_on = set(analyzer.analyze("A short warm-up text.").provenance.signals.values())
    print(f"signals in the full run: {', '.join(sorted(signals_on))}")
    print(
        f"model {MODEL_NAME}; batch size {args.batch_size}; {args.repeat} timed run(s) each, "
        "order alternating"
    )

    # Warm-up: first-call costs (lazy imports, lookup tables, the language identifier's model)
    # are not throughput.
    run_spacy(bare, texts[: args.batch_size], args.batch_size)
    crashes = drop_crashes(analyzer, corpus)
    texts = corpus.texts
    if crashes:
        print(f"warning: claimscope crashed on {len(crashes)} article(s), left out of both runs:")
        for line in crashes:
            print(f"  {line}")
    if not texts:
        print("error: claimscope crashed on every article", file=sys.stderr)
        return 1
    print(f"timing {len(texts)} articles")

    n = len(texts)
    spacy_s: list[float] = []
    claimscope_s: list[float] = []
    plain_s: list[float] = []
    ratios: list[float] = []
    plain_ratios: list[float] = []
    stage_ms: dict[str, list[float]] = {}
    errors = 0
    for run in range(args.repeat):

        def spacy_run() -> None:
            run_spacy(bare, texts, args.batch_size)

        def claimscope_run() -> None:
            nonlocal errors
            errors = run_claimscope(analyzer, texts, stage_ms)

        def plain_run() -> None:
            run_claimscope(plain, texts, None)

        # Rotate which goes first, so that drift in a noisy machine hits all three equally.
        timings: dict[str, float] = {}
        runs = [("spacy", spacy_run), ("claimscope", claimscope_run), ("plain", plain_run)]
        shift = run % len(runs)
        for name, func in runs[shift:] + runs[:shift]:
            timings[name] = _timed(func)
        t_spacy, t_claimscope, t_plain = timings["spacy"], timings["claimscope"], timings["plain"]
        spacy_s.append(t_spacy)
        claimscope_s.append(t_claimscope)
        plain_s.append(t_plain)
        ratios.append(t_claimscope / t_spacy)
        plain_ratios.append(t_plain / t_spacy)
        print(
            f"run {run + 1}: spaCy {n / t_spacy:7.2f} articles/s ({t_spacy:.2f} s) | "
            f"claimscope {n / t_claimscope:7.2f} articles/s ({t_claimscope:.2f} s) | "
            f"ratio {t_claimscope / t_spacy:.3f} | without signals "
            f"{t_plain / t_spacy:.3f}"
        )
    if errors:
        print(f"warning: claimscope refused {errors} article(s); its rate counts all {n}")

    spacy_rate = n / statistics.median(spacy_s)
    claimscope_rate = n / statistics.median(claimscope_s)
    ratio = statistics.median(ratios)
    rss = peak_rss_mb()
    print(f"spaCy (stock pipeline, median): {spacy_rate:.2f} articles/s")
    print(f"claimscope analyze_many (median): {claimscope_rate:.2f} articles/s")
    plain_ratio = statistics.median(plain_ratios)
    print(f"ratio claimscope/spaCy time (median of runs): {ratio:.3f} (budget: 3.0 with signals)")
    print(f"ratio without the signals: {plain_ratio:.3f} (budget: 2.0)")
    print(f"peak RSS: {rss:.0f} MB (both pipelines loaded)")
    per_article = (statistics.median(claimscope_s) / n, statistics.median(spacy_s) / n)
    for line in stage_lines(stage_ms, *per_article):
        print(line)
    if args.split_parse:
        # claimscope's pipeline (stock model plus its own components) without the extractors:
        # separates the components' cost from the Python work after the parse.
        t_pipeline = _timed(lambda: run_spacy(analyzer.nlp, texts, args.batch_size))
        t_stock = _timed(lambda: run_spacy(bare, texts, args.batch_size))
        print(
            f"  claimscope's pipeline alone: {1000 * t_pipeline / n:.3f} ms/article against "
            f"stock {1000 * t_stock / n:.3f} ms/article (one run each, back to back)"
        )
    result = {
        "spacy_articles_per_s": round(spacy_rate, 3),
        "claimscope_articles_per_s": round(claimscope_rate, 3),
        "ratio": round(ratio, 4),
        "peak_rss_mb": round(rss, 1),
        "articles": n,
        "skipped_not_english": corpus.not_english,
        "skipped_empty": corpus.empty + corpus.unreadable,
        "claimscope_errors": errors,
        "claimscope_crashes": len(crashes),
        "batch_size": args.batch_size,
        "repeat": args.repeat,
        "ratios": [round(r, 4) for r in ratios],
        "claimscope_no_signals_articles_per_s": round(n / statistics.median(plain_s), 3),
        "ratio_without_signals": round(plain_ratio, 4),
        "ratios_without_signals": [round(r, 4) for r in plain_ratios],
        "signals": sorted(signals_on),
    }
    print(json.dumps(result, sort_keys=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

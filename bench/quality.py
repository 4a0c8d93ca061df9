"""ROUGE of deckgen's summarizers against Lead-3 and sumy's, all in one run, at k sentences.

    python bench/quality.py --data FILE.jsonl [--limit N] [--k 3] [--per-article OUT.csv]
                            [--text-field F] [--reference-field F] [--id-field F]

Each JSON line holds an id, a text and a reference summary (a list of sentences or
one string). Field names are detected (text/document/article, reference/summary/
highlights, id) unless given. Every method sees the same sentences: deckgen's own
segmentation (run-ins cut where the parse finds them), handed to sumy as ready-made Sentence objects with a plain word
tokenizer (sumy's default tokenizer needs NLTK data). deckgen's methods are scored
on their bullets, the text a deck shows ("whole": the same picks as whole sentences); Lead-3 and
sumy on whole sentences.
Scores are ROUGE-1/2/Lsum F1 x 100 (rouge-score, Porter stemmer), averaged over
articles; Lsum joins sentences with newlines. dR2 is the ROUGE-2 margin over Lead-3, with its
95% paired-bootstrap interval over the articles, and on each half of the file (odd and even
rows: a margin that holds on one half only was fitted to that half). The oracle row is an upper
bound, not a method: it sees the reference and adds, greedily, the sentence that raises ROUGE-2
most (at most k). Needs the ``bench`` extra (rouge-score, sumy).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from rouge_score import rouge_scorer
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from deckgen.analysis import Analysis, analyse, needs_whole_parse
from deckgen.ingest import normalise
from deckgen.model import Document, Sentence, SourceInfo
from deckgen.plan import key_points, point_from
from deckgen.segment import segment
from deckgen.summarize import DEFAULT_SUMMARIZER, get_summarizer

TEXT_FIELDS = ("text", "document", "article")
REFERENCE_FIELDS = ("reference", "references", "summary", "highlights")
ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
BASELINE = "lead-3"
ORACLE = "oracle (sees ref.)"

Method = Callable[[Document, int], list[str]]


class WordTokenizer:
    """The one tokenizer method sumy's Sentence needs, without NLTK data."""

    @staticmethod
    def to_words(text: str) -> list[str]:
        return re.findall(r"\w+(?:[’']\w+)*", text)


def deckgen_method(name: str, compressed: bool = True) -> Method:
    """Bullets of deckgen's summarizer ``name``, chosen by ``plan.key_points`` over the document's
    analysis (as a deck's BLUF and ``keypoints_for_text``: what a sentence's names point back to
    is read in its document) and made as ``keypoints_for_text`` makes them (compressed), or the
    whole sentences picked."""
    summarizer = get_summarizer(name)

    def run(document: Document, k: int) -> list[str]:
        analyses = [_analysis(document)] if needs_whole_parse([document]) else None
        picks = key_points(document.sentences, k, summarizer, analyses)
        if not compressed:
            return [s.text for s in picks]
        analysis = analyses[0] if analyses else analyse(document, picks)
        return [point_from(s, analysis=analysis).text for s in picks]
    return run


_ANALYSED: dict[Document, Analysis] = {}  # the article read now: its analysis, by its segmented and its cut document


def _analysis(document: Document) -> Analysis:
    """The analysis of the article, made once for all methods (they read one article in turn)."""
    if document not in _ANALYSED:
        analysis = analyse(document)
        _ANALYSED.clear()
        _ANALYSED.update({document: analysis, analysis.document: analysis})
    return _ANALYSED[document]


def _article(row_id: str, text: str) -> Document:
    """The article as deckgen segments it: run-ins cut where the parse finds them (a long one,
    not parsed whole, as ``segment`` leaves it)."""
    document = _document(row_id, text)
    return _analysis(document).document if needs_whole_parse([document]) else document


def sumy_method(summarizer_class) -> Method:
    stemmer = Stemmer("english")
    summarizer = summarizer_class(stemmer)
    summarizer.stop_words = get_stop_words("english")
    tokenizer = WordTokenizer()

    def run(document: Document, k: int) -> list[str]:
        model = ObjectDocumentModel([Paragraph([SumySentence(s.text, tokenizer) for s in document.sentences])])
        return [str(s) for s in summarizer(model, k)]
    return run


def oracle(sentences: Sequence[Sentence], k: int, target: str, scorer) -> list[str]:
    """The greedy extractive oracle: at most k sentences, each the one that raises the ROUGE-2 F1
    of the picks against ``target`` most, in document order; it stops when none raises it."""
    def rouge2(ids: list[int]) -> float:
        return scorer.score(target, "\n".join(sentences[i].text for i in sorted(ids)))["rouge2"].fmeasure

    picked: list[int] = []
    best = 0.0
    while len(picked) < k:
        options = [i for i in range(len(sentences)) if i not in picked]
        choice = max(options, key=lambda i: rouge2([*picked, i]), default=None)  # the earliest on a tie
        if choice is None or rouge2([*picked, choice]) <= best:
            break
        picked.append(choice)
        best = rouge2(picked)
    return [sentences[i].text for i in sorted(picked)]


def lead_3(document: Document, k: int) -> list[str]:
    return [s.text for s in document.sentences[:k]]


def methods() -> dict[str, Method]:
    return {
        f"deckgen {DEFAULT_SUMMARIZER}": deckgen_method(DEFAULT_SUMMARIZER),
        f"deckgen {DEFAULT_SUMMARIZER}, whole": deckgen_method(DEFAULT_SUMMARIZER, compressed=False),
        "deckgen lead": deckgen_method("lead"),
        BASELINE: lead_3,
        "sumy LexRank": sumy_method(LexRankSummarizer),
        "sumy TextRank": sumy_method(TextRankSummarizer),
        "sumy Luhn": sumy_method(LuhnSummarizer),
        "sumy SumBasic": sumy_method(SumBasicSummarizer),
    }


def read_rows(path: Path, limit: int | None, fields: argparse.Namespace):
    """Yield (id, text, reference sentences) from a JSON-lines file."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if limit is not None and number > limit:
                return
            row = json.loads(line)
            text = row[fields.text_field or _detect(row, TEXT_FIELDS, path)]
            reference = row[fields.reference_field or _detect(row, REFERENCE_FIELDS, path)]
            if isinstance(reference, str):
                reference = [s.text for s in _document("reference", reference).sentences] or [reference]
            yield str(row.get(fields.id_field, number)), text, reference


def _detect(row: dict, names: Sequence[str], path: Path) -> str:
    for name in names:
        if name in row:
            return name
    sys.exit(f"{path}: no field among {', '.join(names)}; name it with a flag")


def _document(row_id: str, text: str) -> Document:
    return segment(Document(SourceInfo(id="S1", path=row_id), normalise(text)))


def paired_interval(per_article, name: str, rounds: int = 2000) -> tuple[float, float]:
    """95% paired-bootstrap interval of the method's mean ROUGE-2 minus Lead-3's over the same
    articles (resampled with a fixed seed, so a rerun prints the same interval)."""
    r2 = {(row_id, method): values[1] for row_id, method, values, _ in per_article}
    differences = np.array([r2[row_id, name] - r2[row_id, BASELINE] for row_id, method, *_ in per_article
                            if method == name])
    draws = np.random.default_rng(0).integers(0, len(differences), (rounds, len(differences)))
    means = np.sort(differences[draws].mean(axis=1))
    return float(means[int(0.025 * rounds)]), float(means[int(0.975 * rounds) - 1])


def half_margins(per_article, name: str) -> tuple[float, float]:
    """The method's mean ROUGE-2 minus Lead-3's on the odd-numbered and on the even-numbered
    articles of the file (counted from 1)."""
    order = list(dict.fromkeys(row_id for row_id, *_ in per_article))
    r2 = {(row_id, method): values[1] for row_id, method, values, _ in per_article}
    margins = [r2[row_id, name] - r2[row_id, BASELINE] for row_id in order]
    return float(np.mean(margins[0::2])), float(np.mean(margins[1::2]))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--k", type=int, default=3)
    parser.add_argument("--per-article", type=Path, help="write per-article scores to this CSV")
    parser.add_argument("--text-field")
    parser.add_argument("--reference-field")
    parser.add_argument("--id-field", default="id")
    parser.add_argument("--oracle", action="store_true", help="also score the greedy extractive oracle")
    args = parser.parse_args(argv)

    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    runners = methods()
    oracle_scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    per_article: list[tuple[str, str, list[float], int]] = []
    started = time.perf_counter()
    for row_id, text, reference in read_rows(args.data, args.limit, args):
        document = _article(row_id, text)
        sentences = document.sentences
        target = "\n".join(reference)
        for name, run in runners.items():
            summary = run(document, args.k)
            scores = scorer.score(target, "\n".join(summary))
            per_article.append((row_id, name, [100 * scores[t].fmeasure for t in ROUGE_TYPES],
                                sum(len(s.split()) for s in summary)))
        if args.oracle:
            summary = oracle(sentences, args.k, target, oracle_scorer)
            scores = scorer.score(target, "\n".join(summary))
            per_article.append((row_id, ORACLE, [100 * scores[t].fmeasure for t in ROUGE_TYPES],
                                sum(len(s.split()) for s in summary)))
    elapsed = time.perf_counter() - started

    names = [*runners, *([ORACLE] if args.oracle else [])]
    articles = len({row_id for row_id, *_ in per_article})
    means = {name: [sum(r[2][i] for r in per_article if r[1] == name) / articles for i in range(3)]
             for name in names}
    words = {name: sum(r[3] for r in per_article if r[1] == name) / articles for name in names}
    print(f"{args.data.name}: {articles} articles, k={args.k}, {elapsed:.1f} s")
    print(f"{'method':<18} {'R1':>6} {'R2':>6} {'RLsum':>6} {'dR2':>6} {'dR2 95% CI':>16} "
          f"{'dR2 odd/even':>14} {'words':>6}")
    for name, (r1, r2, rl) in means.items():
        low, high = paired_interval(per_article, name)
        odd, even = half_margins(per_article, name)
        print(f"{name:<18} {r1:6.2f} {r2:6.2f} {rl:6.2f} {r2 - means[BASELINE][1]:+6.2f} "
              f"{f'[{low:+.2f}, {high:+.2f}]':>16} {f'{odd:+.2f}/{even:+.2f}':>14} {words[name]:6.1f}")

    header = ["id", "method", "rouge1", "rouge2", "rougeLsum", "words"]
    rows = [[row_id, name, *(f"{v:.2f}" for v in values), count] for row_id, name, values, count in per_article]
    if args.per_article:
        with args.per_article.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([header, *rows])
        print(f"per-article scores: {args.per_article}")
    else:
        print()
        csv.writer(sys.stdout).writerows([header, *rows])


if __name__ == "__main__":
    main()

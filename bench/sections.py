"""Section selection on AspectNews: deckgen's sections against Lead-3, keywords and the oracle.

    python bench/sections.py [--data ../shared/eval/aspectnews_dev.jsonl] [--summarizer query]
                             [--max-points 3] [--half A|B] [--limit N] [--per-article OUT.csv]

For each article, one outline is built per wording: both aspects of its domain as sections
(earthquake: geography, recovery; fraud: nature, penalty), titled as different briefers would
title them (``WORDINGS``; the last wording of each aspect is the paper's own aspect name with the
paper's description, as a brief's ``description``). Each section's cited sentences (every id its
points cite) are mapped back to the dataset's sentence indexes by paragraph (the text holds one
sentence a paragraph) and scored with the paper's vote-weighted F1: P = votes of the picked /
(picked x kept annotators), R = votes of the picked / all votes, micro over articles, x100.

In the same run: Lead-3 (the first three sentences), the paper's keyword baseline (every sentence
holding one of the aspect's keywords, as a word or a word's start), and the oracle (the three
sentences with the most votes; an upper bound that sees the votes), also under deckgen's rule that
a sentence goes to one section only (each sentence to the aspect that gave it more votes). ``empty`` counts the sections
an outline leaves without points among those whose gold (3+ votes) is not empty.

Halves: every article id in the file ends in an even number n; half A holds n // 2 even, half B
the others. Constants were chosen on half A; half B is reported beside it as a check.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from deckgen.analysis import analyse
from deckgen.ingest import normalise
from deckgen.model import Document, SectionSpec, SourceInfo
from deckgen.plan import plan_outline
from deckgen.segment import segment
from deckgen.summarize import get_summarizer

ROOT = Path(__file__).resolve().parent.parent
# ../shared/eval beside the repository (CI), or beside the folder of worktrees
DATA = next((folder / "shared" / "eval" / "aspectnews_dev.jsonl" for folder in (ROOT.parent, ROOT.parent.parent)
             if (folder / "shared" / "eval").is_dir()), ROOT.parent / "shared" / "eval" / "aspectnews_dev.jsonl")
ASPECTS = {"earthquake": ("geography", "recovery"), "fraud": ("nature", "penalty")}
PAPER = "(paper's description)"
# Titles a briefer might write; several share no word with a typical article.
WORDINGS = {
    "geography": ["Where it struck", "Location and affected areas", "Geography", "Which places were hit", PAPER],
    "recovery": ["Recovery and relief", "Rescue and rebuilding", "Casualties and aid", "Help for survivors", PAPER],
    "nature": ["How the fraud worked", "The scheme", "What they did", "Money taken", PAPER],
    "penalty": ["Penalties and consequences", "Sentence and punishment", "Punishment", "What happens to them now",
                PAPER],
}
BASELINES = ("lead-3", "keywords", "oracle (sees votes)", "oracle, one section each")


@dataclass
class Score:
    """Micro sums of the vote-weighted F1 over the article-aspects scored so far."""

    picked_votes: int = 0
    picked_slots: int = 0
    all_votes: int = 0
    empty: int = 0       # sections left without points whose gold is not empty
    with_gold: int = 0   # sections whose gold is not empty

    def add(self, row: dict, picked: set[int], shown: bool = True) -> None:
        votes = row["votes"]
        self.picked_votes += sum(votes[i] for i in picked)
        self.picked_slots += len(picked) * len(row["kept_annotators"])
        self.all_votes += sum(votes)
        if row["gold"]:
            self.with_gold += 1
            self.empty += not shown

    @property
    def f1(self) -> float:
        precision = self.picked_votes / self.picked_slots if self.picked_slots else 0.0
        recall = self.picked_votes / self.all_votes if self.all_votes else 0.0
        return 200 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Table:
    """Scores per (aspect, method) and half."""

    scores: dict = field(default_factory=lambda: defaultdict(Score))

    def add(self, half: str, aspect: str, method: str, row: dict, picked: set[int], shown: bool = True) -> None:
        for key in ((aspect, method, half), (aspect, method, "all"), ("all", method, half), ("all", method, "all")):
            self.scores[key].add(row, picked, shown)


def half_of(article_id: str) -> str:
    """The fixed split: A when the id's number halved is even, B otherwise."""
    number = int(re.search(r"\d+$", article_id).group())
    return "A" if (number // 2) % 2 == 0 else "B"


def spec_for(row: dict, wording: str) -> SectionSpec:
    return SectionSpec(row["aspect"].capitalize(), row["aspect_description"]) if wording == PAPER else SectionSpec(wording)


def keyword_picks(row: dict) -> set[int]:
    patterns = [re.compile(rf"\b{re.escape(k)}", re.I) for k in row["keywords"]]
    return {i for i, s in enumerate(row["sentences"]) if any(p.search(s) for p in patterns)}


def oracle_picks(row: dict, k: int = 3) -> set[int]:
    ranked = sorted(range(len(row["votes"])), key=lambda i: (-row["votes"][i], i))
    return {i for i in ranked[:k] if row["votes"][i]}


def one_section_oracle(rows: list[dict], k: int = 3) -> list[set[int]]:
    """The best 3 per aspect when a sentence may go to one section only: each sentence goes to
    the aspect that gave it more votes (the first on a tie), then each takes its 3 most voted."""
    owner = [max(range(len(rows)), key=lambda a: (rows[a]["votes"][i], -a)) for i in range(len(rows[0]["votes"]))]
    return [set(sorted((i for i, o in enumerate(owner) if o == a and row["votes"][i]),
                       key=lambda i: (-row["votes"][i], i))[:k]) for a, row in enumerate(rows)]


def document_of(article_id: str, text: str) -> Document:
    return segment(Document(SourceInfo(id="S1", path=article_id), normalise(text)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--max-points", type=int, default=3, help="points a section may hold (Lead-3 and the "
                        "oracle take 3)")
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--summarizer", default="query", help="deckgen summarizer to score (default: query)")
    parser.add_argument("--half", choices=("A", "B"), help="this half only (constants are chosen on A)")
    parser.add_argument("--per-article", type=Path, help="write one CSV row per article, aspect and wording")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"{args.data}: no such file", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles: dict[str, dict[str, dict]] = defaultdict(dict)
    for row in rows:
        articles[row["article_id"]][row["aspect"]] = row
    ids = [i for i in sorted(articles) if not args.half or half_of(i) == args.half][: args.limit or None]
    summarizer = get_summarizer(args.summarizer)
    table = Table()
    details = []
    for article_id in ids:
        by_aspect = articles[article_id]
        first = next(iter(by_aspect.values()))
        aspects = ASPECTS[first["domain"]]
        half = half_of(article_id)
        document = document_of(article_id, first["text"])
        analyses = (analyse(document),)
        if len([p for p in document.paragraphs if not p.heading]) != len(first["sentences"]):
            print(f"{article_id}: {len(document.paragraphs)} paragraphs for {len(first['sentences'])} sentences",
                  file=sys.stderr)
            return 1
        for aspect, exclusive in zip(aspects, one_section_oracle([by_aspect[a] for a in aspects])):
            row = by_aspect[aspect]
            table.add(half, aspect, "oracle, one section each", row, exclusive)
            table.add(half, aspect, "lead-3", row, {0, 1, 2} & set(range(len(row["sentences"]))))
            table.add(half, aspect, "keywords", row, keyword_picks(row))
            table.add(half, aspect, "oracle (sees votes)", row, oracle_picks(row))
        for wording in range(len(WORDINGS[aspects[0]])):
            specs = [spec_for(by_aspect[a], WORDINGS[a][wording]) for a in aspects]
            outline = plan_outline([analyses[0].document], specs, summarizer, max_points=args.max_points,
                                   analyses=analyses)
            for aspect, spec, section in zip(aspects, specs, outline.sections):
                picked = {c.paragraph - 1 for p in section.points for c in p.citations}
                title = WORDINGS[aspect][wording]
                table.add(half, aspect, f"deckgen: {title}", by_aspect[aspect], picked, bool(section.points))
                table.add(half, aspect, "deckgen (all wordings)", by_aspect[aspect], picked, bool(section.points))
                details.append({"article": article_id, "half": half, "aspect": aspect, "wording": title,
                                "picked": " ".join(map(str, sorted(picked))),
                                "gold": " ".join(map(str, by_aspect[aspect]["gold"])),
                                "reasons": " | ".join(p.reason or "" for p in section.points)})
    print(f"{len(ids)} articles, {sum(len(articles[i]) for i in ids)} article-aspects; summarizer "
          f"{args.summarizer!r}, sections hold at most {args.max_points} points\n")
    print(f"{'aspect':10} {'method':42} {'F1 A':>6} {'F1 B':>6} {'F1 all':>6} {'vs lead':>7} {'empty':>8}")
    for aspect in [*dict.fromkeys(a for pair in ASPECTS.values() for a in pair), "all"]:
        methods = [m for (a, m, h) in table.scores if a == aspect and h == "all"]
        ours = [m for m in methods if m.startswith("deckgen")]
        for method in [*sorted(ours, key=lambda m: m != "deckgen (all wordings)"), *BASELINES]:
            if aspect == "all" and method.startswith("deckgen:"):
                continue
            a, b, both = (table.scores[(aspect, method, h)] for h in ("A", "B", "all"))
            lead = table.scores[(aspect, "lead-3", "all")].f1
            empty = f"{both.empty}/{both.with_gold}" if method.startswith("deckgen") else ""
            print(f"{aspect:10} {method[:42]:42} {a.f1:6.1f} {b.f1:6.1f} {both.f1:6.1f} {both.f1 - lead:+7.1f} "
                  f"{empty:>8}")
        print()
    if args.per_article:
        with args.per_article.open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=list(details[0]))
            writer.writeheader()
            writer.writerows(details)
    return 0


if __name__ == "__main__":
    sys.exit(main())

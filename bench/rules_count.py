"""Count the package's hand-written rules: regular expressions and listed words (no assertions).

Regular expressions: each ``re.compile`` call and each call of ``re.search / match / fullmatch /
sub / subn / findall / finditer / split`` whose pattern is written in place. Listed words: the
words of every module- or class-level constant that holds a list of words (a set, frozenset,
tuple or list of string literals, or a string literal cut with ``.split()``), counted per
whitespace-separated word.

Usage: python bench/rules_count.py [--rev REV]   (default: the working tree; REV reads from git)
"""

from __future__ import annotations

import argparse
import ast
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RE_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split"}


def sources(rev: str | None) -> dict[str, str]:
    """Every deckgen module's text, from the working tree or from git revision ``rev``."""
    if rev is None:
        return {str(p.relative_to(ROOT)): p.read_text() for p in sorted((ROOT / "deckgen").rglob("*.py"))}
    names = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, "deckgen"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split()
    return {name: subprocess.run(["git", "show", f"{rev}:{name}"], cwd=ROOT, check=True, capture_output=True,
                                 text=True).stdout for name in names if name.endswith(".py")}


def regex_count(tree: ast.AST) -> int:
    count = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RE_CALLS \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re":
            pattern = node.args[0] if node.args else None
            if node.func.attr == "compile" or isinstance(pattern, (ast.Constant, ast.JoinedStr, ast.BinOp)):
                count += 1
    return count


def listed_words(value: ast.AST) -> int:
    """Words of one constant's value when it is a word list, else 0."""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in ("frozenset", "set",
                                                                                             "tuple", "list"):
        return sum(listed_words(arg) for arg in value.args)
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "split" \
            and isinstance(value.func.value, ast.Constant) and isinstance(value.func.value.value, str):
        return len(value.func.value.value.split())
    if isinstance(value, (ast.Set, ast.Tuple, ast.List)):
        strings = [e.value for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if len(strings) >= 3 and len(strings) == len(value.elts) and all(any(c.isalpha() for c in s) for s in strings):
            return sum(len(s.split()) for s in strings)
    if isinstance(value, ast.BinOp):  # A | {"x", "y"}
        return listed_words(value.left) + listed_words(value.right)
    return 0


def word_count(tree: ast.Module) -> int:
    bodies = [tree.body] + [node.body for node in tree.body if isinstance(node, ast.ClassDef)]
    return sum(listed_words(node.value) for body in bodies for node in body
               if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rev", help="git revision to count instead of the working tree")
    args = parser.parse_args()
    regexes = words = 0
    for name, text in sources(args.rev).items():
        tree = ast.parse(text, name)
        regexes, words = regexes + regex_count(tree), words + word_count(tree)
    print(f"deckgen/ at {args.rev or 'working tree'}: {regexes} regular expressions, {words} listed words")


if __name__ == "__main__":
    main()

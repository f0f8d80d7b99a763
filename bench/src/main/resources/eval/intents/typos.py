#!/usr/bin/env python3
"""Slips of the keyboard added to a labelled set, to measure how intents hold up against them.

    python3 typos.py --seed 11 --per-message 2 in.csv out.csv

Up to --per-message words of four or more letters in each message get one slip each: a letter dropped, two
neighbours swapped, a letter changed to a neighbouring key, or a letter doubled (never the first or last letter).
The labels are kept. Seeded, so a set is the same on every run.
"""
import argparse
import csv
import random

ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
NEAR = {}
for row in ROWS:
    for i, c in enumerate(row):
        NEAR[c] = (row[i - 1] if i > 0 else "") + (row[i + 1] if i + 1 < len(row) else "")


def slip(word, rng):
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["drop", "swap", "near", "double"])
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "near":
        near = NEAR.get(word[i].lower(), "")
        return word[:i] + (rng.choice(near) if near else word[i]) + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--per-message", type=int, default=2)
    parser.add_argument("source")
    parser.add_argument("target")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.source, newline="") as f:
        rows = list(csv.reader(f))
    out = [rows[0]]
    for row in rows[1:]:
        words = row[0].split(" ")
        chosen = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
        rng.shuffle(chosen)
        for i in chosen[: args.per_message]:
            words[i] = slip(words[i], rng)
        out.append([" ".join(words)] + row[1:])
    with open(args.target, "w", newline="") as f:
        csv.writer(f).writerows(out)


if __name__ == "__main__":
    main()

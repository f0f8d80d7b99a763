#!/usr/bin/env python3
"""Turns the hand-written specs (specs-*.txt: a shopper's request | what fits it) into query sets with the ids of the
demo products that fit (queries-*.jsonl), so the labels are the products' own data, never the search's output.

    ./parley eval products --catalogue /tmp/catalogue.jsonl
    python3 label.py /tmp/catalogue.jsonl

A spec names the kind of product (the title without brand, line and edition), and optionally a colour and size in
stock (one variant with both), price bounds (inclusive), and sort=asc|desc: then the fitting products are the three
cheapest (or dearest) of the kind, with any tied with the third. `none`: nothing in the catalogue fits.
"""
import json
import re
import sys

LINES = ("Pro", "Lite", "Classic")


def kind(title):
    title = re.sub(r" \(Edition \d+\)$", "", title)
    words = title.split(" ")
    return " ".join(words[2:]) if len(words) > 2 and words[1] in LINES else title


def fits(product, spec):
    if kind(product["title"]) != spec["kind"]:
        return False
    price = float(product["price"])
    if "min" in spec and price < float(spec["min"]):
        return False
    if "max" in spec and price > float(spec["max"]):
        return False
    if "size" in spec or "color" in spec:
        return any(
            v["available"]
            and spec.get("size", v["size"]) == v["size"]
            and spec.get("color", v["color"]) == v["color"]
            for v in product["variants"])
    return True


def label(catalogue, line):
    request, spec_text = [part.strip() for part in line.split("|")]
    if spec_text == "none":
        return {"query": request, "relevant_ids": []}
    spec = dict(re.findall(r"(\w+)=([^=]+?)(?=\s+\w+=|$)", spec_text))
    fitting = [p for p in catalogue if fits(p, spec)]
    if spec.get("sort") in ("asc", "desc"):
        fitting.sort(key=lambda p: float(p["price"]), reverse=spec["sort"] == "desc")
        # the three cheapest (or dearest), and any at the same price as the third
        fitting = [p for p in fitting if len(fitting) <= 3 or
                   (float(p["price"]) <= float(fitting[2]["price"]) if spec["sort"] == "asc"
                    else float(p["price"]) >= float(fitting[2]["price"]))]
    return {"query": request, "relevant_ids": [p["id"] for p in fitting], "spec": spec_text}


def main():
    catalogue = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
    for split in ("dev", "test"):
        with open(f"specs-{split}.txt") as specs, open(f"queries-{split}.jsonl", "w") as out:
            for line in specs:
                if line.strip():
                    out.write(json.dumps(label(catalogue, line)) + "\n")


if __name__ == "__main__":
    main()

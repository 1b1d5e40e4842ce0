#!/usr/bin/env python3
"""Second reference dataset of the QAP, CUG and bootstrap tests (graph/testdata/qap300).

/work/data/ds300 is /work/shared/bench/gen.py --orgs 300 --seed 1 (300 organizations,
forums, meetings, attendance, two waves of ties). This script copies it and adds what
the QAP terms need and gen.py does not write: two organization columns, region (five
categories, some left empty) and staff (a number), and trust and value scores on most
tie reports (1-4, some left empty).

    /usr/bin/python3 qap300.py /work/data/ds300 qap300
"""
import csv, os, random, sys

src, dst = sys.argv[1], sys.argv[2]
rng = random.Random(300)
os.makedirs(dst, exist_ok=True)
with open(os.path.join(src, "organizations.csv")) as f:
    orgs = list(csv.DictReader(f))
with open(os.path.join(dst, "organizations.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "name", "sector", "region", "staff"])
    for o in orgs:
        region = rng.choice(["north", "haifa", "center", "jerusalem", "south"]) if rng.random() < 0.9 else ""
        staff = int(rng.lognormvariate(3, 1.2)) + 1
        w.writerow([o["id"], o["name"], o["sector"], region, staff])
with open(os.path.join(src, "ties.csv")) as f:
    ties = list(csv.DictReader(f))
with open(os.path.join(dst, "ties.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["source", "target", "wave", "trust", "value"])
    for t in ties:
        trust = rng.randint(1, 4) if rng.random() < 0.85 else ""
        value = rng.randint(1, 4) if rng.random() < 0.8 else ""
        w.writerow([t["source"], t["target"], t["wave"], trust, value])

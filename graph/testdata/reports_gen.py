# Writes reports.csv: a survey-shaped directed report network for the
# reciprocity reference tests (80 organizations; a chain of 15, three small
# groups, a sparse core, 18 isolates; about a third of named ties named back).
# /usr/bin/python3 reports_gen.py > reports.csv
import random
rng = random.Random(18)
n = 80
arcs = {}
def add(a, b):
    if a != b and (a, b) not in arcs:
        arcs[(a, b)] = rng.randint(1, 3)
        if rng.random() < 0.35 and (b, a) not in arcs:
            arcs[(b, a)] = rng.randint(1, 3)
# a long chain 0-14, each link named by one side or the other
for i in range(14):
    add(i, i + 1) if rng.random() < 0.5 else add(i + 1, i)
# three small groups (15-19, 20-23, 24-26)
for lo, hi in ((15, 20), (20, 24), (24, 27)):
    for a in range(lo, hi):
        for b in range(a + 1, hi):
            if rng.random() < 0.6:
                add(a, b) if rng.random() < 0.5 else add(b, a)
# a sparse core 27-61 (nodes 62-79 stay isolates)
for a in range(27, 62):
    for b in range(27, 62):
        if a != b and rng.random() < 0.06:
            add(a, b)
print("from,to,weight")
for (a, b) in sorted(arcs):
    print(f"{a},{b},{arcs[(a, b)]}")

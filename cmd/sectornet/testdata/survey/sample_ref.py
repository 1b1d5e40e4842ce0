# Reference counts of the embedded sample's survey waves for
# cmd/sectornet/survey_ref_test.go, from the CSV files with Python's csv
# module and NetworkX (no sectornet code).
# /usr/bin/python3 sample_ref.py > sample_ref.txt   (from this folder)
import csv, collections
import networkx as nx
S = "../../../../data/sample/"
rd = lambda f: list(csv.DictReader(open(S + f, encoding="utf-8-sig")))
orgs = rd("organizations.csv")
sec = {o["id"]: o["sector"] for o in orgs}
arcs = collections.defaultdict(set)
R = collections.defaultdict(set)
for t in rd("ties.csv"):
    arcs[t["wave"]].add((t["source"], t["target"]))
for r in rd("respondents.csv"):
    R[r["wave"]].add(r["org"])
print(f"# NetworkX {nx.__version__}; Python csv on data/sample: respondents per sector, nx.reciprocity, "
      "and each rule's ties and new ties (max: either side; min: both sides when both answered, else the respondent's; "
      "reciprocated: both sides; respondent-only: both answered)")
for w in sorted(R):
    c = collections.Counter(sec[o] for o in R[w])
    for s in ["government", "local", "business", "nonprofit", "academia"]:
        print(f"respondents {w} {s} {c[s]}")
    G = nx.DiGraph()
    G.add_nodes_from(sec)
    G.add_edges_from(arcs[w])
    print(f"reciprocity {w} {nx.reciprocity(G):.15g}")
def net(w, rule):
    A, res, out = arcs[w], R[w], set()
    for p in {frozenset(a) for a in A}:
        a, b = sorted(p)
        ab, ba, ra, rb = (a, b) in A, (b, a) in A, a in res, b in res
        ok = {"max": True, "min": (ab and ba) if (ra and rb) else True,
              "reciprocated": ab and ba, "respondent-only": ra and rb}[rule]
        if ok:
            out.add(p)
    return out
for rule in ["max", "min", "reciprocated", "respondent-only"]:
    a, b = net("2012", rule), net("2014", rule)
    cross = sum(1 for p in b if len({sec[x] for x in p}) == 2)
    print(f"rule {rule} {len(b)} {cross} {len(b - a)}")

# Reference values for graph/survey_ref_test.go from NetworkX.
# /usr/bin/python3 reciprocity_ref.py > reciprocity_networkx.txt
import csv, networkx as nx
G = nx.DiGraph()
G.add_nodes_from(range(80))
with open("reports.csv") as f:
    for r in csv.DictReader(f):
        G.add_edge(int(r["from"]), int(r["to"]), weight=float(r["weight"]))
print(f"# NetworkX {nx.__version__}: nx.reciprocity(G); G.in_degree(v); G.out_degree(v) on reports.csv (80 nodes)")
print(f"reciprocity {nx.reciprocity(G):.15g}")
print(f"overall_reciprocity {nx.overall_reciprocity(G):.15g}")
for v in range(80):
    print(f"degree {v} {G.in_degree(v)} {G.out_degree(v)}")

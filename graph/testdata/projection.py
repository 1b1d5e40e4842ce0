# Reference weights for TestProjectionNetworkX: the one-mode projections of
# data/testdata/good (forums basis, and meetings basis) by NetworkX.
# Run: python3 projection.py > projection.txt
import networkx as nx
from networkx.algorithms import bipartite

forums = {"F1": ["A", "B", "C"], "F2": ["A", "C", "D"], "F3": ["C", "D"]}
meetings = {"M1": ["A", "B"], "M2": ["A", "C", "D"], "M3": ["A", "B", "C"]}
orgs = ["A", "B", "C", "D", "E"]
print("# tool: networkx", nx.__version__)
print("# calls: bipartite.weighted_projected_graph (count), collaboration_weighted_projected_graph (newman),")
print("#        overlap_weighted_projected_graph(jaccard=True) (jaccard), on organizations x groups")
print("# basis weighting source target weight")
for basis, groups in (("forums", forums), ("meetings", meetings)):
    B = nx.Graph()
    B.add_nodes_from(orgs, bipartite=0)
    B.add_nodes_from(groups, bipartite=1)
    for g, ms in groups.items():
        for m in ms:
            B.add_edge(m, g)
    for name, fn in (("count", bipartite.weighted_projected_graph),
                     ("newman", bipartite.collaboration_weighted_projected_graph),
                     ("jaccard", lambda b, n: bipartite.overlap_weighted_projected_graph(b, n, jaccard=True))):
        P = fn(B, orgs)
        for u, v, w in sorted((min(u, v), max(u, v), d["weight"]) for u, v, d in P.edges(data=True)):
            print(basis, name, u, v, repr(float(w)))

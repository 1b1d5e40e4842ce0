"""Read sectornet's export files back with the reference readers.

Run from this folder by readback.sh:

    python3 readback.py networkx > readback-networkx.txt          # NetworkX 3 (GraphML, GEXF 1.2draft and 1.3, Pajek), Graphviz dot, json
    /usr/bin/python3 readback.py gexf > readback-networkx2.txt    # Debian's NetworkX 2.8.8: the GEXF files only
    /usr/bin/python3 readback.py igraph > readback-igraph.txt     # python-igraph (GraphML, Pajek one- and two-mode, UCINET DL)

Each output is a header line starting with '#' naming the tools, their
versions and the exact calls, then one JSON object: for each file, what the
reader saw, as plain data (nodes with their attributes, edges with their
weights) that the Go test TestExportReadBack compares with the dataset.
"""

import json
import subprocess
import sys


def plain(v):
    """JSON-safe values: tuples to lists, everything else as is."""
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    return v


def nx_graph(G):
    nodes = {str(n): plain(dict(a)) for n, a in G.nodes(data=True)}
    edges = sorted([[str(u), str(v), plain(a)] for u, v, a in G.edges(data=True)], key=lambda e: (e[0], e[1]))
    return {"directed": G.is_directed(), "multigraph": G.is_multigraph(), "name": G.graph.get("name", ""), "nodes": nodes, "edges": edges}


GEXF_FILES = ["hostile.gexf", "hostile-13.gexf"]
GEXF_WAVES = ["hostile-waves.gexf", "hostile-waves-13.gexf", "good-waves.gexf"]


def gexf_part(nx):
    """Every GEXF file through nx.read_gexf; a file the reader refuses is
    recorded with its error. Dynamic node attributes (an attributes block
    of mode="dynamic") come back as lists of (value, start, end)."""
    out = {}
    for f in GEXF_FILES + GEXF_WAVES:
        try:
            g = nx.read_gexf(f)
        except Exception as e:  # noqa: BLE001 - the error is the result
            out[f] = {"error": f"{type(e).__name__}: {e}"}
            continue
        r = nx_graph(g)
        r["mode"] = g.graph.get("mode")
        if f in GEXF_WAVES:
            dyn = {}
            for n, a in g.nodes(data=True):
                vals = []
                for k, v in a.items():
                    if isinstance(v, list) and v and isinstance(v[0], tuple):
                        vals += [[k, x[0], x[1], x[2]] for x in v]
                dyn[str(n)] = sorted(vals, key=lambda x: (x[2], x[0]))
            r["dynamic_values"] = dyn
        out[f] = r
    return out


def gexf_only():
    import networkx as nx
    header = f"# networkx {nx.__version__} (python {sys.version.split()[0]}): nx.read_gexf(f)"
    return header, gexf_part(nx)


def networkx_part():
    import networkx as nx
    out = {}
    out["hostile.graphml"] = nx_graph(nx.read_graphml("hostile.graphml"))
    g2 = nx.read_graphml("hostile-two.graphml")
    top = sorted(n for n, d in g2.nodes(data=True) if d["bipartite"] == 0)
    out["hostile-two.graphml"] = nx_graph(g2)
    out["hostile-two.graphml"]["bipartite_sets_ok"] = nx.bipartite.is_bipartite_node_set(g2, top)
    out.update(gexf_part(nx))
    out["hostile.net"] = nx_graph(nx.read_pajek("hostile.net"))
    out["hostile-names.net"] = nx_graph(nx.read_pajek("hostile-names.net"))
    with open("hostile.json", encoding="utf-8") as f:
        out["hostile.json"] = json.load(f)
    dot = subprocess.run(["dot", "-Tjson", "hostile.dot"], capture_output=True, check=True, text=True)
    d = json.loads(dot.stdout)
    objs = d.get("objects", [])
    keep = ("label", "fillcolor", "orgid", "type", "sector", "degree", "strength", "City")
    out["hostile.dot"] = {
        "name": d.get("name"),
        "nodes": [{"name": o["name"], **{k: o[k] for k in keep if k in o}} for o in objs],
        "edges": [[objs[e["tail"]]["name"], objs[e["head"]]["name"], e.get("weight")] for e in d.get("edges", [])],
    }
    dotv = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
    header = (f"# networkx {nx.__version__} (python {sys.version.split()[0]}): nx.read_graphml(f), nx.read_gexf(f), nx.read_pajek(f), "
              f"nx.bipartite.is_bipartite_node_set; json.load; {dotv}: dot -Tjson hostile.dot")
    return header, out


def ig_graph(g):
    va = g.vertex_attributes()
    ea = g.edge_attributes()
    return {
        "directed": g.is_directed(),
        "vertices": [{k: plain(v[k]) for k in va} for v in g.vs],
        "edges": [[e.source, e.target, {k: plain(e[k]) for k in ea}] for e in g.es],
    }


def igraph_part():
    import igraph as ig
    out = {}
    out["hostile.graphml"] = ig_graph(ig.Graph.Read_GraphML("hostile.graphml"))
    out["hostile.net"] = ig_graph(ig.Graph.Read_Pajek("hostile.net"))
    out["hostile-two.net"] = ig_graph(ig.Graph.Read_Pajek("hostile-two.net"))
    out["good.dl"] = ig_graph(ig.Graph.Read_DL("good.dl", directed=True))
    header = (f"# python-igraph {ig.__version__} (python {sys.version.split()[0]}): ig.Graph.Read_GraphML(f), ig.Graph.Read_Pajek(f), "
              "ig.Graph.Read_DL(f, directed=True)")
    return header, out


if __name__ == "__main__":
    header, out = {"networkx": networkx_part, "gexf": gexf_only, "igraph": igraph_part}[sys.argv[1]]()
    print(header)
    print(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True))

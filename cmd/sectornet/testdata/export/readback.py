"""Read sectornet's export files back with the reference readers.

Run from this folder by readback.sh:

    python3 readback.py networkx > readback-networkx.txt          # NetworkX 3 (GraphML, GEXF 1.3, Pajek), Graphviz dot, json
    /usr/bin/python3 readback.py igraph > readback-igraph.txt     # python-igraph (GraphML, Pajek one- and two-mode, UCINET DL)

Each output is a header line starting with '#' naming the tools, their
versions and the exact calls, then one JSON object: for each file, what the
reader saw, as plain data (nodes with their attributes, edges with their
weights) that the Go test TestExportReadBack compares with the dataset.
"""

import json
import subprocess
import sys
import xml.etree.ElementTree as ET


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


def networkx_part():
    import networkx as nx
    out = {}
    out["hostile.graphml"] = nx_graph(nx.read_graphml("hostile.graphml"))
    g2 = nx.read_graphml("hostile-two.graphml")
    top = sorted(n for n, d in g2.nodes(data=True) if d["bipartite"] == 0)
    out["hostile-two.graphml"] = nx_graph(g2)
    out["hostile-two.graphml"]["bipartite_sets_ok"] = nx.bipartite.is_bipartite_node_set(g2, top)
    out["hostile.gexf"] = nx_graph(nx.read_gexf("hostile.gexf"))
    for f in ["hostile-waves.gexf", "good-waves.gexf"]:
        g = nx.read_gexf(f)
        r = nx_graph(g)
        r["mode"] = g.graph.get("mode")
        # NetworkX reads GEXF 1.3 dynamic node values as static (keeping
        # the last); read them with ElementTree, the XML reader.
        ns = {"g": "http://gexf.net/1.3"}
        root = ET.parse(f).getroot()
        titles = {a.get("id"): a.get("title") for a in root.iterfind("g:graph/g:attributes[@class='node']/g:attribute", ns)}
        dyn = {}
        for node in root.iterfind("g:graph/g:nodes/g:node", ns):
            vals = []
            for av in node.iterfind("g:attvalues/g:attvalue", ns):
                if av.get("start") is not None:
                    vals.append([titles[av.get("for")], av.get("value"), int(av.get("start")), int(av.get("end"))])
            dyn[node.get("id")] = vals
        r["dynamic_values"] = dyn
        out[f] = r
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
              f"nx.bipartite.is_bipartite_node_set; xml.etree for GEXF dynamic attvalues; json.load; {dotv}: dot -Tjson hostile.dot")
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
    header, out = {"networkx": networkx_part, "igraph": igraph_part}[sys.argv[1]]()
    print(header)
    print(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True))

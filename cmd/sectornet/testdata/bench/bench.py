#!/usr/bin/python3
"""Reproduce the table of BENCHMARKS.md: sectornet against the same pipeline
in python-igraph and NetworkX (shared/bench/peers.py), whole processes, side
by side in one run.

    /usr/bin/python3 cmd/sectornet/testdata/bench/bench.py \\
        --bench ../shared/bench --work /tmp/snbench

Needs Go (to build sectornet from this checkout), GNU time (/usr/bin/time,
Debian package "time") and Debian's python3-networkx, python3-igraph and
python3-scipy. It generates the datasets with gen.py (skipped when already
there), then for each size runs the tools in turn, round after round, timing
each process with /usr/bin/time (wall clock, peak resident memory and CPU
time, user + system), and
prints the Markdown table with medians; every run goes to WORK/results.json.
It also compares sectornet's CSV with igraph's, column by column.

Sizes and runs (defaults):
  5,000 orgs     sectornet exact, igraph: --runs (5); NetworkX: --networkx-runs (3)
  20,000 orgs    sectornet exact and --approx: --runs; igraph: --igraph-20k-runs (1)
  200,000 orgs   sectornet degree, strength, PageRank, Louvain: --registry-runs (3)
                 (gen.py --memberships 12 --max-memberships 40)
"""
import argparse
import csv
import json
import os
import platform
import statistics
import subprocess
import sys
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def timed(cmd, out_path):
    """Runs cmd with stdout to out_path; returns (seconds, peak MiB, CPU
    seconds (user + system), stderr)."""
    with open(out_path, "w") as out:
        p = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M %U %S", *cmd], stdout=out, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{p.stderr}")
    lines = p.stderr.strip().splitlines()
    _, secs, kb, user, system = lines[-1].split()
    return float(secs), int(kb) / 1024, float(user) + float(system), "\n".join(lines[:-1])


def gen(args, orgs, extra):
    d = os.path.join(args.work, f"ds{orgs}")
    if not os.path.exists(os.path.join(d, "participation.csv")):
        sh([sys.executable, os.path.join(args.bench, "gen.py"), "--orgs", str(orgs), "--seed", "1", "--out", d, *extra])
    return d


def read_csv(path):
    with open(path, newline="") as f:
        return {r["id"]: r for r in csv.DictReader(f)}


def compare(sn_path, ref_path, cols):
    """Largest absolute difference per column between two CSVs by id."""
    a, b = read_csv(sn_path), read_csv(ref_path)
    out = {}
    for c in cols:
        out[c] = max(abs(float(a[k][c]) - float(b[k][c])) for k in b)
    return out


def med(runs, i):
    return statistics.median(r[i] for r in runs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", required=True, help="folder of gen.py and peers.py")
    ap.add_argument("--work", required=True, help="scratch folder for datasets and outputs")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--networkx-runs", type=int, default=3)
    ap.add_argument("--igraph-20k-runs", type=int, default=1)
    ap.add_argument("--registry-runs", type=int, default=3)
    ap.add_argument("--sizes", default="5000,20000,200000")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    sn = os.path.join(args.work, "sectornet")
    sh(["go", "build", "-o", sn, "./cmd/sectornet"], cwd=REPO)
    peers = [sys.executable, os.path.join(args.bench, "peers.py")]
    res = {"machine": machine(), "runs": {}, "agreement": {}, "load": {}}

    def run(key, cmd, out):
        secs, mib, cpu, err = timed(cmd, out)
        res["runs"].setdefault(key, []).append([secs, mib, cpu])
        print(f"  {key}: {secs:.2f} s, {mib:.0f} MiB, CPU {cpu:.2f} s", file=sys.stderr, flush=True)
        return err

    for orgs in sizes:
        if orgs == 200000:
            d = gen(args, orgs, ["--memberships", "12", "--max-memberships", "40"])
        else:
            d = gen(args, orgs, [])
        o = lambda name: os.path.join(args.work, f"{name}{orgs}.csv")
        load = [os.getloadavg()[0]]
        print(f"{orgs} organizations", file=sys.stderr, flush=True)
        if orgs == 200000:
            for _ in range(args.registry_runs):
                err = run("sectornet_registry", [sn, "analyze", d, "--format", "csv",
                                                 "--measures", "degree,strength,pagerank,community"], o("sn"))
                res["registry_stderr"] = err
        elif orgs == 5000:
            for i in range(args.runs):
                run("sectornet_5k", [sn, "analyze", d, "--format", "csv"], o("sn"))
                run("igraph_5k", [*peers, "--tool", "igraph", "--data", d, "--out", o("ig")], "/dev/null")
                if i < args.networkx_runs:
                    run("networkx_5k", [*peers, "--tool", "networkx", "--data", d, "--out", o("nx")], "/dev/null")
            cols = ["degree", "strength", "betweenness", "closeness", "pagerank", "eigenvector"]
            res["agreement"]["5k_igraph"] = compare(o("sn"), o("ig"), cols)
            if args.networkx_runs:
                res["agreement"]["5k_networkx"] = compare(o("sn"), o("nx"), cols)
        else:
            for i in range(args.runs):
                run("sectornet_20k", [sn, "analyze", d, "--format", "csv"], o("sn"))
                err = run("sectornet_20k_approx", [sn, "analyze", d, "--approx", "--format", "csv"], o("sna"))
                res["approx_stderr"] = err
                if i < args.igraph_20k_runs:
                    run("igraph_20k", [*peers, "--tool", "igraph", "--data", d, "--out", o("ig")], "/dev/null")
            cols = ["degree", "strength", "betweenness", "closeness", "pagerank", "eigenvector"]
            if args.igraph_20k_runs:
                res["agreement"]["20k_igraph"] = compare(o("sn"), o("ig"), cols)
            a, e = read_csv(o("sna")), read_csv(o("sn"))
            res["agreement"]["20k_approx_vs_exact"] = {
                "betweenness_max_abs": max(abs(float(a[k]["betweenness"]) - float(e[k]["betweenness"])) for k in e),
                "closeness_max_rel": max(abs(float(a[k]["closeness"]) / float(e[k]["closeness"]) - 1) for k in e if float(e[k]["closeness"]) > 0),
                "within_own_bound": all(abs(float(a[k]["betweenness"]) - float(e[k]["betweenness"])) <= float(a[k]["betweenness_error"]) for k in e),
            }
        load.append(os.getloadavg()[0])
        res["load"][str(orgs)] = load
    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump(res, f, indent=1)
    table(res)


def machine():
    m = {"platform": platform.platform(), "python": sys.version.split()[0], "cpus": os.cpu_count()}
    try:
        with open("/proc/cpuinfo") as f:
            m["cpu"] = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
        with open("/proc/meminfo") as f:
            m["memory_gib"] = round(int(f.readline().split()[1]) / 2**20, 1)
    except (OSError, StopIteration):
        pass
    m["go"] = subprocess.run(["go", "version"], capture_output=True, text=True).stdout.strip()
    try:
        import igraph, networkx, scipy
        m["igraph"], m["networkx"], m["scipy"] = igraph.__version__, networkx.__version__, scipy.__version__
    except ImportError:
        pass
    return m


def table(res):
    r = res["runs"]

    def cell(key):
        if key not in r:
            return "not run"
        runs = r[key]
        what = f"median of {len(runs)}" if len(runs) > 1 else "1 run"
        cpu = f", CPU {med(runs, 2):.2f} s" if all(len(x) > 2 for x in runs) else ""
        return f"{med(runs, 0):.2f} s, {med(runs, 1):.0f} MiB{cpu} ({what})"

    def ratio(a, b):
        if a in r and b in r:
            return f"{med(r[b], 0) / med(r[a], 0):.1f}x"
        return ""

    print("| orgs | sectornet | python-igraph | NetworkX | igraph / sectornet | NetworkX / sectornet |")
    print("|---|---|---|---|---|---|")
    if "sectornet_5k" in r:
        print(f"| 5,000 | {cell('sectornet_5k')} | {cell('igraph_5k')} | {cell('networkx_5k')} | "
              f"{ratio('sectornet_5k', 'igraph_5k')} | {ratio('sectornet_5k', 'networkx_5k')} |")
    if "sectornet_20k" in r:
        print(f"| 20,000 exact | {cell('sectornet_20k')} | {cell('igraph_20k')} | not run | {ratio('sectornet_20k', 'igraph_20k')} | |")
        print(f"| 20,000 --approx | {cell('sectornet_20k_approx')} | | | {ratio('sectornet_20k_approx', 'igraph_20k')} | |")
    if "sectornet_registry" in r:
        print(f"| 200,000 (degree, strength, PageRank, Louvain) | {cell('sectornet_registry')} | | | | |")
    print()
    print("agreement:", json.dumps(res["agreement"], indent=1))
    print("load average (1 min) before and after each size:", res["load"])


if __name__ == "__main__":
    main()

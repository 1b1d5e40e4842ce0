#!/usr/bin/env python3
"""Independent references for graph/change_test.go, suggest and firsts.

Writes:
  hypergeom.txt       exact hypergeometric upper tails (fractions.Fraction, math.comb)
  random_dataset.txt  a random two-wave dataset (seeded; the Go test reads it)
  random_ref.txt      what CompareWaves, Suggest and FirstMeetings must give on it,
                      computed here with plain Python sets, networkx.adamic_adar_index
                      and R sna::hdist, none of which shares code with sectornet.

Run from graph/testdata:  python3 change_ref.py
"""
import random
import subprocess
from fractions import Fraction
from math import comb

import networkx as nx


def hyper_upper(N, K, n, k):
    tot = comb(N, n)
    s = sum(comb(K, x) * comb(N - K, n - x) for x in range(max(k, 0), min(n, K) + 1))
    return Fraction(s, tot)


with open("hypergeom.txt", "w") as f:
    f.write("# tool: python3 fractions.Fraction + math.comb (exact), printed with repr(float(...))\n")
    f.write("# call: sum(comb(K,x)*comb(N-K,n-x) for x in range(k, min(n,K)+1)) / comb(N,n)\n")
    f.write("# N K n k P(X>=k)\n")
    cases = [(12, 5, 4, 3), (11, 5, 4, 3), (12, 5, 4, 0), (12, 5, 4, 5), (12, 5, 4, 1), (12, 5, 4, 2),
             (14196, 900, 120, 25), (14196, 900, 120, 5), (14196, 900, 120, 8), (14196, 900, 120, 60),
             (100, 50, 60, 10), (100, 50, 60, 11), (100, 50, 60, 40), (100, 50, 60, 30),
             (20000000000, 3000000, 5000, 5), (20000000000, 3000000, 5000, 1), (5000, 4000, 300, 250)]
    for N, K, n, k in cases:
        f.write(f"{N} {K} {n} {k} {float(hyper_upper(N, K, n, k))!r}\n")

# ---------------------------------------------------------------- dataset
rng = random.Random(20240611)
sectors = ["gov", "local", "bus", "npo", "aca"]
orgs = [f"O{i:02d}" for i in range(40)]
sector = {o: sectors[rng.randrange(5)] for o in orgs}
forums = {}
for fi in range(4):
    forums[f"F{fi}"] = sorted(rng.sample(orgs[:34], 8))  # O34..O39 in no forum
meetings = []
for mi in range(10):
    fid = f"F{rng.randrange(4)}"
    year = rng.choice([2012, 2013, 2013, 2014, 2014, 2015])
    date = f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 28):02d}"
    members = sorted(set(rng.sample(forums[fid], 5) + rng.sample(orgs, 1)))
    meetings.append((f"M{mi}", fid, date, members))


def pairs_of(members):
    return {frozenset((a, b)) for i, a in enumerate(members) for b in members[i + 1:]}


forum_pairs = set().union(*(pairs_of(m) for m in forums.values()))
all_pairs = [frozenset((a, b)) for i, a in enumerate(orgs) for b in orgs[i + 1:]]
w1 = set(rng.sample(all_pairs, 60))
w2 = {p for p in w1 if rng.random() < 0.6}
cand = [p for p in all_pairs if p not in w1]
co = [p for p in cand if p in forum_pairs]
w2 |= set(rng.sample(co, 25)) | set(rng.sample(cand, 15))
# Newcomers: O39 has no 2012 tie; give it two in 2014.
w1 = {p for p in w1 if "O39" not in p}
w2 |= {frozenset(("O39", "O00")), frozenset(("O39", "O05"))}
types = ["information", "resources", "joint_project"]
rows = []
for wave, ties in (("2012", w1), ("2014", w2)):
    for p in sorted(ties, key=sorted):
        a, b = sorted(p)
        if rng.random() < 0.5:
            a, b = b, a
        t = rng.choice(types)
        tr = rng.choice(["-", "1", "2", "3", "4"])
        va = rng.choice(["-", "1", "2", "3", "4"])
        rows.append((wave, a, b, t, tr, va))
        if rng.random() < 0.3:  # the partner reports it too, maybe with other scores
            rows.append((wave, b, a, t, rng.choice(["-", "2", "3"]), rng.choice(["-", "1", "4"])))
rng.shuffle(rows)

with open("random_dataset.txt", "w") as f:
    f.write("# made by change_ref.py (random.Random(20240611)); read by change_test.go\n")
    for s in sectors:
        f.write(f"sector {s}\n")
    for o in orgs:
        f.write(f"org {o} {sector[o]}\n")
    for fid, ms in forums.items():
        f.write(f"forum {fid} {' '.join(ms)}\n")
    for mid, fid, date, ms in meetings:
        f.write(f"meeting {mid} {fid} {date} {' '.join(ms)}\n")
    for r in rows:
        f.write("tie " + " ".join(r) + "\n")

# ---------------------------------------------------------------- references
# Ties per wave as sets of unordered pairs: A-B and B-A are one tie.
W = {"2012": set(), "2014": set()}
for wave, a, b, *_ in rows:
    W[wave].add(frozenset((a, b)))
before, after = W["2012"], W["2014"]


def counts(pairs):
    n00 = n01 = n10 = n11 = 0
    for p in pairs:
        x, y = p in before, p in after
        n00 += (not x and not y)
        n01 += (not x and y)
        n10 += (x and not y)
        n11 += (x and y)
    return len(pairs), n00, n01, n10, n11


def cross(p):
    a, b = sorted(p)
    return sector[a] != sector[b]


out = []
out.append("# tool: python3 sets (counts), R sna::hdist(mode='graph') (hamming), networkx %s adamic_adar_index" % nx.__version__)
out.append("# made by change_ref.py from random_dataset.txt; one record a line")
out.append("# counts SCOPE pairs N00 N01 N10 N11 hamming jaccard")
for scope, ps in (("all", all_pairs), ("cross", [p for p in all_pairs if cross(p)]),
                  ("within", [p for p in all_pairs if not cross(p)])):
    n, n00, n01, n10, n11 = counts(ps)
    jac = n11 / (n01 + n10 + n11)
    out.append(f"counts {scope} {n} {n00} {n01} {n10} {n11} {n01 + n10} {jac!r}")
for i, s in enumerate(sectors):
    for t in sectors[i:]:
        ps = [p for p in all_pairs if sorted(sector[o] for o in p) == sorted((s, t))]
        if ps:
            n, n00, n01, n10, n11 = counts(ps)
            out.append(f"sectorpair {s} {t} {n} {n00} {n01} {n10} {n11}")

# R sna's Hamming distance between the two adjacency matrices.
idx = {o: i + 1 for i, o in enumerate(orgs)}
rcode = ["suppressMessages(library(sna))", f"n <- {len(orgs)}", "g <- array(0, c(2, n, n))"]
for k, ties in ((1, before), (2, after)):
    for p in sorted(ties, key=sorted):
        a, b = sorted(p)
        rcode.append(f"g[{k},{idx[a]},{idx[b]}] <- 1; g[{k},{idx[b]},{idx[a]}] <- 1")
rcode.append("cat(hdist(g, g1=1, g2=2, mode='graph'), as.character(packageVersion('sna')), '\\n')")
r = subprocess.run(["Rscript", "-e", "\n".join(rcode)], capture_output=True, text=True, check=True).stdout.split()
out.append(f"# R sna {r[1]}: hdist(g, g1=1, g2=2, mode='graph')")
out.append(f"hdist {int(float(r[0]))}")

# Co-participants between the waves: a common forum, or a meeting dated
# after 2012-12-31 and up to 2014-12-31.
meet_pairs = set().union(*(pairs_of(ms) for _, _, date, ms in meetings if "2012-12-31" < date <= "2014-12-31"))
copart = forum_pairs | meet_pairs
new = [p for p in after if p not in before]
for scope, keep in (("all", lambda p: True), ("cross", cross)):
    cands = [p for p in all_pairs if p not in before and keep(p)]
    marked = sum(1 for p in cands if p in copart)
    nn = [p for p in new if keep(p)]
    k = sum(1 for p in nn if p in copart)
    out.append(f"attribution {scope} {len(cands)} {marked} {len(nn)} {k} {float(hyper_upper(len(cands), marked, len(nn), k))!r}")
out.append(f"newforum {sum(1 for p in new if p in forum_pairs)} newmeeting {sum(1 for p in new if p in meet_pairs)}")
present1 = set().union(*before)
newcomers = sorted(o for o in orgs if o not in present1 and any(o in p for p in after))
out.append(f"newcomers {' '.join(newcomers)}")

# Organization changes: before after new dissolved kept newcross.
for o in orgs:
    b = {next(iter(p - {o})) for p in before if o in p}
    a = {next(iter(p - {o})) for p in after if o in p}
    nw = a - b
    out.append(f"org {o} {len(b)} {len(a)} {len(nw)} {len(b - a)} {len(a & b)} {sum(1 for x in nw if sector[x] != sector[o])}")

# E-I index, density, mean degree per wave.
n = len(orgs)
for wave, ties in (("2012", before), ("2014", after)):
    e = sum(1 for p in ties if cross(p))
    i = len(ties) - e
    out.append(f"wave {wave} {len(ties)} {(e - i) / (e + i)!r} {len(ties) / (n * (n - 1) / 2)!r} {2 * len(ties) / n!r}")

# Mean trust and value per wave: a tie's score is the mean of its reports'.
for wave in ("2012", "2014"):
    rep = {}
    for wv, a, b, t, tr, va in rows:
        if wv == wave:
            rep.setdefault(frozenset((a, b)), []).append((tr, va))
    tr_means, va_means = [], []
    for p, rs in rep.items():
        ts = [float(x) for x, _ in rs if x != "-"]
        vs = [float(y) for _, y in rs if y != "-"]
        if ts:
            tr_means.append(sum(ts) / len(ts))
        if vs:
            va_means.append(sum(vs) / len(vs))
    out.append(f"scores {wave} {len(rep)} {len(tr_means)} {sum(tr_means) / len(tr_means)!r} {len(va_means)} {sum(va_means) / len(va_means)!r}")

# Adamic-Adar on the 2014 ties joined with the organizations x forums
# memberships (forums as nodes), for every cross-sector pair with no 2014
# tie and at least one common neighbour.
G = nx.Graph()
G.add_nodes_from(orgs)
G.add_edges_from(tuple(p) for p in after)
for fid, ms in forums.items():
    G.add_edges_from((m, "forum:" + fid) for m in ms)
ebunch = [tuple(sorted(p)) for p in all_pairs if cross(p) and p not in after
          and set(G[sorted(p)[0]]) & set(G[sorted(p)[1]])]
for u, v, s in sorted(nx.adamic_adar_index(G, ebunch)):
    out.append(f"aa {u} {v} {s!r}")

# First meetings: chronological by date, then file order.
order = sorted(range(len(meetings)), key=lambda i: (meetings[i][2], i))
seen, cum, cumx = set(), 0, 0
for i in order:
    mid, _, _, ms = meetings[i]
    newp = [p for p in pairs_of(ms) if p not in seen]
    seen |= set(newp)
    cum += len(newp)
    cumx += sum(1 for p in newp if cross(p))
    out.append(f"first {mid} {len(newp)} {sum(1 for p in newp if cross(p))} {cum} {cumx}")

with open("random_ref.txt", "w") as f:
    f.write("\n".join(out) + "\n")

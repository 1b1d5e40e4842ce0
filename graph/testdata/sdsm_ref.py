#!/usr/bin/python3
"""Reference p-values of the stochastic degree sequence model (SDSM; Z. P.
Neal, "The backbone of bipartite projections", Social Networks 39 (2014)
84-97, doi:10.1016/j.socnet.2014.06.001), computed independently of the Go
code, for TestSDSMReference (graph/sdsm_ref_test.go).

For a tie between organizations i and j sharing w groups, the p-value is
P(X >= w), X the number of groups two organizations share when every
membership (i, k) is drawn independently with probability p_ik. The p_ik are
those of the bipartite configuration model (BiCM; Saracco et al., Sci. Rep.
5, 10595, 2015) as the R package backbone 2.1.3 computes them (R/bicm.R):
empty rows and columns get 0, full rows and columns (of what is left) get 1,
repeatedly; on the remaining matrix p_ik = x_i y_k / (1 + x_i y_k) with
sum_k p_ik = d_i and sum_i p_ik = d_k.

Here, unlike in Go (which solves per distinct degree with Newton's method
and convolves per degree class with an absorbing tail), the equations are
solved per organization and per group with scipy.optimize.root and a numpy
Newton polish, and X's distribution is the full convolution
(numpy.convolve) of one Bernoulli per group; the tail is a plain sum.

Cases:
  davis    Davis's Southern Women, 18 women x 14 events (testdata/davis.txt)
  forums   the embedded sample's organizations x forums (data/sample)
  meetings the embedded sample's organizations x meetings (attendance)
  survey   a generated sparse survey-shaped affiliation: long chains of
           two-member forums, several components, isolates, a few large
           forums (random.Random(15))
  edge     a small non-conforming case: an organization in no forum, a
           forum with no member, an organization in every forum, a forum
           holding every organization that is in any
  good     data/testdata/good's forums (one organization in every forum,
           one in none), for the backbone command's test

Run: /usr/bin/python3 sdsm_ref.py   (writes sdsm_<case>.txt beside it)
"""
import csv, math, os, random, sys

import numpy as np
import scipy
from scipy.optimize import root

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "data", "sample")


def read_csv(name):
    with open(os.path.join(SAMPLE, name), encoding="utf-8") as f:
        return [r for r in csv.DictReader(l for l in f if not l.startswith("#"))]


def sample_case(kind):
    orgs = [r["id"] for r in read_csv("organizations.csv")]
    oi = {o: i for i, o in enumerate(orgs)}
    if kind == "forums":
        groups = [r["id"] for r in read_csv("forums.csv")]
        gi = {g: k for k, g in enumerate(groups)}
        pairs = {(oi[r["org"]], gi[r["forum"]]) for r in read_csv("participation.csv")}
    else:
        groups = [r["id"] for r in read_csv("meetings.csv")]
        gi = {g: k for k, g in enumerate(groups)}
        pairs = {(oi[r["org"]], gi[r["meeting"]]) for r in read_csv("attendance.csv")}
    return len(orgs), len(groups), pairs


def good_case():
    # data/testdata/good: C sits in every forum (a full row), E in none.
    base = os.path.join(HERE, "..", "..", "data", "testdata", "good")
    def rows(name):
        with open(os.path.join(base, name), encoding="utf-8-sig") as f:
            return [{k.lower(): v for k, v in r.items()} for r in csv.DictReader(l for l in f if not l.startswith("#"))]
    oi = {r["id"]: i for i, r in enumerate(rows("organizations.csv"))}
    fi = {r["id"]: k for k, r in enumerate(rows("forums.csv"))}
    return len(oi), len(fi), {(oi[r["org"]], fi[r["forum"]]) for r in rows("participation.csv")}


def davis_case():
    pairs = set()
    with open(os.path.join(HERE, "davis.txt")) as f:
        for line in f:
            fs = line.split()
            if fs and fs[0] == "member":
                pairs.add((int(fs[1]), int(fs[2])))
    return 18, 14, pairs


def survey_case():
    rng = random.Random(15)
    n = 220
    pairs = set()
    k = 0
    # 40 isolates: organizations 180..219 are in no forum.
    # Long chains: forums of two linking consecutive organizations.
    for start, length in ((0, 30), (30, 20), (50, 12)):
        for i in range(start, start + length - 1):
            pairs.add((i, k)); pairs.add((i + 1, k)); k += 1
    # Small separate components: triangles and pairs of three-member forums.
    for base in range(62, 92, 3):
        for _ in range(2):
            for i in range(base, base + 3):
                if rng.random() < 0.8:
                    pairs.add((i, k))
            pairs.add((base, k))
            k += 1
    # A core of larger forums among organizations 92..179, plus some chain members.
    core = list(range(92, 180))
    for _ in range(14):
        size = rng.randint(4, 18)
        for i in rng.sample(core, size):
            pairs.add((i, k))
        if rng.random() < 0.5:
            pairs.add((rng.randrange(0, 62), k))
        k += 1
    # Some organizations of the core in many forums.
    for i in (92, 93, 94):
        for kk in rng.sample(range(k - 14, k), 7):
            pairs.add((i, kk))
    return n, k, pairs


def edge_case():
    # 7 organizations x 6 forums. Org 6 is in no forum; forum 5 has no
    # member; forum 0 holds every organization that is in any (full once
    # org 6 is gone); org 0 is in every forum but 5 (full once forum 5 is
    # gone).
    rows = [
        [1, 1, 1, 1, 1, 0],
        [1, 1, 0, 0, 0, 0],
        [1, 0, 1, 0, 0, 0],
        [1, 0, 1, 1, 0, 0],
        [1, 0, 0, 1, 1, 0],
        [1, 1, 0, 0, 1, 0],
        [0, 0, 0, 0, 0, 0],
    ]
    return 7, 6, {(i, k) for i, r in enumerate(rows) for k, x in enumerate(r) if x}


def bicm_probabilities(n, m, pairs):
    """backbone's bicm: the non-conforming reduction, then the fit."""
    B = np.zeros((n, m))
    for i, k in pairs:
        B[i, k] = 1
    P = np.zeros((n, m))
    good_r = list(range(n))
    good_c = list(range(m))
    while True:
        sub = B[np.ix_(good_r, good_c)]
        zr = [good_r[a] for a in range(len(good_r)) if sub[a].sum() == 0]
        good_r = [r for r in good_r if r not in zr]
        sub = B[np.ix_(good_r, good_c)]
        zc = [good_c[b] for b in range(len(good_c)) if sub[:, b].sum() == 0] if good_r else list(good_c)
        good_c = [c for c in good_c if c not in zc]
        sub = B[np.ix_(good_r, good_c)]
        fr = [good_r[a] for a in range(len(good_r)) if good_c and sub[a].sum() == len(good_c)]
        fc = [good_c[b] for b in range(len(good_c)) if good_r and sub[:, b].sum() == len(good_r)]
        for r in fr:
            for c in good_c:
                P[r, c] = 1
        for c in fc:
            for r in good_r:
                P[r, c] = 1
        good_r = [r for r in good_r if r not in fr]
        good_c = [c for c in good_c if c not in fc]
        if not (zr or zc or fr or fc):
            break
    if not good_r or not good_c:
        return P, 0.0
    sub = B[np.ix_(good_r, good_c)]
    dr = sub.sum(axis=1)
    dc = sub.sum(axis=0)
    nr, nc = len(good_r), len(good_c)

    def split(v):
        th = v[:nr]
        ph = np.append(v[nr:], 0.0)  # the last group's log-fitness fixed at 0
        return th, ph

    def F(v):
        th, ph = split(v)
        Q = 1 / (1 + np.exp(-(th[:, None] + ph[None, :])))
        f = np.concatenate([Q.sum(axis=1) - dr, (Q.sum(axis=0) - dc)[:-1]])
        W = Q * (1 - Q)
        J = np.zeros((nr + nc - 1, nr + nc - 1))
        J[:nr, :nr] = np.diag(W.sum(axis=1))
        J[:nr, nr:] = W[:, :-1]
        J[nr:, :nr] = W[:, :-1].T
        J[nr:, nr:] = np.diag(W.sum(axis=0)[:-1])
        return f, J

    E = dr.sum()
    v0 = np.concatenate([np.log(dr / (math.sqrt(E) + 1)), np.log(dc[:-1] / (math.sqrt(E) + 1)) - math.log(dc[-1] / (math.sqrt(E) + 1))])
    sol = root(F, v0, jac=True, method="hybr", options={"xtol": 1e-15, "maxfev": 100000})
    v = sol.x
    for _ in range(20):  # Newton polish
        f, J = F(v)
        v = v - np.linalg.lstsq(J, f, rcond=None)[0]
    f, _ = F(v)
    th, ph = split(v)
    Q = 1 / (1 + np.exp(-(th[:, None] + ph[None, :])))
    resid = max(np.abs(Q.sum(axis=1) - dr).max(), np.abs(Q.sum(axis=0) - dc).max())
    P[np.ix_(good_r, good_c)] = Q
    return P, resid


def main():
    cases = {
        "davis": davis_case,
        "forums": lambda: sample_case("forums"),
        "meetings": lambda: sample_case("meetings"),
        "survey": survey_case,
        "edge": edge_case,
        "good": good_case,
    }
    for name, make in cases.items():
        n, m, pairs = make()
        P, resid = bicm_probabilities(n, m, pairs)
        groups = [[] for _ in range(n)]
        for i, k in pairs:
            groups[i].append(k)
        sets = [set(g) for g in groups]
        with open(os.path.join(HERE, "sdsm_%s.txt" % name), "w") as f:
            f.write("# SDSM p-values of case %s: P(X >= w) with X Poisson-binomial over every group,\n" % name)
            f.write("# p_ik from backbone 2.1.3's bicm as re-implemented here (scipy.optimize.root + Newton, residual %.1e)\n" % resid)
            f.write("# tool: numpy %s (numpy.convolve), scipy %s, Python %s\n" % (np.__version__, scipy.__version__, sys.version.split()[0]))
            f.write("# generated by: /usr/bin/python3 sdsm_ref.py (graph/testdata); do not edit\n")
            f.write("# dims ORGS GROUPS; member ORG GROUP; tie I J SHARED P_VALUE EXPECTED; prob I K P (first rows)\n")
            f.write("dims %d %d\n" % (n, m))
            for i, k in sorted(pairs):
                f.write("member %d %d\n" % (i, k))
            for i in range(min(n, 12)):
                for k in range(m):
                    f.write("prob %d %d %r\n" % (i, k, float(P[i, k])))
            for i in range(n):
                for j in range(i + 1, n):
                    w = len(sets[i] & sets[j])
                    if w == 0:
                        continue
                    q = P[i] * P[j]
                    pmf = np.array([1.0])
                    for x in q:
                        pmf = np.convolve(pmf, [1 - x, x])
                    p = math.fsum(pmf[w:])
                    f.write("tie %d %d %d %r %r\n" % (i, j, w, p, math.fsum(q)))


if __name__ == "__main__":
    main()

"""Reference values for graph's balance tests, in exact rational arithmetic.

    cd graph/testdata && /usr/bin/python3 balance_ref.py > balance_exact.txt

Reads balance_cases.txt. For each case writes
    exact NAME P POBS   the exact multinomial test: every outcome enumerated,
                        its probability n!/prod(x!) prod(p^x) a Fraction, P the
                        sum of those <= the observed one's (no rounding, so
                        outcomes of equal probability are never split), POBS
                        the observed one's; both rounded to float at the end
    chisq NAME X2 P     scipy.stats.chisquare(x, n * p) over the categories
                        with p > 0 (the statistic and p-value graph reports)
"""
import math
import sys
from fractions import Fraction

import scipy
from scipy import stats


def compositions(n, k):
    if k == 1:
        yield (n,)
        return
    for x in range(n + 1):
        for rest in compositions(n - x, k - 1):
            yield (x,) + rest


def prob(x, p, n):
    v = Fraction(math.factorial(n))
    for xi, pi in zip(x, p):
        v = v * pi**xi / math.factorial(xi)
    return v


print(f"# Python {sys.version.split()[0]}, fractions, scipy {scipy.__version__}; python3 balance_ref.py")
for line in open("balance_cases.txt"):
    if line.startswith("#") or not line.strip():
        continue
    name, xs, ps = line.split()
    x = [int(v) for v in xs.split(",")]
    p = [Fraction(v) for v in ps.split(",")]
    n = sum(x)
    pobs = prob(x, p, n)
    total = sum((q for q in (prob(y, p, n) for y in compositions(n, len(x))) if q <= pobs), Fraction(0))
    print(f"exact {name} {float(total)!r} {float(pobs)!r}")
    keep = [i for i in range(len(x)) if p[i] > 0]
    if any(x[i] > 0 and p[i] == 0 for i in range(len(x))):
        print(f"chisq {name} inf 0.0")
        continue
    r = stats.chisquare([x[i] for i in keep], [n * float(p[i]) for i in keep])
    print(f"chisq {name} {float(r.statistic)!r} {float(r.pvalue)!r}")

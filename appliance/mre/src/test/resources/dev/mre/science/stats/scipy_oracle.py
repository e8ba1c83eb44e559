# SPDX-License-Identifier: Apache-2.0
"""Independent oracle for dev.mre.science.stats: reads requests, answers with numpy/scipy.

Usage: scipy_oracle.py REQUESTS ANSWERS

One request per line, fields separated by spaces, numbers written by Java's Double.toString
(exactly representable, parsed exactly by float()):
  fppf ID P D1 D2            -> x = scipy.stats.f.ppf(P, D1, D2)
  fcdf ID X D1 D2            -> p = scipy.stats.f.cdf(X, D1, D2)
  tp ID T DF                 -> p = 2 * scipy.stats.t.sf(|T|, DF)
  nppf ID P                  -> z = scipy.stats.norm.ppf(P)
  icc ID N K LEVEL V...      -> ICC(A,1) from ANOVA sums of squares + McGraw & Wong interval
  pearson ID LEVEL N X... Y...  -> scipy.stats.pearsonr and its confidence_interval
  agree ID N A... B...       -> Bland-Altman (plain and percent) and MAPD in numpy
  overlap ID P R             -> P, R strings of 0/1; scipy.spatial.distance dice/jaccard + counts
Answers: "ID key=value ..." with repr() floats.
"""
import sys

import numpy as np
from scipy import stats
from scipy.spatial import distance


def icc_a1(x, level):
    n, k = x.shape
    grand = x.mean()
    sst = ((x - grand) ** 2).sum()
    ssr = k * ((x.mean(axis=1) - grand) ** 2).sum()
    ssc = n * ((x.mean(axis=0) - grand) ** 2).sum()
    sse = sst - ssr - ssc
    msr = ssr / (n - 1)
    msc = ssc / (k - 1)
    mse = sse / ((n - 1) * (k - 1))
    icc = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n)
    # McGraw & Wong (1996), Table 7, ICC(A,1); written as in pingouin.intraclass_corr.
    alpha = 1 - level
    a = (k * icc) / (n * (1 - icc))
    b = 1 + (k * icc * (n - 1)) / (n * (1 - icc))
    v = (a * msc + b * mse) ** 2 / ((a * msc) ** 2 / (k - 1) + (b * mse) ** 2 / ((n - 1) * (k - 1)))
    f_up = stats.f.ppf(1 - alpha / 2, n - 1, v)
    f_lo = stats.f.ppf(1 - alpha / 2, v, n - 1)
    lower = n * (msr - f_up * mse) / (f_up * (k * msc + (k * n - k - n) * mse) + n * msr)
    upper = n * (f_lo * msr - mse) / (k * msc + (k * n - k - n) * mse + n * f_lo * msr)
    return dict(icc=icc, lower=lower, upper=upper, msr=msr, msc=msc, mse=mse)


def bland_altman(d):
    bias = float(np.mean(d))
    sd = float(np.std(d, ddof=1))
    return bias, sd, bias - 1.96 * sd, bias + 1.96 * sd


def answer(f):
    kind, ident, rest = f[0], f[1], f[2:]
    if kind == "fppf":
        p, d1, d2 = map(float, rest)
        return ident, dict(x=stats.f.ppf(p, d1, d2))
    if kind == "fcdf":
        x, d1, d2 = map(float, rest)
        return ident, dict(p=stats.f.cdf(x, d1, d2))
    if kind == "tp":
        t, df = map(float, rest)
        return ident, dict(p=2 * stats.t.sf(abs(t), df))
    if kind == "nppf":
        return ident, dict(z=stats.norm.ppf(float(rest[0])))
    if kind == "icc":
        n, k, level = int(float(rest[0])), int(float(rest[1])), float(rest[2])
        x = np.array([float(v) for v in rest[3:]]).reshape(n, k)
        return ident, icc_a1(x, level)
    if kind == "pearson":
        level, n = float(rest[0]), int(float(rest[1]))
        v = np.array([float(s) for s in rest[2:]])
        res = stats.pearsonr(v[:n], v[n:])
        ci = res.confidence_interval(confidence_level=level)
        return ident, dict(r=res.statistic, p=res.pvalue, lower=ci.low, upper=ci.high)
    if kind == "agree":
        n = int(float(rest[0]))
        v = np.array([float(s) for s in rest[1:]])
        a, b = v[:n], v[n:]
        out = {}
        for key, val in zip(("bias", "sd", "lower", "upper"), bland_altman(a - b)):
            out[key] = val
        for key, val in zip(("pbias", "psd", "plower", "pupper"), bland_altman(100 * (a - b) / ((a + b) / 2))):
            out[key] = val
        out["mapd"] = float(np.mean(np.abs(a - b) / np.abs(b)) * 100)
        return ident, out
    if kind == "overlap":
        p = np.array([c == "1" for c in rest[0]])
        r = np.array([c == "1" for c in rest[1]])
        tp = int(np.sum(p & r))
        fp = int(np.sum(p & ~r))
        fn = int(np.sum(~p & r))
        precision = tp / (tp + fp)
        recall = tp / (tp + fn)
        return ident, dict(tp=tp, fp=fp, fn=fn, tn=int(np.sum(~p & ~r)),
                           dice=1 - distance.dice(p, r), iou=1 - distance.jaccard(p, r),
                           precision=precision, recall=recall,
                           f1=2 * precision * recall / (precision + recall))
    raise ValueError("unknown request " + kind)


def main():
    with open(sys.argv[1]) as src, open(sys.argv[2], "w") as dst:
        for line in src:
            f = line.split()
            if not f:
                continue
            ident, values = answer(f)
            dst.write(ident + " " + " ".join("%s=%r" % (k, float(v)) for k, v in values.items()) + "\n")


if __name__ == "__main__":
    main()

# SPDX-License-Identifier: Apache-2.0
"""PyTorch CPU inference timings of every model package, to set beside ONNX Runtime numbers.

  /usr/bin/python3 models/training/bench_torch.py [--threads 2] [--repeats 5] [--models a,b]
      [--rows-only] [--package DIR]

For each models/<name>/manifest.json (or the one --package): rebuilds the network (weights from
checkpoint.pt when present; timings do not depend on the weights), then reports
  load:    building the network and loading its weights (ms)
  slice:   network forward, batch 1 (median ms)
  exam:    network forward, batch 4 (one 4-slice exam)
  exam+pp: contract preprocessing of a 4-slice 256x256 exam + forward + post-processing
  RSS:     resident memory before the network was built -> peak after the runs (MiB; one model
           per process gives clean figures, which is how bench_compare.sh runs it)
Prints a Markdown table (--rows-only: the rows alone). Note the machine load: timings on a shared
machine are noisy.
"""
import resource
import argparse
import json
import os
import statistics
import sys
import time

import numpy as np
import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, ROOT)

from models.training import data, nets, specs  # noqa: E402


def rss_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def median_time(fn, repeats, warmup=2):
    for _ in range(warmup):
        fn()
    ts = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--models", help="comma-separated package names (default: all)")
    p.add_argument("--package", help="one package folder (e.g. a trained model not in models/)")
    p.add_argument("--rows-only", action="store_true")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    mdir = os.path.join(ROOT, "models")
    names = sorted(n for n in os.listdir(mdir) if os.path.isfile(os.path.join(mdir, n, "manifest.json")))
    if a.models:
        names = [n for n in names if n in a.models.split(",")]
    dirs = {n: os.path.join(mdir, n) for n in names}
    if a.package:
        with open(os.path.join(a.package, "manifest.json")) as f:
            n = json.load(f)["name"]
        names, dirs = [n], {n: a.package}
    rng = np.random.default_rng(0)
    raw = {"magnitude": rng.random((4, 4, 256, 256), dtype=np.float32),
           "phase_rad": (rng.random((4, 4, 256, 256), dtype=np.float32) - 0.5) * 6.28,
           "elastogram_kpa": rng.random((4, 256, 256), dtype=np.float32) * 8}
    if not a.rows_only:
        print(f"PyTorch {torch.__version__}, {a.threads} threads, load average {os.getloadavg()[0]:.1f}")
        print("| model | params | input | load ms | slice ms | exam (4) ms | exam+pre/post ms | RSS MiB |")
        print("|---|---|---|---|---|---|---|---|")
    for name in names:
        with open(os.path.join(dirs[name], "manifest.json")) as f:
            man = json.load(f)
        spec = specs.get(name)
        rss0 = rss_mib()
        tl0 = time.perf_counter()
        model = nets.build(spec["arch"], len(man["input"]["channels"]), len(man["output"]["channels"]),
                           **spec["arch_kw"])
        ck = os.path.join(dirs[name], "checkpoint.pt")
        weights = "trained"
        if os.path.isfile(ck):
            model.load_state_dict(torch.load(ck, map_location="cpu"))
        else:
            weights = "random"
        model.eval()
        load_ms = (time.perf_counter() - tl0) * 1e3
        c, h, w = len(man["input"]["channels"]), man["input"]["height"], man["input"]["width"]
        x1, x4 = torch.randn(1, c, h, w), torch.randn(4, c, h, w)

        def full():
            x = data.build_input(raw, man["input"])
            data.postprocess(model(x), man["output"], 256, 256)

        with torch.no_grad():
            t1 = median_time(lambda: model(x1), a.repeats)
            t4 = median_time(lambda: model(x4), a.repeats)
            tf = median_time(full, max(1, a.repeats // 2), warmup=1)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        print(f"| {name} | {nets.count_params(model):,} | {c}x{h}x{w} | {load_ms:.0f} ({weights} weights) | "
              f"{t1 * 1e3:.1f} | {t4 * 1e3:.1f} | {tf * 1e3:.1f} | {rss0:.0f} -> {peak:.0f} |", flush=True)


if __name__ == "__main__":
    main()

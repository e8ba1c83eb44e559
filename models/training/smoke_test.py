# SPDX-License-Identifier: Apache-2.0
"""Smoke test of the training code, no phantom batch needed.

  /usr/bin/python3 models/training/smoke_test.py      (from the repository root)

For every model spec it builds tiny synthetic exams (an elliptic "liver" in a body, a plane
shear wave whose wavelength follows the stiffness, a windowed elastogram), runs them through the
contract preprocessing, trains the spec's architecture (tiny widths; the ResNeXt encoder with its
full-width bottleneck blocks but one block per stage, 32x32) with the spec's loss for a few steps on that fixed batch, exports it to ONNX
(opset 13, onnx.checker) and checks the contract post-processing. Exit status 0 only if every
loss fell by at least 10 % (mean of the last three steps vs the first); 1 otherwise.
"""
import os
import sys
import tempfile
import time

import numpy as np
import torch

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))

from models.training import data, nets, specs, train  # noqa: E402

SIZE = 32
STEPS = 15


def synthetic_exam(rng, n=4, size=SIZE, offsets=4):
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float64)
    mags, phases, elas, livers, rois, stiff, body = [], [], [], [], [], [], []
    for _ in range(n):
        cy, cx = rng.uniform(0.35, 0.6, 2) * size
        ay, ax = rng.uniform(0.15, 0.25, 2) * size
        liver = ((yy - cy) / ay) ** 2 + ((xx - cx) / ax) ** 2 <= 1.0
        bod = ((yy - size / 2) / (0.45 * size)) ** 2 + ((xx - size / 2) / (0.48 * size)) ** 2 <= 1.0
        kpa = rng.uniform(2.0, 8.0)
        g = np.where(liver, kpa, np.where(bod, 1.5, 0.0))
        wavelength = 4.0 + 2.0 * np.sqrt(max(kpa, 0.1))
        mag = np.where(liver, 0.6, np.where(bod, 0.3, 0.02)) + 0.02 * rng.standard_normal((size, size))
        ph = np.stack([np.angle(np.exp(1j * (2 * np.pi * xx / wavelength + o * np.pi / 2)))
                       for o in range(offsets)])
        roi = liver & (((yy - cy) / (0.7 * ay)) ** 2 + ((xx - cx) / (0.7 * ax)) ** 2 <= 1.0)
        mags.append(np.repeat(mag[None], offsets, 0))
        phases.append(ph)
        elas.append(np.where(bod, g, 0.0))
        livers.append(liver)
        rois.append(roi)
        stiff.append(g)
        body.append(bod)
    f = lambda a: np.stack(a).astype(np.float32)  # noqa: E731
    raw = {"magnitude": f(mags), "phase_rad": f(phases), "elastogram_kpa": f(elas)}
    return raw, {"liver": f(livers), "roi": f(rois), "stiffness": f(stiff), "body": f(body)}


def check_preprocessing(raw):
    x = data.build_input(raw, {"height": 32, "width": 32, "resize": "bilinear",
                               "channels": [specs.MAG, specs.ELASTO]})
    assert x.shape == (raw["magnitude"].shape[0], 2, 32, 32), x.shape
    full = data.build_input(raw, {"height": SIZE, "width": SIZE, "resize": "bilinear",
                                  "channels": [specs.MAG]})
    assert abs(float(full.mean())) < 1e-4 and abs(float(full.std(unbiased=False)) - 1) < 1e-3
    assert 0.0 <= float(x[:, 1].min()) and float(x[:, 1].max()) <= 1.0
    m = np.zeros((6, 6), bool)
    m[0, 0:2] = True
    m[3:5, 3:5] = True
    assert data.largest_component(m).sum() == 4


def main():
    torch.manual_seed(0)
    torch.set_num_threads(2)
    rng = np.random.default_rng(0)
    raw, truth = synthetic_exam(rng)
    check_preprocessing(raw)
    failures = []
    t_start = time.time()
    for name in sorted(specs.SPECS):
        spec = specs.get(name)
        in_spec = specs.input_spec(spec, SIZE)
        out_spec = specs.output_spec(spec)
        x = data.build_input(raw, in_spec)
        seg = truth["roi"] if spec["task"] == "roi-segmentation" else truth["liver"]
        t = {"mask": torch.from_numpy(seg)[:, None]}
        if spec["task"] == "stiffness-reconstruction":
            t["stiffness"] = torch.from_numpy(truth["stiffness"])[:, None]
            t["body"] = torch.from_numpy(truth["body"])[:, None]
        kw = dict(spec["arch_kw"])
        if "base" in kw:
            kw["base"] = 4
        steps = STEPS
        if spec["arch"] == "resnext50-unet":
            kw["layers"] = (1, 1, 1, 1)  # ResNeXt bottleneck blocks, one per stage
            steps = 6
        model = nets.build(spec["arch"], x.shape[1], len(out_spec["channels"]), **kw)
        opt = torch.optim.Adam(model.parameters(), lr=1e-2)
        model.train()
        losses = []
        t0 = time.time()
        for _ in range(steps):
            loss = train.compute_loss(spec, model(x), t)
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(float(loss))
        first, last = losses[0], float(np.mean(losses[-3:]))
        ok = np.isfinite(last) and last < 0.9 * first
        with tempfile.TemporaryDirectory() as d:
            sha = train.export_onnx(model, in_spec, os.path.join(d, "model.onnx"))
        res = data.postprocess(train.predict(model, x), out_spec, SIZE, SIZE)
        shapes_ok = all(v.shape == (x.shape[0], SIZE, SIZE) for v in res.values())
        print(f"{name:20s} {spec['arch']:15s} loss {first:.4f} -> {last:.4f} "
              f"{'OK' if ok else 'DID NOT FALL'}; onnx sha256 {sha[:12]}; "
              f"{time.time() - t0:.1f} s", flush=True)
        if not ok:
            failures.append(name)
        if not shapes_ok:
            failures.append(name + " (post-processing shapes)")
    print(f"total {time.time() - t_start:.1f} s")
    if failures:
        print("FAILED: " + ", ".join(failures))
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

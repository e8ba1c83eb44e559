#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the tiny model package the inference module's tests stand on (a few KB).

A 2-layer conv net (4 input channels -> 4 -> 2 outputs: a liver logit and a stiffness map),
random weights from a fixed seed, exported to ONNX opset 13 with a dynamic batch axis, plus a
manifest and a parity fixture in the format of docs/design/model-packages.md. The preprocessing
below is written from the contract alone (numpy float64, then torch's bilinear interpolate), so
the Java parity test compares two independent implementations.

usage: /usr/bin/python3 make_test_package.py OUT_DIR
"""
import hashlib
import json
import os
import sys

import numpy as np
import torch

H_NET, W_NET = 32, 32          # network input size
S, O, H, W = 2, 3, 40, 28      # parity slices, offsets, source size (down in rows, up in columns)

CHANNELS = [
    {"source": "magnitude_mean", "normalisation": {"kind": "zscore"}},
    {"source": "elastogram_kpa", "normalisation": {"kind": "window", "center": 4.0, "width": 8.0}},
    {"source": "phase_cos", "offset": 0},
    {"source": "phase_sin", "offset": 1},
]


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.a = torch.nn.Conv2d(4, 4, 3, padding=1)
        self.b = torch.nn.Conv2d(4, 2, 3, padding=1)

    def forward(self, x):
        return self.b(torch.relu(self.a(x)))


def normalise(x, spec):
    kind = (spec or {"kind": "none"})["kind"]
    x = x.astype(np.float64)
    if kind == "zscore":
        return (x - x.mean()) / (x.std() + 1e-6)
    if kind == "window":
        lo = spec["center"] - spec["width"] / 2
        return np.clip((x - lo) / spec["width"], 0, 1)
    return x


def source(ch, mag, phase, elast):
    s = ch["source"]
    if s == "magnitude_mean":
        return mag.astype(np.float64).mean(axis=0)
    if s == "elastogram_kpa":
        return elast
    if s == "phase_cos":
        return np.cos(phase[ch.get("offset", 0)].astype(np.float64))
    if s == "phase_sin":
        return np.sin(phase[ch.get("offset", 0)].astype(np.float64))
    raise ValueError(s)


def preprocess(mag, phase, elast):
    planes = [normalise(source(c, mag, phase, elast), c.get("normalisation")).astype(np.float32) for c in CHANNELS]
    t = torch.from_numpy(np.stack(planes))[None]
    t = torch.nn.functional.interpolate(t, size=(H_NET, W_NET), mode="bilinear", align_corners=False)
    return t[0].numpy()


def raw_arrays(rng):
    yy, xx = np.mgrid[0:H, 0:W]
    mag = np.empty((S, O, H, W), np.float32)
    phase = np.empty((S, O, H, W), np.float32)
    elast = np.zeros((S, H, W), np.float32)
    for s in range(S):
        blob = ((yy - 18 - 2 * s) / 12.0) ** 2 + ((xx - 13) / 9.0) ** 2 < 1
        for o in range(O):
            mag[s, o] = 300 + 900 * blob + rng.normal(0, 40, (H, W))
            wave = 2 * np.pi * (xx / 11.0 + o / O) + 0.3 * s
            phase[s, o] = np.angle(np.exp(1j * (1.7 * np.sin(wave)))) * blob + rng.normal(0, 0.1, (H, W))
        elast[s] = np.where(blob, 2.0 + 1.5 * s + rng.normal(0, 0.3, (H, W)), 0)
    return mag, phase, elast


def main(out):
    torch.manual_seed(5)
    rng = np.random.default_rng(5)
    net = Tiny().eval()
    with torch.no_grad():
        net.b.bias[0] = 0.2                                  # some pixels above the 0.5 threshold
        net.b.bias[1] = 3.0                                  # a stiffness-like positive map
    os.makedirs(os.path.join(out, "parity"), exist_ok=True)
    onnx_path = os.path.join(out, "model.onnx")
    torch.onnx.export(net, torch.zeros(1, 4, H_NET, W_NET), onnx_path, opset_version=13,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    mag, phase, elast = raw_arrays(rng)
    x = np.stack([preprocess(mag[s], phase[s], elast[s]) for s in range(S)]).astype(np.float32)
    with torch.no_grad():
        y = net(torch.from_numpy(x)).numpy().astype(np.float32)
    p = os.path.join(out, "parity")
    np.save(os.path.join(p, "raw_magnitude.npy"), mag)
    np.save(os.path.join(p, "raw_phase_rad.npy"), phase)
    np.save(os.path.join(p, "raw_elastogram_kpa.npy"), elast)
    np.save(os.path.join(p, "input.npy"), x)
    np.save(os.path.join(p, "output.npy"), y)
    sha = hashlib.sha256(open(onnx_path, "rb").read()).hexdigest()
    manifest = {
        "format": "mre-model-package/1",
        "name": "test-package",
        "version": "0.0.1",
        "task": "liver-segmentation",
        "architecture": "test only: 2 conv layers 3x3 (4 -> 4 -> 2), random weights, seed 5",
        "onnx": {"file": "model.onnx", "sha256": sha, "opset": 13, "input_name": "input", "output_name": "output"},
        "input": {"height": H_NET, "width": W_NET, "resize": "bilinear", "channels": CHANNELS},
        "output": {
            "channels": [
                {"name": "liver", "kind": "mask", "activation": "sigmoid", "threshold": 0.5,
                 "postprocess": ["largest_connected_component"]},
                {"name": "stiffness", "kind": "map", "units": "kPa", "scale": 1.0, "offset": 0.0},
            ],
            "resize_back": "bilinear",
        },
        "training": {"command": "/usr/bin/python3 appliance/inference/src/test/python/make_test_package.py DIR",
                     "machine": "any", "epochs": 0, "data": "none (random weights)", "split": "none"},
        "metrics": {},
    }
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    with open(os.path.join(out, "MODEL_CARD.md"), "w") as f:
        f.write("# test-package\n\nA test fixture, not a model: random weights. It exists so the inference module's\n"
                "tests (manifest, tamper check, parity, ONNX Runtime) run without any trained package.\n"
                "Rebuilt by `/usr/bin/python3 appliance/inference/src/test/python/make_test_package.py "
                "appliance/inference/src/test/resources/test-package`.\n")


if __name__ == "__main__":
    main(sys.argv[1])

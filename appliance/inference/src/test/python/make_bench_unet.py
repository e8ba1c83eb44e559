#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Writes a benchmark-only model package: an edge U-Net of the size the contract describes for
liver-seg-edge (4 levels, 16 base channels, depthwise-separable convolutions, 256x256, 4 channels
in, 2 out), random weights. Timing does not depend on the weights; the output is not committed.

usage: /usr/bin/python3 make_bench_unet.py OUT_DIR   (OUT_DIR's last part becomes the package name)
"""
import hashlib
import json
import os
import sys

import torch
from torch import nn


def sep(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cin, 3, padding=1, groups=cin), nn.Conv2d(cin, cout, 1),
                         nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class Block(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.f = nn.Sequential(sep(cin, cout), sep(cout, cout))

    def forward(self, x):
        return self.f(x)


class EdgeUNet(nn.Module):
    def __init__(self, cin=4, cout=2, base=16, levels=4):
        super().__init__()
        ch = [base * 2 ** i for i in range(levels)]
        self.down = nn.ModuleList()
        prev = cin
        for c in ch:
            self.down.append(Block(prev, c))
            prev = c
        self.mid = Block(ch[-1], ch[-1] * 2)
        self.up = nn.ModuleList()
        self.dec = nn.ModuleList()
        prev = ch[-1] * 2
        for c in reversed(ch):
            self.up.append(nn.ConvTranspose2d(prev, c, 2, stride=2))
            self.dec.append(Block(2 * c, c))
            prev = c
        self.head = nn.Conv2d(prev, cout, 1)

    def forward(self, x):
        skips = []
        for d in self.down:
            x = d(x)
            skips.append(x)
            x = nn.functional.max_pool2d(x, 2)
        x = self.mid(x)
        for u, d, s in zip(self.up, self.dec, reversed(skips)):
            x = d(torch.cat([u(x), s], 1))
        return self.head(x)


def main(out):
    torch.manual_seed(0)
    net = EdgeUNet().eval()
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "model.onnx")
    torch.onnx.export(net, torch.zeros(1, 4, 256, 256), path, opset_version=13, input_names=["input"],
                      output_names=["output"], dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    name = os.path.basename(os.path.normpath(out))
    manifest = json.load(open(os.path.join(os.path.dirname(__file__), "../resources/test-package/manifest.json")))
    manifest.update(name=name, version="bench", architecture="edge U-Net, 4 levels, 16 base channels,"
                    " depthwise-separable; random weights (benchmark only)")
    manifest["onnx"]["sha256"] = hashlib.sha256(open(path, "rb").read()).hexdigest()
    manifest["input"].update(height=256, width=256)
    json.dump(manifest, open(os.path.join(out, "manifest.json"), "w"), indent=2)
    open(os.path.join(out, "MODEL_CARD.md"), "w").write("# benchmark only\n\nRandom weights; timing only.\n")
    print(name, sum(p.numel() for p in net.parameters()), "parameters")


if __name__ == "__main__":
    main(sys.argv[1])

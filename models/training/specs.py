# SPDX-License-Identifier: Apache-2.0
"""The model packages this training code produces: task, architecture, input/output contract
(docs/design/model-packages.md) and default hyper-parameters."""
import copy

MAG = {"source": "magnitude_mean", "normalisation": {"kind": "zscore"}}
ELASTO = {"source": "elastogram_kpa", "normalisation": {"kind": "window", "center": 4.0, "width": 8.0}}


def _phase_channels(offsets=4):
    chans = []
    for o in range(offsets):
        chans.append({"source": "phase_cos", "offset": o, "normalisation": {"kind": "none"}})
        chans.append({"source": "phase_sin", "offset": o, "normalisation": {"kind": "none"}})
    return chans


def _roi_out():
    return [{"name": "roi", "kind": "mask", "activation": "sigmoid", "threshold": 0.5,
             "postprocess": []}]


def _liver_out():
    return {"name": "liver", "kind": "mask", "activation": "sigmoid", "threshold": 0.5,
            "postprocess": ["largest_connected_component"]}


PAPER_SGD = {"name": "sgd", "lr": 0.005, "momentum": 0.982, "weight_decay": 4.457e-6}
ADAMW = {"name": "adamw", "lr": 3e-3, "weight_decay": 1e-4}

SPECS = {
    "roi-seg-resnext50": {
        "task": "roi-segmentation",
        "arch": "resnext50-unet", "arch_kw": {},
        "architecture": "U-Net, ResNeXt50-32x4d encoder (torchvision, random init), decoder "
                        "256/128/64/32/16, nearest x2 upsampling (JMIR 2025 ROI method)",
        "channels": [ELASTO], "size": 512,
        "outputs": _roi_out(),
        "loss": "bce", "optimizer": PAPER_SGD, "epochs": 32, "batch": 32, "crop": None,
        "samples_per_epoch": 0,
    },
    "roi-seg-unet": {
        "task": "roi-segmentation",
        "arch": "unet", "arch_kw": {"base": 16, "depth": 4},
        "architecture": "plain U-Net, 4 levels, 16 base channels, transposed-conv upsampling",
        "channels": [ELASTO], "size": 256,
        "outputs": _roi_out(),
        "loss": "bce+dice", "optimizer": ADAMW, "epochs": 6, "batch": 8, "crop": 128,
        "samples_per_epoch": 320,
    },
    "roi-seg-edge": {
        "task": "roi-segmentation",
        "arch": "edge-unet", "arch_kw": {"base": 16, "depth": 4},
        "architecture": "edge U-Net, 4 levels, 16 base channels, depthwise-separable",
        "channels": [ELASTO], "size": 256,
        "outputs": _roi_out(),
        "loss": "bce+dice", "optimizer": ADAMW, "epochs": 6, "batch": 8, "crop": 128,
        "samples_per_epoch": 320,
    },
    "liver-seg-edge": {
        "task": "liver-segmentation",
        "arch": "edge-unet", "arch_kw": {"base": 16, "depth": 4},
        "architecture": "edge U-Net, 4 levels, 16 base channels, depthwise-separable",
        "channels": [MAG], "size": 256,
        "outputs": [_liver_out()],
        "loss": "bce+dice", "optimizer": ADAMW, "epochs": 6, "batch": 8, "crop": 128,
        "samples_per_epoch": 320,
    },
    "stiffness-unet": {
        "task": "stiffness-reconstruction",
        "arch": "unet", "arch_kw": {"base": 16, "depth": 4},
        "architecture": "U-Net, 4 levels, 16 base channels; 9 inputs (magnitude + cos/sin of 4 "
                        "phase offsets), outputs stiffness (kPa = 2*x+4) and liver logits "
                        "(NMR Biomed 2026 method, unified form)",
        "channels": [MAG] + _phase_channels(4), "size": 256,
        "outputs": [{"name": "stiffness", "kind": "map", "units": "kPa", "scale": 2.0,
                     "offset": 4.0}, _liver_out()],
        "loss": "l1-liver+0.1*l1-body+bce+dice", "optimizer": ADAMW, "epochs": 8, "batch": 8,
        "crop": 128, "samples_per_epoch": 320,
    },
}


def get(name):
    if name not in SPECS:
        raise SystemExit(f"unknown model {name!r}; known: {', '.join(sorted(SPECS))}")
    return copy.deepcopy(SPECS[name])


def input_spec(spec, size):
    return {"height": size, "width": size, "resize": "bilinear", "channels": spec["channels"]}


def output_spec(spec):
    return {"channels": spec["outputs"], "resize_back": "bilinear"}

# SPDX-License-Identifier: Apache-2.0
"""Exam loading and the preprocessing defined by docs/design/model-packages.md.

Everything the Java inference code must reproduce lives in ``build_input`` (channels,
normalisations, resize) and ``postprocess`` (activation, resize back, threshold,
largest connected component). Keep both in lock-step with the contract document.
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F
from scipy import ndimage

SPLITS = ("train", "val", "test")
STAGES = ("F0", "F1", "F2", "F3", "F4")
LIVER_LABEL = 3
AIR_LABEL = 0
TABLE_LABEL = 12


class Exam:
    """One phantom exam directory (images/ and truth/ arrays), loaded lazily."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        with open(os.path.join(path, "truth", "truth.json")) as f:
            self.truth = json.load(f)
        self.stage = self.truth["stage"]

    def array(self, rel):
        return np.load(os.path.join(self.path, rel))

    def raw(self):
        """Source arrays as the contract names them: magnitude, phase_rad (S,O,H,W) and the
        confidence-masked elastogram (S,H,W), all float32."""
        mag = self.array("images/magnitude.npy").astype(np.float32)
        phase = self.array("images/phase_rad.npy").astype(np.float32)
        elast = self.array("images/elastogram_kpa.npy").astype(np.float32)
        conf = self.array("images/confidence.npy")
        return {"magnitude": mag, "phase_rad": phase,
                "elastogram_kpa": (elast * (conf > 0)).astype(np.float32)}


def list_exams(data_dir, split, limit=None):
    """Exams of one split, in seed order (exam-<seed>)."""
    d = os.path.join(data_dir, split)
    if not os.path.isdir(d):
        raise FileNotFoundError(f"no split directory {d}")
    names = [n for n in os.listdir(d) if n.startswith("exam-")
             and os.path.isfile(os.path.join(d, n, "truth", "truth.json"))
             and os.path.isfile(os.path.join(d, n, "images", "confidence.npy"))]
    names.sort(key=lambda n: int(n.split("-")[1]))
    if limit is not None:
        names = names[:limit]
    return [Exam(os.path.join(d, n)) for n in names]


# ---------------------------------------------------------------- preprocessing (contract)

def _source(raw, ch):
    src = ch["source"]
    if src == "magnitude_mean":
        return raw["magnitude"].astype(np.float64).mean(axis=1)
    if src == "elastogram_kpa":
        return raw["elastogram_kpa"].astype(np.float64)
    if src in ("phase_cos", "phase_sin"):
        off = int(ch.get("offset", 0))
        p = raw["phase_rad"][:, off].astype(np.float64)
        return np.cos(p) if src == "phase_cos" else np.sin(p)
    raise ValueError(f"unknown channel source {src!r}")


def _normalise(x, norm):
    kind = (norm or {"kind": "none"})["kind"]
    if kind == "none":
        return x
    if kind == "zscore":
        m = x.mean(axis=(-2, -1), keepdims=True)
        s = x.std(axis=(-2, -1), keepdims=True)
        return (x - m) / (s + 1e-6)
    if kind == "window":
        lo = norm["center"] - norm["width"] / 2.0
        return np.clip((x - lo) / norm["width"], 0.0, 1.0)
    raise ValueError(f"unknown normalisation {kind!r}")


def resize(t, h, w):
    """Bilinear, half-pixel centres (align_corners=False), as the contract states."""
    if t.shape[-2] == h and t.shape[-1] == w:
        return t
    return F.interpolate(t, size=(h, w), mode="bilinear", align_corners=False)


def build_input(raw, input_spec):
    """(S,C,h,w) float32 tensor: each channel built at source size in float64, normalised,
    cast to float32, then resized bilinearly to the network size."""
    chans = [_normalise(_source(raw, ch), ch.get("normalisation")).astype(np.float32)
             for ch in input_spec["channels"]]
    x = torch.from_numpy(np.stack(chans, axis=1))
    if input_spec.get("resize", "none") == "none":
        if x.shape[-2:] != (input_spec["height"], input_spec["width"]):
            raise ValueError(f"source size {tuple(x.shape[-2:])} != network size and resize is none")
        return x
    return resize(x, input_spec["height"], input_spec["width"]).contiguous()


_FOUR = np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]])


def largest_component(mask):
    """Largest 4-connected component; ties go to the component with the lowest raster index
    (scipy numbers components in raster order of their first pixel)."""
    lab, n = ndimage.label(mask, structure=_FOUR)
    if n <= 1:
        return mask.astype(bool)
    counts = np.bincount(lab.ravel())[1:]
    return lab == (int(np.argmax(counts)) + 1)


def postprocess(raw_out, output_spec, src_h, src_w):
    """Network output (S,K,h,w) -> dict name -> (S,src_h,src_w) numpy (bool masks, float maps)."""
    out = torch.as_tensor(raw_out, dtype=torch.float32)
    result = {}
    for k, ch in enumerate(output_spec["channels"]):
        o = out[:, k:k + 1]
        if ch["kind"] == "mask":
            p = torch.sigmoid(o) if ch.get("activation", "sigmoid") == "sigmoid" else o
            p = resize(p, src_h, src_w)[:, 0].numpy()
            m = p >= ch.get("threshold", 0.5)
            for step in ch.get("postprocess", []):
                if step != "largest_connected_component":
                    raise ValueError(f"unknown postprocess {step!r}")
                m = np.stack([largest_component(s) for s in m])
            result[ch["name"]] = m
        elif ch["kind"] == "map":
            v = o * ch.get("scale", 1.0) + ch.get("offset", 0.0)
            result[ch["name"]] = resize(v, src_h, src_w)[:, 0].numpy()
        else:
            raise ValueError(f"unknown output kind {ch['kind']!r}")
    return result


# ---------------------------------------------------------------- targets and metrics

def targets(exam, task):
    """Training targets at source size: dict of (S,H,W) arrays."""
    if task == "roi-segmentation":
        return {"mask": exam.array("truth/roi.npy").astype(np.float32)}
    labels = exam.array("truth/labels.npy")
    t = {"mask": (labels == LIVER_LABEL).astype(np.float32)}
    if task == "stiffness-reconstruction":
        t["stiffness"] = exam.array("truth/modulus_kpa.npy").astype(np.float32)
        body = (labels != AIR_LABEL) & (labels != TABLE_LABEL)
        t["body"] = body.astype(np.float32)
    return t


def seg_counts(pred, truth):
    pred = pred.astype(bool)
    truth = truth.astype(bool)
    tp = int(np.count_nonzero(pred & truth))
    fp = int(np.count_nonzero(pred & ~truth))
    fn = int(np.count_nonzero(~pred & truth))
    return tp, fp, fn


def seg_metrics(tp, fp, fn):
    dice = 2 * tp / (2 * tp + fp + fn) if (2 * tp + fp + fn) else 1.0
    iou = tp / (tp + fp + fn) if (tp + fp + fn) else 1.0
    prec = tp / (tp + fp) if (tp + fp) else 1.0
    rec = tp / (tp + fn) if (tp + fn) else 1.0
    f1 = 2 * prec * rec / (prec + rec) if (prec + rec) else 0.0
    return {"dice": dice, "iou": iou, "f1": f1, "precision": prec, "recall": rec}


def pearson(a, b):
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if len(a) < 2 or a.std() == 0 or b.std() == 0:
        return float("nan")
    return float(np.corrcoef(a, b)[0, 1])

# SPDX-License-Identifier: Apache-2.0
"""MODEL_CARD.md rendering from a package manifest."""
import json

_SEG_DEF = ("Segmentation metrics are computed after the contract post-processing (sigmoid, "
            "bilinear resize back to the 256x256 source, threshold 0.5, listed post-processing) "
            "against the truth mask at source size. dice, iou, precision, recall and f1 pool the "
            "pixels of every test slice (f1 = 2PR/(P+R), which equals pooled Dice for binary "
            "masks, as in the JMIR 2025 paper); mean_exam_dice averages the per-exam pooled Dice; "
            "per_stage_* pool the exams of each fibrosis stage.")

METRIC_DEFINITIONS = {
    "roi-segmentation": "Target: truth/roi.npy (ideal measurement ROI). " + _SEG_DEF,
    "liver-segmentation": "Target: liver parenchyma (labels == 3). " + _SEG_DEF,
    "stiffness-reconstruction": (
        "Per exam, the predicted stiffness map (output channel 'stiffness', x*scale+offset, kPa) "
        "is averaged over the truth ROI pixels of all slices (truth/roi.npy) and compared with "
        "truth.json roi_kpa (|G*| mean over the same ROI): roi_mean_abs_percent_deviation = "
        "mean over exams of |pred-truth|/truth*100, roi_pearson_r over exams, roi_mean_bias_kpa = "
        "mean(pred-truth). vendor_elastogram_baseline: the same for the simulated vendor "
        "elastogram (confidence-masked pixels inside the ROI). liver_mask: segmentation metrics "
        "of output channel 'liver' vs labels == 3. " + _SEG_DEF),
}

_USE = {
    "roi-segmentation": "Proposes the liver stiffness measurement ROI from a confidence-masked "
                        "elastogram (the JMIR 2025 automated-ROI idea).",
    "liver-segmentation": "Segments the liver parenchyma on the MRE magnitude image (mean over the "
                          "phase offsets); the appliance intersects it with the confidence map to "
                          "form the measurement ROI.",
    "stiffness-reconstruction": "Maps the MRE magnitude and the wrapped wave phase images of all "
                                "phase offsets directly to a stiffness map (kPa) and a liver mask "
                                "(deep-learning inversion, NMR Biomed 2026 idea, unified form).",
}


def _fmt(v):
    if isinstance(v, float):
        return f"{v:.4f}"
    return str(v)


def _metric_table(m):
    rows = []
    for k, v in m.items():
        if k in ("per_exam",):
            continue
        if isinstance(v, dict):
            rows.append(f"| {k} | {', '.join(f'{a}: {_fmt(b)}' for a, b in v.items() if not isinstance(b, dict))} |")
        else:
            rows.append(f"| {k} | {_fmt(v)} |")
    return "| metric | value |\n|---|---|\n" + "\n".join(rows)


def render(man):
    tr = man["training"]
    task = man["task"]
    chans = ", ".join(c["source"] + (f"[{c['offset']}]" if "offset" in c else "") +
                      f" ({c.get('normalisation', {}).get('kind', 'none')})" for c in man["input"]["channels"])
    outs = ", ".join(f"{c['name']} ({c['kind']})" for c in man["output"]["channels"])
    counts = tr["counts"]
    reduced = tr["epochs"] < 32 and man["name"] == "roi-seg-resnext50"
    lines = [
        f"# Model card: {man['name']} {man['version']}",
        "",
        f"**Task**: {task}. {_USE[task]}",
        "",
        f"**Architecture**: {man['architecture']}; {man['onnx']['parameters']:,} parameters; "
        f"ONNX opset {man['onnx']['opset']}, {man['onnx']['bytes'] / 1e6:.2f} MB, "
        f"sha256 `{man['onnx']['sha256']}`.",
        "",
        f"**Input**: {man['input']['height']}x{man['input']['width']} (bilinear resize from the "
        f"source slice), channels: {chans}. **Output**: {outs}. Exact pre/post-processing: "
        "manifest.json and docs/design/model-packages.md.",
        "",
        "## Intended use and limits",
        "- Research and engineering use inside the MRE appliance pipeline; **not for clinical use**, "
        "not validated on patient data, no regulatory clearance.",
        "- Trained **only on synthetic digital phantoms** (the project's simulator: anatomical exams, "
        "4 slices, 256x256, 60 Hz, stages F0-F4, GE- and Siemens-style series). Real scanner data "
        "differ in noise, artefacts, anatomy, wave patterns and vendor processing; expect a domain "
        "gap. Any use on real data needs re-training or at least re-validation.",
        "- Weights are randomly initialised (no ImageNet or other pretrained weights can be "
        "downloaded in the build environment).",
        "- Outputs are a proposal; the appliance reports quality flags, and a human reads the result.",
        "",
        "## Training",
        f"- Command: `{tr['command']}`",
        f"- Machine: {tr['machine']}",
        f"- Date {tr['date']}; epochs run {tr['epochs']} (requested {tr['epochs_requested']}, best "
        f"epoch on val {tr['best_epoch']}); batch {tr['batch']}; random crop {tr['crop']}; optimizer "
        f"{json.dumps(tr['optimizer'])}, schedule {tr['schedule']}; loss {tr['loss']}; seed {tr['seed']}; "
        f"training wall time {tr['wall_time_s'] / 60:.1f} min (total incl. data loading, export and "
        f"evaluation {tr['total_time_s'] / 60:.1f} min).",
        f"- Data: {tr['data']}.",
        f"- Split: {tr['split']}. Counts: train {counts['train']['exams']} exams / "
        f"{counts['train']['slices']} slices, val {counts['val']['exams']} / {counts['val']['slices']}, "
        f"test {counts['test']['exams']} / {counts['test']['slices']}.",
    ]
    if reduced:
        lines.append("- **Reduced budget**: the paper's setting (512x512, 32 epochs, batch 32, SGD "
                     "lr 0.005, momentum 0.982, weight decay 4.457e-6) is this model's default, but "
                     "it does not fit a shared 2-core CPU (no GPU was available to this project); "
                     "this package was trained with the paper's optimiser and loss at the budget in "
                     "the command above (input size, random crops, epochs, batch as stated there), "
                     "from random initialisation. Re-run the default command on a GPU for the "
                     "paper's setting.")
    lines += [
        "",
        "## Test metrics (test split, never used for training or selection)",
        man["metrics"]["definitions"],
        "",
        _metric_table(man["metrics"]["test"]),
        "",
        "Validation (best-epoch selection): " + ", ".join(
            f"{k} {_fmt(v)}" for k, v in man["metrics"]["val"].items() if not isinstance(v, (dict, list))),
        "",
        "## Parity fixture",
        "parity/ holds the raw source arrays, the preprocessed input and PyTorch's raw output for "
        f"test slices {', '.join(man['parity']['slices'])} (eval mode), for the Java parity test.",
        "",
    ]
    return "\n".join(lines)

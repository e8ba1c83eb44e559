# SPDX-License-Identifier: Apache-2.0
"""Train one model package on the phantom batch, export it and evaluate it.

  /usr/bin/python3 -m models.training.train --model liver-seg-edge \
      --data /work/data/mre-train --out models/liver-seg-edge

Reads train/ for training, val/ for model selection (best epoch), test/ only for the final
metrics. Writes model.onnx, manifest.json, MODEL_CARD.md and parity/ into --out, plus
checkpoint.pt (state dict, not committed).
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from . import card, data, nets, specs


def log(msg):
    print(f"[{datetime.datetime.now().strftime('%H:%M:%S')}] {msg}", flush=True)


# ------------------------------------------------------------------ dataset in memory

class SplitData:
    """Network inputs (N,C,h,w) float32 and targets at network size, plus per-exam source-size
    truth for evaluation."""

    def __init__(self, exams, spec, in_spec, keep_truth):
        xs, ts = [], {}
        self.exams = exams
        self.slices = []  # (exam index, slice index)
        self.truth = []
        for ei, ex in enumerate(exams):
            x = data.build_input(ex.raw(), in_spec)
            xs.append(x)
            tg = data.targets(ex, spec["task"])
            for k, v in tg.items():
                t = data.resize(torch.from_numpy(v)[:, None], in_spec["height"], in_spec["width"])
                ts.setdefault(k, []).append(t)
            self.slices += [(ei, s) for s in range(x.shape[0])]
            if keep_truth:
                tr = {"mask": tg["mask"] > 0.5, "stage": ex.stage}
                if spec["task"] == "stiffness-reconstruction":
                    tr["roi"] = ex.array("truth/roi.npy") > 0
                    tr["roi_kpa"] = float(ex.truth["roi_kpa"])
                    raw = ex.raw()
                    tr["vendor_roi_mean"] = _vendor_roi_mean(raw["elastogram_kpa"], tr["roi"])
                self.truth.append(tr)
        self.x = torch.cat(xs)
        self.t = {k: torch.cat(v) for k, v in ts.items()}

    def __len__(self):
        return self.x.shape[0]


def _vendor_roi_mean(elast_masked, roi):
    sel = roi & (elast_masked > 0)
    return float(elast_masked[sel].mean()) if sel.any() else float("nan")


# ------------------------------------------------------------------ losses

def soft_dice_loss(logits, target, eps=1.0):
    """Soft Dice over the whole batch (crops without target pixels do not dominate)."""
    p = torch.sigmoid(logits)
    inter = (p * target).sum()
    den = p.sum() + target.sum()
    return 1 - (2 * inter + eps) / (den + eps)


def compute_loss(spec, out, t):
    outs = spec["outputs"]
    if spec["task"] == "stiffness-reconstruction":
        sc = outs[0]
        kpa = out[:, 0:1] * sc["scale"] + sc["offset"]
        liver_logit = out[:, 1:2]
        liver = t["mask"]
        target = t["stiffness"].clamp(0.0, 20.0)
        err = (kpa - target).abs()
        l_liver = (err * liver).sum() / liver.sum().clamp(min=1.0)
        body = t["body"]
        l_body = (err * body).sum() / body.sum().clamp(min=1.0)
        l_mask = F.binary_cross_entropy_with_logits(liver_logit, liver) + soft_dice_loss(liver_logit, liver)
        return l_liver + 0.1 * l_body + l_mask
    logits = out[:, 0:1]
    loss = F.binary_cross_entropy_with_logits(logits, t["mask"])
    if spec["loss"] == "bce+dice":
        loss = loss + soft_dice_loss(logits, t["mask"])
    return loss


# ------------------------------------------------------------------ evaluation

@torch.no_grad()
def predict(model, x, batch=8):
    model.eval()
    return torch.cat([model(x[i:i + batch]) for i in range(0, x.shape[0], batch)])


def evaluate(model, split, spec, out_spec):
    """Contract post-processing at source size, then metrics over the split."""
    raw_out = predict(model, split.x)
    seg_name = "roi" if spec["task"] == "roi-segmentation" else "liver"
    pooled = [0, 0, 0]
    per_stage = {s: [0, 0, 0] for s in data.STAGES}
    exam_dice = []
    stiff = []  # (stage, predicted ROI mean, truth roi_kpa, vendor ROI mean)
    for ei, tr in enumerate(split.truth):
        idx = [i for i, (e, _) in enumerate(split.slices) if e == ei]
        h, w = tr["mask"].shape[-2:]
        res = data.postprocess(raw_out[idx], out_spec, h, w)
        tp, fp, fn = data.seg_counts(res[seg_name], tr["mask"])
        pooled = [a + b for a, b in zip(pooled, (tp, fp, fn))]
        per_stage[tr["stage"]] = [a + b for a, b in zip(per_stage[tr["stage"]], (tp, fp, fn))]
        exam_dice.append(data.seg_metrics(tp, fp, fn)["dice"])
        if "stiffness" in res:
            pred = float(res["stiffness"][tr["roi"]].mean())
            stiff.append((tr["stage"], pred, tr["roi_kpa"], tr["vendor_roi_mean"]))
    m = data.seg_metrics(*pooled)
    m["mean_exam_dice"] = float(np.mean(exam_dice))
    m["per_stage_dice"] = {s: data.seg_metrics(*c)["dice"] for s, c in per_stage.items() if sum(c)}
    m["per_stage_iou"] = {s: data.seg_metrics(*c)["iou"] for s, c in per_stage.items() if sum(c)}
    m["exams"] = len(split.truth)
    m["slices"] = len(split)
    if spec["task"] == "stiffness-reconstruction":
        seg = {k: m[k] for k in ("dice", "iou", "f1", "precision", "recall", "mean_exam_dice",
                                 "per_stage_dice")}
        pred = np.array([s[1] for s in stiff])
        true = np.array([s[2] for s in stiff])
        vend = np.array([s[3] for s in stiff])
        apd = np.abs(pred - true) / true * 100
        vapd = np.abs(vend - true) / true * 100
        m = {"roi_mean_abs_percent_deviation": float(apd.mean()),
             "roi_mean_abs_error_kpa": float(np.abs(pred - true).mean()),
             "roi_pearson_r": data.pearson(pred, true),
             "roi_mean_bias_kpa": float((pred - true).mean()),
             "per_stage_roi_mapd": {s: float(apd[[x[0] == s for x in stiff]].mean())
                                    for s in data.STAGES if any(x[0] == s for x in stiff)},
             "vendor_elastogram_baseline": {
                 "roi_mean_abs_percent_deviation": float(np.nanmean(vapd)),
                 "roi_pearson_r": data.pearson(vend, true)},
             "liver_mask": seg, "exams": len(split.truth), "slices": len(split),
             "per_exam": [{"stage": s[0], "pred_kpa": round(s[1], 4), "truth_kpa": round(s[2], 4)}
                          for s in stiff]}
    return m


def selection_score(spec, m):
    if spec["task"] == "stiffness-reconstruction":
        return -m["roi_mean_abs_percent_deviation"] + 10.0 * m["liver_mask"]["dice"]
    return m["dice"]


# ------------------------------------------------------------------ export, parity, manifest

def export_onnx(model, in_spec, path):
    import onnx
    model.eval()
    dummy = torch.zeros(1, len(in_spec["channels"]), in_spec["height"], in_spec["width"])
    torch.onnx.export(model, dummy, path, opset_version=13, input_names=["input"],
                      output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}},
                      do_constant_folding=True)
    onnx.checker.check_model(onnx.load(path))
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def write_parity(model, exams, in_spec, out_dir, n_slices):
    """raw_*.npy of n test slices (taken from the first and the last test exam, which differ in
    stage), input.npy as fed to the network, output.npy raw network output (eval mode)."""
    os.makedirs(out_dir, exist_ok=True)
    picks = [(exams[0], 1), (exams[-1], 2), (exams[len(exams) // 2], 0), (exams[1], 3)][:n_slices]
    raws = {"magnitude": [], "phase_rad": [], "elastogram_kpa": []}
    for ex, s in picks:
        r = ex.raw()
        for k in raws:
            raws[k].append(r[k][s])
    raw = {k: np.stack(v).astype(np.float32) for k, v in raws.items()}
    x = data.build_input(raw, in_spec)
    model.eval()
    with torch.no_grad():
        y = model(x)
    np.save(os.path.join(out_dir, "raw_magnitude.npy"), raw["magnitude"])
    np.save(os.path.join(out_dir, "raw_phase_rad.npy"), raw["phase_rad"])
    np.save(os.path.join(out_dir, "raw_elastogram_kpa.npy"), raw["elastogram_kpa"])
    np.save(os.path.join(out_dir, "input.npy"), x.numpy().astype(np.float32))
    np.save(os.path.join(out_dir, "output.npy"), y.numpy().astype(np.float32))
    return [f"{ex.name}/slice-{s}" for ex, s in picks]


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.machine()} {cpu}, {os.cpu_count()} cores shared with other jobs "
            f"(load average {load:.1f} at the end of training), CPU only, torch {torch.__version__}, "
            f"{torch.get_num_threads()} threads")


def _round(o):
    if isinstance(o, float):
        return float(f"{o:.5g}") if abs(o) < 1e-3 else round(o, 5)   # keep e.g. 4.457e-6
    if isinstance(o, dict):
        return {k: _round(v) for k, v in o.items()}
    if isinstance(o, list):
        return [_round(v) for v in o]
    return o


# ------------------------------------------------------------------ main

def parse(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", required=True, choices=sorted(specs.SPECS))
    p.add_argument("--data", required=True, help="batch root with train/ val/ test/")
    p.add_argument("--out", required=True, help="package directory models/<name>")
    p.add_argument("--epochs", type=int)
    p.add_argument("--batch", type=int)
    p.add_argument("--size", type=int, help="network input side (default: the model's)")
    p.add_argument("--crop", type=int, help="train on random crops of this side (0 = none)")
    p.add_argument("--lr", type=float)
    p.add_argument("--samples-per-epoch", type=int,
                   help="random train slices per epoch (default: the model's; 0 = all)")
    p.add_argument("--limit-train-exams", type=int, help="use only the first N train exams")
    p.add_argument("--limit-val-exams", type=int)
    p.add_argument("--max-minutes", type=float, help="stop after the epoch that passes this")
    p.add_argument("--wait-for", help="e.g. train=160,val=20,test=20: before loading a split, wait "
                   "until it holds that many exams (for a batch still being generated)")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--parity-slices", type=int, default=2)
    p.add_argument("--version", default="1.0.0")
    return p.parse_args(argv)


def main(argv=None):
    args = parse(argv)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    rng = np.random.default_rng(args.seed)
    spec = specs.get(args.model)
    epochs = args.epochs if args.epochs is not None else spec["epochs"]
    batch = args.batch or spec["batch"]
    size = args.size or spec["size"]
    crop = spec["crop"] if args.crop is None else (args.crop or None)
    opt_cfg = dict(spec["optimizer"])
    if args.lr:
        opt_cfg["lr"] = args.lr
    in_spec = specs.input_spec(spec, size)
    out_spec = specs.output_spec(spec)
    command = "/usr/bin/python3 -m models.training.train " + " ".join(sys.argv[1:] if argv is None else argv)

    t_all = time.time()
    log(f"{args.model}: loading data from {args.data}")
    waits = dict(kv.split("=") for kv in args.wait_for.split(",")) if args.wait_for else {}

    def exams(split, limit=None):
        need = int(waits.get(split, 0))
        if limit is not None:
            need = min(need, limit)
        while len(data.list_exams(args.data, split)) < need:
            time.sleep(30)
        if need:
            time.sleep(30)  # let the generator finish writing the last exam
        return data.list_exams(args.data, split, limit)

    ex_train = exams("train", args.limit_train_exams)
    ex_val = exams("val", args.limit_val_exams)
    ex_test = data.list_exams(args.data, "test") if not waits else None
    if not ex_train or not ex_val:
        raise SystemExit("train and val splits must hold exams")
    train = SplitData(ex_train, spec, in_spec, keep_truth=False)
    val = SplitData(ex_val, spec, in_spec, keep_truth=True)
    log(f"train {len(ex_train)} exams / {len(train)} slices, val {len(ex_val)} / {len(val)}, "
        f"input {tuple(train.x.shape[1:])}")

    model = nets.build(spec["arch"], len(in_spec["channels"]), len(out_spec["channels"]), **spec["arch_kw"])
    log(f"{spec['arch']} {nets.count_params(model)} parameters")
    if opt_cfg["name"] == "sgd":
        opt = torch.optim.SGD(model.parameters(), lr=opt_cfg["lr"], momentum=opt_cfg["momentum"],
                              weight_decay=opt_cfg["weight_decay"])
    else:
        opt = torch.optim.AdamW(model.parameters(), lr=opt_cfg["lr"], weight_decay=opt_cfg["weight_decay"])
    spe = spec.get("samples_per_epoch") if args.samples_per_epoch is None else args.samples_per_epoch
    spe = min(spe or len(train), len(train))
    steps_per_epoch = (spe + batch - 1) // batch
    sched = None
    if opt_cfg["name"] == "adamw":
        sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=opt_cfg["lr"], total_steps=max(1, epochs * steps_per_epoch),
                                                    pct_start=0.15)

    best, best_state, best_epoch, history = -1e9, None, 0, []
    t_train = time.time()
    done_epochs = 0
    for ep in range(epochs):
        model.train()
        perm = rng.permutation(len(train))[:spe]
        t0, losses = time.time(), []
        for b in range(steps_per_epoch):
            idx = torch.from_numpy(perm[b * batch:(b + 1) * batch].copy())
            x = train.x[idx]
            t = {k: v[idx] for k, v in train.t.items()}
            if crop and crop < size:
                oy, ox = (int(v) for v in rng.integers(0, size - crop + 1, 2))
                x = x[..., oy:oy + crop, ox:ox + crop]
                t = {k: v[..., oy:oy + crop, ox:ox + crop] for k, v in t.items()}
            loss = compute_loss(spec, model(x), t)
            opt.zero_grad()
            loss.backward()
            opt.step()
            if sched is not None:
                sched.step()
            losses.append(float(loss))
            if b % 8 == 0:
                log(f"epoch {ep + 1} step {b + 1}/{steps_per_epoch} loss {np.mean(losses[-8:]):.4f}")
        vm = evaluate(model, val, spec, out_spec)
        score = selection_score(spec, vm)
        done_epochs = ep + 1
        history.append({"epoch": ep + 1, "train_loss": float(np.mean(losses)), "val_score": score,
                        "seconds": time.time() - t0})
        log(f"epoch {ep + 1}: train loss {np.mean(losses):.4f}, val score {score:.4f}, "
            f"{time.time() - t0:.0f} s")
        if score > best:
            best, best_state = score, {k: v.clone() for k, v in model.state_dict().items()}
            best_epoch = ep + 1
        if args.max_minutes and (time.time() - t_train) / 60 > args.max_minutes and ep + 1 < epochs:
            log(f"stopping after epoch {ep + 1}: --max-minutes {args.max_minutes} reached")
            break
    train_seconds = time.time() - t_train
    model.load_state_dict(best_state)
    model.eval()
    val_metrics = evaluate(model, val, spec, out_spec)
    n_train_slices = len(train)
    del train

    if ex_test is None:
        ex_test = exams("test")
    if not ex_test:
        raise SystemExit("the test split holds no exams")
    os.makedirs(args.out, exist_ok=True)
    torch.save(model.state_dict(), os.path.join(args.out, "checkpoint.pt"))
    onnx_path = os.path.join(args.out, "model.onnx")
    sha = export_onnx(model, in_spec, onnx_path)
    parity = write_parity(model, ex_test, in_spec, os.path.join(args.out, "parity"), args.parity_slices)
    test = SplitData(ex_test, spec, in_spec, keep_truth=True)
    test_metrics = evaluate(model, test, spec, out_spec)
    log(f"test: {json.dumps(_round({k: v for k, v in test_metrics.items() if k != 'per_exam'}))}")

    manifest = {
        "format": "mre-model-package/1",
        "name": args.model,
        "version": args.version,
        "task": spec["task"],
        "architecture": spec["architecture"],
        "onnx": {"file": "model.onnx", "sha256": sha, "opset": 13, "input_name": "input",
                 "output_name": "output", "bytes": os.path.getsize(onnx_path),
                 "parameters": nets.count_params(model)},
        "input": in_spec,
        "output": out_spec,
        "training": {
            "command": command,
            "machine": machine(),
            "date": datetime.date.today().isoformat(),
            "epochs": done_epochs, "epochs_requested": epochs, "best_epoch": best_epoch,
            "samples_per_epoch": spe, "batch": batch, "crop": crop, "optimizer": opt_cfg,
            "schedule": "one-cycle (15% warm-up, cosine)" if sched else "constant",
            "loss": spec["loss"], "seed": args.seed,
            "wall_time_s": round(train_seconds, 1), "total_time_s": round(time.time() - t_all, 1),
            "data": f"synthetic anatomical MRE phantoms ({os.path.abspath(args.data)}), generated by "
                    "`java -jar appliance/target/mre-appliance.jar phantoms batch --out DIR "
                    "--count 800 --seed 0 --threads 2 --format npy`",
            "split": "by directory: train (fitting), val (best-epoch selection), test (metrics only); "
                     "split = (seed/10) mod 10: 0-7 train, 8 val, 9 test",
            "counts": {"train": {"exams": len(ex_train), "slices": n_train_slices},
                       "val": {"exams": len(ex_val), "slices": len(val)},
                       "test": {"exams": len(ex_test), "slices": len(test)}},
            "history": history,
        },
        "metrics": {"definitions": card.METRIC_DEFINITIONS[spec["task"]],
                    "val": val_metrics, "test": test_metrics},
        "parity": {"dir": "parity", "slices": parity},
    }
    manifest = _round(manifest)
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    with open(os.path.join(args.out, "MODEL_CARD.md"), "w") as f:
        f.write(card.render(manifest))
    log(f"wrote {args.out} (onnx {os.path.getsize(onnx_path) / 1e6:.2f} MB, "
        f"train {train_seconds / 60:.1f} min)")


if __name__ == "__main__":
    main()

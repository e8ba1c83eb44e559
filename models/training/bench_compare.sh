#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# ONNX Runtime (the appliance's Java inference) next to PyTorch, same machine, same run, one
# process per model and runtime so that peak memory is that model's alone. Prints one Markdown
# table for docs/benchmarks.md.
#
#   bash models/training/bench_compare.sh [--threads N] [--runs N] [PACKAGE_DIR...]
#
# Default packages: every models/<name>/ that has its model.onnx. PyTorch uses the package's
# checkpoint.pt when present (the training output; not committed), else random weights: timings do
# not depend on the weights. Run from the repository root after
# `mvn -B -q -DskipTests package` (the Java side needs the inference module's test classes).
set -euo pipefail
cd "$(dirname "$0")/../.."
threads=2
runs=10
pkgs=()
while [ $# -gt 0 ]; do
    case "$1" in
        --threads) threads="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        *) pkgs+=("$1"); shift ;;
    esac
done
if [ ${#pkgs[@]} -eq 0 ]; then
    for d in models/*/; do
        [ -f "$d/model.onnx" ] && pkgs+=("${d%/}")
    done
fi
cp_file=appliance/inference/target/bench-cp.txt
if [ ! -f "$cp_file" ] || [ ! -d appliance/inference/target/test-classes ]; then
    mvn -B -q -DskipTests package dependency:build-classpath -pl appliance/inference -am \
        -Dmdep.outputFile="$PWD/$cp_file" >&2
fi
cp="$(cat "$cp_file"):appliance/inference/target/classes:appliance/inference/target/test-classes"
py=/usr/bin/python3

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"\
     "load average $(cut -d' ' -f1 /proc/loadavg) at start; $threads threads each; ONNX Runtime: median (min) of $runs runs;"\
     "PyTorch $($py -c 'import torch; print(torch.__version__)'): median of 5"
echo
echo "| model | runtime | load ms | 1 slice ms | 4-slice exam, network alone ms | 4-slice exam with pre/post-processing ms | peak RSS MiB (before load -> after) |"
echo "|---|---|---|---|---|---|---|"
for p in "${pkgs[@]}"; do
    name=$(basename "$p")
    # InferenceBenchmark: | package | model kB | load | 1 slice | exam | network alone | RSS |
    java -cp "$cp" dev.mre.inference.bench.InferenceBenchmark --threads "$threads" --runs "$runs" "$p" 2>/dev/null \
        | grep '^| ' | grep -v '^| package' \
        | awk -F' \\| ' -v n="$name" '{ gsub(/ \|$/, "", $7); printf "| %s | ONNX Runtime (Java) | %s | %s | %s | %s | %s |\n", n, $3, $4, $6, $5, $7 }'
    # bench_torch: | model | params | input | load | slice | exam | exam+pp | RSS |
    $py models/training/bench_torch.py --threads "$threads" --package "$p" --rows-only 2>/dev/null \
        | awk -F' \\| ' -v n="$name" '{ gsub(/ \|$/, "", $8); printf "| %s | PyTorch | %s | %s | %s | %s | %s |\n", n, $4, $5, $6, $7, $8 }'
done

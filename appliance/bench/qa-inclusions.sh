#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# QA inclusion phantom through the product path (issue 4's inclusion line under QA conditions;
# docs/inversion.md "Inclusion phantoms under QA conditions"): for each SNR and seed, `phantoms
# generate --kind inclusions` writes DICOM, `process --preset high-resolution --method ahi` inverts
# it, and each cylinder of truth.json "inclusions" is read as the median of the AHI map over a disc
# of a quarter of its diameter at its datasheet centre, pooled over the slices. One line per exam.
#
# usage: appliance/bench/qa-inclusions.sh "SNR..." FIRST_SEED LAST_SEED
#        e.g. appliance/bench/qa-inclusions.sh "100 30" 1 10     (build first: mvn -B -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=appliance/target/mre-appliance.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 66; }
WORK=$(mktemp -d /var/tmp/mre-qa.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
for snr in $1; do
  for seed in $(seq "$2" "$3"); do
    d="$WORK/snr$snr-seed$seed"
    java -jar "$JAR" phantoms generate --kind inclusions --snr "$snr" --seed "$seed" --out "$d" >/dev/null
    java -jar "$JAR" process --in "$d/dicom" --out "$d/out" --method ahi --preset high-resolution >/dev/null 2>&1
    /usr/bin/python3 - "$d" "$snr" "$seed" <<'PY'
import json, sys
import numpy as np
d, snr, seed = sys.argv[1:4]
t = json.load(open(d + "/truth/truth.json"))
m = np.load(d + "/out/ahi_kpa.npy")
px = t["pixel_spacing_mm"]
yy, xx = np.mgrid[0:m.shape[1], 0:m.shape[2]]
cells = []
for inc in t["inclusions"]:
    disc = np.hypot(xx - inc["centre_column"], yy - inc["centre_row"]) <= max(1, inc["diameter_mm"] / 4 / px)
    v = np.concatenate([m[s][disc] for s in range(m.shape[0])])
    g = float(np.median(v[~np.isnan(v)]))
    ok = abs(g / inc["kpa"] - 1) <= 0.15
    cells.append("%g mm %.2f kPa%s" % (inc["diameter_mm"], g, " (within 15%)" if ok else ""))
print("SNR %s seed %s: %s" % (snr, seed, " | ".join(cells)))
PY
    rm -rf "$d"
  done
done

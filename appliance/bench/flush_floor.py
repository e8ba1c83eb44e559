#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The disk's floor for a durable C-STORE, measured with plain system calls (no Java, no DICOM).

Over one association a storage SCU waits for each response before it sends the next object, so an
SCP that makes each object durable before answering can never answer faster than the disk
flushes. This prints, as Markdown table rows for dicom-throughput.sh, the median time per object
(132 kB, a 256x256 16-bit MR image) of:
  - the journal's durable step: overwrite a preallocated, zero-filled file and fdatasync it;
  - the direct recipe: create a temp file, write, fsync, rename, fsync the folder;
  - what DCMTK storescp does: create and write a file, no flush;
and the instances/s each allows at most, if the SCP did nothing else.

usage: flush_floor.py DIR [N [MEDIANS]]   (DIR on the file system being measured; removed files only)
       MEDIANS: a file to which "journal S", "direct S" and "noflush S" lines (median seconds per
       object) are appended, for dicom-throughput.sh's bound rows
"""
import os
import shutil
import statistics
import sys
import time

SIZE = 132 * 1024 + 300


MEDIANS = []


def row(key, label, seconds):
    seconds = sorted(seconds)
    med = statistics.median(seconds)
    p90 = seconds[9 * len(seconds) // 10]
    print("| floor: %s (median %.0f us, p90 %.0f us per object) | | | at most %.0f | |"
          % (label, med * 1e6, p90 * 1e6, 1 / med))
    MEDIANS.append("%s %.9f" % (key, med))


def main():
    root = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    work = os.path.join(root, "flush-floor.%d" % os.getpid())
    os.makedirs(work)
    try:
        buf = os.urandom(SIZE)
        seg = os.path.join(work, "segment")
        fd = os.open(seg, os.O_RDWR | os.O_CREAT, 0o644)
        os.write(fd, bytes(SIZE * n))          # zero-filled, as the journal prepares its segments
        os.fsync(fd)
        lat = []
        for i in range(n):
            t = time.perf_counter()
            os.pwrite(fd, buf, i * SIZE)
            os.fdatasync(fd)
            lat.append(time.perf_counter() - t)
        os.close(fd)
        row("journal", "journal record, write into a zero-filled segment + fdatasync", lat)

        folder = os.path.join(work, "series")
        os.makedirs(folder)
        dfd = os.open(folder, os.O_RDONLY)
        lat = []
        for i in range(n):
            t = time.perf_counter()
            tmp = os.path.join(folder, ".tmp%d" % i)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            os.write(fd, buf)
            os.fsync(fd)
            os.close(fd)
            os.rename(tmp, os.path.join(folder, "%d.dcm" % i))
            os.fsync(dfd)
            lat.append(time.perf_counter() - t)
        os.close(dfd)
        row("direct", "direct recipe, temp file + write + fsync + rename + folder fsync", lat)

        lat = []
        for i in range(n):
            t = time.perf_counter()
            fd = os.open(os.path.join(folder, "nf%d.dcm" % i), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            os.write(fd, buf)
            os.close(fd)
            lat.append(time.perf_counter() - t)
        row("noflush", "create + write, no flush (what storescp does)", lat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if len(sys.argv) > 3:
        with open(sys.argv[3], "a") as out:
            out.write("\n".join(MEDIANS) + "\n")


if __name__ == "__main__":
    main()

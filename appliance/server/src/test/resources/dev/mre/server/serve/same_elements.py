#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Exit 0 when two DICOM files hold the same data set element by element (tag, VR, value),
whatever their transfer syntaxes; print each difference and exit 1 otherwise. File meta (group
0002) is not compared: the receiver writes its own. pydicom is the independent oracle here."""
import sys
import pydicom

LOOSE_VRS = {"UN", "OB or OW", "US or SS", "US or SS or OW"}
# Data Set Trailing Padding (FFFC,FFFC) carries no information and DCMTK's storescu drops it when it
# sends (PS3.10 7.2 allows that), so its absence in a copy is not a difference.
IGNORED = {0xFFFCFFFC}
PIXEL_DATA = 0x7FE00010

def same_pixels(a, b):
    """Pixel Data across a change of byte order: pydicom keeps raw bytes in each file's order, so
    compare the decoded pixel arrays instead (numpy; uncompressed data only)."""
    import numpy
    return numpy.array_equal(a.pixel_array, b.pixel_array)

def compare(a, b, path, diffs):
    ta = {e.tag for e in a if e.tag.group != 0x0002 and e.tag not in IGNORED}
    tb = {e.tag for e in b if e.tag.group != 0x0002 and e.tag not in IGNORED}
    for t in sorted(ta ^ tb):
        diffs.append(f"{path}{t}: only in {'first' if t in ta else 'second'}")
    for t in sorted(ta & tb):
        ea, eb = a[t], b[t]
        # Encapsulated Pixel Data is OB (PS3.5 A.4); pydicom's JPEG 2000 sample says OW and DCMTK
        # rewrites it as OB when it sends, so OB and OW are the same here.
        pixel_vrs = t == PIXEL_DATA and {ea.VR, eb.VR} <= {"OB", "OW"}
        if ea.VR != eb.VR and ea.VR not in LOOSE_VRS and eb.VR not in LOOSE_VRS and not pixel_vrs:
            diffs.append(f"{path}{t}: VR {ea.VR} != {eb.VR}")
        if ea.VR == "SQ" and eb.VR == "SQ":
            if len(ea.value) != len(eb.value):
                diffs.append(f"{path}{t}: {len(ea.value)} items != {len(eb.value)}")
            for i, (ia, ib) in enumerate(zip(ea.value, eb.value)):
                compare(ia, ib, f"{path}{t}[{i}].", diffs)
        elif t == PIXEL_DATA and path == "" and a.is_little_endian != b.is_little_endian:
            if not same_pixels(a, b):
                diffs.append(f"{path}{t}: pixel values differ")
        elif ea.value != eb.value:
            diffs.append(f"{path}{t}: value differs")

def main():
    a = pydicom.dcmread(sys.argv[1])
    b = pydicom.dcmread(sys.argv[2])
    diffs = []
    compare(a, b, "", diffs)
    for d in diffs:
        print(d)
    print(f"compared {sum(1 for _ in a.iterall())} elements, {len(diffs)} differences")
    sys.exit(1 if diffs else 0)

if __name__ == "__main__":
    main()

#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Dumps DICOM files as pydicom reads them, as JSON, for PydicomOracleTest.

Usage: /usr/bin/python3 pydicom_oracle.py FILE...   (prints one JSON object on stdout)

Each file is read with pydicom.dcmread and its defaults; force=True is used only when the file
has no "DICM" marker at offset 128 (a bare data set without File Meta Information).

Normalisation, per element (recursively for sequences):
  tag     the tag as an int
  vr      pydicom's VR after its own inference and UN replacement
  raw     {"vr": the VR as encoded in the file (None for implicit VR),
           "sha256": sha256 of the value bytes exactly as stored in the file}
          present only where pydicom still held the element undecoded (RawDataElement)
  value   strings (AE AS CS DA DS DT IS LO LT PN SH ST TM UC UI UR UT): list of str(value)
            for each value, as pydicom decodes them (DS/IS: their original strings);
          integers (US SS UL SL SV UV AT): list of ints;
          floats (FL FD): list of floats, non-finite ones as the strings "nan", "inf", "-inf";
          binary (OB OD OF OL OV OW UN and ambiguous VRs): sha256 hex of the bytes in LITTLE
            endian order: the bytes pydicom holds, with 2/4/8-byte units reversed for OW/OF/OL/
            OD/OV when the data set is big endian (our reader converts to little endian);
            encapsulated Pixel Data: sha256 of pydicom's bytes, i.e. all items (tag, length,
            fragment) without the final Sequence Delimitation Item;
  items   for SQ: a list of items, each a list of elements.
"""
import hashlib
import json
import math
import sys
import warnings

import pydicom
from pydicom.dataelem import RawDataElement
from pydicom.multival import MultiValue

STRINGS = {"AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM",
           "UC", "UI", "UR", "UT"}
INTS = {"US", "SS", "UL", "SL", "SV", "UV", "AT"}
FLOATS = {"FL", "FD"}
SWAP = {"OW": 2, "OF": 4, "OL": 4, "OD": 8, "OV": 8}


def sha(b):
    return hashlib.sha256(bytes(b)).hexdigest()


def as_list(value):
    if value is None or value == "" or value == b"":
        return []
    if isinstance(value, (list, MultiValue, tuple)):
        return list(value)
    return [value]


def swapped(b, unit):
    out = bytearray(b)
    for i in range(0, len(out) - len(out) % unit, unit):
        out[i:i + unit] = out[i:i + unit][::-1]
    return bytes(out)


def number(x):
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def elements(ds, little_endian):
    out = []
    for tag in sorted(ds._dict.keys()):
        raw = ds._dict[tag]
        e = {"tag": int(tag)}
        if isinstance(raw, RawDataElement):
            e["raw"] = {"vr": raw.VR, "sha256": sha(raw.value or b"")}
        elem = ds[tag]
        vr = elem.VR
        e["vr"] = vr
        if vr == "SQ":
            e["items"] = [elements(item, little_endian) for item in elem.value]
        elif vr in STRINGS:
            e["value"] = [str(v) for v in as_list(elem.value)]
        elif vr in INTS:
            e["value"] = [int(v) for v in as_list(elem.value)]
        elif vr in FLOATS:
            e["value"] = [number(v) for v in as_list(elem.value)]
        else:
            b = elem.value if elem.value is not None else b""
            if isinstance(b, str):
                b = b.encode("latin-1")
            if not little_endian and vr in SWAP and not elem.is_undefined_length:
                b = swapped(b, SWAP[vr])
            e["value"] = sha(b)
        out.append(e)
    return out


def dump(path):
    with open(path, "rb") as f:
        head = f.read(132)
    has_dicm = len(head) == 132 and head[128:132] == b"DICM"
    try:
        ds = pydicom.dcmread(path, force=not has_dicm)
        little = ds.is_little_endian if ds.is_little_endian is not None else True
        meta = elements(ds.file_meta, True) if getattr(ds, "file_meta", None) is not None else []
        return {"path": path, "meta": meta, "dataset": elements(ds, little),
                "littleEndian": little, "implicitVR": bool(ds.is_implicit_VR)}
    except Exception as ex:  # reported to the test, which decides
        return {"path": path, "error": "%s: %s" % (type(ex).__name__, ex)}


def main(paths):
    warnings.simplefilter("ignore")
    result = {"pydicom": pydicom.__version__, "files": [dump(p) for p in paths]}
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])

#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Writes N synthetic MR Image Storage files (256x256, 16-bit, Explicit VR LE) for the DICOM
throughput benchmark. No patient data: fixed synthetic identifiers, random-ish pixels.

usage: make_mr_images.py OUT_DIR [N]
"""
import sys, os
import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

MR = "1.2.840.10008.5.1.4.1.1.4"

def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(42)
    study, series = generate_uid(), generate_uid()
    base = (rng.random((256, 256)) * 4000).astype(np.uint16)
    for i in range(n):
        ds = Dataset()
        ds.SOPClassUID = MR
        ds.SOPInstanceUID = generate_uid()
        ds.StudyInstanceUID = study
        ds.SeriesInstanceUID = series
        ds.PatientName = "BENCH^SYNTHETIC"
        ds.PatientID = "BENCH0001"
        ds.Modality = "MR"
        ds.InstanceNumber = i + 1
        ds.Rows, ds.Columns = 256, 256
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, 12, 11
        ds.PixelRepresentation = 0
        ds.PixelSpacing = [1.5625, 1.5625]
        ds.SliceThickness = 10
        ds.PixelData = np.roll(base, i, axis=0).tobytes()
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = MR
        meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.file_meta = meta
        path = os.path.join(out, "img%04d.dcm" % i)
        try:
            ds.save_as(path, enforce_file_format=True)
        except TypeError:  # pydicom < 3
            ds.is_little_endian, ds.is_implicit_VR = True, False
            ds.save_as(path, write_like_original=False)

if __name__ == "__main__":
    main()

# SPDX-License-Identifier: Apache-2.0
"""pydicom as the independent reader of the result objects (ResultObjectsPeerTest).

argv: result dir, truth dir, expected exam kPa, source SOP Instance UIDs (comma separated, slice order).
Prints one 'ok <kind>' line per checked object, 'ALL OK' at the end; any failed check raises.
"""
import glob
import math
import os
import sys

import numpy as np
import pydicom

out, truth_dir, exam_kpa, sources = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4].split(',')
modulus = np.load(os.path.join(truth_dir, 'modulus_kpa.npy'))
labels = np.load(os.path.join(truth_dir, 'labels.npy'))
roi = np.load(os.path.join(truth_dir, 'roi.npy'))
ds = {}
for p in sorted(glob.glob(os.path.join(out, '*.dcm'))):
    d = pydicom.dcmread(p)
    ds.setdefault(os.path.basename(p).split('-')[0], []).append(d)
study = {d.StudyInstanceUID for v in ds.values() for d in v}
assert len(study) == 1, study
assert len({d.SeriesInstanceUID for v in ds.values() for d in v}) == 4

# Colour elastograms: one RGB secondary capture per slice, referencing its source image.
assert len(ds['sc']) == len(sources)
for d in ds['sc']:
    assert d.SOPClassUID == '1.2.840.10008.5.1.4.1.1.7'
    assert d.PhotometricInterpretation == 'RGB' and d.PlanarConfiguration == 0 and d.SamplesPerPixel == 3
    assert d.BurnedInAnnotation == 'YES' and list(d.ImageType) == ['DERIVED', 'SECONDARY']
    a = d.pixel_array
    assert a.shape == (d.Rows, d.Columns, 3) and a.dtype == np.uint8
    assert len(np.unique(a.reshape(-1, 3), axis=0)) > 50, 'too few colours for a colour elastogram'
    assert d.SourceImageSequence[0].ReferencedSOPInstanceUID == sources[d.InstanceNumber - 1]
    assert d.ReferencedImageSequence[0].ReferencedSOPInstanceUID == sources[d.InstanceNumber - 1]
print('ok sc', len(ds['sc']))

# Stiffness map: float frames equal to the map, RWVM in UCUM kPa.
(m,) = ds['map']
assert m.SOPClassUID == '1.2.840.10008.5.1.4.1.1.30'
rwvm = m.SharedFunctionalGroupsSequence[0].RealWorldValueMappingSequence[0]
unit = rwvm.MeasurementUnitsCodeSequence[0]
assert (unit.CodeValue, unit.CodingSchemeDesignator) == ('kPa', 'UCUM'), unit
assert rwvm.RealWorldValueSlope == 1 and rwvm.RealWorldValueIntercept == 0
px = m.pixel_array
assert px.shape == modulus.shape and px.dtype == np.float32, (px.shape, px.dtype)
assert np.array_equal(px, modulus), 'map pixels differ from the stiffness map written'
for f, fg in enumerate(m.PerFrameFunctionalGroupsSequence):
    src = fg.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID
    assert src == sources[f], (f, src)
print('ok map', m.NumberOfFrames)

# SEG: two segments, frames segment-major, masks equal to liver (label 3) and ROI.
(s,) = ds['seg']
assert s.SegmentationType == 'BINARY'
assert [x.SegmentLabel for x in s.SegmentSequence] == ['Liver', 'Measurement ROI']
assert s.SegmentSequence[0].SegmentedPropertyTypeCodeSequence[0].CodeValue == '10200004'
n = len(sources)
assert s.NumberOfFrames == 2 * n
bits = s.pixel_array.astype(bool)
assert np.array_equal(bits[:n], labels == 3) and np.array_equal(bits[n:], roi != 0)
for f, fg in enumerate(s.PerFrameFunctionalGroupsSequence):
    assert fg.SegmentIdentificationSequence[0].ReferencedSegmentNumber == 1 + f // n
    assert fg.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID == sources[f % n]
assert s.FrameOfReferenceUID
print('ok seg', s.NumberOfFrames)

# SR: TID 1500 tree; values, units and references.
(r,) = ds['sr']
assert r.ContentTemplateSequence[0].TemplateIdentifier == '1500'
assert r.ConceptNameCodeSequence[0].CodeValue == '126000'
def find(items, code):
    return [i for i in items if 'ConceptNameCodeSequence' in i and i.ConceptNameCodeSequence[0].CodeValue == code]
(meas,) = find(r.ContentSequence, '126010')
groups = find(meas.ContentSequence, '125007')
assert len(groups) == n + 1
for k, g in enumerate(groups[:n]):
    (frame_ref,) = find(g.ContentSequence, '121214')
    ref = frame_ref.ReferencedSOPSequence[0]
    assert ref.ReferencedSOPInstanceUID == s.SOPInstanceUID and int(ref.ReferencedFrameNumber) == n + k + 1
    mean = find(g.ContentSequence, '110830')[0]
    value = float(mean.MeasuredValueSequence[0].NumericValue)
    u = mean.MeasuredValueSequence[0].MeasurementUnitsCodeSequence[0]
    assert (u.CodeValue, u.CodingSchemeDesignator) == ('kPa', 'UCUM')
    truth = float(modulus[k][roi[k] != 0].astype(np.float64).mean())
    assert math.isclose(value, truth, rel_tol=1e-6), (k, value, truth)
    area = float(find(g.ContentSequence, '42798000')[0].MeasuredValueSequence[0].NumericValue)
    assert math.isclose(area, (roi[k] != 0).sum() * 1.5625 ** 2 / 100, rel_tol=1e-9), area
exam = groups[n]
value = float(find(exam.ContentSequence, '110830')[0].MeasuredValueSequence[0].NumericValue)
assert math.isclose(value, exam_kpa, rel_tol=1e-9), (value, exam_kpa)
stage = find(exam.ContentSequence, 'MRE003')[0]
assert stage.TextValue and find(stage.ContentSequence, 'MRE004')[0].TextValue
assert find(exam.ContentSequence, '121191')[0].ReferencedSOPSequence[0].ReferencedSegmentNumber == 2
assert find(exam.ContentSequence, '111001') and find(exam.ContentSequence, '111003')
assert len(find(exam.ContentSequence, 'MRE005')) >= 1
evidence = {i.ReferencedSOPInstanceUID for st in r.CurrentRequestedProcedureEvidenceSequence
            for se in st.ReferencedSeriesSequence for i in se.ReferencedSOPSequence}
assert evidence == set(sources) | {s.SOPInstanceUID}, evidence
print('ok sr', len(groups))
print('ALL OK')

// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.io.DicomReader;
import dev.mre.phantoms.truth.Npy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test data: an {@link ExamResult} built from the committed anatomical phantom exam (4 slices,
 * 256x256), with the ground truth as the "processed" values: the truth modulus (kPa) as stiffness
 * map, truth label 3 as liver mask, the truth ROI as measurement ROI, and slice statistics computed
 * here from those. The source references and geometry are those of each slice's first magnitude image.
 */
final class ResultFixtures {
    /** test-phantoms/reference/anatomical, from the server module's directory (surefire's working directory). */
    static final Path EXAM = Path.of("../../test-phantoms/reference/anatomical");
    static final LocalDateTime CREATED = LocalDateTime.of(2026, 1, 15, 10, 30, 5);
    private static final int LIVER_LABEL = 3;

    private ResultFixtures() {
    }

    static ExamResult anatomical() throws IOException {
        return anatomical("2.1.0");
    }

    static ExamResult anatomical(String algorithmVersion) throws IOException {
        Npy.Array modulus = Npy.read(EXAM.resolve("truth/modulus_kpa.npy"));
        Npy.Array labels = Npy.read(EXAM.resolve("truth/labels.npy"));
        Npy.Array roi = Npy.read(EXAM.resolve("truth/roi.npy"));
        int slices = modulus.shape()[0];
        int rows = modulus.shape()[1];
        int cols = modulus.shape()[2];
        int n = rows * cols;
        int offsets = 4;
        Attributes first = null;
        List<ExamResult.Slice> out = new ArrayList<>();
        double sumMeanArea = 0;
        double sumArea = 0;
        for (int k = 0; k < slices; k++) {
            Path file = EXAM.resolve(String.format("dicom/01_magnitude/IM%04d.dcm", k * offsets + 1));
            Attributes a = DicomReader.readFile(file).dataset();
            if (first == null) {
                first = a;
            }
            float[] stiffness = Arrays.copyOfRange(modulus.floats(), k * n, (k + 1) * n);
            boolean[] liver = new boolean[n];
            boolean[] inRoi = new boolean[n];
            float[] values = new float[n];
            int count = 0;
            for (int p = 0; p < n; p++) {
                liver[p] = labels.bytes()[k * n + p] == LIVER_LABEL;
                inRoi[p] = roi.bytes()[k * n + p] != 0;
                if (inRoi[p]) {
                    values[count++] = stiffness[p];
                }
            }
            float[] v = Arrays.copyOf(values, count);
            Arrays.sort(v);
            double mean = 0;
            for (float x : v) {
                mean += x;
            }
            mean /= count;
            double[] spacing = doubles(a.getStrings(Tag.PixelSpacing));
            double area = count * spacing[0] * spacing[1] / 100.0;
            sumMeanArea += mean * area;
            sumArea += area;
            ExamResult.Geometry g = new ExamResult.Geometry(a.getString(Tag.FrameOfReferenceUID),
                    doubles(a.getStrings(Tag.ImagePositionPatient)), doubles(a.getStrings(Tag.ImageOrientationPatient)),
                    spacing, a.getDouble(Tag.SliceThickness, Double.NaN), rows, cols);
            out.add(new ExamResult.Slice(new ExamResult.SourceImage(a.getString(Tag.SeriesInstanceUID),
                    a.getString(Tag.SOPClassUID), a.getString(Tag.SOPInstanceUID)), g, stiffness, magnitude(a, n),
                    liver, inRoi, new ExamResult.SliceValues(mean, quantile(v, 0.5),
                    quantile(v, 0.75) - quantile(v, 0.25), area, count)));
        }
        return new ExamResult(first, out, sumMeanArea / sumArea,
                new ExamResult.Stage("stage 1-2", "Mayo/ACR MRE common table", "2024"),
                List.of(new ExamResult.ReviewFlag("LOW_CONFIDENCE", "slice 4: under 60% of the liver lies inside the confidence mask")),
                new ExamResult.Algorithm("MRE appliance pipeline", algorithmVersion,
                        List.of(new ExamResult.Model("liver-seg", "1.3.0"), new ExamResult.Model("dl-stiffness", "0.9.2"))),
                CREATED);
    }

    private static double quantile(float[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    private static float[] magnitude(Attributes a, int n) {
        byte[] px = a.getBytes(Tag.PixelData);
        float[] m = new float[n];
        for (int p = 0; p < n; p++) {
            m[p] = (px[2 * p] & 0xFF) | (px[2 * p + 1] & 0xFF) << 8;
        }
        return m;
    }

    private static double[] doubles(String[] s) {
        double[] d = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            d[i] = Double.parseDouble(s[i]);
        }
        return d;
    }
}

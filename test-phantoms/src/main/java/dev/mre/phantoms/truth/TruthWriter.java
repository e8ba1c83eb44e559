// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.truth;

import dev.mre.phantoms.anatomy.BlockPhantoms;
import dev.mre.phantoms.anatomy.SliceModel;
import dev.mre.phantoms.anatomy.Tissue;
import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamSlice;
import dev.mre.phantoms.exam.PhantomKind;
import dev.mre.phantoms.dicom.Elastograms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes an exam's ground truth beside its DICOM files, in {@code DIR/truth/}: per-exam stacks of
 * shape (slices, rows, columns) as .npy ({@code modulus_kpa.npy} |G*|, {@code storage_kpa.npy} G',
 * {@code loss_kpa.npy} G'' as float32; {@code labels.npy} tissue labels and {@code roi.npy} ideal
 * ROI 0/1 as uint8; {@code wave_re_um.npy}, {@code wave_im_um.npy} the true first harmonic in
 * micrometres), and {@code truth.json} with the scalars and the label legend. See docs/phantoms.md.
 */
public final class TruthWriter {
    private TruthWriter() {
    }

    public static void write(Exam exam, Path dir) throws IOException {
        Files.createDirectories(dir);
        int ns = exam.slices().size();
        SliceModel first = exam.slices().get(0).truth();
        int nx = first.nx();
        int ny = first.ny();
        int n = nx * ny;
        int[] shape = {ns, ny, nx};
        float[] mod = new float[ns * n];
        float[] g1 = new float[ns * n];
        float[] g2 = new float[ns * n];
        float[] wr = new float[ns * n];
        float[] wi = new float[ns * n];
        byte[] labels = new byte[ns * n];
        byte[] roi = new byte[ns * n];
        for (ExamSlice s : exam.slices()) {
            SliceModel m = s.truth();
            int o = s.index() * n;
            for (int k = 0; k < n; k++) {
                mod[o + k] = (float) m.modulusKPa(k);
                g1[o + k] = m.storagePa()[k] / 1000f;
                g2[o + k] = m.lossPa()[k] / 1000f;
                wr[o + k] = (float) s.images().waveUm()[2 * k];
                wi[o + k] = (float) s.images().waveUm()[2 * k + 1];
                labels[o + k] = m.labels()[k];
                roi[o + k] = (byte) (m.roi()[k] ? 1 : 0);
            }
        }
        Npy.writeFloat32(dir.resolve("modulus_kpa.npy"), shape, mod);
        Npy.writeFloat32(dir.resolve("storage_kpa.npy"), shape, g1);
        Npy.writeFloat32(dir.resolve("loss_kpa.npy"), shape, g2);
        Npy.writeFloat32(dir.resolve("wave_re_um.npy"), shape, wr);
        Npy.writeFloat32(dir.resolve("wave_im_um.npy"), shape, wi);
        Npy.writeUint8(dir.resolve("labels.npy"), shape, labels);
        Npy.writeUint8(dir.resolve("roi.npy"), shape, roi);
        Files.writeString(dir.resolve("truth.json"), json(exam), StandardCharsets.UTF_8);
    }

    /**
     * The acquired images as arrays, for training sets that skip DICOM: {@code magnitude.npy} and
     * {@code phase_rad.npy}, float32 of shape (slices, offsets, rows, columns), phase wrapped to
     * (-pi, pi].
     */
    public static void writeImages(Exam exam, Path dir) throws IOException {
        Files.createDirectories(dir);
        int ns = exam.slices().size();
        int no = exam.spec().acquisition().phaseOffsets();
        SliceModel first = exam.slices().get(0).truth();
        int n = first.nx() * first.ny();
        float[] mag = new float[ns * no * n];
        float[] ph = new float[ns * no * n];
        for (ExamSlice s : exam.slices()) {
            for (int o = 0; o < no; o++) {
                int off = (s.index() * no + o) * n;
                System.arraycopy(s.images().magnitude()[o], 0, mag, off, n);
                System.arraycopy(s.images().phaseRad()[o], 0, ph, off, n);
            }
        }
        int[] shape = {ns, no, first.ny(), first.nx()};
        Npy.writeFloat32(dir.resolve("magnitude.npy"), shape, mag);
        Npy.writeFloat32(dir.resolve("phase_rad.npy"), shape, ph);
        // The vendor-style elastogram (kPa) and its confidence mask, as the DICOM flavours store them.
        float[] el = new float[ns * n];
        byte[] conf = new byte[ns * n];
        double enc = exam.spec().acquisition().encodingUmPerRad();
        for (ExamSlice s : exam.slices()) {
            double[] pa = Elastograms.elastogramPa(s);
            boolean[] c = Elastograms.confident(s, enc);
            for (int k = 0; k < n; k++) {
                el[s.index() * n + k] = (float) (pa[k] / 1000.0);
                conf[s.index() * n + k] = (byte) (c[k] ? 1 : 0);
            }
        }
        int[] shape3 = {ns, first.ny(), first.nx()};
        Npy.writeFloat32(dir.resolve("elastogram_kpa.npy"), shape3, el);
        Npy.writeUint8(dir.resolve("confidence.npy"), shape3, conf);
    }

    static String json(Exam e) {
        StringBuilder b = new StringBuilder("{\n");
        var s = e.spec();
        kv(b, "format", "\"mre-phantom-truth/1\"");
        kv(b, "description", "\"Ground truth of a digital MRE phantom exam; arrays are (slices, rows, columns), "
                + "slice order as in the DICOM series (index 0 most cranial), row 0 anterior, column 0 patient right\"");
        kv(b, "kind", "\"" + s.kind().id() + "\"");
        kv(b, "seed", Long.toString(s.seed()));
        kv(b, "stage", s.kind().id().equals("anatomical") ? "\"" + s.stage() + "\"" : "null");
        kv(b, "frequency_hz", num(s.solver().frequencyHz()));
        kv(b, "nominal_kpa", num(e.liverKPa()));
        kv(b, "damping_ratio", num(e.dampingRatio()));
        kv(b, "roi_kpa", Double.isNaN(e.roiKPa()) ? "null" : num(e.roiKPa()));
        kv(b, "roi_pixels", Long.toString(e.roiPixels()));
        StringBuilder per = new StringBuilder("[");
        for (ExamSlice sl : e.slices()) {
            double[] r = sl.truth().roiMeanKPa();
            per.append(sl.index() == 0 ? "" : ", ").append("{\"index\": ").append(sl.index())
                    .append(", \"z_mm\": ").append(num(sl.zMm()))
                    .append(", \"roi_kpa\": ").append(Double.isNaN(r[0]) ? "null" : num(r[0]))
                    .append(", \"roi_pixels\": ").append((long) r[1])
                    .append(", \"solver_iterations\": ").append(sl.solverIterations()).append('}');
        }
        kv(b, "slices", per.append(']').toString());
        kv(b, "inclusions", inclusions(e));
        kv(b, "pixel_spacing_mm", num(s.pixelMm()));
        kv(b, "slice_thickness_mm", num(s.sliceThicknessMm()));
        kv(b, "phase_offsets", Integer.toString(s.acquisition().phaseOffsets()));
        kv(b, "encoding_um_per_rad", num(s.acquisition().encodingUmPerRad()));
        kv(b, "reference_amplitude_um", num(s.acquisition().referenceAmplitudeUm()));
        kv(b, "snr", num(s.acquisition().snr()));
        StringBuilder legend = new StringBuilder("{");
        for (Tissue t : Tissue.values()) {
            legend.append(t.ordinal() == 0 ? "" : ", ").append('"').append(t.label()).append("\": \"")
                    .append(t.name().toLowerCase(Locale.ROOT)).append('"');
        }
        b.append("  \"labels\": ").append(legend).append("}\n}\n");
        return b.toString();
    }

    /**
     * The inclusion phantom's datasheet, as a QA phantom's vendor gives it: per cylinder its
     * diameter, |G*| and centre, in mm from the image centre and as (fractional) column and row,
     * the same in every slice. null for the other kinds.
     */
    private static String inclusions(Exam e) {
        var s = e.spec();
        if (s.kind() != PhantomKind.INCLUSIONS) {
            return "null";
        }
        StringBuilder b = new StringBuilder("[");
        var list = BlockPhantoms.defaultInclusions();
        for (int i = 0; i < list.size(); i++) {
            var inc = list.get(i);
            b.append(i == 0 ? "" : ", ").append("{\"diameter_mm\": ").append(num(inc.diameterMm()))
                    .append(", \"kpa\": ").append(num(inc.kPa()))
                    .append(", \"x_mm\": ").append(num(inc.xMm()))
                    .append(", \"y_mm\": ").append(num(inc.yMm()))
                    .append(", \"centre_column\": ").append(num(inc.xMm() / s.pixelMm() + s.columns() / 2.0 - 0.5))
                    .append(", \"centre_row\": ").append(num(inc.yMm() / s.pixelMm() + s.rows() / 2.0 - 0.5))
                    .append('}');
        }
        return b.append(']').toString();
    }

    private static void kv(StringBuilder b, String k, String v) {
        b.append("  \"").append(k).append("\": ").append(v).append(",\n");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}

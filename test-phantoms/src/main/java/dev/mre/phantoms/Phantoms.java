// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms;

import dev.mre.phantoms.dicom.ExamDicomWriter;
import dev.mre.phantoms.dicom.Vendor;
import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamGenerator;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.truth.TruthWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The entry point the rest of the appliance calls: generate an exam and put it on disk as a
 * scanner would deliver it ({@code DIR/dicom/...}) with its ground truth ({@code DIR/truth/...}).
 */
public final class Phantoms {
    private Phantoms() {
    }

    /** Generates and writes one exam; returns the exam (arrays and truth scalars) for callers that want them. */
    public static Exam generate(ExamSpec spec, Vendor vendor, Path dir, boolean parallel) throws IOException {
        Exam exam = ExamGenerator.generate(spec, parallel);
        write(exam, vendor, dir);
        return exam;
    }

    /** Writes an already generated exam. */
    public static List<Path> write(Exam exam, Vendor vendor, Path dir) throws IOException {
        TruthWriter.write(exam, dir.resolve("truth"));
        return ExamDicomWriter.write(exam, vendor, dir.resolve("dicom"));
    }
}

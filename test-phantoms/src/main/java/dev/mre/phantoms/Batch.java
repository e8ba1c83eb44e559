// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms;

import dev.mre.phantoms.anatomy.FibrosisStage;
import dev.mre.phantoms.dicom.Vendor;
import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamGenerator;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import dev.mre.phantoms.truth.TruthWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A training dataset: anatomical exams with stages cycling F0..F4 and vendors alternating, each
 * exam in {@code OUT/<split>/exam-<seed>/}. Stage is seed mod 5 and vendor (seed / 5) mod 2, so
 * every block of ten consecutive seeds holds each stage with each vendor once. The split is a
 * function of the seed's block alone ((seed / 10) mod 10: 0-7 train, 8 val, 9 test), so every split
 * holds every stage and both vendors, and a dataset can be regenerated or extended without moving
 * an exam between splits. (Splitting by seed mod 10 would have put only F3 in val and only F4 in
 * test.) Exams run on a fixed pool, each exam single-threaded: the bytes
 * do not depend on the thread count.
 */
public final class Batch {
    private Batch() {
    }

    /** The split an exam seed belongs to. */
    public static String split(long seed) {
        long m = Math.floorMod(Math.floorDiv(seed, 10L), 10L);
        return m < 8 ? "train" : m == 8 ? "val" : "test";
    }

    /** The fibrosis stage of a batch exam: seed mod 5. */
    public static FibrosisStage stage(long seed) {
        return FibrosisStage.values()[(int) Math.floorMod(seed, 5L)];
    }

    /** The DICOM flavour of a batch exam: (seed / 5) mod 2. */
    public static Vendor vendor(long seed) {
        return Math.floorMod(Math.floorDiv(seed, 5L), 2L) == 0 ? Vendor.GE : Vendor.SIEMENS;
    }

    /**
     * The spec of batch exam {@code seed}: an anatomical exam at {@link #stage}(seed) with the
     * template's geometry, acquisition and solver. What {@link #run} generates, for callers that
     * want the same exam in memory (the evaluation of the held-out test split).
     */
    public static ExamSpec spec(long seed, ExamSpec template) {
        return new ExamSpec(PhantomKind.ANATOMICAL, stage(seed), template.stiffnessKPa(), seed, template.columns(),
                template.rows(), template.fovMm(), template.slices(), template.sliceThicknessMm(), template.sliceGapMm(),
                template.acquisition(), template.solver());
    }

    /**
     * @param slices total slices wanted (rounded up to whole exams)
     * @param firstSeed seed of the first exam; exam i has seed firstSeed + i
     * @return the directories written
     */
    public static List<Path> run(Path out, int slices, long firstSeed, ExamSpec template, int threads)
            throws IOException, InterruptedException {
        return run(out, slices, firstSeed, template, threads, true);
    }

    /**
     * As above; with {@code dicom == false} each exam gets {@code truth/} plus {@code images/}
     * (magnitude and phase as float32 .npy) instead of DICOM files: no DICOM encoding, but about
     * 3.4 MB per slice against 2.7 MB with DICOM (float32 images against 16-bit pixels).
     */
    public static List<Path> run(Path out, int slices, long firstSeed, ExamSpec template, int threads, boolean dicom)
            throws IOException, InterruptedException {
        int exams = (slices + template.slices() - 1) / template.slices();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Path>> futures = new ArrayList<>();
            for (int i = 0; i < exams; i++) {
                long seed = firstSeed + i;
                Vendor vendor = vendor(seed);
                ExamSpec spec = spec(seed, template);
                Path dir = out.resolve(split(seed)).resolve(String.format(Locale.ROOT, "exam-%d", seed));
                futures.add(pool.submit(() -> {
                    if (dicom) {
                        Phantoms.generate(spec, vendor, dir, false);
                    } else {
                        Exam exam = ExamGenerator.generate(spec, false);
                        TruthWriter.write(exam, dir.resolve("truth"));
                        TruthWriter.writeImages(exam, dir.resolve("images"));
                    }
                    return dir;
                }));
            }
            List<Path> dirs = new ArrayList<>();
            for (Future<Path> f : futures) {
                try {
                    dirs.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof UncheckedIOException u) {
                        throw u.getCause();
                    }
                    throw new IllegalStateException("exam generation failed", e.getCause());
                }
            }
            return dirs;
        } finally {
            pool.shutdownNow();
        }
    }
}

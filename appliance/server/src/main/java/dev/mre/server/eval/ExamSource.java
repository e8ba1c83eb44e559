// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Where the held-out exams come from: generated in memory, or read from a batch folder. */
public interface ExamSource {

    /** The test exams' seeds, in evaluation order. */
    List<Long> seeds();

    /** Generates or reads one exam; safe to call from several threads. */
    EvalExam load(long seed) throws IOException;

    /** The source in words, for the report. */
    String describe();

    /**
     * The first {@code limit} exams of {@link #seeds()}, loaded on {@code threads} workers (one exam
     * per worker; the arrays do not depend on the thread count), in seed order.
     */
    default List<EvalExam> loadFirst(int limit, int threads) throws IOException, InterruptedException {
        List<Long> seeds = seeds().subList(0, Math.min(limit, seeds().size()));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<EvalExam>> futures = new ArrayList<>();
            for (long seed : seeds) {
                futures.add(pool.submit(() -> load(seed)));
            }
            List<EvalExam> out = new ArrayList<>();
            for (Future<EvalExam> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof UncheckedIOException u) {
                        throw u.getCause();
                    }
                    throw new IllegalStateException("loading a test exam failed: " + e.getCause(), e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}

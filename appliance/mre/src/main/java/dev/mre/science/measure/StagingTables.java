// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The staging tables shipped with the appliance, read from this module's resources
 * ({@code dev/mre/science/measure/staging-*.txt}). Sites load their own with
 * {@link StagingTable#parse(String)}.
 */
public final class StagingTables {
    private StagingTables() {
    }

    /** The common Mayo/Resoundant table (60 Hz, |G*|): normal .. cirrhosis, six stages. */
    public static StagingTable mayo() {
        return shipped("staging-mayo-1.txt");
    }

    /** The JMIR Medical Informatics 2025 site rule: significant fibrosis (F2) at or above 2.8 kPa. */
    public static StagingTable jmir2025() {
        return shipped("staging-jmir2025-1.txt");
    }

    /** A shipped table by resource name, e.g. {@code staging-mayo-1.txt}. */
    public static StagingTable shipped(String resource) {
        try (InputStream in = StagingTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped staging table " + resource);
            }
            return StagingTable.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shipped staging table " + resource, e);
        }
    }
}

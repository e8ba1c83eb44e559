// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Corrupted real files (random bytes changed, random truncation) must either parse or give a
 * DicomParseException: never an IndexOutOfBounds, NegativeArraySize or OutOfMemory error.
 */
@org.junit.jupiter.api.Tag("slow")
class FuzzedInputTest {
    private static final String[] FILES = {"MR_small.dcm", "rtplan.dcm", "image_dfl.dcm", "ExplVR_BigEnd.dcm",
            "JPEG2000.dcm", "UN_sequence.dcm", "nested_priv_SQ.dcm", "test-SR.dcm"};

    @Test
    void corruptedFilesParseOrFailWithADicomParseException() throws Exception {
        Random random = new Random(20261122);
        int parsed = 0;
        int rejected = 0;
        for (String name : FILES) {
            byte[] original = Files.readAllBytes(PydicomOracleTest.PYDICOM_DATA.resolve("test_files").resolve(name));
            for (int i = 0; i < 300; i++) {
                byte[] b = Arrays.copyOf(original, i % 3 == 0 ? random.nextInt(original.length + 1) : original.length);
                int flips = 1 + random.nextInt(4);
                for (int k = 0; k < flips && b.length > 0; k++) {
                    // Favour the first 2 KB, where headers and lengths live.
                    int at = random.nextInt(Math.min(b.length, random.nextBoolean() ? 2048 : b.length));
                    b[at] = (byte) random.nextInt(256);
                }
                try {
                    DicomReader.readFile(b, name);
                    parsed++;
                } catch (DicomParseException expected) {
                    rejected++;
                } catch (RuntimeException | Error e) {
                    fail(name + " mutation " + i + " threw " + e, e);
                }
            }
        }
        System.out.println("fuzzed: " + parsed + " parsed, " + rejected + " rejected with DicomParseException");
    }
}

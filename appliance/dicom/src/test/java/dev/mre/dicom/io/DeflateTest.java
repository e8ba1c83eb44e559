// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeflateTest {

    @Test
    void inflatesWhatItDeflated() throws Exception {
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 % 251);
        }
        byte[] deflated = Deflate.deflate(data);
        assertArrayEquals(data, Deflate.inflate(deflated, 0, deflated.length, "<test>"));
    }

    @Test
    void refusesADeflateBombInsteadOfAllocatingWhatItClaims() {
        byte[] zeros = new byte[8 << 20];              // 8 MiB of zeros deflates to ~8 KiB
        byte[] bomb = Deflate.deflate(zeros);
        assertTrue(bomb.length < 64 << 10, "fixture should be a high-ratio stream");
        DicomParseException e = assertThrows(DicomParseException.class,
                () -> Deflate.inflate(bomb, 0, bomb.length, "bomb.dcm", 1 << 20));
        assertTrue(e.getMessage().contains("bomb.dcm") && e.getMessage().contains("refused"), e.getMessage());
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void refusesAMaximumObjectSizeThatNoJavaArrayCanHold() {
        ServerConfig cfg = ServerConfig.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cfg.withMaxObjectSize(3L << 30));
        assertEquals("maxObjectSize must be at most " + ServerConfig.MAX_ARRAY + " bytes (one Java array)", e.getMessage());
        assertEquals(ServerConfig.MAX_ARRAY, cfg.withMaxObjectSize(ServerConfig.MAX_ARRAY).maxObjectSize());
    }
}

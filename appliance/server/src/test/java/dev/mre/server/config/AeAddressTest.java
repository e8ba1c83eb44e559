// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AeAddressTest {

    @Test
    void parsesAeHostAndPort() {
        assertEquals(new AeAddress("STORESCP", "127.0.0.1", 11112), AeAddress.parse("STORESCP@127.0.0.1:11112"));
        assertEquals(new AeAddress("PACS", "::1", 104), AeAddress.parse("PACS@[::1]:104"));
    }

    @Test
    void rejectsMissingPartsWithAnExample() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AeAddress.parse("host:104"));
        assertTrue(e.getMessage().contains("AE@host:port"), e.getMessage());
    }

    @Test
    void rejectsPortsOutsideTheRange() {
        assertThrows(IllegalArgumentException.class, () -> AeAddress.parse("A@h:0"));
        assertThrows(IllegalArgumentException.class, () -> AeAddress.parse("A@h:65536"));
        assertThrows(IllegalArgumentException.class, () -> AeAddress.parse("A@h:x"));
    }

    @Test
    void rejectsAeTitlesTooLongEmptyOrWithBackslashOrControlCharacters() {
        assertThrows(IllegalArgumentException.class, () -> AeAddress.parse("ABCDEFGHIJKLMNOPQ@h:104"));
        assertThrows(IllegalArgumentException.class, () -> AeAddress.parse("@h:104"));
        assertThrows(IllegalArgumentException.class, () -> AeAddress.parse("A\\B@h:104"));
        assertThrows(IllegalArgumentException.class, () -> AeAddress.parse("A\nB@h:104"));
        assertThrows(IllegalArgumentException.class, () -> AeAddress.parse("   @h:104"));
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SafeNamesTest {
    /** The rule as it was written before the hand-written check replaced it. */
    private static final Pattern UID = Pattern.compile("^[0-9]+(\\.[0-9]+)*$");

    @Test
    void theCheckAgreesWithTheRegex() {
        for (String s : List.of("", "1", "1.2", "1.2.840.10008.5.1.4.1.1.4", "12345", ".", "1.", ".1", "1..2",
                "1.2.", "a", "1.a", "1 2", "1/2", "../../etc", "1.2\n", "\n", "1.2\u0661", "٣", "1.-2", "+1",
                "0.0.0", "00", "1.2.3.4.5.6.7.8.9.0")) {
            assertEquals(UID.matcher(s).matches(), SafeNames.isDigitsAndDots(s), "\"" + s + "\"");
        }
    }

    @Test
    void aValidUidIsItsOwnNameAndAnythingElseADigest() {
        assertEquals("1.2.3", SafeNames.uid("1.2.3"));
        assertEquals(SafeNames.digest("../x"), SafeNames.uid("../x"));
        assertEquals(SafeNames.digest(null), SafeNames.uid(null));
        assertEquals(SafeNames.digest("1".repeat(65)), SafeNames.uid("1".repeat(65)));
        assertEquals(64, SafeNames.uid("1.2.").length());
    }
}

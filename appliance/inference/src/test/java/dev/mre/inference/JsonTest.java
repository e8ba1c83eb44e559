// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void readsEveryKindOfValue() {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, true, false, null], \"s\": \"x\\\"\\u00e9\\n\", \"o\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(Arrays.asList(1.0, -2500.0, true, false, null), m.get("a"));
        assertEquals("x\"\u00e9\n", m.get("s"));
        assertEquals(Map.of(), m.get("o"));
        assertEquals(List.of(), Json.parse("[]"));
        assertNull(Json.parse("null"));
    }

    @Test
    void rejectsWhatIsNotJson() {
        for (String bad : new String[] {"", "{", "[1,]", "{\"a\" 1}", "'a'", "01x", "\"a", "\"\\x\"", "tru", "1 2"}) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
        }
    }
}

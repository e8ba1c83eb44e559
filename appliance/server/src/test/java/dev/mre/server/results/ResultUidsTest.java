// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResultUidsTest {

    @Test
    void reprocessingTheSameInputGivesByteIdenticalObjects() throws Exception {
        List<ResultObject> a = ResultObjects.write(ResultFixtures.anatomical(), ResultOptions.defaults());
        List<ResultObject> b = ResultObjects.write(ResultFixtures.anatomical(), ResultOptions.defaults());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).part10(), b.get(i).part10(), a.get(i).kind().toString());
        }
    }

    @Test
    void aNewAlgorithmVersionGivesNewUids() throws Exception {
        List<ResultObject> a = ResultObjects.write(ResultFixtures.anatomical("2.1.0"), ResultOptions.defaults());
        List<ResultObject> b = ResultObjects.write(ResultFixtures.anatomical("2.1.1"), ResultOptions.defaults());
        for (int i = 0; i < a.size(); i++) {
            assertNotEquals(a.get(i).sopInstanceUid(), b.get(i).sopInstanceUid());
        }
    }

    @Test
    void uidsAreValidDistinctUuidDerivedUids() throws Exception {
        ResultUids u = ResultUids.of(ResultFixtures.anatomical());
        Set<String> seen = new HashSet<>();
        for (String role : List.of("sc-series", "sc/1", "sc/2", "map", "map-series", "seg", "seg-series", "sr", "sr-series")) {
            String uid = u.uid(role);
            assertTrue(uid.matches("2\\.25\\.(0|[1-9][0-9]*)") && uid.length() <= 64, uid);
            assertTrue(seen.add(uid), "duplicate " + uid);
            assertEquals(8, new java.math.BigInteger(uid.substring(5)).shiftRight(76).intValue() & 0xF, "UUID version");
        }
    }
}

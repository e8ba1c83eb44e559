// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped tables at and around every cut-off, and the text parser's rules. */
class StagingTableTest {

    @ParameterizedTest(name = "{0} kPa -> {1}")
    @CsvSource({
        "0, normal", "2.49, normal", "2.5, normal-or-inflammation", "2.89, normal-or-inflammation", "2.9, F1-F2",
        "3.4999, F1-F2", "3.5, F2-F3", "3.99, F2-F3", "4.0, F3-F4", "4.999, F3-F4", "5.0, F4", "12, F4",
    })
    void mayoTableStagesAtAndAroundEveryCutoff(double kPa, String code) {
        StagingResult r = StagingTables.mayo().stage(kPa);
        assertEquals(code, r.stage().code());
        assertEquals("mayo", r.tableName());
        assertEquals("1", r.tableVersion());
        assertEquals(kPa, r.stiffnessKPa());
    }

    @Test
    void mayoTableHasSixStagesAndItsBoundsAreReported() {
        StagingTable t = StagingTables.mayo();
        assertEquals(List.of(2.5, 2.9, 3.5, 4.0, 5.0), t.cutoffsKPa());
        assertEquals(6, t.stages().size());
        StagingResult r = t.stage(3.1);
        assertEquals(2, r.index());
        assertEquals(2.9, r.lowerKPa());
        assertEquals(3.5, r.upperKPa());
        assertEquals("3.10 kPa: F1-F2 (Stage 1-2 fibrosis, 2.9 <= x < 3.5 kPa; table mayo v1)", r.describe());
        assertEquals("6.00 kPa: F4 (Stage 4 fibrosis (cirrhosis), 5.0 <= x kPa; table mayo v1)", t.stage(6).describe());
        assertTrue(Double.isInfinite(t.stage(1).lowerKPa()));
    }

    @Test
    void jmirRuleCallsTwoPointEightSignificantFibrosis() {
        StagingTable t = StagingTables.jmir2025();
        assertEquals("below-F2", t.stage(2.7999).stage().code());
        StagingResult at = t.stage(2.8);
        assertEquals("F2-or-more", at.stage().code());
        assertEquals("jmir2025", at.tableName());
        assertEquals("1", at.tableVersion());
    }

    @Test
    void lowerRulePutsAValueAtTheCutoffInTheStageBelow() {
        StagingTable t = StagingTable.parse("""
                name: site-x
                version: 2025-03
                at-cutoff: lower
                stage: low Low
                cutoff: 3
                stage: high High
                """);
        assertEquals("low", t.stage(3).stage().code());
        assertEquals("high", t.stage(3.0001).stage().code());
        assertEquals("3.00 kPa: low (Low, x <= 3.0 kPa; table site-x v2025-03)", t.stage(3).describe());
        assertEquals("", t.description());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "name: t\\nversion: 1\\nstage: a A\\ncutoff: 2\\nstage: b B|at-cutoff (upper or lower) is required",
        "name: t\\nversion: 1\\nat-cutoff: upper\\nstage: a A\\ncutoff: 3\\nstage: b B\\ncutoff: 2\\nstage: c C|strictly increasing",
        "name: t\\nversion: 1\\nat-cutoff: upper\\nstage: a A\\nstage: b B|line 5",
        "name: t\\nversion: 1\\nat-cutoff: upper\\nstage: a A\\ncutoff: 3|end with a stage",
        "name: t\\nversion: 1\\nat-cutoff: upper\\ncutoff: 3|line 4",
        "name: t\\nversion: 1\\nat-cutoff: upper\\nstage: a A\\ncutoff: 3 kPa\\nstage: b B|not a number",
        "name: t\\nversion: 1\\nat-cutoff: upper\\nstage: a A\\ncutoff: 3\\nstage: a B|appears twice",
        "name: t\\nversion: 1\\nat-cutoff: upper\\nstage: a\\ncutoff: 3\\nstage: b B|code and a label",
        "name: t\\nversion: 1\\nat-cutoff: sideways\\nstage: a A|'upper' or 'lower'",
        "name: t\\nversion: 1\\nat-cutoff: upper\\nunit: kPa\\nstage: a A|unknown key 'unit'",
        "version: 1\\nat-cutoff: upper\\nstage: a A|name and a version",
        "name: t\\nname: u\\nversion: 1\\nat-cutoff: upper\\nstage: a A|line 2",
        "name: t\\nversion: 1\\nat-cutoff: upper\\nstage: a A\\ncutoff: 0\\nstage: b B|> 0",
        "name: t\\nversion: 1\\njust words|expected 'key: value'",
    })
    void malformedTablesAreRejectedWithTheReason(String text, String reason) {
        var e = assertThrows(IllegalArgumentException.class, () -> StagingTable.parse(text.replace("\\n", "\n")));
        assertTrue(e.getMessage().contains(reason), "message '" + e.getMessage() + "' should contain '" + reason + "'");
    }

    @Test
    void undefinedValuesAreNotStaged() {
        StagingTable t = StagingTables.mayo();
        assertThrows(IllegalArgumentException.class, () -> t.stage(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> t.stage(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> t.stage(-0.1));
        assertThrows(IllegalArgumentException.class, () -> StagingTables.shipped("staging-none.txt"));
    }
}

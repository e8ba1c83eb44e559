// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.server.testing.Dcmtk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four result objects of the anatomical phantom exam, checked by three independent real
 * readers: dciodvfy (no errors; only the warnings explained in docs/results.md), pydicom (values,
 * units, masks and references against the truth arrays) and DCMTK dcmdump (parses every file).
 * With {@code -Dmre.resultsDir=DIR} the objects are also kept in DIR, to inspect them by hand.
 */
class ResultObjectsPeerTest {
    /** Warnings dciodvfy gives for our own code scheme and for the image type value naming the quantity. */
    private static final List<Pattern> EXPLAINED_WARNINGS = List.of(
            Pattern.compile("Warning - Unrecognized defined term <99MRE> for value 1 of attribute <Coding Scheme Designator>"),
            Pattern.compile("Warning - Unrecognized defined term <ELASTICITY> for value 3 of attribute <(Image|Frame) Type>"));

    @TempDir
    static Path dir;
    static ExamResult result;
    static List<ResultObject> objects;
    static List<Path> files = new ArrayList<>();

    @BeforeAll
    static void writeObjects() throws Exception {
        result = ResultFixtures.anatomical();
        objects = ResultObjects.write(result, ResultOptions.defaults());
        for (int i = 0; i < objects.size(); i++) {
            ResultObject o = objects.get(i);
            Path f = dir.resolve(String.format(Locale.ROOT, "%s-%02d.dcm", o.kind().shortName(), i));
            Files.write(f, o.part10());
            files.add(f);
            String keep = System.getProperty("mre.resultsDir");
            if (keep != null) {
                Files.createDirectories(Path.of(keep));
                Files.write(Path.of(keep).resolve(f.getFileName()), o.part10());
            }
        }
    }

    @Test
    void writesOneElastogramPerSliceThenMapSegAndReport() {
        List<ResultObject.Kind> kinds = objects.stream().map(ResultObject::kind).toList();
        assertEquals(List.of(ResultObject.Kind.COLOUR_ELASTOGRAM, ResultObject.Kind.COLOUR_ELASTOGRAM,
                ResultObject.Kind.COLOUR_ELASTOGRAM, ResultObject.Kind.COLOUR_ELASTOGRAM, ResultObject.Kind.STIFFNESS_MAP,
                ResultObject.Kind.SEGMENTATION, ResultObject.Kind.MEASUREMENT_REPORT), kinds);
    }

    @Test
    void everyObjectPassesDciodvfyWithoutErrorsOrUnexplainedWarnings() throws Exception {
        for (Path f : files) {
            dev.mre.server.testing.Dcmtk.Result r = Peers.dciodvfy(f);
            List<String> bad = r.output().lines()
                    .filter(l -> l.startsWith("Error") || l.startsWith("Warning"))
                    .filter(l -> EXPLAINED_WARNINGS.stream().noneMatch(p -> p.matcher(l).matches()))
                    .collect(Collectors.toList());
            assertTrue(bad.isEmpty(), f.getFileName() + ":\n" + r.output());
        }
    }

    @Test
    void pydicomReadsValuesUnitsMasksAndReferencesAsWritten() throws Exception {
        Path script = Path.of(getClass().getResource("check_results.py").toURI());
        String sources = result.slices().stream().map(s -> s.image().sopInstanceUid()).collect(Collectors.joining(","));
        dev.mre.server.testing.Dcmtk.Result r = Peers.run(List.of("/usr/bin/python3", script.toString(), dir.toString(),
                ResultFixtures.EXAM.resolve("truth").toString(), Double.toString(result.examKpa()), sources));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("ALL OK"), r.output());
    }

    @Test
    void dcmdumpParsesEveryObject() throws Exception {
        for (Path f : files) {
            Dcmtk.Result r = Dcmtk.run("dcmdump", "-q", "+P", "0008,0016", f.toString());
            assertEquals(0, r.exitCode(), f + ":\n" + r.output());
            assertTrue(r.output().contains("(0008,0016)"), f + ":\n" + r.output());
        }
    }
}

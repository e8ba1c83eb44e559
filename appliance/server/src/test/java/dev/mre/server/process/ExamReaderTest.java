// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.VR;
import dev.mre.science.MreExam;
import dev.mre.science.MreSlice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter on the committed reference exams and on copies of them with one thing broken. */
class ExamReaderTest {
    @TempDir
    Path dir;

    private static ExamReading read(Path p) throws ExamException {
        return new ExamReader(RecognitionRules.defaults()).read(p);
    }

    @Test
    void theGeLikeHomogeneousExamIsOneSliceOfFourOffsetsAt60HzWithPhaseInRadians() throws Exception {
        ExamReading r = read(Exams.dicom("homogeneous"));
        MreExam e = r.exam();
        assertEquals(256, e.rows());
        assertEquals(256, e.cols());
        assertEquals(1.5625e-3, e.rowSpacingM(), 1e-12);
        assertEquals(1.5625e-3, e.colSpacingM(), 1e-12);
        assertEquals(60, e.frequencyHz());
        assertEquals(1, e.slices().size());
        MreSlice s = e.slices().get(0);
        assertEquals(4, s.offsets());
        assertEquals(4, s.magnitude().length, "GE-like: one magnitude per offset");
        assertEquals(0.008, s.thicknessM(), 1e-12);
        for (float[] p : s.phase()) {
            for (float v : p) {
                assertTrue(Math.abs(v) <= Math.PI + 1e-3, "milliradians rescaled to radians: " + v);
            }
        }
        assertTrue(r.phaseScaling().contains("RAD"), r.phaseScaling());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void theSiemensLikeAnatomicalExamIsFourSlicesCranialFirstWithSeparateSeries() throws Exception {
        ExamReading r = read(Exams.dicom("anatomical"));
        List<MreSlice> slices = r.exam().slices();
        assertEquals(4, slices.size());
        double[] z = {0, -0.008, -0.016, -0.024};
        for (int i = 0; i < 4; i++) {
            assertEquals(i, slices.get(i).index());
            assertEquals(z[i], slices.get(i).locationM(), 1e-9, "slice " + i);
            assertEquals(4, slices.get(i).offsets());
        }
        assertTrue(r.phaseScaling().contains("8192"), r.phaseScaling());
        long used = r.series().stream().filter(SeriesReport::used).count();
        assertEquals(2, used, "magnitude and phase series");
    }

    @Test
    void elastogramAndMaskedElastogramSeriesAreRecognisedButNotUsedWithAReason() throws Exception {
        for (String kind : List.of("homogeneous", "anatomical")) {
            ExamReading r = read(Exams.dicom(kind));
            SeriesReport elastogram = r.series().stream().filter(s -> s.roles().containsKey(ImageRole.ELASTOGRAM))
                    .findFirst().orElseThrow();
            SeriesReport masked = r.series().stream()
                    .filter(s -> s.roles().containsKey(ImageRole.MASKED_ELASTOGRAM)).findFirst().orElseThrow();
            for (SeriesReport s : List.of(elastogram, masked)) {
                assertFalse(s.used(), kind + " " + s);
                assertTrue(s.reason().contains("not inversion input"), s.reason());
            }
        }
    }

    @Test
    void aRemovedPhaseImageIsRefusedNamingTheSliceAndTheCounts() throws Exception {
        Path copy = Exams.copy(Exams.dicom("anatomical"), dir.resolve("exam"));
        Files.delete(copy.resolve("02_phase/IM0006.dcm"));              // slice 1, offset 1
        ExamException e = assertThrows(ExamException.class, () -> read(copy));
        assertFalse(e.noInput());
        assertTrue(e.getMessage().contains("slice at z=-8 mm has 3 phase offsets, the others have 4"), e.getMessage());
        assertTrue(e.getMessage().contains("MRE_60Hz_phase"), e.getMessage());
    }

    @Test
    void mixedPixelSpacingIsRefusedNamingTheOddFile() throws Exception {
        Path copy = Exams.copy(Exams.dicom("homogeneous"), dir.resolve("exam"));
        Exams.edit(List.of(copy.resolve("01_raw/IM0006.dcm")), a -> a.setString(Tag.PixelSpacing, VR.DS, "1.7", "1.7"));
        ExamException e = assertThrows(ExamException.class, () -> read(copy));
        assertTrue(e.getMessage().startsWith("mixed pixel spacing: 7 images have 1.5625\\1.5625 mm, 1 1.7\\1.7 mm"),
                e.getMessage());
        assertTrue(e.getMessage().contains("IM0006.dcm"), e.getMessage());
    }

    @Test
    void missingPixelSpacingIsRefusedNamingTheFile() throws Exception {
        Path copy = Exams.copy(Exams.dicom("homogeneous"), dir.resolve("exam"));
        Exams.edit(List.of(copy.resolve("01_raw/IM0002.dcm")), a -> a.remove(Tag.PixelSpacing));
        ExamException e = assertThrows(ExamException.class, () -> read(copy));
        assertTrue(e.getMessage().contains("IM0002.dcm") && e.getMessage().contains("no PixelSpacing"), e.getMessage());
    }

    @Test
    void anEmptyFolderIsNoInput() throws Exception {
        ExamException e = assertThrows(ExamException.class, () -> read(Files.createDirectories(dir.resolve("empty"))));
        assertTrue(e.noInput());
        assertTrue(e.getMessage().contains("holds no files"), e.getMessage());
        assertTrue(assertThrows(ExamException.class, () -> read(dir.resolve("absent"))).noInput());
    }

    @Test
    void aFolderOfElastogramsOnlyIsRefusedListingWhatWasSeen() throws Exception {
        Path copy = Exams.copy(Exams.dicom("homogeneous").resolve("04_elastogram"), dir.resolve("exam"));
        ExamException e = assertThrows(ExamException.class, () -> read(copy));
        assertFalse(e.noInput());
        assertTrue(e.getMessage().startsWith("no MRE phase images among 1 files"), e.getMessage());
        assertTrue(e.getMessage().contains("#4 'STGRY elastogram': vendor elastogram"), e.getMessage());
    }

    @Test
    void withoutAFrequencyInTheNames60HzIsAssumedWithAWarningAndTheOperatorsFrequencyWins() throws Exception {
        Path copy = Exams.copy(Exams.dicom("homogeneous"), dir.resolve("exam"));
        Exams.edit(Exams.files(copy.resolve("01_raw")), a -> a.setString(Tag.SeriesDescription, VR.LO, "MRE RAW"));
        ExamReading r = read(copy);
        assertEquals(60, r.exam().frequencyHz());
        assertTrue(r.warnings().get(0).contains("assuming 60 Hz"), r.warnings().toString());
        ExamReading given = new ExamReader(RecognitionRules.defaults().withFrequency(90)).read(copy);
        assertEquals(90, given.exam().frequencyHz());
        assertEquals("--frequency", given.frequencySource());
        assertTrue(given.warnings().isEmpty());
    }

    @Test
    void phaseOffsetsAreOrderedByTriggerTimeWhenEveryImageHasOne() throws Exception {
        Path copy = Exams.copy(Exams.dicom("homogeneous"), dir.resolve("exam"));
        // phase instances 5..8 get trigger times in reverse: the order must follow the times
        List<Path> phase = Exams.files(copy.resolve("01_raw")).subList(4, 8);
        for (int i = 0; i < 4; i++) {
            double t = (3 - i) * 1000.0 / 60 / 4;
            Exams.edit(List.of(phase.get(i)), a -> a.setString(Tag.TriggerTime, VR.DS, String.valueOf(t)));
        }
        MreSlice byInstance = read(Exams.dicom("homogeneous")).exam().slices().get(0);
        MreSlice byTrigger = read(copy).exam().slices().get(0);
        for (int o = 0; o < 4; o++) {
            assertEquals(byInstance.phase()[3 - o][1000], byTrigger.phase()[o][1000], "offset " + o);
        }
    }

    @Test
    void inASingleSliceExamALostPhaseImageIsCaughtByTheMagnitudeCount() throws Exception {
        Path copy = Exams.copy(Exams.dicom("homogeneous"), dir.resolve("exam"));
        Files.delete(copy.resolve("01_raw/IM0007.dcm"));                // phase, offset 2
        ExamException e = assertThrows(ExamException.class, () -> read(copy));
        assertTrue(e.getMessage().contains("slice at z=0 mm has 4 magnitude images for 3 phase offsets"),
                e.getMessage());
    }

    @Test
    void twoMagnitudeSeriesThatBothFitThePhaseSeriesAreRefusedAsAmbiguous() throws Exception {
        Path copy = Exams.copy(Exams.dicom("anatomical"), dir.resolve("exam"));
        Path again = Exams.copy(copy.resolve("01_magnitude"), copy.resolve("07_magnitude_again"));
        Exams.edit(Exams.files(again), a -> {
            a.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.1234");
            a.setString(Tag.SeriesNumber, VR.IS, "7");
        });
        ExamException e = assertThrows(ExamException.class, () -> read(copy));
        assertTrue(e.getMessage().startsWith("several magnitude series fit phase series #2 'MRE_60Hz_phase'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("#7 'MRE_60Hz_magnitude'"), e.getMessage());
        assertFalse(e.series().isEmpty(), "the decisions come with the refusal");
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.VR;
import org.junit.jupiter.api.Test;

/** Each recognition rule on a minimal data set, in the order the classifier applies them. */
class ImageClassifierTest {
    private final ImageClassifier classifier = new ImageClassifier(RecognitionRules.defaults());

    private static Attributes mr(String description, String... imageType) {
        Attributes a = new Attributes();
        a.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.4");
        a.setInt(Tag.SamplesPerPixel, VR.US, 1);
        a.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        a.setString(Tag.SeriesDescription, VR.LO, description);
        a.setString(Tag.ImageType, VR.CS, imageType);
        return a;
    }

    private static Attributes ge(String description, int kind, String creator) {
        Attributes a = mr(description, "ORIGINAL", "PRIMARY", "OTHER");
        a.setString(0x00430010, VR.LO, creator);
        a.setInt(0x0043102F, VR.SS, kind);
        return a;
    }

    @Test
    void geImageKindZeroToThreeIsMagnitudePhaseRealImaginary() {
        ImageRole[] expected = {ImageRole.MAGNITUDE, ImageRole.PHASE, ImageRole.REAL, ImageRole.IMAGINARY};
        for (int k = 0; k < 4; k++) {
            ImageClassifier.Decision d = classifier.classify(ge("MRE 60Hz RAW", k, "GEMS_PARM_01"));
            assertEquals(expected[k], d.role());
            assertTrue(d.reason().contains("(0043,102F) = " + k), d.reason());
        }
    }

    @Test
    void theGeTagIsFoundInWhicheverBlockItsCreatorReserved() {
        Attributes a = mr("MRE 60Hz RAW", "ORIGINAL", "PRIMARY", "OTHER");
        a.setString(0x00430010, VR.LO, "SOME OTHER CREATOR");
        a.setInt(0x0043102F, VR.SS, 0);                                   // not GE's element: block 10 is not GE's
        a.setString(0x00430011, VR.LO, "GEMS_PARM_01");
        a.setInt(0x0043112F, VR.SS, 1);
        assertEquals(ImageRole.PHASE, classifier.classify(a).role());
    }

    @Test
    void siemensImageTypeValueThreeMAndPAreMagnitudeAndPhase() {
        assertEquals(ImageRole.MAGNITUDE, classifier.classify(mr("MRE_60Hz_magnitude", "ORIGINAL", "PRIMARY", "M", "ND"))
                .role());
        assertEquals(ImageRole.PHASE, classifier.classify(mr("MRE_60Hz_phase", "ORIGINAL", "PRIMARY", "P", "ND")).role());
    }

    @Test
    void complexImageComponentIsReadWhenPresent() {
        Attributes a = mr("MRE", "ORIGINAL", "PRIMARY", "OTHER");
        a.setString(0x00089208, VR.CS, "PHASE");
        assertEquals(ImageRole.PHASE, classifier.classify(a).role());
    }

    @Test
    void elastogramsAreRecognisedBeforeAnythingElseAndMaskedCopiesApart() {
        assertEquals(ImageRole.ELASTOGRAM, classifier.classify(mr("MRE_Elastogram", "DERIVED", "SECONDARY")).role());
        assertEquals(ImageRole.MASKED_ELASTOGRAM,
                classifier.classify(mr("MRE_Elastogram_95%_confidence", "DERIVED", "SECONDARY")).role());
        assertEquals(ImageRole.MASKED_ELASTOGRAM, classifier.classify(ge("STGRYM elastogram mask", 0, "GEMS_PARM_01"))
                .role(), "the description wins over a GE image kind");
    }

    @Test
    void otherDerivedImagesColourImagesAndNonMreSeriesAreIgnoredWithTheirReason() {
        ImageClassifier.Decision derived = classifier.classify(mr("MRE wave", "DERIVED", "SECONDARY", "P"));
        assertEquals(ImageRole.DERIVED, derived.role());
        Attributes rgb = mr("MRE wave images", "DERIVED", "SECONDARY");
        rgb.setInt(Tag.SamplesPerPixel, VR.US, 3);
        rgb.setString(Tag.PhotometricInterpretation, VR.CS, "RGB");
        ImageClassifier.Decision colour = classifier.classify(rgb);
        assertEquals(ImageRole.COLOUR, colour.role());
        assertTrue(colour.reason().contains("never inverted"), colour.reason());
        ImageClassifier.Decision t1 = classifier.classify(mr("t1_vibe_dixon_opp", "ORIGINAL", "PRIMARY", "M", "ND"));
        assertEquals(ImageRole.NOT_MRE, t1.role());
        assertTrue(t1.reason().contains("MRE rule"), t1.reason());
    }

    @Test
    void anMreImageWithoutAMarkerAndANonImageSopClassAreNotInput() {
        assertEquals(ImageRole.UNMARKED, classifier.classify(mr("MRE 60Hz", "ORIGINAL", "PRIMARY", "OTHER")).role());
        Attributes sr = mr("MRE report");
        sr.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.88.33");
        assertEquals(ImageRole.NOT_IMAGE, classifier.classify(sr).role());
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.VR;

/**
 * A coded concept (Code Sequence Macro, PS3.3 8.8): value, coding scheme, meaning. The constants
 * are the codes the result objects use, with their source (DCM = PS3.16, SCT = SNOMED CT,
 * UCUM = units); "99MRE" codes are this appliance's own (PS3.16 8.2: a "99" prefix marks a
 * private coding scheme) where no standard code exists.
 */
public record Code(String value, String scheme, String meaning) {

    // Segmentation property categories and types (CID 7150, CID 7151), anatomic region.
    public static final Code ANATOMICAL_STRUCTURE = new Code("123037004", "SCT", "Anatomical Structure");
    public static final Code LIVER = new Code("10200004", "SCT", "Liver");
    public static final Code SPATIAL_AND_RELATIONAL = new Code("309825002", "SCT", "Spatial and Relational Concept");
    public static final Code SELECTED_REGION = new Code("111099", "DCM", "Selected region");
    // Derivation and purpose of reference (CID 7203, CID 7202).
    public static final Code SEGMENTATION = new Code("113076", "DCM", "Segmentation");
    public static final Code SOURCE_IMAGE_FOR_PROCESSING =
            new Code("121322", "DCM", "Source image for image processing operation");
    // Units (UCUM).
    public static final Code KPA = new Code("kPa", "UCUM", "kPa");
    public static final Code CM2 = new Code("cm2", "UCUM", "cm2");
    public static final Code PIXELS = new Code("{pixels}", "UCUM", "pixels");
    // SR structure (TID 1500, 1001, 1411, 4019).
    public static final Code IMAGING_MEASUREMENT_REPORT = new Code("126000", "DCM", "Imaging Measurement Report");
    public static final Code LANGUAGE = new Code("121049", "DCM", "Language of Content Item and Descendants");
    public static final Code ENGLISH = new Code("en-US", "RFC5646", "English (United States)");
    public static final Code OBSERVER_TYPE = new Code("121005", "DCM", "Observer Type");
    public static final Code DEVICE = new Code("121007", "DCM", "Device");
    public static final Code DEVICE_OBSERVER_UID = new Code("121012", "DCM", "Device Observer UID");
    public static final Code DEVICE_OBSERVER_NAME = new Code("121013", "DCM", "Device Observer Name");
    public static final Code DEVICE_OBSERVER_MANUFACTURER = new Code("121014", "DCM", "Device Observer Manufacturer");
    public static final Code DEVICE_OBSERVER_MODEL = new Code("121015", "DCM", "Device Observer Model Name");
    public static final Code PROCEDURE_REPORTED = new Code("121058", "DCM", "Procedure reported");
    public static final Code MRI_PROCEDURE = new Code("25056-3", "LN", "MRI unspecified body region");
    public static final Code IMAGE_LIBRARY = new Code("111028", "DCM", "Image Library");
    public static final Code IMAGE_LIBRARY_GROUP = new Code("126200", "DCM", "Image Library Group");
    public static final Code IMAGING_MEASUREMENTS = new Code("126010", "DCM", "Imaging Measurements");
    public static final Code MEASUREMENT_GROUP = new Code("125007", "DCM", "Measurement Group");
    public static final Code TRACKING_IDENTIFIER = new Code("112039", "DCM", "Tracking Identifier");
    public static final Code TRACKING_UID = new Code("112040", "DCM", "Tracking Unique Identifier");
    public static final Code REFERENCED_SEGMENT = new Code("121191", "DCM", "Referenced Segment");
    public static final Code REFERENCED_SEGMENTATION_FRAME = new Code("121214", "DCM", "Referenced Segmentation Frame");
    public static final Code SOURCE_SERIES_FOR_SEGMENTATION = new Code("121232", "DCM", "Source series for segmentation");
    public static final Code FINDING = new Code("121071", "DCM", "Finding");
    public static final Code FINDING_SITE = new Code("363698007", "SCT", "Finding Site");
    public static final Code ALGORITHM_NAME = new Code("111001", "DCM", "Algorithm Name");
    public static final Code ALGORITHM_VERSION = new Code("111003", "DCM", "Algorithm Version");
    public static final Code ALGORITHM_PARAMETERS = new Code("111002", "DCM", "Algorithm Parameters");
    public static final Code DERIVATION = new Code("121401", "DCM", "Derivation");
    public static final Code MEASUREMENT_METHOD = new Code("370129005", "SCT", "Measurement Method");
    public static final Code QUANTITY = new Code("246205007", "SCT", "Quantity");

    // Quantities and derivations (CID 7469, CID 7464); 99MRE where none is standard.
    public static final Code ELASTICITY = new Code("110830", "DCM", "Elasticity");
    public static final Code MEAN = new Code("373098007", "SCT", "Mean");
    public static final Code MEDIAN = new Code("373099004", "SCT", "Median");
    public static final Code AREA = new Code("42798000", "SCT", "Area");
    public static final Code INTERQUARTILE_RANGE = new Code("MRE001", "99MRE", "Interquartile range");
    public static final Code PIXEL_COUNT = new Code("MRE002", "99MRE", "Number of pixels");
    public static final Code FIBROSIS_STAGE = new Code("MRE003", "99MRE", "Liver fibrosis stage (MRE)");
    public static final Code STAGING_TABLE = new Code("MRE004", "99MRE", "Staging table");
    public static final Code REVIEW_FLAG = new Code("MRE005", "99MRE", "Review flag");
    public static final Code AREA_WEIGHTED_MEAN =
            new Code("MRE006", "99MRE", "Area-weighted mean of slice ROI means");
    public static final Code WAVE_INVERSION = new Code("MRE008", "99MRE", "MRE wave inversion");
    public static final Code MAGNITUDE_OF_COMPLEX_SHEAR_MODULUS =
            new Code("MRE007", "99MRE", "Magnitude of complex shear modulus |G*|");

    /** The private scheme of the "99MRE" codes, for the CodingSchemeIdentificationSequence. */
    public static final String PRIVATE_SCHEME = "99MRE";

    /** Declares the private coding scheme (SOP Common, CodingSchemeIdentificationSequence) in a data set using it. */
    static void declarePrivateScheme(Attributes a) {
        Attributes s = new Attributes();
        s.setString(Tag.CodingSchemeDesignator, VR.SH, PRIVATE_SCHEME);
        s.setString(Tag.CodingSchemeName, VR.ST, "MRE appliance local codes (docs/results.md)");
        s.setString(Tag.CodingSchemeResponsibleOrganization, VR.ST, "MRE appliance project");
        a.newSequence(Tag.CodingSchemeIdentificationSequence).add(s);
    }

    /** One item of a code sequence. */
    public Attributes item() {
        Attributes a = new Attributes();
        a.setString(Tag.CodeValue, VR.SH, value);
        a.setString(Tag.CodingSchemeDesignator, VR.SH, scheme);
        a.setString(Tag.CodeMeaning, VR.LO, meaning);
        return a;
    }

    /** Sets a one-item code sequence on the data set. */
    public void setOn(Attributes a, int sequenceTag) {
        a.newSequence(sequenceTag).add(item());
    }
}

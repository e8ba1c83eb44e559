// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.VR;
import java.util.Locale;

/**
 * Decides the {@link ImageRole} of one data set by the {@link RecognitionRules}, always with the
 * reason, so an operator can see why an image was or was not used. Rules, first match wins:
 * <ol>
 *   <li>SOP class not in the rules: not a single-frame MR image;</li>
 *   <li>SamplesPerPixel != 1 or not MONOCHROME: colour (GE wave images with burned-in text);</li>
 *   <li>description matches the elastogram pattern: elastogram, or its masked copy; else
 *       ImageType value 1 DERIVED: another derived image;</li>
 *   <li>neither an MRE description nor GE's image-kind tag: not MRE;</li>
 *   <li>magnitude/phase/real/imaginary from GE (0043,xx2F) = 0/1/2/3, else ComplexImageComponent
 *       (0008,9208), else ImageType value 3 (M, P, R, I as Siemens writes them).</li>
 * </ol>
 */
final class ImageClassifier {

    /** A role with the sentence that justifies it. */
    record Decision(ImageRole role, String reason) {
    }

    private final RecognitionRules rules;

    ImageClassifier(RecognitionRules rules) {
        this.rules = rules;
    }

    Decision classify(Attributes a) {
        String sop = a.getString(Tag.SOPClassUID, "");
        if (!rules.sopClasses().contains(sop)) {
            return new Decision(ImageRole.NOT_IMAGE, "SOP class " + (sop.isEmpty() ? "(none)" : sop)
                    + " is not single-frame MR Image Storage");
        }
        String photometric = a.getString(Tag.PhotometricInterpretation, "");
        if (a.getInt(Tag.SamplesPerPixel, 1) != 1 || !photometric.startsWith("MONOCHROME")) {
            return new Decision(ImageRole.COLOUR, "colour image (" + photometric
                    + "), e.g. wave images with burned-in text: never inverted");
        }
        String description = a.getString(Tag.SeriesDescription, "");
        String protocol = a.getString(Tag.ProtocolName, "");
        String[] type = a.getStrings(Tag.ImageType);
        if (rules.elastogramSeries().matcher(description).find()) {
            return rules.maskedSeries().matcher(description).find()
                    ? new Decision(ImageRole.MASKED_ELASTOGRAM, "description matches the masked-elastogram rule:"
                            + " a vendor result, reported, not inversion input")
                    : new Decision(ImageRole.ELASTOGRAM, "description matches the elastogram rule:"
                            + " a vendor result, reported, not inversion input");
        }
        if (type != null && type.length > 0 && type[0].equals("DERIVED")) {
            return new Decision(ImageRole.DERIVED, "ImageType DERIVED: only ORIGINAL images are inversion input");
        }
        int geKind = geImageKind(a);
        if (geKind < 0 && !rules.mreSeries().matcher(description).find()
                && !rules.mreSeries().matcher(protocol).find()) {
            return new Decision(ImageRole.NOT_MRE, "neither description nor protocol name matches the MRE rule"
                    + " and no " + rules.geCreator() + " image-kind tag");
        }
        if (geKind >= 0) {
            if (geKind < RecognitionRules.GE_KINDS.size()) {
                ImageRole r = RecognitionRules.GE_KINDS.get(geKind);
                return new Decision(r, "GE image kind (0043,102F) = " + geKind + " (" + r.label() + ")");
            }
            return new Decision(ImageRole.UNMARKED, "GE image kind (0043,102F) = " + geKind + " is not 0..3");
        }
        String component = a.getString(Tag.ComplexImageComponent, "");
        ImageRole r = component(component);
        if (r != null) {
            return new Decision(r, "ComplexImageComponent " + component);
        }
        if (type != null && type.length > 2 && (r = component(type[2])) != null) {
            return new Decision(r, "ImageType value 3 '" + type[2] + "' (" + r.label() + ")");
        }
        return new Decision(ImageRole.UNMARKED, "no (0043,102F), ComplexImageComponent or ImageType value 3"
                + " says magnitude or phase");
    }

    private static ImageRole component(String s) {
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "M", "MAGNITUDE" -> ImageRole.MAGNITUDE;
            case "P", "PHASE" -> ImageRole.PHASE;
            case "R", "REAL" -> ImageRole.REAL;
            case "I", "IMAGINARY" -> ImageRole.IMAGINARY;
            default -> null;
        };
    }

    /** GE's image kind from the block its creator reserved in group 0043 (PS3.5 7.8.1); -1 if absent. */
    int geImageKind(Attributes a) {
        for (int block = 0x10; block <= 0xFF; block++) {
            if (rules.geCreator().equals(a.getString(0x00430000 | block))) {
                int tag = 0x00430000 | block << 8 | rules.geKindElement();
                byte[] v = a.getBytes(tag);
                if (v == null || v.length < 2) {
                    return -1;
                }
                VR vr = a.getVR(tag);
                return vr == VR.US ? (v[0] & 0xff | (v[1] & 0xff) << 8) : (short) (v[0] & 0xff | v[1] << 8);
            }
        }
        return -1;
    }
}

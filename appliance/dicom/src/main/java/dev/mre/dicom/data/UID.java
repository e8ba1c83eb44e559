// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Well-known UIDs (PS3.6 Annex A) this appliance names in code, and {@link #nameOf} for logs and
 * dumps, backed by the generated resource {@code uids.tsv}.
 */
public final class UID {
    private UID() {}

    public static final String Verification = "1.2.840.10008.1.1";
    public static final String ImplicitVRLittleEndian = "1.2.840.10008.1.2";
    public static final String ExplicitVRLittleEndian = "1.2.840.10008.1.2.1";
    public static final String EncapsulatedUncompressedExplicitVRLittleEndian = "1.2.840.10008.1.2.1.98";
    public static final String DeflatedExplicitVRLittleEndian = "1.2.840.10008.1.2.1.99";
    public static final String ExplicitVRBigEndian = "1.2.840.10008.1.2.2";
    public static final String JPEGBaseline8Bit = "1.2.840.10008.1.2.4.50";
    public static final String JPEGExtended12Bit = "1.2.840.10008.1.2.4.51";
    public static final String JPEGLossless = "1.2.840.10008.1.2.4.57";
    public static final String JPEGLosslessSV1 = "1.2.840.10008.1.2.4.70";
    public static final String JPEGLSLossless = "1.2.840.10008.1.2.4.80";
    public static final String JPEGLSNearLossless = "1.2.840.10008.1.2.4.81";
    public static final String JPEG2000Lossless = "1.2.840.10008.1.2.4.90";
    public static final String JPEG2000 = "1.2.840.10008.1.2.4.91";
    public static final String RLELossless = "1.2.840.10008.1.2.5";
    public static final String CTImageStorage = "1.2.840.10008.5.1.4.1.1.2";
    public static final String EnhancedCTImageStorage = "1.2.840.10008.5.1.4.1.1.2.1";
    public static final String MRImageStorage = "1.2.840.10008.5.1.4.1.1.4";
    public static final String EnhancedMRImageStorage = "1.2.840.10008.5.1.4.1.1.4.1";
    public static final String MRSpectroscopyStorage = "1.2.840.10008.5.1.4.1.1.4.2";
    public static final String SecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7";
    public static final String ParametricMapStorage = "1.2.840.10008.5.1.4.1.1.30";
    public static final String SegmentationStorage = "1.2.840.10008.5.1.4.1.1.66.4";
    public static final String EncapsulatedPDFStorage = "1.2.840.10008.5.1.4.1.1.104.1";
    public static final String BasicTextSRStorage = "1.2.840.10008.5.1.4.1.1.88.11";
    public static final String EnhancedSRStorage = "1.2.840.10008.5.1.4.1.1.88.22";
    public static final String ComprehensiveSRStorage = "1.2.840.10008.5.1.4.1.1.88.33";

    private static final Map<String, String[]> TABLE = load();

    /** The standard's name, e.g. "MR Image Storage", or the UID itself if unknown. */
    public static String nameOf(String uid) {
        String[] row = TABLE.get(uid);
        return row != null ? row[2] : uid;
    }

    /** The keyword, e.g. "MRImageStorage", or null if unknown. */
    public static String keywordOf(String uid) {
        String[] row = TABLE.get(uid);
        return row != null && !row[1].isEmpty() ? row[1] : null;
    }

    /** The UID type, e.g. "SOP Class" or "Transfer Syntax", or null if unknown. */
    public static String typeOf(String uid) {
        String[] row = TABLE.get(uid);
        return row != null ? row[3] : null;
    }

    private static Map<String, String[]> load() {
        Map<String, String[]> map = new HashMap<>();
        try (InputStream in = UID.class.getResourceAsStream("uids.tsv")) {
            if (in == null) throw new IllegalStateException("resource uids.tsv missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.charAt(0) == '#') continue;
                String[] row = line.split("\t", -1);
                map.put(row[0], row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }
}

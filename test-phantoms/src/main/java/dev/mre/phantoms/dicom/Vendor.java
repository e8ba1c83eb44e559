// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.dicom;

/**
 * The header flavours the simulator can imitate, modelled on what is publicly known of GE
 * (MR-Touch) and Siemens MRE exports (see docs/phantoms.md and MRE_PRIMER.md). They matter because
 * the appliance's series recognition is rule-driven: tests need both shapes.
 *
 * <ul>
 *   <li>GE-like: one raw series holding magnitude and phase images together; private tag
 *       (0043,102F) = 0 magnitude / 1 phase under creator "GEMS_PARM_01"; slice group number in
 *       (0027,1041) under "GEMS_IMAG_01"; phase offsets ordered by InstanceNumber within a slice;
 *       phase stored signed in milliradians (RescaleSlope 0.001); elastogram "STGRY" in Pa,
 *       masked copy "STGRYM".</li>
 *   <li>Siemens-like: separate magnitude and phase series; phase 0..4095 with RescaleSlope 2 and
 *       RescaleIntercept -4096 (value/4096 x pi = radians); offsets ordered by InstanceNumber (the offset's time is in
 *       ImageComments: TriggerTime would require ScanOptions CG/PPG);
 *       elastogram in units of 10 Pa (RescaleSlope 10 gives Pa; window 400/800 shows 0-8 kPa)
 *       and a "95% confidence" masked copy.</li>
 * </ul>
 */
public enum Vendor {
    GE("GE MEDICAL SYSTEMS", "SIGNA Artist"),
    SIEMENS("SIEMENS", "MAGNETOM Aera");

    private final String manufacturer;
    private final String model;

    Vendor(String manufacturer, String model) {
        this.manufacturer = manufacturer;
        this.model = model;
    }

    public String manufacturer() {
        return manufacturer;
    }

    public String model() {
        return model;
    }

    public static Vendor parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}

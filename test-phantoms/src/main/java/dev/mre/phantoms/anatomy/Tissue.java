// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.anatomy;

/**
 * Tissue classes of the label map, with the label value written to {@code labels.npy}, the
 * default viscoelastic properties at 60 Hz and the relative GRE magnitude. One table so the
 * truth, the physics and the images agree on what a pixel is. Values: liver from the stage table
 * ({@link FibrosisStage}); others are round numbers in the ranges reported by 60 Hz MRE studies
 * (spleen stiffer than normal liver, kidney and muscle about 3 kPa, fluids nearly shear-free but
 * viscous); see docs/phantoms.md for sources and the compromises (fluids, bone).
 */
public enum Tissue {
    /** Outside the body, or bowel gas: no shear waves, no signal. */
    AIR(0, 0, 0, 0.0, false),
    FAT(1, 1500, 300, 0.90, true),
    MUSCLE(2, 3000, 900, 0.35, true),
    /** Liver parenchyma; G' and G'' here are placeholders, the stage model sets them per pixel. */
    LIVER(3, 2000, 600, 0.45, true),
    /** Hepatic and portal veins, IVC, aorta: blood modelled as a very soft, very lossy solid. */
    VESSEL(4, 400, 800, 0.65, true),
    /** Bile: like blood. */
    GALLBLADDER(5, 400, 800, 0.75, true),
    SPLEEN(6, 4500, 1800, 0.55, true),
    KIDNEY(7, 3200, 1300, 0.60, true),
    /** Vertebra: 100 kPa, effectively rigid at 60 Hz (wavelength 170 mm), see docs. */
    BONE(8, 100000, 10000, 0.25, true),
    /** Bowel and other viscera. */
    BOWEL(9, 2000, 800, 0.50, true),
    /** Tissue-mimicking gel of a QA phantom (low loss, like agar/PVA phantoms). */
    GEL(10, 3000, 300, 0.60, true),
    /** Stiff inclusion of a QA phantom. */
    INCLUSION(11, 10000, 1000, 0.50, true),
    /**
     * The patient table under the back: no MR signal, and so heavy (density 1e6 kg/m3) that it
     * does not move at 60 Hz. It clamps the posterior body wall as a real table does, and takes
     * the reaction of the driver's force.
     */
    TABLE(12, 3000, 3000, 0.0, true);

    private final int label;
    private final double storagePa;
    private final double lossPa;
    private final double magnitude;
    private final boolean solid;

    Tissue(int label, double storagePa, double lossPa, double magnitude, boolean solid) {
        this.label = label;
        this.storagePa = storagePa;
        this.lossPa = lossPa;
        this.magnitude = magnitude;
        this.solid = solid;
    }

    /** Value in the uint8 label map. */
    public int label() {
        return label;
    }

    public double storagePa() {
        return storagePa;
    }

    public double lossPa() {
        return lossPa;
    }

    /** Relative signal of the magnitude image (0..1) before coil shading. */
    public double magnitude() {
        return magnitude;
    }

    /** Density in kg/m3: 1000 for every tissue, 1e6 for the table. */
    public double density() {
        return this == TABLE ? 1.0e6 : 1000.0;
    }

    /** Whether shear waves exist in it. */
    public boolean solid() {
        return solid;
    }

    private static final Tissue[] BY_LABEL = values();

    public static Tissue ofLabel(int label) {
        return BY_LABEL[label];
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything the result writers need about one processed MRE exam, and nothing parsed from DICOM
 * beyond copied attributes. Exists so the science results reach the DICOM writers as one typed
 * value: the pipeline fills it, {@link ResultObjects#write} turns it into the colour elastogram,
 * stiffness map, SEG and SR objects.
 *
 * @param source     Patient, General Study and General Equipment attributes of the received
 *                   images, as received (copied into every result object; never logged)
 * @param slices     the slices, in the order of the source series (index 0 first)
 * @param examKpa    exam liver stiffness: the area-weighted mean of the slice ROI means, kPa
 * @param stage      the fibrosis stage read from the staging table
 * @param flags      reasons a reader should review the result (empty when none)
 * @param algorithm  the software that produced the values, with its models
 * @param created    when the result was made (Content/Instance Creation Date and Time)
 */
public record ExamResult(Attributes source, List<Slice> slices, double examKpa, Stage stage, List<ReviewFlag> flags,
                         Algorithm algorithm, LocalDateTime created) {

    public ExamResult {
        Objects.requireNonNull(source, "source attributes");
        if (source.getString(Tag.StudyInstanceUID) == null) {
            throw new IllegalArgumentException("the source attributes carry no StudyInstanceUID");
        }
        if (slices == null || slices.isEmpty()) {
            throw new IllegalArgumentException("an exam result needs at least one slice");
        }
        slices = List.copyOf(slices);
        flags = List.copyOf(flags);
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(created, "created");
        String frame = slices.get(0).geometry().frameOfReferenceUid();
        for (Slice s : slices) {
            if (!s.geometry().frameOfReferenceUid().equals(frame)) {
                throw new IllegalArgumentException("slices of one exam must share one FrameOfReferenceUID");
            }
        }
    }

    /** The Study Instance UID every result object is filed under. */
    public String studyUid() {
        return source.getString(Tag.StudyInstanceUID);
    }

    /**
     * One slice: where it came from, its maps and masks (row-major, rows x cols) and its values.
     *
     * @param image         the source image the slice's results derive from (the magnitude image)
     * @param geometry      that image's geometry
     * @param stiffnessKpa  |G*| in kPa; NaN where undefined
     * @param magnitude     the magnitude image, any scale, shown as grayscale underlay; may be null
     * @param liver         liver mask
     * @param roi           measurement ROI mask
     * @param values        the slice's ROI statistics
     */
    public record Slice(SourceImage image, Geometry geometry, float[] stiffnessKpa, float[] magnitude,
                        boolean[] liver, boolean[] roi, SliceValues values) {
        public Slice {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(geometry, "geometry");
            Objects.requireNonNull(values, "values");
            int n = geometry.rows() * geometry.cols();
            check("stiffness map", stiffnessKpa == null ? -1 : stiffnessKpa.length, n);
            check("liver mask", liver == null ? -1 : liver.length, n);
            check("ROI mask", roi == null ? -1 : roi.length, n);
            if (magnitude != null) {
                check("magnitude", magnitude.length, n);
            }
        }

        private static void check(String what, int length, int n) {
            if (length != n) {
                throw new IllegalArgumentException(what + " has " + (length < 0 ? "no" : length) + " pixels, the geometry "
                        + n);
            }
        }
    }

    /** A referenced source image: its series and SOP identity. */
    public record SourceImage(String seriesUid, String sopClassUid, String sopInstanceUid) {
        public SourceImage {
            Objects.requireNonNull(seriesUid, "seriesUid");
            Objects.requireNonNull(sopClassUid, "sopClassUid");
            Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        }
    }

    /**
     * The source image's plane, copied from its header.
     *
     * @param position     ImagePositionPatient (x, y, z of the first pixel's centre), mm
     * @param orientation  ImageOrientationPatient (row then column direction cosines)
     * @param pixelSpacing PixelSpacing (between rows, between columns), mm
     */
    public record Geometry(String frameOfReferenceUid, double[] position, double[] orientation, double[] pixelSpacing,
                           double sliceThicknessMm, int rows, int cols) {
        public Geometry {
            Objects.requireNonNull(frameOfReferenceUid, "frameOfReferenceUid");
            if (position == null || position.length != 3 || orientation == null || orientation.length != 6
                    || pixelSpacing == null || pixelSpacing.length != 2) {
                throw new IllegalArgumentException("geometry needs 3 position, 6 orientation and 2 spacing values");
            }
            if (rows <= 0 || cols <= 0 || !(sliceThicknessMm > 0)) {
                throw new IllegalArgumentException("geometry needs positive rows, columns and slice thickness");
            }
        }
    }

    /** ROI statistics of one slice: mean, median and interquartile range in kPa, area in cm2. */
    public record SliceValues(double meanKpa, double medianKpa, double iqrKpa, double areaCm2, int pixels) {
    }

    /** The stage label ("F2", "stage 1-2") and the table it was read from. */
    public record Stage(String label, String tableName, String tableVersion) {
        public Stage {
            Objects.requireNonNull(label, "stage label");
            Objects.requireNonNull(tableName, "staging table name");
            Objects.requireNonNull(tableVersion, "staging table version");
        }
    }

    /** Why a reader should look again: a short code ("LOW_CONFIDENCE") and a sentence. */
    public record ReviewFlag(String code, String reason) {
        public ReviewFlag {
            Objects.requireNonNull(code, "flag code");
            Objects.requireNonNull(reason, "flag reason");
        }
    }

    /** The algorithm (name, version) and the models it ran. */
    public record Algorithm(String name, String version, List<Model> models) {
        public Algorithm {
            Objects.requireNonNull(name, "algorithm name");
            Objects.requireNonNull(version, "algorithm version");
            models = List.copyOf(models);
        }
    }

    /** One model package: name and version. */
    public record Model(String name, String version) {
        public Model {
            Objects.requireNonNull(name, "model name");
            Objects.requireNonNull(version, "model version");
        }
    }
}

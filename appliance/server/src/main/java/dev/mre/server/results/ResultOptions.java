// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import java.util.Objects;

/**
 * Site settings of the result objects: series numbers and descriptions, the equipment named as
 * their creator, and the colour scale range. {@link #defaults()} is what a site gets without
 * configuration.
 *
 * @param elastogram    colour elastogram series (Secondary Capture)
 * @param map           stiffness map series (Parametric Map)
 * @param segmentation  SEG series
 * @param report        SR series
 * @param equipment     the appliance as the equipment that created the objects
 * @param scaleMaxKpa   top of the colour scale (its bottom is 0 kPa); the MRE convention is 8
 */
public record ResultOptions(Series elastogram, Series map, Series segmentation, Series report, Equipment equipment,
                            double scaleMaxKpa) {

    public ResultOptions {
        Objects.requireNonNull(elastogram);
        Objects.requireNonNull(map);
        Objects.requireNonNull(segmentation);
        Objects.requireNonNull(report);
        Objects.requireNonNull(equipment);
        if (!(scaleMaxKpa > 0) || scaleMaxKpa > 100) {
            throw new IllegalArgumentException("scaleMaxKpa must be in (0, 100] kPa, was " + scaleMaxKpa);
        }
    }

    public static ResultOptions defaults() {
        return new ResultOptions(new Series(901, "MRE colour elastogram"), new Series(902, "MRE stiffness map kPa"),
                new Series(903, "MRE liver and ROI segmentation"), new Series(904, "MRE measurement report"),
                new Equipment("MRE appliance project", "MRE edge appliance", "0"), 8.0);
    }

    public ResultOptions withScaleMaxKpa(double kpa) {
        return new ResultOptions(elastogram, map, segmentation, report, equipment, kpa);
    }

    /** SeriesNumber and SeriesDescription of one result series. */
    public record Series(int number, String description) {
        public Series {
            if (number < 0 || description == null || description.length() > 64) {
                throw new IllegalArgumentException("series needs a number >= 0 and a description of at most 64 characters");
            }
        }
    }

    /** Manufacturer, ManufacturerModelName and DeviceSerialNumber of the appliance. */
    public record Equipment(String manufacturer, String model, String serialNumber) {
        public Equipment {
            Objects.requireNonNull(manufacturer);
            Objects.requireNonNull(model);
            Objects.requireNonNull(serialNumber);
        }
    }
}

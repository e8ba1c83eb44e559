// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.anatomy;

/**
 * Paints tissue shapes onto a label grid in millimetres, origin at the image centre, x towards
 * the patient's left (image right), y towards posterior (image down). Later shapes overwrite
 * earlier ones, so a phantom is drawn from the outside in. Each pixel is tested at its centre.
 */
final class Canvas {
    final int nx;
    final int ny;
    final double pixelMm;
    final byte[] labels;

    Canvas(int nx, int ny, double pixelMm) {
        this.nx = nx;
        this.ny = ny;
        this.pixelMm = pixelMm;
        this.labels = new byte[nx * ny];
    }

    double xMm(int x) {
        return (x + 0.5 - nx / 2.0) * pixelMm;
    }

    double yMm(int y) {
        return (y + 0.5 - ny / 2.0) * pixelMm;
    }

    /** Region test in mm coordinates. */
    interface Shape {
        boolean contains(double x, double y);
    }

    void paint(Shape s, Tissue t) {
        paintIf(s, t, null);
    }

    /** Paints t where s contains the pixel and (if given) the pixel currently holds {@code onlyOver}. */
    void paintIf(Shape s, Tissue t, Tissue onlyOver) {
        for (int y = 0; y < ny; y++) {
            double ym = yMm(y);
            for (int x = 0; x < nx; x++) {
                int k = y * nx + x;
                if ((onlyOver == null || labels[k] == onlyOver.label()) && s.contains(xMm(x), ym)) {
                    labels[k] = (byte) t.label();
                }
            }
        }
    }

    Tissue at(int k) {
        return Tissue.ofLabel(labels[k]);
    }

    static Shape ellipse(double cx, double cy, double a, double b, double angleRad) {
        double c = Math.cos(angleRad);
        double s = Math.sin(angleRad);
        return (x, y) -> {
            double u = ((x - cx) * c + (y - cy) * s) / a;
            double v = (-(x - cx) * s + (y - cy) * c) / b;
            return u * u + v * v <= 1;
        };
    }

    static Shape circle(double cx, double cy, double r) {
        return (x, y) -> (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
    }

    /** An ellipse whose radius is modulated by low-order harmonics: irregular organ outlines. */
    static Shape lumpyEllipse(double cx, double cy, double a, double b, double angleRad, double[] amps,
                              double[] phases) {
        double c = Math.cos(angleRad);
        double s = Math.sin(angleRad);
        return (x, y) -> {
            double u = ((x - cx) * c + (y - cy) * s) / a;
            double v = (-(x - cx) * s + (y - cy) * c) / b;
            double theta = Math.atan2(v, u);
            double r = 1;
            for (int i = 0; i < amps.length; i++) {
                r += amps[i] * Math.cos((i + 2) * theta + phases[i]);
            }
            return u * u + v * v <= r * r;
        };
    }

    /** A band of half-width w around the segment (x0,y0)-(x1,y1). */
    static Shape segment(double x0, double y0, double x1, double y1, double w) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len2 = dx * dx + dy * dy;
        return (x, y) -> {
            double t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2));
            double px = x0 + t * dx - x;
            double py = y0 + t * dy - y;
            return px * px + py * py <= w * w;
        };
    }
}

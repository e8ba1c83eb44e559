// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.fft;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-place complex FFT over separate real and imaginary double arrays, for any length.
 *
 * <p>Exists because the science module has no dependencies: k-space filtering, the DCT-based
 * Poisson solver and the temporal harmonic all need a transform for sizes such as 256 and 204
 * (interpolated clinical matrices). Powers of two use an iterative radix-2 kernel; every other
 * length uses Bluestein's chirp-z algorithm on a power-of-two kernel, which is exact (no
 * zero-padding of the signal itself, so no change to the spectrum).
 *
 * <p>Sign convention: {@link #forward} computes X[k] = sum x[n] e^{-2 pi i n k / N};
 * {@link #inverse} computes the conjugate transform scaled by 1/N, so inverse(forward(x)) = x.
 * Plans are immutable and cached per length; instances are thread-safe.
 */
public final class Fft {
    private static final Map<Integer, Fft> PLANS = new ConcurrentHashMap<>();

    private final int n;
    private final int[] bitReverse;      // radix-2 only
    private final double[] cos;          // radix-2 twiddles, length n/2
    private final double[] sin;
    private final Fft kernel;            // Bluestein only: power-of-two plan of length m >= 2n-1
    private final double[] chirpRe;      // Bluestein: w[j] = e^{-i pi j^2 / n}
    private final double[] chirpIm;
    private final double[] filterRe;     // Bluestein: FFT of conj(w) arranged circularly
    private final double[] filterIm;

    /** The plan for length n (n >= 1), built once and shared. */
    public static Fft of(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("FFT length must be positive, got " + n);
        }
        Fft plan = PLANS.get(n);
        if (plan == null) {
            // not computeIfAbsent: a Bluestein plan builds its power-of-two kernel plan while
            // constructing, and a nested computeIfAbsent on the same map may throw
            plan = new Fft(n);
            Fft raced = PLANS.putIfAbsent(n, plan);
            plan = raced == null ? plan : raced;
        }
        return plan;
    }

    private Fft(int n) {
        this.n = n;
        if (Integer.bitCount(n) == 1) {
            bitReverse = bitReverseTable(n);
            cos = new double[Math.max(1, n / 2)];
            sin = new double[Math.max(1, n / 2)];
            for (int k = 0; k < n / 2; k++) {
                double a = -2 * Math.PI * k / n;
                cos[k] = Math.cos(a);
                sin[k] = Math.sin(a);
            }
            kernel = null;
            chirpRe = chirpIm = filterRe = filterIm = null;
        } else {
            bitReverse = null;
            cos = sin = null;
            int m = Integer.highestOneBit(2 * n - 1) << 1;
            kernel = of(m);
            chirpRe = new double[n];
            chirpIm = new double[n];
            for (int j = 0; j < n; j++) {
                // j^2 mod 2n keeps the angle accurate for large j
                long jj = ((long) j * j) % (2L * n);
                double a = -Math.PI * jj / n;
                chirpRe[j] = Math.cos(a);
                chirpIm[j] = Math.sin(a);
            }
            filterRe = new double[m];
            filterIm = new double[m];
            for (int j = 0; j < n; j++) {
                filterRe[j] = chirpRe[j];
                filterIm[j] = -chirpIm[j];
                if (j > 0) {
                    filterRe[m - j] = chirpRe[j];
                    filterIm[m - j] = -chirpIm[j];
                }
            }
            kernel.forward(filterRe, filterIm);
        }
    }

    /** Length this plan transforms. */
    public int length() {
        return n;
    }

    /** Forward transform in place (e^{-i...}, unscaled). */
    public void forward(double[] re, double[] im) {
        if (kernel == null) {
            radix2(re, im);
        } else {
            bluestein(re, im);
        }
    }

    /** Inverse transform in place (e^{+i...}, scaled by 1/N). */
    public void inverse(double[] re, double[] im) {
        // conj(FFT(conj(x))) / N
        for (int i = 0; i < n; i++) {
            im[i] = -im[i];
        }
        forward(re, im);
        double s = 1.0 / n;
        for (int i = 0; i < n; i++) {
            re[i] *= s;
            im[i] = -im[i] * s;
        }
    }

    /**
     * For a power-of-two plan: the bit-reversal permutation (do not modify), else null. A caller
     * that writes its input already permuted ({@code re[bitReverse[i]] = x[i]}) can call
     * {@link #forwardFromBitReversed} and save the reordering pass.
     */
    int[] bitReverseOrNull() {
        return bitReverse;
    }

    /** Forward transform of input already in bit-reversed order (power-of-two plans only). */
    void forwardFromBitReversed(double[] re, double[] im) {
        if (bitReverse == null) {
            throw new IllegalStateException("not a power-of-two plan: " + n);
        }
        butterflies(re, im);
    }

    private void radix2(double[] re, double[] im) {
        for (int i = 0; i < n; i++) {
            int j = bitReverse[i];
            if (j > i) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        butterflies(re, im);
    }

    private void butterflies(double[] re, double[] im) {
        // size-2 and size-4 stages have trivial twiddles (1, -i): no multiplications
        if (n >= 2) {
            for (int a = 0; a < n; a += 2) {
                double xr = re[a + 1];
                double xi = im[a + 1];
                re[a + 1] = re[a] - xr;
                im[a + 1] = im[a] - xi;
                re[a] += xr;
                im[a] += xi;
            }
        }
        if (n >= 4) {
            for (int a = 0; a < n; a += 4) {
                double xr = re[a + 2];
                double xi = im[a + 2];
                re[a + 2] = re[a] - xr;
                im[a + 2] = im[a] - xi;
                re[a] += xr;
                im[a] += xi;
                // times -i
                double yr = im[a + 3];
                double yi = -re[a + 3];
                re[a + 3] = re[a + 1] - yr;
                im[a + 3] = im[a + 1] - yi;
                re[a + 1] += yr;
                im[a + 1] += yi;
            }
        }
        // remaining stages two at a time (radix-2^2): half the passes over the data of plain radix-2
        int size = 8;
        for (; size * 2 <= n; size <<= 2) {
            int h = size >> 1;          // half of the first fused stage
            int quarterStep = n / (2 * size); // W_{4h}^k = table[k * quarterStep]
            for (int k = 0; k < h; k++) {
                double w2r = cos[k * quarterStep];
                double w2i = sin[k * quarterStep];
                double w1r = cos[2 * k * quarterStep];
                double w1i = sin[2 * k * quarterStep];
                for (int g = 0; g < n; g += 4 * h) {
                    int i0 = g + k;
                    int i1 = i0 + h;
                    int i2 = i1 + h;
                    int i3 = i2 + h;
                    double t1r = re[i1] * w1r - im[i1] * w1i;
                    double t1i = re[i1] * w1i + im[i1] * w1r;
                    double t3r = re[i3] * w1r - im[i3] * w1i;
                    double t3i = re[i3] * w1i + im[i3] * w1r;
                    double ar = re[i0] + t1r;
                    double ai = im[i0] + t1i;
                    double br = re[i0] - t1r;
                    double bi = im[i0] - t1i;
                    double cr = re[i2] + t3r;
                    double ci = im[i2] + t3i;
                    double dr = re[i2] - t3r;
                    double di = im[i2] - t3i;
                    double ur = cr * w2r - ci * w2i;   // w2 c
                    double ui = cr * w2i + ci * w2r;
                    double vr = dr * w2r - di * w2i;   // w2 d, then times -i
                    double vi = dr * w2i + di * w2r;
                    double mr = vi;
                    double mi = -vr;
                    re[i0] = ar + ur;
                    im[i0] = ai + ui;
                    re[i2] = ar - ur;
                    im[i2] = ai - ui;
                    re[i1] = br + mr;
                    im[i1] = bi + mi;
                    re[i3] = br - mr;
                    im[i3] = bi - mi;
                }
            }
        }
        for (; size <= n; size <<= 1) {
            int half = size >> 1;
            int step = n / size;
            for (int k = 0, t = 0; k < half; k++, t += step) {
                double wr = cos[t];
                double wi = sin[t];
                for (int a = k; a < n; a += size) {
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    private void bluestein(double[] re, double[] im) {
        int m = kernel.n;
        double[][] buf = BLUESTEIN_SCRATCH.get();
        if (buf[0].length < m) {
            buf[0] = new double[m];
            buf[1] = new double[m];
        }
        double[] ar = buf[0];
        double[] ai = buf[1];
        java.util.Arrays.fill(ar, n, m, 0.0);
        java.util.Arrays.fill(ai, n, m, 0.0);
        for (int j = 0; j < n; j++) {
            ar[j] = re[j] * chirpRe[j] - im[j] * chirpIm[j];
            ai[j] = re[j] * chirpIm[j] + im[j] * chirpRe[j];
        }
        kernel.forward(ar, ai);
        for (int j = 0; j < m; j++) {
            double r = ar[j] * filterRe[j] - ai[j] * filterIm[j];
            ai[j] = ar[j] * filterIm[j] + ai[j] * filterRe[j];
            ar[j] = r;
        }
        kernel.inverse(ar, ai);
        for (int k = 0; k < n; k++) {
            re[k] = ar[k] * chirpRe[k] - ai[k] * chirpIm[k];
            im[k] = ar[k] * chirpIm[k] + ai[k] * chirpRe[k];
        }
    }

    /** Per-thread padded work arrays of Bluestein's convolution (never escape a call). */
    private static final ThreadLocal<double[][]> BLUESTEIN_SCRATCH =
            ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0]});

    private static int[] bitReverseTable(int n) {
        int bits = Integer.numberOfTrailingZeros(n);
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        return t;
    }
}

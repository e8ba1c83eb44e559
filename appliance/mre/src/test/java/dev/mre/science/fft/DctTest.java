// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DctTest {

    @ParameterizedTest
    @CsvSource({"1,1", "3,5", "8,8", "7,12", "20,17"})
    void forward2dMatchesTheSeparableDefinitionAndInverseRestoresTheImage(int rows, int cols) {
        Random rnd = new Random(rows * 31L + cols);
        double[] img = new double[rows * cols];
        for (int i = 0; i < img.length; i++) {
            img[i] = rnd.nextGaussian();
        }
        double[] x = img.clone();
        Dct.forward2d(x, rows, cols);
        for (int p = 0; p < rows; p++) {
            for (int q = 0; q < cols; q++) {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        s += img[r * cols + c] * Math.cos(Math.PI * p * (2 * r + 1) / (2.0 * rows))
                                * Math.cos(Math.PI * q * (2 * c + 1) / (2.0 * cols));
                    }
                }
                assertEquals(s, x[p * cols + q], 1e-9, "round-off only");
            }
        }
        Dct.inverse2d(x, rows, cols);
        for (int i = 0; i < img.length; i++) {
            assertEquals(img[i], x[i], 1e-12);
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mre.dicom.data.Tag;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documentation image docs/img/colour-elastogram.png is the Pixel Data of slice 1's colour
 * elastogram, written as PNG. This test writes it to a temporary folder and checks every pixel;
 * run with {@code -Dmre.docsImage=../../docs/img/colour-elastogram.png} to refresh the committed image.
 */
class ElastogramPngTest {

    @Test
    void thePngHoldsExactlyTheSecondaryCapturePixels(@TempDir Path tmp) throws Exception {
        ResultObject sc = ResultObjects.write(ResultFixtures.anatomical(), ResultOptions.defaults()).get(0);
        int w = sc.dataset().getInt(Tag.Columns, 0);
        int h = sc.dataset().getInt(Tag.Rows, 0);
        byte[] px = sc.dataset().getBytes(Tag.PixelData);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                img.setRGB(x, y, (px[i] & 0xFF) << 16 | (px[i + 1] & 0xFF) << 8 | px[i + 2] & 0xFF);
            }
        }
        String docs = System.getProperty("mre.docsImage");
        Path out = docs != null ? Path.of(docs) : tmp.resolve("colour-elastogram.png");
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(img, "png", out.toFile());
        BufferedImage back = ImageIO.read(out.toFile());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(img.getRGB(x, y), back.getRGB(x, y));
            }
        }
    }
}

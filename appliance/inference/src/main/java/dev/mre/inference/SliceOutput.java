// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import java.util.Map;

/**
 * What a model says about one slice, at the source size: binary masks and value maps by output
 * channel name (as the manifest names them, e.g. "liver", "stiffness"), row-major.
 *
 * @param masks mask channels, true = foreground
 * @param maps  map channels in their units (manifest {@code units}), after scale and offset
 * @param rows  source rows
 * @param cols  source columns
 */
public record SliceOutput(Map<String, boolean[]> masks, Map<String, float[]> maps, int rows, int cols) {

    public SliceOutput {
        masks = Map.copyOf(masks);
        maps = Map.copyOf(maps);
    }

    /** Number of foreground pixels of a mask channel. */
    public int count(String mask) {
        boolean[] m = masks.get(mask);
        if (m == null) {
            throw new IllegalArgumentException("no mask channel '" + mask + "'; channels: " + masks.keySet());
        }
        int n = 0;
        for (boolean b : m) {
            n += b ? 1 : 0;
        }
        return n;
    }
}

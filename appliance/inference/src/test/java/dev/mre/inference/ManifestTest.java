// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestTest {
    private static String valid() throws Exception {
        return Files.readString(Packages.TEST_PACKAGE.resolve("manifest.json"));
    }

    private static void rejects(String json, String expectedInMessage) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Manifest.parse(json));
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    }

    @Test
    void theTestPackagesManifestReadsAsWritten() throws Exception {
        Manifest m = Manifest.parse(valid());
        assertEquals("test-package", m.name());
        assertEquals("liver-segmentation", m.task());
        assertEquals(13, m.onnx().opset());
        assertEquals(32, m.input().height());
        assertEquals(List.of("magnitude_mean", "elastogram_kpa", "phase_cos", "phase_sin"),
                m.input().channels().stream().map(Manifest.Channel::source).toList());
        assertEquals(1, m.input().channels().get(3).offset());
        assertEquals(new Manifest.Normalisation("window", 4.0, 8.0), m.input().channels().get(1).normalisation());
        assertEquals(Manifest.Normalisation.NONE, m.input().channels().get(2).normalisation());
        Manifest.OutputChannel liver = m.output().channels().get(0);
        assertTrue(liver.isMask());
        assertEquals(0.5, liver.threshold());
        assertEquals(List.of("largest_connected_component"), liver.postprocess());
        assertEquals("kPa", m.output().channels().get(1).units());
    }

    @Test
    void aNullInTheTrainingRecordIsKeptAsNull() throws Exception {
        Manifest m = Manifest.parse(valid().replace("\"training\": {", "\"training\": {\"crop\": null, "));
        assertTrue(m.training().containsKey("crop"));
        assertNull(m.training().get("crop"));
    }

    @Test
    void textThatIsNotJsonIsRejectedWithItsLineAndColumn() {
        rejects("{\"format\": \"mre-model-package/1\",\n \"name\" \"x\"}", "line 2, column 9");
        rejects("{\"a\": 1, \"a\": 2}", "duplicate member");
        rejects("{\"a\": 1} trailing", "unexpected text");
    }

    @Test
    void anotherFormatIsRejected() throws Exception {
        rejects(valid().replace("mre-model-package/1", "mre-model-package/2"), "format must be \"mre-model-package/1\"");
    }

    @Test
    void missingRequiredFieldsAreNamedByTheirPath() throws Exception {
        rejects(valid().replace("\"version\"", "\"versio\""), "version is required");
        rejects(valid().replace("\"input_name\"", "\"inputname\""), "onnx.input_name is required");
        rejects(valid().replace("\"resize_back\"", "\"resizeback\""), "output.resize_back is required");
        rejects(valid().replace("\"threshold\"", "\"thresh\""), "output.channels[0].threshold is required");
    }

    @Test
    void valuesOutsideTheContractAreRejectedWithTheValueFound() throws Exception {
        rejects(valid().replace("\"liver-segmentation\"", "\"tumour-segmentation\""), "task must be one of");
        rejects(valid().replace("\"opset\": 13", "\"opset\": 12"), "onnx.opset must be 13 or later, got 12");
        rejects(valid().replaceFirst("\"sha256\": \"[0-9a-f]+\"", "\"sha256\": \"ABC\""), "onnx.sha256 must be 64");
        rejects(valid().replace("\"file\": \"model.onnx\"", "\"file\": \"../model.onnx\""), "plain file name");
        rejects(valid().replace("\"phase_cos\"", "\"phase_tan\""), "input.channels[2].source must be one of");
        rejects(valid().replace("\"kind\": \"zscore\"", "\"kind\": \"minmax\""),
                "input.channels[0].normalisation.kind must be one of");
        rejects(valid().replace("\"width\": 8.0", "\"width\": 0.0"), "input.channels[1].normalisation.width must be > 0");
        rejects(valid().replace("\"height\": 32", "\"height\": 0"), "input.height must be >= 1");
        rejects(valid().replace("\"height\": 32", "\"height\": 32.5"), "input.height must be an integer");
        rejects(valid().replace("\"largest_connected_component\"", "\"fill_holes\""), "unknown step fill_holes");
        rejects(valid().replace("\"kind\": \"map\"", "\"kind\": \"heatmap\""), "output.channels[1].kind must be one of");
        rejects(valid().replace("\"name\": \"test-package\"", "\"name\": \"Test Package\""), "name must be lower-case");
    }

    @Test
    void anOffsetOnANonPhaseChannelIsRejected() throws Exception {
        rejects(valid().replace("{\n        \"source\": \"magnitude_mean\",",
                "{\n        \"source\": \"magnitude_mean\", \"offset\": 2,"), "only for phase_cos / phase_sin");
    }
}

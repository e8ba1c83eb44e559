// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.phantoms.Batch;
import dev.mre.server.cli.ExitCode;
import dev.mre.server.cli.Main;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} end to end on the first two test exams with the shipped model packages
 * (models/ at the repository root): structure and sanity, never the scores themselves, which
 * change with every retraining.
 */
class EvaluateCommandTest {
    static final Path SHIPPED_MODELS = Path.of("../../models");
    /** Far below any trained model (shipped ones score 0.7 to 0.95), far above a blank or random mask. */
    static final double SANE_DICE = 0.3;

    @TempDir
    Path dir;

    /**
     * The shipped packages as a clean clone has them: the ResNeXt50 without its ONNX (not in git,
     * though a developer may have installed it into models/), no training checkpoints.
     */
    static Path asInGit(Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(SHIPPED_MODELS)) {
            for (Path p : walk.toList()) {
                Path rel = SHIPPED_MODELS.relativize(p);
                String name = p.getFileName().toString();
                if (rel.toString().startsWith(".") || rel.startsWith("training") || name.equals("checkpoint.pt")
                        || name.equals("__pycache__") || rel.toString().contains("__pycache__")
                        || (rel.startsWith("roi-seg-resnext50") && name.equals("model.onnx"))) {
                    continue;
                }
                Path t = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    @Test
    void twoTestExamsAreScoredByEveryInstalledModelAndTheResnextWithoutOnnxIsReportedNotInstalled() throws Exception {
        Path json = dir.resolve("eval.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"evaluate", "--models", asInGit(dir.resolve("models")).toString(), "--exams", "2", "--json",
                json.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.OK, exit, log);
        JsonObject r = new JsonObject(Files.readString(json));
        assertEquals(ReportJson.FORMAT, r.getString("format"));
        assertEquals(2, r.getInteger("exams"));
        assertEquals(8, r.getInteger("slices"));

        JsonArray exams = r.getJsonArray("per_exam");
        List<Long> seeds = new SimulatedSplit().seeds().subList(0, 2);
        Set<String> stages = new TreeSet<>();
        for (int i = 0; i < 2; i++) {
            JsonObject e = exams.getJsonObject(i);
            assertEquals(seeds.get(i), e.getLong("seed"));
            assertEquals(Batch.stage(seeds.get(i)).name(), e.getString("stage"));
            stages.add(e.getString("stage"));
            assertTrue(e.getInteger("roi_pixels") > 0, e.encode());
        }

        JsonObject resnext = model(r, "roi-seg-resnext50");
        assertFalse(resnext.getBoolean("installed"));
        assertTrue(resnext.getString("note").contains("not installed"), resnext.encode());
        assertFalse(r.getJsonObject("segmentation").containsKey("roi-seg-resnext50"));
        for (String name : List.of("roi-seg-unet", "roi-seg-edge", "liver-seg-edge", "stiffness-unet")) {
            assertTrue(model(r, name).getBoolean("installed"), name);
            JsonObject seg = r.getJsonObject("segmentation").getJsonObject(name);
            JsonObject overall = seg.getJsonObject("overall");
            assertEquals(8, overall.getInteger("slices"), name);
            for (double dice : new double[] {overall.getDouble("mean_dice"), overall.getJsonObject("pooled").getDouble("dice")}) {
                assertTrue(dice > SANE_DICE && dice <= 1, name + " Dice " + dice);
            }
            assertEquals(stages, seg.getJsonObject("per_stage").fieldNames().stream()
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new)), name);
        }

        JsonArray agreement = r.getJsonObject("stiffness").getJsonArray("agreement");
        assertEquals(Evaluation.METHODS, agreement.stream().map(a -> ((JsonObject) a).getString("method")).toList());
        for (Object o : agreement) {
            JsonObject a = (JsonObject) o;
            assertEquals(2, a.getInteger("exams"), a.encode());
            assertTrue(Double.isFinite(a.getDouble("mapd_percent")), a.encode());
            assertNotNull(a.getJsonObject("icc_a1"), a.encode());
            assertNotNull(a.getJsonObject("bland_altman_kpa"), a.encode());
            assertNull(a.getJsonObject("pearson"), "two exams are too few for Pearson's interval");
            assertEquals(stages, a.getJsonObject("mapd_percent_per_stage").fieldNames().stream()
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        }

        String md = out.toString(StandardCharsets.UTF_8);
        assertTrue(md.contains("| roi-seg-resnext50 | – | – | not installed"), md);
        assertTrue(md.contains("85.68") && md.contains("0.943") && md.contains("0.86 [0.71, 0.95]"), md);
        assertTrue(md.contains("2 exams, 8 slices"), md);
    }

    @Test
    void aMissingDataFolderIsNoInput() {
        int exit = Main.run(new String[] {"evaluate", "--data", dir.resolve("nothing").toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(ExitCode.NO_INPUT, exit);
    }

    private static JsonObject model(JsonObject r, String name) {
        return r.getJsonArray("models").stream().map(JsonObject.class::cast).filter(m -> m.getString("name").equals(name))
                .findFirst().orElseThrow();
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.io.DicomFile;
import dev.mre.dicom.io.DicomReader;
import dev.mre.dicom.io.DicomWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Test helper: the committed reference exams, copies of them, and edited DICOM files. */
public final class Exams {
    /** test-phantoms/reference, from the server module's directory (surefire's working directory). */
    public static final Path REFERENCE = Path.of("../../test-phantoms/reference");

    private Exams() {
    }

    /** The DICOM folder of a reference exam: homogeneous, inclusions or anatomical. */
    public static Path dicom(String kind) {
        return REFERENCE.resolve(kind).resolve("dicom");
    }

    /** Copies a folder tree. */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    /** Rewrites DICOM files in place after {@code edit} changed their data sets. */
    public static void edit(List<Path> files, Consumer<Attributes> edit) throws IOException {
        for (Path f : files) {
            DicomFile d = DicomReader.readFile(f);
            edit.accept(d.dataset());
            Files.write(f, DicomWriter.writeFile(d.fileMeta(), d.dataset()));
        }
    }

    /** The files of one series folder, sorted. */
    public static List<Path> files(Path seriesDir) throws IOException {
        try (Stream<Path> s = Files.list(seriesDir)) {
            return s.sorted().toList();
        }
    }
}

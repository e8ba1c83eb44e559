// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.io.Part10;
import dev.mre.dicom.net.service.DicomServiceException;
import dev.mre.dicom.net.service.Status;
import dev.mre.dicom.net.service.StoreHandler;
import dev.mre.dicom.net.service.StoreRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-scope StoreHandler: writes each object as a Part 10 file named by SOP Instance UID. */
final class DirectoryStoreHandler implements StoreHandler {

  final Path dir;
  final List<StoreRequest> received = new CopyOnWriteArrayList<>();
  final List<String> threads = new CopyOnWriteArrayList<>();

  DirectoryStoreHandler(Path dir) {
    this.dir = dir;
  }

  @Override
  public int store(StoreRequest rq) throws DicomServiceException {
    threads.add(Thread.currentThread().getName());
    Path file = dir.resolve(rq.sopInstanceUid() + ".dcm");
    try (OutputStream out = Files.newOutputStream(file)) {
      Part10.write(out, Part10.createFileMeta(rq.sopClassUid(), rq.sopInstanceUid(), rq.transferSyntaxUid()),
          rq.datasetBytes(), 0, rq.datasetBytes().length);
    } catch (IOException e) {
      throw new DicomServiceException(Status.OutOfResources, "cannot write: " + e.getMessage(), e);
    }
    received.add(rq);
    return Status.Success;
  }
}

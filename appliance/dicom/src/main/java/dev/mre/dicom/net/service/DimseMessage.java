// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.service;

import dev.mre.dicom.data.Tag;
/**
 * One reassembled DIMSE message: a command set and its data set bytes, as they came in the
 * presentation context's transfer syntax.
 *
 * @param data null when the command says no data set follows
 * @param dataDiscarded the data set exceeded the configured maximum object size and was read to
 *     its end without being kept ({@code data} is then null); the request is answered 0xA700
 */
public record DimseMessage(int presentationContextId, CommandSet command, byte[] data, boolean dataDiscarded) {

  public int commandField() {
    return command.getInt(Tag.CommandField, -1);
  }

  public boolean isResponse() {
    return (commandField() & Dimse.RSP) != 0;
  }
}

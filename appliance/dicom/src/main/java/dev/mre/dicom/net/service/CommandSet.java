// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.service;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import dev.mre.dicom.io.DicomReader;
import dev.mre.dicom.io.DicomWriter;

/**
 * A DIMSE command set (group 0000), always Implicit VR Little Endian (PS3.7 6.3.1), read and
 * written by the data layer ({@link DicomReader}, {@link DicomWriter#writeCommand}, which computes
 * Command Group Length). A thin typed view over {@link Attributes} so DIMSE code reads as PS3.7.
 */
public final class CommandSet {

  /** A command set longer than this is not a command set. */
  public static final int MAX_LENGTH = 64 * 1024;

  private final Attributes elements;

  public CommandSet() {
    this(new Attributes());
  }

  private CommandSet(Attributes elements) {
    this.elements = elements;
  }

  public static CommandSet decode(byte[] b) throws CommandSetException {
    Attributes a;
    try {
      a = DicomReader.readDataset(b, 0, b.length, UID.ImplicitVRLittleEndian, "command set");
    } catch (java.io.IOException | RuntimeException e) {
      throw new CommandSetException("unreadable command set: " + e.getMessage());
    }
    for (int i = 0; i < a.size(); i++) {
      if (Tag.group(a.tagAt(i)) != 0) {
        throw new CommandSetException("element " + Tag.toString(a.tagAt(i)) + " outside group 0000");
      }
    }
    a.remove(Tag.CommandGroupLength);
    return new CommandSet(a);
  }

  public byte[] encode() {
    return DicomWriter.writeCommand(elements);
  }

  public boolean contains(int tag) {
    return elements.contains(tag);
  }

  /** US or UL value, or the default when absent. */
  public int getInt(int tag, int defaultValue) {
    return elements.getInt(tag, defaultValue);
  }

  /** String value without padding; null when absent. */
  public String getString(int tag) {
    return elements.getString(tag);
  }

  /** Sets an unsigned short (US) element. */
  public CommandSet setUS(int tag, int value) {
    elements.setInt(tag, VR.US, value & 0xFFFF);
    return this;
  }

  /** Sets a UI element. */
  public CommandSet setUI(int tag, String uid) {
    elements.setString(tag, VR.UI, uid);
    return this;
  }

  /** Sets an LO element (Error Comment). */
  public CommandSet setText(int tag, String value) {
    elements.setString(tag, VR.LO, value);
    return this;
  }

  /** The response to {@code rq}: same SOP class and instance, command field with the response bit. */
  public static CommandSet responseTo(CommandSet rq, int status, String errorComment) {
    CommandSet rsp = new CommandSet();
    String cls = rq.getString(Tag.AffectedSOPClassUID);
    if (cls != null) {
      rsp.setUI(Tag.AffectedSOPClassUID, cls);
    }
    rsp.setUS(Tag.CommandField, rq.getInt(Tag.CommandField, 0) | Dimse.RSP);
    rsp.setUS(Tag.MessageIDBeingRespondedTo, rq.getInt(Tag.MessageID, 0));
    rsp.setUS(Tag.CommandDataSetType, Dimse.NO_DATA_SET);
    rsp.setUS(Tag.Status, status);
    String inst = rq.getString(Tag.AffectedSOPInstanceUID);
    if (inst != null) {
      rsp.setUI(Tag.AffectedSOPInstanceUID, inst);
    }
    if (errorComment != null) {
      // LO: at most 64 characters, no backslash (value separator)
      String c = errorComment.replace('\\', '/');
      rsp.setText(Tag.ErrorComment, c.length() > 64 ? c.substring(0, 64) : c);
    }
    return rsp;
  }

  public boolean hasDataSet() {
    return getInt(Tag.CommandDataSetType, Dimse.NO_DATA_SET) != Dimse.NO_DATA_SET;
  }

  /** "C-STORE-RQ (0000,0110)=1 ...", for DEBUG logs; command sets hold no patient data. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(Dimse.nameOf(getInt(Tag.CommandField, -1)));
    for (int i = 0; i < elements.size(); i++) {
      int t = elements.tagAt(i);
      sb.append(' ').append(Tag.toString(t)).append('=').append(elements.getString(t));
    }
    return sb.toString();
  }
}

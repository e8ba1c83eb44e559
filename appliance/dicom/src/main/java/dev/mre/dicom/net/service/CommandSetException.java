// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.service;

/** The bytes of a command PDV sequence are not a valid group 0000 command set. */
public final class CommandSetException extends Exception {
  public CommandSetException(String message) {
    super(message);
  }
}

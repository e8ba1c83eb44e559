// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.net.pdu.FrozenList;
import java.util.List;

/**
 * A presentation context a {@link DicomClient} proposes: one abstract syntax (SOP class) and the
 * transfer syntaxes we can send it in, preferred first. IDs (1, 3, 5, ...) are assigned in order.
 */
public record PresentationContext(String abstractSyntax, List<String> transferSyntaxes) {

  public PresentationContext {
    transferSyntaxes = FrozenList.copyOf(transferSyntaxes);
    if (transferSyntaxes.isEmpty()) {
      throw new IllegalArgumentException("a presentation context needs at least one transfer syntax");
    }
  }

  public static PresentationContext of(String abstractSyntax, String... transferSyntaxes) {
    return new PresentationContext(abstractSyntax, List.of(transferSyntaxes));
  }
}

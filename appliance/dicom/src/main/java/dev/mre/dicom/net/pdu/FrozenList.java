// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Unmodifiable copies of the lists that PDUs and negotiation results carry, always of one class.
 *
 * <p>{@code List.copyOf} returns one class for one or two elements and another for none or three
 * and more. The receive path's compiled code is specialised for the list classes it has seen:
 * after a start-up warm-up whose associations proposed one context, the first console proposing
 * a hundred (as storescu does) hit a class check in {@code Association.perform} and threw its
 * compiled code away, and recompiling it took C2 about 0.5 s of CPU while that console was
 * sending. With one class nothing is specialised on the size.
 */
public final class FrozenList {

  private FrozenList() {}

  /** An unmodifiable copy; null elements are rejected, as {@code List.copyOf} rejects them. */
  public static <T> List<T> copyOf(Collection<? extends T> items) {
    ArrayList<T> copy = new ArrayList<>(items.size());
    for (T item : items) {
      copy.add(Objects.requireNonNull(item, "list element"));
    }
    return Collections.unmodifiableList(copy);
  }
}

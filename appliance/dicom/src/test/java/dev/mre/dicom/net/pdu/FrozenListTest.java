// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrozenListTest {

  @Test
  void oneClassWhateverTheSizeSoCompiledCodeIsNotSpecialisedOnIt() {
    Class<?> one = FrozenList.copyOf(List.of("a")).getClass();
    for (int n : new int[] {0, 2, 3, 120}) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        items.add("ts" + i);
      }
      List<String> copy = FrozenList.copyOf(items);
      assertEquals(one, copy.getClass(), n + " elements");
      assertEquals(FrozenList.copyOf(List.of("a")).iterator().getClass(), copy.iterator().getClass());
      assertEquals(items, copy);
    }
  }

  @Test
  void unmodifiableDetachedAndNullsRejectedLikeListCopyOf() {
    List<String> source = new ArrayList<>(List.of("x", "y"));
    List<String> copy = FrozenList.copyOf(source);
    source.add("z");
    assertEquals(List.of("x", "y"), copy);
    assertThrows(UnsupportedOperationException.class, () -> copy.add("w"));
    assertThrows(NullPointerException.class, () -> FrozenList.copyOf(Arrays.asList("a", null)));
  }
}

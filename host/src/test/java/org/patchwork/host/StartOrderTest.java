package org.patchwork.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartOrderTest {

  @Test
  void bundlesRankByTheFirstPatternTheyMatchAndUnmatchedGoLast() {
    StartOrder order = new StartOrder("org.apache.felix.log, org.osgi.util.*, org.apache.felix.scr,\n org.patchwork.sdk*");
    List<String> names = new ArrayList<>(List.of("org.patchwork.engine", "org.patchwork.sdk.ui",
        "org.apache.felix.scr", "org.osgi.util.promise", "org.patchwork.sdk", "org.apache.felix.log",
        "org.osgi.util.function", "com.example.zzz"));
    names.sort(Comparator.comparingInt(order::rank).thenComparing(Comparator.naturalOrder()));
    assertEquals(List.of("org.apache.felix.log", "org.osgi.util.function", "org.osgi.util.promise",
        "org.apache.felix.scr", "org.patchwork.sdk", "org.patchwork.sdk.ui",
        "com.example.zzz", "org.patchwork.engine"), names);
  }

  @Test
  void patternCharactersOtherThanStarAreLiteral() {
    StartOrder order = new StartOrder("a.b");
    assertEquals(0, order.rank("a.b"));
    assertEquals(1, order.rank("aXb"), "the dot is not a regex wildcard");
    assertEquals(1, order.rank(null));
  }
}

package org.patchwork.host;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The order bundles start in: a comma-separated list of symbolic-name patterns ({@code *} is a
 * wildcard). A bundle ranks at the first pattern it matches; unmatched bundles start last.
 */
final class StartOrder {

  private final List<Pattern> patterns;

  StartOrder(String spec) {
    patterns = Arrays.stream(spec.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(s -> Pattern.compile(Pattern.quote(s).replace("*", "\\E.*\\Q")))
        .toList();
  }

  /** Whether a pattern matches {@code symbolicName}. */
  boolean matches(String symbolicName) {
    return rank(symbolicName) < patterns.size();
  }

  int rank(String symbolicName) {
    for (int i = 0; i < patterns.size(); i++) {
      if (symbolicName != null && patterns.get(i).matcher(symbolicName).matches()) {
        return i;
      }
    }
    return patterns.size();
  }
}

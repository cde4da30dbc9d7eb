package org.patchwork.marketplace;

import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * How a marketplace command ended.
 *
 * @param ok whether it did what was asked (or found nothing to do)
 * @param message for people: what was done ("installed org.example.fx 1.0.0"), or the refusal
 *     exactly as {@code patchwork market} prints it, ending "nothing was installed"
 * @param output every line the command printed
 */
@ProviderType
public record Result(boolean ok, String message, List<String> output) {

  /** Copies the output; null becomes empty. */
  public Result {
    Objects.requireNonNull(message, "message");
    output = output == null ? List.of() : List.copyOf(output);
  }
}

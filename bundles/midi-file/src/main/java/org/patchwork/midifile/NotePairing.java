package org.patchwork.midifile;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The result of {@link Notes#pair}: the notes in note-on order, and one-line warnings about what
 * did not pair (note-offs without a note-on, notes ended by the end of the track).
 */
@ProviderType
public record NotePairing(List<NoteSpan> spans, List<String> warnings) {

  public NotePairing {
    spans = List.copyOf(spans);
    warnings = List.copyOf(warnings);
  }
}

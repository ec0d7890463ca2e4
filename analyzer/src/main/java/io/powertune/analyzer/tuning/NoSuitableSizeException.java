package io.powertune.analyzer.tuning;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when every measured size failed, so there is nothing to recommend. */
public class NoSuitableSizeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoSuitableSizeException(List<SizeResult> sizes) {
    super(
        "no memory size is suitable: "
            + sizes.stream()
                .map(s -> s.value() + " MB " + s.unsuitable())
                .collect(Collectors.joining("; ")));
  }
}

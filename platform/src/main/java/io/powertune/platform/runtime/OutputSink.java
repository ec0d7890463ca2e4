package io.powertune.platform.runtime;

/** Receives the lines a runtime process prints. */
@FunctionalInterface
public interface OutputSink {
  void line(String text);
}

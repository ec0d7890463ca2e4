package io.powertune.platform.runtime;

/** A runtime's parked {@code GET /runtime/invocation/next}, answered when an invocation arrives. */
@FunctionalInterface
public interface NextResponder {
  void respond(Invocation invocation);
}

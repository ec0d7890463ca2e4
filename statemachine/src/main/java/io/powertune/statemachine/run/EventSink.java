package io.powertune.statemachine.run;

/** Receives an execution's events as they happen, in id order. */
@FunctionalInterface
public interface EventSink {

  void append(HistoryEvent event);
}

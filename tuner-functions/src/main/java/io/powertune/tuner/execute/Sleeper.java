package io.powertune.tuner.execute;

import java.time.Duration;

/** Waits; injected so that tests and the workflow share one notion of time. */
@FunctionalInterface
public interface Sleeper {

  Sleeper REAL = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

  void sleep(Duration duration) throws InterruptedException;
}

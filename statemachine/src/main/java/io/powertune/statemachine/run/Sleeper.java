package io.powertune.statemachine.run;

import java.time.Duration;

/** Waits (Wait states, Retry intervals); injected so tests need not wait in real time. */
@FunctionalInterface
public interface Sleeper {

  Sleeper REAL = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

  void sleep(Duration duration) throws InterruptedException;
}

package io.powertune.cli;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite of tuning runs on one platform with the tuner installed, started once per class. A test
 * that has not ended in five minutes fails rather than hang the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
abstract class TuningSuite {

  /** The platform and its tuner. */
  TunerFixture tuner;

  @BeforeAll
  void startTuner(@TempDir Path stateDir) throws Exception {
    tuner = new TunerFixture(stateDir);
  }

  @AfterAll
  void stopTuner() {
    tuner.close();
  }
}

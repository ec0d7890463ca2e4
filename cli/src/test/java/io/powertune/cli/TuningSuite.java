package io.powertune.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A suite of tuning runs on one platform with the tuner installed, started once per class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TuningSuite {

  @TempDir static Path stateDir;

  /** The platform and its tuner. */
  TunerFixture tuner;

  @BeforeAll
  void startTuner() throws Exception {
    tuner = new TunerFixture(stateDir);
  }

  @AfterAll
  void stopTuner() {
    tuner.close();
  }
}

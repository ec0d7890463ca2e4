package io.powertune.tests;

import org.junit.jupiter.api.extension.ExtendWith;

/** The suite on LocalStack, where a Docker engine runs; skipped elsewhere, saying why. */
@ExtendWith(DockerAvailable.class)
class LocalStackIT extends EndToEndSuite {

  @Override
  Backend backend() {
    return new LocalStackBackend();
  }
}

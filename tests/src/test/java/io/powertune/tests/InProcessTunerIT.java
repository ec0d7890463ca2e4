package io.powertune.tests;

/** The suite on the embedded platform, with the tuner in the platform's JVM (tune's default). */
class InProcessTunerIT extends EndToEndSuite {

  @Override
  Backend backend() {
    return EmbeddedBackend.withInProcessTuner();
  }
}

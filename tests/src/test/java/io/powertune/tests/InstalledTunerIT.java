package io.powertune.tests;

/**
 * The suite on the embedded platform with the tuner installed by {@code powertune install}: each
 * step a java21 function process under the CPU share of its memory, as on AWS.
 */
class InstalledTunerIT extends EndToEndSuite {

  @Override
  Backend backend() {
    return EmbeddedBackend.withInstalledTuner();
  }
}

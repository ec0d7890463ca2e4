package io.powertune.tests;

import org.junit.jupiter.api.extension.ExtendWith;

/** The suite on AWS itself, when POWERTUNE_AWS_IT=1 and credentials are present. */
@ExtendWith(AwsRequested.class)
class AwsIT extends EndToEndSuite {

  @Override
  Backend backend() {
    return new AwsBackend();
  }
}

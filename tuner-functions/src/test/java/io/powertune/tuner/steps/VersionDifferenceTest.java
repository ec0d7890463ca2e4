package io.powertune.tuner.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

class VersionDifferenceTest {

  private static GetFunctionConfigurationResponse.Builder latest() {
    return GetFunctionConfigurationResponse.builder()
        .codeSha256("abc")
        .runtime("python3.12")
        .handler("app.handler")
        .architectures(Architecture.X86_64)
        .timeout(30)
        .memorySize(128)
        .environment(e -> e.variables(Map.of("A", "1")));
  }

  @Test
  void between_sameSetupAtAnotherMemorySize_isNone() {
    assertThat(VersionDifference.between(latest().memorySize(1024).build(), latest().build()))
        .isEmpty();
  }

  @Test
  void between_namesTheFirstSettingThatDiffers() {
    assertThat(
            VersionDifference.between(
                latest().architectures(Architecture.ARM64).timeout(5).build(), latest().build()))
        .contains("architecture");
    assertThat(VersionDifference.between(latest().codeSha256("other").build(), latest().build()))
        .contains("code");
    assertThat(
            VersionDifference.between(
                latest().environment(e -> e.variables(Map.of("A", "2"))).build(), latest().build()))
        .contains("environment variables");
  }
}

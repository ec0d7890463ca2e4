package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One platform per state directory, and none advertised once it has stopped. */
class StateDirectoryIT {

  @TempDir Path stateDir;

  @Test
  void start_whileAnotherServesTheDirectory_isRefused_andWorksOnceItStopped() throws Exception {
    PlatformConfig config = PlatformFixture.config(stateDir).withoutLimits();
    try (Platform first = Platform.start(config)) {
      assertThat(Files.readString(stateDir.resolve("pid")).strip())
          .isEqualTo(Long.toString(ProcessHandle.current().pid()));

      assertThatThrownBy(() -> Platform.start(config))
          .isInstanceOf(StateDirectoryInUseException.class)
          .hasMessageContaining(
              "another platform (process "
                  + ProcessHandle.current().pid()
                  + ") serves "
                  + stateDir);
      assertThat(Files.readString(stateDir.resolve("endpoint")).strip())
          .isEqualTo(first.endpoint().toString());
    }
    assertThat(stateDir.resolve("endpoint")).doesNotExist();
    assertThat(stateDir.resolve("pid")).doesNotExist();
    try (Platform second = Platform.start(config)) {
      assertThat(Files.readString(stateDir.resolve("endpoint")).strip())
          .isEqualTo(second.endpoint().toString());
    }
  }
}

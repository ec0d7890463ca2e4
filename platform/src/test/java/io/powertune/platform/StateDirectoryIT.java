package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One platform per state directory, none advertised once it has stopped, and only a directory no
 * one else can change.
 */
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

  @Test
  void start_inADirectoryOthersMayWrite_isRefused_sayingHowToFixIt() throws Exception {
    Files.setPosixFilePermissions(stateDir, PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThatThrownBy(() -> Platform.start(PlatformFixture.config(stateDir).withoutLimits()))
        .isInstanceOf(UnsafeStateDirectoryException.class)
        .hasMessageContaining("may be written by other users (rwxrwxrwx)")
        .hasMessageContaining("chmod go-w");
    assertThat(stateDir.resolve("credentials")).doesNotExist();
  }

  @Test
  void start_inADirectoryOfAnotherUser_isRefused() throws Exception {
    Path foreign = stateDir.resolve("foreign");
    Files.createDirectory(foreign);
    Files.setAttribute(foreign, "unix:uid", 12345);
    org.junit.jupiter.api.Assumptions.assumeTrue(
        (Integer) Files.getAttribute(foreign, "unix:uid") == 12345,
        "this user cannot give a directory away (not root)");

    assertThatThrownBy(() -> Platform.start(PlatformFixture.config(foreign).withoutLimits()))
        .isInstanceOf(UnsafeStateDirectoryException.class)
        .hasMessageContaining("belongs to uid 12345");
  }

  @Test
  void start_makesTheDirectoryTheKeyAndTheDatabasePrivate() throws Exception {
    Files.setPosixFilePermissions(stateDir, PosixFilePermissions.fromString("rwxr-xr-x"));

    try (Platform platform = Platform.start(PlatformFixture.config(stateDir).withoutLimits())) {
      assertThat(platform.endpoint()).isNotNull();
      assertThat(mode(stateDir)).isEqualTo("rwx------");
      assertThat(mode(stateDir.resolve("credentials"))).isEqualTo("rw-------");
      assertThat(mode(stateDir.resolve("state.db"))).isEqualTo("rw-------");
    }
  }

  private static String mode(Path path) throws java.io.IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}

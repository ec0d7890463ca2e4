package io.powertune.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named pipes for runtimes' output, taken from a spare or made on the spot. */
class FifoSparesTest {

  @TempDir Path dir;

  @Test
  void everyTake_putsANamedPipeAtItsTarget() throws Exception {
    try (FifoSpares fifos = new FifoSpares(dir.resolve(".fifos"))) {
      for (int i = 0; i < 5; i++) {
        Path target = dir.resolve("env-" + i).resolve(".output");
        Files.createDirectories(target.getParent());

        fifos.take(target);

        BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class);
        assertThat(attributes.isOther()).as("a named pipe, not a file").isTrue();
        assertThat(Files.getPosixFilePermissions(target))
            .extracting(Object::toString)
            .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
      }
    }
  }
}

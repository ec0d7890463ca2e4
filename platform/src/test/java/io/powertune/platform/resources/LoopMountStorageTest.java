package io.powertune.platform.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an environment's read-only binds are written for one {@code mount --all}. */
class LoopMountStorageTest {

  @Test
  void fstabFields_escapeBlanksAndBackslashes_asFstabReadsThem() {
    assertThat(LoopMountStorage.fstabField("/home/ann smith/.powertune/code/ab"))
        .isEqualTo("/home/ann\\040smith/.powertune/code/ab");
    assertThat(LoopMountStorage.fstabField("/a\tb\\c\nd")).isEqualTo("/a\\011b\\134c\\012d");
    assertThat(LoopMountStorage.fstabField("/var/task")).isEqualTo("/var/task");
  }
}

package io.powertune.platform.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FunctionUsersTest {

  @Test
  void acquire_handsOutFreeUids_andAReleasedOneIsTheLastToComeBack() {
    FunctionUsers users = FunctionUsers.detect();
    assumeTrue(users.available(), () -> "functions run " + users.description());

    int first = users.acquire().orElseThrow();
    int second = users.acquire().orElseThrow();
    users.release(first);
    int third = users.acquire().orElseThrow();

    assertThat(first).isGreaterThanOrEqualTo(FunctionUsers.FIRST_ID);
    assertThat(second).isNotEqualTo(first);
    assertThat(third).isNotIn(first, second);
  }

  @Test
  void disabled_handsOutNone_andSaysWhy() {
    FunctionUsers users = FunctionUsers.disabled("the platform does not run as root");

    assertThat(users.acquire()).isEqualTo(OptionalInt.empty());
    assertThat(users.description())
        .isEqualTo("as the platform's own user: the platform does not run as root");
  }

  @Test
  void reachable_keepsOnlyFoldersOthersCanEnter() {
    assertThat(FunctionUsers.reachable("/usr/bin:/nonexistent:/bin")).isEqualTo("/usr/bin:/bin");
  }
}

package io.powertune.platform.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Init Duration starts when the runtime starts, after the platform mounted /tmp. */
class PrivateTmpTest {

  @TempDir Path dir;

  private static final Instant STARTED_AT = Instant.parse("2026-11-22T10:00:00.250000Z");
  private static final long START_NANOS = 5_000_000_000L;

  @Test
  void theMarkersTime_movesTheStartLater() throws Exception {
    Path marker = Files.writeString(dir.resolve("marker"), "1795341600.265500\n");
    PrivateTmp tmp = new PrivateTmp(List.of("unshare"), Path.of("/tmp"), marker);

    assertThat(tmp.runtimeStartNanos(START_NANOS, STARTED_AT)).isEqualTo(START_NANOS + 15_500_000);
  }

  @Test
  void aCommaDecimalSeparator_isRead() throws Exception {
    Path marker = Files.writeString(dir.resolve("marker"), "1795341600,251000\n");
    PrivateTmp tmp = new PrivateTmp(List.of("unshare"), Path.of("/tmp"), marker);

    assertThat(tmp.runtimeStartNanos(START_NANOS, STARTED_AT)).isEqualTo(START_NANOS + 1_000_000);
  }

  @Test
  void noMarker_aMissingOne_orOneBeforeTheStart_keepTheProcessStart() throws Exception {
    Path early = Files.writeString(dir.resolve("early"), "1795341599.000000\n");

    assertThat(new PrivateTmp(List.of(), dir, null).runtimeStartNanos(START_NANOS, STARTED_AT))
        .isEqualTo(START_NANOS);
    assertThat(
            new PrivateTmp(List.of("unshare"), Path.of("/tmp"), dir.resolve("absent"))
                .runtimeStartNanos(START_NANOS, STARTED_AT))
        .isEqualTo(START_NANOS);
    assertThat(
            new PrivateTmp(List.of("unshare"), Path.of("/tmp"), early)
                .runtimeStartNanos(START_NANOS, STARTED_AT))
        .isEqualTo(START_NANOS);
  }

  @Test
  void imageSize_leavesTheConfiguredSizeUsable() {
    assertThat(LoopMountStorage.imageMb(512)).isEqualTo(533);
    assertThat(LoopMountStorage.imageMb(10_240)).isEqualTo(10_504);
  }
}

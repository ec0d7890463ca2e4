package io.powertune.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.analyzer.model.PowerStat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisualizationUrlTest {

  @Test
  void build_matchesTheOriginalsEncoding() {
    List<PowerStat> stats =
        List.of(new PowerStat(1, 3, 2, 0), new PowerStat(2, 2, 2, 0), new PowerStat(3, 2, 1, 0));

    assertThat(VisualizationUrl.build("https://prefix/", stats, "us-east-1"))
        .isEqualTo("https://prefix/#AQACAAMA;AAAAQAAAAEAAAIA/;AABAQAAAAEAAAABA");
  }

  @Test
  void build_sortsByMemorySize() {
    List<PowerStat> stats =
        List.of(new PowerStat(3, 2, 1, 0), new PowerStat(1, 3, 2, 0), new PowerStat(2, 2, 2, 0));

    assertThat(VisualizationUrl.build("https://prefix/", stats, "us-east-1"))
        .endsWith("#AQACAAMA;AAAAQAAAAEAAAIA/;AABAQAAAAEAAAABA");
  }

  @Test
  void build_chinaRegion_asksForCny() {
    List<PowerStat> stats = List.of(new PowerStat(128, 1e-8, 10, 0));

    assertThat(VisualizationUrl.build("https://v.example/", stats, "cn-north-1"))
        .startsWith("https://v.example/?currency=CNY#");
  }

  @Test
  void build_sizesAboveThreeGigabytes_roundTripAsInt16() {
    List<PowerStat> stats =
        List.of(new PowerStat(10240, 1.5e-6, 12.5f, 0), new PowerStat(3008, 1e-6, 40.25f, 0));

    String hash = VisualizationUrl.build(VisualizationUrl.DEFAULT_BASE, stats, "us-east-1");
    String[] parts = hash.substring(hash.indexOf('#') + 1).split(";");

    ByteBuffer powers = decode(parts[0]);
    ByteBuffer durations = decode(parts[1]);
    assertThat(powers.getShort()).isEqualTo((short) 3008);
    assertThat(powers.getShort()).isEqualTo((short) 10240);
    assertThat(durations.getFloat()).isEqualTo(40.25f);
    assertThat(durations.getFloat()).isEqualTo(12.5f);
  }

  private static ByteBuffer decode(String base64) {
    return ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
  }
}

package io.powertune.analyzer;

import io.powertune.analyzer.model.PowerStat;
import io.powertune.analyzer.pricing.Regions;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * The link to the public results viewer, in the original's encoding: after {@code #}, three base64
 * strings joined by {@code ;}: the memory sizes as little-endian 16-bit integers, then the
 * durations and the costs as little-endian 32-bit floats, all sorted by memory size. Chinese
 * regions add {@code ?currency=CNY}. The link names no function.
 */
public final class VisualizationUrl {

  /** The public viewer the original links to. */
  public static final String DEFAULT_BASE = "https://lambda-power-tuning.show/";

  private VisualizationUrl() {}

  /**
   * Builds the link.
   *
   * @param region the tuner's region, which selects the currency
   */
  public static String build(String baseUrl, List<PowerStat> stats, String region) {
    String currency = Regions.isChina(region) ? "?currency=CNY" : "";
    return baseUrl + currency + "#" + hash(stats);
  }

  /**
   * The link that compares two runs: the viewer reads a hash of eight parts, the three of each run
   * and then the two runs' names, URI-encoded.
   */
  public static String compare(
      String baseUrl, List<PowerStat> a, String nameA, List<PowerStat> b, String nameB) {
    return baseUrl + "#" + hash(a) + ";" + hash(b) + ";" + encode(nameA) + ";" + encode(nameB);
  }

  private static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String hash(List<PowerStat> stats) {
    List<PowerStat> sorted = new ArrayList<>(stats);
    sorted.sort(Comparator.comparingInt(PowerStat::value));
    ByteBuffer powers = buffer(2 * sorted.size());
    ByteBuffer durations = buffer(4 * sorted.size());
    ByteBuffer costs = buffer(4 * sorted.size());
    for (PowerStat stat : sorted) {
      powers.putShort((short) stat.value());
      durations.putFloat((float) stat.averageDuration());
      costs.putFloat((float) stat.averagePrice());
    }
    return base64(powers) + ";" + base64(durations) + ";" + base64(costs);
  }

  private static ByteBuffer buffer(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static String base64(ByteBuffer buffer) {
    return Base64.getEncoder().encodeToString(buffer.array());
  }
}

package io.powertune.tuner.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.analyzer.adaptive.AdaptiveSampling;
import io.powertune.analyzer.adaptive.MeasuredSize;
import io.powertune.analyzer.adaptive.Race;
import io.powertune.analyzer.adaptive.RaceMetric;
import io.powertune.analyzer.adaptive.RaceRound;
import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.analyzer.pricing.Architecture;
import io.powertune.analyzer.pricing.PriceCatalog;
import io.powertune.analyzer.pricing.PriceCatalogs;
import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.tuning.TuningAnalyzer;
import io.powertune.tuner.TunerJson;
import io.powertune.tuner.aws.TunerEnvironment;
import io.powertune.tuner.execute.Progress;
import io.powertune.tuner.execute.Sample;
import io.powertune.tuner.input.TuningInput;
import io.powertune.tuner.input.TuningInputReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Racer step of adaptive sampling: between rounds, it takes the sizes' measurements in, lets
 * {@link Race} decide, and plans the next round or ends the race. Its input is {@code {"input":
 * state, "race": race}}, the race as it last returned it with the round's {@code items} replaced by
 * the Map's results ({@code value} and {@code progress} of each size measured); its output is the
 * race: {@code round}, {@code done}, the next round's {@code items} ({@code value}, {@code target},
 * {@code progress}), the other sizes' progress in {@code sizes}, the {@code dropped} sizes with
 * their round, and once done the {@code result} the workflow merges into its state ({@code stats}
 * and {@code adaptiveSampling}).
 */
public final class Racer {

  private final TunerEnvironment environment;

  public Racer(TunerEnvironment environment) {
    this.environment = environment;
  }

  public ObjectNode run(JsonNode event) throws IOException {
    TuningInput input =
        TuningInputReader.read(
            event.path("input"), environment.defaultPowerValues(), environment.region());
    if (!input.adaptive()) {
      throw new InvalidInputException(
          "sampling", "the Racer step runs only with \"sampling\": \"adaptive\"");
    }
    JsonNode race = event.path("race");
    int round = race.path("round").asInt(0);
    Map<Integer, Progress> sizes = sizes(race);
    Map<Integer, Integer> dropped = dropped(race.path("dropped"));
    if (round == 0) {
      Map<Integer, Integer> targets = new LinkedHashMap<>();
      int first = Race.firstRound(input.powerValues().size(), input.sampling());
      input.powerValues().forEach(m -> targets.put(m, first));
      return race(1, targets, sizes, dropped, null);
    }
    RaceRound decision =
        Race.decide(measured(input, sizes), dropped, round, metric(input, sizes), input.sampling());
    if (!decision.done()) {
      return race(round + 1, decision.targets(), sizes, decision.dropped(), null);
    }
    ObjectNode result = TunerJson.MAPPER.createObjectNode();
    ArrayNode stats = result.putArray("stats");
    Map<Integer, Integer> spent = new TreeMap<>();
    for (int memory : input.powerValues()) {
      Progress progress = sizes.get(memory);
      stats.add(TunerJson.MAPPER.valueToTree(progress == null ? null : progress.stat()));
      spent.put(memory, progress == null ? 0 : progress.measuredSoFar().size());
    }
    if (decision.pick() != null) {
      result.set(
          TuningAnalyzer.ADAPTIVE_SAMPLING,
          TunerJson.MAPPER.valueToTree(AdaptiveSampling.of(decision, input.sampling(), spent)));
    }
    return race(round, Map.of(), sizes, decision.dropped(), result);
  }

  /**
   * Every size's latest progress: those that sat the round out, as the previous call left them in
   * {@code sizes}, and those measured in it, as the round's Map wrote them over the {@code items}.
   */
  private static Map<Integer, Progress> sizes(JsonNode race) throws IOException {
    Map<Integer, Progress> sizes = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : race.path("sizes").properties()) {
      sizes.put(
          Integer.parseInt(entry.getKey()),
          TunerJson.MAPPER.treeToValue(entry.getValue(), Progress.class));
    }
    for (JsonNode measured : race.path("items")) {
      if (measured.hasNonNull("progress")) {
        sizes.put(
            measured.path("value").asInt(),
            TunerJson.MAPPER.treeToValue(measured.get("progress"), Progress.class));
      }
    }
    return sizes;
  }

  private static Map<Integer, Integer> dropped(JsonNode node) {
    Map<Integer, Integer> dropped = new TreeMap<>();
    node.properties().forEach(e -> dropped.put(Integer.parseInt(e.getKey()), e.getValue().asInt()));
    return dropped;
  }

  private static List<MeasuredSize> measured(TuningInput input, Map<Integer, Progress> sizes) {
    List<MeasuredSize> measured = new ArrayList<>();
    for (Map.Entry<Integer, Progress> entry : sizes.entrySet()) {
      List<Sample> counted =
          entry.getValue().measuredSoFar().stream().filter(Sample::counts).toList();
      double[] durations = new double[counted.size()];
      double[] billed = new double[counted.size()];
      boolean[] cold = new boolean[counted.size()];
      for (int i = 0; i < counted.size(); i++) {
        Report report = counted.get(i).report();
        durations[i] = report.durationMs();
        billed[i] = report.totalBilledMs();
        cold[i] = counted.get(i).init() != null || counted.get(i).restore() != null;
      }
      measured.add(
          new MeasuredSize(
              entry.getKey(), durations, billed, cold, entry.getValue().unsuitable() != null));
    }
    return measured;
  }

  /** The strategy's figure at the function's architecture and region, with the default prices. */
  private static RaceMetric metric(TuningInput input, Map<Integer, Progress> sizes) {
    String architecture =
        sizes.values().stream()
            .map(Progress::architecture)
            .filter(a -> a != null)
            .findFirst()
            .orElse(Architecture.X86_64.apiName());
    Architecture arch = Architecture.fromApiName(architecture, "architecture");
    String region = input.target().region();
    PriceCatalog prices = PriceCatalogs.defaults();
    return new RaceMetric(
        input.strategy(),
        input.balancedWeight(),
        m -> prices.computePrice(arch, region, m, 1000) / 1000,
        prices.requestPrice(region));
  }

  /**
   * The race's state for the workflow. Each size's progress is held once (a state must stay under
   * Step Functions' 256 KB): in {@code items}, reopened, for the sizes the next round measures; in
   * {@code sizes} for the others.
   */
  private static ObjectNode race(
      int round,
      Map<Integer, Integer> targets,
      Map<Integer, Progress> sizes,
      Map<Integer, Integer> dropped,
      ObjectNode result) {
    ObjectNode race = TunerJson.MAPPER.createObjectNode();
    race.put("round", round);
    race.put("done", result != null);
    ArrayNode items = race.putArray("items");
    for (Map.Entry<Integer, Integer> target : new TreeMap<>(targets).entrySet()) {
      ObjectNode item = items.addObject();
      item.put("value", target.getKey());
      item.put("target", target.getValue());
      Progress progress = sizes.get(target.getKey());
      item.set(
          "progress",
          progress == null
              ? TunerJson.MAPPER.nullNode()
              : TunerJson.MAPPER.valueToTree(reopened(progress)));
    }
    ObjectNode resting = race.putObject("sizes");
    sizes.forEach(
        (memory, progress) -> {
          if (!targets.containsKey(memory)) {
            resting.set(String.valueOf(memory), TunerJson.MAPPER.valueToTree(progress));
          }
        });
    ObjectNode out = race.putObject("dropped");
    new TreeMap<>(dropped).forEach((memory, r) -> out.put(String.valueOf(memory), r));
    if (result != null) {
      race.set("result", result);
    }
    return race;
  }

  /** The progress of a size measured in an earlier round, open for more invocations. */
  private static Progress reopened(Progress progress) {
    return new Progress(
        false,
        null,
        progress.measuredSoFar(),
        progress.architecture(),
        progress.unsuitable(),
        progress.calls(),
        0,
        0);
  }
}

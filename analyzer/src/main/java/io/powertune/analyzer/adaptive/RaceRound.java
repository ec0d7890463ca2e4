package io.powertune.analyzer.adaptive;

import java.util.List;
import java.util.Map;

/**
 * What the race decided after a round.
 *
 * @param round the round just measured (1 for the first)
 * @param done true when the race is over
 * @param reason why it is over ({@link #ONE_LEFT}, {@link #ALL_TIED}, {@link #MAX_NUM}, {@link
 *     #NONE_USABLE}); null while it goes on
 * @param targets for the next round, each size to measure and the invocations it should have
 *     reached (the pick, the sizes that could still beat it, and for balanced the sizes its figure
 *     is divided by); empty when done
 * @param dropped the round after which each dropped size left the race
 * @param pick the best size so far; null when no size can be used
 * @param tied the sizes left whose figure is within the tie tolerance of the pick's (the pick
 *     first)
 * @param confidence how sure the race is that no size beats the pick by more than the tie tolerance
 * @param sizes every usable size's interval, ascending
 * @param model how the durations were estimated
 * @param fixedNum the invocations per size a fixed-{@code num} run would need to tell the pick from
 *     every size worse than it by more than the tie tolerance, at the same confidence
 */
public record RaceRound(
    int round,
    boolean done,
    String reason,
    Map<Integer, Integer> targets,
    Map<Integer, Integer> dropped,
    Integer pick,
    List<Integer> tied,
    double confidence,
    List<SizeInterval> sizes,
    String model,
    int fixedNum) {

  public static final String ONE_LEFT = "one size left";
  public static final String ALL_TIED =
      "no size left beats the pick by more than the tie tolerance";
  public static final String MAX_NUM = "maxNum reached";
  public static final String NONE_USABLE = "no size can be used";

  public RaceRound {
    targets = Map.copyOf(targets);
    dropped = Map.copyOf(dropped);
    tied = List.copyOf(tied);
    sizes = List.copyOf(sizes);
  }
}

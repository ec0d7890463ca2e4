package io.powertune.analyzer.adaptive;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a size stands in the race.
 *
 * @param value the memory size
 * @param invocations invocations counted at it so far
 * @param estimate the strategy's figure for it (duration in ms, price, or balanced score)
 * @param low the lower end of the figure's interval at the requested confidence
 * @param high the upper end
 * @param droppedInRound the round after which it was dropped; null while it races
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SizeInterval(
    int value, int invocations, double estimate, double low, double high, Integer droppedInRound) {}

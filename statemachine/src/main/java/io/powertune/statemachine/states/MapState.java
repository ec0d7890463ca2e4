package io.powertune.statemachine.states;

import io.powertune.statemachine.path.PayloadTemplate;
import java.util.List;

/**
 * Runs its processor once per item of an array; the result is their outputs in item order. INLINE
 * by default; DISTRIBUTED with {@link MapRun}.
 *
 * @param itemSelector ItemSelector (or the older Parameters), or null: the item itself
 * @param maxConcurrency 0 for no limit
 * @param maxConcurrencyPath a path to MaxConcurrency in the input, or null
 * @param toleratedFailurePercentage null for none (no failure is tolerated)
 * @param toleratedFailureCount null for none
 * @param mapRun the DISTRIBUTED mode's settings, or null for INLINE
 */
public record MapState(
    String name,
    DataFlow flow,
    String itemsPath,
    PayloadTemplate itemSelector,
    Graph processor,
    int maxConcurrency,
    String maxConcurrencyPath,
    Double toleratedFailurePercentage,
    Integer toleratedFailureCount,
    MapRun mapRun,
    List<Retrier> retry,
    List<Catcher> katch,
    Transition transition)
    implements State {

  public MapState {
    retry = List.copyOf(retry);
    katch = List.copyOf(katch);
  }
}

package io.powertune.statemachine.states;

import io.powertune.statemachine.path.PayloadTemplate;

/**
 * A distributed Map's ItemBatcher: each child workflow gets a batch of items, {@code {"BatchInput":
 * ..., "Items": [...]}}, instead of one item. At least one of the limits is set.
 *
 * @param maxItems MaxItemsPerBatch, or null
 * @param maxItemsPath MaxItemsPerBatchPath, or null
 * @param maxBytes MaxInputBytesPerBatch, or null
 * @param maxBytesPath MaxInputBytesPerBatchPath, or null
 * @param batchInput BatchInput, or null
 */
public record ItemBatcher(
    Long maxItems,
    String maxItemsPath,
    Long maxBytes,
    String maxBytesPath,
    PayloadTemplate batchInput) {

  /** The most bytes a batch may hold, as on AWS (a child execution's input limit). */
  public static final long MAX_BYTES = 262_144;
}

package io.powertune.platform.store;

/**
 * A log group.
 *
 * @param name the group name
 * @param creationTime ms since the epoch
 * @param storedBytes UTF-8 bytes of its messages
 * @param retentionInDays its retention policy, or 0 for none (kept forever)
 */
public record LogGroupInfo(String name, long creationTime, long storedBytes, int retentionInDays) {}

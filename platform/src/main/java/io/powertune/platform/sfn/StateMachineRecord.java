package io.powertune.platform.sfn;

import java.time.Instant;

/** A stored state machine. */
record StateMachineRecord(
    String arn,
    String name,
    String definition,
    String roleArn,
    String type,
    Instant created,
    String revisionId) {}

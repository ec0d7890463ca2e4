package io.powertune.platform.lambda.model;

import java.util.Map;

/**
 * The settings and status of one function version ({@code $LATEST} or a published number).
 *
 * @param runtime e.g. {@code python3.12}
 * @param handler e.g. {@code app.handler}
 * @param role the execution role ARN
 * @param description free text
 * @param timeout seconds, 1 to 900
 * @param memorySize MB, 128 to 10240
 * @param environment environment variables
 * @param architecture {@code x86_64} or {@code arm64}
 * @param ephemeralStorage /tmp size in MB, 512 to 10240
 * @param logFormat {@code Text} or {@code JSON}
 * @param logGroup the log group the function writes to
 * @param codeSha256 base64 SHA-256 of the deployment package
 * @param codeSize bytes of the deployment package
 * @param lastModified Lambda's timestamp form, e.g. {@code 2026-11-22T10:00:00.000+0000}
 * @param revisionId changes on every mutation
 * @param state the version's state
 * @param stateReason why, when not Active
 * @param stateReasonCode the reason's code
 * @param lastUpdateStatus status of the last update
 */
public record FunctionConfig(
    String runtime,
    String handler,
    String role,
    String description,
    int timeout,
    int memorySize,
    Map<String, String> environment,
    String architecture,
    int ephemeralStorage,
    String logFormat,
    String logGroup,
    String codeSha256,
    long codeSize,
    String lastModified,
    String revisionId,
    FunctionState state,
    String stateReason,
    String stateReasonCode,
    UpdateStatus lastUpdateStatus) {

  public FunctionConfig {
    environment = Map.copyOf(environment);
  }

  /** True when the platform must use the function's own {@code bootstrap}. */
  public boolean customRuntime() {
    return runtime.startsWith("provided");
  }

  public FunctionConfig withStatus(
      FunctionState newState, String reason, String reasonCode, UpdateStatus update) {
    Builder b = toBuilder();
    b.state = newState;
    b.stateReason = reason;
    b.stateReasonCode = reasonCode;
    b.lastUpdateStatus = update;
    return b.build();
  }

  public FunctionConfig withRevision(String newRevisionId, String modified) {
    Builder b = toBuilder();
    b.revisionId = newRevisionId;
    b.lastModified = modified;
    return b.build();
  }

  public FunctionConfig withCode(String sha256, long size) {
    Builder b = toBuilder();
    b.codeSha256 = sha256;
    b.codeSize = size;
    return b.build();
  }

  public FunctionConfig withDescription(String newDescription) {
    Builder b = toBuilder();
    b.description = newDescription;
    return b.build();
  }

  /** A builder holding this configuration's values, for copies that change a few of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Copies of a configuration with some fields changed; fields are set directly. */
  public static final class Builder {
    public String runtime;
    public String handler;
    public String role;
    public String description;
    public int timeout;
    public int memorySize;
    public Map<String, String> environment;
    public String architecture;
    public int ephemeralStorage;
    public String logFormat;
    public String logGroup;
    public String codeSha256;
    public long codeSize;
    public String lastModified;
    public String revisionId;
    public FunctionState state;
    public String stateReason;
    public String stateReasonCode;
    public UpdateStatus lastUpdateStatus;

    private Builder(FunctionConfig c) {
      runtime = c.runtime;
      handler = c.handler;
      role = c.role;
      description = c.description;
      timeout = c.timeout;
      memorySize = c.memorySize;
      environment = c.environment;
      architecture = c.architecture;
      ephemeralStorage = c.ephemeralStorage;
      logFormat = c.logFormat;
      logGroup = c.logGroup;
      codeSha256 = c.codeSha256;
      codeSize = c.codeSize;
      lastModified = c.lastModified;
      revisionId = c.revisionId;
      state = c.state;
      stateReason = c.stateReason;
      stateReasonCode = c.stateReasonCode;
      lastUpdateStatus = c.lastUpdateStatus;
    }

    public FunctionConfig build() {
      return new FunctionConfig(
          runtime,
          handler,
          role,
          description,
          timeout,
          memorySize,
          environment,
          architecture,
          ephemeralStorage,
          logFormat,
          logGroup,
          codeSha256,
          codeSize,
          lastModified,
          revisionId,
          state,
          stateReason,
          stateReasonCode,
          lastUpdateStatus);
    }
  }

  /** True when two versions would run the same way (code and settings; status aside). */
  public boolean sameDeployment(FunctionConfig other) {
    return withStatus(state, null, null, lastUpdateStatus)
        .withRevision("", "")
        .equals(other.withStatus(state, null, null, lastUpdateStatus).withRevision("", ""));
  }
}

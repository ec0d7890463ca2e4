package io.powertune.statemachine.run;

/** The Lambda API refused a call; a Task reports it as {@code Lambda.<code>}. */
public final class LambdaApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;
  private final String requestId;

  public LambdaApiException(String code, int status, String message, String requestId) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
    this.requestId = requestId;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public String requestId() {
    return requestId;
  }

  /** The cause text Step Functions gives such an error. */
  public String stepFunctionsCause() {
    return getMessage()
        + " (Service: AWSLambda; Status Code: "
        + status
        + "; Error Code: "
        + code
        + "; Request ID: "
        + requestId
        + "; Proxy: null)";
  }
}

package io.powertune.platform.http;

/**
 * An error the platform answers with, as AWS would: its error code, HTTP status and message. Each
 * protocol writes it in its own shape.
 */
public class AwsServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How the message member is spelled in a rest-json error body. */
  public enum MessageKey {
    UPPER("Message"),
    LOWER("message");

    private final String key;

    MessageKey(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  private final String code;
  private final int status;
  private final boolean senderFault;
  private final MessageKey messageKey;

  public AwsServiceException(String code, int status, String message) {
    this(code, status, message, MessageKey.LOWER);
  }

  public AwsServiceException(String code, int status, String message, MessageKey messageKey) {
    super(message);
    this.code = code;
    this.status = status;
    this.senderFault = status < 500;
    this.messageKey = messageKey;
  }

  /** The AWS error code, e.g. {@code ResourceNotFoundException}. */
  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  /** True for the caller's mistakes (4xx), false for the service's (5xx). */
  public boolean senderFault() {
    return senderFault;
  }

  public MessageKey messageKey() {
    return messageKey;
  }

  /** Extra members of the error body (e.g. {@code Reason} of TooManyRequestsException). */
  public java.util.Map<String, String> extraFields() {
    return java.util.Map.of();
  }
}

package io.powertune.platform.auth;

import io.powertune.platform.http.AwsServiceException;

/**
 * A request whose signature is missing, malformed, stale or wrong; answered with AWS's 403 codes.
 */
public final class SignatureException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  private SignatureException(String code, String message) {
    super(code, 403, message, MessageKey.UPPER);
  }

  public static SignatureException missing() {
    return new SignatureException(
        "MissingAuthenticationTokenException", "Missing Authentication Token");
  }

  public static SignatureException malformed(String detail) {
    return new SignatureException("IncompleteSignatureException", detail);
  }

  public static SignatureException unknownKey(String accessKeyId) {
    return new SignatureException(
        "UnrecognizedClientException",
        "The security token included in the request is invalid. (access key " + accessKeyId + ")");
  }

  public static SignatureException mismatch() {
    return new SignatureException(
        "InvalidSignatureException",
        "The request signature we calculated does not match the signature you provided. Check your"
            + " AWS Secret Access Key and signing method. Consult the service documentation for"
            + " details.");
  }

  public static SignatureException wrongService(String expected) {
    return new SignatureException(
        "InvalidSignatureException",
        "Credential should be scoped to correct service: '" + expected + "'.");
  }

  public static SignatureException stale(String date) {
    return new SignatureException(
        "InvalidSignatureException",
        "Signature expired: " + date + " is now earlier or later than 15 minutes from now.");
  }
}

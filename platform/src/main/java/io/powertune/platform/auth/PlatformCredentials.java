package io.powertune.platform.auth;

/**
 * The one key pair the platform accepts, written to the state directory for clients to use.
 *
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret
 */
public record PlatformCredentials(String accessKeyId, String secretAccessKey) {

  @Override
  public String toString() {
    return "PlatformCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
  }
}

package io.powertune.platform.auth;

/**
 * Temporary credentials of one execution environment, as Lambda gives a function its role's
 * session: a key pair and a session token, accepted only together and only while the environment
 * lives.
 *
 * @param accessKeyId the access key id ({@code ASIA...}, as temporary keys are on AWS)
 * @param secretAccessKey the secret
 * @param sessionToken the token every signed request must carry in {@code X-Amz-Security-Token}
 */
public record SessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {

  @Override
  public String toString() {
    return "SessionCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***, token=***]";
  }
}

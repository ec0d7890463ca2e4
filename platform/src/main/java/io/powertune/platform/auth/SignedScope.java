package io.powertune.platform.auth;

/**
 * What a verified request's signature says about it.
 *
 * @param accessKeyId the key that signed it
 * @param region the region of the credential scope
 * @param service the signing name of the credential scope
 */
public record SignedScope(String accessKeyId, String region, String service) {}

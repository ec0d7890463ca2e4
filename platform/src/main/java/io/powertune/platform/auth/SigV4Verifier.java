package io.powertune.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Verifies AWS Signature Version 4 by re-signing the request as the client saw it with the AWS
 * SDK's own signer and comparing signatures in constant time.
 */
public final class SigV4Verifier {

  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256\\s+Credential=([^/\\s,]+)/(\\d{8})/([^/\\s,]+)/([^/\\s,]+)/aws4_request,"
              + "\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]{64})");
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Duration MAX_SKEW = Duration.ofMinutes(15);

  private final PlatformCredentials credentials;
  private final Clock clock;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  public SigV4Verifier(PlatformCredentials credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  /**
   * The request as received: raw path and query (still percent-encoded), headers with lower-case
   * names.
   *
   * @param method HTTP method
   * @param rawPath the path exactly as sent
   * @param query decoded query parameters, in any order
   * @param headers every header, lower-case names
   * @param body the exact body bytes
   */
  public record ReceivedRequest(
      String method,
      String rawPath,
      Map<String, List<String>> query,
      Map<String, String> headers,
      byte[] body) {}

  /**
   * Verifies the request.
   *
   * @return the scope it was signed for
   * @throws SignatureException when it is not correctly signed by the platform's key
   */
  public SignedScope verify(ReceivedRequest request) {
    String authorization = request.headers().get("authorization");
    if (authorization == null) {
      throw SignatureException.missing();
    }
    Matcher m = AUTHORIZATION.matcher(authorization.strip());
    if (!m.matches()) {
      throw SignatureException.malformed(
          "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' of"
              + " AWS4-HMAC-SHA256.");
    }
    SignedScope scope = new SignedScope(m.group(1), m.group(3), m.group(4));
    if (!scope.accessKeyId().equals(credentials.accessKeyId())) {
      throw SignatureException.unknownKey(scope.accessKeyId());
    }
    Instant signedAt = signingTime(request.headers().get("x-amz-date"));
    String expected = sign(request, scope, m.group(5), signedAt);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        m.group(6).getBytes(StandardCharsets.US_ASCII))) {
      throw SignatureException.mismatch();
    }
    return scope;
  }

  private Instant signingTime(String amzDate) {
    if (amzDate == null) {
      throw SignatureException.malformed(
          "Authorization header requires existence of an X-Amz-Date.");
    }
    Instant signedAt;
    try {
      signedAt = AMZ_DATE.parse(amzDate, Instant::from);
    } catch (DateTimeParseException e) {
      throw SignatureException.malformed("X-Amz-Date is not in the yyyyMMdd'T'HHmmss'Z' form.");
    }
    if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
      throw SignatureException.stale(amzDate);
    }
    return signedAt;
  }

  private String sign(
      ReceivedRequest request, SignedScope scope, String signedHeaders, Instant at) {
    SdkHttpRequest.Builder http =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(request.method()))
            .protocol("http")
            .host("localhost")
            .encodedPath(request.rawPath());
    request.query().forEach(http::putRawQueryParameter);
    for (String name : signedHeaders.split(";")) {
      String value = request.headers().get(name);
      if (value == null) {
        throw SignatureException.malformed("Signed header '" + name + "' is missing.");
      }
      http.putHeader(name, value);
    }
    SignedRequest signed =
        signer.sign(
            r ->
                r.identity(
                        AwsCredentialsIdentity.create(
                            credentials.accessKeyId(), credentials.secretAccessKey()))
                    .request(http.build())
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(request.body()))
                    .putProperty(AwsV4HttpSigner.REGION_NAME, scope.region())
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, scope.service())
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
    String header = signed.request().firstMatchingHeader("Authorization").orElse("");
    return header.substring(header.lastIndexOf('=') + 1);
  }
}

package io.powertune.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.CredentialScope;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4CanonicalRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Verifies AWS Signature Version 4 by re-signing the request as the client saw it with the AWS
 * SDK's own signer and comparing signatures in constant time.
 */
public final class SigV4Verifier {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SigV4Verifier.class);

  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256\\s+Credential=([^/\\s,]+)/(\\d{8})/([^/\\s,]+)/([^/\\s,]+)/aws4_request,"
              + "\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]{64})");
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Duration MAX_SKEW = Duration.ofMinutes(15);

  private final PlatformCredentials credentials;
  private final SessionKeys sessions;
  private final Clock clock;

  private static final int MAX_SIGNING_KEYS = 4096;

  /**
   * Signing keys by access key and credential scope (date/region/service): derived once a day per
   * key, not per call.
   */
  private final Map<String, byte[]> signingKeys = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param credentials the platform's own key pair
   * @param sessions the environments' session credentials, accepted with their token only
   */
  public SigV4Verifier(PlatformCredentials credentials, SessionKeys sessions, Clock clock) {
    this.credentials = credentials;
    this.sessions = sessions;
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
   * @throws SignatureException when it is not correctly signed by the platform's key or by a live
   *     environment's session credentials with their token
   */
  public SignedScope verify(ReceivedRequest request) {
    Matcher m = authorization(request.headers());
    SignedScope scope = new SignedScope(m.group(1), m.group(3), m.group(4));
    String secret = secretOf(scope.accessKeyId(), request.headers().get("x-amz-security-token"));
    Instant signedAt = signingTime(request.headers().get("x-amz-date"));
    byte[] sent = m.group(6).getBytes(StandardCharsets.US_ASCII);
    for (String path : canonicalPaths(request.rawPath())) {
      byte[] expected =
          sign(request, path, scope, secret, m.group(5), signedAt)
              .getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, sent)) {
        return scope;
      }
    }
    LOG.debug(
        "signature mismatch: {} {} query={} signed={}",
        request.method(),
        request.rawPath(),
        request.query(),
        m.group(5));
    throw SignatureException.mismatch();
  }

  /**
   * Checks what the headers alone show (an Authorization of SigV4's form, a key the platform
   * accepts, a fresh date), so a request that cannot be signed right is refused before its body is
   * read.
   *
   * @param headers every header, lower-case names
   * @throws SignatureException when the headers already show the request is not acceptable
   */
  public void precheck(Map<String, String> headers) {
    Matcher m = authorization(headers);
    secretOf(m.group(1), headers.get("x-amz-security-token"));
    signingTime(headers.get("x-amz-date"));
  }

  private static Matcher authorization(Map<String, String> headers) {
    String authorization = headers.get("authorization");
    if (authorization == null) {
      throw SignatureException.missing();
    }
    Matcher m = AUTHORIZATION.matcher(authorization.strip());
    if (!m.matches()) {
      throw SignatureException.malformed(
          "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' of"
              + " AWS4-HMAC-SHA256.");
    }
    return m;
  }

  /** The secret of the key that signed, or why it is not accepted. */
  private String secretOf(String accessKeyId, String token) {
    if (accessKeyId.equals(credentials.accessKeyId())) {
      return credentials.secretAccessKey();
    }
    SessionCredentials session =
        sessions.find(accessKeyId).orElseThrow(() -> SignatureException.unknownKey(accessKeyId));
    if (token == null
        || !MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8),
            session.sessionToken().getBytes(StandardCharsets.UTF_8))) {
      throw SignatureException.unknownKey(accessKeyId);
    }
    return session.secretAccessKey();
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

  /**
   * The paths a client may have signed: the path as sent, and for a path with a trailing slash also
   * the path without it (botocore normalizes it away, the Java SDK keeps it).
   */
  private static List<String> canonicalPaths(String rawPath) {
    if (rawPath.length() > 1 && rawPath.endsWith("/")) {
      return List.of(rawPath, rawPath.substring(0, rawPath.length() - 1));
    }
    return List.of(rawPath);
  }

  /**
   * The signature of the request as the client built it: its signed headers only, the canonical
   * request and the signing key from the AWS SDK's own V4 code. The SDK's public signer cannot be
   * used as it is, because it adds and signs {@code x-amz-content-sha256}, which other clients
   * (botocore) do not.
   */
  private String sign(
      ReceivedRequest request,
      String path,
      SignedScope scope,
      String secret,
      String signedHeaders,
      Instant at) {
    SdkHttpRequest.Builder http =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(request.method()))
            .protocol("http")
            .host("localhost")
            .encodedPath(path);
    request.query().forEach(http::putRawQueryParameter);
    for (String name : signedHeaders.split(";")) {
      String value = request.headers().get(name);
      if (value == null) {
        throw SignatureException.malformed("Signed header '" + name + "' is missing.");
      }
      http.putHeader(name, value);
    }
    String canonical =
        new V4CanonicalRequest(
                http.build(), contentHash(request), new V4CanonicalRequest.Options(true, true))
            .getCanonicalRequestString();
    CredentialScope credentialScope = new CredentialScope(scope.region(), scope.service(), at);
    String stringToSign =
        "AWS4-HMAC-SHA256\n"
            + credentialScope.getDatetime()
            + "\n"
            + credentialScope.scope()
            + "\n"
            + SignerUtils.hashCanonicalRequest(canonical);
    if (signingKeys.size() > MAX_SIGNING_KEYS) {
      signingKeys.clear(); // per key, day, region and service: a few per environment
    }
    byte[] key =
        signingKeys.computeIfAbsent(
            scope.accessKeyId() + "/" + credentialScope.scope(),
            k ->
                SignerUtils.deriveSigningKey(
                    AwsCredentialsIdentity.create(scope.accessKeyId(), secret), credentialScope));
    return HexFormat.of().formatHex(hmacSha256(key, stringToSign));
  }

  private static final ThreadLocal<Mac> HMAC =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance("HmacSHA256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
            }
          });

  /**
   * The final HMAC of SigV4, with a Mac kept per thread (looking one up costs more than using it).
   */
  private static byte[] hmacSha256(byte[] key, String data) {
    Mac mac = HMAC.get();
    try {
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The payload hash the client signed: its x-amz-content-sha256 header, else the body's SHA-256.
   */
  private static String contentHash(ReceivedRequest request) {
    String declared = request.headers().get("x-amz-content-sha256");
    String actual = HexFormat.of().formatHex(SignerUtils.hash(request.body()));
    if (declared != null && !declared.equals(actual)) {
      // UNSIGNED-PAYLOAD and streaming forms are S3's; these services sign the body
      throw SignatureException.malformed("x-amz-content-sha256 does not match the request body.");
    }
    return actual;
  }
}

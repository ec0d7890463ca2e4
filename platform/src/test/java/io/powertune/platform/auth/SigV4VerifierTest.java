package io.powertune.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertune.platform.auth.SigV4Verifier.ReceivedRequest;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Requests signed by botocore (the AWS CLI's signer), recorded with fixed keys and time. */
class SigV4VerifierTest {

  private static final PlatformCredentials KEYS =
      new PlatformCredentials("PTIA0123456789ABCDEF", "secretsecretsecretsecretsecretsecretsecr");
  private static final SessionKeys NO_SESSIONS = new SessionKeys(new SecureRandom());
  private static final Clock AT_SIGNING =
      Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

  private static ReceivedRequest listFunctions(String signature) {
    Map<String, String> headers = new HashMap<>();
    headers.put("host", "127.0.0.1:44743");
    headers.put("x-amz-date", "20261122T100000Z");
    headers.put(
        "authorization",
        "AWS4-HMAC-SHA256 Credential=PTIA0123456789ABCDEF/20261122/us-east-1/lambda/aws4_request,"
            + " SignedHeaders=host;x-amz-date, Signature="
            + signature);
    return new ReceivedRequest("GET", "/2015-03-31/functions/", Map.of(), headers, new byte[0]);
  }

  @Test
  void verify_botocoreSignedRequest_givesItsScope() {
    SignedScope scope =
        new SigV4Verifier(KEYS, NO_SESSIONS, AT_SIGNING)
            .verify(
                listFunctions("26ec3f01884a73712a6bf0e8d8364171794e756a81236b5153fd17032ea3d8e4"));

    assertThat(scope).isEqualTo(new SignedScope("PTIA0123456789ABCDEF", "us-east-1", "lambda"));
  }

  @Test
  void verify_alteredSignature_isRejected() {
    assertThatThrownBy(
            () ->
                new SigV4Verifier(KEYS, NO_SESSIONS, AT_SIGNING)
                    .verify(
                        listFunctions(
                            "36ec3f01884a73712a6bf0e8d8364171794e756a81236b5153fd17032ea3d8e4")))
        .isInstanceOf(SignatureException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void verify_otherSecret_isRejected() {
    PlatformCredentials other = new PlatformCredentials(KEYS.accessKeyId(), "another-secret");

    assertThatThrownBy(
            () ->
                new SigV4Verifier(other, NO_SESSIONS, AT_SIGNING)
                    .verify(
                        listFunctions(
                            "26ec3f01884a73712a6bf0e8d8364171794e756a81236b5153fd17032ea3d8e4")))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void verify_staleDate_isRejected() {
    Clock later = Clock.offset(AT_SIGNING, java.time.Duration.ofMinutes(16));

    assertThatThrownBy(
            () ->
                new SigV4Verifier(KEYS, NO_SESSIONS, later)
                    .verify(
                        listFunctions(
                            "26ec3f01884a73712a6bf0e8d8364171794e756a81236b5153fd17032ea3d8e4")))
        .isInstanceOf(SignatureException.class)
        .hasMessageContaining("Signature expired");
  }

  @Test
  void verify_unknownKeyAndMissingHeader_areRejectedWithAwsCodes() {
    SigV4Verifier verifier = new SigV4Verifier(KEYS, NO_SESSIONS, AT_SIGNING);
    ReceivedRequest unsigned =
        new ReceivedRequest("GET", "/", Map.of(), Map.of("host", "x"), new byte[0]);
    Map<String, String> otherKey = new HashMap<>(listFunctions("00").headers());
    otherKey.put(
        "authorization",
        otherKey.get("authorization").replace("PTIA0123456789ABCDEF", "AKIAOTHER"));

    assertThatThrownBy(() -> verifier.verify(unsigned))
        .isInstanceOfSatisfying(
            SignatureException.class,
            e -> assertThat(e.code()).isEqualTo("MissingAuthenticationTokenException"));
    assertThatThrownBy(
            () ->
                verifier.verify(
                    new ReceivedRequest(
                        "GET", "/2015-03-31/functions/", Map.of(), otherKey, new byte[0])))
        .isInstanceOfSatisfying(
            SignatureException.class,
            e -> assertThat(e.code()).isEqualTo("IncompleteSignatureException"));
  }

  @Test
  void verify_sessionCredentials_areAcceptedWithTheirTokenOnly_andUntilRevoked() {
    SessionKeys sessions = new SessionKeys(new SecureRandom());
    SessionCredentials session = sessions.issue();
    SigV4Verifier verifier = new SigV4Verifier(KEYS, sessions, Clock.systemUTC());
    ReceivedRequest signed = signedBy(session, session.sessionToken());
    ReceivedRequest otherToken = signedBy(session, sessions.issue().sessionToken());
    ReceivedRequest noToken = signedBy(session, null);

    assertThat(verifier.verify(signed).accessKeyId()).isEqualTo(session.accessKeyId());
    assertThatThrownBy(() -> verifier.verify(otherToken))
        .isInstanceOfSatisfying(
            SignatureException.class,
            e -> assertThat(e.code()).isEqualTo("UnrecognizedClientException"));
    assertThatThrownBy(() -> verifier.verify(noToken))
        .isInstanceOfSatisfying(
            SignatureException.class,
            e -> assertThat(e.code()).isEqualTo("UnrecognizedClientException"));
    sessions.revoke(session);
    assertThatThrownBy(() -> verifier.verify(signed))
        .isInstanceOfSatisfying(
            SignatureException.class,
            e -> assertThat(e.code()).isEqualTo("UnrecognizedClientException"));
  }

  /** A ListFunctions request signed now by the AWS SDK's signer, with {@code token} if any. */
  private static ReceivedRequest signedBy(SessionCredentials keys, String token) {
    AwsCredentialsIdentity identity =
        token == null
            ? AwsCredentialsIdentity.create(keys.accessKeyId(), keys.secretAccessKey())
            : AwsSessionCredentialsIdentity.create(
                keys.accessKeyId(), keys.secretAccessKey(), token);
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.GET)
            .uri(URI.create("http://127.0.0.1:4566/2015-03-31/functions/"))
            .build();
    SdkHttpRequest request =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.request(unsigned)
                        .identity(identity)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
            .request();
    Map<String, String> headers = new HashMap<>();
    request.forEachHeader((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
    return new ReceivedRequest("GET", request.encodedPath(), Map.of(), headers, new byte[0]);
  }
}

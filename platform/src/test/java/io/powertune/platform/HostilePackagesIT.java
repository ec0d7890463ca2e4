package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertune.platform.lambda.HostileZips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Uploaded code as a hostile or careless client sends it, through the real SDK: refused with 400
 * and nothing left on disk; Lambda's largest zip accepted; code no version uses deleted.
 */
class HostilePackagesIT {

  private static final Map<String, byte[]> HOSTILE = HostileZips.all();
  private static final SdkBytes GOOD =
      Zips.ofFile("app.py", "def handler(event, context):\n    return 'ok'\n");

  @TempDir static Path stateDir;
  private static PlatformFixture fixture;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() throws Exception {
    fixture = new PlatformFixture(stateDir);
    lambda = fixture.lambdaWithoutRetries();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  static Stream<Arguments> hostile() {
    return HOSTILE.keySet().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void createFunction_withAHostilePackage_isRefused_andLeavesNothing(String trick)
      throws Exception {
    List<String> storedBefore = storedCode();
    List<Path> onDiskBefore = unpackedCode();
    String name = "hostile-" + trick.replaceAll("[^a-z0-9]+", "-");

    assertThatThrownBy(() -> create(name, SdkBytes.fromByteArray(HOSTILE.get(trick))))
        .isInstanceOfSatisfying(
            InvalidParameterValueException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorMessage())
                  .containsAnyOf("ZipFile", "Unzipped size", "Could not unzip");
            });
    assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName(name)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(storedCode()).isEqualTo(storedBefore);
    assertThat(unpackedCode()).isEqualTo(onDiskBefore);
  }

  @Test
  void updateFunctionCode_withAHostilePackage_keepsTheCodeItHad() {
    String sha = create("keeps-its-code", GOOD);

    assertThatThrownBy(
            () ->
                lambda.updateFunctionCode(
                    r ->
                        r.functionName("keeps-its-code")
                            .zipFile(SdkBytes.fromByteArray(HOSTILE.get("symbolic link")))))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("symbolic link");
    assertThat(lambda.getFunctionConfiguration(r -> r.functionName("keeps-its-code")).codeSha256())
        .isEqualTo(sha);
    assertThat(lambda.invoke(r -> r.functionName("keeps-its-code")).payload().asUtf8String())
        .isEqualTo("\"ok\"");
  }

  @Test
  void createFunction_withLambdasLargestZip_isAccepted() {
    byte[] random = new byte[50_000_000];
    new Random(7).nextBytes(random); // incompressible: the zip is as large as its content
    byte[] zip =
        HostileZips.zip(e -> e.file("app.py", "def handler(e, c):\n    return 1\n").stored(random));

    assertThat(zip.length).isGreaterThan(50_000_000).isLessThanOrEqualTo(52_428_800);
    create("largest-zip", SdkBytes.fromByteArray(zip));
    assertThat(lambda.getFunctionConfiguration(r -> r.functionName("largest-zip")).codeSize())
        .isEqualTo(zip.length);
  }

  @Test
  void codeNoVersionUses_isDeleted_storedAtOnce_unpackedAtTheNextStart() throws Exception {
    String first = create("replaced-code", Zips.ofFile("app.py", "def handler(e, c): return 1"));
    String second =
        lambda
            .updateFunctionCode(
                r ->
                    r.functionName("replaced-code")
                        .zipFile(Zips.ofFile("app.py", "def handler(e, c): return 2")))
            .codeSha256();
    lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("replaced-code"));

    assertThat(storedCode()).doesNotContain(first).contains(second);
    lambda.deleteFunction(r -> r.functionName("replaced-code"));
    assertThat(storedCode()).doesNotContain(second);

    fixture.restart();
    lambda = fixture.lambdaWithoutRetries();
    assertThat(unpackedCode())
        .map(p -> p.getFileName().toString())
        .doesNotContain(hex(first), hex(second));
  }

  private static String create(String name, SdkBytes zip) {
    String sha =
        lambda
            .createFunction(
                r ->
                    r.functionName(name)
                        .runtime(Runtime.PYTHON3_11)
                        .handler("app.handler")
                        .role(PlatformFixture.ROLE)
                        .code(c -> c.zipFile(zip)))
            .codeSha256();
    lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
    return sha;
  }

  private static List<String> storedCode() throws SQLException {
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + stateDir.resolve("state.db"));
        var rows = db.createStatement().executeQuery("SELECT sha256 FROM code ORDER BY sha256")) {
      List<String> shas = new java.util.ArrayList<>();
      while (rows.next()) {
        shas.add(rows.getString(1));
      }
      return shas;
    }
  }

  private static List<Path> unpackedCode() throws IOException {
    Path code = stateDir.resolve("code");
    if (!Files.isDirectory(code)) {
      return List.of();
    }
    try (var dirs = Files.list(code)) {
      return dirs.sorted().toList();
    }
  }

  private static String hex(String sha256Base64) {
    return java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(sha256Base64));
  }
}

package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.platform.resources.EphemeralStorage;
import io.powertune.platform.resources.LoopMountStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Each environment's /tmp is its own, disk-backed, and as large as its EphemeralStorage size. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EphemeralStorageIT {

  @TempDir static Path stateDir;
  @TempDir static Path probeDir;
  private PlatformFixture fixture;
  private LambdaClient lambda;

  @BeforeAll
  void start() throws Exception {
    EphemeralStorage storage = LoopMountStorage.detect(probeDir);
    boolean canMount =
        "root".equals(System.getProperty("user.name"))
            && Files.isExecutable(Path.of("/usr/bin/unshare"))
            && (Files.isExecutable(Path.of("/usr/sbin/mkfs.ext4"))
                || Files.isExecutable(Path.of("/sbin/mkfs.ext4")));
    if (!canMount) {
      System.out.println(
          "EphemeralStorageIT skipped: mounting a /tmp image needs root, unshare and e2fsprogs");
    }
    assumeTrue(canMount, "mounting a /tmp image needs root, unshare and e2fsprogs");
    assertThat(storage.available())
        .as(
            "root with unshare and e2fsprogs must give private /tmp images: %s",
            storage.description())
        .isTrue();
    fixture = new PlatformFixture(stateDir);
    lambda = fixture.lambda();
  }

  @AfterAll
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private void create(String name, int memory, int ephemeralMb) {
    fixture.create(
        lambda,
        name,
        Runtime.PYTHON3_12,
        "app.tmp",
        Zips.testFunction("python-behaviours"),
        memory,
        60);
    lambda.updateFunctionConfiguration(
        r -> r.functionName(name).ephemeralStorage(e -> e.size(ephemeralMb)));
    lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(name));
  }

  private InvokeResponse invoke(String name, String payload) {
    return lambda.invoke(r -> r.functionName(name).payload(SdkBytes.fromUtf8String(payload)));
  }

  @Test
  void tmp_hasTheConfiguredSize_andAWritePastItFails() {
    create("tmp-512", 256, 512);
    create("tmp-1024", 256, 1024);

    JsonNode small = Json.read(invoke("tmp-512", "{}").payload());
    JsonNode large = Json.read(invoke("tmp-1024", "{}").payload());
    InvokeResponse fits = invoke("tmp-512", "{\"write\":400,\"name\":\"fits\"}");
    InvokeResponse tooLarge = invoke("tmp-512", "{\"write\":530,\"name\":\"too-large\"}");

    assertThat(small.path("sizeMb").asInt()).isBetween(512, 540);
    assertThat(large.path("sizeMb").asInt()).isBetween(1024, 1070);
    assertThat(small.path("tmpdir").asText()).isEqualTo("/tmp");
    assertThat(entries(small)).as("Lambda's /tmp starts empty").doesNotContain("lost+found");
    assertThat(fits.functionError())
        .as("400 MB on /tmp at 256 MB of memory: disk-backed, not memory")
        .isNull();
    assertThat(tooLarge.functionError()).isEqualTo("Unhandled");
    assertThat(Json.read(tooLarge.payload()).path("errorMessage").asText())
        .contains("No space left on device");
  }

  @Test
  void tmp_isPrivateToEachEnvironment() {
    create("tmp-private-a", 128, 512);
    create("tmp-private-b", 128, 512);
    String name = "written-by-a-" + System.nanoTime();

    JsonNode a =
        Json.read(invoke("tmp-private-a", "{\"write\":1,\"name\":\"" + name + "\"}").payload());
    JsonNode b = Json.read(invoke("tmp-private-b", "{}").payload());

    assertThat(entries(a)).contains(name);
    assertThat(entries(b)).doesNotContain(name);
    assertThat(Path.of("/tmp", name)).doesNotExist();
  }

  private static List<String> entries(JsonNode result) {
    List<String> names = new ArrayList<>();
    result.path("entries").forEach(n -> names.add(n.asText()));
    return names;
  }
}

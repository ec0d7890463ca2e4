package io.powertune.cli.install;

import io.powertune.analyzer.model.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Creates or updates a function from a folder or a zip (or jar) file, as {@code tune --deploy} and
 * users without the AWS CLI need.
 */
public final class FunctionDeployer {

  /** The role deployed functions name (the platform does not check it). */
  public static final String ROLE = "arn:aws:iam::000000000000:role/powertune-function";

  /** The timeout of a function created here: long enough for small sizes of CPU-bound code. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 60;

  private final LambdaClient lambda;

  public FunctionDeployer(LambdaClient lambda) {
    this.lambda = lambda;
  }

  /**
   * Deploys the code as {@code name}.
   *
   * @param memoryMb the memory size, or null to keep it (128 MB for a new function)
   * @param timeoutSeconds the timeout, or null to keep it (60 s for a new function)
   */
  public void deploy(
      String name,
      Path code,
      String runtime,
      String handler,
      Integer memoryMb,
      Integer timeoutSeconds) {
    SdkBytes zip = SdkBytes.fromByteArray(packageOf(code));
    boolean exists;
    try {
      lambda.getFunction(r -> r.functionName(name));
      exists = true;
    } catch (ResourceNotFoundException e) {
      exists = false;
    }
    if (!exists) {
      lambda.createFunction(
          r ->
              r.functionName(name)
                  .runtime(runtime)
                  .handler(handler)
                  .role(ROLE)
                  .memorySize(memoryMb == null ? 128 : memoryMb)
                  .timeout(timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds)
                  .code(c -> c.zipFile(zip)));
      lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
      return;
    }
    lambda.updateFunctionCode(r -> r.functionName(name).zipFile(zip));
    lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(name));
    lambda.updateFunctionConfiguration(
        r -> {
          r.functionName(name).runtime(runtime).handler(handler);
          if (memoryMb != null) {
            r.memorySize(memoryMb);
          }
          if (timeoutSeconds != null) {
            r.timeout(timeoutSeconds);
          }
        });
    lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(name));
  }

  /** A zip or jar file as it is; a folder zipped with paths relative to it. */
  public static byte[] packageOf(Path code) {
    try {
      if (Files.isRegularFile(code)) {
        return Files.readAllBytes(code);
      }
      if (!Files.isDirectory(code)) {
        throw new InvalidInputException(
            "--deploy", "no such folder or file: " + code + "; give a folder or a .zip");
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes);
          Stream<Path> files = Files.walk(code)) {
        List<Path> regular = files.filter(Files::isRegularFile).sorted().toList();
        for (Path file : regular) {
          ZipEntry entry = new ZipEntry(code.relativize(file).toString().replace('\\', '/'));
          zip.putNextEntry(entry);
          zip.write(Files.readAllBytes(file));
          zip.closeEntry();
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

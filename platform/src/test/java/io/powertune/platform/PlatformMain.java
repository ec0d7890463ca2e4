package io.powertune.platform;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** A platform in its own process, for tests that kill it: {@code PlatformMain <state dir>}. */
public final class PlatformMain {

  private PlatformMain() {}

  public static void main(String[] args) throws Exception {
    Platform platform = Platform.start(PlatformFixture.config(Path.of(args[0])));
    System.out.println("endpoint " + platform.endpoint());
    new CountDownLatch(1).await(); // until killed
  }
}

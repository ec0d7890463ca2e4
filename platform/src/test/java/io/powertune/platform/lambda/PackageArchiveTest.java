package io.powertune.platform.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertune.platform.lambda.errors.InvalidParameterValueException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PackageArchiveTest {

  private static final Map<String, byte[]> HOSTILE = HostileZips.all();

  static Stream<Arguments> hostile() {
    return HOSTILE.keySet().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void check_hostilePackage_isRefusedAsAnInvalidParameter(String trick) {
    assertThatThrownBy(() -> PackageArchive.check(HOSTILE.get(trick)))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageFindingMatch("ZipFile|Unzipped size|Could not unzip");
  }

  @Test
  void check_namesTheEntry_andSaysWhatIsWrong() {
    assertThatThrownBy(() -> PackageArchive.check(HOSTILE.get("dot-dot entry")))
        .hasMessage(
            "ZipFile entry '../escaped.txt' leaves the package with '..'; zip paths inside the"
                + " package only.");
    assertThatThrownBy(() -> PackageArchive.check(HOSTILE.get("symbolic link")))
        .hasMessageContaining("'secrets' is a symbolic link");
    assertThatThrownBy(() -> PackageArchive.check(HOSTILE.get("file and folder")))
        .hasMessageContaining("'lib/mod.py' is both a file and a folder");
    assertThatThrownBy(() -> PackageArchive.check(HOSTILE.get("bomb past 250 MB")))
        .hasMessage("Unzipped size must be smaller than 262144000 bytes");
  }

  @Test
  void check_ordinaryPackage_withFoldersAndNonAsciiNames_isAccepted(@TempDir Path dir)
      throws IOException {
    byte[] zip =
        HostileZips.zip(
            e ->
                e.folder("lib/")
                    .file("lib/mod.py", "x = 1")
                    .file("données/été.txt", "é")
                    .file("index.py", "def handler(e, c): return 1"));

    assertThatCode(() -> PackageArchive.check(zip)).doesNotThrowAnyException();
    PackageArchive.unpack(zip, dir);

    assertThat(dir.resolve("lib/mod.py")).hasContent("x = 1");
    assertThat(dir.resolve("données/été.txt")).hasContent("é");
    assertThat(Files.isExecutable(dir.resolve("index.py"))).isTrue();
  }

  @Test
  void check_exactlyTheUnzippedLimit_isAccepted() {
    byte[] zip = HostileZips.zip(e -> e.zeros("big.bin", PackageArchive.MAX_UNZIPPED));

    assertThatCode(() -> PackageArchive.check(zip)).doesNotThrowAnyException();
  }
}

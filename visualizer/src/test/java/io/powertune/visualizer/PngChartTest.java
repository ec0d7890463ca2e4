package io.powertune.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngChartTest {

  @Test
  void render_isAPngOfItsSize_withContent_andThePickMarkedWhereItsSizeIs() throws Exception {
    PngChart.Rendered rendered = PngChart.render(Fixtures.memoryHungry());

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendered.png()));

    assertThat(image.getWidth()).isEqualTo(PngChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(PngChart.HEIGHT);
    assertThat(colours(image)).as("distinct colours").hasSizeGreaterThan(20);
    assertThat(pickPixels(image, rendered.pickX()))
        .as("pixels of the pick's colour in its column")
        .isGreaterThan(300);
    assertThat(pickPixels(image, PngChart.WIDTH / 8))
        .as("pixels of the pick's colour elsewhere")
        .isLessThan(10);
  }

  @Test
  void render_pickOfAnotherRun_isMarkedAtItsOwnSize() throws Exception {
    PngChart.Rendered rendered = PngChart.render(Fixtures.cpuBound());
    PngChart.Rendered other = PngChart.render(Fixtures.memoryHungry());

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendered.png()));

    assertThat(rendered.pickX()).isNotEqualTo(other.pickX());
    assertThat(pickPixels(image, rendered.pickX())).isGreaterThan(300);
  }

  private static Set<Integer> colours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y) & 0xFFFFFF);
      }
    }
    return colours;
  }

  /** Pixels of exactly the pick's colour within a pixel of column {@code x}. */
  private static int pickPixels(BufferedImage image, int x) {
    int pick = ChartBuilder.PICK.getRGB() & 0xFFFFFF;
    int count = 0;
    for (int column = Math.max(0, x - 1);
        column <= Math.min(image.getWidth() - 1, x + 1);
        column++) {
      for (int y = 0; y < image.getHeight(); y++) {
        if ((image.getRGB(column, y) & 0xFFFFFF) == pick) {
          count++;
        }
      }
    }
    return count;
  }
}

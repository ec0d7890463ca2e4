package io.powertune.cli;

import io.powertune.analyzer.tuning.TuningAnalysis;
import io.powertune.visualizer.HtmlReport;
import io.powertune.visualizer.PngChart;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The files a tuning leaves: {@code result.json}, {@code chart.png} and {@code report.html}. */
final class ReportFiles {

  private ReportFiles() {}

  /** Writes the three files into {@code dir}; returns their paths. */
  static List<Path> write(TuningAnalysis result, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path json = Files.writeString(dir.resolve("result.json"), JsonOutput.write(result) + "\n");
    List<Path> pictures = writePictures(result, dir);
    return List.of(json, pictures.get(0), pictures.get(1));
  }

  /** Writes chart.png and report.html only (beside a result.json that is there already). */
  static List<Path> writePictures(TuningAnalysis result, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path png = Files.write(dir.resolve("chart.png"), PngChart.render(result).png());
    Path html = Files.writeString(dir.resolve("report.html"), HtmlReport.render(result));
    return List.of(png, html);
  }

  /**
   * A new folder {@code name} (or {@code name-2}, ...) under {@code parent}: runs never share one.
   */
  static Path claim(Path parent, String name) throws IOException {
    Files.createDirectories(parent);
    for (int i = 1; ; i++) {
      try {
        return Files.createDirectory(parent.resolve(i == 1 ? name : name + "-" + i));
      } catch (FileAlreadyExistsException e) {
        // another run took it: try the next name
      }
    }
  }
}

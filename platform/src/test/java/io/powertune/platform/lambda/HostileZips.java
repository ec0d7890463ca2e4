package io.powertune.platform.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Deployment packages a hostile or careless upload might hold, each named for its trick. */
public final class HostileZips {

  private HostileZips() {}

  /** Each trick, by name, as zip bytes. */
  public static Map<String, byte[]> all() {
    Map<String, byte[]> zips = new LinkedHashMap<>();
    zips.put("dot-dot entry", zip(e -> e.file("../escaped.txt", "x")));
    zips.put("nested dot-dot entry", zip(e -> e.file("a/../../escaped.txt", "x")));
    zips.put("absolute entry", zip(e -> e.file("/etc/cron.d/owned", "x")));
    zips.put("symbolic link", zip(e -> e.file("index.py", "x").link("secrets", "/root")));
    zips.put("duplicate names", zip(e -> e.file("index.py", "a").file("index.py", "b")));
    zips.put("file and folder", zip(e -> e.file("lib", "x").file("lib/mod.py", "y")));
    zips.put("folder then file", zip(e -> e.folder("lib/").file("lib", "x")));
    zips.put("name not UTF-8", zip(e -> e.rawName(new byte[] {'a', (byte) 0xff, 'b'})));
    zips.put("too many entries", zip(e -> e.many(PackageArchive.MAX_ENTRIES + 1)));
    zips.put("bomb past 250 MB", zip(e -> e.zeros("bomb.bin", PackageArchive.MAX_UNZIPPED + 1)));
    zips.put("not a zip", "PK but not really".getBytes(StandardCharsets.US_ASCII));
    return zips;
  }

  /** A zip built by {@code entries}. */
  public static byte[] zip(java.util.function.Consumer<Entries> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
      entries.accept(new Entries(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Writes entries, including those well-behaved zip tools never write. */
  public static final class Entries {
    private final ZipArchiveOutputStream out;

    Entries(ZipArchiveOutputStream out) {
      this.out = out;
    }

    public Entries file(String name, String content) {
      return write(new ZipArchiveEntry(name), content.getBytes(StandardCharsets.UTF_8));
    }

    public Entries folder(String name) {
      return write(new ZipArchiveEntry(name), new byte[0]);
    }

    public Entries link(String name, String target) {
      ZipArchiveEntry entry = new ZipArchiveEntry(name);
      entry.setUnixMode(UnixStat.LINK_FLAG | 0777);
      return write(entry, target.getBytes(StandardCharsets.UTF_8));
    }

    /** An entry whose name bytes are exactly {@code raw}, flagged as UTF-8. */
    public Entries rawName(byte[] raw) {
      ZipArchiveEntry entry = new ZipArchiveEntry(new String(raw, StandardCharsets.ISO_8859_1));
      out.setEncoding(StandardCharsets.ISO_8859_1.name());
      out.setUseLanguageEncodingFlag(false);
      return write(entry, new byte[] {'x'});
    }

    /** A file kept uncompressed (STORED), so the zip is as large as its content. */
    public Entries stored(byte[] content) {
      ZipArchiveEntry entry = new ZipArchiveEntry("data.bin");
      entry.setMethod(ZipArchiveEntry.STORED);
      entry.setSize(content.length);
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(content);
      entry.setCrc(crc.getValue());
      return write(entry, content);
    }

    public Entries many(int count) {
      for (int i = 0; i < count; i++) {
        file("f" + i, "");
      }
      return this;
    }

    public Entries zeros(String name, long size) {
      try {
        out.putArchiveEntry(new ZipArchiveEntry(name));
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) 0);
        for (long left = size; left > 0; left -= block.length) {
          out.write(block, 0, (int) Math.min(block.length, left));
        }
        out.closeArchiveEntry();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    private Entries write(ZipArchiveEntry entry, byte[] content) {
      try {
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }
  }
}

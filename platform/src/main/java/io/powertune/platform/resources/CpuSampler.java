package io.powertune.platform.resources;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Takes {@link CpuSample}s of one group: its thread list, each listed thread's {@code
 * /proc/TID/schedstat} and the group's throttled time. The files stay open between samples, so a
 * sample costs one read per file (about 1 µs each, against 8 to 10 µs to open one anew: a Java
 * runtime has some twenty threads, sampled twice per invocation). Closed with its group.
 */
public final class CpuSampler implements AutoCloseable {

  private final Path threadList;
  private final Path cpuStat;
  private final String throttledKey;
  private final long nanosPerUnit;
  private final Map<Integer, FileChannel> threads = new HashMap<>();
  private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
  private FileChannel listChannel;
  private FileChannel statChannel;
  private boolean closed;

  /**
   * @param threadList the group's thread list ({@code tasks} in v1, {@code cgroup.threads} in v2)
   * @param cpuStat the group's {@code cpu.stat}
   * @param throttledKey its throttled-time key ({@code throttled_time}, {@code throttled_usec})
   * @param nanosPerUnit nanoseconds per unit of that key
   */
  CpuSampler(Path threadList, Path cpuStat, String throttledKey, long nanosPerUnit) {
    this.threadList = threadList;
    this.cpuStat = cpuStat;
    this.throttledKey = throttledKey;
    this.nanosPerUnit = nanosPerUnit;
  }

  /** The counters now; null when the group's files cannot be read (it ended). */
  public synchronized CpuSample sample() {
    if (closed) {
      return null;
    }
    try {
      if (listChannel == null) {
        listChannel = FileChannel.open(threadList);
        statChannel = FileChannel.open(cpuStat);
      }
      Set<Integer> listed = new HashSet<>();
      for (String line : read(listChannel).split("\n")) {
        if (!line.isBlank()) {
          listed.add(Integer.parseInt(line.strip()));
        }
      }
      Map<Integer, CpuSample.ThreadTimes> times = new HashMap<>();
      for (Integer tid : listed) {
        CpuSample.ThreadTimes t = threadTimes(tid);
        if (t != null) {
          times.put(tid, t);
        }
      }
      forgetEnded(listed);
      return new CpuSample(times, throttled(read(statChannel)) * nanosPerUnit);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private CpuSample.ThreadTimes threadTimes(int tid) {
    try {
      FileChannel channel = threads.get(tid);
      if (channel == null) {
        channel = FileChannel.open(Path.of("/proc", Integer.toString(tid), "schedstat"));
        threads.put(tid, channel);
      }
      String[] fields = read(channel).strip().split(" ");
      return new CpuSample.ThreadTimes(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
    } catch (IOException | RuntimeException e) {
      return null; // it ended while being read
    }
  }

  private void forgetEnded(Set<Integer> listed) throws IOException {
    Iterator<Map.Entry<Integer, FileChannel>> open = threads.entrySet().iterator();
    while (open.hasNext()) {
      Map.Entry<Integer, FileChannel> entry = open.next();
      if (!listed.contains(entry.getKey())) {
        entry.getValue().close();
        open.remove();
      }
    }
  }

  /** The file's text now: a read from offset 0 makes the kernel write it afresh. */
  private String read(FileChannel channel) throws IOException {
    buffer.clear();
    long position = 0;
    int n;
    while ((n = channel.read(buffer, position)) > 0 && buffer.hasRemaining()) {
      position += n;
    }
    buffer.flip();
    return StandardCharsets.US_ASCII.decode(buffer).toString();
  }

  private long throttled(String stat) {
    for (String line : stat.split("\n")) {
      if (line.startsWith(throttledKey + " ")) {
        return Long.parseLong(line.substring(throttledKey.length() + 1).strip());
      }
    }
    return 0;
  }

  @Override
  public synchronized void close() {
    closed = true;
    for (FileChannel channel : threads.values()) {
      closeQuietly(channel);
    }
    threads.clear();
    closeQuietly(listChannel);
    closeQuietly(statChannel);
    listChannel = null;
    statChannel = null;
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // closing a /proc or cgroup file fails for no reason that matters here
      }
    }
  }
}

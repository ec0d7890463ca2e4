package io.powertune.platform.lambda.invoke;

import io.powertune.platform.logs.LogWriter;
import io.powertune.platform.store.LogStore.Scope;

/**
 * The log of one execution environment: every line goes to its log stream, and while an invocation
 * is collecting, also to that invocation's text (the source of the LogType Tail).
 */
final class InvocationLog {

  /** At least 4 KB of UTF-8, however many bytes a character takes. */
  private static final int KEEP_CHARS = 8192;

  private final LogWriter writer;
  private final Scope scope;
  private final String group;
  private final String stream;
  private StringBuilder collecting;

  InvocationLog(LogWriter writer, Scope scope, String group, String stream) {
    this.writer = writer;
    this.scope = scope;
    this.group = group;
    this.stream = stream;
  }

  /** Starts collecting an invocation's text (cold starts keep what the init phase printed). */
  synchronized void collect(boolean keepInit) {
    if (!keepInit || collecting == null) {
      collecting = new StringBuilder();
    }
  }

  synchronized void line(String text) {
    if (text == null) {
      return;
    }
    writer.write(scope, group, stream, text);
    if (collecting != null) {
      collecting.append(text).append('\n');
      if (collecting.length() > 4 * KEEP_CHARS) {
        // only the tail is ever returned: keep enough characters for 4 KB of it
        collecting.delete(0, collecting.length() - KEEP_CHARS);
      }
    }
  }

  /** The collected text; collecting stops. */
  synchronized String take() {
    String text = collecting == null ? "" : collecting.toString();
    collecting = null;
    return text;
  }
}

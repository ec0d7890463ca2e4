package io.powertune.analyzer.report;

import java.util.Optional;

/**
 * A REPORT record found at a position of the log tail; empty when it had no Duration.
 *
 * @param position offset of the record's first character in the tail
 * @param report the parsed record, or empty when it was malformed
 * @param raw the record's text, for error messages
 */
record FoundReport(int position, Optional<Report> report, String raw) {}

package org.taskdesk.testing;

/** What one run of the command line printed and returned. */
public record CliResult(int exitCode, String out, String err) {
}

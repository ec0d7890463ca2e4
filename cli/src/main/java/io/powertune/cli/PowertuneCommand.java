package io.powertune.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The top-level command; it only groups the subcommands. */
@Command(
    name = "powertune",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Finds the memory size at which a serverless function is cheapest, fastest or best"
            + " balanced.",
    subcommands = {AnalyzeCommand.class, PlatformCommand.class, HelpCommand.class})
public final class PowertuneCommand {}

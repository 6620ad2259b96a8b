package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.TestEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every command, found by walking picocli's tree (not a list kept by hand, which a new command would miss):
 * its --help works, and the options people type after the command they are running are accepted there.
 */
class CommandTreeTest {
    @TempDir
    Path folder;

    /** Every command path, root included: {@code []}, {@code [db]}, {@code [db, current]}… */
    static Stream<List<String>> commands() {
        CommandLine tree = new CommandLine(new TaskDeskCommand(null));
        Subcommands.ALL.values().forEach(tree::addSubcommand);
        List<List<String>> paths = new ArrayList<>();
        walk(tree, List.of(), paths, false);
        return paths.stream();
    }

    /** The commands that do something (no subcommands of their own). */
    static Stream<List<String>> leaves() {
        CommandLine tree = new CommandLine(new TaskDeskCommand(null));
        Subcommands.ALL.values().forEach(tree::addSubcommand);
        List<List<String>> paths = new ArrayList<>();
        walk(tree, List.of(), paths, true);
        return paths.stream();
    }

    /** The leaves that sign in, under {@code tasks} and {@code account} (db and server do not). */
    static Stream<List<String>> signingInLeaves() {
        return leaves().filter(path -> path.get(0).equals("tasks") || path.get(0).equals("account"));
    }

    private static void walk(CommandLine line, List<String> path, List<List<String>> into, boolean leavesOnly) {
        if (!leavesOnly || line.getSubcommands().isEmpty()) {
            into.add(path);
        }
        line.getSubcommands().forEach((name, sub) -> {
            List<String> longer = new ArrayList<>(path);
            longer.add(name);
            walk(sub, longer, into, leavesOnly);
        });
    }

    @Test
    void theTreeHasEveryCommand() {
        assertThat(leaves().map(path -> String.join(" ", path)))
                .contains("db current", "db downgrade", "account create", "tasks add", "tasks edit", "tasks list",
                        "server setup")
                .hasSizeGreaterThanOrEqualTo(19);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpWorksOnEveryCommand(List<String> path) {
        for (String help : new String[] {"--help", "-h"}) {
            List<String> args = new ArrayList<>(path);
            args.add(help);

            CliResult result = new TaskDeskCli(TestEnvironment.in(folder)).run(args.toArray(String[]::new));

            assertThat(result.exitCode()).as("%s: %s", args, result.err()).isZero();
            assertThat(result.err()).isEmpty();
            assertThat(result.out()).startsWith("Usage: " + String.join(" ", Stream.concat(Stream.of("taskdesk"),
                    path.stream()).toList()));
        }
    }

    @ParameterizedTest
    @MethodSource("leaves")
    void globalOptionsAreAcceptedAfterEveryCommand(List<String> path) {
        TaskDeskCommand root = new TaskDeskCommand(null);
        CommandLine line = CommandRunner.commandLine(root, List.copyOf(Subcommands.ALL.values()));
        List<String> args = new ArrayList<>(path);
        args.addAll(requiredArguments(line, path));
        args.addAll(List.of("--database-url", "/somewhere/tasks", "--verbose"));

        line.parseArgs(args.toArray(String[]::new));

        assertThat(root.databaseUrl()).as(String.join(" ", args)).isEqualTo("/somewhere/tasks");
        assertThat(root.verbose()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("signingInLeaves")
    void theEmailIsAcceptedAfterEveryCommandThatSignsIn(List<String> path) {
        CommandLine line = CommandRunner.commandLine(new TaskDeskCommand(null), List.copyOf(Subcommands.ALL.values()));
        List<String> args = new ArrayList<>(path);
        args.addAll(requiredArguments(line, path));
        args.addAll(List.of("--email", "ann@example.com"));

        List<CommandLine> parsed = line.parseArgs(args.toArray(String[]::new)).asCommandLineList();

        String email = parsed.stream().flatMap(command -> command.getCommandSpec().options().stream())
                .filter(option -> option.longestName().equals("--email") && option.getValue() != null)
                .map(OptionSpec::<String>getValue).findFirst().orElse(null);
        assertThat(email).as(String.join(" ", args)).isEqualTo("ann@example.com");
    }

    @Test
    void optionsWorkWhereTheReadmeTypesThem() {
        TaskDeskCommand root = new TaskDeskCommand(null);
        CommandLine line = CommandRunner.commandLine(root, List.copyOf(Subcommands.ALL.values()));

        line.parseArgs("tasks", "list", "--database-url", "/a/b", "--json");
        assertThat(root.databaseUrl()).isEqualTo("/a/b");
        line.parseArgs("db", "current", "--database-url", "/c/d");
        assertThat(root.databaseUrl()).isEqualTo("/c/d");
        line.parseArgs("--database-url", "/e/f", "tasks", "--email", "ann@example.com", "add", "x");
        assertThat(root.databaseUrl()).isEqualTo("/e/f");
    }

    /** A value for each required parameter and option of the command at {@code path}, so that it parses. */
    private static List<String> requiredArguments(CommandLine line, List<String> path) {
        CommandLine command = line;
        for (String name : path) {
            command = command.getSubcommands().get(name);
        }
        CommandSpec spec = command.getCommandSpec();
        List<String> values = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.required()) {
                values.add(option.longestName());
                values.add("1");
            }
        }
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            if (parameter.arity().min() > 0) {
                values.add("1");
            }
        }
        return values;
    }
}

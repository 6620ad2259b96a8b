package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubcommandsTest {
    @Test
    void aCommandLineGetsOnlyTheSubcommandItNames() {
        assertThat(Subcommands.neededFor("db", "current")).containsExactly(DbCommand.class);
        assertThat(Subcommands.neededFor("--database-url", "tasks", "-v", "tasks", "list"))
                .containsExactly(TasksCommand.class);
        assertThat(Subcommands.neededFor("--database-url=db", "--verbose", "account", "create"))
                .containsExactly(AccountCommand.class);
    }

    @Test
    void theWindowGetsNone() {
        assertThat(Subcommands.neededFor()).isEmpty();
        assertThat(Subcommands.neededFor("--database-url", "jdbc:h2:/tmp/x", "-v")).isEmpty();
    }

    @Test
    void helpVersionTyposAndArgumentFilesGetAllInTheHelpsOrder() {
        for (String[] args : new String[][] {{"--help"}, {"-V"}, {"dbb", "current"}, {"@args.txt"}, {"-vh"}, {"--", "db"}}) {
            assertThat(Subcommands.neededFor(args)).as(String.join(" ", args))
                    .containsExactly(DbCommand.class, AccountCommand.class, TasksCommand.class, LoginCommand.class,
                            LogoutCommand.class, ServerCommand.class, SyncCommand.class);
        }
    }
}

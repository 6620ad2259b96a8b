package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.database.ServerTimeouts;
import org.taskdesk.testing.TestEnvironment;

/** The run's configuration is read once, then frozen; a wrong setting is reported by whoever needs it. */
class ConfigurationTest {
    @TempDir
    Path folder;

    private Configuration load(Map<String, String> variables, String databaseUrl) {
        return Configuration.configure(TestEnvironment.in(folder, variables)).databaseUrl(databaseUrl).load();
    }

    private Path settingsFile() throws Exception {
        Path settings = folder.resolve("config/taskdesk/settings.properties");
        Files.createDirectories(settings.getParent());
        return settings;
    }

    @Test
    void theDotEnvFileIsReadOnceChangingItAfterwardsChangesNothing() throws Exception {
        Files.writeString(folder.resolve(".env"), "DATABASE_URL=" + folder.resolve("first") + "\n");
        Configuration configuration = load(Map.of(), null);

        Files.writeString(folder.resolve(".env"), "DATABASE_URL=" + folder.resolve("second") + "\n");

        assertThat(configuration.database().target().h2File()).contains(folder.resolve("first.mv.db"));
        assertThat(configuration.database().source()).isEqualTo("DATABASE_URL in " + folder.resolve(".env"));
        assertThat(load(Map.of(), null).database().target().h2File()).contains(folder.resolve("second.mv.db"));
    }

    @Test
    void theSettingsFileIsReadOnceEvenWhenItBreaksAfterwards() throws Exception {
        Files.writeString(settingsFile(), "database.url=" + folder.resolve("saved") + "\n");
        Configuration configuration = load(Map.of(), null);

        Files.writeString(settingsFile(), "database.url=mysql://root:secret@localhost/tasks\n");

        assertThat(configuration.database().target().h2File()).contains(folder.resolve("saved.mv.db"));
        assertThatThrownBy(() -> load(Map.of(), null).database()).isInstanceOf(TaskDeskException.class)
                .hasMessageContaining("Unsupported database URL").hasMessageNotContaining("secret");
    }

    @Test
    void aBrokenDotEnvIsReportedByWhatNeedsTheDatabaseAndIsNotReadWhenTheOptionChooses() throws Exception {
        Files.writeString(folder.resolve(".env"), "DATABASE_URL=\"" + folder.resolve("mine") + "\n");

        Configuration configuration = load(Map.of(), null);

        assertThat(configuration.serverTimeouts()).isEqualTo(ServerTimeouts.DEFAULT);
        assertThatThrownBy(configuration::database).isInstanceOf(TaskDeskException.class)
                .hasMessageContaining(folder.resolve(".env") + ", line 1").hasMessageContaining("quote");
        assertThat(load(Map.of(), folder.resolve("given").toString()).database().source()).isEqualTo("--database-url");
    }

    @Test
    void wrongNumbersAreNamedWhenTheyAreNeededNotWhenTheyAreRead() {
        Configuration configuration = load(Map.of(Configuration.BCRYPT_COST, "99", ServerTimeouts.VARIABLE, "soon"),
                folder.resolve("tasks").toString());

        assertThat(configuration.database().target().h2File()).contains(folder.resolve("tasks.mv.db"));
        assertThatThrownBy(configuration::bcryptCost).hasMessage(
                "TASKDESK_BCRYPT_COST is '99'; it must be a whole number from 4 to 31 (default 12).");
        assertThatThrownBy(configuration::serverTimeouts).hasMessageStartingWith("TASKDESK_SERVER_TIMEOUT is 'soon'");
        assertThat(load(Map.of(Configuration.BCRYPT_COST, " 5 "), null).bcryptCost()).isEqualTo(5);
    }

    @Test
    void aDatabaseChosenInTheAppIsUsedFromThenOnUnlessASourceAboveTheSettingsFileChose() throws Exception {
        DatabaseUrl urls = new DatabaseUrl(folder, folder);
        Configuration configuration = load(Map.of(), null);
        assertThat(configuration.database().isDefault()).isTrue();

        Configuration chosen = configuration.withDatabaseFromSettingsFile(urls.parse("chosen"));

        assertThat(chosen.database().target().h2File()).contains(folder.resolve("chosen.mv.db"));
        assertThat(chosen.database().source()).isEqualTo("database.url in " + settingsFile());
        assertThat(configuration.database().isDefault()).as("the old value is unchanged").isTrue();
        assertThat(chosen.withDatabaseFromSettingsFile(null).database().isDefault()).isTrue();

        Configuration fromEnvironment = load(Map.of("DATABASE_URL", folder.resolve("env").toString()), null);
        assertThat(fromEnvironment.withDatabaseFromSettingsFile(urls.parse("chosen")).database().target().h2File())
                .contains(folder.resolve("env.mv.db"));
    }
}

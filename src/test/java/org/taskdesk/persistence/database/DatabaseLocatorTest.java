package org.taskdesk.persistence.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.testing.TestEnvironment;

class DatabaseLocatorTest {
    @TempDir
    Path folder;

    private DatabaseChoice locate(Map<String, String> variables, String option) {
        return new DatabaseLocator(TestEnvironment.in(folder, variables)).locate(option);
    }

    private void writeDotEnv(String url) throws Exception {
        Files.writeString(folder.resolve(".env"), "# local settings\nOTHER=1\nDATABASE_URL=" + url + "\n");
    }

    private void writeSettings(String url) throws Exception {
        Path settings = folder.resolve("config/taskdesk/settings.properties");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "database.url=" + url + "\n");
    }

    @Test
    void withNothingConfiguredTheDefaultIsAnH2FileInTheXdgDataFolder() {
        DatabaseChoice choice = locate(Map.of(), null);

        assertThat(choice.target().h2File()).contains(folder.resolve("data/taskdesk/taskdesk.mv.db"));
        assertThat(choice.source()).isEqualTo("the default local database");
    }

    @Test
    void withoutXdgDataHomeTheDefaultIsUnderDotLocalShare() {
        UserEnvironment environment = new UserEnvironment(Map.of(), folder, folder.resolve("home"), "Linux");

        assertThat(new DatabaseLocator(environment).locate(null).target().h2File())
                .contains(folder.resolve("home/.local/share/taskdesk/taskdesk.mv.db"));
    }

    @Test
    void eachSourceWinsOverTheOnesBelowIt() throws Exception {
        writeSettings("/from/settings");
        assertThat(locate(Map.of(), null).target().h2File()).contains(Path.of("/from/settings.mv.db"));

        writeDotEnv("/from/dotenv");
        assertThat(locate(Map.of(), null).target().h2File()).contains(Path.of("/from/dotenv.mv.db"));

        Map<String, String> environment = Map.of("DATABASE_URL", "/from/environment");
        assertThat(locate(environment, null).target().h2File()).contains(Path.of("/from/environment.mv.db"));

        DatabaseChoice option = locate(environment, "/from/option");
        assertThat(option.target().h2File()).contains(Path.of("/from/option.mv.db"));
        assertThat(option.source()).isEqualTo("--database-url");
    }

    @Test
    void aBadUrlInDotEnvIsReportedWithoutItsPassword() throws Exception {
        writeDotEnv("mysql://u:hunter2@h/db");

        TaskDeskException e = assertThrows(TaskDeskException.class, () -> locate(Map.of(), null));

        assertThat(e.getMessage()).contains("Unsupported database URL").doesNotContain("hunter2");
    }

    @Test
    void aBrokenSourceBelowTheOneThatChoseIsNeverRead() throws Exception {
        Files.writeString(folder.resolve(".env"), "DATABASE_URL='unclosed\n");
        writeSettings("mysql://u:hunter2@h/db");

        assertThat(locate(Map.of("DATABASE_URL", "/from/environment"), null).source())
                .isEqualTo("DATABASE_URL in the environment");
        assertThat(locate(Map.of(), "/from/option").source()).isEqualTo("--database-url");
    }

    @Test
    void aSettingThatCannotBeReadIsKeptAndThrownWhenTheDatabaseIsNeeded() throws Exception {
        writeSettings("mysql://u:hunter2@h/db");

        DatabaseSetting setting = new DatabaseLocator(TestEnvironment.in(folder)).read(null);

        TaskDeskException e = assertThrows(TaskDeskException.class, setting::choice);
        assertThat(e.getMessage()).contains("Unsupported database URL").doesNotContain("hunter2");
        assertThat(setting.withSettingsFile(null).choice().isDefault()).as("choosing again in the app mends it").isTrue();
    }
}

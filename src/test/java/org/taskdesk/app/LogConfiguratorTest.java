package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogConfiguratorTest {
    @TempDir
    Path folder;

    @Test
    void logsInfoAndUpToTheRollingFileWithHibernateAtWarn() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // as SLF4J's provider does
        LogConfigurator.logTo(context, folder.toString());
        context.getLogger("org.taskdesk.Example").info("opened {}", "the database");
        context.getLogger("org.taskdesk.Example").debug("not this");
        context.getLogger("org.hibernate.Example").info("nor this");
        context.getLogger("org.hibernate.Example").warn("but this");
        context.stop();

        String log = Files.readString(folder.resolve("taskdesk.log"));
        assertThat(log).containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO  \\[[^]]+\\] "
                + "org.taskdesk.Example - opened the database")
                .contains("WARN ").contains("but this").doesNotContain("not this").doesNotContain("nor this");
    }

    @Test
    void opensTheFileAtTheFirstEventNotBefore() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        LogConfigurator.logTo(context, folder.toString());
        context.getLogger("org.taskdesk.Example").debug("below the level: nothing to write");

        assertThat(folder.resolve("taskdesk.log")).doesNotExist();

        context.getLogger("org.taskdesk.Example").info("the first event");
        context.stop();
        assertThat(Files.readString(folder.resolve("taskdesk.log"))).contains("org.taskdesk.Example - the first event");
    }
}

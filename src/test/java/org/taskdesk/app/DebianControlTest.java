package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The .deb's control file: jpackage takes {@code installer/linux/control} from its resource folder in place of its
 * own template, which has a one-line description only; its placeholders must stay for jpackage to fill in.
 */
class DebianControlTest {
    @Test
    void theControlTemplateHasALongDescriptionAndKeepsJpackagesFields() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("installer/linux/control"));
        int description = lines.indexOf("Description: APPLICATION_DESCRIPTION");
        assertThat(description).as("the summary line jpackage fills in").isNotNegative();

        List<String> longDescription = lines.subList(description + 1, lines.size()).stream()
                .takeWhile(line -> line.startsWith(" ")).toList();
        assertThat(longDescription).as("the long description").hasSizeGreaterThan(3)
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80))
                .anySatisfy(line -> assertThat(line).isEqualTo(" ."));
        assertThat(lines).contains("Package: APPLICATION_PACKAGE", "Version: APPLICATION_VERSION-APPLICATION_RELEASE",
                "Maintainer: APPLICATION_MAINTAINER", "Architecture: APPLICATION_ARCH",
                "Depends: PACKAGE_DEFAULT_DEPENDENCIES PACKAGE_CUSTOM_DEPENDENCIES",
                "Installed-Size: APPLICATION_INSTALLED_SIZE");
    }
}

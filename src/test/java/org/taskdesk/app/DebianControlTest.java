package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb's control file, copyright file and maintainer scripts: jpackage takes these from {@code installer/linux}
 * (its resource folder) in place of its own templates, which have a one-line description only, a maintainer and
 * licence of "Unknown", and scripts that leave the desktop's caches naming a removed TaskDesk; the placeholders in
 * them must stay for jpackage to fill in.
 */
class DebianControlTest {
    private static final String REFRESH_ICONS = "gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor";

    @TempDir
    Path folder;

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
                "Architecture: APPLICATION_ARCH",
                "Depends: PACKAGE_DEFAULT_DEPENDENCIES PACKAGE_CUSTOM_DEPENDENCIES",
                "Installed-Size: APPLICATION_INSTALLED_SIZE");
    }

    /**
     * Emoji in titles need a colour emoji font, reminders' buttons need notify-send, Help → User guide needs xdg-open:
     * wanted, not required.
     */
    @Test
    void theEmojiFontNotifySendAndXdgOpenAreRecommended() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("installer/linux/control"));
        assertThat(lines).contains("Recommends: fonts-noto-color-emoji, libnotify-bin, xdg-utils");
        assertThat(Files.readString(Path.of("installer/linux/package.sh"))).contains("--linux-package-deps \"libgtk-3-0\"");
    }

    @Test
    void theMaintainerIsNamedNotUnknown() throws Exception {
        // jpackage's APPLICATION_MAINTAINER is "vendor <e-mail>", and "<Unknown>" without an e-mail; the project
        // names no e-mail address, so the control file names the maintainers itself.
        List<String> lines = Files.readAllLines(Path.of("installer/linux/control"));
        assertThat(lines).contains("Maintainer: TaskDesk developers")
                .noneSatisfy(line -> assertThat(line).containsIgnoringCase("unknown"));
    }

    @Test
    void theCopyrightFileSaysNoLicenceHasBeenGrantedRatherThanUnknown() throws Exception {
        String copyright = Files.readString(Path.of("installer/linux/copyright"));
        assertThat(copyright).startsWith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/")
                .contains("Files: *", "License: all-rights-reserved", "No licence has been granted for TaskDesk yet")
                .doesNotContainIgnoringCase("unknown").doesNotContain("APPLICATION_LICENSE_TEXT");
    }

    @Test
    void removingThePackageRefreshesTheIconCacheAndTheMenus() throws Exception {
        Path tools = tools("exit 0");
        for (String action : List.of("remove", "purge")) {
            Files.deleteIfExists(folder.resolve("calls"));
            Script postrm = run("postrm", tools, action);
            assertThat(postrm.exitCode()).as(action + ": " + postrm.output()).isZero();
            assertThat(Files.readAllLines(folder.resolve("calls"))).as(action).containsExactly(
                    REFRESH_ICONS, "update-desktop-database -q /usr/share/applications");
        }
    }

    @Test
    void removalSucceedsWhenTheCacheToolsFailOrAreMissing() throws Exception {
        Script failing = run("postrm", tools("exit 1"), "remove");
        assertThat(failing.exitCode()).as(failing.output()).isZero();
        assertThat(Files.readAllLines(folder.resolve("calls"))).hasSize(2);

        Path none = Files.createDirectories(folder.resolve("no tools"));
        Script missing = run("postrm", none, "remove");
        assertThat(missing.exitCode()).as(missing.output()).isZero();
        assertThat(missing.output()).isEmpty();
    }

    @Test
    void installingRefreshesTheIconCacheEvenWhenItLooksCurrent() throws Exception {
        // postinst copies files into /usr, so it is read here rather than run.
        assertThat(Files.readAllLines(Path.of("installer/linux/postinst")))
                .anySatisfy(line -> assertThat(line).contains("command -v gtk-update-icon-cache")
                        .contains(REFRESH_ICONS + " || true"));
    }

    /** A folder of stand-ins for the desktop's cache tools, each writing its command line to {@code calls}. */
    private Path tools(String ending) throws Exception {
        Path tools = Files.createDirectories(folder.resolve("tools"));
        for (String tool : List.of("gtk-update-icon-cache", "update-desktop-database")) {
            Path script = tools.resolve(tool);
            Files.writeString(script, "#!/bin/sh\necho \"" + tool + " $*\" >> '" + folder.resolve("calls") + "'\n"
                    + ending + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        }
        return tools;
    }

    private Script run(String name, Path path, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/sh", Path.of("installer/linux", name)
                .toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", path.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Script(process.exitValue(), output);
    }

    private record Script(int exitCode, String output) {
    }
}

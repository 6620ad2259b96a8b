package org.taskdesk.migrations;

import java.nio.file.Path;
import java.util.List;

/** The files {@code db revision} wrote; none when autogenerate found no changes. */
public record WrittenRevision(int version, List<Path> files, List<String> notices) {

    public WrittenRevision {
        files = List.copyOf(files);
        notices = List.copyOf(notices);
    }
}

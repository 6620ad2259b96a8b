package org.taskdesk.transfer;

import java.util.List;

/**
 * What a reader made of a whole file: the tasks it could read, each with where it is in the file, the rows it had
 * to skip and what it could not keep, each as a sentence that starts with where ("line 14 has no title").
 */
record ReadFile(List<Located> tasks, List<String> skipped, List<String> notKept) {

    /** A task and where it starts in the file ("line 14"). */
    record Located(String position, TransferTask task) {
    }

    ReadFile {
        tasks = List.copyOf(tasks);
        skipped = List.copyOf(skipped);
        notKept = List.copyOf(notKept);
    }
}

package org.taskdesk.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZonedDateTime;
import java.util.List;

/** Writes tasks as one file format. */
interface TaskWriter {
    /** Writes {@code tasks} to {@code out} (left open), {@code now} being the moment of the export. */
    void write(List<TransferTask> tasks, ZonedDateTime now, OutputStream out) throws IOException;
}

package org.taskdesk.transfer;

import java.util.Locale;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/** The file formats tasks go out and come in as. Todoist's CSV is read only: TaskDesk writes its own CSV. */
public enum TransferFormat {
    /** iCalendar (RFC 5545) to-dos: for calendar and task apps. */
    ICS("ics"),
    /** A spreadsheet: RFC 4180 with TaskDesk's header, UTF-8 with a byte order mark. */
    CSV("csv"),
    /** TaskDesk's own lossless file, with ids and completion history. */
    JSON("json"),
    /** Todoist's CSV export or template; read only. */
    TODOIST("csv");

    private final String extension;

    TransferFormat(String extension) {
        this.extension = extension;
    }

    /** The usual file name ending, without the dot. */
    public String extension() {
        return extension;
    }

    /** Whether TaskDesk can write this format (all but Todoist's). */
    public boolean canExport() {
        return this != TODOIST;
    }

    /** Reads a format's name as people type it: ics, ical, csv, json or todoist, in any case. */
    public static TransferFormat named(String name) {
        switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
            case "ics":
            case "ical":
            case "icalendar":
                return ICS;
            case "csv":
                return CSV;
            case "json":
                return JSON;
            case "todoist":
                return TODOIST;
            default:
                throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Unknown format '" + name
                        + "': use ics, csv, json or todoist.");
        }
    }

    /**
     * The format a file's name says (.ics, .ical, .csv, .json). A {@code .csv} file is TaskDesk's CSV here; the
     * import looks at its header and reads Todoist's columns as Todoist's.
     */
    public static TransferFormat ofFileName(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ending = dot < 0 ? "" : name.substring(dot + 1);
        if (ending.equals("ics") || ending.equals("ical") || ending.equals("ifb")) {
            return ICS;
        }
        if (ending.equals("csv") || ending.equals("json")) {
            return named(ending);
        }
        throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Cannot tell the format of '" + fileName
                + "' from its name: say it with --format ics, csv, json or todoist.");
    }
}

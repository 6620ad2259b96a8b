package org.taskdesk.ui.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.stage.Stage;

/**
 * The tool windows (statistics, settings) a signed-in screen has open: one of each kind, brought to the front when
 * asked for again, and all closed at sign-out. FX thread only.
 */
public final class ToolWindows {
    private final Map<String, Stage> open = new LinkedHashMap<>();

    /** Brings the open window of this {@code kind} to the front, or opens one with {@code opener}. */
    public Stage show(String kind, Supplier<Stage> opener) {
        Stage stage = open.get(kind);
        if (stage != null && stage.isShowing()) {
            stage.setIconified(false);
            stage.toFront();
            stage.requestFocus();
            return stage;
        }
        Stage opened = opener.get();
        open.put(kind, opened);
        opened.setOnHidden(e -> open.remove(kind, opened));
        return opened;
    }

    /** Closes every window still open. */
    public void closeAll() {
        for (Stage stage : new ArrayList<>(open.values())) {
            stage.close();
        }
        open.clear();
    }
}

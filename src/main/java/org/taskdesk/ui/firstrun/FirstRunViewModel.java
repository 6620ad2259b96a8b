package org.taskdesk.ui.firstrun;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.taskdesk.ui.DesktopServices;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.ErrorText;

/** The first run's one question: keep tasks on this computer (the default) or on a shared PostgreSQL server. */
public final class FirstRunViewModel {
    public enum Place { THIS_COMPUTER, SHARED_SERVER }

    private final ObjectProperty<Place> place = new SimpleObjectProperty<>(Place.THIS_COMPUTER);
    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final DesktopServices desktop;
    private final BackgroundTasks background;

    public FirstRunViewModel(DesktopServices desktop, BackgroundTasks background) {
        this.desktop = desktop;
        this.background = background;
        // An error belongs to the place it was about: a server's failure means nothing once "On this computer" is chosen.
        place.addListener((o, was, now) -> error.set(""));
    }

    public ObjectProperty<Place> placeProperty() {
        return place;
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** Continue is possible unless busy, or a server is chosen without a URL. */
    public BooleanBinding canContinue() {
        return Bindings.createBooleanBinding(() -> !busy.get()
                && (place.get() == Place.THIS_COMPUTER || !serverUrl.get().isBlank()), busy, place, serverUrl);
    }

    /** Saves the choice (a server URL is tested first); {@code done} runs on success. */
    public void confirm(Runnable done) {
        busy.set(true);
        error.set("");
        Place chosen = place.get();
        String url = serverUrl.get();
        background.run(() -> {
            if (chosen == Place.THIS_COMPUTER) {
                desktop.useLocalDatabase();
            } else {
                desktop.useServer(url);
            }
            return null;
        }, ignored -> {
            busy.set(false);
            done.run();
        }, failure -> {
            busy.set(false);
            if (place.get() == chosen) { // a reply about a place the person has since left is not shown
                error.set(ErrorText.of(failure));
            }
        });
    }
}

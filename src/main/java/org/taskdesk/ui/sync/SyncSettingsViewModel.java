package org.taskdesk.ui.sync;

import java.time.Clock;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.taskdesk.sync.SyncLink;
import org.taskdesk.ui.common.DialogService;
import org.taskdesk.ui.common.ErrorText;
import org.taskdesk.ui.common.Formats;
import org.taskdesk.ui.common.Messages;

/**
 * Settings → Sync: link this account to a server (signing in there, or creating the account; the sign-in is the
 * test of the URL, and nothing is saved unless it works), unlink (the local tasks stay), sync now, and how the last
 * round went. All of it on the sync thread; each failure is one line here.
 */
public final class SyncSettingsViewModel {
    private final AppSync sync;
    private final DialogService dialogs;
    private final Clock clock;
    private final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper linked = new ReadOnlyBooleanWrapper(this, "linked");
    private final ReadOnlyStringWrapper linkedTo = new ReadOnlyStringWrapper(this, "linkedTo", "");
    private final ReadOnlyStringWrapper lastResult = new ReadOnlyStringWrapper(this, "lastResult", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final BooleanBinding canLink;

    public SyncSettingsViewModel(AppSync sync, DialogService dialogs, Clock clock) {
        this.sync = sync;
        this.dialogs = dialogs;
        this.clock = clock;
        canLink = busy.not().and(linked.not()).and(serverUrl.isNotEmpty()).and(password.isNotEmpty());
        sync.afterRound(this::load);
        load();
    }

    /** The server's URL to link to, as {@code --database-url} takes it. */
    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    /** The password of this person's account on the server (made with it if there is none). */
    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty linkedProperty() {
        return linked.getReadOnlyProperty();
    }

    /** "Linked to postgresql://… as ann@example.com", or empty. */
    public ReadOnlyStringProperty linkedToProperty() {
        return linkedTo.getReadOnlyProperty();
    }

    /** How the last round went, or empty before any. */
    public ReadOnlyStringProperty lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last action did or why it failed, in one line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public BooleanBinding canLinkProperty() {
        return canLink;
    }

    /** Reads where the link stands, in the background. */
    public void load() {
        sync.run((service, user) -> service.status(user), this::show,
                failure -> report(Messages.format("sync.settings.unreadable", ErrorText.of(failure)), true));
    }

    /** Signs in on the server (or creates the account there), and only then links; the first round follows. */
    public void link() {
        if (!canLink.get()) {
            return;
        }
        String url = serverUrl.get().strip();
        String secret = password.get();
        busy.set(true);
        report(Messages.text("sync.settings.linking"), false);
        sync.run((service, user) -> service.link(user, url, secret), link -> {
            busy.set(false);
            password.set("");
            show(Optional.of(link));
            report(Messages.format("sync.settings.linked.now", link.waiting()), false);
            sync.syncNow();
        }, failure -> {
            busy.set(false);
            report(Messages.format("sync.settings.not.linked", ErrorText.of(failure)), true);
        });
    }

    /** After asking: ends the link; the tasks on this computer stay as they are. */
    public void unlink() {
        if (busy.get() || !linked.get()
                || !dialogs.confirm(Messages.text("sync.settings.unlink.headline"), Messages.text("sync.settings.unlink.question"))) {
            return;
        }
        busy.set(true);
        sync.run((service, user) -> {
            service.unlink(user);
            return service.status(user);
        }, link -> {
            busy.set(false);
            show(link);
            report(Messages.text("sync.settings.unlinked"), false);
            sync.syncNow(); // the status bar stops speaking of sync
        }, failure -> {
            busy.set(false);
            report(Messages.format("sync.settings.not.unlinked", ErrorText.of(failure)), true);
        });
    }

    public void syncNow() {
        report(Messages.text("sync.settings.syncing"), false);
        sync.syncNow();
    }

    private void show(Optional<SyncLink> found) {
        linked.set(found.isPresent());
        linkedTo.set(found.map(link -> Messages.format("sync.settings.linked.to", masked(link.serverUrl()),
                link.serverEmail())).orElse(Messages.text("sync.settings.not.linked.yet")));
        lastResult.set(found.map(this::lastResult).orElse(""));
    }

    private String lastResult(SyncLink link) {
        String waiting = Messages.format("sync.waiting", link.waiting());
        if (link.lastError() != null) {
            return Messages.format("sync.settings.last.failed", link.lastError().lines().findFirst().orElse(""),
                    waiting);
        }
        if (link.lastSyncAt() == null) {
            return Messages.format("sync.settings.never", waiting);
        }
        var at = link.lastSyncAt().atZone(clock.getZone());
        return Messages.format("sync.settings.last.synced", Formats.DATE.format(at), Formats.TIME.format(at),
                waiting, Messages.format("sync.conflicts", link.openConflicts()));
    }

    private void report(String text, boolean failure) {
        failed.set(failure);
        message.set(text);
    }

    /** The URL without its password, if it holds one. */
    static String masked(String url) {
        return url.replaceAll("(?i)(://[^/@:?#]*:)[^@]*@", "$1***@");
    }
}

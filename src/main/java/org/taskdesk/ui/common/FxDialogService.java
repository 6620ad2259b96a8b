package org.taskdesk.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.domain.TaskDeskException;

/** {@link DialogService} with JavaFX alerts, owned by the app's window. */
public final class FxDialogService implements DialogService {
    private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String headline, Throwable error) {
        if (!(error instanceof TaskDeskException)) {
            LOG.error("{}", headline, error);
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, ErrorText.of(error), ButtonType.OK);
        alert.setTitle(Messages.text("app.name"));
        alert.setHeaderText(headline);
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setWrapText(false);
        details.setAccessibleText(Messages.text("error.details"));
        alert.getDialogPane().setExpandableContent(details);
        OwnedDialogs.showAndWait(alert, owner.get());
    }

    @Override
    public boolean confirm(String headline, String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.CANCEL, ButtonType.OK);
        alert.setTitle(Messages.text("app.name"));
        alert.setHeaderText(headline);
        return OwnedDialogs.showAndWait(alert, owner.get()).filter(ButtonType.OK::equals).isPresent();
    }
}

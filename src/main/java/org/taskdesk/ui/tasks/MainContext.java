package org.taskdesk.ui.tasks;

import java.time.Clock;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.ui.DesktopServices;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.DialogService;
import org.taskdesk.workspace.Workspace;

/**
 * Everything the main window works with once someone is signed in.
 *
 * @param workspace  the opened database's services (tasks, accounts)
 * @param user       the signed-in person
 * @param background where every service call runs (never on the JavaFX thread)
 * @param dialogs    errors and confirmations
 * @param desktop    settings such as the theme, and the remembered session
 * @param clock      now and the person's time zone
 * @param signOut    ends the session and returns to the sign-in screen
 */
public record MainContext(Workspace workspace, UserSession user, BackgroundTasks background, DialogService dialogs,
                          DesktopServices desktop, Clock clock, Runnable signOut) {
}

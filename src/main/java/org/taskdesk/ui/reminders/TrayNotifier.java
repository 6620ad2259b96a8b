package org.taskdesk.ui.reminders;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.ui.common.Messages;

/**
 * Draws attention to a reminder the desktop's notification service could not show, through the system tray where
 * there is one (a message without buttons: the choices are in the window). On a headless machine or a desktop
 * without a tray it does nothing: the reminder stays in the window anyway. All AWT work, starting AWT
 * itself (which {@code SystemTray.isSupported()} and {@code EventQueue.invokeLater} do), happens off the JavaFX
 * thread: a background thread hands it to AWT's own thread, so the JavaFX thread never waits for AWT to start.
 */
final class TrayNotifier implements Consumer<String>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrayNotifier.class);

    // One thread, so a close() is handed to AWT after the messages asked for before it.
    private static final Executor AWT_HANDOFF = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "tray-handoff");
        thread.setDaemon(true);
        return thread;
    });

    private TrayIcon icon; // AWT thread only

    /**
     * Whether a tray may exist here, without starting AWT: only not headless. Whether the desktop really has a tray
     * is asked later, off the JavaFX thread.
     */
    static boolean mayBeAvailable() {
        return !GraphicsEnvironment.isHeadless();
    }

    /** Runs {@code work} on AWT's thread, reached from a background thread so AWT never starts on the caller's. */
    private static void onAwt(Runnable work) {
        CompletableFuture.runAsync(() -> EventQueue.invokeLater(work), AWT_HANDOFF);
    }

    @Override
    public void accept(String message) {
        onAwt(() -> {
            try {
                if (!SystemTray.isSupported()) {
                    return;
                }
                if (icon == null) {
                    icon = new TrayIcon(image(), Messages.text("app.name"));
                    icon.setImageAutoSize(true);
                    SystemTray.getSystemTray().add(icon);
                }
                icon.displayMessage(Messages.text("app.name"), message, TrayIcon.MessageType.INFO);
            } catch (AWTException | UnsupportedOperationException e) {
                LOG.info("No desktop notification for a reminder: {}", e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        onAwt(() -> {
            if (icon != null) {
                SystemTray.getSystemTray().remove(icon);
                icon = null;
            }
        });
    }

    /** A plain round mark: the tray wants an AWT image, and the app's icon is a JavaFX resource. */
    private static BufferedImage image() {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x0969da));
        g.fillOval(1, 1, 14, 14);
        g.dispose();
        return image;
    }
}

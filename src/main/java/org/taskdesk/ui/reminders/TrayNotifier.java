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
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows reminders as desktop notifications through the system tray, where there is one. On a headless machine or a
 * desktop without a tray it does nothing: the in-app notice is always shown anyway. All AWT work runs on AWT's
 * own thread, never on the JavaFX thread.
 */
final class TrayNotifier implements Consumer<String>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrayNotifier.class);

    private TrayIcon icon;

    /** Whether this desktop can show tray notifications; checked before anything touches AWT's toolkit. */
    static boolean isAvailable() {
        // isHeadless first: SystemTray.isSupported() starts AWT, which must not happen in a headless run.
        return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
    }

    @Override
    public void accept(String message) {
        EventQueue.invokeLater(() -> {
            try {
                if (icon == null) {
                    icon = new TrayIcon(image(), "TaskDesk");
                    icon.setImageAutoSize(true);
                    SystemTray.getSystemTray().add(icon);
                }
                icon.displayMessage("TaskDesk", message, TrayIcon.MessageType.INFO);
            } catch (AWTException | UnsupportedOperationException e) {
                LOG.info("No desktop notification for a reminder: {}", e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        EventQueue.invokeLater(() -> {
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

package org.taskdesk.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;

/** Light or dark (AtlantaFX Primer), or whatever the system prefers where that can be read. */
public enum Theme {
    LIGHT, DARK, SYSTEM;

    /** Applies the theme to every window of the app. Must run on the JavaFX thread. */
    public void apply(Map<String, String> environment) {
        boolean dark = this == DARK || (this == SYSTEM && systemPrefersDark(environment));
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Whether the desktop asks for dark: GTK_THEME names a dark variant (as GNOME sets it), else light. */
    public static boolean systemPrefersDark(Map<String, String> environment) {
        String gtk = environment.getOrDefault("GTK_THEME", ""); // not shown: an environment variable's name
        return gtk.toLowerCase(Locale.ROOT).contains("dark");
    }

    public static Theme fromSetting(String value) {
        if (value == null) {
            return SYSTEM;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return SYSTEM;
        }
    }
}

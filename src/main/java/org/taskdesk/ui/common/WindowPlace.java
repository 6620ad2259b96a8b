package org.taskdesk.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the main window was when it closed, so the next start opens it the same way: its normal (not maximised)
 * bounds, whether it was maximised, and the main window's pane dividers (fractions, empty when it never showed).
 * Kept in the settings file as one line of numbers, e.g. {@code 120 80 1024 700 maximised 0.19 0.68}.
 */
public record WindowPlace(double x, double y, double width, double height, boolean maximised,
                          List<Double> dividers) {
    /** The smallest the window can be: half of a 1366-pixel screen, less the panel. */
    public static final double MIN_WIDTH = 600;
    public static final double MIN_HEIGHT = 400;

    public WindowPlace {
        dividers = List.copyOf(dividers);
    }

    /** The same place with {@code positions} as its dividers. */
    public WindowPlace withDividers(List<Double> positions) {
        return new WindowPlace(x, y, width, height, maximised, positions);
    }

    public String toSetting() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%.0f %.0f %.0f %.0f %s", x, y, width, height,
                maximised ? "maximised" : "normal"));
        for (double divider : dividers) {
            text.append(String.format(Locale.ROOT, " %.4f", divider));
        }
        return text.toString();
    }

    /**
     * Reads {@link #toSetting()}'s line; empty for anything else (a hand-edited or older file then only means the
     * default place). A size below the minimum grows to it, dividers outside 0..1 are dropped.
     */
    public static Optional<WindowPlace> fromSetting(String setting) {
        if (setting == null) {
            return Optional.empty();
        }
        String[] parts = setting.strip().split("\\s+");
        if (parts.length < 5 || !("maximised".equals(parts[4]) || "normal".equals(parts[4]))) {
            return Optional.empty();
        }
        try {
            List<Double> dividers = new ArrayList<>();
            for (int i = 5; i < parts.length; i++) {
                double divider = Double.parseDouble(parts[i]);
                if (divider > 0 && divider < 1) {
                    dividers.add(divider);
                }
            }
            double x = Double.parseDouble(parts[0]);
            double y = Double.parseDouble(parts[1]);
            double width = Double.parseDouble(parts[2]);
            double height = Double.parseDouble(parts[3]);
            if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(width) || !Double.isFinite(height)) {
                return Optional.empty();
            }
            return Optional.of(new WindowPlace(x, y, Math.max(width, MIN_WIDTH), Math.max(height, MIN_HEIGHT),
                    "maximised".equals(parts[4]), dividers));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

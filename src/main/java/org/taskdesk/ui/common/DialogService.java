package org.taskdesk.ui.common;

/**
 * The one way the app tells people about problems and asks them to confirm. A short human sentence; the technical
 * detail is folded away (and logged). An interface, so view models can be tested with a recording fake.
 */
public interface DialogService {
    /** Shows {@code error} as a sentence under {@code headline}; a stack trace only behind "Details". */
    void showError(String headline, Throwable error);

    /** Asks a yes/no question; true when the person confirms. */
    boolean confirm(String headline, String question);
}

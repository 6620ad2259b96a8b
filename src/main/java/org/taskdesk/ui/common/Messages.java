package org.taskdesk.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Every sentence the app shows, read from {@code org/taskdesk/ui/messages.properties} (English), as JabRef's
 * {@code Localization.lang} does, so the words live in one file that a translator can copy. Keys are literal strings
 * at the call site ({@code Messages.text("list.empty")}), never built at run time, so {@code MessagesTest} can check
 * that every key used exists and every key in the file is used.
 */
public final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.taskdesk.ui.messages");

    private Messages() {
    }

    /**
     * The language the text is written in (English until a translation exists), for words the JDK supplies inside
     * the bundle's sentences, such as day names: "every week on Monday", never a German "Montag" inside English.
     */
    public static Locale language() {
        Locale locale = BUNDLE.getLocale();
        return locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
    }

    /** The text for {@code key}, exactly as written in the bundle (no placeholders, apostrophes as they are). */
    public static String text(String key) {
        return BUNDLE.getString(key);
    }

    /**
     * The text for {@code key} with {@code {0}}, {@code {1}}… filled in by {@link MessageFormat} in the user's
     * locale. Such entries write an apostrophe as {@code ''} (MessageFormat's rule) and may choose a plural with
     * {@code {0,choice,1#task|1<tasks}}.
     */
    public static String format(String key, Object... arguments) {
        return new MessageFormat(BUNDLE.getString(key), Locale.getDefault(Locale.Category.FORMAT)).format(arguments);
    }
}

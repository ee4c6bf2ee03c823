package org.openhaven.desktop.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every user-visible string, from {@code i18n/messages.properties}, so the app can be translated later. */
public final class Messages {

    private static final ResourceBundle BUNDLE =
            ResourceBundle.getBundle("org.openhaven.desktop.i18n.messages", Locale.getDefault());

    private Messages() {
    }

    /** The text under {@code key}, with {@code {0}}-style arguments filled in. */
    public static String get(String key, Object... args) {
        try {
            String pattern = BUNDLE.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(args);
        } catch (MissingResourceException e) {
            // Visible in the UI and caught by MessagesTest; better than an exception in a view.
            return "!" + key + "!";
        }
    }

    public static boolean has(String key) {
        return BUNDLE.containsKey(key);
    }
}

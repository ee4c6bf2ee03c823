package org.openhaven.desktop.tray;

import java.util.ArrayList;
import java.util.List;

/**
 * The tray menu as data, rebuilt from the current state: the AWT adapter only draws it, so every entry and
 * action is testable without a system tray.
 */
public record TrayMenu(String tooltip, TrayStatus status, List<Item> items) {

    public TrayMenu {
        items = List.copyOf(items);
    }

    /** One menu entry; {@code action} is null for a plain status line, and {@code checked} only for toggles. */
    public record Item(String id, String label, boolean enabled, Boolean checked, Runnable action) {

        public static Item line(String id, String label) {
            return new Item(id, label, false, null, null);
        }

        public static Item action(String id, String label, Runnable action) {
            return new Item(id, label, true, null, action);
        }

        public static Item toggle(String id, String label, boolean checked, boolean enabled, Runnable action) {
            return new Item(id, label, enabled, checked, action);
        }

        public static Item separator() {
            return new Item("-", "-", false, null, null);
        }

        public boolean isSeparator() {
            return "-".equals(id);
        }
    }

    public Item item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no menu item " + id));
    }

    /** Collects items in order; a small builder keeps {@link TrayMenuModel} readable. */
    static final class Builder {
        private final List<Item> items = new ArrayList<>();

        Builder add(Item item) {
            items.add(item);
            return this;
        }

        List<Item> items() {
            return items;
        }
    }
}

package org.openhaven.desktop.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import org.openhaven.engine.cloud.ServerType;

/** How numbers, money, memory and ages are shown; one place so every page agrees. */
public final class Formats {

    private Formats() {
    }

    public static String money(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.getDefault());
        try {
            format.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException e) {
            return amount.toPlainString() + " " + currency;
        }
        return format.format(amount);
    }

    public static String memory(int mb) {
        return mb >= 1024 && mb % 1024 == 0 ? (mb / 1024) + " GB"
                : mb >= 1024 ? String.format(Locale.ROOT, "%.1f GB", mb / 1024.0) : mb + " MB";
    }

    /** One size with its monthly price; a price from a bundled table says the table's date beside it. */
    public static String serverType(ServerType t) {
        String line = Messages.get("server.sizeLine", t.id(), t.vcpus(), memory(t.memoryMb()), t.diskGb(),
                money(t.monthlyPrice(), t.currency()));
        return "api".equals(t.priceSource()) || t.priceSource() == null ? line
                : Messages.get("server.sizeLineDated", line, t.priceSource());
    }

    /** "3 hours ago", "2 days ago": coarse on purpose. */
    public static String age(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.toMinutes() < 2) {
            return Messages.get("age.justNow");
        }
        if (d.toHours() < 2) {
            return Messages.get("age.minutes", d.toMinutes());
        }
        if (d.toDays() < 2) {
            return Messages.get("age.hours", d.toHours());
        }
        return Messages.get("age.days", d.toDays());
    }
}

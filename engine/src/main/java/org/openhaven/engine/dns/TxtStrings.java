package org.openhaven.engine.dns;

import java.util.ArrayList;
import java.util.List;

/**
 * TXT values in RFC 1035 presentation form: quoted character strings of at most 255 characters each
 * ({@code "v=DKIM1; k=rsa; p=MIIB…" "…rest"}), with quotes and backslashes escaped. A 2048-bit DKIM key is about
 * 400 characters, so it always takes two strings; resolvers and DKIM verifiers join them again.
 */
public final class TxtStrings {

    /** The longest character string a TXT record can hold (one length byte). */
    public static final int MAX_STRING = 255;

    private TxtStrings() {
    }

    /** {@code "chunk1" "chunk2"}; the empty text is {@code ""}. */
    public static String quote(String text) {
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < text.length(); i += MAX_STRING) {
            String chunk = text.substring(i, Math.min(text.length(), i + MAX_STRING));
            chunks.add("\"" + chunk.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return chunks.isEmpty() ? "\"\"" : String.join(" ", chunks);
    }

    /** The text of quoted strings, joined (the inverse of {@link #quote}); characters outside quotes are dropped. */
    public static String unquote(String value) {
        StringBuilder text = new StringBuilder();
        boolean inside = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                inside = !inside;
            } else if (c == '\\' && inside && i + 1 < value.length()) {
                text.append(value.charAt(++i));
            } else if (inside) {
                text.append(c);
            }
        }
        return text.toString();
    }
}

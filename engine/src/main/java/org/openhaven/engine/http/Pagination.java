package org.openhaven.engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** How a provider's list endpoint says where the next page is. */
@FunctionalInterface
public interface Pagination {

    /**
     * The path (relative to the API base, with query) of the page after the one just read, or empty at the end.
     *
     * @param firstPath the path of the first page, without page parameters
     * @param body      the page just read
     */
    Optional<String> next(String firstPath, JsonNode body);

    /** One page only. */
    Pagination NONE = (firstPath, body) -> Optional.empty();

    /** A page number at a JSON pointer ({@code /meta/pagination/next_page} at Hetzner), null at the end. */
    static Pagination nextPageNumberAt(String pointer) {
        return (firstPath, body) -> {
            JsonNode next = body.at(pointer);
            return next.isNumber() ? Optional.of(withPage(firstPath, next.asInt())) : Optional.empty();
        };
    }

    /** The current page and the page count at JSON pointers ({@code result_info} at Cloudflare). */
    static Pagination pageOfTotal(String pagePointer, String totalPagesPointer) {
        return (firstPath, body) -> {
            int page = body.at(pagePointer).asInt(1);
            int total = body.at(totalPagesPointer).asInt(1);
            return page < total ? Optional.of(withPage(firstPath, page + 1)) : Optional.empty();
        };
    }

    /** An absolute next-page URL at a JSON pointer ({@code /links/pages/next} at DigitalOcean). */
    static Pagination nextLinkAt(String pointer, String basePath) {
        return (firstPath, body) -> {
            JsonNode next = body.at(pointer);
            if (!next.isTextual() || next.asText().isBlank()) {
                return Optional.empty();
            }
            java.net.URI uri = java.net.URI.create(next.asText());
            String path = uri.getRawPath();
            // The link names the provider's public host; keep only the part after the API base path, so an
            // endpoint override (proxy, fake) keeps receiving the follow-up requests.
            int at = basePath.isEmpty() ? -1 : path.indexOf(basePath);
            String relative = at >= 0 ? path.substring(at + basePath.length()) : path;
            return Optional.of(relative + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        };
    }

    private static String withPage(String path, int page) {
        return path + (path.contains("?") ? "&" : "?") + "page=" + page;
    }
}

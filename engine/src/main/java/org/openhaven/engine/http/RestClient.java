package org.openhaven.engine.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small JSON-over-HTTPS client shared by the REST providers (Hetzner, DigitalOcean, Cloudflare). It sends
 * the bearer token, retries what is safe to retry, and turns every failure into an {@link OpenHavenException}
 * through {@link HttpErrorMapper}.
 *
 * <p>Retries: a 429 is retried for every method (the request was not processed) when the server's wait is
 * short; 5xx and network failures are retried only for GET, PUT and DELETE, which are idempotent. A POST that
 * failed that way is reported as retryable instead, so the caller repeats its lookup-then-create and never
 * creates twice.
 */
public final class RestClient {

    private static final Logger LOG = LoggerFactory.getLogger(RestClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Secret token;
    private final ApiErrors errors;
    private final HttpErrorMapper mapper;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final RetryPolicy retry;

    /**
     * How many attempts and how long to wait.
     *
     * @param attempts       total attempts per request, at least 1
     * @param firstBackoff   wait after the first failure, doubled each time
     * @param maxThrottleWait the longest Retry-After honoured in-process; longer waits are left to the caller
     * @param requestTimeout per-request timeout
     */
    public record RetryPolicy(int attempts, Duration firstBackoff, Duration maxThrottleWait, Duration requestTimeout) {
        public static final RetryPolicy DEFAULT =
                new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(30));
    }

    public RestClient(URI base, Secret token, ApiErrors errors, Clock clock, Sleeper sleeper, RetryPolicy retry) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.token = token;
        this.errors = errors;
        this.mapper = new HttpErrorMapper(errors, clock);
        this.sleeper = sleeper;
        this.retry = retry;
        this.http = HttpClient.newBuilder().connectTimeout(retry.requestTimeout()).build();
    }

    public RestClient(URI base, Secret token, ApiErrors errors) {
        this(base, token, errors, Clock.systemUTC(), Sleeper.REAL, RetryPolicy.DEFAULT);
    }

    public URI base() {
        return base;
    }

    public JsonNode get(String path) {
        return send("GET", path, null).orElseThrow(() -> notFound("GET", path));
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body).orElseThrow(() -> notFound("POST", path));
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body).orElseThrow(() -> notFound("PUT", path));
    }

    /** Deletes; returns false when the resource was already gone (404). 401/403 still throw AUTH. */
    public boolean delete(String path) {
        return send("DELETE", path, null).isPresent();
    }

    /** Reads every page of a list and returns the elements of the array field {@code field}. */
    public List<JsonNode> getAll(String path, String field, Pagination pagination) {
        List<JsonNode> items = new ArrayList<>();
        Optional<String> next = Optional.of(path);
        int pages = 0;
        while (next.isPresent()) {
            JsonNode page = get(next.get());
            page.path(field).forEach(items::add);
            next = pagination.next(path, page);
            if (++pages > 1000) {
                throw OpenHavenException.internal(errors.providerName() + " returned more than 1000 pages for "
                        + path + "; stopping to avoid a loop.", null);
            }
        }
        return items;
    }

    private Optional<JsonNode> send(String method, String path, Object body) {
        String what = method + " " + pathOnly(path);
        boolean idempotent = !"POST".equals(method);
        Duration backoff = retry.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            OpenHavenException failure;
            try {
                HttpResponse<String> response = http.send(request(method, path, body),
                        HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status < 300) {
                    return Optional.of(parse(response.body()));
                }
                if (status == 404) {
                    return Optional.empty();
                }
                failure = mapper.map(what, status, response.headers(), errors.parse(parse(response.body())));
                LOG.debug("{} {} answered {}", errors.providerName(), what, status);
                boolean throttled = failure.throttled()
                        && failure.retryAfter().orElseThrow().compareTo(retry.maxThrottleWait()) <= 0;
                if (!(throttled || (idempotent && failure.retryable())) || attempt >= retry.attempts()) {
                    throw failure;
                }
                pause(throttled ? failure.retryAfter().orElseThrow() : backoff);
            } catch (HttpTimeoutException timeout) {
                failure = unreachable(what, "did not answer in time", timeout);
                if (!idempotent || attempt >= retry.attempts()) {
                    throw failure;
                }
                pause(backoff);
            } catch (IOException io) {
                String why = io instanceof ConnectException ? "could not be reached" : "dropped the connection";
                failure = unreachable(what, why, io);
                if (!idempotent || attempt >= retry.attempts()) {
                    throw failure;
                }
                pause(backoff);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw OpenHavenException.of(ErrorCategory.CANCELLED, what + " was cancelled.").build();
            }
            backoff = backoff.multipliedBy(2);
        }
    }

    private HttpRequest request(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(toJson(body));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(retry.requestTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", "OpenHaven")
                .method(method, publisher);
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token.reveal());
        }
        return builder.build();
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw OpenHavenException.of(ErrorCategory.CANCELLED, "Waiting for " + errors.providerName()
                    + " was cancelled.").build();
        }
    }

    private OpenHavenException unreachable(String what, String why, IOException cause) {
        return OpenHavenException.of(ErrorCategory.NETWORK,
                        "The " + errors.providerName() + " API at " + base + " " + why + " (" + what + ").")
                .remedy("Check the internet connection, a proxy or firewall in between, and the endpoint setting; "
                        + "then retry.")
                .cause(cause)
                .build();
    }

    private OpenHavenException notFound(String method, String path) {
        return OpenHavenException.of(ErrorCategory.PROVIDER_API,
                        errors.providerName() + " answered 404 Not Found for " + method + " " + pathOnly(path) + ".")
                .remedy("The resource was deleted outside OpenHaven, or the endpoint setting points at the wrong API.")
                .build();
    }

    private static String pathOnly(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            // Proxies answer errors with HTML; the status code still tells what happened.
            return MissingNode.getInstance();
        }
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw OpenHavenException.internal("Could not encode a request body as JSON.", e);
        }
    }
}

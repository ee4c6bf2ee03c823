package org.openhaven.engine.providers.crash;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part every stateful API fake of the crash harness shares: a loopback HTTP server in the test's own JVM (so its
 * state survives the SIGKILLed engine), counters of what was created and which operations were called, and a kill
 * hook that runs after an operation was applied but before its answer is sent, the harshest crash: a create whose
 * response is lost.
 */
abstract class KillableHttpFake implements AutoCloseable {

    /** One request as the subclass sees it. */
    record Request(String method, String path, Map<String, String> query, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The answer, and the operation name kill points and counters use (e.g. {@code RunInstances}). */
    record Answer(String operation, int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Integer> creations = new TreeMap<>();
    private final Map<String, Integer> calls = new TreeMap<>();
    private String killOn;
    private int killOnOccurrence;
    private Runnable killer;

    KillableHttpFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
    final String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Runs {@code kill} once {@code operation} was applied for the {@code occurrence}-th time (1 = the first), before
     * its answer is sent.
     */
    final synchronized void killAfter(String operation, int occurrence, Runnable kill) {
        killOn = operation;
        killOnOccurrence = occurrence;
        killer = kill;
    }

    /** How many of each kind of resource were created, over the fake's whole life. */
    final synchronized Map<String, Integer> creations() {
        return new TreeMap<>(creations);
    }

    /** How often each operation was called, over the fake's whole life. */
    final synchronized Map<String, Integer> calls() {
        return new TreeMap<>(calls);
    }

    /** Subclasses count each resource they create here. */
    final void created(String kind) {
        creations.merge(kind, 1, Integer::sum);
    }

    /** Applies one request to the fake's state (called under the fake's lock). */
    abstract Answer answer(Request request);

    /** The answer to {@code answer} is about to be lost because the client was killed; nothing to do by default. */
    void answerLost(Answer answer) {
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                query(exchange.getRequestURI().getRawQuery()), exchange.getRequestBody().readAllBytes());
        Answer answer;
        Runnable kill = null;
        synchronized (this) {
            answer = answer(request);
            int count = calls.merge(answer.operation(), 1, Integer::sum);
            if (answer.operation().equals(killOn) && count == killOnOccurrence) {
                killOn = null;
                kill = killer;
                answerLost(answer);
            }
        }
        if (kill != null) {
            kill.run();
        }
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // the killed client's connection is closed: exactly the lost answer this fake is for
        } finally {
            exchange.close();
        }
    }

    /** Decodes {@code a=1&b=2} (also form bodies) into an ordered map. */
    static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    /** Escapes text for an XML element. */
    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

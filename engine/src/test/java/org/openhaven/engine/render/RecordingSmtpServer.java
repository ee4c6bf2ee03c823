package org.openhaven.engine.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP endpoint on a free loopback port that accepts AUTH LOGIN / AUTH PLAIN and any message, and
 * records the credentials clients authenticate with: enough to see which password a mail client really holds.
 * Not a mail server; plain text only (no STARTTLS).
 */
final class RecordingSmtpServer implements AutoCloseable {

    /** What one client sent: the user and password it authenticated with, and the message it delivered. */
    record Session(String user, String password, String data) {
    }

    private final ServerSocket socket;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    RecordingSmtpServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "recording-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    List<Session> sessions() {
        return List.copyOf(sessions);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                serve(client);
            } catch (IOException closedOrClientGone) {
                // The test closed the server, or one client hung up mid-dialogue: the next accept decides.
            }
        }
    }

    private void serve(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream();
        reply(out, "220 recording ESMTP");
        String user = null;
        String password = null;
        StringBuilder data = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("EHLO")) {
                reply(out, "250-recording\r\n250 AUTH LOGIN PLAIN");
            } else if (upper.startsWith("HELO")) {
                reply(out, "250 recording");
            } else if (upper.startsWith("AUTH PLAIN")) {
                String[] parts = decode(initialResponse(line, "AUTH PLAIN", "334 ", in, out)).split("\0", -1);
                user = parts[1];
                password = parts[2];
                reply(out, "235 2.7.0 accepted");
            } else if (upper.startsWith("AUTH LOGIN")) {
                user = decode(initialResponse(line, "AUTH LOGIN", "334 VXNlcm5hbWU6", in, out));
                reply(out, "334 UGFzc3dvcmQ6");
                password = decode(in.readLine());
                reply(out, "235 2.7.0 accepted");
            } else if (upper.startsWith("DATA")) {
                reply(out, "354 end with .");
                for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
                    data.append(body).append('\n');
                }
                reply(out, "250 2.0.0 queued");
            } else if (upper.startsWith("QUIT")) {
                reply(out, "221 bye");
                break;
            } else {
                reply(out, "250 ok"); // MAIL FROM, RCPT TO, RSET, NOOP
            }
        }
        sessions.add(new Session(user, password, data.toString()));
    }

    /** The client's first SASL response: on the AUTH line itself, or after the server's prompt. */
    private static String initialResponse(String line, String command, String prompt, BufferedReader in,
                                          OutputStream out) throws IOException {
        if (line.length() > command.length() + 1) {
            return line.substring(command.length() + 1);
        }
        reply(out, prompt);
        return in.readLine();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

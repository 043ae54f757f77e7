package dev.calque.security;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server that hostile files name as the place to fetch from: it records every request
 * that reaches it (a test then asserts there were none) and answers with a fixed body, or 404.
 */
final class Tripwire {
    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private Tripwire(byte[] answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            requests.add(ex.getRequestURI().toString());
            if (answer == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, answer.length);
                ex.getResponseBody().write(answer);
            }
            ex.close();
        });
    }

    /** A tripwire answering 404 (or {@code answer}, when given), not yet started. */
    static Tripwire answering(byte[] answer) throws IOException {
        return new Tripwire(answer);
    }

    /** The server, for a context of its own (a feed a test does fetch) before {@link #start}. */
    HttpServer server() {
        return server;
    }

    Tripwire start() {
        server.start();
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests that reached the tripwire's own context, in order. */
    List<String> requests() {
        return requests;
    }

    void stop() {
        server.stop(0);
    }
}

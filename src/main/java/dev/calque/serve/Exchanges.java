package dev.calque.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing responses over the JDK's HTTP server; every handler uses these. */
public final class Exchanges {
    private Exchanges() {
    }

    /** A request the server refuses with a status and a one-line reason (never a stack trace). */
    public static final class Refusal extends RuntimeException {
        private final int status;

        public Refusal(int status, String reason) {
            super(reason);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * The request body, at most {@code max} bytes: a declared length beyond it is refused before a byte is read,
     * a body that turns out longer is refused as soon as it passes the cap. A body not sent within the server's
     * read timeout closes the connection. Handlers read bodies through this method.
     *
     * @throws Refusal 413 when the body is too large
     */
    public static byte[] body(HttpExchange ex, long max) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long n;
            try {
                n = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw new Refusal(400, "Content-Length is not a number");
            }
            if (n > max) throw new Refusal(413, "request body of " + n + " bytes is larger than the limit of " + max);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (InputStream in = ex.getRequestBody()) {
            for (int r; (r = in.read(buf)) > 0; ) {
                if (out.size() + r > max) throw new Refusal(413, "request body larger than the limit of " + max + " bytes");
                out.write(buf, 0, r);
            }
        } finally {
            BodyDeadline.endCurrent();
        }
        return out.toByteArray();
    }

    /** Form fields of a POST body ({@code application/x-www-form-urlencoded}) or of the query string, UTF-8. */
    public static Map<String, String> form(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) return out;
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                throw new Refusal(400, "malformed form encoding: " + e.getMessage());
            }
        }
        return out;
    }

    public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }

    public static void sendText(HttpExchange ex, int status, String text) throws IOException {
        send(ex, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public static void sendJson(HttpExchange ex, int status, byte[] json) throws IOException {
        send(ex, status, "application/json; charset=utf-8", json);
    }

    /** A JSON error body {@code {"error": reason, "status": n}} (the /api/ endpoints' errors). */
    public static void sendJsonError(HttpExchange ex, int status, String reason) throws IOException {
        StringBuilder b = new StringBuilder("{\"error\":\"");
        for (char c : reason.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        b.append("\",\"status\":").append(status).append("}\n");
        sendJson(ex, status, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Jackson's reason for a body it cannot read, without the name of its own setting: a JSON bomb reads
     * "Document nesting depth (1001) exceeds the maximum allowed", not "(1000, from `StreamReadConstraints...`)".
     */
    public static String jsonReason(com.fasterxml.jackson.core.JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "not JSON" : e.getOriginalMessage();
        return m.replaceAll(" \\((\\d+), from `[^`]*`\\)", " ($1)").replaceAll("\\s*\\R\\s*", " ");
    }
}

package dev.calque.serve;

import com.sun.net.httpserver.HttpExchange;
import dev.calque.report.Html;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sign-in for pages on a server with a token: a browser cannot send a bearer header when it opens a page,
 * so {@code /login} trades the token, typed once into a form, for a session cookie. The cookie holds a random
 * id, never the token; it is {@code HttpOnly} (scripts cannot read it) and {@code SameSite=Strict} (other
 * sites cannot make the browser send it), and a request that changes something with it must come from this
 * server's own pages (its {@code Origin}, when sent, is this server). Sessions live in memory for
 * {@link #LIFETIME}; at most {@link #MAX_SESSIONS} at once, the oldest dropped first.
 */
final class BrowserSessions {
    static final String COOKIE = "calque_session";
    static final Duration LIFETIME = Duration.ofHours(12);
    static final int MAX_SESSIONS = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String token;
    private final Clock clock;
    private final Map<String, Instant> sessions = new LinkedHashMap<>();

    BrowserSessions(String token, Clock clock) {
        this.token = token;
        this.clock = clock;
    }

    /** Whether the request carries a live session cookie and, if it changes something, comes from this server. */
    synchronized boolean valid(HttpExchange ex) {
        String id = cookie(ex.getRequestHeaders().get("Cookie"));
        if (id == null) return false;
        Instant expires = sessions.get(id);
        if (expires == null) return false;
        if (!clock.instant().isBefore(expires)) {
            sessions.remove(id);
            return false;
        }
        return safeMethod(ex) || sameOrigin(ex);
    }

    /** {@code GET /login}: the form; {@code POST /login}: the token checked, a session cookie set, back to the page. */
    void handle(HttpExchange ex) throws IOException {
        String next = safeNext(Exchanges.form(ex.getRequestURI().getRawQuery()).get("next"));
        if (ex.getRequestMethod().equals("GET") || ex.getRequestMethod().equals("HEAD")) {
            page(ex, 200, next, null);
            return;
        }
        if (!ex.getRequestMethod().equals("POST")) throw new Exchanges.Refusal(405, "use GET or POST for /login");
        Map<String, String> form = Exchanges.form(new String(Exchanges.body(ex, 8_192), StandardCharsets.UTF_8));
        next = safeNext(form.getOrDefault("next", next));
        String given = form.get("token");
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            page(ex, 401, next, "That is not this server's token.");
            return;
        }
        ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + open() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + LIFETIME.toSeconds());
        ex.getResponseHeaders().set("Location", next);
        Exchanges.send(ex, 303, "text/plain; charset=utf-8", new byte[0]);
    }

    /** A browser opening a page: it is sent to the form rather than given a bare 401. */
    static boolean wantsPage(HttpExchange ex) {
        String accept = ex.getRequestHeaders().getFirst("Accept");
        return (ex.getRequestMethod().equals("GET") || ex.getRequestMethod().equals("HEAD"))
                && accept != null && accept.contains("text/html");
    }

    static String loginLocation(HttpExchange ex) {
        return "/login?next=" + java.net.URLEncoder.encode(ex.getRequestURI().getPath(), StandardCharsets.UTF_8);
    }

    private synchronized String open() {
        Instant now = clock.instant();
        sessions.values().removeIf(expires -> !now.isBefore(expires));
        while (sessions.size() >= MAX_SESSIONS) sessions.remove(sessions.keySet().iterator().next());
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(id, now.plus(LIFETIME));
        return id;
    }

    private static String cookie(List<String> headers) {
        if (headers == null) return null;
        for (String header : headers) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(COOKIE + "=")) return p.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }

    private static boolean safeMethod(HttpExchange ex) {
        String m = ex.getRequestMethod();
        return m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS");
    }

    /** The request's {@code Origin} (or, without one, the fetch metadata) names this server. */
    private static boolean sameOrigin(HttpExchange ex) {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        String host = ex.getRequestHeaders().getFirst("Host");
        if (origin != null) return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
        String site = ex.getRequestHeaders().getFirst("Sec-Fetch-Site");
        return site == null || site.equals("same-origin");
    }

    /** Only a path of this server: no scheme, no host, no {@code //evil.example}, no header splitting. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) return "/review/";
        return next;
    }

    private static void page(HttpExchange ex, int status, String next, String problem) throws IOException {
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Calque: sign in</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font:16px/1.5 system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem}
                input{font:inherit;width:100%%;margin:.25rem 0 1rem;padding:.4rem}button{font:inherit;padding:.4rem 1rem}
                .problem{color:#a00}</style></head>
                <body><main><h1>Calque</h1>
                <p>This server needs its token. Enter it once; this browser then stays signed in for %d hours.</p>
                %s<form method="post" action="/login">
                <label for="token">Token</label>
                <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
                <input type="hidden" name="next" value="%s">
                <button type="submit">Sign in</button></form></main></body></html>
                """.formatted(LIFETIME.toHours(), problem == null ? "" : "<p class=\"problem\" role=\"alert\">" + problem + "</p>",
                Html.escape(next));
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        Exchanges.send(ex, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.calque.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.calque.check.Checker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code calque serve}: Calque's checks over HTTP, on the JDK's own server. Every route is mounted under a
 * path prefix and runs behind one guard that applies the server's rules: the bearer token, CORS, refusal
 * while shutting down, and an error barrier (a {@link Exchanges.Refusal} becomes its status and reason; any
 * other failure a 500 with a one-line reason, never a stack trace). Checking goes through the shared
 * {@link CheckService}.
 *
 * <pre>{@code
 * CalqueServer server = CalqueServer.create(ServerOptions.defaults().withPort(0), service);
 * server.mount("/review", exchange -> ...);   // extra routes, e.g. the review desk
 * server.start();
 * }</pre>
 */
public final class CalqueServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CalqueServer.class);

    private final HttpServer http;
    private final ServerOptions options;
    private final CheckService service;
    private final ThreadPoolExecutor io;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "calque-http-deadlines");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger inFlight = new AtomicInteger();
    private final BrowserSessions sessions;
    private volatile boolean stopping;
    private volatile Consumer<String> log = LOG::info;

    /** How a route's errors are written: LanguageTool's plain {@code Error: ...} or Calque's JSON. */
    public enum ErrorStyle { PLAIN, JSON }

    private CalqueServer(ServerOptions options, CheckService service) throws IOException {
        this.options = options;
        this.service = service;
        this.sessions = options.token() == null ? null : new BrowserSessions(options.token(), java.time.Clock.systemUTC());
        readTimeouts(options.readTimeout());
        this.http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        AtomicInteger n = new AtomicInteger();
        // connection threads read requests and write responses; checking happens on the service's threads
        this.io = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "calque-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        io.allowCoreThreadTimeOut(true);
        http.setExecutor(io);
        mount("/", ex -> {
            throw new Exchanges.Refusal(404, "no such endpoint: " + ex.getRequestURI().getPath());
        }, ErrorStyle.JSON);
        Routes.mountBuiltIn(this);
    }

    /** A server with Calque's own routes ({@code /v2/}, {@code /api/}, {@code /health}) mounted; not started. */
    public static CalqueServer create(ServerOptions options, CheckService service) throws IOException {
        return new CalqueServer(options, service);
    }

    /**
     * The request line and headers are read by the JDK server before any handler runs; its time limits for
     * them are process-wide properties read once, when the first server of the process starts (a
     * {@code -Dsun.net.httpserver.maxReqTime} given to the JVM wins). The body is bounded per server, by
     * {@link BodyDeadline}.
     */
    private static void readTimeouts(Duration read) {
        long seconds = Math.max(1, read.toSeconds());
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Long.toString(seconds));
            System.setProperty("sun.net.httpserver.maxRspTime", Long.toString(Math.max(60, seconds * 3)));
        }
    }

    /** Mounts a route whose errors are JSON ({@code {"error": ...}}), token-guarded. */
    public CalqueServer mount(String pathPrefix, HttpHandler handler) {
        return mount(pathPrefix, handler, pathPrefix.startsWith("/v2") ? ErrorStyle.PLAIN : ErrorStyle.JSON);
    }

    /**
     * Mounts a handler at a path prefix (the longest mounted prefix wins), behind the guard. A later mount
     * of the same prefix replaces the earlier one.
     */
    public synchronized CalqueServer mount(String pathPrefix, HttpHandler handler, ErrorStyle errors) {
        try {
            http.removeContext(pathPrefix);
        } catch (IllegalArgumentException none) {
            // first mount of this prefix
        }
        http.createContext(pathPrefix, ex -> guard(ex, handler, errors));
        return this;
    }

    /**
     * Where the access log goes (default: this class's logger at info level). One line per request: method,
     * path, status, milliseconds; never the request's text, unless {@code --log-text} (see {@link #logText}).
     */
    public CalqueServer accessLog(Consumer<String> sink) {
        this.log = sink;
        return this;
    }

    /** Logs a request's text, abbreviated, only when the options allow it ({@code --log-text}). */
    public void logText(HttpExchange ex, String text) {
        if (!options.logText()) return;
        String shown = text.length() > 500 ? text.substring(0, 500) + "..." : text;
        log.accept(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " text (" + text.length() + " chars): "
                + shown.replace('\n', ' '));
    }

    public CheckService service() {
        return service;
    }

    public ServerOptions options() {
        return options;
    }

    public void start() {
        http.start();
        log.accept("listening on " + uri());
    }

    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The server's base URI, e.g. {@code http://127.0.0.1:8081/}. */
    public URI uri() {
        InetSocketAddress a = http.getAddress();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /**
     * Whether the request carries the server's token (always true when there is none): as a bearer header, as
     * the given form key, or as the session cookie a browser got from {@code /login}.
     */
    public boolean authorized(HttpExchange ex, String formKey) {
        if (options.token() == null) return true;
        if (sessions.valid(ex)) return true;
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String given = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : formKey;
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                options.token().getBytes(StandardCharsets.UTF_8));
    }

    private void guard(HttpExchange ex, HttpHandler handler, ErrorStyle errors) throws IOException {
        long t0 = System.nanoTime();
        int status = 0;
        inFlight.incrementAndGet();
        BodyDeadline deadline = hasBody(ex) ? BodyDeadline.start(timer, options.readTimeout()) : null;
        try {
            cors(ex);
            if (stopping) {
                ex.getResponseHeaders().set("Connection", "close");
                throw new Exchanges.Refusal(503, "the server is shutting down");
            }
            if (!hostIsThisServer(ex)) {
                throw new Exchanges.Refusal(421, "this server answers only to its loopback address, not to host '"
                        + dev.calque.ingest.Printable.of(ex.getRequestHeaders().getFirst("Host")) + "'");
            }
            if (ex.getRequestMethod().equals("OPTIONS")) {
                Exchanges.send(ex, 204, "text/plain", new byte[0]);
                status = 204;
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (path.equals("/login")) {
                if (sessions == null) {
                    ex.getResponseHeaders().set("Location", BrowserSessions.safeNext(
                            Exchanges.form(ex.getRequestURI().getRawQuery()).get("next")));
                    Exchanges.send(ex, 303, "text/plain; charset=utf-8", new byte[0]);
                } else {
                    sessions.handle(ex);
                }
                status = ex.getResponseCode();
                return;
            }
            // /v2/ clients may send the token as LanguageTool's apiKey form field: their handler checks it
            if (!path.equals("/health") && !path.startsWith("/v2/") && !authorized(ex, null)) {
                if (BrowserSessions.wantsPage(ex)) {
                    ex.getResponseHeaders().set("Location", BrowserSessions.loginLocation(ex));
                    Exchanges.send(ex, 303, "text/plain; charset=utf-8", new byte[0]);
                    status = 303;
                    return;
                }
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                throw new Exchanges.Refusal(401, "a bearer token is required (Authorization: Bearer TOKEN)");
            }
            handler.handle(ex);
            status = ex.getResponseCode();
        } catch (Exchanges.Refusal r) {
            status = r.status();
            respondError(ex, r.status(), r.getMessage(), errors);
        } catch (CheckService.Busy b) {
            status = 503;
            ex.getResponseHeaders().set("Retry-After", "2");
            respondError(ex, 503, b.getMessage(), errors);
        } catch (Checker.TimeLimitExceeded t) {
            // LanguageTool answers its own time limit with a 500 and these words
            float seconds = service.timeLimit().toMillis() / 1000.0f;
            status = errors == ErrorStyle.PLAIN ? 500 : 503;
            respondError(ex, status, errors == ErrorStyle.PLAIN ? "Checking took longer than " + seconds + " seconds, which is "
                    + "this server's limit. Please make sure you have selected the proper language or consider submitting "
                    + "a shorter text." : "checking took longer than this server's limit of " + seconds + " s", errors);
        } catch (IOException e) {
            // the client went away mid-request or mid-response: nothing to answer
            status = -1;
            LOG.debug("{} {}: connection lost: {}", ex.getRequestMethod(), ex.getRequestURI().getPath(), e.toString());
        } catch (RuntimeException | Error e) {
            status = 500;
            LOG.warn("{} {} failed", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
            respondError(ex, 500, "internal error (" + e.getClass().getSimpleName() + ")", errors);
        } finally {
            if (deadline != null) deadline.done();
            inFlight.decrementAndGet();
            ex.close();
            log.accept(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " + status + " "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }

    /**
     * A server on the loopback address answers only requests that name a loopback host: a page on another
     * site that points its own name at 127.0.0.1 (DNS rebinding) would otherwise be the same origin as the
     * review desk, read its checks and post verdicts without any token.
     */
    private boolean hostIsThisServer(HttpExchange ex) {
        if (!isLoopback(options.host())) return true;
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null) return true; // HTTP/1.0 without a Host: not a browser
        String name = host.strip().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("[")) name = name.substring(0, Math.max(1, name.indexOf(']') + 1));
        else if (name.lastIndexOf(':') >= 0) name = name.substring(0, name.lastIndexOf(':'));
        return isLoopback(name) || name.equals("localhost") || name.endsWith(".localhost");
    }

    private static boolean isLoopback(String host) {
        if (host == null) return false;
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equals("localhost") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
    }

    private static boolean hasBody(HttpExchange ex) {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        return ex.getRequestHeaders().containsKey("Transfer-Encoding") || (length != null && !length.trim().equals("0"));
    }

    private static void respondError(HttpExchange ex, int status, String reason, ErrorStyle errors) {
        if (ex.getResponseCode() != -1) return; // headers already sent: the client sees a cut response
        try {
            if (errors == ErrorStyle.PLAIN) Exchanges.sendText(ex, status, "Error: " + reason);
            else Exchanges.sendJsonError(ex, status, reason);
        } catch (IOException gone) {
            LOG.debug("could not send the error: {}", gone.toString());
        }
    }

    private void cors(HttpExchange ex) {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (options.corsOrigin() == null || origin == null) return;
        if (options.corsOrigin().equals("*") || options.corsOrigin().equalsIgnoreCase(origin)) {
            var h = ex.getResponseHeaders();
            h.set("Access-Control-Allow-Origin", options.corsOrigin().equals("*") ? "*" : origin);
            h.set("Vary", "Origin");
            h.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            h.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
        }
    }

    /** Requests being handled now. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Refuses new requests, lets those in flight finish within the options' grace time, then closes
     * every connection and stops the checking threads.
     */
    public void stop() {
        stopping = true;
        long grace = options.shutdownGrace().toMillis();
        long end = System.currentTimeMillis() + grace;
        while (inFlight.get() > 0 && System.currentTimeMillis() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        http.stop(0);
        io.shutdownNow();
        timer.shutdownNow();
        service.shutdown(Duration.ofSeconds(1));
        log.accept("stopped");
    }

    @Override
    public void close() {
        stop();
    }
}

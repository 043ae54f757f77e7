package dev.calque.serve;

import java.time.Duration;

/**
 * How a {@link CalqueServer} listens and what it allows. The defaults are safe for a desktop: loopback
 * only, no token, no CORS, no request text in the log.
 *
 * @param host          address to bind (loopback unless the user says otherwise)
 * @param port          port; 0 picks a free one
 * @param token         bearer token every request but {@code /health} must carry; null for none
 * @param corsOrigin    the one browser origin allowed to call the API from a page; null for none
 * @param logText       whether request text may be written to the log
 * @param maxTextLength longest text checked, in characters (LanguageTool's {@code maxTextLength}); 413 beyond
 * @param maxBodyBytes  largest request body read; 413 beyond, before anything is parsed
 * @param readTimeout   time a client has to send its request (headers and body)
 * @param shutdownGrace time in-flight requests get to finish when the server stops
 */
public record ServerOptions(String host, int port, String token, String corsOrigin, boolean logText,
                            int maxTextLength, long maxBodyBytes, Duration readTimeout, Duration shutdownGrace) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8081;

    public static ServerOptions defaults() {
        return new ServerOptions(LOOPBACK, DEFAULT_PORT, null, null, false, 100_000, 1 << 20,
                Duration.ofSeconds(20), Duration.ofSeconds(10));
    }

    public ServerOptions withPort(int p) {
        return new ServerOptions(host, p, token, corsOrigin, logText, maxTextLength, maxBodyBytes, readTimeout, shutdownGrace);
    }

    public ServerOptions withHost(String h) {
        return new ServerOptions(h, port, token, corsOrigin, logText, maxTextLength, maxBodyBytes, readTimeout, shutdownGrace);
    }

    public ServerOptions withToken(String t) {
        return new ServerOptions(host, port, t, corsOrigin, logText, maxTextLength, maxBodyBytes, readTimeout, shutdownGrace);
    }

    public ServerOptions withCors(String origin) {
        return new ServerOptions(host, port, token, origin, logText, maxTextLength, maxBodyBytes, readTimeout, shutdownGrace);
    }

    public ServerOptions withLimits(int maxText, long maxBody, Duration read) {
        return new ServerOptions(host, port, token, corsOrigin, logText, maxText, maxBody, read, shutdownGrace);
    }

    public ServerOptions withLogText(boolean on) {
        return new ServerOptions(host, port, token, corsOrigin, on, maxTextLength, maxBodyBytes, readTimeout, shutdownGrace);
    }

    public ServerOptions withShutdownGrace(Duration d) {
        return new ServerOptions(host, port, token, corsOrigin, logText, maxTextLength, maxBodyBytes, readTimeout, d);
    }
}

package dev.calque.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Fetches a page or feed the user named, as curl with {@code --max-time}, {@code --max-filesize},
 * {@code --max-redirs} and {@code --proto-redir} would: one deadline for the whole fetch (connect,
 * headers, body and redirects; a server that sends headers and then nothing is cut off), a size limit
 * on the bytes received and on the bytes they decode to (a gzip bomb stops at the limit), at most
 * {@link #MAX_REDIRECTS} redirects, only to http or https and never from https down to http, and
 * optionally only to the hosts the user allows. This is the only place Calque opens a network
 * connection, and only for URLs given on the command line.
 */
final class Fetcher {
    static final int MAX_REDIRECTS = 5;
    private final IngestLimits limits;
    private final List<String> allowedHosts;
    private final HttpClient client;

    /** @param allowedHosts host names (or {@code *.example.com}) a fetch may reach; empty for any */
    Fetcher(IngestLimits limits, List<String> allowedHosts) {
        this.limits = limits;
        this.allowedHosts = List.copyOf(allowedHosts);
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.fetchTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // followed here, where every hop is checked
                .build();
    }

    Fetcher(IngestLimits limits) {
        this(limits, List.of());
    }

    record Page(byte[] body, String name, String contentType) {
    }

    static final class FetchFailed extends Exception {
        FetchFailed(String reason) {
            super(reason);
        }
    }

    Page fetch(String url) throws FetchFailed {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new FetchFailed("not a valid URL");
        }
        checkTarget(uri, null);
        long deadline = System.nanoTime() + limits.fetchTimeout().toNanos();
        for (int hop = 0; ; hop++) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) throw timedOut();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(left)
                    .header("User-Agent", "Calque (translation-quality checker)")
                    .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,*/*;q=0.8")
                    .header("Accept-Encoding", "gzip")
                    .GET().build();
            HttpResponse<byte[]> response = send(request, deadline);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) throw new FetchFailed("HTTP " + status + " without a Location to follow");
                if (hop >= MAX_REDIRECTS) throw new FetchFailed("too many redirects (more than " + MAX_REDIRECTS + ")");
                URI next;
                try {
                    next = uri.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw new FetchFailed("redirect to an invalid URL");
                }
                checkTarget(next, uri);
                uri = next;
                continue;
            }
            if (status >= 400) throw new FetchFailed("HTTP " + status);
            if (status >= 300) throw new FetchFailed("HTTP " + status);
            byte[] body = decode(response);
            String path = response.uri().getPath();
            return new Page(body, path == null || path.isEmpty() || path.equals("/") ? "index.html" : path,
                    response.headers().firstValue("Content-Type").orElse(null));
        }
    }

    /** Only http(s), never https to http, and only allowed hosts. */
    private void checkTarget(URI uri, URI from) throws FetchFailed {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchFailed(from == null ? "only http and https URLs are fetched"
                    : "redirect to a " + (scheme.isEmpty() ? "relative" : scheme + ":") + " URL refused (only http and https)");
        }
        if (from != null && "https".equalsIgnoreCase(from.getScheme()) && scheme.equals("http")) {
            throw new FetchFailed("redirect from https to plain http refused (" + Printable.of(uri.toString()) + ")");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) throw new FetchFailed("URL without a host");
        if (!allowedHosts.isEmpty() && allowedHosts.stream().noneMatch(h -> hostMatches(h, host))) {
            throw new FetchFailed((from == null ? "host " : "redirect to host ") + host
                    + " is not in --fetch-allow-hosts");
        }
    }

    static boolean hostMatches(String allowed, String host) {
        String a = allowed.strip().toLowerCase(Locale.ROOT);
        if (a.startsWith("*.")) return host.endsWith(a.substring(1)) || host.equals(a.substring(2));
        return host.equals(a);
    }

    /** One request, its body received under the deadline and the size limit. */
    private HttpResponse<byte[]> send(HttpRequest request, long deadline) throws FetchFailed {
        CompletableFuture<HttpResponse<byte[]>> job = client.sendAsync(request,
                info -> new Capped(limits.maxInputBytes()));
        try {
            return job.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            throw timedOut();
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchFailed("interrupted");
        } catch (ExecutionException wrapped) {
            Throwable e = wrapped.getCause();
            if (e instanceof TooLarge) {
                throw new FetchFailed("download is over the limit of " + Inputs.mb(limits.maxInputBytes())
                        + "; raise it with --max-input-mb");
            }
            if (e instanceof HttpTimeoutException) throw timedOut();
            String m = e.getMessage();
            throw new FetchFailed("cannot fetch: " + (m == null ? e.getClass().getSimpleName() : Printable.of(m)));
        }
    }

    private FetchFailed timedOut() {
        return new FetchFailed("no answer within " + limits.fetchTimeout().toSeconds() + " s");
    }

    /** The body as the server meant it: gzip decoded, up to the size limit. */
    private byte[] decode(HttpResponse<byte[]> response) throws FetchFailed {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        byte[] body = response.body();
        if (encoding.equals("identity") || encoding.isEmpty()) return body;
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new FetchFailed("content encoding '" + Printable.of(encoding) + "' is not supported");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > limits.maxInputBytes()) {
                    throw new FetchFailed("download decodes to more than the limit of " + Inputs.mb(limits.maxInputBytes())
                            + " (" + Inputs.mb(body.length) + " compressed); raise it with --max-input-mb");
                }
            }
        } catch (IOException e) {
            throw new FetchFailed("cannot decode the gzip body: " + e.getMessage());
        }
        return out.toByteArray();
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("over the size limit");
        }
    }

    /** Collects a body, cancelling the download as soon as it passes the limit. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Capped(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                int n = b.remaining();
                if (bytes.size() + (long) n > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[n];
                b.get(chunk);
                bytes.write(chunk, 0, n);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}

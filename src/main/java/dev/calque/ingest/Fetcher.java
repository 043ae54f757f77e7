package dev.calque.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;

/**
 * Fetches a page or feed the user named, with a time limit and a size limit. This is the only place
 * Calque opens a network connection, and only for URLs given on the command line.
 */
final class Fetcher {
    private final IngestLimits limits;
    private final HttpClient client;

    Fetcher(IngestLimits limits) {
        this.limits = limits;
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.fetchTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
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
        Instant deadline = Instant.now().plus(limits.fetchTimeout());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(limits.fetchTimeout())
                .header("User-Agent", "Calque (translation-quality checker)")
                .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,*/*;q=0.8")
                .GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() >= 400) throw new FetchFailed("HTTP " + response.statusCode());
                if (response.statusCode() >= 300) throw new FetchFailed("too many redirects (HTTP " + response.statusCode() + ")");
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > limits.maxInputBytes()) {
                    throw new FetchFailed("download of " + Inputs.mb(declared) + " is over the limit of "
                            + Inputs.mb(limits.maxInputBytes()));
                }
                byte[] body = readLimited(in, deadline);
                String path = response.uri().getPath();
                return new Page(body, path == null || path.isEmpty() || path.equals("/") ? "index.html" : path,
                        response.headers().firstValue("Content-Type").orElse(null));
            }
        } catch (HttpTimeoutException e) {
            throw new FetchFailed("no answer within " + limits.fetchTimeout().toSeconds() + " s");
        } catch (IOException e) {
            String m = e.getMessage();
            if (m != null && m.contains("Too many redirects")) throw new FetchFailed("too many redirects");
            throw new FetchFailed("cannot fetch: " + (m == null ? e.getClass().getSimpleName() : m));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailed("interrupted");
        }
    }

    private byte[] readLimited(InputStream in, Instant deadline) throws IOException, FetchFailed {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            if (out.size() > limits.maxInputBytes()) {
                throw new FetchFailed("download is over the limit of " + Inputs.mb(limits.maxInputBytes()));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new FetchFailed("download did not finish within " + limits.fetchTimeout().toSeconds() + " s");
            }
        }
        return out.toByteArray();
    }
}

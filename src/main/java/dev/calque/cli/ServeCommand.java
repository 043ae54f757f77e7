package dev.calque.cli;

import dev.calque.check.Checker;
import dev.calque.score.MqmScoring;
import dev.calque.score.QualityGate;
import dev.calque.score.Suppressions;
import dev.calque.serve.CalqueServer;
import dev.calque.serve.CheckService;
import dev.calque.serve.ServerOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code calque serve}: a warm checking server speaking LanguageTool's HTTP API and Calque's own. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve Calque's checks over HTTP: LanguageTool's API (/v2/check, /v2/languages) for editors' "
                + "tools, and Calque's own (/api/check, /api/rules, /health).")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", defaultValue = "8081", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServerOptions.LOOPBACK,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Another address exposes "
                    + "the server: give it a --token.")
    String host;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Require this bearer token (Authorization: Bearer "
            + "TOKEN; LanguageTool clients may send it as apiKey). Default: the CALQUE_TOKEN environment variable.")
    String token;

    @Option(names = "--cors", paramLabel = "ORIGIN", description = "Allow browser pages from this origin (e.g. "
            + "https://cms.example.org) to call the server. Default: none.")
    String cors;

    @Option(names = "--log-text", description = "Allow request text in the log (default: never logged).")
    boolean logText;

    @Mixin
    CheckerOptions checkerOptions;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: calque.yml in the "
            + "working folder, if there is one). Command-line options override it.")
    Path configFile;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "major",
            description = "Gate of /api/check results, as for check (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--min-score", paramLabel = "N", description = "Also fail an article whose MQM score is below N.")
    Double minScore;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Leave out findings in this baseline.")
    Path baseline;

    @Option(names = "--suppressions", paramLabel = "FILE", description = "Leave out findings editors marked as false positives.")
    Path suppressions;

    @Option(names = "--threads", paramLabel = "N", description = "Checking threads, each with its own LanguageTool "
            + "(default: the number of cores).")
    Integer threads;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "32", description = "Checks that may wait for a "
            + "thread; beyond that requests get 503 with Retry-After (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Processor-time limit for checking one text (default: ${DEFAULT-VALUE} s).")
    int timeout;

    @Option(names = "--max-text-length", paramLabel = "CHARS", defaultValue = "100000",
            description = "Longest text checked; longer gets 413 (default: ${DEFAULT-VALUE}, as LanguageTool's).")
    int maxTextLength;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "Time a client has to send its request (default: ${DEFAULT-VALUE} s).")
    int readTimeout;

    @Option(names = "--shutdown-grace", paramLabel = "SECONDS", defaultValue = "10",
            description = "On SIGTERM or Ctrl-C, time in-flight requests get to finish (default: ${DEFAULT-VALUE} s).")
    int shutdownGrace;

    @Option(names = "--db", paramLabel = "FILE", description = "The review desk's verdict database (default: verdicts: "
            + "in calque.yml, else .calque/verdicts.db in the working folder; created when missing).")
    Path db;

    @Option(names = "--results", paramLabel = "DIR", description = "A folder of 'calque check --format json' reports "
            + "the review desk offers to open, newest first.")
    Path results;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) throw new UsageError("--port must be between 0 and 65535");
        if (maxTextLength < 1 || timeout < 1 || readTimeout < 1 || queue < 1 || shutdownGrace < 0
                || (threads != null && threads < 1)) {
            throw new UsageError("limits must be positive (--max-text-length, --timeout, --read-timeout, --queue, --threads)");
        }
        try {
            InetAddress.getByName(host);
        } catch (IOException e) {
            throw new UsageError("--host " + host + ": not an address of this machine (" + e.getMessage() + ")");
        }
        String secret = token != null ? token : System.getenv("CALQUE_TOKEN");
        if (secret != null && secret.isBlank()) throw new UsageError("--token must not be empty");
        System.setProperty("org.slf4j.simpleLogger.log.dev.calque.serve", "info");

        var given = spec.commandLine().getParseResult();
        Settings settings = Settings.load(configFile, checkerOptions.commandLine(given::hasMatchedOption)
                .withGate(given.hasMatchedOption("--fail-on") ? failOn : null, minScore, null)
                .withFiles(baseline, suppressions, null));
        MqmScoring scoring = settings.scoring();
        QualityGate gate = settings.gate();
        Suppressions accepted = Suppressions.load(settings.baseline(), settings.suppressions());
        Checker checker = Checkers.from(settings);
        // a request for other languages gets a checker with the same settings but its languages
        CheckService.CheckerFactory others = (target, source) ->
                Checkers.from(settings.with(Settings.CommandLine.of(target, source, java.util.List.of(), false, false)));
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Path dbPath = settings.verdicts(db);
        dev.calque.review.VerdictStore store = dev.calque.review.VerdictStore.open(dbPath != null ? dbPath
                : dev.calque.review.VerdictStore.DEFAULT);
        CheckService service = new CheckService(checker, others, c -> Versions.runInfo(c, scoring, gate), scoring, gate,
                settings.triage(null, accepted), Duration.ofSeconds(timeout), n, queue)
                .risk(CheckCommand.riskModel(accepted, store)); // the desk's verdicts as the server starts
        ServerOptions options = ServerOptions.defaults().withHost(host).withPort(port).withToken(secret).withCors(cors)
                .withLogText(logText).withLimits(maxTextLength, Math.max(1L << 20, maxTextLength * 12L),
                        Duration.ofSeconds(readTimeout))
                .withShutdownGrace(Duration.ofSeconds(shutdownGrace));
        CalqueServer server;
        try {
            server = CalqueServer.create(options, service);
        } catch (java.net.BindException e) {
            throw new UsageError("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        if (results != null && !java.nio.file.Files.isDirectory(results)) throw new UsageError(results + ": results folder not found");
        server.mount(dev.calque.review.ReviewDesk.PREFIX, new dev.calque.review.ReviewDesk(store,
                a -> dev.calque.review.ReviewDesk.Checked.of(service.check(a), service.checker().rules().hash()),
                Versions.calque(), results));
        System.err.println("calque: warming " + n + " checker" + (n == 1 ? "" : "s") + "...");
        service.awaitWarm();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("calque: stopping; finishing requests in flight (at most " + shutdownGrace + " s)");
            server.stop();
            stopped.countDown();
        }, "calque-serve-stop"));
        server.start();
        System.err.println("calque: serving " + checker.target() + " (from " + checker.source() + ") on " + server.uri()
                + (secret != null ? " (token required)" : "") + "; Ctrl-C stops");
        System.err.println("calque: review desk on " + server.uri().resolve(dev.calque.review.ReviewDesk.PREFIX + "/")
                + " (verdicts in " + store.file() + ")");
        if (!isLoopback(host) && secret == null) {
            System.err.println("calque: warning: listening beyond this machine without a token (--token or CALQUE_TOKEN)");
        }
        stopped.await();
        return Main.OK;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}

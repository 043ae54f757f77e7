package dev.calque.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process and captures what it prints, as a user would see it. */
public record CliRun(int exit, String out, String err) {

    public static CliRun of(String... args) {
        return withStdin(new byte[0], args);
    }

    /** Tests that are not about the Allure report do not leave one in the working folder. */
    private static String[] withoutReport(String[] args) {
        if (args.length == 0 || !args[0].equals("check")) return args;
        for (String a : args) if (a.equals("--no-report") || a.startsWith("--report-dir")) return args;
        String[] out = new String[args.length + 1];
        out[0] = args[0];
        out[1] = "--no-report";
        System.arraycopy(args, 1, out, 2, args.length - 1);
        return out;
    }

    public static synchronized CliRun withStdin(byte[] stdin, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin));
            int code = Main.run(withoutReport(args));
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }
}

package dev.calque.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where an output file really goes, decided before the run starts, as a careful Unix filter would:
 * a symbolic link is written through to its target (the link stays), a stream the user names
 * ({@code /dev/stdout}, {@code /dev/null}, {@code /dev/fd/N}, as {@code >(cmd)} gives) is written
 * directly, and anything else that is not a regular file (a folder, a device, a FIFO, a socket) or
 * that cannot be created is refused with the path and the reason.
 *
 * @param path   the file to write (the link's target for a link)
 * @param stream whether it is a stream, written directly and never renamed
 */
public record OutputTarget(Path path, boolean stream) {
    private static final Pattern STREAMS = Pattern.compile("/dev/(stdout|stderr|null|fd/\\d+)|/proc/self/fd/\\d+");

    /** @throws OutputFailure naming the path and why it cannot be written */
    public static OutputTarget of(Path given) throws OutputFailure {
        String shown = given.toString();
        if (STREAMS.matcher(given.toAbsolutePath().normalize().toString()).matches()) return new OutputTarget(given, true);
        Path p = given.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops > 40) throw new OutputFailure(shown, "symbolic link loop");
            try {
                p = p.resolveSibling(Files.readSymbolicLink(p)).toAbsolutePath();
            } catch (IOException e) {
                throw new OutputFailure(shown, "cannot follow the symbolic link: " + OutputFailure.reason(e));
            }
        }
        p = p.normalize();
        if (Files.isDirectory(p)) throw new OutputFailure(shown, "is a folder; name a file to write");
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p)) {
            throw new OutputFailure(shown, "not a regular file (" + kind(p) + "); Calque writes regular files, "
                    + "or standard output with -o - or no -o");
        }
        Path dir = p.getParent();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d) && !Files.isDirectory(d)) {
                throw new OutputFailure(shown, d + " is a file, not a folder");
            }
            if (Files.isDirectory(d)) break;
        }
        return new OutputTarget(p, false);
    }

    private static String kind(Path p) {
        try {
            Object type = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) type & 0170000;
            return switch (mode) {
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0010000 -> "a FIFO";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | RuntimeException e) {
            return "a special file";
        }
    }
}

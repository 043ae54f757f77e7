package dev.calque.serve;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time a client has to send its request body. A connection thread blocked reading a body past it is
 * interrupted, which closes the connection (the JDK server reads from an interruptible channel): a client that
 * stalls or trickles its body cannot hold a thread. Ended as soon as the body is read ({@link #done}).
 */
final class BodyDeadline {
    static final String ATTRIBUTE = "calque.bodyDeadline";

    private final Thread reader;
    private final ScheduledFuture<?> alarm;
    private boolean reading = true;

    private BodyDeadline(Thread reader, ScheduledExecutorService timer, Duration limit) {
        this.reader = reader;
        this.alarm = timer.schedule(this::expire, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    static BodyDeadline start(ScheduledExecutorService timer, Duration limit) {
        return new BodyDeadline(Thread.currentThread(), timer, limit);
    }

    private synchronized void expire() {
        if (reading) reader.interrupt();
    }

    /** The body is read (or the request is over): no interrupt can come after this returns. */
    void done() {
        synchronized (this) {
            reading = false;
        }
        alarm.cancel(false);
        if (Thread.currentThread() == reader) Thread.interrupted(); // an alarm that fired just before is void
    }
}

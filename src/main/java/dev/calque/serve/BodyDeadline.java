package dev.calque.serve;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time a client has to send its request body. A connection thread blocked reading a body past it is
 * interrupted, which closes the connection (the JDK server reads from an interruptible channel): a client that
 * stalls or trickles its body cannot hold a thread. Ended as soon as the body is read ({@link #done}).
 *
 * <p>A deadline belongs to the connection thread that started it, and is found again through that thread
 * ({@link #endCurrent}), not through {@code HttpExchange.setAttribute}: the JDK's exchange attributes are
 * its context's, shared by every request on the same path, so one request finishing its body would end the
 * deadline of another one still stalling on that path.
 */
final class BodyDeadline {
    private static final ThreadLocal<BodyDeadline> CURRENT = new ThreadLocal<>();

    private final Thread reader;
    private final ScheduledFuture<?> alarm;
    private boolean reading = true;

    private BodyDeadline(Thread reader, ScheduledExecutorService timer, Duration limit) {
        this.reader = reader;
        this.alarm = timer.schedule(this::expire, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts the deadline of the body the current thread is about to read. */
    static BodyDeadline start(ScheduledExecutorService timer, Duration limit) {
        BodyDeadline d = new BodyDeadline(Thread.currentThread(), timer, limit);
        CURRENT.set(d);
        return d;
    }

    /** Ends the current thread's deadline, if it has one: its body is read. */
    static void endCurrent() {
        BodyDeadline d = CURRENT.get();
        if (d != null) d.done();
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
        if (Thread.currentThread() == reader) {
            Thread.interrupted(); // an alarm that fired just before is void
            if (CURRENT.get() == this) CURRENT.remove();
        }
    }
}

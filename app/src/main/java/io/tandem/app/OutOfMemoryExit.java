package io.tandem.app;

import java.util.List;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tandem must not stay half alive once memory has run out (issue 14: Tomcat's thread accepting
 * connections died of an OutOfMemoryError, and the app answered nothing, health included, until it was
 * restarted). The reliable cure is the JVM flag {@value #FLAG} in the start command (README, Dockerfile):
 * the JVM then exits with status 3 at the first OutOfMemoryError, in whatever thread, and a supervisor can
 * start it again. Started without it, Tandem warns once, and this handler is the fallback: a thread that
 * dies of an OutOfMemoryError (Tomcat's acceptor and poller rethrow it) halts the process with the same
 * status. An OutOfMemoryError that a request thread survives (Spring answers 500) leaves the app running.
 */
final class OutOfMemoryExit implements Thread.UncaughtExceptionHandler {

    static final String FLAG = "-XX:+ExitOnOutOfMemoryError";

    /** The status the JVM itself exits with under {@value #FLAG}. */
    static final int STATUS = 3;

    private static final Logger log = LoggerFactory.getLogger(OutOfMemoryExit.class);

    private final Thread.UncaughtExceptionHandler previous;
    private final IntConsumer halt;

    OutOfMemoryExit(Thread.UncaughtExceptionHandler previous, IntConsumer halt) {
        this.previous = previous;
        this.halt = halt;
    }

    /** Installs the fallback for every thread, and warns when the JVM was started without {@value #FLAG}. */
    static void install(List<String> jvmArguments) {
        Thread.setDefaultUncaughtExceptionHandler(new OutOfMemoryExit(Thread.getDefaultUncaughtExceptionHandler(),
                status -> Runtime.getRuntime().halt(status)));
        if (!exitsOnOutOfMemory(jvmArguments)) {
            log.warn("Started without {}: if memory runs out, only a thread dying of it stops Tandem. Start with"
                    + " java {} -jar tandem.jar (README, \"Limits\").", FLAG, FLAG);
        }
    }

    /** Whether the JVM stops by itself at an OutOfMemoryError ({@value #FLAG} or a crash dump instead). */
    static boolean exitsOnOutOfMemory(List<String> jvmArguments) {
        return jvmArguments.contains(FLAG) || jvmArguments.contains("-XX:+CrashOnOutOfMemoryError");
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            // halt, not exit: shutdown hooks would need memory and could hang on the dead threads' locks
            System.err.println("Tandem ran out of memory (" + e.getMessage() + ") in thread " + thread.getName()
                    + "; stopping with status " + STATUS + ".");
            halt.accept(STATUS);
        } else if (previous != null) {
            previous.uncaughtException(thread, e);
        } else {
            thread.getThreadGroup().uncaughtException(thread, e);
        }
    }
}

package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A thread dying of an OutOfMemoryError halts Tandem; any other death goes to the handler before. */
class OutOfMemoryExitTest {

    private final List<Integer> halts = new ArrayList<>();
    private final List<Throwable> passedOn = new ArrayList<>();
    private final OutOfMemoryExit handler = new OutOfMemoryExit((t, e) -> passedOn.add(e), halts::add);

    @Test
    void aThreadDyingOfOutOfMemoryHaltsWithStatusThree() {
        handler.uncaughtException(new Thread("http-nio-8080-Acceptor"), new OutOfMemoryError("Java heap space"));

        assertThat(halts).containsExactly(3);
        assertThat(passedOn).isEmpty();
    }

    @Test
    void otherDeathsGoToThePreviousHandler() {
        IllegalStateException failure = new IllegalStateException("boom");

        handler.uncaughtException(new Thread("worker"), failure);

        assertThat(halts).isEmpty();
        assertThat(passedOn).containsExactly(failure);
    }

    @Test
    void theFlagOrACrashDumpCountsAsExitingOnOutOfMemory() {
        assertThat(OutOfMemoryExit.exitsOnOutOfMemory(List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError"))).isTrue();
        assertThat(OutOfMemoryExit.exitsOnOutOfMemory(List.of("-XX:+CrashOnOutOfMemoryError"))).isTrue();
        assertThat(OutOfMemoryExit.exitsOnOutOfMemory(List.of("-Xmx1g"))).isFalse();
        assertThat(OutOfMemoryExit.exitsOnOutOfMemory(List.of("-XX:-ExitOnOutOfMemoryError"))).isFalse();
    }
}

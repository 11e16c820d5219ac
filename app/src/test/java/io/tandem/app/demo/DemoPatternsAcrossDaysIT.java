package io.tandem.app.demo;

import io.tandem.app.TandemApplication;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.convention.TestBean;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The demo a user gets holds every planted pattern whatever day Tandem first starts (issue 21): the
 * demo company is generated as three years ending on the day it loads, so for each of eight days
 * across a year (the default seed) and two days each for two other seeds, the app's clock is set
 * to that day, the demo is loaded as at a first start, and every pattern of {@link PlantedPatterns}
 * (the tables) and {@link DemoApiPatterns} (the API with its default filters) is checked on it.
 */
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "tandem.data-dir=${java.io.tmpdir}/tandem-it/${random.uuid}",
                "tandem.embedded.clean=true",
                "tandem.demo.load=false"
        })
class DemoPatternsAcrossDaysIT {

    /**
     * The default seed across the year after the day this test was written: the first and last days of
     * months (where "last full month" turns over), a February end, and days mid-month.
     */
    private static final List<String> DEFAULT_SEED_DAYS = List.of("2026-12-01", "2027-02-28", "2027-03-01",
            "2027-04-30", "2027-06-30", "2027-08-31", "2027-09-13", "2027-11-24");
    private static final List<String> OTHER_SEED_DAYS = List.of("2026-12-01", "2027-06-30");
    private static final long[] OTHER_SEEDS = {7, 1234};

    static final DayClock CLOCK = new DayClock();

    @TestBean
    Clock clock;
    @Autowired
    DemoData demo;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    static Clock clock() {
        return CLOCK;
    }

    @TestFactory
    Stream<DynamicNode> everyPlantedPatternHoldsOnEveryDayAndSeed() {
        List<DynamicNode> cases = new ArrayList<>();
        DEFAULT_SEED_DAYS.forEach(day -> cases.add(demoOf(42, LocalDate.parse(day))));
        for (long seed : OTHER_SEEDS) {
            OTHER_SEED_DAYS.forEach(day -> cases.add(demoOf(seed, LocalDate.parse(day))));
        }
        return cases.stream();
    }

    /** Loads the demo of this seed as of this day, then checks every pattern on it, in this order. */
    private DynamicNode demoOf(long seed, LocalDate day) {
        PlantedPatterns tables = () -> jdbc;
        DemoApiPatterns api = () -> port;
        List<DynamicTest> steps = new ArrayList<>();
        steps.add(dynamicTest("load the demo", () -> {
            CLOCK.set(day);
            demo.clearAll();
            demo.load(seed);
        }));
        steps.addAll(patternsOf(PlantedPatterns.class, tables));
        steps.addAll(patternsOf(DemoApiPatterns.class, api));
        return dynamicContainer("seed " + seed + ", first start on " + day, steps.stream());
    }

    /** Each {@code @Test} of a pattern interface, run on the demo just loaded. */
    private static <T> List<DynamicTest> patternsOf(Class<T> patterns, T target) {
        return Arrays.stream(patterns.getMethods())
                .filter(m -> m.isAnnotationPresent(Test.class))
                .sorted(Comparator.comparing(Method::getName))
                .map(m -> dynamicTest(m.getName(), () -> {
                    try {
                        m.invoke(target);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }))
                .toList();
    }

    /** A clock that starts at midnight UTC of the day it is set to and runs on from there. */
    static final class DayClock extends Clock {
        private volatile Instant start = Instant.EPOCH;
        private volatile long startNanos = System.nanoTime();

        void set(LocalDate day) {
            startNanos = System.nanoTime();
            start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        @Override
        public Instant instant() {
            return start.plus(Duration.ofNanos(System.nanoTime() - startNanos));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            DayClock day = this;
            return new Clock() {
                @Override
                public Instant instant() {
                    return day.instant();
                }

                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return day.withZone(other);
                }
            };
        }
    }
}

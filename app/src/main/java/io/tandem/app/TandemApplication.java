package io.tandem.app;

import io.tandem.app.db.DataDirectory;
import io.tandem.app.demo.GenerateCommand;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

@SpringBootApplication(scanBasePackages = {"io.tandem.app", "io.tandem.metrics"})
@EntityScan("io.tandem.domain")
@EnableJpaRepositories("io.tandem.domain")
public class TandemApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("generate")) {
            int status = GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
            System.exit(status);
        }
        SpringApplication.run(TandemApplication.class, args);
        OutOfMemoryExit.install(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /**
     * The system clock, or with {@code tandem.clock.today} (an ISO date) one that starts at that
     * day's midnight UTC and runs on from there: the demo company and every default range then
     * follow that day, whatever day it really is (tests pin it; a demo can be shown as of a day).
     */
    @Bean
    Clock clock(@Value("${tandem.clock.today:}") String today) {
        return clockStartingOn(today, Clock.systemUTC());
    }

    static Clock clockStartingOn(String today, Clock system) {
        if (today == null || today.isBlank()) {
            return system;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(today.trim());
        } catch (DateTimeParseException e) {
            day = null;
        }
        if (day == null || day.getYear() < 1900 || day.getYear() > 2999) {
            throw new IllegalArgumentException("tandem.clock.today must be a date like 2026-11-24 in the years 1900"
                    + " to 2999, not '" + today + "'");
        }
        return Clock.offset(system, Duration.between(system.instant(), day.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /** Resolved once, so every user of it sees the same directory. */
    @Bean
    DataDirectory dataDirectory(@Value("${tandem.data-dir}") Path path) {
        return new DataDirectory(path.toAbsolutePath().normalize());
    }
}

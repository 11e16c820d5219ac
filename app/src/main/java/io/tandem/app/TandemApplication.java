package io.tandem.app;

import io.tandem.app.db.DataDirectory;
import io.tandem.app.demo.GenerateCommand;
import java.nio.file.Path;
import java.time.Clock;
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
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Resolved once, so every user of it sees the same directory. */
    @Bean
    DataDirectory dataDirectory(@Value("${tandem.data-dir}") Path path) {
        return new DataDirectory(path.toAbsolutePath().normalize());
    }
}

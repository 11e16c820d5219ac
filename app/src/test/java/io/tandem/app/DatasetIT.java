package io.tandem.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole app on a random port on its own embedded PostgreSQL in a fresh temporary directory, without demo
 * data, for a test that writes a small dataset of its own (with {@link Dataset}, in a {@code @BeforeAll}: one
 * test instance for the class).
 *
 * <p>Each dataset needs its own context and database, and contexts are cached by their configuration: so the
 * test class names its dataset with {@code @TestPropertySource(properties = "tandem.test.dataset=<name>")}.
 * Nothing reads the property; a different value is a different context. Classes that name the same dataset
 * share one context and its data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "tandem.data-dir=${java.io.tmpdir}/tandem-it/${random.uuid}",
                "tandem.embedded.clean=true",
                "tandem.demo.load=false"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public @interface DatasetIT {
}

package io.tandem.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Browser;
import io.tandem.app.Http;
import io.tandem.app.TandemApplication;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * When a request needs longer than the statement timeout, the page says the database is busy (503 with
 * Retry-After), and so does the API, instead of a 500. Here a transaction holds the tickets table locked
 * while the support dashboard is asked for, with a timeout of 1 s.
 */
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "tandem.data-dir=${java.io.tmpdir}/tandem-it/${random.uuid}",
                "tandem.embedded.clean=true",
                "tandem.demo.load=false",
                "tandem.db.statement-timeout=1s"})
class BusyPageBrowserIT extends Browser {

    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    DataSource dataSource;

    @Test
    void aDashboardThatRunsOutOfTimeShowsTheBusyPage() throws Exception {
        TestUsers.ensureAdmin(users, encoder);
        signIn(TestUsers.ADMIN, TestUsers.PASSWORD);
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("lock table tickets in access exclusive mode");
            }

            HttpResponse<String> api = Http.api(port, "GET", "/api/metrics/support/response-vs-volume", null, null,
                    TestUsers.ADMIN, TestUsers.PASSWORD);
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).hasValue("10");

            for (int width : new int[] {1280, 390}) {
                driver.manage().window().setSize(new Dimension(width, 900));
                open("/support");
                assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Taking longer than allowed");
                assertThat(driver.findElement(By.cssSelector("main")).getText())
                        .contains("The database is busy", "try again in a moment");
                screenshot("busy-503-" + width);
            }
            // the browser logs the 503 itself as a failed load, and nothing else
            assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                    .allSatisfy(e -> assertThat(e.getMessage()).contains("/support", "status of 503"));
            lock.rollback();
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }

        // once the lock is gone, the same page answers
        open("/support");
        assertThat(driver.findElements(By.cssSelector("main.error-page"))).isEmpty();
    }
}

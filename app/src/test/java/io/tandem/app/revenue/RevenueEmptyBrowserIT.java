package io.tandem.app.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Browser;
import io.tandem.app.DatasetIT;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/** On an empty database the dashboards show a helpful empty state, not errors (issue 6). */
@DatasetIT
@TestPropertySource(properties = "tandem.test.dataset=empty")
class RevenueEmptyBrowserIT extends Browser {

    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void admin() {
        TestUsers.ensureAdmin(users, encoder);
    }

    @ParameterizedTest
    @ValueSource(strings = {"revenue", "growth", "support", "happiness"})
    void anEmptyDatabaseShowsTheWayToImport(String page) throws Exception {
        signIn(TestUsers.ADMIN, TestUsers.PASSWORD);
        for (int width : new int[] {1280, 390}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            open("/" + page);
            assertThat(driver.findElement(By.id("empty-state")).getText()).contains("No data yet", "Import");
            assertThat(driver.findElements(By.cssSelector("canvas"))).isEmpty();
            long overflow = (Long) driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0);
            screenshot(page + "-empty-" + width);
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
    }
}

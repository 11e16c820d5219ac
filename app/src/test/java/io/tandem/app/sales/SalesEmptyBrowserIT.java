package io.tandem.app.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Browser;
import io.tandem.app.DatasetIT;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * On an empty database the Sales quality page shows the way to import, not errors. Same properties as
 * RevenueEmptyBrowserIT, so both share one empty context.
 */
@DatasetIT
@TestPropertySource(properties = "tandem.test.dataset=empty")
class SalesEmptyBrowserIT extends Browser {

    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void admin() {
        TestUsers.ensureAdmin(users, encoder);
    }

    @Test
    void anEmptyDatabaseShowsTheWayToImport() throws Exception {
        signIn(TestUsers.ADMIN, TestUsers.PASSWORD);
        for (int width : new int[] {1280, 390}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            open("/sales");
            assertThat(driver.findElement(By.id("empty-state")).getText()).contains("No data yet", "Import");
            assertThat(driver.findElements(By.cssSelector("canvas"))).isEmpty();
            long overflow = (Long) driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0);
            screenshot("sales-empty-" + width);
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
    }
}

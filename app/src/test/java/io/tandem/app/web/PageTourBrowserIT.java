package io.tandem.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Browser;
import io.tandem.app.TandemIT;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every page at laptop and phone width: it renders without console errors and without a page
 * wider than the screen. Screenshots land in app/target/screenshots for a person to look at.
 */
@TandemIT
class PageTourBrowserIT extends Browser {

    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void admin() {
        TestUsers.ensureAdmin(users, encoder);
    }

    @ParameterizedTest
    @CsvSource({
            "test-admin, /, home",
            "test-admin, /admin, admin-users",
            "test-admin, /admin/settings, admin-settings",
            "test-admin, /admin/audit, admin-audit",
            "test-admin, /reps, reps",
            "test-admin, /reps/R001, rep",
            "test-admin, /profile, profile",
            "test-admin, /profile/password, password",
            "test-admin, /support, support",
            "test-admin, /support/tickets?rep=R001, support-tickets-rep",
            "test-admin, /happiness, happiness",
            "morgan, /support, support-as-rep",
            "morgan, /happiness, happiness-as-rep",
            "test-admin, /import, import",
            "test-admin, /revenue, revenue",
            "test-admin, /revenue/cohort?cohort=2025-01&age=3, revenue-cohort",
            "test-admin, /growth, growth",
            "test-admin, /sales, sales",
            "morgan, /revenue, revenue-as-rep",
            "morgan, /growth, growth-as-rep",
            "morgan, /sales, sales-as-rep",
            "morgan, /reps/R001, rep-own"})
    void pageFitsLaptopAndPhone(String user, String path, String name) throws Exception {
        signIn(user, TestUsers.PASSWORD);
        for (int width : new int[] {1280, 390}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            open(path);
            waitForCards();
            assertThat(driver.getTitle()).endsWith("Tandem");
            long overflow = (Long) driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as(path + " wider than a " + width + " px screen").isLessThanOrEqualTo(0);
            screenshot(name + "-" + width);
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
    }
}

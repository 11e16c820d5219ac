package io.tandem.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Browser;
import io.tandem.app.Http;
import io.tandem.app.TandemIT;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.users.AppUserRepository;
import io.tandem.domain.users.UserRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What an admin changes about a user takes effect in the browser session that user already has
 * open, on its very next request (issue 14): demoted, rebound to another rep, disabled, password reset.
 * The admin works in a session of its own, as on another computer.
 */
@TandemIT
class SessionBrowserIT extends Browser {

    private static final String PASSWORD = "a-long-browser-password";

    @Autowired
    AppUserRepository users;
    @Autowired
    RepRepository reps;
    @Autowired
    PasswordEncoder encoder;
    Http.Session admin;

    @BeforeEach
    void signInTheAdmin() {
        TestUsers.ensureAdmin(users, encoder);
        admin = Http.login(port, TestUsers.ADMIN, TestUsers.PASSWORD);
    }

    private long userSignedInHere(String name, UserRole role, String rep) {
        long id = TestUsers.withPassword(users, reps, encoder, name, role, rep, PASSWORD);
        signIn(name, PASSWORD);
        return id;
    }

    private void adminSets(long id, String form) {
        assertThat(admin.post("/admin/users/" + id, form).statusCode()).isEqualTo(302);
    }

    private String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** Where the navigation's "My scorecard" leads now. */
    private String myScorecard() {
        driver.findElement(By.linkText("My scorecard")).click();
        return driver.getCurrentUrl();
    }

    /** The browser logs each refused request as an error; these are the refusals the test expects. */
    private void onlyRefusalsLogged() {
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .allSatisfy(e -> assertThat(e.getMessage()).contains("status of 403"));
    }

    /** The status of a download started from this page, with the page's own cookies. */
    private long statusOf(String path) {
        return (Long) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status));", path);
    }

    @Test
    void aDemotedManagerCannotOpenAnotherRepOrDownloadTheirTicketsFromTheOpenSession() {
        long id = userSignedInHere("browser-demoted", UserRole.MANAGER, null);
        open("/reps/R002");
        assertThat(heading()).isEqualTo("Jamie Fox");
        assertThat(statusOf("/support/tickets.csv?rep=R002")).isEqualTo(200);

        adminSets(id, "role=REP&rep=R001&enabled=true");

        open("/reps/R002");
        assertThat(heading()).isNotEqualTo("Jamie Fox");
        assertThat(driver.getPageSource()).doesNotContain("Jamie Fox");
        assertThat(statusOf("/support/tickets.csv?rep=R002")).isEqualTo(403);
        onlyRefusalsLogged();
        open("/reps/R001");
        assertThat(heading()).as("now their own scorecard").isEqualTo("Morgan Hale");
        assertThat(myScorecard()).endsWith("/reps/R001");
    }

    @Test
    void aRepReboundToAnotherRepSeesTheNewScorecardOnTheNextPage() {
        long id = userSignedInHere("browser-rebound", UserRole.REP, "R001");
        assertThat(driver.getCurrentUrl()).endsWith("/reps/R001");

        adminSets(id, "role=REP&rep=R002&enabled=true");

        open("/reps/R002");
        assertThat(heading()).isEqualTo("Jamie Fox");
        assertThat(myScorecard()).endsWith("/reps/R002");
        open("/reps/R001");
        assertThat(driver.getPageSource()).doesNotContain("Morgan Hale");
        onlyRefusalsLogged();
    }

    @Test
    void aDisabledUserIsSignedOutOnTheNextPageAndToldWhy() throws Exception {
        long id = userSignedInHere("browser-disabled", UserRole.MANAGER, null);
        open("/revenue");
        assertThat(driver.getCurrentUrl()).endsWith("/revenue");
        // the page's cards have all answered: none is still on its way to meet the change first
        waitForCards();

        adminSets(id, "role=MANAGER&rep=");

        open("/revenue");
        assertThat(driver.getCurrentUrl()).endsWith("/login?changed");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("You were signed out because your account was changed");
        screenshot("signed-out-account-changed");
        open("/support");
        assertThat(driver.getCurrentUrl()).as("the session is gone").contains("/login");
    }

    @Test
    void aPasswordResetByAnAdminSignsTheOpenSessionOut() {
        long id = userSignedInHere("browser-reset", UserRole.MANAGER, null);
        open("/support");
        assertThat(driver.getCurrentUrl()).endsWith("/support");
        // the page's cards have all answered: none is still on its way to meet the change first
        waitForCards();

        assertThat(admin.post("/admin/users/" + id + "/password", "").statusCode()).isEqualTo(302);

        open("/support");
        assertThat(driver.getCurrentUrl()).endsWith("/login?changed");
    }
}

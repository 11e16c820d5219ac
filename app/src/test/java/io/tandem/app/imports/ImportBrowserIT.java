package io.tandem.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Browser;
import io.tandem.app.EmptyTandemIT;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** An admin tries a bad file, reads the errors, then dry-runs and imports a good one. */
@EmptyTandemIT
class ImportBrowserIT extends Browser {

    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path files;

    @BeforeEach
    void admin() {
        TestUsers.ensureAdmin(users, encoder);
        ImportTesting.emptyAllData(jdbc);
    }

    @Test
    void dryRunShowsTheErrorsThenAGoodFileIsConfirmedAndAppearsInTheHistory() throws Exception {
        Path bad = Files.writeString(files.resolve("reps-bad.csv"),
                "external_id,name,team,role\nR1,Ana,Support,support\nR2,Bo,Sales,janitor\n");
        Path good = Files.write(files.resolve("reps.csv"), ImportTesting.resource("good/reps.csv"));
        signIn(TestUsers.ADMIN, TestUsers.PASSWORD);
        open("/import");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

        driver.findElement(By.id("file")).sendKeys(bad.toString());
        driver.findElement(By.id("dry-run")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result table.errors")));
        assertThat(driver.findElement(By.cssSelector("#result table.errors")).getText())
                .contains("3", "role", "janitor", "is not one of support, sales, success, manager");
        assertThat(driver.findElement(By.id("confirm")).isEnabled()).as("strict and rejected: nothing to confirm").isFalse();
        screenshot("import-dry-run-errors");

        driver.findElement(By.id("file")).clear();
        driver.findElement(By.id("file")).sendKeys(good.toString());
        driver.findElement(By.id("dry-run")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "Dry run: nothing was written"));
        assertThat(driver.findElement(By.cssSelector("#result .count-insert")).getText()).isEqualTo("2");
        assertThat(jdbc.sql("select count(*) from reps").query(Long.class).single()).isZero();

        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "Imported."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "reps.csv"));
        assertThat(driver.findElement(By.id("history")).getText()).contains("succeeded", "reps-bad.csv");
        assertThat(jdbc.sql("select count(*) from reps").query(Long.class).single()).isEqualTo(2);
        screenshot("import-done");
    }
}

package io.tandem.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Browser;
import io.tandem.app.TandemIT;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

@TandemIT
class SignInBrowserIT extends Browser {

    private List<String> navigation() {
        return driver.findElements(By.cssSelector("header nav a")).stream().map(WebElement::getText).toList();
    }

    @Test
    void aRepSeesTheirOwnScorecardAndNoAdminLinks() throws Exception {
        signIn(TestUsers.REP, TestUsers.PASSWORD);

        assertThat(driver.getCurrentUrl()).endsWith("/reps/R001");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Morgan Hale");
        assertThat(navigation()).contains("My scorecard").doesNotContain("Scorecards", "Import", "Admin");
        assertThat(driver.findElements(By.cssSelector(".rep-switch"))).as("no way to other reps").isEmpty();
        // the balanced scorecard: four rows, each with filled figures, team medians and trends (its card)
        waitForCards();
        assertThat(driver.findElements(By.cssSelector(".scorecard-row h2"))).extracting(WebElement::getText)
                .containsExactly("Volume", "Speed", "Quality in context", "Outcome");
        for (String figure : List.of("customersHelped", "tickets", "medianFrtMinutes", "happiness", "gap", "logoRetention")) {
            WebElement card = driver.findElement(By.id("figure-" + figure));
            assertThat(card.findElement(By.cssSelector(".figure")).getText()).as(figure).isNotEqualTo("—");
            assertThat(card.getText()).as(figure).contains("Team median:");
        }
        assertThat(driver.findElements(By.cssSelector("#row-volume svg.sparkline polyline"))).isNotEmpty();
        screenshot("rep-scorecard");
    }

    @Test
    void aManagerSeesTheTeamPagesAndEveryRep() {
        signIn(TestUsers.MANAGER, TestUsers.PASSWORD);

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
        assertThat(navigation()).contains("Revenue & retention", "Support", "Happiness", "Sales quality", "Growth",
                "Scorecards").doesNotContain("Import", "Admin", "My scorecard");
        driver.findElement(By.linkText("Scorecards")).click();
        driver.findElement(By.linkText("Riley Chase")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Riley Chase");
    }

    @Test
    void aWrongPasswordSaysSoOnTheLoginPage() throws Exception {
        signIn(TestUsers.MANAGER, "not-the-password");

        assertThat(driver.getCurrentUrl()).contains("/login?error");
        assertThat(driver.findElement(By.cssSelector(".alert.error")).getText())
                .contains("user name and password do not match");
        assertThat(driver.findElement(By.id("demo-users")).getText()).contains("dana", "morgan", "tandem-demo");
        screenshot("login-failed");
    }
}

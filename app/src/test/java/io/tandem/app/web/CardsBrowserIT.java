package io.tandem.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Browser;
import io.tandem.app.TandemIT;
import io.tandem.app.security.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A dashboard never waits for its slowest card (issue 16): the page is a shell of placeholders, each with
 * its heading and "?", then each card arrives on its own; a card that fails says so in its own place and
 * loads with "Try again", while the others are unaffected. Chromium's DevTools hold back or block the
 * card requests, so the server stays as it is.
 */
@TandemIT
class CardsBrowserIT extends Browser {

    @AfterEach
    void normalNetwork() {
        network("Network.setBlockedURLs", Map.of("urls", List.of()));
        network("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    void theShellShowsAPlaceholderPerCardThenEachCardInItsPlace() throws Exception {
        signIn(TestUsers.MANAGER, TestUsers.PASSWORD);
        // every answer takes a second and a half longer: the cards are asked for once the shell is there
        network("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 1500,
                "downloadThroughput", -1, "uploadThroughput", -1));
        open("/revenue");

        List<WebElement> placeholders = driver.findElements(By.cssSelector("[data-card][aria-busy=true]"));
        assertThat(placeholders).extracting(p -> p.getAttribute("id"))
                .containsExactly("movements", "churn", "retention", "cohorts", "arpu", "segments", "indicators");
        WebElement cohorts = driver.findElement(By.id("cohorts"));
        assertThat(cohorts.findElement(By.tagName("h2")).getText()).contains("cohort");
        assertThat(cohorts.findElement(By.cssSelector("[data-card-loading]")).isDisplayed()).isTrue();
        assertThat(cohorts.getSize().getHeight()).as("the placeholder keeps room for the card").isGreaterThan(300);
        cohorts.findElement(By.cssSelector("button.help")).click();
        assertThat(driver.findElement(By.id("cohorts-definition")).isDisplayed()).isTrue();
        screenshot("revenue-placeholders");

        waitForCharts(4);
        assertThat(driver.findElements(By.cssSelector("[aria-busy]"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#cohorts-table tbody tr"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#movements-table tbody tr"))).hasSize(12);
        assertChartsHavePixels();
    }

    @Test
    void aCardThatFailsSaysSoInItsPlaceAndLoadsWithTryAgain() throws Exception {
        signIn(TestUsers.MANAGER, TestUsers.PASSWORD);
        network("Network.setBlockedURLs", Map.of("urls", List.of("*/support/cards/contact*")));
        open("/support");

        WebElement contact = driver.findElement(By.id("contact"));
        WebElement error = contact.findElement(By.cssSelector("[data-card-error]"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> error.isDisplayed());
        assertThat(contact.getText()).contains("Contact rate", "This card could not be loaded.", "Try again")
                .doesNotContain("Loading");
        assertThat(contact.getAttribute("aria-busy")).isEqualTo("false");
        // the other cards are there, charts and all
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector("canvas[data-rendered=true]")).size() >= 2);
        assertThat(driver.findElements(By.cssSelector("[data-card]"))).hasSize(1);
        assertThat(driver.findElement(By.id("elasticity")).getText()).contains("per +10% volume");
        assertThat(driver.findElement(By.id("load")).getText()).contains("Morgan Hale");
        screenshot("support-card-failed");

        network("Network.setBlockedURLs", Map.of("urls", List.of()));
        contact.findElement(By.cssSelector("[data-card-retry]")).click();
        waitForCharts(3);
        assertThat(driver.findElements(By.cssSelector("#contact-table tbody tr"))).hasSize(12);
        assertThat(driver.findElement(By.id("contact")).getText()).doesNotContain("could not be loaded");

        // the browser logged the blocked request, and nothing else
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .allSatisfy(e -> assertThat(e.getMessage()).contains("/support/cards/contact"));
    }

    private static void network(String command, Map<String, Object> parameters) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand(command, parameters);
    }
}

package io.tandem.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Browser;
import io.tandem.app.TandemIT;
import io.tandem.app.security.TestUsers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A dashboard never waits for its slowest card (issue 16): the page is a shell of placeholders, each with
 * its heading and "?", then each card arrives on its own; a card that fails says so in its own place and
 * loads with "Try again", while the others are unaffected. Chromium holds the card requests (DevTools Fetch
 * domain) until the test answers each, so what the page shows in between does not depend on timing, and the
 * server stays as it is.
 */
@TandemIT
class CardsBrowserIT extends Browser {

    private static final List<String> REVENUE_CARDS =
            List.of("movements", "churn", "retention", "cohorts", "arpu", "segments", "indicators");

    private HeldRequests held;

    @AfterEach
    void releaseEverything() {
        if (held != null) {
            held.close();
            held = null;
        }
    }

    @Test
    void theShellComesFirstWithAPlaceholderPerCardAndTheSlowestCardHoldsBackNoOther() throws Exception {
        signIn(TestUsers.MANAGER, TestUsers.PASSWORD);
        held = new HeldRequests("*/revenue/cards/*");
        open("/revenue");

        // the page has loaded while no card has been answered: each card is a placeholder with its heading
        assertThat(driver.executeScript("return document.readyState")).isEqualTo("complete");
        List<WebElement> placeholders = driver.findElements(By.cssSelector("[data-card][aria-busy=true]"));
        assertThat(placeholders).extracting(p -> p.getAttribute("id")).containsExactlyElementsOf(REVENUE_CARDS);
        WebElement cohorts = driver.findElement(By.id("cohorts"));
        assertThat(cohorts.findElement(By.tagName("h2")).getText()).contains("cohort");
        assertThat(cohorts.findElement(By.cssSelector("[data-card-loading]")).isDisplayed()).isTrue();
        assertThat(cohorts.findElement(By.cssSelector("[data-card-error]")).isDisplayed()).isFalse();
        assertThat(cohorts.getSize().getHeight()).as("the placeholder keeps room for the card").isGreaterThan(300);
        cohorts.findElement(By.cssSelector("button.help")).click();
        assertThat(driver.findElement(By.id("cohorts-definition")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector("table, canvas"))).as("no figure before its card").isEmpty();
        screenshot("revenue-placeholders");

        // every card is asked for at once: all seven requests are out while none has an answer
        for (String card : REVENUE_CARDS) {
            held.awaitRequest("/revenue/cards/" + card);
        }

        // the slowest card (cohorts, still held) keeps none of the others from showing, charts and all
        REVENUE_CARDS.stream().filter(card -> !card.equals("cohorts"))
                .forEach(card -> held.release("/revenue/cards/" + card));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector("[data-card]")).size() == 1
                        && d.findElements(By.cssSelector("canvas[data-rendered=true]")).size() >= 3);
        assertThat(driver.findElements(By.cssSelector("#movements-table tbody tr"))).hasSize(12);
        assertThat(driver.findElement(By.id("segments-table")).getText()).contains("11+");
        assertThat(driver.findElement(By.id("cohorts")).getAttribute("aria-busy")).isEqualTo("true");
        assertThat(driver.findElement(By.cssSelector("#cohorts [data-card-loading]")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.id("cohorts-table"))).isEmpty();
        screenshot("revenue-cohorts-still-loading");

        held.release("/revenue/cards/cohorts");
        waitForCharts(4);
        assertThat(driver.findElements(By.cssSelector("[aria-busy]"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#cohorts-table tbody tr"))).isNotEmpty();
        assertChartsHavePixels();
    }

    @Test
    void aCardThatFailsSaysSoInItsPlaceOnlyAndLoadsWithTryAgain() throws Exception {
        signIn(TestUsers.MANAGER, TestUsers.PASSWORD);
        held = new HeldRequests("*/support/cards/contact*");
        open("/support");

        // the server answers the contact card with an error: that card says so, the others are all there
        held.answerWithStatus("/support/cards/contact", 500);
        WebElement contact = driver.findElement(By.id("contact"));
        WebElement error = contact.findElement(By.cssSelector("[data-card-error]"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> error.isDisplayed());
        assertThat(contact.getText()).contains("Contact rate", "This card could not be loaded.", "Try again")
                .doesNotContain("Loading");
        assertThat(contact.getAttribute("aria-busy")).isEqualTo("false");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector("canvas[data-rendered=true]")).size() >= 2
                        && d.findElements(By.cssSelector("[data-card]")).size() == 1);
        assertThat(driver.findElements(By.cssSelector("[data-card-error]"))).hasSize(1);
        assertThat(driver.findElement(By.id("elasticity")).getText()).contains("per +10% volume");
        assertThat(driver.findElement(By.id("load")).getText()).contains("Morgan Hale");
        screenshot("support-card-failed");

        // "Try again" asks again: loading meanwhile; a network failure this time, still in its place
        contact.findElement(By.cssSelector("[data-card-retry]")).click();
        held.awaitRequest("/support/cards/contact");
        assertThat(contact.findElement(By.cssSelector("[data-card-loading]")).isDisplayed()).isTrue();
        assertThat(error.isDisplayed()).isFalse();
        assertThat(contact.getAttribute("aria-busy")).isEqualTo("true");
        held.failInTheNetwork("/support/cards/contact");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> error.isDisplayed());

        // a 503 (no connection free in time, or the statement timeout) says the database is busy
        contact.findElement(By.cssSelector("[data-card-retry]")).click();
        held.answerWithStatus("/support/cards/contact", 503);
        WebElement busy = contact.findElement(By.cssSelector("[data-card-busy]"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> error.isDisplayed() && busy.isDisplayed());
        assertThat(contact.findElement(By.cssSelector("[data-card-failed]")).isDisplayed()).isFalse();
        assertThat(busy.getText()).contains("The database is busy");

        // and once the card can be had, "Try again" shows it
        contact.findElement(By.cssSelector("[data-card-retry]")).click();
        held.release("/support/cards/contact");
        waitForCharts(3);
        assertThat(driver.findElements(By.cssSelector("#contact-table tbody tr"))).hasSize(12);
        assertThat(driver.findElement(By.id("contact")).getText()).doesNotContain("could not be loaded");

        // the failed requests are all the browser may complain of (whether Chromium logs them is its own
        // business): no script error on the way
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .allSatisfy(e -> assertThat(e.getMessage()).contains("/support/cards/contact"));
    }

    /**
     * The page's requests to URLs matching a pattern, held in Chromium (DevTools Fetch domain) until the test
     * lets one through, answers it with an error status, or fails it as the network would. Closing it lets
     * whatever is still held through.
     */
    private static final class HeldRequests implements AutoCloseable {

        private final DevTools devTools = driver.getDevTools();
        private final Map<String, BlockingQueue<String>> byPath = new ConcurrentHashMap<>();

        @SuppressWarnings("unchecked")
        HeldRequests(String urlPattern) {
            devTools.createSessionIfThereIsNotOne();
            devTools.addListener(new Event<Map<String, Object>>("Fetch.requestPaused", in -> in.read(Map.class)),
                    paused -> {
                        String url = (String) ((Map<String, Object>) paused.get("request")).get("url");
                        queue(URI.create(url).getPath()).add((String) paused.get("requestId"));
                    });
            devTools.send(new Command<Void>("Fetch.enable",
                    Map.of("patterns", List.of(Map.of("urlPattern", urlPattern, "requestStage", "Request")))));
        }

        /** Waits until the page has asked for this path (and has no answer yet). */
        void awaitRequest(String path) {
            String id = take(path);
            queue(path).add(id);
        }

        void release(String path) {
            devTools.send(new Command<Void>("Fetch.continueRequest", Map.of("requestId", take(path))));
        }

        void answerWithStatus(String path, int status) {
            devTools.send(new Command<Void>("Fetch.fulfillRequest", Map.of("requestId", take(path),
                    "responseCode", status,
                    "responseHeaders", List.of(Map.of("name", "Content-Type", "value", "text/html")),
                    "body", Base64.getEncoder().encodeToString(
                            "<main>Something went wrong</main>".getBytes(StandardCharsets.UTF_8)))));
        }

        void failInTheNetwork(String path) {
            devTools.send(new Command<Void>("Fetch.failRequest",
                    Map.of("requestId", take(path), "errorReason", "ConnectionRefused")));
        }

        private BlockingQueue<String> queue(String path) {
            return byPath.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
        }

        private String take(String path) {
            try {
                String id = queue(path).poll(20, TimeUnit.SECONDS);
                assertThat(id).as("a request for " + path).isNotNull();
                return id;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            devTools.clearListeners();
            devTools.send(new Command<Void>("Fetch.disable", Map.of()));
        }
    }
}

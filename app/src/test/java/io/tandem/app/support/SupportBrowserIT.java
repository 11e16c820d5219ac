package io.tandem.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Browser;
import io.tandem.app.TandemIT;
import io.tandem.app.security.TestUsers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Support and Happiness journeys of a manager on demo data, and what a rep sees (issue 7, browser tests). */
@TandemIT
class SupportBrowserIT extends Browser {

    @Test
    void managerReadsSupportDrillsIntoARepAndDownloadsTheTickets() throws Exception {
        signIn(TestUsers.MANAGER, TestUsers.PASSWORD);
        open("/support");
        assertThat(driver.getTitle()).startsWith("Support");
        waitForCharts(3);
        assertChartsHavePixels();
        assertThat(driver.findElement(By.id("elasticity")).getText()).contains("per +10% volume", "full weeks");
        assertThat(driver.findElement(By.id("load")).getText()).contains("Morgan Hale");
        fullScreenshot("support-demo");

        // the rep's row opens the tickets behind the figure
        WebElement morgan = driver.findElement(By.linkText("Morgan Hale"));
        String tickets = morgan.findElement(By.xpath("ancestor::tr/td[1]")).getText();
        morgan.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("/support/tickets?"));
        assertThat(driver.getCurrentUrl()).contains("rep=R001");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("R001");
        assertThat(driver.findElement(By.id("tickets-summary")).getText().replace(",", "")).contains("of " + tickets);
        List<WebElement> rows = driver.findElements(By.cssSelector("#tickets-table tbody tr"));
        assertThat(rows).hasSize(Math.min(50, Integer.parseInt(tickets)));
        screenshot("support-tickets-rep");

        // the next page (Morgan has more than one on demo data), then the CSV of the whole selection
        assertThat(Integer.parseInt(tickets)).isGreaterThan(50);
        driver.findElement(By.id("next-page")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("offset=50"));
        assertThat(driver.findElement(By.id("previous-page")).isDisplayed()).isTrue();
        String href = driver.findElement(By.cssSelector("a.csv")).getAttribute("href");
        HttpResponse<String> csv = download(href);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.body().lines().findFirst()).contains("externalId,openedAt,firstResponseMinutes,replies,tier,rep,customer");
        assertThat(csv.body().lines().count()).isEqualTo(Long.parseLong(tickets) + 1);

        // a week of the weekly table opens its tickets
        open("/support");
        waitForCharts(3);
        driver.findElement(By.cssSelector("#volume details.data summary")).click();
        WebElement week = driver.findElement(By.cssSelector("#weeks-table tbody tr:nth-child(3) th a"));
        String label = week.getText();
        week.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("week=" + label));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(label);
    }

    @Test
    void managerReadsHappinessInContext() throws Exception {
        signIn(TestUsers.MANAGER, TestUsers.PASSWORD);
        open("/happiness");
        assertThat(driver.getTitle()).startsWith("Happiness");
        waitForCharts(2);
        assertChartsHavePixels();
        assertThat(driver.findElement(By.id("why")).getText()).contains("expected");
        String table = driver.findElement(By.id("happiness-reps-table")).getText();
        assertThat(table).contains("Morgan Hale", "Expected", "Gap", "Hard share");
        // a low-sample rep's gap is never coloured
        assertThat(driver.findElements(By.cssSelector("tr.low-sample-row td.gap.good, tr.low-sample-row td.gap.bad")))
                .isEmpty();
        fullScreenshot("happiness-demo");
    }

    @Test
    void aRepSeesOtherRepsWithoutNames() throws Exception {
        signIn(TestUsers.REP, TestUsers.PASSWORD);
        open("/support");
        waitForCharts(3);
        String reps = driver.findElement(By.id("reps-table")).getText();
        assertThat(reps).contains("Morgan Hale").containsPattern("Rep [0-9A-Z]{6}").doesNotContain("Jamie Fox");
        // only their own row drills down
        assertThat(driver.findElements(By.cssSelector("#reps-table tbody a"))).hasSize(1);
        fullScreenshot("support-rep");
        open("/happiness");
        waitForCharts(2);
        assertThat(driver.findElement(By.id("happiness-reps-table")).getText()).containsPattern("Rep [0-9A-Z]{6}").doesNotContain("Jamie Fox");
        open("/support/tickets?rep=R002");
        assertThat(driver.findElement(By.cssSelector(".alert.error")).getText()).contains("without their names");
    }
}

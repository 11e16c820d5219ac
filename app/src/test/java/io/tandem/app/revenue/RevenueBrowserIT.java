package io.tandem.app.revenue;

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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Revenue &amp; retention journey of a manager on demo data (issue 6, browser tests). */
@TandemIT
class RevenueBrowserIT extends Browser {

    @Test
    void managerChangesTheRangeDrillsIntoACohortCellAndDownloadsACsv() throws Exception {
        signIn(TestUsers.MANAGER, TestUsers.PASSWORD);
        open("/revenue");
        assertThat(driver.getTitle()).startsWith("Revenue & retention");
        waitForCharts(4);
        assertChartsHavePixels();
        fullScreenshot("revenue-demo");

        // a preset changes the URL (shareable) and the months shown
        new Select(driver.findElement(By.id("range"))).selectByValue("3m");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("range=3m"));
        waitForCharts(4);
        assertThat(driver.findElements(By.cssSelector("#movements-table tbody tr"))).hasSize(3);
        assertThat(driver.getCurrentUrl()).doesNotContain("from=");

        // back restores the previous view
        driver.navigate().back();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("range=3m"));
        waitForCharts(4);
        assertThat(driver.findElements(By.cssSelector("#movements-table tbody tr"))).hasSize(12);

        // the "?" shows the definition
        WebElement help = driver.findElement(By.cssSelector("#cohorts .help"));
        assertThat(driver.findElement(By.id("cohorts-definition")).isDisplayed()).isFalse();
        help.click();
        assertThat(driver.findElement(By.id("cohorts-definition")).isDisplayed()).isTrue();

        // a cohort cell opens the accounts behind it
        WebElement cell = driver.findElement(By.cssSelector("#cohorts-table tbody tr:nth-child(2) td.cell:nth-of-type(4) a"));
        String percent = cell.getText();
        cell.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("/revenue/cohort?"));
        assertThat(driver.getCurrentUrl()).contains("age=2");
        List<WebElement> accounts = driver.findElements(By.cssSelector("#cohort-accounts-table tbody tr"));
        long active = driver.findElements(By.cssSelector("#cohort-accounts-table tbody tr:not(.inactive)")).size();
        assertThat(accounts).isNotEmpty();
        assertThat(Math.round(100.0 * active / accounts.size())).isEqualTo(Long.parseLong(percent));
        screenshot("revenue-cohort-cell");

        // the CSV link downloads the same accounts, with the browser's session
        String href = driver.findElement(By.cssSelector("a.csv")).getAttribute("href");
        HttpResponse<String> csv = download(href);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition")).get().asString().contains("attachment");
        assertThat(csv.body().lines().findFirst()).contains("externalId,name,mrr,active,segment");
        assertThat(csv.body().lines().count()).isEqualTo(accounts.size() + 1);

        // a long cell is paged: the next page continues the list, the summary still counts the whole cell
        String summary = driver.findElement(By.id("cell-summary")).getText();
        open(new java.net.URI(driver.getCurrentUrl()).getRawPath() + "?" + new java.net.URI(driver.getCurrentUrl())
                .getRawQuery() + "&limit=5");
        assertThat(driver.findElements(By.cssSelector("#cohort-accounts-table tbody tr"))).hasSize(5);
        assertThat(driver.findElement(By.id("cell-page")).getText()).isEqualTo("Accounts 1 to 5 of " + accounts.size() + ".");
        driver.findElement(By.id("next-page")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("offset=5"));
        assertThat(driver.findElement(By.id("cell-page")).getText()).startsWith("Accounts 6 to ");
        assertThat(driver.findElement(By.id("cell-summary")).getText()).isEqualTo(summary);
        assertThat(driver.findElement(By.cssSelector("#cohort-accounts-table tbody tr td")).getText())
                .isEqualTo(accounts.size() > 5 ? csv.body().lines().skip(6).findFirst().orElseThrow().split(",")[0] : "");
        screenshot("revenue-cohort-cell-page-2");
    }

    @Test
    void customDatesGoInTheUrlAndTheGrowthPageDrawsItsChart() throws Exception {
        signIn(TestUsers.MANAGER, TestUsers.PASSWORD);
        open("/revenue?from=2025-01-01&to=2025-06-30&segment=11%2B");
        waitForCharts(4);
        assertThat(new Select(driver.findElement(By.id("range"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("custom");
        assertThat(driver.findElement(By.id("from")).isDisplayed()).isTrue();
        assertThat(new Select(driver.findElement(By.id("segment"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("11+");
        screenshot("revenue-custom-11plus");

        open("/growth");
        waitForCharts(1);
        assertChartsHavePixels();
        assertThat(driver.findElement(By.id("high-touch-table")).getText()).doesNotContainPattern("Rep [0-9A-Z]{6}");
        fullScreenshot("growth-demo");
    }

    @Test
    void aRepSeesOtherHighTouchRepsWithoutNames() throws Exception {
        signIn(TestUsers.REP, TestUsers.PASSWORD);
        open("/growth");
        waitForCharts(1);
        assertThat(driver.findElement(By.id("high-touch-table")).getText()).containsPattern("Rep [0-9A-Z]{6}");
        fullScreenshot("growth-rep");
    }
}

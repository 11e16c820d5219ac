package io.tandem.app.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Browser;
import io.tandem.app.TandemIT;
import io.tandem.app.security.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/** The Sales quality page of a manager, and of a rep, on demo data (issue 8, browser tests). */
@TandemIT
class SalesBrowserIT extends Browser {

    @Test
    void managerSeesTheBigBookerAgainstRetentionAndTheSupportSourcedDeals() throws Exception {
        signIn(TestUsers.MANAGER, TestUsers.PASSWORD);
        open("/sales");
        assertThat(driver.getTitle()).startsWith("Sales quality");
        waitForCharts(1);
        assertChartsHavePixels();

        // Riley Chase books the most: the first row
        WebElement first = driver.findElement(By.cssSelector("#reps-table tbody tr:first-child"));
        assertThat(first.findElement(By.cssSelector("th")).getText()).isEqualTo("Riley Chase");
        assertThat(first.getText()).contains("n = ");

        // a column's "?" shows its definition
        assertThat(driver.findElement(By.id("col-retention-definition")).isDisplayed()).isFalse();
        driver.findElement(By.cssSelector("#reps-table th [aria-controls=col-retention-definition]")).click();
        assertThat(driver.findElement(By.id("col-retention-definition")).isDisplayed()).isTrue();

        // support-sourced deals with their tickets
        assertThat(driver.findElements(By.cssSelector("#support-table tbody tr"))).isNotEmpty();
        assertThat(driver.findElement(By.id("support-table")).getText()).contains("Riley Chase");
        assertThat(driver.findElement(By.id("support-deals")).getText()).isNotEqualTo("0");
        assertThat(driver.findElement(By.cssSelector("a.csv[href*='/sales/reps.csv']")).isDisplayed()).isTrue();
        fullScreenshot("sales-demo");

        driver.manage().window().setSize(new Dimension(390, 900));
        open("/sales");
        waitForCharts(1);
        screenshot("sales-demo-390");
        driver.manage().window().setSize(new Dimension(1280, 900));

        // a team without deals: each panel says so, no chart
        open("/sales?team=Support");
        waitForCards();
        assertThat(driver.findElement(By.cssSelector("#reps .empty-panel")).getText()).contains("Nothing in this range");
        assertThat(driver.findElement(By.cssSelector("#support-sourced .empty-panel")).getText())
                .contains("No support-sourced deals");
        assertThat(driver.findElements(By.cssSelector("canvas"))).isEmpty();
        screenshot("sales-team-without-deals");
    }

    @Test
    void aRepSeesOtherRepsWithoutNames() throws Exception {
        signIn(TestUsers.REP, TestUsers.PASSWORD);
        open("/sales");
        waitForCharts(1);
        String table = driver.findElement(By.id("reps-table")).getText();
        assertThat(table).containsPattern("Rep [0-9A-Z]{6}").doesNotContain("Riley Chase");
        assertThat(driver.findElement(By.id("support-table")).getText()).doesNotContain("Riley Chase");
        fullScreenshot("sales-rep");
    }
}

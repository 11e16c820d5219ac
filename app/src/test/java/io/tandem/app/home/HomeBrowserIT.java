package io.tandem.app.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Browser;
import io.tandem.app.TandemIT;
import io.tandem.app.security.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

@TandemIT
class HomeBrowserIT extends Browser {

    @BeforeEach
    void signInAsManager() {
        signIn(TestUsers.MANAGER, TestUsers.PASSWORD);
    }

    @Test
    void homeShowsTheHeadlineFiguresOfTheDemoCompany() throws Exception {
        open("/");
        waitForCards();

        assertThat(driver.getTitle()).contains("Overview");
        assertThat(figure("active-accounts")).matches("[1-9][0-9,]*");
        assertThat(figure("mrr")).matches("USD [1-9][0-9,]*");
        assertThat(figure("logo-churn")).matches("[0-9]+\\.[0-9]%");
        assertThat(figure("tickets-last-week")).matches("[1-9][0-9,]*");
        assertThat(driver.findElement(By.cssSelector(".banner.demo")).getText()).contains("demo data");
        screenshot("home");
    }

    @Test
    void theQuestionMarkShowsAFiguresDefinition() {
        open("/");
        waitForCards();
        WebElement card = driver.findElement(By.id("logo-churn"));
        WebElement definition = card.findElement(By.cssSelector(".definition"));
        assertThat(definition.isDisplayed()).isFalse();

        card.findElement(By.cssSelector("button.help")).click();

        assertThat(definition.isDisplayed()).isTrue();
        assertThat(definition.getText()).contains("divided by the accounts active");
    }

    @Test
    void navigationReachesEverySection() {
        open("/");
        driver.findElement(By.linkText("Support")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Support");
        driver.findElement(By.cssSelector(".brand")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
    }

    private String figure(String cardId) {
        return driver.findElement(By.cssSelector("#" + cardId + " .figure")).getText().trim();
    }
}

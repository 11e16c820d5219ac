package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of browser tests: Debian's headless Chromium driven by its chromedriver (nothing is
 * downloaded). Every test fails on a browser console error. Without Chromium the tests are
 * skipped with how to install it, except under CI=true, where they must run.
 */
public abstract class Browser {

    // Debian's paths; CI runners elsewhere point at theirs with these variables
    private static final String CHROMIUM = System.getenv().getOrDefault("TANDEM_CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER =
            System.getenv().getOrDefault("TANDEM_CHROMEDRIVER", "/usr/bin/chromedriver");
    protected static ChromeDriver driver;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed) {
            String how = "Browser tests need Debian's chromium and chromium-driver: "
                    + "sudo apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(how + " (CI=true: browser tests may not be skipped)");
            }
            Assumptions.abort(how);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterEach
    void noConsoleErrors() {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(severe).as("browser console errors").isEmpty();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /** Signs in through the login form (signing out first, so tests can switch users). */
    protected void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    protected void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Fetches what a link points at (an absolute URL) with the browser's session, as a download would. */
    protected HttpResponse<String> download(String href) {
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        return Http.send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session.getValue())
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until every card of a dashboard has loaded in its place (static/js/cards.js): no placeholder
     * left. Tests read a card's content only after this.
     */
    protected void waitForCards() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> (Boolean) driver.executeScript(
                "return document.readyState === 'complete' && !document.querySelector('[data-card]');"));
    }

    /** Waits for the cards, then for at least {@code count} charts drawn. */
    protected void waitForCharts(int count) {
        waitForCards();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector("canvas[data-rendered=true]")).size() >= count);
    }

    /** Every chart drew something: some pixel of its canvas is not transparent. */
    protected void assertChartsHavePixels() {
        Object blank = driver.executeScript("""
                return Array.from(document.querySelectorAll('canvas[data-chart]')).filter(c => {
                  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) return false; }
                  return true;
                }).length;""");
        assertThat(((Number) blank).intValue()).as("charts with no pixels").isZero();
    }

    /** A screenshot of the whole page at 1280 px, then back to the normal window. */
    protected void fullScreenshot(String name) throws Exception {
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 120, 8000)));
        screenshot(name);
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    protected Path screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}

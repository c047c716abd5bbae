package se.uppfoljning;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The one real-browser test: Debian's headless Chromium logs in and edits a comment. */
class BrowserEditTest extends AbstractIntegrationTest {

    @Autowired
    FollowUpService followUp;

    private WebDriver driver;

    @BeforeEach
    void startBrowser() throws Exception {
        testData.reset();
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1600,1400", "--lang=sv-SE",
                "--user-data-dir=" + profile.toAbsolutePath());
        // the console log, to prove the pages run under the Content-Security-Policy without a violation
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        signOut();
    }

    /** The policy the pages above were served with. */
    private static final class RawHttpHeaders {
        static String csp(int port) throws java.io.IOException {
            return RawHttp.send(port, "GET", "/login", null).header("content-security-policy");
        }
    }

    private void screenshot(String name) {
        try {
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(Path.of("target", "screenshots", name + ".png"), png);
        } catch (Exception e) {
            // a screenshot is a convenience for people reading the build output, never a reason to fail
        }
    }

    @Test
    void anOfficialLogsInAndEditsTheCommentOfTheirDepartmentsRow() throws Exception {
        signIn("tjansteperson");
        FollowUpRow row = followUp.overview("ks", "2024-dr2").rows().stream()
                .filter(r -> r.text().startsWith("Kommunen ska stärka sin grundläggande förmåga")).findFirst().orElseThrow();

        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get("http://localhost:" + port + "/");
        WebElement username = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        assertThat(driver.getPageSource()).contains("Logga in");
        username.sendKeys("tjansteperson");
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys("demo", Keys.ENTER);

        WebElement edit = wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-" + row.id())));
        assertThat(driver.findElement(By.id("current-user")).getText()).isEqualTo("Tove Tjänsteperson");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", edit);
        screenshot("overview");
        wait.until(ExpectedConditions.elementToBeClickable(edit)).click();

        WebElement comment = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#entry-comment textarea")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '';", comment);
        comment.sendKeys("Krisledningsplanen är reviderad (via webbläsaren).");
        screenshot("dialog");
        driver.findElement(By.id("entry-save")).click();

        wait.until(d -> followUp.overview("ks", "2024-dr2").rows().stream().filter(r -> r.id() == row.id())
                .findFirst().orElseThrow().version() == row.version() + 1);
        FollowUpRow saved = followUp.overview("ks", "2024-dr2").rows().stream().filter(r -> r.id() == row.id())
                .findFirst().orElseThrow();
        assertThat(saved.comment()).isEqualTo("Krisledningsplanen är reviderad (via webbläsaren).");
        assertThat(saved.updatedBy()).isEqualTo("Tove Tjänsteperson");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-up-grid"),
                "Krisledningsplanen är reviderad"));

        // an admin deactivates the official: the open browser session ends at its next request
        signIn("admin");
        userService.deactivate(userService.users().stream().filter(u -> u.username().equals("tjansteperson"))
                .findFirst().orElseThrow().id());
        driver.get("http://localhost:" + port + "/framsteg");
        WebElement ended = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-session-ended")));
        assertThat(ended.getText()).contains("en administratör ändrade ditt konto");
        assertThat(driver.findElements(By.id("current-user"))).isEmpty();

        // all of this ran under the application's Content-Security-Policy, and the browser refused nothing
        var console = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll();
        assertThat(console).noneMatch(entry -> entry.getMessage().contains("Content Security Policy")
                || entry.getMessage().contains("Refused to"));
        assertThat(RawHttpHeaders.csp(port)).contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'");
    }
}

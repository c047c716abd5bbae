package se.uppfoljning;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The one real-browser test: Debian's headless Chromium logs in and edits a comment. */
class BrowserEditTest extends AbstractIntegrationTest {

    @Autowired
    FollowUpService followUp;

    private WebDriver driver;

    @BeforeEach
    void startBrowser() throws Exception {
        Browser.assumeInstalled();
        testData.reset();
        driver = Browser.start(1600, 1400);
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
        Browser.screenshot(driver, "edit-" + name);
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

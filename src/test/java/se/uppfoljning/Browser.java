package se.uppfoljning;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's headless Chromium for the browser tests. Where no Chromium is installed the tests are skipped with a
 * message, except in CI ({@code CI=true}), where a missing browser fails the build so the tests never silently stop
 * running.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver"));

    private Browser() {
    }

    /** Skips the calling test (or fails it in CI) when Chromium or ChromeDriver is missing. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (installed) {
            return;
        }
        String message = "Browser test skipped: no Chromium at " + CHROMIUM + " or ChromeDriver at " + CHROMEDRIVER
                + " (apt-get install -y chromium chromium-driver; .ci/run installs them)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + message);
        }
        System.err.println(message);
        Assumptions.abort(message);
    }

    /** A fresh headless Chromium with its own profile, Swedish, with a window of {@code width × height} CSS px. */
    public static WebDriver start(int width, int height) throws IOException {
        assumeInstalled();
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--lang=sv-SE", "--user-data-dir=" + profile.toAbsolutePath());
        // the console log, so tests can prove the pages run under the Content-Security-Policy without a violation
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // the headless window size includes no browser chrome, but set it again so the viewport is exact
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }

    /** Saves what the browser shows to {@code target/screenshots/<name>.png} for people reviewing the build. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Path directory = Path.of("target", "screenshots");
            Files.createDirectories(directory);
            Path file = directory.resolve(name + ".png");
            Files.write(file, png);
            return file;
        } catch (IOException | RuntimeException e) {
            // a screenshot is a convenience for reviewers, never a reason to fail
            return null;
        }
    }
}

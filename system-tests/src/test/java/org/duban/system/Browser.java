package org.duban.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import org.duban.local.FreePort;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.awaitility.Awaitility.await;

/**
 * One person's browser: Debian's chromium, headless, driven through Debian's chromedriver (never a
 * browser or driver downloaded at run time), at 1366×768 — the screen the console must be clear on.
 * Every page it shows can be saved as a screenshot (or printed to PDF) under the test's output folder.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("duban.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("duban.chromedriver", "/usr/bin/chromedriver"));
    /** How often a wait on the page looks again (Selenium's default is every half second). */
    private static final Duration LOOKS = Duration.ofMillis(100);

    private final String name;
    private final String baseUrl;
    private final Path output;
    private final Path profile;
    private final ChromeDriver driver;
    private int shots;
    private final List<String> unlabelled = new java.util.ArrayList<>();

    Browser(String name, String baseUrl, Path output) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.output = output;
        try {
            Files.createDirectories(output);
            this.profile = Files.createTempDirectory("duban-chromium-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // what Debian's chromium needs headless as root on a closed network (see the machine's notes)
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-features=Translate,MediaRouter", "--lang=zh-CN",
                "--window-size=1366,768", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingPort(FreePort.forServer())
                .withEnvironment(Map.of("LANG", "zh_CN.UTF-8", "LANGUAGE", "zh_CN:zh"))
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** Why the browser tests cannot run here, if they cannot. */
    static Optional<String> unavailable() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return Optional.of("Debian's chromium and chromium-driver are not installed (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "); .ci/run installs them with apt: apt-get install chromium chromium-driver fonts-noto-cjk");
        }
        return Optional.empty();
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the platform (through the gateway), e.g. {@code /board}. */
    Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    String pageText() {
        return find("body").getText();
    }

    /** Types into a field (cleared first), found by the id the console gives it: {@code field-<apiField>}. */
    Browser type(String apiField, String value) {
        WebElement input = driver.findElement(By.id("field-" + apiField));
        input.clear();
        input.sendKeys(value);
        return this;
    }

    /** Sets a date or datetime-local input the way a browser's picker would (typing is locale-dependent). */
    Browser setValue(String apiField, String value) {
        WebElement input = driver.findElement(By.id("field-" + apiField));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", input, value);
        return this;
    }

    Browser choose(String apiField, String visibleText) {
        new Select(driver.findElement(By.id("field-" + apiField))).selectByVisibleText(visibleText);
        return this;
    }

    Browser chooseValue(String apiField, String value) {
        new Select(driver.findElement(By.id("field-" + apiField))).selectByValue(value);
        return this;
    }

    Browser click(String css) {
        find(css).click();
        return this;
    }

    /**
     * Clicks what leads to another page (a link, a form's button) and waits until that page has replaced
     * this one: a click returns before the browser has loaded what it asked for.
     */
    Browser follow(String css) {
        return navigating(() -> click(css));
    }

    /** Whether an element of the page shown before is gone (chromium says so in more than one way). */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            return true;
        }
    }

    /** Does what navigates ({@code action}) and waits until the next page has replaced this one. */
    Browser navigating(Runnable action) {
        WebElement current = find("html");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(60), LOOKS).until(ignored -> gone(current));
        new WebDriverWait(driver, Duration.ofSeconds(60), LOOKS).ignoring(WebDriverException.class)
                .until(ignored -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
        return this;
    }

    /** Clicks the button or link whose text is {@code text} (inside {@code scope}, a CSS selector). */
    Browser press(String scope, String text) {
        find(scope).findElement(By.xpath(".//*[(self::button or self::a or self::input[@type='submit']) and normalize-space(.)='"
                + text + "']")).click();
        return this;
    }

    /** Waits until the page's text contains all of {@code texts}, reloading it between looks (for what arrives by events). */
    Browser awaitText(Duration atMost, String... texts) {
        await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .alias(name + " waits on " + path() + " for " + List.of(texts))
                .until(() -> {
                    if (List.of(texts).stream().allMatch(pageText()::contains)) {
                        return true;
                    }
                    driver.navigate().refresh();
                    return false;
                });
        return this;
    }

    /** Waits for a condition on the page without reloading it (htmx refreshes). */
    Browser awaitOnPage(Duration atMost, java.util.function.Predicate<Browser> condition) {
        new WebDriverWait(driver, atMost, LOOKS).until(ignored -> condition.test(this));
        return this;
    }

    /**
     * Form fields on the page that no label names (a {@code <label for>}, an enclosing label, {@code
     * aria-label} or {@code aria-labelledby}): every field must say what it is, to a screen reader too.
     */
    List<String> unlabelledFields() {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                  .filter(f => f.type !== 'hidden' && f.type !== 'submit' && f.type !== 'button')
                  .filter(f => !(f.id && document.querySelector('label[for="' + CSS.escape(f.id) + '"]'))
                            && !f.closest('label') && !f.getAttribute('aria-label') && !f.getAttribute('aria-labelledby'))
                  .map(f => (f.name || f.id || f.outerHTML.substring(0, 60)));""");
        return unlabelled;
    }

    /** Saves what the user sees (1366×768) and the whole page as PNGs; returns the whole page's file. */
    Path screenshot(String what) {
        shots++;
        unlabelledFields().forEach(field -> unlabelled.add(path() + ": " + field));
        String base = String.format("%s-%02d-%s", name, shots, what);
        Map<String, Object> whole = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true,
                        "clip", Map.of("x", 0, "y", 0, "width", 1366, "height", pageHeight(), "scale", 1)));
        Map<String, Object> visible = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        write(output.resolve(base + "-screen.png"), (String) visible.get("data"));
        return write(output.resolve(base + ".png"), (String) whole.get("data"));
    }

    /** Prints the page to PDF as the browser's print dialog would (print stylesheet, A4). */
    Path printToPdf(String what) {
        Map<String, Object> pdf = driver.executeCdpCommand("Page.printToPDF",
                Map.of("paperWidth", 8.27, "paperHeight", 11.69, "printBackground", true));
        return write(output.resolve(name + "-" + what + ".pdf"), (String) pdf.get("data"));
    }

    /** The unlabelled fields of every page screenshotted so far, by page. */
    List<String> unlabelledSoFar() {
        return unlabelled;
    }

    /** Messages the browser logged as errors: a Content-Security-Policy violation would be one. */
    List<String> errorsLogged() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    private long pageHeight() {
        Object height = ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        return Math.max(768, ((Number) height).longValue());
    }

    private static Path write(Path file, String base64) {
        try {
            Files.write(file, Base64.getDecoder().decode(base64));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}

package com.example.crm.systemtest.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real headless Chromium, and the steps a person takes in the CRM and on Keycloak's pages. */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    public final ChromeDriver driver;
    private final WebDriverWait wait;
    private final RunningStack stack;

    private Browser(RunningStack stack, Path profileDir, String language) {
        this.stack = stack;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profileDir, "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language)); // what pages see
        this.driver = new ChromeDriver(options);
        this.wait = new WebDriverWait(driver, WAIT);
        // An element read while the page navigates or re-renders goes stale: look again rather than fail.
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    public static Browser open(RunningStack stack) {
        return open(stack, "en-US");
    }

    /** A browser whose language is {@code language} (e.g. "de-DE"), as its pages are asked for. */
    public static Browser open(RunningStack stack, String language) {
        try {
            return new Browser(stack, Files.createTempDirectory("chromium-profile"), language);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public void go(String url) {
        driver.get(url);
    }

    /** Opens the CRM and signs in on Keycloak's page. */
    public void signInToCrm(String username, String password) {
        driver.get(stack.crmUrl() + "/");
        signInOnKeycloak(username, password);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));
    }

    public void signInOnKeycloak(String username, String password) {
        awaitVisible(By.id("username"), "a Keycloak sign-in form").sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    /** Waits until the element shows; if it does not, the failure says where the browser is and what it shows. */
    public WebElement awaitVisible(By locator, String what) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            String text = pageText();
            throw new AssertionError("no " + what + " at " + driver.getCurrentUrl() + "; the page says: "
                    + text.substring(0, Math.min(600, text.length())), e);
        }
    }

    /** Whether the element shows within the time (false, rather than a failure, when it does not). */
    public boolean shows(By locator, Duration within) {
        try {
            new WebDriverWait(driver, within).until(ExpectedConditions.visibilityOfElementLocated(locator));
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Settings → User Management → Users → search → the user's name. */
    public void openProfile(String search, String fullName) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("nav a[aria-label='Settings']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("settings-users"))).click();
        WebElement searchBox = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("users-form:search")));
        searchBox.sendKeys(search);
        // The search re-renders the table: a click on the row while it is replaced is lost, so click again then.
        for (int attempt = 1; ; attempt++) {
            try {
                wait.until(ExpectedConditions.elementToBeClickable(By.linkText(fullName))).click();
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("profile-name")).isEmpty());
                break;
            } catch (StaleElementReferenceException | TimeoutException lost) {
                if (attempt == 3) {
                    throw lost;
                }
            }
        }
        wait.until(ExpectedConditions.textToBe(By.id("profile-name"), fullName));
    }

    /** The admin's usual errand: the user's profile, More → Send Reset Link, and the green notification. */
    public void sendResetLinkTo(String search, String fullName) {
        openProfile(search, fullName);
        sendResetLink();
        successNotification();
    }

    /** More → Send Reset Link. */
    public void sendResetLink() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("profile-form:more_button"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("profile-form:send-reset-link"))).click();
    }

    /**
     * Opens the profile's More menu and clicks one of its items. A click on More that lands while the page is still
     * busy, or an item clicked while the menu still slides open, is tried again.
     */
    public void chooseFromMore(String itemId) {
        new WebDriverWait(driver, WAIT).ignoring(ElementNotInteractableException.class).until(d -> {
            WebElement item = d.findElement(By.id(itemId));
            if (!item.isDisplayed()) {
                d.findElement(By.id("profile-form:more_button")).click();
                return false;
            }
            item.click();
            return true;
        });
    }

    /**
     * Picks an option of a PrimeFaces select menu, as a person does: open it, click the option, see it chosen.
     * A click that lands while the panel is still opening is ignored by the menu, so it is clicked again.
     */
    public void choose(String menuId, String label) {
        driver.findElement(By.id(menuId)).click();
        By option = By.xpath("//*[@id='" + menuId + "_items']//li[@data-label='" + label + "']");
        wait.until(d -> {
            if (label.equals(d.findElement(By.id(menuId + "_label")).getText())) {
                return true;
            }
            WebElement item = d.findElement(option);
            if (item.isDisplayed()) {
                item.click();
            } else {
                d.findElement(By.id(menuId)).click();
            }
            return false;
        });
    }

    /** In cluster mode: the load balancer sends this browser's CRM requests to one instance (crm-1 or crm-2). */
    public void pinTo(String crmNode) {
        driver.manage().addCookie(new Cookie("CRM_NODE", crmNode, "/")); // the load balancer's own cookie, replaced
    }

    /** Waits until the page has no ajax request under way, and has had none for a second (autoRun calls start late). */
    public void awaitAjaxIdle() {
        for (int quietChecks = 0; quietChecks < 2; quietChecks++) {
            wait.until(d -> (Boolean) driver.executeScript(
                    "return !window.jQuery || (jQuery.active === 0 && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty()));"));
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** In cluster mode: the CRM instance that answers this browser now (the load balancer's X-CRM-Node header). */
    public String crmNode() {
        return (String) driver.executeAsyncScript("fetch(arguments[0], {cache: 'no-store'})"
                + ".then(r => arguments[1](r.headers.get('X-CRM-Node')))", stack.crmUrl() + "/api/health");
    }

    /** Whether a click at the middle of the element would reach it, rather than something drawn over it. */
    public boolean isUncovered(By locator) {
        return (Boolean) driver.executeScript("const r = arguments[0].getBoundingClientRect();"
                + "return arguments[0].contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));",
                driver.findElement(locator));
    }

    /** Title and text of the green notification, once it shows. */
    public String successNotification() {
        return notificationIn("success-growl_container");
    }

    /** Title and text of the red or yellow notification, once it shows. */
    public String problemNotification() {
        return notificationIn("problem-growl_container");
    }

    private String notificationIn(String containerId) {
        By item = By.cssSelector("#" + containerId + " .ui-growl-item");
        return wait.until(d -> {
            WebElement first = ExpectedConditions.visibilityOfElementLocated(item).apply(d);
            return first == null ? null : first.findElement(By.className("ui-growl-title")).getText() + "\n"
                    + first.findElement(By.cssSelector(".ui-growl-message p")).getText();
        });
    }

    /** The computed background colour of the green notification, as the admin sees it. */
    public String successNotificationColour() {
        successNotification();
        return driver.findElement(By.cssSelector("#success-growl_container .ui-growl-item-container")).getCssValue("background-color");
    }

    public List<WebElement> successNotifications() {
        return driver.findElements(By.cssSelector("#success-growl_container .ui-growl-item"));
    }

    public String text(By locator) {
        return wait.until(d -> {
            WebElement element = ExpectedConditions.visibilityOfElementLocated(locator).apply(d);
            return element == null ? null : element.getText(); // read inside the wait: a re-render makes it stale
        });
    }

    /** The value of a form field, read as {@link #text} reads (the live profile may re-render it meanwhile). */
    public String value(By locator) {
        return wait.until(d -> {
            WebElement element = ExpectedConditions.presenceOfElementLocated(locator).apply(d);
            return element == null ? null : element.getAttribute("value");
        });
    }

    /** Reloads the page until the element shows the text (for news that arrives from another server). */
    public void waitForText(By locator, String text, Duration limit) {
        new WebDriverWait(driver, limit, Duration.ofSeconds(2)).ignoring(StaleElementReferenceException.class).until(d -> {
            boolean shown = !d.findElements(locator).isEmpty() && d.findElement(locator).getText().contains(text);
            if (!shown) {
                d.navigate().refresh();
            }
            return shown;
        });
    }

    /** Waits, without reloading, until the element shows the text: the page must update itself. */
    public void awaitTextWithoutReload(By locator, String text, Duration limit) {
        new WebDriverWait(driver, limit, Duration.ofMillis(500))
                .ignoring(StaleElementReferenceException.class) // the page re-renders the element while we read it
                .until(d -> !d.findElements(locator).isEmpty() && d.findElement(locator).getText().contains(text));
    }

    /** What an end user does with a reset link: the info page, then the new password twice. */
    public void setNewPassword(String link, String password) {
        driver.get(link);
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Set my new password"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new"))).sendKeys(password);
        driver.findElement(By.id("password-confirm")).sendKeys(password);
        driver.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
        awaitPageText("Your new password is set");
    }

    /** Waits until the page says the text (across a navigation). */
    public void awaitPageText(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("screenshot failed: " + e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

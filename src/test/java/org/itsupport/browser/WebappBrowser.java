package org.itsupport.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One of Camunda's webapps (Cockpit, Tasklist) in Debian's Chromium, headless, driven through Debian's
 * chromedriver (no driver download: Selenium Manager is bypassed by naming both binaries). One browser per user;
 * close it when done.
 */
public final class WebappBrowser implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");
  static final Duration PATIENCE = Duration.ofSeconds(20);

  private final ChromeDriver driver;
  private final String base;

  public static WebappBrowser cockpit(int port) {
    return new WebappBrowser(port, "cockpit");
  }

  public static WebappBrowser tasklist(int port) {
    return new WebappBrowser(port, "tasklist");
  }

  private WebappBrowser(int port, String app) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1600,1200",
        "--lang=en-GB");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    this.driver.manage().window().setSize(new Dimension(1600, 1200));
    this.base = "http://127.0.0.1:" + port + "/camunda/app/" + app + "/default/";
  }

  /** Opens the webapp and logs in through its login form. */
  public WebappBrowser logIn(String user, String password) {
    driver.get(base);
    waitFor(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    return this;
  }

  /** Opens a page of the webapp by its route, such as "#/tickets". */
  public WebappBrowser open(String route) {
    driver.get(base + route);
    return this;
  }

  public WebElement waitFor(By locator) {
    return until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public void waitUntilTextIn(By locator, String text) {
    until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  /** Waits until the input shows the value (filled in by the page's scripts). */
  public void waitUntilValue(By locator, String value) {
    until(ExpectedConditions.attributeToBe(locator, "value", value));
  }

  /** Waits until the element's attribute has the value, e.g. a diagram's data-drawn="true". */
  public void waitUntilAttribute(By locator, String attribute, String value) {
    until(ExpectedConditions.attributeToBe(locator, attribute, value));
  }

  /** Waits for the condition; when it does not come, leaves what the page showed in target/browser/. */
  private <T> T until(ExpectedCondition<T> condition) {
    try {
      return new WebDriverWait(driver, PATIENCE).until(condition);
    } catch (TimeoutException e) {
      Path failure = Path.of("target", "browser", "failed-" + System.currentTimeMillis());
      screenshot(failure.resolveSibling(failure.getFileName() + ".png"));
      try {
        Files.writeString(failure.resolveSibling(failure.getFileName() + ".html"), driver.getPageSource());
      } catch (IOException ignored) {
        // the screenshot is there
      }
      throw e;
    }
  }

  public boolean isPresent(By locator) {
    return !driver.findElements(locator).isEmpty();
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Saves what the browser shows as a PNG. */
  public void screenshot(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}

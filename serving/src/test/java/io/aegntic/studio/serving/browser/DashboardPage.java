package io.aegntic.studio.serving.browser;

import java.io.IOException;
import java.nio.file.Path;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The dashboard in the browser: signing in, moving between pages, saving screenshots. */
final class DashboardPage {
  /** Where screenshots go: the docs folder when run by Maven (failsafe sets it), else target. */
  static final Path SHOTS =
      Path.of(System.getProperty("studio.screenshots.dir", "target/screenshots"));

  final Chromium browser;
  final String url;

  DashboardPage(Chromium browser, String url) {
    this.browser = browser;
    this.url = url;
  }

  /** Loads the page; without a session it shows sign-in. */
  void open() {
    browser.driver.get(url + "/#/login");
    browser.visible("login-form");
  }

  /** Signs in through the form and waits for the command center showing the user. */
  void signIn(String email, String password) {
    browser.type("login-email", email);
    browser.type("login-password", password);
    browser.click("login-submit");
    browser.await(d -> "command".equals(browser.js("return document.body.dataset.route")));
    browser.await(ExpectedConditions.textToBe(Chromium.testId("user-email"), email));
  }

  /** Clicks the main navigation link of {@code page} (command, studio, rules, analytics). */
  void go(String page) {
    browser.click("nav-" + page);
    browser.await(d -> page.equals(browser.js("return document.body.dataset.route")));
  }

  void awaitConnection(String state) {
    browser.attribute("connection-status", "data-state", state);
  }

  void shot(String name) throws IOException {
    browser.screenshot(SHOTS.resolve(name + ".png"));
  }
}

package io.aegntic.studio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks that the packaged dashboard hangs together before a browser sees it: everything the page
 * loads is on the classpath (including the uPlot WebJar at the version the pom names), module
 * imports resolve, every form control has a label, and scripts only look up elements that exist.
 */
class DashboardResourcesTest {
  private static final String ROOT = "META-INF/resources/";
  private static final Pattern ATTR_URL = Pattern.compile("(?:src|href)=\"(/[^\"#]*)\"");
  private static final Pattern IMPORT =
      Pattern.compile("(?:from\\s+|import\\s*\\(\\s*)\"(\\.{1,2}/[^\"]+)\"");
  private static final Pattern CONTROL =
      Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
  private static final Pattern LOOKUP =
      Pattern.compile("(?:\\$\\(\"#|getElementById\\(\")([A-Za-z0-9_-]+)\"");

  private static String read(String path) throws IOException {
    try (InputStream in = DashboardResourcesTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as("classpath resource %s", path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Path webRoot() throws URISyntaxException {
    URL index = DashboardResourcesTest.class.getClassLoader().getResource(ROOT + "index.html");
    assertThat(index).as("index.html on the classpath").isNotNull();
    return Path.of(index.toURI()).getParent();
  }

  private static Map<Path, String> scripts() throws Exception {
    Map<Path, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(webRoot().resolve("js"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".js")).toList()) {
        out.put(p, Files.readString(p));
      }
    }
    return out;
  }

  private static Set<String> ids(String html) {
    Set<String> ids = new HashSet<>();
    Matcher m = ID.matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  @Test
  void everythingIndexLoadsIsOnTheClasspath() throws IOException {
    String html = read(ROOT + "index.html");
    Matcher m = ATTR_URL.matcher(html);
    List<String> urls = new ArrayList<>();
    while (m.find()) {
      urls.add(m.group(1));
    }
    assertThat(urls).contains("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", "/js/app.js");
    for (String url : urls) {
      assertThat(getClass().getClassLoader().getResource(ROOT + url.substring(1)))
          .as("%s referenced by index.html", url)
          .isNotNull();
    }
  }

  @Test
  void everyModuleImportResolves() throws Exception {
    int imports = 0;
    for (Map.Entry<Path, String> script : scripts().entrySet()) {
      Matcher m = IMPORT.matcher(script.getValue());
      while (m.find()) {
        Path target = script.getKey().getParent().resolve(m.group(1)).normalize();
        assertThat(target).as("import %s in %s", m.group(1), script.getKey()).isRegularFile();
        imports++;
      }
    }
    assertThat(imports).isGreaterThan(20);
  }

  @Test
  void idsAreUniqueAndEveryFormControlHasALabel() throws IOException {
    String html = read(ROOT + "index.html");
    Matcher ids = ID.matcher(html);
    Set<String> seen = new HashSet<>();
    while (ids.find()) {
      assertThat(seen.add(ids.group(1))).as("id %s is unique", ids.group(1)).isTrue();
    }
    Matcher m = CONTROL.matcher(html);
    int controls = 0;
    while (m.find()) {
      String attrs = m.group(2);
      if (attrs.contains("type=\"hidden\"")) {
        continue;
      }
      Matcher id = ID.matcher(" " + attrs);
      assertThat(id.find()).as("control <%s%s> has an id", m.group(1), attrs).isTrue();
      assertThat(html).as("label for %s", id.group(1)).contains("for=\"" + id.group(1) + "\"");
      controls++;
    }
    assertThat(controls).isGreaterThan(30);
  }

  @Test
  void scriptsLookUpOnlyElementsThatExist() throws Exception {
    Set<String> ids = ids(read(ROOT + "index.html"));
    int lookups = 0;
    for (Map.Entry<Path, String> script : scripts().entrySet()) {
      Matcher m = LOOKUP.matcher(script.getValue());
      while (m.find()) {
        assertThat(ids).as("#%s used in %s", m.group(1), script.getKey()).contains(m.group(1));
        lookups++;
      }
    }
    assertThat(lookups).isGreaterThan(50);
  }

  @Test
  void apiPathsLiveOnlyInApiModuleAndNothingLoadsFromOutside() throws Exception {
    for (Map.Entry<Path, String> script : scripts().entrySet()) {
      String name = script.getKey().getFileName().toString();
      if (!name.equals("api.js")) {
        assertThat(script.getValue()).as("API path literal in %s", name).doesNotContain("\"/api/");
      }
      assertThat(script.getValue()).doesNotContain("from \"http", "import(\"http");
    }
    String html = read(ROOT + "index.html");
    String css = read(ROOT + "css/app.css");
    assertThat(html).doesNotContain("src=\"http", "href=\"http", "src=\"//", "href=\"//");
    assertThat(css).doesNotContain("url(http", "url(\"http", "@import");
  }
}

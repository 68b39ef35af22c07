package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The UI speaks Danish first with English available: no text in templates outside the message bundles. */
@DisplayName("Templates and message bundles")
class MessageBundleTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");
  private static final Set<String> TEXT_ATTRIBUTES = Set.of("alt", "title", "placeholder", "aria-label", "label");

  private static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (Reader r = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", name)),
        StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  private static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      // the letters' templates (templates/letters) are the letters' own Danish wording, documents sent to citizens
      // and rendered as PDF, not pages: their text is the municipality's to edit there (docs/design.md#letters)
      return files.filter(f -> f.toString().endsWith(".html"))
          .filter(f -> !TEMPLATES.relativize(f).startsWith("letters")).sorted().toList();
    }
  }

  @Test
  @DisplayName("every Danish key has an English twin, and every English key a Danish one")
  void everyKeyHasATwin() throws IOException {
    Properties da = bundle("messages.properties");
    Properties en = bundle("messages_en.properties");
    assertThat(new TreeSet<>(en.stringPropertyNames())).as("keys without English twin")
        .containsAll(da.stringPropertyNames());
    assertThat(new TreeSet<>(da.stringPropertyNames())).as("English keys without Danish twin")
        .containsAll(en.stringPropertyNames());
    assertThat(da.stringPropertyNames()).hasSizeGreaterThan(100);
    for (String key : da.stringPropertyNames()) {
      assertThat(da.getProperty(key)).as("Danish text of " + key).isNotBlank();
      assertThat(en.getProperty(key)).as("English text of " + key).isNotBlank();
    }
  }

  @Test
  @DisplayName("every message key a template names exists in the bundles")
  void everyTemplateKeyExists() throws IOException {
    Properties da = bundle("messages.properties");
    List<String> missing = new ArrayList<>();
    for (Path t : templates()) {
      Matcher m = KEY.matcher(Files.readString(t));
      while (m.find()) {
        String key = m.group(1);
        // keys built from a prefix and a value ('kind.' + ...) are checked by prefix
        boolean prefix = key.endsWith(".");
        boolean found = prefix ? da.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
            : da.containsKey(key);
        if (!found) {
          missing.add(TEMPLATES.relativize(t) + ": " + key);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  @DisplayName("no template shows text that does not come from the message bundles")
  void noHardCodedText() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path t : templates()) {
      Document doc = Jsoup.parse(Files.readString(t), "", Parser.htmlParser());
      for (Element e : doc.getAllElements()) {
        if (e.tagName().equals("script") || e.tagName().equals("style")) {
          continue;
        }
        boolean replaced = e.parents().stream().anyMatch(MessageBundleTest::replacesContent) || replacesContent(e);
        for (TextNode text : e.textNodes()) {
          if (!text.isBlank() && !replaced && !text.text().trim().matches("[\\p{Punct}\\s·–—|/]*")) {
            problems.add(TEMPLATES.relativize(t) + ": <" + e.tagName() + "> \"" + text.text().trim() + "\"");
          }
        }
        for (String attribute : TEXT_ATTRIBUTES) {
          if (e.hasAttr(attribute) && !e.hasAttr("th:" + attribute) && !e.attr("th:attr").contains(attribute)) {
            problems.add(TEMPLATES.relativize(t) + ": <" + e.tagName() + " " + attribute + "=\"" + e.attr(attribute)
                + "\">");
          }
        }
      }
    }
    assertThat(problems).as("text outside the message bundles").isEmpty();
  }

  private static boolean replacesContent(Element e) {
    return e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:replace") || e.hasAttr("th:insert");
  }
}

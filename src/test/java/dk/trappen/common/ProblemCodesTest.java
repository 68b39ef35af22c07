package dk.trappen.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every problem code the main code names (a string literal {@code "problem.…"}, or a constraint's message template
 * {@code "{problem.…}"}) is a key of both message bundles, so that the API and the pages can say it in English and
 * Danish. Reads the source, so a code added without its sentences fails here before any request shows it raw.
 */
@DisplayName("Problem codes")
class ProblemCodesTest {

  private static final Path MAIN = Path.of("src/main/java");
  private static final Pattern CODE = Pattern.compile("\"\\{?(problem\\.[A-Za-z0-9_.]*[A-Za-z0-9_])}?\"");

  private static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (Reader r = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", name)),
        StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  static Set<String> codesInSource() throws IOException {
    Set<String> codes = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = CODE.matcher(Files.readString(f));
        while (m.find()) {
          codes.add(m.group(1));
        }
      }
    }
    return codes;
  }

  @Test
  @DisplayName("every code thrown or named by a constraint is in the Danish and the English bundle")
  void everyCodeIsInBothBundles() throws IOException {
    Properties da = bundle("messages.properties");
    Properties en = bundle("messages_en.properties");
    Set<String> codes = codesInSource();
    // the constraints, the services and the JSON reader all name problems: far more than a handful
    assertThat(codes).hasSizeGreaterThan(80).contains("problem.staircase.unknownStep", "problem.tooLong",
        ControlCharacters.PROBLEM, ControlCharacters.BIDI_PROBLEM);
    List<String> missing = new ArrayList<>();
    for (String code : codes) {
      if (!da.containsKey(code)) {
        missing.add("messages.properties: " + code);
      }
      if (!en.containsKey(code)) {
        missing.add("messages_en.properties: " + code);
      }
    }
    assertThat(missing).as("problem codes without a sentence").isEmpty();
  }

  @Test
  @DisplayName("every problem sentence (for the API and for the pages) is a valid message format")
  void everySentenceFormats() throws IOException {
    Object[] arguments = {"a0", "a1", "a2", "a3", "a4"};
    for (String name : List.of("messages.properties", "messages_en.properties")) {
      Properties bundle = bundle(name);
      for (String key : bundle.stringPropertyNames()) {
        if (key.startsWith("problem.") || key.startsWith("page.problem.")) {
          String text = new MessageFormat(bundle.getProperty(key), Locale.ROOT).format(arguments);
          assertThat(text).as(name + ": " + key).doesNotContain("{").doesNotContain("}");
        }
      }
    }
  }

  @Test
  @DisplayName("a problem reads in English as the API said it before it was a code, with its arguments in place")
  void englishSentences() {
    assertThat(InvalidInputException.of("stepKey", "problem.staircase.unknownStep", "X", "A, B").fieldErrors())
        .containsExactly(java.util.Map.entry("stepKey", "'X' is not a step of the staircase; use one of A, B"));
    assertThat(InvalidInputException.of(List.of(Problem.of("note", "problem.tooLong", 4000),
        Problem.of("note", "problem.required"))).fieldErrors())
        .containsExactly(java.util.Map.entry("note", "must be at most 4000 characters; is required"));
  }
}

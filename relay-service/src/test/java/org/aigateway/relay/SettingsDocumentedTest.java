package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * README.md's settings tables against the settings the code reads: every key any module's main code
 * reads through a {@code Settings} accessor has a row, every row is read, and a default written in
 * the code as a literal is the row's default. Defaults computed from constants are left to review.
 */
class SettingsDocumentedTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern READ = Pattern.compile(
      "\\.(?:string|integer|longValue|doubleValue|bool|json)\\(\"([A-Z][A-Z0-9_]+)\"(?:,\\s*([^,)]+))?");
  private static final Pattern ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9_]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);
  private static final Pattern LITERAL = Pattern.compile("-?[0-9][0-9_]*(\\.[0-9]+)?|true|false|\"[^\"]*\"|null");
  /** Read by logback.xml, not by the code. */
  private static final Set<String> OUTSIDE_CODE = Set.of("LOG_LEVEL");

  /** Each key the main code reads, with its literal defaults (normalized; none when computed). */
  private static Map<String, Set<String>> read() {
    Map<String, Set<String>> keys = new TreeMap<>();
    for (Path source : mainSources()) {
      Matcher m = READ.matcher(text(source));
      while (m.find()) {
        Set<String> defaults = keys.computeIfAbsent(m.group(1), k -> new TreeSet<>());
        String fallback = m.group(2) == null ? "{}" : m.group(2).strip();
        if (m.group(2) == null || LITERAL.matcher(fallback).matches()) {
          defaults.add(normalize(fallback));
        }
      }
    }
    return keys;
  }

  private static List<Path> mainSources() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
          .filter(p -> !p.toString().contains("/target/")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** README's rows: key to the first default it names ({@code empty} or the first backticked value). */
  private static Map<String, String> documented() {
    String readme = text(ROOT.resolve("README.md"));
    String settings = readme.substring(readme.indexOf("## Settings"), readme.indexOf("\n## ", readme.indexOf("## Settings") + 1));
    Map<String, String> rows = new HashMap<>();
    Matcher m = ROW.matcher(settings);
    while (m.find()) {
      String cell = m.group(2).strip();
      Matcher value = Pattern.compile("`([^`]*)`").matcher(cell);
      rows.put(m.group(1), cell.startsWith("empty") ? "" : value.find() ? value.group(1) : cell);
    }
    return rows;
  }

  private static String normalize(String literal) {
    if (literal.equals("null") || literal.equals("\"\"")) {
      return "";
    }
    return literal.startsWith("\"") ? literal.substring(1, literal.length() - 1) : literal.replace("_", "");
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName("Every setting the code reads has a README row, and every row is a setting something reads")
  void sameKeys() {
    Map<String, Set<String>> read = read();
    Map<String, String> documented = documented();

    assertThat(read).as("settings read by the code").isNotEmpty();
    assertThat(documented.keySet()).as("README rows").containsAll(read.keySet());
    assertThat(read.keySet()).as("settings the README documents").containsAll(
        documented.keySet().stream().filter(k -> !OUTSIDE_CODE.contains(k)).toList());
  }

  @Test
  @DisplayName("A default written as a literal in the code is the README row's default")
  void sameLiteralDefaults() {
    Map<String, String> documented = documented();
    Map<String, String> wrong = new TreeMap<>();
    read().forEach((key, defaults) -> defaults.stream()
        .filter(d -> documented.containsKey(key) && !d.equals(documented.get(key)))
        .forEach(d -> wrong.put(key, "code " + d + ", README " + documented.get(key))));

    assertThat(wrong).isEmpty();
  }
}

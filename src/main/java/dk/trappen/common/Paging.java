package dk.trappen.common;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/**
 * The paging of lists that grow (task lists, the overview's lists): a page number from 0 and a page size, 50 unless
 * asked otherwise and at most 200. The API refuses a page or size out of range, naming the field; a page link that
 * cannot be read shows the first page.
 */
public final class Paging {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  private Paging() {
  }

  /** The page the API was asked for; a page that is not a number from 0, or a size not from 1 to 200, is refused. */
  public static Pageable of(String page, String size) {
    int number = parse("page", page, 0, Integer.MAX_VALUE / MAX_SIZE, "problem.paging.page");
    int perPage = parse("size", size, DEFAULT_SIZE, MAX_SIZE, "problem.paging.size");
    if (perPage < 1) {
      throw InvalidInputException.of("size", "problem.paging.size", MAX_SIZE);
    }
    return PageRequest.of(number, perPage);
  }

  /** The page a page link asks for, of the default size: the first page unless it names another. */
  public static Pageable lenient(String page) {
    int number;
    try {
      number = page == null || page.isBlank() ? 0 : Integer.parseInt(page.strip());
    } catch (NumberFormatException e) {
      number = 0;
    }
    return PageRequest.of(Math.max(0, Math.min(number, Integer.MAX_VALUE / MAX_SIZE)), DEFAULT_SIZE);
  }

  private static int parse(String field, String value, int absent, int max, String code) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 0 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    // the value is not repeated: it is whatever the client sent
    throw InvalidInputException.of(field, code, MAX_SIZE);
  }
}

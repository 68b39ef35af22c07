package dk.trappen.common;

import org.springframework.data.domain.Page;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a page's pagination nav shows (fragments/pager.html): "page X of Y" and the links to the previous and the
 * next page, each keeping the page's other parameters (its filters, the other lists' pages) and leaving out blank
 * ones. A link is null where there is no such page.
 *
 * @param number the page shown, from 1
 * @param totalPages how many pages there are, at least 1
 * @param previous the link to the page before, or null on the first
 * @param next the link to the page after, or null on the last
 */
public record PageLinks(int number, int totalPages, String previous, String next) {

  /**
   * The links of {@code page} on {@code path}, the page number in {@code pageParameter} (0-based, left out for the
   * first page) and the parameters {@code keep} (name, value, name, value, ...) as they are.
   */
  public static PageLinks of(Page<?> page, String path, String pageParameter, String... keep) {
    if (keep.length % 2 != 0) {
      throw new IllegalArgumentException("keep is name, value pairs");
    }
    int total = Math.max(1, page.getTotalPages());
    int current = page.getNumber();
    return new PageLinks(current + 1, total,
        current > 0 ? link(path, pageParameter, Math.min(current, total) - 1, keep) : null,
        current + 1 < total ? link(path, pageParameter, current + 1, keep) : null);
  }

  /** More than one page: the nav is worth showing. */
  public boolean several() {
    return totalPages > 1;
  }

  private static String link(String path, String pageParameter, int number, String... keep) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
    for (int i = 0; i < keep.length; i += 2) {
      if (keep[i + 1] != null && !keep[i + 1].isBlank()) {
        uri.queryParam(keep[i], keep[i + 1]);
      }
    }
    if (number > 0) {
      uri.queryParam(pageParameter, number);
    }
    return uri.build().encode().toUriString();
  }
}

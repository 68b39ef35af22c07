package dk.trappen.tasks;

/**
 * A sortable column's header on the task list: the link that sorts by it (ascending, or the other way round if it is
 * the sorted column; the filters kept, from the first page) and its {@code aria-sort} ({@code ascending},
 * {@code descending}, or null for a column the list is not sorted by).
 */
public record TaskSortHeader(String href, String ariaSort) {

  /** The arrow the header shows beside its name (hidden from screen readers, which read aria-sort). */
  public String arrow() {
    return ariaSort == null ? "" : ariaSort.equals("ascending") ? "▲" : "▼";
  }
}

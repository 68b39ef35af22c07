package dk.trappen.tasks;

import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import dk.trappen.org.StaffMember;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task list's saved filters: each staff user's own, listed by name, saved under a name unique for the user and
 * deleted by their owner only (another user's filter is not found). The rules are {@link TaskFilterPolicy}'s, every
 * problem at once; a name already used is a conflict (409), also when two saves of one name race (the unique
 * constraint decides, one is saved). Saves and deletions are recorded in the audit as writes without a case.
 */
@Service
public class SavedTaskFilters {

  private static final Logger log = LoggerFactory.getLogger(SavedTaskFilters.class);

  private final TaskFilterRepository filters;
  private final TaskFilterPolicy policy;
  private final AuditService audit;
  private final Clock clock;
  private final TransactionTemplate transactions;

  SavedTaskFilters(TaskFilterRepository filters, TaskFilterPolicy policy, AuditService audit, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.filters = filters;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** The user's saved filters by name. */
  @Transactional(readOnly = true)
  public List<TaskFilterView> of(StaffMember user) {
    return filters.findByUsernameOrderByNameKeyAscIdAsc(user.username()).stream().map(TaskFilterView::of).toList();
  }

  /**
   * The problems of a filter the user would save, the name already in use among them: for a page that shows every
   * problem of its form at once.
   */
  @Transactional(readOnly = true)
  public List<Problem> problems(StaffMember user, NewTaskFilter f) {
    List<Problem> problems = new java.util.ArrayList<>(policy.problems(f, filters.countByUsername(user.username())));
    if (f.name() != null && !f.name().isBlank() && !problems.stream().anyMatch(p -> p.field().equals("name"))
        && filters.existsByUsernameAndNameKey(user.username(), TaskFilterPolicy.nameKey(f.name()))) {
      problems.add(duplicate(f.name()).problems().get(0));
    }
    return problems;
  }

  /** Saves the filter for the user; refused with every problem at once, or as a conflict on a name in use. */
  public TaskFilterView save(StaffMember user, NewTaskFilter f) {
    TaskFilterView saved;
    try {
      saved = transactions.execute(tx -> saveOnce(user, f));
    } catch (DataIntegrityViolationException e) {
      // another save of the same name committed between our look and our insert
      log.info("Saving task filter '{}' of {} lost a race: {}", f.name(), user.username(), e.getMessage());
      throw duplicate(f.name());
    }
    record(user, "task filter saved: '" + saved.name() + "' (" + saved.href() + ")");
    return saved;
  }

  private TaskFilterView saveOnce(StaffMember user, NewTaskFilter f) {
    List<Problem> problems = policy.problems(f, filters.countByUsername(user.username()));
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    String key = TaskFilterPolicy.nameKey(f.name());
    if (filters.existsByUsernameAndNameKey(user.username(), key)) {
      throw duplicate(f.name());
    }
    TaskScope scope = TaskScope.parse(f.scope());
    TaskOrder order = TaskOrder.parse(f.sort(), f.dir());
    TaskFilter filter = new TaskFilter();
    filter.setUsername(user.username());
    filter.setName(f.name().strip());
    filter.setNameKey(key);
    filter.setKind(blankToNull(f.kind()));
    filter.setState(f.state() == null || f.state().isBlank() ? null : f.state().strip().toUpperCase(Locale.ROOT));
    filter.setScope(scope == null ? null : scope.param());
    filter.setSort(order.sortParam());
    filter.setDir(order.dirParam());
    filter.setCreatedAt(clock.instant());
    filters.saveAndFlush(filter);
    return TaskFilterView.of(filter);
  }

  /** Deletes one of the user's filters; another user's, or none, is not found. */
  public void delete(StaffMember user, long id) {
    TaskFilterView deleted = transactions.execute(tx -> {
      TaskFilter f = filters.findByIdAndUsername(id, user.username())
          .orElseThrow(() -> new NotFoundException("no saved task filter " + id));
      filters.delete(f);
      return TaskFilterView.of(f);
    });
    record(user, "task filter deleted: '" + deleted.name() + "'");
  }

  private void record(StaffMember user, String what) {
    audit.recordWithoutCase(user.username(), user.role().name(), AuditAction.WRITE, what, null);
  }

  private static InvalidInputException duplicate(String name) {
    return InvalidInputException.conflict("name", "problem.taskFilter.duplicate", name == null ? "" : name.strip());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

package dk.trappen.tasks;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The assignment times; written inside the engine's command (TaskAssignmentLog). */
interface TaskAssignmentRepository extends JpaRepository<TaskAssignment, String> {

  @Modifying(flushAutomatically = true)
  @Query("delete from TaskAssignment a where a.taskId = :taskId")
  int forget(String taskId);
}

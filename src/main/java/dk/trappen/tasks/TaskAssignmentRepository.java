package dk.trappen.tasks;

import org.springframework.data.jpa.repository.JpaRepository;

/** The assignment times, read by {@link AssignedTasks}; written by {@link TaskAssignmentLog} as the commit begins. */
interface TaskAssignmentRepository extends JpaRepository<TaskAssignment, String> {
}

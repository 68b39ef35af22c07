-- One-off start-up migrations of the deadline register, each run once per installation
-- (dk.trappen.deadlines.EndOfDayDeadlineMigration: the deadlines counted in days moved to the end of their last day).
-- The node that inserts the row runs the migration in the same transaction; a second node starting at the same time
-- fails on the primary key (or waits for the first one's commit and then fails) and leaves it to the first.
create table deadline_migration (
    name           varchar(100) primary key,
    ran_at         timestamp with time zone not null,
    rows_moved     int not null,
    head_moved     int not null,
    timers_moved   int not null,
    tasks_moved    int not null
);

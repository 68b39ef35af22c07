-- The bell (issue 18): what was newly assigned to a staff member, and what escalated to them, since they last looked.
-- Three small tables, each owned by the feature whose data it is; portable SQL (H2 and PostgreSQL).

-- tasks: when each open task became its assignee's. Camunda keeps no assignment time at history level "audit"
-- (identity link history is written at "full" only), and a task's create time is wrong for a task reassigned or
-- claimed later. Written in the engine's command by tasks.TaskAssignmentListener (create with an assignee,
-- assignment, claim, reassignment); removed when the task completes or is deleted. A read joins the engine's task
-- row on id and assignee, so a row the engine no longer agrees with is never counted.
create table task_assignment (
    task_id     varchar(64)  primary key,
    assignee    varchar(255) not null,
    assigned_at timestamp with time zone not null
);
create index ix_task_assignment_assignee on task_assignment (assignee, assigned_at);

-- deadlines: the recipients of an escalation notice, one row each (outbox_message.recipients is a comma-separated
-- list no index can answer "addressed to me" from). Written with the notice, in the escalation's transaction.
-- Notices queued before this migration have no rows: the bell does not show them. A notice deleted (a clean-up of
-- sent notices) takes its recipients with it.
create table outbox_recipient (
    message_id bigint       not null references outbox_message (id) on delete cascade,
    username   varchar(80)  not null,
    created_at timestamp with time zone not null,
    primary key (message_id, username)
);
create index ix_outbox_recipient_user on outbox_recipient (username, created_at);

-- bell: up to when each staff member has seen their bell; only ever moved forward.
create table bell_seen (
    username   varchar(80)  primary key,
    seen_until timestamp with time zone not null
);

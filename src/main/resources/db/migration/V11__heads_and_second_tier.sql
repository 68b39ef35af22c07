-- Heads of department and team leaders over several teams (issue 17): a staff user's teams move from the single
-- staff_user.team_code column to staff_user_team, one row per team they belong to (a caseworker one, a team leader
-- or head one or more, intake and administrators none).
create table staff_user_team (
    staff_user_id bigint      not null references staff_user (id),
    team_code     varchar(40) not null references team (code),
    primary key (staff_user_id, team_code)
);
create index staff_user_team_team on staff_user_team (team_code);
insert into staff_user_team (staff_user_id, team_code)
    select id, team_code from staff_user where team_code is not null;
alter table staff_user drop column team_code;

-- The second escalation tier: a deadline still not met head_due_at (computed from its escalation to the team leader
-- by trappen.deadlines.<kind>.escalate-to-head) escalates to the heads of its team, once (head_escalated_at).
alter table deadline add column head_due_at timestamp with time zone;
alter table deadline add column head_escalated_at timestamp with time zone;
create index deadline_head_due on deadline (head_due_at);

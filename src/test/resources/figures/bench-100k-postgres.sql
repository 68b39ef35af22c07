-- Synthetic national-scale data for the figures (issue 21) on PostgreSQL: 100,000 cases in 20 teams bt0..bt19,
-- 133,000 interventions, 800,000 network meetings, 1.6 million goal ratings, 100,000 notifications, 400,000 outcome
-- records, safety plans. Load into a migrated, otherwise empty database (psql -f); then ask for a year across all 20
-- teams as a head of them (docs/figures.md#audit-and-speed). Not run by the tests.
insert into team (code, name) select 'bt' || g, 'Bench ' || g from generate_series(0, 19) g;
insert into child (cpr, first_name, last_name, birth_date)
  select '8' || lpad(g::text, 9, '0'), 'B', 'B' || g, date '2010-01-01' + (g % 3000) from generate_series(1, 100000) g;
insert into youth_case (case_number, child_id, team_code, caseworker, status, aware_at, opened_at, closed_at)
  select 'B-' || c.id, c.id, 'bt' || (c.id % 20), case when c.id % 50 = 0 then null else 'cw' || (c.id % 400) end,
    case when c.id % 10 < 3 then 'CLOSED' else 'OPEN' end,
    timestamptz '2023-12-01' + (c.id % 1000) * interval '1 day', timestamptz '2023-12-01' + (c.id % 1000) * interval '1 day',
    case when c.id % 10 < 3 then timestamptz '2023-12-01' + (c.id % 1000) * interval '1 day' + interval '300 days' end
  from child c where c.cpr like '8%';
-- first intervention per case
insert into intervention (case_id, step_key, step_name, step_position, placement, description, status, emergency, decided_at, decided_by, started_at, planned_end, next_step_down_key, ended_at)
  select y.id, (array['EARLY_HELP','PREVENTIVE','HOME_BASED','KIN_PLACEMENT','FOSTER_FAMILY','INSTITUTION'])[1 + y.id % 6], 's', 1 + y.id % 6, (y.id % 6) >= 3, 'd',
    case when y.id % 3 = 0 then 'ENDED' else 'RUNNING' end, false, y.opened_at, 'x', y.opened_at + interval '20 days',
    (y.opened_at + interval '200 days')::date, case when y.id % 6 > 0 then (array['ORDINARY_LIFE','EARLY_HELP','PREVENTIVE','HOME_BASED','KIN_PLACEMENT','FOSTER_FAMILY'])[1 + y.id % 6] end,
    case when y.id % 3 = 0 then y.opened_at + interval '150 days' end
  from youth_case y where y.case_number like 'B-%';
-- a second intervention replacing the ended ones
insert into intervention (case_id, step_key, step_name, step_position, placement, description, status, emergency, decided_at, decided_by, started_at, planned_end, next_step_down_key, ended_at, replaces_id)
  select i.case_id, (array['EARLY_HELP','PREVENTIVE','HOME_BASED','KIN_PLACEMENT','FOSTER_FAMILY','INSTITUTION'])[1 + (i.case_id / 7) % 6], 's', 1 + (i.case_id / 7) % 6, ((i.case_id / 7) % 6) >= 3, 'd',
    'RUNNING', false, i.ended_at, 'x', i.ended_at, (i.ended_at + interval '180 days')::date, 'EARLY_HELP', null, i.id
  from intervention i join youth_case y on y.id = i.case_id where y.case_number like 'B-%' and i.ended_at is not null;
insert into network_meeting (case_id, held_at, youth_satisfaction, youth_voice, decision, decision_note, recorded_by)
  select y.id, y.opened_at + (k * 60 + 30) * interval '1 day', 1 + (y.id + k) % 5, case when k % 2 = 0 then 'ord ' || y.id end, 'CONTINUE', 'n', 'x'
  from youth_case y, generate_series(0, 7) k where y.case_number like 'B-%';
insert into goal_progress (meeting_id, goal_id, progress)
  select n.id, 5000000 + n.case_id * 2 + k, (n.id + k) % 11 from network_meeting n, generate_series(0, 1) k
  where n.case_id in (select id from youth_case where case_number like 'B-%');
insert into notification (case_id, payload_hash, notifier_kind, professional, concern, received_at, registered_at, registered_by, joined_open_case, assessed_at)
  select y.id, 'bench' || y.id, (array['SCHOOL','POLICE','HEALTH','RELATIVE'])[1 + y.id % 4], true, 'c', y.aware_at, y.aware_at, 'x', false,
    y.aware_at + (y.id % 40) * interval '1 hour' from youth_case y where y.case_number like 'B-%';
insert into outcome_record (case_id, meeting_id, indicator_key, achieved, step_key, recorded_at, recorded_by)
  select n.case_id, n.id, 'SCHOOL_ATTENDANCE', n.id % 3 > 0, 'HOME_BASED', n.held_at, 'x' from network_meeting n
  where n.case_id in (select id from youth_case where case_number like 'B-%') and n.id % 2 = 0;
insert into safety_plan (intervention_id, case_id, content, agreed_with, agreed_at, agreed_by)
  select i.id, i.case_id, 'p', 'a', i.started_at, 'x' from intervention i join youth_case y on y.id = i.case_id
  where y.case_number like 'B-%' and not i.placement and i.id % 3 = 0;
analyze;
select (select count(*) from youth_case) cases, (select count(*) from intervention) interventions, (select count(*) from network_meeting) meetings, (select count(*) from goal_progress) ratings;

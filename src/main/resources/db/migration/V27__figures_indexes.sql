-- The figures' stalled interventions (docs/figures.md) read the latest meetings of each running intervention's case
-- from its start: backwards by case and time, the meeting's id breaking ties as in their order.
create index ix_network_meeting_case_held on network_meeting (case_id, held_at, id);

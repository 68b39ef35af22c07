-- Meetings dated when held (issue 18): a deadline met by a meeting held yesterday and typed in today is met when it was
-- held (met_at); the register keeps the time the meeting was recorded as well (met_recorded_at).
alter table deadline add column met_recorded_at timestamp with time zone;
update deadline set met_recorded_at = met_at where met_at is not null;

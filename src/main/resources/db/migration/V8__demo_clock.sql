-- The demo clock's position (dk.trappen.deadlines.DemoClock): its offset from the real time in milliseconds, restored
-- at start-up so that a restart of the demo keeps the time it was moved to. One row (id 1); unused outside the demo.
create table demo_clock (
    id            int primary key,
    offset_millis bigint not null,
    moved_at      timestamp with time zone not null
);

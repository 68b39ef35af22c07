-- The health check's write probe (dk.trappen.common.StorageHealth): each check updates this one row in a transaction of
-- its own, so /actuator/health says DOWN while the database cannot store (disk full, file not writable, read-only).
create table storage_probe (
    id         int primary key,
    checked_at timestamp with time zone,
    node       varchar(100)
);
insert into storage_probe (id, checked_at, node) values (1, null, null);

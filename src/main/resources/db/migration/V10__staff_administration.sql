-- Staff administration (issue 17): a staff user has an e-mail address, can be deactivated (kept, for the audit trail
-- and the cases they held, but unable to sign in), and may be told to choose a new password at the next sign-in (the
-- first administrator, a password reset by an administrator). A team can be deactivated: no new case goes to it.
alter table staff_user add column email varchar(254);
alter table staff_user add column active boolean not null default true;
alter table staff_user add column must_change_password boolean not null default false;
alter table staff_user add column changed_at timestamp with time zone;
alter table team add column active boolean not null default true;
-- audit_entry: an administrator's change is audited as ADMINISTER with what changed, from what, to what
alter table audit_entry alter column what set data type varchar(1000);

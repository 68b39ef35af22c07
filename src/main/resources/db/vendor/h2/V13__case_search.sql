-- The case search (casefile.CaseSearch, docs/design.md#case-search). H2 only; PostgreSQL has its own V13.
-- A CPR number is found exactly by the unique index on child (cpr); a case number, whole or its beginning
-- (LIKE 'prefix%'), by the unique index on youth_case (case_number), which H2 uses for a prefix too.
-- "Mine sager": a caseworker's cases, open or closed
create index ix_youth_case_caseworker on youth_case (caseworker, status);
-- "Teamets sager", newest first
create index ix_youth_case_team_opened on youth_case (team_code, opened_at);

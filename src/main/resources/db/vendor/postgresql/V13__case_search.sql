-- The case search (casefile.CaseSearch, docs/design.md#case-search). PostgreSQL only; H2 has its own V13.
-- A CPR number is found exactly by the unique index on child (cpr), a whole case number by the unique index on
-- youth_case (case_number). The beginning of a case number ("2027-00") is a LIKE 'prefix%', which PostgreSQL answers
-- from a b-tree only with the pattern operator class when the database's collation is not C.
create index ix_youth_case_number_prefix on youth_case (case_number varchar_pattern_ops);
-- "Mine sager": a caseworker's cases, open or closed
create index ix_youth_case_caseworker on youth_case (caseworker, status);
-- "Teamets sager", newest first
create index ix_youth_case_team_opened on youth_case (team_code, opened_at);

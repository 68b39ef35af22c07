-- Siblings in the case search (casefile.CaseSearch): the cases whose custody holders share a CPR number with a found
-- case's custody holders are found by this index, not by a scan of every party.
create index ix_case_party_custody_cpr on case_party (cpr, custody);

-- Why the child was not heard (issue 18): a step chosen, or a placement approved, with no conversation with the child
-- (journal kind CHILD_CONVERSATION) on the case must say why; the reason is kept with the decision it belongs to.
alter table intervention add column child_not_heard_reason varchar(2000);
alter table intervention add column approval_child_not_heard_reason varchar(2000);

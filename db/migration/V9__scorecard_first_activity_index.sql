-- A scorecard starts with the rep's first activity (Scorecards.REP): the earliest ticket, deal and sign-up
-- of an account the rep owns. With only (owner_rep_id) and (signed_up_at) indexes, the planner reads
-- accounts in sign-up order until it meets one of the rep's, which for a rep who owns no account is
-- every account (5 ms at scale 1, growing with the company: issue 9's growth benchmark). One index on
-- both answers it with one probe and also serves every lookup by owner alone, so it replaces that one.
create index accounts_owner_signed_up_idx on accounts (owner_rep_id, signed_up_at);
drop index accounts_owner_rep_idx;

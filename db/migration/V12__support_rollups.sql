-- Issue 16: the rollups that the leading indicators (metrics.md section 7) and the contact rate (section 2)
-- read, so that LeadingIndicatorsQuery and ContactRateQuery read a few rows per month of their range instead of
-- every rating, ticket, customer and MRR month behind it. Their definitions (rows functions, views, refreshes,
-- triggers) are R__support_rollups.sql and R__frt_week.sql; docs/scaling.md section 5 describes them.

-- Per account and month in which the account is active (MRR > 0, from account_month):
--   owner_rep_id, segment: the account's owner rep and segment_tier (V11) now, the filters' dimensions;
--   great, ok, not_good: ratings of the account's tickets counted in the month (rating_time, R__credit.sql);
--   active_3, active_6, active_12: MRR(m + 3, 6, 12 months) > 0, null when that month is after the horizon;
--   cohort:    m is the account's cohort month (its first month with MRR > 0);
--   early_contact, first_opened_at, first_frt: in the cohort month's row only (null elsewhere): a ticket of
--     the account opened in the 90 days after signed_up_at; the opening and first response time of the
--     account's first ticket (null without tickets; first_frt null when it was never answered);
--   customers: the account's customers created before the month's end (or at an unknown time);
--   contacted: of them, those who opened a ticket in the month.
create table account_support_month (
    account_id      bigint      not null,
    month           date        not null,
    owner_rep_id    bigint,
    segment         text        not null,
    great           bigint      not null,
    ok              bigint      not null,
    not_good        bigint      not null,
    active_3        boolean,
    active_6        boolean,
    active_12       boolean,
    cohort          boolean     not null,
    early_contact   boolean,
    first_opened_at timestamptz,
    first_frt       interval,
    customers       bigint      not null,
    contacted       bigint      not null,
    primary key (account_id, month)
);
-- the leading indicators read the cohort rows of their range's months
create index account_support_month_cohort_idx on account_support_month (month) where cohort;

-- The retention-after-a-bad-experience observations of account_support_month summed per (month, owner rep,
-- segment): active accounts with a not_good rating in the month (not_good) or with great ratings only
-- (only_great), and of those how many were active 3 and 12 months later (_3, _12; a month after the horizon
-- counts as not active: the query reads only months old enough). No row where both counts are 0.
create table indicator_month (
    month         date   not null,
    owner_rep_id  bigint,
    segment       text   not null,
    not_good      bigint not null,
    not_good_3    bigint not null,
    not_good_12   bigint not null,
    only_great    bigint not null,
    only_great_3  bigint not null,
    only_great_12 bigint not null,
    constraint indicator_month_key unique nulls not distinct (month, owner_rep_id, segment)
);

-- The contact rate's counts of account_support_month summed per (month, owner rep, segment): customers of
-- the accounts active in the month, and of them those who opened a ticket in it. No row without customers.
create table contact_month (
    month        date   not null,
    owner_rep_id bigint,
    segment      text   not null,
    customers    bigint not null,
    contacted    bigint not null,
    constraint contact_month_key unique nulls not distinct (month, owner_rep_id, segment)
);

-- First response times of the answered tickets per ISO week (Monday) of the opening in the organisation's time
-- zone, team of the ticket's rep (null: no rep) and FRT bucket (frt_bucket, R__frt_week.sql): how many, and
-- their values ascending. The exact median and 90th percentile of any set of weeks for a team or all
-- (metrics.md section 2, continuous) are read from the buckets that hold the two ranks each interpolates
-- between, instead of sorting every FRT of the range: the counts say which buckets, and only those buckets'
-- values are sorted. Keyed by team, not rep: per rep there would be about as many rows as tickets.
create table frt_week (
    week    date       not null,
    team    text,
    bucket  integer    not null,
    tickets bigint     not null,
    frts    interval[] not null,
    constraint frt_week_key unique nulls not distinct (week, team, bucket) include (tickets)
);
-- the values of a few buckets over the weeks of a range
create index frt_week_bucket_idx on frt_week (bucket, week);

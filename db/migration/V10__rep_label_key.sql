-- The secret behind the labels REP users see for other reps ("Rep 7KQ2MX"): an HMAC of the rep's
-- external id under this key, so a label is the same on every page, API and CSV, and cannot be turned
-- back into the rep (nor guessed from sequential ids) without the server. gen_random_uuid() draws
-- from the server's strong random source; two of them give 244 random bits.
alter table settings add column rep_label_key text not null
    default (gen_random_uuid()::text || gen_random_uuid()::text);

-- CSV exports put a ' before a text cell that starts with = + - or @ so that a spreadsheet opening
-- the file does not run it as a formula (CSV injection). The importer takes the ' off again.
create function csv_safe(value text) returns text
    language sql immutable parallel safe
    return case when value ~ '^[=+@-]' then '''' || value else value end;

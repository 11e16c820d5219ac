package io.tandem.app.imports;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The second step of an import: checks across the staged rows and against the database, as
 * set-based SQL writing into import_errors (duplicate keys, references, rep emails, times in order
 * with the stored ones). Rejected external ids go to import_rejected, so that a later file naming
 * one can say why it fails.
 */
@Component
class CrossRowChecks {

    private final JdbcClient jdbc;

    CrossRowChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the errors of rows that conflict with other rows or the database, and records the rejected keys. */
    void run(Staging.Header header, String fileName) {
        ImportKind kind = header.kind();
        duplicateKeys(kind);
        for (Column c : kind.columns()) {
            if (c.type() == ColumnType.REF) {
                resolve(c);
            }
        }
        storedOrder(header);
        if (kind == ImportKind.REPS) {
            jdbc.sql("""
                    insert into import_errors (line, col, value, message)
                    select s.line, 'email', s.email, 'is already the email of rep ' || r.external_id
                    from import_stage s
                    join reps r on lower(r.email) = lower(s.email) and r.external_id <> s.external_id
                    where s.err_msg is null
                      and not exists (select 1 from import_stage o
                                      where o.external_id = r.external_id and o.err_msg is null
                                        and lower(coalesce(o.email, '')) <> lower(s.email))
                    union all
                    select line, 'email', email, 'is also the email on line ' || first_line
                    from (select line, email, min(line) over (partition by lower(email)) as first_line
                          from import_stage where err_msg is null and email is not null) d
                    where line > first_line
                    """).update();
        }
        if (kind.key().equals(List.of("external_id"))) {
            jdbc.sql("""
                    insert into import_rejected (kind, key, file, line)
                    select distinct on (s.external_id) :kind, s.external_id, :file, s.line
                    from import_stage s
                    where s.external_id is not null
                      and (s.err_msg is not null or exists (select 1 from import_errors e where e.line = s.line))
                      and not exists (select 1 from import_stage ok
                                      where ok.external_id = s.external_id and ok.err_msg is null
                                        and not exists (select 1 from import_errors e where e.line = ok.line))
                    order by s.external_id, s.line
                    """).param("kind", kind.code()).param("file", fileName).update();
        }
    }

    /**
     * An update that gives one time of an ordered pair and leaves the other as stored (its column
     * is not in the file) must still keep the order, or the row would break the table's check.
     */
    private void storedOrder(Staging.Header header) {
        ImportKind kind = header.kind();
        for (String[] pair : kind.orderedPairs()) {
            boolean laterGiven = header.present().contains(kind.column(pair[0]).orElseThrow());
            boolean earlierGiven = header.present().contains(kind.column(pair[1]).orElseThrow());
            if (laterGiven == earlierGiven) {
                continue;
            }
            String given = laterGiven ? pair[0] : pair[1];
            String stored = laterGiven ? pair[1] : pair[0];
            jdbc.sql("""
                    insert into import_errors (line, col, value, message)
                    select s.line, '%1$s', %3$s,
                           'is %4$s ' || '%2$s' || ' as stored in Tandem (' || %5$s || '); give both columns to change both'
                    from import_stage s
                    join %6$s t on t.external_id = s.external_id
                    where s.err_msg is null and s.%1$s %7$s t.%2$s
                    """.formatted(given, stored, utc("s." + given), laterGiven ? "before" : "after",
                    utc("t." + stored), kind.table(), laterGiven ? "<" : ">")).update();
        }
    }

    private static String utc(String instant) {
        return "to_char(" + instant + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
    }

    /** A key that appears twice in one file rejects the later rows, naming the first. */
    private void duplicateKeys(ImportKind kind) {
        List<String> key = kind.key().stream()
                .map(name -> kind.column(name).orElseThrow().staged())
                .toList();
        String keyList = String.join(", ", key);
        String what = kind == ImportKind.RATINGS ? "a second rating for this ticket in the file"
                : "appears twice in the file";
        jdbc.sql("""
                insert into import_errors (line, col, value, message)
                select line, :column, concat_ws(' / ', %1$s), :what || '; first on line ' || first_line
                from (select line, %1$s, min(line) over (partition by %1$s) as first_line
                      from import_stage where err_msg is null) d
                where line > first_line
                """.formatted(keyList))
                .param("column", kind.key().get(kind.key().size() - 1).equals("month") ? "month" : kind.key().get(0))
                .param("what", what)
                .update();
    }

    /** Finds the id a reference names; reps may also be named by email. */
    private void resolve(Column c) {
        String table = c.refKind();
        jdbc.sql("""
                update import_stage s set %1$s = t.id
                from %2$s t
                where t.external_id = s.%3$s and s.err_msg is null
                """.formatted(c.target(), table, c.staged())).update();
        if (table.equals("reps")) {
            jdbc.sql("""
                    update import_stage s set %1$s = t.id
                    from reps t
                    where s.%1$s is null and lower(t.email) = lower(s.%2$s) and s.err_msg is null
                    """.formatted(c.target(), c.staged())).update();
        }
        jdbc.sql("""
                insert into import_errors (line, col, value, message)
                select s.line, :column, s.%2$s,
                       coalesce('was rejected in ' || r.file || ' line ' || r.line,
                                'names no %3$s in Tandem or earlier in this import')
                from import_stage s
                left join lateral (select file, line from import_rejected
                                   where kind = :kind and key = s.%2$s order by line limit 1) r on true
                where s.err_msg is null and s.%2$s is not null and s.%1$s is null
                """.formatted(c.target(), c.staged(), singular(table)))
                .param("column", c.name()).param("kind", table)
                .update();
    }

    private static String singular(String table) {
        return table.endsWith("s") ? table.substring(0, table.length() - 1) : table;
    }
}

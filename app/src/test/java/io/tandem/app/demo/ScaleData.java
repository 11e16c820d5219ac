package io.tandem.app.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TEMPORARY stand-in for the scale generator another worker is writing (same signature); delete it
 * when the real {@code io.tandem.app.demo.ScaleData} is merged. It writes the demo company of
 * 2,000 x scale accounts as the seven canonical import CSVs.
 */
public final class ScaleData {

    private ScaleData() {
    }

    public static Map<String, Long> write(double scale, long seed, LocalDate today, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<TableRows> tables = new DemoDataGenerator(seed, Math.max(10, (int) Math.round(2000 * scale)), today).generate();
        Map<String, Map<Object, Object>> externalIds = new HashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TableRows t : tables) {
            int id = t.columns().indexOf("id");
            int ext = t.columns().indexOf("external_id");
            if (id >= 0) {
                Map<Object, Object> ids = new HashMap<>();
                t.rows().forEach(r -> ids.put(r[id], r[ext]));
                externalIds.put(t.table().replaceFirst("s$", ""), ids);
            }
            List<Integer> kept = new ArrayList<>();
            List<String> header = new ArrayList<>();
            for (int i = 0; i < t.columns().size(); i++) {
                String c = t.columns().get(i);
                if (!c.equals("id")) {
                    kept.add(i);
                    header.add(c.equals("external_id") ? c : c.replaceFirst("_id$", ""));
                }
            }
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(t.table() + ".csv"), StandardCharsets.UTF_8)) {
                out.write(String.join(",", header) + "\n");
                for (Object[] r : t.rows()) {
                    List<String> cells = new ArrayList<>();
                    for (int i : kept) {
                        String c = t.columns().get(i);
                        Object v = r[i];
                        if (v != null && c.endsWith("_id") && !c.equals("external_id")) {
                            v = externalIds.get(c.replaceFirst("_id$", "").replace("owner_", "")).get(v);
                        }
                        String s = v == null ? "" : v.toString();
                        if (c.equals("month")) {
                            s = s.substring(0, 7);
                        }
                        cells.add(s.contains(",") || s.contains("\"") || s.contains("\n")
                                ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
                    }
                    out.write(String.join(",", cells) + "\n");
                }
            }
            counts.put(t.table(), (long) t.rows().size());
        }
        return counts;
    }
}

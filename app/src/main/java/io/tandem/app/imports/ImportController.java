package io.tandem.app.imports;

import io.tandem.domain.imports.ImportRunRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** The admins' import page: upload, dry run, confirm, progress, history and error reports. */
@Controller
class ImportController {

    private final ImportRequests requests;
    private final ImportProgress progress;
    private final ImportRunRepository runs;
    private final CsvExport export;
    private final JdbcClient jdbc;

    ImportController(ImportRequests requests, ImportProgress progress, ImportRunRepository runs, CsvExport export,
                     JdbcClient jdbc) {
        this.requests = requests;
        this.progress = progress;
        this.runs = runs;
        this.export = export;
        this.jdbc = jdbc;
    }

    @GetMapping("/import")
    String page(Model model) {
        model.addAttribute("runs", runs.findTop50ByOrderByStartedAtDesc());
        model.addAttribute("kinds", Arrays.stream(ImportKind.values()).map(ImportKind::code).toList());
        return "imports/import";
    }

    /** The page's upload, as JSON (the same body as the API), under the session and its CSRF token. */
    @PostMapping("/import/run")
    @ResponseBody
    ResponseEntity<Object> run(@RequestParam(defaultValue = "auto") String kind,
                               @RequestParam(defaultValue = "strict") String mode,
                               @RequestParam(defaultValue = "true") String dryRun,
                               @RequestParam(required = false) String progress,
                               @RequestParam(name = "file", required = false) MultipartFile file,
                               HttpServletRequest request, Principal principal) throws IOException {
        if (file == null || file.isEmpty()) {
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Choose a CSV or zip file first."));
        }
        return requests.handle(kind, mode, dryRun, progress, file, request, principal.getName());
    }

    @GetMapping("/import/progress/{id}")
    @ResponseBody
    ResponseEntity<ImportProgress.Status> progress(@PathVariable String id) {
        ImportProgress.Status status = progress.status(id);
        return status == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(status);
    }

    /** The error report of one run as CSV: line, column, value, message. */
    @GetMapping("/import/runs/{id}/errors.csv")
    void errors(@PathVariable long id, HttpServletResponse response) throws IOException {
        if (!runs.existsById(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<Map<String, Object>> rows = jdbc.sql("""
                select line, col, csv_safe(value) as value, csv_safe(message) as message
                from import_run_errors where run_id = :id order by line, col""")
                .param("id", id).query().listOfRows();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
        PrintWriter out = response.getWriter();
        out.print("line,column,value,message\r\n");
        for (Map<String, Object> row : rows) {
            out.print(cell(row.get("line")) + "," + cell(row.get("col")) + "," + cell(row.get("value")) + ","
                    + cell(row.get("message")) + "\r\n");
        }
    }

    @GetMapping("/import/export/{kind}.csv")
    void exportKind(@PathVariable String kind, HttpServletResponse response) throws IOException {
        export.send(kind, response);
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        return "\"" + value.toString().replace("\"", "\"\"") + "\"";
    }

}

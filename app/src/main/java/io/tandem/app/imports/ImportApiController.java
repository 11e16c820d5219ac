package io.tandem.app.imports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/imports/{kind}?mode=strict|lenient&dryRun=true|false} (api.md, Imports) with a
 * text/csv or application/zip body or a multipart file; {@code GET /api/exports/{kind}} gives
 * the same CSV back.
 */
@RestController
class ImportApiController {

    private final ImportRequests requests;
    private final CsvExport export;

    ImportApiController(ImportRequests requests, CsvExport export) {
        this.requests = requests;
        this.export = export;
    }

    @PostMapping("/api/imports/{kind}")
    ResponseEntity<Object> importFile(@PathVariable String kind,
                                      @RequestParam(defaultValue = "strict") String mode,
                                      @RequestParam(defaultValue = "false") String dryRun,
                                      @RequestParam(required = false) String progress,
                                      @RequestPart(name = "file", required = false) MultipartFile file,
                                      HttpServletRequest request, Principal principal) throws IOException {
        return requests.handle(kind, mode, dryRun, progress, file, request, principal.getName());
    }

    @GetMapping("/api/exports/{kind}")
    void exportKind(@PathVariable String kind, HttpServletResponse response) throws IOException {
        export.send(kind, response);
    }
}

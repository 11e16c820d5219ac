package io.tandem.app.imports;

import io.tandem.app.db.UploadFolder;
import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Turns an upload (raw CSV or zip body, or a multipart file) into an import, for the API and the page. */
@Component
class ImportRequests {

    private final Imports imports;
    private final ImportProgress progress;
    private final UploadFolder uploads;
    private final long maxFileBytes;

    ImportRequests(Imports imports, ImportProgress progress, UploadFolder uploads,
                   @Value("${tandem.import.max-file-mb:200}") long maxFileMb) {
        this.imports = imports;
        this.progress = progress;
        this.uploads = uploads;
        this.maxFileBytes = maxFileMb * 1024 * 1024;
    }

    ResponseEntity<Object> handle(String kindParam, String modeParam, String dryRunParam, String progressId,
                                  MultipartFile file, HttpServletRequest request, String user) throws IOException {
        ImportKind kind = kind(kindParam);
        boolean dryRun = dryRun(dryRunParam);
        ImportMode mode = ImportMode.parse(modeParam);
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        Path temp = uploads.newFile();
        try {
            String name;
            long size;
            if (file != null) {
                name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
                size = file.getSize();
                checkSize(size);
                file.transferTo(temp);
            } else {
                name = kind != null ? kind.code() + ".csv" : contentType.contains("zip") ? "upload.zip" : "upload.csv";
                if (request.getContentLengthLong() > maxFileBytes) {
                    checkSize(request.getContentLengthLong());
                }
                size = copyLimited(request.getInputStream(), temp);
            }
            boolean zip = contentType.contains("application/zip") || name.toLowerCase(Locale.ROOT).endsWith(".zip")
                    || "zip".equals(kindParam);
            List<Imports.Source> sources = zip
                    ? imports.zipSources(temp)
                    : List.of(new Imports.Source(name, kind != null ? kind : ImportKind.fromFileName(name).orElse(null),
                    () -> Files.newInputStream(temp)));
            ImportProgress.Tracker tracker = progress.start(progressId, size);
            Imports.Run run = imports.run(sources, mode, dryRun, user, tracker);
            List<ImportResult> results = run.files();
            HttpStatus status = run.outcome().refused() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK;
            Object body = zip ? Map.of("mode", mode.code(), "dryRun", dryRun, "files", results) : results.get(0);
            return ResponseEntity.status(status).body(body);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** null for "auto" (detect from the header) and "zip". */
    private static ImportKind kind(String code) {
        if (code == null || code.equals("auto") || code.equals("zip")) {
            return null;
        }
        return ImportKind.fromCode(code).orElseThrow(() -> new IllegalArgumentException(
                "Parameter 'kind' must be one of reps, accounts, customers, revenue, tickets, ratings, deals, auto"
                        + " or zip, not '" + code + "'."));
    }

    private static boolean dryRun(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("Parameter 'dryRun' must be true or false, not '" + value + "'.");
        };
    }

    private void checkSize(long size) {
        if (size > maxFileBytes) {
            throw new ImportFailure(HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than the limit of "
                    + maxFileBytes / (1024 * 1024) + " MB (tandem.import.max-file-mb).");
        }
    }

    /**
     * Copies a raw body into the (existing, owner-only) file, refusing it as soon as it passes the
     * size limit. Written in place: Files.copy with REPLACE_EXISTING would make a new file with the
     * default mode.
     */
    private long copyLimited(InputStream in, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            return limited(in).transferTo(out);
        }
    }

    private InputStream limited(InputStream in) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                read += Math.max(n, 0);
                checkSize(read);
                return n;
            }
        };
    }
}

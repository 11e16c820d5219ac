package io.tandem.app.imports;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The rows of an uploaded CSV file, each with the line it starts on, read as a stream (FastCSV)
 * from strict UTF-8. What a plain CSV reader gets wrong is handled here:
 * <ul>
 *   <li>UTF-16 (with or without a byte order mark) is named as such, not as "binary";</li>
 *   <li>a byte that is not UTF-8 is reported on the line it is on;</li>
 *   <li>a quote that is never closed would swallow every row after it into one field: the row
 *       where it opened becomes a {@link Row#unclosedQuote() rejected row}, and the lines after
 *       that row are read again as rows of their own.</li>
 * </ul>
 */
final class CsvRows implements AutoCloseable {

    /** One record: its first line, its fields; {@code unclosedQuote} when a quote opened in it never closes. */
    record Row(long line, List<String> fields, boolean unclosedQuote) {

        int size() {
            return fields.size();
        }

        String field(int i) {
            return fields.get(i);
        }

        boolean blank() {
            return !unclosedQuote && fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private final String fileName;
    private final int maxFieldChars;
    private final long lineOffset;
    private final TrackingReader reader;
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private CsvRows rest;
    private long lastLine;

    CsvRows(String fileName, InputStream content, int maxFieldChars) throws IOException {
        this(fileName, new TrackingReader(notUtf16(fileName, content), maxFieldChars), maxFieldChars, 0);
    }

    private CsvRows(String fileName, TrackingReader reader, int maxFieldChars, long lineOffset) {
        this.fileName = fileName;
        this.maxFieldChars = maxFieldChars;
        this.lineOffset = lineOffset;
        this.reader = reader;
        this.csv = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(false)
                .maxBufferSize(maxFieldChars)
                .ofCsvRecord(reader);
        this.records = csv.iterator();
    }

    /** The next row, or null at the end; a file that cannot be read as CSV is an {@link ImportFailure}. */
    Row next() {
        if (rest != null) {
            return rest.next();
        }
        CsvRecord record = read();
        if (record == null) {
            return null;
        }
        if (reader.endedInsideQuote() && read() == null) {
            long opened = lineOffset + reader.quoteLine();
            if (reader.captureOverflowed()) {
                throw new ImportFailure(HttpStatus.BAD_REQUEST, fileName + " line " + opened + ": a quote opens"
                        + " there and is never closed. Close it, or remove it, and import the file again.");
            }
            rest = new CsvRows(fileName, new TrackingReader(new StringReader(reader.afterQuoteLine()), maxFieldChars),
                    maxFieldChars, opened);
            List<String> fields = record.getFields();
            String last = fields.get(fields.size() - 1);
            List<String> cut = new ArrayList<>(fields);
            cut.set(fields.size() - 1, last.lines().findFirst().orElse(""));
            return new Row(opened, List.copyOf(cut), true);
        }
        lastLine = lineOffset + record.getStartingLineNumber();
        return new Row(lastLine, record.getFields(), false);
    }

    private CsvRecord read() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (CsvParseException e) {
            String quote = reader.insideQuote() ? " A quote opened on line " + (lineOffset + reader.quoteLine())
                    + " is not closed before the problem; is a closing quote missing?" : "";
            throw new ImportFailure(HttpStatus.BAD_REQUEST, fileName + " is not valid CSV near line "
                    + Math.max(lastLine + 1, lineOffset + 1) + ": " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "") + "." + quote);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new ImportFailure(HttpStatus.BAD_REQUEST, fileName + " is not UTF-8: line "
                        + (lineOffset + reader.line()) + " holds a byte that is not valid UTF-8 (Latin-1 or"
                        + " Windows-1252?). Save the file as UTF-8 and import it again.");
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    /** Refuses UTF-16, which a UTF-8 reader would take for text full of NUL characters. */
    private static InputStream notUtf16(String fileName, InputStream content) throws IOException {
        PushbackInputStream in = new PushbackInputStream(content, 4);
        byte[] start = in.readNBytes(4);
        in.unread(start);
        boolean bom = start.length >= 2 && ((start[0] == (byte) 0xFE && start[1] == (byte) 0xFF)
                || (start[0] == (byte) 0xFF && start[1] == (byte) 0xFE));
        boolean littleEndian = start.length == 4 && start[0] != 0 && start[1] == 0 && start[2] != 0 && start[3] == 0;
        boolean bigEndian = start.length == 4 && start[0] == 0 && start[1] != 0 && start[2] == 0 && start[3] != 0;
        if (bom || littleEndian || bigEndian) {
            throw new ImportFailure(HttpStatus.BAD_REQUEST, fileName + " is UTF-16, not UTF-8. Save it as UTF-8"
                    + " (in Excel: CSV UTF-8) and import it again.");
        }
        return in;
    }

    /**
     * Decodes strict UTF-8 (every character before a bad byte is delivered first, so the line it is
     * on is known) and follows the CSV quoting to know on which line an open quote started.
     */
    private static final class TrackingReader extends Reader {

        private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

        private final InputStream bytesIn;
        private final Reader charsIn;
        private final int maxCapture;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
        private CoderResult pendingError;
        private boolean bytesEnded;
        private boolean ended;
        private boolean captureOverflowed;
        private State state = State.FIELD_START;
        private boolean afterCr;
        private long line = 1;
        private long quoteLine;
        private final StringBuilder sinceQuote = new StringBuilder();

        TrackingReader(InputStream in, int maxFieldChars) {
            this.bytesIn = in;
            this.charsIn = null;
            this.maxCapture = 4 * maxFieldChars;
        }

        TrackingReader(Reader in, int maxFieldChars) {
            this.bytesIn = null;
            this.charsIn = in;
            this.maxCapture = 4 * maxFieldChars;
        }

        long line() {
            return line;
        }

        boolean insideQuote() {
            return state == State.QUOTED;
        }

        boolean endedInsideQuote() {
            return ended && state == State.QUOTED;
        }

        /** The text after an open quote was too long to keep; it cannot be read again. */
        boolean captureOverflowed() {
            return captureOverflowed;
        }

        long quoteLine() {
            return quoteLine;
        }

        /** The text after the line on which the open quote started. */
        String afterQuoteLine() {
            for (int i = 0; i < sinceQuote.length(); i++) {
                char ch = sinceQuote.charAt(i);
                if (ch == '\n' || ch == '\r') {
                    int next = ch == '\r' && i + 1 < sinceQuote.length() && sinceQuote.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                    return sinceQuote.substring(next);
                }
            }
            return "";
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            int n = charsIn != null ? charsIn.read(buffer, offset, length) : decode(buffer, offset, length);
            if (n < 0) {
                ended = true;
                return n;
            }
            for (int i = offset; i < offset + n; i++) {
                follow(buffer[i]);
            }
            return n;
        }

        private int decode(char[] buffer, int offset, int length) throws IOException {
            if (pendingError != null) {
                pendingError.throwException();
            }
            if (length == 0) {
                return 0;
            }
            CharBuffer out = CharBuffer.wrap(buffer, offset, length);
            while (out.position() == offset) {
                CoderResult result = decoder.decode(bytes, out, bytesEnded);
                if (result.isError()) {
                    if (out.position() > offset) {
                        pendingError = result;
                        break;
                    }
                    result.throwException();
                }
                if (result.isOverflow()) {
                    break;
                }
                if (bytesEnded) {
                    decoder.flush(out);
                    return out.position() == offset ? -1 : out.position() - offset;
                }
                bytes.compact();
                int read = bytesIn.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    bytesEnded = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
            }
            return out.position() - offset;
        }

        private void follow(char ch) {
            if (state == State.QUOTED || state == State.QUOTE_IN_QUOTED) {
                if (sinceQuote.length() < maxCapture) {
                    sinceQuote.append(ch);
                } else {
                    captureOverflowed = true;
                }
            }
            boolean lineBreak = ch == '\r' || (ch == '\n' && !afterCr);
            afterCr = ch == '\r';
            state = switch (state) {
                case FIELD_START, UNQUOTED -> ch == '"' && state == State.FIELD_START ? opened()
                        : ch == ',' || ch == '\n' || ch == '\r' ? State.FIELD_START : State.UNQUOTED;
                case QUOTED -> ch == '"' ? State.QUOTE_IN_QUOTED : State.QUOTED;
                case QUOTE_IN_QUOTED -> ch == '"' ? State.QUOTED
                        : ch == ',' || ch == '\n' || ch == '\r' ? State.FIELD_START : State.UNQUOTED;
            };
            if (lineBreak) {
                line++;
            }
        }

        private State opened() {
            quoteLine = line;
            sinceQuote.setLength(0);
            captureOverflowed = false;
            return State.QUOTED;
        }

        @Override
        public void close() throws IOException {
            if (charsIn != null) {
                charsIn.close();
            } else {
                bytesIn.close();
            }
        }
    }
}

package io.tandem.app.web;

/**
 * A page of a drill-down list from the request's {@code limit} and {@code offset}: every drill-down is
 * paged, so that no single request reads or renders an unbounded list (CSV downloads hold all rows).
 */
public record Paging(int limit, long offset) {

    /**
     * @throws BadParameterException when limit is outside 1..max or offset is negative
     */
    public static Paging of(Integer limit, Long offset, int defaultLimit, int max) {
        int size = limit == null ? defaultLimit : limit;
        if (size < 1 || size > max) {
            throw new BadParameterException("limit", "Parameter 'limit' must be between 1 and " + max + ", not "
                    + size + ".");
        }
        long skip = offset == null ? 0 : offset;
        if (skip < 0) {
            throw new BadParameterException("offset", "Parameter 'offset' must be 0 or more, not " + skip + ".");
        }
        return new Paging(size, skip);
    }
}

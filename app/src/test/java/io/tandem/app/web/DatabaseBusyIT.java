package io.tandem.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tandem.app.EmptyTandemIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A statement cancelled by the statement timeout answers 503 with Retry-After, not 500. */
@EmptyTandemIT
class DatabaseBusyIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aTimedOutStatementIsReportedAsBusy() {
        DataAccessException timedOut = catchThrowableOfType(DataAccessException.class,
                () -> transaction.executeWithoutResult(status -> {
                    jdbc.sql("set local statement_timeout = '50ms'").update();
                    jdbc.sql("select pg_sleep(2)").query().singleValue();
                }));

        assertThat(DatabaseBusy.is(timedOut)).isTrue();
        ResponseEntity<ProblemDetail> answer = new ApiErrors().database(timedOut);
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
        assertThat(answer.getBody().getDetail()).contains("needed longer than allowed");
    }

    @Test
    void otherDatabaseErrorsAreNotBusy() {
        DataAccessException broken = catchThrowableOfType(DataAccessException.class,
                () -> jdbc.sql("select * from no_such_table").query().listOfRows());

        assertThat(DatabaseBusy.is(broken)).isFalse();
        assertThat(new ApiErrors().database(broken).getStatusCode().value()).isEqualTo(500);
    }
}

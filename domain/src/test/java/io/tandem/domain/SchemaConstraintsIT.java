package io.tandem.domain;

import io.tandem.domain.testing.TestDatabase;
import javax.sql.DataSource;

class SchemaConstraintsIT extends SchemaConstraintsContract {

    @Override
    DataSource dataSource() {
        return TestDatabase.dataSource();
    }
}

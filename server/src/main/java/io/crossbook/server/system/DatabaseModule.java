package io.crossbook.server.system;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The database: which one, and whether it answers. */
@Component
@Order(0)
class DatabaseModule implements SystemModule {
    private final DataSource dataSource;

    DatabaseModule(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Health health() {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
            return c.isValid(2) ? Health.up("RUNNING", product) : new Health("RUNNING", "DOWN", product + " does not answer");
        } catch (SQLException e) {
            return new Health("UNAVAILABLE", "DOWN", e.getMessage());
        }
    }
}

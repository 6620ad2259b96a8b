package org.taskdesk.persistence.mapping;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.accounts.AccountStorage;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseErrors;
import org.taskdesk.persistence.tasks.HibernateTaskStorage;

/**
 * Builds Hibernate over a migrated database. Flyway owns the schema; Hibernate only checks that its mapping
 * fits ({@code validate}), so a mismatch stops start-up with the table and column named.
 */
public final class HibernateSetup {
    /** Every entity class: the mapping that migrations must keep up with. */
    public static final List<Class<?>> ENTITIES = Stream.of(AccountStorage.ENTITIES, HibernateTaskStorage.ENTITIES)
            .flatMap(List::stream).toList();

    private HibernateSetup() {
    }

    /** A session factory that has validated the entities against the database. */
    public static SessionFactory validated(DatabaseConnections connections) {
        return validated(connections, connections);
    }

    /** The same, with Hibernate taking its connections from {@code pool} (opened by {@code connections}). */
    public static SessionFactory validated(DatabaseConnections connections, DataSource pool) {
        try {
            return configuration(pool, Map.of("hibernate.hbm2ddl.auto", "validate")).buildSessionFactory();
        } catch (SchemaManagementException e) {
            throw new TaskDeskException(ErrorCode.SCHEMA_MISMATCH, "The database " + connections.target().displayName()
                    + " does not match this TaskDesk: " + e.getMessage().replaceFirst("^Schema[- ]validation: ", "")
                    + ". Run 'taskdesk db upgrade head'; if it is already at head, report this as a bug.", e);
        } catch (RuntimeException e) {
            // Hibernate reads the schema at start: a server that stops answering then is no bug of ours.
            throw DatabaseErrors.notAnswering(connections.target(), e, DatabaseErrors.NOTHING_CHANGED)
                    .map(RuntimeException.class::cast).orElse(e);
        }
    }

    static Configuration configuration(DataSource connections, Map<String, String> settings) {
        Configuration configuration = new Configuration();
        ENTITIES.forEach(configuration::addAnnotatedClass);
        configuration.getProperties().put("hibernate.connection.datasource", connections);
        configuration.getProperties().put(MappingSettings.JSON_FORMAT_MAPPER, NoFormatMapper.INSTANCE);
        configuration.getProperties().put(MappingSettings.XML_FORMAT_MAPPER, NoFormatMapper.INSTANCE);
        configuration.setProperty("hibernate.jdbc.time_zone", "UTC");
        configuration.setProperty("hibernate.boot.allow_jdbc_metadata_access", "true");
        configuration.setProperty("hibernate.show_sql", "false");
        settings.forEach(configuration::setProperty);
        return configuration;
    }
}

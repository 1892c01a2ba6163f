package io.aegntic.studio.infra.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.infra.StackEndpoints;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The shared stack's PostgreSQL is a real server that R2DBC talks to. */
@ExtendWith(StudioStackExtension.class)
class PostgresIT {

  @Test
  void r2dbcQueriesTheStudioDatabase(StackEndpoints stack) {
    String version =
        query(stack, "SELECT current_database() || ' ' || current_user || ' ' || version()").get(0);
    assertThat(version).startsWith("studio studio PostgreSQL 14");
  }

  @Test
  void newDatabaseGivesAFreshDatabaseOfItsOwn(StackEndpoints stack) {
    String name = StudioStackExtension.newDatabase("PostgresIT");
    assertThat(name).startsWith("postgresit_");
    StackEndpoints mine = stack.withPostgresDatabase(name);
    List<String> rows =
        query(
            mine,
            "CREATE TABLE drafts (id int PRIMARY KEY, title text)",
            "INSERT INTO drafts VALUES (1, 'hello'), (2, 'world')",
            "SELECT title FROM drafts ORDER BY id");
    assertThat(rows).containsExactly("hello", "world");
    assertThat(StudioStackExtension.newDatabase("PostgresIT")).isNotEqualTo(name);
  }

  /** Runs the statements in order on one connection; returns the first column of the last. */
  static List<String> query(StackEndpoints stack, String... sql) {
    ConnectionFactory factory =
        ConnectionFactories.get(
            ConnectionFactoryOptions.parse(stack.postgresR2dbcUrl())
                .mutate()
                .option(ConnectionFactoryOptions.USER, stack.postgresUser())
                .option(ConnectionFactoryOptions.PASSWORD, stack.postgresPassword())
                .build());
    return Flux.usingWhen(
            factory.create(),
            (Connection c) -> {
              Flux<String> result = Flux.empty();
              for (int i = 0; i < sql.length; i++) {
                String statement = sql[i];
                boolean last = i == sql.length - 1;
                result =
                    result.thenMany(
                        Flux.from(c.createStatement(statement).execute())
                            .flatMap(
                                r ->
                                    last
                                        ? r.map((row, meta) -> String.valueOf(row.get(0)))
                                        : Mono.from(r.getRowsUpdated())
                                            .then(Mono.<String>empty())));
              }
              return result;
            },
            Connection::close)
        .collectList()
        .block();
  }
}

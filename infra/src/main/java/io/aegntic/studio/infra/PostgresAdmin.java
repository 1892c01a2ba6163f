package io.aegntic.studio.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** Creates PostgreSQL roles and databases for the stack through a superuser connection. */
public final class PostgresAdmin {

  private final String jdbcUrl;
  private final String user;
  private final String password;

  /** {@code jdbcUrl} points at a database the superuser can connect to (e.g. {@code postgres}). */
  public PostgresAdmin(String jdbcUrl, String user, String password) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  /** Creates a database named {@code prefix_<random>} owned by {@code owner}; returns its name. */
  public String createDatabase(String prefix, String owner) {
    String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
      clean = "db_" + clean;
    }
    if (clean.length() > 40) {
      clean = clean.substring(0, 40);
    }
    String name = clean + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + name + " OWNER " + quote(owner));
    return name;
  }

  /** Creates the login role and database when missing and (re)sets the role's password. */
  void ensureRoleAndDatabase(String role, String rolePassword, String database)
      throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      boolean roleExists;
      try (var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
        roleExists = rs.next();
      }
      String pw = rolePassword.replace("'", "''");
      s.execute(
          (roleExists ? "ALTER ROLE " : "CREATE ROLE ")
              + quote(role)
              + " LOGIN CREATEDB PASSWORD '"
              + pw
              + "'");
      boolean dbExists;
      try (var rs =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
        dbExists = rs.next();
      }
      if (!dbExists) {
        s.execute("CREATE DATABASE " + quote(database) + " OWNER " + quote(role));
      }
    }
  }

  private void execute(String sql) {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new StackException("PostgreSQL refused `" + sql + "`: " + e.getMessage(), e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}

package io.kube4j.api.printer;

/**
 * One column definition of a {@code meta.k8s.io/v1 Table}. Columns with priority 1 are shown by kubectl only
 * with {@code -o wide}; the server always sends their cells.
 */
public record Column(String name, String type, String format, String description, int priority) {

    static final Column NAME = new Column("Name", "string", "name", "Name of the object.", 0);
    static final Column AGE = string("Age", "Time elapsed since the object was created.");

    static Column string(String name, String description) {
        return new Column(name, "string", "", description, 0);
    }

    static Column integer(String name, String description) {
        return new Column(name, "integer", "", description, 0);
    }

    static Column bool(String name, String description) {
        return new Column(name, "boolean", "", description, 0);
    }

    /** This column, shown only with {@code -o wide}. */
    Column wide() {
        return new Column(name, type, format, description, 1);
    }
}

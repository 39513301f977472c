package dev.reflekt.core.dbt;

import java.sql.Connection;

/** A contract that runs on one {@link TestWarehouse}: a fresh database per test, dropped after it. */
abstract class WarehouseContract {

    private TestWarehouse.Session session;

    /** The warehouse this subclass runs the contract on. */
    abstract TestWarehouse warehouse();

    /** Opens a fresh database of {@link #warehouse()}. */
    Connection open() throws Exception {
        session = warehouse().open();
        return session.connection();
    }

    /** The name of that database (the catalog of information_schema). */
    String database() {
        return session.database();
    }

    /** The dialect the package is written in. */
    String dialect() {
        return warehouse().dialect();
    }

    /** Drops what {@link #open} created. */
    void cleanUp() throws Exception {
        session.cleanUp().run();
    }
}

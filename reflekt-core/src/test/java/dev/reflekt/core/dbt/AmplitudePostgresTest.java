package dev.reflekt.core.dbt;

/** The Amplitude models on a real PostgreSQL server, the export's JSON documents as {@code jsonb}. */
class AmplitudePostgresTest extends AmplitudeExecutionContract {

    @Override
    TestWarehouse warehouse() {
        return TestWarehouse.POSTGRES;
    }

    @Override
    String json(String text) {
        return "'" + text.replace("'", "''") + "'::jsonb";
    }
}

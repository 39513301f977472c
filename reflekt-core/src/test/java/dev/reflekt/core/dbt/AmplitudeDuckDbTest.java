package dev.reflekt.core.dbt;

/** The Amplitude models on DuckDB, the export's JSON documents as {@code json}. */
class AmplitudeDuckDbTest extends AmplitudeExecutionContract {

    @Override
    TestWarehouse warehouse() {
        return TestWarehouse.DUCKDB;
    }

    @Override
    String json(String text) {
        return "'" + text.replace("'", "''") + "'::json";
    }
}

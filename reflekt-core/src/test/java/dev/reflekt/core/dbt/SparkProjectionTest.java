package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The databricks dialect's projections on a real Spark engine (local mode) with Delta tables: tables and
 * incremental models are Delta, merged on their unique key as dbt-databricks does; the deletion step is a
 * Delta {@code MERGE}. The same contract as DuckDB and PostgreSQL.
 */
class SparkProjectionTest extends ProjectionExecutionContract {

    @Override
    TestWarehouse warehouse() {
        return TestWarehouse.SPARK;
    }

    @Override
    String dbtVersion() {
        return "1.11";
    }

    @Override
    boolean spark() {
        return true;
    }

    /** Segment's Databricks destination loads Delta tables; Spark spells the types its own way. */
    @Override
    String ddl(String sql) {
        return sql.replace("\"timestamp\"", "`timestamp`")
                        .replace("double precision", "double")
                        .replace("varchar", "string")
                + " using delta";
    }

    @Test
    void parquetHistoryAndCurrentStateAreParquetTablesEqualToTheirReplay() throws Exception {
        DbtRunner dbt = build("parquet: true");
        assertThat(dbt.file("stg_seg__order_placed__current.sql"))
                .content()
                .contains("materialized = 'table'", "file_format = 'parquet'");
        insert("e1", 1, 1, "o1", "placed", false);
        insert("e2", 2, 2, "o1", "shipped", false);
        insert("e3", 2, 2, "o2", "placed", true);
        dbt.run("stg_seg__order_placed", false);
        dbt.run("stg_seg__order_placed__current", false);
        assertThat(dbt.rows("describe detail stg.stg_seg__order_placed__current"))
                .extracting(r -> r.get("format"))
                .containsExactly("parquet");
        assertThat(dbt.rows("select order_id, status from stg.stg_seg__order_placed__current order by order_id"))
                .extracting(r -> r.get("order_id") + "=" + r.get("status"))
                .containsExactly("o1=shipped");
        assertThat(dbt.count("select count(*) from stg.stg_seg__order_placed")).isEqualTo(3);
    }
}

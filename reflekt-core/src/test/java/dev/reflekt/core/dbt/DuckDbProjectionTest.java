package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Projections on embedded DuckDB, written for dbt 1.11 (tests take an {@code arguments:} block). */
class DuckDbProjectionTest extends ProjectionExecutionContract {

    @Override
    TestWarehouse warehouse() {
        return TestWarehouse.DUCKDB;
    }

    @Override
    String dbtVersion() {
        return "1.11";
    }

    @Test
    void parquetHistoryAndCurrentStateAreReadableFilesEqualToTheTables() throws Exception {
        DbtRunner dbt = build("parquet: true");
        insert("e1", 1, 1, "o1", "placed", false);
        insert("e2", 2, 2, "o1", "shipped", false);
        insert("e3", 2, 2, "o2", "placed", true);
        dbt.run("stg_seg__order_placed", false);
        dbt.run("stg_seg__order_placed__current", false);
        String file = dir.resolve("parquet")
                .resolve("stg_seg__order_placed__current.parquet")
                .toString();
        assertThat(dbt.rows("select order_id, status from read_parquet('" + file + "') order by order_id"))
                .extracting(r -> r.get("order_id") + "=" + r.get("status"))
                .containsExactly("o1=shipped");
        String history =
                dir.resolve("parquet").resolve("stg_seg__order_placed.parquet").toString();
        assertThat(dbt.count("select count(*) from read_parquet('" + history + "')"))
                .isEqualTo(3);
        // The same rows as the model computes in the warehouse.
        dbt.exec("create table stg.replayed as select * from stg.stg_seg__order_placed__current");
        assertThat(dbt.rows("select * from read_parquet('" + file + "') order by order_id"))
                .isEqualTo(dbt.rows("select * from stg.replayed order by order_id"));

        // Segment deletes e2's person: Parquet models are rewritten whole by the next run, so the files
        // lose the rows (no deletion step needed; the macro has none for them).
        dbt.exec("delete from seg.order_placed where id = 'e2'");
        dbt.run("stg_seg__order_placed", false);
        dbt.run("stg_seg__order_placed__current", false);
        assertThat(dbt.count("select count(*) from read_parquet('" + history + "') where event_id = 'e2'"))
                .isZero();
        assertThat(dbt.rows("select order_id, status from read_parquet('" + file + "') order by order_id"))
                .extracting(r -> r.get("order_id") + "=" + r.get("status"))
                .containsExactly("o1=placed");
        assertThat(dbt.file("reflekt_propagate_deletions.sql")).content().doesNotContain("stg_seg__order_placed");
    }
}

package dev.reflekt.core.dbt;

import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.warehouse.TableColumns;
import java.util.Optional;

/** Segment's warehouses: a table per event and per call type, properties flattened with {@code _} ({@link SegmentPlanner}). */
final class SegmentCollector implements Collector {

    @Override
    public String name() {
        return "segment";
    }

    @Override
    public String product() {
        return "Segment";
    }

    @Override
    public Planner planner(DbtConfig dbt, String sourceSchema, Optional<TableColumns> warehouse) {
        return new SegmentPlanner(dbt, sourceSchema, warehouse);
    }
}

package dev.reflekt.core.dbt;

/**
 * The current-state projection of an event history: one row per entity key, the latest by
 * {@code orderBy}, gone when its latest event is a tombstone.
 *
 * @param name the model name ({@code <history model>__current})
 * @param history the staging model it replays
 * @param key the model column identifying the entity
 * @param orderBy the model column ordering the entity's events
 * @param tombstone the boolean model column that deletes the entity, or null
 */
record CurrentModel(String name, Model history, Model.Column key, Model.Column orderBy, Model.Column tombstone) {}

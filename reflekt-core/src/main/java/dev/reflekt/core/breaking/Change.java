package dev.reflekt.core.breaking;

/**
 * One difference between an older and a newer version of a schema.
 *
 * @param kind what changed
 * @param breaking whether it breaks consumers (the kind's default, or stricter by configuration)
 * @param pointer JSON Pointer in the newer document of the changed node, or of its closest surviving
 *     parent when the node was removed
 * @param path the property path as messages show it ({@code products[].sku}), or empty for the schema
 * @param detail what exactly changed ({@code [string, null] -> [string]})
 */
public record Change(ChangeKind kind, boolean breaking, String pointer, String path, String detail) {

    /** Whether it breaks for certain; false for a break the comparison only could not rule out. */
    public boolean proven() {
        return breaking && kind != ChangeKind.NOT_PROVEN_COMPATIBLE;
    }

    /** {@code required property removed 'order_id'}, or with its detail. */
    public String describe() {
        String what = kind.label() + (path.isEmpty() ? "" : " '" + path + "'");
        return detail.isEmpty() ? what : what + " (" + detail + ")";
    }
}

package dev.reflekt.core.registry;

/**
 * What happened to one schema in a push.
 *
 * @param change what was planned
 * @param error null when it succeeded, else why it failed
 */
public record PushOutcome(PushPlan.Change change, String error) {

    public boolean ok() {
        return error == null;
    }

    /** {@code created jaffle_shop/Cart_Viewed/1-0.json as com.acme/Cart_Viewed/jsonschema/1-0-0}. */
    public String describe() {
        String verb =
                switch (change.action()) {
                    case CREATE -> "created";
                    case UPDATE -> "updated";
                    case UNCHANGED -> "unchanged";
                    case DELETE -> "deleted";
                    case REFUSED -> "refused";
                };
        String line = verb + " " + change.id() + " (" + change.target() + ")";
        if (error != null) {
            return "FAILED to push " + change.id() + " (" + change.target() + "): " + error;
        }
        return change.detail() == null || change.detail().isEmpty() ? line : line + ": " + change.detail();
    }

    /** What happened, counted: {@code 2 created, 0 updated, 1 unchanged, 0 deleted, 3 failed}. */
    public static String summary(java.util.List<PushOutcome> outcomes) {
        java.util.Map<PushPlan.Action, Long> done = new java.util.EnumMap<>(PushPlan.Action.class);
        long failed = 0;
        for (PushOutcome o : outcomes) {
            if (o.ok()) {
                done.merge(o.change().action(), 1L, Long::sum);
            } else {
                failed++;
            }
        }
        return done.getOrDefault(PushPlan.Action.CREATE, 0L) + " created, "
                + done.getOrDefault(PushPlan.Action.UPDATE, 0L) + " updated, "
                + done.getOrDefault(PushPlan.Action.UNCHANGED, 0L) + " unchanged, "
                + done.getOrDefault(PushPlan.Action.DELETE, 0L) + " deleted"
                + (done.getOrDefault(PushPlan.Action.REFUSED, 0L) > 0
                        ? ", " + done.get(PushPlan.Action.REFUSED) + " refused"
                        : "")
                + (failed > 0 ? ", " + failed + " failed" : "");
    }

    /** Sends one change to a registry. */
    @FunctionalInterface
    public interface Write {
        void send(PushPlan.Change change) throws RegistryException;
    }

    /** Sends every change with {@code write}; a failure is recorded for its schema and the others go on. */
    public static java.util.List<PushOutcome> applyEach(PushPlan plan, Write write) {
        java.util.List<PushOutcome> out = new java.util.ArrayList<>();
        for (PushPlan.Change c : plan.changes()) {
            try {
                write.send(c);
                out.add(new PushOutcome(c, null));
            } catch (RegistryException e) {
                out.add(new PushOutcome(c, e.getMessage()));
            }
        }
        return out;
    }
}

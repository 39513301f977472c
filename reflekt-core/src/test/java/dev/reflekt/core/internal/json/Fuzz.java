package dev.reflekt.core.internal.json;

import java.util.Random;

/**
 * Time-bounded random differential testing: a fast path and the library it shadows are given the same random cases
 * until the time is up (and at least a minimum of cases ran). Each run starts from a new seed, so the suite keeps
 * looking where no run looked before; a failing case names its own seed, and
 * {@code -Dreflekt.fuzz.seed=<seed> -Dreflekt.fuzz.cases=1} runs exactly that case again.
 *
 * <p>{@code -Dreflekt.fuzz.seconds} sets the time per test (default 4), {@code -Dreflekt.fuzz.seed} the first seed.
 */
final class Fuzz {

    /** One case: checks what {@code random} generates, throws {@link AssertionError} (with the input) on a difference. */
    @FunctionalInterface
    interface Case {
        /** Returns whether the case reached the fast path's answer (for the share of cases it decides). */
        boolean check(Random random) throws Exception;
    }

    /** How many cases ran, and how many of them the fast path decided. */
    record Outcome(long cases, long decided) {}

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Fuzz() {}

    static Outcome run(String what, long minimumCases, Case check) throws Exception {
        long base = Long.getLong("reflekt.fuzz.seed", new java.security.SecureRandom().nextLong());
        long fixed = Long.getLong("reflekt.fuzz.cases", -1L);
        double seconds = Double.parseDouble(System.getProperty("reflekt.fuzz.seconds", "4"));
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        long decided = 0;
        for (; fixed >= 0 ? n < fixed : n < minimumCases || System.nanoTime() < deadline; n++) {
            long seed = base + n * GOLDEN;
            try {
                decided += check.check(new Random(seed)) ? 1 : 0;
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        what + ": case " + n + " differs; run it alone with -Dreflekt.fuzz.seed=" + seed
                                + " -Dreflekt.fuzz.cases=1\n" + e.getMessage(),
                        e);
            }
        }
        System.out.println(what + ": " + n + " random cases from -Dreflekt.fuzz.seed=" + base + ", " + decided
                + " decided by the fast path");
        return new Outcome(n, decided);
    }
}

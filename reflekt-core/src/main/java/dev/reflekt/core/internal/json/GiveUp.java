package dev.reflekt.core.internal.json;

/**
 * Thrown by {@link FastJsonReader} to give a file up to Jackson; no
 * stack trace, it is control flow.
 */
final class GiveUp extends RuntimeException {

    static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
        super(null, null, false, false);
    }
}

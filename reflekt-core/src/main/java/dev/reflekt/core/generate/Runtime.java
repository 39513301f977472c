package dev.reflekt.core.generate;

/**
 * The two helper classes generated into every package beside the events, so that generated code needs no library:
 * {@code Violations} (where a failed constraint goes) and {@code ReflektJson} (JSON text, copies, comparisons).
 */
final class Runtime {

    private Runtime() {}

    static String violations(String pkg) {
        return "package " + pkg + ";\n\n" + """
                /**
                 * Where the constraint checks of generated events report. By default a violation throws
                 * {@link IllegalArgumentException}; a service that must never fail because of tracking installs a handler that
                 * logs instead: {@code Violations.handler(v -> log.warn("{}", v))}. The event is then built as it is.
                 */
                public final class Violations {

                    /** What failed: the event, the property path ({@code products[].quantity}), the rule and why. */
                    public static final class Violation {
                        private final String event;
                        private final String path;
                        private final String rule;
                        private final String message;

                        Violation(String event, String path, String rule, String message) {
                            this.event = event;
                            this.path = path;
                            this.rule = rule;
                            this.message = message;
                        }

                        /** The event name, as sent. */
                        public String event() {
                            return event;
                        }

                        /** The property's path in the event: wire names, {@code []} for array items. */
                        public String path() {
                            return path;
                        }

                        /** The JSON Schema keyword that failed ({@code required}, {@code maxLength}, ...). */
                        public String rule() {
                            return rule;
                        }

                        /** What is wrong. */
                        public String message() {
                            return message;
                        }

                        @Override
                        public String toString() {
                            return event + ": " + path + " " + message + " (" + rule + ")";
                        }
                    }

                    /** Receives violations. */
                    @FunctionalInterface
                    public interface Handler {
                        /** Called once per violation, on the thread that calls {@code build()}. */
                        void violated(Violation violation);
                    }

                    /** The default handler: throws {@link IllegalArgumentException} naming the event, path and rule. */
                    public static final Handler THROW = v -> {
                        throw new IllegalArgumentException(v.toString());
                    };

                    private static volatile Handler handler = THROW;

                    private Violations() {}

                    /** Installs {@code handler} for every generated event. */
                    public static void handler(Handler handler) {
                        Violations.handler = java.util.Objects.requireNonNull(handler, "handler");
                    }

                    /** The handler in use. */
                    public static Handler handler() {
                        return handler;
                    }

                    static void report(String event, String path, String rule, String message) {
                        handler.violated(new Violation(event, path, rule, message));
                    }
                }
                """;
    }

    static String json(String pkg) {
        return "package " + pkg + ";\n\n" + """
                /** JSON text and value helpers for the generated events; not an API. */
                final class ReflektJson {

                    private ReflektJson() {}

                    /** {@code value} (maps, lists, strings, numbers, booleans, null) as JSON text. */
                    static String write(Object value) {
                        StringBuilder out = new StringBuilder();
                        append(out, value);
                        return out.toString();
                    }

                    private static void append(StringBuilder out, Object value) {
                        if (value == null) {
                            out.append("null");
                        } else if (value instanceof Boolean) {
                            out.append(value);
                        } else if (value instanceof Double || value instanceof Float) {
                            double d = ((Number) value).doubleValue();
                            out.append(Double.isFinite(d) ? String.valueOf(value) : "null");
                        } else if (value instanceof Number) {
                            out.append(value);
                        } else if (value instanceof java.util.Map) {
                            out.append('{');
                            boolean first = true;
                            for (java.util.Map.Entry<?, ?> e : ((java.util.Map<?, ?>) value).entrySet()) {
                                out.append(first ? "" : ",");
                                quote(out, String.valueOf(e.getKey()));
                                out.append(':');
                                append(out, e.getValue());
                                first = false;
                            }
                            out.append('}');
                        } else if (value instanceof Iterable) {
                            out.append('[');
                            boolean first = true;
                            for (Object item : (Iterable<?>) value) {
                                out.append(first ? "" : ",");
                                append(out, item);
                                first = false;
                            }
                            out.append(']');
                        } else {
                            quote(out, value.toString());
                        }
                    }

                    private static void quote(StringBuilder out, String s) {
                        out.append('"');
                        for (int i = 0; i < s.length(); i++) {
                            char c = s.charAt(i);
                            if (c == '"' || c == '\\\\') {
                                out.append('\\\\').append(c);
                            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                                out.append(String.format("\\\\u%04x", (int) c));
                            } else {
                                out.append(c);
                            }
                        }
                        out.append('"');
                    }

                    /** {@code value.toString()}, or null. */
                    static String text(Object value) {
                        return value == null ? null : value.toString();
                    }

                    /** An unmodifiable list of {@code items} (nulls allowed). */
                    static java.util.List<Object> list(Object... items) {
                        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(items));
                    }

                    /** An unmodifiable map of alternating keys and values, in order. */
                    static java.util.Map<String, Object> map(Object... keysAndValues) {
                        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
                        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
                            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
                        }
                        return java.util.Collections.unmodifiableMap(out);
                    }

                    /** An unmodifiable copy of {@code list} (nulls allowed), or null. */
                    static <T> java.util.List<T> copy(java.util.List<T> list) {
                        return list == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
                    }

                    /** An unmodifiable copy of {@code map}, in its order, or null. */
                    static java.util.Map<String, Object> copyMap(java.util.Map<String, Object> map) {
                        return map == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
                    }

                    /** {@code list} with {@code f} applied to each item (nulls stay null), or null. */
                    static <T> java.util.List<Object> each(java.util.List<T> list, java.util.function.Function<T, Object> f) {
                        if (list == null) {
                            return null;
                        }
                        java.util.List<Object> out = new java.util.ArrayList<>(list.size());
                        for (T item : list) {
                            out.add(item == null ? null : f.apply(item));
                        }
                        return java.util.Collections.unmodifiableList(out);
                    }

                    /** The number of characters (code points) of {@code s}, as JSON Schema counts them. */
                    static long length(String s) {
                        return s.codePointCount(0, s.length());
                    }

                    /**
                     * 1 when {@code pattern} matches somewhere in {@code s}, 0 when it does not, -1 when the match read
                     * more than a million characters (plus 100 per character of {@code s}) and was stopped: a pattern
                     * that backtracks without end must not hold up the thread that sends the event.
                     */
                    static int find(java.util.regex.Pattern pattern, String s) {
                        try {
                            return pattern.matcher(new Counted(s, 1_000_000L + 100L * s.length())).find() ? 1 : 0;
                        } catch (Counted.Spent e) {
                            return -1;
                        }
                    }

                    /** A text whose reads the matcher makes are counted. */
                    private static final class Counted implements CharSequence {
                        private final String s;
                        private long left;

                        Counted(String s, long budget) {
                            this.s = s;
                            this.left = budget;
                        }

                        @Override
                        public int length() {
                            return s.length();
                        }

                        @Override
                        public char charAt(int index) {
                            if (--left < 0) {
                                throw new Spent();
                            }
                            return s.charAt(index);
                        }

                        @Override
                        public CharSequence subSequence(int start, int end) {
                            return s.subSequence(start, end);
                        }

                        @Override
                        public String toString() {
                            return s;
                        }

                        static final class Spent extends RuntimeException {
                            private static final long serialVersionUID = 1L;

                            Spent() {
                                super(null, null, false, false);
                            }
                        }
                    }

                    /** {@code n} compared with the decimal {@code bound}; NaN compares equal, infinities as such. */
                    static int compare(Number n, String bound) {
                        if (n instanceof Double || n instanceof Float) {
                            double d = n.doubleValue();
                            if (Double.isNaN(d)) {
                                return 0;
                            }
                            if (Double.isInfinite(d)) {
                                return d > 0 ? 1 : -1;
                            }
                            return new java.math.BigDecimal(d).compareTo(new java.math.BigDecimal(bound));
                        }
                        return new java.math.BigDecimal(n.toString()).compareTo(new java.math.BigDecimal(bound));
                    }

                    /** Whether {@code value} equals one of {@code allowed} as JSON values (numbers by value). */
                    static boolean oneOf(Object value, java.util.List<Object> allowed) {
                        for (Object a : allowed) {
                            if (same(value, a)) {
                                return true;
                            }
                        }
                        return false;
                    }

                    private static boolean same(Object a, Object b) {
                        if (a instanceof Number && b instanceof Number) {
                            return compare((Number) a, new java.math.BigDecimal(b.toString()).toPlainString()) == 0;
                        }
                        if (a instanceof java.util.List && b instanceof java.util.List) {
                            java.util.List<?> x = (java.util.List<?>) a;
                            java.util.List<?> y = (java.util.List<?>) b;
                            if (x.size() != y.size()) {
                                return false;
                            }
                            for (int i = 0; i < x.size(); i++) {
                                if (!same(x.get(i), y.get(i))) {
                                    return false;
                                }
                            }
                            return true;
                        }
                        if (a instanceof java.util.Map && b instanceof java.util.Map) {
                            java.util.Map<?, ?> x = (java.util.Map<?, ?>) a;
                            java.util.Map<?, ?> y = (java.util.Map<?, ?>) b;
                            if (!x.keySet().equals(y.keySet())) {
                                return false;
                            }
                            for (Object k : x.keySet()) {
                                if (!same(x.get(k), y.get(k))) {
                                    return false;
                                }
                            }
                            return true;
                        }
                        return java.util.Objects.equals(a, b);
                    }
                }
                """;
    }
}

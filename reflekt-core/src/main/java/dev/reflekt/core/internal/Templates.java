package dev.reflekt.core.internal;

import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;

/**
 * The one Velocity engine every generated file goes through (the dbt package, typed code): templates are resources
 * of this jar, parsed once per run, strict (a name the template uses and the values lack is an error, not a blank).
 * Values are inserted as they are: each capability escapes them for its sink before they get here.
 */
public final class Templates {

    private static final VelocityEngine VELOCITY = velocity();

    private Templates() {}

    private static VelocityEngine velocity() {
        Properties p = new Properties();
        p.setProperty("resource.loaders", "class");
        p.setProperty(
                "resource.loader.class.class", "org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader");
        // parsed once per run, not once per file: the templates are resources of this jar and never change
        p.setProperty("resource.loader.class.cache", "true");
        p.setProperty("resource.loader.class.modification_check_interval", "-1");
        p.setProperty("runtime.strict_mode.enable", "true");
        VelocityEngine engine = new VelocityEngine(p);
        engine.init();
        return engine;
    }

    /** The template at {@code resource} (a class-path name, {@code dev/reflekt/core/dbt/model.sql.vm}) with {@code values}. */
    public static String render(String resource, Map<String, Object> values) {
        StringBuilder out = new StringBuilder(4096);
        render(resource, values, out);
        return out.toString();
    }

    /**
     * Appends the template at {@code resource} with {@code values} to {@code out}: a file assembled from several
     * templates is written once, not copied from one rendering into the next.
     */
    public static void render(String resource, Map<String, Object> values, StringBuilder out) {
        render(resource, values, out, "");
    }

    /** As {@link #render(String, Map, StringBuilder)}, every line that is not empty starting with {@code indent}. */
    public static void render(String resource, Map<String, Object> values, StringBuilder out, String indent) {
        Template template = VELOCITY.getTemplate(resource, "UTF-8");
        template.merge(new VelocityContext(new HashMap<>(values)), new Output(out, indent));
    }

    /**
     * A writer into a {@code StringBuilder} ({@link java.io.StringWriter} locks a {@code StringBuffer}) that starts
     * every line that is not empty with an indent.
     */
    private static final class Output extends Writer {
        private final StringBuilder text;
        private final String indent;
        private boolean lineStart;

        Output(StringBuilder text, String indent) {
            this.text = text;
            this.indent = indent;
            this.lineStart = !indent.isEmpty();
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            if (indent.isEmpty()) {
                text.append(chars, offset, length);
                return;
            }
            for (int i = offset; i < offset + length; i++) {
                put(chars[i]);
            }
        }

        @Override
        public void write(String s, int offset, int length) {
            if (indent.isEmpty()) {
                text.append(s, offset, offset + length);
                return;
            }
            for (int i = offset; i < offset + length; i++) {
                put(s.charAt(i));
            }
        }

        @Override
        public void write(int c) {
            if (indent.isEmpty()) {
                text.append((char) c);
            } else {
                put((char) c);
            }
        }

        private void put(char c) {
            if (lineStart && c != '\n') {
                text.append(indent);
            }
            text.append(c);
            lineStart = c == '\n';
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}

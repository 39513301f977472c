package dev.reflekt.core.internal;

import java.io.StringWriter;
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
        Template template = VELOCITY.getTemplate(resource, "UTF-8");
        StringWriter out = new StringWriter();
        template.merge(new VelocityContext(new HashMap<>(values)), out);
        return out.toString();
    }
}

package org.openhaven.engine.render;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import java.util.Map;
import org.openhaven.engine.error.OpenHavenException;

/** Logic-less templates (jmustache): no HTML escaping, and a missing variable is an error, not an empty string. */
final class Templates {

    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false);

    private Templates() {
    }

    static String render(String template, Map<String, Object> model, String source) {
        try {
            return COMPILER.compile(template).execute(model);
        } catch (MustacheException e) {
            throw OpenHavenException.config(
                    "The template " + source + " could not be rendered: " + e.getMessage() + ".",
                    "Use only the placeholders docs/catalog.md lists.");
        }
    }
}

package dev.reflekt.core.project;

import dev.reflekt.core.naming.Casing;
import java.util.List;

/**
 * The conventions for one kind of name ({@code schemas.conventions.event} or {@code .property}).
 *
 * @param casing the casing names must be in
 * @param numbers whether digits are allowed in names
 * @param reserved names that must not be used
 */
public record NamingConvention(Casing casing, boolean numbers, List<String> reserved) {

    public NamingConvention {
        reserved = List.copyOf(reserved);
    }
}

package dev.parley.platform;

import tools.jackson.core.JacksonException;

/** Where in a JSON body a reading failure happened, as the envelope's {@code details.field} names it. */
public final class JsonPaths {

    private JsonPaths() {}

    /** {@code settings.working_hours.days[2]}, or empty for the document itself. */
    public static String of(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}

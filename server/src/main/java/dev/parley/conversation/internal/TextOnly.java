package dev.parley.conversation.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * A text field read only from a JSON string: a number or a boolean where a message or an email belongs is the
 * client's mistake ({@code invalid_type}), not text to read as "123".
 */
final class TextOnly extends StdScalarDeserializer<String> {

    TextOnly() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}

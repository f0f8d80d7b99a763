package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** A product of the connected store; {@code price.amount} is a decimal string. Any other field: {@link #get(String)}. */
public class Product extends JsonObject {
    public Product(Map<String, ?> values) {
        super(values);
    }

    /** {@code id}. */
    public String id() {
        return getString("id");
    }

    /** {@code title}. */
    public String title() {
        return getString("title");
    }

    /** {@code description}. */
    public String description() {
        return getString("description");
    }

    /** {@code category}. */
    public String category() {
        return getString("category");
    }

    /** {@code price}. */
    public JsonObject price() {
        return getObject("price");
    }

    /** {@code images}. */
    public List<String> images() {
        return getStrings("images");
    }

    /** {@code variants}. */
    public List<JsonObject> variants() {
        return getObjects("variants");
    }
}

package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.core.PageIterable;
import dev.parley.sdk.model.Contact;
import dev.parley.sdk.model.Conversation;
import dev.parley.sdk.model.Params;

/** The workspace's customers. */
public final class Contacts extends Resource {
    public Contacts(HttpCore http) {
        super(http);
    }

    public PageIterable<Contact> list(Params params, RequestOptions... options) {
        return paged("/v1/contacts", params, Contact::new, options);
    }

    public Contact get(String contactId, RequestOptions... options) {
        return get("/v1/contacts/" + enc(contactId), null, Contact::new, options);
    }

    /** {@code name}, {@code phone}, {@code metadata}. */
    public Contact update(String contactId, Params params, RequestOptions... options) {
        return patch("/v1/contacts/" + enc(contactId), params, Contact::new, options);
    }

    public PageIterable<Conversation> conversations(String contactId, Params params, RequestOptions... options) {
        return paged("/v1/contacts/" + enc(contactId) + "/conversations", params, Conversation::new, options);
    }
}

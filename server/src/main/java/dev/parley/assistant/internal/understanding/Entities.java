package dev.parley.assistant.internal.understanding;

import dev.parley.assistant.internal.understanding.Entity.Category;
import dev.parley.assistant.internal.understanding.Entity.Colour;
import dev.parley.assistant.internal.understanding.Entity.DateMention;
import dev.parley.assistant.internal.understanding.Entity.Email;
import dev.parley.assistant.internal.understanding.Entity.Money;
import dev.parley.assistant.internal.understanding.Entity.NewAddress;
import dev.parley.assistant.internal.understanding.Entity.OrderNumber;
import dev.parley.assistant.internal.understanding.Entity.Phone;
import dev.parley.assistant.internal.understanding.Entity.PriceBound;
import dev.parley.assistant.internal.understanding.Entity.Ranking;
import dev.parley.assistant.internal.understanding.Entity.Size;
import java.util.List;
import java.util.Optional;

/** Everything a message names, in the order written, with typed access to each kind (the first one, or all). */
public record Entities(List<Entity> all) {

    public static final Entities NONE = new Entities(List.of());

    public Entities {
        all = List.copyOf(all);
    }

    public <T extends Entity> List<T> all(Class<T> kind) {
        return all.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public <T extends Entity> Optional<T> first(Class<T> kind) {
        return all.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    public Optional<OrderNumber> orderNumber() {
        return first(OrderNumber.class);
    }

    public Optional<Email> email() {
        return first(Email.class);
    }

    public Optional<Phone> phone() {
        return first(Phone.class);
    }

    public Optional<Money> amount() {
        return first(Money.class);
    }

    public List<DateMention> dates() {
        return all(DateMention.class);
    }

    public Optional<Size> size() {
        return first(Size.class);
    }

    public Optional<Colour> colour() {
        return first(Colour.class);
    }

    public Optional<Category> category() {
        return first(Category.class);
    }

    public Optional<PriceBound> priceBound() {
        return first(PriceBound.class);
    }

    public Optional<Ranking> ranking() {
        return first(Ranking.class);
    }

    public Optional<NewAddress> newAddress() {
        return first(NewAddress.class);
    }

    /** Whether the message says who the customer is or which order: an email or an order number. */
    public boolean identifiesAnOrder() {
        return orderNumber().isPresent() || email().isPresent();
    }
}

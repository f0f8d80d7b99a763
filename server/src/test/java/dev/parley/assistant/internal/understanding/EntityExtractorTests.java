package dev.parley.assistant.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityExtractorTests {

    final EntityExtractor extractor = new EntityExtractor();

    @Test
    void findsOrderNumbersWrittenTheWaysShoppersWriteThem() {
        assertThat(values("Where is my order #1234?", "order_number")).containsExactly("1234");
        assertThat(values("order number 58213 hasn't arrived", "order_number")).containsExactly("58213");
        assertThat(values("my order id: NW-20931", "order_number")).containsExactly("NW-20931");
    }

    @Test
    void findsEmailsPhonesAndAmounts() {
        List<Entity> entities =
                extractor.extract("I'm John@Example.com, call +1 (555) 123-4567, I paid $1,249.50 and 20 euros");

        assertThat(entities)
                .extracting(Entity::type, Entity::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("email", "john@example.com"),
                        org.assertj.core.groups.Tuple.tuple("phone", "+15551234567"),
                        org.assertj.core.groups.Tuple.tuple("amount", "1249.50 USD"),
                        org.assertj.core.groups.Tuple.tuple("amount", "20.00 EUR"));
    }

    @Test
    void findsDatesAbsoluteAndRelative() {
        assertThat(values("It was due on Feb 8th, then 2026-02-10, or 3/14/2026, or tomorrow", "date"))
                .containsExactly("--02-08", "2026-02-10", "2026-03-14", "tomorrow");
    }

    @Test
    void doesNotTakeAnOrderNumberForAPhoneOrAnAmount() {
        List<Entity> entities = extractor.extract("order #100234567 please");

        assertThat(entities).extracting(Entity::type).containsExactly("order_number");
    }

    @Test
    void findsNothingInPlainWordsOrEmoji() {
        assertThat(extractor.extract("hello there 🙂🙂")).isEmpty();
        assertThat(extractor.extract("")).isEmpty();
    }

    private List<String> values(String text, String type) {
        return extractor.extract(text).stream()
                .filter(e -> e.type().equals(type))
                .map(Entity::value)
                .toList();
    }
}

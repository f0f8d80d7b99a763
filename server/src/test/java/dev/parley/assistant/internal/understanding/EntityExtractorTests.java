package dev.parley.assistant.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityExtractorTests {

    /** A Wednesday. */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 18);

    final EntityExtractor extractor = new EntityExtractor();

    Entities extract(String text) {
        return extractor.extract(text, TODAY);
    }

    <T extends Entity> List<String> values(String text, Class<T> kind) {
        return extract(text).all(kind).stream().map(Entity::value).toList();
    }

    // Order numbers

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Where is my order #1001?                              | 1001
            where is # 1001 pls                                   | 1001
            order 1001 still hasn't shipped                       | 1001
            Order #1001 arrived damaged                           | 1001
            my order no. 1001 is late                             | 1001
            order number is 1001                                  | 1001
            The order number: 1001, email jane@example.com        | 1001
            hi its ord-1001                                       | 1001
            ORD1001 never came                                    | 1001
            ord 1001 wrong size                                   | 1001
            my order id: NW-20931                                 | NW-20931
            order nr 58213 hasn't arrived                         | 58213
            1001                                                  | 1001
            it's 1001                                             | 1001
            #2025                                                 | 2025
            Its 55012 thanks                                      | 55012
            order ref 77881 - still nothing                       | 77881
            Refund $5,000 to order #1001 now.                     | 1001
            can you send it to order #1004 instead                | 1004
            my purchase 40213 never arrived                       | 40213
            purchase number is 40213                              | 40213
            Order ID: 55102 was charged twice                     | 55102
            I placed ORD-77310 on monday                          | 77310
            """)
    void readsOrderNumbersWrittenTheWaysShoppersWriteThem(String message, String number) {
        assertThat(values(message, OrderNumber.class)).containsExactly(number);
    }

    @Test
    void readsEveryOrderOfAList() {
        assertThat(values("orders 1001 and 1002 both came late", OrderNumber.class))
                .containsExactly("1001", "1002");
        assertThat(values("#1001, #1002 and #1003 are missing", OrderNumber.class))
                .containsExactly("1001", "1002", "1003");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I ordered it in 2025 and it broke
            2025
            I want 2 shirts in size 10
            size 10 please
            I paid $1001 for this
            I was charged 1001 dollars
            call me at 555-123-4567
            +1 555 123 4567
            I want to order 300 units for my team
            I want to purchase 300 units for my team
            can I purchase 150 of these
            can I order 150 of these
            order 150 dollars worth of socks
            ordered 3 pairs on 2026-01-05
            I ordered 1001 things, none arrived
            order placed 3 days ago
            my order from March 2025 never came
            it costs 1001.50
            """)
    void readsNoOrderNumberInYearsQuantitiesSizesAmountsOrPhones(String message) {
        assertThat(values(message, OrderNumber.class)).isEmpty();
    }

    @Test
    void takesAHashedLongNumberForAnOrderNotAPhone() {
        assertThat(extract("order #100234567 please").all())
                .extracting(Entity::type)
                .containsExactly("order_number");
    }

    // Emails, phones, money

    @Test
    void findsEmailsPhonesAndAmounts() {
        Entities entities = extract("I'm John@Example.com, call +1 (555) 123-4567, I paid $1,249.50 and 20 euros");

        assertThat(entities.all())
                .extracting(Entity::type, Entity::value)
                .containsExactly(
                        tuple("email", "john@example.com"),
                        tuple("phone", "+15551234567"),
                        tuple("amount", "1249.50 USD"),
                        tuple("amount", "20.00 EUR"));
        assertThat(entities.email()).map(Email::address).contains("john@example.com");
        assertThat(entities.phone()).map(Phone::digits).contains("+15551234567");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            it was $49                          | 49.00  | USD
            charged 49.99 USD twice             | 49.99  | USD
            EUR 20 was taken                    | 20.00  | EUR
            I paid 20 euros                     | 20.00  | EUR
            refund my 150 dollars               | 150.00 | USD
            it cost £35.50                      | 35.50  | GBP
            price was 49,99 €                   | 49.99  | EUR
            gimme my 40 bucks back              | 40.00  | USD
            paid US$ 12                         | 12.00  | USD
            total 250000 so'm                   | 250000.00 | UZS
            €1.299,00 for a laptop              | 1299.00 | EUR
            """)
    void readsAmountsWithTheirCurrency(String message, String amount, String currency) {
        Money money = extract(message).amount().orElseThrow();

        assertThat(money.amount()).isEqualByComparingTo(new BigDecimal(amount));
        assertThat(money.currency()).isEqualTo(currency);
    }

    @Test
    void readsNoAmountInSizesQuantitiesOrOrderNumbers() {
        assertThat(extract("size 10, 2 shirts, order #1001, 3 days").amount()).isEmpty();
    }

    // Dates

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            it came yesterday                          | 2026-03-17
            should arrive today                        | 2026-03-18
            will it be here tomorrow?                  | 2026-03-19
            the day before yesterday                   | 2026-03-16
            I ordered last Monday                      | 2026-03-16
            delivered on Monday                        | 2026-03-16
            can it come by Friday                      | 2026-03-20
            next Wednesday works                       | 2026-03-25
            I ordered it Dec 3                         | 2025-12-03
            due on the 3rd of April                    | 2026-04-03
            placed on December 3rd, 2025               | 2025-12-03
            it was ordered on 3/12                     | 2026-03-12
            delivered 3/14/2026 apparently             | 2026-03-14
            shipped 2026-02-10                         | 2026-02-10
            they said in two weeks                     | 2026-04-01
            within 3 days                              | 2026-03-21
            I ordered a week ago                       | 2026-03-11
            about three weeks ago                      | 2026-02-25
            a couple of days ago                       | 2026-03-16
            last week I wrote you                      | 2026-03-11
            next month then                            | 2026-04-18
            """)
    void resolvesDatesAgainstToday(String message, String date) {
        assertThat(extract(message).dates()).map(DateMention::date).containsExactly(LocalDate.parse(date));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            10/10 would buy again
            rated it 4/5
            we are open 24/7
            3/4 sleeve top in M
            I may 2 more
            """)
    void readsNoDateInRatingsOrFractions(String message) {
        assertThat(extract(message).dates()).isEmpty();
    }

    // Product attributes

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            do you have these in size 10?         | 10
            size 10.5 running shoes               | 10.5
            sz 9 please                           | 9
            hoodie in XL                          | XL
            got it in M?                          | M
            an L would fit better                 | L
            size medium                           | M
            size: xs                              | XS
            trail shoes EU 42                     | EU 42
            do they come in a 10.5?               | 10.5
            anything in 9?                        | 9
            the 10.5 is sold out                  | 10.5
            2XL available?                        | 2XL
            """)
    void readsSizes(String message, String size) {
        assertThat(extract(message).size()).map(Size::label).contains(size);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I'm still waiting
            which sizes do you have
            it will arrive in 2 days
            rated 4.5 stars
            I'm M&S customer
            that took 1.5 weeks
            """)
    void readsNoSizeInOtherWords(String message) {
        assertThat(extract(message).size()).isEmpty();
    }

    @Test
    void readsColoursAndCategories() {
        Entities entities = extract("Do you have the running shoes in light gray or navy? Also a black hoodie");

        assertThat(entities.all(Colour.class)).extracting(Colour::name).containsExactly("light grey", "navy", "black");
        assertThat(entities.all(Category.class))
                .extracting(Category::name, Category::word)
                .containsExactly(tuple("footwear", "shoes"), tuple("apparel", "hoodie"));
        assertThat(values("any water bottles or t-shirts?", Category.class)).containsExactly("outdoor", "apparel");
    }

    @Test
    void readsNoColourInBlackFridayOrABrand() {
        assertThat(extract("Black Friday deal? @Orange your network is down, gold member here")
                        .colour())
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            running shoes under 150 dollars        |       | 150.00 | USD
            something less than $50                |       | 50.00  | USD
            jackets below €80                      |       | 80.00  | EUR
            shoes between 20 and 40                | 20.00 | 40.00  |
            hoodies $20-$40                        | 20.00 | 40.00  | USD
            sandals from $20 to $60                | 20.00 | 60.00  | USD
            20 to 40 dollars for a cap             | 20.00 | 40.00  | USD
            boots over $100                        | 100.00 |       | USD
            at least 30 euros                      | 30.00 |        | EUR
            my budget is 60                        |       | 60.00  |
            under 150 for trail shoes              |       | 150.00 |
            """)
    void readsPriceBounds(String message, String min, String max, String currency) {
        PriceBound bound = extract(message).priceBound().orElseThrow();

        assertThat(bound.min()).isEqualTo(min == null ? null : new BigDecimal(min));
        assertThat(bound.max()).isEqualTo(max == null ? null : new BigDecimal(max));
        assertThat(bound.currency()).isEqualTo(currency);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I've been waiting over 3 days
            I asked more than 2 times
            less than 5 minutes ago
            between 2 and 3 weeks
            open from 9 to 5
            I got 20 and 40 items
            """)
    void readsNoPriceBoundInDurationsOrCounts(String message) {
        assertThat(extract(message).priceBound()).isEmpty();
    }

    @Test
    void readsRankings() {
        assertThat(values("what's the cheapest tent", Ranking.class)).containsExactly("cheapest");
        assertThat(values("show me the best rated sneakers", Ranking.class)).containsExactly("best_rated");
        assertThat(values("top-rated backpacks under $80", Ranking.class)).containsExactly("best_rated");
        assertThat(values("your most expensive watch", Ranking.class)).containsExactly("most_expensive");
        assertThat(values("any new arrivals?", Ranking.class)).containsExactly("newest");
        assertThat(values("what's the latest on my order", Ranking.class)).isEmpty();
    }

    // Addresses

    @Test
    void readsAUsAddressGivenAsTheNewOne() {
        Entities entities = extract("ship it to 12 Main St, Springfield, IL 62704 instead");

        NewAddress address = entities.newAddress().orElseThrow();
        assertThat(address)
                .extracting(
                        NewAddress::address1,
                        NewAddress::address2,
                        NewAddress::city,
                        NewAddress::province,
                        NewAddress::zip,
                        NewAddress::country)
                .containsExactly("12 Main St", null, "Springfield", "IL", "62704", "US");
        assertThat(address.text()).isEqualTo("12 Main St, Springfield, IL 62704");
        assertThat(address.complete()).isTrue();
        // No colour, order number or size is read inside it.
        assertThat(entities.all()).containsExactly(address);
    }

    @Test
    void readsAddressesWrittenOtherWays() {
        NewAddress withUnit = extract(
                        "Please update my address to 500 Oak Ave, Apt 2B, Austin, TX 78701-1234, my email is a@b.co")
                .newAddress()
                .orElseThrow();
        assertThat(withUnit.value()).isEqualTo("500 Oak Ave, Apt 2B, Austin, TX 78701-1234, US");

        NewAddress british = extract("new address is 221B Baker Street, London NW1 6XE")
                .newAddress()
                .orElseThrow();
        assertThat(british)
                .extracting(NewAddress::city, NewAddress::zip, NewAddress::country)
                .containsExactly("London", "NW1 6XE", "GB");

        NewAddress german = extract("can you change the address to Hauptstraße 5, 10115 Berlin, Germany?")
                .newAddress()
                .orElseThrow();
        assertThat(german)
                .extracting(NewAddress::address1, NewAddress::city, NewAddress::zip, NewAddress::country)
                .containsExactly("Hauptstraße 5", "Berlin", "10115", "DE");

        NewAddress untriggered = extract("I moved, it's 77 Sunset Blvd, Los Angeles, CA 90028 now")
                .newAddress()
                .orElseThrow();
        assertThat(untriggered.value()).isEqualTo("77 Sunset Blvd, Los Angeles, CA 90028, US");
    }

    @Test
    void readsBackTheOneLineAddressItWrites() {
        NewAddress address = extract("deliver to 9 Elm Road, Unit 4, Leeds LS1 4AP, UK please")
                .newAddress()
                .orElseThrow();

        NewAddress again = EntityExtractor.parseAddress(address.value());

        assertThat(again)
                .extracting(
                        NewAddress::address1,
                        NewAddress::address2,
                        NewAddress::city,
                        NewAddress::zip,
                        NewAddress::country)
                .containsExactly("9 Elm Road", "Unit 4", "Leeds", "LS1 4AP", "GB");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            send it to my office please
            can you ship to 2 addresses?
            order 1004 on 5th Ave is late
            I waited 3 days for the parcel
            ship it to me asap
            """)
    void readsNoAddressWhereNoneIsGiven(String message) {
        assertThat(extract(message).newAddress()).isEmpty();
    }

    // A whole message

    @Test
    void readsEveryKindInOneRealisticMessage() {
        Entities entities = extract("Hi, order #1004 (jane.doe@mail.com) - I paid $89.90 yesterday for the navy "
                + "hoodie in XL, please send it to 4 Park Lane, Boston, MA 02116 instead. Call 617-555-0199.");

        assertThat(entities.all())
                .extracting(Entity::type, Entity::value)
                .containsExactly(
                        tuple("order_number", "1004"),
                        tuple("email", "jane.doe@mail.com"),
                        tuple("amount", "89.90 USD"),
                        tuple("date", "2026-03-17"),
                        tuple("colour", "navy"),
                        tuple("category", "apparel"),
                        tuple("size", "XL"),
                        tuple("new_address", "4 Park Lane, Boston, MA 02116, US"),
                        tuple("phone", "6175550199"));
    }

    @Test
    void findsNothingInPlainWordsOrEmoji() {
        assertThat(extract("hello there 🙂🙂").all()).isEmpty();
        assertThat(extract("").all()).isEmpty();
        assertThat(extract("thanks so much, great service!").all()).isEmpty();
    }
}

package dev.parley.commerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.commerce.internal.ProductAsk.Sort;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading a shopper's request into what to search for and the attributes that filter and order the results. */
class ProductAskTests {

    static final Set<String> CATEGORIES = Set.of("footwear", "apparel", "accessories", "outdoor");

    @Test
    void readsSizeAndPriceBoundAndKeepsTheProductWords() {
        ProductAsk ask = ProductAsk.parse("do you have trail running shoes in size 10 under 150 dollars?", CATEGORIES);

        assertThat(ask.text()).isEqualTo("trail running shoes");
        assertThat(ask.size()).isEqualTo("10");
        assertThat(ask.maxPrice()).isEqualByComparingTo("150");
        assertThat(ask.minPrice()).isNull();
        assertThat(ask.sort()).isEqualTo(Sort.RELEVANCE);
    }

    @Test
    void readsColourAndClothingSize() {
        ProductAsk ask = ProductAsk.parse("any black hoodies in size M?", CATEGORIES);

        assertThat(ask.text()).isEqualTo("hoodies");
        assertThat(ask.color()).isEqualTo("Black");
        assertThat(ask.size()).isEqualTo("M");
        assertThat(ProductAsk.parse("navy leggings in medium", CATEGORIES).size())
                .isEqualTo("M");
        assertThat(ProductAsk.parse("grey t-shirts in extra large", CATEGORIES).size())
                .isEqualTo("XL");
        assertThat(ProductAsk.parse("a gray cap", CATEGORIES).color()).isEqualTo("Grey");
        // as a voice transcript writes it
        ProductAsk spoken = ProductAsk.parse("do you have running shoes in size ten", CATEGORIES);
        assertThat(spoken.size()).isEqualTo("10");
        assertThat(spoken.text()).isEqualTo("running shoes");
    }

    @Test
    void readsCheapestAndDearestAsAnOrder() {
        ProductAsk cheapest = ProductAsk.parse("what's your cheapest tent?", CATEGORIES);
        assertThat(cheapest.text()).isEqualTo("tent");
        assertThat(cheapest.sort()).isEqualTo(Sort.PRICE_ASC);
        assertThat(ProductAsk.parse("most expensive sports watch", CATEGORIES).sort())
                .isEqualTo(Sort.PRICE_DESC);
        ProductAsk best = ProductAsk.parse("what are your best trail shoes", CATEGORIES);
        assertThat(best.sort()).isEqualTo(Sort.RELEVANCE);
        assertThat(best.text()).isEqualTo("trail shoes");
    }

    @Test
    void readsPriceBoundsInTheirUsualForms() {
        ProductAsk between = ProductAsk.parse("hiking boots between 150 and 200 dollars", CATEGORIES);
        assertThat(between.minPrice()).isEqualByComparingTo("150");
        assertThat(between.maxPrice()).isEqualByComparingTo("200");
        assertThat(between.text()).isEqualTo("hiking boots");
        assertThat(ProductAsk.parse("casual sneakers under $80", CATEGORIES).maxPrice())
                .isEqualByComparingTo("80");
        assertThat(ProductAsk.parse("a jacket for $120 or less", CATEGORIES).maxPrice())
                .isEqualByComparingTo("120");
        assertThat(ProductAsk.parse("backpacks over 60 dollars", CATEGORIES).minPrice())
                .isEqualByComparingTo("60");
        assertThat(ProductAsk.parse("a watch no more than 99.50", CATEGORIES).maxPrice())
                .isEqualByComparingTo(new BigDecimal("99.50"));
        // a number that is a size is not a price
        assertThat(ProductAsk.parse("running shoes size 11", CATEGORIES).maxPrice())
                .isNull();
    }

    @Test
    void takesACategoryOnlyWhenTheCatalogueHasIt() {
        assertThat(ProductAsk.parse("show me your footwear", CATEGORIES).category())
                .isEqualTo("footwear");
        assertThat(ProductAsk.parse("any clothing on sale", CATEGORIES).category())
                .isEqualTo("apparel");
        assertThat(ProductAsk.parse("any clothing on sale", Set.of("shoes")).category())
                .isNull();
    }

    @Test
    void explicitAttributesWinAndTheMessageFillsTheRest() {
        ProductAsk fromQuery = ProductAsk.parse("hoodies in size M", CATEGORIES);
        ProductAsk fromMessage = ProductAsk.parse("the cheapest black hoodies in size L please", CATEGORIES);

        ProductAsk ask = fromQuery
                .under(null, null, "S", null, new BigDecimal("70"), null)
                .orElse(fromMessage);

        assertThat(ask.text()).isEqualTo("hoodies");
        assertThat(ask.size()).isEqualTo("S");
        assertThat(ask.color()).isEqualTo("Black");
        assertThat(ask.maxPrice()).isEqualByComparingTo("70");
        assertThat(ask.sort()).isEqualTo(Sort.PRICE_ASC);
    }

    @Test
    void aRequestWithoutProductWordsHasNoText() {
        assertThat(ProductAsk.parse("anything under 30 dollars?", CATEGORIES).text())
                .isEmpty();
        assertThat(ProductAsk.parse(null, CATEGORIES)).isEqualTo(ProductAsk.NOTHING);
    }
}

package dev.parley.knowledge.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductExtractionTests {

    static final URI PAGE = URI.create("https://shop.example.com/products/linen-shirt?variant=1");

    final HtmlExtractor extractor = new HtmlExtractor();

    @Test
    void readsAJsonLdProductWithTwoOffersAsVariants() {
        // given
        String html = """
                <html><head>
                <script type="application/ld+json">
                {
                  "@context": "http://schema.org/",
                  "@type": "Product",
                  "name": "Linen Shirt &amp; Tie",
                  "description": "<p>Breathable <em>European</em> linen.</p>",
                  "sku": "LS-100",
                  "brand": {"@type": "Brand", "name": "Northwind"},
                  "url": "/products/linen-shirt",
                  "image": ["//cdn.example.com/shirt-1.jpg", "//cdn.example.com/shirt-2.jpg"],
                  "offers": [
                    {"@type": "Offer", "name": "Small", "sku": "LS-100-S", "price": "59.00", "priceCurrency": "GBP",
                     "availability": "https://schema.org/InStock"},
                    {"@type": "Offer", "name": "Large", "sku": "LS-100-L", "price": 64.5, "priceCurrency": "GBP",
                     "availability": "http://schema.org/OutOfStock"}
                  ]
                }
                </script>
                </head><body><main><h1>Linen Shirt</h1></main></body></html>
                """;

        // when
        List<Product> products = extractor.extract(html, PAGE).products();

        // then
        assertThat(products).hasSize(1);
        Product shirt = products.getFirst();
        assertThat(shirt.name()).isEqualTo("Linen Shirt & Tie");
        assertThat(shirt.description()).isEqualTo("Breathable European linen.");
        assertThat(shirt.sku()).isEqualTo("LS-100");
        assertThat(shirt.brand()).isEqualTo("Northwind");
        assertThat(shirt.price()).isEqualByComparingTo("59.00");
        assertThat(shirt.currency()).isEqualTo("GBP");
        assertThat(shirt.availability()).isEqualTo("InStock");
        assertThat(shirt.url()).isEqualTo(URI.create("https://shop.example.com/products/linen-shirt"));
        assertThat(shirt.image()).isEqualTo(URI.create("https://cdn.example.com/shirt-1.jpg"));
        assertThat(shirt.variants())
                .containsExactly(
                        new Product.Variant("Small", "LS-100-S", new BigDecimal("59.00"), "GBP", "InStock"),
                        new Product.Variant("Large", "LS-100-L", new BigDecimal("64.5"), "GBP", "OutOfStock"));
    }

    @Test
    void readsAProductInAGraphWithATypeArrayAndAnAggregateOffer() {
        String html = """
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "BreadcrumbList", "itemListElement": []},
                  {"@type": ["Product", "schema:IndividualProduct"], "name": "Oak Board",
                   "brand": "Woodworks", "image": {"@type": "ImageObject", "url": "https://cdn.example.com/oak.jpg"},
                   "offers": {"@type": "AggregateOffer", "lowPrice": "1.299,00", "highPrice": "1.599,00",
                              "priceCurrency": "EUR", "offerCount": 3, "availability": "schema:PreOrder"}}
                ]}
                </script>
                """;

        Product board = extractor.extract(html, PAGE).products().getFirst();

        assertThat(board.name()).isEqualTo("Oak Board");
        assertThat(board.brand()).isEqualTo("Woodworks");
        assertThat(board.image()).isEqualTo(URI.create("https://cdn.example.com/oak.jpg"));
        assertThat(board.price()).isEqualByComparingTo("1299.00");
        assertThat(board.currency()).isEqualTo("EUR");
        assertThat(board.availability()).isEqualTo("PreOrder");
        assertThat(board.variants()).isEmpty();
    }

    @Test
    void readsASingleOfferObjectWithAPriceSpecification() {
        String html = """
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@type": "Product", "name": "Tea Towel",
                 "offers": {"@type": "Offer", "sku": "TT-1", "availability": "InStock",
                   "priceSpecification": {"@type": "UnitPriceSpecification", "price": 12, "priceCurrency": "USD"}}}
                </script>
                """;

        Product towel = extractor.extract(html, PAGE).products().getFirst();

        assertThat(towel.sku()).isEqualTo("TT-1");
        assertThat(towel.price()).isEqualByComparingTo("12");
        assertThat(towel.currency()).isEqualTo("USD");
        assertThat(towel.availability()).isEqualTo("InStock");
        assertThat(towel.variants()).isEmpty();
    }

    @Test
    void readsTheVariantsOfAProductGroup() {
        String html = """
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@type": "ProductGroup", "name": "Wool Socks",
                 "hasVariant": [
                   {"@type": "Product", "name": "Wool Socks - Blue", "sku": "WS-B",
                    "offers": {"@type": "Offer", "price": "12.00", "priceCurrency": "EUR", "availability": "InStock"}},
                   {"@type": "Product", "name": "Wool Socks - Red", "sku": "WS-R",
                    "offers": {"@type": "Offer", "price": "10.00", "priceCurrency": "EUR", "availability": "SoldOut"}}
                 ]}
                </script>
                """;

        Product socks = extractor.extract(html, PAGE).products().getFirst();

        assertThat(socks.name()).isEqualTo("Wool Socks");
        assertThat(socks.price()).isEqualByComparingTo("10.00");
        assertThat(socks.variants())
                .extracting(Product.Variant::sku, Product.Variant::availability)
                .containsExactly(tuple("WS-B", "InStock"), tuple("WS-R", "SoldOut"));
    }

    @Test
    void readsProductMicrodata() {
        // given
        String html = """
                <main>
                <div itemscope itemtype="http://schema.org/Product">
                  <h1 itemprop="name">Ceramic Mug</h1>
                  <img itemprop="image" src="/images/mug.jpg" alt="">
                  <div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Potter &amp; Co</span></div>
                  <p itemprop="description">Holds 350 ml.</p>
                  <span itemprop="sku">MUG-350</span>
                  <div itemprop="offers" itemscope itemtype="http://schema.org/Offer">
                    <span itemprop="priceCurrency" content="USD">$</span><span itemprop="price" content="18.00">18</span>
                    <link itemprop="availability" href="https://schema.org/InStock">In stock
                  </div>
                </div>
                </main>
                """;

        // when
        Product mug = extractor.extract(html, PAGE).products().getFirst();

        // then
        assertThat(mug.name()).isEqualTo("Ceramic Mug");
        assertThat(mug.brand()).isEqualTo("Potter & Co");
        assertThat(mug.description()).isEqualTo("Holds 350 ml.");
        assertThat(mug.sku()).isEqualTo("MUG-350");
        assertThat(mug.price()).isEqualByComparingTo("18.00");
        assertThat(mug.currency()).isEqualTo("USD");
        assertThat(mug.availability()).isEqualTo("InStock");
        assertThat(mug.image()).isEqualTo(URI.create("https://shop.example.com/images/mug.jpg"));
    }

    @Test
    void keepsAProductDescribedByBothJsonLdAndMicrodataOnce() {
        String html = """
                <script type="application/ld+json">{"@type":"Product","name":"Ceramic Mug","sku":"MUG-350"}</script>
                <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Ceramic mug</span></div>
                """;

        assertThat(extractor.extract(html, PAGE).products())
                .extracting(Product::sku)
                .containsExactly("MUG-350");
    }

    @Test
    void readsAnOpenGraphProduct() {
        // given
        String html = """
                <head>
                  <meta property="og:type" content="product">
                  <meta property="og:title" content="Canvas Tote">
                  <meta property="og:description" content="A sturdy bag.">
                  <meta property="og:url" content="https://shop.example.com/products/tote?utm_source=fb">
                  <meta property="og:image" content="https://cdn.example.com/tote.jpg">
                  <meta property="product:price:amount" content="24.99">
                  <meta property="product:price:currency" content="EUR">
                  <meta property="product:availability" content="in stock">
                  <meta property="product:brand" content="Example">
                </head>
                """;

        // when
        Product tote = extractor.extract(html, PAGE).products().getFirst();

        // then
        assertThat(tote)
                .isEqualTo(new Product(
                        "Canvas Tote",
                        "A sturdy bag.",
                        null,
                        "Example",
                        new BigDecimal("24.99"),
                        "EUR",
                        "InStock",
                        URI.create("https://shop.example.com/products/tote"),
                        URI.create("https://cdn.example.com/tote.jpg"),
                        List.of()));
    }

    @Test
    void readsTheOlderOgPriceTags() {
        String html = """
                <meta property="og:type" content="og:product">
                <meta property="og:title" content="Candle">
                <meta property="og:price:amount" content="8,50">
                <meta property="og:price:currency" content="EUR">
                """;

        Product candle = extractor.extract(html, PAGE).products().getFirst();

        assertThat(candle.price()).isEqualByComparingTo("8.50");
        assertThat(candle.currency()).isEqualTo("EUR");
    }

    @Test
    void findsNoProductOnAnArticle() {
        String html = """
                <meta property="og:type" content="article">
                <script type="application/ld+json">{"@type":"Article","headline":"Spring sale"}</script>
                """;

        assertThat(extractor.extract(html, PAGE).products()).isEmpty();
    }

    @Test
    void readsPricesAsSitesWriteThem() {
        assertThat(ProductExtractor.price("19.99")).isEqualByComparingTo("19.99");
        assertThat(ProductExtractor.price("$1,299.00")).isEqualByComparingTo("1299.00");
        assertThat(ProductExtractor.price("1.299,00 €")).isEqualByComparingTo("1299.00");
        assertThat(ProductExtractor.price("19,99")).isEqualByComparingTo("19.99");
        assertThat(ProductExtractor.price("1,299")).isEqualByComparingTo("1299");
        assertThat(ProductExtractor.price("1 299,50")).isEqualByComparingTo("1299.50");
        assertThat(ProductExtractor.price("free")).isNull();
        assertThat(ProductExtractor.price(null)).isNull();
    }

    @Test
    void normalizesAvailability() {
        assertThat(ProductExtractor.availability("https://schema.org/InStock")).isEqualTo("InStock");
        assertThat(ProductExtractor.availability("http://schema.org/OutOfStock"))
                .isEqualTo("OutOfStock");
        assertThat(ProductExtractor.availability("schema:BackOrder")).isEqualTo("BackOrder");
        assertThat(ProductExtractor.availability("out of stock")).isEqualTo("OutOfStock");
        assertThat(ProductExtractor.availability("instock")).isEqualTo("InStock");
        assertThat(ProductExtractor.availability("pending")).isEqualTo("pending");
        assertThat(ProductExtractor.availability(null)).isNull();
    }
}

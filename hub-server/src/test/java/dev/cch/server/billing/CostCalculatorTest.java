package dev.cch.server.billing;

import dev.cch.protocol.usage.Usage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CostCalculatorTest {
    // claude-sonnet-4-5 per token: $3 / $15 per MTok, long context above 200k at $6 / $22.50
    static final Price SONNET = new Price("claude-sonnet-4-5", "anthropic", "seed", new BigDecimal("0.000003"),
            new BigDecimal("0.000015"), new BigDecimal("0.00000375"), new BigDecimal("0.000006"), new BigDecimal("0.0000003"),
            200_000, new BigDecimal("0.000006"), new BigDecimal("0.0000225"), new BigDecimal("0.0000075"),
            new BigDecimal("0.000012"), new BigDecimal("0.0000006"), List.of());

    @Test
    void everyTokenBucketIsPricedAtItsOwnRateExactly() {
        Usage u = new Usage(1000, 500, 20_000, 4000, 1000, 0);
        Cost c = CostCalculator.cost(SONNET, u, BigDecimal.ONE, BigDecimal.ONE);
        // 1000*3 + 500*15 + 20000*0.3 + 4000*3.75 + 1000*6 = 3000 + 7500 + 6000 + 15000 + 6000 = 37500 micro-dollars
        assertThat(c.total()).isEqualByComparingTo("0.0375");
        assertThat(c.cacheRead()).isEqualByComparingTo("0.006");
        assertThat(c.longContext()).isFalse();
        assertThat(c.total().scale()).isEqualTo(15);
    }

    @Test
    void aboveTheThresholdTheWholeRequestIsPricedAtTheLongContextRates() {
        Usage u = new Usage(150_000, 1000, 60_000, 0, 0, 0); // 210,000 tokens of context
        Cost c = CostCalculator.cost(SONNET, u, BigDecimal.ONE, BigDecimal.ONE);
        // 150000*6 + 1000*22.5 + 60000*0.6 = 900000 + 22500 + 36000 micro-dollars
        assertThat(c.total()).isEqualByComparingTo("0.9585");
        assertThat(c.longContext()).isTrue();
        Cost below = CostCalculator.cost(SONNET, new Usage(140_000, 1000, 60_000, 0, 0, 0), BigDecimal.ONE, BigDecimal.ONE);
        assertThat(below.longContext()).isFalse();
        assertThat(below.total()).isEqualByComparingTo("0.453"); // 420000 + 15000 + 18000
    }

    @Test
    void providerAndGroupMultipliersCompoundWithoutFloatingPointError() {
        Usage u = new Usage(333, 777, 0, 0, 0, 0);
        Cost c = CostCalculator.cost(SONNET, u, new BigDecimal("1.1"), new BigDecimal("0.7"));
        BigDecimal expected = new BigDecimal("333").multiply(new BigDecimal("0.000003"))
                .add(new BigDecimal("777").multiply(new BigDecimal("0.000015"))).multiply(new BigDecimal("0.77"));
        assertThat(c.total()).isEqualByComparingTo(expected);
        assertThat(c.total()).isEqualByComparingTo("0.009743580");
    }

    @Test
    void missingCachePricesFallBackToTheInputRatios() {
        Price bare = new Price("m", "", "manual", new BigDecimal("0.000002"), new BigDecimal("0.00001"), null, null, null,
                null, null, null, null, null, null, List.of());
        Cost c = CostCalculator.cost(bare, new Usage(0, 0, 1_000_000, 1_000_000, 1_000_000, 0), BigDecimal.ONE, BigDecimal.ONE);
        // read 0.1x, 5m write 1.25x, 1h write 2x of $2/MTok
        assertThat(c.cacheRead()).isEqualByComparingTo("0.2");
        assertThat(c.cacheWrite5m()).isEqualByComparingTo("2.5");
        assertThat(c.cacheWrite1h()).isEqualByComparingTo("4");
    }

    @Test
    void aModelWithoutAPriceCostsNothingAndIsFlagged() {
        PriceTable table = new PriceTable(() -> List.of(SONNET));
        table.reload();
        Cost none = new CostCalculator(table).cost("mystery-model", new Usage(10, 10, 0, 0, 0, 0), BigDecimal.ONE, BigDecimal.ONE);
        assertThat(none.total()).isZero();
        assertThat(none.priceMissing()).isTrue();
        Cost dated = new CostCalculator(table).cost("claude-sonnet-4-5-20250929", new Usage(10, 0, 0, 0, 0, 0), BigDecimal.ONE, BigDecimal.ONE);
        assertThat(dated.priceMissing()).isFalse();
        assertThat(dated.total()).isEqualByComparingTo("0.00003");
    }
}

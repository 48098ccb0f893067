package dev.quarry.testkit.simulator;

import static dev.quarry.testkit.simulator.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private final MutableClock clock = new MutableClock();
    private LlmSimulator sim;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    private HttpResponse<String> chat(String model, String text) {
        return SimHttp.post(
                sim.baseUrl(Provider.OPENAI) + "/chat/completions",
                "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}",
                "Authorization",
                "Bearer sk-x");
    }

    @Test
    void chatCompletion_beyondRpm_returns429WithRetryAfter() {
        sim = LlmSimulator.builder().rpm(2).clock(clock).start();
        chat("gpt-4.1-nano", "one");
        chat("gpt-4.1-nano", "two");

        HttpResponse<String> third = chat("gpt-4.1-nano", "three");

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(json(third).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(json(third).at("/error/type").asText()).isEqualTo("requests");
        assertThat(json(third).at("/error/message").asText())
                .startsWith("Rate limit reached for gpt-4.1-nano in organization org-simulator on requests per min"
                        + " (RPM): Limit 2, Used 2, Requested 1. Please try again in 30s.");
        // one request refills in 60 s / 2 = 30 s
        assertThat(third.headers().firstValue("retry-after")).hasValue("30");
        assertThat(third.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
        assertThat(sim.counters().rateLimited()).isEqualTo(1);
    }

    @Test
    void chatCompletion_afterTheBucketRefills_isAdmittedAgain() {
        sim = LlmSimulator.builder().rpm(2).clock(clock).start();
        chat("gpt-4.1-nano", "one");
        chat("gpt-4.1-nano", "two");
        clock.advance(Duration.ofSeconds(30));

        HttpResponse<String> third = chat("gpt-4.1-nano", "three");

        assertThat(third.statusCode()).isEqualTo(200);
    }

    @Test
    void chatCompletion_success_carriesRateLimitHeaders() {
        sim = LlmSimulator.builder().rpm(60).tpm(1000).clock(clock).start();

        HttpResponse<String> r = chat("gpt-4.1-nano", "hello");

        int total = json(r).at("/usage/total_tokens").asInt();
        assertThat(r.headers().firstValue("x-ratelimit-limit-requests")).hasValue("60");
        assertThat(r.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("59");
        assertThat(r.headers().firstValue("x-ratelimit-reset-requests")).hasValue("1s");
        assertThat(r.headers().firstValue("x-ratelimit-limit-tokens")).hasValue("1000");
        assertThat(r.headers().firstValue("x-ratelimit-remaining-tokens")).hasValue(Integer.toString(1000 - total));
    }

    @Test
    void chatCompletion_beyondTpm_returns429OfTypeTokens() {
        sim = LlmSimulator.builder().tpm(40).clock(clock).start();
        String text = "x".repeat(100); // 25 prompt tokens + 4 overhead, plus the answer
        chat("gpt-4.1-nano", text);

        HttpResponse<String> second = chat("gpt-4.1-nano", text);

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(json(second).at("/error/type").asText()).isEqualTo("tokens");
        assertThat(json(second).at("/error/message").asText()).contains("on tokens per min (TPM): Limit 40");
    }

    @Test
    void chatCompletion_largerThanTheTpmLimit_isTooLargeWithoutRetryAfter() {
        sim = LlmSimulator.builder().tpm(10).clock(clock).start();

        HttpResponse<String> r = chat("gpt-4.1-nano", "x".repeat(200));

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(json(r).at("/error/message").asText()).startsWith("Request too large for gpt-4.1-nano");
        assertThat(r.headers().firstValue("retry-after")).isEmpty();
    }

    @Test
    void modelLimits_areKeptPerModel() {
        sim = LlmSimulator.builder()
                .rpm(100)
                .modelLimits("gpt-4.1-mini", Limits.of(1, 0))
                .clock(clock)
                .start();
        chat("gpt-4.1-mini", "one");

        assertThat(chat("gpt-4.1-mini", "two").statusCode()).isEqualTo(429);
        assertThat(chat("gpt-4.1-nano", "two").statusCode()).isEqualTo(200);
    }

    @Test
    void tokenCharge_maxOutput_chargesTheRequestedLimit() {
        sim = LlmSimulator.builder()
                .tpm(1000)
                .tokenCharge(TokenCharge.MAX_OUTPUT)
                .clock(clock)
                .start();

        HttpResponse<String> r = SimHttp.post(
                sim.baseUrl(Provider.OPENAI) + "/chat/completions",
                "{\"model\":\"m\",\"max_tokens\":500,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "Authorization",
                "Bearer sk-x");

        int prompt = json(r).at("/usage/prompt_tokens").asInt();
        assertThat(r.headers().firstValue("x-ratelimit-remaining-tokens"))
                .hasValue(Integer.toString(1000 - prompt - 500));
        assertThat(sim.counters().tokensCharged()).isEqualTo(prompt + 500);
    }

    @Test
    void reset_refillsTheBuckets() {
        sim = LlmSimulator.builder().rpm(1).clock(clock).start();
        chat("gpt-4.1-nano", "one");

        sim.reset();

        assertThat(chat("gpt-4.1-nano", "two").statusCode()).isEqualTo(200);
    }
}

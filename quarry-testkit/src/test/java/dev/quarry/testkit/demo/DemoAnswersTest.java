package dev.quarry.testkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.testkit.simulator.AnswerFunction;
import dev.quarry.testkit.simulator.ChatMessage;
import dev.quarry.testkit.simulator.ChatRequest;
import dev.quarry.testkit.simulator.Provider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DemoAnswers ANSWERS = DemoAnswers.create();

    private static final String TICKET_INFO_SCHEMA = "{\"type\":\"object\",\"properties\":{"
            + "\"product\":{\"type\":\"string\",\"description\":\"product the customer writes about\"},"
            + "\"wantsRefund\":{\"type\":\"boolean\",\"description\":\"true if the customer asks for money back\"},"
            + "\"errorCodes\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},"
            + "\"description\":\"error codes quoted in the ticket\"}},"
            + "\"required\":[\"product\",\"wantsRefund\",\"errorCodes\"],\"additionalProperties\":false}";
    private static final String PREDICATE_SCHEMA = "{\"type\":\"object\",\"properties\":{\"answer\":"
            + "{\"type\":\"boolean\"}},\"required\":[\"answer\"],\"additionalProperties\":false}";
    private static final String TEAMS_SYSTEM = "You classify a text into exactly one of these classes:\n- billing\n"
            + "- technical\n- sales\n- account\nAnswer with the JSON object {\"label\": \"<class>\"}.";
    private static final String REDUCE_SYSTEM = "You combine documents into one result by following the user's"
            + " instruction. Answer with the result only.";

    private static ChatRequest request(String system, String user, String schema) {
        return request(Provider.OPENAI, system, user, schema);
    }

    private static ChatRequest request(Provider provider, String system, String user, String schema) {
        try {
            JsonNode s = schema == null ? null : JSON.readTree(schema);
            return new ChatRequest(
                    provider,
                    "gpt-4.1-nano",
                    system,
                    List.of(new ChatMessage("user", user)),
                    s,
                    s == null ? null : "answer",
                    s != null,
                    0.0,
                    null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String labelSchema(String... labels) {
        return "{\"type\":\"object\",\"properties\":{\"label\":{\"type\":\"string\",\"enum\":[\""
                + String.join("\",\"", labels) + "\"]}},\"required\":[\"label\"],\"additionalProperties\":false}";
    }

    private static String team(String body) {
        return json(ANSWERS.answer(
                        request(TEAMS_SYSTEM, body, labelSchema("billing", "technical", "sales", "account"))))
                .get("label")
                .asText();
    }

    private static boolean angry(String body) {
        return json(ANSWERS.answer(request(
                        "You judge whether a statement about the given input is true.",
                        "The customer who wrote this ticket is angry or frustrated: " + body,
                        PREDICATE_SCHEMA)))
                .get("answer")
                .asBoolean();
    }

    @Test
    void answer_extractTicketInfo_readsProductRefundAndCodes() {
        JsonNode info = json(ANSWERS.answer(request(
                "You extract structured information from a text.",
                "Text:\nThe Stripe sync in Payroll stopped working and throws SYNC-408, then HTTP 502."
                        + " Please reverse the $40.00 charge for this month.",
                TICKET_INFO_SCHEMA)));

        assertThat(info.get("product").asText()).isEqualTo("Payroll");
        assertThat(info.get("wantsRefund").asBoolean()).isTrue();
        assertThat(info.get("errorCodes").toString()).isEqualTo("[\"SYNC-408\",\"HTTP 502\"]");
    }

    @Test
    void answer_extractTicketWithoutRefundOrCodes_givesFalseAndEmptyList() {
        JsonNode info = json(ANSWERS.answer(request(
                "You extract structured information from a text.",
                "Text:\nCan we get a trial extension for Ledger? We need two more weeks.",
                TICKET_INFO_SCHEMA)));

        assertThat(info.get("product").asText()).isEqualTo("Ledger");
        assertThat(info.get("wantsRefund").asBoolean()).isFalse();
        assertThat(info.get("errorCodes")).isEmpty();
    }

    /** Every ticket template of tools/make_demo_data.py, filled in, with its team and mood. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "billing|angry|I was charged $120.00 twice this month for Ledger. This is the second time it happened and nobody answered my last email. I want a refund for the duplicate charge today.",
                "billing|angry|Your invoice shows 12 seats on Payroll but we only have 9 people. Fix the bill and refund the difference, I'm tired of chasing this.",
                "billing|neutral|Could you send the invoice for October 02 as a PDF with our VAT number on it? Our accountant needs it for Inventory.",
                "billing|neutral|We would like to switch Analytics from monthly to yearly billing. What happens to the current month we already paid?",
                "billing|angry|You renewed Storefront automatically even though I cancelled on October 12. Please reverse the $299.50 charge and confirm the cancellation.",
                "billing|happy|Thanks for sorting out the credit note so fast last week. One more question: can the Ledger invoices go to finance@ instead of me?",
                "technical|angry|Payroll has been crashing with error E-1042 every time we export since the update on October 03. We lost a whole afternoon of work. This is unacceptable.",
                "technical|angry|The Shopify sync in Storefront stopped working two days ago and throws SYNC-408. Our orders are not coming through. Please escalate.",
                "technical|neutral|After the latest release the dashboard page in Analytics loads very slowly (around 14 seconds). Is this a known issue?",
                "technical|neutral|I get HTTP 502 when I try to log in to Inventory with SSO. Password login still works. Can you check our SAML settings?",
                "technical|angry|Data in Ledger is wrong: the reports report shows 40 items but the database has 37. We rely on this for month end and it keeps failing with E-2201.",
                "technical|neutral|The Payroll API returns HTTP 429 for about 12% of requests since October 09. Retrying helps. Anything changed on your side?",
                "technical|happy|The new forecast screen in Analytics is great. Small bug though: the export button shows ERR_TIMEOUT on Safari.",
                "sales|neutral|We are a team of 25 and considering the business plan for Ledger. Do you offer a discount for non-profits?",
                "sales|happy|Loving Storefront so far! We'd like to add Slack and 10 more seats. Who can I talk to about an enterprise quote?",
                "sales|neutral|Does Payroll support data residency in the EU? Our legal team needs this before we can sign.",
                "sales|neutral|Can we get a trial extension for Inventory? We need two more weeks to test the checkout module with our team of 8.",
                "sales|happy|Our pilot with Analytics went well. Please send a quote for 30 seats on the yearly plan, including Xero.",
                "account|neutral|Please transfer ownership of our Ledger workspace from me to my colleague; I'm leaving the company on October 20.",
                "account|angry|I've been locked out of Payroll since October 05 and the reset email never arrives. I have a deadline tomorrow. Help!",
                "account|neutral|How do I delete an old user from Inventory? The audit log settings page doesn't show a remove button.",
                "account|happy|Quick one: can I change the name of our Storefront workspace? Thanks for the great support so far.",
            })
    void answer_bundledTicketTemplates_classifyAndJudgeAngerLikeTheirTemplate(String team, String mood, String body) {
        assertThat(team(body)).isEqualTo(team);
        assertThat(angry(body)).isEqualTo(mood.equals("angry"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "positive|Really happy with this. Very comfortable for long flights. Recommended.",
                "negative|Disappointed. The strap broke after two weeks. Returning it.",
                "neutral|Does Payroll support data residency in the EU?",
            })
    void answer_sentiment_countsFavourableAndUnfavourableWords(String expected, String text) {
        JsonNode answer = json(ANSWERS.answer(request(
                "You judge the sentiment a text expresses.", text, labelSchema("positive", "negative", "neutral"))));

        assertThat(answer.get("label").asText()).isEqualTo(expected);
    }

    @Test
    void answer_classifyWithDescriptions_usesTheDescriptionWords() {
        String system = "You classify a text into exactly one of these classes:\n"
                + "- kitchen: ovens, fridges and dishwashers\n- garden: lawn mowers and hoses\n"
                + "Answer with the JSON object {\"label\": \"<class>\"}.";

        JsonNode answer = json(
                ANSWERS.answer(request(system, "My lawn mowers will not start.", labelSchema("kitchen", "garden"))));

        assertThat(answer.get("label").asText()).isEqualTo("garden");
    }

    @Test
    void answer_classOfTheTextNotAmongTheLabels_choosesTheClosestOne() {
        String lockout = "I've been locked out of Payroll since May 05 and the reset email never arrives. Help!";

        JsonNode answer = json(ANSWERS.answer(request(
                "You classify a text into exactly one of these classes:\n- billing\n- technical\n- sales\n",
                lockout,
                labelSchema("billing", "technical", "sales"))));

        assertThat(answer.get("label").asText()).isEqualTo("technical");
    }

    @Test
    void answer_textNoLabelFits_getsTheSameLabelFromEveryModel() {
        String schema = labelSchema("red", "green", "blue");
        ChatRequest openAi = request(Provider.OPENAI, "Classify.", "Lorem ipsum dolor sit amet", schema);
        ChatRequest gemini = new ChatRequest(
                Provider.GEMINI,
                "gemini-2.5-flash",
                openAi.system(),
                openAi.messages(),
                openAi.schema(),
                null,
                true,
                0.0,
                null);

        assertThat(ANSWERS.answer(gemini)).isEqualTo(ANSWERS.answer(openAi));
    }

    @Test
    void answer_reduceTickets_namesTopThemesProductsAndCount() {
        List<String> docs = List.of(
                "I was charged $19.00 twice this month for Ledger. I want a refund for the duplicate charge today.",
                "I was charged $49.50 twice this month for Ledger. I want a refund for the duplicate charge today.",
                "You renewed Payroll automatically even though I cancelled on May 02. Please reverse the $29.00 charge.",
                "Your invoice shows 12 seats on Ledger but we only have 9 people. Fix the bill and refund the difference.");

        String summary = ANSWERS.answer(
                request(REDUCE_SYSTEM, reducePrompt("Summarize the common complaints in these tickets", docs), null));

        assertThat(summary)
                .startsWith("Refund requests (4), duplicate charges (2) and ")
                .endsWith("; most about Ledger (3) (4 tickets)");
    }

    @Test
    void answer_reduceReviewsAskingForPraise_splitsPraiseFromCriticism() {
        List<String> docs = List.of(
                "The sound quality is superb. Battery life is far shorter than advertised, barely 10 hours.",
                "Very comfortable for long flights. The sound quality fills the whole room.",
                "Disappointed. Battery life is far shorter than advertised, barely 10 hours. Returning it.");

        String summary = ANSWERS.answer(request(
                REDUCE_SYSTEM,
                reducePrompt("Summarize what customers praise and criticise in these reviews", docs),
                null));

        assertThat(summary)
                .isEqualTo("Praised: sound quality (2), comfort (1); criticised: battery life (2) (3 reviews)");
    }

    @Test
    void answer_mergeOfPartialResults_addsTheCountsUp() {
        List<String> partials = List.of(
                "Duplicate charges (3) and refund requests (2); most about Ledger (3) (4 tickets)",
                "Refund requests (5) and invoice issues (1); most about Ledger (2) and Payroll (2) (6 tickets)");

        String merged = ANSWERS.answer(request(
                "You combine partial results into one.", reducePrompt("Summarize the complaints", partials), null));

        assertThat(merged)
                .isEqualTo("Refund requests (7), duplicate charges (3) and invoice issues (1);"
                        + " most about Ledger (5) (10 tickets)");
    }

    @Test
    void answer_summarizeOneTicket_namesProductThemesAndCodes() {
        String summary = ANSWERS.answer(request(
                "You summarize texts. Answer with the summary only.",
                "The HubSpot sync in Storefront stopped working two days ago and throws E-7713. Please escalate.",
                null));

        assertThat(summary).isEqualTo("Storefront: broken integration syncs (E-7713).");
    }

    @Test
    void answer_meetingNotes_extractsNestedActionItemsDecisionsAndAttendees() {
        String schema = "{\"type\":\"object\",\"properties\":{"
                + "\"attendees\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"description\":\"people who spoke\"},"
                + "\"decisions\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"description\":\"decisions taken\"},"
                + "\"actionItems\":{\"type\":\"array\",\"description\":\"action items agreed\",\"items\":{"
                + "\"type\":\"object\",\"properties\":{\"owner\":{\"type\":\"string\"},\"task\":{\"type\":\"string\"},"
                + "\"due\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"owner\",\"task\",\"due\"],"
                + "\"additionalProperties\":false}}},\"required\":[\"attendees\",\"decisions\",\"actionItems\"],"
                + "\"additionalProperties\":false}";
        String transcript = "Text:\nPriya: We decided to ship on the 14th.\n"
                + "Tom: I'll fix the Safari date picker bug by Wednesday.\n"
                + "Lena: I can take the second blocker. I'll have a patch by Thursday.\n"
                + "Priya: Tom, can you also update the release notes before the release?\nTom: Sure.";

        JsonNode notes = json(ANSWERS.answer(request("You extract structured information.", transcript, schema)));

        assertThat(notes.get("attendees").toString()).isEqualTo("[\"Priya\",\"Tom\",\"Lena\"]");
        assertThat(notes.get("decisions").toString()).isEqualTo("[\"Ship on the 14th\"]");
        assertThat(notes.get("actionItems").toString())
                .isEqualTo("[{\"owner\":\"Tom\",\"task\":\"Fix the Safari date picker bug\",\"due\":\"Wednesday\"},"
                        + "{\"owner\":\"Lena\",\"task\":\"Take the second blocker\",\"due\":\"Thursday\"},"
                        + "{\"owner\":\"Tom\",\"task\":\"Update the release notes\",\"due\":\"the release\"}]");
    }

    @Test
    void answer_logLineInGeminiSchemaDialect_fillsServiceLevelCodeAndDuration() {
        String schema = "{\"type\":\"OBJECT\",\"properties\":{"
                + "\"service\":{\"type\":\"STRING\",\"description\":\"the service that logged the line\"},"
                + "\"level\":{\"type\":\"STRING\",\"enum\":[\"DEBUG\",\"INFO\",\"WARN\",\"ERROR\",\"FATAL\"]},"
                + "\"errorCode\":{\"type\":\"STRING\",\"nullable\":true,\"description\":\"error code, if any\"},"
                + "\"durationMs\":{\"type\":\"INTEGER\",\"nullable\":true,\"description\":\"duration in milliseconds\"}},"
                + "\"required\":[\"service\",\"level\",\"errorCode\",\"durationMs\"]}";
        String line = "Text:\n2026-11-03T09:14:22Z ERROR [payments-api] connection pool exhausted:"
                + " 40/40 connections in use, waited 30000 ms (code DB-1203)";

        JsonNode event = json(ANSWERS.answer(request(Provider.GEMINI, "Extract.", line, schema)));

        assertThat(event.toString())
                .isEqualTo("{\"service\":\"payments-api\",\"level\":\"ERROR\",\"errorCode\":\"DB-1203\","
                        + "\"durationMs\":30000}");
    }

    @Test
    void answer_nullableFieldTheTextDoesNotMention_isNull() {
        String schema = "{\"type\":\"object\",\"properties\":{\"errorCode\":{\"anyOf\":[{\"type\":\"string\"},"
                + "{\"type\":\"null\"}]}},\"required\":[\"errorCode\"],\"additionalProperties\":false}";

        JsonNode event = json(ANSWERS.answer(request("Extract.", "INFO [auth-service] user 4411 signed in", schema)));

        assertThat(event.get("errorCode").isNull()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "true|Acme Corporation (Chicago)|ACME Corp. (Chicago)",
                "true|Blue Harbor Foods (Portland)|Blueharbor Foods Inc (Portland)",
                "true|Evergreen Farms (Eugene)|Evergren Farms (Eugene)",
                "true|Maple & Oak Interiors (Toronto)|Maple and Oak Interiors (Toronto)",
                "true|Tidewater Port Authority (Norfolk)|Tidewater Port Auth. (Norfolk)",
                "true|International Business Machines (Armonk)|IBM (Armonk)",
                "false|Northwind Traders (Seattle)|Northwind Logistics (Seattle)",
                "false|Harbor Health Clinic (Miami)|Harbor Health (Tampa)",
                "false|Nimbus Networks (Dublin)|Nimbus Cloud (Dublin)",
            })
    void answer_sameCompanyQuestion_matchesNamesLikeACarefulReader(boolean expected, String left, String right) {
        String prompt =
                "Do these two records refer to the same company?\nCRM account: " + left + "\nInvoice vendor: " + right;

        JsonNode verdict =
                json(ANSWERS.answer(request("You judge whether a statement is true.", prompt, PREDICATE_SCHEMA)));

        assertThat(verdict.get("answer").asBoolean()).isEqualTo(expected);
    }

    @Test
    void answer_refundQuestion_ignoresTheWordRefundInTheQuestion() {
        JsonNode verdict = json(ANSWERS.answer(request(
                "You judge whether a statement is true.",
                "Does the customer ask for a refund? Can we get a trial extension for Ledger?",
                PREDICATE_SCHEMA)));

        assertThat(verdict.get("answer").asBoolean()).isFalse();
    }

    @Test
    void answer_requestNoRuleKnows_fallsBackToTheDefaultAnswers() {
        ChatRequest request = request("Translate into French.", "Good morning", null);

        assertThat(ANSWERS.answer(request)).isEqualTo(AnswerFunction.defaults().answer(request));
    }

    @Test
    void answer_sameRequestTwice_givesTheSameAnswer() {
        ChatRequest request = request(
                REDUCE_SYSTEM,
                reducePrompt("Summarize", List.of("The app takes ten seconds to open.", "Search is very slow.")),
                null);

        assertThat(ANSWERS.answer(request)).isEqualTo(ANSWERS.answer(request));
    }

    private static String reducePrompt(String instruction, List<String> docs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            parts.add("[" + (i + 1) + "]\n" + docs.get(i) + "\n");
        }
        return "Instruction: " + instruction + "\n\nDocuments:\n\n" + String.join("\n", parts);
    }
}

package dev.quarry.functions;

import static java.util.Objects.requireNonNull;

import dev.quarry.Column;
import dev.quarry.internal.analyzer.SemanticCalls;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.SemanticFunction.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The semantic operators: columns computed by language and embedding models. They are used like
 * any other column, in {@code select}, {@code withColumn(s)} and {@code filter}, and
 * {@link #reduce} in {@code agg}; each call is checked when the DataFrame is built (template
 * variables name columns, records describe their fields, labels are distinct, the model alias is
 * configured) and runs through the inference runtime when an action runs.
 *
 * <p>Prompts are Jinja templates: {@code {{ name }}} reads the column {@code name} of the DataFrame
 * the column is used on. A null in any column an operator reads gives a null result and sends no
 * request; an answer that cannot be read as the result type gives null and is counted as a failed
 * row. Every operator also takes a trailing {@link SemanticOptions} (model alias, temperature,
 * output cap, few-shot examples, timeout); without one it calls the session's default model.
 *
 * <pre>{@code
 * import static dev.quarry.functions.Functions.*;
 * import dev.quarry.functions.Semantic;
 *
 * DataFrame enriched = tickets
 *         .withColumn("info", Semantic.extract(col("body"), TicketInfo.class))
 *         .withColumn("team", Semantic.classify(col("body"), "billing", "technical", "sales"))
 *         .filter(Semantic.predicate("The customer in this ticket is angry: {{ body }}"));
 * }</pre>
 */
public final class Semantic {
    private Semantic() {}

    // ------------------------------------------------------------------ map

    /**
     * Evaluates to the model's answer (a string) to the prompt rendered for each row.
     *
     * <pre>{@code df.withColumn("reply", Semantic.map("Write a one-line reply to this ticket: {{ body }}"))}</pre>
     *
     * @param template a Jinja template reading columns as {@code {{ column }}}
     * @return a string column
     */
    public static Column map(String template) {
        return map(template, SemanticOptions.defaults());
    }

    /**
     * Like {@link #map(String)}, with options.
     *
     * <pre>{@code Semantic.map("Translate to French: {{ body }}", SemanticOptions.model("claude").temperature(0.3))}</pre>
     *
     * @param template a Jinja template reading columns as {@code {{ column }}}
     * @param options model, temperature, output cap, examples, timeout
     * @return a string column
     */
    public static Column map(String template, SemanticOptions options) {
        return Column.of(SemanticCalls.template(Kind.MAP, template, null, options, "Semantic.map"));
    }

    /**
     * Evaluates to the model's structured answer to the prompt: a struct shaped like the record
     * (nested records are structs, {@code List<T>} arrays, {@code Optional<T>} nullable fields,
     * enums strings). Every component needs {@link dev.quarry.Description @Description}.
     *
     * <pre>{@code
     * record Reply(@Description("a one-line answer") String text, @Description("true if a refund is offered") boolean refund) {}
     * df.withColumn("reply", Semantic.map("Answer this ticket: {{ body }}", Reply.class));
     * }</pre>
     *
     * @param template a Jinja template reading columns as {@code {{ column }}}
     * @param responseFormat the record class of the answer
     * @param <R> the record type
     * @return a struct column
     */
    public static <R extends Record> Column map(String template, Class<R> responseFormat) {
        return map(template, responseFormat, SemanticOptions.defaults());
    }

    /**
     * Like {@link #map(String, Class)}, with options.
     *
     * <pre>{@code Semantic.map("Answer: {{ body }}", Reply.class, SemanticOptions.model("claude"))}</pre>
     *
     * @param template a Jinja template reading columns as {@code {{ column }}}
     * @param responseFormat the record class of the answer
     * @param options model, temperature, output cap, examples, timeout
     * @param <R> the record type
     * @return a struct column
     */
    public static <R extends Record> Column map(String template, Class<R> responseFormat, SemanticOptions options) {
        requireNonNull(responseFormat, "responseFormat is null");
        return Column.of(SemanticCalls.template(Kind.MAP, template, responseFormat, options, "Semantic.map"));
    }

    // ------------------------------------------------------------------ extract

    /**
     * Evaluates to the fields of the record the model extracts from the text: a struct shaped like
     * the record (nested records are structs, {@code List<T>} arrays, {@code Optional<T>} nullable
     * fields, enums strings). Every component, nested ones included, needs
     * {@link dev.quarry.Description @Description} telling the model what it means.
     *
     * <pre>{@code
     * record TicketInfo(
     *     @Description("product the customer writes about") String product,
     *     @Description("error codes quoted in the ticket") List<String> errorCodes) {}
     * df.withColumn("info", Semantic.extract(col("body"), TicketInfo.class)).unnest("info");
     * }</pre>
     *
     * @param text a text column
     * @param schema the record class describing what to extract
     * @param <R> the record type
     * @return a struct column
     */
    public static <R extends Record> Column extract(Column text, Class<R> schema) {
        return extract(text, schema, SemanticOptions.defaults());
    }

    /**
     * Like {@link #extract(Column, Class)}, with options.
     *
     * <pre>{@code Semantic.extract(col("body"), TicketInfo.class, SemanticOptions.model("claude"))}</pre>
     *
     * @param text a text column
     * @param schema the record class describing what to extract
     * @param options model, temperature, output cap, examples, timeout
     * @param <R> the record type
     * @return a struct column
     */
    public static <R extends Record> Column extract(Column text, Class<R> schema, SemanticOptions options) {
        requireNonNull(schema, "schema is null");
        return Column.of(SemanticCalls.text(Kind.EXTRACT, expr(text), schema, List.of(), options, "Semantic.extract"));
    }

    // ------------------------------------------------------------------ predicate

    /**
     * Evaluates to the model's true/false judgement of the prompt for each row (a boolean); use it
     * in {@code filter} to keep the rows judged true.
     *
     * <pre>{@code df.filter(Semantic.predicate("The customer in this ticket is angry: {{ body }}"))}</pre>
     *
     * @param template a Jinja template reading columns as {@code {{ column }}}
     * @return a boolean column
     */
    public static Column predicate(String template) {
        return predicate(template, SemanticOptions.defaults());
    }

    /**
     * Like {@link #predicate(String)}, with options.
     *
     * <pre>{@code Semantic.predicate("Mentions a refund: {{ body }}", SemanticOptions.model("fast"))}</pre>
     *
     * @param template a Jinja template reading columns as {@code {{ column }}}
     * @param options model, temperature, output cap, examples, timeout
     * @return a boolean column
     */
    public static Column predicate(String template, SemanticOptions options) {
        return Column.of(SemanticCalls.template(Kind.PREDICATE, template, null, options, "Semantic.predicate"));
    }

    // ------------------------------------------------------------------ classify

    /**
     * Evaluates to the label (a string, one of {@code labels}) that fits the text best.
     *
     * <pre>{@code df.withColumn("team", Semantic.classify(col("body"), "billing", "technical", "sales"))}</pre>
     *
     * @param text a text column
     * @param labels at least two distinct labels
     * @return a string column
     */
    public static Column classify(Column text, String... labels) {
        requireNonNull(labels, "labels is null");
        return classify(text, ClassDefinition.labels(labels), SemanticOptions.defaults());
    }

    /**
     * Evaluates to the label of the class (a string) that fits the text best; the descriptions
     * tell the model what each class means.
     *
     * <pre>{@code
     * Semantic.classify(col("body"), List.of(
     *         ClassDefinition.of("billing", "invoices, charges, refunds"),
     *         ClassDefinition.of("technical", "crashes and errors")))
     * }</pre>
     *
     * @param text a text column
     * @param classes at least two classes with distinct labels
     * @return a string column
     */
    public static Column classify(Column text, List<ClassDefinition> classes) {
        return classify(text, classes, SemanticOptions.defaults());
    }

    /**
     * Like {@link #classify(Column, List)}, with options.
     *
     * <pre>{@code Semantic.classify(col("body"), ClassDefinition.labels("billing", "technical"), SemanticOptions.model("fast"))}</pre>
     *
     * @param text a text column
     * @param classes at least two classes with distinct labels
     * @param options model, temperature, output cap, examples, timeout
     * @return a string column
     */
    public static Column classify(Column text, List<ClassDefinition> classes, SemanticOptions options) {
        requireNonNull(classes, "classes is null");
        return Column.of(SemanticCalls.text(Kind.CLASSIFY, expr(text), null, classes, options, "Semantic.classify"));
    }

    // ------------------------------------------------------------------ sentiment and summaries

    /**
     * Evaluates to the sentiment of the text: {@code positive}, {@code negative} or {@code neutral}.
     *
     * <pre>{@code reviews.withColumn("sentiment", Semantic.analyzeSentiment(col("review")))}</pre>
     *
     * @param text a text column
     * @return a string column
     */
    public static Column analyzeSentiment(Column text) {
        return analyzeSentiment(text, SemanticOptions.defaults());
    }

    /**
     * Like {@link #analyzeSentiment(Column)}, with options.
     *
     * <pre>{@code Semantic.analyzeSentiment(col("review"), SemanticOptions.model("fast"))}</pre>
     *
     * @param text a text column
     * @param options model, temperature, output cap, examples, timeout
     * @return a string column
     */
    public static Column analyzeSentiment(Column text, SemanticOptions options) {
        return Column.of(
                SemanticCalls.text(Kind.SENTIMENT, expr(text), null, List.of(), options, "Semantic.analyzeSentiment"));
    }

    /**
     * Evaluates to a short summary of the text (a string).
     *
     * <pre>{@code docs.withColumn("summary", Semantic.summarize(col("body")))}</pre>
     *
     * @param text a text column
     * @return a string column
     */
    public static Column summarize(Column text) {
        return summarize(text, SemanticOptions.defaults());
    }

    /**
     * Like {@link #summarize(Column)}, with options.
     *
     * <pre>{@code Semantic.summarize(col("body"), SemanticOptions.model("claude").maxOutputTokens(200))}</pre>
     *
     * @param text a text column
     * @param options model, temperature, output cap, examples, timeout
     * @return a string column
     */
    public static Column summarize(Column text, SemanticOptions options) {
        return Column.of(
                SemanticCalls.text(Kind.SUMMARIZE, expr(text), null, List.of(), options, "Semantic.summarize"));
    }

    // ------------------------------------------------------------------ embed

    /**
     * Evaluates to the text's embedding under the session's default embedding model: an
     * {@code embedding<dimensions, model>} column (a {@code float[]} per row).
     *
     * <pre>{@code df.withColumn("embedding", Semantic.embed(col("body")))}</pre>
     *
     * @param text a text column
     * @return an embedding column
     */
    public static Column embed(Column text) {
        return embed(text, SemanticOptions.defaults());
    }

    /**
     * Like {@link #embed(Column)}, with an embedding model alias or a timeout (temperature, output
     * cap and examples do not apply).
     *
     * <pre>{@code Semantic.embed(col("body"), SemanticOptions.model("mini"))}</pre>
     *
     * @param text a text column
     * @param options the embedding model alias and timeout
     * @return an embedding column
     */
    public static Column embed(Column text, SemanticOptions options) {
        return Column.of(SemanticCalls.text(Kind.EMBED, expr(text), null, List.of(), options, "Semantic.embed"));
    }

    // ------------------------------------------------------------------ reduce

    /**
     * An aggregate for {@code agg}: evaluates to one string per group, the model's answer to the
     * instruction over all of the group's non-null texts (reduced hierarchically when they do not
     * fit in one prompt). Null texts are left out; a group without texts gives null.
     *
     * <pre>{@code
     * tickets.groupBy(col("team"))
     *        .agg(count(col("id")).as("tickets"),
     *             Semantic.reduce("Summarize the common complaints", col("body")).as("summary"));
     * }</pre>
     *
     * @param instruction what to make of the texts, as plain text
     * @param text a text column
     * @return an aggregate string column
     */
    public static Column reduce(String instruction, Column text) {
        return reduce(instruction, text, List.of(), SemanticOptions.defaults());
    }

    /**
     * Like {@link #reduce(String, Column)}, with options.
     *
     * <pre>{@code Semantic.reduce("Summarize", col("body"), SemanticOptions.model("claude"))}</pre>
     *
     * @param instruction what to make of the texts, as plain text
     * @param text a text column
     * @param options model, temperature, output cap, timeout
     * @return an aggregate string column
     */
    public static Column reduce(String instruction, Column text, SemanticOptions options) {
        return reduce(instruction, text, List.of(), options);
    }

    /**
     * Like {@link #reduce(String, Column)}, reading each group's texts in an order (a plain column
     * sorts ascending; use {@code desc()} for descending).
     *
     * <pre>{@code Semantic.reduce("Tell the story of this ticket", col("message"), List.of(col("sent_at")))}</pre>
     *
     * @param instruction what to make of the texts, as plain text
     * @param text a text column
     * @param orderBy the order of the texts, first key first
     * @return an aggregate string column
     */
    public static Column reduce(String instruction, Column text, List<Column> orderBy) {
        return reduce(instruction, text, orderBy, SemanticOptions.defaults());
    }

    /**
     * Like {@link #reduce(String, Column, List)}, with options.
     *
     * <pre>{@code Semantic.reduce("Summarize the thread", col("message"), List.of(col("sent_at").desc()), SemanticOptions.model("claude"))}</pre>
     *
     * @param instruction what to make of the texts, as plain text
     * @param text a text column
     * @param orderBy the order of the texts, first key first
     * @param options model, temperature, output cap, timeout
     * @return an aggregate string column
     */
    public static Column reduce(String instruction, Column text, List<Column> orderBy, SemanticOptions options) {
        requireNonNull(orderBy, "orderBy is null");
        List<Expression> keys = new ArrayList<>(orderBy.size());
        for (Column c : orderBy) {
            keys.add(expr(c));
        }
        return Column.of(SemanticCalls.reduce(instruction, expr(text), keys, options));
    }

    private static Expression expr(Column c) {
        return requireNonNull(c, "column is null").expression();
    }
}

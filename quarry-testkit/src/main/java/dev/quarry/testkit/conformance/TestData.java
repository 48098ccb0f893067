package dev.quarry.testkit.conformance;

import java.util.Arrays;
import java.util.List;

/**
 * The small data sets every conformance test class shares. Each set has nulls where a behaviour
 * depends on them: a person without age, one without city, an order without customer, a sale
 * without region, tickets with empty, null and null-holding tag lists and a null struct.
 */
public final class TestData {
    private TestData() {}

    /**
     * A person; {@code id} is a primitive, so the column is {@code bigint not null}.
     *
     * @param id the key
     * @param name the name
     * @param age the age in years, or null
     * @param city the city, or null
     */
    public record Person(long id, String name, Integer age, String city) {}

    /**
     * An order of a customer ({@code customerId} matches {@link Person#id()}, or is null).
     *
     * @param orderId the key
     * @param customerId the customer, or null
     * @param amount the amount
     */
    public record Order(long orderId, Long customerId, double amount) {}

    /**
     * A sale, for aggregation.
     *
     * @param region the region, or null
     * @param product the product
     * @param qty the quantity, or null
     * @param price the unit price, or null
     */
    public record Sale(String region, String product, Integer qty, Double price) {}

    /**
     * Details of a ticket; a struct.
     *
     * @param product the product
     * @param priority the priority, or null
     */
    public record Info(String product, Integer priority) {}

    /**
     * A ticket with a struct and an array.
     *
     * @param id the key
     * @param info details, or null
     * @param tags labels, or null
     */
    public record Ticket(long id, Info info, List<String> tags) {}

    /** id, name, age, city: Grace has no age, Linus no city. */
    public static final List<Person> PEOPLE = List.of(
            new Person(1, "Ada", 36, "London"),
            new Person(2, "Grace", null, "New York"),
            new Person(3, "Linus", 28, null),
            new Person(4, "Edsger", 72, "Rotterdam"));

    /** Ada has two orders, Linus one; order 13 has an unknown customer, order 14 none. */
    public static final List<Order> ORDERS = List.of(
            new Order(10, 1L, 5.0),
            new Order(11, 1L, 7.5),
            new Order(12, 3L, 2.0),
            new Order(13, 9L, 1.0),
            new Order(14, null, 3.0));

    /** Two north sales (one without qty), two south apple sales (one without price), one without region. */
    public static final List<Sale> SALES = List.of(
            new Sale("north", "apple", 3, 1.5),
            new Sale("north", "pear", null, 2.0),
            new Sale("south", "apple", 5, 1.5),
            new Sale("south", "apple", 1, null),
            new Sale(null, "fig", 2, 4.0));

    /** Tags: two, none, null, and one holding a null; ticket 3 has no info. */
    public static final List<Ticket> TICKETS = List.of(
            new Ticket(1, new Info("router", 2), List.of("wifi", "slow")),
            new Ticket(2, new Info("modem", null), List.of()),
            new Ticket(3, null, null),
            new Ticket(4, new Info("router", 1), Arrays.asList("dns", null)));
}

package dev.quarry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a record component (or type) to the model, for structured extraction: the description
 * becomes the field's {@code description} in the JSON Schema sent to the provider.
 *
 * <pre>{@code
 * record TicketInfo(
 *     @Description("product the customer writes about") String product,
 *     @Description("true if the customer asks for money back") boolean wantsRefund) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE})
public @interface Description {
    /**
     * What the field means, in words a model understands.
     *
     * @return the description
     */
    String value();
}

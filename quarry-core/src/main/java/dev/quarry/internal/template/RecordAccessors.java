package dev.quarry.internal.template;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The component accessors of record classes, looked up once per class and cached, so that {@code
 * {{ info.product }}} on a record costs one reflective call, not a lookup.
 */
final class RecordAccessors {
    private static final ClassValue<Map<String, Method>> CACHE = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                try {
                    accessor.setAccessible(true);
                } catch (RuntimeException e) {
                    // not open to us (a named module): public accessors of public records still work
                }
                accessors.put(component.getName(), accessor);
            }
            return Collections.unmodifiableMap(accessors);
        }
    };

    private RecordAccessors() {}

    /** The accessors of a record class by component name, in declaration order; null for other classes. */
    static @Nullable Map<String, Method> of(Class<?> type) {
        return type.isRecord() ? CACHE.get(type) : null;
    }
}

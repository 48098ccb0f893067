package dev.quarry.internal.template;

import static java.util.Objects.requireNonNull;

import dev.quarry.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The variables a render reads: a map's entries or a row's columns. */
interface Context {
    /** Returned by {@link #lookup} for a name the context does not hold. */
    Object MISSING = new Object() {
        @Override
        public String toString() {
            return "MISSING";
        }
    };

    /** The value of {@code name} (null when it is none), or {@link #MISSING}. */
    Object lookup(String name);

    /** The names the context holds, for error messages. */
    List<String> names();

    static Context of(Map<String, ?> map) {
        return new MapContext(map);
    }

    static Context of(Row row) {
        return new RowContext(row);
    }

    record MapContext(Map<String, ?> map) implements Context {
        public MapContext {
            requireNonNull(map, "context map is null");
        }

        @Override
        public Object lookup(String name) {
            Object v = map.get(name);
            return v != null || map.containsKey(name) ? v : MISSING;
        }

        @Override
        public List<String> names() {
            List<String> names = new ArrayList<>();
            for (Object key : map.keySet()) {
                names.add(String.valueOf(key));
            }
            return names;
        }
    }

    record RowContext(Row row) implements Context {
        public RowContext {
            requireNonNull(row, "row is null");
        }

        @Override
        public Object lookup(String name) {
            int i = row.schema().indexOf(name);
            return i >= 0 ? row.get(i) : MISSING;
        }

        @Override
        public List<String> names() {
            return row.schema().names();
        }
    }
}

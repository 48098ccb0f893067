package dev.quarry.internal.template;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** Collects what a template reads from its context: root variable names and dotted paths. */
final class Analysis {
    private final Set<String> variables = new LinkedHashSet<>();
    private final Set<String> paths = new LinkedHashSet<>();

    /** Records a read of {@code path} ({@code left} or {@code left.name}) from the context. */
    void read(String path) {
        int dot = path.indexOf('.');
        variables.add(dot < 0 ? path : path.substring(0, dot));
        paths.add(path);
    }

    Set<String> variables() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(variables));
    }

    Set<String> paths() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(paths));
    }
}

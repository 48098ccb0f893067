package dev.quarry.internal.template;

import java.util.Arrays;

/**
 * The state of one render: the context and the local variables ({@code for} targets, {@code loop},
 * {@code set} names), each in a slot the parser assigned. One frame per render, so a shared {@link
 * Template} is safe to render from many threads.
 */
final class Frame {
    /** A slot whose variable has not been assigned yet in this render (or this loop iteration). */
    static final Object UNSET = new Object();

    private static final Object[] NO_SLOTS = new Object[0];

    final Context context;
    final Object[] slots;

    Frame(Context context, int slotCount) {
        this.context = context;
        if (slotCount == 0) {
            this.slots = NO_SLOTS;
        } else {
            this.slots = new Object[slotCount];
            Arrays.fill(slots, UNSET);
        }
    }
}

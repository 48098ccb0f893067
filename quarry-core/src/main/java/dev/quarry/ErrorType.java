package dev.quarry;

/** The kind of a {@link QuarryException}: whose move it is to fix the problem. */
public enum ErrorType {
    /** The program, its input or its configuration is wrong; the message says how to fix it. */
    USER_ERROR,
    /** A limit was reached: a budget, a quota, a guard on the size of a job. */
    RESOURCE_EXHAUSTED,
    /** Something outside Quarry failed: a provider, the file system, the network. */
    EXTERNAL,
    /** A bug in Quarry; please report it with the message and stack trace. */
    INTERNAL
}

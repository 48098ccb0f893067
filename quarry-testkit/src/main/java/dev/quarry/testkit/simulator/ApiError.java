package dev.quarry.testkit.simulator;

/** Thrown while parsing a request to answer it with a provider-shaped error. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Reply reply;

    ApiError(Reply reply) {
        super(null, null, false, false);
        this.reply = reply;
    }

    Reply reply() {
        return reply;
    }
}

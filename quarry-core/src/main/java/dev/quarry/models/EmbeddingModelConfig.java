package dev.quarry.models;

/**
 * The configuration of an embedding model, registered on a session under an alias with
 * {@code Session.builder().embeddingModel("mini", LocalEmbeddingModel.allMiniLmL6V2())}.
 */
public interface EmbeddingModelConfig extends ModelConfig {}
